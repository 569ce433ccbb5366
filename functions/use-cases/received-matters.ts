/**
 * Matters other courts entrust to this court (H1, the receiving direction), and both directions counted. Staff
 * record a matter as it arrives, assign it, record that they started on it, complete it or report back; the command center hears of the open ones
 * past H1's due date. Court scoped like every staff action; the refusals are the role table's (authority.ts).
 */
import { type Action, actionRefusal, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import { chinaDateOf, type LocalDate } from '#domain/calendar/local-date.ts';
import { CASE_STATUSES } from '#domain/case/status.ts';
import {
  assignMatter,
  countEntrustments,
  finishMatter,
  MATTER_KIND_LABELS,
  type MatterKind,
  type MatterOutcome,
  MatterStateError,
  markOverdue,
  markStartOverdue,
  OUTCOME_LABELS,
  type ReceivedMatter,
  receiveMatter,
  startMatter,
} from '#domain/entrustment/received.ts';
import { receivedMatterIdFor } from '#domain/ids.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { ReceivedMatterConflictError } from '#ports/received-matters.ts';
import { MAX_CASES } from './case-reads.ts';
import type { Deps } from './context.ts';
import { conflict, forbidden, invalid, notFound, unauthenticated } from './errors.ts';

const ACTION_LABELS: Partial<Record<Action, string>> = {
  'handle-entrustments': '办理受托事项',
  'assign-tasks': '分配受托事项',
  'read-cases': '查阅委托事项',
};

function allowed(caller: Identity | undefined, action: Action): Identity {
  if (!caller) throw unauthenticated('未登录或身份无法核验');
  const refusal = actionRefusal(caller, action, caller.court);
  if (refusal) throw forbidden(`${caller.userId}：${REFUSAL_LABELS[refusal]}（${ACTION_LABELS[action] ?? action}）`);
  return caller;
}

async function courtMatter(deps: Pick<Deps, 'received'>, identity: Identity, matterId: string) {
  const matter = await deps.received.get(matterId);
  // Another court's matter is as good as none to this caller.
  if (!matter || matter.court !== identity.court) throw notFound('没有该受托事项');
  return matter;
}

async function sameCourtMember(deps: Pick<Deps, 'staff'>, identity: Identity, userId: string) {
  const member = await deps.staff.member(userId);
  if (!member?.active || member.court !== identity.court) throw invalid('to：指派对象不是本院在职人员');
}

/** Load, change (pure), write at the next version; on a concurrent write, once more on the fresh matter. */
async function changeMatter(
  deps: Pick<Deps, 'received'>,
  identity: Identity,
  matterId: string,
  change: (matter: ReceivedMatter) => ReceivedMatter | undefined,
): Promise<ReceivedMatter> {
  for (let attempt = 0; ; attempt++) {
    const matter = await courtMatter(deps, identity, matterId);
    let next: ReceivedMatter | undefined;
    try {
      next = change(matter);
    } catch (error) {
      if (error instanceof MatterStateError) throw conflict(error.message);
      throw error;
    }
    if (!next) return matter;
    const saved = { ...next, version: matter.version + 1 };
    try {
      await deps.received.save(saved);
      return saved;
    } catch (error) {
      if (!(error instanceof ReceivedMatterConflictError) || attempt >= 3) throw error;
    }
  }
}

export interface ReceiveCommand {
  readonly fromCourt: { readonly code: string; readonly name: string };
  readonly fromCaseNumber: string;
  readonly kind: MatterKind;
  readonly reference: string;
  readonly receivedOn?: LocalDate;
  readonly assignee?: string;
}

/** Records a matter another court entrusted; the same entrustment recorded twice is the first one. */
export function receiveEntrustedMatter(deps: Pick<Deps, 'clock' | 'rules' | 'calendar' | 'received' | 'staff'>) {
  return async (caller: Identity | undefined, command: ReceiveCommand) => {
    const identity = allowed(caller, 'handle-entrustments');
    if (command.fromCourt.code.trim().toUpperCase() === identity.court.toUpperCase())
      throw invalid('委托法院不能是本院');
    if (command.assignee) await sameCourtMember(deps, identity, command.assignee);
    const matterId = receivedMatterIdFor(
      command.fromCourt.code,
      command.fromCaseNumber,
      command.kind,
      command.reference,
    );
    const existing = await deps.received.get(matterId);
    if (existing) return { matter: existing, created: false };
    let matter: ReceivedMatter;
    try {
      matter = receiveMatter(
        { ...command, matterId, court: identity.court },
        identity.userId,
        deps.clock.now(),
        deps.rules,
        deps.calendar,
      );
    } catch (error) {
      if (error instanceof MatterStateError) throw invalid(error.message);
      throw error;
    }
    const created = await deps.received.create(matter);
    return { matter: (await deps.received.get(matterId)) ?? matter, created };
  };
}

export function assignEntrustedMatter(deps: Pick<Deps, 'clock' | 'received' | 'staff'>) {
  return async (caller: Identity | undefined, command: { readonly matterId: string; readonly to: string }) => {
    const identity = allowed(caller, 'assign-tasks');
    await sameCourtMember(deps, identity, command.to);
    return changeMatter(deps, identity, command.matterId, (m) =>
      assignMatter(m, command.to, identity.userId, deps.clock.now()),
    );
  };
}

/**
 * Records that this court started on the matter (H1: within 15 days of its arrival, else started late). Starting
 * again is no change; a finished matter cannot be started.
 */
export function startEntrustedMatter(deps: Pick<Deps, 'clock' | 'received'>) {
  return async (caller: Identity | undefined, command: { readonly matterId: string }) => {
    const identity = allowed(caller, 'handle-entrustments');
    return changeMatter(deps, identity, command.matterId, (m) => {
      if (m.status !== 'open') throw new MatterStateError(`委托事项已${OUTCOME_LABELS[m.status]}，不能再登记开始办理`);
      return startMatter(m, identity.userId, deps.clock.now());
    });
  };
}

/** Completes the matter or reports back, with the result; after H1's due date it is recorded as late. */
export function finishEntrustedMatter(deps: Pick<Deps, 'clock' | 'received'>) {
  return async (
    caller: Identity | undefined,
    command: { readonly matterId: string; readonly outcome: MatterOutcome; readonly result: string },
  ) => {
    const identity = allowed(caller, 'handle-entrustments');
    return changeMatter(deps, identity, command.matterId, (m) =>
      finishMatter(m, command.outcome, command.result, identity.userId, deps.clock.now()),
    );
  };
}

/** The court's received matters, by the date received. A read: writes nothing. */
export function listEntrustedMatters(deps: Pick<Deps, 'received'>) {
  return async (
    caller: Identity | undefined,
    query: { readonly from?: LocalDate; readonly to?: LocalDate; readonly status?: ReceivedMatter['status'] } = {},
  ) => {
    const identity = allowed(caller, 'read-cases');
    const matters = await deps.received.listByCourt(identity.court, query);
    return { items: matters.filter((m) => !query.status || m.status === query.status) };
  };
}

/** Tells the command center of the court's overdue matters (once each), asked for by staff. */
export function alertOverdueEntrustedMatters(deps: Pick<Deps, 'clock' | 'received' | 'alerts'>) {
  return async (caller: Identity | undefined) => {
    const identity = allowed(caller, 'handle-entrustments');
    return { alerted: await alertOverdue(deps, identity.court) };
  };
}

/**
 * The sweeper's share of H1 for received matters: every court's overdue matters told to the command center, once
 * each, without anyone asking. Runs with the node sweep (every few minutes on AWS; with the embedded runtime's due
 * work locally).
 */
export function sweepOverdueMatters(deps: Pick<Deps, 'clock' | 'received' | 'alerts' | 'staff'>) {
  return async (): Promise<readonly string[]> => {
    const alerted: string[] = [];
    for (const court of await deps.staff.courts()) alerted.push(...(await alertOverdue(deps, court)));
    return alerted;
  };
}

async function alertOverdue(deps: Pick<Deps, 'clock' | 'received' | 'alerts'>, court: string): Promise<string[]> {
  const now = deps.clock.now();
  const system: Identity = { userId: 'system', roles: [], court };
  const alerted: string[] = [];
  for (const matter of await deps.received.listOpen(court)) {
    if (markStartOverdue(matter, now)) {
      // The same order as below: told first, marked after.
      await deps.alerts.alert({
        kind: 'received-matter-start-overdue',
        caseId: matter.matterId,
        court: matter.court,
        at: now,
        message: `${matter.fromCourt.name}${matter.fromCaseNumber}委托的${MATTER_KIND_LABELS[matter.kind]}事项逾期未开始办理：开始期限${matter.startNode?.dueDate}（H1，收到后十五日内），尚未登记开始办理`,
      });
      await changeMatter(deps, system, matter.matterId, (m) => markStartOverdue(m, now));
      alerted.push(matter.matterId);
    }
    if (!markOverdue(matter, now)) continue;
    // Told first, marked after: a retry may tell twice, but an overdue matter is never marked and left untold.
    await deps.alerts.alert({
      kind: 'received-matter-overdue',
      caseId: matter.matterId,
      court: matter.court,
      at: now,
      message: `${matter.fromCourt.name}${matter.fromCaseNumber}委托的${MATTER_KIND_LABELS[matter.kind]}事项逾期：期限${matter.node.dueDate}（H1），尚未办结或函复`,
    });
    await changeMatter(deps, system, matter.matterId, (m) => markOverdue(m, now));
    if (!alerted.includes(matter.matterId)) alerted.push(matter.matterId);
  }
  return alerted;
}

/**
 * Both directions of H1 for the caller's court and a period: matters this court's cases sent (entrustments on the
 * cases) and matters received (finished on time, late, open). A read.
 */
export function entrustmentCounts(deps: Pick<Deps, 'clock' | 'cases' | 'queries' | 'received'>) {
  return async (caller: Identity | undefined, period: { readonly from: LocalDate; readonly to: LocalDate }) => {
    const identity = allowed(caller, 'read-cases');
    if (period.from > period.to) throw invalid('起始日期晚于截止日期');
    const sentOn: LocalDate[] = [];
    for (const status of CASE_STATUSES) {
      for (const summary of await deps.queries.list({ court: identity.court, status, limit: MAX_CASES })) {
        const state = await deps.cases.load(summary.caseId);
        for (const matter of Object.values(state?.entrustments ?? {})) sentOn.push(chinaDateOf(matter.sentAt));
      }
    }
    const received = await deps.received.listByCourt(identity.court, period);
    return countEntrustments(identity.court, period, sentOn, received, deps.clock.now());
  };
}
