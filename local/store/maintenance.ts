/**
 * Operating the data directory's database: `enforce check` (SQLite's integrity check, then every journal's hash
 * chain against its case row), `enforce backup <file>` (SQLite's online backup: a consistent copy while the
 * runtime or the staff API keeps writing) and `enforce restore <file>` (only while nothing has the directory open).
 */
import { chmodSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import type { Commit } from '#domain/case/events.ts';
import { verifyChain } from '#domain/case/journal.ts';
import { lockDataDir } from '../runtime/data-dir-lock.ts';
import { DATABASE_FILE } from './database.ts';

export class MaintenanceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MaintenanceError';
  }
}

export interface CheckReport {
  readonly file: string;
  /** SQLite's PRAGMA integrity_check: 'ok' or its first problems. */
  readonly integrity: readonly string[];
  readonly cases: number;
  readonly commits: number;
  /** Cases whose journal does not verify (edited, cut short, or behind its case row), with the first problem. */
  readonly broken: readonly { readonly caseId: string; readonly seq: number; readonly problem: string }[];
  readonly ok: boolean;
}

function databaseFile(dataDir: string): string {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) throw new MaintenanceError(`数据目录 ${dataDir} 中没有数据库文件 ${DATABASE_FILE}`);
  return file;
}

/** Opens a database file for reading only; a file that is not a database is named, in one line. */
function openReadOnly(file: string): DatabaseSync {
  try {
    const db = new DatabaseSync(file, { readOnly: true, timeout: 5_000 });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    throw new MaintenanceError(
      `${file} 不是可读的数据库（${(error as Error).message}）：请从备份恢复（enforce restore <备份文件>）`,
    );
  }
}

/** Integrity check and every journal's hash chain; reads only, so it may run while the staff API serves. */
export function checkDatabase(dataDir: string): CheckReport {
  const file = databaseFile(dataDir);
  const db = openReadOnly(file);
  try {
    const integrity = (db.prepare('PRAGMA integrity_check(20)').all() as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    );
    const hasCases = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cases'").get();
    const broken: { caseId: string; seq: number; problem: string }[] = [];
    let cases = 0;
    let commits = 0;
    if (hasCases) {
      const journal = db.prepare('SELECT body FROM journal WHERE case_id = ? ORDER BY seq');
      for (const row of db.prepare('SELECT case_id, version, data FROM cases ORDER BY case_id').iterate()) {
        const { case_id: caseId, version, data } = row as { case_id: string; version: number; data: string };
        const chain = (journal.all(caseId) as { body: string }[]).map((r) => JSON.parse(r.body) as Commit);
        const head = (JSON.parse(data) as { head: string }).head;
        const check = verifyChain(chain, { version, head });
        cases++;
        commits += chain.length;
        if (!check.ok) broken.push({ caseId, seq: check.seq, problem: check.problem });
        else if (chain.at(-1)?.hash !== head && chain.length === version)
          broken.push({ caseId, seq: version, problem: 'the case row’s head is not the journal’s last hash' });
      }
    }
    return { file, integrity, cases, commits, broken, ok: integrity.join() === 'ok' && broken.length === 0 };
  } finally {
    db.close();
  }
}

/** A consistent copy of the database through SQLite's online backup, while the runtime may keep writing. */
export async function backupDatabase(dataDir: string, target: string): Promise<{ file: string; bytes: number }> {
  const file = databaseFile(dataDir);
  if (existsSync(target)) throw new MaintenanceError(`备份文件 ${target} 已存在：请换一个文件名，或先移走它`);
  const db = openReadOnly(file);
  const partial = `${target}.partial`;
  try {
    rmSync(partial, { force: true });
    await backup(db, partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new MaintenanceError(`备份到 ${target} 失败（${(error as Error).message}），没有写出任何文件`);
  } finally {
    db.close();
  }
  // The copy holds personal data, as the database does: owner-only.
  chmodSync(partial, 0o600);
  renameSync(partial, target);
  return { file: target, bytes: statSync(target).size };
}

/**
 * Puts a backup in place of the data directory's database, only while no process has the directory open; the
 * backup is checked first, and the database it replaces is kept beside it (enforce.db.before-restore-<time>).
 */
export async function restoreDatabase(dataDir: string, source: string): Promise<{ replaced?: string }> {
  if (!existsSync(source)) throw new MaintenanceError(`备份文件 ${source} 不存在`);
  const check = openReadOnly(source);
  try {
    const integrity = check.prepare('PRAGMA integrity_check(1)').get() as { integrity_check: string };
    if (integrity.integrity_check !== 'ok')
      throw new MaintenanceError(`备份文件 ${source} 未通过完整性检查（${integrity.integrity_check}），未恢复`);
  } finally {
    check.close();
  }
  const unlock = lockDataDir(dataDir);
  try {
    const file = join(dataDir, DATABASE_FILE);
    let replaced: string | undefined;
    if (existsSync(file)) {
      replaced = `${file}.before-restore-${new Date().toISOString().replaceAll(':', '-')}`;
      // Folds the WAL into the file first, so that what is kept aside is whole.
      const db = new DatabaseSync(file);
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      db.close();
      renameSync(file, replaced);
      for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    }
    const copy = new DatabaseSync(source, { readOnly: true });
    try {
      await backup(copy, file);
    } finally {
      copy.close();
    }
    chmodSync(file, 0o600);
    return replaced ? { replaced } : {};
  } finally {
    unlock();
  }
}
