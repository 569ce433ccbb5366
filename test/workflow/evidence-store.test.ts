/**
 * The embedded evidence store as an attacker on the server would try it: no unsigned path at all, a recorded object
 * is write-once (no overwrite, no delete by any path but an audited purge after retention and never under legal
 * hold), every read through a link is logged, and the scheduled sweep names a tampered object, whose link is then
 * refused. Plus the data directory: owner-only from creation, and refused at start when it is not.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { UseCaseError } from '#use-cases/errors.ts';
import {
  issueEvidenceAccess,
  issueEvidenceUpload,
  recordEvidencePurge,
  setEvidenceLegalHold,
  type UploadRequest,
  verifyEvidence,
} from '#use-cases/evidence.ts';
import { sendPresigned, UploadRefusedError, uploadEvidenceFile } from '../../local/cli/uploader.ts';
import { EvidenceVault, LOCAL_RETENTION_DAYS } from '../../local/evidence/vault.ts';
import { EmbeddedRuntime } from '../../local/runtime/runtime.ts';
import { openDatabase } from '../../local/store/database.ts';
import { firstExposed } from '../../local/store/private-files.ts';
import { DAY, filingEvent, START, scenarios } from '../support/runtime.ts';

const open = scenarios();
const scratch = mkdtempSync(join(tmpdir(), 'evidence-store-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const OFFICER = { userId: 'fan-tao' };
const photo = randomBytes(32 * 1024);
const photoPath = join(scratch, 'photo.jpg');
writeFileSync(photoPath, photo);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const declaration: UploadRequest = {
  step: 'seizure',
  contentType: 'image/jpeg',
  sizeBytes: photo.length,
  sha256: sha256(photo),
  device: 'phone',
  description: '查封现场照片',
};

async function recorded(n: number) {
  const s = await open();
  const outcome = await s.runtime.intake(filingEvent(n));
  if (outcome.outcome !== 'created') throw new Error('not created');
  const caseId = outcome.caseId;
  const uploaded = await uploadEvidenceFile(s.runtime.deps, OFFICER, caseId, photoPath, declaration);
  const key = `cases/${caseId}/evidence/${uploaded.evidenceId}`;
  const link = await issueEvidenceAccess(s.runtime.deps)(OFFICER, caseId, uploaded.evidenceId, 'download');
  const endpoint = new URL(link.link.url).origin;
  return { s, caseId, key, evidenceId: uploaded.evidenceId, link: link.link, endpoint };
}

async function answer(url: string, init: RequestInit = {}): Promise<{ status: number; code: string }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? text.slice(0, 40) };
}

describe('no unsigned path to the evidence store', () => {
  it('unsigned PUT, DELETE, POST ?delete, GET and listings are refused; the object is unchanged', async () => {
    // Prepare
    const { s, key, endpoint } = await recorded(801);
    const objectUrl = `${endpoint}/objects?key=${encodeURIComponent(key)}`;
    const s3Style = `${endpoint}/enforcement-evidence/${key}`;

    // Act
    const answers = {
      put: await answer(objectUrl, { method: 'PUT', body: 'overwritten', headers: { 'content-type': 'image/jpeg' } }),
      putS3Style: await answer(s3Style, { method: 'PUT', body: 'overwritten' }),
      delete: await answer(objectUrl, { method: 'DELETE' }),
      deleteS3Style: await answer(s3Style, { method: 'DELETE' }),
      postDelete: await answer(`${endpoint}/enforcement-evidence?delete`, {
        method: 'POST',
        body: `<Delete><Object><Key>${key}</Key></Object></Delete>`,
      }),
      get: await answer(objectUrl),
      getS3Style: await answer(s3Style),
      listRoot: await answer(`${endpoint}/`),
      listBucket: await answer(`${endpoint}/enforcement-evidence?list-type=2`),
      listObjects: await answer(`${endpoint}/objects`),
    };

    // Assess
    for (const [name, got] of Object.entries(answers)) {
      expect({ name, ...got }).toEqual({ name, status: 403, code: 'AccessDenied' });
    }
    expect(sha256(readFileSync(s.runtime.evidence.pathOf(key)))).toBe(sha256(photo));
    expect(s.runtime.evidence.log(key).map((e) => e.action)).toEqual(['stored']);
  });

  it('a signed link allows only its own method: a download link cannot PUT or DELETE, an upload link cannot GET', async () => {
    // Prepare
    const { s, caseId, key, link } = await recorded(802);
    const upload = await issueEvidenceUpload(s.runtime.deps)(OFFICER, caseId, declaration);
    if (upload.method !== 'single') throw new Error('expected a single upload');

    // Act
    const putWithGetLink = await answer(link.url, { method: 'PUT', body: photo, headers: upload.upload.headers });
    const deleteWithGetLink = await answer(link.url, { method: 'DELETE' });
    const postWithGetLink = await answer(`${link.url}&delete`, { method: 'POST', body: 'x' });
    const getWithPutLink = await answer(upload.upload.url);
    const forged = await answer(
      link.url.replace(/key=[^&]+/, `key=${encodeURIComponent(`cases/${caseId}/evidence/e${'a'.repeat(15)}`)}`),
    );

    // Assess
    expect(putWithGetLink).toEqual({ status: 403, code: 'AccessDenied' });
    expect(deleteWithGetLink).toEqual({ status: 403, code: 'AccessDenied' });
    expect(postWithGetLink.status).toBe(403);
    expect(getWithPutLink).toEqual({ status: 403, code: 'AccessDenied' });
    expect(forged).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(sha256(readFileSync(s.runtime.evidence.pathOf(key)))).toBe(sha256(photo));
  });
});

describe('no storage port with default credentials', () => {
  const listeners = () =>
    (process as unknown as { _getActiveHandles(): unknown[] })
      ._getActiveHandles()
      .filter((h): h is Server => h instanceof Server && h.listening)
      .map((server) => server.address())
      .map((address) => (typeof address === 'string' ? 'unix-socket' : `${address?.address}:${address?.port}`));

  it('the only port the runtime listens on is the evidence gate, on loopback; the SQLite store has none', async () => {
    // Prepare
    const { endpoint } = await recorded(803);

    // Act
    const listening = listeners();

    // Assess
    expect(listening).toEqual([new URL(endpoint).host]);
  });

  it('the embedded DynamoDB, where it still runs (usage meter, tests, migrate), listens on a Unix socket only', async () => {
    // Prepare
    const { endpoint } = await recorded(804);
    const dynamo = await EmbeddedRuntime.open({ store: 'dynamodb', clock: 'virtual', startAt: START });

    // Act
    const listening = listeners();
    await dynamo.close();

    // Assess
    expect(listening.filter((a) => a !== 'unix-socket')).toEqual([new URL(endpoint).host]);
    expect(listening).toContain('unix-socket');
  });
});

describe('a recorded object is write-once', () => {
  it('its upload link used again, or a new link signed for its key, cannot replace it', async () => {
    // Prepare
    const { s, key } = await recorded(811);
    const other = randomBytes(photo.length);
    const signing = { signedAt: s.runtime.clock.now(), expiresInSeconds: 60 };
    const relink = await s.runtime.evidence.presignUpload(
      { key, contentType: 'image/jpeg', sizeBytes: other.length, sha256: sha256(other) },
      signing,
    );
    const same = await s.runtime.evidence.presignUpload(
      { key, contentType: 'image/jpeg', sizeBytes: photo.length, sha256: sha256(photo) },
      signing,
    );

    // Act
    const replaced = await sendPresigned(relink, other).catch((e: Error) => e);
    const again = await sendPresigned(same, photo).catch((e: Error) => e);

    // Assess
    expect(replaced).toBeInstanceOf(UploadRefusedError);
    expect((replaced as UploadRefusedError).code).toBe('ObjectLocked');
    expect((again as UploadRefusedError).code).toBe('ObjectLocked');
    expect(sha256(readFileSync(s.runtime.evidence.pathOf(key)))).toBe(sha256(photo));
    expect(statSync(s.runtime.evidence.pathOf(key)).mode & 0o777).toBe(0o400);
  });

  it('its record cannot be deleted or rewritten in the database, nor the evidence log edited', async () => {
    // Prepare
    const { s, key } = await recorded(812);
    const db = s.runtime.database.db;

    // Act
    const attempts = [
      () => db.prepare('DELETE FROM evidence_objects WHERE key = ?').run(key),
      () => db.prepare('UPDATE evidence_objects SET sha256 = ? WHERE key = ?').run('0'.repeat(64), key),
      () => db.prepare('DELETE FROM evidence_log').run(),
      () => db.prepare("UPDATE evidence_log SET action = 'x'").run(),
    ].map((attempt) => {
      try {
        attempt();
        return 'allowed';
      } catch (error) {
        return (error as Error).message;
      }
    });

    // Assess
    expect(attempts).toEqual([
      'evidence records are never deleted',
      'evidence records are write-once',
      'the evidence log is append-only',
      'the evidence log is append-only',
    ]);
    expect(s.runtime.evidence.record(key)?.sha256).toBe(sha256(photo));
  });

  it('a purge is refused before its retention period ends and under legal hold; after it, it is done and logged', () => {
    // Prepare
    let now = START;
    const database = openDatabase(undefined);
    const vault = new EvidenceVault({ dataDir: undefined, database, now: () => now, retentionDays: 30 });
    const key = 'cases/caaaaaaaaaaaaaaaaaaa/evidence/eaaaaaaaaaaaaaaa';
    const file = vault.incomingFile();
    writeFileSync(file, photo);
    vault.keep(file, key, { sha256: sha256(photo), sizeBytes: photo.length, contentType: 'image/jpeg' });

    try {
      // Act
      const early = attempt(() => vault.purge(key, 'zhang-wei', '保存期满'));
      now = new Date(Date.parse(START) + 31 * DAY * 1000).toISOString();
      void vault.setLegalHold(key, undefined, true);
      const held = attempt(() => vault.purge(key, 'zhang-wei', '保存期满'));
      void vault.setLegalHold(key, undefined, false);
      const done = attempt(() => vault.purge(key, 'zhang-wei', '保存期满'));

      // Assess
      expect(early).toMatch(/^证据保存期至 2026-04-01T01:00:00.000Z，期满前不能清除$/);
      expect(held).toBe('证据处于法律保留中，不能清除');
      expect(done).toBe('done');
      expect(() => readFileSync(vault.pathOf(key))).toThrow(/ENOENT/);
      expect(vault.record(key)?.purged_at).toBe(now);
      expect(vault.log(key).map((e) => e.action)).toEqual(['stored', 'legal-hold', 'legal-hold', 'purged']);
      expect(vault.log(key).at(-1)?.detail).toMatchObject({ by: 'zhang-wei', reason: '保存期满' });
    } finally {
      vault.close();
      database.close();
    }
  });
});

describe('a purge through the runtime', () => {
  it('after the retention period: the bytes go, the journal and the evidence log say who and why, verify still passes, no link', async () => {
    // Prepare
    const { s, caseId, key, evidenceId } = await recorded(851);
    const purge = recordEvidencePurge(s.runtime.deps);
    const byVault = (k: string) => s.runtime.evidence.purge(k, 'wang-fang', '保存期满');
    const early = await purge({ userId: 'wang-fang' }, caseId, evidenceId, '保存期满', byVault).catch((e: Error) => e);
    // Past the retention (the short archive class, 30 years; the clock set directly: nothing else is under test).
    s.runtime.clock.set(
      new Date(Date.parse(s.runtime.clock.now()) + (LOCAL_RETENTION_DAYS + 1) * DAY * 1000).toISOString(),
    );

    // Act
    const done = await purge({ userId: 'wang-fang' }, caseId, evidenceId, '保存期满', byVault);
    const link = await issueEvidenceAccess(s.runtime.deps)(OFFICER, caseId, evidenceId, 'view').catch((e: Error) => e);
    const report = await verifyEvidence(s.runtime.deps)(caseId);

    // Assess
    expect((early as Error).message).toMatch(/期满前不能清除$/);
    expect(done).toEqual({ evidenceId, purged: true });
    expect(existsSync(s.runtime.evidence.pathOf(key))).toBe(false);
    const last = (await s.runtime.cases.history(caseId)).at(-1);
    expect(last?.actor).toMatchObject({ kind: 'staff', id: 'wang-fang' });
    expect(last?.events).toEqual([{ type: 'evidence-purged', evidenceId, by: 'wang-fang', reason: '保存期满' }]);
    expect(s.runtime.evidence.log(key).at(-1)).toMatchObject({ action: 'purged', detail: { by: 'wang-fang' } });
    expect((link as UseCaseError).status).toBe(410);
    expect(report).toMatchObject({ ok: true, objects: [] });
  });
});

describe('unfinished uploads', () => {
  it('a multipart upload left unfinished for a day is dropped by the sweep, parts and all; one under way is kept', async () => {
    // Prepare
    const database = openDatabase(undefined);
    let now = START;
    const vault = new EvidenceVault({ dataDir: undefined, database, now: () => now });
    const key = 'cases/caaaaaaaaaaaaaaaaaaa/evidence/ebbbbbbbbbbbbbbb';
    const old = await vault.startMultipart({ key, contentType: 'video/mp4' });
    writeFileSync(vault.partPath(old.uploadId, 1), photo);
    now = new Date(Date.parse(START) + 2 * DAY * 1000).toISOString();
    const recent = await vault.startMultipart({ key, contentType: 'video/mp4' });

    try {
      // Act
      const dropped = vault.abandonUploads(new Date(Date.parse(now) - DAY * 1000).toISOString());
      const completeOld = await vault
        .completeMultipart({
          key,
          uploadId: old.uploadId,
          parts: [{ partNumber: 1, etag: sha256(photo), sha256: sha256(photo) }],
        })
        .then(
          () => 'completed',
          (e: Error) => e.name,
        );

      // Assess
      expect(dropped).toBe(1);
      expect(completeOld).toBe('NoSuchUpload');
      expect(() => vault.partPath(recent.uploadId, 1)).not.toThrow();
      expect(await vault.head(key)).toBeUndefined();
    } finally {
      vault.close();
      database.close();
    }
  });
});

function attempt(work: () => void): string {
  try {
    work();
    return 'done';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the scheduled sweep', () => {
  it('names a tampered object to the command center; its link is refused, before and after, and nothing is written', async () => {
    // Prepare
    const { s, caseId, key, evidenceId } = await recorded(821);
    // A link signed before the sweep, still valid after it.
    const link = await s.runtime.evidence.presignDownload(
      { key, disposition: 'inline', fileName: evidenceId },
      { signedAt: s.runtime.clock.now(), expiresInSeconds: 2 * DAY },
    );
    const file = s.runtime.evidence.pathOf(key);
    chmodSync(file, 0o600);
    const bytes = readFileSync(file);
    bytes[10] = (bytes[10] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);
    const journal = (await s.runtime.cases.history(caseId)).length;

    // Act
    await s.runtime.advance(DAY + 60);
    const refused = await issueEvidenceAccess(s.runtime.deps)({ userId: 'li-qiang' }, caseId, evidenceId, 'view').then(
      () => undefined,
      (e: UseCaseError) => e,
    );
    const earlierLink = await answer(link.url);

    // Assess
    const alerts = s.alerts.filter((a) => a.kind === 'evidence-failed-verification');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ caseId, court: expect.any(String) });
    expect(alerts[0]?.message).toMatch(
      new RegExp(`证据 ${evidenceId}「查封现场照片」未通过定期完整性核验（存储内容的 SHA-256.*与入卷记录不符）`),
    );
    expect(refused?.status).toBe(409);
    expect(refused?.message).toMatch(new RegExp(`^证据 ${evidenceId} 未通过完整性核验（.*），不提供查看或下载链接`));
    expect(earlierLink).toEqual({ status: 403, code: 'FailedVerification' });
    const written = (await s.runtime.cases.history(caseId)).slice(journal).flatMap((c) => c.events.map((e) => e.type));
    expect(written).not.toContain('evidence-download-issued');
    expect((await verifyEvidence(s.runtime.deps)(caseId)).firstProblem).toMatch(new RegExp(`^证据 ${evidenceId}`));
  });

  it('an untouched object passes the sweep: no alert, and its link still serves the bytes (the read logged)', async () => {
    // Prepare
    const { s, caseId, key, evidenceId } = await recorded(822);

    // Act
    await s.runtime.advance(DAY + 60);
    const issued = await issueEvidenceAccess(s.runtime.deps)({ userId: 'li-qiang' }, caseId, evidenceId, 'view');
    const response = await fetch(issued.link.url);
    const fetched = Buffer.from(await response.arrayBuffer());

    // Assess
    expect(s.alerts.filter((a) => a.kind === 'evidence-failed-verification')).toEqual([]);
    expect(s.runtime.evidence.record(key)?.checked_at).toBeTruthy();
    expect(sha256(fetched)).toBe(sha256(photo));
    expect(s.runtime.evidence.log(key).map((e) => e.action)).toEqual(['stored', 'read']);
  });
});

describe('the data directory is the owner’s alone', () => {
  it('everything in it is created owner-only; a file opened to others makes the next start refuse, naming it', async () => {
    // Prepare
    const dataDir = join(scratch, 'court');
    const first = await EmbeddedRuntime.open({ dataDir, clock: 'virtual', startAt: START });
    const outcome = await first.intake(filingEvent(831));
    if (outcome.outcome !== 'created') throw new Error('not created');
    await uploadEvidenceFile(first.deps, OFFICER, outcome.caseId, photoPath, declaration);
    await first.close();
    const exposedBefore = firstExposed(dataDir);
    const database = join(dataDir, 'enforce.db');
    chmodSync(database, 0o644);

    // Act
    const refused = await EmbeddedRuntime.open({ dataDir }).then(
      async (runtime) => {
        await runtime.close();
        return 'opened';
      },
      (error: Error) => error.message,
    );
    chmodSync(database, 0o600);
    const reopened = await EmbeddedRuntime.open({ dataDir });
    await reopened.close();

    // Assess
    expect(exposedBefore).toBeUndefined();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(refused).toBe(
      `数据目录中的 ${database} 允许同组或其他用户访问（权限 0644），拒绝启动：请执行 chmod -R go-rwx ${dataDir} 后重试`,
    );
  });
});

describe('a data directory of the release that kept evidence in the S3 stand-in', () => {
  it('its recorded evidence moves into the vault at open, with the journal’s hash and legal hold; the stand-in goes', async () => {
    // Prepare: a case with recorded, held evidence; then the data directory as that release left it (the object in
    // the stand-in's files, no vault).
    const dataDir = join(scratch, 'stand-in');
    // That release kept its cases in the embedded DynamoDB: the runtime on that store kind reads them.
    const first = await EmbeddedRuntime.open({ dataDir, clock: 'virtual', startAt: START, store: 'dynamodb' });
    const outcome = await first.intake(filingEvent(841));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    const uploaded = await uploadEvidenceFile(first.deps, OFFICER, caseId, photoPath, declaration);
    await setEvidenceLegalHold(first.deps)({ userId: 'wang-fang' }, caseId, true, '上诉');
    await first.close();
    const key = `cases/${caseId}/evidence/${uploaded.evidenceId}`;
    const standIn = join(dataDir, 's3', 'enforcement-evidence', `cases/${caseId}/evidence`);
    mkdirSync(standIn, { recursive: true });
    writeFileSync(join(standIn, `${uploaded.evidenceId}._S3rver_object`), photo);
    for (const name of ['enforce.db', 'enforce.db-wal', 'enforce.db-shm', 'evidence']) {
      rmSync(join(dataDir, name), { recursive: true, force: true });
    }

    // Act
    const reopened = await EmbeddedRuntime.open({ dataDir, store: 'dynamodb' });
    const report = await verifyEvidence(reopened.deps)(caseId);
    const held = await reopened.evidence.legalHold(key);
    const record = reopened.evidence.record(key);
    await reopened.close();

    // Assess
    expect(report.ok).toBe(true);
    expect(record).toMatchObject({ sha256: sha256(photo), size_bytes: photo.length, content_type: 'image/jpeg' });
    expect(held).toBe(true);
    expect(existsSync(join(dataDir, 's3'))).toBe(false);
  });
});
