/**
 * The SQLite runtime store keeps the token an execution waits on on the execution's row: the token put in a unit and
 * the record naming it as its wait are one INSERT (no tokens row); it is found by its id, settled once, and its
 * timeout comes due from that row until it is settled. A data directory with such tokens in rows of their own is
 * migrated onto the executions' rows.
 */
import { describe, expect, it } from 'vitest';
import type { ExecutionRecord, TimerRecord, TokenRecord } from '../../../local/runtime/runtime-store.ts';
import { ensureSchema, type OpenedDatabase, openDatabase } from '../../../local/store/database.ts';
import { RUNTIME_MIGRATIONS, SqliteRuntimeStore } from '../../../local/store/runtime-store.ts';
import type { StoreOperations } from '../../../local/store/sql.ts';
import type { UnitOfWork } from '../../../local/store/unit-of-work.ts';
import { sqliteStores } from '../../support/sqlite-stores.ts';

const { directory, open, fresh } = sqliteStores(
  'token-on-execution-',
  (database, ops) => new SqliteRuntimeStore(database, ops),
);

const AT = '2026-03-02T00:00:00.000Z';
const DUE = '2026-03-05T00:00:00.000Z';
const token = (t: string, execution = 'x1'): TokenRecord => ({ token: t, execution, state: 'Ask', status: 'waiting' });
const timeout = (t: string, fireAt = DUE): TimerRecord => ({ id: t.slice(0, 16), kind: 'timeout', fireAt, token: t });
function waitingOn(t: string, over: Partial<ExecutionRecord> = {}): ExecutionRecord {
  return {
    name: 'x1',
    machine: 'service',
    input: {},
    status: 'waiting',
    checkpoint: { state: 'Ask', input: {} },
    waiting: { kind: 'token', state: 'Ask', token: t, timeoutAt: DUE },
    startedAt: AT,
    updatedAt: AT,
    transitions: 1,
    ...over,
  };
}
const count = (ops: StoreOperations, kind: string) => ops.byKind.get(kind) ?? 0;
const tokenRows = (database: OpenedDatabase) => database.db.prepare('SELECT count(*) AS n FROM tokens').get();

/** A segment that ends waiting on `t`: the token, its timeout and the record in one unit. */
async function waitOn(units: UnitOfWork, store: SqliteRuntimeStore, t: string) {
  await units.run(async () => {
    await store.putToken(token(t));
    await store.addTimer(timeout(t));
    await store.putExecution(waitingOn(t));
  });
}

describe('the waiting token on its execution row (SQLite)', () => {
  it('the token, its timeout and the record naming it are one INSERT, found by the token id after a reopen', async () => {
    const { dir, database, ops, units, store } = fresh();
    await waitOn(units, store, 'tok-1');
    expect(count(ops, 'INSERT executions')).toBe(1);
    expect(count(ops, 'INSERT tokens')).toBe(0);
    expect(count(ops, 'UPDATE executions')).toBe(0);
    expect(tokenRows(database)).toEqual({ n: 0 });
    database.db.close();
    const reopened = open(dir).store;
    expect(await reopened.getToken('tok-1')).toEqual(token('tok-1'));
    expect(await reopened.dueTimers(DUE)).toEqual([timeout('tok-1')]);
    expect(await reopened.nextTimer()).toEqual(timeout('tok-1'));
  });

  it('is settled once; settled, its timeout is no longer due', async () => {
    const { units, store } = fresh();
    await waitOn(units, store, 'tok-1');
    const settled = await store.settleToken('tok-1', { status: 'succeeded', output: { ok: 1 }, queued: 3 });
    expect(settled).toMatchObject({ ...token('tok-1'), status: 'succeeded', output: { ok: 1 }, queued: 3 });
    expect(await store.settleToken('tok-1', { status: 'timed-out' })).toBeUndefined();
    expect(await store.getToken('tok-1')).toMatchObject({ status: 'succeeded', queued: 3 });
    expect(await store.dueTimers('2026-04-01T00:00:00.000Z')).toEqual([]);
    expect(await store.nextTimer()).toBeUndefined();
  });

  it('times out from the row; a timeout deleted while the token waits is not due, the token still waits', async () => {
    const { units, store } = fresh();
    await waitOn(units, store, 'tok-1');
    expect(await store.settleToken('tok-1', { status: 'timed-out' })).toMatchObject({ status: 'timed-out' });
    const second = fresh();
    await waitOn(second.units, second.store, 'tok-2');
    await second.store.deleteTimer(timeout('tok-2'));
    expect(await second.store.dueTimers('2026-04-01T00:00:00.000Z')).toEqual([]);
    expect((await second.store.getToken('tok-2'))?.status).toBe('waiting');
  });

  it('the next token of the execution replaces the settled one, which cannot be settled again', async () => {
    const { units, store } = fresh();
    await waitOn(units, store, 'tok-1');
    await units.run(async () => {
      await store.settleToken('tok-1', { status: 'succeeded', output: 1 });
    });
    await waitOn(units, store, 'tok-2');
    expect(await store.settleToken('tok-1', { status: 'succeeded', output: 2 })).toBeUndefined();
    expect(await store.getToken('tok-2')).toEqual(token('tok-2'));
    expect(await store.dueTimers(DUE)).toEqual([timeout('tok-2')]);
  });

  it('a token whose execution is ended or not named as waiting on it keeps a row of its own', async () => {
    const { database, units, store } = fresh();
    await units.run(async () => {
      await store.putToken(token('tok-1'));
      await store.putExecution(waitingOn('tok-1', { status: 'failed', waiting: undefined }));
    });
    expect(tokenRows(database)).toEqual({ n: 1 });
    expect(await store.settleToken('tok-1', { status: 'failed', error: 'E', cause: 'c' })).toMatchObject({
      status: 'failed',
    });
  });

  it('a rolled-back unit leaves neither the token nor the record', async () => {
    const { units, store } = fresh();
    await expect(
      units.run(async () => {
        await store.putToken(token('tok-1'));
        await store.putExecution(waitingOn('tok-1'));
        throw new Error('the segment failed');
      }),
    ).rejects.toThrow('the segment failed');
    expect(await store.getToken('tok-1')).toBeUndefined();
    expect(await store.getExecution('x1')).toBeUndefined();
  });

  it('settled inside a unit that writes the execution again: one statement for both, settled once', async () => {
    const { dir, ops, units, store } = fresh();
    await waitOn(units, store, 'tok-1');
    const before = ops.byKind.get('UPDATE executions') ?? 0;
    await units.run(async () => {
      expect(await store.settleToken('tok-1', { status: 'succeeded', output: { ok: 1 } })).toMatchObject({
        status: 'succeeded',
      });
      expect(await store.settleToken('tok-1', { status: 'timed-out' })).toBeUndefined();
      expect(await store.getToken('tok-1')).toMatchObject({ status: 'succeeded', output: { ok: 1 } });
      await store.deleteTimer(timeout('tok-1'));
      await store.putExecution(waitingOn('tok-1', { status: 'succeeded', waiting: undefined }));
    });
    expect((ops.byKind.get('UPDATE executions') ?? 0) - before).toBe(1);
    expect(count(ops, 'DELETE timers')).toBe(0);
    const reopened = open(dir).store;
    expect(await reopened.getToken('tok-1')).toMatchObject({ status: 'succeeded', output: { ok: 1 } });
    expect(await reopened.settleToken('tok-1', { status: 'timed-out' })).toBeUndefined();
    expect(await reopened.dueTimers('2026-04-01T00:00:00.000Z')).toEqual([]);
  });

  it('settled inside a unit that does not write the execution: written at the commit; taken back by a rollback', async () => {
    const { dir, units, store } = fresh();
    await waitOn(units, store, 'tok-1');
    await expect(
      units.run(async () => {
        await store.settleToken('tok-1', { status: 'succeeded', output: 1 });
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect(await store.getToken('tok-1')).toEqual(token('tok-1'));
    await units.run(async () => {
      await store.settleToken('tok-1', { status: 'failed', error: 'E', cause: 'c' });
    });
    const reopened = open(dir).store;
    expect(await reopened.getToken('tok-1')).toMatchObject({ status: 'failed', error: 'E', cause: 'c' });
    expect(await reopened.dueTimers('2026-04-01T00:00:00.000Z')).toEqual([]);
  });

  it('a database whose waiting tokens are rows of their own is migrated onto the executions, timeouts still due', async () => {
    const dir = directory();
    const before = openDatabase(dir);
    ensureSchema(before, 'runtime', RUNTIME_MIGRATIONS.slice(0, 3));
    const insertExecution = before.db.prepare(
      'INSERT INTO executions (name, case_id, status, data) VALUES (?, ?, ?, ?)',
    );
    const insertToken = before.db.prepare(
      'INSERT INTO tokens (token, status, data, timeout_at, timeout_id) VALUES (?, ?, ?, ?, ?)',
    );
    insertExecution.run('x1', null, 'waiting', JSON.stringify(waitingOn('tok-1')));
    insertToken.run('tok-1', 'waiting', JSON.stringify(token('tok-1')), DUE, 'tok-1');
    // A settled token of an earlier segment, no longer named by its execution: stays where it is.
    insertToken.run('tok-0', 'succeeded', JSON.stringify({ ...token('tok-0'), status: 'succeeded' }), null, null);
    before.db.close();
    const { database, store } = open(dir);
    expect(database.db.prepare('SELECT token FROM tokens').all()).toEqual([{ token: 'tok-0' }]);
    expect(database.db.prepare('SELECT token, token_status FROM executions').all()).toEqual([
      { token: 'tok-1', token_status: 'waiting' },
    ]);
    expect(await store.dueTimers(DUE)).toEqual([timeout('tok-1')]);
    expect(await store.getToken('tok-0')).toMatchObject({ status: 'succeeded' });
    expect(await store.settleToken('tok-1', { status: 'succeeded', output: 1 })).toMatchObject({ status: 'succeeded' });
    expect(await store.settleToken('tok-1', { status: 'succeeded', output: 1 })).toBeUndefined();
  });
});
