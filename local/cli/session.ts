/** Opens the embedded runtime for one CLI command, with progress printed as the case timeline grows. */
import { resolve } from 'node:path';
import type { SimulatorScript } from '#adapters/simulators/partner-simulator.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { caseIdFor } from '#domain/ids.ts';
import { runningServer } from '../api/discovery.ts';
import { readJsonFileWithin } from '../json-file.ts';
import type { EmbeddedRuntime } from '../runtime/runtime.ts';
import { DEFAULT_DATA_DIR, type GlobalOptions } from './options.ts';
import { CliError, type Output } from './output.ts';

export type { GlobalOptions };

import { actorLabel, chinaTime, describeEvent, type Names } from '#domain/timeline/timeline.ts';

export function dataDirOf(globals: GlobalOptions): string {
  // An empty ENFORCE_DATA_DIR is unset (not the current directory).
  return resolve(globals.dataDir ?? (process.env.ENFORCE_DATA_DIR || DEFAULT_DATA_DIR));
}

/** What names and case lookups need: the runtime, or the CLI's read-only reader (reader.ts). */
type Directory = Pick<EmbeddedRuntime, 'staff'>;

export function namesOf(runtime: Directory): Names {
  return { member: (id) => runtime.staff.memberName(id), team: (id) => runtime.staff.teamName(id) };
}

export async function withRuntime<T>(
  globals: GlobalOptions,
  out: Output,
  work: (runtime: EmbeddedRuntime) => Promise<T>,
  extra: { readonly script?: SimulatorScript; readonly startAt?: string; readonly quiet?: boolean } = {},
): Promise<T> {
  let runtime: EmbeddedRuntime | undefined;
  const names: Names = {
    member: (id) => runtime?.staff.memberName(id) ?? id,
    team: (id) => runtime?.staff.teamName(id) ?? id,
  };
  const startAt = extra.startAt ?? globals.startAt;
  if (startAt !== undefined && Number.isNaN(Date.parse(startAt)))
    throw new CliError(`--start-at 不是有效的时间：${startAt}`, 2);
  const script = extra.script ?? (globals.simulator ? (readJsonFile(globals.simulator) as SimulatorScript) : undefined);
  const server = runningServer(dataDirOf(globals));
  if (server)
    throw new CliError(
      `数据目录正由员工接口服务使用（pid ${server.pid}，${server.url}）：tasks、decide、claim、assign、reassign、login 经由该服务办理；其他命令请先停止该服务`,
    );
  // Loaded here, not at the top: read commands (reader.ts) and --help never load the runtime.
  const { EmbeddedRuntime } = await import('../runtime/runtime.ts');
  runtime = await EmbeddedRuntime.open({
    dataDir: dataDirOf(globals),
    issueDocuments: true,
    ...(globals.clock ? { clock: globals.clock } : {}),
    ...(startAt ? { startAt: new Date(Date.parse(startAt)).toISOString() } : {}),
    ...(script ? { script } : {}),
    ...(extra.quiet || out.json
      ? {}
      : {
          onCommit: (commit, state) => {
            // Events that say nothing to staff (bookkeeping) print no line; the same line twice in a commit, once.
            const seen = new Set<string>();
            for (const event of commit.events) {
              const text = describeEvent(event, state, names);
              if (text === '' || seen.has(text)) continue;
              seen.add(text);
              out.progress(`  ${chinaTime(commit.at)}  ${state.caseNumber}  ${actorLabel(commit, names)}：${text}`);
            }
          },
          onAlert: (alert) => out.progress(`  ⚠ 指挥中心提醒：${alert.message}`),
        }),
  });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

/** A JSON file argument, within the input limits (local/json-file.ts); refused with the file named, exit 1. */
export function readJsonFile(path: string): unknown {
  const read = readJsonFileWithin(path);
  if (!read.ok) throw new CliError(read.message);
  return read.value;
}

/** A case by its id (c…) or its case number, in any court of the directory. */
export async function findCase(
  runtime: Directory & { readonly cases: Pick<EmbeddedRuntime['cases'], 'load'> },
  reference: string,
): Promise<EnforcementCase> {
  const candidates = /^c[a-z2-7]{19}$/.test(reference)
    ? [reference]
    : runtime.staff.document.courts.map((court) => caseIdFor(court.code, reference));
  for (const caseId of candidates) {
    const found = await runtime.cases.load(caseId);
    if (found) return found;
  }
  throw new CliError(`找不到案件：${reference}`);
}
