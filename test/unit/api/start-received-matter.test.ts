/**
 * The staff action "this court started on the received matter" (H1, 民诉法 第二百四十条: started within 15 days of
 * the entrustment's arrival), as the use case the API route runs: the start node met in time or late, a finished
 * matter refused in Chinese, a second start no change, another court's matter none, a field officer refused.
 */
import { describe, expect, it } from 'vitest';
import type { Instant } from '#domain/calendar/local-date.ts';
import { finishMatter, type ReceivedMatter, receiveMatter } from '#domain/entrustment/received.ts';
import { receivedMatterIdFor } from '#domain/ids.ts';
import { RULES } from '#domain/rules/table.ts';
import type { Identity } from '#domain/staff/roles.ts';
import type { Alert } from '#ports/alerts.ts';
import { ReceivedMatterConflictError, type ReceivedMatterStore } from '#ports/received-matters.ts';
import { UseCaseError } from '#use-cases/errors.ts';
import { startEntrustedMatter, sweepOverdueMatters } from '#use-cases/received-matters.ts';
import { calendar, cst, d } from '../../support/calendar.ts';

const OFFICER: Identity = { userId: 'ma-chao', roles: ['handling-officer'], court: 'HB0922' };

function memoryStore(): ReceivedMatterStore & { readonly saves: ReceivedMatter[] } {
  const matters = new Map<string, ReceivedMatter>();
  const saves: ReceivedMatter[] = [];
  return {
    saves,
    async get(matterId) {
      return matters.get(matterId);
    },
    async create(matter) {
      if (matters.has(matter.matterId)) return false;
      matters.set(matter.matterId, { ...matter, version: 1 });
      return true;
    },
    async save(next) {
      const stored = matters.get(next.matterId);
      if (!stored || stored.version !== next.version - 1) throw new ReceivedMatterConflictError(next.matterId);
      matters.set(next.matterId, next);
      saves.push(next);
    },
    async listByCourt(court) {
      return [...matters.values()].filter((m) => m.court === court);
    },
    async listOpen(court) {
      return [...matters.values()].filter((m) => m.court === court && m.status === 'open');
    },
  };
}

async function scenario(receivedOn: string) {
  const received = memoryStore();
  let now: Instant = cst(`${receivedOn} 09:00`);
  const matterId = receivedMatterIdFor('HL0123', '（2026）黑0123执100号', 'seal', '黑(2019)某县不动产权第0001号');
  const matter = receiveMatter(
    {
      matterId,
      court: 'HB0922',
      fromCourt: { code: 'HL0123', name: '黑龙江省某县人民法院' },
      fromCaseNumber: '（2026）黑0123执100号',
      kind: 'seal',
      reference: '黑(2019)某县不动产权第0001号',
      receivedOn: d(receivedOn),
    },
    'ma-chao',
    now,
    RULES,
    calendar,
  );
  await received.create(matter);
  const clock = { now: () => now };
  const start = startEntrustedMatter({ clock, received });
  const alerts: Alert[] = [];
  const sweepNow = sweepOverdueMatters({
    clock,
    received,
    alerts: {
      alert: async (alert: Alert) => {
        alerts.push(alert);
      },
    },
    staff: { courts: async () => ['HB0922'] } as never,
  });
  return {
    received,
    matterId,
    alerts,
    sweep: (at: string) => {
      now = cst(at);
      return sweepNow();
    },
    start: (at: string, caller: Identity = OFFICER) => {
      now = cst(at);
      return start(caller, { matterId });
    },
  };
}

describe('starting a received matter (H1: within 15 days of its arrival)', () => {
  it('pass: started on the 15th day (03-02 + 15 = 03-17) meets the start node, on time', async () => {
    const s = await scenario('2026-03-02');
    const started = await s.start('2026-03-17 16:00');
    expect(started).toMatchObject({
      status: 'open',
      startedLate: false,
      startNode: { ruleId: 'H1', dueDate: '2026-03-17', status: 'met', metAt: cst('2026-03-17 16:00') },
      version: 2,
    });
    expect(started.history.at(-1)).toMatchObject({ action: 'started', by: 'ma-chao' });
  });

  it('fail: started on the 16th day is recorded as started late', async () => {
    const s = await scenario('2026-03-02');
    const started = await s.start('2026-03-18 09:00');
    expect(started).toMatchObject({ startedLate: true, startNode: { status: 'met' } });
  });

  it('starting twice is no change: the first start stands, nothing written again', async () => {
    const s = await scenario('2026-03-02');
    const first = await s.start('2026-03-05 10:00');
    const again = await s.start('2026-03-20 10:00');
    expect(again).toEqual(first);
    expect(again.startedLate).toBe(false);
    expect(s.received.saves).toHaveLength(1);
  });

  it('a finished matter cannot be started: a conflict in plain Chinese', async () => {
    const s = await scenario('2026-03-02');
    const stored = (await s.received.get(s.matterId)) as ReceivedMatter;
    const done = finishMatter(stored, 'completed', '已查封', 'ma-chao', cst('2026-03-10 10:00')) as ReceivedMatter;
    await s.received.save({ ...done, version: stored.version + 1 });
    const refusal = await s.start('2026-03-11 10:00').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UseCaseError);
    expect(refusal).toMatchObject({ status: 409, message: '委托事项已办结，不能再登记开始办理' });
  });

  it('refuses a field officer, and another court sees no such matter', async () => {
    const s = await scenario('2026-03-02');
    const field: Identity = { userId: 'fan-tao', roles: ['field-officer'], court: 'HB0922' };
    await expect(s.start('2026-03-05 10:00', field)).rejects.toMatchObject({ status: 403 });
    const elsewhere: Identity = { userId: 'qian-lei', roles: ['handling-officer'], court: 'HL0123' };
    await expect(s.start('2026-03-05 10:00', elsewhere)).rejects.toMatchObject({ status: 404 });
    expect(s.received.saves).toEqual([]);
  });
});

describe("the sweep and a received matter not started within H1's 15 days (03-02 + 15 = 03-17)", () => {
  it('fail: unstarted past the 15th day, the command center is told once in Chinese and the start node is overdue', async () => {
    const s = await scenario('2026-03-02');
    expect(await s.sweep('2026-03-17 23:00')).toEqual([]);
    expect(await s.sweep('2026-03-18 09:00')).toEqual([s.matterId]);
    expect(s.alerts).toHaveLength(1);
    expect(s.alerts[0]).toMatchObject({ kind: 'received-matter-start-overdue', caseId: s.matterId, court: 'HB0922' });
    expect(s.alerts[0]?.message).toContain('逾期未开始办理');
    expect(s.alerts[0]?.message).toContain('2026-03-17');
    const marked = await s.received.get(s.matterId);
    expect(marked?.startNode?.status).toBe('overdue');
    expect(marked?.node.status).toBe('open');
    expect(marked?.history.filter((h) => h.action === 'start-overdue-alerted')).toHaveLength(1);
    // Not twice: the next sweep finds it marked.
    expect(await s.sweep('2026-03-19 09:00')).toEqual([]);
    expect(s.alerts).toHaveLength(1);
    // Started late after the alert: met, recorded as started late.
    expect(await s.start('2026-03-19 10:00')).toMatchObject({ startedLate: true, startNode: { status: 'met' } });
  });

  it('pass: started on day 3, nobody is told when the 15 days pass', async () => {
    const s = await scenario('2026-03-02');
    await s.start('2026-03-05 10:00');
    expect(await s.sweep('2026-03-18 09:00')).toEqual([]);
    expect(s.alerts).toEqual([]);
    expect((await s.received.get(s.matterId))?.history.map((h) => h.action)).not.toContain('start-overdue-alerted');
  });
});
