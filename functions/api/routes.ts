/**
 * Every route of the staff API, as data: which function serves it (the API function, `settle` for decisions, or
 * the local server alone), its parameters, body and answer as zod contracts, and its throttle. The Lambda routers,
 * the local server, the CDK app (API Gateway resources, models, validators, integrations) and the OpenAPI document
 * are all built from this one table.
 */
import type { z } from 'zod';
import {
  ApprovalBoardQuery,
  ApprovalParams,
  AssignBody,
  AssignMatterBody,
  CaseBoard,
  CaseJournalResponse,
  CaseListing,
  CaseParams,
  CaseQuery,
  CaseTimeline,
  CaseView,
  ChainCheck,
  ClockAdvanceBody,
  ClockAdvanceResult,
  ClockView,
  ClosureBody,
  ClosureResult,
  ConductBody,
  ConductResult,
  CountsQuery,
  DecisionBody,
  DecisionResult,
  EntrustmentCountsView,
  EvidenceCompleted,
  EvidenceLink,
  EvidenceListing,
  EvidenceParams,
  EvidenceQuery,
  EvidenceUploadIssued,
  EvidenceVerification,
  FinishMatterBody,
  InterviewBody,
  InterviewResult,
  LegalHoldResult,
  LookupQuery,
  LookupResult,
  MatterListing,
  MatterParams,
  MatterQuery,
  Me,
  NodePage,
  NodeQuery,
  OpenApiDocument,
  OverdueCheckResult,
  ReassignBody,
  ReassignResult,
  ReceivedMatterView,
  ReceiveMatterBody,
  ReceiveMatterResult,
  ReleaseBody,
  ReleaseResult,
  SettlementBody,
  SettlementResult,
  SignInBody,
  SignInResult,
  SignOutResult,
  Task,
  TaskDetail,
  TaskPage,
  TaskQuery,
  TokenRequest,
  TokenResponse,
  Workload,
} from '#contracts/api.ts';
import { CompleteBody, LegalHoldBody, LinkBody, UploadBody } from '#contracts/evidence.ts';
import { decodePathSegment } from '#contracts/limits.ts';

/** Who answers a route: the API function, the settle function (the only SendTask* holder), or the local server. */
export type RouteTarget = 'api' | 'settle' | 'local';

export interface Route {
  readonly operationId: string;
  readonly method: 'GET' | 'POST';
  /** OpenAPI path template, as API Gateway resources name it: `/tasks/{approvalId}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: 'tasks' | 'cases' | 'board' | 'entrustments' | 'evidence' | 'identity' | 'local';
  readonly target: RouteTarget;
  /** Needs a verified identity. Only the API description and the local sign-in and token endpoints do not. */
  readonly authenticated: boolean;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** Success statuses when not only 200 (e.g. 201 Created), each answered with `response`. */
  readonly success?: readonly number[];
  /** Statuses other than 200 that this route answers with, each with an error body. */
  readonly errors: readonly number[];
  /** Requests per second and burst on AWS; the stage default otherwise. */
  readonly throttle?: { readonly rate: number; readonly burst: number };
}

const AUTH_ERRORS = [401, 403] as const;

export const ROUTES = [
  {
    operationId: 'getMe',
    method: 'GET',
    path: '/me',
    summary: 'Who the caller is: user id, name, roles and court, as the identity provider vouches for them',
    tag: 'identity',
    target: 'api',
    authenticated: true,
    response: Me,
    errors: [401],
  },
  {
    operationId: 'listTasks',
    method: 'GET',
    path: '/tasks',
    summary:
      'My tasks (pending approvals I may act on), or with scope=court every pending task of my court; filters and pages',
    tag: 'tasks',
    target: 'api',
    authenticated: true,
    query: TaskQuery,
    response: TaskPage,
    errors: [400, ...AUTH_ERRORS],
  },
  {
    operationId: 'getTask',
    method: 'GET',
    path: '/tasks/{approvalId}',
    summary: 'One task with the case summary needed to decide it',
    tag: 'tasks',
    target: 'api',
    authenticated: true,
    params: ApprovalParams,
    response: TaskDetail,
    errors: [400, ...AUTH_ERRORS, 404],
  },
  {
    operationId: 'claimTask',
    method: 'POST',
    path: '/tasks/{approvalId}/claim',
    summary: 'Take a task: from now on only the caller may decide it',
    tag: 'tasks',
    target: 'api',
    authenticated: true,
    params: ApprovalParams,
    response: Task,
    errors: [400, ...AUTH_ERRORS, 404, 409, 410],
  },
  {
    operationId: 'unclaimTask',
    method: 'POST',
    path: '/tasks/{approvalId}/unclaim',
    summary: 'Give a claimed task back to every eligible decider',
    tag: 'tasks',
    target: 'api',
    authenticated: true,
    params: ApprovalParams,
    response: Task,
    errors: [400, ...AUTH_ERRORS, 404, 409, 410],
  },
  {
    operationId: 'assignTask',
    method: 'POST',
    path: '/tasks/{approvalId}/assign',
    summary: 'Assign or reassign a task to an eligible decider (team lead, bureau chief)',
    tag: 'tasks',
    target: 'api',
    authenticated: true,
    params: ApprovalParams,
    body: AssignBody,
    response: Task,
    errors: [400, ...AUTH_ERRORS, 404, 409, 410],
  },
  {
    operationId: 'decideTask',
    method: 'POST',
    path: '/tasks/{approvalId}/decision',
    summary:
      'Approve or reject (with reason and step-specific data); resumes the waiting workflow exactly once. Served by settle',
    tag: 'tasks',
    target: 'settle',
    authenticated: true,
    params: ApprovalParams,
    body: DecisionBody,
    response: DecisionResult,
    errors: [400, ...AUTH_ERRORS, 404, 409, 410],
    throttle: { rate: 10, burst: 20 },
  },
  {
    operationId: 'reassignTasks',
    method: 'POST',
    path: '/reassignments',
    summary: 'Move every open task of an officer (one who leaves) to another, each with its own audit event',
    tag: 'tasks',
    target: 'api',
    authenticated: true,
    body: ReassignBody,
    response: ReassignResult,
    errors: [400, ...AUTH_ERRORS],
    throttle: { rate: 2, burst: 5 },
  },
  {
    operationId: 'listCases',
    method: 'GET',
    path: '/cases',
    summary: "My court's cases, by status and team",
    tag: 'cases',
    target: 'api',
    authenticated: true,
    query: CaseQuery,
    response: CaseListing,
    errors: [400, ...AUTH_ERRORS],
  },
  {
    operationId: 'getCase',
    method: 'GET',
    path: '/cases/{caseId}',
    summary: 'One case: status, time nodes, assets, approvals, account (parties without identity numbers)',
    tag: 'cases',
    target: 'api',
    authenticated: true,
    params: CaseParams,
    response: CaseView,
    errors: [400, ...AUTH_ERRORS, 404],
  },
  {
    operationId: 'getCaseJournal',
    method: 'GET',
    path: '/cases/{caseId}/journal',
    summary: "The case's hash-chained journal: every commit with its actor, time, cause and events",
    tag: 'cases',
    target: 'api',
    authenticated: true,
    params: CaseParams,
    response: CaseJournalResponse,
    errors: [400, ...AUTH_ERRORS, 404],
  },
  {
    operationId: 'getCaseTimeline',
    method: 'GET',
    path: '/cases/{caseId}/timeline',
    summary: "The case's timeline as staff read it: one Chinese line per event, in China time, with staff names",
    tag: 'cases',
    target: 'api',
    authenticated: true,
    params: CaseParams,
    response: CaseTimeline,
    errors: [400, ...AUTH_ERRORS, 404],
  },
  {
    operationId: 'verifyCase',
    method: 'GET',
    path: '/cases/{caseId}/verify',
    summary: "Checks the case's audit chain; reports the first broken link",
    tag: 'cases',
    target: 'api',
    authenticated: true,
    params: CaseParams,
    response: ChainCheck,
    errors: [400, ...AUTH_ERRORS, 404],
  },
  {
    operationId: 'listBoardNodes',
    method: 'GET',
    path: '/board/nodes',
    summary:
      'Command center: overdue or soon-due time nodes of my court, or of one team or officer, by due time (an index query)',
    tag: 'board',
    target: 'api',
    authenticated: true,
    query: NodeQuery,
    response: NodePage,
    errors: [400, ...AUTH_ERRORS],
  },
  {
    operationId: 'listBoardApprovals',
    method: 'GET',
    path: '/board/approvals',
    summary: 'Command center: pending approvals by the role that decides them, the longest waiting first',
    tag: 'board',
    target: 'api',
    authenticated: true,
    query: ApprovalBoardQuery,
    response: TaskPage,
    errors: [400, ...AUTH_ERRORS],
  },
  {
    operationId: 'getBoardCases',
    method: 'GET',
    path: '/board/cases',
    summary: 'Command center: unclosed cases of my court per phase and per status',
    tag: 'board',
    target: 'api',
    authenticated: true,
    response: CaseBoard,
    errors: [...AUTH_ERRORS],
  },
  {
    operationId: 'getBoardWorkload',
    method: 'GET',
    path: '/board/workload',
    summary: 'Command center: open cases per handling officer and per team',
    tag: 'board',
    target: 'api',
    authenticated: true,
    response: Workload,
    errors: [...AUTH_ERRORS],
  },
  {
    operationId: 'lookupCases',
    method: 'GET',
    path: '/lookup',
    summary: 'Cases of my court by case number or by party id (an index lookup, no full-text search)',
    tag: 'cases',
    target: 'api',
    authenticated: true,
    query: LookupQuery,
    response: LookupResult,
    errors: [400, ...AUTH_ERRORS],
  },
  {
    operationId: 'recordConduct',
    method: 'POST',
    path: '/cases/{caseId}/conduct',
    summary:
      "Record what the respondent did (obstruction, hidden assets, ...): the grounds of coercive measures; wakes the phase's watch. Served by settle",
    tag: 'cases',
    target: 'settle',
    authenticated: true,
    params: CaseParams,
    body: ConductBody,
    response: ConductResult,
    errors: [400, ...AUTH_ERRORS, 404],
    throttle: { rate: 5, burst: 10 },
  },
  {
    operationId: 'orderEarlyRelease',
    method: 'POST',
    path: '/cases/{caseId}/early-release',
    summary:
      'The president approves a detainee’s early release on correction with an early-release decision (C2); ends the detention term at once. Served by settle',
    tag: 'cases',
    target: 'settle',
    authenticated: true,
    params: CaseParams,
    body: ReleaseBody,
    response: ReleaseResult,
    errors: [400, ...AUTH_ERRORS, 404],
    throttle: { rate: 2, burst: 5 },
  },
  {
    operationId: 'issueEvidenceUpload',
    method: 'POST',
    path: '/cases/{caseId}/evidence/uploads',
    summary: 'Declare a photo, video, recording or PDF of a step; get its signed upload (or signed parts)',
    tag: 'evidence',
    target: 'api',
    authenticated: true,
    params: CaseParams,
    body: UploadBody,
    response: EvidenceUploadIssued,
    success: [201],
    errors: [400, ...AUTH_ERRORS, 404, 413, 415],
  },
  {
    operationId: 'completeEvidenceUpload',
    method: 'POST',
    path: '/cases/{caseId}/evidence/uploads/{evidenceId}/complete',
    summary:
      'Put a multipart upload together; locally the evidence is then recorded (200), on AWS the bucket event records it (202)',
    tag: 'evidence',
    target: 'api',
    authenticated: true,
    params: EvidenceParams,
    body: CompleteBody,
    response: EvidenceCompleted,
    success: [200, 202],
    errors: [400, ...AUTH_ERRORS, 404, 409, 410],
  },
  {
    operationId: 'listEvidence',
    method: 'GET',
    path: '/cases/{caseId}/evidence',
    summary: "The case's evidence, optionally of one step (recorded, pending, or expired unrecorded); writes nothing",
    tag: 'evidence',
    target: 'api',
    authenticated: true,
    params: CaseParams,
    query: EvidenceQuery,
    response: EvidenceListing,
    errors: [400, ...AUTH_ERRORS, 404],
  },
  {
    operationId: 'issueEvidenceLink',
    method: 'POST',
    path: '/cases/{caseId}/evidence/{evidenceId}/links',
    summary: 'A 5-minute view or download link: an audited access, on the journal before the link exists',
    tag: 'evidence',
    target: 'api',
    authenticated: true,
    params: EvidenceParams,
    body: LinkBody,
    response: EvidenceLink,
    success: [201],
    errors: [400, ...AUTH_ERRORS, 404, 409],
  },
  {
    operationId: 'setEvidenceLegalHold',
    method: 'POST',
    path: '/cases/{caseId}/evidence/legal-hold',
    summary: "Legal hold on all of the case's evidence (e.g. under appeal), or its release",
    tag: 'evidence',
    target: 'api',
    authenticated: true,
    params: CaseParams,
    body: LegalHoldBody,
    response: LegalHoldResult,
    errors: [400, ...AUTH_ERRORS, 404, 409],
  },
  {
    operationId: 'verifyEvidence',
    method: 'GET',
    path: '/cases/{caseId}/evidence/verification',
    summary: 'Re-hashes every evidence object and checks the audit chain; names the first that does not match',
    tag: 'evidence',
    target: 'api',
    authenticated: true,
    params: CaseParams,
    response: EvidenceVerification,
    errors: [400, ...AUTH_ERRORS, 404],
  },
  {
    operationId: 'requestClosure',
    method: 'POST',
    path: '/cases/{caseId}/closure',
    summary:
      'Ask to close the case (终本, termination, withdrawal, non-enforcement, rejection): conditions checked, then the closure phase and its approval. Served by settle',
    tag: 'cases',
    target: 'settle',
    authenticated: true,
    params: CaseParams,
    body: ClosureBody,
    response: ClosureResult,
    errors: [400, ...AUTH_ERRORS, 404, 409],
    throttle: { rate: 2, burst: 5 },
  },
  {
    operationId: 'recordInterview',
    method: 'POST',
    path: '/cases/{caseId}/interview',
    summary:
      "Record the applicant's interview before 终本 (G2); answers the closure phase if it is asking the applicant. Served by settle",
    tag: 'cases',
    target: 'settle',
    authenticated: true,
    params: CaseParams,
    body: InterviewBody,
    response: InterviewResult,
    errors: [400, ...AUTH_ERRORS, 404],
    throttle: { rate: 2, burst: 5 },
  },
  {
    operationId: 'recordSettlement',
    method: 'POST',
    path: '/cases/{caseId}/settlement',
    summary:
      'Record a settlement agreement (执行和解): installments in fen with dates; enforcement stops while it is performed. Served by settle',
    tag: 'cases',
    target: 'settle',
    authenticated: true,
    params: CaseParams,
    body: SettlementBody,
    response: SettlementResult,
    errors: [400, ...AUTH_ERRORS, 404, 409],
    throttle: { rate: 2, burst: 5 },
  },
  {
    operationId: 'receiveMatter',
    method: 'POST',
    path: '/entrustments/received',
    summary:
      'Record a matter another court entrusts to this court (H1): its due date from the rule table and the legal calendar; the same entrustment twice is the first one',
    tag: 'entrustments',
    target: 'api',
    authenticated: true,
    body: ReceiveMatterBody,
    response: ReceiveMatterResult,
    errors: [400, ...AUTH_ERRORS],
    throttle: { rate: 2, burst: 5 },
  },
  {
    operationId: 'listReceivedMatters',
    method: 'GET',
    path: '/entrustments/received',
    summary: "The court's received matters by the date received, with their H1 time node",
    tag: 'entrustments',
    target: 'api',
    authenticated: true,
    query: MatterQuery,
    response: MatterListing,
    errors: [400, ...AUTH_ERRORS],
  },
  {
    operationId: 'assignReceivedMatter',
    method: 'POST',
    path: '/entrustments/received/{matterId}/assign',
    summary: 'Assign a received matter to an officer of the court (team lead, bureau chief)',
    tag: 'entrustments',
    target: 'api',
    authenticated: true,
    params: MatterParams,
    body: AssignMatterBody,
    response: ReceivedMatterView,
    errors: [400, ...AUTH_ERRORS, 404, 409],
  },
  {
    operationId: 'finishReceivedMatter',
    method: 'POST',
    path: '/entrustments/received/{matterId}/outcome',
    summary:
      'Complete a received matter or report back to the requesting court, with the result; late after the H1 due date',
    tag: 'entrustments',
    target: 'api',
    authenticated: true,
    params: MatterParams,
    body: FinishMatterBody,
    response: ReceivedMatterView,
    errors: [400, ...AUTH_ERRORS, 404, 409],
  },
  {
    operationId: 'checkOverdueMatters',
    method: 'POST',
    path: '/entrustments/received/overdue-check',
    summary: 'Tell the command center of every open received matter past its H1 due date (once each)',
    tag: 'entrustments',
    target: 'api',
    authenticated: true,
    response: OverdueCheckResult,
    errors: AUTH_ERRORS,
    throttle: { rate: 1, burst: 2 },
  },
  {
    operationId: 'entrustmentCounts',
    method: 'GET',
    path: '/entrustments/counts',
    summary: 'Both directions of H1 for the court and a period: sent by its cases, received (on time, late, open)',
    tag: 'entrustments',
    target: 'api',
    authenticated: true,
    query: CountsQuery,
    response: EntrustmentCountsView,
    errors: [400, ...AUTH_ERRORS],
  },
  {
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/openapi.json',
    summary: 'This API description (OpenAPI 3.1)',
    tag: 'identity',
    target: 'api',
    authenticated: false,
    response: OpenApiDocument,
    errors: [],
  },
  {
    operationId: 'issueDevelopmentToken',
    method: 'POST',
    path: '/auth/token',
    summary:
      'LOCAL ONLY, virtual-clock data directories only (demos, training, tests): a development token for a user of the staff directory, no password; a real-clock server answers 404',
    tag: 'local',
    target: 'local',
    authenticated: false,
    body: TokenRequest,
    response: TokenResponse,
    errors: [400, 401, 404],
  },
  {
    operationId: 'signIn',
    method: 'POST',
    path: '/auth/sign-in',
    summary:
      'LOCAL ONLY: staff sign-in with password (and TOTP code for approving roles): a session, as a bearer token or an HttpOnly cookie',
    tag: 'local',
    target: 'local',
    authenticated: false,
    body: SignInBody,
    response: SignInResult,
    errors: [400, 401],
  },
  {
    operationId: 'signOut',
    method: 'POST',
    path: '/auth/sign-out',
    summary: 'LOCAL ONLY: ends the calling session at once',
    tag: 'local',
    target: 'local',
    authenticated: true,
    response: SignOutResult,
    errors: [401, 403],
  },
  {
    operationId: 'getClock',
    method: 'GET',
    path: '/clock',
    summary: "LOCAL ONLY: the runtime's clock (real, or virtual for demos and tests) and its time",
    tag: 'local',
    target: 'local',
    authenticated: true,
    response: ClockView,
    errors: [401],
  },
  {
    operationId: 'advanceClock',
    method: 'POST',
    path: '/clock/advance',
    summary: 'LOCAL ONLY, virtual clock only: moves time forward, firing every deadline on the way',
    tag: 'local',
    target: 'local',
    authenticated: true,
    body: ClockAdvanceBody,
    response: ClockAdvanceResult,
    errors: [400, 401, 403, 409],
  },
] as const satisfies readonly Route[];

export type OperationId = (typeof ROUTES)[number]['operationId'];

/** The routes one target serves. */
export function routesOf(target: RouteTarget): readonly Route[] {
  return ROUTES.filter((route) => route.target === target);
}

/** Matches a concrete path against the templates: the route and its path parameters. */
export function matchRoute(
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | { route?: undefined; allowed: readonly string[] } {
  const allowed: string[] = [];
  for (const route of ROUTES as readonly Route[]) {
    const params = matchTemplate(route.path, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return { allowed };
}

function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith('{') && w.endsWith('}')) {
      const decoded = decodePathSegment(g);
      // A malformed percent-encoding matches nothing (the server refuses the whole path first: pathDecodes).
      if (!decoded) return undefined;
      params[w.slice(1, -1)] = decoded;
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}
