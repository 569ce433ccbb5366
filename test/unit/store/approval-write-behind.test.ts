/**
 * The SQLite approval store holds an approval's row inside a unit of work and writes it once at the commit: a
 * decision's claim and the clearing of its token are one statement; the lists see what the unit holds; a
 * rolled-back unit writes nothing, and the approval is still pending with its token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Approval, ApprovalNotPendingError } from '#ports/approval-store.ts';
import { SqliteApprovalStore } from '../../../local/store/approval-store.ts';
import { type OpenedDatabase, openDatabase } from '../../../local/store/database.ts';
import { StoreOperations } from '../../../local/store/sql.ts';
import { UnitOfWork } from '../../../local/store/unit-of-work.ts';

const dirs: string[] = [];
const opened: OpenedDatabase[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) if (database.db.isOpen) database.db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function open(dir: string) {
  const database = openDatabase(dir);
  opened.push(database);
  const ops = new StoreOperations();
  return {
    database,
    ops,
    units: new UnitOfWork(database.db, database.location),
    store: new SqliteApprovalStore(database, ops),
  };
}
function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'approval-write-behind-'));
  dirs.push(dir);
  return { dir, ...open(dir) };
}

const approval: Approval = {
  approvalId: 'a1',
  caseId: 'case-1',
  caseNumber: '（2026）冀0922执1号',
  court: 'HB0922',
  step: 'control-plan',
  level: 1,
  requiredRole: 'team-lead',
  requester: 'officer-1',
  summary: '控制方案',
  dueAt: '2026-03-10T00:00:00.000Z',
  createdAt: '2026-03-02T00:00:00.000Z',
  execution: 'case-1-investigation-1',
  status: 'pending',
};
const decision = { decision: 'approved', by: 'lead-1', role: 'team-lead', at: '2026-03-03T00:00:00.000Z' } as const;
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
