/**
 * Routes of 诉执衔接 (the court's preservations, B3-CARRY) and of the time limit for applying (A12: the respondent's
 * objection and its ruling), spread into the route table (./routes.ts). All served by the API function: they
 * read the preservation store or write the case journal, never the engine.
 */
import { CaseParams } from '#contracts/api.ts';
import {
  ObjectionBody,
  ObjectionParams,
  ObjectionResult,
  PartyChangeChallengeBody,
  PartyChangeFinalBody,
  PartyChangeParams,
  PartyChangeResult,
  PartyChangeRulingBody,
  PreservationListing,
  PreservationQuery,
  RulingBody,
} from '#contracts/carryover.ts';

const AUTH_ERRORS = [401, 403] as const;

export const CARRYOVER_ROUTES = [
  {
    operationId: 'listPreservations',
    method: 'GET',
    path: '/preservations',
    summary:
      "The court's preservation rulings from the preservation center: waiting for an enforcement case (by earliest expiry), carried into one, or ended",
    tag: 'preservation',
    target: 'api',
    authenticated: true,
    query: PreservationQuery,
    response: PreservationListing,
    errors: [400, ...AUTH_ERRORS],
  },
  {
    operationId: 'raiseLimitationObjection',
    method: 'POST',
    path: '/cases/{caseId}/limitation-objections',
    summary:
      "Register a respondent's objection that the application came after the 2-year limit (A12); the court never raises it by itself",
    tag: 'preservation',
    target: 'api',
    authenticated: true,
    params: CaseParams,
    body: ObjectionBody,
    response: ObjectionResult,
    errors: [400, ...AUTH_ERRORS, 404, 409],
    throttle: { rate: 2, burst: 5 },
  },
  {
    operationId: 'ruleOnLimitationObjection',
    method: 'POST',
    path: '/cases/{caseId}/limitation-objections/{objectionId}/ruling',
    summary:
      'Rule on a pending time-limit objection (A12), by a judge of the panel: upheld means 裁定不予执行 (the officer then closes the case), dismissed means enforcement goes on; the ruling is issued numbered and signed. Served by settle',
    tag: 'preservation',
    target: 'settle',
    authenticated: true,
    params: ObjectionParams,
    body: RulingBody,
    response: ObjectionResult,
    errors: [400, ...AUTH_ERRORS, 404, 409],
    throttle: { rate: 2, burst: 5 },
  },
  {
    operationId: 'rulePartyChange',
    method: 'POST',
    path: '/cases/{caseId}/party-changes/{applicationId}/ruling',
    summary:
      'Rule on the application, by a judge of the panel, and record the day the ruling was served: the reconsideration (10 days) or lawsuit (15 days) window runs from it; the ruling is issued numbered and signed. Served by settle',
    tag: 'preservation',
    target: 'settle',
    authenticated: true,
    params: PartyChangeParams,
    body: PartyChangeRulingBody,
    response: PartyChangeResult,
    errors: [400, ...AUTH_ERRORS, 404, 409],
  },
  {
    operationId: 'challengePartyChange',
    method: 'POST',
    path: '/cases/{caseId}/party-changes/{applicationId}/challenge',
    summary: 'Record a reconsideration applied for, or a lawsuit filed, within its time (refused after it)',
    tag: 'preservation',
    target: 'api',
    authenticated: true,
    params: PartyChangeParams,
    body: PartyChangeChallengeBody,
    response: PartyChangeResult,
    errors: [400, ...AUTH_ERRORS, 404, 409],
  },
  {
    operationId: 'settlePartyChange',
    method: 'POST',
    path: '/cases/{caseId}/party-changes/{applicationId}/final',
    summary:
      'The ruling becomes final: after the window with no challenge, or on the challenge decided; granted, the party joins the respondents and is served, inquired about and controlled (the service and investigation phases run again for it); asked again, starts an inquiry that had to wait',
    tag: 'preservation',
    target: 'settle',
    authenticated: true,
    params: PartyChangeParams,
    body: PartyChangeFinalBody,
    response: PartyChangeResult,
    errors: [400, ...AUTH_ERRORS, 404, 409],
  },
] as const;
