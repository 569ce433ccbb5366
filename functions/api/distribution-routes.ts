/**
 * The staff API's routes for the disputes inside enforcement (issue 14), as rows of the route table
 * (./routes.ts spreads them in) and their handlers. Settle serves the acts that withdraw a waiting disbursement
 * (SendTask*), start a stopped phase again, pay from the case account or ask the filing system; the API function
 * the acts that only write the case journal, and the reads.
 */
import type * as z from 'zod';
import { CaseParams } from '#contracts/api.ts';
import {
  DisputeQuery,
  DisputeResult,
  DistributionApplyBody,
  DistributionJudgmentBody,
  DistributionObjectionBody,
  DistributionOppositionBody,
  DistributionPlanBody,
  EmptyBody,
  PendingDisputes,
  ReversalBody,
  SuspensionBody,
  SuspensionLiftBody,
  SuspensionRulingBody,
} from '#contracts/distribution.ts';
import type { Deps } from '#use-cases/context.ts';
import {
  advanceDistributionAsStaff,
  applyToShare,
  objectToDistribution,
  opposeObjection,
  planDistribution,
  recordDistributionJudgment,
  recordDistributionSuit,
  serveDistribution,
} from '#use-cases/distribution.ts';
import { caseDisputes, pendingDisputes } from '#use-cases/distribution-reads.ts';
import { orderReversal } from '#use-cases/reversal.ts';
import {
  callGuarantee,
  liftSuspension,
  type ProposeCommand,
  proposeSuspension,
  ruleSuspension,
} from '#use-cases/suspension.ts';
import type { Handlers } from './router.ts';

const ERRORS = [400, 401, 403, 404, 409] as const;
const THROTTLE = { rate: 2, burst: 5 } as const;

const act = <const Id extends string, const Path extends string, const Target extends 'api' | 'settle'>(
  operationId: Id,
  path: Path,
  summary: string,
  body: z.core.$ZodType,
  target: Target,
) =>
  ({
    operationId,
    method: 'POST',
    path,
    summary: target === 'settle' ? `${summary}. Served by settle` : summary,
    tag: 'cases',
    target,
    authenticated: true,
    params: CaseParams,
    body,
    response: DisputeResult,
    errors: ERRORS,
    throttle: THROTTLE,
  }) as const;

export const DISPUTE_ROUTES = [
  act(
    'applyToShare',
    '/cases/{caseId}/distribution/applications',
    'Record a creditor’s application to share the respondent’s money (参与分配, DIST-APPLY): before it is paid out; a disbursement waiting for approval is withdrawn',
    DistributionApplyBody,
    'settle',
  ),
  act(
    'planDistribution',
    '/cases/{caseId}/distribution/plan',
    'Make the distribution plan (DIST-ORDER): costs, priority claims, then pro rata in whole fen',
    DistributionPlanBody,
    'api',
  ),
  act(
    'serveDistribution',
    '/cases/{caseId}/distribution/serve',
    'The bureau chief signs the plan (not its maker); served on all, the 15-day objection window opens; the plan (财产分配方案) is issued numbered and signed',
    EmptyBody,
    'settle',
  ),
  act(
    'objectToDistribution',
    '/cases/{caseId}/distribution/objection',
    'Record a written objection to the plan within its window (DIST-OBJECTION); the opposition window opens',
    DistributionObjectionBody,
    'api',
  ),
  act(
    'opposeObjection',
    '/cases/{caseId}/distribution/opposition',
    'Record an opposition to the objection within its window (DIST-OPPOSITION); the suit window opens',
    DistributionOppositionBody,
    'api',
  ),
  act(
    'recordDistributionSuit',
    '/cases/{caseId}/distribution/suit',
    'The objector sued in time: the disputed money is held, the undisputed shares are paid',
    EmptyBody,
    'settle',
  ),
  act(
    'recordDistributionJudgment',
    '/cases/{caseId}/distribution/judgment',
    'The judgment of the suit: the held money follows the plan it upheld',
    DistributionJudgmentBody,
    'settle',
  ),
  act(
    'advanceDistribution',
    '/cases/{caseId}/distribution/advance',
    'Act on a window that ended unused: pay the plan as made, or as the objection revised it; pay what is unpaid',
    EmptyBody,
    'settle',
  ),
  act(
    'proposeSuspension',
    '/cases/{caseId}/suspension',
    'Propose a suspension (中止执行, SUSPENSION) or a deferral on a guarantee the applicant agreed to (暂缓执行, DEFERRAL)',
    SuspensionBody,
    'api',
  ),
  act(
    'ruleSuspension',
    '/cases/{caseId}/suspension/ruling',
    'The bureau chief rules on the proposal (never its proposer): in force, the running phases stop; on a ground of C6 第十条第一款第五项 (审判监督, bankruptcy) a listing without a term is removed',
    SuspensionRulingBody,
    'settle',
  ),
  act(
    'liftSuspension',
    '/cases/{caseId}/suspension/lift',
    'Resume enforcement: the A1 term and the stopped work’s deadlines move on by the days stopped (TERM-EXCLUDED); every stopped phase starts again',
    SuspensionLiftBody,
    'settle',
  ),
  act(
    'callGuarantee',
    '/cases/{caseId}/suspension/guarantee',
    'The deferral ended unperformed: enforcement resumes against the guarantee, within the guarantee period (GUARANTEE)',
    EmptyBody,
    'settle',
  ),
  act(
    'orderReversal',
    '/cases/{caseId}/reversal',
    'The bureau chief orders a reversal (执行回转, REVERSAL): the filing system files it as a new case naming this one',
    ReversalBody,
    'settle',
  ),
  {
    operationId: 'getCaseDisputes',
    method: 'GET',
    path: '/cases/{caseId}/disputes',
    summary:
      "The case's disputes: distribution (creditors, plan, windows, paid and held), suspension or deferral, reversal, and the court's other cases against the same respondent",
    tag: 'cases',
    target: 'api',
    authenticated: true,
    params: CaseParams,
    response: DisputeResult,
    errors: [401, 403, 404],
  },
  {
    operationId: 'listPendingDisputes',
    method: 'GET',
    path: '/board/disputes',
    summary: 'The command center: dispute windows and terms due within withinDays (7 by default) or overdue',
    tag: 'board',
    target: 'api',
    authenticated: true,
    query: DisputeQuery,
    response: PendingDisputes,
    errors: [400, 401, 403],
  },
] as const;

/** The acts that wake or start a workflow, pay, or ask the filing system: served by settle. */
export function disputeHandlers(
  deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'approvals' | 'engine' | 'payments' | 'filing'>,
): Handlers {
  const apply = applyToShare(deps);
  const suit = recordDistributionSuit(deps);
  const judgment = recordDistributionJudgment(deps);
  const advance = advanceDistributionAsStaff(deps);
  const lift = liftSuspension(deps);
  const rule = ruleSuspension(deps);
  const guarantee = callGuarantee(deps);
  const reversal = orderReversal(deps);
  const serve = serveDistribution(deps);
  return {
    serveDistribution: ({ identity, params }) => serve(identity, { caseId: caseId(params) }),
    applyToShare: ({ identity, params, body }) =>
      apply(identity, { caseId: caseId(params), ...(body as z.infer<typeof DistributionApplyBody>) }),
    recordDistributionSuit: ({ identity, params }) => suit(identity, { caseId: caseId(params) }),
    recordDistributionJudgment: ({ identity, params, body }) =>
      judgment(identity, { caseId: caseId(params), ...(body as z.infer<typeof DistributionJudgmentBody>) }),
    advanceDistribution: ({ identity, params }) => advance(identity, { caseId: caseId(params) }),
    ruleSuspension: ({ identity, params, body }) =>
      rule(identity, { caseId: caseId(params), ...(body as z.infer<typeof SuspensionRulingBody>) }),
    liftSuspension: ({ identity, params, body }) =>
      lift(identity, { caseId: caseId(params), ...(body as z.infer<typeof SuspensionLiftBody>) }),
    callGuarantee: ({ identity, params }) => guarantee(identity, { caseId: caseId(params) }),
    orderReversal: ({ identity, params, body }) =>
      reversal(identity, { caseId: caseId(params), ...(body as z.infer<typeof ReversalBody>) }),
  };
}

const caseId = (params: Readonly<Record<string, string>>) => params.caseId ?? '';

/** The acts that only write the case journal, and the reads: served by the API function. */
export function disputeApiHandlers(deps: Pick<Deps, 'cases' | 'queries' | 'clock' | 'rules' | 'calendar'>): Handlers {
  const read = caseDisputes(deps);
  const pending = pendingDisputes(deps);
  const plan = planDistribution(deps);
  const object = objectToDistribution(deps);
  const oppose = opposeObjection(deps);
  const propose = proposeSuspension(deps);
  return {
    getCaseDisputes: ({ identity, params }) => read(identity, caseId(params)),
    listPendingDisputes: ({ identity, query }) => pending(identity, query as z.infer<typeof DisputeQuery>),
    planDistribution: ({ identity, params, body }) =>
      plan(identity, { caseId: caseId(params), ...(body as z.infer<typeof DistributionPlanBody>) }),
    objectToDistribution: ({ identity, params, body }) =>
      object(identity, { caseId: caseId(params), ...(body as z.infer<typeof DistributionObjectionBody>) }),
    opposeObjection: ({ identity, params, body }) =>
      oppose(identity, { caseId: caseId(params), ...(body as z.infer<typeof DistributionOppositionBody>) }),
    proposeSuspension: ({ identity, params, body }) =>
      propose(identity, { caseId: caseId(params), ...(body as z.infer<typeof SuspensionBody>) } as ProposeCommand),
  };
}
