/**
 * Party ids on the embedded runtime: keyed with the data directory's own key (an owner-only file), and a data
 * directory from before keyed ids migrated once at open, with an audit commit on each case's journal, the case
 * going on with its new ids.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IntakeEvent } from '#contracts/intake-event.ts';
import { verifyChain } from '#domain/case/journal.ts';
import { caseIdFor, executionName, partyIdFor, unkeyedPartyIdFor } from '#domain/ids.ts';
import { toFiledEvent } from '#use-cases/intake-case.ts';
import { EmbeddedRuntime, PARTY_KEY_FILE } from '../../local/runtime/runtime.ts';
import { KEYED_MARK } from '../../local/store/party-id-migration.ts';
import { DAY, filingEvent, RESPONDENT_ID, START } from '../support/runtime.ts';

const scratch = mkdtempSync(join(tmpdir(), 'party-ids-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('party ids on the embedded runtime', () => {
  it('a new case’s party ids are HMACs with the data directory’s key, kept in an owner-only file', async () => {
    // Prepare
    const dataDir = join(scratch, 'new');
    const runtime = await EmbeddedRuntime.open({ dataDir, clock: 'virtual', startAt: START });

    // Act
    const outcome = await runtime.intake(filingEvent(901));
    const state = outcome.outcome === 'created' ? await runtime.cases.load(outcome.caseId) : undefined;
    await runtime.close();

    // Assess
    const key = readFileSync(join(dataDir, PARTY_KEY_FILE));
    expect(key).toHaveLength(32);
    expect(statSync(join(dataDir, PARTY_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(state?.respondents[0]?.partyId).toBe(partyIdFor(RESPONDENT_ID, key));
    expect(state?.respondents[0]?.partyId).not.toBe(unkeyedPartyIdFor(RESPONDENT_ID));
  });

  it('a case from before keyed ids is migrated once at open: an audit commit, new ids everywhere, the case goes on', async () => {
    // Prepare: a case as the previous release filed it (unkeyed ids), its service phase under way.
    const dataDir = join(scratch, 'old');
    // Data of an earlier release always sits in the embedded DynamoDB: the runtime on that store kind reads it.
    const before = await EmbeddedRuntime.open({ dataDir, clock: 'virtual', startAt: START, store: 'dynamodb' });
    const event = filingEvent(902);
    const filed = toFiledEvent(IntakeEvent.parse(event), unkeyedPartyIdFor);
    const caseId = caseIdFor(filed.court.code, filed.caseNumber);
    await before.cases.create(caseId, {
      at: before.clock.now(),
      actor: { kind: 'system', id: 'intake' },
      events: [filed],
      cause: { intakeEvent: event.id },
    });
    await before.engine.startExecution('service', executionName(caseId, 'service', 1), { v: 1, caseId });
    await before.runUntilIdle();
    const oldId = unkeyedPartyIdFor(RESPONDENT_ID);
    expect((await before.cases.load(caseId))?.respondents[0]?.partyId).toBe(oldId);
    const court = filed.court.code;
    expect(await before.cases.findByParty(court, oldId, 10)).toHaveLength(1);
    // As a data directory of the previous release: not marked keyed.
    await before.runtimeStore.setValue(KEYED_MARK, '');
    await before.close();

    // Act
    const alerts: string[] = [];
    const after = await EmbeddedRuntime.open({
      dataDir,
      store: 'dynamodb',
      onAlert: (alert) => alerts.push(alert.kind),
    });
    const key = readFileSync(join(dataDir, PARTY_KEY_FILE));
    const newId = partyIdFor(RESPONDENT_ID, key);
    const migrated = await after.cases.load(caseId);
    const commits = await after.cases.history(caseId);
    await after.advance(10 * DAY);
    const later = await after.cases.load(caseId);
    const byNew = await after.cases.findByParty(court, newId, 10);
    const byOld = await after.cases.findByParty(court, oldId, 10);
    await after.close();
    const again = await EmbeddedRuntime.open({ dataDir, store: 'dynamodb' });
    const commitsAgain = await again.cases.history(caseId);
    await again.close();

    // Assess
    const audit = commits.filter((c) => c.actor.id === 'party-id-migration');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.events).toEqual([{ type: 'party-ids-rekeyed', ids: expect.objectContaining({ [oldId]: newId }) }]);
    expect(migrated?.respondents[0]?.partyId).toBe(newId);
    expect(JSON.stringify(migrated)).not.toContain(oldId);
    expect(verifyChain(commits, migrated as never).ok).toBe(true);
    expect(byNew.map((c) => c.caseId)).toEqual([caseId]);
    expect(byOld).toEqual([]);
    // The case went on after the migration: later commits, none of them with the old id, and nothing failed.
    expect(later?.version).toBeGreaterThan(migrated?.version ?? 0);
    expect(JSON.stringify(later)).not.toContain(oldId);
    expect(alerts).not.toContain('needs-attention');
    expect(later?.status).not.toBe('needs-attention');
    expect(commitsAgain.filter((c) => c.actor.id === 'party-id-migration')).toHaveLength(1);
  });
});
