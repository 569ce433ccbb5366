/**
 * Objections inside enforcement, as the case holds them: 执行异议 (an objection to an enforcement act, 民诉法 第二百三十六条)
 * with its reconsideration (复议), and 案外人异议 (a third party's claim to a seized asset, 第二百三十八条) with the
 * lawsuit that may follow it (执行异议之诉). Each is a small process of its own on the case, with its time nodes.
 */
import type { Instant, LocalDate } from '../calendar/local-date.ts';
import type { Fen } from '../money.ts';

export type ObjectionKind = 'act' | 'third-party';

/** Who objects: a party or an interested person (执行异议), or a person outside the case (案外人异议). */
export type ObjectorRole = 'applicant' | 'respondent' | 'interested' | 'third-party';

/**
 * The enforcement acts an objection may contest here, by what undoing them means: a seizure (released), the listing
 * (removed), a deduction from a frozen account (the money refunded), the consumption restriction (lifted), the
 * reference price of a lot (priced again) or its auction (stopped before the end, or annulled before the balance).
 */
export type ContestedAct = 'seizure' | 'listing' | 'deduction' | 'restriction' | 'price' | 'auction';

/** Acts that concern no asset of the case: the objection names none. */
export const CASE_ACTS: readonly ContestedAct[] = ['listing', 'restriction'];

/** What finally happened to the contested act or the claimed asset. */
export type ObjectionEffect =
  | 'released'
  | 'resumed'
  | 'unchanged'
  | 'removed'
  | 'refunded'
  | 'lifted'
  | 'repriced'
  | 'annulled';

export type ObjectionStatus =
  /** Filed: the court examines and rules (OBJ-ACT, OBJ-THIRD-PARTY: 15 days). */
  | 'examining'
  /** Ruled and served: the window for reconsideration (10 days) or for a lawsuit (15 days) runs. */
  | 'ruled'
  /** 执行异议: the higher court reconsiders (30 days). */
  | 'reconsidering'
  /** 案外人异议: 执行异议之诉 brought; the asset waits for the judgment. */
  | 'in-suit'
  /** Decided for good: the ruling, the reconsideration or the judgment stands and its effect is applied. */
  | 'final';

export type RulingOutcome = 'upheld' | 'dismissed';

export interface Objection {
  readonly objectionId: string;
  readonly kind: ObjectionKind;
  readonly objector: { readonly name: string; readonly role: ObjectorRole };
  /** The asset the objection is about: the one seized (执行异议 to its seizure) or claimed (案外人异议). */
  readonly assetId: string;
  readonly act?: ContestedAct;
  readonly grounds: string;
  readonly filedAt: Instant;
  /** The day the court received the written objection: the examination runs from it. */
  readonly receivedOn: LocalDate;
  readonly by: string;
  readonly status: ObjectionStatus;
  readonly ruling?: {
    readonly outcome: RulingOutcome;
    readonly by: string;
    readonly at: Instant;
    /** The day the ruling was served: the reconsideration or lawsuit window runs from it. */
    readonly servedOn: LocalDate;
    readonly reasons: string;
  };
  readonly reconsideration?: {
    readonly appliedBy: ObjectorRole;
    readonly receivedOn: LocalDate;
    readonly at: Instant;
    /** `affirmed`: the ruling stands; `reversed`: the higher court decided the other way. */
    readonly decision?: 'affirmed' | 'reversed';
    readonly decidedAt?: Instant;
  };
  readonly suit?: {
    readonly plaintiff: ObjectorRole;
    readonly at: Instant;
    readonly judgment?: { readonly for: 'third-party' | 'applicant'; readonly at: Instant; readonly reference: string };
  };
  /** What finally happened to the asset's enforcement. */
  readonly result?: {
    readonly effect: ObjectionEffect;
    readonly at: Instant;
    readonly reason: string;
    /** A deduction set aside: what is refunded to the respondent from the case account (paid once, by entry id). */
    readonly refundFen?: Fen;
  };
}

export type ObjectionEvent =
  | {
      readonly type: 'objection-filed';
      readonly objectionId: string;
      readonly kind: ObjectionKind;
      readonly objector: { readonly name: string; readonly role: ObjectorRole };
      readonly assetId: string;
      readonly act?: ContestedAct;
      readonly grounds: string;
      readonly receivedOn: LocalDate;
      readonly by: string;
    }
  | {
      readonly type: 'objection-ruled';
      readonly objectionId: string;
      readonly outcome: RulingOutcome;
      readonly by: string;
      readonly servedOn: LocalDate;
      readonly reasons: string;
    }
  | {
      readonly type: 'reconsideration-applied';
      readonly objectionId: string;
      readonly appliedBy: ObjectorRole;
      readonly receivedOn: LocalDate;
    }
  | {
      readonly type: 'reconsideration-decided';
      readonly objectionId: string;
      readonly decision: 'affirmed' | 'reversed';
    }
  | { readonly type: 'objection-suit-filed'; readonly objectionId: string; readonly plaintiff: ObjectorRole }
  | {
      readonly type: 'objection-judgment';
      readonly objectionId: string;
      readonly for: 'third-party' | 'applicant';
      readonly reference: string;
    }
  | {
      readonly type: 'objection-final';
      readonly objectionId: string;
      readonly effect: ObjectionEffect;
      readonly reason: string;
      readonly refundFen?: Fen;
    };

export const OBJECTION_EVENT_TYPES: readonly ObjectionEvent['type'][] = [
  'objection-filed',
  'objection-ruled',
  'reconsideration-applied',
  'reconsideration-decided',
  'objection-suit-filed',
  'objection-judgment',
  'objection-final',
];

export const OBJECTOR_LABELS: Readonly<Record<ObjectorRole, string>> = {
  applicant: '申请执行人',
  respondent: '被执行人',
  interested: '利害关系人',
  'third-party': '案外人',
};

export const KIND_LABELS: Readonly<Record<ObjectionKind, string>> = {
  act: '执行行为异议',
  'third-party': '案外人异议',
};

export const STATUS_LABELS: Readonly<Record<ObjectionStatus, string>> = {
  examining: '审查中',
  ruled: '已裁定，期间进行中',
  reconsidering: '复议审查中',
  'in-suit': '执行异议之诉审理中',
  final: '已终结',
};

/** Staff-facing name of an objection's node (here, free of imports: the console's bundle reads it). */
export function objectionNodeLabel(node: string): string {
  if (node.endsWith(':reconsideration-window')) return '申请复议期间届满';
  if (node.endsWith(':reconsideration')) return '上一级法院复议审查';
  if (node.endsWith(':suit-window')) return '提起执行异议之诉期间届满';
  return '执行异议审查';
}

/** Staff-facing name of the contested act (执行行为异议). */
export const ACT_LABELS: Readonly<Record<ContestedAct, string>> = {
  seizure: '查封、冻结',
  listing: '纳入失信被执行人名单',
  deduction: '扣划存款',
  restriction: '限制消费令',
  price: '处置参考价',
  auction: '拍卖',
};

/** The refund of a deduction set aside: one payment per objection, never twice. */
export function refundEntryId(objectionId: string): string {
  return `objection-refund-${objectionId}`;
}
