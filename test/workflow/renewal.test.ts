/**
 * Seizure book-keeping and renewals (B1, B2, P-RENEWAL) on the virtual clock: every held seizure is scheduled for
 * renewal, renewed before it expires through the partner network, by a chain of executions none of which waits a
 * year; a renewal that fails is sent again, alerts the command center and is escalated before the seizure lapses.
 */
import { describe, expect, it } from 'vitest';
import type { RespondentScript, SimulatorScript } from '#adapters/simulators/partner-simulator.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import { DAY, filingEvent, RESPONDENT_ID, type Scenario, scenarios } from '../support/runtime.ts';

const open = scenarios();
const YEAR = 365 * DAY;

/**
 * A deposit too small for the claim (frozen; the bank never answers the deduction) and a flat in the court's own area
 * (sealed) that nobody buys and the applicant does not take: it is released after its auctions, the deposit stays.
 */
function world(extra: Partial<RespondentScript> = {}): RespondentScript {
  return {
    eService: 'ok',
    deduct: 'silent',
    assets: [
      { channel: 'icbc', class: 'deposit', reference: '6222 **** 0001', balanceFen: 1_000_000 },
      { channel: 'real-estate-registry', class: 'real-estate', reference: '冀(2024)青县不动产权第0001号' },
    ],
    ...extra,
  };
}

function script(n: number, respondent: RespondentScript): SimulatorScript {
  return {
    respondents: { [RESPONDENT_ID]: respondent },
    cases: {
      [filingEvent(n).detail.caseNumber]: {
        disposal: { auctions: ['failed', 'failed'], inLieu: 'decline', fixedPrice: 'unsold' },
      },
    },
  };
}

async function held(s: Scenario, n: number): Promise<string> {
  const outcome = await s.runtime.intake(filingEvent(n));
  if (outcome.outcome !== 'created') throw new Error('not created');
  await s.liveUntil(outcome.caseId, (c) => c.status === 'disposing', 30);
  return outcome.caseId;
}

async function events(s: Scenario, caseId: string): Promise<CaseEvent[]> {
  return (await s.runtime.cases.history(caseId)).flatMap((c) => c.events);
}

async function renewalExecutions(s: Scenario, caseId: string) {
  const found = [];
  for (let run = 1; ; run++) {
    const execution = await s.runtime.runtimeStore.getExecution(`${caseId}-renewal-${run}`);
    if (!execution) return found;
    found.push(execution);
  }
}

describe('B1: the seizure’s end date is the one on the bank’s receipt', () => {
  it('a bank that registers a year’s freeze to the day before the anniversary: the case keeps that day, and the renewal is planned from it', async () => {
    const s = await open({ script: script(509, world({ receiptExpiry: 'day-before' })) });
    const caseId = await held(s, 509);
    const seized = await s.load(caseId);
    const deposit = Object.values(seized.assets).find((a) => a.class === 'deposit');
    const flat = Object.values(seized.assets).find((a) => a.class === 'real-estate');
    // The receipt states 5 March 2027 (frozen on 6 March 2026, recorded when the answer came back on the 7th): that
    // day, not a year from the day the answer was recorded.
    expect(deposit).toMatchObject({ status: 'frozen', seizedOn: '2026-03-07', freezeExpiresOn: '2027-03-05' });
    // The registry's receipt likewise: three years from the day the seal took effect, less a day.
    expect(flat).toMatchObject({ status: 'sealed', freezeExpiresOn: '2029-03-05' });
    // The renewal order goes out a policy lead before the receipt's day, a day earlier than without it.
    expect(deposit?.renewal).toMatchObject({ sendOn: '2027-02-03', escalateOn: '2027-02-23' });
  });
});

describe('seizure renewals (B1, B2)', () => {
  it('seizure renewal scheduled and executed before expiry: a deposit freeze renewed for another year, by a chain of short executions', async () => {
    const s = await open({ script: script(500, world()) });
    const caseId = await held(s, 500);
    const seized = await s.load(caseId);
    const deposit = Object.values(seized.assets).find((a) => a.class === 'deposit');
    const flat = Object.values(seized.assets).find((a) => a.class === 'real-estate');
    expect(deposit).toMatchObject({ status: 'frozen', seizedOn: '2026-03-06', freezeExpiresOn: '2027-03-06' });
    expect(flat).toMatchObject({ status: 'sealed', freezeExpiresOn: '2029-03-06' });
    // Scheduled at once: the renewal order a policy lead before expiry, the escalation before that can lapse.
    expect(seized.nodes[`renewal:${deposit?.assetId}`]).toMatchObject({
      ruleId: 'B2',
      dueDate: '2027-02-24',
      status: 'open',
    });
    expect(deposit?.renewal).toMatchObject({ sendOn: '2027-02-04', escalateOn: '2027-02-24', attempts: 0 });

    await s.runtime.advance(YEAR + 60 * DAY);

    const later = await s.load(caseId);
    const renewed = (await events(s, caseId)).filter((e) => e.type === 'seizure-renewed');
    expect(renewed).toEqual([
      expect.objectContaining({ assetId: deposit?.assetId, from: '2027-03-06', expiresOn: '2028-03-06' }),
    ]);
    expect(later.assets[deposit?.assetId ?? '']).toMatchObject({
      status: 'frozen',
      seizedOn: '2027-03-06',
      freezeExpiresOn: '2028-03-06',
      renewals: 1,
    });
    // The renewal went out on its day and was done before the node's due date, long before expiry.
    const sent = (await s.runtime.cases.history(caseId)).find((c) => c.events.some((e) => e.type === 'renewal-sent'));
    expect(sent?.at.slice(0, 10)).toBe('2027-02-04');
    const node = Object.values(later.nodes).filter((n) => n.node === `renewal:${deposit?.assetId}`);
    expect(node[0]).toMatchObject({ dueDate: '2028-02-25', status: 'open' });
    expect((await events(s, caseId)).some((e) => e.type === 'seizure-lapsed')).toBe(false);
    // The flat's seal runs three years: scheduled, not yet due.
    expect(later.assets[flat?.assetId ?? '']?.renewal).toMatchObject({ sendOn: '2029-02-04' });
    // A chain of executions, each one waiting far under Step Functions' one-year limit.
    const executions = await renewalExecutions(s, caseId);
    expect(executions.length).toBeGreaterThanOrEqual(3);
    for (const execution of executions.filter((e) => e.endedAt)) {
      expect(Date.parse(execution.endedAt ?? '') - Date.parse(execution.startedAt)).toBeLessThan(200 * DAY * 1000);
      expect(execution.status).toBe('succeeded');
    }
    expect(s.path(caseId, 'renewal')).toEqual(
      expect.arrayContaining([
        'OpenRenewal',
        'WaitForRenewalDay',
        'AdvanceRenewal',
        'AwaitRenewal',
        'StartNextRenewal',
      ]),
    );
  });

  it('a renewal that fails is sent again, alerts the command center each time, and is escalated before the freeze lapses', async () => {
    const s = await open({ script: script(501, world({ renew: 'failed' })) });
    const caseId = await held(s, 501);
    await s.runtime.advance(YEAR + 10 * DAY);

    const list = await events(s, caseId);
    const deposit = Object.values((await s.load(caseId)).assets).find((a) => a.class === 'deposit');
    const failed = list.filter((e) => e.type === 'renewal-failed');
    expect(failed.map((e) => e.type === 'renewal-failed' && [e.attempt, e.final])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    // Other nodes of the case (the enforcement term, ...) go overdue too over the year: only the renewal's counts.
    const order = list
      .filter(
        (e) =>
          ['renewal-escalated', 'seizure-lapsed'].includes(e.type) ||
          (e.type === 'node-overdue' && e.node === `renewal:${deposit?.assetId}`),
      )
      .map((e) => e.type);
    // Escalated as soon as the attempts ran out, the node overdue at its date: only then the lapse.
    expect(order).toEqual(['renewal-escalated', 'node-overdue', 'seizure-lapsed']);
    expect(deposit?.status).toBe('lapsed');
    const messages = s.alerts.map((a) => a.message);
    expect(messages.filter((m) => m.includes('续行未成功'))).toHaveLength(3);
    expect(messages.some((m) => m.includes('请承办人立即处理'))).toBe(true);
    expect(messages.some((m) => m.includes('已于2027-03-06到期失效'))).toBe(true);
    const escalatedAt = s.alerts.findIndex((a) => a.message.includes('请承办人立即处理'));
    const lapsedAt = s.alerts.findIndex((a) => a.message.includes('到期失效'));
    expect(escalatedAt).toBeLessThan(lapsedAt);
  });
});
