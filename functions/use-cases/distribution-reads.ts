/**
 * Reading the disputes: a case's (its distribution, suspension or deferral, reversal, and the court's other cases
 * against the same respondent), and the command center's list of dispute windows and terms about to run out.
 */
import { actionRefusal, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import { chinaDateOf } from '#domain/calendar/local-date.ts';
import { nodeLabel } from '#domain/case/node-labels.ts';
import { daysAfter, nodeLight } from '#domain/case/node-watch.ts';
import { GROUND_LABELS } from '#domain/disputes/suspension.ts';
import type { Identity } from '#domain/staff/roles.ts';
import type { Deps } from './context.ts';
import { distributionView, relatedCases } from './distribution.ts';
import { caseFor } from './distribution-common.ts';
import { forbidden, unauthenticated } from './errors.ts';

const DEFAULT_WITHIN_DAYS = 7;

export function caseDisputes(deps: Pick<Deps, 'cases' | 'queries' | 'clock' | 'rules' | 'calendar'>) {
  const related = relatedCases(deps);
  return async (identity: Identity | undefined, caseId: string) => {
    const { state } = await caseFor(deps, identity, caseId, 'read-cases');
    const now = deps.clock.now();
    const nodes = Object.values(state.nodes)
      .filter((n) => n.node.startsWith('dispute:') && n.status !== 'met')
      .map((n) => ({
        node: n.node,
        label: nodeLabel(n.node),
        dueDate: n.dueDate,
        light: nodeLight(n, now, deps.rules, deps.calendar),
      }));
    const suspension = state.suspension
      ? { ...state.suspension, groundLabel: GROUND_LABELS[state.suspension.ground] ?? state.suspension.ground }
      : undefined;
    return {
      caseId: state.caseId,
      caseNumber: state.caseNumber,
      ...(state.distribution ? { distribution: distributionView(state, chinaDateOf(now)) } : {}),
      ...(suspension ? { suspension } : {}),
      ...(state.reversal ? { reversal: state.reversal } : {}),
      nodes,
      related: (await related(identity, caseId)).cases,
    };
  };
}

/** The court's dispute windows and terms due within `withinDays` (or overdue): the command center's list. */
export function pendingDisputes(deps: Pick<Deps, 'queries' | 'clock' | 'rules' | 'calendar'>) {
  return async (identity: Identity | undefined, query: { readonly withinDays?: number }) => {
    if (!identity) throw unauthenticated('未登录或身份无法核验');
    const refusal = actionRefusal(identity, 'read-board', identity.court);
    if (refusal) throw forbidden(`${identity.userId}：${REFUSAL_LABELS[refusal]}`);
    const now = deps.clock.now();
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await deps.queries.nodes({
        court: identity.court,
        before: daysAfter(now, query.withinDays ?? DEFAULT_WITHIN_DAYS),
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      for (const entry of page.items) {
        if (!entry.node.node.startsWith('dispute:')) continue;
        items.push({
          caseId: entry.caseId,
          caseNumber: entry.caseNumber,
          node: entry.node.node,
          label: nodeLabel(entry.node.node),
          dueDate: entry.node.dueDate,
          light: nodeLight(entry.node, now, deps.rules, deps.calendar),
        });
      }
      cursor = page.cursor;
    } while (cursor && items.length < 200);
    return { items };
  };
}
