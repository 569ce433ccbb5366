/**
 * The role table, second half: what each role may do besides deciding (which role decides which step at which
 * rung is the decision table in ./policy.ts). Every authorization check of the staff API is one of the functions
 * below over these two tables; the authorization matrix test is generated from them.
 */
import type { Identity, Role } from '../staff/roles.ts';
import { type ApprovalStep, decisionRows, isApprovalStep, ladderOf } from './policy.ts';

export const ACTIONS = [
  /** See every pending task of the court, not only one's own (supervision, audit, command center). */
  'read-court-tasks',
  /** Assign and reassign tasks to an eligible decider, one by one or in bulk (an officer who leaves). */
  'assign-tasks',
  /** Read the court's cases, their journal and the audit-chain check; look cases up by number or party. */
  'read-cases',
  /**
   * Ask for a case to be closed (G1, 终本), record a settlement agreement (执行和解), record the applicant's interview:
   * the officer's closing work, each followed by a decision or a watch of its own.
   */
  'close-cases',
  /** The command-center board: overdue and soon-due nodes, approvals waiting longest, cases per phase, workload. */
  'read-board',
  /** Record what a respondent did (obstruction, hidden assets, ...): the grounds of coercive measures. */
  'record-conduct',
  /** Approve a detainee's early release on correction, with the 提前解除拘留决定书 (C2: the president only). */
  'order-release',
  /**
   * Matters other courts entrust to this court (H1): record one as it arrives, complete it or report back, and
   * have the overdue ones told to the command center. Assigning one to an officer is `assign-tasks`.
   */
  'handle-entrustments',
  /** Field work (issue 17): check out and in, capture on site, record 现场笔录, report an incident. */
  'go-to-field',
  /**
   * Where field officers are: staff location is personal data, shown to the command center only, every read
   * audited (functions/domain/field/).
   */
  'read-field-locations',
  /**
   * Rule on a dispute inside enforcement (issue 14): sign the distribution plan (参与分配), the suspension (中止执行)
   * or deferral on a guarantee (暂缓执行), the reversal (执行回转). Never on one's own proposal (separation of duties).
   */
  'rule-disputes',
  /**
   * Objections (OBJ-ACT, OBJ-THIRD-PARTY): register a written objection as it arrives, and what follows from outside
   * the bureau: an application for reconsideration, the higher court's decision, a lawsuit and its judgment.
   */
  'record-objections',
  /**
   * Rule on an objection after examination (执行异议复议规定 第十一条: a collegial panel examines); also on a respondent's
   * objection that the application came too late (A12) and on an application to add or change a respondent (V1).
   */
  'rule-objections',
  /**
   * Applications to add or change a respondent (V1, V2): register one as received, record a challenge to its ruling
   * (reconsideration or lawsuit) and the ruling's becoming final.
   */
  'handle-party-changes',
  /**
   * The measures of issue 15: propose an exit restriction or a bankruptcy referral, record a reward application,
   * its deposit and the leads it brings, a relief application and its payment; their approvals are the decision
   * table's (./policy.ts).
   */
  'take-measures',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ROLE_ACTIONS: Readonly<Record<Role, readonly Action[]>> = {
  'field-officer': ['read-cases', 'record-conduct', 'go-to-field'],
  'handling-officer': [
    'read-cases',
    'close-cases',
    'record-conduct',
    'handle-entrustments',
    'go-to-field',
    'record-objections',
    'handle-party-changes',
    'take-measures',
  ],
  'team-lead': [
    'read-cases',
    'read-court-tasks',
    'assign-tasks',
    'close-cases',
    'read-board',
    'record-conduct',
    'handle-entrustments',
    'record-objections',
    'handle-party-changes',
    'take-measures',
  ],
  'bureau-chief': [
    'read-cases',
    'read-court-tasks',
    'assign-tasks',
    'close-cases',
    'read-board',
    'record-conduct',
    'handle-entrustments',
    'rule-disputes',
    'record-objections',
    'rule-objections',
    'handle-party-changes',
    'take-measures',
  ],
  president: ['read-cases', 'read-court-tasks', 'read-board', 'order-release'],
  'panel-member': ['read-cases', 'rule-objections'],
  'command-center': ['read-cases', 'read-court-tasks', 'read-board', 'handle-entrustments', 'read-field-locations'],
  auditor: ['read-cases', 'read-court-tasks'],
};

/**
 * Roles that may act only after signing in with a second factor: the court president and the judges of the
 * collegial panel. On AWS a Cognito trigger leaves these groups out of a token unless the user has MFA set up
 * (and so has just passed it); the embedded runtime's development tokens have no second factor to check.
 */
export const MFA_ROLES: readonly Role[] = ['president', 'panel-member'];

export function may(identity: Identity, action: Action): boolean {
  return identity.roles.some((role) => ROLE_ACTIONS[role].includes(action));
}

/** The roles that decide some rung of some step: only they can claim or be assigned a task. */
export function decidingRoles(): readonly Role[] {
  return [...new Set(decisionRows().map((row) => row.role))];
}

/** Whether the role decides `step` at `level`: the cell of the authorization matrix. */
export function decides(role: Role, step: ApprovalStep, level: number): boolean {
  return ladderOf(step)[level] === role;
}

export type Refusal = 'unknown-user' | 'wrong-role' | 'other-court' | 'own-request' | 'not-permitted';

/** What the checks need of an approval. */
export interface ApprovalScope {
  readonly step: string;
  readonly requiredRole: Role;
  readonly court: string;
  readonly requester: string;
}

/**
 * Why this caller may not decide (or claim, or be assigned) this approval, or undefined if they may. In order: a
 * known caller; the role the decision table requires; the case's court; not the requester (separation of duties).
 */
export function deciderRefusal(identity: Identity | undefined, approval: ApprovalScope): Refusal | undefined {
  if (!identity) return 'unknown-user';
  if (!identity.roles.includes(approval.requiredRole)) return 'wrong-role';
  if (isApprovalStep(approval.step) && !ladderOf(approval.step).includes(approval.requiredRole)) return 'wrong-role';
  if (identity.court !== approval.court) return 'other-court';
  if (identity.userId === approval.requester) return 'own-request';
  return undefined;
}

/** Why this caller may not act on the court's tasks or cases in the way `action` names. */
export function actionRefusal(identity: Identity | undefined, action: Action, court: string): Refusal | undefined {
  if (!identity) return 'unknown-user';
  if (!may(identity, action)) return 'not-permitted';
  if (identity.court !== court) return 'other-court';
  return undefined;
}

/** Whether the caller may see this task: one they may decide, one assigned to them, or any if they supervise. */
export function mayReadTask(identity: Identity, approval: ApprovalScope & { readonly assignee?: string }): boolean {
  if (identity.court !== approval.court) return false;
  if (may(identity, 'read-court-tasks')) return true;
  return approval.assignee === identity.userId || deciderRefusal(identity, approval) === undefined;
}

export const REFUSAL_LABELS: Readonly<Record<Refusal, string>> = {
  'unknown-user': '未知或已停用的用户',
  'wrong-role': '不具备该事项所需的审批角色',
  'other-court': '不属于本案所在法院',
  'own-request': '申请人不能审批自己提出的事项',
  'not-permitted': '所属角色无此权限',
};
