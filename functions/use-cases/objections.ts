/**
 * Objections inside enforcement (执行异议 and its 复议, 案外人异议 and its 执行异议之诉), as staff actions over the
 * case: each checked against the role table and the domain's rules, recorded, then followed through the existing
 * workflows. A third party's claim that holds an asset wakes a disposal waiting on that asset, so that it goes on
 * with the others; a hold that ends (the ruling stands, the judgment arrives) releases the seizure on the asset or
 * lets the disposal phase take it up again, as a new run of that phase. The periods the parties have run out in
 * the node sweeper (`lapseObjectionWindows`).
 */
import { actionRefusal, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import { chinaDateOf, type LocalDate, localDate } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { ClosureProblem, EnforcementCase } from '#domain/case/model.ts';
import { freedDeposits } from '#domain/control/freed-deduction.ts';
import type { PayoutOrder } from '#domain/disputes/distribution-state.ts';
import {
  applyForReconsideration,
  decideReconsideration,
  decisionProblems,
  disposalResumable,
  fileObjection,
  fileSuit,
  filingProblems,
  freeBalanceFen,
  heldAssets,
  heldMoneyFen,
  judgmentProblems,
  lapsedWindows,
  type ObjectionFiling,
  objectionNodes,
  reconsiderationProblems,
  recordJudgment,
  ruleObjection,
  rulingProblems,
  suitProblems,
} from '#domain/disputes/objection.ts';
import {
  CASE_ACTS,
  type ContestedAct,
  type ObjectionKind,
  type ObjectorRole,
  type RulingOutcome,
  refundEntryId,
} from '#domain/disputes/objection-model.ts';
import { executionName } from '#domain/ids.ts';
import { fen } from '#domain/money.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { TaskNoLongerWaitingError } from '#ports/workflow-engine.ts';
import { withdrawStoppedAuctions } from './auction-withdrawal.ts';
import { type Deps, mutateCase, SYSTEM } from './context.ts';
import { payOrders, withdrawDisbursement } from './distribution-common.ts';
import { caseNotFound, conflict, forbidden, invalid, unauthenticated } from './errors.ts';
import { orderFreedDeductions } from './freed-deduction.ts';

type ObjectionDeps = Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'engine' | 'requests'> &
  Partial<Pick<Deps, 'payments' | 'approvals'>>;
type Action = 'record-objections' | 'rule-objections';

async function allowed(
  deps: Pick<Deps, 'cases'>,
  identity: Identity | undefined,
  caseId: string,
  action: Action,
): Promise<{ readonly identity: Identity; readonly state: EnforcementCase }> {
  const state = await deps.cases.load(caseId);
  if (!state) throw caseNotFound();
  const refusal = actionRefusal(identity, action, state.court.code);
  if (refusal === 'unknown-user' || !identity) throw unauthenticated('未登录或身份无法核验');
  if (refusal === 'other-court') throw caseNotFound();
  if (refusal) throw forbidden(`${identity.userId}：${REFUSAL_LABELS[refusal]}`);
  return { identity, state };
}

function refuse(what: string, problems: readonly ClosureProblem[]): void {
  if (problems.length > 0) throw conflict(`${what}：${problems.map((p) => p.message).join('；')}`);
}

function dateOrUndefined(value: string | undefined, field: string): LocalDate | undefined {
  if (value === undefined) return undefined;
  try {
    return localDate(value);
  } catch {
    throw invalid(`${field}：日期无效`);
  }
}

/** A summary of one objection for the answer of every command. */
function summary(state: EnforcementCase, objectionId: string) {
  const o = state.objections?.[objectionId];
  const open = Object.values(objectionNodes(objectionId))
    .map((id) => state.nodes[id])
    .filter((n) => n && n.status === 'open')
    .map((n) => ({ node: n?.node ?? '', dueDate: n?.dueDate ?? '' }));
  return {
    caseId: state.caseId,
    objectionId,
    kind: o?.kind ?? 'act',
    status: o?.status ?? 'examining',
    ...(o?.result ? { effect: o.result.effect } : {}),
    nodes: open,
  };
}

/**
 * Money a third party's objection held is free again (the objection ended, for the applicant, or refunded): when the
 * case waits for the officer with money on the account that nothing pays out, a new disbursement run pays it.
 */
export async function disburseFreedMoney(
  deps: Pick<Deps, 'cases' | 'clock' | 'engine'> & Partial<Pick<Deps, 'requests'>>,
  state: EnforcementCase,
): Promise<void> {
  const freed = Object.values(state.objections ?? {}).some(
    (o) => o.kind === 'third-party' && o.status === 'final' && (state.assets[o.assetId]?.deductedFen ?? 0) > 0,
  );
  if (!deps.requests || !freed) return;
  const { result: execution } = await mutateCase(
    deps,
    state.caseId,
    SYSTEM,
    { action: 'disburse-freed-money' },
    (s) => {
      const free = freeBalanceFen(s);
      const idle = s.status === 'awaiting-officer' && s.distribution?.stage === undefined;
      // The run's name counts the runs recorded: asked twice before it opens, the same run is named (started once).
      if (free <= 0 || !idle) return { events: [], result: undefined };
      return { events: [], result: executionName(s.caseId, 'disbursement', (s.phaseRuns.disbursement ?? 0) + 1) };
    },
  );
  if (execution) await deps.engine.startExecution('disbursement', execution, { v: 1, caseId: state.caseId });
}

/** A listing removed or a restriction lifted by an objection, not yet published to the credit-discipline recipients. */
function publicationDue(state: EnforcementCase): boolean {
  const c = state.coercion;
  return (
    (c?.listing?.removedAt !== undefined && !c.published['listing-removed']) ||
    (c?.restriction?.liftedOn === 'objection' && !c.published['restriction-lifted'])
  );
}

/** Refunds of deductions set aside by objections and not yet paid (each has a fixed entry id). */
function refundsDue(state: EnforcementCase): PayoutOrder[] {
  return Object.values(state.objections ?? {}).flatMap((o) => {
    const amountFen = o.result?.refundFen ?? 0;
    const entryId = refundEntryId(o.objectionId);
    const payeeId = state.assets[o.assetId]?.respondentId;
    if (
      o.result?.effect !== 'refunded' ||
      amountFen <= 0 ||
      !payeeId ||
      state.ledger.some((e) => e.entryId === entryId)
    )
      return [];
    return [{ entryId, payeeId, amountFen: fen(amountFen), kind: 'refunded' as const }];
  });
}

/**
 * Refunds of deductions set aside, paid from the case account to the respondent, never twice. A disbursement
 * waiting for approval was planned over that money: it is withdrawn first (as a distribution does), so that the
 * account never pays the same money twice; the case then waits for the officer.
 */
async function payRefunds(
  deps: Pick<Deps, 'cases' | 'clock' | 'payments' | 'approvals' | 'engine'>,
  state: EnforcementCase,
): Promise<void> {
  const orders = refundsDue(state);
  if (orders.length === 0) return;
  await withdrawDisbursement(deps, state, '执行异议成立，撤销扣划，扣划款项退还被执行人');
  await payOrders(deps, state.caseId, { kind: 'system', id: 'objection' }, orders);
}

/**
 * What follows an objection's change on the case's workflows: a disposal waiting on a held asset is woken so that it
 * goes on with the others, and a disposal stopped for held assets only starts again once they are free.
 */
export async function followObjections(
  deps: Pick<Deps, 'cases' | 'clock' | 'engine'> &
    Partial<Pick<Deps, 'requests' | 'payments' | 'approvals' | 'partners' | 'rules' | 'calendar'>>,
  state: EnforcementCase,
): Promise<EnforcementCase> {
  const awaiting = state.disposal?.awaiting;
  // Only a new hold needs a waiting disposal woken (staff rulings, which have the requests); a lapse never does.
  if (deps.requests && awaiting && !state.disposal?.ended) {
    const request = await deps.requests.get(awaiting);
    const assetId = request?.items[0]?.assetId;
    const lot = assetId ? state.disposal?.lots[assetId] : undefined;
    // Held by a third party, released, or its price or auction set aside by an objection (priced again, or new terms).
    const setAside = lot?.status === 'priced' || (lot?.status === 'pricing' && !lot.pricing);
    const stale = assetId !== undefined && (heldAssets(state).has(assetId) || lot?.status === 'released' || setAside);
    if (stale) {
      const superseded = await deps.requests.supersede(awaiting);
      if (superseded?.token) {
        try {
          await deps.engine.sendTaskSuccess(superseded.token, { requestId: awaiting, complete: false });
        } catch (error) {
          if (!(error instanceof TaskNoLongerWaitingError)) throw error;
        }
        await deps.requests.clearToken(awaiting);
      }
    }
  }
  // An auction set aside while on the platform: the platform is asked to withdraw it (撤回拍卖), once.
  if (deps.requests && deps.partners && deps.rules)
    await withdrawStoppedAuctions({ ...deps, requests: deps.requests, partners: deps.partners, rules: deps.rules })(
      state.caseId,
    );
  // A claimed deposit still frozen, free again after the control rounds: deducted now, once.
  if (deps.requests && deps.partners && deps.rules && deps.calendar) {
    const { requests, partners, rules, calendar } = deps;
    await orderFreedDeductions({ ...deps, requests, partners, rules, calendar })(state.caseId);
  }
  // A deduction set aside: the money still on the account goes back to the respondent, once (by its entry id).
  if (deps.payments && deps.approvals)
    await payRefunds({ ...deps, payments: deps.payments, approvals: deps.approvals }, state);
  // A listing removed or a restriction lifted on an objection: the coercion phase, if it waits, is woken to publish
  // the removal (C6) or the lifting (C5).
  const coercionWaits = state.coercion?.awaiting;
  if (deps.requests && coercionWaits && publicationDue(state)) {
    const superseded = await deps.requests.supersede(coercionWaits);
    if (superseded?.token) {
      try {
        await deps.engine.sendTaskSuccess(superseded.token, { requestId: coercionWaits, complete: false });
      } catch (error) {
        if (!(error instanceof TaskNoLongerWaitingError)) throw error;
      }
      await deps.requests.clearToken(coercionWaits);
    }
  }
  await disburseFreedMoney(deps, state);
  if (!disposalResumable(state)) return state;
  const { state: after, result: execution } = await mutateCase(
    deps,
    state.caseId,
    SYSTEM,
    { action: 'resume-disposal' },
    (s) => {
      if (!disposalResumable(s)) return { events: [], result: undefined };
      return {
        events: [
          { type: 'disposal-held', assetIds: [] },
          {
            type: 'status-changed',
            from: s.status,
            to: 'awaiting-disposal',
            reason: '案外人异议已了结，继续处置财产',
          },
        ],
        result: executionName(s.caseId, 'disposal', (s.phaseRuns.disposal ?? 0) + 1),
      };
    },
  );
  if (execution) await deps.engine.startExecution('disposal', execution, { v: 1, caseId: state.caseId });
  return after;
}

export interface FileObjectionCommand {
  readonly caseId: string;
  readonly kind: ObjectionKind;
  readonly objector: { readonly name: string; readonly role: ObjectorRole };
  readonly act?: ContestedAct;
  readonly assetId?: string;
  readonly grounds: string;
  readonly receivedOn?: string;
}

/** Registers a written objection as it arrives: its examination node (15 days from receipt) starts. */
export function registerObjection(deps: ObjectionDeps) {
  return async (identity: Identity | undefined, command: FileObjectionCommand) => {
    const { identity: who, state: before } = await allowed(deps, identity, command.caseId, 'record-objections');
    const receivedOn = dateOrUndefined(command.receivedOn, 'receivedOn');
    const { receivedOn: _raw, caseId: _case, assetId, ...rest } = command;
    if (!assetId && !(command.act && CASE_ACTS.includes(command.act))) throw invalid('assetId：须指明所涉财产');
    const filing: ObjectionFiling = { ...rest, assetId: assetId ?? '', ...(receivedOn ? { receivedOn } : {}) };
    refuse('不能登记异议', filingProblems(before, filing, deps.clock.now()));
    // The id counts the case's objections; a second writer re-decides on the fresh case (and a repeat of the same
    // objection is refused as pending).
    const { state, result } = await mutateCase<string | readonly ClosureProblem[]>(
      deps,
      command.caseId,
      { kind: 'staff', id: who.userId },
      { action: 'file-objection' },
      (s, now) => {
        const problems = filingProblems(s, filing, now);
        if (problems.length > 0) return { events: [], result: problems };
        const filed = fileObjection(s, filing, who.userId, deps.rules, deps.calendar, now);
        return { events: filed.events, result: filed.objectionId };
      },
    );
    if (typeof result !== 'string') {
      refuse('不能登记异议', result);
      throw conflict('不能登记异议');
    }
    // A deposit claimed whose money is on the account: a disbursement waiting for approval was planned over it and
    // is withdrawn; what is not claimed is paid out by a new disbursement (`followObjections` / the phase's plan).
    if (deps.approvals && heldMoneyFen(state) > 0)
      await withdrawDisbursement(
        { ...deps, approvals: deps.approvals },
        state,
        '案外人对扣划的存款提出异议，异议审查期间不得处分',
      );
    return summary(state, result);
  };
}
/** The ruling after examination (a panel member or the bureau chief), served on `servedOn` (today if not given). */
export function ruleOnObjection(deps: ObjectionDeps) {
  return async (
    identity: Identity | undefined,
    command: {
      readonly caseId: string;
      readonly objectionId: string;
      readonly outcome: RulingOutcome;
      readonly reasons: string;
      readonly servedOn?: string;
    },
  ) => {
    const { identity: who, state: before } = await allowed(deps, identity, command.caseId, 'rule-objections');
    const servedOn = dateOrUndefined(command.servedOn, 'servedOn');
    if (servedOn && servedOn > chinaDateOf(deps.clock.now())) throw invalid('servedOn：送达日期不能晚于今天');
    refuse('不能作出裁定', rulingProblems(before, command.objectionId));
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: who.userId },
      { action: 'rule-objection' },
      (s, now) => ({
        events:
          rulingProblems(s, command.objectionId).length > 0
            ? []
            : ruleObjection(
                s,
                command.objectionId,
                {
                  outcome: command.outcome,
                  by: who.userId,
                  reasons: command.reasons,
                  ...(servedOn ? { servedOn } : {}),
                },
                deps.rules,
                deps.calendar,
                now,
              ),
        result: undefined,
      }),
    );
    return summary(await followObjections(deps, state), command.objectionId);
  };
}

/** Records an outside step on one objection: the domain checks it, the events follow, then the workflows. */
function outsideStep<C extends { readonly caseId: string; readonly objectionId: string }>(
  deps: ObjectionDeps,
  what: string,
  action: string,
  problems: (s: EnforcementCase, command: C, now: string) => readonly ClosureProblem[],
  events: (s: EnforcementCase, command: C, now: string) => CaseEvent[],
) {
  return async (identity: Identity | undefined, command: C) => {
    const { identity: who, state: before } = await allowed(deps, identity, command.caseId, 'record-objections');
    refuse(what, problems(before, command, deps.clock.now()));
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: who.userId },
      { action },
      (s, now) => ({
        events: problems(s, command, now).length > 0 ? [] : events(s, command, now),
        result: undefined,
      }),
    );
    return summary(await followObjections(deps, state), command.objectionId);
  };
}

export interface ReconsiderationCommand {
  readonly caseId: string;
  readonly objectionId: string;
  readonly appliedBy: ObjectorRole;
  readonly receivedOn?: string;
}

/** A party applies to the higher court for reconsideration (within 10 days of service): its 30-day node starts. */
export function recordReconsideration(deps: ObjectionDeps) {
  return (identity: Identity | undefined, command: ReconsiderationCommand) => {
    const receivedOn = dateOrUndefined(command.receivedOn, 'receivedOn');
    return outsideStep<ReconsiderationCommand>(
      deps,
      '不能登记复议申请',
      'apply-reconsideration',
      (s, c, now) => reconsiderationProblems(s, c.objectionId, c.appliedBy, now),
      (s, c, now) =>
        applyForReconsideration(
          s,
          c.objectionId,
          c.appliedBy,
          receivedOn ?? chinaDateOf(now),
          deps.rules,
          deps.calendar,
          now,
        ),
    )(identity, command);
  };
}

export interface ReconsiderationDecisionCommand {
  readonly caseId: string;
  readonly objectionId: string;
  readonly decision: 'affirmed' | 'reversed';
}

/** The higher court's decision arrives: the ruling (affirmed or reversed) takes effect. */
export function recordReconsiderationDecision(deps: ObjectionDeps) {
  return outsideStep<ReconsiderationDecisionCommand>(
    deps,
    '不能登记复议裁定',
    'decide-reconsideration',
    (s, c) => decisionProblems(s, c.objectionId),
    (s, c, now) => decideReconsideration(s, c.objectionId, c.decision, now, deps.rules, deps.calendar),
  );
}

export interface SuitCommand {
  readonly caseId: string;
  readonly objectionId: string;
  readonly plaintiff: ObjectorRole;
}

/** 执行异议之诉 brought within 15 days of service: the asset waits for the judgment. */
export function recordObjectionSuit(deps: ObjectionDeps) {
  return outsideStep<SuitCommand>(
    deps,
    '不能登记执行异议之诉',
    'file-objection-suit',
    (s, c, now) => suitProblems(s, c.objectionId, c.plaintiff, now),
    (s, c, now) => fileSuit(s, c.objectionId, c.plaintiff, now),
  );
}

export interface JudgmentCommand {
  readonly caseId: string;
  readonly objectionId: string;
  readonly for: 'third-party' | 'applicant';
  readonly reference: string;
}

/** The judgment of 执行异议之诉 arrives: for the third party the seizure is released, else disposal goes on. */
export function recordObjectionJudgment(deps: ObjectionDeps) {
  return outsideStep<JudgmentCommand>(
    deps,
    '不能登记执行异议之诉判决',
    'record-objection-judgment',
    (s, c) => judgmentProblems(s, c.objectionId),
    (s, c) => recordJudgment(s, c.objectionId, { for: c.for, reference: c.reference }),
  );
}

/**
 * The judgment of 执行异议之诉 as an event from the trial division's system (no staff member records it): the same
 * checks and effects as `recordObjectionJudgment`, written by the system.
 */
export function objectionJudgmentArrived(deps: ObjectionDeps) {
  return async (command: JudgmentCommand) => {
    const before = await deps.cases.load(command.caseId);
    if (!before) throw caseNotFound();
    refuse('不能登记执行异议之诉判决', judgmentProblems(before, command.objectionId));
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'system', id: 'trial-division' },
      { action: 'objection-judgment-arrived' },
      (s) => ({
        events:
          judgmentProblems(s, command.objectionId).length > 0
            ? []
            : recordJudgment(s, command.objectionId, { for: command.for, reference: command.reference }),
        result: undefined,
      }),
    );
    return summary(await followObjections(deps, state), command.objectionId);
  };
}

/** The node sweeper's part: windows that passed with nothing done make their rulings stand. */
export async function lapseObjectionWindows(
  deps: Pick<Deps, 'cases' | 'clock' | 'engine' | 'rules' | 'calendar'> & Partial<Pick<Deps, 'wakes'>>,
  caseId: string,
): Promise<number> {
  const { state, result } = await mutateCase(deps, caseId, SYSTEM, { action: 'objection-window-lapsed' }, (s, now) => {
    const events = lapsedWindows(s, now, deps.rules, deps.calendar);
    return { events, result: events.flatMap((e) => (e.type === 'objection-final' ? [e.effect] : [])) };
  });
  if (result.length > 0) {
    await followObjections(deps, state);
    // Only settle may wake what waits on the case: the coercion phase to publish a listing removed or a restriction
    // lifted; a disposal waiting on an auction set aside (stopped at once, not when the platform reports); and a
    // refund (a disbursement waiting on that money withdrawn first).
    const disposalWaits =
      state.disposal?.awaiting !== undefined && result.some((e) => e === 'annulled' || e === 'repriced');
    // Money a third party claimed, free again: settle starts the disbursement that pays it.
    const moneyFreed =
      (state.status === 'awaiting-officer' && freeBalanceFen(state) > 0) || freedDeposits(state).length > 0;
    if (deps.wakes && (publicationDue(state) || refundsDue(state).length > 0 || disposalWaits || moneyFreed))
      await deps.wakes.requestWake({ caseId, reason: '执行异议裁定生效，撤销该执行行为' });
  }
  return result.length;
}
