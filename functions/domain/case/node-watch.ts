/**
 * Watching time nodes while nothing else happens on a case: the warning a few working days before a node falls
 * due (P-NODE-WARNING), the overdue mark and its escalation task (the overdue-node ladder: team lead, then bureau
 * chief), and the request to extend a term in its last days (A2). Generic over node kinds: anything with a due
 * date on `state.nodes` is watched, whatever phase set it.
 *
 * Pure: what is due at `now`, and the next instant anything will be (the key of the sweep index), so that a
 * sweeper reads only the cases with something to do.
 */
import { type LegalCalendar, workingDaysBefore } from '../calendar/legal-calendar.ts';
import { type Instant, isBefore, plusDays, plusSeconds, startOfChinaDay } from '../calendar/local-date.ts';
import { pausedBySuspension } from '../disputes/suspension-resume.ts';
import type { Rules } from '../rules/table.ts';
import type { EnforcementCase, TimeNode } from './model.ts';
import { termPaused } from './term-exclusions.ts';

export type NodeAction =
  | { readonly kind: 'warn'; readonly node: TimeNode }
  | { readonly kind: 'overdue'; readonly node: TimeNode }
  | { readonly kind: 'escalate'; readonly node: TimeNode }
  | { readonly kind: 'request-extension'; readonly node: TimeNode }
  /** A party's window (`TimeNode.window`) has passed: what the party did not do decides (../disputes/). */
  | { readonly kind: 'lapse'; readonly node: TimeNode };

/** When the warning goes out: the start of the day P-NODE-WARNING's working days before the due date. */
export function warningAt(node: TimeNode, rules: Rules, calendar: LegalCalendar): Instant {
  return startOfChinaDay(workingDaysBefore(calendar, node.dueDate, rules.P_NODE_WARNING.warnBefore.days));
}

/** The first instant after the due time: from then on the node is overdue. */
export function overdueFrom(node: TimeNode): Instant {
  return new Date(Date.parse(node.dueAt) + 1).toISOString();
}

/** A term whose rule A2 says may be extended. */
export function isExtendable(node: TimeNode, rules: Rules): boolean {
  return (rules.A2.extends as readonly string[]).includes(node.ruleId);
}

/** A2: the window opens at the start of the first of the term's last `requestWindow` days (the due date included). */
export function extensionWindowOpens(node: TimeNode, rules: Rules): Instant {
  return startOfChinaDay(plusDays(node.dueDate, -(rules.A2.requestWindow.days - 1)));
}

/**
 * A closed case has no deadlines left to keep but one: the removal of a listing (C6), which outlives the closure (a
 * term ends years after 终本). Its warning alone is watched there: it brings the case to the sweeper, which has the
 * listing removed (use-cases/node-watch.ts); the removal run marks the node met or overdue itself.
 */
function watchedMilestones(
  state: EnforcementCase,
  rules: Rules,
  calendar: LegalCalendar,
): { node: TimeNode; at: Instant; action: NodeAction }[] {
  const closed = state.status === 'closed';
  // A1, TERM-EXCLUDED: while a period not counted in the enforcement term runs, its node is neither warned about
  // nor overdue; the period's end moves it on (case/term-exclusions.ts, disputes/suspension.ts).
  const paused = termPaused(state, rules);
  return Object.values(state.nodes).flatMap((node) =>
    milestones(node, rules, calendar)
      .filter(({ action }) => !closed || (node.node === 'listing-removal' && action.kind === 'warn'))
      .filter(() => !(paused && node.node === 'enforcement-term' && node.status === 'open'))
      .filter(() => !waitsOnSuspension(state, node))
      .map((m) => ({ node, ...m })),
  );
}

/**
 * When a node's warning goes out: P-NODE-WARNING's working days before it falls due, but for a listing's removal
 * not before the day after the node starts (a termed listing's node starts on the term's last day, 第十条第二款):
 * the warning is what brings the case to the sweeper once the removal is due.
 */
function warnAt(node: TimeNode, rules: Rules, calendar: LegalCalendar): Instant {
  const warn = warningAt(node, rules, calendar);
  if (node.node !== 'listing-removal') return warn;
  const dayAfterStart = startOfChinaDay(plusDays(node.startedOn, 1));
  return isBefore(warn, dayAfterStart) ? dayAfterStart : warn;
}

/** Every instant at which something will be due for this node, done or not. */
function milestones(node: TimeNode, rules: Rules, calendar: LegalCalendar): { at: Instant; action: NodeAction }[] {
  if (node.status === 'met') return [];
  if (node.window) return node.status === 'open' ? [{ at: overdueFrom(node), action: { kind: 'lapse', node } }] : [];
  const out: { at: Instant; action: NodeAction }[] = [];
  if (node.status === 'open' && !node.warnedAt) {
    const warn = warnAt(node, rules, calendar);
    if (isBefore(warn, node.dueAt)) out.push({ at: warn, action: { kind: 'warn', node } });
  }
  if (node.status === 'open') out.push({ at: overdueFrom(node), action: { kind: 'overdue', node } });
  if (!node.escalation) out.push({ at: overdueFrom(node), action: { kind: 'escalate', node } });
  if (isExtendable(node, rules) && !node.extension)
    out.push({ at: extensionWindowOpens(node, rules), action: { kind: 'request-extension', node } });
  return out;
}

/**
 * What is due at `now`. A warning whose node is already past due is not sent (the overdue mark says more); every
 * other milestone at or before `now` is an action, so that after they are recorded the next sweep time is later.
 */
export function dueNodeActions(
  state: EnforcementCase,
  now: Instant,
  rules: Rules,
  calendar: LegalCalendar,
): NodeAction[] {
  const actions: NodeAction[] = [];
  for (const { node, at, action } of watchedMilestones(state, rules, calendar)) {
    if (isBefore(now, at)) continue;
    if (action.kind === 'warn' && isBefore(node.dueAt, now)) continue;
    actions.push(action);
  }
  return actions;
}

/**
 * The next instant the case has something due, or undefined when nothing ever will (closed, or every node met
 * and every task opened): the sort key of the case in the sweep index, absent from it when undefined.
 */
export function nextSweepAt(state: EnforcementCase, rules: Rules, calendar: LegalCalendar): Instant | undefined {
  let next: Instant | undefined;
  for (const { node, at, action } of watchedMilestones(state, rules, calendar)) {
    // A warning for a node that will be overdue by then is never sent: not a reason to wake.
    if (action.kind === 'warn' && !isBefore(at, node.dueAt)) continue;
    if (!next || isBefore(at, next)) next = at;
  }
  return next;
}

/**
 * While enforcement is suspended, the stopped work's own deadlines wait (disputes/suspension-resume.ts): neither
 * warned about nor overdue, off the board's overdue and due-soon lists, until the lifting moves them on.
 */
export function waitsOnSuspension(state: EnforcementCase, node: TimeNode): boolean {
  return state.suspension?.status === 'in-force' && pausedBySuspension(node);
}

/** Whether a node is in the board's node indexes: unmet, of an unclosed case, and not waiting on a suspension. */
export function nodeOnBoard(state: EnforcementCase, node: TimeNode): boolean {
  return node.status !== 'met' && state.status !== 'closed' && !waitsOnSuspension(state, node);
}

/**
 * Green, due soon (inside the warning period), or overdue: how a node shows on the case page and the board. A node
 * `paused` (waiting on a suspension) shows green: nothing is due from the court until enforcement resumes.
 */
export function nodeLight(
  node: TimeNode,
  now: Instant,
  rules: Rules,
  calendar: LegalCalendar,
  paused = false,
): 'met' | 'green' | 'due-soon' | 'overdue' {
  if (node.status === 'met') return 'met';
  if (paused) return 'green';
  // A party's window: due soon as it runs out, never overdue (its end is not a deadline the court missed).
  if (node.window) return isBefore(now, warningAt(node, rules, calendar)) ? 'green' : 'due-soon';
  if (node.status === 'overdue' || isBefore(node.dueAt, now)) return 'overdue';
  return isBefore(now, warningAt(node, rules, calendar)) ? 'green' : 'due-soon';
}

/** Shifts an instant by whole days (for horizons such as "due within 7 days"). */
export function daysAfter(now: Instant, days: number): Instant {
  return plusSeconds(now, days * 86_400);
}
