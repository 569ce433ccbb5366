/**
 * C4, C6: the president's signature of the consumption-restriction order (限高规定 第五条) and of the listing decision
 * (法释〔2017〕7号 第五条). What is due is proposed together, one approval per proposal, and each measure is signed or
 * refused on its own.
 */
import { type LocalDate, plusMonths } from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { ApprovalSummary, CreditProposal, EnforcementCase } from '../case/model.ts';
import type { Rules } from '../rules/table.ts';
import { listingPlan, restrictionScope } from './measures.ts';

/** The phase waits for the president's decision on the proposal; `occasion` tells the approvals of a case apart. */
export interface SignatureWait {
  readonly kind: 'approve-credit';
  readonly occasion: string;
}

/**
 * C4, C6: the restriction order and the listing decision take effect only when the president signs them (限高规定
 * 第五条; 法释〔2017〕7号 第五条). What is due is proposed together, one approval per proposal; the decision issues
 * what was signed and says what was refused. A refused order is not proposed again; a refused listing only when a
 * ground appears that the president has not yet refused.
 */
export function creditSignature(
  state: EnforcementCase,
  rules: Rules,
  today: LocalDate,
): { readonly events: readonly CaseEvent[] } | { readonly wait: SignatureWait } | undefined {
  const c = state.coercion ?? { published: {}, recorded: [] };
  const proposal = c.creditProposal;
  if (proposal) {
    const applied = c.creditApprovals ?? [];
    const decided = Object.values(state.approvals).find(
      (a) =>
        a.step === 'credit-discipline' &&
        (a.status === 'approved' || a.status === 'rejected') &&
        !applied.includes(a.approvalId),
    );
    if (!decided) return { wait: { kind: 'approve-credit', occasion: `credit-${applied.length + 1}` } };
    return { events: creditDecision(proposal, decided, restrictionScope(state, rules), today) };
  }
  const listing = listingPlan(state, rules, today);
  const restriction = !c.restriction && !c.restrictionRefused;
  const listingDue =
    listing && !c.listing && listing.grounds.some((g) => !(c.listingRefused ?? []).includes(g)) ? listing : undefined;
  if (!restriction && !listingDue) return undefined;
  return {
    events: [
      {
        type: 'credit-measures-proposed',
        proposal: {
          restriction,
          ...(listingDue
            ? {
                listing: {
                  grounds: listingDue.grounds,
                  articleGrounds: listingDue.articleGrounds,
                  ...(listingDue.years !== undefined ? { years: listingDue.years } : {}),
                },
              }
            : {}),
        },
      },
    ],
  };
}

/**
 * G2: 终本 needs the restriction order issued (严格规范终本规定 第一条（一）). When the measures run out and the president
 * had refused it, it is put once more, saying why; a second refusal stands, and the 终本 review names it.
 */
export function closureSignature(state: EnforcementCase): { readonly events: readonly CaseEvent[] } | undefined {
  const c = state.coercion;
  if (!c || c.restriction || !c.restrictionRefused || c.restrictionAskedForClosure || c.creditProposal)
    return undefined;
  return { events: [{ type: 'credit-measures-proposed', proposal: { restriction: true, forClosure: true } }] };
}

/** The president's decision on a proposal: each measure signed unless refused by name (decision data `false`). */
function creditDecision(
  proposal: CreditProposal,
  decided: ApprovalSummary,
  bound: Extract<CaseEvent, { type: 'restriction-issued' }>['bound'],
  today: LocalDate,
): CaseEvent[] {
  const verdict = (measure: 'restriction' | 'listing') =>
    decided.status === 'approved' && decided.data?.[measure] !== false ? 'approved' : 'rejected';
  const restriction = proposal.restriction ? verdict('restriction') : undefined;
  const listing = proposal.listing ? verdict('listing') : undefined;
  const events: CaseEvent[] = [
    {
      type: 'credit-measures-decided',
      approvalId: decided.approvalId,
      by: decided.decidedBy ?? '',
      ...(restriction ? { restriction } : {}),
      ...(listing ? { listing } : {}),
      ...(decided.reason ? { reason: decided.reason } : {}),
    },
  ];
  if (restriction === 'approved') events.push({ type: 'restriction-issued', bound });
  if (listing === 'approved' && proposal.listing) {
    const { years } = proposal.listing;
    const term = years !== undefined ? { years, until: plusMonths(today, years * 12) } : {};
    events.push({
      type: 'debtor-listed',
      grounds: proposal.listing.grounds,
      articleGrounds: proposal.listing.articleGrounds,
      ...term,
    });
  }
  return events;
}

/**
 * Why a president's approval of a proposal cannot be taken as it is, or undefined: a refusal (`false`) names a
 * measure that was proposed and gives its reason, and at least one measure is signed (refusing all is a rejection).
 */
export function creditDecisionProblem(
  proposal: CreditProposal | undefined,
  data: Readonly<Record<string, unknown>>,
  reason: string | undefined,
): string | undefined {
  if (!proposal) return '本案没有待签发的限制消费令或失信决定书';
  if (data.restriction !== undefined && !proposal.restriction) return 'restriction：本次未报请签发限制消费令';
  if (data.listing !== undefined && !proposal.listing) return 'listing：本次未报请签发失信决定书';
  const signed = (proposal.restriction && data.restriction !== false) || (proposal.listing && data.listing !== false);
  if (!signed) return '所报各项均不同意的，请作出“不同意”决定并说明理由';
  const refused = data.restriction === false || data.listing === false;
  if (refused && !reason) return '不同意其中一项的，须说明理由';
  return undefined;
}
