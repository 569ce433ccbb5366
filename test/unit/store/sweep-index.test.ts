/**
 * The SQLite case store knows the earliest node sweep instant of any case from the case rows it writes: the
 * runtime asks for it after every batch of commits, and the index is read only when the case that held it moved
 * later (or after a rollback), never giving an instant later than the index's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { CommitDraft } from '#ports/case-repository.ts';
import { SqliteCaseRepository } from '../../../local/store/case-store.ts';
import { type OpenedDatabase, openDatabase } from '../../../local/store/database.ts';
import { StoreOperations } from '../../../local/store/sql.ts';
import { UnitOfWork } from '../../../local/store/unit-of-work.ts';
import { filed } from '../../support/cases.ts';

const dirs: string[] = [];
const opened: OpenedDatabase[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) if (database.db.isOpen) database.db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const draft = (...events: CaseEvent[]): CommitDraft => ({
  at: '2026-03-02T02:00:00.000Z',
  actor: { kind: 'system', id: 'test' },
  events,
  cause: { test: 'sweep-index' },
});
const filing = (): CaseEvent => ({ ...filed(), court: { code: 'HB0922', name: '法院' } }) as CaseEvent;
const triaged = (officer: string): CaseEvent => ({
  type: 'case-triaged',
  track: 'simple',
  team: 'team-1',
  officer,
  reasons: [],
});
const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T00:00:00.000Z`;

function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'sweep-index-'));
  dirs.push(dir);
  const database = openDatabase(dir);
  opened.push(database);
  const ops = new StoreOperations();
  // Each case's next sweep instant is what the test says it is (the runtime computes it from the case's nodes).
  const sweepOf = new Map<string, string | undefined>();
  const cases = new SqliteCaseRepository(database, { operations: ops, schedule: (state) => sweepOf.get(state.caseId) });
  const reads = () => ops.byKind.get('SELECT cases') ?? 0;
  return { database, cases, sweepOf, reads, units: new UnitOfWork(database.db, database.location) };
}

describe('the earliest node sweep instant (SQLite)', () => {
  it('is kept from the rows written; read again only when the earliest case moves later', async () => {
    const { cases, sweepOf, reads } = fresh();
    expect(await cases.nextSweepAt()).toBeUndefined();
    expect(reads()).toBe(1);
    sweepOf.set('case-a', day(5));
    let a = await cases.create('case-a', draft(filing()));
    sweepOf.set('case-b', day(7));
    let b = await cases.create('case-b', draft(filing()));
    expect(await cases.nextSweepAt()).toBe(day(5));
    sweepOf.set('case-b', day(3));
    b = await cases.append(b, draft(triaged('officer-1')));
    expect(await cases.nextSweepAt()).toBe(day(3));
    sweepOf.set('case-a', day(6));
    a = await cases.append(a, draft(triaged('officer-1')));
    expect(await cases.nextSweepAt()).toBe(day(3));
    expect(reads()).toBe(1);
    // The earliest case (b) moves later: another case may be earliest now, so the index is read.
    sweepOf.set('case-b', day(4));
    b = await cases.append(b, draft(triaged('officer-2')));
    expect(await cases.nextSweepAt()).toBe(day(4));
    expect(reads()).toBe(2);
    sweepOf.set('case-b', undefined);
    await cases.append(b, draft(triaged('officer-3')));
    expect(await cases.nextSweepAt()).toBe(day(6));
    expect(reads()).toBe(3);
  });

  it('after a rolled-back unit it reads the index again', async () => {
    const { cases, sweepOf, reads, units } = fresh();
    sweepOf.set('case-a', day(5));
    const a = await cases.create('case-a', draft(filing()));
    expect(await cases.nextSweepAt()).toBe(day(5));
    await expect(
      units.run(async () => {
        sweepOf.set('case-a', day(2));
        await cases.append(a, draft(triaged('officer-1')));
        expect(await cases.nextSweepAt()).toBe(day(2));
        throw new Error('the step failed');
      }),
    ).rejects.toThrow('the step failed');
    const before = reads();
    expect(await cases.nextSweepAt()).toBe(day(5));
    expect(reads()).toBe(before + 1);
  });
});
