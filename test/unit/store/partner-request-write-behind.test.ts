/**
 * The SQLite partner-request store holds a request's row changes until the transaction commits: a dispatch (token
 * attached, request marked dispatched) and a completing answer with its token cleared are one UPDATE each; a
 * rolled-back savepoint or transaction takes back what it held; what was committed is what a fresh store reads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewPartnerRequest } from '#ports/partner-requests.ts';
import { type OpenedDatabase, openDatabase, transaction } from '../../../local/store/database.ts';
import { SqlitePartnerRequestStore } from '../../../local/store/partner-request-store.ts';
import { StoreOperations } from '../../../local/store/sql.ts';
import { UnitOfWork } from '../../../local/store/unit-of-work.ts';

const request = (id: string): NewPartnerRequest => ({
  requestId: id,
  caseId: 'case-1',
  court: 'HB0922',
  kind: 'inquiry',
  items: [{ itemId: 'i1', respondentId: 'p1' }],
  createdAt: '2026-03-02T00:00:00.000Z',
  dueAt: '2026-03-09T00:00:00.000Z',
  execution: 'case-1-investigation-1',
});
const answer = { itemId: 'i1', at: '2026-03-03T00:00:00.000Z', outcome: 'ok' as const, result: { found: [] } };

const dirs: string[] = [];
const opened: OpenedDatabase[] = [];
function open(dir: string): { database: OpenedDatabase; store: SqlitePartnerRequestStore; ops: StoreOperations } {
  const database = openDatabase(dir);
  opened.push(database);
  const ops = new StoreOperations();
  return { database, store: new SqlitePartnerRequestStore(database, ops), ops };
}
function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'write-behind-'));
  dirs.push(dir);
  return { dir, ...open(dir) };
}
afterEach(() => {
  for (const database of opened.splice(0)) if (database.db.isOpen) database.db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs async store calls as one unit of work (one transaction, committed or rolled back), as the runtime does. */
function inTransaction(database: OpenedDatabase, work: () => Promise<void>): Promise<void> {
  return new UnitOfWork(database.db, database.location).run(work);
}

const updates = (ops: StoreOperations) => ops.byKind.get('UPDATE partner_requests') ?? 0;

describe('the SQLite partner-request store inside a transaction', () => {
  it('writes a dispatch and a completing answer with its token cleared as one UPDATE each, and they persist', async () => {
    const { dir, database, store, ops } = fresh();
    await store.create(request('q1'));
    await inTransaction(database, async () => {
      expect(await store.attachToken('q1', 'token-1')).toBeDefined();
      await store.markDispatched('q1', '2026-03-02T01:00:00.000Z');
    });
    expect(updates(ops)).toBe(1);
    await inTransaction(database, async () => {
      const { token } = await store.addAnswer('q1', answer);
      expect(token).toBe('token-1');
      await store.clearToken('q1');
    });
    expect(updates(ops)).toBe(2);
    database.db.close();
    const reopened = open(dir).store;
    expect(await reopened.get('q1')).toMatchObject({ status: 'complete', dispatchedAt: '2026-03-02T01:00:00.000Z' });
    // The token was cleared: a repeat of the answer hands nothing out.
    expect((await reopened.addAnswer('q1', answer)).token).toBeUndefined();
  });

  it('outside a transaction each change is written at once (fails if held changes were never written)', async () => {
    const { dir, database, store, ops } = fresh();
    await store.create(request('q1'));
    await store.attachToken('q1', 'token-1');
    await store.markDispatched('q1', '2026-03-02T01:00:00.000Z');
    expect(updates(ops)).toBe(2);
    database.db.close();
    const reopened = open(dir).store;
    expect((await reopened.addAnswer('q1', answer)).token).toBe('token-1');
  });

  it('a rolled-back savepoint takes back the change it held; the outer transaction keeps its own', async () => {
    const { dir, database, store } = fresh();
    await store.create(request('q1'));
    await inTransaction(database, async () => {
      await store.attachToken('q1', 'token-1');
      expect(() =>
        transaction(database.db, () => {
          void store.markDispatched('q1', '2026-03-02T01:00:00.000Z');
          throw new Error('the step failed');
        }),
      ).toThrow('the step failed');
      expect((await store.get('q1'))?.dispatchedAt).toBeUndefined();
    });
    database.db.close();
    const reopened = open(dir).store;
    const stored = await reopened.get('q1');
    expect(stored?.dispatchedAt).toBeUndefined();
    expect((await reopened.addAnswer('q1', answer)).token).toBe('token-1');
  });

  it('a rolled-back transaction writes nothing it held', async () => {
    const { dir, database, store } = fresh();
    await store.create(request('q1'));
    await expect(
      inTransaction(database, async () => {
        await store.attachToken('q1', 'token-1');
        await store.addAnswer('q1', answer);
        throw new Error('the delivery failed');
      }),
    ).rejects.toThrow('the delivery failed');
    expect(await store.get('q1')).toMatchObject({ status: 'pending', answers: [] });
    database.db.close();
    expect(await open(dir).store.get('q1')).toMatchObject({ status: 'pending', answers: [] });
  });
});
