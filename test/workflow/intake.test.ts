/** Intake: duplicates converge on one case, a malformed event is refused with the field named and nothing written. */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { LOCAL_TABLES } from '../../local/runtime/local-store.ts';
import { filingEvent, respondentWith, type Scenario, scenarios } from '../support/runtime.ts';

const open = scenarios();

async function items(s: Scenario, table: string): Promise<Record<string, unknown>[]> {
  const client = (
    s.runtime as unknown as {
      store: { client: { send: (c: unknown) => Promise<{ Items?: Record<string, unknown>[] }> } };
    }
  ).store.client;
  return (await client.send(new ScanCommand({ TableName: table }))).Items ?? [];
}

describe('duplicate intake', () => {
  it('three identical events at once make exactly one case and one first-phase execution', async () => {
    const s = await open({ script: respondentWith({ eService: 'ok', assets: [] }) });
    const event = filingEvent(60);
    const outcomes = await Promise.allSettled([
      s.runtime.intake(event),
      s.runtime.intake(event),
      s.runtime.intake(event),
    ]);
    await s.runtime.runUntilIdle();
    const fulfilled = outcomes
      .filter((o) => o.status === 'fulfilled')
      .map((o) => (o as PromiseFulfilledResult<{ outcome: string }>).value.outcome);
    // Concurrent copies of one event id are absorbed by idempotency (in progress) or converge on the case id.
    expect(fulfilled.filter((o) => o === 'created')).toHaveLength(1);
    for (const o of outcomes)
      if (o.status === 'rejected') expect((o.reason as Error).name).toBe('IdempotencyAlreadyInProgressError');
    const cases = (await items(s, LOCAL_TABLES.cases)).filter((i) => (i.sk as { S: string }).S === 'CASE');
    expect(cases).toHaveLength(1);
    const journal = await items(s, LOCAL_TABLES.journal);
    const filings = journal.filter((i) => JSON.stringify(i).includes('"case-filed"'));
    expect(filings).toHaveLength(1);
    const starts = s.events.filter((e) => e.type === 'execution-started' && e.machine === 'service');
    expect(starts).toHaveLength(1);
  });

  it('the same case from three different event ids, at once, is still one case', async () => {
    const s = await open({ script: respondentWith({ eService: 'ok', assets: [] }) });
    const outcomes = await Promise.all(
      [1, 2, 3].map((i) => s.runtime.intake(filingEvent(61, { eventId: `source-${i}` }))),
    );
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['created', 'duplicate', 'duplicate']);
    expect(new Set(outcomes.map((o) => ('caseId' in o ? o.caseId : '')))).toHaveProperty('size', 1);
    expect(s.events.filter((e) => e.type === 'execution-started' && e.machine === 'service')).toHaveLength(1);
  });

  it('a repeat of an event long after is recognised, and does not restart the case', async () => {
    const s = await open({ script: respondentWith({ eService: 'ok', assets: [] }) });
    const first = await s.runtime.intake(filingEvent(62, { eventId: 'a' }));
    await s.runtime.advance(90 * 86_400);
    const again = await s.runtime.intake(filingEvent(62, { eventId: 'b' }));
    expect(first.outcome).toBe('created');
    expect(again).toMatchObject({ outcome: 'duplicate', restarted: false });
  });
});

describe('a malformed event', () => {
  it('is refused with the field named, recorded with its reasons, sent to the dead letters, and writes nothing else', async () => {
    const s = await open();
    const bad = filingEvent(63);
    bad.detail.claim = { principalFen: 12.5 };
    bad.detail.respondents[0].idNumber = 'not-an-id';
    const outcome = await s.runtime.intake(bad);
    expect(outcome).toEqual({
      outcome: 'rejected',
      eventId: 'event-63',
      reasons: [
        'detail.respondents.0.idNumber: must be an 18-character resident ID number or unified social credit code',
        'detail.claim.principalFen: Invalid input: expected int, received number',
      ],
    });
    expect(await items(s, LOCAL_TABLES.journal)).toEqual([]);
    const caseItems = await items(s, LOCAL_TABLES.cases);
    expect(caseItems.map((i) => (i.pk as { S: string }).S)).toEqual(['INTAKE#REJECTED']);
    expect(await s.runtime.deps.rejections.list(10)).toMatchObject([
      { eventId: 'event-63', reasons: outcome.outcome === 'rejected' ? outcome.reasons : [] },
    ]);
    const letters = await s.runtime.runtimeStore.deadLetters(10);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ kind: 'intake-rejected', body: { event: { id: 'event-63' } } });
    expect(s.events).toEqual([]);
  });

  it('is refused when it is not an object at all', async () => {
    const s = await open();
    expect(await s.runtime.intake('hello')).toMatchObject({
      outcome: 'rejected',
      eventId: '(missing)',
      reasons: ['(event): Invalid input: expected object, received string'],
    });
  });
});

describe('triage at a court without a fast-track team (HL0123 has only an implementation team)', () => {
  it('routes a simple case to the team it has, says so in Chinese, and does not park it', async () => {
    const s = await open({ script: respondentWith({ eService: 'ok', assets: [] }) });
    const event = filingEvent(960, { claimFen: 100_000 });
    event.detail.court = { code: 'HL0123', name: '黑龙江省某县人民法院' };
    const outcome = await s.runtime.intake(event);
    if (outcome.outcome !== 'created') throw new Error('not created');
    await s.runtime.runUntilIdle();
    const state = await s.load(outcome.caseId);
    expect(state.status).not.toBe('needs-attention');
    expect(state.track).toBe('simple');
    expect(state.officer).toBeDefined();
    const history = (await s.runtime.cases.history(outcome.caseId)).flatMap((c) => c.events);
    expect(history.find((e) => e.type === 'case-triaged')).toMatchObject({
      reasons: expect.arrayContaining(['本院未设简案快执团队（或无在岗承办人），分至首执实施团队办理']),
    });
    expect(s.path(outcome.caseId, 'service')).not.toContain('RecordNeedsAttention');
  });
});
