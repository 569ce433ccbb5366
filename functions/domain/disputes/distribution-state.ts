/**
 * The state of the disputes this module runs on a case: the distribution among creditors (参与分配), a suspension
 * (中止执行) or a deferral on a guarantee (暂缓执行, 执行担保), and a reversal (执行回转). Each is a fold of its events
 * (./events.ts), held beside the phases: none changes the case status, each stops and resumes the phases itself.
 */
import type { Instant, LocalDate } from '../calendar/local-date.ts';
import type { Phase } from '../case/model.ts';
import type { Fen } from '../money.ts';
import type { FundSources } from './distribution-funds.ts';
import type { PlanFigures, Share } from './distribution-plan.ts';

export interface DistributionCreditor {
  readonly creditorId: string;
  readonly name: string;
  readonly claimFen: Fen;
  /** A priority right or security over the seized asset (第五百零六条第二款): paid before the ordinary claims. */
  readonly priority: boolean;
  /** The creditor's title (执行依据), or the document of the priority right. */
  readonly title: string;
  /** The creditor's own enforcement case against the same respondent, when this court runs it. */
  readonly caseId?: string;
  /** The applicants of the case holding the money share as creditors too. */
  readonly host: boolean;
  readonly appliedAt: Instant;
}

export type DistributionStage = 'applying' | 'planned' | 'served' | 'objected' | 'opposed' | 'suing' | 'paid';

export interface DistributionObjection {
  readonly by: string;
  /** The creditor whose claim the objection disputes, and the claim the objector says is right. */
  readonly against: string;
  readonly claimFen: Fen;
  readonly reason: string;
  readonly revised: PlanFigures;
}

export interface PayoutOrder {
  readonly entryId: string;
  readonly payeeId: string;
  readonly amountFen: Fen;
  /** disbursed: this case's applicants and the costs; shared: another creditor; refunded: back to the respondent. */
  readonly kind: 'disbursed' | 'shared' | 'refunded';
}

export interface DistributionState {
  readonly stage: DistributionStage;
  /** The distribution's round on this case (a later one for money that came in after one paid out); 1 when absent. */
  readonly round?: number;
  /** Every payment ordered so far, across rounds. */
  readonly orders?: readonly PayoutOrder[];
  readonly creditors: readonly DistributionCreditor[];
  readonly plan?: PlanFigures & { readonly by: string; readonly funds?: FundSources };
  readonly ruledBy?: string;
  readonly servedOn?: LocalDate;
  readonly objection?: DistributionObjection;
  readonly opposedBy?: string;
  readonly suitBy?: string;
  /** Paid while the suit runs: what both plans give; the rest held (提存). */
  readonly paidNow?: { readonly shares: readonly Share[]; readonly refundFen: Fen };
  readonly heldFen?: Fen;
  /** Which plan the money finally followed. */
  readonly outcome?: 'original' | 'revised';
}

export type SuspensionKind = 'suspension' | 'deferral';

export interface Guarantee {
  /** 保证 by a guarantor, or property put up (by the respondent or another). */
  readonly form: 'surety' | 'property';
  readonly guarantor: string;
  readonly amountFen: Fen;
  /** The last day the guarantor can be enforced against (GUARANTEE: from the end of the deferral). */
  readonly periodEndsOn: LocalDate;
}

export interface SuspensionState {
  readonly kind: SuspensionKind;
  readonly status: 'proposed' | 'rejected' | 'in-force' | 'resumed' | 'defaulted';
  readonly ground: string;
  readonly note: string;
  readonly proposedBy: string;
  readonly ruledBy?: string;
  readonly from?: LocalDate;
  /** A deferral's last day (暂缓执行的期限). */
  readonly until?: LocalDate;
  readonly guarantee?: Guarantee;
  readonly interrupted?: Readonly<Partial<Record<Phase, number>>>;
  /** The phases at work when it took effect, started again when it is lifted (disputes/suspension-resume.ts). */
  readonly stopped?: readonly Phase[];
  readonly resumedOn?: LocalDate;
  /** Days not counted in the enforcement term (TERM-EXCLUDED). */
  readonly excludedDays?: number;
  /** Earlier suspensions and deferrals of the case, most recent last. */
  readonly history?: readonly SuspensionState[];
}

export interface ReversalState {
  readonly status: 'ordered' | 'filed';
  readonly setAsideBy: string;
  readonly returnFen: Fen;
  /** Who must return the money (the applicant who took it) and to whom (the respondent it was taken from). */
  readonly from: string;
  readonly to: string;
  readonly by: string;
  readonly ruledBy: string;
  readonly newCase?: { readonly caseNumber: string; readonly caseId: string };
}
