/** The events of the four measures (./model.ts), folded by ./reducer.ts and rendered by ./timeline.ts. */
import type { Court, Phase } from '../case/model.ts';
import type { Fen } from '../money.ts';
import type { ExitBanOrigin, ExitBanPerson, ExitLiftReason, ExitNoticeKind, RewardMethod } from './model.ts';

type Decision = 'approved' | 'rejected';

export type MeasureEvent =
  | {
      readonly type: 'exit-ban-proposed';
      readonly respondentId: string;
      readonly persons: readonly ExitBanPerson[];
      readonly origin: ExitBanOrigin;
      readonly applicantId?: string;
      readonly reason: string;
      readonly by: string;
      readonly execution: string;
    }
  | { readonly type: 'exit-ban-decided'; readonly decision: Decision; readonly by: string; readonly docId?: string }
  | {
      readonly type: 'exit-notice-sent';
      readonly requestId: string;
      readonly kind: ExitNoticeKind;
      readonly round: number;
      readonly persons: readonly string[];
    }
  | {
      readonly type: 'exit-notice-answered';
      readonly requestId: string;
      readonly kind: ExitNoticeKind;
      readonly confirmed: readonly string[];
      readonly failed: readonly { readonly personId: string; readonly reason: string }[];
      /** Persons the authority never answered for within the wait. */
      readonly silent: readonly string[];
    }
  | { readonly type: 'exit-ban-lifted'; readonly reason: ExitLiftReason; readonly by: string; readonly docId: string }
  | {
      readonly type: 'reward-applied';
      readonly applicantId: string;
      readonly method: RewardMethod;
      readonly amountFen?: Fen;
      readonly shareBasisPoints?: number;
      readonly capFen: Fen;
      readonly by: string;
      readonly execution: string;
    }
  | { readonly type: 'reward-decided'; readonly decision: Decision; readonly by: string }
  | { readonly type: 'reward-deposited'; readonly amountFen: Fen; readonly reference: string }
  | { readonly type: 'reward-published'; readonly docId: string }
  | { readonly type: 'lead-received'; readonly leadId: string; readonly informantRef: string; readonly summary: string }
  | {
      readonly type: 'lead-checked';
      readonly leadId: string;
      readonly outcome: 'confirmed' | 'unfounded';
      readonly by: string;
      readonly note?: string;
    }
  | {
      readonly type: 'lead-realised';
      readonly leadId: string;
      readonly amountFen: Fen;
      readonly by: string;
      /** 第二十四条: the reward the lead has earned in all, to be deducted from the applicant's share. */
      readonly rewardFen?: Fen;
    }
  | { readonly type: 'reward-paid'; readonly leadId: string; readonly amountFen: Fen; readonly reference: string }
  | { readonly type: 'reward-closed'; readonly refundedFen: Fen; readonly reason: string }
  | {
      readonly type: 'relief-applied';
      readonly applicantId: string;
      readonly hardship: string;
      readonly requestedFen: Fen;
      readonly by: string;
      readonly execution: string;
    }
  | {
      readonly type: 'relief-decided';
      readonly decision: Decision;
      readonly by: string;
      readonly grantedFen?: Fen;
      /** Above the usual cap because the loss is especially grave or the hardship especially great (M-RELIEF). */
      readonly exceptional?: boolean;
    }
  | { readonly type: 'relief-paid'; readonly amountFen: Fen; readonly reference: string }
  | {
      readonly type: 'bankruptcy-proposed';
      readonly respondentId: string;
      readonly consentBy: 'applicant' | 'respondent';
      readonly consentPartyId: string;
      readonly insolvency: string;
      readonly toCourt: Court;
      readonly by: string;
      readonly execution: string;
    }
  | {
      /** 第5条: the collegial panel's majority on the proposed referral; agreed, the president is asked to sign. */
      readonly type: 'bankruptcy-panel-decided';
      readonly decision: Decision;
      readonly by: string;
      /** Agreed: the execution of the president's signing approval. */
      readonly signExecution?: string;
    }
  | {
      readonly type: 'bankruptcy-decided';
      readonly decision: Decision;
      readonly by: string;
      readonly docId?: string;
      /** Approved: the phase runs running then, which stop at their next step (第8条). */
      readonly interrupted?: Readonly<Partial<Record<Phase, number>>>;
    }
  | { readonly type: 'bankruptcy-referred'; readonly requestId: string }
  | {
      readonly type: 'bankruptcy-answered';
      readonly outcome: 'accepted' | 'not-accepted' | 'silent';
      readonly reasons?: string;
      /** Not accepted: the execution that resumes the coercion or disposal the referral stopped (第18条). */
      readonly resumes?: string;
      /** Accepted: the runs still going then (started after the referral), stopped too (企业破产法 第十九条). */
      readonly interrupted?: Readonly<Partial<Record<Phase, number>>>;
    }
  | { readonly type: 'bankruptcy-declared'; readonly by: string };

export const MEASURE_EVENT_TYPES = [
  'exit-ban-proposed',
  'exit-ban-decided',
  'exit-notice-sent',
  'exit-notice-answered',
  'exit-ban-lifted',
  'reward-applied',
  'reward-decided',
  'reward-deposited',
  'reward-published',
  'lead-received',
  'lead-checked',
  'lead-realised',
  'reward-paid',
  'reward-closed',
  'relief-applied',
  'relief-decided',
  'relief-paid',
  'bankruptcy-proposed',
  'bankruptcy-panel-decided',
  'bankruptcy-decided',
  'bankruptcy-referred',
  'bankruptcy-answered',
  'bankruptcy-declared',
] as const satisfies readonly MeasureEvent['type'][];

export function isMeasureEvent(event: { readonly type: string }): event is MeasureEvent {
  return (MEASURE_EVENT_TYPES as readonly string[]).includes(event.type);
}
