/**
 * Settlement (执行和解, G1): the officer records the agreement the parties reached (installments in fen, with
 * dates); enforcement stops while it is performed, and the settlement phase watches each installment against the
 * case account (payments come through `recordPayment`, which wakes it). Performed in full, the money goes out
 * through disbursement, which closes the case as performed. A breach pays out what came in and waits: enforcement
 * resumes only on the applicant's application, as a resumed case (执行和解规定 第九条).
 */
import { actionRefusal, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import { chinaDateOf, localDate } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase, Phase } from '#domain/case/model.ts';
import { totalReceived } from '#domain/case/reducer.ts';
import { installmentNode, planSettlement, resumptionProblems, settlementProblems } from '#domain/closure/settlement.ts';
import { outstandingFen } from '#domain/control/plan.ts';
import { derivedId, executionName, parseExecutionName } from '#domain/ids.ts';
import { fen } from '#domain/money.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { TaskNoLongerWaitingError } from '#ports/workflow-engine.ts';
import { type Deps, mutateCase, SYSTEM } from './context.ts';
import { caseNotFound, conflict, forbidden, invalid, unauthenticated } from './errors.ts';
import { ensureRequest, settleRequest } from './requests.ts';
import type { StepInput } from './service.ts';

type SettlementDeps = Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'requests'>;

export interface SettlementTerms {
  readonly next: 'await' | 'performed' | 'breached' | 'ended';
  readonly requestId: string;
  readonly timeoutSeconds: number;
  readonly round: number;
  readonly disbursement?: string;
  readonly coercion?: string;
  /** The next execution of the phase, when this one has looped as often as its definition allows. */
  readonly chain: string;
}

/** The officer records the agreement: checked, recorded, and the settlement phase started. */
export function recordSettlement(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'engine'>) {
  return async (
    identity: Identity | undefined,
    command: {
      readonly caseId: string;
      readonly installments: readonly { readonly dueOn: string; readonly amountFen: number }[];
      readonly note?: string;
    },
  ) => {
    const before = await deps.cases.load(command.caseId);
    if (!before) throw caseNotFound();
    const refusal = actionRefusal(identity, 'close-cases', before.court.code);
    if (refusal === 'unknown-user' || !identity) throw unauthenticated('未登录或身份无法核验');
    if (refusal === 'other-court') throw caseNotFound();
    if (refusal) throw forbidden(`${identity.userId}：${REFUSAL_LABELS[refusal]}`);
    for (const installment of command.installments) {
      try {
        localDate(installment.dueOn);
      } catch {
        throw invalid('installments.dueOn：履行日期无效');
      }
    }
    const problems = settlementProblems(before, command.installments, deps.rules, deps.clock.now());
    if (problems.length > 0) throw conflict(`不能记录执行和解协议：${problems.map((p) => p.message).join('；')}`);
    const { state, result: run } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: identity.userId },
      { action: 'record-settlement' },
      (s) => {
        const interrupted: Partial<Record<Phase, number>> = {};
        for (const [phase, ran] of Object.entries(s.phaseRuns) as [Phase, number][])
          if (phase !== 'settlement') interrupted[phase] = ran;
        const installments = command.installments.map((i) => ({
          dueOn: localDate(i.dueOn),
          amountFen: fen(i.amountFen),
        }));
        return {
          events: [
            {
              type: 'settlement-recorded',
              installments,
              totalFen: fen(installments.reduce((t, i) => t + i.amountFen, 0)),
              baseReceivedFen: fen(totalReceived(s)),
              by: identity.userId,
              ...(command.note ? { note: command.note } : {}),
              interrupted,
            },
          ],
          result: (s.phaseRuns.settlement ?? 0) + 1,
        };
      },
    );
    const execution = executionName(state.caseId, 'settlement', run);
    await deps.engine.startExecution('settlement', execution, { v: 1, caseId: state.caseId });
    return { caseId: state.caseId, execution, installments: command.installments.length };
  };
}

async function plan(deps: SettlementDeps, input: StepInput, round: number): Promise<SettlementTerms> {
  const { run } = parseExecutionName(input.execution);
  const cause = { execution: input.execution, step: 'plan-settlement' };
  const { state, result } = await mutateCase(deps, input.caseId, SYSTEM, cause, (s, now) => {
    const planned = planSettlement(s, deps.rules, deps.calendar, now);
    return { events: planned.events, result: planned.next };
  });
  const base = {
    requestId: '',
    timeoutSeconds: 1,
    round: round + 1,
    chain: executionName(state.caseId, 'settlement', run + 1),
  };
  // Ended, or breached with nothing to pay out: the watch ends; enforcement waits for the applicant's application.
  if (result.kind === 'ended' || (result.kind === 'breached' && result.resumeWith === 'application'))
    return { ...base, next: 'ended' };
  const disbursing =
    (result.kind === 'performed' && result.via === 'disbursement') ||
    (result.kind === 'breached' && result.resumeWith === 'disbursement');
  if (disbursing) {
    return {
      ...base,
      next: result.kind,
      disbursement: executionName(state.caseId, 'disbursement', (state.phaseRuns.disbursement ?? 0) + 1),
    };
  }
  if (result.kind === 'breached' || result.kind === 'performed') {
    return {
      ...base,
      next: result.kind,
      coercion: executionName(state.caseId, 'coercion', (state.phaseRuns.coercion ?? 0) + 1),
    };
  }
  const terms = await ensureRequest(deps, state, input.execution, {
    kind: 'settlement-installment',
    round: round + 1,
    items: [{ itemId: 'case-account' }],
    period: { dueAt: result.dueAt },
  });
  await mutateCase(deps, input.caseId, SYSTEM, { ...cause, step: 'await-installment' }, (s) => ({
    events:
      s.settlement?.awaiting === terms.requestId ? [] : [{ type: 'settlement-awaiting', requestId: terms.requestId }],
    result: undefined,
  }));
  return { ...base, next: 'await', requestId: terms.requestId, timeoutSeconds: terms.timeoutSeconds };
}

/** Opens the phase: enforcement stops, each installment becomes a node, the first is awaited. */
export function openSettlement(deps: SettlementDeps) {
  return async (input: StepInput): Promise<SettlementTerms> => {
    const { run } = parseExecutionName(input.execution);
    await mutateCase(deps, input.caseId, SYSTEM, { execution: input.execution, step: 'open-settlement' }, (s) => {
      if (s.phaseRuns.settlement === run || !s.settlement) return { events: [], result: undefined };
      const events: CaseEvent[] = [{ type: 'phase-started', phase: 'settlement', run, execution: input.execution }];
      if (s.status !== 'settling' && s.settlement.status === 'performing') {
        events.push({
          type: 'status-changed',
          from: s.status,
          to: 'settling',
          reason: '当事人达成执行和解协议，裁定中止执行（执行和解规定第二条），按协议履行',
        });
        const agreed = chinaDateOf(s.settlement.agreedAt);
        s.settlement.installments.forEach((installment, i) => {
          events.push({ type: 'node-set', node: installmentNode(i, installment, agreed, deps.rules) });
        });
      }
      return { events, result: undefined };
    });
    return plan(deps, input, 0);
  };
}

/** After an installment's wait (paid, or its grace over): let the domain decide. */
export function advanceSettlement(deps: SettlementDeps) {
  return async (
    input: StepInput & { readonly requestId: string; readonly round: number },
  ): Promise<SettlementTerms> => {
    if (input.requestId) await settleRequest(deps, input.requestId);
    return plan(deps, input, input.round);
  };
}

/** Money came in while an installment was awaited: the phase looks at once (the payment may complete it). */
export async function wakeSettlement(
  deps: Pick<Deps, 'requests' | 'engine' | 'clock'>,
  state: EnforcementCase,
): Promise<boolean> {
  const requestId = state.settlement?.status === 'performing' ? state.settlement.awaiting : undefined;
  if (!requestId) return false;
  const { token } = await deps.requests.addAnswer(requestId, {
    itemId: 'case-account',
    at: deps.clock.now(),
    outcome: 'ok',
    result: { reason: '案款到账' },
  });
  if (token) {
    try {
      await deps.engine.sendTaskSuccess(token, { requestId, complete: true });
    } catch (error) {
      if (!(error instanceof TaskNoLongerWaitingError)) throw error;
    }
    await deps.requests.clearToken(requestId);
  }
  return true;
}

/**
 * The applicant applies to resume enforcement of the basis after the respondent breached the agreement (执行和解规定
 * 第九条), recorded by the officer: enforcement resumes only so, and as a resumed case (恢复执行, 执恢), which the
 * court's filing system files through intake for what is still owed.
 */
export function applyForResumption(deps: Pick<Deps, 'cases' | 'clock' | 'staff' | 'filing'>) {
  return async (command: { readonly caseId: string; readonly userId: string; readonly note?: string }) => {
    const member = await deps.staff.member(command.userId);
    if (!member?.active) throw unauthenticated('未登录或身份无法核验');
    const before = await deps.cases.load(command.caseId);
    if (!before) throw caseNotFound();
    const refusal = actionRefusal(
      { userId: member.userId, roles: member.roles, court: member.court },
      'close-cases',
      before.court.code,
    );
    if (refusal === 'other-court') throw caseNotFound();
    if (refusal) throw forbidden(`${member.name}：${REFUSAL_LABELS[refusal]}`);
    const problems = resumptionProblems(before);
    if (problems.length > 0) throw conflict(`不能申请恢复执行：${problems.map((p) => p.message).join('；')}`);
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: member.userId },
      { action: 'apply-resumption' },
      (s) => ({
        events: s.settlement?.resumptionApplied
          ? []
          : [{ type: 'resumption-applied', by: member.userId, ...(command.note ? { note: command.note } : {}) }],
        result: undefined,
      }),
    );
    await deps.filing.requestResumption({
      requestId: derivedId('f', state.caseId, 'resumption', 'settlement-breach'),
      caseId: state.caseId,
      court: state.court.code,
      caseNumber: state.caseNumber,
      outstandingFen: outstandingFen(state, chinaDateOf(deps.clock.now())),
      requestedAt: deps.clock.now(),
      reason: '被执行人不履行执行和解协议，申请执行人申请恢复执行原生效法律文书（执行和解规定第九条）',
    });
    return { caseId: state.caseId, resumptionApplied: true };
  };
}
