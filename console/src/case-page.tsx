/**
 * A case: status, phase, team and officer by name, money, time nodes (done ones with their completion date and how
 * late), parties, assets, disputes and objections, documents, measures, evidence and the timeline (the journal's narrative, in Chinese).
 */
import type { AssetClass } from '#domain/case/model.ts';
import { daysLate } from '#domain/exports/collect.ts';
import { ASSET_CLASS_LABELS, ASSET_STATUS_LABELS } from '#domain/timeline/labels.ts';
import { chinaTime, yuan } from './api.ts';
import { CaseObjections } from './disputes.tsx';
import { Disputes } from './distribution.tsx';
import { DocumentList } from './documents.tsx';
import { EvidenceList } from './evidence.tsx';
import type { LabelKey } from './i18n.ts';
import { MeasuresPanel } from './measures.tsx';
import { CaseCarryover } from './preservation.tsx';
import {
  english,
  type Light,
  LightBadge,
  nodeName,
  type PageProps,
  Problem,
  phaseLabel,
  Scroll,
  statusLabel,
  useData,
} from './ui.tsx';

export interface NodeView {
  node: string;
  ruleId: string;
  dueDate: string;
  dueAt: string;
  status: string;
  metAt?: string;
  unconfirmedYears: number[];
  extensions?: number;
}

interface CaseData {
  caseId: string;
  caseNumber: string;
  status: string;
  phase?: string;
  team?: string;
  officer?: string;
  teamName?: string;
  officerName?: string;
  claim: { totalFen: number };
  applicants: { partyId: string; name: string; kind: string }[];
  respondents: { partyId: string; name: string; kind: string }[];
  nodes: Record<string, NodeView>;
  nodeLights: Record<string, Light>;
  assets: Record<
    string,
    {
      assetId: string;
      class: string;
      institution: string;
      reference: string;
      balanceFen?: number;
      frozenFen: number;
      deductedFen: number;
      status: string;
      freezeExpiresOn?: string;
    }
  >;
  ledger: { entryId: string; kind: string; amountFen: number; at: string; counterparty: string }[];
}

export function CasePage({ api, t, lang, version, caseId }: PageProps & { caseId: string }) {
  const { data, error } = useData(() => api.get<CaseData>(`/cases/${caseId}`), [caseId]);
  const timeline = useData(
    () => api.get<{ lines: { seq: number; at: string; actor: string; text: string }[] }>(`/cases/${caseId}/timeline`),
    [caseId],
  );
  if (error) return <Problem message={error} t={t} />;
  if (!data) return <p>{t('loading')}</p>;
  const nodes = Object.values(data.nodes).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const balance = data.ledger.reduce((total, e) => total + (e.kind === 'received' ? e.amountFen : -e.amountFen), 0);
  return (
    <section aria-labelledby="case-title">
      <h2 id="case-title">
        {t('caseTitle')} <span class="case-number">{data.caseNumber}</span>
      </h2>
      <dl class="facts">
        <dt>{t('status')}</dt>
        <dd data-testid="case-status">{statusLabel(data.status, lang)}</dd>
        <dt>{t('phase')}</dt>
        <dd>{phaseLabel(data.phase, lang)}</dd>
        <dt>{t('team')}</dt>
        <dd data-testid="case-team">{data.teamName ?? data.team ?? '—'}</dd>
        <dt>{t('officer')}</dt>
        <dd data-testid="case-officer">{data.officerName ?? data.officer ?? '—'}</dd>
        <dt>{t('claim')}</dt>
        <dd>{yuan(data.claim.totalFen)}</dd>
        <dt>{t('balance')}</dt>
        <dd>{yuan(balance)}</dd>
      </dl>
      <h3>{t('nodes')}</h3>
      <Scroll>
        <table class="nodes">
          <thead>
            <tr>
              <th scope="col">{t('node')}</th>
              <th scope="col">{t('rule')}</th>
              <th scope="col">{t('dueDate')}</th>
              <th scope="col">{t('light')}</th>
              <th scope="col">{t('completedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((node) => {
              const late = daysLate(node.dueDate, node.metAt);
              return (
                <tr key={node.node} data-node={node.node}>
                  <td>{nodeName(node.node, lang)}</td>
                  <td>{node.ruleId}</td>
                  <td class="date">
                    {node.dueDate}
                    {node.unconfirmedYears.length > 0 ? ` ⚠ ${node.unconfirmedYears.join(',')}` : ''}
                  </td>
                  <td>
                    {late ? (
                      <span class="light light-late">{t('metLate')}</span>
                    ) : (
                      <LightBadge light={data.nodeLights[node.node] ?? 'green'} t={t} />
                    )}
                  </td>
                  <td class="date" data-testid="node-done">
                    {node.metAt ? chinaTime(node.metAt).slice(0, 10) : '—'}
                    {late ? <span class="late">{t('lateBy').replace('{n}', String(late))}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroll>
      <h3>{t('parties')}</h3>
      <ul>
        {data.applicants.map((p) => (
          <li key={p.partyId}>
            {t('applicant')}：{p.name}
          </li>
        ))}
        {data.respondents.map((p) => (
          <li key={p.partyId}>
            {t('respondent')}：{p.name}
          </li>
        ))}
      </ul>
      <h3>{t('assets')}</h3>
      {Object.keys(data.assets).length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <Scroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('kind')}</th>
                <th scope="col">{t('institution')}</th>
                <th scope="col">{t('reference')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('amount')}</th>
                <th scope="col">{t('seizureExpiry')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.values(data.assets).map((a) => (
                <tr key={a.assetId}>
                  <td>{lang === 'zh' ? (ASSET_CLASS_LABELS[a.class as AssetClass] ?? a.class) : english(a.class)}</td>
                  <td>{a.institution}</td>
                  <td>{a.reference}</td>
                  <td>
                    {lang === 'zh'
                      ? ((ASSET_STATUS_LABELS as Record<string, string>)[a.status] ?? a.status)
                      : english(a.status)}
                  </td>
                  <td>{yuan(a.deductedFen || a.frozenFen || a.balanceFen)}</td>
                  <td>{a.freezeExpiresOn ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      <h3>{t('money')}</h3>
      {data.ledger.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul>
          {data.ledger.map((e) => (
            <li key={e.entryId}>
              {chinaTime(e.at)} {t(e.kind as LabelKey)} {yuan(e.amountFen)}
            </li>
          ))}
        </ul>
      )}
      <Disputes api={api} lang={lang} caseId={caseId} />
      <CaseObjections api={api} lang={lang} caseId={caseId} version={version} />
      <CaseCarryover api={api} lang={lang} caseId={caseId} />
      <h3>{t('caseDocuments')}</h3>
      <DocumentList api={api} caseId={caseId} t={t} />
      <MeasuresPanel api={api} caseId={caseId} t={t} />
      <h3>{t('caseEvidence')}</h3>
      <EvidenceList api={api} caseId={caseId} t={t} />
      <h3>{t('timeline')}</h3>
      <Problem message={timeline.error} t={t} />
      <ol class="timeline">
        {(timeline.data?.lines ?? []).map((line, i) => (
          <li key={`${line.seq}-${i}`}>
            <time>{line.at}</time> <span class="actor">{line.actor}</span> <span>{line.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
