/**
 * The embedded runtime: the whole application on one machine. The same state-machine definitions as on AWS,
 * the same step handlers in-process, the application's ports on one SQLite database (local/store/; the DynamoDB
 * adapters on an embedded dynalite only for the usage meter and tests), and simulators for the outside parties.
 * State lives in a data directory; nothing is lost when the process dies.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { QueueWaker } from '#adapters/queue-waker.ts';
import { FilingSimulator } from '#adapters/simulators/filing-simulator.ts';
import { PartnerSimulator, PaymentSimulator, type SimulatorScript } from '#adapters/simulators/partner-simulator.ts';
import type { JsonStaffDirectory } from '#adapters/staff/json-directory.ts';
import { referenceData } from '#commons/reference-data.ts';
import type { Instant } from '#domain/calendar/local-date.ts';
import { plusSeconds } from '#domain/calendar/local-date.ts';
import { nextSweepAt } from '#domain/case/node-watch.ts';
import { partyIdFor } from '#domain/ids.ts';
import type { Alert } from '#ports/alerts.ts';
import type { CaseQueries, CaseRepository } from '#ports/case-repository.ts';
import type { StepHandler } from '#steps/define.ts';
import { STEP_REGISTRY } from '#steps/index.ts';
import type { Deps } from '#use-cases/context.ts';
import { markClosedCaseEvidence } from '#use-cases/evidence-tiers.ts';
import { sweepFieldTrips } from '#use-cases/field.ts';
import type { IntakeOutcome } from '#use-cases/intake-case.ts';
import { type SweepResult, sweepNodes } from '#use-cases/node-watch.ts';
import type { PartyChangeOutcome } from '#use-cases/party-changes.ts';
import { type PreservationOutcome, sweepPreservations } from '#use-cases/preservations.ts';
import { sweepOverdueMatters } from '#use-cases/received-matters.ts';
import type { Definition } from '#workflows/asl.ts';
import type { MachineName } from '#workflows/index.ts';
import type { StepName } from '#workflows/steps.ts';
import { createApiHandler } from '../../functions/api/function.ts';
import { createIntakeHandler } from '../../functions/intake/function.ts';
import { createSettleHandler } from '../../functions/settle/function.ts';
import { sweepEvidence } from '../evidence/sweep.ts';
import type { CommitListener } from '../store/case-store.ts';
import { ensurePrivateDirectory, type OpenedDatabase, openDatabase } from '../store/database.ts';
import { checkDataDirectory, installationKey, PARTY_KEY_FILE, restrictFileCreation } from '../store/private-files.ts';
import { operationScope } from '../store/sql.ts';
import { type Durability, UnitOfWork } from '../store/unit-of-work.ts';
import { type ClockMode, ClockModeError, RuntimeClock } from './clock.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { localDefinitions, localFunctionArn } from './definitions.ts';
import { type LocalIssuing, localIssuing } from './document-issuing.ts';
import type { DynamoStores } from './dynamo-stores.ts';
import { LocalEngine, type RuntimeEvent } from './engine.ts';
import { LocalCommandCenter, LocalDeadLetters } from './local-adapters.ts';
import { LocalEvidenceStore } from './local-evidence.ts';
import { type LogSink, openFileSink, SinkLogger } from './logging.ts';
import type { RuntimeStore } from './runtime-store.ts';
import { openStores, type RuntimeStores, type StoreKind } from './stores.ts';
import { functionTally, type UsageMeter, usageScope } from './usage.ts';

export { PARTY_KEY_FILE };

/** How often the received-matter sweep runs: the node sweeper's schedule on AWS (infra/constructs/node-sweeper.ts). */
const MATTER_SWEEP_INTERVAL_MS = 5 * 60_000;
/** How often every kept evidence object is hashed again (the evidence sweep): daily, on the runtime's clock. */
const EVIDENCE_SWEEP_INTERVAL_MS = 24 * 60 * 60_000;
/** Makes a step fail on purpose, to show what the workflow does then (tests, demos). */
export interface Fault {
  readonly step: StepName;
  /** The error name the step reports, e.g. Lambda.ServiceException (retried) or a domain error (caught). */
  readonly error: string;
  /** How many invocations fail; the rest succeed. */
  readonly times: number;
}

export interface RuntimeOptions {
  /** Where state lives. Without it, everything is in memory and gone when the process ends (tests). */
  readonly dataDir?: string;
  /** Clock for a new data directory; an existing one keeps its own. Default: real. */
  readonly clock?: ClockMode;
  /** Where a new virtual clock starts. Default: now. */
  readonly startAt?: Instant;
  readonly script?: SimulatorScript;
  readonly faults?: readonly Fault[];
  /** Definitions to run instead of workflows/ (e.g. taken from a synthesized template). */
  readonly definitions?: Readonly<Record<MachineName, Definition>>;
  readonly logSink?: LogSink;
  readonly onEvent?: (event: RuntimeEvent) => void;
  readonly onCommit?: CommitListener;
  /**
   * The steps issue the documents their acts call for (the `issuing` dependency, local/runtime/document-issuing.ts),
   * as on AWS. The CLI turns it on; tests leave it off unless they test documents (rendering takes a fraction of a
   * second each): then `issuing` is undefined and no step issues any.
   */
  readonly issueDocuments?: boolean;
  readonly onAlert?: (alert: Alert) => void;
  /**
   * Records what each case uses of the services it would use on AWS (the cost model's input). Off by default: it
   * keeps a tally per case in memory and asks the embedded DynamoDB for consumed capacity.
   */
  readonly meter?: UsageMeter;
  /**
   * What the ports run on: 'sqlite' (the default, the data directory's enforce.db) or 'dynamodb' (the DynamoDB
   * adapters on an embedded dynalite: the default with a meter, whose cost model needs consumed capacity).
   */
  readonly store?: StoreKind;
}

/** How long a partner answer that failed to process waits before it is delivered again (SQS visibility). */
const REDELIVERY_SECONDS = 60;

interface ClockSetting {
  readonly mode: ClockMode;
  readonly now: Instant;
}

/**
 * A delivery timer's id: when it was scheduled, then a digest of what it carries. Deliveries due at one instant fire
 * in the order they were scheduled, the same in every run; a random id ordered them at random, so two partner answers
 * for one case due together were recorded in either order (and a run after a crash could differ from one without).
 * The same message scheduled twice at one instant for one instant is one delivery: answers are idempotent anyway.
 */
function deliveryId(now: Instant, body: unknown): string {
  return `${now}#${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}`;
}

function lambdaContext(name: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `enforcement-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: localFunctionArn(name as StepName),
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/local/enforcement-${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export class EmbeddedRuntime {
  readonly clock: RuntimeClock;
  readonly deps: Deps;
  readonly engine: LocalEngine;
  readonly runtimeStore: RuntimeStore;
  readonly staff: JsonStaffDirectory;
  readonly cases: CaseRepository & CaseQueries;
  /** The evidence vault: files in the data directory, records in its database, served only by signed links. */
  readonly evidence: LocalEvidenceStore;
  /** The data directory's SQLite database (local/store/database.ts): every local part keeps its tables there. */
  readonly database: OpenedDatabase;
  private readonly store: RuntimeStores;
  /** SQLite: units of work, one transaction each (segments, API requests, deliveries); none on DynamoDB. */
  private readonly units: UnitOfWork | undefined;
  private readonly partyKey: Uint8Array;
  private readonly handlers = new Map<StepName, StepHandler>();
  private readonly intakeHandler: (
    event: unknown,
    context: Context,
  ) => Promise<IntakeOutcome | PreservationOutcome | PartyChangeOutcome>;
  private readonly settleHandler: (event: unknown, context: Context) => Promise<unknown>;
  private readonly apiHandler: (event: unknown, context: Context) => Promise<APIGatewayProxyResult>;
  /** Due work runs one batch at a time: the worker loop, the API server and the CLI may all ask for it. */
  private exclusive: Promise<unknown> = Promise.resolve();
  private readonly faults: Map<StepName, { error: string; remaining: number }>;
  private readonly logSink: LogSink;
  /** Closes the data directory's log file, if the runtime writes one. */
  private readonly closeLog: () => void;
  private readonly reportedOps = new Map<string, number>();
  private readonly meter: UsageMeter | undefined;
  private readonly background = new Set<Promise<void>>();
  private readonly sweeper: () => Promise<SweepResult>;
  /** Received matters (H1) past their due date, told to the command center; see `sweepMatters`. */
  private readonly mattersSweeper: () => Promise<readonly string[]>;
  private readonly fieldSweeper: () => Promise<unknown>;
  /** Preservations without an enforcement case, about to expire, told to the command center (诉执衔接). */
  private readonly preservationSweeper: () => Promise<unknown>;
  private mattersCheckedAt: Instant | undefined;
  private evidenceCheckedAt: Instant | undefined;
  /** The earliest node milestone in the sweep index, as last read; `dirty` after any commit. */
  private sweepHint: { dirty: boolean; at?: Instant } = { dirty: true };
  /** The clock as last written to the database by this process (see `saveClock`). */
  private savedClock: Instant | undefined;
  /** Numbers, archive, signing identity and renderer of the documents (the `issuing` dependency when it is on). */
  readonly documentIssuing: LocalIssuing;

  private constructor(database: OpenedDatabase, store: RuntimeStores, clock: RuntimeClock, options: RuntimeOptions) {
    this.database = database;
    this.store = store;
    this.units = store.kind === 'sqlite' ? new UnitOfWork(database.db, database.location) : undefined;
    this.meter = options.meter;
    const runtimeStore = store.runtimeStore;
    this.evidence = new LocalEvidenceStore(options.dataDir, database, () => clock.now());
    this.documentIssuing = localIssuing(
      database,
      database.location === ':memory:' ? undefined : join(database.location, '..'),
      () => new Date(clock.now()),
    );
    // The party-id key: an owner-only file of the data directory (random per process without one).
    const partyKey = options.dataDir ? installationKey(join(options.dataDir, PARTY_KEY_FILE)) : randomBytes(32);
    this.partyKey = partyKey;
    this.runtimeStore = runtimeStore;
    this.clock = clock;
    const file = options.logSink || !options.dataDir ? undefined : openFileSink(options.dataDir);
    this.closeLog = () => file?.close();
    const sink = options.logSink ?? file ?? (() => undefined);
    const meter = options.meter;
    this.logSink = meter
      ? (line) => {
          meter.target().logBytes += Buffer.byteLength(line, 'utf8') + 1;
          sink(line);
        }
      : sink;
    this.faults = new Map((options.faults ?? []).map((f) => [f.step, { error: f.error, remaining: f.times }]));
    const reference = referenceData();
    this.staff = reference.staff;
    this.cases = store.cases({
      listener: (commit, state) => {
        // Any commit may move a case's next node milestone: the sweep index is read again before it is trusted.
        this.sweepHint = { dirty: true };
        // A case that closes tags its evidence for the archive tiers, as the CaseClosed event does on AWS.
        if (commit.events.some((e) => e.type === 'case-closed')) this.track(this.tagClosedEvidence(commit.caseId));
        options.onCommit?.(commit, state);
      },
      schedule: (state) => nextSweepAt(state, reference.rules, reference.calendar),
    });
    this.engine = new LocalEngine({
      store: runtimeStore,
      clock,
      definitions: options.definitions ?? localDefinitions(),
      invoke: (step, payload, execution) => this.invokeStep(step, payload, execution.caseId ?? ''),
      retryPauses: clock.mode === 'virtual' ? 'none' : 'as-written',
      ...(this.units ? { unit: <T>(work: () => Promise<T>) => this.unit(work, 'deferred') } : {}),
      onEvent: (event) => {
        options.onEvent?.(event);
        if (meter && event.type === 'execution-started' && event.caseId) {
          const executions = meter.target(event.caseId).executions;
          executions[event.machine] = (executions[event.machine] ?? 0) + 1;
        }
        if (event.type === 'execution-ended' && event.status === 'failed')
          this.track(this.executionFailed(event.execution, event.error ?? ''));
      },
      onCounters: (caseId, delta) => this.recordCounters(caseId, delta),
      takeStoreOperations: (caseId) => this.takeStoreOperations(caseId),
      ...(meter
        ? {
            onBilledTransitions: (caseId: string, machine: string, transitions: number) => {
              const tally = meter.target(caseId).transitions;
              tally[machine] = (tally[machine] ?? 0) + transitions;
            },
          }
        : {}),
    });
    const deliver = async (at: Instant, body: unknown) =>
      this.engine.schedule({ id: deliveryId(clock.now(), body), kind: 'delivery', fireAt: at, body });
    this.deps = {
      clock,
      rules: reference.rules,
      calendar: reference.calendar,
      cases: this.cases,
      queries: this.cases,
      approvals: store.approvals,
      requests: store.requests,
      partners: new PartnerSimulator(options.script ?? {}, deliver, clock, (idNumber) =>
        partyIdFor(idNumber, partyKey),
      ),
      engine: this.engine,
      staff: reference.staff,
      alerts: new LocalCommandCenter(runtimeStore, (alert) => {
        // On AWS an alert is one custom event on the alert bus.
        if (meter) meter.target(alert.caseId || undefined).events++;
        options.onAlert?.(alert);
      }),
      payments: new PaymentSimulator(),
      // The filing system files resumed cases through the same intake as any filing, a little later.
      filing: new FilingSimulator(
        this.cases,
        async (at, event) =>
          this.engine.schedule({
            id: deliveryId(clock.now(), { intake: event }),
            kind: 'delivery',
            fireAt: at,
            body: { intake: event },
          }),
        clock,
      ),
      rejections: store.rejections(new LocalDeadLetters(runtimeStore, clock)),
      evidence: this.evidence,
      wakes: new QueueWaker(deliver, clock),
      received: store.received,
      preservations: store.preservations,
      partyKey: { key: async () => partyKey },
      documents: this.documentIssuing.archive,
      issuing: options.issueDocuments ? this.documentIssuing : undefined,
      field: store.field,
      // The embedded runtime tags a closed case's evidence from the commit itself (the listener above).
      closures: { closed: async () => undefined },
    };
    this.intakeHandler = createIntakeHandler(
      this.deps,
      store.idempotency,
      new SinkLogger(this.logSink, { function: 'intake' }),
    );
    this.settleHandler = createSettleHandler(this.deps, new SinkLogger(this.logSink, { function: 'settle' }));
    this.sweeper = sweepNodes(this.deps);
    this.mattersSweeper = sweepOverdueMatters(this.deps);
    this.fieldSweeper = sweepFieldTrips(this.deps);
    this.preservationSweeper = sweepPreservations(this.deps);
    this.apiHandler = createApiHandler(this.deps, new SinkLogger(this.logSink, { function: 'api' }), {
      recordOnComplete: true,
      openApi: async () => (await import('../../functions/api/openapi.ts')).OPENAPI_DOCUMENT,
    });
  }

  /**
   * Runs `work` as one unit of work: on SQLite, one transaction (committed, and on disk, when it returns; rolled
   * back when it throws), after the units running before it. Whatever writes to the database while the runtime
   * serves goes through here (local/store/unit-of-work.ts says why). Never wait for due work inside it.
   */
  unit<T>(work: () => Promise<T>, durability: Durability = 'now'): Promise<T> {
    return this.units ? this.units.run(work, durability) : work();
  }

  /**
   * Units of work committed so far, fsyncs, and milliseconds inside units (the write lock held;
   * local/store/unit-of-work.ts), for benchmarks.
   */
  get unitsCommitted(): { readonly units: number; readonly syncs: number; readonly heldMs: number } {
    return { units: this.units?.commits ?? 0, syncs: this.units?.syncs ?? 0, heldMs: this.units?.heldMs ?? 0 };
  }

  /** A request of the staff API, as API Gateway hands it to the function that serves its route. */
  async handleApi(
    event: APIGatewayProxyEvent,
    target: 'api' | 'settle',
    /** 'deferred' only for a caller that runs the batch (`runUntilIdle`, which syncs) before it answers. */
    durability: Durability = 'now',
  ): Promise<APIGatewayProxyResult> {
    return this.metered(target, undefined, () =>
      this.unit(async () => {
        if (this.meter) this.meter.target().apiRequests++;
        if (target === 'api') return this.apiHandler(event, lambdaContext('api'));
        return (await this.settleHandler(event, lambdaContext('settle'))) as APIGatewayProxyResult;
      }, durability),
    );
  }

  /**
   * A function's invocation: with a meter, timed and counted, and its usage handed to its case (given, or the first
   * case it touches, or `caseOf` its result).
   */
  private metered<T>(
    fn: string,
    caseId: string | undefined,
    work: () => Promise<T>,
    caseOf?: (result: T) => string | undefined,
  ): Promise<T> {
    const meter = this.meter;
    if (!meter) return work();
    return meter.within(
      { ...(caseId ? { caseId } : {}), fn },
      async () => {
        const started = performance.now();
        try {
          return await work();
        } finally {
          const tally = functionTally(meter.target(), fn);
          tally.invocations++;
          tally.ms += performance.now() - started;
        }
      },
      caseOf,
    );
  }

  /** What a case has used so far (with a meter; see RuntimeOptions.meter). */
  usage(caseId: string) {
    return this.meter?.of(caseId);
  }

  /** Writes to the log sink of the data directory (the local API server's access log). */
  log(line: Record<string, unknown>): void {
    this.logSink(JSON.stringify(line));
  }

  static async open(options: RuntimeOptions = {}): Promise<EmbeddedRuntime> {
    const kind = options.store ?? (options.meter ? 'dynamodb' : 'sqlite');
    if (options.dataDir) {
      // Personal data: refuse a data directory others can read, and create everything from now on owner-only.
      checkDataDirectory(options.dataDir);
      restrictFileCreation();
    }
    let database: OpenedDatabase | undefined;
    let store: RuntimeStores | undefined;
    let unlock = () => {};
    try {
      if (kind === 'sqlite') {
        if (options.dataDir) {
          ensurePrivateDirectory(options.dataDir);
          unlock = lockDataDir(options.dataDir);
        }
        const opened = openStores(options.dataDir);
        database = opened.database;
        const release = unlock;
        store = { ...opened.stores, close: async () => release() };
      } else {
        // Loaded only here: the production path never loads dynalite.
        const { dynamoStores } = await import('./dynamo-stores.ts');
        store = await dynamoStores(options.dataDir, options.meter);
        database = openDatabase(options.dataDir);
      }
      const runtimeStore = store.runtimeStore;
      const saved = await runtimeStore.getValue<ClockSetting>('clock');
      if (saved && options.clock && saved.mode !== options.clock) {
        throw new ClockModeError(
          `本数据目录使用${saved.mode === 'real' ? '真实' : '虚拟'}时钟，不能改为${options.clock === 'real' ? '真实' : '虚拟'}时钟`,
        );
      }
      const mode = saved?.mode ?? options.clock ?? 'real';
      const clock = new RuntimeClock(mode, saved?.now ?? options.startAt ?? new Date().toISOString());
      if (!saved) await runtimeStore.setValue('clock', { mode, now: clock.now() } satisfies ClockSetting);
      // The simulator's script belongs to the data directory: every later process sees the same outside world.
      const savedScript = await runtimeStore.getValue<SimulatorScript>('simulator');
      if (options.script && !savedScript) await runtimeStore.setValue('simulator', options.script);
      const script = savedScript ?? options.script;
      const runtime = new EmbeddedRuntime(database, store, clock, {
        ...options,
        ...(script ? { script } : {}),
      });
      runtime.savedClock = saved?.now ?? clock.now();
      // Data written by an earlier release sits in the embedded DynamoDB: upgraded where it is read.
      if (store.kind === 'dynamodb') await runtime.upgradeLegacyData(options.dataDir);
      await runtime.engine.recover();
      return runtime;
    } catch (error) {
      database?.close();
      await store?.close();
      unlock();
      throw error;
    }
  }

  /**
   * A data directory of an earlier release (always on the embedded DynamoDB): party ids keyed once, each case with
   * an audit commit on its journal, and evidence kept in the S3 stand-in's files moved into the vault
   * (local/store/legacy-upgrade.ts).
   */
  private async upgradeLegacyData(dataDir: string | undefined): Promise<void> {
    const { upgradeLegacyData } = await import('../store/legacy-upgrade.ts');
    const { LOCAL_TABLES } = await import('./local-store.ts');
    await upgradeLegacyData({
      client: this.dynamo,
      tables: { cases: LOCAL_TABLES.cases, runtime: LOCAL_TABLES.runtime },
      cases: this.cases,
      runtimeStore: this.runtimeStore,
      clock: this.clock,
      key: this.partyKey,
      vault: this.evidence,
      dataDir,
      log: (line) => this.log(line),
    });
  }

  /** The embedded DynamoDB when the runtime runs on it (RuntimeOptions.store), for tests that reach behind the adapters. */
  get dynamo(): DynamoStores['local']['client'] {
    if (this.store.kind !== 'dynamodb') throw new Error('this runtime runs on SQLite, not on the embedded DynamoDB');
    return (this.store as DynamoStores).local.client;
  }

  /** What the stores run on. */
  get storeKind(): StoreKind {
    return this.store.kind;
  }

  /**
   * Store operations so far (SQLite: statements run; DynamoDB: requests sent), in all and by kind (SQLite only:
   * statement and table), for benchmarks.
   */
  storeOperationCounts(): {
    readonly total: number;
    /** The part for no case in particular: the sweeps and the timer queue, run once per tick for all cases. */
    readonly shared: number;
    readonly byKind: Readonly<Record<string, number>>;
    readonly sharedByKind: Readonly<Record<string, number>>;
  } {
    let total = 0;
    for (const count of this.store.operations.values()) total += count;
    return {
      total,
      shared: this.store.operations.get('') ?? 0,
      byKind: Object.fromEntries(this.store.operationsByKind),
      sharedByKind: Object.fromEntries(this.store.sharedOperationsByKind),
    };
  }

  /** A filing event, through the intake function (validation, idempotency, case creation, first phase). */
  async intake(event: unknown): Promise<IntakeOutcome> {
    const outcome = await this.metered(
      'intake',
      undefined,
      async () => {
        // The filing system's event on the intake bus.
        if (this.meter) this.meter.target().events++;
        // Deferred: the batch below syncs it (and what it set going) before the outcome is returned.
        return this.unit(
          () => this.intakeHandler(event, lambdaContext('intake')) as Promise<IntakeOutcome>,
          'deferred',
        );
      },
      (result) => ('caseId' in result ? String(result.caseId) : undefined),
    );
    await this.runUntilIdle();
    return outcome;
  }

  /** A preservation ruling from the preservation center (诉执衔接), through the same intake function. */
  async preservation(event: unknown): Promise<PreservationOutcome> {
    const outcome = (await this.intakeHandler(event, lambdaContext('intake'))) as PreservationOutcome;
    await this.runUntilIdle();
    return outcome;
  }

  /** An application to add or change a respondent (V1), as the filing system files it, through intake. */
  async partyChange(event: unknown): Promise<PartyChangeOutcome> {
    const outcome = (await this.intakeHandler(event, lambdaContext('intake'))) as PartyChangeOutcome;
    await this.runUntilIdle();
    return outcome;
  }

  /** A staff decision, through the settle function, as the staff API calls it. */
  async decide(command: {
    approvalId: string;
    decision: 'approved' | 'rejected';
    userId: string;
    reason?: string;
    data?: Record<string, string | number | boolean>;
  }) {
    const result = (await this.metered('settle', undefined, () =>
      // Deferred: the batch below syncs it before the result is returned.
      this.unit(() => this.settleHandler({ kind: 'decision', ...command }, lambdaContext('settle')), 'deferred'),
    )) as
      | { ok: true; approvalId: string; caseId: string; decision: string }
      | { ok: false; status: number; code?: string; message: string };
    await this.runUntilIdle();
    return result;
  }

  /** SIMULATED bank notification: money arrived on the case account (a voluntary payment). */
  async pay(caseId: string, amountFen: number, reference: string) {
    return this.command({ kind: 'payment', caseId, amountFen, reference });
  }

  /** An officer records the respondent's conduct (obstruction, hidden assets, ...): a ground for coercive measures. */
  async conduct(command: { caseId: string; userId: string; conduct: string; respondentId?: string; note?: string }) {
    return this.command({ kind: 'conduct', ...command });
  }

  /** The applicant applies to resume after a breached settlement (执行和解规定 第九条); the officer records it. */
  async applyForResumption(command: { caseId: string; userId: string; note?: string }) {
    return this.command({ kind: 'resumption', ...command });
  }

  /** The trial division's system reports the judgment of 执行异议之诉 (functions/use-cases/objections.ts). */
  async objectionJudgment(command: {
    caseId: string;
    objectionId: string;
    for: 'third-party' | 'applicant';
    reference: string;
  }) {
    return this.command({ kind: 'objection-judgment', ...command });
  }

  /** The court orders a detainee released early, on correction. */
  async release(command: { caseId: string; userId: string; reason: string }) {
    return this.command({ kind: 'early-release', ...command });
  }

  private async command(command: Record<string, unknown>) {
    const caseId = typeof command.caseId === 'string' ? command.caseId : undefined;
    const result = (await this.metered('settle', caseId, () =>
      // Deferred: the batch below syncs it before the result is returned.
      this.unit(() => this.settleHandler(command, lambdaContext('settle')), 'deferred'),
    )) as ({ ok: true } & Record<string, unknown>) | { ok: false; status: number; code?: string; message: string };
    await this.runUntilIdle();
    return result;
  }

  /** Runs everything that can run now: queued segments and timers due by the clock. */
  async runUntilIdle(): Promise<void> {
    await this.serially(() => this.runDue());
  }

  /** One batch of due work at a time, whoever asks (a timer fired twice would deliver an answer twice). */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    // Due work belongs to no caller's usage scope: each piece of it names its own case.
    // Deferred units (segments, timers, sweeps) are on disk before the batch returns to whoever asked for it.
    const outside = () =>
      usageScope.exit(async () => {
        try {
          return await work();
        } finally {
          this.units?.sync();
        }
      });
    const run = this.exclusive.then(outside, outside);
    this.exclusive = run.catch(() => undefined);
    return run;
  }

  /**
   * Due work: queued segments, timers due by the clock, and the node sweep (warnings, overdue nodes and their
   * tasks, term extensions: what the scheduled sweeper does on AWS), until nothing more is due now.
   */
  private async runDue(): Promise<void> {
    for (;;) {
      await this.engine.drain();
      const fired = await this.engine.fireDue((body) => this.deliver(body));
      await this.settled();
      const swept = await this.sweep();
      if (swept.failed.length > 0)
        this.log({ level: 'WARN', message: 'node sweep failed', service: 'enforcement', cases: swept.failed });
      await this.sweepMatters();
      await this.sweepEvidence();
      if (fired === 0 && swept.acted === 0 && !this.engine.hasWork) return;
    }
  }

  /** Tags a closed case's evidence for the archive tiers (P-EVIDENCE-STORAGE). */
  private async tagClosedEvidence(caseId: string): Promise<void> {
    try {
      await markClosedCaseEvidence(this.deps)(caseId);
    } catch (error) {
      this.log({
        level: 'ERROR',
        message: 'closed case evidence not tagged',
        service: 'enforcement',
        caseId,
        error: String(error),
      });
    }
  }

  /**
   * Matters other courts entrusted to this one (H1) that went overdue, told to the command center once each: at
   * most once per sweep interval of the clock, as the scheduled sweeper does on AWS.
   */
  private async sweepMatters(): Promise<void> {
    const now = this.clock.now();
    if (this.mattersCheckedAt && Date.parse(now) - Date.parse(this.mattersCheckedAt) < MATTER_SWEEP_INTERVAL_MS) return;
    this.mattersCheckedAt = now;
    try {
      await this.unit(async () => {
        await this.mattersSweeper();
        // Field officers overdue back, told once; positions past their retention deleted (issue 17).
        await this.fieldSweeper();
        await this.preservationSweeper();
      }, 'deferred');
    } catch (error) {
      this.log({
        level: 'WARN',
        message: 'received-matter sweep failed',
        service: 'enforcement',
        error: String(error),
      });
    }
  }

  /**
   * The evidence sweep: at most once per interval of the clock, every kept object is hashed again; each that no
   * longer matches its record is marked (no download link from then on) and told to the command center by name.
   */
  private async sweepEvidence(): Promise<void> {
    const now = this.clock.now();
    if (this.evidenceCheckedAt && Date.parse(now) - Date.parse(this.evidenceCheckedAt) < EVIDENCE_SWEEP_INTERVAL_MS)
      return;
    this.evidenceCheckedAt = now;
    try {
      await this.checkEvidence();
    } catch (error) {
      this.log({ level: 'WARN', message: 'evidence sweep failed', service: 'enforcement', error: String(error) });
    }
  }

  /** Hashes every kept evidence object now; alerts the command center naming each one that fails. */
  checkEvidence(): Promise<{ readonly checked: number; readonly failed: readonly string[] }> {
    return sweepEvidence(this.evidence, this.deps);
  }

  /** The earliest node milestone of any case; read from the index only when a commit may have moved it. */
  private async nextSweepAt(): Promise<Instant | undefined> {
    if (this.sweepHint.dirty) {
      const at = await this.cases.nextSweepAt();
      this.sweepHint = { dirty: false, ...(at ? { at } : {}) };
    }
    return this.sweepHint.at;
  }

  /** The node sweep, when the index has something due by now. */
  private async sweep(): Promise<SweepResult> {
    const next = await this.nextSweepAt();
    if (!next || next > this.clock.now()) return { due: 0, acted: 0, warned: 0, overdue: 0, tasks: 0, failed: [] };
    const result = await this.unit(() => this.sweeper(), 'deferred');
    this.sweepHint = { dirty: true };
    return result;
  }

  /** The next instant something is due: a timer, or a node milestone of some case (later than now). */
  private async nextDueAt(): Promise<Instant | undefined> {
    const timer = await this.engine.nextTimerAt();
    const node = await this.nextSweepAt();
    const future = node && node > this.clock.now() ? node : undefined;
    if (!timer) return future;
    if (!future) return timer;
    return [future, timer].sort()[0];
  }

  /** Virtual clock: moves time forward, firing each timer at its own moment on the way. */
  async advance(seconds: number): Promise<{ from: Instant; to: Instant }> {
    if (this.clock.mode !== 'virtual')
      throw new ClockModeError('本数据目录使用真实时钟，不能调整时间（仅演示和测试用的虚拟时钟可以）');
    return this.serially(async () => {
      const from = this.clock.now();
      const target = plusSeconds(from, seconds);
      await this.runDue();
      for (let next = await this.nextDueAt(); next && next <= target; next = await this.nextDueAt()) {
        this.clock.set(next);
        await this.saveClock();
        await this.runDue();
      }
      this.clock.set(target);
      await this.saveClock();
      await this.runDue();
      return { from, to: target };
    });
  }

  /** Real time: runs due work every `intervalMs` until `signal` aborts. */
  async serve(signal: AbortSignal, intervalMs = 1000): Promise<void> {
    while (!signal.aborted) {
      await this.runUntilIdle();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalMs);
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            resolve();
          },
          { once: true },
        );
      });
    }
  }

  async close(): Promise<void> {
    await this.exclusive;
    await this.settled();
    await this.saveClock();
    this.units?.sync();
    await this.evidence.shutdown();
    this.database.close();
    await this.store.close();
    this.closeLog();
  }

  /** Work started from a callback (an alert on a failed execution) is awaited before going idle or closing. */
  private track(work: Promise<void>): void {
    this.background.add(work);
    void work.finally(() => this.background.delete(work));
  }

  private async settled(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  private async saveClock(): Promise<void> {
    const now = this.clock.now();
    // Written already (advance saves at each timer's moment, then at its target, often the same instant).
    if (now === this.savedClock) return;
    const alone = !this.units?.active;
    await this.unit(
      () => this.runtimeStore.setValue('clock', { mode: this.clock.mode, now } satisfies ClockSetting),
      'deferred',
    );
    // Only a unit of its own is known to be committed; inside another one, that one may still roll back.
    this.savedClock = alone ? now : undefined;
  }

  /**
   * A partner answer, through the settle function as an SQS batch; a transient failure is delivered again later.
   * A filing the filing system's simulator scheduled goes to intake instead, as its event would on EventBridge.
   */
  private async deliver(body: unknown): Promise<void> {
    if (typeof body === 'object' && body !== null && 'intake' in body) {
      await this.intakeHandler((body as { intake: unknown }).intake, lambdaContext('intake'));
      return;
    }
    const result = (await this.metered('settle', undefined, async () => {
      // On AWS a partner answer is one message on the partner-answer queue.
      if (this.meter) this.meter.target().sqsMessages++;
      return this.settleHandler(
        { Records: [{ messageId: randomUUID(), body: JSON.stringify(body) }] },
        lambdaContext('settle'),
      );
    })) as { batchItemFailures?: readonly unknown[] };
    if ((result.batchItemFailures ?? []).length > 0) {
      await this.engine.schedule({
        id: deliveryId(this.clock.now(), body),
        kind: 'delivery',
        fireAt: plusSeconds(this.clock.now(), REDELIVERY_SECONDS),
        body,
      });
    }
  }

  private handler(step: StepName): StepHandler {
    let handler = this.handlers.get(step);
    if (!handler) {
      const definition = STEP_REGISTRY[step];
      handler = definition.create(this.deps, new SinkLogger(this.logSink, { step }));
      this.handlers.set(step, handler);
    }
    return handler;
  }

  private async invokeStep(step: StepName, payload: unknown, caseId: string): Promise<unknown> {
    const fault = this.faults.get(step);
    if (fault && fault.remaining > 0) {
      fault.remaining--;
      const error = new Error(JSON.stringify({ errorType: fault.error, errorMessage: `injected fault in ${step}` }));
      error.name = fault.error;
      throw error;
    }
    try {
      return await this.metered(step, caseId || undefined, () =>
        operationScope.run({ caseId }, () => this.handler(step)(payload, lambdaContext(step))),
      );
    } catch (error) {
      // What Step Functions sees of a failed Lambda: the error type as the name, a JSON cause.
      const original = error as Error;
      const reported = new Error(JSON.stringify({ errorType: original.name, errorMessage: original.message }));
      reported.name = original.name;
      throw reported;
    }
  }

  /** What the ExecutionsFailed alarm does on AWS: nobody has to look at a log to learn of it. */
  private async executionFailed(execution: string, error: string): Promise<void> {
    const record = await this.runtimeStore.getExecution(execution);
    const state = record?.caseId ? await this.cases.load(record.caseId) : undefined;
    await this.deps.alerts.alert({
      kind: 'needs-attention',
      caseId: record?.caseId ?? '',
      court: state?.court.code ?? '',
      at: this.clock.now(),
      message: `${state?.caseNumber ?? execution}：流程执行失败（${error}），执行 ${execution}`,
    });
  }

  private async recordCounters(
    caseId: string,
    delta: { transitions: number; invocations: number; executions: number },
  ): Promise<void> {
    await this.runtimeStore.addCounters(caseId, { ...delta, storeOperations: this.takeStoreOperations(caseId) });
  }

  /** The store operations run for a case since last asked. */
  private takeStoreOperations(caseId: string): number {
    const total = this.store.operations.get(caseId) ?? 0;
    const taken = total - (this.reportedOps.get(caseId) ?? 0);
    this.reportedOps.set(caseId, total);
    return taken;
  }
}
