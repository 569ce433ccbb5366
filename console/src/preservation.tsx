/**
 * 诉执衔接 and the time limit for applying, in the console. Two views, each mounted with one line:
 * - `PreservationBoard` (on the command-center board): the court's preservations waiting for an enforcement case,
 *   earliest expiry first (those within the alert lead marked), and those carried into a case.
 * - `CaseCarryover` (on the case page): the property preserved before the case and carried into it (there before
 *   the network inquiry answers), the 2-year limit for applying as computed at intake, and the respondent's
 *   objection on that ground: registered by an officer, ruled on by a judge of the panel (the API refuses others).
 * The staff API only; labels in Chinese and English; every field labelled, tables with headers, status announced.
 */
import { useEffect, useState } from 'preact/hooks';
import { type Api, yuan } from './api.ts';
import type { Lang } from './i18n.ts';

const CLASS_LABELS: Record<string, { zh: string; en: string }> = {
  deposit: { zh: '银行存款', en: 'Deposit' },
  'online-funds': { zh: '网络资金', en: 'Online funds' },
  'real-estate': { zh: '不动产', en: 'Real estate' },
  vehicle: { zh: '车辆', en: 'Vehicle' },
  securities: { zh: '证券', en: 'Securities' },
};

const LABELS = {
  zh: {
    board: '保全裁定（诉执衔接）',
    waiting: '待立案执行',
    carried: '已转入执行案件',
    ruling: '保全裁定',
    kind: '类型',
    ruledOn: '裁定日期',
    expires: '最早到期',
    seizures: '保全措施',
    into: '转入案件',
    told: '已提示指挥中心',
    expired: '已到期',
    none: '暂无',
    preserved: '保全转入的财产（期限连续计算）',
    asset: '财产',
    period: '期限',
    limit: '申请执行期间（二年）',
    lastDay: '届满日',
    within: '在期间内',
    late: '已超过期间（不依职权审查，被执行人提出异议的依法审查）',
    objections: '执行时效异议',
    respondent: '提出异议的被执行人',
    receivedOn: '收到日期',
    note: '说明',
    raise: '登记异议',
    outcome: '裁定结果',
    upheld: '异议成立（裁定不予执行）',
    dismissed: '驳回异议',
    reason: '理由',
    interruptedOn: '时效中断之日（驳回超期申请时填写）',
    rule: '作出裁定',
    pending: '待裁定',
    saved: '已保存',
    changes: '变更、追加被执行人',
    applied: '收到申请',
    ruleBy: '应于此前裁定',
    challengeBy: '复议或起诉期间至',
    granted: '准予变更、追加',
    rejected: '驳回申请',
    servedOn: '裁定送达日期',
    makeFinal: '确认裁定生效',
    changeStatus: { examining: '审查中', ruled: '已裁定', challenged: '复议或诉讼中', settled: '已生效' },
    kinds: { 'pre-litigation': '诉前保全', 'in-litigation': '诉中保全', 'pre-enforcement': '执行前保全' },
  },
  en: {
    board: 'Preservations (carried into enforcement)',
    waiting: 'Waiting for an enforcement case',
    carried: 'Carried into a case',
    ruling: 'Ruling',
    kind: 'Kind',
    ruledOn: 'Ruled on',
    expires: 'Earliest expiry',
    seizures: 'Seizures',
    into: 'Case',
    told: 'Command center told',
    expired: 'expired',
    none: 'None',
    preserved: 'Property carried over from preservation (terms running on)',
    asset: 'Property',
    period: 'Period',
    limit: 'Time limit for applying (2 years)',
    lastDay: 'Last day',
    within: 'Within the limit',
    late: 'After the limit (not raised by the court; decided on the respondent’s objection)',
    objections: 'Time-limit objections',
    respondent: 'Objecting respondent',
    receivedOn: 'Received on',
    note: 'Note',
    raise: 'Register objection',
    outcome: 'Ruling',
    upheld: 'Upheld (not to be enforced)',
    dismissed: 'Dismissed',
    reason: 'Reason',
    interruptedOn: 'Limit interrupted on (to dismiss a late application)',
    rule: 'Rule',
    pending: 'Pending',
    saved: 'Saved',
    changes: 'Adding or changing a respondent',
    applied: 'Received',
    ruleBy: 'Ruling due by',
    challengeBy: 'Challenge window to',
    granted: 'Granted',
    rejected: 'Rejected',
    servedOn: 'Ruling served on',
    makeFinal: 'Confirm final',
    changeStatus: { examining: 'Examining', ruled: 'Ruled', challenged: 'Challenged', settled: 'Final' },
    kinds: {
      'pre-litigation': 'Before the lawsuit',
      'in-litigation': 'During the lawsuit',
      'pre-enforcement': 'Before enforcement',
    },
  },
} as const;

interface Seizure {
  seizureId: string;
  class: string;
  institution: string;
  reference: string;
  amountFen: number;
  seizedOn: string;
  expiresOn: string;
  status: string;
}

interface PreservationItem {
  preservationId: string;
  rulingNumber: string;
  kind: 'pre-litigation' | 'in-litigation' | 'pre-enforcement';
  ruledOn: string;
  status: string;
  earliestExpiry?: string;
  alertedFor?: string;
  carriedInto?: { caseId: string; caseNumber: string };
  seizures: Seizure[];
}

function classLabel(assetClass: string, lang: Lang): string {
  return CLASS_LABELS[assetClass]?.[lang] ?? assetClass;
}

/**
 * A seizure that ran out: the API's earliest expiry counts only those still running (from today on the server's
 * clock), so one that ends before it, or every one when there is none, has expired.
 */
function expired(seizure: Seizure, p: PreservationItem): boolean {
  return p.earliestExpiry === undefined || seizure.expiresOn < p.earliestExpiry;
}

function PreservationTable({ items, lang, id }: { items: PreservationItem[]; lang: Lang; id: string }) {
  const l = LABELS[lang];
  if (items.length === 0) return <p>{l.none}</p>;
  return (
    <table data-testid={id}>
      <thead>
        <tr>
          <th scope="col">{l.ruling}</th>
          <th scope="col">{l.kind}</th>
          <th scope="col">{l.ruledOn}</th>
          <th scope="col">{l.expires}</th>
          <th scope="col">{l.seizures}</th>
          <th scope="col">{l.into}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => {
          // The command center was told of a preservation still waiting; once carried, the case watches its terms.
          const told = p.alertedFor !== undefined && !p.carriedInto;
          return (
            <tr key={p.preservationId} class={told ? 'overdue' : undefined}>
              <td>{p.rulingNumber}</td>
              <td>{l.kinds[p.kind]}</td>
              <td>{p.ruledOn}</td>
              <td>
                {p.earliestExpiry ?? '—'}
                {told ? `（${l.told}）` : ''}
              </td>
              <td>
                {p.seizures
                  .filter((s) => s.status === 'held')
                  .map(
                    (s) =>
                      `${s.institution}${classLabel(s.class, lang)} ${s.reference}（${s.seizedOn}—${s.expiresOn}${expired(s, p) ? `，${l.expired}` : ''}）`,
                  )
                  .join('；')}
              </td>
              <td>
                {p.carriedInto ? <a href={`#/cases/${p.carriedInto.caseId}`}>{p.carriedInto.caseNumber}</a> : '—'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The command center's list of the court's preservations. */
export function PreservationBoard({ api, lang, version }: { api: Api; lang: Lang; version: number }) {
  const l = LABELS[lang];
  const [waiting, setWaiting] = useState<PreservationItem[]>([]);
  const [carried, setCarried] = useState<PreservationItem[]>([]);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    Promise.all([
      api.get<{ preservations: PreservationItem[] }>('/preservations?status=held'),
      api.get<{ preservations: PreservationItem[] }>('/preservations?status=carried&limit=20'),
    ])
      .then(([held, done]) => {
        if (!live) return;
        setWaiting(held.preservations);
        setCarried(done.preservations);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [api, version]);
  return (
    <article aria-labelledby="preservations-title" data-testid="preservation-board">
      <h3 id="preservations-title">{l.board}</h3>
      {error ? (
        <p class="problem" role="alert">
          {error}
        </p>
      ) : null}
      <h4>{l.waiting}</h4>
      <PreservationTable items={waiting} lang={lang} id="preservations-waiting" />
      <h4>{l.carried}</h4>
      <PreservationTable items={carried} lang={lang} id="preservations-carried" />
    </article>
  );
}

interface Objection {
  objectionId: string;
  respondentId: string;
  receivedOn: string;
  status: 'pending' | 'upheld' | 'dismissed';
  reason?: string;
}

interface CaseCarryoverData {
  respondents: { partyId: string; name: string }[];
  assets: Record<
    string,
    {
      assetId: string;
      class: string;
      institution: string;
      reference: string;
      frozenFen: number;
      seizedOn?: string;
      freezeExpiresOn?: string;
      preserved?: { rulingNumber: string };
    }
  >;
  partyChanges?: Record<
    string,
    {
      applicationId: string;
      party: { name: string };
      change: 'add' | 'change';
      receivedOn: string;
      status: 'examining' | 'ruled' | 'challenged' | 'settled';
      ruling?: { outcome: string; servedOn: string; challengeBy: string };
      final?: 'granted' | 'rejected';
    }
  >;
  nodes?: Record<string, { dueDate: string }>;
  applicationLimit?: {
    from: string;
    lastDay: string;
    filedOn: string;
    within: boolean;
    objections: Objection[];
  };
}

/** The case page's part: property carried over, the time limit for applying, and the objection on that ground. */
export function CaseCarryover({ api, lang, caseId }: { api: Api; lang: Lang; caseId: string }) {
  const l = LABELS[lang];
  const [data, setData] = useState<CaseCarryoverData | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [tick, setTick] = useState(0);
  const [form, setForm] = useState({ respondentId: '', receivedOn: '', note: '' });
  const [ruling, setRuling] = useState({ outcome: 'dismissed', reason: '', interruptedOn: '' });
  const [changeRuling, setChangeRuling] = useState({ outcome: 'granted', reason: '', servedOn: '' });
  useEffect(() => {
    let live = true;
    api
      .get<CaseCarryoverData>(`/cases/${caseId}`)
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [api, caseId, tick]);
  const act = (work: () => Promise<unknown>) => {
    setError(undefined);
    work()
      .then(() => {
        setStatus(l.saved);
        setTick((n) => n + 1);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  if (!data)
    return error ? (
      <p class="problem" role="alert">
        {error}
      </p>
    ) : null;
  const preserved = Object.values(data.assets).filter((a) => a.preserved);
  const limit = data.applicationLimit;
  const pending = limit?.objections.find((o) => o.status === 'pending');
  const raise = (event: Event) => {
    event.preventDefault();
    act(() =>
      api.post(`/cases/${caseId}/limitation-objections`, {
        respondentId: form.respondentId || data.respondents[0]?.partyId,
        receivedOn: form.receivedOn,
        ...(form.note.trim() ? { note: form.note.trim() } : {}),
      }),
    );
  };
  const rule = (event: Event) => {
    event.preventDefault();
    if (!pending) return;
    act(() =>
      api.post(`/cases/${caseId}/limitation-objections/${pending.objectionId}/ruling`, {
        outcome: ruling.outcome,
        reason: ruling.reason,
        ...(ruling.interruptedOn ? { interruptedOn: ruling.interruptedOn } : {}),
      }),
    );
  };
  const changes = Object.values(data.partyChanges ?? {});
  const ruleChange = (applicationId: string) => (event: Event) => {
    event.preventDefault();
    act(() => api.post(`/cases/${caseId}/party-changes/${applicationId}/ruling`, changeRuling));
  };
  return (
    <div data-testid="case-carryover">
      {changes.length > 0 ? (
        <>
          <h3>{l.changes}</h3>
          <ul data-testid="party-changes">
            {changes.map((c) => (
              <li key={c.applicationId}>
                {l.applied} {c.receivedOn}：{c.party.name}（{l.changeStatus[c.status]}
                {c.final ? `，${c.final === 'granted' ? l.granted : l.rejected}` : ''}）
                {c.status === 'examining'
                  ? `，${l.ruleBy} ${data.nodes?.[`party-change:${c.applicationId}`]?.dueDate ?? ''}`
                  : ''}
                {c.ruling && c.status !== 'settled' ? `，${l.challengeBy} ${c.ruling.challengeBy}` : ''}
                {c.status === 'examining' ? (
                  <form onSubmit={ruleChange(c.applicationId)} aria-label={l.rule}>
                    <label for={`change-outcome-${c.applicationId}`}>{l.outcome}</label>
                    <select
                      id={`change-outcome-${c.applicationId}`}
                      value={changeRuling.outcome}
                      onChange={(e) =>
                        setChangeRuling({ ...changeRuling, outcome: (e.target as HTMLSelectElement).value })
                      }
                    >
                      <option value="granted">{l.granted}</option>
                      <option value="rejected">{l.rejected}</option>
                    </select>
                    <label for={`change-reason-${c.applicationId}`}>{l.reason}</label>
                    <input
                      id={`change-reason-${c.applicationId}`}
                      required
                      value={changeRuling.reason}
                      onInput={(e) =>
                        setChangeRuling({ ...changeRuling, reason: (e.target as HTMLInputElement).value })
                      }
                    />
                    <label for={`change-served-${c.applicationId}`}>{l.servedOn}</label>
                    <input
                      id={`change-served-${c.applicationId}`}
                      type="date"
                      required
                      value={changeRuling.servedOn}
                      onInput={(e) =>
                        setChangeRuling({ ...changeRuling, servedOn: (e.target as HTMLInputElement).value })
                      }
                    />
                    <button type="submit">{l.rule}</button>
                  </form>
                ) : null}
                {c.status === 'ruled' ? (
                  <button
                    type="button"
                    onClick={() => act(() => api.post(`/cases/${caseId}/party-changes/${c.applicationId}/final`, {}))}
                  >
                    {l.makeFinal}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {preserved.length > 0 ? (
        <>
          <h3>{l.preserved}</h3>
          <table data-testid="preserved-assets">
            <thead>
              <tr>
                <th scope="col">{l.ruling}</th>
                <th scope="col">{l.asset}</th>
                <th scope="col">{l.period}</th>
              </tr>
            </thead>
            <tbody>
              {preserved.map((a) => (
                <tr key={a.assetId}>
                  <td>{a.preserved?.rulingNumber}</td>
                  <td>
                    {a.institution}
                    {classLabel(a.class, lang)} {a.reference}
                    {a.frozenFen > 0 ? ` ${yuan(a.frozenFen)}` : ''}
                  </td>
                  <td>
                    {a.seizedOn} — {a.freezeExpiresOn}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {limit ? (
        <>
          <h3>{l.limit}</h3>
          <p data-testid="application-limit">
            {limit.from} — {l.lastDay} {limit.lastDay}：{limit.within ? l.within : l.late}
          </p>
          <h4>{l.objections}</h4>
          {limit.objections.length === 0 ? <p>{l.none}</p> : null}
          <ul>
            {limit.objections.map((o) => (
              <li key={o.objectionId}>
                {o.receivedOn} {data.respondents.find((r) => r.partyId === o.respondentId)?.name ?? ''}：
                {o.status === 'pending' ? l.pending : o.status === 'upheld' ? l.upheld : l.dismissed}
                {o.reason ? `（${o.reason}）` : ''}
              </li>
            ))}
          </ul>
          {pending ? (
            <form onSubmit={rule} aria-label={l.rule}>
              <label for="ruling-outcome">{l.outcome}</label>
              <select
                id="ruling-outcome"
                value={ruling.outcome}
                onChange={(e) => setRuling({ ...ruling, outcome: (e.target as HTMLSelectElement).value })}
              >
                <option value="dismissed">{l.dismissed}</option>
                <option value="upheld">{l.upheld}</option>
              </select>
              <label for="ruling-reason">{l.reason}</label>
              <input
                id="ruling-reason"
                required
                value={ruling.reason}
                onInput={(e) => setRuling({ ...ruling, reason: (e.target as HTMLInputElement).value })}
              />
              <label for="ruling-interrupted">{l.interruptedOn}</label>
              <input
                id="ruling-interrupted"
                type="date"
                value={ruling.interruptedOn}
                onInput={(e) => setRuling({ ...ruling, interruptedOn: (e.target as HTMLInputElement).value })}
              />
              <button type="submit">{l.rule}</button>
            </form>
          ) : (
            <form onSubmit={raise} aria-label={l.raise}>
              <label for="objection-respondent">{l.respondent}</label>
              <select
                id="objection-respondent"
                value={form.respondentId}
                onChange={(e) => setForm({ ...form, respondentId: (e.target as HTMLSelectElement).value })}
              >
                {data.respondents.map((r) => (
                  <option key={r.partyId} value={r.partyId}>
                    {r.name}
                  </option>
                ))}
              </select>
              <label for="objection-received">{l.receivedOn}</label>
              <input
                id="objection-received"
                type="date"
                required
                value={form.receivedOn}
                onInput={(e) => setForm({ ...form, receivedOn: (e.target as HTMLInputElement).value })}
              />
              <label for="objection-note">{l.note}</label>
              <input
                id="objection-note"
                value={form.note}
                onInput={(e) => setForm({ ...form, note: (e.target as HTMLInputElement).value })}
              />
              <button type="submit">{l.raise}</button>
            </form>
          )}
        </>
      ) : null}
      <p role="status" aria-live="polite">
        {status}
      </p>
      {error ? (
        <p class="problem" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
