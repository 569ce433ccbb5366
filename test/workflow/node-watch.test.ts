/**
 * Time nodes watched while nothing happens on a case: the node sweeper (on the virtual clock, as the scheduled
 * sweeper on AWS) warns before a node falls due, marks it overdue and opens its supervision task (team lead, then
 * bureau chief), and asks the president to extend the enforcement term in its last 5 days (A2).
 */
import { describe, expect, it } from 'vitest';
import { DAY, filingEvent, respondentWith, type Scenario, scenarios } from '../support/runtime.ts';

const DEPOSIT = { channel: 'icbc', class: 'deposit' as const, reference: '6222 **** 0001', balanceFen: 8_000_000 };
const open = scenarios();

/** A case handed back to its officer (control plan rejected): nothing moves it on but the clock. */
async function stalled(s: Scenario, n: number): Promise<string> {
  const outcome = await s.runtime.intake(filingEvent(n));
  const caseId = (outcome as { caseId: string }).caseId;
  await s.untilPending(caseId);
  await s.decideAll(caseId, 'li-qiang', 'rejected');
  expect((await s.load(caseId)).status).toBe('awaiting-officer');
  return caseId;
}

/** Lets time pass, without anyone doing anything, until `instant`. */
async function advanceTo(s: Scenario, instant: string): Promise<void> {
  await s.runtime.advance(Math.ceil((Date.parse(instant) - Date.parse(s.runtime.clock.now())) / 1000));
}

async function eventsOf(s: Scenario, caseId: string) {
  return (await s.runtime.cases.history(caseId)).flatMap((c) => c.events.map((e) => ({ ...e, at: c.at })));
}

describe('the node sweeper', () => {
  it('asks the president to extend the term in its last 5 days (A2), warns 2 working days before, then escalates the overdue term to the team lead and then the bureau chief', async () => {
    const s = await open({ script: respondentWith({ eService: 'ok', assets: [DEPOSIT] }) });
    const caseId = await stalled(s, 701);
    const term = (await s.load(caseId)).nodes['enforcement-term'];
    expect(term?.dueDate).toBe('2026-09-02');
    // Nothing at all happens on the case for six months: only the clock moves.
    await advanceTo(s, '2026-09-10T01:00:00.000Z');
    const events = await eventsOf(s, caseId);
    const extension = events.find((e) => e.type === 'node-task-started' && e.task === 'term-extension');
    const warned = events.find((e) => e.type === 'node-warned' && e.node === 'enforcement-term');
    const overdue = events.find((e) => e.type === 'node-overdue' && e.node === 'enforcement-term');
    const escalated = events.find((e) => e.type === 'node-task-started' && e.task === 'overdue-node');
    // A2 window: the last 5 days, 29 August to 2 September; warning on Monday 31 August (2 working days before).
    expect(extension?.at).toBe('2026-08-28T16:00:00.000Z');
    expect(warned?.at).toBe('2026-08-30T16:00:00.000Z');
    expect(overdue?.at).toBe('2026-09-02T16:00:00.000Z');
    expect(escalated?.at).toBe('2026-09-02T16:00:00.000Z');
    // The president's task timed out at the top of its ladder (nobody decided): the case is not parked for it.
    const requested = events.filter((e) => e.type === 'approval-requested');
    const steps = requested.map((e) => (e.type === 'approval-requested' ? `${e.step}:${e.requiredRole}` : ''));
    expect(steps).toEqual(
      expect.arrayContaining(['term-extension:president', 'overdue-node:team-lead', 'overdue-node:bureau-chief']),
    );
    expect((await s.load(caseId)).status).toBe('awaiting-officer');
    expect(s.alerts.some((a) => a.kind === 'node-warning' && a.caseId === caseId)).toBe(true);
    expect(s.alerts.some((a) => a.kind === 'node-overdue' && a.caseId === caseId)).toBe(true);
    // Each milestone fired once, at its own moment, though the clock jumped.
    expect(events.filter((e) => e.type === 'node-warned' && e.node === 'enforcement-term')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'node-task-started')).toHaveLength(2);
  });

  it('an extension the president approves moves the due date by the months decided; the term is watched again', async () => {
    const s = await open({ script: respondentWith({ eService: 'ok', assets: [DEPOSIT] }) });
    const caseId = await stalled(s, 702);
    await advanceTo(s, '2026-08-29T01:00:00.000Z'); // the extension request is out
    const [task] = (await s.pending(caseId)).filter((a) => a.step === 'term-extension');
    expect(task?.requiredRole).toBe('president');
    expect(task?.summary).toContain('2026-09-02');
    const refused = await s.runtime.decide({
      approvalId: task?.approvalId ?? '',
      decision: 'approved',
      userId: 'song-jian',
      data: { months: 7 },
    });
    expect(refused).toMatchObject({ ok: false, status: 400 });
    const decided = await s.runtime.decide({
      approvalId: task?.approvalId ?? '',
      decision: 'approved',
      userId: 'song-jian',
      reason: '案情复杂，需继续处置',
      data: { months: 3 },
    });
    expect(decided).toMatchObject({ ok: true });
    const term = (await s.load(caseId)).nodes['enforcement-term'];
    expect(term).toMatchObject({ dueDate: '2026-12-02', originalDueDate: '2026-09-02', extensions: 1, status: 'open' });
    expect(term?.warnedAt).toBeUndefined();
    // Nothing is overdue on 3 September any more; the new window opens on 28 November.
    await s.runtime.advance(10 * DAY);
    const events = await eventsOf(s, caseId);
    expect(events.some((e) => e.type === 'node-overdue' && e.node === 'enforcement-term')).toBe(false);
    await s.runtime.advance(85 * DAY);
    const again = (await eventsOf(s, caseId)).filter(
      (e) => e.type === 'node-task-started' && e.task === 'term-extension',
    );
    expect(again.map((e) => e.at)).toEqual(['2026-08-28T16:00:00.000Z', '2026-11-27T16:00:00.000Z']);
  });
});
