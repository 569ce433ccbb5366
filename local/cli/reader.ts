/**
 * The CLI's read-only way into a data directory (`enforce cases`, `case`, `tasks`): the database opened read-only,
 * with the case, approval and runtime stores over it and the staff directory; neither the engine, nor the steps,
 * nor the staff API, nor the AWS SDK is loaded, and no lock is taken, so a read runs beside a serving process (WAL
 * lets readers in while it writes) and starts in a fraction of the time the runtime takes.
 *
 * Whenever the lean path cannot serve the read as the runtime would, the runtime is opened instead (it creates a
 * missing directory, refuses a previous-format one naming `enforce migrate`, names a damaged file, and brings an
 * older schema up to date): a directory without its database, with the previous format's files, or whose schema
 * is not the one this release writes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { JsonStaffDirectory } from '#adapters/staff/json-directory.ts';
import { referenceData } from '#commons/reference-data.ts';
import type { ApprovalStore } from '#ports/approval-store.ts';
import type { CaseQueries, CaseRepository } from '#ports/case-repository.ts';
import type { RuntimeStore } from '../runtime/runtime-store.ts';
import { DATABASE_FILE, type OpenedDatabase } from '../store/database.ts';
import { checkDataDirectory } from '../store/private-files.ts';
import type { Output } from './output.ts';
import { dataDirOf, type GlobalOptions, withRuntime } from './session.ts';

/** What a read command uses: the runtime has all of it, the lean path only this. */
export interface ReadSide {
  readonly staff: JsonStaffDirectory;
  readonly cases: CaseRepository & CaseQueries;
  readonly runtimeStore: Pick<RuntimeStore, 'counters' | 'getValue'>;
  readonly deps: { readonly approvals: Pick<ApprovalStore, 'listPending'> };
  readonly clock: { now(): string };
}

/** The previous format's directory (local/runtime/stores.ts PREVIOUS_STORE_DIR; not imported: it loads every store). */
const PREVIOUS_STORE_DIR = 'db';

/** The stores over a read-only connection, or undefined when the schema is not this release's (then: the runtime). */
async function leanReader(file: string): Promise<{ reader: ReadSide; close(): void } | undefined> {
  const db = new DatabaseSync(file, { readOnly: true, timeout: 5_000 });
  const opened: OpenedDatabase = { db, location: file, close: () => db.isOpen && db.close() };
  try {
    const [{ SqliteCaseRepository }, { SqliteApprovalStore }, { SqliteRuntimeStore }] = await Promise.all([
      import('../store/case-store.ts'),
      import('../store/approval-store.ts'),
      import('../store/runtime-store.ts'),
    ]);
    // Each constructor checks its schema part; a part behind this release would need a write: refused read-only.
    const runtimeStore = new SqliteRuntimeStore(opened);
    const cases = new SqliteCaseRepository(opened);
    const approvals = new SqliteApprovalStore(opened);
    const clock = await runtimeStore.getValue<{ now: string; mode: string }>('clock');
    const now = clock?.mode === 'virtual' ? () => clock.now : () => new Date().toISOString();
    const { staff } = referenceData();
    return { reader: { staff, cases, runtimeStore, deps: { approvals }, clock: { now } }, close: opened.close };
  } catch {
    opened.close();
    return undefined;
  }
}

/** Runs a read command on the lean path when it can, else on the runtime (see the file's comment). */
export async function withReader<T>(
  globals: GlobalOptions,
  out: Output,
  work: (reader: ReadSide) => Promise<T>,
): Promise<T> {
  const dataDir = dataDirOf(globals);
  const file = join(dataDir, DATABASE_FILE);
  if (existsSync(file) && !existsSync(join(dataDir, PREVIOUS_STORE_DIR))) {
    // Refused as the runtime refuses it: personal data in a directory others can read.
    checkDataDirectory(dataDir);
    const lean = await leanReader(file).catch(() => undefined);
    if (lean) {
      try {
        return await work(lean.reader);
      } finally {
        lean.close();
      }
    }
  }
  return withRuntime(globals, out, work, { quiet: true });
}
