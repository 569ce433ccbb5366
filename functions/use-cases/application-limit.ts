/**
 * A12 (民诉法 第二百五十条): the time limit for applying is computed at intake and shown; the court does not raise it
 * by itself. A respondent's objection on that ground is registered by an officer and ruled on by a judge of the
 * panel: upheld (裁定不予执行), the officer closes the case; dismissed, enforcement goes on.
 * Court scoped like every staff action; the refusals are the role table's (authority.ts).
 */
import { type Action, actionRefusal, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import { chinaDateOf, compareDates, localDate } from '#domain/calendar/local-date.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { derivedId } from '#domain/ids.ts';
import { filedLate, type ObjectionRefusal, objectionRefusal } from '#domain/intake/application-limit.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { type Deps, mutateCase } from './context.ts';
import { conflict, forbidden, invalid, notFound, unauthenticated } from './errors.ts';

const ACTION_LABELS: Partial<Record<Action, string>> = {
  'record-objections': '登记执行时效异议',
  'rule-objections': '裁定执行时效异议',
};

const REFUSALS: Readonly<Record<ObjectionRefusal, string>> = {
  'no-limit': '本案立案时未计算申请执行期间（早于该功能立案），请先补录',
  'not-a-respondent': 'respondentId：本案没有该被执行人',
  pending: '本案已有尚未裁定的执行时效异议',
  closed: '案件已结案',
};

async function courtCase(deps: Pick<Deps, 'cases'>, caller: Identity | undefined, caseId: string, action: Action) {
  if (!caller) throw unauthenticated('未登录或身份无法核验');
  const state = await deps.cases.load(caseId);
  if (!state || state.court.code !== caller.court) throw notFound('没有该案件');
  const refusal = actionRefusal(caller, action, state.court.code);
  if (refusal) throw forbidden(`${caller.userId}：${REFUSAL_LABELS[refusal]}（${ACTION_LABELS[action] ?? action}）`);
  return { caller, state };
}

function result(state: EnforcementCase, objectionId: string) {
  const limit = state.applicationLimit;
  const objection = limit?.objections.find((o) => o.objectionId === objectionId);
  if (!limit || !objection) throw notFound('没有该异议');
  return { caseId: state.caseId, objectionId, status: objection.status, lastDay: limit.lastDay, within: limit.within };
}

/** An officer registers the respondent's objection, the day it was received (not after today). */
export function raiseLimitationObjection(deps: Pick<Deps, 'cases' | 'clock'>) {
  return async (
    identity: Identity | undefined,
    command: { caseId: string; respondentId: string; receivedOn: string; note?: string },
  ) => {
    const { caller } = await courtCase(deps, identity, command.caseId, 'record-objections');
    if (compareDates(localDate(command.receivedOn), chinaDateOf(deps.clock.now())) > 0)
      throw invalid('receivedOn：收到异议的日期不能晚于今天');
    const { state, result: objectionId } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: caller.userId },
      { action: 'receive-objection' },
      (s) => {
        const refusal = objectionRefusal(s, command.respondentId);
        if (refusal === 'not-a-respondent') throw invalid(REFUSALS[refusal]);
        if (refusal) throw conflict(REFUSALS[refusal]);
        const objectionId = derivedId('o', s.caseId, 'limitation', String(s.applicationLimit?.objections.length ?? 0));
        return {
          events: [
            {
              type: 'limitation-objection-raised',
              objectionId,
              respondentId: command.respondentId,
              receivedOn: localDate(command.receivedOn),
              by: caller.userId,
              ...(command.note ? { note: command.note } : {}),
            },
          ],
          result: objectionId,
        };
      },
    );
    return result(state, objectionId);
  };
}

/**
 * A judge rules on a pending objection. The ruling must agree with the limit as computed (and an interruption it
 * finds): an objection to a timely application cannot be upheld, nor one to a late one dismissed without one.
 */
export function ruleOnLimitationObjection(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar'>) {
  return async (
    identity: Identity | undefined,
    command: {
      caseId: string;
      objectionId: string;
      outcome: 'upheld' | 'dismissed';
      reason: string;
      interruptedOn?: string;
    },
  ) => {
    const { caller } = await courtCase(deps, identity, command.caseId, 'rule-objections');
    const interruptedOn = command.interruptedOn ? localDate(command.interruptedOn) : undefined;
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: caller.userId },
      { action: 'rule-objection' },
      (s) => {
        const limit = s.applicationLimit;
        const objection = limit?.objections.find((o) => o.objectionId === command.objectionId);
        if (!limit || !objection) throw notFound('没有该异议');
        if (objection.status !== 'pending') throw conflict('该异议已裁定');
        if (objection.by === caller.userId) throw forbidden('登记异议的人员不能裁定同一异议');
        if (interruptedOn && compareDates(interruptedOn, limit.filedOn) > 0)
          throw invalid('interruptedOn：中断日期不能晚于申请执行之日');
        const late = filedLate(limit, deps.rules, deps.calendar, interruptedOn);
        if (command.outcome === 'upheld' && !late)
          throw invalid(
            `outcome：申请执行在期间内（至${limit.lastDay}${interruptedOn ? '，中断后重新计算' : ''}），异议不能成立（A12）`,
          );
        if (command.outcome === 'dismissed' && late)
          throw invalid(
            `outcome：申请执行已超过期间（至${limit.lastDay}）；驳回异议须认定时效中断或中止（interruptedOn，A12）`,
          );
        return {
          events: [
            {
              type: 'limitation-objection-decided',
              objectionId: command.objectionId,
              outcome: command.outcome,
              by: caller.userId,
              reason: command.reason,
              ...(interruptedOn ? { interruptedOn } : {}),
            },
          ],
          result: undefined,
        };
      },
    );
    return result(state, command.objectionId);
  };
}
