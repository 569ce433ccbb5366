import type { Instant } from '#domain/calendar/local-date.ts';
import type { Role } from '#domain/staff/roles.ts';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'timed-out';

/** What anyone may see of an approval. The task token is not part of it. */
export interface Approval {
  readonly approvalId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly court: string;
  readonly step: string;
  readonly level: number;
  readonly requiredRole: Role;
  readonly requester: string;
  readonly summary: string;
  readonly dueAt: Instant;
  readonly createdAt: Instant;
  readonly execution: string;
  readonly status: ApprovalStatus;
  readonly decidedBy?: string;
  readonly decidedAt?: Instant;
  readonly reason?: string;
  /** Set when a decision arrived after the approval had timed out. */
  readonly lateDecisionBy?: string;
}

export interface Decision {
  readonly decision: 'approved' | 'rejected';
  readonly by: string;
  readonly role: Role;
  readonly at: Instant;
  readonly reason?: string;
}

/**
 * Pending approvals, each holding the task token that resumes its execution. Only `claimForDecision` and
 * `register` touch the token; nothing that lists or shows approvals returns it.
 */
export interface ApprovalStore {
  /** Stores a pending approval with its token; a repeat for the same id while pending replaces the token. */
  register(approval: Approval, token: string): Promise<void>;
  get(approvalId: string): Promise<Approval | undefined>;
  listPending(filter: { readonly court?: string; readonly role?: Role }): Promise<readonly Approval[]>;
  /**
   * The conditional write pending -> decided. Exactly one of any number of concurrent callers gets the token;
   * the others get ApprovalNotPendingError. The token stays stored until `clearToken`, after it has been used.
   */
  claimForDecision(approvalId: string, decision: Decision): Promise<{ approval: Approval; token: string }>;
  /** Undoes this user's claim when the token could not be delivered (the service failed): the decision can be retried. */
  releaseClaim(approvalId: string, by: string): Promise<void>;
  /** The token has been used: remove it. */
  clearToken(approvalId: string): Promise<void>;
  /**
   * pending -> timed-out; also a decision claimed but never delivered (its token still stored: the deciding
   * process died in between). False if it was decided and delivered, or already timed out.
   */
  markTimedOut(approvalId: string, at: Instant): Promise<boolean>;
  /** A claimed decision that the workflow no longer accepted (its wait had timed out): recorded as too late. */
  markLate(approvalId: string, at: Instant): Promise<void>;
}

export class ApprovalNotPendingError extends Error {
  readonly status: ApprovalStatus | 'missing';
  constructor(approvalId: string, status: ApprovalStatus | 'missing') {
    super(status === 'missing' ? `no approval ${approvalId}` : `approval ${approvalId} is ${status}, not pending`);
    this.name = 'ApprovalNotPendingError';
    this.status = status;
  }
}
