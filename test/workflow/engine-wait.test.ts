/**
 * The engine's Wait states (the shipped definitions wait only on task tokens, but later phases wait on dates):
 * a Wait parks the execution durably and it resumes at the timestamp, on the virtual clock.
 */
import { describe, expect, it } from 'vitest';
import type { Definition } from '#workflows/asl.ts';
import { DEFINITIONS } from '#workflows/index.ts';
import { localDefinitions } from '../../local/runtime/definitions.ts';
import { filingEvent, respondentWith, scenarios } from '../support/runtime.ts';

const WAKE = '2026-03-09T01:00:00.000Z';
const waiting: Definition = {
  Comment: 'Wait until a date, then triage (IssueDocuments triages first)',
  StartAt: 'WakeAt',
  States: {
    WakeAt: { Type: 'Pass', Result: WAKE, ResultPath: '$.wakeAt', Next: 'Sleep' },
    Sleep: { Type: 'Wait', TimestampPath: '$.wakeAt', Next: 'IssueDocuments' },
    IssueDocuments: DEFINITIONS.service.States.IssueDocuments ?? { Type: 'Succeed' },
    StartInvestigation: { Type: 'Succeed' },
    RecordNeedsAttention: DEFINITIONS.service.States.RecordNeedsAttention ?? { Type: 'Succeed' },
    Failed: DEFINITIONS.service.States.Failed ?? { Type: 'Succeed' },
  },
};

const open = scenarios();

describe('a Wait state', () => {
  it('parks the execution until its timestamp, then goes on at that moment', async () => {
    const s = await open({
      definitions: { ...localDefinitions(), service: localDefinitions({ ...DEFINITIONS, service: waiting }).service },
      script: respondentWith({ eService: 'ok', assets: [] }),
    });
    const outcome = await s.runtime.intake(filingEvent(110));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const execution = `${outcome.caseId}-service-1`;
    expect(await s.runtime.runtimeStore.getExecution(execution)).toMatchObject({
      status: 'waiting',
      waiting: { kind: 'timer', state: 'Sleep', fireAt: WAKE },
    });
    expect((await s.load(outcome.caseId)).status).toBe('filed');

    await s.runtime.advance(10 * 86_400);
    expect(s.path(outcome.caseId, 'service')).toEqual(['WakeAt', 'Sleep', 'IssueDocuments', 'StartInvestigation']);
    const triaged = (await s.runtime.cases.history(outcome.caseId)).find((c) =>
      c.events.some((e) => e.type === 'case-triaged'),
    );
    expect(triaged?.at).toBe(WAKE);
    expect((await s.runtime.runtimeStore.getExecution(execution))?.status).toBe('succeeded');
  });
});
