/**
 * Drives a stream of cases through an embedded runtime on a virtual clock: files each day's cases through the
 * intake function, lets each scenario's actor act, has every pending approval decided by a member of staff who may
 * decide it (opening the task, then deciding, through the staff API's dispatcher: the path `enforce decide` takes),
 * and moves the clock a day at a time, firing every deadline on the way. Used by the lifecycle benchmark and by
 * `enforce cost`.
 */

import { readFileSync } from 'node:fs';
import type { CommitListener } from '#adapters/dynamodb/case-repository.ts';
import type { SimulatorScript } from '#adapters/simulators/partner-simulator.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import type { Approval } from '#ports/approval-store.ts';
import { LocalIdentityProvider } from '../api/identity-provider.ts';
import { createDispatcher } from '../api/server.ts';
import { Authentication } from '../api/sign-in.ts';
import { panelVoters } from '../runtime/panel-votes.ts';
import type { EmbeddedRuntime } from '../runtime/runtime.ts';
import { WORKLOAD_SCENARIOS, type WorkloadScenario, workloadScenario } from './scenarios.ts';

const DAY = 86_400;
/** Monday 2 March 2026, 09:00 China time: the first filing day. */
export const WORKLOAD_START = '2026-03-02T01:00:00.000Z';
const EVENT = JSON.parse(readFileSync(new URL('../demo/loan-repayment.event.json', import.meta.url), 'utf8'));

/** The simulator's script for every scenario of the catalog (one respondent each). */
export function workloadScript(scenarios: readonly WorkloadScenario[] = WORKLOAD_SCENARIOS): SimulatorScript {
  return {
    respondents: Object.fromEntries(scenarios.map((s) => [s.respondentId, s.respondent])),
    courts: Object.assign({}, ...scenarios.map((s) => s.courts ?? {})),
  };
}

/** China time, as the filing system writes it. */
function chinaIso(instant: string): string {
  return `${new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/** The filing event of case `n` of a workload, filed now. */
export function workloadEvent(n: number, scenario: WorkloadScenario, now: string): unknown {
  const detail = structuredClone(EVENT.detail);
  detail.caseNumber = `（2026）冀0922执${10_000 + n}号`;
  detail.filedAt = chinaIso(now);
  detail.respondents[0].idNumber = scenario.respondentId;
  return { ...EVENT, id: `workload-${n}`, time: now, detail };
}

/** Keeps the latest state of every case from the commits (no reads needed): pass `listener` as `onCommit`. */
export class CaseTracker {
  readonly states = new Map<string, EnforcementCase>();
  readonly listener: CommitListener = (_commit, state) => {
    this.states.set(state.caseId, state);
  };
}

interface Tracked {
  readonly caseId: string;
  readonly scenario: WorkloadScenario;
  readonly filedAt: number;
  readonly done: Set<string>;
}

export interface WorkloadResult {
  readonly filed: number;
  /** Cases that reached one of their scenario's end statuses. */
  readonly finished: number;
  /** Final statuses, by scenario. */
  readonly outcomes: Record<string, Record<string, number>>;
  /** Cases still running when the driver gave up. */
  readonly unfinished: number;
  readonly days: number;
  readonly decisions: number;
}

export interface WorkloadOptions {
  /** The scenario of each case, in filing order. */
  readonly plan: readonly string[];
  /** Cases filed per virtual day. */
  readonly perDay: number;
  /** Days a case may take before the driver stops waiting for it. Default 120. */
  readonly maxCaseDays?: number;
  /** The number of the first case (case numbers and event ids must not repeat in one data directory). Default 0. */
  readonly firstNumber?: number;
  /** Called when a case reaches an end status (or gives up). */
  readonly onFinished?: (caseId: string, scenario: string, state: EnforcementCase | undefined) => void;
  /** Called at the end of every virtual day (progress reports). */
  readonly onDay?: (progress: WorkloadProgress) => void;
}

export interface WorkloadProgress {
  readonly day: number;
  readonly filed: number;
  readonly active: number;
  readonly finished: number;
  readonly unfinished: number;
  readonly decisions: number;
}

/** The staff member who decides: holds the role, sits in the court, did not ask for it (and leads the team). */
export function approverFor(runtime: EmbeddedRuntime, approval: Approval): string {
  const staff = runtime.staff.document.staff;
  const member = staff.find(
    (m) =>
      m.active &&
      m.court === approval.court &&
      m.roles.includes(approval.requiredRole) &&
      m.userId !== approval.requester &&
      (approval.requiredRole !== 'team-lead' || m.team === staff.find((r) => r.userId === approval.requester)?.team),
  );
  if (!member) throw new Error(`nobody in the staff directory may decide ${approval.approvalId}`);
  return member.userId;
}

export const ENDED = (state: EnforcementCase | undefined, scenario: WorkloadScenario) =>
  state !== undefined && (scenario.ends.includes(state.status) || state.status === 'needs-attention');

export async function runWorkload(
  runtime: EmbeddedRuntime,
  tracker: CaseTracker,
  options: WorkloadOptions,
): Promise<WorkloadResult> {
  if (runtime.clock.mode !== 'virtual') throw new Error('a workload needs a virtual clock');
  const scenarios = options.plan.map((id) => {
    const scenario = workloadScenario(id);
    if (!scenario) throw new Error(`no workload scenario ${id}`);
    return scenario;
  });
  const maxCaseDays = options.maxCaseDays ?? 120;
  const idp = new LocalIdentityProvider(runtime.staff);
  const dispatch = createDispatcher(runtime, new Authentication({ devTokens: idp }));
  const tokens = new Map<string, string>();
  const tokenOf = async (userId: string) => {
    let token = tokens.get(userId);
    if (!token) {
      token = (await idp.issue(userId)).token;
      tokens.set(userId, token);
    }
    return token;
  };
  const call = async (userId: string, method: 'GET' | 'POST', url: string, body?: unknown) => {
    const response = await dispatch({
      method,
      url,
      authorization: `Bearer ${await tokenOf(userId)}`,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (response.status >= 400) throw new Error(`${method} ${url} as ${userId}: ${response.status} ${response.body}`);
    return JSON.parse(response.body) as unknown;
  };

  const active = new Map<string, Tracked>();
  const outcomes: Record<string, Record<string, number>> = {};
  let next = 0;
  let finished = 0;
  let unfinished = 0;
  let decisions = 0;
  let day = 0;
  const finish = (tracked: Tracked, state: EnforcementCase | undefined, ended: boolean) => {
    active.delete(tracked.caseId);
    tracker.states.delete(tracked.caseId);
    const byStatus = outcomes[tracked.scenario.id] ?? {};
    outcomes[tracked.scenario.id] = byStatus;
    const status = state?.status ?? 'unknown';
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (ended) finished++;
    else unfinished++;
    options.onFinished?.(tracked.caseId, tracked.scenario.id, state);
  };

  for (; next < scenarios.length || active.size > 0; day++) {
    const now = runtime.clock.now();
    // Today's filings.
    for (let i = 0; i < options.perDay && next < scenarios.length; i++, next++) {
      const scenario = scenarios[next] as WorkloadScenario;
      const outcome = await runtime.intake(workloadEvent((options.firstNumber ?? 0) + next, scenario, now));
      if (outcome.outcome !== 'created') throw new Error(`case ${next} not filed: ${JSON.stringify(outcome)}`);
      active.set(outcome.caseId, { caseId: outcome.caseId, scenario, filedAt: day, done: new Set() });
    }
    // What people do today.
    for (const tracked of [...active.values()]) {
      const state = tracker.states.get(tracked.caseId);
      if (ENDED(state, tracked.scenario)) {
        finish(tracked, state, true);
        continue;
      }
      if (day - tracked.filedAt > maxCaseDays) {
        finish(tracked, state, false);
        continue;
      }
      if (state && tracked.scenario.act)
        await tracked.scenario.act({ runtime, state, day: day - tracked.filedAt, done: tracked.done });
    }
    for (const approval of await runtime.deps.approvals.listPending({ court: 'HB0922' })) {
      if (!active.has(approval.caseId)) continue;
      const approver = approverFor(runtime, approval);
      const path = `/tasks/${encodeURIComponent(approval.approvalId)}`;
      // A panel step (E8-PANEL) is voted on by the panel's members until a majority decides it.
      const voters = approval.requiredRole === 'panel-member' ? panelVoters(runtime, approval, approver) : [approver];
      for (const voter of voters) {
        await call(voter, 'GET', path);
        await call(voter, 'POST', `${path}/decision`, {
          decision: 'approved',
          reason: '经审查，同意',
          ...(approval.amountFen !== undefined ? { data: { confirmedAmountFen: approval.amountFen } } : {}),
        });
        decisions++;
        if ((await runtime.deps.approvals.get(approval.approvalId))?.status !== 'pending') break;
      }
    }
    options.onDay?.({ day, filed: next, active: active.size, finished, unfinished, decisions });
    if (next >= scenarios.length && active.size === 0) break;
    await runtime.advance(DAY);
  }
  return { filed: next, finished, outcomes, unfinished, days: day, decisions };
}

/** `count` scenario ids in the proportions of the weights, interleaved (as cases arrive in a real court). */
export function planOf(weights: Readonly<Record<string, number>>, count: number): string[] {
  const entries = Object.entries(weights).filter(([, w]) => w > 0);
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  const plan: string[] = [];
  const credit = new Map(entries.map(([id]) => [id, 0]));
  for (let i = 0; i < count; i++) {
    // Smooth weighted round robin: deterministic, and every prefix is close to the mix.
    let best = '';
    let bestCredit = Number.NEGATIVE_INFINITY;
    for (const [id, weight] of entries) {
      const c = (credit.get(id) ?? 0) + weight;
      credit.set(id, c);
      if (c > bestCredit) {
        best = id;
        bestCredit = c;
      }
    }
    credit.set(best, bestCredit - total);
    plan.push(best);
  }
  return plan;
}
