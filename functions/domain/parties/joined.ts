/**
 * A respondent who joins the case by a final ruling (追加、变更被执行人, V1/V2) is enforced against like the first ones:
 * served the enforcement notice and the asset-report order (A5), inquired about on the network (A8/A10), and what is
 * found is controlled under the team lead's approval. The same phases do it again for that respondent (service run,
 * investigation run); this module says who is still owed what, and when the inquiry can take the case over.
 */

import type { Asset, EnforcementCase, Party } from '../case/model.ts';
import type { CaseStatus } from '../case/status.ts';

/**
 * Where the case may go back to the network inquiry for a joined respondent: while it waits on the officer, or
 * while the coercive measures watch for performance (they run on beside it, as beside a disposal, and the next
 * hand-over starts them again). Anywhere else a phase is in the middle of its work (a control plan awaiting
 * approval, a payout, an auction, a 终本 review): the joined respondent's inquiry waits and is started again when
 * the officer asks (the ruling's `final` action once more).
 */
export const JOINED_INQUIRY_FROM: readonly CaseStatus[] = ['coercing', 'awaiting-officer'];

/** Respondents the case has issued no enforcement notice to: the ones at filing have theirs once any is issued. */
export function withoutNotice(state: EnforcementCase): Party[] {
  if (state.documents.length === 0) return [...state.respondents];
  const issued = new Set(state.documents.map((d) => d.respondentId).filter((id) => id !== undefined));
  const atFiling = new Set(state.respondents.filter((r) => !joinedRespondent(state, r.partyId)).map((r) => r.partyId));
  return state.respondents.filter((r) => !atFiling.has(r.partyId) && !issued.has(r.partyId));
}

/** Whether the respondent joined the case by a final ruling (rather than being named at filing). */
export function joinedRespondent(state: EnforcementCase, partyId: string): boolean {
  return Object.values(state.partyChanges ?? {}).some(
    (c) => c.status === 'settled' && c.final === 'granted' && c.party.partyId === partyId,
  );
}

/** Respondents no inquiry has covered yet (none at all before the first inquiry). */
export function notInquired(state: EnforcementCase): Party[] {
  const requests = state.inquiry?.requests;
  if (!state.inquiry) return [...state.respondents];
  // Journals before per-request coverage: the first inquiry covered the respondents at filing.
  const covered = new Set(
    requests
      ? Object.values(requests).flat()
      : state.respondents.filter((r) => !joinedRespondent(state, r.partyId)).map((r) => r.partyId),
  );
  return state.respondents.filter((r) => !covered.has(r.partyId));
}

/**
 * Property a late inquiry answer found (the bank or registry answered after the wait, the run had moved on) and
 * nothing has controlled yet: a joined respondent's bank is as slow as any other.
 */
export function foundLate(state: EnforcementCase): Asset[] {
  return Object.values(state.assets).filter((a) => a.foundLate === true && a.status === 'found');
}

/**
 * What a joined respondent is still owed: notice and service, the inquiry (now, or waiting for the case), and the
 * control of what a late inquiry answer found (now, from the same statuses as the inquiry).
 */
export function joinedOwed(state: EnforcementCase): {
  readonly notice: readonly Party[];
  readonly inquiry: readonly Party[];
  readonly inquiryNow: boolean;
  readonly control: readonly Asset[];
  readonly controlNow: boolean;
} {
  const inquiry = state.phaseRuns.investigation ? notInquired(state) : [];
  const control = foundLate(state);
  const from = JOINED_INQUIRY_FROM.includes(state.status);
  return {
    notice: state.documents.length > 0 ? withoutNotice(state) : [],
    inquiry,
    inquiryNow: inquiry.length > 0 && from,
    control,
    controlNow: inquiry.length === 0 && control.length > 0 && from,
  };
}
