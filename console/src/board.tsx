/** The command-center board: overdue and soon-due nodes, the approvals waiting longest, cases and workload. */
import { chinaTime } from './api.ts';
import type { NodeView } from './case-page.tsx';
import { BoardObjections } from './disputes.tsx';
import { Disputes } from './distribution.tsx';
import { ExportPanel } from './exports.tsx';
import type { Lang } from './i18n.ts';
import { PreservationBoard } from './preservation.tsx';
import type { Task } from './tasks.tsx';
import {
  CaseNumber,
  type Light,
  LightBadge,
  nodeName,
  type PageProps,
  Problem,
  phaseLabel,
  roleLabel,
  Scroll,
  stepName,
  type T,
  useData,
} from './ui.tsx';

interface BoardNode {
  caseId: string;
  caseNumber: string;
  team?: string;
  officer?: string;
  teamName?: string;
  officerName?: string;
  label: string;
  light: Light;
  node: NodeView;
}

function NodeTable({ items, t, lang, id }: { items: BoardNode[]; t: T; lang: Lang; id: string }) {
  if (items.length === 0) return <p>{t('none')}</p>;
  return (
    <Scroll>
      <table data-testid={id}>
        <thead>
          <tr>
            <th scope="col">{t('caseNumber')}</th>
            <th scope="col">{t('node')}</th>
            <th scope="col">{t('dueDate')}</th>
            <th scope="col">{t('officer')}</th>
            <th scope="col">{t('light')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.caseId}-${item.node.node}`}>
              <td>
                <CaseNumber caseId={item.caseId} number={item.caseNumber} />
              </td>
              <td>{lang === 'zh' ? item.label : nodeName(item.node.node, lang)}</td>
              <td class="date">{item.node.dueDate}</td>
              <td>{item.officerName ?? item.officer ?? '—'}</td>
              <td>
                <LightBadge light={item.light} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

function Bars({ rows }: { rows: { label: string; count: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <ul class="bars">
      {rows.map((row) => (
        <li key={row.label}>
          <span class="bar-label">{row.label}</span>
          <span class="bar" style={{ width: `${(row.count / max) * 100}%` }} aria-hidden="true" />
          <span class="bar-count">{row.count}</span>
        </li>
      ))}
    </ul>
  );
}

export function Board({ api, t, lang, version }: PageProps) {
  const overdue = useData(() => api.get<{ items: BoardNode[] }>('/board/nodes?state=overdue&limit=50'), [version]);
  const soon = useData(() => api.get<{ items: BoardNode[] }>('/board/nodes?state=due-soon&limit=50'), [version]);
  const waiting = useData(() => api.get<{ items: Task[] }>('/board/approvals?limit=10'), [version]);
  const cases = useData(
    () =>
      api.get<{ phases: { phase: string; count: number }[]; statuses: { status: string; count: number }[] }>(
        '/board/cases',
      ),
    [version],
  );
  const workload = useData(
    () => api.get<{ teams: { teamId: string; name: string; openCases: number }[] }>('/board/workload'),
    [version],
  );
  return (
    <section aria-labelledby="board-title" class="board">
      <h2 id="board-title">{t('board')}</h2>
      <ExportPanel api={api} t={t} />
      <div class="panels">
        <article aria-labelledby="overdue-title">
          <h3 id="overdue-title">{t('overdueNodes')}</h3>
          <Problem message={overdue.error} t={t} />
          <NodeTable items={overdue.data?.items ?? []} t={t} lang={lang} id="overdue-nodes" />
        </article>
        <article aria-labelledby="soon-title">
          <h3 id="soon-title">{t('soonNodes')}</h3>
          <NodeTable items={soon.data?.items ?? []} t={t} lang={lang} id="soon-nodes" />
        </article>
        <Disputes api={api} lang={lang} version={version} />
        <BoardObjections api={api} lang={lang} version={version} />
        <PreservationBoard api={api} lang={lang} version={version} />
        <article aria-labelledby="waiting-title">
          <h3 id="waiting-title">{t('waitingLongest')}</h3>
          <Problem message={waiting.error} t={t} />
          {(waiting.data?.items ?? []).length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <Scroll>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('step')}</th>
                    <th scope="col">{t('caseNumber')}</th>
                    <th scope="col">{t('requiredRole')}</th>
                    <th scope="col">{t('waitingSince')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(waiting.data?.items ?? []).map((task) => (
                    <tr key={task.approvalId}>
                      <td>{stepName(task, lang)}</td>
                      <td>
                        <CaseNumber caseId={task.caseId} number={task.caseNumber} />
                      </td>
                      <td>{roleLabel(task.requiredRole, lang)}</td>
                      <td>{chinaTime(task.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
          )}
        </article>
        <article aria-labelledby="phases-title">
          <h3 id="phases-title">{t('casesPerPhase')}</h3>
          <Bars
            rows={(cases.data?.phases ?? []).map((p) => ({
              label: phaseLabel(p.phase, lang),
              count: p.count,
            }))}
          />
        </article>
        <article aria-labelledby="workload-title">
          <h3 id="workload-title">{t('workloadPerTeam')}</h3>
          <Bars rows={(workload.data?.teams ?? []).map((team) => ({ label: team.name, count: team.openCases }))} />
        </article>
      </div>
    </section>
  );
}
