/**
 * The embedded workflow engine: runs the state machines with aws-local-stepfunctions (an ASL interpreter) and
 * adds what Step Functions gives on AWS and the interpreter does not: durability and long waits.
 *
 * An execution runs in segments. A segment starts at a top-level state and runs until the execution ends or
 * waits: for a task token (a person or an outside party), or on a Wait state. On SQLite a segment is one unit of
 * work (one transaction with everything its steps wrote): a crash in the middle leaves nothing of it, and the
 * execution runs the segment again from where it started. On the DynamoDB adapters every state entered is
 * checkpointed instead, and executions caught mid-segment run again from their last checkpoint (steps are
 * idempotent, as on AWS where a Retry also runs a step again). A wait is recorded with its token or timer;
 * timeouts and timers are durable records fired by `runDue`; waiting executions keep waiting across restarts.
 *
 * The interpreter's own timers cannot represent long waits (setTimeout overflows past 24.8 days), so the engine
 * lifts TimeoutSeconds(Path) off `.waitForTaskToken` states and enforces them itself; everything else in the
 * definitions runs as written.
 */
import { randomBytes } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import { type Instant, plusSeconds } from '#domain/calendar/local-date.ts';
import { TaskNoLongerWaitingError, type WorkflowEngine } from '#ports/workflow-engine.ts';
import type { Definition, State, TaskState } from '#workflows/asl.ts';
import { ERRORS } from '#workflows/errors.ts';
import type { MachineName } from '#workflows/index.ts';
import type { StepName } from '#workflows/steps.ts';
import type { RuntimeClock } from './clock.ts';
import { localMachineArn, machineOfArn, stepOfArn } from './definitions.ts';
import type { ExecutionRecord, RuntimeStore, TimerRecord, TokenRecord } from './runtime-store.ts';

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const LAMBDA_WAIT = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const START_EXECUTION = 'arn:aws:states:::states:startExecution';
/** The longest a JavaScript timer can wait; Wait states are parked by the engine long before that. */
const MAX_TIMER_MS = 2_147_483_647;

/** Thrown from a waiting task to end the segment; neither retried nor caught by the definition. */
class SegmentSuspended extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
  constructor() {
    super('segment suspended');
    this.name = 'LocalRuntimeSuspend';
  }
}

/** An error that looks, to Retry and Catch, like the one Step Functions would report. */
function stepFunctionsError(name: string, cause: string): Error {
  const error = new Error(cause);
  error.name = name;
  return error;
}

export type StepInvoker = (step: StepName, payload: unknown, execution: ExecutionRecord) => Promise<unknown>;

export type RuntimeEvent =
  | {
      readonly type: 'execution-started';
      readonly execution: string;
      readonly machine: string;
      readonly caseId?: string;
    }
  | { readonly type: 'state-entered'; readonly execution: string; readonly state: string }
  | { readonly type: 'execution-waiting'; readonly execution: string; readonly state: string; readonly until?: Instant }
  /** A segment's unit of work committed (or, without units, the segment ended). */
  | { readonly type: 'segment-ended'; readonly execution: string }
  | {
      readonly type: 'execution-ended';
      readonly execution: string;
      readonly status: 'succeeded' | 'failed';
      readonly error?: string;
    };

interface Resume {
  readonly state: string;
  readonly token: string;
  readonly outcome:
    | { readonly ok: true; readonly output: unknown }
    | { readonly ok: false; readonly error: string; readonly cause: string };
}

/** Queued work: `seq` is its place in the queue, kept in the records that make it recoverable (see `recover`). */
type WorkItem = {
  readonly execution: string;
  readonly seq: number;
  readonly resume?: Resume;
  readonly skipWait?: string;
};

interface TimeoutSpec {
  readonly seconds?: number;
  readonly path?: string;
}

/** `$.a.b.c` against a JSON value; only simple paths, which is all the definitions use for timeouts. */
export function resolveSimplePath(value: unknown, path: string): unknown {
  if (!/^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(path))
    throw new Error(`unsupported path for the embedded runtime: ${path}`);
  let current = value;
  for (const key of path.slice(2).split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The most deliveries fired in one unit of work. */
const DELIVERY_BATCH = 50;
/** How many due timers `fireDue` reads at a time. */
const DUE_READ = 100;

/** The timers `due[from]` fires with: alone, or, a delivery, with the deliveries due at its instant right after it. */
function firingBatch(due: readonly TimerRecord[], from: number): TimerRecord[] {
  const first = due[from] as TimerRecord;
  const batch = [first];
  if (first.kind !== 'delivery') return batch;
  for (let i = from + 1; i < due.length && batch.length < DELIVERY_BATCH; i++) {
    const timer = due[i] as TimerRecord;
    if (timer.kind !== 'delivery' || timer.fireAt !== first.fireAt) break;
    batch.push(timer);
  }
  return batch;
}

/**
 * What a segment needs of a machine's definition that never changes: its task states by integration, its Wait
 * states, and the retry pauses with none (virtual time). Built once per machine, not for every segment.
 */
interface MachinePlan {
  readonly invokes: readonly string[];
  readonly waits: readonly string[];
  readonly starts: readonly string[];
  /** Every Wait state held at the longest JavaScript timer (the engine parks them itself). */
  readonly waitHeld: Readonly<Record<string, number>>;
  /** Every Task state retried at once. */
  readonly noRetryPauses: Readonly<Record<string, number>>;
  /** A Task state of an integration the engine lacks: a segment of this machine fails to start (as before). */
  readonly unsupported?: string;
}

function planOf(definition: Definition): MachinePlan {
  const invokes: string[] = [];
  const waits: string[] = [];
  const starts: string[] = [];
  const waitHeld: Record<string, number> = {};
  const noRetryPauses: Record<string, number> = {};
  let unsupported: string | undefined;
  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Type === 'Wait') {
      waitHeld[name] = MAX_TIMER_MS;
      continue;
    }
    if (state.Type !== 'Task') continue;
    noRetryPauses[name] = 0;
    if (state.Resource === LAMBDA_INVOKE) invokes.push(name);
    else if (state.Resource === LAMBDA_WAIT) waits.push(name);
    else if (state.Resource === START_EXECUTION) starts.push(name);
    else unsupported ??= `the embedded runtime has no integration for ${state.Resource} (state ${name})`;
  }
  return { invokes, waits, starts, waitHeld, noRetryPauses, ...(unsupported ? { unsupported } : {}) };
}

export interface LocalEngineOptions {
  readonly store: RuntimeStore;
  readonly clock: RuntimeClock;
  readonly definitions: Readonly<Record<MachineName, Definition>>;
  readonly invoke: StepInvoker;
  /** Retry pauses: as written (real time) or none (virtual time, where waiting a real second helps nobody). */
  readonly retryPauses: 'as-written' | 'none';
  readonly onEvent?: (event: RuntimeEvent) => void;
  /**
   * Runs a segment (and a timer's firing) as one unit of work: all its writes in one transaction (SQLite,
   * local/store/unit-of-work.ts). With it, a segment is atomic: a crash in the middle leaves the execution as it
   * was when the segment started, so the engine writes no checkpoint per state entered, only the record at the end.
   * Without it (the DynamoDB adapters), every state entered is checkpointed.
   */
  readonly unit?: <T>(work: () => Promise<T>) => Promise<T>;
  readonly onCounters?: (
    caseId: string,
    delta: { transitions: number; invocations: number; executions: number },
  ) => Promise<void>;
  /**
   * With a store that keeps counters on the execution records (RuntimeStore.countersOnExecutions): the store
   * operations run for a case since last asked, written on the record at the segment's end instead of `onCounters`.
   */
  readonly takeStoreOperations?: (caseId: string) => number;
  /**
   * State transitions as Step Functions bills them, per segment: states entered and retries, without the re-entry
   * of the state a segment resumes at (a wait that was already entered, or the checkpoint after a crash).
   */
  readonly onBilledTransitions?: (caseId: string, machine: MachineName, transitions: number) => void;
}

export class LocalEngine implements WorkflowEngine {
  private readonly options: LocalEngineOptions;
  private readonly runnable: Record<MachineName, Definition>;
  private readonly plans = new Map<MachineName, MachinePlan>();
  private readonly tokenTimeouts = new Map<string, TimeoutSpec>();
  private readonly machines = new Map<string, StateMachine>();
  private readonly queue: WorkItem[] = [];
  /** The last place given in the queue; it grows across restarts (`recover` starts after the highest found). */
  private seq = 0;
  /**
   * The earliest timer, as far as this process knows (`known`): timers are added and deleted only through this
   * engine, one process per data directory, so most checks for due timers need no read. Never later than the truth
   * (an added timer lowers it, even in a unit later rolled back; firing timers makes it unknown again).
   */
  private earliestTimer: { known: boolean; at?: Instant } = { known: false };
  /** A timer due already was added since `fireDue` last read the due timers: they must be read again. */
  private addedDue = false;
  /**
   * The instant at which `fireDue` last found no timer due, if no timer due by then has been added since: a call
   * at the same instant has nothing to read (the clock never goes back, and every timer is added through here).
   */
  private nothingDueAt: Instant | undefined;
  /** The running segment's case and the executions it started for that case (counted with its other counters). */
  private segmentCounters: { caseId: string; executions: number } | undefined;

  constructor(options: LocalEngineOptions) {
    this.options = options;
    this.runnable = {} as Record<MachineName, Definition>;
    for (const [machine, definition] of Object.entries(options.definitions) as [MachineName, Definition][]) {
      const states: Record<string, State> = {};
      for (const [name, state] of Object.entries(definition.States)) {
        if (state.Type === 'Task' && state.Resource === LAMBDA_WAIT) {
          const { TimeoutSeconds, TimeoutSecondsPath, ...rest } = state;
          this.tokenTimeouts.set(`${machine}|${name}`, {
            ...(TimeoutSeconds !== undefined ? { seconds: TimeoutSeconds } : {}),
            ...(TimeoutSecondsPath !== undefined ? { path: TimeoutSecondsPath } : {}),
          });
          states[name] = rest as TaskState;
        } else {
          states[name] = state;
        }
      }
      this.runnable[machine] = { ...definition, States: states };
      this.plans.set(machine, planOf(this.runnable[machine]));
    }
  }

  // --- the WorkflowEngine port -------------------------------------------------------------------------------

  async startExecution(machine: string, name: string, input: unknown): Promise<{ started: boolean }> {
    const result = await this.start(machine as MachineName, name, input);
    return { started: result === 'started' };
  }

  async sendTaskSuccess(token: string, output: unknown): Promise<void> {
    await this.settle(token, { status: 'succeeded', output });
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    await this.settle(token, { status: 'failed', error, cause });
  }

  // --- running ------------------------------------------------------------------------------------------------

  /** Starts an execution (queued): 'started', 'same' (running with the same input) or 'conflict'. */
  async start(machine: MachineName, name: string, input: unknown): Promise<'started' | 'same' | 'conflict'> {
    const definition = this.runnable[machine];
    if (!definition) throw new Error(`no state machine ${machine}`);
    const now = this.options.clock.now();
    const caseId = typeof input === 'object' && input !== null ? (input as { caseId?: unknown }).caseId : undefined;
    const seq = ++this.seq;
    const created = await this.options.store.createExecution({
      name,
      machine,
      input,
      ...(typeof caseId === 'string' ? { caseId } : {}),
      status: 'running',
      checkpoint: { state: definition.StartAt, input },
      startedAt: now,
      updatedAt: now,
      transitions: 0,
      queued: seq,
      ...(this.options.store.countersOnExecutions ? { invocations: 0, storeOperations: 0 } : {}),
    });
    if (!created) {
      const existing = await this.options.store.getExecution(name);
      const running = existing?.status === 'running' || existing?.status === 'waiting';
      if (!running || JSON.stringify(existing?.input) !== JSON.stringify(input)) return 'conflict';
      // Started before but perhaps never run (a crash right after its start): make sure it runs.
      if (existing?.status === 'running' && !this.queue.some((item) => item.execution === name))
        this.enqueue({ execution: name, seq: existing.queued ?? seq });
      return 'same';
    }
    this.options.onEvent?.({
      type: 'execution-started',
      execution: name,
      machine,
      ...(typeof caseId === 'string' ? { caseId } : {}),
    });
    if (typeof caseId === 'string') {
      // Where the store keeps counters on execution records, the record counts itself.
      if (!this.options.store.countersOnExecutions) {
        if (this.segmentCounters?.caseId === caseId) this.segmentCounters.executions++;
        else await this.options.onCounters?.(caseId, { transitions: 0, invocations: 0, executions: 1 });
      }
    }
    this.enqueue({ execution: name, seq });
    return 'started';
  }

  private async settle(
    token: string,
    outcome: Pick<TokenRecord, 'status' | 'output' | 'error' | 'cause'>,
  ): Promise<void> {
    const settled = await this.options.store.settleToken(token, { ...outcome, queued: ++this.seq });
    if (!settled) {
      const existing = await this.options.store.getToken(token);
      throw new TaskNoLongerWaitingError(existing ? `TaskTimedOut: ${existing.status}` : 'InvalidToken');
    }
    this.enqueueTokenResume(settled);
  }

  /** Into the queue at its place: after every item queued before it (the queue is in `seq` order). */
  private enqueue(item: WorkItem): void {
    let at = this.queue.length;
    while (at > 0 && (this.queue[at - 1] as WorkItem).seq > item.seq) at--;
    this.queue.splice(at, 0, item);
  }

  /** The executions queued to run, in the order they will run (tests). */
  get pending(): readonly string[] {
    return this.queue.map((item) => item.execution);
  }

  private tokenResume(token: TokenRecord): WorkItem {
    const outcome: Resume['outcome'] =
      token.status === 'succeeded'
        ? { ok: true, output: token.output }
        : token.status === 'timed-out'
          ? { ok: false, error: ERRORS.timeout, cause: 'The task did not complete within its TimeoutSeconds.' }
          : { ok: false, error: token.error ?? 'TaskFailed', cause: token.cause ?? '' };
    return {
      execution: token.execution,
      seq: token.queued ?? 0,
      resume: { state: token.state, token: token.token, outcome },
    };
  }

  private enqueueTokenResume(token: TokenRecord): void {
    this.enqueue(this.tokenResume(token));
  }

  /**
   * After a restart: run again what was caught mid-segment (delivering the settled token it was started with, if
   * its wait state had not been left), resume what was settled but not yet resumed, leave the Wait states whose
   * timers fired, and re-arm the timers of what waits (re-adding a timer is harmless: its key is fixed).
   *
   * The queue is rebuilt in the order it was in: each piece of pending work was given its place (`seq`) when it was
   * queued, in the same unit of work that made it pending (the execution created, its token settled, its timer
   * fired). Run in another order, two executions of one case would write its journal in another order.
   */
  async recover(): Promise<number> {
    const { store } = this.options;
    const recovered: WorkItem[] = [];
    for (const execution of await store.activeExecutions()) {
      const seq = execution.queued ?? 0;
      if (execution.status === 'running') {
        const resumed = execution.resumeToken ? await store.getToken(execution.resumeToken) : undefined;
        const minted = execution.token ? await store.getToken(execution.token) : undefined;
        const settled = [resumed, minted].find(
          (t) => t && t.status !== 'waiting' && t.state === execution.checkpoint.state,
        );
        recovered.push(settled ? this.tokenResume(settled) : { execution: execution.name, seq });
      } else if (execution.waiting?.kind === 'token') {
        const token = await store.getToken(execution.waiting.token);
        if (token && token.status !== 'waiting') recovered.push(this.tokenResume(token));
        else await this.armTimer(execution.name, execution.waiting);
      } else if (execution.waiting?.kind === 'timer') {
        if (execution.waiting.fired)
          recovered.push({ execution: execution.name, seq, skipWait: execution.waiting.state });
        else await this.armTimer(execution.name, execution.waiting);
      }
    }
    // Records of an earlier release have no place (0): they keep the order they are listed in (a stable sort).
    recovered.sort((a, b) => a.seq - b.seq);
    for (const item of recovered) {
      this.seq = Math.max(this.seq, item.seq);
      this.enqueue(item);
    }
    return recovered.length;
  }

  private async addTimer(timer: TimerRecord): Promise<void> {
    await this.options.store.addTimer(timer);
    if (timer.fireAt <= this.options.clock.now()) {
      this.addedDue = true;
      this.nothingDueAt = undefined;
    }
    const { known, at } = this.earliestTimer;
    if (known && (at === undefined || timer.fireAt < at)) this.earliestTimer = { known, at: timer.fireAt };
  }

  private async deleteTimer(timer: TimerRecord): Promise<void> {
    await this.options.store.deleteTimer(timer);
    if (this.earliestTimer.at === timer.fireAt) this.earliestTimer = { known: false };
  }

  private async armTimer(execution: string, waiting: NonNullable<ExecutionRecord['waiting']>): Promise<void> {
    if (waiting.kind === 'token') {
      if (!waiting.timeoutAt) return;
      await this.addTimer({
        id: waiting.token.slice(0, 16),
        kind: 'timeout',
        fireAt: waiting.timeoutAt,
        token: waiting.token,
      });
    } else {
      await this.addTimer({
        id: `${execution}:${waiting.state}`,
        kind: 'resume',
        fireAt: waiting.fireAt,
        execution,
        state: waiting.state,
      });
    }
  }

  get hasWork(): boolean {
    return this.queue.length > 0;
  }

  /** Runs queued segments, one at a time, until none is left. */
  async drain(): Promise<number> {
    let segments = 0;
    for (let item = this.queue.shift(); item; item = this.queue.shift()) {
      await this.runSegment(item);
      segments++;
      this.options.onEvent?.({ type: 'segment-ended', execution: item.execution });
    }
    return segments;
  }

  /**
   * Fires the timers due by now (token timeouts, Wait states, scheduled deliveries), earliest first, running what
   * each firing queues before the next fires. Deliveries due at the same instant and next to each other in that
   * order fire in one unit of work (at most DELIVERY_BATCH), each followed by the segments it resumed, inside the
   * unit: one transaction, and on SQLite one statement deleting their timers, instead of one each. The order of the
   * work is the one of firing each timer alone; only the transactions' boundaries depend on the batches. So the
   * queue holds the work of one firing at most, and a restart (which runs the queue first, then fires what is still
   * due) goes on in the same order as the process it replaces. Returns when no timer is due any more, timers
   * that the firings added included, so what runs between two calls (the node sweep) never falls among them.
   */
  async fireDue(deliver: (body: unknown) => Promise<void>): Promise<number> {
    const now = this.options.clock.now();
    const { known, at } = this.earliestTimer;
    if (known && (at === undefined || at > now)) return 0;
    if (this.nothingDueAt === now) return 0;
    this.earliestTimer = { known: false };
    const unit = this.options.unit ?? ((work) => work());
    let fired = 0;
    // Whether every due timer read was fired and none due was added: then nothing is due any more, and the earliest
    // timer is known from the last read (where the store gives it) and kept by the firings (addTimer, deleteTimer).
    let complete = false;
    try {
      // Until nothing is due: the due timers are read again whenever a firing added one due already (a wake, an
      // answer without delay), so each firing is of the earliest timer due, (due time, id), on disk at that moment.
      // Had such a timer waited for the next read, the order would depend on where reads fell, and a restart reads
      // from wherever the killed process was (issue 11: two commits of one case swapped after a restart).
      for (;;) {
        this.addedDue = false;
        const due = await this.readDue(now);
        if (due.length === 0) {
          // Unless a timer due was added while the read was under way (another flow's unit).
          complete = !this.addedDue;
          if (complete) this.nothingDueAt = now;
          break;
        }
        for (let next = 0; next < due.length && !this.addedDue; ) {
          const batch = firingBatch(due, next);
          let done = 0;
          // The firings and the timers' deletion in one unit: a delivery is not made twice, nor lost, by a crash.
          // What each firing queues runs right after it, inside the unit: the order of the work is the same however
          // the timers are cut into batches (a restart reads the queue from another place, so its batches may differ).
          await unit(async () => {
            done = 0;
            for (const timer of batch) {
              if (this.addedDue) break;
              await this.fire(timer, deliver);
              await this.options.store.deleteTimer(timer);
              await this.drain();
              done++;
            }
          });
          next += done;
          fired += done;
          await this.drain();
        }
        // All of a read that was not cut by its limit fired, and no firing added a timer due: nothing is due now
        // (the timers not due at the read are not due at the same instant), so no read to find that out.
        complete = !this.addedDue && due.length < DUE_READ;
        if (complete) {
          this.nothingDueAt = now;
          break;
        }
      }
    } finally {
      if (!complete) this.earliestTimer = { known: false };
    }
    return fired;
  }

  /**
   * The due timers; where the store gives it in the same read, the earliest timer after them becomes known (the
   * firings that follow keep it: an added timer lowers it, deleting it makes it unknown).
   */
  private async readDue(now: Instant): Promise<TimerRecord[]> {
    const { store } = this.options;
    this.earliestTimer = { known: false };
    if (!store.dueTimersAndNext) return store.dueTimers(now, DUE_READ);
    const { due, next } = await store.dueTimersAndNext(now, DUE_READ);
    this.earliestTimer = { known: true, ...(next ? { at: next } : {}) };
    return due;
  }

  async nextTimerAt(): Promise<Instant | undefined> {
    if (!this.earliestTimer.known) {
      const at = (await this.options.store.nextTimer())?.fireAt;
      this.earliestTimer = { known: true, ...(at ? { at } : {}) };
    }
    return this.earliestTimer.at;
  }

  async schedule(timer: TimerRecord): Promise<void> {
    await this.addTimer(timer);
  }

  private async fire(timer: TimerRecord, deliver: (body: unknown) => Promise<void>): Promise<void> {
    if (timer.kind === 'delivery') {
      await deliver(timer.body);
      return;
    }
    if (timer.kind === 'timeout') {
      const timedOut = await this.options.store.settleToken(timer.token, { status: 'timed-out', queued: ++this.seq });
      if (timedOut) this.enqueueTokenResume(timedOut);
      return;
    }
    const execution = await this.options.store.getExecution(timer.execution);
    if (
      execution?.status === 'waiting' &&
      execution.waiting?.kind === 'timer' &&
      execution.waiting.state === timer.state
    ) {
      // Recorded with the timer's deletion: after a crash the execution is queued again at the same place.
      const seq = ++this.seq;
      await this.options.store.putExecution({
        ...execution,
        queued: seq,
        waiting: { ...execution.waiting, fired: true },
      });
      this.enqueue({ execution: execution.name, seq, skipWait: timer.state });
    }
  }

  private machine(machine: MachineName, startAt: string): StateMachine {
    const key = `${machine}|${startAt}`;
    let cached = this.machines.get(key);
    if (!cached) {
      const definition = this.runnable[machine];
      // Definitions are validated by the test suite (asl-validator) and at synth; here, only re-entry points differ.
      cached = new StateMachine({ ...definition, StartAt: startAt } as never, {
        validationOptions: { noValidate: true },
      });
      this.machines.set(key, cached);
    }
    return cached;
  }

  private async runSegment(item: WorkItem): Promise<void> {
    const { unit } = this.options;
    try {
      if (unit) return await unit(() => this.segment(item, true));
      return await this.segment(item, false);
    } finally {
      this.segmentCounters = undefined;
    }
  }

  /** One segment; `atomic`: its writes are one unit of work (see LocalEngineOptions.unit). */
  private async segment(item: WorkItem, atomic: boolean): Promise<void> {
    const { store, clock } = this.options;
    const execution = await store.getExecution(item.execution);
    if (!execution || execution.status === 'succeeded' || execution.status === 'failed') return;
    // A waiting execution moves only when its token is settled or its timer fires.
    if (execution.status === 'waiting' && !item.resume && !item.skipWait) return;
    if (
      item.resume &&
      !(execution.waiting?.kind === 'token' && execution.waiting.state === item.resume.state) &&
      execution.checkpoint.state !== item.resume.state
    ) {
      return;
    }
    const machine = execution.machine as MachineName;
    const definition = this.runnable[machine];
    const counted = execution.caseId ? { caseId: execution.caseId, executions: 0 } : undefined;
    this.segmentCounters = counted;
    const from = item.resume
      ? { state: item.resume.state, input: execution.checkpoint.input }
      : { state: execution.checkpoint.state, input: execution.checkpoint.input };
    // After a crash mid-segment (not atomic), the token the segment minted may be held by a partner already.
    const reuse =
      !atomic && !item.resume && execution.token && (await store.getToken(execution.token))?.status === 'waiting';
    const token = reuse && execution.token ? execution.token : randomBytes(48).toString('base64url');
    let current: ExecutionRecord = {
      ...execution,
      status: 'running',
      token,
      resumeToken: item.resume?.token,
      waiting: undefined,
      updatedAt: clock.now(),
    };
    // An atomic segment writes the record once, at its end; no one else sees it meanwhile.
    if (!atomic) await store.putExecution(current);
    // Resumed before its timeout: the timeout's timer goes now, rather than fire later for nothing.
    const waited = execution.waiting;
    const timedOut = item.resume && !item.resume.outcome.ok && item.resume.outcome.error === ERRORS.timeout;
    if (item.resume && !timedOut && waited?.kind === 'token' && waited.timeoutAt && waited.token === item.resume.token)
      await this.deleteTimer({
        id: waited.token.slice(0, 16),
        kind: 'timeout',
        fireAt: waited.timeoutAt,
        token: waited.token,
      });

    let suspension: ExecutionRecord['waiting'];
    let resumePending = item.resume;
    let transitions = 0;
    let invocations = 0;
    const invoke = async (step: StepName, payload: unknown) => {
      invocations++;
      return this.options.invoke(step, payload, current);
    };

    const plan = this.plans.get(machine) as MachinePlan;
    if (plan.unsupported) throw new Error(plan.unsupported);
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    const invokeHandler = async (params: unknown) => {
      const { FunctionName, Payload } = params as { FunctionName: string; Payload: unknown };
      return {
        Payload: await invoke(stepOfArn(FunctionName), Payload),
        StatusCode: 200,
        ExecutedVersion: '$LATEST',
      };
    };
    for (const name of plan.invokes) handlers[name] = invokeHandler;
    for (const name of plan.waits) {
      handlers[name] = async (params) => {
        if (resumePending && resumePending.state === name) {
          const { outcome } = resumePending;
          resumePending = undefined;
          if (outcome.ok) return outcome.output;
          throw stepFunctionsError(outcome.error, outcome.cause);
        }
        await store.putToken({ token, execution: execution.name, state: name, status: 'waiting' });
        const { FunctionName, Payload } = params as { FunctionName: string; Payload: unknown };
        await invoke(stepOfArn(FunctionName), Payload);
        suspension = { kind: 'token', state: name, token };
        throw new SegmentSuspended();
      };
    }
    const startHandler = async (params: unknown) => {
      const { StateMachineArn, Name, Input } = params as { StateMachineArn: string; Name: string; Input: unknown };
      const input = typeof Input === 'string' ? JSON.parse(Input) : Input;
      const started = await this.start(machineOfArn(StateMachineArn), Name, input);
      if (started === 'conflict') {
        throw stepFunctionsError(ERRORS.executionAlreadyExists, `Execution already exists: ${Name}`);
      }
      return {
        ExecutionArn: `${StateMachineArn.replace(':stateMachine:', ':execution:')}:${Name}`,
        StartDate: clock.now(),
      };
    };
    for (const name of plan.starts) handlers[name] = startHandler;

    const waitTimeOverrides = item.skipWait ? { ...plan.waitHeld, [item.skipWait]: 0 } : plan.waitHeld;
    const retryIntervalOverrides = this.options.retryPauses === 'none' ? plan.noRetryPauses : {};

    const run = this.machine(machine, from.state).run(from.input as never, {
      overrides: { taskResourceLocalHandlers: handlers as never, waitTimeOverrides, retryIntervalOverrides },
      noThrowOnAbort: true,
      context: {
        Execution: {
          Id: `${localMachineArn(machine).replace(':stateMachine:', ':execution:')}:${execution.name}`,
          Name: execution.name,
          StartTime: execution.startedAt,
          Input: execution.input as never,
        },
        StateMachine: { Id: localMachineArn(machine), Name: machine },
        Task: { Token: token },
      },
    });

    let skipWaitOnce = item.skipWait;
    let retries = 0;
    let reached: ExecutionRecord['checkpoint'] | undefined;
    const consumer = (async () => {
      for await (const event of run.eventLogs) {
        if (event.type === 'StateRetried') retries++;
        if (event.type !== 'StateEntered') continue;
        transitions++;
        if (atomic) reached = { state: event.state.name, input: event.state.input };
        else await store.checkpoint(execution.name, event.state.name, event.state.input, clock.now());
        this.options.onEvent?.({ type: 'state-entered', execution: execution.name, state: event.state.name });
        if (event.state.type === 'Wait') {
          if (skipWaitOnce === event.state.name) {
            skipWaitOnce = undefined;
            continue;
          }
          suspension = {
            kind: 'timer',
            state: event.state.name,
            fireAt: this.waitUntil(definition.States[event.state.name], event.state.input),
          };
          run.abort();
        }
      }
    })();

    let output: unknown;
    let failure: { Error: string; Cause: string } | undefined;
    try {
      output = await run.result;
    } catch (error) {
      const cause = (error as Error).cause;
      if (!(cause instanceof SegmentSuspended)) {
        const inner = cause instanceof Error ? cause : (error as Error);
        failure = { Error: inner.name, Cause: inner.message };
      }
    }
    await consumer;
    current = atomic
      ? { ...current, checkpoint: reached ?? current.checkpoint, transitions: execution.transitions + transitions }
      : ((await store.getExecution(execution.name)) ?? current);
    const countersOnRecord = store.countersOnExecutions === true;
    if (countersOnRecord) {
      const operations = current.caseId ? (this.options.takeStoreOperations?.(current.caseId) ?? 0) : 0;
      current = {
        ...current,
        invocations: (execution.invocations ?? 0) + invocations,
        storeOperations: (execution.storeOperations ?? 0) + operations,
      };
    }
    const now = clock.now();
    if (suspension) {
      const waiting =
        suspension.kind === 'token'
          ? { ...suspension, ...this.tokenTimeout(machine, suspension.state, current.checkpoint.input, now) }
          : suspension;
      // The timer before the record that relies on it: a crash between the two leaves a harmless spare timer.
      await this.armTimer(execution.name, waiting);
      await store.putExecution({ ...current, status: 'waiting', waiting, resumeToken: undefined, updatedAt: now });
      this.options.onEvent?.({
        type: 'execution-waiting',
        execution: execution.name,
        state: waiting.state,
        ...(waiting.kind === 'token'
          ? waiting.timeoutAt
            ? { until: waiting.timeoutAt }
            : {}
          : { until: waiting.fireAt }),
      });
    } else if (failure) {
      await store.putExecution({
        ...current,
        status: 'failed',
        error: failure,
        endedAt: now,
        updatedAt: now,
        token: undefined,
        resumeToken: undefined,
      });
      this.options.onEvent?.({
        type: 'execution-ended',
        execution: execution.name,
        status: 'failed',
        error: failure.Error,
      });
    } else {
      await store.putExecution({
        ...current,
        status: 'succeeded',
        output: output ?? null,
        endedAt: now,
        updatedAt: now,
        token: undefined,
        resumeToken: undefined,
      });
      this.options.onEvent?.({ type: 'execution-ended', execution: execution.name, status: 'succeeded' });
    }
    if (current.caseId) {
      const reentered = item.resume || item.skipWait || execution.transitions > 0 ? 1 : 0;
      this.options.onBilledTransitions?.(current.caseId, machine, Math.max(0, transitions - reentered) + retries);
      if (!countersOnRecord)
        await this.options.onCounters?.(current.caseId, {
          transitions,
          invocations,
          executions: counted?.executions ?? 0,
        });
    }
  }

  private tokenTimeout(machine: MachineName, state: string, input: unknown, now: Instant): { timeoutAt?: Instant } {
    const spec = this.tokenTimeouts.get(`${machine}|${state}`);
    const seconds = spec?.seconds ?? (spec?.path ? resolveSimplePath(input, spec.path) : undefined);
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 1) return {};
    return { timeoutAt: plusSeconds(now, seconds) };
  }

  private waitUntil(state: State | undefined, input: unknown): Instant {
    const now = this.options.clock.now();
    if (state?.Type !== 'Wait') return now;
    if (state.TimestampPath) return String(resolveSimplePath(input, state.TimestampPath));
    if (state.SecondsPath) return plusSeconds(now, Number(resolveSimplePath(input, state.SecondsPath)));
    const literal = state as { Seconds?: number; Timestamp?: string };
    if (literal.Timestamp) return literal.Timestamp;
    return plusSeconds(now, literal.Seconds ?? 0);
  }
}
