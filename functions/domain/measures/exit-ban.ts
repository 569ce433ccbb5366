/**
 * M-EXIT-BAN: restricting a respondent (or an organisation's persons) from leaving the country, on the applicant's
 * written application or of the court's own motion; the notices to the exit-entry authority, each person confirmed
 * on its own; lifting on full performance, on security or the applicant's consent, and when the case closes other
 * than by 终本 (after 终本 the measures stay in force).
 */
import type { Instant } from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { EnforcementCase, Party } from '../case/model.ts';
import { applyEvent } from '../case/reducer.ts';
import { outstandingFen } from '../control/plan.ts';
import { derivedId } from '../ids.ts';
import type { Rules } from '../rules/table.ts';
import type { ExitBan, ExitBanPerson, ExitBanRole, ExitLiftReason, ExitNoticeKind } from './model.ts';

/** Whom the restriction binds: a person respondent; for an organisation, the persons of M-EXIT-BAN it names. */
export function exitBanPersons(
  respondent: Pick<Party, 'partyId' | 'kind'>,
  rules: Rules,
  roles: readonly string[] = ['legal-representative'],
): ExitBanPerson[] | string {
  if (respondent.kind === 'person')
    return [{ personId: respondent.partyId, partyId: respondent.partyId, role: 'respondent' }];
  const allowed = rules.M_EXIT_BAN.organisationBinds as readonly string[];
  const unknown = roles.filter((r) => !allowed.includes(r));
  if (roles.length === 0 || unknown.length > 0)
    return `被执行人为单位的，只能限制其法定代表人、主要负责人或者影响债务履行的直接责任人员出境（M-EXIT-BAN）`;
  return [...new Set(roles)].map((role) => ({
    personId: `${respondent.partyId}#${role}`,
    partyId: respondent.partyId,
    role: role as ExitBanRole,
  }));
}

export function exitBanInForce(ban: ExitBan | undefined): boolean {
  return ban !== undefined && (ban.status === 'proposed' || ban.status === 'ordered');
}

/** Why an exit restriction cannot be proposed now, in one Chinese line; undefined when it can. */
export function exitBanProblem(
  state: EnforcementCase,
  command: { readonly respondentId: string; readonly origin: string; readonly applicantId?: string },
  rules: Rules,
): string | undefined {
  if (state.status === 'closed' || state.status === 'filed') return '案件未在执行中，不能限制出境';
  if (!(rules.M_EXIT_BAN.origins as readonly string[]).includes(command.origin))
    return 'origin：须为 application（申请执行人书面申请）或 own-motion（依职权）';
  if (!state.respondents.some((r) => r.partyId === command.respondentId)) return 'respondentId：本案没有该被执行人';
  if (command.origin === 'application' && !state.applicants.some((a) => a.partyId === command.applicantId))
    return 'applicantId：依申请限制出境须写明提出书面申请的申请执行人';
  if (outstandingFen(state) === 0) return '被执行人已履行全部义务，不得限制出境（M-EXIT-BAN）';
  if (exitBanInForce(state.measures?.exitBan)) return '本案已有限制出境措施（待审批或正在执行）';
  return undefined;
}

/**
 * When a restriction in force is to be lifted, and why: fully performed, or the case closed other than by 终本.
 * Lifting on security or the applicant's consent is the officer's decision, not computed here.
 */
export function exitLiftReason(state: EnforcementCase): ExitLiftReason | undefined {
  if (state.measures?.exitBan?.status !== 'ordered') return undefined;
  if (state.status === 'closed' && state.closure?.way !== 'final-round-closure') {
    return state.closure?.way === 'fully-performed' ? 'full-performance' : 'case-closed';
  }
  if (state.status !== 'closed' && outstandingFen(state) === 0) return 'full-performance';
  return undefined;
}

/** The lifting a case that just closed (or was fully performed) owes, as events: none if nothing is in force. */
export function exitLiftEvents(state: EnforcementCase, by = 'system'): CaseEvent[] {
  const reason = exitLiftReason(state);
  if (!reason) return [];
  return [{ type: 'exit-ban-lifted', reason, by, docId: derivedId('d', state.caseId, 'exit-ban-lifted') }];
}

export interface ExitNoticePlan {
  readonly kind: ExitNoticeKind;
  readonly persons: readonly string[];
  readonly round: number;
}

/**
 * The notice the exit-entry authority should be sent now: the restriction for the persons not yet confirmed, or,
 * once lifted, the lifting for every person a restriction was sent for and not yet confirmed released. Nothing
 * while a notice of the same kind still awaits its answer, or once its rounds (P-MEASURES) are used up.
 */
export function exitNoticeDue(ban: ExitBan | undefined, rules: Rules): ExitNoticePlan | undefined {
  if (!ban || (ban.status !== 'ordered' && ban.status !== 'lifted')) return undefined;
  const kind: ExitNoticeKind = ban.status === 'ordered' ? 'restrict' : 'lift';
  const sent = ban.notices.filter((n) => n.kind === kind);
  if (sent.some((n) => !n.answered)) return undefined;
  if (sent.length >= rules.P_MEASURES.exitEntryRounds) return undefined;
  const restrictedSent = new Set(ban.notices.filter((n) => n.kind === 'restrict').flatMap((n) => n.persons));
  const persons =
    kind === 'restrict'
      ? ban.persons.map((p) => p.personId).filter((id) => !ban.restricted.includes(id))
      : ban.persons.map((p) => p.personId).filter((id) => restrictedSent.has(id) && !ban.released.includes(id));
  if (persons.length === 0) return undefined;
  return { kind, persons, round: sent.length + 1 };
}

/** The exit-entry authority answered a notice (or its wait ran out): who is confirmed, who failed, who is silent. */
export function exitNoticeAnswer(
  ban: ExitBan,
  requestId: string,
  answers: readonly { readonly itemId: string; readonly outcome: 'ok' | 'failed'; readonly reason?: string }[],
): CaseEvent | undefined {
  const notice = ban.notices.find((n) => n.requestId === requestId);
  if (!notice || notice.answered) return undefined;
  const confirmed = notice.persons.filter((p) => answers.some((a) => a.itemId === p && a.outcome === 'ok'));
  const failed = notice.persons.flatMap((p) => {
    const answer = answers.find((a) => a.itemId === p && a.outcome === 'failed');
    return answer && !confirmed.includes(p) ? [{ personId: p, reason: answer.reason ?? '未说明原因' }] : [];
  });
  const silent = notice.persons.filter((p) => !confirmed.includes(p) && !failed.some((f) => f.personId === p));
  return { type: 'exit-notice-answered', requestId, kind: notice.kind, confirmed, failed, silent };
}

/** Every person of the ban confirmed for the notice's kind: the authority's node is met. */
export function exitNoticeSettled(ban: ExitBan, kind: ExitNoticeKind): boolean {
  const done = kind === 'restrict' ? ban.restricted : ban.released;
  const restrictedSent = new Set(ban.notices.filter((n) => n.kind === 'restrict').flatMap((n) => n.persons));
  const needed = ban.persons.map((p) => p.personId).filter((id) => kind === 'restrict' || restrictedSent.has(id));
  return needed.every((id) => done.includes(id));
}

export const EXIT_ROLE_LABELS: Readonly<Record<ExitBanRole, string>> = {
  respondent: '被执行人',
  'legal-representative': '法定代表人',
  principal: '主要负责人',
  'directly-responsible-person': '直接责任人员',
};

export const EXIT_LIFT_LABELS: Readonly<Record<ExitLiftReason, string>> = {
  'full-performance': '被执行人已履行全部债务',
  'security-given': '被执行人提供充分、有效的担保',
  'applicant-consent': '申请执行人同意解除',
  'case-closed': '案件已结案',
};

/** Whether `now` is still before a notice's answer is due (a helper for the use case's alerts). */
export function noticeAnswered(ban: ExitBan, requestId: string): boolean {
  return ban.notices.some((n) => n.requestId === requestId && n.answered === true);
}

/**
 * `events` that close (or fully perform) a case, with the lifting of an exit restriction they owe appended: the
 * lifting is decided on the case in the same commit; the notice to the authority follows (../../use-cases).
 */
export function withExitLift(state: EnforcementCase, events: readonly CaseEvent[], at: Instant): CaseEvent[] {
  let projected = state;
  for (const event of events) projected = applyEvent(projected, event, at);
  return [...events, ...exitLiftEvents(projected)];
}

/** A lifting decided (with a closure, say) whose notice to the authority has not gone out yet. */
export function exitLiftNoticeOwed(state: EnforcementCase): boolean {
  const ban = state.measures?.exitBan;
  return (
    ban?.status === 'lifted' &&
    ban.notices.some((n) => n.kind === 'restrict') &&
    !ban.notices.some((n) => n.kind === 'lift')
  );
}
