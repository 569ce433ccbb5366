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
      .map((o) => (o as PromiseFulfilledResult<{ outcome: string; caseId?: string }>).value);
    // Concurrent copies of one event id are absorbed by idempotency: refused while the first is in progress, or
    // (the runtime runs one unit of work at a time) answered with the first one's stored outcome: one case id.
    expect(fulfilled.length).toBeGreaterThan(0);
    expect(new Set(fulfilled.map((o) => o.caseId)).size).toBe(1);
    for (const o of outcomes)
      if (o.status === 'rejected') expect((o.reason as Error).name).toBe('IdempotencyAlreadyInProgressError');
    expect(rows(s.runtime, 'cases')).toHaveLength(1);
    const journal = rows(s.runtime, 'journal');
    const filings = journal.filter((i) => String(i.body).includes('"case-filed"'));
    expect(filings).toHaveLength(1);
    const starts = s.events.filter((e) => e.type === 'execution-started' && e.machine === 'service');
    expect(starts).toHaveLength(1);
  });

  it('the same event delivered again later is answered from idempotency as a duplicate, never a second created', async () => {
    const s = await open({ script: respondentWith({ eService: 'ok', assets: [] }) });
    const event = filingEvent(64, { eventId: 'same' });
    const first = await s.runtime.intake(event);
    const again = await s.runtime.intake(event);
    expect(first.outcome).toBe('created');
    expect(again).toEqual({
      outcome: 'duplicate',
      caseId: 'caseId' in first ? first.caseId : '',
      caseNumber: 'caseNumber' in first ? first.caseNumber : '',
      restarted: false,
    });
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

describe('an event refused for what its shape cannot say (domain/intake/checks.ts)', () => {
  it('nested 3,000 deep (18 KB): refused and recorded, its text kept for review, the runtime alive', async () => {
    const s = await open();
    const deep = filingEvent(70);
    let nested: unknown = 1;
    for (let i = 0; i < 3000; i++) nested = [nested, 'x'];
    (deep.detail as Record<string, unknown>).note = nested;
    expect(JSON.stringify(deep).length).toBeGreaterThan(18_000);
    const outcome = await s.runtime.intake(deep);
    expect(outcome).toEqual({
      outcome: 'rejected',
      eventId: 'event-70',
      reasons: ['(event): nested deeper than 32 levels'],
    });
    expect(await s.runtime.deps.rejections.list(10)).toMatchObject([{ eventId: 'event-70' }]);
    const letters = await s.runtime.runtimeStore.deadLetters(10);
    const kept = letters[0]?.body as { event?: { text?: string } } | undefined;
    expect(kept?.event?.text).toContain('"id":"event-70"');
    // Still serving: the next good event becomes a case.
    expect((await s.runtime.intake(filingEvent(71))).outcome).toBe('created');
  });

  const refusedFor: [string, (d: ReturnType<typeof filingEvent>['detail']) => void, string][] = [
    [
      'a wrong ID check digit',
      (d) => {
        d.respondents[0].idNumber = '130922199001010034';
      },
      'detail.respondents.0.idNumber: check digit does not match (GB 11643-1999)',
    ],
    [
      'an all-zero ID number',
      (d) => {
        d.applicants[0].idNumber = '000000000000000000';
      },
      'detail.applicants.0.idNumber: must not be all zeros',
    ],
    [
      'an unknown court code',
      (d) => {
        d.court.code = 'ZZ9999';
      },
      'detail.court.code: not a court this platform serves (staff directory)',
    ],
    [
      'an applicant who is also the respondent',
      (d) => {
        d.respondents[0].idNumber = d.applicants[0].idNumber;
      },
      'detail.respondents.0.idNumber: the same party as an applicant',
    ],
    [
      'a filing in year 1',
      (d) => {
        d.filedAt = '0001-01-01T09:00:00+08:00';
      },
      'detail.filedAt: must be between 1949-10-01 and today',
    ],
    [
      'a filing in year 9999',
      (d) => {
        d.filedAt = '9999-12-31T09:00:00+08:00';
      },
      'detail.filedAt: must be between 1949-10-01 and today',
    ],
  ];
  it.each(refusedFor)('%s: refused with the field named, recorded, no case', async (_, change, reason) => {
    const s = await open();
    const event = filingEvent(80);
    change(event.detail);
    const outcome = await s.runtime.intake(event);
    expect(outcome).toMatchObject({ outcome: 'rejected', eventId: 'event-80' });
    expect(outcome.outcome === 'rejected' ? outcome.reasons : []).toContain(reason);
    expect(await s.runtime.deps.rejections.list(10)).toMatchObject([{ eventId: 'event-80' }]);
    expect(rows(s.runtime, 'journal')).toEqual([]);
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
