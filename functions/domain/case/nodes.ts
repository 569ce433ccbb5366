/** Time nodes: a deadline from the rule table and the legal calendar, held on the case. */
import type { LegalCalendar, Period } from '../calendar/legal-calendar.ts';
import { chinaDateOf, endOfChinaDay, type Instant, isBefore } from '../calendar/local-date.ts';
import type { CaseEvent } from './events.ts';
import type { EnforcementCase, NodeId, TimeNode } from './model.ts';

export function timeNode(
  node: NodeId,
  ruleId: string,
  period: Period,
  start: Instant,
  calendar: LegalCalendar,
): TimeNode {
  const startedOn = chinaDateOf(start);
  const end = calendar.periodEnd(startedOn, period);
  return {
    node,
    ruleId,
    startedOn,
    dueDate: end.date,
    dueAt: endOfChinaDay(end.date),
    unconfirmedYears: end.unconfirmedYears,
    status: 'open',
  };
}

/** Marks a node met (once); a node met after its due time keeps that fact visible through `metAt`. */
export function meetNode(state: EnforcementCase, node: NodeId, at: Instant): CaseEvent[] {
  const current = state.nodes[node];
  if (!current || current.status === 'met') return [];
  return [{ type: 'node-met', node, at }];
}

export function isLate(node: TimeNode): boolean {
  return node.metAt !== undefined && isBefore(node.dueAt, node.metAt);
}

/** Open nodes whose due time has passed. */
export function overdueNodes(state: EnforcementCase, now: Instant): TimeNode[] {
  return Object.values(state.nodes).filter((n) => n.status === 'open' && isBefore(n.dueAt, now));
}
