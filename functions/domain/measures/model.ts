/**
 * The four measures of issue 15 as the case holds them: restriction from leaving the country (M-EXIT-BAN), a
 * reward notice for the respondent's property (M-REWARD), state judicial relief for the applicant (M-RELIEF) and
 * the referral of a company respondent to bankruptcy review (M-BANKRUPTCY). One of each per case at a time.
 */
import type { Instant } from '../calendar/local-date.ts';
import type { Court, Phase } from '../case/model.ts';
import type { Fen } from '../money.ts';

export type ExitBanRole = 'respondent' | 'legal-representative' | 'principal' | 'directly-responsible-person';
export type ExitBanOrigin = 'application' | 'own-motion';
export type ExitLiftReason = 'full-performance' | 'security-given' | 'applicant-consent' | 'case-closed';
export type ExitNoticeKind = 'restrict' | 'lift';

/** A person the restriction binds: the respondent, or for an organisation one of its persons (M-EXIT-BAN). */
export interface ExitBanPerson {
  /** `<partyId>` for the respondent in person, `<partyId>#<role>` for an organisation's person. */
  readonly personId: string;
  readonly partyId: string;
  readonly role: ExitBanRole;
}

/** One notice to the exit-entry authority: the persons it names, each confirmed on its own. */
export interface ExitNotice {
  readonly requestId: string;
  readonly kind: ExitNoticeKind;
  readonly round: number;
  readonly sentAt: Instant;
  readonly persons: readonly string[];
  readonly answered?: boolean;
}

export interface ExitBan {
  readonly respondentId: string;
  readonly persons: readonly ExitBanPerson[];
  readonly origin: ExitBanOrigin;
  readonly applicantId?: string;
  readonly reason: string;
  readonly proposedBy: string;
  readonly proposedAt: Instant;
  readonly execution: string;
  readonly status: 'proposed' | 'ordered' | 'refused' | 'lifted';
  readonly decidedBy?: string;
  readonly orderedAt?: Instant;
  readonly docId?: string;
  /** Persons the authority confirmed as restricted, and (after lifting) as released. */
  readonly restricted: readonly string[];
  readonly released: readonly string[];
  readonly liftReason?: ExitLiftReason;
  readonly liftedAt?: Instant;
  readonly notices: readonly ExitNotice[];
}

export type RewardMethod = 'fixed' | 'share';
export type LeadStatus = 'received' | 'confirmed' | 'unfounded' | 'rewarded';

/** A lead from the public (第二十三条): who gave it is kept as an opaque reference, never a name in the journal. */
export interface Lead {
  readonly leadId: string;
  readonly receivedAt: Instant;
  readonly informantRef: string;
  readonly summary: string;
  readonly status: LeadStatus;
  readonly checkedBy?: string;
  readonly note?: string;
  /** Money the lead brought onto the case account (the received ledger entries it produced). */
  readonly realisedFen: Fen;
  readonly rewardFen?: Fen;
  readonly paidAt?: Instant;
}

export interface RewardNotice {
  readonly applicantId: string;
  readonly method: RewardMethod;
  /** `fixed`: the reward; `share`: the share of the money a lead brings, in basis points, up to the deposit. */
  readonly amountFen?: Fen;
  readonly shareBasisPoints?: number;
  /** What the applicant undertakes to pay at most, deposited with the court before publication. */
  readonly capFen: Fen;
  readonly appliedAt: Instant;
  readonly appliedBy: string;
  readonly execution: string;
  readonly status: 'applied' | 'approved' | 'published' | 'refused' | 'closed';
  readonly decidedBy?: string;
  readonly depositFen: Fen;
  readonly publishedAt?: Instant;
  readonly leads: readonly Lead[];
  readonly paidFen: Fen;
  readonly refundedFen: Fen;
  readonly closedAt?: Instant;
}

export interface Relief {
  readonly applicantId: string;
  readonly hardship: string;
  readonly requestedFen: Fen;
  readonly appliedAt: Instant;
  readonly appliedBy: string;
  readonly execution: string;
  readonly status: 'applied' | 'granted' | 'refused' | 'paid';
  readonly grantedFen?: Fen;
  readonly decidedBy?: string;
  /** When the decision was made (the approval's decision time): the relief decision's date. */
  readonly decidedAt?: Instant;
  /** Granted above the usual cap (36 months' wages) as an exceptional case. */
  readonly exceptional?: boolean;
  readonly paidAt?: Instant;
  readonly paymentRef?: string;
}

export interface BankruptcyReferral {
  readonly respondentId: string;
  readonly consentBy: 'applicant' | 'respondent';
  readonly consentPartyId: string;
  readonly insolvency: string;
  readonly toCourt: Court;
  readonly proposedBy: string;
  readonly proposedAt: Instant;
  /** The panel's review (第5条): the approval execution started with the proposal. */
  readonly execution: string;
  readonly status: 'proposed' | 'panel-approved' | 'refused' | 'referred' | 'accepted' | 'not-accepted' | 'declared';
  /** The panel agreed: the execution of the president's signing approval. */
  readonly signExecution?: string;
  readonly decidedBy?: string;
  readonly referredAt?: Instant;
  readonly requestId?: string;
  readonly answeredAt?: Instant;
  readonly reasons?: string;
  readonly declaredAt?: Instant;
  /** The phase runs the referral stopped (第8条: enforcement suspended from the referral decision). */
  readonly interrupted?: Readonly<Partial<Record<Phase, number>>>;
  /** Not accepted (第18条): the run started again to resume enforcement. */
  readonly resumedAs?: string;
}

export interface MeasuresState {
  readonly exitBan?: ExitBan;
  readonly reward?: RewardNotice;
  readonly relief?: Relief;
  readonly bankruptcy?: BankruptcyReferral;
  /** How many measure approvals the case has started: names each one's execution. */
  readonly taskRuns?: number;
}
