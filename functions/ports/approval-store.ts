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
  /** The case's team when the approval was requested (for filtering a team's tasks). */
  readonly team?: string;
  /** The amount the approval is about, when it is about one (a disbursement): the decider confirms it. */
  readonly amountFen?: number;
  /** The version of the definition whose execution waits for this approval (absent before 2026.12.1). */
  readonly definition?: string;
  /** Who holds the task (claimed or assigned); a projection of the case journal, which records every change. */
  readonly assignee?: string;
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
  /** Pending approvals a role decides, the longest waiting first: one index page, continued by `cursor`. */
  listPendingByRole(filter: {
    readonly court: string;
    readonly role: Role;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<{ readonly items: readonly Approval[]; readonly cursor?: string }>;
  /**
   * The conditional write pending -> decided, by the assignee if there is one. Exactly one of any number of
   * concurrent callers gets the token; the others get ApprovalNotPendingError. The token stays stored until
   * `clearToken`, after it has been used.
   */
  claimForDecision(approvalId: string, decision: Decision): Promise<{ approval: Approval; token: string }>;
  /** Undoes this user's claim when the token could not be delivered (the service failed): the decision can be retried. */
  releaseClaim(approvalId: string, by: string): Promise<void>;
  /** Who holds the pending task now (undefined: nobody). Does nothing once it is no longer pending. */
  setAssignee(approvalId: string, assignee: string | undefined): Promise<void>;
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

/** The approval cannot be decided by this caller now: it is not pending, or (status pending) someone else holds it. */
export class ApprovalNotPendingError extends Error {
  readonly status: ApprovalStatus | 'missing';
  readonly assignee: string | undefined;
  constructor(approvalId: string, status: ApprovalStatus | 'missing', assignee?: string) {
    super(
      status === 'missing'
        ? `no approval ${approvalId}`
        : status === 'pending'
          ? `approval ${approvalId} is held by another decider`
          : `approval ${approvalId} is ${status}, not pending`,
    );
    this.name = 'ApprovalNotPendingError';
    this.status = status;
    this.assignee = assignee;
  }
}
