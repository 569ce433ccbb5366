/**
 * The command-center board and lookups: overdue and soon-due nodes by court, team or officer; pending approvals
 * by role, the longest waiting first; cases per phase and status; workload per officer and team; cases by case
 * number or party id. Each is a query of an index designed for it (functions/adapters/dynamodb/tables.ts), so
 * its cost grows with the answer, not with the number of cases. Reads only; authorization through the role table.
 */
import { actionRefusal, decidingRoles, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import type { Phase } from '#domain/case/model.ts';
import { nodeLabel } from '#domain/case/node-labels.ts';
import { daysAfter, nodeLight } from '#domain/case/node-watch.ts';
import { CASE_STATUSES } from '#domain/case/status.ts';
import type { Identity, Role } from '#domain/staff/roles.ts';
import { caseSummary, InvalidCursorError, type NodeEntry } from '#ports/case-repository.ts';
import type { Deps } from './context.ts';
import { forbidden, invalid, unauthenticated } from './errors.ts';
import { courtNames, named } from './names.ts';
import { taskView } from './tasks.ts';

export const PHASES: readonly Phase[] = ['service', 'investigation', 'disbursement', 'coercion'];
/** "Due soon" when nothing else is asked: within this many days. */
export const DEFAULT_SOON_DAYS = 7;

function allowed(caller: Identity | undefined, action: 'read-board' | 'read-cases', what: string): Identity {
  if (!caller) throw unauthenticated('未登录或身份无法核验');
  const refusal = actionRefusal(caller, action, caller.court);
  if (refusal) throw forbidden(`${caller.userId}：${REFUSAL_LABELS[refusal]}（${what}）`);
  return caller;
}

async function paged<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidCursorError) throw invalid('cursor 无效');
    throw error;
  }
}

export interface NodeQuery {
  readonly state: 'overdue' | 'due-soon';
  readonly team?: string;
  readonly officer?: string;
  readonly withinDays?: number;
  readonly limit?: number;
  readonly cursor?: string;
}

export function boardNodes(deps: Pick<Deps, 'queries' | 'clock' | 'rules' | 'calendar' | 'staff'>) {
  return async (caller: Identity | undefined, query: NodeQuery) => {
    const identity = allowed(caller, 'read-board', '查看节点监控');
    const now = deps.clock.now();
    const page = await paged(() =>
      deps.queries.nodes({
        court: identity.court,
        ...(query.team ? { team: query.team } : {}),
        ...(query.officer ? { officer: query.officer } : {}),
        ...(query.state === 'overdue'
          ? { before: now }
          : { from: now, before: daysAfter(now, query.withinDays ?? DEFAULT_SOON_DAYS) }),
        limit: query.limit ?? 50,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      }),
    );
    const names = await courtNames(deps.staff, identity.court);
    return {
      items: page.items.map((entry: NodeEntry) => ({
        ...named(entry, names),
        label: nodeLabel(entry.node.node),
        light: nodeLight(entry.node, now, deps.rules, deps.calendar),
      })),
      ...(page.cursor ? { nextCursor: page.cursor } : {}),
    };
  };
}

export function boardApprovals(deps: Pick<Deps, 'approvals' | 'clock'>) {
  return async (caller: Identity | undefined, query: { role?: Role; limit?: number; cursor?: string }) => {
    const identity = allowed(caller, 'read-board', '查看待审批事项');
    const limit = query.limit ?? 20;
    const now = deps.clock.now();
    if (query.role) {
      const page = await paged(() =>
        deps.approvals.listPendingByRole({
          court: identity.court,
          role: query.role as Role,
          limit,
          ...(query.cursor ? { cursor: query.cursor } : {}),
        }),
      );
      return {
        items: page.items.map((a) => taskView(a, now)),
        ...(page.cursor ? { nextCursor: page.cursor } : {}),
      };
    }
    if (query.cursor) throw invalid('cursor 须与 role 同用');
    // Every deciding role's longest waiting, merged: at most `limit` read per role.
    const pages = await Promise.all(
      decidingRoles().map((role) => deps.approvals.listPendingByRole({ court: identity.court, role, limit })),
    );
    const items = pages
      .flatMap((p) => p.items)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.approvalId.localeCompare(b.approvalId))
      .slice(0, limit);
    return { items: items.map((a) => taskView(a, now)) };
  };
}

/** Statuses a case can be counted in while it is not closed. */
const OPEN_STATUSES = CASE_STATUSES.filter((s) => s !== 'closed');

export function boardCases(deps: Pick<Deps, 'queries'>) {
  return async (caller: Identity | undefined) => {
    const identity = allowed(caller, 'read-board', '查看案件分布');
    const [phases, statuses] = await Promise.all([
      Promise.all(PHASES.map((phase) => deps.queries.countCases({ court: identity.court, phase }))),
      Promise.all(OPEN_STATUSES.map((status) => deps.queries.countCases({ court: identity.court, status }))),
    ]);
    return {
      court: identity.court,
      phases: PHASES.map((phase, i) => ({ phase, count: phases[i] ?? 0 })),
      statuses: OPEN_STATUSES.map((status, i) => ({ status, count: statuses[i] ?? 0 })),
    };
  };
}

export function boardWorkload(deps: Pick<Deps, 'queries' | 'staff'>) {
  return async (caller: Identity | undefined) => {
    const identity = allowed(caller, 'read-board', '查看工作量');
    const [members, teams] = await Promise.all([deps.staff.members(identity.court), deps.staff.teams(identity.court)]);
    const officers = members.filter((m) => m.roles.includes('handling-officer'));
    const counts = await deps.queries.openCaseCounts(officers.map((m) => m.userId));
    const byTeam = new Map<string, number>();
    for (const officer of officers)
      if (officer.team) byTeam.set(officer.team, (byTeam.get(officer.team) ?? 0) + (counts[officer.userId] ?? 0));
    return {
      court: identity.court,
      officers: officers.map((m) => ({
        userId: m.userId,
        name: m.name,
        ...(m.team ? { team: m.team } : {}),
        openCases: counts[m.userId] ?? 0,
      })),
      teams: teams.map((t) => ({ teamId: t.teamId, name: t.name, openCases: byTeam.get(t.teamId) ?? 0 })),
    };
  };
}

/** A party's cases (at most this many): each is loaded for its current summary. */
export const MAX_PARTY_CASES = 50;

export function lookupCases(deps: Pick<Deps, 'queries' | 'cases'>) {
  return async (caller: Identity | undefined, query: { caseNumber?: string; partyId?: string }) => {
    const identity = allowed(caller, 'read-cases', '查询案件');
    if (!query.caseNumber === !query.partyId) throw invalid('须且只能给出 caseNumber 或 partyId 之一');
    if (query.caseNumber) {
      const found = await deps.queries.findByCaseNumber(query.caseNumber);
      // Another court's cases are not there for this caller.
      return { items: found.filter((c) => c.court === identity.court) };
    }
    // The index is per court: another court's cases are neither read nor counted against the limit.
    const refs = await deps.queries.findByParty(identity.court, query.partyId ?? '', MAX_PARTY_CASES);
    const states = await Promise.all(refs.map((r) => deps.cases.load(r.caseId)));
    return { items: states.filter((s) => s !== undefined).map(caseSummary) };
  };
}

/** Unclosed cases of one phase, by filing time (GET /cases?phase=). */
export function casesByPhase(deps: Pick<Deps, 'queries'>) {
  return async (caller: Identity | undefined, query: { phase: Phase; limit?: number; cursor?: string }) => {
    const identity = allowed(caller, 'read-cases', '查阅案件');
    const page = await paged(() =>
      deps.queries.listByPhase({
        court: identity.court,
        phase: query.phase,
        limit: query.limit ?? 50,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      }),
    );
    return {
      items: page.items,
      truncated: page.cursor !== undefined,
      ...(page.cursor ? { nextCursor: page.cursor } : {}),
    };
  };
}
