/**
 * H1 in both directions, through the staff API on the embedded runtime: this court's case entrusts a flat to the
 * court where it lies (sent), and other courts entrust matters to this court (received): recorded with H1's due
 * date over the Qingming holiday, completed on the due day (on time) and the day after (late), an open one told to
 * the command center once, one started on day 3 within H1's 15 days, and both directions counted for the month.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { secondsUntil } from '#domain/calendar/local-date.ts';
import type { ReceivedMatter } from '#domain/entrustment/received.ts';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { cst } from '../support/calendar.ts';
import { filingEvent, RESPONDENT_ID } from '../support/runtime.ts';

const ELSEWHERE = { code: 'HL0123', name: '黑龙江省某县人民法院' };
const REQUESTING = { code: 'GD0105', name: '广东省广州市海珠区人民法院' };

describe('matters entrusted to this court (H1, received) and both directions counted', () => {
  let s: ApiScenario;
  afterAll(async () => {
    await s?.close();
  });

  it('records, finishes on time and late, alerts the overdue one once, and counts', async () => {
    s = await apiScenario(
      {
        script: {
          respondents: {
            [RESPONDENT_ID]: {
              eService: 'ok',
              assets: [
                {
                  channel: 'real-estate-registry',
                  class: 'real-estate',
                  reference: '黑(2019)某县不动产权第0001号',
                  region: '黑龙江省某县',
                  locatedCourt: ELSEWHERE,
                },
              ],
            },
          },
          courts: { [ELSEWHERE.code]: { entrustment: 'completed', afterDays: 10 } },
        },
      },
      { checkGets: true },
    );
    const r = s.request;
    // Sent: this court's case entrusts the flat to the court where it lies.
    const outcome = await s.runtime.intake(filingEvent(95));
    if (outcome.outcome !== 'created') throw new Error('not created');
    await s.liveUntil(outcome.caseId, (state) => Object.keys(state.entrustments).length > 0, 30);
    const target = cst('2026-03-06 10:00');
    const wait = secondsUntil(s.runtime.clock.now(), target);
    if (wait > 0) await s.runtime.advance(wait);

    // Received: four matters from a court in Guangdong, on 03-06 (due 04-07: 04-05 falls in Qingming).
    const receive = (kind: string, reference: string, as = 'ma-chao') =>
      r<{ matter: ReceivedMatter; created: boolean }>('POST', '/entrustments/received', {
        as,
        body: { fromCourt: REQUESTING, fromCaseNumber: '（2026）粤0105执200号', kind, reference },
      });
    const ids: string[] = [];
    for (const [kind, reference] of [
      ['seal', '粤(2020)广州市不动产权第0100号'],
      ['freeze', '6222 **** 0100'],
      ['deduct', '6222 **** 0101'],
      ['investigate', 'R-0102'],
    ]) {
      const { status, body } = await receive(kind as string, reference as string);
      expect(status).toBe(200);
      expect(body.created).toBe(true);
      expect(body.matter.node).toMatchObject({ ruleId: 'H1', startedOn: '2026-03-06', dueDate: '2026-04-07' });
      ids.push(body.matter.matterId);
    }
    const [onTimeEarly, onTimeLastDay, late, open] = ids as [string, string, string, string];
    // The same entrustment twice is the first one; a field officer may not record one; another court sees none.
    expect((await receive('seal', '粤(2020)广州市不动产权第0100号')).body).toMatchObject({
      created: false,
      matter: { matterId: onTimeEarly },
    });
    expect((await receive('seal', 'x', 'fan-tao')).status).toBe(403);
    expect((await r('GET', '/entrustments/received', { as: 'qian-lei' })).body).toEqual({ items: [] });
    expect(
      (await r('POST', `/entrustments/received/${open}/assign`, { as: 'qian-lei', body: { to: 'qian-lei' } })).status,
    ).toBe(404);
    // Assigned by the team lead; not to someone of another court.
    expect(
      (await r('POST', `/entrustments/received/${open}/assign`, { as: 'li-qiang', body: { to: 'qian-lei' } })).status,
    ).toBe(400);
    const assigned = await r<ReceivedMatter>('POST', `/entrustments/received/${open}/assign`, {
      as: 'li-qiang',
      body: { to: 'ma-chao' },
    });
    expect(assigned.body.assignee).toBe('ma-chao');

    const finish = (matterId: string, outcome: 'completed' | 'reported-back', result: string) =>
      r<ReceivedMatter>('POST', `/entrustments/received/${matterId}/outcome`, {
        as: 'ma-chao',
        body: { outcome, result },
      });
    expect((await finish(onTimeEarly, 'completed', '已查封，查封期限三年')).body).toMatchObject({ late: false });
    expect((await finish(onTimeEarly, 'reported-back', '改为函复')).status).toBe(409);

    // H1's start (民诉法 第二百四十条: started within 15 days): the open matter started on day 3 meets its start node.
    await s.runtime.advance(secondsUntil(s.runtime.clock.now(), cst('2026-03-09 10:00')));
    const start = (matterId: string, as = 'ma-chao') =>
      r<ReceivedMatter>('POST', `/entrustments/received/${matterId}/start`, { as });
    const started = await start(open);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: 'open', startedLate: false, startNode: { status: 'met' } });
    const startDue = started.body.startNode?.dueDate;
    expect(startDue).toBe('2026-03-23'); // 03-06 + 15 = 03-21, a Saturday: the Monday after.
    // Again is no change; a finished matter is refused in Chinese; a field officer may not.
    expect((await start(open)).body).toEqual(started.body);
    const finished = await start(onTimeEarly);
    expect(finished.status).toBe(409);
    expect(JSON.stringify(finished.body)).toContain('委托事项已办结，不能再登记开始办理');
    expect((await start(late, 'fan-tao')).status).toBe(403);
    // Day 16 (the start due 03-23): the started matter is met and nobody is told of it; the sweep tells the command
    // center, once each, of the open ones nobody started, and their start node is overdue.
    await s.runtime.advance(secondsUntil(s.runtime.clock.now(), cst('2026-03-24 09:30')));
    expect(s.alerts.filter((a) => a.caseId === open)).toEqual([]);
    const unstarted = s.alerts.filter((a) => a.kind === 'received-matter-start-overdue');
    expect(unstarted.map((a) => a.caseId).sort()).toEqual([late, onTimeLastDay].sort());
    expect(unstarted[0]?.message).toContain('逾期未开始办理');
    expect(unstarted[0]?.message).toContain('2026-03-23');
    const early = await r<{ items: ReceivedMatter[] }>('GET', '/entrustments/received?status=open', { as: 'zhao-min' });
    const byId = new Map(early.body.items.map((m) => [m.matterId, m]));
    expect(byId.get(open)).toMatchObject({
      startNode: { status: 'met' },
      startedLate: false,
      node: { status: 'open' },
    });
    expect(byId.get(late)?.startNode?.status).toBe('overdue');
    expect(byId.get(late)?.history.filter((h) => h.action === 'start-overdue-alerted')).toHaveLength(1);

    // Pass: completed on the due day, the first working day after Qingming.
    await s.runtime.advance(secondsUntil(s.runtime.clock.now(), cst('2026-04-07 16:00')));
    expect((await finish(onTimeLastDay, 'completed', '已冻结')).body).toMatchObject({
      status: 'completed',
      late: false,
    });
    expect(
      (await r<{ alerted: string[] }>('POST', '/entrustments/received/overdue-check', { as: 'zhao-min' })).body,
    ).toEqual({
      alerted: [],
    });

    // Fail: the day after, two are still open: the sweep (the runtime's due work, the scheduled sweeper on AWS)
    // tells the command center of both without anyone asking, once; a check asked for by staff finds none left.
    expect(s.alerts.filter((a) => a.kind === 'received-matter-overdue')).toEqual([]);
    await s.runtime.advance(secondsUntil(s.runtime.clock.now(), cst('2026-04-08 09:30')));
    const check = await r<{ alerted: string[] }>('POST', '/entrustments/received/overdue-check', { as: 'zhao-min' });
    expect(check.body.alerted).toEqual([]);
    expect(
      (await r<{ alerted: string[] }>('POST', '/entrustments/received/overdue-check', { as: 'zhao-min' })).body,
    ).toEqual({
      alerted: [],
    });
    const alerts = s.alerts.filter((a) => a.kind === 'received-matter-overdue');
    expect(alerts.map((a) => a.caseId).sort()).toEqual([late, open].sort());
    // Still told only once that the start was missed.
    expect(s.alerts.filter((a) => a.kind === 'received-matter-start-overdue')).toHaveLength(2);
    expect(alerts[0]?.message).toContain('2026-04-07');
    expect((await finish(late, 'reported-back', '该账户已销户，无法扣划')).body).toMatchObject({
      status: 'reported-back',
      late: true,
      node: { status: 'met' },
      // Never started before: finished after the 15 days counts as started late.
      startedLate: true,
    });

    const listing = await r<{ items: ReceivedMatter[] }>('GET', '/entrustments/received?status=open', {
      as: 'zhao-min',
    });
    expect(listing.body.items.map((m) => m.matterId)).toEqual([open]);
    expect(listing.body.items[0]?.node.status).toBe('overdue');

    // Both directions for March.
    const counts = await r('GET', '/entrustments/counts?from=2026-03-01&to=2026-03-31', { as: 'cao-yue' });
    expect(counts.body).toEqual({
      court: 'HB0922',
      from: '2026-03-01',
      to: '2026-03-31',
      sent: 1,
      received: 4,
      receivedOnTime: 2,
      receivedLate: 1,
      receivedOpen: 1,
      receivedOverdue: 1,
    });
    expect((await r('GET', '/entrustments/counts?from=2026-04-01&to=2026-03-01', { as: 'cao-yue' })).status).toBe(400);
    // Every GET changed nothing.
    expect(s.unchangedGets.length).toBe(s.exchanges.filter((e) => e.method === 'GET').length);
  }, 120_000);
});
