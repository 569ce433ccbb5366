/**
 * The disputes inside enforcement in the console (issue 14). On the case page (`caseId` given): the distribution
 * among creditors (参与分配: who applied, the plan's shares, the open window and its last day, what was paid and what
 * is held), the suspension or deferral on a guarantee (中止执行, 暂缓执行), the reversal (执行回转), and the court's
 * other cases against the same respondent. On the command center (no `caseId`): the dispute windows and terms
 * about to run out, overdue ones first. Reads the staff API only.
 */
import { useEffect, useState } from 'preact/hooks';
import { type Api, yuan } from './api.ts';
import type { Lang } from './i18n.ts';

interface Share {
  creditorId: string;
  amountFen: number;
  kind: 'priority' | 'pro-rata';
}
interface Plan {
  availableFen: number;
  costsFen: number;
  shares: Share[];
  refundFen: number;
  /** What brought the money: deductions, sales, payments (absent on older plans). */
  funds?: { deductionFen: number; saleFen: number; paidInFen: number };
}
interface Creditor {
  creditorId: string;
  name: string;
  claimFen: number;
  priority: boolean;
  title: string;
  caseId?: string;
  host: boolean;
}
interface Window {
  node: string;
  label: string;
  dueDate: string;
  light: string;
}
interface CaseDisputes {
  caseNumber: string;
  distribution?: {
    stage: string;
    creditors: Creditor[];
    /** This case's applicants, who share without applying (absent from older servers). */
    hosts?: { creditorId: string; name: string; claimFen: number }[];
    plan?: Plan;
    objection?: { by: string; against: string; claimFen: number; reason: string; revised: Plan };
    heldFen?: number;
    paidFen: number;
    balanceFen: number;
    outcome?: string;
  };
  suspension?: {
    kind: 'suspension' | 'deferral';
    status: string;
    groundLabel: string;
    note: string;
    from?: string;
    until?: string;
    guarantee?: { guarantor: string; form: string; amountFen: number; periodEndsOn: string };
    excludedDays?: number;
  };
  reversal?: { status: string; setAsideBy: string; returnFen: number; newCase?: { caseNumber: string } };
  nodes: Window[];
  related: { caseId: string; caseNumber: string; status: string; claimFen: number; distribution?: string }[];
}
interface PendingItem {
  caseId: string;
  caseNumber: string;
  label: string;
  dueDate: string;
  light: string;
}

const LABELS = {
  zh: {
    disputes: '执行争议',
    distribution: '参与分配',
    creditor: '债权人',
    claim: '债权',
    share: '分配额',
    priority: '优先受偿',
    proRata: '按比例',
    costs: '执行费用',
    available: '可供分配',
    fromDeduction: '其中扣划存款',
    fromSale: '拍卖、变卖所得',
    fromPaidIn: '交付执行款',
    paid: '已发放',
    held: '提存（争议部分）',
    balance: '账户余额',
    objection: '异议',
    windows: '待届满期间',
    suspension: '中止执行',
    deferral: '暂缓执行（执行担保）',
    guarantee: '担保',
    until: '至',
    excluded: '不计入执行期限的天数',
    reversal: '执行回转',
    related: '同一被执行人的其他案件',
    pending: '即将届满的执行争议期间',
    none: '无',
    overdue: '已逾期',
    loading: '加载中…',
    error: '出错了',
    stages: {
      applying: '申请中',
      planned: '方案待签发',
      served: '方案已送达，异议期间',
      objected: '有异议，待反对意见',
      opposed: '有反对意见，待起诉',
      suing: '异议之诉进行中',
      paid: '已分配',
    } as Record<string, string>,
    statuses: {
      proposed: '待裁定',
      rejected: '不予批准',
      'in-force': '生效中',
      resumed: '已恢复执行',
      defaulted: '期满未履行，执行担保',
      ordered: '已裁定',
      filed: '已立案',
    } as Record<string, string>,
  },
  en: {
    disputes: 'Disputes',
    distribution: 'Distribution among creditors',
    creditor: 'Creditor',
    claim: 'Claim',
    share: 'Share',
    priority: 'priority',
    proRata: 'pro rata',
    costs: 'Costs',
    available: 'Available',
    fromDeduction: 'of which deducted',
    fromSale: 'sale proceeds',
    fromPaidIn: 'paid in',
    paid: 'Paid',
    held: 'Held (disputed)',
    balance: 'Account balance',
    objection: 'Objection',
    windows: 'Open windows',
    suspension: 'Suspension',
    deferral: 'Deferral on a guarantee',
    guarantee: 'Guarantee',
    until: 'until',
    excluded: 'Days not counted in the term',
    reversal: 'Reversal',
    related: 'Other cases against the same respondent',
    pending: 'Dispute windows about to run out',
    none: 'None',
    overdue: 'overdue',
    loading: 'Loading…',
    error: 'Error',
    stages: {
      applying: 'applications',
      planned: 'plan awaiting signature',
      served: 'served, objection window',
      objected: 'objected, awaiting opposition',
      opposed: 'opposed, awaiting suit',
      suing: 'suit pending',
      paid: 'paid out',
    } as Record<string, string>,
    statuses: {
      proposed: 'proposed',
      rejected: 'rejected',
      'in-force': 'in force',
      resumed: 'resumed',
      defaulted: 'guarantee called',
      ordered: 'ordered',
      filed: 'filed',
    } as Record<string, string>,
  },
};

function useGet<D>(api: Api, path: string, deps: readonly unknown[]) {
  const [data, setData] = useState<D | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api
      .get<D>(path)
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, deps);
  return { data, error };
}

function DistributionView({ d, l }: { d: NonNullable<CaseDisputes['distribution']>; l: (typeof LABELS)['zh'] }) {
  const everyone = [...(d.hosts ?? []), ...d.creditors];
  const name = (id: string) => everyone.find((c) => c.creditorId === id)?.name ?? id;
  return (
    <div class="distribution">
      <h4>
        {l.distribution}：{l.stages[d.stage] ?? d.stage}
      </h4>
      {d.plan ? (
        <table aria-label={l.distribution}>
          <thead>
            <tr>
              <th>{l.creditor}</th>
              <th>{l.claim}</th>
              <th>{l.share}</th>
            </tr>
          </thead>
          <tbody>
            {d.plan.shares.map((s) => (
              <tr key={s.creditorId}>
                <td>
                  {name(s.creditorId)}（{s.kind === 'priority' ? l.priority : l.proRata}）
                </td>
                <td>{yuan(everyone.find((c) => c.creditorId === s.creditorId)?.claimFen)}</td>
                <td>{yuan(s.amountFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <ul>
          {d.creditors.map((c) => (
            <li key={c.creditorId}>
              {c.name} {yuan(c.claimFen)} {c.priority ? `（${l.priority}）` : ''} {c.title}
            </li>
          ))}
        </ul>
      )}
      <p>
        {d.plan ? `${l.available} ${yuan(d.plan.availableFen)}；` : ''}
        {d.plan?.funds
          ? `${l.fromDeduction} ${yuan(d.plan.funds.deductionFen)}，${l.fromSale} ${yuan(d.plan.funds.saleFen)}，${l.fromPaidIn} ${yuan(d.plan.funds.paidInFen)}；`
          : ''}
        {d.plan ? `${l.costs} ${yuan(d.plan.costsFen)}；` : ''}
        {l.paid} {yuan(d.paidFen)}；{d.heldFen ? `${l.held} ${yuan(d.heldFen)}；` : ''}
        {l.balance} {yuan(d.balanceFen)}
      </p>
      {d.objection ? (
        <p>
          {l.objection}：{name(d.objection.by)} → {name(d.objection.against)} {yuan(d.objection.claimFen)}（
          {d.objection.reason}）
        </p>
      ) : null}
    </div>
  );
}

function CaseDisputesView({ api, caseId, l }: { api: Api; caseId: string; l: (typeof LABELS)['zh'] }) {
  const { data, error } = useGet<CaseDisputes>(api, `/cases/${caseId}/disputes`, [caseId]);
  if (error)
    return (
      <p class="problem" role="alert">
        {l.error}：{error}
      </p>
    );
  if (!data) return <p>{l.loading}</p>;
  const s = data.suspension;
  const nothing = !data.distribution && !s && !data.reversal && data.related.length === 0;
  return (
    <section class="disputes" aria-label={l.disputes}>
      {nothing ? <p>{l.none}</p> : null}
      {data.nodes.length > 0 ? (
        <ul class="dispute-windows" aria-label={l.windows}>
          {data.nodes.map((n) => (
            <li key={n.node} class={`light-${n.light}`}>
              {n.label} {n.dueDate}
              {n.light === 'overdue' ? `（${l.overdue}）` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {data.distribution ? <DistributionView d={data.distribution} l={l} /> : null}
      {s ? (
        <p>
          {s.kind === 'deferral' ? l.deferral : l.suspension}：{l.statuses[s.status] ?? s.status}，{s.groundLabel}
          {s.until ? `，${l.until}${s.until}` : ''}
          {s.guarantee
            ? `；${l.guarantee}：${s.guarantee.guarantor} ${yuan(s.guarantee.amountFen)}（${l.until}${s.guarantee.periodEndsOn}）`
            : ''}
          {s.excludedDays ? `；${l.excluded} ${s.excludedDays}` : ''}
        </p>
      ) : null}
      {data.reversal ? (
        <p>
          {l.reversal}：{l.statuses[data.reversal.status] ?? data.reversal.status}，{data.reversal.setAsideBy}，
          {yuan(data.reversal.returnFen)}
          {data.reversal.newCase ? `，${data.reversal.newCase.caseNumber}` : ''}
        </p>
      ) : null}
      {data.related.length > 0 ? (
        <>
          <h4>{l.related}</h4>
          <ul>
            {data.related.map((r) => (
              <li key={r.caseId}>
                <a href={`#/cases/${r.caseId}`}>{r.caseNumber}</a> {yuan(r.claimFen)}
                {r.distribution ? `（${l.distribution}：${l.stages[r.distribution] ?? r.distribution}）` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function PendingDisputesView({ api, l, version }: { api: Api; l: (typeof LABELS)['zh']; version: number }) {
  const { data, error } = useGet<{ items: PendingItem[] }>(api, '/board/disputes', [version]);
  const items = [...(data?.items ?? [])].sort(
    (a, b) => Number(b.light === 'overdue') - Number(a.light === 'overdue') || a.dueDate.localeCompare(b.dueDate),
  );
  return (
    <article aria-labelledby="disputes-title">
      <h3 id="disputes-title">{l.pending}</h3>
      {error ? (
        <p class="problem" role="alert">
          {l.error}：{error}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>{data ? l.none : l.loading}</p>
      ) : (
        <ul id="pending-disputes">
          {items.map((i) => (
            <li key={`${i.caseId}-${i.label}`} class={`light-${i.light}`}>
              <a href={`#/cases/${i.caseId}`}>{i.caseNumber}</a> {i.label} {i.dueDate}
              {i.light === 'overdue' ? `（${l.overdue}）` : ''}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** On the case page with `caseId`; on the command center without it. */
export function Disputes({
  api,
  lang,
  caseId,
  version = 0,
}: {
  api: Api;
  lang: Lang;
  caseId?: string;
  version?: number;
}) {
  const l = LABELS[lang];
  if (caseId)
    return (
      <>
        <h3>{l.disputes}</h3>
        <CaseDisputesView api={api} caseId={caseId} l={l} />
      </>
    );
  return <PendingDisputesView api={api} l={l} version={version} />;
}
