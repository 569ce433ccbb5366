/**
 * The SQLite runtime store keeps a task token's timeout on the token's row: put and armed in one unit of work, the
 * token and its timeout are one INSERT; settled before it, the timeout leaves with the settling UPDATE (no DELETE);
 * due timeouts and timers come back in one (due time, id) order; a data directory with timeout timers is migrated.
 */
import { describe, expect, it } from 'vitest';
import type { TimerRecord } from '../../../local/runtime/runtime-store.ts';
import { ensureSchema, openDatabase } from '../../../local/store/database.ts';
import { RUNTIME_MIGRATIONS, SqliteRuntimeStore } from '../../../local/store/runtime-store.ts';
import type { StoreOperations } from '../../../local/store/sql.ts';
import { sqliteStores } from '../../support/sqlite-stores.ts';

const { directory, open, fresh } = sqliteStores(
  'token-timeouts-',
  (database, ops) => new SqliteRuntimeStore(database, ops),
);

const token = (t: string) => ({ token: t, execution: `exec-${t}`, state: 'Wait', status: 'waiting' as const });
const timeout = (t: string, fireAt: string): TimerRecord => ({ id: t.slice(0, 16), kind: 'timeout', fireAt, token: t });
const delivery = (id: string, fireAt: string): TimerRecord => ({ id, kind: 'delivery', fireAt, body: { id } });
const count = (ops: StoreOperations, kind: string) => ops.byKind.get(kind) ?? 0;

describe('token timeouts on the token row (SQLite)', () => {
  it('a token and its timeout put in one unit are one INSERT; they come back due in order with the timers', async () => {
    const { dir, database, ops, units, store } = fresh();
    await units.run(async () => {
      await store.putToken(token('tok-b'));
      await store.addTimer(timeout('tok-b', '2026-03-05T00:00:00.000Z'));
      await store.addTimer(delivery('d-a', '2026-03-04T00:00:00.000Z'));
      await store.addTimer(delivery('d-c', '2026-03-06T00:00:00.000Z'));
    });
    expect(count(ops, 'INSERT tokens')).toBe(1);
    // The two deliveries are held until the commit and written in one statement (timer-write-behind.test.ts).
    expect(count(ops, 'INSERT timers')).toBe(1);
    expect(count(ops, 'UPDATE tokens')).toBe(0);
    database.db.close();
    const reopened = open(dir).store;
    expect(await reopened.dueTimers('2026-03-05T00:00:00.000Z')).toEqual([
      delivery('d-a', '2026-03-04T00:00:00.000Z'),
      timeout('tok-b', '2026-03-05T00:00:00.000Z'),
    ]);
    expect((await reopened.dueTimers('2026-03-09T00:00:00.000Z', 2)).map((t) => t.id)).toEqual(['d-a', 'tok-b']);
    await reopened.deleteTimer(delivery('d-a', '2026-03-04T00:00:00.000Z'));
    expect(await reopened.nextTimer()).toEqual(timeout('tok-b', '2026-03-05T00:00:00.000Z'));
  });

  it('settled before its timeout: deleting the timeout writes nothing, and it never comes due', async () => {
    const { ops, units, store } = fresh();
    await units.run(async () => {
      await store.putToken(token('tok-1'));
      await store.addTimer(timeout('tok-1', '2026-03-05T00:00:00.000Z'));
    });
    await units.run(async () => {
      expect(await store.settleToken('tok-1', { status: 'succeeded', output: { ok: 1 } })).toMatchObject({
        status: 'succeeded',
      });
      await store.deleteTimer(timeout('tok-1', '2026-03-05T00:00:00.000Z'));
    });
    expect(count(ops, 'DELETE timers')).toBe(0);
    expect(await store.dueTimers('2026-04-01T00:00:00.000Z')).toEqual([]);
    expect(await store.nextTimer()).toBeUndefined();
  });

  it('a timeout deleted while its token still waits does not fire (the store did not settle it)', async () => {
    const { store } = fresh();
    await store.putToken(token('tok-1'));
    await store.addTimer(timeout('tok-1', '2026-03-05T00:00:00.000Z'));
    await store.deleteTimer(timeout('tok-1', '2026-03-05T00:00:00.000Z'));
    expect(await store.dueTimers('2026-04-01T00:00:00.000Z')).toEqual([]);
    expect((await store.getToken('tok-1'))?.status).toBe('waiting');
  });

  it('a timeout for a token not yet stored (a migration in any order) is kept as a timer and fires', async () => {
    const { store } = fresh();
    await store.addTimer(timeout('tok-late', '2026-03-05T00:00:00.000Z'));
    await store.putToken(token('tok-late'));
    expect(await store.dueTimers('2026-03-05T00:00:00.000Z')).toEqual([
      timeout('tok-late', '2026-03-05T00:00:00.000Z'),
    ]);
  });

  it('a rolled-back unit writes neither the token nor its timeout', async () => {
    const { units, store } = fresh();
    await expect(
      units.run(async () => {
        await store.putToken(token('tok-1'));
        await store.addTimer(timeout('tok-1', '2026-03-05T00:00:00.000Z'));
        throw new Error('the segment failed');
      }),
    ).rejects.toThrow('the segment failed');
    expect(await store.getToken('tok-1')).toBeUndefined();
    expect(await store.nextTimer()).toBeUndefined();
  });

  it('a database whose timeouts are timer rows is migrated: each moves onto its token, still due', async () => {
    const dir = directory();
    const before = openDatabase(dir);
    ensureSchema(before, 'runtime', RUNTIME_MIGRATIONS.slice(0, 2));
    const old = timeout('tok-old', '2026-03-05T00:00:00.000Z');
    before.db
      .prepare('INSERT INTO tokens (token, status, data) VALUES (?, ?, ?)')
      .run('tok-old', 'waiting', JSON.stringify(token('tok-old')));
    before.db
      .prepare('INSERT INTO timers (fire_at, id, data) VALUES (?, ?, ?)')
      .run(old.fireAt, old.id, JSON.stringify(old));
    before.db.close();
    const { database, store } = open(dir);
    expect(database.db.prepare('SELECT count(*) AS n FROM timers').get()).toEqual({ n: 0 });
    expect(await store.dueTimers('2026-03-05T00:00:00.000Z')).toEqual([old]);
  });
});
