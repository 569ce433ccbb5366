import type { Instant, LocalDate } from '../calendar/local-date.ts';
import type { DisputeEvent } from '../disputes/distribution-events.ts';
import type { ObjectionEvent } from '../disputes/objection-model.ts';
import type { MeasureEvent } from '../measures/events.ts';
import type { Fen } from '../money.ts';
import type {
  Asset,
  AuctionStage,
  Basis,
  Bid,
  CaseKind,
  Claim,
  ClosureProblem,
  ClosureReview,
  ClosureWay,
  ConductKind,
  Court,
  CreditProposal,
  Entrustment,
  EvidenceCheck,
  EvidenceDeclaration,
  ExcludedSpan,
  Installment,
  InterviewOpinion,
  Party,
  Phase,
  PricingMethod,
  Publication,
  Sanction,
  ServiceMethod,
  SiteRecord,
  TimeNode,
  Track,
  Watch,
} from './model.ts';
import type { CaseStatus } from './status.ts';

/** Everything that happens to a case is one of these; the case record is their fold. */
export type CaseEvent =
  | {
      readonly type: 'case-filed';
      readonly court: Court;
      readonly caseNumber: string;
      readonly kind: CaseKind;
      readonly filedAt: Instant;
      readonly previousCaseNumber?: string;
      /** A reversal (执行回转): the case whose title was set aside, and by what (intake v3). */
      readonly reversalOf?: { readonly caseNumber: string; readonly setAsideBy: string };
      readonly applicants: readonly Party[];
      readonly respondents: readonly Party[];
      readonly basis: Basis;
      readonly claim: Claim;
      readonly intake: { readonly eventId: string; readonly schemaVersion: number; readonly source: string };
    }
  | { readonly type: 'status-changed'; readonly from: CaseStatus; readonly to: CaseStatus; readonly reason: string }
  | { readonly type: 'phase-started'; readonly phase: Phase; readonly run: number; readonly execution: string }
  | {
      readonly type: 'case-triaged';
      readonly track: Track;
      readonly team: string;
      readonly officer: string;
      readonly reasons: readonly string[];
    }
  /** `excluded`: the node is the enforcement term, moved on by this period not counted in it (TERM-EXCLUDED). */
  | { readonly type: 'node-set'; readonly node: TimeNode; readonly excluded?: ExcludedSpan }
  | { readonly type: 'node-met'; readonly node: string; readonly at: Instant }
  | { readonly type: 'node-overdue'; readonly node: string; readonly at: Instant }
  /** The warning a few working days before a node falls due (P-NODE-WARNING). */
  | { readonly type: 'node-warned'; readonly node: string; readonly dueDate: LocalDate }
  /** A task about a node was opened as an execution of the node-task machine. */
  | {
      readonly type: 'node-task-started';
      readonly node: string;
      readonly task: 'overdue-node' | 'term-extension';
      readonly execution: string;
    }
  /** A2: the president extended the term; the node runs again to its new due date. */
  | {
      readonly type: 'node-extended';
      readonly node: string;
      readonly months: number;
      readonly dueDate: LocalDate;
      readonly dueAt: Instant;
      readonly unconfirmedYears: readonly number[];
      readonly approvalId: string;
    }
  | {
      readonly type: 'documents-issued';
      readonly documents: readonly {
        readonly docId: string;
        readonly kind: 'enforcement-notice' | 'asset-report-order';
        /** For one respondent who joined later (追加、变更). */
        readonly respondentId?: string;
      }[];
    }
  /** A document rendered from its template, numbered, signed and archived write-once; its SHA-256 is on the journal. */
  | {
      readonly type: 'document-issued';
      readonly docId: string;
      readonly kind: string;
      readonly number: string;
      readonly templateVersion: number;
      readonly sha256: string;
      /** The act that called for it (documents/triggers.ts). */
      readonly trigger: string;
    }
  /** A document the journal calls for could not be made (e.g. a missing field): the command center was told, once. */
  | {
      readonly type: 'document-problem-alerted';
      readonly kind: string;
      readonly trigger: string;
      readonly problem: string;
    }
  | {
      readonly type: 'service-attempted';
      readonly method: ServiceMethod;
      readonly requestId: string;
      readonly respondents: readonly string[];
    }
  | {
      readonly type: 'service-outcome';
      readonly requestId: string;
      readonly respondentId: string;
      readonly method: ServiceMethod;
      readonly outcome: 'delivered' | 'failed' | 'no-answer';
      readonly detail?: string;
      /** The documents the receipt proves served (number and SHA-256, as sent). */
      readonly documents?: readonly { readonly number: string; readonly sha256: string }[];
    }
  | {
      readonly type: 'inquiry-started';
      readonly requestId: string;
      readonly channels: readonly string[];
      /** Whom it inquires about; absent (before 2026.12.9): every respondent of the case then. */
      readonly respondents?: readonly string[];
    }
  | { readonly type: 'inquiry-answered'; readonly channel: string; readonly assets: readonly Asset[] }
  | { readonly type: 'inquiry-closed'; readonly silent: readonly string[] }
  | {
      readonly type: 'control-planned';
      readonly freezes: readonly { readonly assetId: string; readonly amountFen: Fen }[];
      readonly entrustments: readonly { readonly assetId: string; readonly toCourt: Court }[];
      readonly outstandingFen: Fen;
      readonly note: string;
    }
  | {
      readonly type: 'approval-requested';
      readonly approvalId: string;
      readonly step: string;
      readonly requiredRole: string;
      readonly level: number;
      readonly requester: string;
      readonly dueAt: Instant;
      readonly summary: string;
    }
  | {
      readonly type: 'approval-decided';
      readonly approvalId: string;
      readonly decision: 'approved' | 'rejected';
      readonly by: string;
      readonly role: string;
      readonly reason?: string;
      /** Step-specific data the decider gave, validated against the step's schema (e.g. a confirmed amount). */
      readonly data?: Readonly<Record<string, string | number | boolean>>;
    }
  /** E8-PANEL: one panel member's vote on a panel step; the majority's vote becomes the decision. */
  | {
      readonly type: 'approval-voted';
      readonly approvalId: string;
      readonly by: string;
      readonly decision: 'approved' | 'rejected';
      readonly reason?: string;
      readonly data?: Readonly<Record<string, string | number | boolean>>;
    }
  | { readonly type: 'approval-timed-out'; readonly approvalId: string; readonly escalateTo?: string }
  | { readonly type: 'approval-late-decision'; readonly approvalId: string; readonly by: string }
  /** A decider took the task: from now on only they may decide it (until they release it or it is reassigned). */
  | { readonly type: 'approval-claimed'; readonly approvalId: string; readonly by: string }
  | { readonly type: 'approval-released'; readonly approvalId: string; readonly by: string }
  /** Assigned by the commit's actor (a team lead, a bureau chief) to `to`; `from` held it before. */
  | {
      readonly type: 'approval-assigned';
      readonly approvalId: string;
      readonly to: string;
      readonly from?: string;
      readonly reason?: string;
    }
  | {
      readonly type: 'asset-frozen';
      readonly assetId: string;
      readonly amountFen: Fen;
      readonly expiresOn: LocalDate;
    }
  | { readonly type: 'asset-freeze-failed'; readonly assetId: string; readonly reason: string }
  /** The freeze and seal orders about to go to the banks and registries: their rulings and notices are issued first. */
  | {
      readonly type: 'freeze-ordered';
      readonly orders: readonly { readonly assetId: string; readonly amountFen?: Fen }[];
    }
  /** The deduction orders about to go to the banks: their rulings (划拨) and assistance notices are issued first. */
  | {
      readonly type: 'deduction-ordered';
      readonly orders: readonly { readonly assetId: string; readonly amountFen?: Fen }[];
    }
  | { readonly type: 'asset-order-unanswered'; readonly assetId: string; readonly kind: 'deduct' }
  | { readonly type: 'entrustment-sent'; readonly entrustment: Entrustment }
  | {
      readonly type: 'entrustment-answered';
      readonly matterId: string;
      readonly outcome: 'completed' | 'reported-back';
      readonly detail?: string;
    }
  | {
      readonly type: 'entrustment-overdue';
      readonly matterId: string;
      readonly escalation: number;
      readonly round: number;
    }
  | {
      readonly type: 'money-received';
      readonly entryId: string;
      readonly amountFen: Fen;
      /**
       * deduction: from a frozen account; voluntary: the respondent paid; auction: a buyer paid the price (or the
       * fixed-price sale brought it); forfeited-deposit: a defaulting buyer's deposit (E10); in-lieu-difference: the
       * applicant paid what the property accepted in lieu is worth above the debt.
       */
      readonly source: 'deduction' | 'voluntary' | 'auction' | 'forfeited-deposit' | 'in-lieu-difference';
      readonly assetId?: string;
      readonly note: string;
    }
  | {
      readonly type: 'disbursement-planned';
      readonly payouts: readonly { readonly payeeId: string; readonly amountFen: Fen }[];
      readonly refundFen: Fen;
      readonly refundTo?: string;
      /** V-CAP: the refund by respondent, when a capped respondent gets back what it gave above its limit. */
      readonly refunds?: readonly { readonly payeeId: string; readonly amountFen: Fen }[];
      /** The doubled interest for late performance counted (F-DELAY-INTEREST), to which day, and the fee (F1-FEE). */
      readonly interestFen?: Fen;
      readonly interestThrough?: LocalDate;
      readonly feeFen?: Fen;
    }
  | {
      readonly type: 'money-paid';
      readonly entryId: string;
      readonly payeeId: string;
      readonly amountFen: Fen;
      /** shared: paid to another creditor in a distribution among creditors (参与分配), not to this case's applicants. */
      readonly kind: 'disbursed' | 'refunded' | 'shared';
    }
  | { readonly type: 'partner-overdue'; readonly requestId: string; readonly kind: string }
  | {
      readonly type: 'needs-attention';
      readonly error: string;
      readonly cause: string;
      readonly where: string;
    }
  | { readonly type: 'case-closed'; readonly way: ClosureWay; readonly ground?: string }
  | {
      readonly type: 'asset-report';
      readonly respondentId: string;
      readonly outcome: 'reported' | 'refused';
    }
  | {
      readonly type: 'conduct-recorded';
      readonly kind: ConductKind;
      readonly respondentId: string;
      readonly by: string;
      readonly note?: string;
    }
  | { readonly type: 'coercion-decided'; readonly notes: readonly string[] }
  | {
      readonly type: 'coercion-answer-recorded';
      readonly requestId: string;
      readonly kind: string;
      /** The respondent performed while the answer was awaited: it is no longer needed, nor acted on. */
      readonly superseded?: true;
    }
  /** The phase waits for this request: the one to wake if the respondent performs meanwhile. */
  | { readonly type: 'coercion-awaiting'; readonly requestId: string }
  | { readonly type: 'sanction-proposed'; readonly sanction: Omit<Sanction, 'status'> }
  /** C4, C6: the measures put to the president for signature (限高规定 第五条; 法释〔2017〕7号 第五条). */
  | { readonly type: 'credit-measures-proposed'; readonly proposal: CreditProposal }
  /** The president's decision on a proposal: each proposed measure signed or refused. */
  | {
      readonly type: 'credit-measures-decided';
      readonly approvalId: string;
      readonly by: string;
      readonly restriction?: 'approved' | 'rejected';
      readonly listing?: 'approved' | 'rejected';
      readonly reason?: string;
    }
  | {
      readonly type: 'restriction-issued';
      readonly bound: readonly { readonly partyId: string; readonly role: string }[];
    }
  | { readonly type: 'restriction-lifted'; readonly on: string }
  | {
      readonly type: 'debtor-listed';
      readonly grounds: readonly ConductKind[];
      /** The grounds of 法释〔2017〕7号 第一条 (1-6); absent in events recorded before they were named. */
      readonly articleGrounds?: readonly number[];
      /** Absent for ground (一) alone: no fixed term (第二条). */
      readonly years?: number;
      readonly until?: LocalDate;
    }
  | {
      readonly type: 'debtor-removed';
      readonly reason: string;
      readonly dueDate: LocalDate;
      /** The ground of 法释〔2017〕7号 第十条 (coercion/removal.ts); absent in events recorded before it was named. */
      readonly ground?: string;
    }
  /** 第十条第一款第三项: the applicant asked in writing that the listing be removed; the court agreed (staff record it). */
  | { readonly type: 'listing-removal-requested'; readonly by: string; readonly note?: string }
  | {
      readonly type: 'credit-published';
      readonly what: Publication;
      readonly acknowledged: readonly string[];
      readonly missing: readonly string[];
    }
  | {
      readonly type: 'sanction-decided';
      readonly decision: 'approved' | 'rejected';
      readonly amountFen?: Fen;
      readonly days?: number;
      readonly by: string;
    }
  | { readonly type: 'sanction-served'; readonly docId: string; readonly releaseOn?: LocalDate }
  /** `releaseOn`: the last day of the term, counted from custody (C2); older events set it on service instead. */
  | { readonly type: 'detainee-in-custody'; readonly confirmed: boolean; readonly releaseOn?: LocalDate }
  | { readonly type: 'detainee-family-notified'; readonly onTime: boolean }
  | {
      readonly type: 'sanction-review';
      readonly outcome: 'not-requested' | 'requested' | 'upheld' | 'revoked' | 'undecided';
    }
  /** C2 (民诉法解释 第一百八十二条): approved by the president, with a 提前解除拘留决定书 (`docId`; absent in older events). */
  | { readonly type: 'early-release-ordered'; readonly by: string; readonly reason: string; readonly docId?: string }
  | { readonly type: 'detainee-released'; readonly early: boolean }
  | { readonly type: 'referral-blocked'; readonly missing: readonly string[] }
  | { readonly type: 'referral-sent'; readonly grounds: readonly string[] }
  | { readonly type: 'supervision-requested' }
  | {
      readonly type: 'referral-answered';
      readonly by: 'police' | 'procuratorate';
      readonly outcome:
        | 'opened'
        | 'complex'
        | 'refused'
        /** D3: the procuratorate asked the police to explain in writing why they did not open the case. */
        | 'explanation-requested'
        /** D3: the police explained; the procuratorate found the reasons wanting and ordered the case opened. */
        | 'supervision-ordered'
        | 'refusal-upheld'
        | 'silent';
      readonly reasons?: string;
    }
  | {
      readonly type: 'private-prosecution-notified';
      readonly reason: string;
      /**
       * The police refused to open a case: the applicant is told of 自诉 at once (法〔2018〕147号 第二条) while the
       * court also asks the procuratorate to supervise (D3), so the referral goes on beside it.
       */
      readonly beside?: 'supervision';
    }
  /**
   * `checkAt`: the watch looks again then, before `until`: the end of the asset-report period (A9), so that a
   * refused report is acted on at once rather than when the watch ends.
   */
  | {
      readonly type: 'performance-watched';
      readonly until: Instant;
      readonly requestId: string;
      readonly checkAt?: Instant;
    }
  | { readonly type: 'watch-woken' }
  | { readonly type: 'coercion-ended'; readonly outcome: 'performed' | 'exhausted' }
  /** The coercion run `run` is started only to lift a restriction or remove a listing (C5, C6), nothing else. */
  | { readonly type: 'lifting-run-started'; readonly run: number }
  /** The property the disposal phase turns into money, one lot per asset. */
  | { readonly type: 'disposal-planned'; readonly assetIds: readonly string[] }
  | { readonly type: 'reference-price-started'; readonly assetId: string; readonly method: PricingMethod }
  | {
      readonly type: 'reference-price-set';
      readonly assetId: string;
      readonly method: PricingMethod;
      readonly valueFen: Fen;
      /** The report's reference: the inquiry platforms' answers or the appraisal report number. */
      readonly report: string;
    }
  /** No price came back by the wait's end (the next attempt uses another method). */
  | { readonly type: 'reference-price-failed'; readonly assetId: string; readonly method: PricingMethod }
  | {
      readonly type: 'auction-terms-set';
      readonly assetId: string;
      readonly stage: AuctionStage;
      readonly startingPriceFen: Fen;
      readonly depositFen: Fen;
      /** Who decided: the collegial panel member, or `system` for a re-auction on the same terms (E10). */
      readonly by: string;
      /** The panel's approval these terms come from. */
      readonly approvalId?: string;
    }
  /** The collegial panel did not approve auctioning the lot on any terms: the officer takes it from here. */
  | {
      readonly type: 'auction-terms-refused';
      readonly assetId: string;
      readonly stage: AuctionStage;
      readonly approvalId: string;
      readonly by: string;
    }
  | {
      readonly type: 'auction-announced';
      readonly assetId: string;
      readonly round: number;
      readonly stage: AuctionStage;
      readonly auctionId: string;
      readonly startingPriceFen: Fen;
      readonly depositFen: Fen;
      readonly startsAt: Instant;
      readonly endsAt: Instant;
    }
  | {
      readonly type: 'auction-ended';
      readonly assetId: string;
      readonly round: number;
      readonly outcome: 'sold' | 'failed';
      readonly endedAt: Instant;
      readonly bids: number;
      readonly priceFen?: Fen;
      readonly buyer?: string;
      /** E5: the buyer is this applicant, who paid this much of the deposit (none, or the part above its claim). */
      readonly applicantBuyer?: string;
      readonly depositPaidFen?: Fen;
      /** The winning bid and the runners-up, as the platform's record shows them. */
      readonly topBids?: readonly Bid[];
    }
  /** The platform's result disagrees with the rules (E3, E6, E7): recorded as it came, and the command center told. */
  | {
      readonly type: 'auction-irregular';
      readonly assetId: string;
      readonly round: number;
      readonly problem: string;
      /** The phase cannot go on with the lot by itself (e.g. the platform reported nothing). */
      readonly stalls?: boolean;
    }
  | { readonly type: 'auction-balance-paid'; readonly assetId: string; readonly round: number; readonly amountFen: Fen }
  | {
      readonly type: 'buyer-defaulted';
      readonly assetId: string;
      readonly round: number;
      readonly depositForfeitedFen: Fen;
    }
  /** E11: the confirmation ruling, served; ownership passes to the buyer and the seizure is lifted. */
  | {
      readonly type: 'sale-confirmed';
      readonly assetId: string;
      readonly docId: string;
      readonly priceFen: Fen;
      readonly way: 'auction' | 'fixed-price';
    }
  /** E9: offered after the failed auction `round` at its starting price; `differenceFen` is the applicant's to pay. */
  | {
      readonly type: 'in-lieu-offered';
      readonly assetId: string;
      readonly valueFen: Fen;
      readonly round?: number;
      readonly differenceFen?: Fen;
    }
  | {
      readonly type: 'in-lieu-answered';
      readonly assetId: string;
      readonly accepted: boolean;
      /** The applicant agreed but did not pay the difference in the period set: nothing is taken in lieu (E9). */
      readonly differenceUnpaid?: boolean;
    }
  /** E11: the in-lieu ruling; the applicant takes the property at its value, which counts as performance. */
  | {
      readonly type: 'in-lieu-ruled';
      readonly assetId: string;
      readonly docId: string;
      readonly applicantId: string;
      readonly valueFen: Fen;
      /** The part of the value the applicant paid in money (E9: 补交差额): received on the case account, not in lieu. */
      readonly differenceFen?: Fen;
    }
  | { readonly type: 'fixed-price-listed'; readonly assetId: string; readonly priceFen: Fen; readonly until: Instant }
  | {
      readonly type: 'fixed-price-ended';
      readonly assetId: string;
      readonly outcome: 'sold' | 'unsold';
      readonly priceFen?: Fen;
    }
  | { readonly type: 'seizure-released'; readonly assetId: string; readonly reason: string }
  | {
      readonly type: 'disposal-answer-recorded';
      readonly requestId: string;
      readonly kind: string;
      readonly superseded?: true;
    }
  | { readonly type: 'disposal-awaiting'; readonly requestId: string }
  /**
   * An objection to the price or to the auction stood (OBJ-ACT): the reference price set aside (priced again, the
   * auctions start afresh) or the current auction stopped or annulled (the panel sets new terms). `voided`: the
   * panel's terms approvals not yet used, never to be applied to the lot after this.
   */
  | {
      readonly type: 'disposal-set-aside';
      readonly assetId: string;
      readonly what: 'price' | 'auction';
      readonly reason: string;
      readonly voided: readonly string[];
    }
  | { readonly type: 'disposal-ended'; readonly reason: string }
  /**
   * Enforcement stopped (an objection to the auction stood, a suspension, a bankruptcy referral) while a round was on
   * the auction platform: the platform is asked to withdraw it (撤回拍卖), once. A round not yet annulled is annulled
   * (the lot is priced, the panel sets new terms when enforcement goes on).
   */
  | {
      readonly type: 'auction-withdrawal-sent';
      readonly assetId: string;
      readonly round: number;
      readonly requestId: string;
      readonly reason: string;
    }
  | {
      readonly type: 'auction-withdrawal-answered';
      readonly assetId: string;
      readonly round: number;
      readonly outcome: 'withdrawn' | 'already-closed' | 'silent';
    }
  // Seizure book-keeping and renewals (B1, B2).
  | { readonly type: 'watch-started'; readonly watch: Watch; readonly run: number; readonly execution: string }
  | { readonly type: 'watch-ended'; readonly watch: Watch; readonly reason: string }
  | {
      readonly type: 'renewal-scheduled';
      readonly assetId: string;
      readonly expiresOn: LocalDate;
      readonly sendOn: LocalDate;
      readonly escalateOn: LocalDate;
    }
  | { readonly type: 'renewal-sent'; readonly requestId: string; readonly assetIds: readonly string[] }
  | {
      readonly type: 'seizure-renewed';
      readonly assetId: string;
      readonly requestId: string;
      readonly from: LocalDate;
      readonly expiresOn: LocalDate;
    }
  | {
      readonly type: 'renewal-failed';
      readonly assetId: string;
      readonly requestId: string;
      readonly attempt: number;
      readonly reason: string;
      /** No attempt is left: only a person can still renew it. */
      readonly final: boolean;
    }
  | { readonly type: 'renewal-escalated'; readonly assetId: string; readonly reason: string }
  | { readonly type: 'seizure-lapsed'; readonly assetId: string; readonly expiredOn: LocalDate }
  | { readonly type: 'seizure-released'; readonly assetId: string; readonly reason: string }
  /** G2 (终本规定 第四条第二项): a vehicle sealed at the registry that the officer could not actually impound. */
  | { readonly type: 'impound-failed'; readonly assetId: string; readonly by: string; readonly note: string }
  // Closure (G1), 终本 (G2), re-query and resumption (G3).
  | {
      readonly type: 'closure-requested';
      readonly run: number;
      readonly way: ClosureReview['way'];
      readonly ground?: string;
      readonly by: string;
      readonly reason?: string;
    }
  | {
      readonly type: 'closure-refused';
      readonly problems: readonly ClosureProblem[];
      /** wait: only time is missing, the review waits; officer: the officer must act. */
      readonly next: 'wait' | 'officer';
      readonly until?: LocalDate;
    }
  | { readonly type: 'closure-review-ended'; readonly outcome: 'refused' | 'rejected' | 'granted' }
  | { readonly type: 'interview-requested'; readonly requestId: string }
  /** G2 (法〔2016〕373号 第六条): the approved 终本 ruling is issued; the case closes once it is served on the applicant. */
  | { readonly type: 'final-round-ruled' }
  | { readonly type: 'ruling-service-attempted'; readonly requestId: string; readonly method: ServiceMethod }
  | { readonly type: 'ruling-served'; readonly requestId: string; readonly receipt?: string }
  | { readonly type: 'ruling-service-failed'; readonly requestId: string; readonly reason: string }
  | {
      readonly type: 'applicant-heard';
      readonly opinion: InterviewOpinion;
      readonly by: string;
      readonly note?: string;
    }
  | {
      readonly type: 'requery-recorded';
      readonly round: number;
      readonly found: readonly Pick<Asset, 'class' | 'channel' | 'institution' | 'reference' | 'balanceFen'>[];
      readonly silent: readonly string[];
    }
  | { readonly type: 'resumption-requested'; readonly round: number; readonly reason: string }
  | { readonly type: 'requery-ended'; readonly reason: string }
  | { readonly type: 'case-resumed'; readonly caseNumber: string; readonly caseId: string }
  // Settlement (执行和解).
  | {
      readonly type: 'settlement-recorded';
      readonly installments: readonly Installment[];
      readonly totalFen: Fen;
      readonly baseReceivedFen: Fen;
      readonly by: string;
      readonly note?: string;
      /** The runs of the phases running when it was agreed: enforcement stops while it is performed. */
      readonly interrupted: Readonly<Partial<Record<Phase, number>>>;
    }
  | { readonly type: 'settlement-awaiting'; readonly requestId: string }
  | { readonly type: 'installment-met'; readonly installment: number }
  | { readonly type: 'settlement-performed' }
  | {
      readonly type: 'settlement-breached';
      readonly installment: number;
      readonly dueOn: LocalDate;
      /** Where enforcement resumes: paying out what came in first, or coercive measures. */
      readonly resumeWith: 'disbursement' | 'coercion' | 'application';
    }
  /** The applicant applied to resume enforcement after the respondent breached a settlement (执行和解规定 第九条). */
  | { readonly type: 'resumption-applied'; readonly by: string; readonly note?: string }
  | ({ readonly type: 'evidence-upload-issued' } & EvidenceDeclaration)
  | {
      readonly type: 'evidence-recorded';
      readonly evidenceId: string;
      /** The object version recorded (absent where the store keeps no versions: the embedded runtime's vault). */
      readonly versionId?: string;
      readonly sha256: string;
      readonly sizeBytes: number;
      readonly contentType: string;
      /** What was checked on landing: storage's own SHA-256 check, and/or a re-hash of the stored bytes. */
      readonly verified: readonly EvidenceCheck[];
      readonly legalHold: boolean;
    }
  | {
      readonly type: 'evidence-download-issued';
      readonly evidenceId: string;
      readonly by: string;
      readonly purpose: 'view' | 'download';
      readonly expiresAt: Instant;
    }
  | {
      /** A view or download of an archived object asked for: storage restores a readable copy first. */
      readonly type: 'evidence-restore-requested';
      readonly evidenceId: string;
      readonly by: string;
      /** When the copy is expected to be readable (P-EVIDENCE-STORAGE restoreHours after the request). */
      readonly readyBy: Instant;
    }
  | {
      readonly type: 'legal-hold-set' | 'legal-hold-released';
      readonly by: string;
      readonly reason: string;
      /** The evidence items whose stored objects the hold was put on (or taken off). */
      readonly evidence: readonly string[];
    }
  | {
      /** An object's stored bytes purged after its retention period (never under legal hold); its record stays. */
      readonly type: 'evidence-purged';
      readonly evidenceId: string;
      readonly by: string;
      readonly reason: string;
    }
  | {
      /**
       * The case's party ids became keyed ids (HMAC with the installation's key; domain/ids.ts): old id -> new id.
       * Earlier events keep the ids they were written with; the case from here on carries the new ones.
       */
      readonly type: 'party-ids-rekeyed';
      readonly ids: Readonly<Record<string, string>>;
    }
  /** An on-site record (现场笔录) made by the officer in the field (issue 17), with the evidence captured there. */
  | ({ readonly type: 'site-record-made' } & SiteRecord)
  | DisputeEvent
  /** The disposal phase stopped with only lots held by objections left (empty: it goes on again). */
  | { readonly type: 'disposal-held'; readonly assetIds: readonly string[] }
  | ObjectionEvent
  // 诉执衔接 (B3-CARRY) and the time limit for applying (A12): see reducer-carryover.ts.
  /** A preservation's seizures became the case's, each with its own start and expiry (the term runs on). */
  | {
      readonly type: 'preservation-carried';
      readonly preservationId: string;
      readonly rulingNumber: string;
      readonly assets: readonly Asset[];
      /** Seizures of the ruling not carried, and why. */
      readonly excluded: readonly {
        readonly seizureId: string;
        readonly reason: 'expired' | 'lifted' | 'other-party' | 'already-held';
      }[];
    }
  /** A12: the last day for applying, computed at intake and shown; the court does not act on it by itself. */
  | {
      readonly type: 'application-limit-computed';
      readonly countsFrom: 'perform-by' | 'effective-date';
      readonly from: LocalDate;
      readonly lastDay: LocalDate;
      readonly filedOn: LocalDate;
      readonly within: boolean;
      readonly unconfirmedYears: readonly number[];
    }
  /** A12: the respondent objects that the application came too late. */
  | {
      readonly type: 'limitation-objection-raised';
      readonly objectionId: string;
      readonly respondentId: string;
      readonly receivedOn: LocalDate;
      readonly by: string;
      readonly note?: string;
    }
  /** V1, V2: the applicant's written application to add or change a respondent, received. */
  | {
      readonly type: 'party-change-applied';
      readonly applicationId: string;
      readonly ground: string;
      readonly change: 'add' | 'change';
      readonly party: Party;
      readonly replaces?: string;
      readonly liabilityCapFen?: Fen;
      readonly receivedOn: LocalDate;
      readonly by: string;
    }
  /** V1: the ruling (granted: 裁定变更、追加; rejected: 裁定驳回), and the day it was served. */
  | {
      readonly type: 'party-change-ruled';
      readonly applicationId: string;
      readonly outcome: 'granted' | 'rejected';
      readonly by: string;
      readonly reason: string;
      readonly servedOn: LocalDate;
      readonly challengeBy: LocalDate;
      readonly challengeRoute: 'reconsideration' | 'lawsuit';
    }
  /** V1, V2: a reconsideration applied for, or a lawsuit filed, within the time. */
  | {
      readonly type: 'party-change-challenged';
      readonly applicationId: string;
      readonly route: 'reconsideration' | 'lawsuit';
      readonly filedOn: LocalDate;
      readonly by: string;
    }
  /** The ruling is final (no challenge in time, or the challenge decided); granted, the party joins the case. */
  | {
      readonly type: 'party-change-settled';
      readonly applicationId: string;
      readonly outcome: 'granted' | 'rejected';
      readonly by: string;
      readonly reason: string;
    }
  /**
   * The inquiry about a respondent who joined by a ruling waits: the case is in the middle of another phase's work
   * (its status); the officer starts it again (the ruling's `final` action) once the case waits on him.
   */
  | {
      readonly type: 'joined-inquiry-waits';
      readonly run: number;
      readonly respondents: readonly string[];
      readonly status: CaseStatus;
    }
  /** A12: the ruling on the objection; upheld means 裁定不予执行 (the case is then closed that way). */
  | {
      readonly type: 'limitation-objection-decided';
      readonly objectionId: string;
      readonly outcome: 'upheld' | 'dismissed';
      /** The limit was interrupted or suspended (e.g. a demand for performance), when the ruling finds so. */
      readonly interruptedOn?: LocalDate;
      readonly by: string;
      readonly reason: string;
    }
  /** Exit restriction, reward notice, judicial relief, bankruptcy referral (../measures/events.ts). */
  | MeasureEvent;

export type CaseEventType = CaseEvent['type'];

/** Who caused a commit. */
export interface Actor {
  readonly kind: 'system' | 'staff' | 'partner';
  readonly id: string;
  readonly role?: string;
}

/** One atomic, hash-chained entry of a case's journal: all events of one use case, written at once. */
export interface Commit {
  readonly caseId: string;
  readonly seq: number;
  readonly at: Instant;
  readonly actor: Actor;
  readonly events: readonly CaseEvent[];
  /** Where it came from: workflow execution and step, approval, intake event. */
  readonly cause: Readonly<Record<string, string>>;
  readonly prevHash: string;
  readonly hash: string;
}
