/** A case's or a step's evidence, with an audited view link issued on request. */
import { useState } from 'preact/hooks';
import type { Api } from './api.ts';
import { Problem, type T, useData } from './ui.tsx';

interface EvidenceItem {
  evidenceId: string;
  step: string;
  status: string;
  kind?: string;
  description?: string;
  contentType?: string;
}

export function EvidenceList({ api, caseId, step, t }: { api: Api; caseId: string; step?: string; t: T }) {
  const query = step ? `?step=${encodeURIComponent(step)}` : '';
  const { data, error } = useData(
    () => api.get<{ evidence: EvidenceItem[] }>(`/cases/${caseId}/evidence${query}`),
    [caseId, step],
  );
  const [links, setLinks] = useState<Record<string, string>>({});
  const open = async (evidenceId: string) => {
    const issued = await api.post<{ link: { url: string } }>(`/cases/${caseId}/evidence/${evidenceId}/links`, {
      purpose: 'view',
    });
    setLinks((l) => ({ ...l, [evidenceId]: issued.link.url }));
  };
  if (error) return <Problem message={error} t={t} />;
  if (!data) return <p>{t('loading')}</p>;
  if (data.evidence.length === 0) return <p class="evidence-none">{t('none')}</p>;
  return (
    <ul class="evidence">
      {data.evidence.map((item) => (
        <li key={item.evidenceId}>
          <span>
            {item.description ?? item.evidenceId}（{item.kind ?? item.contentType}，{item.status}）
          </span>{' '}
          {item.status === 'recorded' ? (
            links[item.evidenceId] ? (
              <a href={links[item.evidenceId]} target="_blank" rel="noreferrer">
                {t('downloadLink')}
              </a>
            ) : (
              <button type="button" onClick={() => void open(item.evidenceId)}>
                {t('view')}
              </button>
            )
          ) : null}
        </li>
      ))}
    </ul>
  );
}
