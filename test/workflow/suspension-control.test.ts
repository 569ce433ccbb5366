/**
 * 中止执行 ruled while the approved control plan is being executed (民诉法 2023年修正 第二百六十七条): the ruling stops
 * the investigation run with its freeze order out; the bank answers meanwhile, but the stopped run records nothing.
 * Lifting it starts a run that continues control without planning or approving it again: the freeze already done
 * is recorded from the order the stopped run sent (not ordered again), the deduction still due is sent, the money
 * paid out and the case closed. The enforcement term (A1) moves on by the days stopped, and the money reconciles
 * to the fen.
 */
import { describe, expect, it } from 'vitest';
import { daysBetween, type LocalDate } from '#domain/calendar/local-date.ts';
import { ledgerTotal } from '#domain/case/reducer.ts';
import { requestIdFor } from '#domain/ids.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import { assertMoneyReconciles, DAY, DECIDERS, scenarios, staffPost } from '../support/runtime.ts';
import {
  depositWorld,
  executionStatus as execution,
  fileSuspensionCase,
  OFFICER,
  ruleSuspension,
  YUAN,
} from '../support/suspension.ts';

const open = scenarios();
const N = 942;

describe('中止执行 while control is executed', () => {
  it('lifting continues control: the freeze done is recorded, not ordered again; the deduction sent; paid out', async () => {
    const s = await open({ script: depositWorld('6222 **** 0942') });
    const caseId = await fileSuspensionCase(s, N);
    const run1 = `${caseId}-investigation-1`;
    const run2 = `${caseId}-investigation-2`;
    await s.until(caseId, (c) => c.status === 'control-approval', 20);
    await s.untilPending(caseId, 5);
    await s.decideAll(caseId, DECIDERS['team-lead'] ?? '');
    const controlling = await s.until(caseId, (c) => c.status === 'controlling', 1);
    const deposit = () => Object.values(controlling.assets).find((a) => a.reference === '6222 **** 0942');
    expect(deposit()?.status).toBe('found');
    const freeze = requestIdFor(run1, 'freeze', 1);
    expect(await s.runtime.deps.requests.get(freeze)).toBeDefined();

    await ruleSuspension(s, caseId);

    // The bank freezes while enforcement is stopped: the stopped run wakes, records nothing and ends.
    await s.runtime.advance(30 * DAY);
    const stopped = await s.load(caseId);
    expect(stopped.status).toBe('controlling');
    expect(stopped.phaseRuns.investigation).toBe(1);
    expect(Object.values(stopped.assets).find((a) => a.reference === '6222 **** 0942')?.status).toBe('found');
    expect((await s.runtime.deps.requests.get(freeze))?.status).not.toBe('pending');
    expect(await execution(s, run1)).toBe('succeeded');

    const lifted = await staffPost(s, OFFICER, caseId, '/suspension/lift', { reason: '再审审查终结' });
    expect(lifted.status).toBe(200);
    expect(lifted.body.executions).toEqual([run2]);
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 60);
    expect(closed.closure?.way).toBe('fully-performed');
    expect(await execution(s, run2)).toBe('succeeded');
    await assertMoneyReconciles(s);

    // Run 2 took up run 1's freeze order (recorded, not sent again), never asked for the plan's approval again,
    // then deducted and paid out.
    const second = s.events
      .filter((e) => e.type === 'state-entered' && e.execution === run2)
      .map((e) => (e as { state: string }).state);
    expect(second).toEqual(expect.arrayContaining(['OpenInvestigation', 'PlanControl', 'RoutePlan', 'ExecuteControl']));
    expect(second).not.toContain('AwaitControlApproval');
    expect(second.indexOf('ExecuteControl')).toBe(second.indexOf('RoutePlan') + 1);
    expect(second.filter((state) => state === 'RecordControl')).toHaveLength(2);
    expect(second.at(-1)).toBe('StartDisbursement');
    for (let round = 1; round <= 3; round++)
      expect(await s.runtime.deps.requests.get(requestIdFor(run2, 'freeze', round))).toBeUndefined();
    expect(await s.runtime.deps.requests.get(requestIdFor(run2, 'deduct', 2))).toBeDefined();
    const history = await s.runtime.cases.history(caseId);
    const frozen = history.flatMap((c) => c.events.filter((e) => e.type === 'asset-frozen'));
    expect(frozen).toHaveLength(1);
    expect(history.flatMap((c) => c.events.filter((e) => e.type === 'control-planned'))).toHaveLength(1);
    const held = Object.values(closed.assets).find((a) => a.reference === '6222 **** 0942');
    expect(held?.status).toBe('deducted');
    expect(ledgerTotal(closed, 'received')).toBeGreaterThanOrEqual(30_000 * YUAN);

    // A1: the term moved on by the 30 days stopped, once.
    const term = closed.nodes['enforcement-term'];
    expect(closed.suspension?.excludedDays).toBe(30);
    const spans = (term?.excluded ?? []).reduce((sum, e) => sum + e.days, 0);
    expect(daysBetween(term?.originalDueDate as LocalDate, term?.dueDate as LocalDate)).toBe(30 + spans);
    const text = timeline(history, { member: (id) => id, team: (id) => id }).map((l) => l.text);
    expect(text.filter((l) => l.startsWith('恢复执行（再审审查终结'))).toHaveLength(1);
  }, 120_000);
});
