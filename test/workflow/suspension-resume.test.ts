/**
 * 中止执行 while a flat is being auctioned and the coercive measures run beside the disposal (民诉法 2023年修正
 * 第二百六十七条; 法释〔2000〕29号 第九条): the ruling stops both; lifting it starts both again as new runs, each goes
 * on to its end (the flat auctioned again and sold, the measures ended with the performance), the enforcement term
 * moves on by the days stopped once (not a second time inside the auction's own excluded period), and the money
 * reconciles to the fen (scenarios() checks every case after each test).
 */
import { describe, expect, it } from 'vitest';
import { daysBetween, type LocalDate } from '#domain/calendar/local-date.ts';
import { ledgerTotal } from '#domain/case/reducer.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import { DAY, filingEvent, RESPONDENT_ID, type Scenario, scenarios, staffPost } from '../support/runtime.ts';

const open = scenarios();
const YUAN = 100;
const OFFICER = { user: 'wang-fang', groups: 'handling-officer' };
const CHIEF = { user: 'zhang-wei', groups: 'bureau-chief' };

function world(n: number) {
  return {
    respondents: {
      [RESPONDENT_ID]: {
        eService: 'ok' as const,
        assets: [
          { channel: 'icbc', class: 'deposit' as const, reference: '6222 **** 0001', balanceFen: 50_000 * YUAN },
          {
            channel: 'real-estate-registry',
            class: 'real-estate' as const,
            reference: `冀(2024)青县不动产权第0${n}号`,
            valueFen: 1_000_000 * YUAN,
          },
        ],
      },
    },
    cases: { [`（2026）冀0922执${1000 + n}号`]: { disposal: { auctions: ['sold' as const], premiumPercent: 8 } } },
  };
}

async function execution(s: Scenario, name: string) {
  return (await s.runtime.runtimeStore.getExecution(name))?.status;
}

describe('中止执行 of a disposal with the coercive measures beside it', () => {
  it('lifting starts both again; the flat is sold, the measures end, the term moves on once', async () => {
    const s = await open({ script: world(930) });
    const outcome = await s.runtime.intake(filingEvent(930, { claimFen: 700_000 * YUAN }));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    const announced = await s.liveUntil(
      caseId,
      (c) => Object.values(c.disposal?.lots ?? {}).some((l) => l.status === 'announced'),
      120,
    );
    expect(announced.status).toBe('disposing');
    expect(announced.phaseRuns).toMatchObject({ disposal: 1, coercion: 1 });
    expect(announced.coercion?.outcome).toBeUndefined();

    const proposed = await staffPost(
      s,
      OFFICER,
      caseId,
      '/suspension',
      {
        kind: 'suspension',
        ground: 'other-court-finds',
        note: '据以执行的判决正在再审审查',
      },
      'api',
    );
    expect(proposed.status).toBe(200);
    const ruled = await staffPost(s, CHIEF, caseId, '/suspension/ruling', { decision: 'approved' });
    expect(ruled.status).toBe(200);
    const suspended = await s.load(caseId);
    expect(suspended.suspension?.stopped).toEqual(['disposal', 'coercion']);
    await s.runtime.advance(30 * DAY);
    const stopped = await s.load(caseId);
    expect(stopped.phaseRuns).toMatchObject({ disposal: 1, coercion: 1 });

    const lifted = await staffPost(s, OFFICER, caseId, '/suspension/lift', { reason: '再审审查终结' });
    expect(lifted.status).toBe(200);
    expect(lifted.body.executions).toEqual([`${caseId}-disposal-2`, `${caseId}-coercion-2`]);
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 160);
    expect(closed.closure?.way).toBe('fully-performed');
    // The stopped runs ended at their next step, quietly (a later run took over); the new ones ran to their end.
    expect(await execution(s, `${caseId}-disposal-1`)).toBe('succeeded');
    expect(await execution(s, `${caseId}-coercion-1`)).toBe('succeeded');
    expect(await execution(s, `${caseId}-disposal-2`)).toBe('succeeded');
    expect(await execution(s, `${caseId}-coercion-2`)).toBe('succeeded');
    const term = closed.nodes['enforcement-term'];
    const days = closed.suspension?.excludedDays ?? 0;
    expect(days).toBe(30);
    const spans = term?.excluded ?? [];
    const counted = days + spans.reduce((sum, e) => sum + e.days, 0);
    expect(daysBetween(term?.originalDueDate as LocalDate, term?.dueDate as LocalDate)).toBe(counted);
    expect(ledgerTotal(closed, 'received')).toBeGreaterThan(0);
    // Both paths: the disposal published again and handed the money on; the measures ended beside it.
    expect(s.path(caseId, 'disposal').filter((state) => state === 'OpenDisposal')).toHaveLength(2);
    expect(s.path(caseId, 'disposal').at(-1)).toBe('StartDisbursement');
    expect(s.path(caseId, 'coercion')).toContain('BesideEnded');
    const text = timeline(await s.runtime.cases.history(caseId), { member: (id) => id, team: (id) => id }).map(
      (l) => l.text,
    );
    // The watch for performance the measures kept on 9 March (to 7 April) is kept again for the 30 days it lost.
    expect(text).toContain('督促履行，观察至2026-05-07 23:59');
    // The sale's own period (9 March to 19 May, 71 days) counts only the 41 days not already stopped.
    expect(spans).toEqual([expect.objectContaining({ period: 'auction-or-sale', days: 41 })]);
    expect(text.filter((l) => l.startsWith('恢复执行（再审审查终结'))).toHaveLength(1);
  }, 120_000);
});
