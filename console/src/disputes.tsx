/**
 * Disputes inside enforcement in the console: on the case page, the case's objections (执行异议, 案外人异议) with their
 * state, the asset concerned and the period that runs; on the command-center board, the objections whose periods
 * run out soon (or whose examination is overdue) across the court. The case page (case-page.tsx) and the board
 * (board.tsx) place them among their sections; both read the staff API only (the case, the board's nodes).
 */
import { useEffect, useState } from 'preact/hooks';
import { nodeLabel } from '#domain/case/node-labels.ts';
import type { Api } from './api.ts';
import type { Lang } from './i18n.ts';

interface ObjectionView {
  objectionId: string;
  kind: 'act' | 'third-party';
  objector: { name: string; role: string };
  assetId: string;
  act?: string;
  grounds: string;
  receivedOn: string;
  status: string;
  ruling?: { outcome: 'upheld' | 'dismissed'; servedOn: string };
  reconsideration?: { decision?: string };
  suit?: { plaintiff: string; judgment?: { for: string; reference: string } };
  result?: { effect: string; reason: string };
}

interface CaseObjections {
  assets: Record<string, { institution: string; reference: string }>;
  nodes: Record<string, { node: string; dueDate: string; status: string; window?: boolean }>;
  nodeLights: Record<string, string>;
  objections?: Record<string, ObjectionView>;
}

interface BoardNode {
  caseId: string;
  caseNumber: string;
  officer?: string;
  /** The officer's name (the API resolves it; the id is only a fallback). */
  officerName?: string;
  light: string;
  node: { node: string; dueDate: string };
}

const ZH = {
  caseTitle: '执行异议与案外人异议',
  boardTitle: '即将届满的异议期间',
  kind: { act: '执行行为异议', 'third-party': '案外人异议' } as Record<string, string>,
  status: {
    examining: '审查中',
    ruled: '已裁定，期间进行中',
    reconsidering: '复议审查中',
    'in-suit': '执行异议之诉审理中',
    final: '已终结',
  } as Record<string, string>,
  role: {
    applicant: '申请执行人',
    respondent: '被执行人',
    interested: '利害关系人',
    'third-party': '案外人',
  } as Record<string, string>,
  effect: {
    released: '已解除查封',
    resumed: '恢复处分',
    unchanged: '执行行为维持',
    removed: '已删除失信信息',
    refunded: '扣划款项已退还',
    lifted: '已解除限制消费令',
    repriced: '参考价已撤销，重新定价',
    annulled: '拍卖已撤销',
  } as Record<string, string>,
  act: {
    listing: '纳入失信名单',
    restriction: '限制消费令',
    deduction: '扣划：',
    price: '参考价：',
    auction: '拍卖：',
  } as Record<string, string>,
  light: { met: '已完成', green: '正常', 'due-soon': '即将到期', overdue: '已逾期' } as Record<string, string>,
  headers: ['异议', '异议人', '异议对象', '状态', '期间', '到期日'],
  filed: (date: string) => `（${date}提出）`,
  boardHeaders: ['案号', '期间', '到期日', '承办人', '状态'],
  none: '无',
  held: '该财产暂停处分',
};
const EN = {
  caseTitle: 'Objections',
  boardTitle: 'Objection periods running out',
  kind: { act: 'Objection to an act', 'third-party': 'Third-party objection' } as Record<string, string>,
  status: {
    examining: 'Examining',
    ruled: 'Ruled, period running',
    reconsidering: 'Reconsideration',
    'in-suit': 'Lawsuit pending',
    final: 'Final',
  } as Record<string, string>,
  role: {
    applicant: 'Applicant',
    respondent: 'Respondent',
    interested: 'Interested',
    'third-party': 'Third party',
  } as Record<string, string>,
  effect: {
    released: 'Seal released',
    resumed: 'Disposal resumed',
    unchanged: 'Act stands',
    removed: 'Listing removed',
    refunded: 'Deduction refunded',
    lifted: 'Restriction lifted',
    repriced: 'Price set aside',
    annulled: 'Auction annulled',
  } as Record<string, string>,
  act: {
    listing: 'Listing',
    restriction: 'Consumption restriction',
    deduction: 'Deduction: ',
    price: 'Price: ',
    auction: 'Auction: ',
  } as Record<string, string>,
  light: { met: 'Met', green: 'On time', 'due-soon': 'Due soon', overdue: 'Overdue' } as Record<string, string>,
  headers: ['Objection', 'Objector', 'Contested', 'State', 'Period', 'Due'],
  filed: (date: string) => ` (filed ${date})`,
  boardHeaders: ['Case', 'Period', 'Due', 'Officer', 'Light'],
  none: 'None',
  held: 'Asset held from disposal',
};

function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data?: T; error?: string } {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  useEffect(() => {
    let live = true;
    load()
      .then((data) => live && setState({ data }))
      .catch((e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, deps);
  return state;
}

/** The case's objections: kind and filing date, objector, the contested act or asset, state and the period that runs. */
export function CaseObjections({
  api,
  caseId,
  lang,
  version,
}: {
  api: Api;
  caseId: string;
  lang: Lang;
  version: number;
}) {
  const w = lang === 'zh' ? ZH : EN;
  const { data, error } = useLoad(() => api.get<CaseObjections>(`/cases/${caseId}`), [caseId, version]);
  const objections = Object.values(data?.objections ?? {});
  if (error || !data || objections.length === 0) return null;
  return (
    <section aria-labelledby="disputes-title" class="disputes" data-testid="case-disputes">
      <h3 id="disputes-title">{w.caseTitle}</h3>
      <table>
        <thead>
          <tr>
            {w.headers.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {objections.map((o) => {
            const open = Object.values(data.nodes)
              .filter((n) => n.node.startsWith(`objection:${o.objectionId}`) && n.status === 'open')
              .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
            const asset = data.assets[o.assetId];
            const held = o.kind === 'third-party' && (o.status === 'ruled' || o.status === 'in-suit');
            return (
              <tr key={o.objectionId} data-objection={o.objectionId}>
                <td>
                  {w.kind[o.kind]}
                  {w.filed(o.receivedOn)}
                </td>
                <td>
                  {o.objector.name}（{w.role[o.objector.role] ?? o.objector.role}）
                </td>
                <td>
                  {o.act ? (w.act[o.act] ?? '') : ''}
                  {o.act === 'listing' || o.act === 'restriction'
                    ? ''
                    : asset
                      ? `${asset.institution}${asset.reference}`
                      : o.assetId}
                  {held ? `（${w.held}）` : ''}
                </td>
                <td>
                  {w.status[o.status] ?? o.status}
                  {o.result ? `：${w.effect[o.result.effect] ?? o.result.effect}` : ''}
                </td>
                <td>{open ? nodeLabel(open.node) : '—'}</td>
                <td>{open ? `${open.dueDate}（${w.light[data.nodeLights[open.node] ?? 'green'] ?? ''}）` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The court's objection periods running out (or overdue), soonest first. */
export function BoardObjections({ api, lang, version }: { api: Api; lang: Lang; version: number }) {
  const w = lang === 'zh' ? ZH : EN;
  const { data } = useLoad(async () => {
    const [soon, overdue] = await Promise.all([
      api.get<{ items: BoardNode[] }>('/board/nodes?state=due-soon&withinDays=15&limit=100'),
      api.get<{ items: BoardNode[] }>('/board/nodes?state=overdue&limit=100'),
    ]);
    return [...overdue.items, ...soon.items]
      .filter((item) => item.node.node.startsWith('objection:'))
      .sort((a, b) => a.node.dueDate.localeCompare(b.node.dueDate));
  }, [version]);
  return (
    <section aria-labelledby="board-disputes-title" class="disputes" data-testid="board-disputes">
      <h3 id="board-disputes-title">{w.boardTitle}</h3>
      {!data || data.length === 0 ? (
        <p>{w.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {w.boardHeaders.map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((item) => (
              <tr key={`${item.caseId}-${item.node.node}`}>
                <td>
                  <a href={`#/cases/${item.caseId}`}>{item.caseNumber}</a>
                </td>
                <td>{nodeLabel(item.node.node)}</td>
                <td>{item.node.dueDate}</td>
                <td>{item.officerName ?? item.officer ?? '—'}</td>
                <td>{w.light[item.light] ?? item.light}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
