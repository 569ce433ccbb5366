/** Scenario support: an in-memory embedded runtime on a virtual clock, with the path each execution took. */

import { readFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import type { SimulatorScript } from '#adapters/simulators/partner-simulator.ts';
import { chinaDateOf } from '#domain/calendar/local-date.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { accountBalance, ledgerTotal } from '#domain/case/reducer.ts';
import { outstandingFen } from '#domain/control/plan.ts';
import { FEE_PAYEE, owed } from '#domain/disbursement/owed.ts';
import type { Alert } from '#ports/alerts.ts';
import type { Approval } from '#ports/approval-store.ts';
import type { RuntimeEvent } from '../../local/runtime/engine.ts';
import { decideWithPanel } from '../../local/runtime/panel-votes.ts';
import { EmbeddedRuntime, type RuntimeOptions } from '../../local/runtime/runtime.ts';

/** Monday 2 March 2026, 09:00 China time. */
export const START = '2026-03-02T01:00:00.000Z';
export const DAY = 86_400;
export const RESPONDENT_ID = '130922199001010030';
const STEP_HOURS = 3;
/** Who decides, by the role an approval needs (config/staff.json: the fast-track team, where test cases go). */
export const DECIDERS: Record<string, string> = {
  'team-lead': 'li-qiang',
  'bureau-chief': 'zhang-wei',
  president: 'song-jian',
  'panel-member': 'tang-jie',
};

const FIXTURE = JSON.parse(readFileSync('test/fixtures/intake/v1/loan-repayment.json', 'utf8'));

/** The v1 fixture, with its own event id and case number so scenarios never collide. */
export function filingEvent(
  n: number,
  change: { claimFen?: number; eServiceConsent?: boolean; eventId?: string } = {},
) {
  const detail = structuredClone(FIXTURE.detail);
  detail.caseNumber = `（2026）冀0922执${1000 + n}号`;
  if (change.claimFen !== undefined) detail.claim = { principalFen: change.claimFen };
  if (change.eServiceConsent !== undefined) detail.respondents[0].eServiceConsent = change.eServiceConsent;
  return { ...FIXTURE, id: change.eventId ?? `event-${n}`, detail };
}

/** Intakes `event` (the filing system's; a number: the v1 fixture as case `n`), which must open a new case; its id. */
export async function fileCase(s: Scenario, event: number | ReturnType<typeof filingEvent>): Promise<string> {
  const outcome = await s.runtime.intake(typeof event === 'number' ? filingEvent(event) : event);
  if (outcome.outcome !== 'created') throw new Error('not created');
  return outcome.caseId;
}

/** What the respondent owes today (claim, doubled interest to today, execution fee), less what came in. */
export async function owedToday(s: Scenario, caseId: string): Promise<number> {
  return outstandingFen(await s.load(caseId), chinaDateOf(s.runtime.clock.now()));
}

/** The step's decision data: a disbursement's approver confirms the amount it lets leave the case account. */
export function confirmation(approval: Approval): { data?: { confirmedAmountFen: number } } {
  return approval.amountFen !== undefined ? { data: { confirmedAmountFen: approval.amountFen } } : {};
}

export interface Scenario {
  readonly runtime: EmbeddedRuntime;
  readonly logs: string[];
  readonly alerts: Alert[];
  readonly events: RuntimeEvent[];
  /** States entered by the execution of `machine` for the case, in order, repeats from resumption collapsed. */
  path(caseId: string, machine: string): string[];
  load(caseId: string): Promise<EnforcementCase>;
  pending(caseId: string): Promise<Approval[]>;
  decideAll(caseId: string, userId: string, decision?: 'approved' | 'rejected'): Promise<unknown[]>;
  /**
   * Lets `days` pass, a few hours at a time, approving every approval of the case as it appears: as `userId`, or
   * as whoever holds the role it needs (DECIDERS) when no user is given.
   */
  live(caseId: string, days: number, userId?: string): Promise<void>;
  /** Lets time pass, a few hours at a time, until the case reaches `status` (or `maxDays` pass). */
  until(caseId: string, predicate: (state: EnforcementCase) => boolean, maxDays?: number): Promise<EnforcementCase>;
  /** Like `until`, but approves whatever waits on the way, each by a user of the role it requires. */
  liveUntil(caseId: string, predicate: (state: EnforcementCase) => boolean, maxDays?: number): Promise<EnforcementCase>;
  /** Lets time pass, a few hours at a time, until the case has a pending approval (or `maxDays` pass). */
  untilPending(caseId: string, maxDays?: number): Promise<Approval[]>;
  close(): Promise<void>;
}

export function respondentWith(
  script: SimulatorScript['respondents'] extends infer R ? (R extends Record<string, infer S> ? S : never) : never,
): SimulatorScript {
  return { respondents: { [RESPONDENT_ID]: script } };
}

export async function scenario(options: Partial<RuntimeOptions> = {}): Promise<Scenario> {
  const logs: string[] = [];
  const alerts: Alert[] = [];
  const events: RuntimeEvent[] = [];
  const runtime = await EmbeddedRuntime.open({
    clock: 'virtual',
    startAt: START,
    logSink: (line) => logs.push(line),
    onEvent: (event) => events.push(event),
    onAlert: (alert) => alerts.push(alert),
    ...options,
  });
  const load = async (caseId: string) => {
    const found = await runtime.cases.load(caseId);
    if (!found) throw new Error(`no case ${caseId}`);
    return found;
  };
  const pending = async (caseId: string) =>
    (await runtime.deps.approvals.listPending({ court: 'HB0922' })).filter((a) => a.caseId === caseId);
  async function approveWaiting(caseId: string, userId?: string): Promise<void> {
    for (const approval of await pending(caseId)) {
      const decider = userId ?? DECIDERS[approval.requiredRole] ?? '';
      await decideWithPanel(runtime, approval, {
        approvalId: approval.approvalId,
        decision: 'approved',
        userId: decider,
        ...confirmation(approval),
      });
    }
  }
  async function until(
    caseId: string,
    predicate: (state: EnforcementCase) => boolean,
    maxDays: number,
    approve: boolean,
  ) {
    for (let hours = 0; hours < maxDays * 24; hours += STEP_HOURS) {
      const state = await load(caseId);
      if (predicate(state)) return state;
      if (approve) await approveWaiting(caseId);
      await runtime.advance(STEP_HOURS * 3600);
    }
    const last = await load(caseId);
    const pendingSteps = (await pending(caseId)).map((a) => a.step).join(',') || 'none';
    throw new Error(
      `case ${caseId} did not reach the expected state within ${maxDays} days (status ${last.status}, pending approvals ${pendingSteps}, coercion ${JSON.stringify(last.coercion ?? null).slice(0, 600)}, alerts ${alerts
        .map((a) => a.message)
        .join(' | ')
        .slice(-800)})`,
    );
  }
  return {
    runtime,
    logs,
    alerts,
    events,
    path(caseId, machine) {
      const states: string[] = [];
      for (const event of events) {
        if (event.type !== 'state-entered' || !event.execution.startsWith(`${caseId}-${machine}-`)) continue;
        if (states.at(-1) !== event.state) states.push(event.state);
      }
      return states;
    },
    load,
    pending,
    async decideAll(caseId, userId, decision = 'approved') {
      const results = [];
      for (const approval of await pending(caseId)) {
        results.push(
          await decideWithPanel(runtime, approval, {
            approvalId: approval.approvalId,
            decision,
            userId,
            ...(decision === 'rejected' ? { reason: '材料不全' } : confirmation(approval)),
          }),
        );
      }
      return results;
    },
    async live(caseId, days, userId) {
      for (let hours = 0; hours < days * 24; hours += STEP_HOURS) {
        await approveWaiting(caseId, userId);
        await runtime.advance(STEP_HOURS * 3600);
      }
    },
    until: (caseId, predicate, maxDays = 60) => until(caseId, predicate, maxDays, false),
    liveUntil: (caseId, predicate, maxDays = 60) => until(caseId, predicate, maxDays, true),
    async untilPending(caseId, maxDays = 30) {
      for (let hours = 0; hours < maxDays * 24; hours += STEP_HOURS) {
        const found = await pending(caseId);
        if (found.length > 0) return found;
        await runtime.advance(STEP_HOURS * 3600);
      }
      throw new Error(`no pending approval for ${caseId} within ${maxDays} days`);
    },
    close: () => runtime.close(),
  };
}

/** Opens scenarios for a test file and closes each after its test. */
export function scenarios(): (options?: Partial<RuntimeOptions>) => Promise<Scenario> {
  const opened: Scenario[] = [];
  afterEach(async () => {
    const done = opened.splice(0);
    try {
      for (const s of done) await assertMoneyReconciles(s);
    } finally {
      await Promise.all(done.map((s) => s.close()));
    }
  });
  return async (options) => {
    const s = await scenario(options);
    opened.push(s);
    return s;
  };
}

/**
 * Every scenario ends with this check on every case it ran: money is whole fen, what went out (paid to the
 * applicants, refunded) never exceeds what came in, paid plus property in lieu never exceeds the claim, and a case
 * closed as fully performed has an empty account and its claim met to the fen.
 */
export async function assertMoneyReconciles(s: Scenario): Promise<void> {
  const caseIds = new Set<string>();
  for (const event of s.events) {
    const match = /^(c[a-z2-7]{19})-/.exec('execution' in event ? String(event.execution) : '');
    if (match?.[1]) caseIds.add(match[1]);
  }
  for (const caseId of caseIds) {
    const state = await s.runtime.deps.cases.load(caseId);
    if (!state) continue;
    const problems: string[] = [];
    for (const entry of state.ledger)
      if (!Number.isSafeInteger(entry.amountFen) || entry.amountFen <= 0)
        problems.push(`${entry.kind} ${entry.entryId}: ${entry.amountFen} is not a positive whole number of fen`);
    const received = ledgerTotal(state, 'received');
    const out = ledgerTotal(state, 'disbursed') + ledgerTotal(state, 'refunded') + ledgerTotal(state, 'shared');
    if (received - out !== accountBalance(state) || accountBalance(state) < 0)
      problems.push(`received ${received}, paid out and refunded ${out}: the account would be negative`);
    // The applicants are owed the claim and the doubled interest (F-DELAY-INTEREST); the court the fee (F1-FEE).
    const figures = owed(state);
    const fee = ledgerTotal(state, 'disbursed', FEE_PAYEE);
    const satisfied =
      ledgerTotal(state, 'disbursed') - fee + ledgerTotal(state, 'in-lieu') + ledgerTotal(state, 'shared-in');
    if (satisfied > figures.applicantsFen)
      problems.push(`paid ${satisfied} over what is owed ${figures.applicantsFen}`);
    if (fee > figures.feeFen) problems.push(`fee ${fee} over ${figures.feeFen}`);
    if (state.status === 'closed' && state.closure?.way === 'fully-performed') {
      if (accountBalance(state) !== 0) problems.push(`closed with ${accountBalance(state)} fen left on the account`);
      if (satisfied !== figures.applicantsFen)
        problems.push(`closed as performed with ${satisfied} of ${figures.applicantsFen}`);
      if (fee !== figures.feeFen) problems.push(`closed as performed with a fee of ${fee} of ${figures.feeFen}`);
    }
    if (problems.length > 0)
      throw new Error(`case ${caseId} (${state.caseNumber}): money does not reconcile: ${problems.join('; ')}`);
  }
}

/**
 * Timer by timer (the next deadline, answer or wake-up of any execution, at most a day away), deciding every approval
 * as soon as it appears (as whoever holds the role it needs), until `done`: no approval ever waits past its time.
 */
export async function daysUntil(
  s: Scenario,
  caseId: string,
  done: (state: EnforcementCase) => boolean,
  maxDays: number,
): Promise<EnforcementCase> {
  const end = Date.parse(s.runtime.clock.now()) + maxDays * DAY * 1000;
  while (Date.parse(s.runtime.clock.now()) < end) {
    const state = await s.load(caseId);
    if (done(state)) return state;
    for (const approval of await s.pending(caseId)) {
      await decideWithPanel(s.runtime, approval, {
        approvalId: approval.approvalId,
        decision: 'approved',
        userId: DECIDERS[approval.requiredRole] ?? '',
        ...confirmation(approval),
      });
    }
    const next = await s.runtime.engine.nextTimerAt();
    const wait = next ? (Date.parse(next) - Date.parse(s.runtime.clock.now())) / 1000 : DAY;
    await s.runtime.advance(Math.min(DAY, Math.max(60, Math.ceil(wait))));
  }
  throw new Error(`case ${caseId} not there within ${maxDays} days: ${(await s.load(caseId)).status}`);
}

/**
 * A staff POST on a case through the embedded runtime's API handler, as API Gateway passes it (Cognito claims), served
 * by settle (or by the api function, for a route that resumes nothing); an objection id in the path becomes its path
 * parameter. Runs until idle before answering.
 */
export async function staffPost(
  s: Scenario,
  who: { user: string; groups: string },
  caseId: string,
  path: string,
  body: unknown,
  target: 'api' | 'settle' = 'settle',
) {
  const resource = path.replace(/\/o[a-z2-7]{11}\//, '/{objectionId}/');
  const objectionId = /\/(o[a-z2-7]{11})\//.exec(path)?.[1];
  const answer = await s.runtime.handleApi(
    {
      httpMethod: 'POST',
      path: `/cases/${caseId}${path}`,
      resource: `/cases/{caseId}${resource}`,
      pathParameters: { caseId, ...(objectionId ? { objectionId } : {}) },
      queryStringParameters: null,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      isBase64Encoded: false,
      requestContext: {
        requestId: 'test',
        authorizer: {
          claims: { 'cognito:username': who.user, 'cognito:groups': who.groups, 'custom:court': 'HB0922' },
        },
      },
    } as never,
    target,
  );
  await s.runtime.runUntilIdle();
  return { status: answer.statusCode, body: JSON.parse(answer.body) };
}
