/**
 * Settlement (执行和解, G1): the parties agree installments; each is watched against the money the case account
 * receives. Performed in full, the money goes out through disbursement and the case closes as performed; an
 * installment unpaid past its grace is a breach, recorded as the respondent's conduct, and enforcement resumes.
 */
import type { LegalCalendar } from '../calendar/legal-calendar.ts';
import {
  chinaDateOf,
  endOfChinaDay,
  type Instant,
  isBefore,
  type LocalDate,
  plusMonths,
} from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { ClosureProblem, EnforcementCase, Installment, TimeNode } from '../case/model.ts';
import { accountBalance, totalReceived } from '../case/reducer.ts';
import { canTransition, STATUS_LABELS } from '../case/status.ts';
import { measuresInForce } from '../coercion/measures.ts';
import { outstandingFen } from '../control/plan.ts';
import { type Fen, fen, formatYuan } from '../money.ts';
import type { Rules } from '../rules/table.ts';

/** Why this agreement cannot be recorded now; none means it can. */
export function settlementProblems(
  state: EnforcementCase,
  installments: readonly { readonly dueOn: string; readonly amountFen: number }[],
  rules: Rules,
  now: Instant,
): ClosureProblem[] {
  const problems: ClosureProblem[] = [];
  const add = (ruleId: string, code: string, message: string) => problems.push({ ruleId, code, message });
  const policy = rules.P_SETTLEMENT;
  if (!canTransition(state.status, 'settling'))
    add('G1-SETTLEMENT', 'status', `案件当前状态（${STATUS_LABELS[state.status]}）不能记录执行和解协议`);
  if (state.settlement?.status === 'performing') add('G1-SETTLEMENT', 'active', '已有正在履行的执行和解协议');
  const balance = accountBalance(state);
  if (balance > 0) add('F1', 'account', `案款账户尚有${formatYuan(balance as Fen)}未发放，须先发放（F1）`);
  if (installments.length === 0 || installments.length > policy.maxInstallments)
    add('P-SETTLEMENT', 'count', `分期须为1至${policy.maxInstallments}期（P-SETTLEMENT）`);
  const today = chinaDateOf(now);
  const last = plusMonths(today, policy.maxMonths);
  let previous = today;
  let ordered = true;
  for (const installment of installments) {
    if (!(installment.dueOn > previous)) ordered = false;
    previous = installment.dueOn as LocalDate;
  }
  if (!ordered) add('P-SETTLEMENT', 'dates', '各期履行日期须晚于今天，并逐期递增（P-SETTLEMENT）');
  if (installments.some((i) => i.dueOn > last))
    add('P-SETTLEMENT', 'span', `最后一期须在${policy.maxMonths}个月内（${last}前）履行（P-SETTLEMENT）`);
  if (installments.some((i) => !Number.isSafeInteger(i.amountFen) || i.amountFen <= 0))
    add('P-SETTLEMENT', 'amount', '每期金额须为正的整数分');
  const total = installments.reduce((t, i) => t + i.amountFen, 0);
  const outstanding = outstandingFen(state, today);
  if (Number.isSafeInteger(total) && total !== outstanding)
    add(
      'G1-SETTLEMENT',
      'total',
      `各期合计${formatYuan(fen(Math.max(0, total)))}，应等于尚未执行的金额${formatYuan(outstanding)}（G1）`,
    );
  return problems;
}

/** Why a breached case waits: the applicant decides whether enforcement resumes (执行和解规定 第九条). */
export const BREACH_REASON = '被执行人不履行执行和解协议，执行仍中止；申请执行人可申请恢复执行原生效法律文书';

/** A breached agreement whose applicant has not (yet) applied to resume: nothing may resume enforcement. */
export function awaitingResumptionApplication(state: EnforcementCase): boolean {
  return state.settlement?.status === 'breached' && state.settlement.resumptionApplied === undefined;
}

/** Why the applicant's application to resume cannot be recorded; none means it can. */
export function resumptionProblems(state: EnforcementCase): ClosureProblem[] {
  if (state.settlement?.status !== 'breached')
    return [
      {
        ruleId: 'G1-SETTLEMENT',
        code: 'not-breached',
        message: '只有被执行人不履行执行和解协议的，申请执行人才可申请恢复执行（G1-SETTLEMENT）',
      },
    ];
  if (state.settlement.resumptionApplied)
    return [{ ruleId: 'G1-SETTLEMENT', code: 'applied', message: '申请执行人已申请恢复执行' }];
  if (state.status !== 'awaiting-officer')
    return [{ ruleId: 'G1-SETTLEMENT', code: 'status', message: '案款发放完毕后方可申请恢复执行' }];
  return [];
}

/** Paid under the agreement so far: everything received since it was made. */
export function paidUnderSettlement(state: EnforcementCase): number {
  return state.settlement ? Math.max(0, totalReceived(state) - state.settlement.baseReceivedFen) : 0;
}

/** The node of one installment: due on its date (a breach comes only after P-SETTLEMENT's grace). */
export function installmentNode(index: number, installment: Installment, startedOn: LocalDate, rules: Rules): TimeNode {
  return {
    node: `settlement:${index + 1}`,
    ruleId: rules.P_SETTLEMENT.id,
    startedOn,
    dueDate: installment.dueOn,
    dueAt: endOfChinaDay(installment.dueOn),
    unconfirmedYears: [],
    status: 'open',
  };
}

export type SettlementNext =
  | { readonly kind: 'await'; readonly installment: number; readonly dueAt: Instant }
  /** Performed in full: paid out through disbursement, or first through coercion, which lifts its measures (C5, C6). */
  | { readonly kind: 'performed'; readonly via: 'disbursement' | 'coercion' }
  | { readonly kind: 'breached'; readonly resumeWith: 'disbursement' | 'coercion' | 'application' }
  | { readonly kind: 'ended' };

/** What the settlement phase does now: note what was paid, then wait for the next installment or act. */
export function planSettlement(
  state: EnforcementCase,
  rules: Rules,
  calendar: LegalCalendar,
  now: Instant,
): { readonly events: readonly CaseEvent[]; readonly next: SettlementNext } {
  const settlement = state.settlement;
  if (!settlement) return { events: [], next: { kind: 'ended' } };
  if (settlement.status === 'performed')
    return {
      events: [],
      next: { kind: 'performed', via: state.status === 'awaiting-coercion' ? 'coercion' : 'disbursement' },
    };
  if (settlement.status === 'breached')
    return { events: [], next: { kind: 'breached', resumeWith: settlement.breach?.resumeWith ?? 'coercion' } };
  const events: CaseEvent[] = [];
  const paid = paidUnderSettlement(state);
  let cumulative = 0;
  let met = 0;
  for (const installment of settlement.installments) {
    cumulative += installment.amountFen;
    if (cumulative > paid) break;
    met++;
  }
  for (let i = settlement.met; i < met; i++) {
    events.push({ type: 'installment-met', installment: i });
    if (state.nodes[`settlement:${i + 1}`]?.status === 'open')
      events.push({ type: 'node-met', node: `settlement:${i + 1}`, at: now });
  }
  if (met === settlement.installments.length) {
    events.push({ type: 'settlement-performed' });
    // A restriction or listing still in force is lifted by the coercion phase, which then pays out (C5, C6).
    const measures = measuresInForce(state);
    if (measures) {
      events.push({
        type: 'status-changed',
        from: state.status,
        to: 'awaiting-coercion',
        reason: '执行和解协议已全部履行，解除限制消费令、删除失信信息后发放案款',
      });
    }
    return { events, next: { kind: 'performed', via: measures ? 'coercion' : 'disbursement' } };
  }
  const current = settlement.installments[met];
  if (!current) return { events, next: { kind: 'ended' } };
  const dueAt = endOfChinaDay(calendar.periodEnd(current.dueOn, rules.P_SETTLEMENT.grace).date);
  if (isBefore(now, dueAt)) return { events, next: { kind: 'await', installment: met, dueAt } };
  const respondentId = state.respondents[0]?.partyId ?? '';
  // Money paid under the agreement is paid out first. Enforcement of the basis does not resume by itself: only on
  // the applicant's application, as a resumed case (执行和解规定 第九条; G1-SETTLEMENT).
  const resumeWith = accountBalance(state) > 0 ? 'disbursement' : 'application';
  events.push(
    { type: 'settlement-breached', installment: met, dueOn: current.dueOn, resumeWith },
    {
      type: 'conduct-recorded',
      kind: 'settlement-breach',
      respondentId,
      by: 'system',
      note: `第${met + 1}期（${current.dueOn}，${formatYuan(current.amountFen)}）逾期未履行`,
    },
  );
  if (state.nodes[`settlement:${met + 1}`]?.status === 'open')
    events.push({ type: 'node-overdue', node: `settlement:${met + 1}`, at: now });
  if (resumeWith === 'application') {
    events.push({
      type: 'status-changed',
      from: state.status,
      to: 'awaiting-officer',
      reason: BREACH_REASON,
    });
  }
  return { events, next: { kind: 'breached', resumeWith } };
}
