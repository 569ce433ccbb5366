/** The actions of `enforce measures` (./measures.ts): each one staff API call, its answer in one Chinese line. */
import { referenceData } from '#commons/reference-data.ts';
import { caseIdFor } from '#domain/ids.ts';
import { BANKRUPTCY_STATUS_LABELS } from '#domain/measures/bankruptcy.ts';
import { EXIT_LIFT_LABELS } from '#domain/measures/exit-ban.ts';
import { type Fen, formatYuan } from '#domain/money.ts';
import { type ApiSession, withApi } from './api-client.ts';
import { CliError, type Output, parseYuan } from './output.ts';
import type { GlobalOptions } from './session.ts';

type Options = { readonly as: string } & Record<string, string | boolean | undefined>;

async function caseIdOf(reference: string, as: string): Promise<string> {
  if (/^c[a-z2-7]{19}$/.test(reference)) return reference;
  const member = await referenceData().staff.member(as);
  if (!member) throw new CliError(`未知的用户：${as}`);
  return caseIdFor(member.court, reference);
}

interface Parties {
  readonly applicants: readonly { partyId: string }[];
  readonly respondents: readonly { partyId: string }[];
}

async function parties(call: ApiSession['call'], caseId: string): Promise<Parties> {
  return call<Parties>('GET', `/cases/${caseId}`);
}

/** One write: the body built from the case's parties, then the line that says what happened. */
async function write(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  options: Options,
  path: string,
  body: (p: Parties) => Record<string, unknown>,
  done: (result: { execution?: string; leadId?: string; sent?: string[] }) => string,
): Promise<void> {
  const caseId = await caseIdOf(reference, options.as);
  await withApi(globals, out, options.as, async ({ call }) => {
    const p = await parties(call, caseId);
    const result = await call<{ execution?: string; leadId?: string; sent?: string[] }>(
      'POST',
      `/cases/${caseId}/measures${path}`,
      body(p),
    ).catch((error: Error) => {
      throw new CliError(`未办理：${error.message}`);
    });
    out.result(result, () => out.line(done(result)));
  });
}

const first = (list: readonly { partyId: string }[]) => list[0]?.partyId ?? '';
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

export function exitBanCommand(globals: GlobalOptions, out: Output, reference: string, options: Options) {
  return write(
    globals,
    out,
    reference,
    options,
    '/exit-ban',
    (p) => {
      const roles = str(options.roles)
        ?.split(',')
        .map((r) => r.trim());
      return {
        respondentId: str(options.respondent) ?? first(p.respondents),
        origin: options.ownMotion ? 'own-motion' : 'application',
        ...(options.ownMotion ? {} : { applicantId: str(options.applicant) ?? first(p.applicants) }),
        ...(roles ? { roles } : {}),
        reason: str(options.reason) ?? '',
      };
    },
    (r) => `已报请限制出境审批（流程 ${r.execution ?? ''}）`,
  );
}

export function liftExitBanCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  reason: string,
  options: Options,
) {
  if (reason !== 'security-given' && reason !== 'applicant-consent')
    throw new CliError('解除事由只能是 security-given（提供担保）或 applicant-consent（申请执行人同意）', 2);
  return write(
    globals,
    out,
    reference,
    options,
    '/exit-ban/lift',
    () => ({ reason }),
    () => `已解除限制出境（${EXIT_LIFT_LABELS[reason]}），已通知出入境管理机构`,
  );
}

export function rewardCommand(globals: GlobalOptions, out: Output, reference: string, options: Options) {
  const amount = str(options.amount);
  const share = str(options.share);
  if ((amount === undefined) === (share === undefined))
    throw new CliError('悬赏金须写明固定数额（--amount）或比例（--share 与 --cap），二者择一', 2);
  const percent = share !== undefined ? Number(share) : 0;
  if (share !== undefined && !(percent > 0 && percent <= 100)) throw new CliError(`比例不正确：${share}`, 2);
  const cap = str(options.cap);
  return write(
    globals,
    out,
    reference,
    options,
    '/reward',
    (p) => ({
      applicantId: str(options.applicant) ?? first(p.applicants),
      method: amount !== undefined ? 'fixed' : 'share',
      ...(amount !== undefined ? { amountFen: parseYuan(amount) } : {}),
      ...(share !== undefined
        ? { shareBasisPoints: Math.round(percent * 100), ...(cap ? { capFen: parseYuan(cap) } : {}) }
        : {}),
    }),
    (r) => `已报请悬赏审批（流程 ${r.execution ?? ''}）；批准且预交悬赏金后发布公告`,
  );
}

export function depositCommand(globals: GlobalOptions, out: Output, reference: string, yuan: string, options: Options) {
  const amountFen = parseYuan(yuan);
  return write(
    globals,
    out,
    reference,
    options,
    '/reward/deposit',
    () => ({ amountFen, reference: str(options.reference) }),
    () => `已记录预交悬赏金${formatYuan(amountFen as Fen)}`,
  );
}

export function leadCommand(globals: GlobalOptions, out: Output, reference: string, options: Options) {
  return write(
    globals,
    out,
    reference,
    options,
    '/reward/leads',
    () => ({
      informantRef: str(options.informant),
      summary: str(options.summary),
    }),
    (r) => `已登记财产线索 ${r.leadId ?? ''}`,
  );
}

export function leadCheckCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  leadId: string,
  outcome: string,
  options: Options,
) {
  if (outcome !== 'confirmed' && outcome !== 'unfounded')
    throw new CliError('核查结果只能是 confirmed 或 unfounded', 2);
  return write(
    globals,
    out,
    reference,
    options,
    '/reward/lead-checks',
    () => ({
      leadId,
      outcome,
      ...(str(options.note) ? { note: str(options.note) } : {}),
    }),
    () => `线索 ${leadId}：${outcome === 'confirmed' ? '属实' : '不属实'}`,
  );
}

export function leadMoneyCommand(
  globals: GlobalOptions,
  out: Output,
  reference: string,
  leadId: string,
  yuan: string,
  options: Options,
) {
  const amountFen = parseYuan(yuan);
  return write(
    globals,
    out,
    reference,
    options,
    '/reward/lead-money',
    () => ({ leadId, amountFen }),
    () => `已记录依线索执行到位${formatYuan(amountFen as Fen)}，悬赏金按公告发放（见 enforce measures show）`,
  );
}

export function rewardCloseCommand(globals: GlobalOptions, out: Output, reference: string, options: Options) {
  return write(
    globals,
    out,
    reference,
    options,
    '/reward/close',
    () => ({ reason: str(options.reason) }),
    () => '悬赏已结束，未发放的预交悬赏金退还申请执行人',
  );
}

export function reliefCommand(globals: GlobalOptions, out: Output, reference: string, yuan: string, options: Options) {
  const requestedFen = parseYuan(yuan);
  return write(
    globals,
    out,
    reference,
    options,
    '/relief',
    (p) => ({
      applicantId: str(options.applicant) ?? first(p.applicants),
      hardship: str(options.hardship),
      requestedFen,
    }),
    (r) => `已报请国家司法救助审批（流程 ${r.execution ?? ''}）`,
  );
}

export function reliefPaidCommand(globals: GlobalOptions, out: Output, reference: string, options: Options) {
  return write(
    globals,
    out,
    reference,
    options,
    '/relief/payment',
    () => ({ reference: str(options.reference) }),
    () => '已记录司法救助金发放；此后执行到位的款项先行扣回救助资金',
  );
}

export function bankruptcyCommand(globals: GlobalOptions, out: Output, reference: string, options: Options) {
  const consent = str(options.consent);
  if (consent !== 'applicant' && consent !== 'respondent')
    throw new CliError('--consent 只能是 applicant 或 respondent', 2);
  return write(
    globals,
    out,
    reference,
    options,
    '/bankruptcy',
    (p) => {
      const respondentId = str(options.respondent) ?? first(p.respondents);
      return {
        respondentId,
        consentBy: consent,
        consentPartyId: consent === 'applicant' ? first(p.applicants) : respondentId,
        insolvency: str(options.insolvency),
        toCourt: { code: str(options.courtCode), name: str(options.courtName) },
      };
    },
    (r) => `已提交合议庭评议，多数同意后报院长签署移送破产审查决定（流程 ${r.execution ?? ''}）`,
  );
}

export function declaredCommand(globals: GlobalOptions, out: Output, reference: string, options: Options) {
  return write(
    globals,
    out,
    reference,
    options,
    '/bankruptcy/declared',
    () => ({}),
    () => '已记录宣告破产；可申请终结执行：enforce close <case> termination --ground respondent-bankrupt',
  );
}

export function dispatchCommand(globals: GlobalOptions, out: Output, reference: string, options: Options) {
  return write(
    globals,
    out,
    reference,
    options,
    '/dispatch',
    () => ({}),
    (r) => ((r.sent?.length ?? 0) > 0 ? `待回复的协助通知${r.sent?.length}件` : '没有待发送的通知'),
  );
}

interface View {
  exitBan?: { status: string; restricted: string[]; released: string[]; notices: unknown[]; liftReason?: string };
  reward?: {
    status: string;
    capFen: number;
    depositFen: number;
    paidFen: number;
    refundedFen: number;
    leads: { leadId: string; status: string; realisedFen: number; rewardFen?: number }[];
  };
  relief?: { status: string; requestedFen: number; grantedFen?: number; recoveredFen: number; toRecoverFen: number };
  bankruptcy?: { status: keyof typeof BANKRUPTCY_STATUS_LABELS; toCourt: string };
}

const EXIT_STATUS: Record<string, string> = {
  proposed: '待审批',
  ordered: '已限制出境',
  refused: '未获批准',
  lifted: '已解除',
};
const REWARD_STATUS: Record<string, string> = {
  applied: '待决定',
  approved: '已批准，待预交悬赏金',
  published: '已发布',
  refused: '未获批准',
  closed: '已结束',
};
const RELIEF_STATUS: Record<string, string> = {
  applied: '待决定',
  granted: '已决定，待发放',
  refused: '不予救助',
  paid: '已发放',
};
const LEAD_STATUS: Record<string, string> = {
  received: '待核查',
  confirmed: '属实',
  unfounded: '不属实',
  rewarded: '悬赏金已确定',
};

export async function showMeasures(globals: GlobalOptions, out: Output, reference: string, options: Options) {
  const caseId = await caseIdOf(reference, options.as);
  await withApi(globals, out, options.as, async ({ call }) => {
    const view = await call<View>('GET', `/cases/${caseId}/measures`);
    out.result(view, () => {
      const y = (n: number) => formatYuan(n as Fen);
      if (view.exitBan) {
        const b = view.exitBan;
        out.line(
          `限制出境：${EXIT_STATUS[b.status] ?? b.status}；出入境管理机构已确认限制${b.restricted.length}人、解除${b.released.length}人；通知${b.notices.length}件${b.liftReason ? `；解除事由：${EXIT_LIFT_LABELS[b.liftReason as keyof typeof EXIT_LIFT_LABELS] ?? b.liftReason}` : ''}`,
        );
      }
      if (view.reward) {
        const r = view.reward;
        out.line(
          `悬赏：${REWARD_STATUS[r.status] ?? r.status}；最高${y(r.capFen)}，已预交${y(r.depositFen)}，另行支付${y(r.paidFen)}，已退还${y(r.refundedFen)}`,
        );
        for (const l of r.leads)
          out.line(
            `  线索 ${l.leadId}：${LEAD_STATUS[l.status] ?? l.status}，执行到位${y(l.realisedFen)}${l.rewardFen ? `，悬赏金${y(l.rewardFen)}` : ''}`,
          );
      }
      if (view.relief) {
        const r = view.relief;
        out.line(
          `司法救助：${RELIEF_STATUS[r.status] ?? r.status}；申请${y(r.requestedFen)}${r.grantedFen !== undefined ? `，决定${y(r.grantedFen)}` : ''}，已扣回${y(r.recoveredFen)}，待扣回${y(r.toRecoverFen)}`,
        );
      }
      if (view.bankruptcy)
        out.line(`移送破产审查（${view.bankruptcy.toCourt}）：${BANKRUPTCY_STATUS_LABELS[view.bankruptcy.status]}`);
      if (!view.exitBan && !view.reward && !view.relief && !view.bankruptcy)
        out.line('本案没有限制出境、悬赏、司法救助或移送破产审查');
    });
  });
}
