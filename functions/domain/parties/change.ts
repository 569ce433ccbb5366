/**
 * 追加、变更被执行人 (V1, V2: 变更追加规定, 法释〔2016〕21号, 2020 amendment): the applicant asks to add or change a
 * respondent on one of the grounds; the court rules within V1's 60 days of the written application; the ruling can
 * be challenged within its time (reconsideration within 10 days, or, on the capital grounds of 第三十二条, a lawsuit
 * within 15 days of service); once no challenge is left, a granted application puts the new respondent on the case.
 */
import type { LegalCalendar } from '../calendar/legal-calendar.ts';
import { compareDates, endOfChinaDay, type LocalDate } from '../calendar/local-date.ts';
import type { EnforcementCase, PartyChange, TimeNode } from '../case/model.ts';
import type { Rules } from '../rules/table.ts';

export type PartyChangeGround = Rules['V2']['grounds'][number];

export function groundOf(rules: Pick<Rules, 'V2'>, id: string): PartyChangeGround | undefined {
  return rules.V2.grounds.find((g) => g.id === id);
}

function nodeOn(
  node: string,
  ruleId: string,
  startedOn: LocalDate,
  end: { date: LocalDate; unconfirmedYears: readonly number[] },
): TimeNode {
  return {
    node: node as TimeNode['node'],
    ruleId,
    startedOn,
    dueDate: end.date,
    dueAt: endOfChinaDay(end.date),
    unconfirmedYears: [...end.unconfirmedYears],
    status: 'open',
  };
}

/** V1: the ruling is due within 60 days of the written application (第二十八条第三款). */
export function examinationNode(
  applicationId: string,
  receivedOn: LocalDate,
  rules: Pick<Rules, 'V1'>,
  calendar: LegalCalendar,
) {
  return nodeOn(
    `party-change:${applicationId}`,
    rules.V1.id,
    receivedOn,
    calendar.periodEnd(receivedOn, rules.V1.examination),
  );
}

/**
 * The parties' time to challenge a ruling served on `servedOn`: reconsideration (V1) or, on 第三十二条's grounds, a
 * lawsuit (V2). Not a time node: it binds the parties, not the court; the ruling becomes final after its last day.
 */
export function challengeWindow(
  ground: PartyChangeGround,
  servedOn: LocalDate,
  rules: Pick<Rules, 'V1' | 'V2'>,
  calendar: LegalCalendar,
): { readonly route: 'reconsideration' | 'lawsuit'; readonly ruleId: string; readonly lastDay: LocalDate } {
  const lawsuit = ground.review === 'lawsuit';
  const end = calendar.periodEnd(servedOn, lawsuit ? rules.V2.lawsuit : rules.V1.reconsideration);
  return {
    route: lawsuit ? 'lawsuit' : 'reconsideration',
    ruleId: lawsuit ? rules.V2.id : rules.V1.id,
    lastDay: end.date,
  };
}

export type ChangeRefusal =
  | 'unknown-ground'
  | 'not-a-respondent'
  | 'already-a-party'
  | 'pending'
  | 'closed'
  | 'no-application'
  | 'not-pending'
  | 'not-ruled'
  | 'window-closed'
  | 'window-open'
  | 'challenge-outcome-missing'
  | 'settled';

export function applicationRefusal(
  state: EnforcementCase,
  ground: string,
  idOfNew: string,
  replaces: string | undefined,
  rules: Pick<Rules, 'V2'>,
): ChangeRefusal | undefined {
  if (state.status === 'closed') return 'closed';
  const found = groundOf(rules, ground);
  if (!found) return 'unknown-ground';
  if (replaces !== undefined && !state.respondents.some((r) => r.partyId === replaces)) return 'not-a-respondent';
  if ([...state.respondents, ...state.applicants].some((p) => p.partyId === idOfNew)) return 'already-a-party';
  if (Object.values(state.partyChanges ?? {}).some((c) => c.partyId === idOfNew && c.status !== 'settled'))
    return 'pending';
  return undefined;
}

/** Whether the challenge window of a ruled application is still open on `today` (its last day included). */
export function challengeOpen(change: PartyChange, today: LocalDate): boolean {
  const lastDay = change.ruling?.challengeBy;
  return lastDay !== undefined && compareDates(today, lastDay) <= 0;
}
