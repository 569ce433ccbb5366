/**
 * What each route does: one use case each. The API function serves all but the decision, which the settle
 * function serves (it alone may resume an execution).
 */

import type * as z from 'zod';
import type {
  ClosureBody,
  FinishMatterBody,
  InterviewBody,
  MatterQuery,
  NotImpoundedBody,
  ReceiveMatterBody,
  SettlementBody,
  TaskQuery,
} from '#contracts/api.ts';
import type {
  ObjectionBody,
  PartyChangeChallengeBody,
  PartyChangeFinalBody,
  PartyChangeRulingBody,
  PreservationQuery,
  RulingBody,
} from '#contracts/carryover.ts';
import type { DecisionBody } from '#contracts/decisions.ts';
import type { CaptureBody, CheckInBody, IncidentBody, SiteRecordBody } from '#contracts/field.ts';
import type { Phase } from '#domain/case/model.ts';
import type { CaseStatus } from '#domain/case/status.ts';
import type { Role } from '#domain/staff/roles.ts';
import { raiseLimitationObjection, ruleOnLimitationObjection } from '#use-cases/application-limit.ts';
import { boardApprovals, boardCases, boardNodes, boardWorkload, casesByPhase, lookupCases } from '#use-cases/board.ts';
import {
  caseDocumentPdf,
  caseJournal,
  caseTimeline,
  getCase,
  listCaseDocuments,
  listCases,
  verifyCase,
} from '#use-cases/case-reads.ts';
import { recordInterview, recordNotImpounded, requestClosure } from '#use-cases/closure.ts';
import { orderEarlyRelease, recordConduct } from '#use-cases/coercion.ts';
import type { Deps } from '#use-cases/context.ts';
import { issueAfterStaffAct } from '#use-cases/documents.ts';
import { invalid, UseCaseError, unauthenticated } from '#use-cases/errors.ts';
import {
  type CheckOutCommand,
  checkInTrip,
  checkOutTrip,
  fieldBoard,
  fieldLocations,
  fieldWork,
  myTrip,
  recordSiteRecord,
  recordTripPosition,
  reportIncident,
} from '#use-cases/field.ts';
import { requestListingRemoval } from '#use-cases/listing-removal.ts';
import { decideWithMeasures } from '#use-cases/measures.ts';
import { challengePartyChange, rulePartyChange, settlePartyChange } from '#use-cases/party-changes.ts';
import { listPreservations } from '#use-cases/preservations.ts';
import {
  alertOverdueEntrustedMatters,
  assignEntrustedMatter,
  entrustmentCounts,
  finishEntrustedMatter,
  listEntrustedMatters,
  type ReceiveCommand,
  receiveEntrustedMatter,
  startEntrustedMatter,
} from '#use-cases/received-matters.ts';
import { applyForResumption, recordSettlement } from '#use-cases/settlement.ts';
import { assignTask, claimTask, getTask, listTasks, reassignTasks, unclaimTask } from '#use-cases/tasks.ts';
import type { FUNCTION_USES } from '../steps/manifest.ts';
import { disputeApiHandlers, disputeHandlers } from './distribution-routes.ts';
import { type EvidenceRouteOptions, evidenceRoutes, type RouteHandler } from './evidence-routes.ts';
import { measureReadHandlers, measureWriteHandlers } from './measure-handlers.ts';
import { objectionHandlers } from './objection-handlers.ts';
import { Answer, type Handlers, type OperationHandler } from './router.ts';
import type { OperationId } from './routes.ts';

/**
 * What settle's routes need, a subset of what it declares: deciding, and the staff actions that start or wake an
 * execution (a closure asked for, a settlement recorded, the applicant's interview, conduct, early release), and the
 * applicant's application to resume after a breached settlement (it asks the filing system for a resumed case).
 */
export const DECISION_USES = [
  // The documents of the acts served here (withDocuments).
  'issuing',
  'clock',
  'rules',
  'calendar',
  'cases',
  'approvals',
  'engine',
  'staff',
  'requests',
  'payments',
  'filing',
  'partners',
  'alerts',
] as const;

/** The evidence routes' handlers (functions/api/evidence-routes.ts) as operations of the route table. */
const EVIDENCE_OPERATIONS: Partial<Record<OperationId, readonly ['GET' | 'POST', string]>> = {
  issueEvidenceUpload: ['POST', '/cases/{caseId}/evidence/uploads'],
  completeEvidenceUpload: ['POST', '/cases/{caseId}/evidence/uploads/{evidenceId}/complete'],
  listEvidence: ['GET', '/cases/{caseId}/evidence'],
  issueEvidenceLink: ['POST', '/cases/{caseId}/evidence/{evidenceId}/links'],
  setEvidenceLegalHold: ['POST', '/cases/{caseId}/evidence/legal-hold'],
  verifyEvidence: ['GET', '/cases/{caseId}/evidence/verification'],
};

function mounted(handle: RouteHandler): OperationHandler {
  return async ({ identity, params, query, body }) => {
    if (!identity) throw unauthenticated('未登录或身份无法核验');
    const answered = await handle(
      { params, query: query as Record<string, string | undefined>, body },
      { userId: identity.userId },
    );
    if (answered.status >= 400) {
      const { code, message } = answered.body as { code?: string; message?: string };
      throw new UseCaseError(code ?? 'refused', answered.status, message ?? '请求未被受理');
    }
    return answered.status === 200 ? answered.body : new Answer(answered.status, answered.body);
  };
}

export function evidenceHandlers(
  deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'staff' | 'evidence'>,
  options: EvidenceRouteOptions,
): Handlers {
  const routes = evidenceRoutes(deps, options);
  const handlers: Handlers = {};
  for (const [operationId, [method, path]] of Object.entries(EVIDENCE_OPERATIONS) as [
    OperationId,
    readonly ['GET' | 'POST', string],
  ][]) {
    const found = routes.find((r) => r.method === method && r.path === path);
    if (!found) throw new Error(`evidence-routes.ts has no ${method} ${path}`);
    handlers[operationId] = mounted(found.handle);
  }
  return handlers;
}

export interface ApiOptions {
  /**
   * The OpenAPI document served on GET /openapi.json: on AWS the file beside the bundle (./openapi-file.ts), in the
   * embedded runtime the one generated from the route table (./openapi.ts), never bundled into the function.
   */
  readonly openApi: () => Promise<unknown>;
}

/** The routes the records-api function serves (./records-api.ts): the case file. */
export function recordsApiHandlers(
  deps: Pick<Deps, (typeof FUNCTION_USES)['records-api'][number]>,
  options: EvidenceRouteOptions,
): Handlers {
  const documents = listCaseDocuments(deps);
  const documentPdf = caseDocumentPdf(deps);
  const journal = caseJournal(deps);
  const verify = verifyCase(deps);
  const lines = caseTimeline(deps);
  return {
    ...evidenceHandlers(deps, options),
    listCaseDocuments: ({ identity, params }) => documents(identity, params.caseId ?? ''),
    getCaseDocumentPdf: ({ identity, params }) => documentPdf(identity, params.caseId ?? '', params.docId ?? ''),
    getCaseJournal: ({ identity, params }) => journal(identity, params.caseId ?? ''),
    verifyCase: ({ identity, params }) => verify(identity, params.caseId ?? ''),
    getCaseTimeline: ({ identity, params }) => lines(identity, params.caseId ?? ''),
  };
}

/** The routes the api function serves: every route of target `api` but records-api's (./records-api.ts). */
export function apiHandlers(deps: Pick<Deps, (typeof FUNCTION_USES.api)[number]>, options: ApiOptions): Handlers {
  const tasks = listTasks(deps);
  const task = getTask(deps);
  const claim = claimTask(deps);
  const unclaim = unclaimTask(deps);
  const assign = assignTask(deps);
  const reassign = reassignTasks(deps);
  const cases = listCases(deps);
  const oneCase = getCase(deps);
  const nodes = boardNodes(deps);
  const waiting = boardApprovals(deps);
  const perPhase = boardCases(deps);
  const workload = boardWorkload(deps);
  const lookup = lookupCases(deps);
  const byPhase = casesByPhase(deps);
  const receive = receiveEntrustedMatter(deps);
  const received = listEntrustedMatters(deps);
  const assignMatter = assignEntrustedMatter(deps);
  const finishMatter = finishEntrustedMatter(deps);
  const startMatter = startEntrustedMatter(deps);
  const overdue = alertOverdueEntrustedMatters(deps);
  const counts = entrustmentCounts(deps);
  const notImpounded = recordNotImpounded(deps);
  return {
    // G2 (终本规定 第四条第二项): recorded on the case only; nothing waits on it.
    recordNotImpounded: ({ identity, params, body }) =>
      notImpounded(identity, { caseId: params.caseId ?? '', ...(body as z.infer<typeof NotImpoundedBody>) }),
    ...fieldHandlers(deps),
    ...disputeApiHandlers(deps),
    ...carryoverHandlers(deps),
    listBoardNodes: ({ identity, query }) => nodes(identity, query as unknown as Parameters<typeof nodes>[1]),
    listBoardApprovals: ({ identity, query }) =>
      waiting(identity, query as { role?: Role; limit?: number; cursor?: string }),
    getBoardCases: ({ identity }) => perPhase(identity),
    getBoardWorkload: ({ identity }) => workload(identity),
    lookupCases: ({ identity, query }) => lookup(identity, query as { caseNumber?: string; partyId?: string }),
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
    listCases: ({ identity, query }) => {
      const q = query as { status?: CaseStatus; phase?: Phase; team?: string; limit?: number; cursor?: string };
      if (q.phase) {
        if (q.status || q.team) throw invalid('phase 不能与 status、team 同用');
        return byPhase(identity, {
          phase: q.phase,
          ...(q.limit ? { limit: q.limit } : {}),
          ...(q.cursor ? { cursor: q.cursor } : {}),
        });
      }
      if (q.cursor) throw invalid('cursor 只用于按阶段查询');
      return cases(identity, q);
    },
    ...measureReadHandlers(deps),
    getCase: ({ identity, params }) => oneCase(identity, params.caseId ?? ''),
    receiveMatter: ({ identity, body }) =>
      receive(identity, body as z.infer<typeof ReceiveMatterBody> as ReceiveCommand),
    listReceivedMatters: ({ identity, query }) =>
      received(identity, query as z.infer<typeof MatterQuery> as Parameters<typeof received>[1]),
    assignReceivedMatter: ({ identity, params, body }) =>
      assignMatter(identity, { matterId: params.matterId ?? '', ...(body as { to: string }) }),
    startReceivedMatter: ({ identity, params }) => startMatter(identity, { matterId: params.matterId ?? '' }),
    finishReceivedMatter: ({ identity, params, body }) =>
      finishMatter(identity, { matterId: params.matterId ?? '', ...(body as z.infer<typeof FinishMatterBody>) }),
    checkOverdueMatters: ({ identity }) => overdue(identity),
    entrustmentCounts: ({ identity, query }) =>
      counts(identity, query as { from: string; to: string } as Parameters<typeof counts>[1]),
    getOpenApi: () => options.openApi(),
  };
}

/** The field routes (issue 17): the officer's phone and the command center's view of the field. */
function carryoverHandlers(deps: Pick<Deps, (typeof FUNCTION_USES.api)[number]>): Handlers {
  const preservations = listPreservations(deps);
  const raise = raiseLimitationObjection(deps);
  const challengeChange = challengePartyChange(deps);
  return {
    listPreservations: ({ identity, query }) =>
      preservations(identity, query as z.infer<typeof PreservationQuery> as Parameters<typeof preservations>[1]),
    raiseLimitationObjection: ({ identity, params, body }) =>
      raise(identity, { caseId: params.caseId ?? '', ...(body as z.infer<typeof ObjectionBody>) }),
    challengePartyChange: ({ identity, params, body }) =>
      challengeChange(identity, {
        caseId: params.caseId ?? '',
        applicationId: params.applicationId ?? '',
        ...(body as z.infer<typeof PartyChangeChallengeBody>),
      }),
  };
}

function fieldHandlers(deps: Pick<Deps, (typeof FUNCTION_USES.api)[number]>): Handlers {
  const work = fieldWork(deps);
  const mine = myTrip(deps);
  const out = checkOutTrip(deps);
  const back = checkInTrip(deps);
  const capture = recordTripPosition(deps);
  const incident = reportIncident(deps);
  const siteRecord = recordSiteRecord(deps);
  const board = fieldBoard(deps);
  const locations = fieldLocations(deps);
  return {
    getFieldWork: ({ identity }) => work(identity),
    getMyTrip: ({ identity }) => mine(identity),
    checkOut: async ({ identity, body }) => new Answer(201, await out(identity, body as CheckOutCommand)),
    checkIn: ({ identity, params, body }) =>
      back(identity, params.tripId ?? '', (body as z.infer<typeof CheckInBody>).position),
    recordTripPosition: ({ identity, params, body }) =>
      capture(identity, params.tripId ?? '', body as z.infer<typeof CaptureBody>),
    reportIncident: ({ identity, body }) => incident(identity, body as z.infer<typeof IncidentBody>),
    recordSiteRecord: ({ identity, params, body }) =>
      siteRecord(identity, params.caseId ?? '', body as z.infer<typeof SiteRecordBody>),
    getFieldBoard: ({ identity }) => board(identity),
    readFieldLocations: ({ identity }) => locations(identity),
  };
}

export function decisionHandlers(deps: Pick<Deps, (typeof DECISION_USES)[number]>): Handlers {
  const decide = decideWithMeasures(deps);
  const close = requestClosure(deps);
  const interview = recordInterview(deps);
  const settle = recordSettlement(deps);
  const conduct = recordConduct(deps);
  const release = orderEarlyRelease(deps);
  const resume = applyForResumption(deps);
  const removeListing = requestListingRemoval(deps);
  const settleChange = settlePartyChange(deps);
  const ruleChange = rulePartyChange(deps);
  const ruleLimitation = ruleOnLimitationObjection(deps);
  return withDocuments(deps, {
    // Served by settle: the ruling (upheld: 不予执行) is issued with the act.
    ruleOnLimitationObjection: ({ identity, params, body }) =>
      ruleLimitation(identity, {
        caseId: params.caseId ?? '',
        objectionId: params.objectionId ?? '',
        ...(body as z.infer<typeof RulingBody>),
      }),
    // Served by settle: the ruling is issued with the act (its template names the ground and the challenge).
    rulePartyChange: ({ identity, params, body }) =>
      ruleChange(identity, {
        caseId: params.caseId ?? '',
        applicationId: params.applicationId ?? '',
        ...(body as z.infer<typeof PartyChangeRulingBody>),
      }),
    ...disputeHandlers(deps),
    ...objectionHandlers(deps),
    ...measureWriteHandlers(deps),
    // Served by settle: a joined respondent's service and investigation runs are started here.
    settlePartyChange: ({ identity, params, body }) =>
      settleChange(identity, {
        caseId: params.caseId ?? '',
        applicationId: params.applicationId ?? '',
        ...(body as z.infer<typeof PartyChangeFinalBody>),
      }),
    requestClosure: ({ identity, params, body }) =>
      close(identity, { caseId: params.caseId ?? '', ...(body as z.infer<typeof ClosureBody>) }),
    recordInterview: ({ identity, params, body }) =>
      interview(identity, { caseId: params.caseId ?? '', ...(body as z.infer<typeof InterviewBody>) }),
    recordSettlement: ({ identity, params, body }) =>
      settle(identity, { caseId: params.caseId ?? '', ...(body as z.infer<typeof SettlementBody>) }),
    recordConduct: ({ identity, params, body }) => {
      if (!identity) throw unauthenticated('未登录或身份无法核验');
      const b = body as { kind: string; respondentId?: string; note?: string };
      return conduct({ caseId: params.caseId ?? '', userId: identity.userId, ...b });
    },
    applyForResumption: ({ identity, params, body }) => {
      if (!identity) throw unauthenticated('未登录或身份无法核验');
      const note = (body as { note?: string } | undefined)?.note;
      return resume({ caseId: params.caseId ?? '', userId: identity.userId, ...(note ? { note } : {}) });
    },
    requestListingRemoval: ({ identity, params, body }) => {
      if (!identity) throw unauthenticated('未登录或身份无法核验');
      const note = (body as { note?: string } | undefined)?.note;
      return removeListing({ caseId: params.caseId ?? '', userId: identity.userId, ...(note ? { note } : {}) });
    },
    orderEarlyRelease: ({ identity, params, body }) => {
      if (!identity) throw unauthenticated('未登录或身份无法核验');
      return release({
        caseId: params.caseId ?? '',
        userId: identity.userId,
        reason: (body as { reason: string }).reason,
      });
    },
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
  });
}

/** The staff acts served by settle that the law makes in writing: their documents are issued with the act. */
const ISSUING_OPERATIONS: readonly OperationId[] = [
  'ruleOnObjection',
  'ruleSuspension',
  'orderReversal',
  'serveDistribution',
  'rulePartyChange',
  'ruleOnLimitationObjection',
  'orderEarlyRelease',
  'liftExitBan',
  'recordRewardDeposit',
];

/** Wraps the issuing operations: the act, then its documents (issueAfterStaffAct: a failure is told, not thrown). */
function withDocuments(deps: Pick<Deps, (typeof DECISION_USES)[number]>, handlers: Handlers): Handlers {
  const wrapped: Handlers = { ...handlers };
  for (const operation of ISSUING_OPERATIONS) {
    const handler = handlers[operation];
    if (!handler) continue;
    wrapped[operation] = async (input) => {
      const result = await handler(input);
      await issueAfterStaffAct(deps, input.params.caseId ?? '');
      return result;
    };
  }
  return wrapped;
}
