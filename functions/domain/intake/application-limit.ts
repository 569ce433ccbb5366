/**
 * A12 (民诉法 第二百五十条, 2023): the time limit for applying for enforcement. Two years from the last day of the
 * performance period the basis sets, or from the day the basis took effect when it sets none; a last day on a rest
 * day moves to the next working day (the legal calendar). Computed at intake and shown; the court files a late
 * application all the same and does not raise the limit by itself (民诉法解释 第四百八十一条): only a respondent's
 * objection brings it into play, and the ruling on it decides (upheld: 裁定不予执行).
 */
import type { LegalCalendar } from '../calendar/legal-calendar.ts';
import { compareDates, type LocalDate } from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { Basis, EnforcementCase } from '../case/model.ts';
import type { Rules } from '../rules/table.ts';

export type ApplicationLimitEvent = Extract<CaseEvent, { type: 'application-limit-computed' }>;

export function applicationLimit(
  basis: Pick<Basis, 'effectiveDate' | 'performBy'>,
  filedOn: LocalDate,
  rules: Pick<Rules, 'A12'>,
  calendar: LegalCalendar,
): ApplicationLimitEvent {
  const countsFrom = basis.performBy ? 'perform-by' : 'effective-date';
  const from = basis.performBy ?? basis.effectiveDate;
  const end = calendar.periodEnd(from, rules.A12.period);
  return {
    type: 'application-limit-computed',
    countsFrom,
    from,
    lastDay: end.date,
    filedOn,
    within: compareDates(filedOn, end.date) <= 0,
    unconfirmedYears: end.unconfirmedYears,
  };
}

export type ObjectionRefusal = 'no-limit' | 'not-a-respondent' | 'pending' | 'closed';

/** Whether a respondent's objection on the ground of the limit can be received now. */
export function objectionRefusal(state: EnforcementCase, respondentId: string): ObjectionRefusal | undefined {
  if (!state.applicationLimit) return 'no-limit';
  if (state.status === 'closed') return 'closed';
  if (!state.respondents.some((r) => r.partyId === respondentId)) return 'not-a-respondent';
  if (state.applicationLimit.objections.some((o) => o.status === 'pending')) return 'pending';
  return undefined;
}

/**
 * What the limit says of an objection, for the ruling: late when filed after the last day, unless the ruling finds
 * the limit interrupted on a day from which two years had not run out at filing (the period then runs again).
 */
export function filedLate(
  limit: NonNullable<EnforcementCase['applicationLimit']>,
  rules: Pick<Rules, 'A12'>,
  calendar: LegalCalendar,
  interruptedOn?: LocalDate,
): boolean {
  if (!interruptedOn) return !limit.within;
  const restarted = calendar.periodEnd(interruptedOn, rules.A12.period).date;
  return compareDates(limit.filedOn, restarted) > 0;
}
