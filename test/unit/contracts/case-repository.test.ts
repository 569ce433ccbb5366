/** The case store's contract, on both adapters: the conditional journal append, the hash chain, every index query. */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import { verifyChain } from '#domain/case/journal.ts';
import type { EnforcementCase, TimeNode } from '#domain/case/model.ts';
import {
  CaseAlreadyExistsError,
  type CaseQueries,
  type CaseRepository,
  type CommitDraft,
  ConcurrentUpdateError,
  InvalidCursorError,
} from '#ports/case-repository.ts';
import { filed } from '../../support/cases.ts';
import { BACKENDS } from './stores.ts';

const AT = '2026-03-02T02:00:00.000Z';

function draft(...events: CaseEvent[]): CommitDraft {
  return { at: AT, actor: { kind: 'system', id: 'test' }, events, cause: { test: 'contract' } };
}

function node(name: TimeNode['node'], dueAt: string, status: TimeNode['status'] = 'open'): TimeNode {
  return {
    node: name,
    ruleId: 'A1',
    startedOn: '2026-03-02' as never,
    dueDate: dueAt.slice(0, 10) as never,
    dueAt,
    unconfirmedYears: [],
    status,
  };
}

function filing(n: number, court = 'HB0922'): CaseEvent {
  const base = filed();
  return {
    ...base,
    court: { code: court, name: '法院' },
    caseNumber: `（2026）冀0922执${n}号`,
    filedAt: `2026-03-02T01:00:${String(n).padStart(2, '0')}.000Z`,
  };
}

const triaged = (officer: string, team = 'team-1'): CaseEvent => ({
  type: 'case-triaged',
  track: 'simple',
  team,
  officer,
  reasons: [],
});

describe.each(BACKENDS)('the case store on $name', (backend) => {
  async function open(schedule?: (state: EnforcementCase) => string | undefined) {
    const stores = await backend.open();
    const committed: number[] = [];
    const cases: CaseRepository & CaseQueries = stores.cases({
      listener: (commit) => committed.push(commit.seq),
      schedule: schedule ?? (() => undefined),
    });
    return { cases, committed };
  }

  it('creates a case once; a second create of the same id fails', async () => {
    const { cases, committed } = await open();
    const created = await cases.create('case-a', draft(filing(1)));
    expect(created).toMatchObject({ caseId: 'case-a', version: 1, caseNumber: '（2026）冀0922执1号' });
    await expect(cases.create('case-a', draft(filing(1)))).rejects.toBeInstanceOf(CaseAlreadyExistsError);
    expect(committed).toEqual([1]);
    expect(await cases.load('case-a')).toEqual(created);
    expect(await cases.load('missing')).toBeUndefined();
  });

  it('appends only at the expected version: of two writers from one version, the second fails and writes nothing', async () => {
    const { cases } = await open();
    const v1 = await cases.create('case-b', draft(filing(2)));
    const v2 = await cases.append(v1, draft(triaged('officer-1')));
    await expect(cases.append(v1, draft(triaged('officer-2')))).rejects.toBeInstanceOf(ConcurrentUpdateError);
    const loaded = await cases.load('case-b');
    expect(loaded).toEqual(v2);
    expect(loaded?.officer).toBe('officer-1');
    const history = await cases.history('case-b');
    expect(history.map((c) => c.seq)).toEqual([1, 2]);
    expect(verifyChain(history, { version: v2.version, head: v2.head })).toMatchObject({ ok: true, commits: 2 });
    expect(history[1]?.prevHash).toBe(history[0]?.hash);
  });

  it('lists, counts and finds cases by court, status, phase, officer, case number and party', async () => {
    const { cases } = await open();
    let a = await cases.create('case-c1', draft(filing(3)));
    a = await cases.append(
      a,
      draft(triaged('officer-1'), { type: 'phase-started', phase: 'service', run: 1, execution: 'x' }),
    );
    const b = await cases.create('case-c2', draft(filing(4)));
    await cases.append(b, draft(triaged('officer-1')));
    await cases.create('case-c3', draft(filing(5, 'HB0100')));

    expect((await cases.list({ court: 'HB0922', status: 'filed' })).map((c) => c.caseId)).toEqual([
      'case-c1',
      'case-c2',
    ]);
    expect(await cases.countCases({ court: 'HB0922', status: 'filed' })).toBe(2);
    expect(await cases.countCases({ court: 'HB0922', phase: 'service' })).toBe(1);
    expect(await cases.openCaseCounts(['officer-1', 'officer-2'])).toEqual({ 'officer-1': 2, 'officer-2': 0 });
    expect((await cases.findByCaseNumber('（2026）冀0922执3号')).map((c) => c.caseId)).toEqual(['case-c1']);
    expect(await cases.findByParty('HB0922', 'prespondent00001', 10)).toEqual([
      { caseId: 'case-c1', court: 'HB0922' },
      { caseId: 'case-c2', court: 'HB0922' },
    ]);
    expect(await cases.findByParty('HB0100', 'prespondent00001', 10)).toEqual([{ caseId: 'case-c3', court: 'HB0100' }]);
    await expect(() => cases.list({ court: 'HB0922' })).rejects.toThrow(/court and a status/);
  });

  it('pages through unclosed cases of a phase with cursors, each case once; a forged cursor is refused', async () => {
    const { cases } = await open();
    for (let n = 10; n < 15; n++) {
      const created = await cases.create(`case-p${n}`, draft(filing(n)));
      await cases.append(created, draft({ type: 'phase-started', phase: 'investigation', run: 1, execution: 'x' }));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await cases.listByPhase({
        court: 'HB0922',
        phase: 'investigation',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c) => c.caseId));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual(['case-p10', 'case-p11', 'case-p12', 'case-p13', 'case-p14']);
    await expect(
      cases.listByPhase({ court: 'HB0922', phase: 'investigation', limit: 2, cursor: 'not-a-cursor' }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('lists open nodes by due time for a court, a team and an officer, within a window, paged; met nodes leave', async () => {
    const { cases } = await open();
    let a = await cases.create('case-n1', draft(filing(20)));
    a = await cases.append(
      a,
      draft(
        triaged('officer-1', 'team-1'),
        { type: 'node-set', node: node('notice-sent', '2026-03-10T16:00:00.000Z') },
        { type: 'node-set', node: node('officer-assigned', '2026-03-05T16:00:00.000Z') },
      ),
    );
    let b = await cases.create('case-n2', draft(filing(21)));
    b = await cases.append(
      b,
      draft(triaged('officer-2', 'team-2'), {
        type: 'node-set',
        node: node('notice-sent', '2026-03-07T16:00:00.000Z'),
      }),
    );
    const before = '2026-04-01T00:00:00.000Z';
    const court = await cases.nodes({ court: 'HB0922', before, limit: 10 });
    expect(court.items.map((e) => `${e.caseId}/${e.node.node}`)).toEqual([
      'case-n1/officer-assigned',
      'case-n2/notice-sent',
      'case-n1/notice-sent',
    ]);
    expect(court.items[0]).toMatchObject({ caseNumber: '（2026）冀0922执20号', team: 'team-1', officer: 'officer-1' });
    const team = await cases.nodes({ court: 'HB0922', team: 'team-2', before, limit: 10 });
    expect(team.items.map((e) => e.caseId)).toEqual(['case-n2']);
    const officer = await cases.nodes({ court: 'HB0922', officer: 'officer-1', before, limit: 10 });
    expect(officer.items.map((e) => e.node.node)).toEqual(['officer-assigned', 'notice-sent']);
    const window = await cases.nodes({
      court: 'HB0922',
      from: '2026-03-06T00:00:00.000Z',
      before: '2026-03-10T16:00:00.000Z',
      limit: 10,
    });
    expect(window.items.map((e) => e.caseId)).toEqual(['case-n2']);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await cases.nodes({ court: 'HB0922', before, limit: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((e) => `${e.caseId}/${e.node.node}`));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual(court.items.map((e) => `${e.caseId}/${e.node.node}`));

    await cases.append(a, draft({ type: 'node-met', node: 'officer-assigned', at: AT }));
    const after = await cases.nodes({ court: 'HB0922', before, limit: 10 });
    expect(after.items.map((e) => `${e.caseId}/${e.node.node}`)).toEqual([
      'case-n2/notice-sent',
      'case-n1/notice-sent',
    ]);
    await expect(cases.nodes({ court: 'HB0922', before, limit: 1, cursor: 'eyJ4IjoxfQ' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    expect(b.version).toBe(2);
  });

  it('finds the cases due for the node sweep, earliest first, and the next instant anything is due', async () => {
    const due: Record<string, string> = {
      'case-s1': '2026-03-05T00:00:00.000Z',
      'case-s2': '2026-03-03T00:00:00.000Z',
      'case-s3': '2026-03-09T00:00:00.000Z',
    };
    const { cases } = await open((state) => due[state.caseId]);
    expect(await cases.nextSweepAt()).toBeUndefined();
    for (const [n, caseId] of Object.keys(due).entries()) await cases.create(caseId, draft(filing(30 + n)));
    expect(await cases.nextSweepAt()).toBe('2026-03-03T00:00:00.000Z');
    expect(await cases.dueForSweep('2026-03-05T00:00:00.000Z', 10)).toEqual(['case-s2', 'case-s1']);
    expect(await cases.dueForSweep('2026-03-05T00:00:00.000Z', 1)).toEqual(['case-s2']);
  });

  it('reindex writes the index entries again from the case', async () => {
    let officer = 'officer-1';
    const { cases } = await open();
    const created = await cases.create('case-r1', draft(filing(40)));
    const state = await cases.append(created, draft(triaged(officer)));
    officer = 'officer-9';
    await cases.reindex({ ...state, officer });
    expect(await cases.openCaseCounts(['officer-1', 'officer-9'])).toEqual({ 'officer-1': 0, 'officer-9': 1 });
  });
});
