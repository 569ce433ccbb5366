/**
 * The crash test (issue 11): N cases with money moving run in a child process on the durable store, which is
 * killed with SIGKILL at random points and started again until every case has ended; an uninterrupted run of the
 * same cases is the reference. Afterwards: every case ended as in the reference, with the same money to the fen
 * (received, paid out, refunded, balance), the same journal (commit by commit, the events of each), no ledger entry
 * twice, and `enforce check` (integrity and every hash chain) passes.
 *
 *   node bench/crash.ts --n 1000 --kills 5 [--per-day 100] [--seed 1] [--mix money|full|parallel] [--kill-when-reordered]
 *
 * The child (`--child`) is resumable: filings are idempotent (the same event each time), the scenarios' actors look
 * at the case before acting, approvals pending are decided, and a restart inside a virtual day first finishes moving
 * the clock to the day's end, as the interrupted process was doing.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Commit } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { accountBalance } from '#domain/case/reducer.ts';
import type { RuntimeEvent } from '#local/runtime/engine.ts';
import { decideWithPanel } from '#local/runtime/panel-votes.ts';
import { EmbeddedRuntime } from '#local/runtime/runtime.ts';
import { DATABASE_FILE } from '#local/store/database.ts';
import { PARTY_KEY_FILE } from '#local/store/private-files.ts';
import { approverFor, ENDED, planOf, WORKLOAD_START, workloadEvent, workloadScript } from '#local/workload/driver.ts';
import { loadMix } from '#local/workload/mix.ts';
import { type WorkloadScenario, workloadScenario } from '#local/workload/scenarios.ts';
import { countOption, scriptArgs } from '../scripts/lib/args.ts';

const DAY_MS = 86_400_000;
/** The quick scenarios that move money: a voluntary payment, and deductions from frozen accounts. */
const MONEY_MIX = { 'paid-after-notice': 1, 'frozen-deducted': 2 };
/** Cases in which executions run side by side: coercion beside the performance watch, the disposal beside both. */
const PARALLEL_MIX = { 'coercion-referral': 1, auction: 1 };
const ENTRY = new URL(import.meta.url).pathname;

export interface CrashOptions {
  readonly n: number;
  /** How many times the child is killed before it is let finish. */
  readonly kills: number;
  readonly perDay: number;
  readonly seed: number;
  /**
   * 'money': the quick money scenarios (tests); 'full': the whole case mix (config/workload/mix.json); 'parallel':
   * coercion and auction cases, where two executions of one case run side by side.
   */
  readonly mix: 'money' | 'full' | 'parallel';
  /**
   * Besides the random kills, kill the first run where a restart in the wrong order would show: between two
   * segments, when the queue holds two executions of one case in an order other than their names' (the order
   * recovery once used). The journals must come out as in the reference all the same.
   */
  readonly killWhenReordered?: boolean;
}

export interface CaseSummary {
  readonly caseNumber: string;
  readonly status: string;
  readonly received: number;
  readonly disbursed: number;
  readonly refunded: number;
  readonly balance: number;
  /** Each ledger entry: kind and amount in fen, in order. */
  readonly ledger: readonly string[];
  readonly duplicateEntries: number;
  /** Each commit's events (their types), in journal order. */
  readonly journal: readonly string[];
}

export interface CrashResult {
  readonly n: number;
  readonly kills: number;
  /** When each kill came: real ms after the child was ready, and the child's last progress line. */
  readonly killedAt: readonly { readonly day: number; readonly afterMs: number; readonly progress: string }[];
  /** Whether the run killed where the queue's order mattered (CrashOptions.killWhenReordered) was killed there. */
  readonly killedWhenReordered: boolean;
  readonly restarts: number;
  readonly seconds: { readonly crashed: number; readonly reference: number };
  readonly cases: number;
  readonly moneyFen: { readonly received: number; readonly disbursed: number; readonly refunded: number };
  readonly commits: number;
  /** Differences from the reference run, one line each (empty when none). */
  readonly differences: readonly string[];
  readonly check: { readonly code: number; readonly output: string };
}

function plan(options: Pick<CrashOptions, 'n' | 'mix'>): WorkloadScenario[] {
  const shares = options.mix === 'full' ? loadMix().shares : options.mix === 'parallel' ? PARALLEL_MIX : MONEY_MIX;
  return planOf(shares, options.n).map((id) => workloadScenario(id) as WorkloadScenario);
}

/** The filing instant of case `i`: the start of its day, so that a filing repeated after a restart is identical. */
function filedAt(i: number, perDay: number): string {
  return new Date(Date.parse(WORKLOAD_START) + Math.floor(i / perDay) * DAY_MS).toISOString();
}

/** Two executions of one case queued in an order other than their names' (`${caseId}-${phase}-${run}`). */
export function reordered(pending: readonly string[]): boolean {
  const caseOf = (name: string) => name.replace(/-[a-z-]+-\d+$/, '');
  return pending.some((a, i) => pending.slice(i + 1).some((b) => caseOf(a) === caseOf(b) && b < a));
}

/** The child: runs the cases from wherever the data directory is to the end, resumably. */
async function child(
  dataDir: string,
  options: Pick<CrashOptions, 'n' | 'mix' | 'perDay' | 'killWhenReordered'>,
): Promise<void> {
  const scenarios = plan(options);
  let runtime: EmbeddedRuntime | undefined;
  runtime = await EmbeddedRuntime.open({
    dataDir,
    clock: 'virtual',
    startAt: WORKLOAD_START,
    script: workloadScript(),
    ...(options.killWhenReordered
      ? {
          onEvent: (event: RuntimeEvent) => {
            // Between two segments everything queued is committed: what a restart must put back in order.
            if (event.type === 'segment-ended' && runtime && reordered(runtime.engine.pending)) {
              process.stdout.write(`killed with ${runtime.engine.pending.join(' ')} queued\n`);
              process.kill(process.pid, 'SIGKILL');
            }
          },
        }
      : {}),
  });
  process.stdout.write('ready\n');
  const elapsed = () => Date.parse(runtime.clock.now()) - Date.parse(WORKLOAD_START);
  // Killed inside a day's advance: finish it first, as the killed process was doing.
  const partial = elapsed() % DAY_MS;
  if (partial !== 0) await runtime.advance((DAY_MS - partial) / 1000);
  const caseIds: string[] = [];
  for (let day = elapsed() / DAY_MS; ; day++) {
    const filing = Math.min(scenarios.length, (day + 1) * options.perDay);
    for (let i = caseIds.length; i < filing; i++) {
      const outcome = await runtime.intake(
        workloadEvent(i, scenarios[i] as WorkloadScenario, filedAt(i, options.perDay)),
      );
      if (outcome.outcome === 'rejected') throw new Error(`case ${i} not filed: ${outcome.reasons.join('; ')}`);
      caseIds.push(outcome.caseId);
    }
    let running = 0;
    for (const [i, caseId] of caseIds.entries()) {
      const scenario = scenarios[i] as WorkloadScenario;
      const state = await runtime.cases.load(caseId);
      if (ENDED(state, scenario) || !state) continue;
      running++;
      const caseDay = day - Math.floor(i / options.perDay);
      if (scenario.act) await scenario.act({ runtime, state, day: caseDay, done: new Set() });
    }
    for (const approval of await runtime.deps.approvals.listPending({ court: 'HB0922' })) {
      const decided = await decideWithPanel(runtime, approval, {
        approvalId: approval.approvalId,
        decision: 'approved',
        userId: approverFor(runtime, approval),
        reason: '经审查，同意',
        ...(approval.amountFen !== undefined ? { data: { confirmedAmountFen: approval.amountFen } } : {}),
      });
      if (!decided.ok) throw new Error(`decision on ${approval.approvalId} refused: ${decided.message}`);
    }
    process.stdout.write(`day ${day}: filed ${caseIds.length}, running ${running}\n`);
    if (caseIds.length === scenarios.length && running === 0) break;
    if (day > 400) throw new Error('cases still running after 400 virtual days');
    await runtime.advance(DAY_MS / 1000);
  }
  await runtime.close();
  process.stdout.write('done\n');
}

function childArgs(dataDir: string, options: CrashOptions, killWhenReordered = false): string[] {
  return [
    ENTRY,
    ...(killWhenReordered ? ['--kill-when-reordered'] : []),
    '--child',
    '--data-dir',
    dataDir,
    '--n',
    String(options.n),
    '--per-day',
    String(options.perDay),
    '--mix',
    options.mix,
  ];
}

interface KillPoint {
  /** Once the child says it reached this virtual day (or a later one)... */
  readonly day: number;
  /** ...this many real milliseconds later, wherever it is then. */
  readonly afterMs: number;
}

/** Runs the child; with `kill`, kills it there (resolves 'killed', or 'done' if it finished first). */
function runChild(args: string[], kill?: KillPoint): Promise<{ outcome: 'killed' | 'done'; progress: string }> {
  return new Promise((resolve, reject) => {
    const proc: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let progress = '';
    let killing = false;
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const lines = out.split('\n');
      progress = lines.filter((l) => l.startsWith('day ')).at(-1) ?? progress;
      const day = Number(/^day (\d+):/.exec(progress)?.[1] ?? -1);
      if (kill && !killing && day >= kill.day) {
        killing = true;
        setTimeout(() => proc.kill('SIGKILL'), kill.afterMs);
      }
      out = lines.at(-1) ?? '';
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ outcome: 'killed', progress });
      else if (code === 0) resolve({ outcome: 'done', progress });
      else reject(new Error(`the child exited with ${code}: ${err.slice(-2000)}`));
    });
  });
}

/** mulberry32: the kill points are random, and the same for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the data directory holds, case by case (read straight from its database, read-only). */
export function summarise(dataDir: string): Map<string, CaseSummary> {
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE), { readOnly: true });
  try {
    const journals = new Map<string, string[]>();
    for (const row of db.prepare('SELECT case_id, body FROM journal ORDER BY case_id, seq').all() as {
      case_id: string;
      body: string;
    }[]) {
      const commit = JSON.parse(row.body) as Commit;
      const list = journals.get(row.case_id) ?? [];
      list.push(commit.events.map((e) => e.type).join('+'));
      journals.set(row.case_id, list);
    }
    const summaries = new Map<string, CaseSummary>();
    for (const row of db.prepare('SELECT case_id, data FROM cases').all() as { case_id: string; data: string }[]) {
      const state = JSON.parse(row.data) as EnforcementCase;
      const sum = (kind: string) =>
        state.ledger.filter((e) => e.kind === kind).reduce((total, e) => total + e.amountFen, 0);
      summaries.set(state.caseNumber, {
        caseNumber: state.caseNumber,
        status: state.status,
        received: sum('received'),
        disbursed: sum('disbursed'),
        refunded: sum('refunded'),
        balance: accountBalance(state),
        ledger: state.ledger.map((e) => `${e.kind}:${e.amountFen}`),
        duplicateEntries: state.ledger.length - new Set(state.ledger.map((e) => e.entryId)).size,
        journal: journals.get(row.case_id) ?? [],
      });
    }
    return summaries;
  } finally {
    db.close();
  }
}

/** What differs between the crashed run and the reference, and what does not add up in the crashed one. */
export function compare(crashed: Map<string, CaseSummary>, reference: Map<string, CaseSummary>): string[] {
  const differences: string[] = [];
  if (crashed.size !== reference.size) differences.push(`cases: ${crashed.size} vs ${reference.size} in the reference`);
  for (const [number, expected] of reference) {
    const found = crashed.get(number);
    if (!found) {
      differences.push(`${number}: missing`);
      continue;
    }
    if (found.status !== expected.status) differences.push(`${number}: status ${found.status} vs ${expected.status}`);
    if (found.ledger.join(',') !== expected.ledger.join(','))
      differences.push(`${number}: ledger ${found.ledger.join(',')} vs ${expected.ledger.join(',')}`);
    if (found.duplicateEntries > 0) differences.push(`${number}: ${found.duplicateEntries} ledger entries twice`);
    if (found.received !== found.disbursed + found.refunded + found.balance)
      differences.push(
        `${number}: received ${found.received} ≠ paid out ${found.disbursed + found.refunded} + balance`,
      );
    if (found.journal.length !== expected.journal.length)
      differences.push(`${number}: ${found.journal.length} commits vs ${expected.journal.length}`);
    const at = found.journal.findIndex((events, i) => events !== expected.journal[i]);
    if (at >= 0)
      differences.push(`${number}: commit ${at + 1} is ${found.journal[at]}, in the reference ${expected.journal[at]}`);
  }
  return differences;
}

export async function crashRun(options: CrashOptions): Promise<CrashResult> {
  const crashedDir = mkdtempSync(join(tmpdir(), 'enforce-crash-'));
  const referenceDir = mkdtempSync(join(tmpdir(), 'enforce-crash-reference-'));
  // One installation key for both: party ids are keyed with it, and the simulator draws each party's world (its assets,
  // so asset and approval ids) from the party id. With a key each, the two runs decide a case's approvals due together
  // in another order (by id), which is no crash's doing (BENCHMARKS.md, "The crash test's swapped commits").
  const key = randomBytes(32);
  for (const dir of [crashedDir, referenceDir]) writeFileSync(join(dir, PARTY_KEY_FILE), key, { mode: 0o600 });
  try {
    // The reference first: its virtual days space the kills, so that each lands while work remains.
    let started = performance.now();
    const referenceRun = await runChild(childArgs(referenceDir, options));
    const referenceSeconds = (performance.now() - started) / 1000;
    const days = Number(/^day (\d+):/.exec(referenceRun.progress)?.[1] ?? 0);
    const draw = random(options.seed);
    const killedAt: { day: number; afterMs: number; progress: string }[] = [];
    let restarts = 0;
    started = performance.now();
    if (options.killWhenReordered) {
      const run = await runChild(childArgs(crashedDir, options, true));
      if (run.outcome === 'killed') {
        restarts++;
        killedAt.push({ day: -1, afterMs: 0, progress: run.progress });
      }
    }
    for (let k = 0; k < options.kills; k++) {
      // At a random day of the k-th stretch of the run, and a random moment in that day's work.
      // (The stretches cover the run but its last: the last days have few cases left, and may end before a kill.)
      const point = {
        day: Math.floor((days * (k + 0.9 * draw())) / (options.kills + 1)),
        afterMs: Math.round(200 * draw()),
      };
      const run = await runChild(childArgs(crashedDir, options), point);
      if (run.outcome === 'done') break;
      restarts++;
      killedAt.push({ ...point, progress: run.progress });
    }
    const last = await runChild(childArgs(crashedDir, options));
    if (last.outcome !== 'done') throw new Error('the last run did not finish');
    const crashedSeconds = (performance.now() - started) / 1000;

    const crashed = summarise(crashedDir);
    const reference = summarise(referenceDir);
    const differences = compare(crashed, reference);
    if (reference.size !== options.n) differences.push(`the reference has ${reference.size} cases, not ${options.n}`);
    const check = spawnSync(process.execPath, ['bin/enforce.mjs', '--data-dir', crashedDir, 'check'], {
      encoding: 'utf8',
    });
    const total = (field: 'received' | 'disbursed' | 'refunded') =>
      [...crashed.values()].reduce((sum, c) => sum + c[field], 0);
    return {
      n: options.n,
      kills: killedAt.length,
      killedAt,
      killedWhenReordered: killedAt.some((k) => k.day === -1),
      restarts,
      seconds: { crashed: crashedSeconds, reference: referenceSeconds },
      cases: crashed.size,
      moneyFen: { received: total('received'), disbursed: total('disbursed'), refunded: total('refunded') },
      commits: [...crashed.values()].reduce((sum, c) => sum + c.journal.length, 0),
      differences,
      check: { code: check.status ?? -1, output: `${check.stdout}${check.stderr}`.trim() },
    };
  } finally {
    rmSync(crashedDir, { recursive: true, force: true });
    rmSync(referenceDir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const values = scriptArgs(
    `node bench/crash.ts [--n 1000] [--kills 5] [--per-day 100] [--seed 1] [--mix full|money|parallel] [--kill-when-reordered]: the crash test at
scale; prints JSON (see the file's comment).`,
    {
      child: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      n: { type: 'string', default: '1000' },
      kills: { type: 'string', default: '5' },
      'per-day': { type: 'string', default: '100' },
      seed: { type: 'string', default: '1' },
      mix: { type: 'string', default: 'full' },
      'kill-when-reordered': { type: 'boolean', default: false },
    },
  );
  const mix = values.mix === 'money' ? 'money' : values.mix === 'parallel' ? 'parallel' : 'full';
  const killWhenReordered = values['kill-when-reordered'] === true;
  const n = countOption('n', values.n);
  const perDay = countOption('per-day', values['per-day']);
  if (values.child) {
    await child(values['data-dir'] as string, { n, perDay, mix, killWhenReordered });
  } else {
    const result = await crashRun({
      n,
      perDay,
      mix,
      kills: countOption('kills', values.kills, 0),
      seed: countOption('seed', values.seed),
      killWhenReordered,
    });
    console.log(JSON.stringify(result, null, 2));
    if (result.differences.length > 0 || result.check.code !== 0) process.exitCode = 1;
  }
}
