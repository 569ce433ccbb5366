/**
 * The embedded runtime's one database: SQLite through `node:sqlite` (built into Node 24, nothing to download or
 * compile), one file per data directory (`<data-dir>/enforce.db`), or in memory for tests.
 *
 * Every part of the runtime that keeps state (the case store, the runtime's executions and timers, staff sign-in,
 * evidence records) declares its tables as a numbered list of migrations under its own name; `ensureSchema` applies
 * the ones a database has not seen yet, each in a transaction, and refuses a database written by a newer release.
 *
 * Files are created owner-only (0600) because the database holds personal data; SQLite gives its -wal and -shm
 * files the database file's mode.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export const DATABASE_FILE = 'enforce.db';

export class DatabaseNewerError extends Error {
  constructor(file: string, part: string, found: number, known: number) {
    super(
      `数据库 ${file} 的 ${part} 部分由更新的版本写入（第 ${found} 版，本程序只认识到第 ${known} 版）：请使用更新的版本打开`,
    );
    this.name = 'DatabaseNewerError';
  }
}

export interface OpenedDatabase {
  readonly db: DatabaseSync;
  /** The file, or ':memory:'. */
  readonly location: string;
  close(): void;
}

/** Owner-only directory (0700), created if missing. */
export function ensurePrivateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

/**
 * Opens (creating if missing) the data directory's database, or an in-memory one when `dataDir` is undefined.
 * `synchronous = FULL` in WAL mode: a transaction that returned is in the WAL on disk (fsync per commit), so what a
 * command reports done survives a power loss, not only a process crash.
 */
export function openDatabase(dataDir: string | undefined): OpenedDatabase {
  let location = ':memory:';
  if (dataDir) {
    ensurePrivateDirectory(dataDir);
    location = join(dataDir, DATABASE_FILE);
    if (!existsSync(location)) closeSync(openSync(location, 'a', 0o600));
    if ((statSync(location).mode & 0o077) !== 0) chmodSync(location, 0o600);
  }
  const db = new DatabaseSync(location, { timeout: 5_000 });
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    // Savepoints' and statements' rollback journals in memory, not in temporary files: a unit of work opens a
    // savepoint for every commit and conditional write inside it.
    db.exec('PRAGMA temp_store = MEMORY');
    db.exec(`CREATE TABLE IF NOT EXISTS schema_parts (
      part TEXT PRIMARY KEY,
      version INTEGER NOT NULL
    ) STRICT`);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, location, close: () => db.isOpen && db.close() };
}

let savepoints = 0;

const rollbackListeners = new WeakMap<DatabaseSync, Set<() => void>>();

/** Calls `listener` whenever a transaction or savepoint on `db` is rolled back (caches of what was written drop). */
export function onRollback(db: DatabaseSync, listener: () => void): void {
  let listeners = rollbackListeners.get(db);
  if (!listeners) {
    listeners = new Set();
    rollbackListeners.set(db, listeners);
  }
  listeners.add(listener);
}

/** Tells the rollback listeners of `db` (local/store/unit-of-work.ts calls it too). */
export function rolledBack(db: DatabaseSync): void {
  for (const listener of rollbackListeners.get(db) ?? []) listener();
}

/**
 * A store that holds some of its writes until the transaction commits (several changes to one row become one
 * statement): `flush` writes them (before COMMIT), `snapshot`/`restore` take back what a rolled-back savepoint or
 * transaction held. Outside a transaction such a store writes at once.
 */
export interface WriteBehind {
  flush(): void;
  snapshot(): unknown;
  restore(state: unknown): void;
}

const writeBehinds = new WeakMap<DatabaseSync, Set<WriteBehind>>();

export function registerWriteBehind(db: DatabaseSync, store: WriteBehind): void {
  let stores = writeBehinds.get(db);
  if (!stores) {
    stores = new Set();
    writeBehinds.set(db, stores);
  }
  stores.add(store);
}

/** Writes what the write-behind stores of `db` hold (before a COMMIT; local/store/unit-of-work.ts calls it too). */
export function flushWriteBehind(db: DatabaseSync): void {
  for (const store of writeBehinds.get(db) ?? []) store.flush();
}

/** What the write-behind stores of `db` hold now, to put back by `restoreWriteBehind` after a rollback. */
export function snapshotWriteBehind(db: DatabaseSync): ReadonlyMap<WriteBehind, unknown> {
  const states = new Map<WriteBehind, unknown>();
  for (const store of writeBehinds.get(db) ?? []) states.set(store, store.snapshot());
  return states;
}

export function restoreWriteBehind(states: ReadonlyMap<WriteBehind, unknown>): void {
  for (const [store, state] of states) store.restore(state);
}

/**
 * Runs `work` in one transaction: all of it is written, or none of it. A nested call (inside a unit of work, see
 * unit-of-work.ts, or another transaction) is a savepoint of the outer transaction: when it fails, what it wrote is
 * undone and the outer transaction goes on without it.
 */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  if (db.isTransaction) {
    const name = `nested_${++savepoints}`;
    const held = snapshotWriteBehind(db);
    db.exec(`SAVEPOINT ${name}`);
    try {
      const result = work();
      db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      if (db.isTransaction) {
        db.exec(`ROLLBACK TO ${name}`);
        db.exec(`RELEASE ${name}`);
      }
      restoreWriteBehind(held);
      rolledBack(db);
      throw error;
    }
  }
  const held = snapshotWriteBehind(db);
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    flushWriteBehind(db);
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    restoreWriteBehind(held);
    rolledBack(db);
    throw error;
  }
}

/**
 * Brings one part's tables up to date: applies migrations[version..] in order, each with its version bump in one
 * transaction. A migration is never edited once released: add a new one.
 */
export function ensureSchema(opened: OpenedDatabase, part: string, migrations: readonly string[]): void {
  const { db } = opened;
  const row = db.prepare('SELECT version FROM schema_parts WHERE part = ?').get(part) as
    | { version: number }
    | undefined;
  const current = row?.version ?? 0;
  if (current > migrations.length) throw new DatabaseNewerError(opened.location, part, current, migrations.length);
  for (let version = current; version < migrations.length; version++) {
    transaction(db, () => {
      db.exec(migrations[version] as string);
      db.prepare(
        'INSERT INTO schema_parts (part, version) VALUES (?, ?) ON CONFLICT (part) DO UPDATE SET version = excluded.version',
      ).run(part, version + 1);
    });
  }
}
