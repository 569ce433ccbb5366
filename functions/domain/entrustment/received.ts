/**
 * Matters other courts entrust to this court (H1, the receiving direction): recorded when they arrive, due H1's
 * period later by the legal calendar, assigned to an officer, then completed or reported back. A received matter is
 * not a case of this court: it is its own small record with a time node and a history of who did what.
 * Pure: `now` is a parameter.
 */
import type { LegalCalendar } from '../calendar/legal-calendar.ts';
import {
  chinaDateOf,
  compareDates,
  type Instant,
  isBefore,
  type LocalDate,
  startOfChinaDay,
} from '../calendar/local-date.ts';
import type { Court, TimeNode } from '../case/model.ts';
import { isLate, timeNode } from '../case/nodes.ts';
import type { Rules } from '../rules/table.ts';

/** What a court may entrust (H1's list): freeze, renew, release, deduct; seal, renew, release, transfer; investigate; custody. */
export const MATTER_KINDS = [
  'freeze',
  'renew-freeze',
  'unfreeze',
  'deduct',
  'freeze-equity',
  'seal',
  'renew-seal',
  'release-seal',
  'transfer',
  'investigate',
  'custody',
] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];

export const MATTER_KIND_LABELS: Readonly<Record<MatterKind, string>> = {
  freeze: '冻结存款',
  'renew-freeze': '续行冻结',
  unfreeze: '解除冻结',
  deduct: '扣划存款',
  'freeze-equity': '冻结股权',
  seal: '查封财产',
  'renew-seal': '续行查封',
  'release-seal': '解除查封',
  transfer: '办理过户',
  investigate: '调查财产',
  custody: '拘传被执行人',
};

export type MatterOutcome = 'completed' | 'reported-back';

export interface MatterAction {
  readonly at: Instant;
  readonly by: string;
  readonly action: 'received' | 'assigned' | 'started' | MatterOutcome | 'overdue-alerted' | 'start-overdue-alerted';
  readonly note?: string;
}

export interface ReceivedMatter {
  readonly matterId: string;
  /** This court, which received the matter. */
  readonly court: string;
  readonly fromCourt: Court;
  readonly fromCaseNumber: string;
  readonly kind: MatterKind;
  /** The asset or party the matter concerns, as the requesting court names it (an id or register number, never a person's name). */
  readonly reference: string;
  readonly receivedOn: LocalDate;
  /** H1's deadline, a time node like a case's: open, met (completed or reported back) or overdue. */
  readonly node: TimeNode;
  /**
   * H1 (民诉法 第二百四十条): started within 15 days of arrival; met when the officer records the start or the matter is
   * finished. Absent on matters recorded before this node existed.
   */
  readonly startNode?: TimeNode;
  /** Started after the 15 days (the requesting court may ask this court's superior court to order it). */
  readonly startedLate?: boolean;
  readonly status: 'open' | MatterOutcome;
  readonly assignee?: string;
  readonly result?: string;
  readonly finishedAt?: Instant;
  /** Finished after the due date (H1 missed). */
  readonly late?: boolean;
  readonly overdueAlertedAt?: Instant;
  readonly history: readonly MatterAction[];
  /** Optimistic lock of the store. */
  readonly version: number;
}

export interface MatterReceipt {
  readonly matterId: string;
  readonly court: string;
  readonly fromCourt: Court;
  readonly fromCaseNumber: string;
  readonly kind: MatterKind;
  readonly reference: string;
  /** The day the matter arrived (China date); defaults to today. */
  readonly receivedOn?: LocalDate;
  readonly assignee?: string;
}

/** H1's deadline for a matter received on `receivedOn`: the rule table's period by the legal calendar. */
export function receivedMatterNode(
  matterId: string,
  receivedOn: LocalDate,
  rules: Pick<Rules, 'H1'>,
  calendar: LegalCalendar,
): TimeNode {
  return timeNode(`received:${matterId}`, rules.H1.id, rules.H1.period, startOfChinaDay(receivedOn), calendar);
}

/** H1's start: within `startWithin` (15 days) of the arrival, by the legal calendar. */
export function receivedStartNode(
  matterId: string,
  receivedOn: LocalDate,
  rules: Pick<Rules, 'H1'>,
  calendar: LegalCalendar,
): TimeNode {
  return timeNode(
    `received-start:${matterId}`,
    rules.H1.id,
    rules.H1.startWithin,
    startOfChinaDay(receivedOn),
    calendar,
  );
}

export function receiveMatter(
  receipt: MatterReceipt,
  by: string,
  now: Instant,
  rules: Pick<Rules, 'H1'>,
  calendar: LegalCalendar,
): ReceivedMatter {
  const receivedOn = receipt.receivedOn ?? chinaDateOf(now);
  if (compareDates(receivedOn, chinaDateOf(now)) > 0) throw new MatterStateError('收案日期不能晚于今天');
  const { receivedOn: _r, assignee, ...rest } = receipt;
  const history: MatterAction[] = [{ at: now, by, action: 'received' }];
  if (assignee) history.push({ at: now, by, action: 'assigned', note: assignee });
  return {
    ...rest,
    receivedOn,
    node: receivedMatterNode(receipt.matterId, receivedOn, rules, calendar),
    startNode: receivedStartNode(receipt.matterId, receivedOn, rules, calendar),
    status: 'open',
    ...(assignee ? { assignee } : {}),
    history,
    version: 0,
  };
}

export class MatterStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MatterStateError';
  }
}

/** Assigns (or reassigns) an open matter; undefined when it is already so. */
export function assignMatter(matter: ReceivedMatter, to: string, by: string, now: Instant): ReceivedMatter | undefined {
  if (matter.status !== 'open') throw new MatterStateError(`委托事项已${OUTCOME_LABELS[matter.status]}，不能再分配`);
  if (matter.assignee === to) return undefined;
  return { ...matter, assignee: to, history: [...matter.history, { at: now, by, action: 'assigned', note: to }] };
}

export const OUTCOME_LABELS: Readonly<Record<MatterOutcome, string>> = {
  completed: '办结',
  'reported-back': '函复',
};

/**
 * Completes the matter or reports back to the requesting court, with the result; after the due date it is
 * recorded as late. The same outcome again is no change (undefined); another outcome is refused.
 */
export function finishMatter(
  matter: ReceivedMatter,
  outcome: MatterOutcome,
  result: string,
  by: string,
  now: Instant,
): ReceivedMatter | undefined {
  if (matter.status === outcome) return undefined;
  if (matter.status !== 'open') throw new MatterStateError(`委托事项已${OUTCOME_LABELS[matter.status]}`);
  const node: TimeNode = { ...matter.node, status: 'met', metAt: now };
  // Finished is started: a start not recorded before is met now (late if after the 15 days).
  const started = matter.startNode?.status === 'met' ? matter : (startMatter(matter, by, now, false) ?? matter);
  return {
    ...started,
    status: outcome,
    result,
    finishedAt: now,
    late: isLate(node),
    node,
    history: [...started.history, { at: now, by, action: outcome, note: result }],
  };
}

/**
 * Records that this court started on an open matter (H1: within 15 days of its arrival); after that it is recorded
 * as started late. Undefined when already started, or for a matter recorded before the start node existed.
 */
export function startMatter(
  matter: ReceivedMatter,
  by: string,
  now: Instant,
  record = true,
): ReceivedMatter | undefined {
  if (matter.status !== 'open') throw new MatterStateError(`委托事项已${OUTCOME_LABELS[matter.status]}`);
  if (!matter.startNode || matter.startNode.status === 'met') return undefined;
  const startNode: TimeNode = { ...matter.startNode, status: 'met', metAt: now };
  return {
    ...matter,
    startNode,
    startedLate: isLate(startNode),
    history: record ? [...matter.history, { at: now, by, action: 'started' }] : matter.history,
  };
}

/** Open and past H1's due time. */
export function isOverdue(matter: ReceivedMatter, now: Instant): boolean {
  return matter.status === 'open' && isBefore(matter.node.dueAt, now);
}

/** Marks an overdue matter (once): its node overdue, the alert recorded; undefined when there is nothing to do. */
export function markOverdue(matter: ReceivedMatter, now: Instant): ReceivedMatter | undefined {
  if (!isOverdue(matter, now) || matter.overdueAlertedAt) return undefined;
  return {
    ...matter,
    node: { ...matter.node, status: 'overdue' },
    overdueAlertedAt: now,
    history: [...matter.history, { at: now, by: 'system', action: 'overdue-alerted' }],
  };
}

/** Open, its start (H1's 15 days) not recorded and past due. Matters recorded before the start node have none. */
export function isStartOverdue(matter: ReceivedMatter, now: Instant): boolean {
  return matter.status === 'open' && matter.startNode?.status === 'open' && isBefore(matter.startNode.dueAt, now);
}

/**
 * Marks a matter whose start is overdue (once: its start node becomes overdue, which is the mark); undefined when
 * there is nothing to do. Starting later still meets the node (recorded as started late).
 */
export function markStartOverdue(matter: ReceivedMatter, now: Instant): ReceivedMatter | undefined {
  if (!isStartOverdue(matter, now) || !matter.startNode) return undefined;
  return {
    ...matter,
    startNode: { ...matter.startNode, status: 'overdue' },
    history: [...matter.history, { at: now, by: 'system', action: 'start-overdue-alerted' }],
  };
}

export interface EntrustmentCounts {
  readonly court: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** Matters this court's cases sent to other courts in the period. */
  readonly sent: number;
  /** Matters other courts entrusted to this court, received in the period ... */
  readonly received: number;
  /** ... of which finished (completed or reported back) by H1's due date, after it, or not yet. */
  readonly receivedOnTime: number;
  readonly receivedLate: number;
  readonly receivedOpen: number;
  /** Open and already past the due date. */
  readonly receivedOverdue: number;
}

/** Both directions of H1 for one court and period (inclusive China dates). */
export function countEntrustments(
  court: string,
  period: { readonly from: LocalDate; readonly to: LocalDate },
  sentOn: readonly LocalDate[],
  received: readonly ReceivedMatter[],
  now: Instant,
): EntrustmentCounts {
  const within = (date: LocalDate) => compareDates(period.from, date) <= 0 && compareDates(date, period.to) <= 0;
  const mine = received.filter((m) => m.court === court && within(m.receivedOn));
  const finished = mine.filter((m) => m.status !== 'open');
  return {
    court,
    from: period.from,
    to: period.to,
    sent: sentOn.filter(within).length,
    received: mine.length,
    receivedOnTime: finished.filter((m) => !m.late).length,
    receivedLate: finished.filter((m) => m.late).length,
    receivedOpen: mine.length - finished.length,
    receivedOverdue: mine.filter((m) => isOverdue(m, now)).length,
  };
}
