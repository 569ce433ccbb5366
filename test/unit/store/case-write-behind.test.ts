/**
 * Inside a unit of work the SQLite case store writes the journal row of each commit at once (its key is the
 * condition) and the case's projection once, at the commit, however many commits the unit made to the case; its
 * queries inside the unit see what the unit wrote; a rolled-back unit or savepoint leaves no projection of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import { type CommitDraft, ConcurrentUpdateError } from '#ports/case-repository.ts';
import { SqliteCaseRepository } from '../../../local/store/case-store.ts';
import { type OpenedDatabase, openDatabase, transaction } from '../../../local/store/database.ts';
import { StoreOperations } from '../../../local/store/sql.ts';
import { UnitOfWork } from '../../../local/store/unit-of-work.ts';
import { filed } from '../../support/cases.ts';

const dirs: string[] = [];
const opened: OpenedDatabase[] = [];
function open(dir: string) {
  const database = openDatabase(dir);
  opened.push(database);
  const ops = new StoreOperations();
  const units = new UnitOfWork(database.db, database.location);
  return { database, ops, units, cases: new SqliteCaseRepository(database, { operations: ops }) };
}
function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'case-write-behind-'));
  dirs.push(dir);
  return { dir, ...open(dir) };
}
afterEach(() => {
  for (const database of opened.splice(0)) if (database.db.isOpen) database.db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-03-02T02:00:00.000Z';
const draft = (...events: CaseEvent[]): CommitDraft => ({
  at: AT,
  actor: { kind: 'system', id: 'test' },
  events,
  cause: { test: 'write-behind' },
});
const filing = (): CaseEvent => ({ ...filed(), court: { code: 'HB0922', name: '法院' } }) as CaseEvent;
const triaged = (officer: string): CaseEvent => ({
  type: 'case-triaged',
  track: 'simple',
  team: 'team-1',
  officer,
  reasons: [],
});
const count = (ops: StoreOperations, kind: string) => ops.byKind.get(kind) ?? 0;

describe('the case projection held until the commit (SQLite)', () => {
  it('three commits to one case in one unit: three journal rows, one case row, read back after reopening', async () => {
    const { dir, database, ops, units, cases } = fresh();
    await units.run(async () => {
      const v1 = await cases.create('case-a', draft(filing()));
      const v2 = await cases.append(v1, draft(triaged('officer-1')));
      await cases.append(v2, draft(triaged('officer-2')));
    });
    expect(count(ops, 'INSERT journal')).toBe(3);
    expect(count(ops, 'INSERT cases')).toBe(1);
    database.db.close();
    const reopened = open(dir).cases;
    expect(await reopened.load('case-a')).toMatchObject({ version: 3, officer: 'officer-2' });
    expect(await reopened.openCaseCounts(['officer-1', 'officer-2'])).toEqual({ 'officer-1': 0, 'officer-2': 1 });
  });

  it('outside a unit every commit writes its case row', async () => {
    const { ops, cases } = fresh();
    const v1 = await cases.create('case-a', draft(filing()));
    await cases.append(v1, draft(triaged('officer-1')));
    expect(count(ops, 'INSERT cases')).toBe(2);
  });

  it('a query inside the unit sees the commit made before it in the unit', async () => {
    const { units, cases } = fresh();
    await units.run(async () => {
      const v1 = await cases.create('case-a', draft(filing()));
      expect(await cases.openCaseCounts(['officer-1'])).toEqual({ 'officer-1': 0 });
      await cases.append(v1, draft(triaged('officer-1')));
      expect(await cases.openCaseCounts(['officer-1'])).toEqual({ 'officer-1': 1 });
    });
  });

  it('a stale append inside a unit still fails on the journal row, and the unit keeps the first', async () => {
    const { units, cases } = fresh();
    await units.run(async () => {
      const v1 = await cases.create('case-a', draft(filing()));
      await cases.append(v1, draft(triaged('officer-1')));
      await expect(cases.append(v1, draft(triaged('officer-2')))).rejects.toBeInstanceOf(ConcurrentUpdateError);
    });
    expect(await cases.load('case-a')).toMatchObject({ version: 2, officer: 'officer-1' });
  });

  it('a unit that throws leaves no case; a rolled-back savepoint takes back only its own commit', async () => {
    const { database, units, cases } = fresh();
    await expect(
      units.run(async () => {
        await cases.create('case-a', draft(filing()));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await cases.load('case-a')).toBeUndefined();
    expect(await cases.openCaseCounts(['officer-1'])).toEqual({ 'officer-1': 0 });
    await units.run(async () => {
      const v1 = await cases.create('case-b', draft(filing()));
      const v2 = await cases.append(v1, draft(triaged('officer-1')));
      expect(() =>
        transaction(database.db, () => {
          void cases.append(v2, draft(triaged('officer-2')));
          throw new Error('inner');
        }),
      ).toThrow('inner');
    });
    expect(await cases.load('case-b')).toMatchObject({ version: 2, officer: 'officer-1' });
    expect(await cases.openCaseCounts(['officer-1', 'officer-2'])).toEqual({ 'officer-1': 1, 'officer-2': 0 });
  });
});
