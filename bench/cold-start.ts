/**
 * Cold start: every Lambda bundle built as the CDK app builds it (esbuild: ESM, node24, minified, the SDK clients
 * the runtime provides left out, the S3 client and presigner bundled where the evidence store presigns), its size, what fills it (esbuild's metafile),
 * and its module-initialisation time: the import of the bundle in a fresh Node process, the median of several runs.
 * Locally the external SDK clients load from node_modules; on Lambda they load from the runtime's copy.
 *
 *   node bench/cold-start.ts [--runs 7] [--sizes-only] [--only triage,api] [--metafiles <dir>]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { FUNCTION_USES, STEP_USES } from '../functions/steps/manifest.ts';
import { ESM_REQUIRE_BANNER, externalModules } from '../infra/constructs/step-function.ts';
import { functionEntry, stepEntry } from '../infra/paths.ts';
import { countOption, scriptArgs } from '../scripts/lib/args.ts';
import type { StepName } from '../workflows/steps.ts';
import { median } from './lib/stats.ts';

/** Inside the repository, so that the external SDK clients resolve from its node_modules. */
const OUT = fileURLToPath(new URL('./.out/cold-start/', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** What the functions read at start-up (dummy values: nothing is called while a module initialises). */
const ENVIRONMENT = {
  AWS_REGION: 'us-east-1',
  CASES_TABLE: 'enforcement-cases',
  JOURNAL_TABLE: 'enforcement-journal',
  IDEMPOTENCY_TABLE: 'enforcement-idempotency',
  SERVICE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:enforcement-service',
  CLOSURE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:enforcement-closure',
  SETTLEMENT_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:enforcement-settlement',
  NODE_TASK_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:enforcement-node-task',
  PARTY_KEY_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:enforcement-party-key',
  SIGNING_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:enforcement-signing',
  RENDER_FUNCTION_NAME: 'enforcement-render-document',
  PARTNER_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/partner',
  INTAKE_DLQ_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/intake-dlq',
  ALERT_BUS_NAME: 'enforcement-alerts',
  EVIDENCE_BUCKET: 'enforcement-evidence',
  POWERTOOLS_IDEMPOTENCY_DISABLED: 'false',
};

export interface BundleResult {
  readonly name: string;
  readonly bytes: number;
  readonly mapBytes: number;
  /** Median import time in a fresh process, ms. */
  readonly initMs: number;
  readonly initRuns: readonly number[];
  /** The largest contributors to the bundle: package (or first-party folder) and bytes in the output. */
  readonly top: readonly { readonly source: string; readonly bytes: number }[];
}

/** node_modules/@scope/name/... → @scope/name; functions/domain/... → functions/domain. */
function sourceOf(input: string): string {
  const modules = input.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = input.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? input);
  }
  const parts = input.split('/');
  return parts.slice(0, parts[0] === 'functions' || parts[0] === 'config' ? 2 : 1).join('/');
}

function contributors(metafile: Metafile): { source: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const source = sourceOf(input);
      totals.set(source, (totals.get(source) ?? 0) + bytesInOutput);
    }
  }
  return [...totals]
    .map(([source, bytes]) => ({ source, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 4);
}

function importMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); process.stdout.write(String(performance.now() - t));`;
  const out = execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
    env: { ...process.env, ...ENVIRONMENT },
    encoding: 'utf8',
  });
  return Number(out);
}

/**
 * Bundles one function with the options of infra/constructs/step-function.ts, as NodejsFunction passes them to
 * esbuild; `entry` a path, or `{ contents }` read as a module at the repository root.
 */
export function bundleFunction(
  entry: string | { readonly contents: string },
  outfile: string,
): Promise<{ metafile: Metafile }> {
  return build({
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { contents: entry.contents, resolveDir: ROOT, loader: 'ts' as const, sourcefile: 'entry.ts' } }),
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    charset: 'utf8',
    external: externalModules(),
    banner: { js: ESM_REQUIRE_BANNER },
    metafile: true,
    logLevel: 'error',
  });
}

export interface ColdStartOptions {
  /** Only these functions (step or function names); all when absent. */
  readonly only?: readonly string[];
  /** Write each bundle's esbuild metafile here as <name>.json (for esbuild's analyzer or `jq`). */
  readonly metafiles?: string;
}

/** With `runs` 0 the bundles are built and measured but not imported (sizes only, initMs 0). */
export async function coldStart(runs: number, options: ColdStartOptions = {}): Promise<BundleResult[]> {
  rmSync(OUT, { recursive: true, force: true });
  // Name and entry.
  const entries: [string, string][] = [
    ...(Object.keys(STEP_USES) as StepName[]).map((s): [string, string] => [s, stepEntry(s)]),
    ...(Object.keys(FUNCTION_USES) as (keyof typeof FUNCTION_USES)[]).map((f): [string, string] => [
      f,
      functionEntry(f),
    ]),
    ['render-document', functionEntry('render-document')],
    ['mfa-gate', functionEntry('auth')],
  ];
  const unknown = options.only?.filter((name) => !entries.some(([n]) => n === name)) ?? [];
  if (unknown.length > 0) throw new Error(`no such function: ${unknown.join(', ')}`);
  const results: BundleResult[] = [];
  for (const [name, entry] of entries) {
    if (options.only && !options.only.includes(name)) continue;
    const dir = `${OUT}${name}`;
    mkdirSync(dir, { recursive: true });
    const outfile = `${dir}/index.mjs`;
    const built = await bundleFunction(entry, outfile);
    if (options.metafiles) {
      mkdirSync(options.metafiles, { recursive: true });
      writeFileSync(`${options.metafiles}/${name}.json`, JSON.stringify(built.metafile));
    }
    const initRuns = Array.from({ length: runs }, () => importMs(outfile));
    results.push({
      name,
      bytes: statSync(outfile).size,
      mapBytes: statSync(`${outfile}.map`).size,
      initMs: runs > 0 ? median(initRuns) : 0,
      initRuns,
      top: contributors(built.metafile),
    });
    const size = statSync(outfile).size;
    process.stderr.write(
      `  cold start ${name}: ${(size / 1024).toFixed(0)} KiB (${(size / 1000).toFixed(0)} kB)${runs > 0 ? `, ${median(initRuns).toFixed(0)} ms` : ''}\n`,
    );
  }
  rmSync(OUT, { recursive: true, force: true });
  return results;
}

if (import.meta.main) {
  const values = scriptArgs(
    `node bench/cold-start.ts [--runs 7] [--sizes-only] [--only a,b] [--metafiles <dir>]: builds every Lambda bundle
as the CDK app does and times its import (median of --runs fresh processes); prints JSON.
  --sizes-only      build and measure, import nothing (initMs 0)
  --only a,b        only these functions (step or function names)
  --metafiles dir   write each bundle's esbuild metafile to dir/<name>.json
npm run bench -- --only cold-start writes BENCHMARKS.md.`,
    {
      runs: { type: 'string', default: '7' },
      'sizes-only': { type: 'boolean', default: false },
      only: { type: 'string' },
      metafiles: { type: 'string' },
    },
  );
  const runs = values['sizes-only'] ? 0 : countOption('runs', values.runs);
  const only = typeof values.only === 'string' ? values.only.split(',').filter(Boolean) : undefined;
  const metafiles = typeof values.metafiles === 'string' ? values.metafiles : undefined;
  console.log(
    JSON.stringify(await coldStart(runs, { ...(only && { only }), ...(metafiles && { metafiles }) }), null, 2),
  );
}
