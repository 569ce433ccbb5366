/**
 * The SQLite runtime store holds the timers (deliveries, Wait states) a transaction adds or deletes until its commit:
 * all the additions are one INSERT and all the deletions one DELETE, and what the transaction did is what is on
 * disk after it, in whatever order it added and deleted; a rolled-back unit or savepoint writes none of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimerRecord } from '../../../local/runtime/runtime-store.ts';
import { type OpenedDatabase, openDatabase, transaction } from '../../../local/store/database.ts';
import { SqliteRuntimeStore } from '../../../local/store/runtime-store.ts';
import { StoreOperations } from '../../../local/store/sql.ts';
import { UnitOfWork } from '../../../local/store/unit-of-work.ts';

const dirs: string[] = [];
const opened: OpenedDatabase[] = [];
function open(dir: string) {
  const database = openDatabase(dir);
  opened.push(database);
  const ops = new StoreOperations();
  return {
    database,
    ops,
    units: new UnitOfWork(database.db, database.location),
    store: new SqliteRuntimeStore(database, ops),
  };
}
function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'timer-write-behind-'));
  dirs.push(dir);
  return { dir, ...open(dir) };
}
afterEach(() => {
  for (const database of opened.splice(0)) if (database.db.isOpen) database.db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-03-04T00:00:00.000Z';
const delivery = (id: string, fireAt = AT, body: unknown = { id }): TimerRecord => ({
  id,
  kind: 'delivery',
  fireAt,
  body,
});
const count = (ops: StoreOperations, kind: string) => ops.byKind.get(kind) ?? 0;
const ids = async (store: SqliteRuntimeStore) => (await store.dueTimers('2026-12-31T00:00:00.000Z')).map((t) => t.id);

describe('timers held until the commit (SQLite)', () => {
  it('three deliveries added in one unit are one INSERT, and all three are on disk after it', async () => {
    const { dir, database, ops, units, store } = fresh();
    await units.run(async () => {
      for (const id of ['d-1', 'd-2', 'd-3']) await store.addTimer(delivery(id));
    });
    expect(count(ops, 'INSERT timers')).toBe(1);
    database.db.close();
    expect(await ids(open(dir).store)).toEqual(['d-1', 'd-2', 'd-3']);
  });

  it('outside a unit each addition is its own statement', async () => {
    const { ops, store } = fresh();
    for (const id of ['d-1', 'd-2']) await store.addTimer(delivery(id));
    expect(count(ops, 'INSERT timers')).toBe(2);
  });

  it('three deliveries deleted in one unit are one DELETE, and none is left', async () => {
    const { ops, units, store } = fresh();
    for (const id of ['d-1', 'd-2', 'd-3']) await store.addTimer(delivery(id));
    await units.run(async () => {
      for (const id of ['d-1', 'd-2', 'd-3']) await store.deleteTimer(delivery(id));
    });
    expect(count(ops, 'DELETE timers')).toBe(1);
    expect(await ids(store)).toEqual([]);
  });

  it('a timer already on disk, replaced then deleted in one unit, is gone; deleted then added again, it stays', async () => {
    const { units, store } = fresh();
    await store.addTimer(delivery('d-1', AT, { v: 1 }));
    await store.addTimer(delivery('d-2', AT, { v: 1 }));
    await units.run(async () => {
      await store.addTimer(delivery('d-1', AT, { v: 2 }));
      await store.deleteTimer(delivery('d-1'));
      await store.deleteTimer(delivery('d-2'));
      await store.addTimer(delivery('d-2', AT, { v: 2 }));
    });
    expect(await store.dueTimers('2026-12-31T00:00:00.000Z')).toEqual([delivery('d-2', AT, { v: 2 })]);
  });

  it('a unit that throws writes none of its held timers; a rolled-back savepoint takes back only its own', async () => {
    const { database, units, store } = fresh();
    await store.addTimer(delivery('kept'));
    await expect(
      units.run(async () => {
        await store.addTimer(delivery('lost'));
        await store.deleteTimer(delivery('kept'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await ids(store)).toEqual(['kept']);
    await units.run(async () => {
      await store.addTimer(delivery('outer'));
      expect(() =>
        transaction(database.db, () => {
          void store.addTimer(delivery('inner'));
          void store.deleteTimer(delivery('kept'));
          throw new Error('inner');
        }),
      ).toThrow('inner');
    });
    expect(await ids(store)).toEqual(['kept', 'outer']);
  });

  it('due timers read inside a unit see the ones it added', async () => {
    const { units, store } = fresh();
    await units.run(async () => {
      await store.addTimer(delivery('d-1'));
      expect((await store.dueTimers(AT)).map((t) => t.id)).toEqual(['d-1']);
    });
  });
});
