/**
 * SIMULATOR of the exit-entry authority (公安机关出入境管理机构) that enforces an exit restriction, and of the court
 * that receives a bankruptcy referral, and of the auction platform's withdrawal of a round (撤回拍卖). Behind the same PartnerGateway port as every outside party, and like the
 * real contract: each person of a notice is answered on its own, hours later; an answer may be a refusal (the
 * person's documents could not be matched) or never come; the receiving court rules weeks later, or not at all.
 * Not legal numbers: the simulator's behaviour, scripted per case for tests and demos.
 */
import type { RequestItem } from '#domain/partners/requests.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';

export interface AuthorityScript {
  /** Persons (by role: respondent, legal-representative, ...) whose first notice the authority fails. */
  readonly exitFailFirst?: readonly string[];
  /** Persons the authority never answers for. */
  readonly exitSilent?: readonly string[];
  /** The receiving court's ruling on a referral; silent: none within the wait. Default: accepted. */
  readonly bankruptcy?: 'accepted' | 'not-accepted' | 'silent';
}

/** Hours until an answer: [fastest, slowest]. */
export const AUTHORITY_DELAY_HOURS = {
  exitEntry: [2, 30],
  bankruptcy: [24 * 8, 24 * 25],
  auctionWithdrawal: [1, 6],
} as const;

function between(random: () => number, [low, high]: readonly [number, number]): number {
  return Math.round(low + random() * (high - low));
}

function roleOf(itemId: string): string {
  return itemId.includes('#') ? itemId.slice(itemId.indexOf('#') + 1) : 'respondent';
}

export function measureAuthorityAnswer(
  request: PartnerRequest,
  item: RequestItem,
  random: () => number,
  script: { readonly authorities?: AuthorityScript },
): { afterHours: number; outcome: 'ok' | 'failed'; result: unknown } | undefined {
  const authorities = script.authorities ?? {};
  if (request.kind === 'exit-entry') {
    const role = roleOf(item.itemId);
    if (authorities.exitSilent?.includes(role)) return undefined;
    const afterHours = between(random, AUTHORITY_DELAY_HOURS.exitEntry);
    // The first round goes to every person; a person failing "first" is answered on the second round.
    const firstRound = (item.reference ?? '1') === '1';
    if (request.method === 'restrict' && firstRound && authorities.exitFailFirst?.includes(role))
      return { afterHours, outcome: 'failed', result: { reason: '证件信息未能比对一致' } };
    const done = request.method === 'lift' ? 'released' : 'restricted';
    return { afterHours, outcome: 'ok', result: { done, reference: `BK${Math.floor(random() * 1e8)}` } };
  }
  if (request.kind === 'auction-withdrawal') {
    // The platform takes the lot down within hours; a round whose bidding had closed cannot be withdrawn.
    const closed = item.closesAt !== undefined && item.closesAt <= request.createdAt;
    return {
      afterHours: between(random, AUTHORITY_DELAY_HOURS.auctionWithdrawal),
      outcome: 'ok',
      result: { outcome: closed ? 'already-closed' : 'withdrawn' },
    };
  }
  const ruling = authorities.bankruptcy ?? 'accepted';
  if (ruling === 'silent') return undefined;
  return {
    afterHours: between(random, AUTHORITY_DELAY_HOURS.bankruptcy),
    outcome: 'ok',
    result:
      ruling === 'accepted'
        ? { outcome: 'accepted' }
        : { outcome: 'not-accepted', reasons: '被执行人尚有清偿能力，不符合破产条件' },
  };
}
