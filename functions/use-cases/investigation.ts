/**
 * Asset investigation and control: network inquiry (A8, A10), the control plan and its approval, freezing and
 * sealing (B1), entrustment to the court where property lies (H1), deduction of frozen money.
 */

import { DeductResult, EntrustResult, FreezeResult } from '#contracts/partner-answers.ts';
import type { LegalCalendar } from '#domain/calendar/legal-calendar.ts';
import { chinaDateOf, endOfChinaDay, localDate, secondsUntil } from '#domain/calendar/local-date.ts';
import type { CaseEvent, Commit } from '#domain/case/events.ts';
import type { Asset, EnforcementCase } from '#domain/case/model.ts';
import { meetNode, timeNode } from '#domain/case/nodes.ts';
import { type ControlStep, nextControlStep, orderItem } from '#domain/control/next-step.ts';
import { handoverStatus, planControl, receiptExpiry } from '#domain/control/plan.ts';
import { continuesControl, continuesInvestigation } from '#domain/disputes/suspension-resume.ts';
import { orderReceiptProblem } from '#domain/documents/service-documents.ts';
import { derivedId, executionName, parseExecutionName, requestIdFor } from '#domain/ids.ts';
import { fen } from '#domain/money.ts';
import { joinedOwed } from '#domain/parties/joined.ts';
import { inquiryItems, type RequestItem } from '#domain/partners/requests.ts';
import type { Rules } from '#domain/rules/table.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import { type ApprovalRequestTerms, approvalRequestTerms } from './approvals.ts';
import { type Deps, loadCase, mutateCase, PhaseEndedError, SYSTEM } from './context.ts';
import { stoppedControlOrder } from './control-continuation.ts';
import { nextPhase } from './hand-over.ts';
import { foundAssets, lastInquiry, lateControl, recordLateInquiry } from './late-inquiry.ts';
import { withOrderDocuments } from './order-documents.ts';
import { recordLateRenewal, renewalWatch } from './renewals.ts';
import { ensureRequest, getRequest, settleRequest, type WaitTerms } from './requests.ts';
import type { StepInput } from './service.ts';

type InvestigationDeps = Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'requests' | 'alerts'>;
/** Control's steps issue the freeze and seal orders' documents before the orders go out. */
type ControlDeps = InvestigationDeps & Pick<Deps, 'staff' | 'issuing'>;

/** What opening a run decided: whom it inquires about, or that it waits, or which settled inquiry it takes up. */
interface Opened {
  readonly covered: readonly string[] | undefined;
  readonly waits: boolean;
  readonly reuse?: string;
  /** A run continuing one a suspension stopped: the inquiry may still be open. */
  readonly continued?: boolean;
}

/**
 * Opens the phase and sends the network inquiry for every respondent on every channel. A later run inquires about
 * the respondents who joined by a ruling (追加、变更) and no inquiry covered yet: from a status the case may leave
 * for it (JOINED_INQUIRY_FROM), else the inquiry waits (recorded on the case) and the run ends there.
 */
export function openInvestigation(deps: InvestigationDeps) {
  return async (input: StepInput): Promise<{ inquiry: WaitTerms }> => {
    const { run } = parseExecutionName(input.execution);
    const requestId = requestIdFor(input.execution, 'inquiry', 1);
    const { state, result } = await mutateCase<Opened>(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: 'open-investigation' },
      (s, now) => {
        if (s.phaseRuns.investigation === run)
          return {
            events: [],
            result: {
              covered: s.inquiry?.requests?.[requestId],
              waits: false,
              ...(run > 1 && !s.inquiry?.requests?.[requestId] ? { reuse: lastInquiry(s) } : {}),
            },
          };
        if (s.inquiry && continuesInvestigation(s, run)) return continuedInquiry(s, input.execution, run);
        if (s.inquiry) return joinedInquiry(s, input.execution, run, requestId);
        const items = inquiryItems(s);
        const events: CaseEvent[] = [
          { type: 'phase-started', phase: 'investigation', run, execution: input.execution },
          { type: 'status-changed', from: s.status, to: 'investigating', reason: '启动网络查控' },
          {
            type: 'inquiry-started',
            requestId,
            channels: [...new Set(items.map((i) => i.channel ?? ''))],
            respondents: s.respondents.map((r) => r.partyId),
          },
          ...meetNode(s, 'inquiry-started', now),
          {
            type: 'node-set',
            node: timeNode('investigation-finished', deps.rules.A8.id, deps.rules.A8.period, s.filedAt, deps.calendar),
          },
        ];
        return { events, result: { covered: undefined, waits: false } };
      },
    );
    if (result.waits) throw new PhaseEndedError(state.caseId, input.execution, 'the joined respondent’s inquiry waits');
    // Controlling what a late answer found: the settled inquiry that found it is recorded again (nothing new), then
    // the control plan takes the property up.
    if (result.reuse) {
      // A run continuing a suspended one waits what is left of the stopped run's inquiry (nothing, if answered).
      const pending = result.continued ? await getRequest(deps, result.reuse) : undefined;
      const left = pending?.status === 'pending' ? secondsUntil(deps.clock.now(), pending.dueAt) : 1;
      return { inquiry: { requestId: result.reuse, timeoutSeconds: Math.max(1, left) } };
    }
    const covered = new Set(result.covered ?? state.inquiry?.requests?.[requestId] ?? []);
    const terms = await ensureRequest(deps, state, input.execution, {
      kind: 'inquiry',
      round: 1,
      items: inquiryItems(state).filter((i) => covered.size === 0 || covered.has(i.respondentId ?? '')),
      period: deps.rules.P_PARTNER_WAITS.inquiry,
    });
    return { inquiry: { requestId: terms.requestId, timeoutSeconds: terms.timeoutSeconds } };
  };
}

/**
 * A run continuing the one a suspension stopped (SUSPENSION): the inquiry that run sent is taken up where it stood,
 * waited for if still open, recorded (once) and the control planned, as the stopped run would have. Nothing is
 * inquired again.
 */
function continuedInquiry(
  s: EnforcementCase,
  execution: string,
  run: number,
): { events: CaseEvent[]; result: { covered: undefined; waits: false; reuse?: string; continued: true } } {
  const reuse = lastInquiry(s);
  return {
    events: [{ type: 'phase-started', phase: 'investigation', run, execution }],
    result: { covered: undefined, waits: false, continued: true, ...(reuse ? { reuse } : {}) },
  };
}

/** A later run: the inquiry about the joined respondents, taking the case back to `investigating`, or waiting. */
function joinedInquiry(
  s: EnforcementCase,
  execution: string,
  run: number,
  requestId: string,
): { events: CaseEvent[]; result: { covered: readonly string[] | undefined; waits: boolean; reuse?: string } } {
  const owed = joinedOwed(s);
  const names = owed.inquiry.map((r) => r.name).join('、');
  const reuse = lastInquiry(s);
  if (owed.controlNow && reuse) return lateControl(s, execution, run, owed.control, reuse);
  if (owed.inquiry.length === 0) return { events: [], result: { covered: undefined, waits: true } };
  if (!owed.inquiryNow) {
    const waiting = s.joinedInquiryWaits?.includes(run) ?? false;
    const events: CaseEvent[] = waiting
      ? []
      : [{ type: 'joined-inquiry-waits', run, respondents: owed.inquiry.map((r) => r.partyId), status: s.status }];
    return { events, result: { covered: undefined, waits: true } };
  }
  const respondents = owed.inquiry.map((r) => r.partyId);
  const items = inquiryItems(s).filter((i) => respondents.includes(i.respondentId ?? ''));
  const events: CaseEvent[] = [
    { type: 'phase-started', phase: 'investigation', run, execution },
    {
      type: 'status-changed',
      from: s.status,
      to: 'investigating',
      reason: `对新追加、变更的被执行人${names}启动网络查控`,
    },
    { type: 'inquiry-started', requestId, channels: [...new Set(items.map((i) => i.channel ?? ''))], respondents },
  ];
  return { events, result: { covered: respondents, waits: false } };
}

/** Records what banks and registries answered; those silent past the wait are named. */
export function recordInquiry(deps: InvestigationDeps) {
  return async (input: StepInput & { readonly requestId: string }) => {
    const request = await settleRequest(deps, input.requestId);
    await mutateCase(deps, input.caseId, SYSTEM, { execution: input.execution, step: 'record-inquiry' }, (s, now) => {
      // Once per request: a later inquiry (a joined respondent) is recorded beside the earlier ones.
      const done = new Set([...(s.inquiry?.answered ?? []), ...(s.inquiry?.silent ?? [])]);
      if (request.items.some((i) => done.has(i.itemId))) return { events: [], result: undefined };
      const { events, silent } = foundAssets(s, request);
      return {
        events: [...events, { type: 'inquiry-closed', silent }, ...meetNode(s, 'investigation-finished', now)],
        result: undefined,
      };
    });
    return { recorded: true };
  };
}

export type ControlOutcome =
  | { readonly outcome: 'control'; readonly approval: ApprovalRequestTerms }
  /** A run continuing control a suspension stopped: the plan stands approved, its execution goes on. */
  | { readonly outcome: 'approved' }
  | { readonly outcome: 'covered'; readonly disbursement: string }
  | { readonly outcome: 'nothing-to-control'; readonly coercion?: string; readonly disposal?: string };

/** Decides what to freeze, seal and entrust, and asks for the team lead's approval. */
export function planCaseControl(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar'>) {
  return async (input: StepInput): Promise<ControlOutcome> => {
    const { run } = parseExecutionName(input.execution);
    const { state, result } = await mutateCase(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: 'plan-control' },
      (s, now) => {
        if (continuesControl(s, run)) return { events: [], result: undefined };
        const plan = planControl(s, chinaDateOf(now), deps.rules);
        if (s.status !== 'investigating') return { events: [], result: plan };
        const events: CaseEvent[] = [];
        if (plan.outcome === 'control') {
          events.push(
            {
              type: 'control-planned',
              freezes: plan.freezes,
              entrustments: plan.entrustments,
              outstandingFen: plan.outstandingFen,
              note: plan.note,
            },
            { type: 'status-changed', from: s.status, to: 'control-approval', reason: plan.note },
          );
        } else if (plan.outcome === 'nothing-to-control') {
          events.push({ type: 'status-changed', from: s.status, to: 'awaiting-coercion', reason: plan.note });
        }
        return { events, result: plan };
      },
    );
    if (!result) return { outcome: 'approved' };
    if (result.outcome === 'control') {
      return { outcome: 'control', approval: approvalRequestTerms(deps, 'control-plan') };
    }
    if (result.outcome === 'covered') {
      return {
        outcome: 'covered',
        disbursement: executionName(state.caseId, 'disbursement', (state.phaseRuns.disbursement ?? 0) + 1),
      };
    }
    return { outcome: 'nothing-to-control', ...nextPhase(state) };
  };
}

export interface ControlStepTerms extends WaitTerms {
  readonly next: ControlStep;
  /** Counts passes through the control loop; the state machine bounds it. */
  readonly round: number;
}

/**
 * The entrustment this pass recorded before its request was made (a step retried after a crash between the two):
 * its assets are no longer `found`, so the plan would skip them; the same items are asked for again instead.
 */
async function recordedEntrustment(
  deps: ControlDeps,
  state: EnforcementCase,
  execution: string,
  round: number,
): Promise<{ step: ControlStep; items: RequestItem[] } | undefined> {
  const history = await deps.cases.history(state.caseId);
  const commit = history.find(
    (c) => c.cause.execution === execution && c.cause.step === 'entrust' && c.cause.round === String(round),
  );
  if (!commit) return undefined;
  const items = commit.events.flatMap((e) =>
    e.type === 'entrustment-sent'
      ? [{ ...orderItem(state, e.entrustment.assetId), toCourt: e.entrustment.toCourt.code }]
      : [],
  );
  return { step: 'entrust', items };
}

async function prepareControlStep(
  deps: ControlDeps,
  state: EnforcementCase,
  execution: string,
  round: number,
): Promise<ControlStepTerms> {
  const { step, items: planned } = (await recordedEntrustment(deps, state, execution, round)) ?? nextControlStep(state);
  if (step === 'assess') return { next: 'assess', requestId: '', timeoutSeconds: 1, round };
  const period = step === 'entrust' ? deps.rules.H1.period : deps.rules.P_PARTNER_WAITS.bankOrder;
  // An entrustment is recorded before its request, so that its letter is issued and carried by it.
  if (step === 'entrust') {
    await mutateCase(deps, state.caseId, SYSTEM, { execution, step: 'entrust', round: String(round) }, (s, now) => {
      const events: CaseEvent[] = [];
      for (const entry of s.controlPlan?.entrustments ?? []) {
        if (s.assets[entry.assetId]?.status !== 'found') continue;
        const matterId = derivedId('m', s.caseId, entry.assetId);
        events.push(
          {
            type: 'entrustment-sent',
            entrustment: { matterId, assetId: entry.assetId, toCourt: entry.toCourt, sentAt: now, status: 'sent' },
          },
          {
            type: 'node-set',
            node: timeNode(`entrustment:${matterId}`, deps.rules.H1.id, deps.rules.H1.period, now, deps.calendar),
          },
        );
      }
      return { events, result: undefined };
    });
  }
  const items =
    step === 'freeze' || step === 'deduct' || step === 'entrust'
      ? await withOrderDocuments(deps, state.caseId, execution, planned, step)
      : planned;
  const terms = await ensureRequest(deps, state, execution, { kind: step, round, items, period });
  return { next: step, requestId: terms.requestId, timeoutSeconds: terms.timeoutSeconds, round };
}

/**
 * After the plan is approved: the first control action. A run continuing control a suspension stopped first takes
 * up the order the stopped run sent and did not record (SUSPENSION: nothing ordered twice).
 */
export function executeControl(deps: ControlDeps) {
  return async (input: StepInput): Promise<ControlStepTerms> => {
    const state = await loadCase(deps.cases, input.caseId);
    const { run } = parseExecutionName(input.execution);
    const stopped = continuesControl(state, run) ? await stoppedControlOrder(deps, state, input.execution) : undefined;
    if (stopped) return { ...stopped, round: 1 };
    return prepareControlStep(deps, state, input.execution, 1);
  };
}

type IssuedJournal = ReadonlyMap<string, { readonly number: string; readonly sha256: string }>;

/** The documents the journal says were issued (`document-issued`), by id: number and SHA-256. */
function issuedJournal(history: readonly Commit[]): IssuedJournal {
  return new Map(
    history.flatMap((c) =>
      c.events.flatMap((e) =>
        e.type === 'document-issued' ? [[e.docId, { number: e.number, sha256: e.sha256 }]] : [],
      ),
    ) as [string, { number: string; sha256: string }][],
  );
}

/**
 * What a control request's answers mean for the case. On time (`late` false): every item, silence included.
 * Late (`late` true): only late answers that report something done (money deducted, an asset frozen), because
 * the bank did it whether or not we were still waiting. A freeze receipt that names documents must name those the
 * order carried, as the journal has them (`journal`: the issued documents by id); otherwise the freeze is recorded
 * as failed, with the reason.
 */
function controlEvents(
  state: EnforcementCase,
  request: PartnerRequest,
  rules: Rules,
  calendar: LegalCalendar,
  now: string,
  journal: IssuedJournal,
  late = false,
): CaseEvent[] {
  const events: CaseEvent[] = [];
  // B1: the end date is the receipt's: from the day the bank or registry did it (its answer's day, unless the
  // receipt states another), for the class's period, or the earlier last day the receipt states.
  // A start day after the answer's is not believed: the measure cannot take effect after the receipt came back.
  const expiresOn = (asset: Asset, at: string, receipt?: { frozenOn?: string; expiresOn?: string }) => {
    const answered = chinaDateOf(at);
    const stated = receipt?.frozenOn ? localDate(receipt.frozenOn) : undefined;
    return receiptExpiry(
      {
        effectiveOn: stated !== undefined && stated <= answered ? stated : answered,
        ...(receipt?.expiresOn ? { expiresOn: localDate(receipt.expiresOn) } : {}),
      },
      asset.class,
      rules,
    );
  };
  // A11: property sealed to be sold has its reference price procedure started within 30 days.
  const pricingNode = (asset: Asset): CaseEvent[] =>
    asset.class === 'deposit' || asset.class === 'online-funds'
      ? []
      : [
          {
            type: 'node-set',
            node: timeNode(`reference-price:${asset.assetId}`, rules.A11.id, rules.A11.period, now, calendar),
          },
        ];
  for (const item of request.items) {
    const assetId = item.assetId ?? item.itemId;
    const asset = state.assets[assetId];
    if (!asset) continue;
    const answer = request.answers.find((a) => a.itemId === item.itemId && (a.late ?? false) === late);
    if (late && answer?.outcome !== 'ok') continue;
    if (request.kind === 'freeze') {
      if (asset.status !== 'found' && !(late && asset.status === 'freeze-failed')) continue;
      const result = FreezeResult.safeParse(answer?.result ?? {});
      if (!answer || answer.outcome === 'failed' || !result.success) {
        const reason = !answer ? '协助执行单位未在期限内答复' : (result.data?.reason ?? '冻结未成功');
        events.push({ type: 'asset-freeze-failed', assetId, reason });
        continue;
      }
      const receiptRefused = orderReceiptProblem(item.documents ?? [], result.data.documents, journal);
      if (receiptRefused) {
        events.push({ type: 'asset-freeze-failed', assetId, reason: `冻结回执不能确认：${receiptRefused}` });
        continue;
      }
      events.push(
        {
          type: 'asset-frozen',
          assetId,
          amountFen: fen(result.data.frozenFen ?? item.amountFen ?? 0),
          expiresOn: expiresOn(asset, answer.at, result.data),
        },
        ...pricingNode(asset),
      );
    } else if (request.kind === 'deduct') {
      if (asset.status !== 'frozen') continue;
      if (!answer) {
        // Not ordered again: the bank may still have done it; its late answer is recorded when it comes.
        events.push({ type: 'asset-order-unanswered', assetId, kind: 'deduct' });
        continue;
      }
      if (answer.outcome === 'failed') continue;
      const result = DeductResult.parse(answer.result);
      events.push({
        type: 'money-received',
        entryId: derivedId('e', state.caseId, request.requestId, assetId),
        amountFen: fen(result.amountFen),
        source: 'deduction',
        assetId,
        note: `扣划${asset.institution}${asset.reference}${late ? '（逾期答复）' : ''}`,
      });
    } else if (request.kind === 'entrust') {
      const matterId = derivedId('m', state.caseId, assetId);
      const matter = state.entrustments[matterId];
      if (!matter || !answer || (matter.status !== 'sent' && matter.status !== 'overdue')) continue;
      const result = EntrustResult.parse(answer.result);
      events.push(
        {
          type: 'entrustment-answered',
          matterId,
          outcome: result.outcome,
          ...(result.detail ? { detail: result.detail } : {}),
        },
        ...meetNode(state, `entrustment:${matterId}`, now),
      );
      if (result.outcome === 'completed') {
        events.push(
          { type: 'asset-frozen', assetId, amountFen: fen(0), expiresOn: expiresOn(asset, answer.at, result) },
          ...pricingNode(asset),
        );
      }
    }
  }
  return events;
}

/**
 * A late answer from a bank or another court: if it reports something done, it goes on the case now (money that
 * moved is money on the account), and the command center hears of it.
 */
export function recordLateAnswer(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'alerts' | 'engine'>) {
  const lateRenewal = recordLateRenewal(deps);
  const lateInquiry = recordLateInquiry(deps);
  return async (request: PartnerRequest): Promise<void> => {
    if (request.kind === 'renew') return lateRenewal(request);
    if (request.kind === 'inquiry') return lateInquiry(request);
    if (request.kind !== 'freeze' && request.kind !== 'deduct' && request.kind !== 'entrust') return;
    const journal = issuedJournal(await deps.cases.history(request.caseId));
    const { state } = await mutateCase(
      deps,
      request.caseId,
      { kind: 'partner', id: request.kind },
      { request: request.requestId, late: 'true' },
      (s, now) => ({
        events: controlEvents(s, request, deps.rules, deps.calendar, now, journal, true),
        result: undefined,
      }),
    );
    await deps.alerts.alert({
      kind: 'partner-overdue',
      caseId: state.caseId,
      court: state.court.code,
      at: deps.clock.now(),
      message: `${state.caseNumber}：协助执行单位逾期答复，已记录（请求 ${request.requestId}）`,
    });
  };
}

/**
 * Records a control action's answers and prepares the next one. An entrusted court that misses H1 is chased:
 * the command center is told and the wait is extended, a bounded number of times.
 */
export function recordControl(deps: ControlDeps) {
  return async (
    input: StepInput & { readonly requestId: string; readonly round: number },
  ): Promise<ControlStepTerms> => {
    const request = await getRequest(deps, input.requestId);
    const waits = deps.rules.P_PARTNER_WAITS;
    // Still pending after the wait means it timed out: an answer completes the request before resuming.
    if (request.kind === 'entrust' && request.status === 'pending') {
      const { state, result: escalation } = await mutateCase(
        deps,
        input.caseId,
        SYSTEM,
        { execution: input.execution, step: 'entrustment-overdue' },
        (s, now) => {
          const events: CaseEvent[] = [];
          let escalation = 0;
          for (const item of request.items) {
            const matterId = derivedId('m', s.caseId, item.assetId ?? item.itemId);
            const matter = s.entrustments[matterId];
            if (!matter || (matter.status !== 'sent' && matter.status !== 'overdue')) continue;
            // A retried step finds this round's chase already recorded.
            if (matter.lastEscalationRound === input.round) {
              escalation = Math.max(escalation, matter.escalations ?? 0);
              continue;
            }
            const next = (matter.escalations ?? 0) + 1;
            escalation = Math.max(escalation, next);
            events.push({ type: 'entrustment-overdue', matterId, escalation: next, round: input.round });
            const nodeId = `entrustment:${matterId}` as const;
            if (s.nodes[nodeId]?.status === 'open') events.push({ type: 'node-overdue', node: nodeId, at: now });
          }
          return { events, result: escalation };
        },
      );
      await deps.alerts.alert({
        kind: 'partner-overdue',
        caseId: state.caseId,
        court: state.court.code,
        at: deps.clock.now(),
        message: `${state.caseNumber}：委托执行事项逾期未办结（第${escalation}次催办）`,
      });
      if (escalation <= waits.entrustmentEscalations) {
        const due = deps.calendar.periodEnd(chinaDateOf(deps.clock.now()), waits.entrustmentGrace);
        const timeoutSeconds = Math.max(1, secondsUntil(deps.clock.now(), endOfChinaDay(due.date)));
        return { next: 'entrust', requestId: request.requestId, timeoutSeconds, round: input.round + 1 };
      }
    }
    const settled = await settleRequest(deps, input.requestId);
    const journal = issuedJournal(await deps.cases.history(input.caseId));
    const { state } = await mutateCase(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: `record-${request.kind}` },
      (s, now) => ({
        events: controlEvents(s, settled, deps.rules, deps.calendar, now, journal),
        result: undefined,
      }),
    );
    if (settled.answers.length < settled.items.length) {
      await deps.alerts.alert({
        kind: 'partner-overdue',
        caseId: state.caseId,
        court: state.court.code,
        at: deps.clock.now(),
        message: `${state.caseNumber}：${settled.items.length - settled.answers.filter((a) => !a.late).length}项协助执行请求未在期限内答复`,
      });
    }
    return prepareControlStep(deps, state, input.execution, input.round + 1);
  };
}

/** After control: disburse what came in, or hand the case to the phase it needs next. */
export function assessCoverage(deps: Pick<Deps, 'cases' | 'clock'>) {
  return async (
    input: StepInput,
  ): Promise<{
    next: 'disburse' | 'handover';
    disbursement?: string;
    coercion?: string;
    disposal?: string;
    renewal?: string;
  }> => {
    const { state, result } = await mutateCase(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: 'assess-coverage' },
      (s) => {
        const received = s.ledger.filter((e) => e.kind === 'received').length > 0;
        if (received) return { events: [], result: 'disburse' as const };
        if (s.status !== 'controlling') return { events: [], result: 'handover' as const };
        const to = handoverStatus(s);
        const reason =
          to === 'awaiting-disposal' ? '已查封财产，待评估拍卖处置' : '未能控制可供执行的财产，待采取强制措施';
        return { events: [{ type: 'status-changed', from: s.status, to, reason }], result: 'handover' as const };
      },
    );
    // What control left held is watched for renewal (B2) from now on, whatever phase comes next.
    const watch = renewalWatch(state);
    if (result === 'handover') return { next: 'handover', ...nextPhase(state), ...watch };
    return {
      next: 'disburse',
      disbursement: executionName(state.caseId, 'disbursement', (state.phaseRuns.disbursement ?? 0) + 1),
      ...watch,
    };
  };
}
