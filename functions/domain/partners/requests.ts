/**
 * What to ask an outside party, decided from the case. Every request is a list of items, and each item is
 * answered on its own; a request is complete when every item has an answer.
 */
import type { EnforcementCase } from '../case/model.ts';
import type { DocumentReference } from '../documents/service-documents.ts';
import { INQUIRY_CHANNELS } from './channels.ts';

export const COERCION_REQUESTS = [
  'credit-publish',
  'sanction-service',
  'custody',
  'family-notice',
  'review-request',
  'review-decision',
  'detention-term',
  'police-referral',
  'procuratorate',
  'performance-watch',
] as const;
export type CoercionRequestKind = (typeof COERCION_REQUESTS)[number];

/** The disposal phase's waits: pricing platforms or the appraiser, the auction platform, the buyer, the applicant. */
export const DISPOSAL_REQUESTS = ['pricing', 'auction', 'balance', 'in-lieu', 'fixed-price'] as const;
export type DisposalRequestKind = (typeof DISPOSAL_REQUESTS)[number];
/** Requests of seizure renewals, 终本 and settlement. */
export const CLOSURE_REQUESTS = ['renew', 'applicant-interview', 'settlement-installment'] as const;
export type ClosureRequestKind = (typeof CLOSURE_REQUESTS)[number];

/**
 * The measures' outside parties: the exit-entry authority (M-EXIT-BAN), the court receiving a bankruptcy referral;
 * and the auction platform asked to withdraw a round when enforcement stops (撤回拍卖). Nobody waits on them.
 */
export const MEASURE_REQUESTS = ['exit-entry', 'bankruptcy-review', 'auction-withdrawal'] as const;
export type MeasureRequestKind = (typeof MEASURE_REQUESTS)[number];

export function isMeasureRequest(kind: string): kind is MeasureRequestKind {
  return (MEASURE_REQUESTS as readonly string[]).includes(kind);
}

export type PartnerKind =
  | 'service'
  | 'inquiry'
  | 'freeze'
  | 'deduct'
  | 'entrust'
  | 'asset-report'
  | CoercionRequestKind
  | DisposalRequestKind
  | ClosureRequestKind
  | MeasureRequestKind;

export interface RequestItem {
  readonly itemId: string;
  readonly respondentId?: string;
  readonly assetId?: string;
  readonly amountFen?: number;
  /** An offer in lieu (E9): what the applicant pays in on top of the debt when it accepts. */
  readonly differenceFen?: number;
  readonly toCourt?: string;
  readonly channel?: string;
  /** The account or certificate the order names. */
  readonly reference?: string;
  /** An auction's bidding window (E6), as announced. */
  readonly opensAt?: string;
  readonly closesAt?: string;
  /** The documents the item carries (service): key and SHA-256, never the bytes. */
  readonly documents?: readonly DocumentReference[];
}

/** Service: each respondent not yet served. */
export function serviceItems(state: EnforcementCase, documents: readonly DocumentReference[] = []): RequestItem[] {
  return state.respondents
    .filter((r) => state.service.served[r.partyId] === undefined)
    .map((r) => ({ itemId: r.partyId, respondentId: r.partyId, ...(documents.length > 0 ? { documents } : {}) }));
}

/** Inquiry: every respondent on every channel. */
export function inquiryItems(state: EnforcementCase): RequestItem[] {
  return state.respondents.flatMap((r) =>
    INQUIRY_CHANNELS.map((c) => ({ itemId: `${r.partyId}:${c.channel}`, respondentId: r.partyId, channel: c.channel })),
  );
}
