/**
 * `enforce export <board|cases|nodes|matters>`: a table for the court's monthly report, as CSV or Excel (.xlsx),
 * read through the staff API as the user named (the running server's, or in process), so the same rights apply as
 * in the console, whose export button builds the same table.
 */
import { existsSync, writeFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';
import { collectExport } from '#domain/exports/collect.ts';
import {
  EXPORT_KINDS,
  type ExportKind,
  type ExportTable,
  exportFileName,
  parsePeriod,
  toCsv,
  toSheet,
} from '#domain/exports/table.ts';
import { withApi } from './api-client.ts';
import { CliError, type Output } from './output.ts';
import type { GlobalOptions } from './session.ts';

const READING: Record<ExportKind, string> = {
  board: '读取指挥中心看板……',
  cases: '逐件读取案件……',
  nodes: '逐件读取案件的时间节点……',
  matters: '读取受托事项……',
};

export interface ExportOptions {
  as: string;
  from?: string;
  to?: string;
  format?: string;
  out?: string;
}

/** The table as a file's bytes: CSV text or an Excel workbook of one sheet. */
export async function exportBytes(table: ExportTable, format: 'csv' | 'xlsx'): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(toCsv(table), 'utf8');
  const { data, columns, sheet } = toSheet(table);
  // write-excel-file's cell types are its own; toSheet gives exactly those fields.
  return writeXlsxFile(data as never, { columns, sheet }).toBuffer();
}

export async function exportCommand(
  globals: GlobalOptions,
  out: Output,
  kind: string,
  options: ExportOptions,
): Promise<void> {
  if (!EXPORT_KINDS.includes(kind as ExportKind))
    throw new CliError(`未知的导出内容：${kind}（可选：${EXPORT_KINDS.join('、')}）`, 2);
  const period = parsePeriod(options.from, options.to);
  if (typeof period === 'string') throw new CliError(period, 2);
  const format = (options.format ?? (options.out?.endsWith('.csv') ? 'csv' : 'xlsx')) as 'csv' | 'xlsx';
  if (format !== 'csv' && format !== 'xlsx') throw new CliError(`导出格式只能是 csv 或 xlsx，收到：${format}`, 2);
  await withApi(
    globals,
    out,
    options.as,
    async ({ call }) => {
      out.progress(READING[kind as ExportKind]);
      const table = await collectExport((path) => call('GET', path), kind as ExportKind, period);
      const file = options.out ?? exportFileName(table, format);
      if (existsSync(file)) throw new CliError(`文件已存在，未覆盖：${file}`);
      writeFileSync(file, await exportBytes(table, format), { mode: 0o600, flag: 'wx' });
      const summary = {
        file,
        format,
        kind: table.kind,
        title: table.title,
        rows: table.rows.length,
        ...(table.period && table.period.from !== '0000-01-01' ? { period: table.period } : {}),
        truncated: table.truncated === true,
      };
      out.result(summary, () => {
        out.line(`已导出${table.title}：${file}（${table.rows.length} 行）`);
        if (table.truncated) out.line('注意：案件超过 200 件，只导出了前 200 件');
      });
    },
    { quiet: true },
  );
}
