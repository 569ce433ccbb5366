/**
 * The staff task inbox: pending approvals as tasks that a decider claims, or that a team lead assigns (one by one,
 * or all of an officer's at once when the officer leaves). Every claim, release and assignment is an event on the
 * case's hash-chained journal, written first; the approval store's `assignee` is a projection of it, rewritten by
 * every later action on the task. Reads never write.
 */
import { actionRefusal, deciderRefusal, mayReadTask, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import { APPROVAL_STEPS, isApprovalStep } from '#domain/approvals/policy.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { nodeNamedIn } from '#domain/case/node-labels.ts';
import { accountBalance } from '#domain/case/reducer.ts';
import type { Identity, StaffMember } from '#domain/staff/roles.ts';
import type { Approval } from '#ports/approval-store.ts';
import { approvalCause, refusalError } from './approvals.ts';
import { type Deps, mutateCase } from './context.ts';
import {
  approvalNotFound,
  caseNotFound,
  conflict,
  forbidden,
  gone,
  invalid,
  notFound,
  unauthenticated,
} from './errors.ts';

/** What a task shows: the approval without its execution or token, with its step's label. */
export interface TaskView {
  readonly approvalId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly court: string;
  readonly team?: string;
  readonly step: string;
  readonly stepLabel: string;
  readonly level: number;
  readonly requiredRole: string;
  readonly requester: string;
  readonly summary: string;
  readonly amountFen?: number;
  readonly dueAt: string;
  readonly createdAt: string;
  readonly status: string;
  readonly assignee?: string;
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly overdue: boolean;
}

/** The step's name; a node task (supervision of an overdue node, a term extension) names its node too. */
function stepLabel(approval: Approval): string {
  const label = isApprovalStep(approval.step) ? APPROVAL_STEPS[approval.step].label : approval.step;
  const node = approval.step === 'overdue-node' ? nodeNamedIn(approval.summary) : undefined;
  return node ? `${label}：${node}` : label;
}

export function taskView(approval: Approval, now: string): TaskView {
  return {
    approvalId: approval.approvalId,
    caseId: approval.caseId,
    caseNumber: approval.caseNumber,
    court: approval.court,
    ...(approval.team ? { team: approval.team } : {}),
    step: approval.step,
    stepLabel: stepLabel(approval),
    level: approval.level,
    requiredRole: approval.requiredRole,
    requester: approval.requester,
    summary: approval.summary,
    ...(approval.amountFen !== undefined ? { amountFen: approval.amountFen } : {}),
    dueAt: approval.dueAt,
    createdAt: approval.createdAt,
    status: approval.status,
    ...(approval.assignee ? { assignee: approval.assignee } : {}),
    ...(approval.decidedBy ? { decidedBy: approval.decidedBy } : {}),
    ...(approval.decidedAt ? { decidedAt: approval.decidedAt } : {}),
    overdue: approval.status === 'pending' && approval.dueAt < now,
  };
}

/** What a decider needs of the case to decide: who, how much, where it stands; no identity numbers. */
export interface CaseSummaryView {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly court: { readonly code: string; readonly name: string };
  readonly status: string;
  readonly track?: string;
  readonly team?: string;
  readonly officer?: string;
  readonly applicants: readonly string[];
  readonly respondents: readonly string[];
  readonly claimFen: number;
  readonly balanceFen: number;
  readonly filedAt: string;
}

export function caseSummaryView(state: EnforcementCase): CaseSummaryView {
  return {
    caseId: state.caseId,
    caseNumber: state.caseNumber,
    court: state.court,
    status: state.status,
    ...(state.track ? { track: state.track } : {}),
    ...(state.team ? { team: state.team } : {}),
    ...(state.officer ? { officer: state.officer } : {}),
    applicants: state.applicants.map((p) => p.name),
    respondents: state.respondents.map((p) => p.name),
    claimFen: state.claim.totalFen,
    balanceFen: Math.max(0, accountBalance(state)),
    filedAt: state.filedAt,
  };
}

export const TASK_SCOPES = ['mine', 'court'] as const;
export type TaskScope = (typeof TASK_SCOPES)[number];

export interface TaskQuery {
  /** `mine` (default): tasks the caller may act on now; `court`: every pending task of the court (supervisors). */
  readonly scope?: TaskScope;
  readonly caseId?: string;
  readonly step?: string;
  readonly court?: string;
  readonly team?: string;
  readonly assignee?: string;
  /** Only tasks due before this instant. */
  readonly dueBefore?: string;
  readonly limit?: number;
  /** Opaque: the position after the last task of the previous page. */
  readonly cursor?: string;
}

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

/** Tasks come in due order (the index order); a cursor is the sort key of the last one returned. */
const sortKey = (a: Approval) => `${a.dueAt}#${a.approvalId}`;
const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#a[a-z2-7]{11}$/.test(key)) throw invalid('cursor 无效');
  return key;
}

function requireIdentity(identity: Identity | undefined): Identity {
  if (!identity) throw unauthenticated('未登录或身份无法核验');
  return identity;
}

export function listTasks(deps: Pick<Deps, 'approvals' | 'clock'>) {
  return async (caller: Identity | undefined, query: TaskQuery = {}) => {
    const identity = requireIdentity(caller);
    const court = query.court ?? identity.court;
    if (court !== identity.court) throw forbidden(`${identity.userId}：${REFUSAL_LABELS['other-court']}`);
    const scope = query.scope ?? 'mine';
    if (scope === 'court') {
      const refusal = actionRefusal(identity, 'read-court-tasks', court);
      if (refusal) throw forbidden(`${identity.userId}：${REFUSAL_LABELS[refusal]}（查看全院待办）`);
    }
    const limit = query.limit ?? DEFAULT_PAGE;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const pending = [...(await deps.approvals.listPending({ court }))].sort((a, b) =>
      sortKey(a).localeCompare(sortKey(b)),
    );
    const matching = pending.filter(
      (a) =>
        (scope === 'court'
          ? mayReadTask(identity, a)
          : a.assignee === identity.userId || (!a.assignee && deciderRefusal(identity, a) === undefined)) &&
        (!query.caseId || a.caseId === query.caseId) &&
        (!query.step || a.step === query.step) &&
        (!query.team || a.team === query.team) &&
        (!query.assignee || a.assignee === query.assignee) &&
        (!query.dueBefore || a.dueAt < query.dueBefore) &&
        (!after || sortKey(a) > after),
    );
    const page = matching.slice(0, limit);
    const last = page.at(-1);
    const now = deps.clock.now();
    return {
      items: page.map((a) => taskView(a, now)),
      ...(matching.length > limit && last ? { nextCursor: encodeCursor(sortKey(last)) } : {}),
    };
  };
}

export function getTask(deps: Pick<Deps, 'approvals' | 'cases' | 'clock'>) {
  return async (caller: Identity | undefined, approvalId: string) => {
    const identity = requireIdentity(caller);
    const approval = await deps.approvals.get(approvalId);
    // Another court's task is not there for this caller.
    if (!approval || approval.court !== identity.court) throw approvalNotFound();
    if (!mayReadTask(identity, approval) && approval.requester !== identity.userId)
      throw forbidden(`${identity.userId}：${REFUSAL_LABELS['not-permitted']}（查看该审批事项）`);
    const state = await deps.cases.load(approval.caseId);
    if (!state) throw caseNotFound();
    return { task: taskView(approval, deps.clock.now()), case: caseSummaryView(state) };
  };
}

/** The approval, pending and in time, or the error that says why not. */
async function openApproval(deps: Pick<Deps, 'approvals'>, approvalId: string): Promise<Approval> {
  const approval = await deps.approvals.get(approvalId);
  if (!approval) throw approvalNotFound();
  return approval;
}

function requirePending(approval: Approval, status = approval.status): void {
  if (status === 'timed-out') throw gone(`审批事项 ${approval.approvalId} 已超时并已上报`);
  if (status !== 'pending') throw conflict(`审批事项 ${approval.approvalId} 已作出决定`);
}

function staffActor(identity: Identity, approval: Approval) {
  const role = identity.roles.includes(approval.requiredRole) ? approval.requiredRole : identity.roles[0];
  return { kind: 'staff' as const, id: identity.userId, ...(role ? { role } : {}) };
}

/** Takes a task: from now on only the caller may decide it. Claiming one's own task again changes nothing. */
export function claimTask(deps: Pick<Deps, 'approvals' | 'cases' | 'clock'>) {
  return async (caller: Identity | undefined, approvalId: string) => {
    const approval = await openApproval(deps, approvalId);
    const refusal = deciderRefusal(caller, approval);
    if (refusal || !caller) throw refusalError(refusal, approval, caller?.userId ?? '');
    requirePending(approval);
    const { state } = await mutateCase(
      deps,
      approval.caseId,
      staffActor(caller, approval),
      approvalCause(approval),
      (s) => {
        const held = s.approvals[approvalId];
        if (!held) throw notFound(`案件中没有审批事项 ${approvalId}`);
        requirePending(approval, held.status);
        if (held.assignee === caller.userId) return { events: [], result: undefined };
        if (held.assignee) throw conflict(`审批事项 ${approvalId} 已由他人认领`);
        return { events: [{ type: 'approval-claimed', approvalId, by: caller.userId }], result: undefined };
      },
    );
    await deps.approvals.setAssignee(approvalId, state.approvals[approvalId]?.assignee);
    return taskView({ ...approval, assignee: caller.userId }, deps.clock.now());
  };
}

/** Gives a claimed task back to every eligible decider. Only its holder may. */
export function unclaimTask(deps: Pick<Deps, 'approvals' | 'cases' | 'clock'>) {
  return async (caller: Identity | undefined, approvalId: string) => {
    const identity = requireIdentity(caller);
    const approval = await openApproval(deps, approvalId);
    if (approval.court !== identity.court) throw approvalNotFound();
    requirePending(approval);
    const { state } = await mutateCase(
      deps,
      approval.caseId,
      staffActor(identity, approval),
      approvalCause(approval),
      (s) => {
        const held = s.approvals[approvalId];
        if (!held) throw notFound(`案件中没有审批事项 ${approvalId}`);
        requirePending(approval, held.status);
        if (held.assignee !== identity.userId) throw conflict(`审批事项 ${approvalId} 不在 ${identity.userId} 名下`);
        return { events: [{ type: 'approval-released', approvalId, by: identity.userId }], result: undefined };
      },
    );
    await deps.approvals.setAssignee(approvalId, state.approvals[approvalId]?.assignee);
    const { assignee: _released, ...rest } = approval;
    return taskView(rest, deps.clock.now());
  };
}

function identityOf(member: StaffMember | undefined): Identity | undefined {
  return member?.active ? { userId: member.userId, roles: member.roles, court: member.court } : undefined;
}

export interface AssignCommand {
  readonly approvalId: string;
  readonly to: string;
  readonly reason?: string;
  /** Set by a bulk reassignment: the same value on every commit it writes. */
  readonly batch?: string;
}

/** A team lead (or the bureau chief) gives a task to an eligible decider of the court. */
export function assignTask(deps: Pick<Deps, 'approvals' | 'cases' | 'clock' | 'staff'>) {
  return async (caller: Identity | undefined, command: AssignCommand) => {
    const identity = requireIdentity(caller);
    const approval = await openApproval(deps, command.approvalId);
    const refusal = actionRefusal(identity, 'assign-tasks', approval.court);
    if (refusal) throw forbidden(`${identity.userId}：${REFUSAL_LABELS[refusal]}（指派审批事项）`);
    requirePending(approval);
    const target = identityOf(await deps.staff.member(command.to));
    const targetRefusal = deciderRefusal(target, approval);
    if (targetRefusal) throw invalid(`to：不能指派给该人员（${REFUSAL_LABELS[targetRefusal]}）`);
    const { state } = await mutateCase(
      deps,
      approval.caseId,
      { kind: 'staff', id: identity.userId, ...(identity.roles[0] ? { role: identity.roles[0] } : {}) },
      { ...approvalCause(approval), ...(command.batch ? { batch: command.batch } : {}) },
      (s) => {
        const held = s.approvals[command.approvalId];
        if (!held) throw notFound(`案件中没有审批事项 ${command.approvalId}`);
        requirePending(approval, held.status);
        if (held.assignee === command.to) return { events: [], result: undefined };
        return {
          events: [
            {
              type: 'approval-assigned',
              approvalId: command.approvalId,
              to: command.to,
              ...(held.assignee ? { from: held.assignee } : {}),
              ...(command.reason ? { reason: command.reason } : {}),
            },
          ],
          result: undefined,
        };
      },
    );
    await deps.approvals.setAssignee(command.approvalId, state.approvals[command.approvalId]?.assignee);
    return taskView({ ...approval, assignee: command.to }, deps.clock.now());
  };
}

export interface ReassignCommand {
  /** The officer whose open tasks move (who may have left, and be inactive in the directory). */
  readonly from: string;
  readonly to: string;
  readonly reason?: string;
}

/**
 * Moves every open task held by `from` to `to`, each as its own assignment with its own journal event. A task
 * `to` may not decide is left where it is and reported, with the reason; the others still move.
 */
export function reassignTasks(deps: Pick<Deps, 'approvals' | 'cases' | 'clock' | 'staff'>) {
  const assign = assignTask(deps);
  return async (caller: Identity | undefined, command: ReassignCommand) => {
    const identity = requireIdentity(caller);
    const refusal = actionRefusal(identity, 'assign-tasks', identity.court);
    if (refusal) throw forbidden(`${identity.userId}：${REFUSAL_LABELS[refusal]}（批量转办）`);
    if (command.from === command.to) throw invalid('转出人与接收人相同');
    const held = (await deps.approvals.listPending({ court: identity.court })).filter(
      (a) => a.assignee === command.from,
    );
    const batch = `reassign:${command.from}->${command.to}@${deps.clock.now()}`;
    const moved: TaskView[] = [];
    const skipped: { approvalId: string; status: number; reason: string }[] = [];
    for (const approval of held.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))) {
      try {
        moved.push(
          await assign(identity, {
            approvalId: approval.approvalId,
            to: command.to,
            reason: command.reason ?? `${command.from} 的待办批量转办`,
            batch,
          }),
        );
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (typeof status !== 'number') throw error;
        skipped.push({ approvalId: approval.approvalId, status, reason: (error as Error).message });
      }
    }
    return { from: command.from, to: command.to, moved, skipped };
  };
}
