/** What outside parties answer, per request kind. Validated before anything is recorded on a case. */
import * as z from 'zod';

const fenAmount = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

export const ServiceResult = z.object({
  receipt: z.string().max(100).optional(),
  reason: z.string().max(300).optional(),
  /** The documents delivered, as the platform names them on its receipt: number and SHA-256. */
  documents: z
    .array(z.object({ number: z.string().min(1).max(60), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
    .max(20)
    .optional(),
});

export const InquiryResult = z.object({
  assets: z
    .array(
      z.object({
        class: z.enum(['deposit', 'online-funds', 'real-estate', 'vehicle', 'securities']),
        reference: z.string().min(1).max(100),
        balanceFen: fenAmount.optional(),
        region: z.string().max(100).optional(),
        locatedCourt: z.object({ code: z.string().min(2).max(20), name: z.string().min(1).max(100) }).optional(),
      }),
    )
    .max(200),
});

/**
 * The bank's or registry's receipt (回执) of a freeze or seal: what it froze, and (B1) the day the measure took
 * effect and the last day it registered, when the receipt states them.
 */
/** The documents an order carried, as the partner's receipt names them: number and SHA-256. */
const ReceiptDocuments = z
  .array(z.object({ number: z.string().min(1).max(60), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
  .max(20)
  .optional();

export const FreezeResult = z.object({
  frozenFen: fenAmount.optional(),
  reason: z.string().max(300).optional(),
  frozenOn: z.iso.date().optional(),
  expiresOn: z.iso.date().optional(),
  /** The ruling and assistance notice the order carried, as the bank or registry names them: number and SHA-256. */
  documents: z
    .array(z.object({ number: z.string().min(1).max(60), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
    .max(20)
    .optional(),
});
export const DeductResult = z.object({
  amountFen: fenAmount,
  reference: z.string().max(100),
  /** The deduction ruling and assistance notice the order carried, as the bank names them. */
  documents: ReceiptDocuments,
});
export const EntrustResult = z.object({
  outcome: z.enum(['completed', 'reported-back']),
  detail: z.string().max(300).optional(),
  /** B1: the registry's receipt, as the entrusted court forwards it: the seal's first and last days. */
  frozenOn: z.iso.date().optional(),
  expiresOn: z.iso.date().optional(),
});

const Note = z.object({ reasons: z.string().max(500).optional() });

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
  'detention-term': z.object({ release: z.literal('early'), reason: z.string().max(500) }),
  'police-referral': Note.extend({ outcome: z.enum(['opened', 'complex', 'refused']) }),
  /**
   * D3, in two answers: first the notice to the police to explain (explanation-requested) or the refusal found
   * sound at once; then, after the police explained, the order to open the case or the refusal upheld. `opened`
   * is the answer of earlier definitions (order and opening in one).
   */
  procuratorate: Note.extend({
    outcome: z.enum(['explanation-requested', 'ordered', 'refusal-upheld', 'opened']),
  }),
  /** Something the phase waits for happened: money came in, or new conduct was recorded. */
  'performance-watch': z.object({ reason: z.string().max(200) }),
  /** One inquiry platform's (or the appraiser's, or the parties') valuation of the property, with its report. */
  pricing: z.object({ valueFen: fenAmount, report: z.string().min(1).max(200) }),
  /** The auction platform's result and its bid record (the top bids, anonymous bidder numbers). */
  auction: z.object({
    outcome: z.enum(['sold', 'failed']),
    endedAt: z.iso.datetime(),
    bids: z.int().min(0).max(100_000),
    priceFen: fenAmount.optional(),
    buyer: z.string().min(1).max(60).optional(),
    /** The buyer is the applicant, registered with the platform as 申请执行人 (E5: no deposit, or the difference). */
    applicantBuyer: z.boolean().optional(),
    topBids: z
      .array(
        z.object({
          bidder: z.string().min(1).max(60),
          priceFen: fenAmount,
          at: z.iso.datetime(),
          preemptive: z.boolean().optional(),
          rank: z.int().min(1).max(100).optional(),
        }),
      )
      .max(50),
  }),
  /** The buyer paid the balance into the case account (the deposit comes with it from the platform). */
  balance: z.object({ paidFen: fenAmount }),
  /**
   * The applicant's answer to the offer of the property in lieu of payment; accepting an offer whose value exceeds
   * the claim, it pays the difference into the case account with it (E9: 补交差额).
   */
  'in-lieu': z.object({ accepted: z.boolean(), differencePaidFen: fenAmount.optional() }),
  /** The fixed-price sale's result: sold (the buyer paid the price in full) or not. */
  'fixed-price': z.object({ sold: z.boolean(), priceFen: fenAmount.optional(), buyer: z.string().max(60).optional() }),
  /** The bank, registry or entrusted court renewed the seizure (B2); it may say until when. */
  renew: z.object({ renewedUntil: z.iso.date().optional(), detail: z.string().max(300).optional() }),
  /** The applicant, heard before 终本 (G2): agrees or objects, with what they said. */
  'applicant-interview': z.object({
    opinion: z.enum(['agrees', 'objects']),
    note: z.string().max(500).optional(),
  }),
  /** Money came in on the case account while a settlement installment was awaited. */
  'settlement-installment': z.object({ reason: z.string().max(200) }),
  /** The exit-entry authority confirms one person restricted, or released (M-EXIT-BAN). */
  'exit-entry': z.object({ done: z.enum(['restricted', 'released']), reference: z.string().max(100).optional() }),
  /** The receiving court's ruling on a bankruptcy referral (M-BANKRUPTCY). */
  'bankruptcy-review': Note.extend({ outcome: z.enum(['accepted', 'not-accepted']) }),
  /** The auction platform withdrew the round (撤回拍卖), or it had already closed. */
  'auction-withdrawal': z.object({ outcome: z.enum(['withdrawn', 'already-closed']) }),
} as const;

/** A partner's callback, as it reaches the partner-answer function. */
export const PartnerCallback = z.object({
  requestId: z.string().regex(/^r[a-z2-7]{11}$/),
  itemId: z.string().min(1).max(120),
  outcome: z.enum(['ok', 'failed']),
  result: z.unknown(),
});
export type PartnerCallback = z.infer<typeof PartnerCallback>;
