import type { PanelVote } from '../approvals/panel.ts';
import type { Instant, LocalDate } from '../calendar/local-date.ts';
import type { DistributionState, ReversalState, SuspensionState } from '../disputes/distribution-state.ts';
import type { Objection } from '../disputes/objection-model.ts';
import type { MeasuresState } from '../measures/model.ts';
import type { Fen } from '../money.ts';
import type { CaseStatus } from './status.ts';

export type CaseKind = 'first' | 'resumed' | 'non-litigation';
export type Track = 'simple' | 'complex' | 'resumed';
export type Phase = 'service' | 'investigation' | 'disbursement' | 'coercion' | 'disposal' | 'closure' | 'settlement';
/**
 * Periodic work beside the phases, each a chain of short executions: the seizure renewals (B1, B2) while anything
 * is held, the re-queries after 终本 (G3).
 */
export type Watch = 'renewal' | 'requery';

export interface WatchState {
  readonly run: number;
  readonly execution: string;
  readonly startedAt: string;
  /** False once the watch found nothing more to do (it is started again when there is). */
  readonly active: boolean;
}

export interface Court {
  readonly code: string;
  readonly name: string;
}

export interface Contact {
  readonly phone?: string;
  readonly email?: string;
  readonly address?: string;
  /** The party agreed to electronic service (电子送达); without it the notice goes by post. */
  readonly eServiceConsent: boolean;
}

export interface Party {
  readonly partyId: string;
  readonly kind: 'person' | 'organisation';
  readonly name: string;
  /** Resident ID number or unified social credit code. Personal data: never logged. */
  readonly idNumber: string;
  readonly contact: Contact;
  readonly legalRepresentative?: string;
}

export interface Basis {
  readonly documentNumber: string;
  readonly court: string;
  readonly kind: 'judgment' | 'ruling' | 'mediation' | 'arbitration-award' | 'notarised-debt' | 'payment-order';
  readonly effectiveDate: LocalDate;
  /** The last day of the performance period the basis sets; the doubled interest runs from it (F-DELAY-INTEREST). */
  readonly performBy?: LocalDate;
  readonly cause?: string;
}

export interface ClaimItem {
  readonly kind: 'principal' | 'interest' | 'delay-interest' | 'litigation-costs' | 'other';
  readonly amountFen: Fen;
  /** The applicant owed this item; the first applicant when not given. */
  readonly creditorId: string;
}

export interface Claim {
  readonly items: readonly ClaimItem[];
  readonly totalFen: Fen;
}

/** Time nodes: each legal or policy deadline the case is held to. */
export type NodeId =
  | 'listing-removal'
  | 'family-notice'
  | 'referral-answer'
  /** D3: the police explain why they did not open the case, within 7 days of the procuratorate's notice. */
  | 'supervision-explain'
  /** D3: ordered by the procuratorate, the police open the case within 15 days. */
  | 'supervision-open'
  | 'officer-assigned'
  | 'notice-sent'
  | 'inquiry-started'
  | 'investigation-finished'
  | 'enforcement-term'
  | `disbursement:${string}`
  | `entrustment:${string}`
  /** A11: the reference price procedure started within 30 days of the seizure. */
  | `reference-price:${string}`
  /** A11-OBJECTION: the parties' 5 days to object to an online-inquiry or appraisal report (a window). */
  | `price-objection:${string}`
  /** E8: the second auction held within 30 days of the failed first. */
  | `second-auction:${string}`
  | `renewal:${string}`
  | `settlement:${string}`
  /** The windows and terms of a dispute (参与分配, 暂缓执行): functions/domain/disputes/. */
  | `dispute:${string}`
  /** An objection's examination, reconsideration and lawsuit periods (functions/domain/disputes/objection.ts). */
  | `objection:${string}`
  /** V1: an application to add or change a respondent, ruled on within 60 days. */
  | `party-change:${string}`
  /** A matter another court entrusted to this court (H1): held on the received matter, not on a case. */
  | `received:${string}`
  /** H1: a received matter started within 15 days of its arrival. */
  | `received-start:${string}`
  /** The measures (../measures/): the exit-entry authority's confirmation, the decisions, the bankruptcy court's answer. */
  | 'exit-entry-answer'
  | 'reward-decision'
  | 'relief-decision'
  | 'bankruptcy-acceptance';

export interface TimeNode {
  readonly node: NodeId;
  readonly ruleId: string;
  readonly startedOn: LocalDate;
  readonly dueDate: LocalDate;
  readonly dueAt: Instant;
  readonly unconfirmedYears: readonly number[];
  readonly status: 'open' | 'met' | 'overdue';
  readonly metAt?: Instant;
  /** When the warning before the due date went out (P-NODE-WARNING). */
  readonly warnedAt?: Instant;
  /** The execution of the overdue node's escalation task (team lead, then bureau chief). */
  readonly escalation?: string;
  /** The execution of the request to extend this term (A2), while one is open for the current due date. */
  readonly extension?: string;
  /** Times the node's due date was extended (A2), and the due date before the first extension. */
  readonly extensions?: number;
  readonly originalDueDate?: LocalDate;
  /**
   * A period a party has to act in (to apply for reconsideration, to sue), not a deadline the court keeps: no
   * warning, no escalation; when it passes, what the party did not do decides (functions/domain/disputes/).
   */
  readonly window?: true;
  /**
   * The enforcement term (A1): the periods not counted in it (法释〔2000〕29号 第九条) by which its due date moved on,
   * each once (case/term-exclusions.ts).
   */
  readonly excluded?: readonly ExcludedSpan[];
}

/** A period not counted in the enforcement term: an appraisal, or the auction or sale of a lot (TERM-EXCLUDED). */
export interface ExcludedSpan {
  readonly key: string;
  readonly period: 'appraisal-or-audit' | 'auction-or-sale';
  readonly from: LocalDate;
  /** The day it ended, counted again in the term. */
  readonly to: LocalDate;
  readonly days: number;
}

export type AssetClass = 'deposit' | 'online-funds' | 'real-estate' | 'vehicle' | 'securities';

export interface Asset {
  readonly assetId: string;
  readonly respondentId: string;
  readonly class: AssetClass;
  /** Bank, payment platform or registry that reported it: its channel id and name. */
  readonly channel: string;
  readonly institution: string;
  /** Masked account or certificate reference, e.g. `6222 **** 1234`. */
  readonly reference: string;
  readonly balanceFen?: Fen;
  /** Court with jurisdiction where the asset lies, when it is not this court. */
  readonly locatedCourt?: Court;
  readonly region?: string;
  readonly frozenFen: Fen;
  readonly deductedFen: Fen;
  readonly status:
    | 'found'
    | 'frozen'
    | 'sealed'
    | 'entrusted'
    | 'deducted'
    | 'freeze-failed'
    /** The seizure ran out without renewal (B2): only after an overdue escalation. */
    | 'lapsed'
    /** Disposed of: sold (auction or fixed price), transferred to the applicant in lieu, or released unsold. */
    | 'sold'
    | 'in-lieu'
    | 'released';
  /** An order was sent and not answered in time: not sent again until its answer (late) is recorded. */
  readonly awaitingAnswer?: 'deduct';
  /** The last day of the current seizure period (B1): the exact date, never moved past rest days. */
  readonly freezeExpiresOn?: LocalDate;
  /** The first day of the current seizure period: the day of the seizure, or the day a renewal runs on from. */
  readonly seizedOn?: LocalDate;
  /** How many times the seizure was renewed (B2). */
  readonly renewals?: number;
  /** The renewal of the current period, once the renewal watch has scheduled it. */
  readonly renewal?: RenewalState;
  /** The last renewal request whose answer is on the case (so that it goes on once). */
  readonly lastRenewalRequest?: string;
  /**
   * G2 (终本规定 第四条第二项): sealed at the registry, but the officer could not actually impound it (the search for
   * the vehicle failed): property found that cannot be disposed of, which does not bar 终本. The seal stays.
   */
  readonly notImpounded?: { readonly at: Instant; readonly by: string; readonly note: string };
  /** Carried over from a preservation ruling (B3-CARRY): which ruling and which of its seizures. */
  /** Found by a bank's or registry's inquiry answer that came after the wait (the run had moved on without it). */
  readonly foundLate?: boolean;
  readonly preserved?: {
    readonly preservationId: string;
    readonly rulingNumber: string;
    readonly seizureId: string;
  };
}

/** The renewal of one seizure period (B2, P-RENEWAL). */
export interface RenewalState {
  /** The expiry this renewal is for. */
  readonly expiresOn: LocalDate;
  /** When the renewal order goes out, and by when it must be done before the command center is told. */
  readonly sendOn: LocalDate;
  readonly escalateOn: LocalDate;
  readonly attempts: number;
  readonly lastAttemptOn?: LocalDate;
  /** The request of the last attempt. */
  readonly lastRequest?: string;
  readonly lastFailure?: string;
  /** Every attempt the policy allows has failed: only a person can still save the seizure. */
  readonly exhausted?: boolean;
  readonly escalated?: boolean;
}

export interface LedgerEntry {
  readonly entryId: string;
  /** `in-lieu`: property the applicant accepted in lieu of payment, at its ruled value: no money moves. */
  /**
   * `shared`: paid to another creditor in a distribution among creditors (参与分配): no performance of this case.
   * `shared-in`: this case's applicant was paid its share by another case's distribution: performance of this case,
   * though no money passed through its account (like `in-lieu`).
   */
  readonly kind: 'received' | 'disbursed' | 'refunded' | 'in-lieu' | 'shared' | 'shared-in';
  readonly amountFen: Fen;
  readonly at: Instant;
  /** Where the money came from or went: a deduction, a voluntary payment, a payee. */
  readonly counterparty: string;
  readonly note: string;
}

export type ServiceMethod = 'electronic' | 'postal';

export interface ServiceState {
  /** Service requests sent, in order. */
  readonly requests: readonly string[];
  readonly attempts: readonly {
    readonly requestId: string;
    readonly respondentId: string;
    readonly method: ServiceMethod;
    readonly outcome: 'delivered' | 'failed' | 'no-answer';
    readonly at: Instant;
    readonly detail?: string;
  }[];
  /** Respondents served, with how and when. */
  readonly served: Readonly<Record<string, { readonly method: ServiceMethod; readonly at: Instant }>>;
}

export interface ControlPlanState {
  readonly freezes: readonly { readonly assetId: string; readonly amountFen: Fen }[];
  readonly entrustments: readonly { readonly assetId: string; readonly toCourt: Court }[];
  readonly outstandingFen: Fen;
  readonly note: string;
}

export interface ApprovalSummary {
  readonly approvalId: string;
  readonly step: string;
  readonly requiredRole: string;
  readonly level: number;
  readonly dueAt: Instant;
  readonly status: 'pending' | 'approved' | 'rejected' | 'timed-out';
  readonly decidedBy?: string;
  /** The decider's reason (required for a rejection). */
  readonly reason?: string;
  readonly data?: Readonly<Record<string, string | number | boolean>>;
  /** Who holds the task (claimed or assigned); nobody while it is open to every eligible decider. */
  readonly assignee?: string;
  /** A panel step's votes so far, member by member (E8-PANEL). */
  readonly votes?: readonly PanelVote[];
}

export interface Entrustment {
  readonly matterId: string;
  readonly assetId: string;
  readonly toCourt: Court;
  readonly sentAt: Instant;
  readonly status: 'sent' | 'completed' | 'reported-back' | 'overdue';
  /** Times the matter was chased after missing its deadline, and the control round of the last chase. */
  readonly escalations?: number;
  readonly lastEscalationRound?: number;
}

export interface Attention {
  readonly error: string;
  readonly cause: string;
  readonly at: Instant;
  readonly where: string;
  readonly previousStatus: CaseStatus;
}

/** What the respondent did, as the officer records it (or the system sees it): the grounds of coercive measures. */
export const CONDUCT_KINDS = [
  /** Able to perform and refusing to (有能力履行而拒不履行): seen by the officer, e.g. when mediation fails. */
  'refusal-with-ability',
  'obstruction',
  'violent-obstruction',
  'assets-hidden',
  'report-refused',
  'report-false',
  'consumption-violation',
  'settlement-breach',
] as const;
export type ConductKind = (typeof CONDUCT_KINDS)[number];

export interface Conduct {
  readonly kind: ConductKind;
  readonly respondentId: string;
  readonly at: Instant;
  readonly by: string;
  readonly note?: string;
}

export type SanctionKind = 'fine' | 'detention';

export interface Sanction {
  readonly kind: SanctionKind;
  readonly respondentId: string;
  readonly grounds: readonly ConductKind[];
  readonly proposedFen?: Fen;
  readonly proposedDays?: number;
  readonly status: 'proposed' | 'approved' | 'rejected' | 'served' | 'in-custody' | 'released' | 'revoked';
  readonly approvedFen?: Fen;
  readonly approvedDays?: number;
  readonly decisionDocId?: string;
  readonly servedAt?: Instant;
  /** When the police answered (or failed to answer) about custody; `status` says whether they confirmed. */
  readonly custodyAt?: Instant;
  readonly releaseOn?: LocalDate;
  readonly familyNotifiedAt?: Instant;
  readonly review?: 'not-requested' | 'requested' | 'upheld' | 'revoked' | 'undecided';
  readonly earlyReleaseOrdered?: { readonly by: string; readonly reason: string };
  readonly releasedAt?: Instant;
  readonly early?: boolean;
}

export type ReferralStatus =
  | 'blocked'
  | 'with-police'
  | 'police-complex'
  | 'opened'
  | 'police-refused'
  | 'with-procuratorate'
  /** D3: the procuratorate asked the police to explain in writing why they did not open the case. */
  | 'police-explaining'
  /** D3: the procuratorate ordered the police to open the case. */
  | 'ordered-to-open'
  | 'private-prosecution';

export interface Referral {
  readonly status: ReferralStatus;
  readonly grounds: readonly string[];
  readonly missing: readonly string[];
  readonly sentAt?: Instant;
  readonly reasons?: string;
  /** When the applicant was told of private prosecution (D4): at the police's refusal, or when the path ended. */
  readonly privateProsecutionAt?: Instant;
}

export type Publication = 'restriction' | 'listing' | 'restriction-lifted' | 'listing-removed';

export type PricingMethod = 'negotiation' | 'directed-inquiry' | 'online-inquiry' | 'appraisal';
export type AuctionStage = 'first' | 'second' | 're-auction';

/** One bid of an auction's record, as the platform reports it (bidders are the platform's anonymous numbers). */
export interface Bid {
  readonly bidder: string;
  readonly priceFen: Fen;
  readonly at: Instant;
  /** Holds a preemptive right (优先购买权), e.g. a co-owner or a tenant (E7). */
  readonly preemptive?: boolean;
  /** Among preemptive holders, the lower rank wins a tie (E7). */
  readonly rank?: number;
}

export interface AuctionRound {
  readonly round: number;
  readonly stage: AuctionStage;
  readonly auctionId: string;
  readonly startingPriceFen: Fen;
  readonly depositFen: Fen;
  readonly announcedAt: Instant;
  readonly startsAt: Instant;
  /** The scheduled end (E6: at least 24 hours of bidding); late bids extend it. */
  readonly endsAt: Instant;
  readonly outcome?: 'sold' | 'failed';
  readonly endedAt?: Instant;
  readonly priceFen?: Fen;
  readonly buyer?: string;
  /** E5: the buyer is this applicant, who paid only `depositPaidFen` of the deposit (网拍规定 第十七条第二款). */
  readonly applicantBuyer?: string;
  readonly depositPaidFen?: Fen;
  readonly bids?: number;
  readonly balance?: 'paid' | 'defaulted';
  /**
   * Set aside by an objection that stood (OBJ-ACT: the auction stopped or annulled, or the price it was held on set
   * aside): kept for the record, never counted as a round of the lot again (the next auction starts afresh).
   */
  readonly annulled?: true;
  /** The platform asked to withdraw the round (撤回拍卖) when enforcement stopped, and its answer once in. */
  readonly withdrawal?: {
    readonly requestId: string;
    readonly reason: string;
    readonly answer?: 'withdrawn' | 'already-closed' | 'silent';
  };
}

export interface Lot {
  readonly assetId: string;
  readonly status:
    | 'pricing'
    | 'priced'
    | 'announced'
    | 'awaiting-balance'
    | 'offered-in-lieu'
    | 'fixed-price'
    | 'sold'
    | 'in-lieu'
    | 'released';
  readonly pricing?: {
    readonly method: PricingMethod;
    readonly startedAt: Instant;
    readonly attempts: number;
    /** The attempt brought no price (recorded when its wait ended). */
    readonly failed?: boolean;
  };
  readonly referencePriceFen?: Fen;
  readonly referenceMethod?: PricingMethod;
  /** Terms the collegial panel approved for the next auction, not yet announced. */
  readonly terms?: { readonly stage: AuctionStage; readonly startingPriceFen: Fen; readonly depositFen: Fen };
  readonly rounds: readonly AuctionRound[];
  /** Why the phase cannot go on with this lot by itself (the panel refused, the platform is silent): the officer's. */
  readonly stalled?: string;
  /**
   * The last offer of the lot in lieu of payment (E9): after the failed auction `round` (none in journals written
   * before offers followed every failed round: then the last round), at its starting price; `differenceFen` is what
   * the applicant pays on top when the value exceeds the claim.
   */
  readonly inLieu?: {
    readonly valueFen: Fen;
    readonly answer?: 'accepted' | 'declined';
    readonly round?: number;
    readonly differenceFen?: Fen;
  };
  readonly fixedPrice?: {
    readonly priceFen: Fen;
    readonly until: Instant;
    readonly outcome?: 'sold' | 'unsold';
  };
  /** Money the lot brought to the case account: the price, or a forfeited deposit. */
  readonly proceedsFen: Fen;
}

export interface DisposalState {
  readonly lots: Readonly<Record<string, Lot>>;
  /** Requests whose answers are on the case. */
  readonly recorded: readonly string[];
  /** The request the phase waits for now (superseded if the respondent performs meanwhile). */
  readonly awaiting?: string;
  /** The panel's approvals already acted on (each sets one auction's terms, or refuses them). */
  readonly usedApprovals: readonly string[];
  readonly ended?: boolean;
  /** The phase stopped with only these lots left, each held by an objection: it resumes when they are free. */
  readonly heldFor?: readonly string[];
}

/** C4, C6: what is put to the president for signature at one time: the restriction order, a listing, or both. */
export interface CreditProposal {
  readonly restriction: boolean;
  /**
   * The order the president refused is put again once, as the measures run out: 终本 needs it (G2). Absent for a
   * first proposal.
   */
  readonly forClosure?: true;
  readonly listing?: {
    readonly grounds: readonly ConductKind[];
    readonly articleGrounds: readonly number[];
    /** Absent for ground (一) alone: no fixed term (法释〔2017〕7号 第二条). */
    readonly years?: number;
  };
}

export interface CoercionState {
  readonly decidedAt?: Instant;
  /** The proposal waiting for the president's decision (C4, C6). */
  readonly creditProposal?: CreditProposal;
  /** The president's decisions on proposals already acted on, by approval id. */
  readonly creditApprovals?: readonly string[];
  /** The president refused the restriction order: it is not proposed again, but once before 终本 (G2). */
  readonly restrictionRefused?: boolean;
  /** The refused order was put to the president again for 终本. */
  readonly restrictionAskedForClosure?: boolean;
  /** The grounds of a listing the president refused: proposed again only when a new ground appears. */
  readonly listingRefused?: readonly ConductKind[];
  readonly restriction?: {
    readonly issuedAt: Instant;
    readonly bound: readonly { readonly partyId: string; readonly role: string }[];
    readonly liftedAt?: Instant;
    readonly liftedOn?: string;
  };
  readonly listing?: {
    readonly listedAt: Instant;
    readonly grounds: readonly ConductKind[];
    /** Absent for a listing on ground (一) alone: it has no fixed term (法释〔2017〕7号 第二条). */
    readonly years?: number;
    readonly until?: LocalDate;
    readonly removedAt?: Instant;
    readonly removalReason?: string;
    /** The ground of 法释〔2017〕7号 第十条 it was removed on (absent in removals recorded before grounds were named). */
    readonly removalGround?: string;
    /** 第十条第一款第三项: the applicant's written request to remove it, agreed by the court and recorded by staff. */
    readonly removalRequest?: { readonly by: string; readonly at: Instant; readonly note?: string };
  };
  /** What has been sent to the credit-discipline recipients, and who acknowledged it. */
  readonly published: Readonly<
    Partial<Record<Publication, { readonly acknowledged: readonly string[]; readonly rounds: number }>>
  >;
  /** Requests whose answers are on the case. */
  readonly recorded: readonly string[];
  readonly sanction?: Sanction;
  readonly referral?: Referral;
  readonly watchUntil?: Instant;
  readonly watchRequestId?: string;
  /** Each (re)start of the watch has its own request; woken by money or conduct, it is started again. */
  readonly watchRound?: number;
  readonly watchWoken?: boolean;
  /** The watch looks again at this instant, before `watchUntil` (the end of the asset-report period, A9). */
  readonly watchCheckAt?: Instant;
  /** The request the phase waits for now. */
  readonly awaiting?: string;
  readonly outcome?: 'performed' | 'exhausted';
  /** A run started only to lift and remove (C5, C6) on a case whose measures are not otherwise running. */
  readonly liftingRun?: number;
}

/** G1: the ways a case closes (the rule table's G1 row). */
export type ClosureWay =
  | 'fully-performed'
  | 'final-round-closure'
  | 'termination'
  | 'withdrawal'
  | 'non-enforcement'
  | 'rejection';

export interface ClosureProblem {
  readonly ruleId: string;
  /** A stable code, e.g. `min-since-filing`, for tests and routing. */
  readonly code: string;
  /** What is missing, in Chinese, with the rule id. */
  readonly message: string;
}

/** What the applicant said when heard before 终本 (G2: 约谈), or that they could not be reached. */
export type InterviewOpinion = 'agrees' | 'objects' | 'unreachable';

/** A closure under review: 终本 handed over by the coercion phase, or a way of G1 an officer asked for. */
export interface ClosureReview {
  readonly run: number;
  readonly way: Exclude<ClosureWay, 'fully-performed'>;
  readonly ground?: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly reason?: string;
  readonly status: 'open' | 'waiting' | 'refused' | 'rejected' | 'granted';
  /** The conditions missing at the last review. */
  readonly problems: readonly ClosureProblem[];
  readonly waitUntil?: LocalDate;
  /** The request that asks the applicant to be heard, while it is awaited. */
  readonly interviewRequest?: string;
  /** 终本 (法〔2016〕373号 第六条): the ruling issued, its service on the applicant and the attempts so far. */
  readonly ruled?: boolean;
  readonly rulingRequest?: string;
  readonly rulingAttempts?: number;
  readonly rulingServedAt?: string;
}

export interface Interview {
  readonly opinion: InterviewOpinion;
  readonly by: string;
  readonly at: string;
  readonly note?: string;
}

/** G3: the periodic network inquiry after 终本. */
export interface RequeryState {
  readonly rounds: number;
  readonly lastAt?: string;
  readonly found?: boolean;
  readonly resumptionRequestedAt?: string;
  readonly ended?: boolean;
}

export interface Installment {
  readonly dueOn: LocalDate;
  readonly amountFen: Fen;
}

/** 执行和解: the agreement the officer recorded and how it is performed. */
export interface SettlementState {
  readonly agreedAt: string;
  readonly by: string;
  readonly installments: readonly Installment[];
  readonly totalFen: Fen;
  /** Money received on the case before the agreement: what is paid under it is counted above this. */
  readonly baseReceivedFen: Fen;
  readonly note?: string;
  /** Installments paid in full, counted from the first. */
  readonly met: number;
  readonly status: 'performing' | 'performed' | 'breached';
  readonly breach?: {
    readonly installment: number;
    readonly dueOn: LocalDate;
    /**
     * `disbursement`: what came in under the agreement is paid out first; `application`: nothing to pay out.
     * Either way enforcement resumes only on the applicant's application (执行和解规定 第九条), as a resumed case;
     * `coercion` is what definitions before 2026.12.6 did (resumed at once).
     */
    readonly resumeWith: 'disbursement' | 'coercion' | 'application';
  };
  /** The applicant applied to resume enforcement of the basis (执行和解规定 第九条): filed as a resumed (执恢) case. */
  readonly resumptionApplied?: { readonly by: string; readonly at: string; readonly note?: string };
  /** The request the settlement phase waits on: the one a payment wakes. */
  readonly awaiting?: string;
}

export type EvidenceCheck = 'size' | 'content-type' | 'storage-checksum' | 'composite-checksum' | 'rehash';

/** What an upload link was issued for: declared before the bytes exist, and bound into the signed request. */
export interface EvidenceDeclaration {
  readonly evidenceId: string;
  /** The step of the case the evidence belongs to (../evidence/policy.ts EVIDENCE_STEPS). */
  readonly step: string;
  readonly key: string;
  readonly kind: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** SHA-256 of the whole file, hex. */
  readonly sha256: string;
  readonly uploader: string;
  readonly device: string;
  readonly location?: { readonly latitude: number; readonly longitude: number; readonly accuracyMeters?: number };
  readonly description: string;
  /** When the file was taken, as the phone says. */
  readonly capturedAt?: Instant;
  readonly expiresAt: Instant;
  readonly multipart?: {
    readonly uploadId: string;
    readonly partBytes: number;
    readonly partsSha256: readonly string[];
  };
}

export interface EvidenceItem extends EvidenceDeclaration {
  readonly issuedAt: Instant;
  readonly status: 'issued' | 'recorded';
  readonly recordedAt?: Instant;
  readonly versionId?: string;
  readonly verified?: readonly EvidenceCheck[];
  readonly legalHold?: boolean;
  /** View and download links issued so far. */
  readonly accesses: number;
  /** When its stored bytes were purged, after the retention period (the record and its hash stay). */
  readonly purgedAt?: Instant;
}

/** A12 (民诉法 第二百五十条): shown from intake; the court acts on it only on the respondent's objection. */
export interface ApplicationLimit {
  readonly countsFrom: 'perform-by' | 'effective-date';
  readonly from: LocalDate;
  readonly lastDay: LocalDate;
  readonly filedOn: LocalDate;
  readonly within: boolean;
  readonly unconfirmedYears: readonly number[];
  readonly objections: readonly LimitationObjection[];
}

/** V1, V2: an application to add or change a respondent (追加、变更被执行人), from receipt to the final ruling. */
export interface PartyChange {
  readonly applicationId: string;
  readonly ground: string;
  readonly change: 'add' | 'change';
  /** The proposed respondent's keyed party id (the party itself joins the case only once the ruling is final). */
  readonly partyId: string;
  readonly party: Party;
  /** For a change: the respondent replaced. */
  readonly replaces?: string;
  /** The limit of the added respondent's liability (e.g. the capital not paid in), when the ground sets one. */
  readonly liabilityCapFen?: Fen;
  readonly receivedOn: LocalDate;
  readonly by: string;
  readonly status: 'examining' | 'ruled' | 'challenged' | 'settled';
  readonly ruling?: {
    readonly outcome: 'granted' | 'rejected';
    readonly by: string;
    readonly reason: string;
    readonly servedOn: LocalDate;
    /** The last day to apply for reconsideration or file the lawsuit (V1, V2). */
    readonly challengeBy: LocalDate;
    readonly challengeRoute: 'reconsideration' | 'lawsuit';
  };
  readonly challenge?: {
    readonly route: 'reconsideration' | 'lawsuit';
    readonly filedOn: LocalDate;
    readonly by: string;
  };
  /** The final outcome, after the challenge window or the challenge's decision. */
  readonly final?: 'granted' | 'rejected';
}

export interface LimitationObjection {
  readonly objectionId: string;
  readonly respondentId: string;
  readonly receivedOn: LocalDate;
  readonly by: string;
  readonly note?: string;
  readonly status: 'pending' | 'upheld' | 'dismissed';
  readonly decidedBy?: string;
  readonly reason?: string;
  readonly interruptedOn?: LocalDate;
}

export interface LegalHold {
  readonly since: Instant;
  readonly by: string;
  readonly reason: string;
}

/** An on-site record (现场笔录): what the officer did and saw on site, with the evidence captured there. */
export interface SiteRecord {
  readonly recordId: string;
  /** The on-site act: seal, search, serve, detain, inspect, other (functions/domain/field/trip.ts). */
  readonly act: string;
  readonly by: string;
  readonly note: string;
  readonly tripId?: string;
  readonly evidence: readonly string[];
}

export interface EnforcementCase {
  readonly caseId: string;
  readonly court: Court;
  readonly caseNumber: string;
  readonly kind: CaseKind;
  readonly filedAt: Instant;
  readonly previousCaseNumber?: string;
  /** A reversal (执行回转): the case whose title was set aside, and by what. */
  readonly reversalOf?: { readonly caseNumber: string; readonly setAsideBy: string };
  readonly applicants: readonly Party[];
  readonly respondents: readonly Party[];
  readonly basis: Basis;
  readonly claim: Claim;
  readonly status: CaseStatus;
  readonly phase?: Phase;
  readonly phaseRuns: Readonly<Partial<Record<Phase, number>>>;
  readonly track?: Track;
  readonly team?: string;
  readonly officer?: string;
  readonly nodes: Readonly<Record<string, TimeNode>>;
  readonly documents: readonly {
    readonly docId: string;
    readonly kind: 'enforcement-notice' | 'asset-report-order';
    readonly issuedAt: Instant;
    /** Issued for one respondent who joined later (追加、变更); absent: for the respondents at filing. */
    readonly respondentId?: string;
  }[];
  readonly service: ServiceState;
  readonly assets: Readonly<Record<string, Asset>>;
  readonly inquiry?: {
    readonly requestedAt: Instant;
    readonly channels: readonly string[];
    readonly answered: readonly string[];
    readonly silent: readonly string[];
    /**
     * The respondents each inquiry covered, by its request: the first one every respondent at the time, a later
     * one a respondent who joined the case by a ruling (追加、变更).
     */
    readonly requests?: Readonly<Record<string, readonly string[]>>;
  };
  readonly entrustments: Readonly<Record<string, Entrustment>>;
  readonly ledger: readonly LedgerEntry[];
  readonly approvals: Readonly<Record<string, ApprovalSummary>>;
  readonly controlPlan?: ControlPlanState;
  readonly conduct: readonly Conduct[];
  /** Respondents whose asset report (报告财产令) came in, and how. */
  readonly assetReports: Readonly<Record<string, 'reported' | 'refused'>>;
  readonly coercion?: CoercionState;
  /** Exit restriction, reward notice, judicial relief, bankruptcy referral (../measures/model.ts). */
  readonly measures?: MeasuresState;
  readonly disposal?: DisposalState;
  readonly disbursementPlan?: {
    readonly payouts: readonly { readonly payeeId: string; readonly amountFen: Fen }[];
    readonly refundFen: Fen;
    readonly refundTo?: string;
    /** V-CAP: the refund by respondent, when it goes to more than `refundTo` (../disbursement/plan.ts). */
    readonly refunds?: readonly { readonly payeeId: string; readonly amountFen: Fen }[];
    readonly interestFen?: Fen;
    readonly interestThrough?: LocalDate;
    readonly feeFen?: Fen;
  };
  readonly attention?: Attention;
  readonly closure?: { readonly way: ClosureWay; readonly at: Instant; readonly ground?: string };
  /** The closure being reviewed (G1, G2), and the last one reviewed. */
  readonly closureReview?: ClosureReview;
  /** The applicant heard before 终本 (G2). */
  readonly interview?: Interview;
  readonly watches?: Readonly<Partial<Record<Watch, WatchState>>>;
  readonly requery?: RequeryState;
  /** A resumed case (恢复执行) filed for this one after 终本 (G3). */
  readonly resumedAs?: { readonly caseNumber: string; readonly caseId: string; readonly at: Instant };
  readonly settlement?: SettlementState;
  /**
   * Runs of phases that an event ended while they were running (a settlement agreement): their steps stop when
   * they next run. A phase's runs up to and including the number are ended.
   */
  readonly interrupted?: Readonly<Partial<Record<Phase, number>>>;
  /** Field evidence, by evidence id (absent on records written before evidence existed). */
  readonly evidence?: Readonly<Record<string, EvidenceItem>>;
  /** Set while the case's evidence is under legal hold (e.g. the case is under appeal). */
  readonly legalHold?: LegalHold;
  /** On-site records (现场笔录) made in the field, in order (absent on records written before field work). */
  readonly siteRecords?: readonly SiteRecord[];
  /** The distribution among creditors (参与分配) of the money on this case's account. */
  readonly distribution?: DistributionState;
  /** The current (or last) suspension (中止执行) or deferral on a guarantee (暂缓执行). */
  readonly suspension?: SuspensionState;
  /** The reversal (执行回转) ordered after this case's title was set aside. */
  readonly reversal?: ReversalState;
  /** Objections (执行异议, 案外人异议), by id (absent on records written before them). */
  readonly objections?: Readonly<Record<string, Objection>>;
  /** Node tasks (escalations, extension requests) started so far: numbers their executions. */
  readonly nodeTaskRuns?: number;
  /** Preservations carried into the case (B3-CARRY), by preservation id: the ruling number. */
  readonly preservations?: Readonly<Record<string, string>>;
  /** A12: the time limit for applying, and the respondent's objections on that ground. */
  readonly applicationLimit?: ApplicationLimit;
  /** V1, V2: applications to add or change a respondent, by application id. */
  readonly partyChanges?: Readonly<Record<string, PartyChange>>;
  /** Investigation runs that found the joined respondents' inquiry had to wait (the case busy elsewhere). */
  readonly joinedInquiryWaits?: readonly number[];
  /** Number of commits applied; the optimistic-lock version. */
  readonly version: number;
  /** Hash of the last commit, the head of the case's audit chain. */
  readonly head: string;
}
