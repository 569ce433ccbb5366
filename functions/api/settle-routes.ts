/**
 * The routes settle serves (the staff acts that decide, start or wake an execution: settle alone may resume one),
 * with what the router needs of each: operation, method, path, identity, and the contracts of its parameters and
 * body. The same routes, with their summaries and answers, are in the route table (./routes.ts), from which API
 * Gateway, the local server and the OpenAPI document are built; settle takes this list instead so that its bundle
 * holds neither the other routes nor any answer's contract (test/unit/api/settle-routes.test.ts keeps the two equal).
 */
import {
  ApprovalParams,
  CaseParams,
  ClosureBody,
  ConductBody,
  InterviewBody,
  ListingRemovalBody,
  ReleaseBody,
  ResumptionBody,
  SettlementBody,
} from '#contracts/api.ts';
import {
  ObjectionParams as LimitationObjectionParams,
  RulingBody as LimitationRulingBody,
  PartyChangeFinalBody,
  PartyChangeParams,
  PartyChangeRulingBody,
} from '#contracts/carryover.ts';
import { DecisionBody } from '#contracts/decisions.ts';
import {
  DistributionApplyBody,
  DistributionJudgmentBody,
  EmptyBody,
  ReversalBody,
  SuspensionLiftBody,
  SuspensionRulingBody,
} from '#contracts/distribution.ts';
import {
  CloseRewardBody,
  DepositBody,
  ExitBanBody,
  ExitLiftBody,
  LeadBody,
  LeadCheckBody,
  LeadMoneyBody,
  EmptyBody as MeasureEmptyBody,
  ReferralBody,
  ReliefBody,
  ReliefPaymentBody,
  RewardBody,
} from '#contracts/measures.ts';
import {
  JudgmentBody,
  ObjectionBody,
  ObjectionParams,
  ReconsiderationBody,
  ReconsiderationDecisionBody,
  RulingBody,
  SuitBody,
} from '#contracts/objections.ts';
import type { RouteRequest } from './routes.ts';

/** Every route settle serves is a POST, by a signed-in member of staff, with path parameters and a body. */
function post(
  operationId: string,
  path: string,
  params: NonNullable<RouteRequest['params']>,
  body: NonNullable<RouteRequest['body']>,
): RouteRequest {
  return { operationId, method: 'POST', path, target: 'settle', authenticated: true, params, body };
}

export const SETTLE_ROUTES: readonly RouteRequest[] = [
  post('decideTask', '/tasks/{approvalId}/decision', ApprovalParams, DecisionBody),
  post('recordConduct', '/cases/{caseId}/conduct', CaseParams, ConductBody),
  post('orderEarlyRelease', '/cases/{caseId}/early-release', CaseParams, ReleaseBody),
  post('requestClosure', '/cases/{caseId}/closure', CaseParams, ClosureBody),
  post('recordInterview', '/cases/{caseId}/interview', CaseParams, InterviewBody),
  post('recordSettlement', '/cases/{caseId}/settlement', CaseParams, SettlementBody),
  post('applyForResumption', '/cases/{caseId}/resumption', CaseParams, ResumptionBody),
  post('requestListingRemoval', '/cases/{caseId}/listing-removal', CaseParams, ListingRemovalBody),
  post('fileObjection', '/cases/{caseId}/objections', CaseParams, ObjectionBody),
  post('ruleOnObjection', '/cases/{caseId}/objections/{objectionId}/ruling', ObjectionParams, RulingBody),
  post(
    'applyForReconsideration',
    '/cases/{caseId}/objections/{objectionId}/reconsideration',
    ObjectionParams,
    ReconsiderationBody,
  ),
  post(
    'decideReconsideration',
    '/cases/{caseId}/objections/{objectionId}/reconsideration-decision',
    ObjectionParams,
    ReconsiderationDecisionBody,
  ),
  post('fileObjectionSuit', '/cases/{caseId}/objections/{objectionId}/suit', ObjectionParams, SuitBody),
  post('recordObjectionJudgment', '/cases/{caseId}/objections/{objectionId}/judgment', ObjectionParams, JudgmentBody),
  post('applyToShare', '/cases/{caseId}/distribution/applications', CaseParams, DistributionApplyBody),
  post('serveDistribution', '/cases/{caseId}/distribution/serve', CaseParams, EmptyBody),
  post('recordDistributionSuit', '/cases/{caseId}/distribution/suit', CaseParams, EmptyBody),
  post('recordDistributionJudgment', '/cases/{caseId}/distribution/judgment', CaseParams, DistributionJudgmentBody),
  post('advanceDistribution', '/cases/{caseId}/distribution/advance', CaseParams, EmptyBody),
  post('ruleSuspension', '/cases/{caseId}/suspension/ruling', CaseParams, SuspensionRulingBody),
  post('liftSuspension', '/cases/{caseId}/suspension/lift', CaseParams, SuspensionLiftBody),
  post('callGuarantee', '/cases/{caseId}/suspension/guarantee', CaseParams, EmptyBody),
  post('orderReversal', '/cases/{caseId}/reversal', CaseParams, ReversalBody),
  post(
    'ruleOnLimitationObjection',
    '/cases/{caseId}/limitation-objections/{objectionId}/ruling',
    LimitationObjectionParams,
    LimitationRulingBody,
  ),
  post(
    'rulePartyChange',
    '/cases/{caseId}/party-changes/{applicationId}/ruling',
    PartyChangeParams,
    PartyChangeRulingBody,
  ),
  post(
    'settlePartyChange',
    '/cases/{caseId}/party-changes/{applicationId}/final',
    PartyChangeParams,
    PartyChangeFinalBody,
  ),
  post('proposeExitBan', '/cases/{caseId}/measures/exit-ban', CaseParams, ExitBanBody),
  post('liftExitBan', '/cases/{caseId}/measures/exit-ban/lift', CaseParams, ExitLiftBody),
  post('applyForReward', '/cases/{caseId}/measures/reward', CaseParams, RewardBody),
  post('recordRewardDeposit', '/cases/{caseId}/measures/reward/deposit', CaseParams, DepositBody),
  post('recordLead', '/cases/{caseId}/measures/reward/leads', CaseParams, LeadBody),
  post('checkLead', '/cases/{caseId}/measures/reward/lead-checks', CaseParams, LeadCheckBody),
  post('recordLeadMoney', '/cases/{caseId}/measures/reward/lead-money', CaseParams, LeadMoneyBody),
  post('closeReward', '/cases/{caseId}/measures/reward/close', CaseParams, CloseRewardBody),
  post('applyForRelief', '/cases/{caseId}/measures/relief', CaseParams, ReliefBody),
  post('recordReliefPayment', '/cases/{caseId}/measures/relief/payment', CaseParams, ReliefPaymentBody),
  post('proposeReferral', '/cases/{caseId}/measures/bankruptcy', CaseParams, ReferralBody),
  post('recordBankruptcyDeclared', '/cases/{caseId}/measures/bankruptcy/declared', CaseParams, MeasureEmptyBody),
  post('dispatchMeasures', '/cases/{caseId}/measures/dispatch', CaseParams, MeasureEmptyBody),
];
