/**
 * `npm run bench`: the benchmarks of the lifecycle, the engine overhead, the cost per case and the cold start, each
 * writing its own section of BENCHMARKS.md (other sections, such as the command-center queries, are left alone).
 *
 *   npm run bench -- --quick                     a minute or two: small sizes, to see that everything runs
 *   npm run bench                                the full runs (lifecycle N = 1,000 three times and 10,000 once: hours)
 *   npm run bench -- --only lifecycle --sizes 10000 --runs 1
 *   npm run bench -- --only cost,cold-start
 *
 * Lifecycle results accumulate in bench/results/lifecycle.json (one entry per size, the latest run of it), so that
 * sizes run on different days all appear in the table, each with its own date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { costReport } from '../local/cli/cost.ts';
import { countOption, scriptArgs } from '../scripts/lib/args.ts';
import { type BundleResult, coldStart } from './cold-start.ts';
import { engineOverhead } from './engine-overhead.ts';
import { machineInfo, machineLine } from './lib/machine.ts';
import { table, writeSection } from './lib/report.ts';
import { median, medianWithRange, round } from './lib/stats.ts';
import { type LifecycleRun, lifecycleRuns } from './lifecycle.ts';

const SECTIONS = ['lifecycle', 'engine-overhead', 'cost', 'cold-start'] as const;
type Section = (typeof SECTIONS)[number];
const RESULTS = new URL('./results/', import.meta.url);

const values = scriptArgs(
  `npm run bench -- [options]: runs the benchmarks and writes each one's section of BENCHMARKS.md

  --quick             small sizes, a few minutes (lifecycle N = 20, 3 runs; engine overhead 5 cases, 3 runs)
  --only <list>       some of: ${SECTIONS.join(', ')} (comma-separated; default all)
  --sizes <list>      lifecycle sizes, comma-separated (default 1000,10000; quick 20); "none" re-renders the
                      lifecycle section from bench/results/lifecycle.json without running anything
  --runs <n>          runs per size or benchmark (default: lifecycle 3, 1 at N >= 10,000; engine overhead 5;
                      cold start 7; quick 3)
  --per-day <n>       lifecycle cases filed per virtual day (default 100; quick 20)
  -h, --help          this help

Examples:
  npm run bench -- --quick
  npm run bench -- --only lifecycle --sizes 1000 --runs 3
  npm run bench -- --only engine-overhead,cost,cold-start
`,
  {
    quick: { type: 'boolean' },
    only: { type: 'string' },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    'per-day': { type: 'string' },
  },
) as {
  quick?: boolean;
  only?: string;
  sizes?: string;
  runs?: string;
  'per-day'?: string;
};
const quick = values.quick === true;
const only = new Set((values.only?.split(',') ?? SECTIONS) as Section[]);
for (const s of only)
  if (!SECTIONS.includes(s)) {
    process.stderr.write(`error: unknown benchmark ${s}; known: ${SECTIONS.join(', ')}\n`);
    process.exit(2);
  }
const machine = machineInfo();
const mode = quick ? 'quick' : 'full';
const command = `npm run bench --${quick ? ' --quick' : ''}${values.only ? ` --only ${values.only}` : ''}${values.sizes ? ` --sizes ${values.sizes}` : ''}${values.runs ? ` --runs ${values.runs}` : ''}`;
const header = (title: string, reproduce: string) =>
  `## ${title}\n\nMachine: ${machineLine(machine)}. Mode: ${mode}. Command: \`${command}\` (this section alone: \`${reproduce}\`).`;

async function lifecycle(): Promise<void> {
  // `--sizes none` re-renders the section from the stored results without running anything.
  const sizes =
    values.sizes === 'none'
      ? []
      : (values.sizes?.split(',').map((size) => countOption('sizes', size)) ?? (quick ? [20] : [1000, 10_000]));
  const perDay = countOption('per-day', values['per-day'] ?? String(quick ? 20 : 100));
  mkdirSync(RESULTS, { recursive: true });
  const file = new URL('lifecycle.json', RESULTS);
  const stored: Record<
    string,
    { date: string; machine: string; mode: string; command?: string; runs: LifecycleRun[] }
  > = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  for (const n of sizes) {
    const runs = countOption('runs', values.runs ?? String(quick ? 3 : n >= 10_000 ? 1 : 3));
    stored[String(n)] = {
      date: machine.date,
      machine: machineLine(machine),
      mode,
      command,
      runs: lifecycleRuns(n, runs, perDay),
    };
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`);
  }
  const { loadMix } = await import('../local/workload/mix.ts');
  const { workloadScenario } = await import('../local/workload/scenarios.ts');
  const mix = loadMix();
  const rows = Object.entries(stored)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([n, entry]) => {
      const r = entry.runs;
      const ok = r.every((run) => run.unfinished === 0);
      return [
        Number(n).toLocaleString('en-US'),
        r.length,
        medianWithRange(r.map((x) => x.casesPerSecond)),
        `${round(median(r.map((x) => x.seconds)) / 60, 1)} min`,
        medianWithRange(
          r.map((x) => x.peakRssMiB),
          0,
        ),
        round(median(r.map((x) => x.peakHeapMiB)), 0),
        round(median(r.map((x) => x.dataDirMiB)), 0),
        round(median(r.map((x) => x.virtualDays)), 0),
        ok ? 'all' : `${r.map((x) => x.finished).join('/')} of ${n}`,
        `${entry.date} (${entry.mode})`,
      ];
    });
  const outcomes = Object.values(stored).at(-1)?.runs[0]?.outcomes ?? {};
  const sizesRun = new Set(Object.keys(stored).map(Number));
  const missing = (quick ? [] : [1000, 10_000]).filter((n) => !sizesRun.has(n));
  // The time a missing size would take at the rate of the largest size measured (cases per second fall as N grows,
  // so this is a lower bound).
  const estimate = (sizes: number[]): string => {
    const largest = Object.entries(stored).sort(([a], [b]) => Number(b) - Number(a))[0];
    if (!largest) return '.';
    const rate = median(largest[1].runs.map((x) => x.casesPerSecond));
    const hours = sizes.map((n) => `${round(n / rate / 3600, 1)} h`).join(', ');
    return (
      `: at the ${round(rate, 2)} cases/s measured at N = ${Number(largest[0]).toLocaleString('en-US')}, one run would ` +
      `take at least ${hours} on this machine (at least: a virtual day's work grows with the cases running, so ` +
      'cases per second fall as N grows), more than the runs above could be given.'
    );
  };
  writeSection(
    'lifecycle',
    [
      // Sizes may have been run on different days: each says where, when and with which command.
      '## Lifecycle throughput',
      '',
      ...Object.entries(stored)
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(
          ([n, entry]) =>
            `N = ${Number(n).toLocaleString('en-US')}: ${entry.machine}. Mode: ${entry.mode}. Command: \`${entry.command ?? `npm run bench -- --only lifecycle --sizes ${n}`}\`.`,
        )
        .flatMap((line) => [line, '']),
      'One size alone, printing JSON without writing this file: `node bench/lifecycle.ts --n 1000 --runs 3`.',
      '',
      `Full-lifecycle cases of the case mix (\`config/workload/mix.json\`: ${Object.entries(mix.shares)
        .map(([id, share]) => `${id} ${round(100 * share, 1)}%`)
        .join(', ')}) through the embedded runtime with its durable store (SQLite on disk, a fresh data directory per` +
        ' run), on a virtual clock: time is skipped a day at a time, every deadline firing at its own moment. ' +
        `${perDay} cases are filed per virtual day; each day a scripted actor does what the scenario says (pays, records conduct) ` +
        'and every pending approval is opened and decided through the staff API by a member of staff who may decide it ' +
        '(`GET /tasks/{id}`, then `POST /tasks/{id}/decision`, through the dispatcher `enforce decide` uses). Cases per ' +
        'second is cases divided by the wall time from the first filing to the last case reaching its end status; each run ' +
        'is a fresh process, so the peak resident memory is its own. Median of the runs, range in brackets.',
      '',
      table(
        [
          'cases',
          'runs',
          'cases/s',
          'wall time',
          'peak RSS (MiB)',
          'peak JS heap (MiB)',
          'data dir (MiB)',
          'virtual days',
          'finished',
          'date',
        ],
        rows,
      ),
      '',
      `Where the cases ended (last run): ${Object.entries(outcomes)
        .map(
          ([id, byStatus]) =>
            `${id}: ${Object.entries(byStatus)
              .map(([s, n]) => `${n} ${s}`)
              .join(', ')}`,
        )
        .join('; ')}.`,
      ...(mix.pending.length > 0
        ? [
            '',
            `Pending scenarios, not in the mix until they are built: ${mix.pending
              .map((p) => `${p.id} (${workloadScenario(p.id)?.label ?? p.pending}; weight ${p.weight})`)
              .join(', ')}. The existing scenarios stand for ${round(100 * mix.covered, 0)}% of the mix file's weight.`,
          ]
        : []),
      ...(Object.entries(stored).some(([n, e]) => e.runs.length === 1 && Number(n) < 10_000)
        ? [
            '',
            `Run once (no median) for want of time: N = ${Object.entries(stored)
              .filter(([n, e]) => e.runs.length === 1 && Number(n) < 10_000)
              .map(([n]) => Number(n).toLocaleString('en-US'))
              .join(', ')}; the full mode runs it three times.`,
          ]
        : []),
      ...(missing.length > 0
        ? [
            '',
            `Not run yet: N = ${missing.map((n) => n.toLocaleString('en-US')).join(', ')}${estimate(missing)} ` +
              `To run ${missing.length > 1 ? 'them' : 'it'}: \`npm run bench -- --only lifecycle --sizes ${missing.join(',')}\`.`,
          ]
        : []),
    ].join('\n'),
  );
}

async function overhead(): Promise<void> {
  const cases = quick ? 5 : 20;
  const runs = countOption('runs', values.runs ?? String(quick ? 3 : 5));
  const r = await engineOverhead(cases, runs);
  writeSection(
    'engine-overhead',
    [
      header('Engine overhead', `node bench/engine-overhead.ts --cases ${cases} --runs ${runs}`),
      '',
      `${cases} cases of the frozen-and-deducted path (every partner answering, so no timeout is needed), one after the ` +
        'other, with the same definitions, the same step code and the same decisions (the settle function) in both. ' +
        '**Bare**: the ASL interpreter (aws-local-stepfunctions) alone, one run per execution, waits held as pending ' +
        "promises, tokens and time in memory, the application tables in an in-memory SQLite database (the runtime's " +
        'adapters). **Embedded runtime**: ' +
        'segments with a checkpoint per state entered, executions, tokens and timers as records, the virtual clock moved ' +
        'from timer to timer; in memory and durable on disk. Median of the runs (range).',
      '',
      table(
        ['engine', 'cases/s', 'time per case (ms)', 'relative to bare'],
        [
          ['bare interpreter, in-memory stores', medianWithRange(r.raw.bare), round(1000 / r.bare, 0), '1.00'],
          [
            'embedded runtime, in memory',
            medianWithRange(r.raw.embeddedMemory),
            round(1000 / r.embeddedMemory, 0),
            `${round(r.bare / r.embeddedMemory, 2)}× the time`,
          ],
          [
            'embedded runtime, durable on disk',
            medianWithRange(r.raw.embeddedDurable),
            round(1000 / r.embeddedDurable, 0),
            `${round(r.bare / r.embeddedDurable, 2)}× the time`,
          ],
        ],
      ),
      '',
      "Both sides use the same SQLite adapters; what the ratio shows is the cost of the runtime's bookkeeping (a " +
        'write per state entered, the execution and token records, timers as records) and, on disk, of an fsync per ' +
        'transaction (synchronous = FULL).',
    ].join('\n'),
  );
}

async function cost(): Promise<void> {
  const report = await costReport({ region: 'us-east-1', stage: 'prod' });
  const { breakdown, prices } = report;
  const usd = (v: number) => (v === 0 ? '0' : v < 0.0001 ? v.toExponential(2) : round(v, v < 1 ? 6 : 2).toString());
  const workflowTotal = breakdown.workflowPerCase;
  writeSection(
    'cost',
    [
      header('Cost per case on AWS', 'npm run enforce -- cost --json'),
      '',
      `Prices: ${prices.regionName} (${prices.region}), \`config/pricing/${prices.file}\`, read ${prices.readAt}; ` +
        `functions at ${report.memoryMb} MB (stage \`${report.stage}\`, \`infra/config.ts\`), Arm. The counts are measured: ` +
        'one case of each scenario runs on the embedded runtime with its usage meter on (after one warm-up case each), ' +
        'and the mix weights them. DynamoDB units are computed from item sizes by dynalite (index writes estimated from ' +
        'the items written: each index projects ALL); Lambda time is the handler time measured here plus ' +
        `${report.assumptions.awsRequestMs} ms per AWS request it made. Prices marked *verify* in the price file were ` +
        'found only in secondary sources or not at all: check them before relying on the totals.',
      '',
      table(
        [
          'service',
          'item',
          'per case',
          'unit',
          `${prices.currency} per case`,
          `${prices.currency} per 1,000 cases`,
          'basis',
        ],
        breakdown.lines.map((l) => [
          l.service,
          l.item,
          round(l.quantity, l.quantity < 1 ? 6 : 2),
          l.unit,
          usd(l.cost),
          usd(l.cost * 1000),
          `${l.basis}${prices.prices[l.price]?.verify ? ', price to verify' : ''}`,
        ]),
      ),
      '',
      `**Total: ${usd(breakdown.perCase)} ${prices.currency} per case, ${usd(breakdown.perThousand)} per 1,000 cases.** ` +
        `Without the assumed field evidence (${report.assumptions.evidence.filesPerCase} files of ` +
        `${report.assumptions.evidence.averageMiB} MiB a case, kept ${report.assumptions.evidence.retentionMonths} months), ` +
        `the workflows, functions, tables, messages and logs cost ${usd(workflowTotal)} per case, ${usd(workflowTotal * 1000)} per 1,000 cases.`,
      '',
      table(
        ['scenario', 'share of the mix', 'ends in', `${prices.currency} per case`, 'without field evidence'],
        report.scenarios.map((s) => [
          `${s.id} (${s.label})`,
          `${round(100 * (report.mix.shares[s.id] ?? 0), 1)}%`,
          s.status,
          usd(s.perCase),
          usd(s.workflowPerCase),
        ]),
      ),
      ...(report.pending.length > 0
        ? ['', `Pending scenarios (not counted): ${report.pending.map((p) => p.id).join(', ')}.`]
        : []),
      '',
      `Assumptions: ${Object.entries(report.assumptions)
        .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`)
        .join('; ')}. Not included: monthly costs that do not grow with cases (KMS key, WAF, alarms, Cognito users), ` +
        'free tiers, data transfer, DynamoDB storage.',
    ].join('\n'),
  );
}

async function cold(): Promise<void> {
  const runs = countOption('runs', values.runs ?? String(quick ? 3 : 7));
  const results: BundleResult[] = await coldStart(runs);
  const kib = (b: number) => round(b / 1024, 0);
  writeSection(
    'cold-start',
    [
      header('Cold start', `node bench/cold-start.ts --runs ${runs}`),
      '',
      'Each function bundled as the CDK app bundles it (`infra/constructs/step-function.ts`: esbuild, ESM, node24, ' +
        'minified, UTF-8, source maps in a separate file, every AWS SDK client left to the Lambda runtime ' +
        '(`RUNTIME_SDK_MODULES`)); the size of the bundle, its largest contributors from ' +
        `esbuild's metafile, and its module-initialisation time: the \`import()\` of the bundle in a fresh Node ` +
        `${machine.node} process on this machine, median of ${runs} runs (the external SDK clients load from ` +
        'node_modules here, from the runtime on Lambda; Lambda adds its own runtime start, not measured here).',
      '',
      table(
        ['function', 'bundle (KiB)', 'source map (KiB)', 'init (ms, median)', 'largest contributors (KiB in bundle)'],
        results.map((r) => [
          r.name,
          kib(r.bytes),
          kib(r.mapBytes),
          round(r.initMs, 0),
          r.top.map((t) => `${t.source} ${kib(t.bytes)}`).join(', '),
        ]),
      ),
      '',
      '**What dominates.** The first-party domain (the rule values, the reducers, the timeline in the staff API), ' +
        'zod/mini (24 to 38 KiB: no function bundles classic zod), the AWS wiring and Powertools Logger and Metrics ' +
        '(about 30 KiB). No function bundles an AWS SDK client: the evidence ' +
        'store presigns with @smithy/signature-v4 (14 KiB) instead of the S3 client and presigner (about 370 KiB), and ' +
        'docs/cloud-efficiency.md ("Bundles") says what each change took off.',
    ].join('\n'),
  );
}

const run: Record<Section, () => Promise<void>> = {
  lifecycle,
  'engine-overhead': overhead,
  cost,
  'cold-start': cold,
};
for (const section of SECTIONS) {
  if (!only.has(section)) continue;
  process.stderr.write(`bench: ${section} (${mode})\n`);
  await run[section]();
}
process.stderr.write('bench: BENCHMARKS.md written\n');
