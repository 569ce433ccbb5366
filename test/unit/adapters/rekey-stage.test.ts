/**
 * The party-id migration of a deployed stage (scripts/rekey-party-ids.ts), run against dynalite (the test double of
 * DynamoDB) with the tables laid out as on AWS: a case stored under unkeyed ids carries the keyed ids afterwards,
 * with one audit commit and a valid hash chain, is found by its keyed id, and a second run changes nothing.
 */

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { DynamoPartnerRequestStore } from '#adapters/dynamodb/partner-request-store.ts';
import { keys } from '#adapters/dynamodb/tables.ts';
import { referenceData } from '#commons/reference-data.ts';
import { IntakeEvent } from '#contracts/intake-event.ts';
import { verifyChain } from '#domain/case/journal.ts';
import { nextSweepAt } from '#domain/case/node-watch.ts';
import { caseIdFor, partyIdFor, unkeyedPartyIdFor } from '#domain/ids.ts';
import { toFiledEvent } from '#use-cases/intake-case.ts';
import { rekeyCase } from '#use-cases/rekey-party-ids.ts';
import { LOCAL_TABLES, type LocalStore, openLocalStore } from '../../../local/runtime/local-store.ts';
import { rekeyStage } from '../../../scripts/lib/rekey-stage.ts';
import { filingEvent, RESPONDENT_ID, START } from '../../support/runtime.ts';

const stores: LocalStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const tables = { cases: LOCAL_TABLES.cases, journal: LOCAL_TABLES.journal, idempotency: LOCAL_TABLES.idempotency };
const clock = { now: () => '2026-03-05T02:00:00.000Z' };

/** A stage's tables holding a case filed by the release before keyed ids, and a partner request naming its party. */
async function stageWithUnkeyedCase(n: number) {
  const store = await openLocalStore(undefined);
  stores.push(store);
  const db = documentClient(store.client);
  const reference = referenceData();
  // Written as the functions write it: the sweep index scheduled by the rules.
  const cases = new DynamoCaseRepository(db, tables, {
    schedule: (state) => nextSweepAt(state, reference.rules, reference.calendar),
  });
  const event = filingEvent(n);
  const filed = toFiledEvent(IntakeEvent.parse(event), unkeyedPartyIdFor);
  const caseId = caseIdFor(filed.court.code, filed.caseNumber);
  await cases.create(caseId, {
    at: START,
    actor: { kind: 'system', id: 'intake' },
    events: [filed],
    cause: { intakeEvent: event.id },
  });
  const oldId = unkeyedPartyIdFor(RESPONDENT_ID);
  const requests = new DynamoPartnerRequestStore(db, tables);
  await requests.create({
    requestId: `${caseId}-inquiry-1`,
    caseId,
    court: filed.court.code,
    kind: 'inquiry',
    items: [{ itemId: `${oldId}:bank`, respondentId: oldId }],
    createdAt: START,
    dueAt: '2026-03-09T00:00:00.000Z',
    execution: `${caseId}-investigation-1`,
  });
  const key = new Uint8Array(randomBytes(32));
  return {
    store,
    db,
    cases,
    requests,
    caseId,
    court: filed.court.code,
    oldId,
    newId: partyIdFor(RESPONDENT_ID, key),
    key,
  };
}

describe('re-keying a deployed stage’s party ids', () => {
  it('a dry run reports the case and writes nothing; the run re-keys it once with an audit commit; a second run changes nothing', async () => {
    // Prepare
    const s = await stageWithUnkeyedCase(951);
    const index = async () =>
      (await s.db.send(new GetCommand({ TableName: tables.cases, Key: keys.caseIndex(s.caseId) }))).Item;
    const indexBefore = await index();
    const lines: string[] = [];
    const run = (dryRun: boolean) =>
      rekeyStage({ client: s.store.client, tables, key: s.key, dryRun, clock, write: (l) => lines.push(l) });

    // Act
    const dry = await run(true);
    const historyAfterDry = await s.cases.history(s.caseId);
    const first = await run(false);
    const commits = await s.cases.history(s.caseId);
    const state = await s.cases.load(s.caseId);
    const request = await s.requests.get(`${s.caseId}-inquiry-1`);
    const byNew = await s.cases.findByParty(s.court, s.newId, 10);
    const byOld = await s.cases.findByParty(s.court, s.oldId, 10);
    const indexAfter = await index();
    const second = await run(false);
    const commitsAgain = await s.cases.history(s.caseId);

    // Assess: the dry run
    expect(dry).toMatchObject({ cases: 1, records: 1, conflicts: 0, scanned: 1, pendingRequests: 1 });
    expect(dry.indexEntries).toBeGreaterThan(0);
    expect(historyAfterDry).toHaveLength(1);
    // The run: one audit commit, the chain intact, the case and its request under the keyed id.
    expect(first).toMatchObject({ cases: 1, records: 1, conflicts: 0 });
    const audit = commits.filter((c) => c.actor.id === 'party-id-migration');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.events).toEqual([
      { type: 'party-ids-rekeyed', ids: expect.objectContaining({ [s.oldId]: s.newId }) },
    ]);
    expect(verifyChain(commits, state as never).ok).toBe(true);
    expect(state?.respondents[0]?.partyId).toBe(s.newId);
    expect(JSON.stringify(state)).not.toContain(s.oldId);
    expect(request?.items).toEqual([{ itemId: `${s.newId}:bank`, respondentId: s.newId }]);
    expect(byNew.map((c) => c.caseId)).toEqual([s.caseId]);
    expect(byOld).toEqual([]);
    // The case's index entry keeps its keys (the sweep index scheduled as the functions schedule it).
    expect({ ...indexAfter, version: 0, summary: 0 }).toEqual({ ...indexBefore, version: 0, summary: 0 });
    // The second run: nothing to do, nothing written.
    expect(second).toEqual({
      cases: 0,
      parties: 0,
      records: 0,
      indexEntries: 0,
      conflicts: 0,
      scanned: 1,
      pendingRequests: 0,
    });
    expect(commitsAgain).toHaveLength(commits.length);
    expect(lines.some((l) => l.startsWith('dry run, nothing written: would re-key 1 cases'))).toBe(true);
    expect(lines.join('\n')).not.toContain(RESPONDENT_ID);
  });

  it('a run interrupted after the audit commit is completed by the next: the request and the party index renamed', async () => {
    // Prepare: the case re-keyed, the rest left as an interruption would leave it.
    const s = await stageWithUnkeyedCase(952);
    await rekeyCase({ cases: s.cases, clock }, s.caseId, s.key);
    // The audit commit itself moved the case's party index entries (a commit writes what differs from what is stored).
    expect((await s.cases.findByParty(s.court, s.newId, 10)).map((c) => c.caseId)).toEqual([s.caseId]);
    expect(await s.cases.findByParty(s.court, s.oldId, 10)).toEqual([]);

    // Act
    const result = await rekeyStage({
      client: s.store.client,
      tables,
      key: s.key,
      dryRun: false,
      clock,
      write: () => {},
    });

    // Assess
    // The request renamed; no party index entry was left under the old id to delete.
    expect(result).toMatchObject({ cases: 0, records: 1, conflicts: 0, indexEntries: 0 });
    expect((await s.cases.history(s.caseId)).filter((c) => c.actor.id === 'party-id-migration')).toHaveLength(1);
    expect((await s.requests.get(`${s.caseId}-inquiry-1`))?.items[0]?.respondentId).toBe(s.newId);
    expect((await s.cases.findByParty(s.court, s.newId, 10)).map((c) => c.caseId)).toEqual([s.caseId]);
    expect(await s.cases.findByParty(s.court, s.oldId, 10)).toEqual([]);
  });

  it('an answer a partner gives while the run renames its request is kept, and renamed by the next run', async () => {
    // Prepare: the answer arrives between the run's read of the request and its write.
    const s = await stageWithUnkeyedCase(953);
    const requestId = `${s.caseId}-inquiry-1`;
    const itemId = `${s.oldId}:bank`;
    let answered = false;
    s.store.client.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { Key?: { pk?: { S?: string } }; UpdateExpression?: string };
        if (!answered && input.Key?.pk?.S === `REQUEST#${requestId}` && input.UpdateExpression?.includes('#a')) {
          answered = true;
          await s.requests.addAnswer(requestId, { itemId, at: START, outcome: 'ok', result: { found: [] } });
        }
        return next(args);
      },
      { step: 'build', name: 'answerDuringRun' },
    );
    const run = () => rekeyStage({ client: s.store.client, tables, key: s.key, dryRun: false, clock, write: () => {} });

    // Act
    const first = await run();
    const between = await s.requests.get(requestId);
    const second = await run();
    const after = await s.requests.get(requestId);

    // Assess
    expect(answered).toBe(true);
    expect(first).toMatchObject({ cases: 1, conflicts: 0 });
    expect(between?.items[0]?.itemId).toBe(`${s.newId}:bank`);
    expect(between?.answers.map((a) => a.itemId)).toEqual([itemId]);
    expect(second).toMatchObject({ cases: 0, records: 1, conflicts: 0 });
    expect(after?.answers.map((a) => a.itemId)).toEqual([`${s.newId}:bank`]);
    expect(after?.status).toBe('complete');
  });

  it('the script prints its usage with --help and refuses to run without the tables and the key', () => {
    const node = process.execPath;
    const help = spawnSync(node, ['scripts/rekey-party-ids.ts', '--help'], { encoding: 'utf8', env: {} });
    const bare = spawnSync(node, ['scripts/rekey-party-ids.ts'], { encoding: 'utf8', env: {} });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--dry-run');
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('--cases-table');
    // A key from standard input shorter than 32 bytes is refused in one line that does not print it.
    const short = spawnSync(
      node,
      ['scripts/rekey-party-ids.ts', '--cases-table', 'c', '--journal-table', 'j', '--key-stdin'],
      { encoding: 'utf8', env: {}, input: 'tooshortsecret\n' },
    );
    expect(short.status).toBe(1);
    expect(short.stderr.trim().split('\n')).toHaveLength(1);
    expect(short.stderr).toContain('shorter than 32 bytes');
    expect(short.stderr).not.toContain('tooshortsecret');
  });
});
