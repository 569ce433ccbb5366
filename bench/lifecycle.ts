/**
 * Lifecycle throughput: N cases of the case mix through the embedded runtime, durable (SQLite on disk), on a
 * virtual clock (time is skipped, never waited for), approvals decided by the scripted actor through the staff API.
 * Each run is a fresh process and a fresh data directory, so that its peak memory is its own.
 *
 *   node bench/lifecycle.ts --n 1000 --runs 3 [--per-day 100]     (npm run bench runs it with its mode's sizes)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedRuntime } from '#local/runtime/runtime.ts';
import type { StoreKind } from '#local/runtime/stores.ts';
import { CaseTracker, planOf, runWorkload, WORKLOAD_START, workloadScript } from '#local/workload/driver.ts';
import { loadMix } from '#local/workload/mix.ts';
import { countOption, scriptArgs } from '../scripts/lib/args.ts';

export interface LifecycleRun {
  readonly n: number;
  readonly perDay: number;
  readonly seconds: number;
  readonly casesPerSecond: number;
  /** Peak resident set size of the process, MiB. */
  readonly peakRssMiB: number;
  /** Largest V8 heap in use seen at a day's end, MiB. */
  readonly peakHeapMiB: number;
  readonly dataDirMiB: number;
  readonly finished: number;
  readonly unfinished: number;
  readonly virtualDays: number;
  readonly decisions: number;
  readonly outcomes: Record<string, Record<string, number>>;
  /** What the runtime ran on: SQLite (the default) or the DynamoDB adapters on dynalite (the previous store). */
  readonly store: StoreKind;
  /** Store operations per case (SQLite: statements; DynamoDB: requests), in all and by kind. */
  readonly storeOperationsPerCase: number;
  readonly storeOperationsPerCaseByKind: Record<string, number>;
  /** Of storeOperationsPerCase, the part run for no case in particular (sweeps, the timer queue), divided by N. */
  readonly sharedStoreOperationsPerCase: number;
  readonly sharedStoreOperationsPerCaseByKind: Record<string, number>;
  /** Units of work committed (SQLite: transactions), per case. */
  readonly transactionsPerCase: number;
  /** fsyncs of the database (SQLite: synced commits and syncs of deferred units), per case. */
  readonly fsyncsPerCase: number;
  /** Seconds inside units of work (SQLite's write lock held), of `seconds`: what a second writer would wait for. */
  readonly secondsInUnits: number;
  /** CPU seconds of the process (user + system) from the first filing to the last case ending. */
  readonly cpuSeconds: number;
}

/** Counts by kind divided by N, largest first, to a tenth. */
function perCaseByKind(counts: Readonly<Record<string, number>>, n: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .map(([kind, count]) => [kind, Math.round((count / n) * 10) / 10]),
  );
}

async function child(n: number, perDay: number, store: StoreKind): Promise<LifecycleRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enforce-bench-'));
  try {
    const tracker = new CaseTracker();
    const runtime = await EmbeddedRuntime.open({
      dataDir,
      clock: 'virtual',
      startAt: WORKLOAD_START,
      script: workloadScript(),
      onCommit: tracker.listener,
      store,
    });
    let peakHeap = 0;
    const sample = setInterval(() => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }, 250);
    const plan = planOf(loadMix().shares, n);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    // Progress on stderr (the parent passes it through): at most one line every 10 seconds, and the last day.
    let lastReport = started;
    const result = await runWorkload(runtime, tracker, {
      plan,
      perDay,
      onDay: (p) => {
        const now = performance.now();
        if (now - lastReport < 10_000 && (p.filed < n || p.active > 0)) return;
        lastReport = now;
        const elapsed = (now - started) / 1000;
        process.stderr.write(
          `    N=${n}: day ${p.day}, filed ${p.filed}, finished ${p.finished + p.unfinished}, running ${p.active}, ` +
            `${p.decisions} decisions, ${elapsed.toFixed(0)} s, ${((p.finished + p.unfinished) / elapsed).toFixed(2)} cases/s so far, ` +
            `RSS ${(process.memoryUsage().rss / 1024 ** 2).toFixed(0)} MiB\n`,
        );
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(sample);
    const operations = runtime.storeOperationCounts();
    const transactions = runtime.unitsCommitted;
    await runtime.close();
    const du = execFileSync('du', ['-sk', dataDir], { encoding: 'utf8' });
    return {
      n,
      perDay,
      seconds,
      casesPerSecond: n / seconds,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      peakHeapMiB: peakHeap / 1024 ** 2,
      dataDirMiB: Number(du.split(/\s/)[0]) / 1024,
      finished: result.finished,
      unfinished: result.unfinished,
      virtualDays: result.days,
      decisions: result.decisions,
      outcomes: result.outcomes,
      store,
      storeOperationsPerCase: operations.total / n,
      sharedStoreOperationsPerCase: operations.shared / n,
      transactionsPerCase: transactions.units / n,
      fsyncsPerCase: transactions.syncs / n,
      secondsInUnits: transactions.heldMs / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      storeOperationsPerCaseByKind: perCaseByKind(operations.byKind, n),
      sharedStoreOperationsPerCaseByKind: perCaseByKind(operations.sharedByKind, n),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs `runs` fresh processes of N cases each. */
export function lifecycleRuns(n: number, runs: number, perDay: number, store: StoreKind = 'sqlite'): LifecycleRun[] {
  const results: LifecycleRun[] = [];
  for (let i = 0; i < runs; i++) {
    const started = Date.now();
    const out = spawnSync(
      process.execPath,
      [new URL(import.meta.url).pathname, '--child', '--n', String(n), '--per-day', String(perDay), '--store', store],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
    );
    if (out.status !== 0) throw new Error(`lifecycle run of ${n} cases failed (exit ${out.status})`);
    const run = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}') as LifecycleRun;
    process.stderr.write(
      `  lifecycle N=${n} (${store}) run ${i + 1}/${runs}: ${run.casesPerSecond.toFixed(2)} cases/s, ${run.storeOperationsPerCase.toFixed(0)} store operations a case, peak RSS ${run.peakRssMiB.toFixed(0)} MiB (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
    );
    results.push(run);
  }
  return results;
}

if (import.meta.main) {
  const values = scriptArgs(
    `node bench/lifecycle.ts [--n 100] [--runs 3] [--per-day 100] [--store sqlite|dynamodb]: N cases of the case mix
through the embedded runtime with its durable store (default sqlite; dynamodb: the previous store, the DynamoDB
adapters on dynalite), each run in a fresh process; prints JSON. npm run bench -- --only lifecycle writes
BENCHMARKS.md.`,
    {
      child: { type: 'boolean' },
      n: { type: 'string', default: '100' },
      runs: { type: 'string', default: '3' },
      'per-day': { type: 'string', default: '100' },
      store: { type: 'string', default: 'sqlite' },
    },
  );
  if (values.store !== 'sqlite' && values.store !== 'dynamodb') {
    process.stderr.write(`error: --store must be sqlite or dynamodb, not ${values.store}\n`);
    process.exit(2);
  }
  const store: StoreKind = values.store;
  const n = countOption('n', values.n);
  const perDay = countOption('per-day', values['per-day']);
  if (values.child) {
    process.stdout.write(`${JSON.stringify(await child(n, perDay, store))}\n`);
  } else {
    console.log(JSON.stringify(lifecycleRuns(n, countOption('runs', values.runs), perDay, store), null, 2));
  }
}
