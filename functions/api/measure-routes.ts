/**
 * The measures' routes (exit restriction, reward notice, judicial relief, bankruptcy referral): part of the route
 * table (./routes.ts spreads them in). The writes start approvals and send notices, so settle serves them; the
 * read is the API function's.
 */
import type * as z from 'zod';
import {
  CaseParams,
  CloseRewardBody,
  DepositBody,
  EmptyBody,
  ExitBanBody,
  ExitLiftBody,
  LeadBody,
  LeadCheckBody,
  LeadMoneyBody,
  MeasureResult,
  MeasuresView,
  ReferralBody,
  ReliefBody,
  ReliefPaymentBody,
  RewardBody,
} from '#contracts/measures.ts';

const AUTH_ERRORS = [401, 403] as const;

function write(operationId: string, path: string, summary: string, body: z.core.$ZodType) {
  return {
    operationId,
    method: 'POST',
    path: `/cases/{caseId}/measures${path}`,
    summary: `${summary}. Served by settle`,
    tag: 'cases',
    target: 'settle',
    authenticated: true,
    params: CaseParams,
    body,
    response: MeasureResult,
    errors: [400, ...AUTH_ERRORS, 404, 409],
    throttle: { rate: 2, burst: 5 },
  } as const;
}

export const MEASURE_ROUTES = [
  {
    operationId: 'getMeasures',
    method: 'GET',
    path: '/cases/{caseId}/measures',
    summary:
      'The case’s exit restriction, reward notice, judicial relief and bankruptcy referral: status, persons, money in fen',
    tag: 'cases',
    target: 'api',
    authenticated: true,
    params: CaseParams,
    response: MeasuresView,
    errors: [400, ...AUTH_ERRORS, 404],
  },
  write(
    'proposeExitBan',
    '/exit-ban',
    'Propose restricting the respondent from leaving the country (M-EXIT-BAN): on the applicant’s application or of the court’s own motion; starts its approval',
    ExitBanBody,
  ),
  write(
    'liftExitBan',
    '/exit-ban/lift',
    'Lift the exit restriction on security or the applicant’s consent; the authority is notified',
    ExitLiftBody,
  ),
  write(
    'applyForReward',
    '/reward',
    'Record the applicant’s written application for a reward notice (M-REWARD); starts its approval',
    RewardBody,
  ),
  write(
    'recordRewardDeposit',
    '/reward/deposit',
    'Record the reward the applicant deposited; the notice is published once approved and deposited',
    DepositBody,
  ),
  write(
    'recordLead',
    '/reward/leads',
    'Record a lead from the public (the informant as an opaque reference)',
    LeadBody,
  ),
  write('checkLead', '/reward/lead-checks', 'Record the check of a lead: confirmed or unfounded', LeadCheckBody),
  write(
    'recordLeadMoney',
    '/reward/lead-money',
    'Money a confirmed lead brought onto the case account; the reward it earns is paid from the deposit',
    LeadMoneyBody,
  ),
  write(
    'closeReward',
    '/reward/close',
    'Close the reward notice; the deposit not paid out goes back to the applicant',
    CloseRewardBody,
  ),
  write(
    'applyForRelief',
    '/relief',
    'Record an applicant’s application for state judicial relief (M-RELIEF); starts its approval',
    ReliefBody,
  ),
  write(
    'recordReliefPayment',
    '/relief/payment',
    'The fund paid the relief granted; later money for the applicant repays it first',
    ReliefPaymentBody,
  ),
  write(
    'proposeReferral',
    '/bankruptcy',
    'Propose referring a company respondent to bankruptcy review with written consent (M-BANKRUPTCY); the collegial panel reviews it (E8-PANEL), then the president signs',
    ReferralBody,
  ),
  write(
    'recordBankruptcyDeclared',
    '/bankruptcy/declared',
    'Record that the receiving court declared the respondent bankrupt: the case may close by termination',
    EmptyBody,
  ),
  write(
    'dispatchMeasures',
    '/dispatch',
    'Apply what the measures owe now and send the notices due (or overdue) to the exit-entry authority and the bankruptcy court',
    EmptyBody,
  ),
] as const;
