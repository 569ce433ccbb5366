/**
 * `enforce demo`: one enforcement case from the filing event to closure, on the embedded runtime with a virtual
 * clock, approvals decided by the bureau's staff as the directory names them. Everything goes through the same
 * paths as production: the intake function, the state machines, the settle function for each decision.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimulatorScript } from '#adapters/simulators/partner-simulator.ts';
import { APPROVAL_STEPS, isApprovalStep } from '#domain/approvals/policy.ts';
import { chinaDateOf } from '#domain/calendar/local-date.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { ledgerTotal } from '#domain/case/reducer.ts';
import { outstandingFen } from '#domain/control/plan.ts';
import { FEE_PAYEE, owed } from '#domain/disbursement/owed.ts';
import { type Fen, fen, formatYuan } from '#domain/money.ts';
import { ROLE_LABELS } from '#domain/staff/roles.ts';
import { chinaTime } from '#domain/timeline/timeline.ts';
import type { Approval } from '#ports/approval-store.ts';
import { issueDueDocuments } from '#use-cases/documents.ts';
import { applyForRelief, recordReliefPayment } from '#use-cases/measures.ts';
import { localDocuments } from '../runtime/documents.ts';
import { decideWithPanel } from '../runtime/panel-votes.ts';
import type { EmbeddedRuntime } from '../runtime/runtime.ts';
import { caseCommand } from './commands.ts';
import { commandLine } from './options.ts';
import { CliError, type Output } from './output.ts';
import { SCENARIOS, type Scenario } from './scenarios.ts';
import { type GlobalOptions, withRuntime } from './session.ts';

const DEMO_DIR = new URL('../demo/', import.meta.url);
/** Monday 2 March 2026, 09:00 in China: the filing day of the demo case. */
export const DEMO_START = '2026-03-02T01:00:00.000Z';
const DAY = 86_400;

/** The staff member who decides: holds the role, sits in the court, did not ask for it. */
function approverFor(runtime: EmbeddedRuntime, approval: Approval): string {
  const member = runtime.staff.document.staff.find(
    (m) =>
      m.active &&
      m.court === approval.court &&
      m.roles.includes(approval.requiredRole) &&
      m.userId !== approval.requester &&
      (approval.requiredRole !== 'team-lead' ||
        m.team === runtime.staff.document.staff.find((r) => r.userId === approval.requester)?.team),
  );
  if (!member) throw new CliError(`演示数据中没有可审批 ${approval.approvalId} 的人员`);
  return member.userId;
}

interface ScenarioSetting {
  readonly title: string;
  readonly event: string;
  readonly world: string;
  /** The demo gives up after this many simulated days. */
  readonly maxDays: number;
  /** What staff and the respondent do on a day, as the case allows. */
  readonly acts?: (runtime: EmbeddedRuntime, out: Output, state: EnforcementCase, day: number) => Promise<void>;
}

const SCENARIO_SETTINGS: Record<Scenario, ScenarioSetting> = {
  flagship: {
    title:
      '交通事故赔偿案：冻结扣划银行及网络资金、委托外地法院查封房产、协商执行和解未果后司法拘留、网络司法拍卖、被执行人筹款履行、执行完毕',
    event: 'traffic-accident.event.json',
    world: 'flagship-world.json',
    maxDays: 150,
    acts: flagshipActs,
  },
  deduction: {
    title: '查控、冻结、扣划、发放、结案',
    event: 'loan-repayment.event.json',
    world: 'world.json',
    maxDays: 60,
  },
  voluntary: {
    title: '送达后被执行人主动履行',
    event: 'loan-repayment.event.json',
    world: 'world.json',
    maxDays: 60,
    acts: async (runtime, out, state, day) => {
      if (day !== 2 || state.ledger.length > 0) return;
      out.progress(`  ${chinaTime(runtime.clock.now())}  （演示）被执行人收到执行通知后，向案款账户转入全部执行款`);
      await runtime.pay(state.caseId, owedToday(runtime, state), 'demo-voluntary-1');
    },
  },
  referral: {
    title: '冻结落空、拒不报告财产、隐匿财产：限制消费、失信、罚款、拒执罪移送，公安立案后履行',
    event: 'loan-repayment.event.json',
    world: 'referral-world.json',
    maxDays: 60,
    acts: (runtime, out, state) => referralActs(runtime, out, state),
  },
};

/** What the respondent owes today: the claim, the doubled interest to today and the fee, less what came in. */
function owedToday(runtime: EmbeddedRuntime, state: EnforcementCase): Fen {
  return outstandingFen(state, chinaDateOf(runtime.clock.now()));
}

/**
 * The seed article's example case: mediation fails and the respondent, able to pay, refuses, so he is detained; he
 * then cooperates with the auction of his flat (released early on correction) and raises the rest himself.
 */
async function flagshipActs(runtime: EmbeddedRuntime, out: Output, state: EnforcementCase): Promise<void> {
  const now = chinaTime(runtime.clock.now());
  await flagshipRelief(runtime, out, state, now);
  const sanction = state.coercion?.sanction;
  if (state.status === 'disposing' && state.conduct.length === 0 && state.coercion?.restriction) {
    out.progress(
      `  ${now}  （演示）双方协商执行和解未果；被执行人名下有房产和收入，有履行能力而拒不履行生效法律文书确定义务`,
    );
    const recorded = await runtime.conduct({
      caseId: state.caseId,
      userId: state.officer ?? '',
      conduct: 'refusal-with-ability',
      note: '协商执行和解未果，被执行人有履行能力而拒不履行生效法律文书确定义务',
    });
    if (!recorded.ok) throw new CliError(`演示记录行为失败：${recorded.message}`);
  }
  if (sanction?.status === 'in-custody' && sanction.familyNotifiedAt && !sanction.earlyReleaseOrdered) {
    // C2 (民诉法解释 第一百八十二条): early release is approved by the president, with a 提前解除拘留决定书.
    const president = runtime.staff.document.staff.find(
      (m) => m.active && m.court === state.court.code && m.roles.includes('president'),
    );
    out.progress(
      `  ${now}  （演示）被拘留人认错悔改，具结悔过，表示配合拍卖房产并筹集剩余款项；报院长批准提前解除拘留`,
    );
    const released = await runtime.release({
      caseId: state.caseId,
      userId: president?.userId ?? '',
      reason: '被拘留人承认并改正错误，配合拍卖房产并筹款履行',
    });
    if (!released.ok) throw new CliError(`演示提前解除拘留失败：${released.message}`);
  }
  const sold = Object.values(state.disposal?.lots ?? {}).some((lot) => lot.status === 'sold');
  const voluntary = state.ledger.some((e) => e.kind === 'received' && e.note.includes('主动履行'));
  const owed = owedToday(runtime, state);
  if (sold && !voluntary && owed > 0) {
    out.progress(
      `  ${now}  （演示）房产拍卖成交后，被执行人另行筹集剩余款项${formatYuan(owed)}（含迟延履行期间的加倍部分债务利息及申请执行费），转入案款账户`,
    );
    const paid = await runtime.pay(state.caseId, owed, 'demo-flagship-rest');
    if (!paid.ok) throw new CliError(`演示到账失败：${paid.message}`);
  }
}

/** The relief the seed's applicant asks for, in yuan fen: gravely injured, 1.6 million yuan of medical bills so far. */
const FLAGSHIP_RELIEF_FEN = 5_000_000;

/**
 * M-RELIEF: the applicant, gravely injured and owing 1.6 million yuan in medical bills (the seed article), applies for
 * judicial relief as soon as the case is under way; the bureau chief decides (the demo's approval loop), the fund
 * pays, and the later payouts repay the fund first (the disbursement lines show it).
 */
async function flagshipRelief(runtime: EmbeddedRuntime, out: Output, state: EnforcementCase, now: string) {
  const relief = state.measures?.relief;
  const officer = runtime.staff.document.staff.find((m) => m.userId === state.officer);
  if (!officer || state.status === 'filed' || relief?.status === 'paid' || relief?.status === 'refused') return;
  const identity = { userId: officer.userId, roles: officer.roles, court: officer.court };
  if (!relief) {
    out.progress(`  ${now}  （演示）申请执行人一级伤残，已花费医疗费160余万元，申请国家司法救助`);
    await applyForRelief(runtime.deps)(identity, {
      caseId: state.caseId,
      applicantId: state.applicants[0]?.partyId ?? '',
      hardship: '交通事故致一级伤残，已花费医疗费160余万元，后续治疗费用无着',
      requestedFen: FLAGSHIP_RELIEF_FEN,
    });
    await runtime.runUntilIdle();
  } else if (relief.status === 'granted') {
    out.progress(`  ${now}  （演示）司法救助资金拨付到位，发放给申请执行人`);
    await recordReliefPayment(runtime.deps)(identity, { caseId: state.caseId, reference: 'demo-relief-1' });
  }
}

/** The referral scenario's script of what staff and the respondent do, day by day, as the case allows. */
async function referralActs(runtime: EmbeddedRuntime, out: Output, state: EnforcementCase): Promise<void> {
  const now = chinaTime(runtime.clock.now());
  const coercion = state.coercion;
  // Once the president has signed the restriction order (C4), the officer finds the hidden deposit.
  if (
    state.status === 'coercing' &&
    coercion?.restriction &&
    coercion.sanction === undefined &&
    state.conduct.length === 0
  ) {
    out.progress(`  ${now}  （演示）执行干警查明：被执行人在冻结前将存款转至他人账户，记录隐匿、转移财产行为`);
    const recorded = await runtime.conduct({
      caseId: state.caseId,
      userId: state.officer ?? '',
      conduct: 'assets-hidden',
      note: '冻结前将工商银行账户存款转至亲属账户',
    });
    if (!recorded.ok) throw new CliError(`演示记录行为失败：${recorded.message}`);
  }
  if (coercion?.referral?.status === 'opened' && state.ledger.length === 0) {
    out.progress(`  ${now}  （演示）公安机关立案后，被执行人向案款账户转入全部执行款`);
    const paid = await runtime.pay(state.caseId, owedToday(runtime, state), 'demo-referral-1');
    if (!paid.ok) throw new CliError(`演示到账失败：${paid.message}`);
  }
}

/**
 * The documents the day's acts call for, issued as the sweep would: numbered, signed, hashed on the journal (the
 * timeline shows each `document-issued`).
 */
const reportedProblems = new Set<string>();
async function issueDemoDocuments(runtime: EmbeddedRuntime, out: Output, caseId: string): Promise<void> {
  const report = await issueDueDocuments(localDocuments(runtime), caseId);
  for (const problem of report.problems) {
    if (reportedProblems.has(problem.trigger)) continue;
    reportedProblems.add(problem.trigger);
    out.progress(`  未能生成文书：${problem.problem}`);
  }
}

/**
 * Plays a filed case day by day, as its scenario has staff and the respondent act, with every approval decided by
 * the staff member the directory names, until it closes, waits on someone outside, or the scenario's days run out.
 */
export async function playCase(
  runtime: EmbeddedRuntime,
  out: Output,
  scenario: Scenario,
  caseId: string,
): Promise<void> {
  const setting = SCENARIO_SETTINGS[scenario];
  for (let day = 0; day < setting.maxDays; day++) {
    const state = await runtime.cases.load(caseId);
    if (
      !state ||
      state.status === 'closed' ||
      state.status === 'needs-attention' ||
      state.status.startsWith('awaiting')
    )
      break;
    await setting.acts?.(runtime, out, state, day);
    const pending = await runtime.deps.approvals.listPending({ court: state.court.code });
    for (const approval of pending.filter((a) => a.caseId === caseId)) {
      const approver = approverFor(runtime, approval);
      const label = isApprovalStep(approval.step) ? APPROVAL_STEPS[approval.step].label : approval.step;
      out.progress(
        `  ${chinaTime(runtime.clock.now())}  （演示）${runtime.staff.memberName(approver)}（${ROLE_LABELS[approval.requiredRole]}）审批：${label}`,
      );
      const decided = await decideWithPanel(runtime, approval, {
        approvalId: approval.approvalId,
        decision: 'approved',
        userId: approver,
        reason: '经审查，同意',
        // The approver of a disbursement confirms the amount it lets leave the case account.
        ...(approval.amountFen !== undefined ? { data: { confirmedAmountFen: approval.amountFen } } : {}),
      });
      if (!decided.ok) throw new CliError(`演示审批失败：${decided.message}`);
    }
    await runtime.advance(DAY);
    await issueDemoDocuments(runtime, out, caseId);
  }
}

/** A demo file (event or simulator script) by name, from local/demo/. */
export function demoFile(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, DEMO_DIR), 'utf8'));
}

export async function demoCommand(globals: GlobalOptions, out: Output, options: { scenario?: string }): Promise<void> {
  const scenario = (options.scenario ?? 'flagship') as Scenario;
  if (!SCENARIOS.includes(scenario))
    throw new CliError(`未知的演示场景：${options.scenario}（可选：${SCENARIOS.join('、')}）`, 2);
  const dataDir = globals.dataDir ?? mkdtempSync(join(tmpdir(), 'enforce-demo-'));
  if (globals.dataDir && existsSync(join(dataDir, 'db'))) {
    throw new CliError(`演示需要一个新的数据目录，${dataDir} 已有数据`);
  }
  const demoGlobals: GlobalOptions = { ...globals, dataDir, clock: 'virtual' };
  const setting = SCENARIO_SETTINGS[scenario];
  const event = demoFile(setting.event);
  const script = demoFile(setting.world) as SimulatorScript;
  out.progress(`演示（${setting.title}），数据目录：${dataDir}`);
  out.progress('');

  const caseId = await withRuntime(
    demoGlobals,
    out,
    async (runtime) => {
      const intake = await runtime.intake(event);
      if (intake.outcome !== 'created') throw new CliError(`演示立案失败：${JSON.stringify(intake)}`);
      await playCase(runtime, out, scenario, intake.caseId);
      return intake.caseId;
    },
    { script, startAt: DEMO_START },
  );

  out.progress('');
  await caseCommand({ ...demoGlobals }, out, caseId);
  await withRuntime(
    demoGlobals,
    out,
    async (runtime) => {
      const state = await runtime.cases.load(caseId);
      if (state?.status !== 'closed') throw new CliError(`演示案件未能结案，当前状态：${state?.status}`);
      out.progress('');
      for (const line of closingLines(state)) out.progress(line);
      out.progress(`继续查看：${commandLine(`case ${caseId}`, dataDir)}`);
    },
    { quiet: true },
  );
}

/** The closing account of a case performed in full, to the fen: the claim, the doubled interest, the fee. */
function closingLines(state: EnforcementCase): string[] {
  const figures = owed(state);
  const interest = figures.interest;
  const toApplicants = fen(ledgerTotal(state, 'disbursed') - ledgerTotal(state, 'disbursed', FEE_PAYEE));
  const refunded = ledgerTotal(state, 'refunded');
  return [
    `演示完成：案件已执行完毕。执行标的${formatYuan(figures.debtFen)}；迟延履行期间的加倍部分债务利息${formatYuan(interest.amountFen)}（${interest.from ?? ''}至${interest.through ?? ''}，日万分之一点七五，F-DELAY-INTEREST）；申请执行人共受偿${formatYuan(toApplicants)}。`,
    `申请执行费${formatYuan(fen(ledgerTotal(state, 'disbursed', FEE_PAYEE)))}由被执行人负担，已从执行款中收取（F1-FEE）${refunded > 0 ? `；退还被执行人${formatYuan(fen(refunded))}` : ''}。`,
  ];
}
