/**
 * The SQLite approval store holds an approval's row inside a unit of work and writes it once at the commit: a
 * decision's claim and the clearing of its token are one statement; the lists see what the unit holds; a
 * rolled-back unit writes nothing, and the approval is still pending with its token.
 */
import { describe, expect, it } from 'vitest';
import { ApprovalNotPendingError } from '#ports/approval-store.ts';
import { SqliteApprovalStore } from '../../../local/store/approval-store.ts';
import type { OpenedDatabase } from '../../../local/store/database.ts';
import type { StoreOperations } from '../../../local/store/sql.ts';
import { approvedBy, pendingApproval } from '../../support/approvals.ts';
import { sqliteStores } from '../../support/sqlite-stores.ts';

const { open, fresh } = sqliteStores(
  'approval-write-behind-',
  (database, ops) => new SqliteApprovalStore(database, ops),
);

const approval = pendingApproval('a1');
const decision = approvedBy('lead-1');
const writes = (ops: StoreOperations) =>
  (ops.byKind.get('INSERT approvals') ?? 0) + (ops.byKind.get('UPDATE approvals') ?? 0);
const tokenOf = (database: OpenedDatabase) =>
  database.db.prepare("SELECT token FROM approvals WHERE approval_id = 'a1'").get();

describe('approvals held until the commit (SQLite)', () => {
  it('a decision claimed and its token cleared in one unit is one write; decided once', async () => {
    const { dir, database, ops, units, store } = fresh();
    await units.run(() => store.register(approval, 'tok-1'));
    expect(writes(ops)).toBe(1);
    await units.run(async () => {
      expect((await store.claimForDecision('a1', decision)).token).toBe('tok-1');
      await store.clearToken('a1');
      await expect(store.claimForDecision('a1', { ...decision, by: 'lead-2' })).rejects.toBeInstanceOf(
        ApprovalNotPendingError,
      );
    });
    expect(writes(ops)).toBe(2);
    expect(tokenOf(database)).toEqual({ token: null });
    database.db.close();
    const reopened = open(dir).store;
    expect(await reopened.get('a1')).toMatchObject({ status: 'approved', decidedBy: 'lead-1' });
  });

  it('the lists see what the unit holds; a rolled-back unit leaves the approval pending with its token', async () => {
    const { database, units, store } = fresh();
    await units.run(async () => {
      await store.register(approval, 'tok-1');
      expect((await store.listPending({ court: 'HB0922' })).map((a) => a.approvalId)).toEqual(['a1']);
    });
    await expect(
      units.run(async () => {
        await store.claimForDecision('a1', decision);
        await store.clearToken('a1');
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect(await store.get('a1')).toEqual(approval);
    expect(tokenOf(database)).toEqual({ token: 'tok-1' });
    expect((await store.claimForDecision('a1', decision)).token).toBe('tok-1');
  });

  it('a new approval is registered in one statement, without a read; one decided is not reopened by a re-run', async () => {
    const { dir, database, ops, units, store } = fresh();
    await units.run(() => store.register(approval, 'tok-1'));
    expect(ops.byKind.get('SELECT approvals') ?? 0).toBe(0);
    expect(writes(ops)).toBe(1);
    await units.run(async () => {
      await store.claimForDecision('a1', decision);
      await store.clearToken('a1');
    });
    database.db.close();
    // Another process (a restart) knows nothing of it: the waiting step re-run registers it again.
    const again = open(dir);
    await again.units.run(() => again.store.register(approval, 'tok-2'));
    expect(await again.store.get('a1')).toMatchObject({ status: 'approved', decidedBy: 'lead-1' });
    expect(tokenOf(again.database)).toEqual({ token: null });
    await expect(again.store.claimForDecision('a1', { ...decision, by: 'lead-2' })).rejects.toBeInstanceOf(
      ApprovalNotPendingError,
    );
  });
});
