/**
 * The export button: the board, the cases filed, the nodes due or the matters received in a period, as Excel or CSV,
 * built in the browser from the staff API's answers by the same code as `enforce export` (functions/domain/exports).
 */
import { useEffect, useState } from 'preact/hooks';
import writeXlsxFile from 'write-excel-file/browser';
import { collectExport } from '#domain/exports/collect.ts';
import { EXPORT_KINDS, type ExportKind, exportFileName, parsePeriod, toCsv, toSheet } from '#domain/exports/table.ts';
import type { Api } from './api.ts';
import type { LabelKey } from './i18n.ts';
import { Problem, type T } from './ui.tsx';

const KIND_KEYS: Record<ExportKind, LabelKey> = {
  board: 'exportBoard',
  cases: 'exportCases',
  nodes: 'exportNodes',
  matters: 'exportMatters',
};

function save(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function monthStart(): string {
  return `${new Date().toISOString().slice(0, 8)}01`;
}

export function ExportPanel({ api, t }: { api: Api; t: T }) {
  const [kind, setKind] = useState<ExportKind>('cases');
  const [from, setFrom] = useState(monthStart());
  const [to, setTo] = useState(new Date().toISOString().slice(0, 10));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  // On a virtual-clock directory the period defaults to the clock's month, not the machine's.
  useEffect(() => {
    api
      .get<{ mode: string; now: string }>('/clock')
      .then((clock) => {
        if (clock.mode !== 'virtual') return;
        const today = new Date(Date.parse(clock.now) + 8 * 3600_000).toISOString().slice(0, 10);
        setFrom(`${today.slice(0, 8)}01`);
        setTo(today);
      })
      .catch(() => undefined);
  }, [api]);
  const run = async (format: 'csv' | 'xlsx') => {
    setProblem(undefined);
    setDone(undefined);
    const period = kind === 'board' ? parsePeriod(undefined, undefined) : parsePeriod(from, to);
    if (typeof period === 'string') return setProblem(period);
    setBusy(true);
    try {
      const table = await collectExport((path) => api.get(path), kind, period);
      const name = exportFileName(table, format);
      if (format === 'csv') save(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), name);
      else {
        const { data, columns, sheet } = toSheet(table);
        save(await writeXlsxFile(data as never, { columns, sheet }).toBlob(), name);
      }
      setDone(`${name}（${table.rows.length}）`);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="exports" aria-label={t('export')} onSubmit={(e) => e.preventDefault()}>
      <strong>{t('export')}</strong>
      <label for="export-kind">{t('exportKind')}</label>
      <select
        id="export-kind"
        value={kind}
        onChange={(e) => setKind((e.target as HTMLSelectElement).value as ExportKind)}
      >
        {EXPORT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(KIND_KEYS[k])}
          </option>
        ))}
      </select>
      {kind === 'board' ? null : (
        <>
          <label for="export-from">{t('from')}</label>
          <input
            id="export-from"
            type="date"
            value={from}
            onInput={(e) => setFrom((e.target as HTMLInputElement).value)}
          />
          <label for="export-to">{t('to')}</label>
          <input id="export-to" type="date" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
        </>
      )}
      <button type="button" disabled={busy} onClick={() => void run('xlsx')}>
        {t('exportXlsx')}
      </button>
      <button type="button" disabled={busy} onClick={() => void run('csv')}>
        {t('exportCsv')}
      </button>
      <span aria-live="polite" data-testid="export-done">
        {busy ? t('loading') : (done ?? '')}
      </span>
      <Problem message={problem} t={t} />
    </form>
  );
}
