/**
 * SQLite data directories for the store tests: `fresh()` opens a store on a new directory, `open(dir)` another on the
 * same directory (a restart), `directory()` an empty one (to lay out an older schema first). Each store comes with
 * its database, its own operation counts and a unit of work; every database opened is closed and every directory
 * removed after each test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { type OpenedDatabase, openDatabase } from '../../local/store/database.ts';
import { StoreOperations } from '../../local/store/sql.ts';
import { UnitOfWork } from '../../local/store/unit-of-work.ts';

export function sqliteStores<S>(prefix: string, makeStore: (database: OpenedDatabase, ops: StoreOperations) => S) {
  const dirs: string[] = [];
  const opened: OpenedDatabase[] = [];
  afterEach(() => {
    for (const database of opened.splice(0)) if (database.db.isOpen) database.db.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function directory(): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  }
  function open(dir: string) {
    const database = openDatabase(dir);
    opened.push(database);
    const ops = new StoreOperations();
    const units = new UnitOfWork(database.db, database.location);
    return { database, ops, units, store: makeStore(database, ops) };
  }
  function fresh() {
    const dir = directory();
    return { dir, ...open(dir) };
  }
  return { directory, open, fresh };
}
