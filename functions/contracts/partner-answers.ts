/**
 * What outside parties answer, per request kind. Validated before anything is recorded on a case. In zod/mini, as
 * the step inputs are (contracts/steps.ts): the steps that read answers bundle these schemas.
 */
import * as z from 'zod/mini';
import './zod-english.ts';

const fenAmount = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
/** A string of at most `max` characters (and at least `min`). */
const text = (max: number, min = 0) =>
  min > 0 ? z.string().check(z.minLength(min), z.maxLength(max)) : z.string().check(z.maxLength(max));
const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

export const ServiceResult = z.object({
  receipt: z.optional(text(100)),
  reason: z.optional(text(300)),
  /** The documents delivered, as the platform names them on its receipt: number and SHA-256. */
  documents: z.optional(z.array(z.object({ number: text(60, 1), sha256 })).check(z.maxLength(20))),
});

export const InquiryResult = z.object({
  assets: z
    .array(
      z.object({
        class: z.enum(['deposit', 'online-funds', 'real-estate', 'vehicle', 'securities']),
        reference: text(100, 1),
        balanceFen: z.optional(fenAmount),
        region: z.optional(text(100)),
        locatedCourt: z.optional(z.object({ code: text(20, 2), name: text(100, 1) })),
      }),
    )
    .check(z.maxLength(200)),
});

/**
 * The bank's or registry's receipt (回执) of a freeze or seal: what it froze, and (B1) the day the measure took
 * effect and the last day it registered, when the receipt states them.
 */
/** The documents an order carried, as the partner's receipt names them: number and SHA-256. */
const ReceiptDocuments = z.optional(z.array(z.object({ number: text(60, 1), sha256 })).check(z.maxLength(20)));

export const FreezeResult = z.object({
  frozenFen: z.optional(fenAmount),
  reason: z.optional(text(300)),
  frozenOn: z.optional(z.iso.date()),
  expiresOn: z.optional(z.iso.date()),
  /** The ruling and assistance notice the order carried, as the bank or registry names them: number and SHA-256. */
  documents: ReceiptDocuments,
});
export const DeductResult = z.object({
  amountFen: fenAmount,
  reference: text(100),
  /** The deduction ruling and assistance notice the order carried, as the bank names them. */
  documents: ReceiptDocuments,
});
export const EntrustResult = z.object({
  outcome: z.enum(['completed', 'reported-back']),
  detail: z.optional(text(300)),
  /** B1: the registry's receipt, as the entrusted court forwards it: the seal's first and last days. */
  frozenOn: z.optional(z.iso.date()),
  expiresOn: z.optional(z.iso.date()),
});

const Note = z.object({ reasons: z.optional(text(500)) });

export const RESULT_SCHEMAS = {
  service: ServiceResult,
  inquiry: InquiryResult,
  freeze: FreezeResult,
  deduct: DeductResult,
  entrust: EntrustResult,
  /** The respondent's asset report (报告财产令): reported, or reported falsely (seen by the officer later). */
  'asset-report': z.object({ outcome: z.enum(['reported']) }),
  /** A credit-discipline recipient acknowledges a listing, restriction or removal. */
  'credit-publish': z.object({ acknowledged: z.literal(true) }),
  'sanction-service': ServiceResult,
  custody: z.object({ confirmed: z.literal(true) }),
  'family-notice': z.object({ notified: z.literal(true) }),
  'review-request': z.object({ requested: z.literal(true) }),
  'review-decision': z.object({ outcome: z.enum(['upheld', 'revoked']) }),
  /** Early release, ordered by the court on correction (the term's end needs no answer). */
  'detention-term': z.object({ release: z.literal('early'), reason: text(500) }),
  'police-referral': z.extend(Note, { outcome: z.enum(['opened', 'complex', 'refused']) }),
  /**
   * D3, in two answers: first the notice to the police to explain (explanation-requested) or the refusal found
   * sound at once; then, after the police explained, the order to open the case or the refusal upheld. `opened`
   * is the answer of earlier definitions (order and opening in one).
   */
  procuratorate: z.extend(Note, {
    outcome: z.enum(['explanation-requested', 'ordered', 'refusal-upheld', 'opened']),
  }),
  /** Something the phase waits for happened: money came in, or new conduct was recorded. */
  'performance-watch': z.object({ reason: text(200) }),
  /** One inquiry platform's (or the appraiser's, or the parties') valuation of the property, with its report. */
  pricing: z.object({ valueFen: fenAmount, report: text(200, 1) }),
  /** The auction platform's result and its bid record (the top bids, anonymous bidder numbers). */
  auction: z.object({
    outcome: z.enum(['sold', 'failed']),
    endedAt: z.iso.datetime(),
    bids: z.int().check(z.minimum(0), z.maximum(100_000)),
    priceFen: z.optional(fenAmount),
    buyer: z.optional(text(60, 1)),
    /** The buyer is the applicant, registered with the platform as 申请执行人 (E5: no deposit, or the difference). */
    applicantBuyer: z.optional(z.boolean()),
    topBids: z
      .array(
        z.object({
          bidder: text(60, 1),
          priceFen: fenAmount,
          at: z.iso.datetime(),
          preemptive: z.optional(z.boolean()),
          rank: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
        }),
      )
      .check(z.maxLength(50)),
  }),
  /** The buyer paid the balance into the case account (the deposit comes with it from the platform). */
  balance: z.object({ paidFen: fenAmount }),
  /**
   * The applicant's answer to the offer of the property in lieu of payment; accepting an offer whose value exceeds
   * the claim, it pays the difference into the case account with it (E9: 补交差额).
   */
  'in-lieu': z.object({ accepted: z.boolean(), differencePaidFen: z.optional(fenAmount) }),
  /** The fixed-price sale's result: sold (the buyer paid the price in full) or not. */
  'fixed-price': z.object({ sold: z.boolean(), priceFen: z.optional(fenAmount), buyer: z.optional(text(60)) }),
  /** The bank, registry or entrusted court renewed the seizure (B2); it may say until when. */
  renew: z.object({ renewedUntil: z.optional(z.iso.date()), detail: z.optional(text(300)) }),
  /** The applicant, heard before 终本 (G2): agrees or objects, with what they said. */
  'applicant-interview': z.object({
    opinion: z.enum(['agrees', 'objects']),
    note: z.optional(text(500)),
  }),
  /** Money came in on the case account while a settlement installment was awaited. */
  'settlement-installment': z.object({ reason: text(200) }),
  /** The exit-entry authority confirms one person restricted, or released (M-EXIT-BAN). */
  'exit-entry': z.object({ done: z.enum(['restricted', 'released']), reference: z.optional(text(100)) }),
  /** The receiving court's ruling on a bankruptcy referral (M-BANKRUPTCY). */
  'bankruptcy-review': z.extend(Note, { outcome: z.enum(['accepted', 'not-accepted']) }),
  /** The auction platform withdrew the round (撤回拍卖), or it had already closed. */
  'auction-withdrawal': z.object({ outcome: z.enum(['withdrawn', 'already-closed']) }),
} as const;

/** A partner's callback, as it reaches the partner-answer function. */
export const PartnerCallback = z.object({
  requestId: z.string().check(z.regex(/^r[a-z2-7]{11}$/)),
  itemId: text(120, 1),
  outcome: z.enum(['ok', 'failed']),
  result: z.unknown(),
});
export type PartnerCallback = z.infer<typeof PartnerCallback>;
