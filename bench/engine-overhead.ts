/**
 * Engine overhead: the same definitions and the same step code, run
 *   - bare: by the ASL interpreter (aws-local-stepfunctions) alone, one run per execution from start to end, waits
 *     held as pending promises, time and tokens in memory, the application's tables in an in-memory SQLite database
 *     (the same adapters as the runtime's);
 *   - by the embedded runtime, in memory and durable on disk: segments, a checkpoint per state entered, executions,
 *     tokens and timers as records, the virtual clock moved from timer to timer.
 * Both file the same cases (the frozen-and-deducted path, every partner answering so that no timeout is needed),
 * have the same actor decide approvals through the settle function, and deliver partner answers in time order.
 *
 *   node bench/engine-overhead.ts [--cases 20] [--runs 3]
 */

import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { StateMachine } from 'aws-local-stepfunctions';
import { QueueWaker } from '#adapters/queue-waker.ts';
import { FilingSimulator } from '#adapters/simulators/filing-simulator.ts';
import { PartnerSimulator, PaymentSimulator, type SimulatorScript } from '#adapters/simulators/partner-simulator.ts';
import { referenceData } from '#commons/reference-data.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { partyIdFor } from '#domain/ids.ts';
import { TaskNoLongerWaitingError, type WorkflowEngine } from '#ports/workflow-engine.ts';
import { STEP_REGISTRY } from '#steps/index.ts';
import type { Deps } from '#use-cases/context.ts';
import type { Definition, State } from '#workflows/asl.ts';
import type { MachineName } from '#workflows/index.ts';
import type { StepName } from '#workflows/steps.ts';
import { createIntakeHandler } from '../functions/intake/function.ts';
import { createSettleHandler } from '../functions/settle/function.ts';
import { RuntimeClock } from '../local/runtime/clock.ts';
import { localDefinitions, localMachineArn, machineOfArn, stepOfArn } from '../local/runtime/definitions.ts';
import { LocalCommandCenter, LocalDeadLetters } from '../local/runtime/local-adapters.ts';
import { SinkLogger } from '../local/runtime/logging.ts';
import { EmbeddedRuntime } from '../local/runtime/runtime.ts';
import { sqliteStores } from '../local/runtime/stores.ts';
import { openDatabase } from '../local/store/database.ts';
import { CaseTracker, WORKLOAD_START, workloadEvent } from '../local/workload/driver.ts';
import { workloadScenario } from '../local/workload/scenarios.ts';
import { countOption, scriptArgs } from '../scripts/lib/args.ts';
import { median } from './lib/stats.ts';

const SCENARIO = (() => {
  const base = workloadScenario('frozen-deducted');
  if (!base) throw new Error('no frozen-deducted scenario');
  return { ...base, respondent: { ...base.respondent, silentChannels: [] } };
})();
const SCRIPT: SimulatorScript = { respondents: { [SCENARIO.respondentId]: SCENARIO.respondent } };
const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
/** This run's party-id key (party ids are keyed, as in any installation). */
const PARTY_KEY = randomBytes(32);
const LAMBDA_WAIT = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const START_EXECUTION = 'arn:aws:states:::states:startExecution';
const silent = new SinkLogger(() => undefined, {});
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 30_000 } as Context;

const ended = (state: EnforcementCase | undefined) =>
  state !== undefined && (SCENARIO.ends.includes(state.status) || state.status === 'needs-attention');

/** The interpreter alone: an execution is one run; a wait for a token is a pending promise. */
class BareEngine implements WorkflowEngine {
  active = 0;
  private readonly machines = new Map<MachineName, StateMachine>();
  private readonly definitions: Record<MachineName, Definition>;
  private readonly waiting = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly started = new Set<string>();
  private readonly invoke: (step: StepName, payload: unknown) => Promise<unknown>;
  private readonly clock: RuntimeClock;

  constructor(invoke: (step: StepName, payload: unknown) => Promise<unknown>, clock: RuntimeClock) {
    this.invoke = invoke;
    this.clock = clock;
    // As the embedded engine does: the interpreter's timers cannot hold these waits (nothing times out here).
    this.definitions = Object.fromEntries(
      Object.entries(localDefinitions()).map(([machine, definition]) => {
        const states: Record<string, State> = {};
        for (const [name, state] of Object.entries(definition.States)) {
          if (state.Type === 'Task' && state.Resource === LAMBDA_WAIT) {
            const { TimeoutSeconds: _s, TimeoutSecondsPath: _p, ...rest } = state;
            states[name] = rest as State;
          } else states[name] = state;
        }
        return [machine, { ...definition, States: states }];
      }),
    ) as Record<MachineName, Definition>;
  }

  async startExecution(machine: string, name: string, input: unknown): Promise<{ started: boolean }> {
    if (this.started.has(name)) return { started: false };
    this.started.add(name);
    this.active++;
    void this.run(machine as MachineName, name, input).finally(() => {
      this.active--;
    });
    return { started: true };
  }

  async sendTaskSuccess(token: string, output: unknown): Promise<void> {
    this.resume(token).resolve(output);
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    const failure = new Error(cause);
    failure.name = error;
    this.resume(token).reject(failure);
  }

  private resume(token: string) {
    const waiter = this.waiting.get(token);
    if (!waiter) throw new TaskNoLongerWaitingError('InvalidToken');
    this.waiting.delete(token);
    this.active++;
    return waiter;
  }

  private async run(machine: MachineName, name: string, input: unknown): Promise<void> {
    const definition = this.definitions[machine];
    let stateMachine = this.machines.get(machine);
    if (!stateMachine) {
      stateMachine = new StateMachine(definition as never, { validationOptions: { noValidate: true } });
      this.machines.set(machine, stateMachine);
    }
    const token = randomBytes(48).toString('base64url');
    const handlers: Record<string, (params: unknown) => Promise<unknown>> = {};
    for (const [stateName, state] of Object.entries(definition.States)) {
      if (state.Type !== 'Task') continue;
      if (state.Resource === LAMBDA_INVOKE) {
        handlers[stateName] = async (params) => {
          const { FunctionName, Payload } = params as { FunctionName: string; Payload: unknown };
          return { Payload: await this.invoke(stepOfArn(FunctionName), Payload), StatusCode: 200 };
        };
      } else if (state.Resource === LAMBDA_WAIT) {
        handlers[stateName] = async (params) => {
          const { FunctionName, Payload } = params as { FunctionName: string; Payload: unknown };
          const answer = new Promise((resolve, reject) => this.waiting.set(token, { resolve, reject }));
          await this.invoke(stepOfArn(FunctionName), Payload);
          this.active--;
          return answer;
        };
      } else if (state.Resource === START_EXECUTION) {
        handlers[stateName] = async (params) => {
          const { StateMachineArn, Name, Input } = params as { StateMachineArn: string; Name: string; Input: unknown };
          await this.startExecution(
            machineOfArn(StateMachineArn),
            Name,
            typeof Input === 'string' ? JSON.parse(Input) : Input,
          );
          return { ExecutionArn: `${StateMachineArn}:${Name}`, StartDate: this.clock.now() };
        };
      }
    }
    const retries = Object.fromEntries(
      Object.entries(definition.States)
        .filter(([, s]) => s.Type === 'Task')
        .map(([n]) => [n, 0]),
    );
    const execution = stateMachine.run(input as never, {
      overrides: { taskResourceLocalHandlers: handlers as never, retryIntervalOverrides: retries },
      context: {
        Execution: {
          Id: `${localMachineArn(machine)}:${name}`,
          Name: name,
          StartTime: this.clock.now(),
          Input: input as never,
        },
        StateMachine: { Id: localMachineArn(machine), Name: machine },
        Task: { Token: token },
      },
    });
    await execution.result.catch(() => undefined);
  }
}

/** Wall and CPU seconds (user and system, this process) of a piece of work. */
interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

function timer(): () => Timing {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 };
  };
}

async function bare(cases: number): Promise<Timing> {
  const database = openDatabase(undefined);
  try {
    const stores = sqliteStores(database);
    const tracker = new CaseTracker();
    const clock = new RuntimeClock('virtual', WORKLOAD_START);
    const reference = referenceData();
    const runtimeStore = stores.runtimeStore;
    const deliveries: { at: string; body: unknown }[] = [];
    const handlers = new Map<StepName, (event: unknown, context: Context) => Promise<unknown>>();
    const invoke = async (step: StepName, payload: unknown) => {
      let handler = handlers.get(step);
      if (!handler) {
        handler = STEP_REGISTRY[step].create(deps, silent);
        handlers.set(step, handler);
      }
      try {
        return await handler(payload, context);
      } catch (error) {
        const original = error as Error;
        const reported = new Error(JSON.stringify({ errorType: original.name, errorMessage: original.message }));
        reported.name = original.name;
        throw reported;
      }
    };
    const engine = new BareEngine(invoke, clock);
    const repository = stores.cases({ listener: tracker.listener, schedule: () => undefined });
    const deps: Deps = {
      clock,
      rules: reference.rules,
      calendar: reference.calendar,
      cases: repository,
      queries: repository,
      approvals: stores.approvals,
      requests: stores.requests,
      partners: new PartnerSimulator(
        SCRIPT,
        async (at, body) => void deliveries.push({ at, body }),
        clock,
        (idNumber) => partyIdFor(idNumber, PARTY_KEY),
      ),
      engine,
      staff: reference.staff,
      alerts: new LocalCommandCenter(runtimeStore),
      payments: new PaymentSimulator(),
      rejections: stores.rejections(new LocalDeadLetters(runtimeStore, clock)),
      evidence: undefined as never,
      // Wake-ups go to settle like partner answers; no scenario of the mix resumes a case through the filing system.
      wakes: new QueueWaker(async (at, body) => void deliveries.push({ at, body }), clock),
      filing: new FilingSimulator(repository, async () => {}, clock),
      received: stores.received,
      preservations: stores.preservations,
      partyKey: { key: async () => PARTY_KEY },
      documents: undefined as never,
      issuing: undefined,
      field: stores.field,
      closures: { closed: async () => undefined },
    };
    const intake = createIntakeHandler(deps, stores.idempotency, silent);
    const settle = createSettleHandler(deps, silent);
    const idle = async () => {
      while (engine.active > 0) await new Promise((resolve) => setImmediate(resolve));
    };
    const stop = timer();
    for (let n = 0; n < cases; n++) {
      const outcome = (await intake(workloadEvent(n, SCENARIO, clock.now()), context)) as { caseId?: string };
      const caseId = outcome.caseId ?? '';
      for (let guard = 0; guard < 500; guard++) {
        await idle();
        if (ended(tracker.states.get(caseId))) break;
        const pending = await deps.approvals.listPending({ court: 'HB0922' });
        if (pending.length > 0) {
          for (const approval of pending) {
            await settle(
              {
                kind: 'decision',
                approvalId: approval.approvalId,
                decision: 'approved',
                userId: approverOf(approval.requiredRole),
                ...(approval.amountFen !== undefined ? { data: { confirmedAmountFen: approval.amountFen } } : {}),
              },
              context,
            );
          }
          continue;
        }
        deliveries.sort((a, b) => a.at.localeCompare(b.at));
        const next = deliveries.shift();
        if (!next) throw new Error(`bare: case ${caseId} is stuck in ${tracker.states.get(caseId)?.status}`);
        if (next.at > clock.now()) clock.set(next.at);
        await settle({ Records: [{ messageId: randomUUID(), body: JSON.stringify(next.body) }] }, context);
      }
      tracker.states.delete(caseId);
    }
    return stop();
  } finally {
    database.close();
  }
}

/** The fast-track team of config/staff.json, where these cases go: who decides at each rung. */
function approverOf(role: string): string {
  return { 'team-lead': 'li-qiang', 'bureau-chief': 'zhang-wei', president: 'song-jian' }[role] ?? '';
}

async function embedded(cases: number, durable: boolean): Promise<Timing> {
  const dataDir = durable ? mkdtempSync(join(tmpdir(), 'enforce-overhead-')) : undefined;
  const tracker = new CaseTracker();
  const runtime = await EmbeddedRuntime.open({
    ...(dataDir ? { dataDir } : {}),
    clock: 'virtual',
    startAt: WORKLOAD_START,
    script: SCRIPT,
    onCommit: tracker.listener,
    logSink: () => undefined,
  });
  try {
    const stop = timer();
    for (let n = 0; n < cases; n++) {
      const outcome = await runtime.intake(workloadEvent(n, SCENARIO, runtime.clock.now()));
      const caseId = 'caseId' in outcome ? String(outcome.caseId) : '';
      for (let guard = 0; guard < 500; guard++) {
        if (ended(tracker.states.get(caseId))) break;
        const pending = await runtime.deps.approvals.listPending({ court: 'HB0922' });
        if (pending.length > 0) {
          for (const approval of pending) {
            await runtime.decide({
              approvalId: approval.approvalId,
              decision: 'approved',
              userId: approverOf(approval.requiredRole),
              ...(approval.amountFen !== undefined ? { data: { confirmedAmountFen: approval.amountFen } } : {}),
            });
          }
          continue;
        }
        const next = await runtime.engine.nextTimerAt();
        if (!next) throw new Error(`embedded: case ${caseId} is stuck in ${tracker.states.get(caseId)?.status}`);
        await runtime.advance(Math.max(1, Math.ceil((Date.parse(next) - Date.parse(runtime.clock.now())) / 1000)));
      }
      tracker.states.delete(caseId);
    }
    return stop();
  } finally {
    await runtime.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface OverheadResult {
  readonly cases: number;
  readonly runs: number;
  /** Cases per second, median of the runs. */
  readonly bare: number;
  readonly embeddedMemory: number;
  readonly embeddedDurable: number;
  readonly raw: { readonly bare: number[]; readonly embeddedMemory: number[]; readonly embeddedDurable: number[] };
  /**
   * CPU seconds (user and system) per case, median of the runs: less at the mercy of other processes on a shared
   * machine than the wall clock, though it leaves out waiting for the disk (fsync).
   */
  readonly cpuPerCase: { readonly bare: number; readonly embeddedMemory: number; readonly embeddedDurable: number };
  readonly rawCpuPerCase: {
    readonly bare: number[];
    readonly embeddedMemory: number[];
    readonly embeddedDurable: number[];
  };
}

export async function engineOverhead(cases: number, runs: number): Promise<OverheadResult> {
  // One case of each first: module loading and JIT are not what is compared.
  await bare(1);
  await embedded(1, false);
  const raw = { bare: [] as number[], embeddedMemory: [] as number[], embeddedDurable: [] as number[] };
  const cpu = { bare: [] as number[], embeddedMemory: [] as number[], embeddedDurable: [] as number[] };
  const record = (kind: keyof typeof raw, timing: Timing) => {
    raw[kind].push(cases / timing.wall);
    cpu[kind].push(timing.cpu / cases);
  };
  for (let i = 0; i < runs; i++) {
    record('bare', await bare(cases));
    record('embeddedMemory', await embedded(cases, false));
    record('embeddedDurable', await embedded(cases, true));
    process.stderr.write(
      `  engine overhead run ${i + 1}/${runs}: bare ${raw.bare.at(-1)?.toFixed(2)}, embedded in memory ${raw.embeddedMemory.at(-1)?.toFixed(2)}, durable ${raw.embeddedDurable.at(-1)?.toFixed(2)} cases/s; CPU s a case ${cpu.bare.at(-1)?.toFixed(3)}, ${cpu.embeddedMemory.at(-1)?.toFixed(3)}, ${cpu.embeddedDurable.at(-1)?.toFixed(3)}\n`,
    );
  }
  return {
    cases,
    runs,
    bare: median(raw.bare),
    embeddedMemory: median(raw.embeddedMemory),
    embeddedDurable: median(raw.embeddedDurable),
    raw,
    cpuPerCase: {
      bare: median(cpu.bare),
      embeddedMemory: median(cpu.embeddedMemory),
      embeddedDurable: median(cpu.embeddedDurable),
    },
    rawCpuPerCase: cpu,
  };
}

if (import.meta.main) {
  const values = scriptArgs(
    `node bench/engine-overhead.ts [--cases 20] [--runs 3]: the same cases through the bare interpreter and the
embedded runtime (in memory, durable); prints JSON. npm run bench -- --only engine-overhead writes BENCHMARKS.md.`,
    { cases: { type: 'string', default: '20' }, runs: { type: 'string', default: '3' } },
  );
  console.log(
    JSON.stringify(await engineOverhead(countOption('cases', values.cases), countOption('runs', values.runs)), null, 2),
  );
}
