/** Intake: duplicates converge on one case, a malformed event is refused with the field named and nothing written. */
import { describe, expect, it } from 'vitest';
import { filingEvent, respondentWith, scenarios } from '../support/runtime.ts';
import { rows } from '../support/store.ts';

const open = scenarios();

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
    expect(rows(s.runtime, 'cases')).toHaveLength(1);
    const journal = rows(s.runtime, 'journal');
    const filings = journal.filter((i) => String(i.body).includes('"case-filed"'));
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
    expect(rows(s.runtime, 'journal')).toEqual([]);
    expect(rows(s.runtime, 'cases')).toEqual([]);
    expect(rows(s.runtime, 'case_nodes')).toEqual([]);
    expect(rows(s.runtime, 'intake_rejections')).toHaveLength(1);
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
