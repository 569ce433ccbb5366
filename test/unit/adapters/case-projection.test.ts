/**
 * The DynamoDB case store writes, at each commit, the case record and only those of the case's other items (index
 * entry, time nodes, parties) that differ from what is stored; a lost or stale item is written again by the next
 * commit, whatever that commit changes.
 */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { keys } from '#adapters/dynamodb/tables.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase, TimeNode } from '#domain/case/model.ts';
import type { CommitDraft } from '#ports/case-repository.ts';
import { LOCAL_TABLES, type LocalStore, openLocalStore } from '../../../local/runtime/local-store.ts';
import { filed } from '../../support/cases.ts';

const AT = '2026-03-02T02:00:00.000Z';
const draft = (...events: CaseEvent[]): CommitDraft => ({
  at: AT,
  actor: { kind: 'system', id: 'test' },
  events,
  cause: { test: 'projection' },
});
const node = (name: TimeNode['node'], dueAt: string): TimeNode => ({
  node: name,
  ruleId: 'A1',
  startedOn: '2026-03-02' as never,
  dueDate: dueAt.slice(0, 10) as never,
  dueAt,
  unconfirmedYears: [],
  status: 'open',
});
const triaged: CaseEvent = { type: 'case-triaged', track: 'simple', team: 'team-1', officer: 'officer-1', reasons: [] };
const remark: CaseEvent = {
  type: 'document-problem-alerted',
  kind: 'notice',
  trigger: 'test',
  problem: 'missing field',
};

let store: LocalStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function open(recordEvery = 1, schedule?: (state: EnforcementCase) => string | undefined) {
  const puts: string[] = [];
  store = await openLocalStore(undefined, ({ command, input }) => {
    const sk = (input.Item as { sk?: unknown } | undefined)?.sk;
    const text = typeof sk === 'string' ? sk : (sk as { S?: string } | undefined)?.S;
    if (command === 'PutItemCommand' && input.TableName === LOCAL_TABLES.cases) puts.push(text ?? '?');
  });
  const db = documentClient(store.client);
  const tables = { cases: LOCAL_TABLES.cases, journal: LOCAL_TABLES.journal, idempotency: LOCAL_TABLES.idempotency };
  return {
    db,
    puts,
    tables,
    cases: new DynamoCaseRepository(db, tables, { recordEvery, ...(schedule ? { schedule } : {}) }),
  };
}

describe('the DynamoDB case projection', () => {
  it('a commit that changes no summary, key or node writes the case record alone', async () => {
    const { cases, puts } = await open();
    let state = await cases.create('case-p1', draft({ ...filed(), caseNumber: '（2026）冀0922执1号' }));
    state = await cases.append(
      state,
      draft(triaged, { type: 'node-set', node: node('notice-sent', '2026-03-10T16:00:00.000Z') }),
    );
    puts.length = 0;
    const loaded = await cases.load('case-p1');
    if (!loaded) throw new Error('no case');
    // An event that moves nothing the indexes hold (the case record alone changes).
    await cases.append(loaded, draft({ type: 'node-warned', node: 'notice-sent', dueDate: '2026-03-10' as never }));
    const written = [...puts];
    puts.length = 0;
    await cases.append((await cases.load('case-p1')) ?? state, draft(remark));
    expect(written).toContain('CASE');
    expect(written).toContain('NODE#notice-sent');
    expect(written).not.toContain('INDEX');
    expect(puts).toEqual(['CASE']);
  });

  it('an index entry or node lost or left stale is written again by the next commit, whatever it changes', async () => {
    const { cases, db } = await open();
    let state = await cases.create('case-p2', draft({ ...filed(), caseNumber: '（2026）冀0922执2号' }));
    state = await cases.append(
      state,
      draft(triaged, { type: 'node-set', node: node('notice-sent', '2026-03-10T16:00:00.000Z') }),
    );
    // A writer that died after its commit, or an older release: the index entry is gone, the node is stale.
    await db.send(new DeleteCommand({ TableName: LOCAL_TABLES.cases, Key: keys.caseIndex('case-p2') }));
    const nodeKey = keys.node('case-p2', 'notice-sent');
    const stale = (await db.send(new GetCommand({ TableName: LOCAL_TABLES.cases, Key: nodeKey }))).Item ?? {};
    await db.send(
      new PutCommand({ TableName: LOCAL_TABLES.cases, Item: { ...stale, entry: { ...stale.entry, officer: 'x' } } }),
    );
    expect(await cases.openCaseCounts(['officer-1'])).toEqual({ 'officer-1': 0 });

    await cases.append(state, draft(remark));
    expect(await cases.openCaseCounts(['officer-1'])).toEqual({ 'officer-1': 1 });
    const repaired = await db.send(new GetCommand({ TableName: LOCAL_TABLES.cases, Key: nodeKey }));
    expect(repaired.Item?.entry.officer).toBe('officer-1');
    const nodes = await cases.nodes({ court: state.court.code, officer: 'officer-1', before: '2027-01-01', limit: 5 });
    expect(nodes.items.map((e) => e.node.node)).toEqual(['notice-sent']);
  });

  it('a late writer never puts an older item over a newer one', async () => {
    const { cases, db } = await open();
    const created = await cases.create('case-p3', draft({ ...filed(), caseNumber: '（2026）冀0922执3号' }));
    const state = await cases.append(created, draft(triaged));
    const index = await db.send(new GetCommand({ TableName: LOCAL_TABLES.cases, Key: keys.caseIndex('case-p3') }));
    expect(index.Item?.version).toBe(2);
    // The first commit's projection written again (a writer that stalled): the newer index entry stays.
    await (cases as unknown as { project: (s: unknown, o: unknown) => Promise<void> }).project(created, {
      compare: true,
    });
    const after = await db.send(new GetCommand({ TableName: LOCAL_TABLES.cases, Key: keys.caseIndex('case-p3') }));
    expect(after.Item?.summary.officer).toBe('officer-1');
    expect(state.version).toBe(2);
  });

  it('with the record written every 3 commits, loads fold the commits after it; the closing commit writes it', async () => {
    const { cases, db, puts, tables } = await open(3);
    const record = async () =>
      (await db.send(new GetCommand({ TableName: LOCAL_TABLES.cases, Key: keys.case('case-p4') }))).Item?.version;
    let state = await cases.create('case-p4', draft({ ...filed(), caseNumber: '（2026）冀0922执4号' }));
    expect(await record()).toBe(1);
    state = await cases.append(state, draft({ type: 'status-changed', from: 'filed', to: 'triaged', reason: 'test' }));
    state = await cases.append(state, draft(remark));
    expect(await record()).toBe(1);
    // Another repository (another function) loads the case as it is: the record and the two commits after it.
    const other = new DynamoCaseRepository(db, tables, { recordEvery: 3 });
    expect(await other.load('case-p4')).toEqual(state);
    state = await cases.append(state, draft(remark));
    expect(await record()).toBe(4);
    puts.length = 0;
    state = await cases.append(
      state,
      draft({ type: 'status-changed', from: state.status, to: 'closed', reason: 'test' }),
    );
    expect(state.status).toBe('closed');
    expect(await record()).toBe(5);
    expect(await other.load('case-p4')).toEqual(state);
  });

  it('a writer with nothing to write repairs the items and writes the record once it is due', async () => {
    const { cases, db, tables } = await open(2);
    let state = await cases.create('case-p5', draft({ ...filed(), caseNumber: '（2026）冀0922执5号' }));
    state = await cases.append(state, draft(triaged));
    // The writer of the next commit died after its journal put: no item, no record written.
    const dead = new DynamoCaseRepository(db, tables, { recordEvery: 2 });
    (dead as unknown as { project: () => Promise<void> }).project = async () => undefined;
    const loaded = (await dead.load('case-p5')) ?? state;
    await dead.append(loaded, draft({ type: 'node-set', node: node('notice-sent', '2026-03-10T16:00:00.000Z') }));
    const before = await cases.nodes({ court: state.court.code, before: '2027-01-01', limit: 5 });
    expect(before.items).toEqual([]);
    // The retried step loads, finds the work done, and catches up.
    const retried = new DynamoCaseRepository(db, tables, { recordEvery: 2 });
    const found = await retried.load('case-p5');
    if (!found) throw new Error('no case');
    await retried.catchUp(found);
    const after = await cases.nodes({ court: state.court.code, before: '2027-01-01', limit: 5 });
    expect(after.items.map((e) => e.node.node)).toEqual(['notice-sent']);
    const stored = await db.send(new GetCommand({ TableName: LOCAL_TABLES.cases, Key: keys.case('case-p5') }));
    expect(stored.Item?.version).toBe(3);
  });

  it('a change of when the sweeper is next due writes the sweep entry alone; none due, it leaves the sweep index', async () => {
    let due: string | undefined = '2026-03-05T00:00:00.000Z';
    const { cases, puts } = await open(10, () => due);
    let state = await cases.create('case-p6', draft({ ...filed(), caseNumber: '（2026）冀0922执6号' }));
    expect(await cases.dueForSweep('2026-03-06T00:00:00.000Z', 5)).toEqual(['case-p6']);
    puts.length = 0;
    due = '2026-03-08T00:00:00.000Z';
    state = await cases.append(state, draft(remark));
    expect(puts).toEqual(['SWEEP']);
    expect(await cases.dueForSweep('2026-03-06T00:00:00.000Z', 5)).toEqual([]);
    expect(await cases.nextSweepAt()).toBe('2026-03-08T00:00:00.000Z');
    due = undefined;
    await cases.append(state, draft(remark));
    expect(await cases.nextSweepAt()).toBeUndefined();
  });

  it('an index entry of an earlier release that carries the sweep keys: the case is due once, and the next commit moves them', async () => {
    const due = '2026-03-05T00:00:00.000Z';
    const { cases, db } = await open(10, () => due);
    const state = await cases.create('case-p7', draft({ ...filed(), caseNumber: '（2026）冀0922执7号' }));
    const sweep = await db.send(new GetCommand({ TableName: LOCAL_TABLES.cases, Key: keys.caseSweep('case-p7') }));
    const index = await db.send(new GetCommand({ TableName: LOCAL_TABLES.cases, Key: keys.caseIndex('case-p7') }));
    const { gsi3pk, gsi3sk } = sweep.Item ?? {};
    await db.send(new PutCommand({ TableName: LOCAL_TABLES.cases, Item: { ...index.Item, gsi3pk, gsi3sk } }));
    expect(await cases.dueForSweep('2026-03-06T00:00:00.000Z', 5)).toEqual(['case-p7']);
    await cases.append(state, draft(remark));
    const after = await db.send(new GetCommand({ TableName: LOCAL_TABLES.cases, Key: keys.caseIndex('case-p7') }));
    expect(after.Item?.gsi3pk).toBeUndefined();
    expect(await cases.dueForSweep('2026-03-06T00:00:00.000Z', 5)).toEqual(['case-p7']);
  });
});
