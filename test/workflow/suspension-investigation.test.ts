/**
 * 中止执行 ruled while the network inquiry is out (民诉法 2023年修正 第二百六十七条): the ruling stops the investigation
 * run; the banks answer meanwhile; lifting it starts a new investigation run that continues the stopped one (not a
 * joined respondent's inquiry): the inquiry already sent is recorded, not sent again, the control plan is approved,
 * the deposit frozen and deducted, the money paid out and the case closed. The enforcement term (A1) moves on by
 * the days stopped, and the money reconciles to the fen (scenarios() checks every case after each test).
 */
import { describe, expect, it } from 'vitest';
import { daysBetween, type LocalDate } from '#domain/calendar/local-date.ts';
import { ledgerTotal } from '#domain/case/reducer.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import { DAY, scenarios, staffPost } from '../support/runtime.ts';
import {
  depositWorld,
  executionStatus as execution,
  fileSuspensionCase,
  OFFICER,
  ruleSuspension,
  YUAN,
} from '../support/suspension.ts';

const open = scenarios();
const N = 941;

describe('中止执行 during the network inquiry', () => {
  it('lifting continues the stopped investigation: the answered inquiry is recorded, controlled, paid out', async () => {
    const s = await open({ script: depositWorld('6222 **** 0941') });
    const caseId = await fileSuspensionCase(s, N);
    const investigating = await s.until(caseId, (c) => c.status === 'investigating', 10);
    expect(investigating.inquiry?.answered ?? []).toEqual([]);

    await ruleSuspension(s, caseId);

    // The banks answer while enforcement is stopped: the stopped run wakes, records nothing and ends.
    await s.runtime.advance(30 * DAY);
    const stopped = await s.load(caseId);
    expect(stopped.status).toBe('investigating');
    expect(stopped.phaseRuns.investigation).toBe(1);
    expect(stopped.inquiry?.answered ?? []).toEqual([]);
    expect(Object.values(stopped.assets)).toEqual([]);
    expect(await execution(s, `${caseId}-investigation-1`)).toBe('succeeded');

    const lifted = await staffPost(s, OFFICER, caseId, '/suspension/lift', { reason: '再审审查终结' });
    expect(lifted.status).toBe(200);
    expect(lifted.body.executions).toEqual([`${caseId}-investigation-2`]);
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 60);
    expect(closed.closure?.way).toBe('fully-performed');
    expect(await execution(s, `${caseId}-investigation-2`)).toBe('succeeded');

    // Run 2 took up the inquiry run 1 sent (one inquiry, none sent again) and went on to control and pay out.
    expect(Object.keys(closed.inquiry?.requests ?? {})).toHaveLength(1);
    const second = s.events
      .filter((e) => e.type === 'state-entered' && e.execution === `${caseId}-investigation-2`)
      .map((e) => (e as { state: string }).state);
    expect(second).toEqual(
      expect.arrayContaining([
        'OpenInvestigation',
        'AwaitInquiry',
        // The inquiry's answers recorded and the control planned in one Task (plan-control).
        'PlanControl',
        'ApplyControlDecision',
        'WatchSeizures',
      ]),
    );
    expect(second.at(-1)).toBe('StartDisbursement');
    expect(s.path(caseId, 'investigation').filter((state) => state === 'OpenInvestigation')).toHaveLength(2);
    const deposit = Object.values(closed.assets).find((a) => a.reference === '6222 **** 0941');
    expect(deposit?.status).toBe('deducted');
    expect(ledgerTotal(closed, 'received')).toBeGreaterThanOrEqual(30_000 * YUAN);

    // A1: the term moved on by the 30 days stopped, once.
    const term = closed.nodes['enforcement-term'];
    expect(closed.suspension?.excludedDays).toBe(30);
    const spans = (term?.excluded ?? []).reduce((sum, e) => sum + e.days, 0);
    expect(daysBetween(term?.originalDueDate as LocalDate, term?.dueDate as LocalDate)).toBe(30 + spans);
    const text = timeline(await s.runtime.cases.history(caseId), { member: (id) => id, team: (id) => id }).map(
      (l) => l.text,
    );
    expect(text.some((l) => l.includes('追加、变更的被执行人'))).toBe(false);
    expect(text.filter((l) => l.startsWith('恢复执行（再审审查终结'))).toHaveLength(1);
  }, 120_000);
});
