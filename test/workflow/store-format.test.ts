/**
 * A data directory of the previous format (the DynamoDB adapters' tables in dynalite's files) is never opened as if
 * it were empty: the runtime refuses it with one line naming `enforce migrate`, and after the migration the same
 * case, with its journal, its pending approval and its waiting execution, goes on where it stopped. And the
 * operator's commands on the database: check, backup, restore.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { IntakeEvent } from '#contracts/intake-event.ts';
import { verifyChain } from '#domain/case/journal.ts';
import { caseIdFor, partyIdFor, unkeyedPartyIdFor } from '#domain/ids.ts';
import { verifyEvidence } from '#use-cases/evidence.ts';
import { toFiledEvent } from '#use-cases/intake-case.ts';
import { uploadEvidenceFile } from '../../local/cli/uploader.ts';
import { EmbeddedRuntime, PARTY_KEY_FILE } from '../../local/runtime/runtime.ts';
import { PreviousFormatError } from '../../local/runtime/stores.ts';
import { KEYED_MARK } from '../../local/store/party-id-migration.ts';
import { enforce, enforceJson } from '../support/cli.ts';
import { DAY, filingEvent, RESPONDENT_ID, respondentWith, START } from '../support/runtime.ts';

let dataDir = '';

afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a data directory of the previous format', () => {
  it('is refused with one line naming enforce migrate; migrated, its case goes on where it stopped', async () => {
    // Prepare: a case waiting for an approval, written by the previous store.
    dataDir = mkdtempSync(join(tmpdir(), 'enforce-format-'));
    const script = respondentWith({
      eService: 'ok',
      assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0001', balanceFen: 8_000_000 }],
    });
    const old = await EmbeddedRuntime.open({ dataDir, store: 'dynamodb', clock: 'virtual', startAt: START, script });
    const outcome = await old.intake(filingEvent(900));
    if (!('caseId' in outcome)) throw new Error('not filed');
    const caseId = String(outcome.caseId);
    let pending = await old.deps.approvals.listPending({ court: 'HB0922' });
    for (let day = 0; pending.length === 0 && day < 20; day++) {
      await old.advance(DAY);
      pending = await old.deps.approvals.listPending({ court: 'HB0922' });
    }
    expect(pending.length).toBeGreaterThan(0);
    const before = await old.cases.load(caseId);
    const history = await old.cases.history(caseId);
    await old.close();
    expect(readdirSync(dataDir)).toContain('db');

    // Act and assess: refused, by the runtime and by the command line, in one line.
    await expect(EmbeddedRuntime.open({ dataDir })).rejects.toBeInstanceOf(PreviousFormatError);
    const refused = enforce(['--data-dir', dataDir, 'cases']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('npm run enforce -- migrate --data-dir');

    const report = enforceJson<{ cases: number; commits: number; approvals: number; brokenChains: string[] }>([
      '--data-dir',
      dataDir,
      'migrate',
    ]);
    expect(report).toMatchObject({ cases: 1, commits: history.length, brokenChains: [] });
    expect(report.approvals).toBeGreaterThan(0);
    expect(readdirSync(dataDir)).not.toContain('db');
    const again = enforce(['--data-dir', dataDir, 'migrate']);
    expect(again.code).not.toBe(0);

    const migrated = await EmbeddedRuntime.open({ dataDir });
    try {
      expect(migrated.storeKind).toBe('sqlite');
      expect(await migrated.cases.load(caseId)).toEqual(before);
      const copied = await migrated.cases.history(caseId);
      expect(copied).toEqual(history);
      expect(verifyChain(copied, before)).toMatchObject({ ok: true });
      const waiting = await migrated.deps.approvals.listPending({ court: 'HB0922' });
      expect(waiting.map((a) => a.approvalId)).toEqual(pending.map((a) => a.approvalId));
      const approval = waiting[0];
      if (!approval) throw new Error('no approval');
      const decided = await migrated.decide({
        approvalId: approval.approvalId,
        decision: 'approved',
        userId: approval.requiredRole === 'team-lead' ? 'li-qiang' : 'zhang-wei',
        ...(approval.amountFen !== undefined ? { data: { confirmedAmountFen: approval.amountFen } } : {}),
      });
      expect(decided).toMatchObject({ ok: true });
      // The waiting execution took the decision: the case moved on from the migrated journal.
      expect((await migrated.cases.history(caseId)).length).toBeGreaterThan(history.length + 1);
    } finally {
      await migrated.close();
    }
  });
});

describe('enforce migrate on a data directory of a release before keyed party ids and the evidence vault', () => {
  it('ends with keyed party ids (an audit commit on the journal) and the stand-in’s evidence in the vault', async () => {
    // Prepare: on the previous store, a case filed with unkeyed party ids and a case with recorded evidence; then
    // the directory as that release left it: not marked keyed, the evidence in the S3 stand-in's files, no vault.
    dataDir = mkdtempSync(join(tmpdir(), 'enforce-format-'));
    const old = await EmbeddedRuntime.open({ dataDir, store: 'dynamodb', clock: 'virtual', startAt: START });
    const event = filingEvent(910);
    const filed = toFiledEvent(IntakeEvent.parse(event), unkeyedPartyIdFor);
    const unkeyedCase = caseIdFor(filed.court.code, filed.caseNumber);
    await old.cases.create(unkeyedCase, {
      at: old.clock.now(),
      actor: { kind: 'system', id: 'intake' },
      events: [filed],
      cause: { intakeEvent: event.id },
    });
    const outcome = await old.intake(filingEvent(911));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const evidenceCase = outcome.caseId;
    const photo = randomBytes(16 * 1024);
    const photoPath = join(dataDir, 'photo.jpg');
    writeFileSync(photoPath, photo);
    const uploaded = await uploadEvidenceFile(old.deps, { userId: 'fan-tao' }, evidenceCase, photoPath, {
      step: 'seizure',
      contentType: 'image/jpeg',
      device: 'phone',
      description: '查封现场照片',
    });
    await old.runtimeStore.setValue(KEYED_MARK, '');
    await old.close();
    rmSync(photoPath);
    const standIn = join(dataDir, 's3', 'enforcement-evidence', `cases/${evidenceCase}/evidence`);
    mkdirSync(standIn, { recursive: true, mode: 0o700 });
    writeFileSync(join(standIn, `${uploaded.evidenceId}._S3rver_object`), photo, { mode: 0o600 });
    for (const name of ['enforce.db', 'enforce.db-wal', 'enforce.db-shm', 'evidence'])
      rmSync(join(dataDir, name), { recursive: true, force: true });

    // Act
    const report = enforceJson<{ cases: number; upgraded: unknown }>(['--data-dir', dataDir, 'migrate']);
    const migrated = await EmbeddedRuntime.open({ dataDir });
    const key = readFileSync(join(dataDir, PARTY_KEY_FILE));
    const state = await migrated.cases.load(unkeyedCase);
    const commits = await migrated.cases.history(unkeyedCase);
    const court = filed.court.code;
    const byNew = await migrated.cases.findByParty(court, partyIdFor(RESPONDENT_ID, key), 10);
    const byOld = await migrated.cases.findByParty(court, unkeyedPartyIdFor(RESPONDENT_ID), 10);
    const verified = await verifyEvidence(migrated.deps)(evidenceCase);
    const record = migrated.evidence.record(`cases/${evidenceCase}/evidence/${uploaded.evidenceId}`);
    await migrated.close();

    // Assess
    expect(report).toMatchObject({
      cases: 2,
      upgraded: { partyIds: { cases: 1 }, standIn: { imported: 1, mismatched: [] } },
    });
    expect(state?.respondents[0]?.partyId).toBe(partyIdFor(RESPONDENT_ID, key));
    expect(commits.filter((c) => c.actor.id === 'party-id-migration')).toHaveLength(1);
    expect(verifyChain(commits, state as never).ok).toBe(true);
    expect(byNew.map((c) => c.caseId)).toContain(unkeyedCase);
    expect(byOld).toEqual([]);
    expect(verified.ok).toBe(true);
    expect(record).toMatchObject({ size_bytes: photo.length, content_type: 'image/jpeg' });
    expect(existsSync(join(dataDir, 's3'))).toBe(false);
  });
});

describe('operating the database', () => {
  it('check passes, a tampered journal fails it naming the case, and a backup taken before restores it', () => {
    // Prepare
    dataDir = mkdtempSync(join(tmpdir(), 'enforce-ops-'));
    const dir = ['--data-dir', dataDir];
    const filed = enforce([
      ...dir,
      '--clock',
      'virtual',
      '--start-at',
      START,
      'intake',
      'test/fixtures/intake/v1/loan-repayment.json',
    ]);
    expect(filed.code).toBe(0);
    const backup = join(dataDir, 'backup.db');

    // Act and assess
    expect(enforceJson<{ ok: boolean; cases: number }>([...dir, 'check'])).toMatchObject({ ok: true, cases: 1 });
    expect(enforce([...dir, 'backup', backup]).code).toBe(0);
    expect(statSync(backup).mode & 0o077).toBe(0);
    const twice = enforce([...dir, 'backup', backup]);
    expect(twice.code).not.toBe(0);
    expect(twice.stderr.trim().split('\n')).toHaveLength(1);

    const db = new DatabaseSync(join(dataDir, 'enforce.db'));
    const row = db.prepare('SELECT case_id, body FROM journal WHERE seq = 1').get() as {
      case_id: string;
      body: string;
    };
    db.prepare('UPDATE journal SET body = ? WHERE case_id = ? AND seq = 1').run(
      row.body.replace('"loan-repayment"', '"edited"').replace(/"claim":\{/, '"claim":{"edited":1,'),
      row.case_id,
    );
    db.close();
    const failed = enforce([...dir, 'check']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`${row.case_id} 第 1 条`);

    const restored = enforce([...dir, 'restore', backup]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(enforceJson<{ ok: boolean }>([...dir, 'check'])).toMatchObject({ ok: true });
    expect(readdirSync(dataDir).some((f) => f.startsWith('enforce.db.before-restore-'))).toBe(true);
  });

  it('a file that is not a database is named in one line, and nothing is written', () => {
    dataDir = mkdtempSync(join(tmpdir(), 'enforce-damaged-'));
    const file = join(dataDir, 'enforce.db');
    writeFileSync(file, 'not a database '.repeat(20));
    const result = enforce(['--data-dir', dataDir, 'cases']);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(`数据库文件 ${file} 已损坏或不是数据库`),
    ]);
    expect(readdirSync(dataDir)).toEqual(['enforce.db']);
  });

  it('the production path loads no dynalite; only the DynamoDB store does', () => {
    const probe = (store: string) =>
      JSON.parse(
        spawnSync(process.execPath, ['test/support/store-modules.ts', store], { encoding: 'utf8' }).stdout,
      ) as { store: string; dynaliteModules: number };
    expect(probe('sqlite')).toEqual({ store: 'sqlite', dynaliteModules: 0 });
    expect(probe('dynamodb').dynaliteModules).toBeGreaterThan(0);
  });
});
