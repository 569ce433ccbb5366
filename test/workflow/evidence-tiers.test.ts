/**
 * Evidence over its retention on the embedded runtime (issue 19): a case that closes tags its evidence; the vault
 * then plays the bucket's lifecycle (Instant Retrieval at once, Deep Archive later); a view of an archived object
 * asks for a restore (journaled, answered 202 in Chinese) and gets its link once the restore is done.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '#domain/rules/table.ts';
import { mutateCase, SYSTEM } from '#use-cases/context.ts';
import type { UseCaseError } from '#use-cases/errors.ts';
import { issueEvidenceAccess, type UploadRequest, verifyEvidence } from '#use-cases/evidence.ts';
import { markClosedCaseEvidence } from '#use-cases/evidence-tiers.ts';
import { createRecordEvidenceHandler } from '../../functions/record-evidence/function.ts';
import { uploadEvidenceFile } from '../../local/cli/uploader.ts';
import { DAY, filingEvent, scenarios } from '../support/runtime.ts';

const open = scenarios();
const scratch = mkdtempSync(join(tmpdir(), 'evidence-tiers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const OFFICER = { userId: 'fan-tao' };
const photo = randomBytes(16 * 1024);
const photoPath = join(scratch, 'photo.jpg');
writeFileSync(photoPath, photo);
const declaration: UploadRequest = {
  step: 'seizure',
  contentType: 'image/jpeg',
  sizeBytes: photo.length,
  sha256: createHash('sha256').update(photo).digest('hex'),
  device: 'phone',
  description: '查封现场照片',
};

async function withEvidence(n: number) {
  const s = await open();
  const outcome = await s.runtime.intake(filingEvent(n));
  if (outcome.outcome !== 'created') throw new Error('not created');
  const uploaded = await uploadEvidenceFile(s.runtime.deps, OFFICER, outcome.caseId, photoPath, declaration);
  const key = `cases/${outcome.caseId}/evidence/${uploaded.evidenceId}`;
  return { s, caseId: outcome.caseId, evidenceId: uploaded.evidenceId, key };
}

const later = (from: string, days: number) => new Date(Date.parse(from) + days * DAY * 1000).toISOString();

describe('evidence storage tiers', () => {
  it('an open case cannot be tagged; a closed one is tagged at closure, moves to IR, then Deep Archive', async () => {
    // Prepare
    const { s, caseId, key } = await withEvidence(901);
    const refused = await markClosedCaseEvidence(s.runtime.deps)(caseId).catch((e: UseCaseError) => e);

    // Act: the case closes (the commit alone: how it got there is not under test).
    await mutateCase(s.runtime.deps, caseId, SYSTEM, {}, (state) => ({
      events: [
        { type: 'status-changed', from: state.status, to: 'closed', reason: '申请人撤回申请' },
        { type: 'case-closed', way: 'withdrawal' },
      ],
      result: undefined,
    }));
    await s.runtime.runUntilIdle();
    const atClosure = await s.runtime.evidence.head(key);
    s.runtime.clock.set(later(s.runtime.clock.now(), RULES.P_EVIDENCE_STORAGE.archiveAfterDays + 1));
    const archived = await s.runtime.evidence.head(key);

    // Assess
    expect((refused as UseCaseError).status).toBe(409);
    expect((refused as UseCaseError).message).toMatch(/尚未结案，证据不转入归档存储/);
    expect(s.runtime.evidence.log(key).map((e) => e.action)).toContain('case-closed');
    expect(atClosure?.storageClass).toBe('GLACIER_IR');
    expect(archived?.storageClass).toBe('DEEP_ARCHIVE');
    expect(archived?.restore).toEqual({ state: 'none' });
  });

  it('a view of an archived object restores it first (202, journaled), and links it once restored', async () => {
    // Prepare
    const { s, caseId, evidenceId, key } = await withEvidence(902);
    await s.runtime.evidence.markCaseClosed(key);
    s.runtime.clock.set(later(s.runtime.clock.now(), RULES.P_EVIDENCE_STORAGE.archiveAfterDays + 1));
    const access = issueEvidenceAccess(s.runtime.deps);

    // Act
    const first = await access(OFFICER, caseId, evidenceId, 'view').catch((e: UseCaseError) => e);
    const again = await access(OFFICER, caseId, evidenceId, 'view').catch((e: UseCaseError) => e);
    const verification = await verifyEvidence(s.runtime.deps)(caseId);
    s.runtime.clock.set(later(s.runtime.clock.now(), 1));
    const link = await access(OFFICER, caseId, evidenceId, 'view');
    const gate = await fetch(link.link.url);

    // Assess
    expect(first).toMatchObject({ status: 202, code: 'evidence-restore-started' });
    expect((first as UseCaseError).message).toMatch(
      /已转入归档存储，已申请恢复，预计.*前可查看（恢复后可查看7天），请届时再取链接$/,
    );
    expect(again).toMatchObject({ status: 202, code: 'evidence-restoring' });
    expect((again as UseCaseError).message).toMatch(/正在恢复，预计.*前可查看/);
    expect(verification.objects).toEqual([{ evidenceId, ok: true, archived: true }]);
    expect(link.sha256).toBe(declaration.sha256);
    expect(gate.status).toBe(200);
    const events = (await s.runtime.cases.history(caseId)).flatMap((c) => c.events.map((e) => e.type));
    expect(events.filter((t) => t === 'evidence-restore-requested')).toHaveLength(1);
    expect(s.runtime.evidence.log(key).map((e) => e.action)).toContain('restore-requested');
  });

  it('an archived object is refused by the gate without a restore, as S3 refuses it', async () => {
    // Prepare: a link issued while the object was readable, used after it went to Deep Archive.
    const { s, caseId, evidenceId, key } = await withEvidence(903);
    await s.runtime.evidence.markCaseClosed(key);
    const link = await issueEvidenceAccess(s.runtime.deps)(OFFICER, caseId, evidenceId, 'download');

    // Act
    s.runtime.clock.set(later(s.runtime.clock.now(), RULES.P_EVIDENCE_STORAGE.archiveAfterDays + 1));
    const refused = () => s.runtime.evidence.readable(key);

    // Assess
    expect(link.link.url).toMatch(/^http/);
    expect(refused).toThrow(/archived: restore it first/);
  });

  it("record-evidence tags a closed case's evidence from the CaseClosed event; an open case's stays untagged", async () => {
    // Prepare
    const { s, caseId, key } = await withEvidence(904);
    const handler = createRecordEvidenceHandler(s.runtime.deps);
    const event = { source: 'court.enforcement', 'detail-type': 'CaseClosed', detail: { caseId } };

    // Act
    const open = await handler(event, {} as never);
    await mutateCase(s.runtime.deps, caseId, SYSTEM, {}, (state) => ({
      events: [
        { type: 'status-changed', from: state.status, to: 'closed', reason: '申请人撤回申请' },
        { type: 'case-closed', way: 'withdrawal' },
      ],
      result: undefined,
    }));
    const closed = await handler(event, {} as never);

    // Assess
    expect(open).toEqual({ outcome: 'ignored' });
    expect(closed).toEqual({ outcome: 'tagged', caseId, objects: 1 });
    expect((await s.runtime.evidence.head(key))?.storageClass).toBe('GLACIER_IR');
  });
});
