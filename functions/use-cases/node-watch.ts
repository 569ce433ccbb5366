/**
 * The node sweeper: what fires warnings and escalations when time passes without any activity on a case. It reads
 * the sweep index (cases whose next node milestone is due: no scan), and for each case records what is due
 * (node-warned, node-overdue, node-task-started) and opens the tasks as executions of the node-task machine:
 * the overdue node's supervision (team lead, then bureau chief) and the term's extension (A2, the president).
 *
 * Exactly-once, without transactions: a task's execution name is the case id with the number of node tasks the
 * case had before it (`<case>-node-task-<n>`), so the execution is started first and the event written after; a
 * crash in between starts it again under the same name (already there: fine) and writes the event then. Only
 * the sweeper opens node tasks (one sweeper at a time: reserved concurrency 1 on AWS, serial work locally).
 */
import { firstLevel } from '#domain/approvals/policy.ts';
import { chinaDateOf } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { nodeLabel } from '#domain/case/node-labels.ts';
import { dueNodeActions, type NodeAction } from '#domain/case/node-watch.ts';
import { listingRemovalDue } from '#domain/coercion/removal.ts';
import { coercionRunning } from '#domain/control/plan.ts';
import { lapsed } from '#domain/disputes/distribution.ts';
import { deferralEnded } from '#domain/disputes/suspension.ts';
import { executionName } from '#domain/ids.ts';
import { approvalRequestTerms } from './approvals.ts';
import { type Deps, loadCase, mutateCase } from './context.ts';
import { advanceDistribution } from './distribution.ts';
import { lapseObjectionWindows } from './objections.ts';
import { resumeAtDeferralEnd } from './suspension.ts';

export type SweepDeps = Pick<
  Deps,
  'cases' | 'queries' | 'clock' | 'rules' | 'calendar' | 'engine' | 'alerts' | 'payments'
> &
  Partial<Pick<Deps, 'wakes'>>;

export const SWEEPER = { kind: 'system', id: 'node-sweeper' } as const;
export const NODE_TASK_MACHINE = 'node-task';
/** Cases one sweep takes at most; the rest wait for the next (every few minutes on AWS, at once locally). */
export const SWEEP_BATCH = 200;

interface PlannedTask {
  readonly task: 'overdue-node' | 'term-extension';
  readonly node: string;
  readonly execution: string;
}

function plannedTasks(state: EnforcementCase, actions: readonly NodeAction[]): PlannedTask[] {
  let run = state.nodeTaskRuns ?? 0;
  const tasks: PlannedTask[] = [];
  for (const action of actions) {
    if (action.kind !== 'escalate' && action.kind !== 'request-extension') continue;
    run += 1;
    tasks.push({
      task: action.kind === 'escalate' ? 'overdue-node' : 'term-extension',
      node: action.node.node,
      execution: executionName(state.caseId, 'node-task', run),
    });
  }
  return tasks;
}

function eventsFor(actions: readonly NodeAction[], tasks: readonly PlannedTask[], now: string): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const action of actions) {
    if (action.kind === 'warn')
      events.push({ type: 'node-warned', node: action.node.node, dueDate: action.node.dueDate });
    if (action.kind === 'overdue') events.push({ type: 'node-overdue', node: action.node.node, at: now });
    // A11-OBJECTION: the window to object to a price report passed; an objection made in it is an OBJ-ACT one.
    if (action.kind === 'lapse' && action.node.node.startsWith('price-objection:'))
      events.push({ type: 'node-met', node: action.node.node, at: now });
  }
  for (const task of tasks) events.push({ type: 'node-task-started', ...task });
  return events;
}

export interface SweepResult {
  /** Cases the index named as due. */
  readonly due: number;
  /** Cases on which something was recorded or started. */
  readonly acted: number;
  readonly warned: number;
  readonly overdue: number;
  readonly tasks: number;
  /** Cases whose sweep failed (logged by the caller's function; tried again next sweep). */
  readonly failed: readonly string[];
}

/**
 * C6 (法释〔2017〕7号 第十条第二款): a listing whose term ended is removed within 3 working days. Its removal node
 * (set when it was listed) brings the case to the sweeper; when no coercion phase runs, a run that only removes and
 * publishes is recorded, then started: a repeat before the run opens computes the same execution name (already
 * there), and the run, once open, removes the listing so that nothing is due any more.
 */
async function liftAtTermEnd(deps: SweepDeps, state: EnforcementCase, now: string): Promise<void> {
  if (listingRemovalDue(state, deps.rules, chinaDateOf(now))?.ground !== 'term-ended' || coercionRunning(state)) return;
  const run = (state.phaseRuns.coercion ?? 0) + 1;
  await mutateCase(deps, state.caseId, SWEEPER, { action: 'listing-term-ended' }, (s) => ({
    events: s.coercion?.liftingRun === run ? [] : [{ type: 'lifting-run-started', run }],
    result: undefined,
  }));
  await deps.engine.startExecution('coercion', executionName(state.caseId, 'coercion', run), {
    v: 1,
    caseId: state.caseId,
  });
}

/** One case: what is due now, the tasks started, then the events written. Returns what was done. */
export function sweepCase(deps: SweepDeps) {
  const advance = advanceDistribution(deps);
  const resumeDeferral = resumeAtDeferralEnd(deps);
  return async (caseId: string) => {
    let before = await loadCase(deps.cases, caseId);
    const now = deps.clock.now();
    // A distribution window that ended unused (参与分配): the court pays as the rules say, which meets its node.
    if (lapsed(before, now).pay) {
      await advance(caseId, SWEEPER);
      before = await loadCase(deps.cases, caseId);
    }
    // A deferral whose term ended (暂缓执行): enforcement resumes at once, which meets its node.
    if (deferralEnded(before, now, deps.rules)) {
      await resumeDeferral(caseId);
      before = await loadCase(deps.cases, caseId);
    }
    await liftAtTermEnd(deps, before, now);
    const actions = dueNodeActions(before, now, deps.rules, deps.calendar);
    // A party's window that ran out (an objection's reconsideration or lawsuit period): the ruling stands.
    if (actions.some((a) => a.kind === 'lapse')) await lapseObjectionWindows(deps, caseId);
    if (actions.length === 0) {
      // The index said due, the case says not (written under other rules, or stale): put it right.
      await deps.queries.reindex(before);
      return { warned: 0, overdue: 0, tasks: 0 };
    }
    for (const task of plannedTasks(before, actions)) {
      if (!before.nodes[task.node]) throw new Error(`case ${caseId} has no node ${task.node}`);
      const terms = approvalRequestTerms(deps, task.task, {}, firstLevel(task.task, {}, deps.rules));
      await deps.engine.startExecution(NODE_TASK_MACHINE, task.execution, {
        v: 1,
        caseId,
        node: task.node,
        approval: {
          ...terms,
          node: task.node,
          ...(task.task === 'term-extension' ? { months: deps.rules.A2.extensionMonths } : {}),
        },
      });
    }
    const { state, result } = await mutateCase(deps, caseId, SWEEPER, { action: 'node-sweep' }, (s, at) => {
      const due = dueNodeActions(s, at, deps.rules, deps.calendar);
      const events = eventsFor(due, plannedTasks(s, due), at);
      return { events, result: due };
    });
    const warned = result.filter((a) => a.kind === 'warn');
    const overdue = result.filter((a) => a.kind === 'overdue');
    for (const action of [...warned, ...overdue]) {
      await deps.alerts.alert({
        kind: action.kind === 'warn' ? 'node-warning' : 'node-overdue',
        caseId,
        court: state.court.code,
        at: now,
        message:
          action.kind === 'warn'
            ? `${state.caseNumber}：${nodeLabel(action.node.node)}将于${action.node.dueDate}到期`
            : `${state.caseNumber}：${nodeLabel(action.node.node)}已逾期（应于${action.node.dueDate}前完成），已交团队负责人督办`,
      });
    }
    return {
      warned: warned.length,
      overdue: overdue.length,
      tasks: result.filter((a) => a.kind === 'escalate' || a.kind === 'request-extension').length,
    };
  };
}

/** One sweep: every case the index names as due now, up to SWEEP_BATCH. */
export function sweepNodes(deps: SweepDeps) {
  const one = sweepCase(deps);
  return async (limit: number = SWEEP_BATCH): Promise<SweepResult> => {
    const due = await deps.queries.dueForSweep(deps.clock.now(), limit);
    let acted = 0;
    let warned = 0;
    let overdue = 0;
    let tasks = 0;
    const failed: string[] = [];
    for (const caseId of due) {
      try {
        const done = await one(caseId);
        if (done.warned + done.overdue + done.tasks > 0) acted++;
        warned += done.warned;
        overdue += done.overdue;
        tasks += done.tasks;
      } catch {
        failed.push(caseId);
      }
    }
    return { due: due.length, acted, warned, overdue, tasks, failed };
  };
}
