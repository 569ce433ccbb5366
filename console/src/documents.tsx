/**
 * The case page's documents: each issued document (title, number, date, the start of its SHA-256 as on the
 * journal), opened inline as its signed PDF in a new tab, where the browser's viewer prints it.
 */
import { useEffect, useState } from 'preact/hooks';
import { type Api, chinaTime } from './api.ts';
import type { LabelKey } from './i18n.ts';

interface DocumentItem {
  docId: string;
  title: string;
  number: string;
  sha256: string;
  issuedAt: string;
}

export function DocumentList({ api, caseId, t }: { api: Api; caseId: string; t: (key: LabelKey) => string }) {
  const [items, setItems] = useState<DocumentItem[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api
      .get<{ documents: DocumentItem[] }>(`/cases/${caseId}/documents`)
      .then((d) => live && setItems(d.documents))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [caseId]);
  const open = async (docId: string) => {
    // The tab is opened at the click (popup blockers), then given the PDF once it has arrived.
    const tab = window.open('', '_blank');
    const file = await api.get<{ pdfBase64: string }>(`/cases/${caseId}/documents/${docId}/pdf`);
    const bytes = Uint8Array.from(atob(file.pdfBase64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    if (tab) tab.location.href = url;
    else window.location.href = url;
  };
  if (error)
    return (
      <p class="problem" role="alert">
        {t('error')}：{error}
      </p>
    );
  if (!items) return <p>{t('loading')}</p>;
  if (items.length === 0) return <p class="documents-none">{t('none')}</p>;
  return (
    <ul class="documents">
      {items.map((item) => (
        <li key={item.docId}>
          <span>
            {chinaTime(item.issuedAt)} {item.title} {item.number}（SHA-256 {item.sha256.slice(0, 12)}…）
          </span>{' '}
          <button type="button" onClick={() => void open(item.docId)}>
            {t('view')}
          </button>
        </li>
      ))}
    </ul>
  );
}
