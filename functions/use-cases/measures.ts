/**
 * The staff actions of the measures (M-EXIT-BAN, M-REWARD, M-RELIEF, M-BANKRUPTCY): each checks the role table and
 * the rule, writes its events, starts the approval the decision table names (a node-task execution, like every
 * staff-requested task) and runs the follow-up (./measure-dispatch.ts). Money in integer fen.
 */
import { actionRefusal, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import { APPROVAL_STEPS, firstLevel } from '#domain/approvals/policy.ts';
import { chinaDateOf } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Court, EnforcementCase } from '#domain/case/model.ts';
import { timeNode } from '#domain/case/nodes.ts';
import { applyEvent } from '#domain/case/reducer.ts';
import { withRewardDeducted } from '#domain/disbursement/plan.ts';
import { derivedId, executionName } from '#domain/ids.ts';
import { referralProblem } from '#domain/measures/bankruptcy.ts';
import { isMeasureStep, type MeasureStep } from '#domain/measures/decisions.ts';
import { exitBanPersons, exitBanProblem } from '#domain/measures/exit-ban.ts';
import { reliefApplicationProblem } from '#domain/measures/relief.ts';
import {
  rewardApplicationProblem,
  rewardCap,
  rewardFor,
  rewardRefund,
  unattributedReceivedFen,
} from '#domain/measures/reward.ts';
import { fen } from '#domain/money.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { approvalRequestTerms, type DecideCommand, decideApproval } from './approvals.ts';
import { type Deps, mutateCase } from './context.ts';
import { issueAfterStaffAct } from './documents.ts';
import { caseNotFound, conflict, forbidden, invalid, unauthenticated } from './errors.ts';
import { type DispatchDeps, dispatchMeasures } from './measure-dispatch.ts';
import { NODE_TASK_MACHINE } from './node-watch.ts';

export type MeasureDeps = DispatchDeps & Pick<Deps, 'engine'>;

async function staffCase(
  deps: Pick<Deps, 'cases'>,
  identity: Identity | undefined,
  caseId: string,
): Promise<{ caller: Identity; state: EnforcementCase }> {
  const state = await deps.cases.load(caseId);
  if (!state) throw caseNotFound();
  const refusal = actionRefusal(identity, 'take-measures', state.court.code);
  if (refusal === 'unknown-user' || !identity) throw unauthenticated('未登录或身份无法核验');
  if (refusal === 'other-court') throw caseNotFound();
  if (refusal) throw forbidden(`${identity.userId}：${REFUSAL_LABELS[refusal]}`);
  return { caller: identity, state };
}

/** The approval task of a measure: one node-task execution, named by the case's count of measure tasks. */
async function startApproval(
  deps: MeasureDeps,
  caseId: string,
  execution: string,
  step: MeasureStep,
  requester: string,
) {
  // The proposer is the approval's requester: separation of duties keeps them from deciding it.
  const approval = { ...approvalRequestTerms(deps, step, {}, firstLevel(step, {}, deps.rules)), requester };
  await deps.engine.startExecution(NODE_TASK_MACHINE, execution, { v: 1, caseId, approval });
}

const nextTask = (s: EnforcementCase) => executionName(s.caseId, 'measure-task', (s.measures?.taskRuns ?? 0) + 1);

/**
 * Writes a proposal or application that needs an approval: the events (with the execution that decides it), then
 * the execution. A proposal refused by the rule changes nothing.
 */
async function propose(
  deps: MeasureDeps,
  caller: Identity,
  caseId: string,
  step: MeasureStep,
  build: (s: EnforcementCase, execution: string, now: string) => CaseEvent[] | string,
) {
  const { state, result: execution } = await mutateCase(
    deps,
    caseId,
    { kind: 'staff', id: caller.userId },
    { action: `propose-${step}` },
    (s, now) => {
      const execution = nextTask(s);
      const events = build(s, execution, now);
      if (typeof events === 'string') throw invalid(events);
      return { events, result: execution };
    },
  );
  await startApproval(deps, state.caseId, execution, step, caller.userId);
  return { caseId: state.caseId, execution };
}

export function proposeExitBan(deps: MeasureDeps) {
  return async (
    identity: Identity | undefined,
    command: {
      readonly caseId: string;
      readonly respondentId: string;
      readonly origin: string;
      readonly applicantId?: string;
      readonly roles?: readonly string[];
      readonly reason: string;
    },
  ) => {
    const { caller } = await staffCase(deps, identity, command.caseId);
    return propose(deps, caller, command.caseId, 'exit-ban', (s, execution) => {
      const problem = exitBanProblem(s, command, deps.rules);
      if (problem) return problem;
      const respondent = s.respondents.find((r) => r.partyId === command.respondentId);
      const persons = respondent ? exitBanPersons(respondent, deps.rules, command.roles) : '没有该被执行人';
      if (typeof persons === 'string') return persons;
      return [
        {
          type: 'exit-ban-proposed',
          respondentId: command.respondentId,
          persons,
          origin: command.origin as 'application' | 'own-motion',
          ...(command.origin === 'application' && command.applicantId ? { applicantId: command.applicantId } : {}),
          reason: command.reason,
          by: caller.userId,
          execution,
        },
      ];
    });
  };
}

/** M-EXIT-BAN: lifted on security or the applicant's consent (performance and closure lift it by themselves). */
export function liftExitBan(deps: MeasureDeps) {
  return async (identity: Identity | undefined, command: { readonly caseId: string; readonly reason: string }) => {
    const { caller } = await staffCase(deps, identity, command.caseId);
    if (command.reason !== 'security-given' && command.reason !== 'applicant-consent')
      throw invalid('reason：须为 security-given（提供担保）或 applicant-consent（申请执行人同意）');
    await mutateCase(deps, command.caseId, { kind: 'staff', id: caller.userId }, { action: 'lift-exit-ban' }, (s) => {
      if (s.measures?.exitBan?.status !== 'ordered') throw conflict('本案没有正在执行的限制出境');
      const docId = derivedId('d', s.caseId, 'exit-ban-lifted');
      return {
        events: [{ type: 'exit-ban-lifted', reason: command.reason as 'security-given', by: caller.userId, docId }],
        result: undefined,
      };
    });
    return { caseId: command.caseId, ...(await dispatchMeasures(deps)(command.caseId)) };
  };
}

export function applyForReward(deps: MeasureDeps) {
  return async (
    identity: Identity | undefined,
    command: {
      readonly caseId: string;
      readonly applicantId: string;
      readonly method: string;
      readonly amountFen?: number;
      readonly shareBasisPoints?: number;
      readonly capFen?: number;
    },
  ) => {
    const { caller } = await staffCase(deps, identity, command.caseId);
    return propose(deps, caller, command.caseId, 'reward-notice', (s, execution, now) => {
      const problem = rewardApplicationProblem(s, command, deps.rules);
      if (problem) return problem;
      const rules = deps.rules;
      return [
        {
          type: 'reward-applied',
          applicantId: command.applicantId,
          method: command.method as 'fixed' | 'share',
          ...(command.method === 'fixed' ? { amountFen: fen(command.amountFen ?? 0) } : {}),
          ...(command.method === 'share' ? { shareBasisPoints: command.shareBasisPoints ?? 0 } : {}),
          capFen: rewardCap(command),
          by: caller.userId,
          execution,
        },
        {
          type: 'node-set',
          node: timeNode('reward-decision', rules.M_REWARD.id, rules.M_REWARD.decide, now, deps.calendar),
        },
      ];
    });
  };
}

/** Each reward staff action: checked and written in one commit, then the follow-up (publication, payment). */
async function rewardAction(
  deps: MeasureDeps,
  identity: Identity | undefined,
  caseId: string,
  action: string,
  decide: (s: EnforcementCase, caller: Identity) => CaseEvent[],
) {
  const { caller } = await staffCase(deps, identity, caseId);
  const { state } = await mutateCase(deps, caseId, { kind: 'staff', id: caller.userId }, { action }, (s) => {
    if (!s.measures?.reward) throw conflict('本案没有悬赏');
    return { events: decide(s, caller), result: undefined };
  });
  await dispatchMeasures(deps)(caseId);
  return { caseId: state.caseId };
}

export function recordRewardDeposit(deps: MeasureDeps) {
  return (identity: Identity | undefined, command: { caseId: string; amountFen: number; reference: string }) =>
    rewardAction(deps, identity, command.caseId, 'reward-deposit', (s) => {
      const reward = s.measures?.reward;
      if (reward?.status !== 'applied' && reward?.status !== 'approved') throw conflict('悬赏已发布、已结束或未获批准');
      if (!Number.isSafeInteger(command.amountFen) || command.amountFen <= 0)
        throw invalid('amountFen：须为正的整数分');
      if (reward.depositFen + command.amountFen > reward.capFen)
        throw invalid(`预交的悬赏金不得超过承诺的最高数额${reward.capFen / 100}元`);
      return [{ type: 'reward-deposited', amountFen: fen(command.amountFen), reference: command.reference }];
    });
}

export function recordLead(deps: MeasureDeps) {
  return async (identity: Identity | undefined, command: { caseId: string; informantRef: string; summary: string }) => {
    let leadId = '';
    const result = await rewardAction(deps, identity, command.caseId, 'record-lead', (s) => {
      const reward = s.measures?.reward;
      if (reward?.status !== 'published') throw conflict('悬赏公告尚未发布或已结束');
      leadId = derivedId('l', s.caseId, String(reward.leads.length + 1), command.informantRef);
      return [{ type: 'lead-received', leadId, informantRef: command.informantRef, summary: command.summary }];
    });
    return { ...result, leadId };
  };
}

export function checkLead(deps: MeasureDeps) {
  return (
    identity: Identity | undefined,
    command: { caseId: string; leadId: string; outcome: string; note?: string },
  ) =>
    rewardAction(deps, identity, command.caseId, 'check-lead', (s, caller) => {
      const lead = s.measures?.reward?.leads.find((l) => l.leadId === command.leadId);
      if (!lead) throw invalid('leadId：没有该线索');
      if (lead.status !== 'received') throw conflict('该线索已核查');
      if (command.outcome !== 'confirmed' && command.outcome !== 'unfounded')
        throw invalid('outcome：须为 confirmed（属实）或 unfounded（不属实）');
      return [
        {
          type: 'lead-checked',
          leadId: command.leadId,
          outcome: command.outcome,
          by: caller.userId,
          ...(command.note ? { note: command.note } : {}),
        },
      ];
    });
}

/**
 * 第二十三条: money a confirmed lead brought onto the case account (at most what came in and is not yet credited to
 * a lead); the reward it earns (integer fen) is deducted from the applicant's share at the next disbursement
 * (第二十四条), not taken from the deposit.
 */
export function realiseLead(deps: MeasureDeps) {
  return (identity: Identity | undefined, command: { caseId: string; leadId: string; amountFen: number }) =>
    rewardAction(deps, identity, command.caseId, 'realise-lead', (s, caller) => {
      const reward = s.measures?.reward;
      const lead = reward?.leads.find((l) => l.leadId === command.leadId);
      if (!reward || !lead) throw invalid('leadId：没有该线索');
      if (lead.status !== 'confirmed' && lead.status !== 'rewarded')
        throw conflict('只有经核查属实的线索才能计入执行到位金额');
      if (!Number.isSafeInteger(command.amountFen) || command.amountFen <= 0)
        throw invalid('amountFen：须为正的整数分');
      const free = unattributedReceivedFen(s);
      if (command.amountFen > free) throw invalid(`执行款账户中尚未计入线索的到账金额只有${free / 100}元`);
      const realised = { ...lead, realisedFen: fen(lead.realisedFen + command.amountFen) };
      // 第二十四条: the reward is fixed now and deducted from the applicant's share when the money is paid out.
      const earned = rewardFor(reward, realised);
      const recorded: CaseEvent = {
        type: 'lead-realised',
        leadId: lead.leadId,
        amountFen: fen(command.amountFen),
        by: caller.userId,
        ...(earned > 0 ? { rewardFen: earned } : {}),
      };
      // A payout of this money already awaiting approval is planned again with the reward deducted.
      const pending = s.status === 'disbursement-approval' ? s.disbursementPlan : undefined;
      const payouts = pending && withRewardDeducted(applyEvent(s, recorded, lead.receivedAt), pending);
      return pending && payouts ? [recorded, { type: 'disbursement-planned', ...pending, payouts }] : [recorded];
    });
}

export function closeReward(deps: MeasureDeps) {
  return (identity: Identity | undefined, command: { caseId: string; reason: string }) =>
    rewardAction(deps, identity, command.caseId, 'close-reward', (s) => {
      const reward = s.measures?.reward;
      if (!reward || reward.status === 'closed') throw conflict('悬赏已结束');
      return [{ type: 'reward-closed', refundedFen: rewardRefund(reward), reason: command.reason }];
    });
}

export function applyForRelief(deps: MeasureDeps) {
  return async (
    identity: Identity | undefined,
    command: {
      readonly caseId: string;
      readonly applicantId: string;
      readonly hardship: string;
      readonly requestedFen: number;
    },
  ) => {
    const { caller } = await staffCase(deps, identity, command.caseId);
    return propose(deps, caller, command.caseId, 'judicial-relief', (s, execution, now) => {
      const problem = reliefApplicationProblem(s, command, deps.rules, chinaDateOf(now));
      if (problem) return problem;
      const rules = deps.rules;
      return [
        {
          type: 'relief-applied',
          applicantId: command.applicantId,
          hardship: command.hardship,
          requestedFen: fen(command.requestedFen),
          by: caller.userId,
          execution,
        },
        {
          type: 'node-set',
          node: timeNode('relief-decision', rules.M_RELIEF.id, rules.M_RELIEF.decide, now, deps.calendar),
        },
      ];
    });
  };
}

/** The fund paid the relief granted (the finance office's reference): from now on it is recovered from later money. */
export function recordReliefPayment(deps: MeasureDeps) {
  return async (identity: Identity | undefined, command: { readonly caseId: string; readonly reference: string }) => {
    const { caller } = await staffCase(deps, identity, command.caseId);
    await dispatchMeasures(deps)(command.caseId);
    await mutateCase(deps, command.caseId, { kind: 'staff', id: caller.userId }, { action: 'relief-paid' }, (s) => {
      const relief = s.measures?.relief;
      if (relief?.status !== 'granted' || relief.grantedFen === undefined)
        throw conflict('本案没有已决定待发放的司法救助');
      return {
        events: [{ type: 'relief-paid', amountFen: relief.grantedFen, reference: command.reference }],
        result: undefined,
      };
    });
    return { caseId: command.caseId };
  };
}

export function proposeReferral(deps: MeasureDeps) {
  return async (
    identity: Identity | undefined,
    command: {
      readonly caseId: string;
      readonly respondentId: string;
      readonly consentBy: string;
      readonly consentPartyId: string;
      readonly insolvency: string;
      readonly toCourt: Court;
    },
  ) => {
    const { caller } = await staffCase(deps, identity, command.caseId);
    // 第5条: the collegial panel reviews the proposal first; the president signs once it agreed (startSigning).
    return propose(deps, caller, command.caseId, 'bankruptcy-panel', (s, execution) => {
      const problem = referralProblem(s, command, deps.rules);
      if (problem) return problem;
      return [
        {
          type: 'bankruptcy-proposed',
          respondentId: command.respondentId,
          consentBy: command.consentBy as 'applicant' | 'respondent',
          consentPartyId: command.consentPartyId,
          insolvency: command.insolvency,
          toCourt: command.toCourt,
          by: caller.userId,
          execution,
        },
      ];
    });
  };
}

/**
 * M-BANKRUPTCY 第5条: once the panel agreed, the president's signing approval is started (its execution named on
 * the case; a second start under the same name changes nothing). The proposer stays its requester.
 */
async function startSigning(deps: MeasureDeps, caseId: string): Promise<void> {
  const referral = (await deps.cases.load(caseId))?.measures?.bankruptcy;
  if (referral?.status !== 'panel-approved' || !referral.signExecution) return;
  await startApproval(deps, caseId, referral.signExecution, 'bankruptcy-referral', referral.proposedBy);
}

/** The bankruptcy court declared the respondent bankrupt: recorded, so that the case may close by termination. */
export function recordBankruptcyDeclared(deps: MeasureDeps) {
  return async (identity: Identity | undefined, command: { readonly caseId: string }) => {
    const { caller } = await staffCase(deps, identity, command.caseId);
    await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: caller.userId },
      { action: 'bankruptcy-declared' },
      (s) => {
        if (s.measures?.bankruptcy?.status !== 'accepted') throw conflict('受移送法院尚未受理破产，不能记录宣告破产');
        return { events: [{ type: 'bankruptcy-declared', by: caller.userId }], result: undefined };
      },
    );
    return { caseId: command.caseId };
  };
}

/** The follow-up on demand (the console's and the CLI's "send what is due"): who may take measures may run it. */
export function dispatchMeasuresAs(deps: MeasureDeps) {
  return async (identity: Identity | undefined, command: { readonly caseId: string }) => {
    await staffCase(deps, identity, command.caseId);
    const sent = await dispatchMeasures(deps)(command.caseId);
    await startSigning(deps, command.caseId);
    return { caseId: command.caseId, ...sent };
  };
}

/**
 * A staff decision; when it decides a measure, the follow-up runs at once (the decision's consequences, the notice
 * to the authority). A follow-up that fails (a partner unreachable) does not undo the decision: the command center
 * is told, and the next staff action or `dispatch` sends it.
 */
export function decideWithMeasures(
  deps: MeasureDeps & Pick<Deps, 'approvals' | 'staff'> & Partial<Pick<Deps, 'issuing'>>,
) {
  const decide = decideApproval(deps);
  const dispatch = dispatchMeasures(deps);
  return async (command: DecideCommand) => {
    const result = await decide(command);
    const approval = await deps.approvals.get(command.approvalId);
    if (!approval || !isMeasureStep(approval.step)) return result;
    // The decision's document (限制出境决定书, 司法救助决定书, 移送破产审查决定书), issued with it.
    await issueAfterStaffAct({ ...deps, issuing: deps.issuing }, result.caseId);
    try {
      await dispatch(result.caseId);
      await startSigning(deps, result.caseId);
    } catch (error) {
      await deps.alerts.alert({
        kind: 'partner-overdue',
        caseId: result.caseId,
        court: approval.court,
        at: deps.clock.now(),
        message: `${approval.caseNumber}：${APPROVAL_STEPS[approval.step].label}已决定，后续通知未能发出（${(error as Error).name}），请重新发送`,
      });
    }
    return result;
  };
}
