/**
 * The coercion phase, step by step. After every answer the phase asks `planCoercion` what to do: it returns the
 * facts to record now (an order issued, a listing, a release) and the next thing to wait for (an outside party, an
 * approval, the respondent's performance), or the end of the phase. The state machine only loops over this.
 */
import type { LegalCalendar } from '../calendar/legal-calendar.ts';
import { chinaDateOf, endOfChinaDay, type Instant, isBefore, plusSeconds } from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { EnforcementCase, Publication } from '../case/model.ts';
import { timeNode } from '../case/nodes.ts';
import { applyEvent } from '../case/reducer.ts';
import { outstandingFen } from '../control/plan.ts';
import { fen } from '../money.ts';
import type { Rules } from '../rules/table.ts';
import { articleGround, CONDUCT_LABELS, REFERRAL_GROUND_LABELS } from './labels.ts';
import { ableToPay, type ListingPlan, listingPlan, restrictionLiftDue, sanctionPlan } from './measures.ts';
import { referralGrounds, referralPackage } from './referral.ts';
import { listingRemovalDue } from './removal.ts';
import { closureSignature, creditSignature, type SignatureWait } from './signature.ts';

/** Who receives listings, restrictions and their removal (联合惩戒单位): each acknowledges on its own. */
export const CREDIT_RECIPIENTS = [
  { id: 'credit-china', name: '信用中国' },
  { id: 'civil-aviation', name: '民航' },
  { id: 'railway', name: '铁路' },
  { id: 'banking', name: '银行业金融机构' },
  { id: 'real-estate', name: '不动产登记机构' },
] as const;

export type CoercionWait =
  | { readonly kind: 'credit-publish'; readonly what: Publication; readonly recipients: readonly string[] }
  | { readonly kind: 'approve-sanction' }
  /** C4, C6: the president signs (or refuses) the proposed restriction order and listing decision. */
  | SignatureWait
  | { readonly kind: 'sanction-service' }
  | { readonly kind: 'custody' }
  | { readonly kind: 'family-notice' }
  | { readonly kind: 'review-request' }
  | { readonly kind: 'review-decision' }
  | { readonly kind: 'detention-term' }
  /** `ordered`: the procuratorate ordered the police to open the case (D3: 15 days). */
  | { readonly kind: 'police-referral'; readonly complex: boolean; readonly ordered?: boolean }
  /** D3: `review` until the notice to the police to explain, `explanation` for their 7 days and the decision after. */
  | { readonly kind: 'procuratorate'; readonly stage: 'review' | 'explanation' }
  | { readonly kind: 'performance-watch'; readonly until: Instant }
  | { readonly kind: 'disburse' }
  /** A run on a closed case lifted and removed what was due (C5, C6) and has nothing more to do. */
  | { readonly kind: 'lifted' }
  | { readonly kind: 'exhausted' };

type Step = { readonly events: readonly CaseEvent[] } | { readonly wait: CoercionWait };

/** How many times a publication is sent in all: a removal (C6), a duty with a deadline, more often than the rest. */
export function publicationRounds(what: Publication, rules: Rules): number {
  return what === 'listing-removed' ? rules.P_COERCION_WAITS.removalRounds : rules.P_COERCION_WAITS.creditRounds;
}

/**
 * C6: whether the removal may still be sent again: its node still open and its deadline not yet passed. A removal
 * given up (the node overdue, the command center told) or confirmed is not sent again.
 */
export function removalStillDue(state: EnforcementCase, now: Instant): boolean {
  const node = state.nodes['listing-removal'];
  return node === undefined || (node.status === 'open' && isBefore(now, node.dueAt));
}

/** Publications still to be acknowledged by somebody, while rounds (and, for a removal, its deadline) are left. */
function unacknowledged(state: EnforcementCase, what: Publication, rules: Rules, now: Instant): string[] {
  const published = state.coercion?.published[what];
  if (published && published.rounds >= publicationRounds(what, rules)) return [];
  if (published && what === 'listing-removed' && !removalStillDue(state, now)) return [];
  return CREDIT_RECIPIENTS.map((r) => r.id).filter((id) => !published?.acknowledged.includes(id));
}

function nextStep(
  state: EnforcementCase,
  rules: Rules,
  calendar: LegalCalendar,
  now: Instant,
  watchRequestId: (round: number) => string,
): Step {
  const c = state.coercion ?? { published: {}, recorded: [] };
  const publish = (what: Publication): Step | undefined => {
    const recipients = unacknowledged(state, what, rules, now);
    return recipients.length > 0 ? { wait: { kind: 'credit-publish', what, recipients } } : undefined;
  };

  const today = chinaDateOf(now);
  const performed = outstandingFen(state) === 0;
  const liftOnly =
    state.status === 'closed' || (c.liftingRun !== undefined && c.liftingRun === state.phaseRuns.coercion);
  if (performed || liftOnly) {
    // C5, C6: performance lifts the restriction and removes the listing; so do a closure's way and a ground of
    // 第十条 (./removal.ts). A detainee who performed is released. On a closed case nothing else is done.
    const lift = restrictionLiftDue(state, rules);
    if (lift) return { events: [{ type: 'restriction-lifted', on: lift }] };
    const removal = removeListing(state, rules, calendar, now);
    if (removal) return removal;
    if (performed && c.sanction?.status === 'in-custody')
      return { events: [{ type: 'detainee-released', early: true }] };
    // The removal first: it has a deadline (C6, 3 working days) that the lifting's rounds must not use up.
    const pending =
      (c.listing?.removedAt ? publish('listing-removed') : undefined) ??
      (c.restriction?.liftedAt ? publish('restriction-lifted') : undefined);
    return pending ?? { wait: { kind: performed ? 'disburse' : 'lifted' } };
  }

  if (!c.decidedAt) {
    const listing = listingPlan(state, rules, today);
    const sanction = sanctionPlan(state, rules);
    const grounds = referralGrounds(state, rules);
    const notes = [
      '未按执行通知履行义务：拟发出限制消费令，报院长签发（C4）',
      listing
        ? `具备失信情形（${listingGrounds(listing)}）：拟纳入失信被执行人名单${listing.years !== undefined ? `${listing.years}年` : '（不设期限）'}，决定书报院长签发（C6）`
        : '暂不具备纳入失信名单的情形（C6）',
      sanction
        ? `${sanction.kind === 'detention' ? '拟司法拘留' : '拟罚款'}（${sanction.grounds.map((g) => CONDUCT_LABELS[g]).join('、')}），报院长批准（C1、C2）`
        : '暂无罚款、拘留情形',
      grounds.length > 0
        ? `具备拒执罪情形（${grounds.map((g) => REFERRAL_GROUND_LABELS[g] ?? g).join('、')}）：移送公安机关（D1-D5）`
        : ableToPay(state)
          ? '暂无拒执罪移送情形'
          : '未发现被执行人有履行能力，不具备拒执罪移送条件（D5）',
    ];
    return { events: [{ type: 'coercion-decided', notes }] };
  }
  const signature = creditSignature(state, rules, today);
  if (signature) return 'events' in signature ? withTermNode(signature.events, rules, calendar) : signature;
  if (c.restriction) {
    // Lifted while the measures go on (an objection upheld, OBJ-ACT): the lifting is published, not the order.
    const restrictionPublished = publish(c.restriction.liftedAt ? 'restriction-lifted' : 'restriction');
    if (restrictionPublished) return restrictionPublished;
  }
  // 第十条第一款第三项: the applicant's request removes an untermed listing while the measures go on.
  const removal = removeListing(state, rules, calendar, now);
  if (removal) return removal;
  if (c.listing?.removedAt) {
    const removalPublished = publish('listing-removed');
    if (removalPublished) return removalPublished;
  } else if (c.listing) {
    const listingPublished = publish('listing');
    if (listingPublished) return listingPublished;
  }

  // Measures follow the conduct as it is recorded: a sanction is proposed when its grounds appear.
  const proposal = !c.sanction ? sanctionPlan(state, rules) : null;
  if (proposal) return { events: [{ type: 'sanction-proposed', sanction: proposal }] };
  const sanction = c.sanction;
  if (sanction) {
    if (sanction.status === 'proposed') {
      const decided = Object.values(state.approvals).find(
        (a) => a.step === 'sanction' && (a.status === 'approved' || a.status === 'rejected'),
      );
      if (!decided) return { wait: { kind: 'approve-sanction' } };
      // A rejected sanction decides no amount and no days: only an approval carries them.
      const approved = decided.status === 'approved';
      return {
        events: [
          {
            type: 'sanction-decided',
            decision: approved ? 'approved' : 'rejected',
            by: decided.decidedBy ?? '',
            ...(approved && sanction.kind === 'fine'
              ? { amountFen: fen(numberOr(decided.data?.amountFen, sanction.proposedFen ?? 0)) }
              : {}),
            ...(approved && sanction.kind === 'detention'
              ? { days: numberOr(decided.data?.days, sanction.proposedDays ?? 0) }
              : {}),
          },
        ],
      };
    }
    if (sanction.status === 'approved') return { wait: { kind: 'sanction-service' } };
    const active = sanction.status === 'served' || sanction.status === 'in-custody';
    if (active && sanction.kind === 'detention') {
      if (!sanction.custodyAt) return { wait: { kind: 'custody' } };
      if (sanction.status === 'in-custody' && !sanction.familyNotifiedAt) return { wait: { kind: 'family-notice' } };
    }
    if (active && !sanction.review) return { wait: { kind: 'review-request' } };
    if (active && sanction.review === 'requested') return { wait: { kind: 'review-decision' } };
    if (sanction.status === 'in-custody') return { wait: { kind: 'detention-term' } };
  }

  const referral = c.referral;
  if (!referral) {
    const grounds = referralGrounds(state, rules);
    if (grounds.length > 0) {
      const { missing } = referralPackage(state, rules);
      if (missing.length > 0) return { events: [{ type: 'referral-blocked', missing }] };
      const node = timeNode('referral-answer', rules.D2.id, rules.D2.decide, now, calendar);
      return {
        events: [
          { type: 'referral-sent', grounds },
          { type: 'node-set', node },
        ],
      };
    }
  } else if (referral.status === 'with-police' || referral.status === 'police-complex') {
    return { wait: { kind: 'police-referral', complex: referral.status === 'police-complex' } };
  } else if (referral.status === 'police-refused') {
    return { events: [{ type: 'supervision-requested' }] };
  } else if (referral.status === 'with-procuratorate') {
    return { wait: { kind: 'procuratorate', stage: 'review' } };
  } else if (referral.status === 'police-explaining') {
    return { wait: { kind: 'procuratorate', stage: 'explanation' } };
  } else if (referral.status === 'ordered-to-open') {
    return { wait: { kind: 'police-referral', complex: false, ordered: true } };
  }

  const check = reportCheck(state, rules, calendar, now);
  if (!c.watchUntil) {
    const until = endOfChinaDay(calendar.periodEnd(chinaDateOf(now), rules.P_COERCION_WAITS.performanceWatch).date);
    const checkAt = check && isBefore(check, until) ? { checkAt: check } : {};
    return { events: [{ type: 'performance-watched', until, requestId: watchRequestId(1), ...checkAt }] };
  }
  const checked = c.watchCheckAt !== undefined && !isBefore(now, c.watchCheckAt);
  if ((c.watchWoken || checked) && isBefore(now, c.watchUntil)) {
    const checkAt = check && isBefore(check, c.watchUntil) ? { checkAt: check } : {};
    return {
      events: [
        {
          type: 'performance-watched',
          until: c.watchUntil,
          requestId: watchRequestId((c.watchRound ?? 0) + 1),
          ...checkAt,
        },
      ],
    };
  }
  if (isBefore(now, c.watchUntil))
    return { wait: { kind: 'performance-watch', until: c.watchCheckAt ?? c.watchUntil } };
  return closureSignature(state) ?? { wait: { kind: 'exhausted' } };
}

/**
 * C6 (法释〔2017〕7号 第十条第二款): a listing with a term gets its removal node when it is made, due 3 working days
 * after the term's last day, so that the node sweeper sees the case when the term ends and has the listing removed.
 */
function withTermNode(events: readonly CaseEvent[], rules: Rules, calendar: LegalCalendar): Step {
  const listed = events.find((e) => e.type === 'debtor-listed');
  if (listed?.type !== 'debtor-listed' || listed.until === undefined) return { events };
  const node = timeNode('listing-removal', rules.C6.id, rules.C6.removal, endOfChinaDay(listed.until), calendar);
  return { events: [...events, { type: 'node-set', node }] };
}

/**
 * C6 (法释〔2017〕7号 第十条): the listing removed on its ground (./removal.ts), with the removal's node: due within 3
 * working days of the ground, or for a listing whose term ended, of the term's last day (第十条第二款).
 */
function removeListing(state: EnforcementCase, rules: Rules, calendar: LegalCalendar, now: Instant): Step | undefined {
  const removal = listingRemovalDue(state, rules, chinaDateOf(now));
  if (!removal) return undefined;
  const until = state.coercion?.listing?.until;
  const from = removal.ground === 'term-ended' && until ? endOfChinaDay(until) : now;
  const node = timeNode('listing-removal', rules.C6.id, rules.C6.removal, from, calendar);
  return {
    events: [
      { type: 'debtor-removed', reason: removal.reason, dueDate: node.dueDate, ground: removal.ground },
      { type: 'node-set', node },
    ],
  };
}

/**
 * A9: when an asset report is still outstanding, the end of the period the order gives (an hour after, so that the
 * report is recorded first): a refusal is then acted on at once, not when the performance watch ends.
 */
export function reportCheck(
  state: EnforcementCase,
  rules: Rules,
  calendar: LegalCalendar,
  now: Instant,
): Instant | undefined {
  const served = state.respondents.map((r) => state.service.served[r.partyId]?.at);
  if (served.some((at) => at === undefined)) return undefined;
  if (state.respondents.every((r) => state.assetReports[r.partyId] !== undefined)) return undefined;
  const last = served.reduce((a, b) => ((b ?? '') > (a ?? '') ? b : a));
  if (!last) return undefined;
  const due = plusSeconds(endOfChinaDay(calendar.periodEnd(chinaDateOf(last), rules.P_ASSET_REPORT.period).date), 3600);
  return isBefore(now, due) ? due : undefined;
}

/** The grounds of a listing as staff read them: 第一条（四）项 违反财产报告制度 ... */
export function listingGrounds(listing: ListingPlan): string {
  return `第一条${listing.articleGrounds.map(articleGround).join('、')}：${listing.grounds.map((g) => CONDUCT_LABELS[g]).join('、')}`;
}

/** A decision's data value when it is a number (the decision use case validated it), else the fallback. */
function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

/** No path takes more than this many immediate steps before it waits: a guard against a planning loop. */
const MAX_IMMEDIATE_STEPS = 20;

/** `watchRequestId` names the request the performance watch waits on in each of its rounds. */
export function planCoercion(
  state: EnforcementCase,
  rules: Rules,
  calendar: LegalCalendar,
  now: Instant,
  watchRequestId: (round: number) => string,
): { readonly events: readonly CaseEvent[]; readonly next: CoercionWait } {
  let current = state;
  const events: CaseEvent[] = [];
  for (let i = 0; i < MAX_IMMEDIATE_STEPS; i++) {
    const step = nextStep(current, rules, calendar, now, watchRequestId);
    if ('wait' in step) return { events, next: step.wait };
    for (const event of step.events) {
      events.push(event);
      current = applyEvent(current, event, now);
    }
  }
  throw new Error(`coercion planning of case ${state.caseId} did not settle`);
}

/** The release date of a detention whose custody began at `servedAt`: the last day of the term (C2). */
export function releaseOn(servedAt: Instant, days: number) {
  return chinaDateOf(plusSeconds(servedAt, (days - 1) * 86_400));
}
