/**
 * What each route does: one use case each. The API function serves all but the decision, which the settle
 * function serves (it alone may resume an execution).
 */

import type { z } from 'zod';
import type {
  ClosureBody,
  FinishMatterBody,
  InterviewBody,
  MatterQuery,
  ReceiveMatterBody,
  SettlementBody,
  TaskQuery,
} from '#contracts/api.ts';
import type { DecisionBody } from '#contracts/decisions.ts';
import type { CaseStatus } from '#domain/case/status.ts';
import { decideApproval } from '#use-cases/approvals.ts';
import { caseJournal, getCase, listCases, verifyCase } from '#use-cases/case-reads.ts';
import { recordInterview, requestClosure } from '#use-cases/closure.ts';
import type { Deps } from '#use-cases/context.ts';
import { unauthenticated } from '#use-cases/errors.ts';
import {
  alertOverdueEntrustedMatters,
  assignEntrustedMatter,
  entrustmentCounts,
  finishEntrustedMatter,
  listEntrustedMatters,
  type ReceiveCommand,
  receiveEntrustedMatter,
} from '#use-cases/received-matters.ts';
import { recordSettlement } from '#use-cases/settlement.ts';
import { assignTask, claimTask, getTask, listTasks, reassignTasks, unclaimTask } from '#use-cases/tasks.ts';
import type { FUNCTION_USES } from '../steps/manifest.ts';
import type { Handlers } from './router.ts';

/**
 * What settle's routes need, a subset of what it declares: deciding, and the staff actions that start or wake an
 * execution (a closure asked for, a settlement recorded, the applicant's interview).
 */
export const DECISION_USES = ['clock', 'rules', 'cases', 'approvals', 'engine', 'requests'] as const;

export function apiHandlers(deps: Pick<Deps, (typeof FUNCTION_USES.api)[number]>): Handlers {
  const tasks = listTasks(deps);
  const task = getTask(deps);
  const claim = claimTask(deps);
  const unclaim = unclaimTask(deps);
  const assign = assignTask(deps);
  const reassign = reassignTasks(deps);
  const cases = listCases(deps);
  const oneCase = getCase(deps);
  const journal = caseJournal(deps);
  const verify = verifyCase(deps);
  const receive = receiveEntrustedMatter(deps);
  const received = listEntrustedMatters(deps);
  const assignMatter = assignEntrustedMatter(deps);
  const finishMatter = finishEntrustedMatter(deps);
  const overdue = alertOverdueEntrustedMatters(deps);
  const counts = entrustmentCounts(deps);
  return {
    getMe: async ({ identity }) => {
      if (!identity) throw unauthenticated('未登录或身份无法核验');
      const member = await deps.staff.member(identity.userId);
      return {
        userId: identity.userId,
        name: member?.name ?? identity.userId,
        roles: identity.roles,
        court: identity.court,
      };
    },
    listTasks: ({ identity, query }) => tasks(identity, query as z.infer<typeof TaskQuery>),
    getTask: ({ identity, params }) => task(identity, params.approvalId ?? ''),
    claimTask: ({ identity, params }) => claim(identity, params.approvalId ?? ''),
    unclaimTask: ({ identity, params }) => unclaim(identity, params.approvalId ?? ''),
    assignTask: ({ identity, params, body }) =>
      assign(identity, { approvalId: params.approvalId ?? '', ...(body as { to: string; reason?: string }) }),
    reassignTasks: ({ identity, body }) => reassign(identity, body as { from: string; to: string; reason?: string }),
    listCases: ({ identity, query }) =>
      cases(identity, query as { status?: CaseStatus; team?: string; limit?: number }),
    getCase: ({ identity, params }) => oneCase(identity, params.caseId ?? ''),
    getCaseJournal: ({ identity, params }) => journal(identity, params.caseId ?? ''),
    verifyCase: ({ identity, params }) => verify(identity, params.caseId ?? ''),
    receiveMatter: ({ identity, body }) =>
      receive(identity, body as z.infer<typeof ReceiveMatterBody> as ReceiveCommand),
    listReceivedMatters: ({ identity, query }) =>
      received(identity, query as z.infer<typeof MatterQuery> as Parameters<typeof received>[1]),
    assignReceivedMatter: ({ identity, params, body }) =>
      assignMatter(identity, { matterId: params.matterId ?? '', ...(body as { to: string }) }),
    finishReceivedMatter: ({ identity, params, body }) =>
      finishMatter(identity, { matterId: params.matterId ?? '', ...(body as z.infer<typeof FinishMatterBody>) }),
    checkOverdueMatters: ({ identity }) => overdue(identity),
    entrustmentCounts: ({ identity, query }) =>
      counts(identity, query as { from: string; to: string } as Parameters<typeof counts>[1]),
    // Built on first use: the settle function, which shares this module, never needs it.
    getOpenApi: async () => (await import('./openapi.ts')).OPENAPI_DOCUMENT,
  };
}

export function decisionHandlers(deps: Pick<Deps, (typeof DECISION_USES)[number]>): Handlers {
  const decide = decideApproval(deps);
  const close = requestClosure(deps);
  const interview = recordInterview(deps);
  const settle = recordSettlement(deps);
  return {
    requestClosure: ({ identity, params, body }) =>
      close(identity, { caseId: params.caseId ?? '', ...(body as z.infer<typeof ClosureBody>) }),
    recordInterview: ({ identity, params, body }) =>
      interview(identity, { caseId: params.caseId ?? '', ...(body as z.infer<typeof InterviewBody>) }),
    recordSettlement: ({ identity, params, body }) =>
      settle(identity, { caseId: params.caseId ?? '', ...(body as z.infer<typeof SettlementBody>) }),
    decideTask: ({ identity, params, body }) => {
      const decision = body as DecisionBody;
      return decide({
        approvalId: params.approvalId ?? '',
        identity,
        decision: decision.decision,
        ...(decision.reason ? { reason: decision.reason } : {}),
        ...(decision.data ? { data: decision.data } : {}),
      });
    },
  };
}
