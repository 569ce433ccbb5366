/**
 * Field evidence on the embedded runtime with its S3 stand-in: the paths of the issue's "must show" — every
 * refused upload refused with its reason and nothing recorded, tampering named by verify, a 50 MB video through
 * the multipart path — and custody: links and legal holds on the journal, reads that write nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Commit } from '#domain/case/events.ts';
import { RULES } from '#domain/rules/table.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import { UseCaseError } from '#use-cases/errors.ts';
import {
  issueEvidenceAccess,
  issueEvidenceUpload,
  listEvidence,
  recordEvidence,
  setEvidenceLegalHold,
  type UploadRequest,
  verifyEvidence,
} from '#use-cases/evidence.ts';
import { createRecordEvidenceHandler } from '../../functions/record-evidence/function.ts';
import { sendPresigned, UploadRefusedError, uploadEvidenceFile } from '../../local/cli/uploader.ts';
import type { EmbeddedRuntime } from '../../local/runtime/runtime.ts';
import { filingEvent, respondentWith, type Scenario, scenarios } from '../support/runtime.ts';

const open = scenarios();
const scratch = mkdtempSync(join(tmpdir(), 'evidence-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FIELD_OFFICER = { userId: 'fan-tao' };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function file(name: string, bytes: Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
}

/** Flips one bit of a stored file, as someone with access to the disk would (the file is read-only: 0400). */
function tamper(path: string): void {
  chmodSync(path, 0o600);
  const bytes = readFileSync(path);
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  writeFileSync(path, bytes);
}

const photo = randomBytes(48 * 1024);
const photoPath = file('seizure.jpg', photo);

function declaration(bytes: Buffer, change: Partial<UploadRequest> = {}): UploadRequest {
  return {
    step: 'seizure',
    contentType: 'image/jpeg',
    sizeBytes: bytes.length,
    sha256: sha256(bytes),
    device: 'Huawei P60 (IMEI ***1234)',
    location: { latitude: 38.58, longitude: 116.81, accuracyMeters: 8 },
    description: '查封现场：被执行人车库内车辆',
    ...change,
  };
}

/** A respondent with one deposit: the case reaches the control plan's approval (an unscripted one varies). */
const WITH_DEPOSIT = respondentWith({
  eService: 'ok',
  assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0633', balanceFen: 8_000_000 }],
});

async function filedCase(n: number): Promise<{ s: Scenario; caseId: string }> {
  const s = await open({ script: WITH_DEPOSIT });
  const outcome = await s.runtime.intake(filingEvent(n));
  if (outcome.outcome !== 'created') throw new Error(`not created: ${outcome.outcome}`);
  return { s, caseId: outcome.caseId };
}

async function history(runtime: EmbeddedRuntime, caseId: string): Promise<readonly Commit[]> {
  return runtime.cases.history(caseId);
}

const eventTypes = (commits: readonly Commit[]) => commits.flatMap((c) => c.events.map((e) => e.type));

/** Runs `attempt`, expecting it to be refused; returns the refusal and checks nothing was written. */
async function refused(
  runtime: EmbeddedRuntime,
  caseId: string,
  attempt: () => Promise<unknown>,
): Promise<{ error: Error; written: string[] }> {
  const before = (await history(runtime, caseId)).length;
  const error = await attempt().then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: Error) => e,
  );
  const written = eventTypes((await history(runtime, caseId)).slice(before));
  return { error, written };
}

describe('an upload the field officer makes', () => {
  it('a photo through one signed PUT: checked on landing, recorded on the case and its timeline, verified', async () => {
    // Prepare
    const { s, caseId } = await filedCase(601);

    // Act
    const uploaded = await uploadEvidenceFile(s.runtime.deps, FIELD_OFFICER, caseId, photoPath, declaration(photo));

    // Assess
    expect(uploaded).toMatchObject({ method: 'single', sha256: sha256(photo), recorded: { outcome: 'recorded' } });
    const state = await s.load(caseId);
    expect(state.evidence?.[uploaded.evidenceId]).toMatchObject({
      status: 'recorded',
      uploader: 'fan-tao',
      step: 'seizure',
      sha256: sha256(photo),
      sizeBytes: photo.length,
      contentType: 'image/jpeg',
      device: 'Huawei P60 (IMEI ***1234)',
      location: { latitude: 38.58, longitude: 116.81, accuracyMeters: 8 },
      key: `cases/${caseId}/evidence/${uploaded.evidenceId}`,
      verified: ['size', 'content-type', 'rehash'],
    });
    const commits = await history(s.runtime, caseId);
    const issued = commits.find((c) => c.events.some((e) => e.type === 'evidence-upload-issued'));
    expect(issued?.actor).toEqual({ kind: 'staff', id: 'fan-tao', role: 'field-officer' });
    const lines = timeline(commits, { member: (id) => s.runtime.staff.memberName(id), team: (id) => id });
    expect(lines.map((l) => l.text)).toContainEqual(
      expect.stringMatching(/^证据入卷：照片「查封现场：被执行人车库内车辆」/),
    );
    expect((await verifyEvidence(s.runtime.deps)(caseId)).ok).toBe(true);
  });

  it('a 50 MB video through the multipart path: each part signed with its SHA-256, the whole re-hashed and verified', async () => {
    // Prepare
    const { s, caseId } = await filedCase(602);
    const video = randomBytes(50 * 1024 * 1024);
    const path = file('obstruction.mp4', video);

    // Act
    const uploaded = await uploadEvidenceFile(s.runtime.deps, FIELD_OFFICER, caseId, path, {
      ...declaration(video, { step: 'obstruction', contentType: 'video/mp4', description: '妨害执行：阻挠查封' }),
    });

    // Assess
    expect(uploaded.method).toBe('multipart');
    expect(uploaded.sizeBytes).toBe(50 * 1024 * 1024);
    const item = (await s.load(caseId)).evidence?.[uploaded.evidenceId];
    expect(item?.multipart?.partsSha256).toHaveLength(Math.ceil(video.length / RULES.P_EVIDENCE.partBytes));
    expect(item).toMatchObject({ status: 'recorded', sha256: sha256(video), sizeBytes: video.length });
    expect(item?.verified).toContain('rehash');
    const report = await verifyEvidence(s.runtime.deps)(caseId);
    expect(report).toMatchObject({ ok: true, objects: [{ evidenceId: uploaded.evidenceId, ok: true }] });
  });

  it('through the AWS entry point: an Object Created event for the key records it', async () => {
    // Prepare
    const { s, caseId } = await filedCase(603);
    const issued = await issueEvidenceUpload(s.runtime.deps)(FIELD_OFFICER, caseId, declaration(photo));
    if (issued.method !== 'single') throw new Error('expected a single upload');
    await sendPresigned(issued.upload, photo);
    const handler = createRecordEvidenceHandler(s.runtime.deps);
    const event = {
      source: 'aws.s3',
      'detail-type': 'Object Created',
      detail: {
        bucket: { name: 'enforcement-evidence' },
        object: { key: `cases/${caseId}/evidence/${issued.evidenceId}`, size: photo.length },
      },
    };

    // Act
    const first = await handler(event, {} as never);
    const again = await handler(event, {} as never);

    // Assess
    expect(first).toMatchObject({ outcome: 'recorded' });
    expect(again).toMatchObject({ outcome: 'already-recorded' });
    expect(eventTypes(await history(s.runtime, caseId)).filter((t) => t === 'evidence-recorded')).toHaveLength(1);
  });
});

describe('uploads that are refused, each with its reason, nothing recorded', () => {
  it('a different file than the one declared: storage refuses it (BadDigest); no evidence is recorded', async () => {
    // Prepare
    const { s, caseId } = await filedCase(611);
    const issued = await issueEvidenceUpload(s.runtime.deps)(FIELD_OFFICER, caseId, declaration(photo));
    if (issued.method !== 'single') throw new Error('expected a single upload');
    const other = Buffer.from(photo);
    other[100] = (other[100] ?? 0) ^ 0xff; // same size, one byte different

    // Act
    const { error } = await refused(s.runtime, caseId, () => sendPresigned(issued.upload, other));
    const record = await refused(s.runtime, caseId, () =>
      recordEvidence(s.runtime.deps)({ caseId, evidenceId: issued.evidenceId }),
    );

    // Assess
    expect(error).toBeInstanceOf(UploadRefusedError);
    expect(error.message).toBe('存储拒绝了上传（BadDigest）：文件内容与申报的 SHA-256 不符');
    expect(record.error.message).toMatch(/与申报不符，未入卷：存储中没有该对象/);
    expect(record.written).toEqual([]);
    expect(eventTypes(await history(s.runtime, caseId))).not.toContain('evidence-recorded');
  });

  it('a wrong checksum header cannot rescue a different file: the checksum is signed (SignatureDoesNotMatch)', async () => {
    // Prepare
    const { s, caseId } = await filedCase(612);
    const issued = await issueEvidenceUpload(s.runtime.deps)(FIELD_OFFICER, caseId, declaration(photo));
    if (issued.method !== 'single') throw new Error('expected a single upload');
    const other = randomBytes(photo.length);
    const otherChecksum = createHash('sha256').update(other).digest('base64');

    // Act
    const { error } = await refused(s.runtime, caseId, () =>
      sendPresigned(issued.upload, other, { ...issued.upload.headers, 'x-amz-checksum-sha256': otherChecksum }),
    );

    // Assess
    expect(error.message).toMatch(/SignatureDoesNotMatch/);
    expect(eventTypes(await history(s.runtime, caseId))).not.toContain('evidence-recorded');
  });

  it('oversize: a declaration over the limit is refused (413); bytes beyond the declared size are refused by storage', async () => {
    // Prepare
    const { s, caseId } = await filedCase(613);
    const tooBig = RULES.P_EVIDENCE.kinds.photo.maxBytes + 1;

    // Act
    const declared = await refused(s.runtime, caseId, () =>
      issueEvidenceUpload(s.runtime.deps)(FIELD_OFFICER, caseId, declaration(photo, { sizeBytes: tooBig })),
    );
    const issued = await issueEvidenceUpload(s.runtime.deps)(FIELD_OFFICER, caseId, declaration(photo));
    if (issued.method !== 'single') throw new Error('expected a single upload');
    const sent = await refused(s.runtime, caseId, () =>
      sendPresigned(issued.upload, Buffer.concat([photo, Buffer.from('more')])),
    );

    // Assess
    expect(declared.error).toBeInstanceOf(UseCaseError);
    expect((declared.error as UseCaseError).status).toBe(413);
    expect(declared.error.message).toMatch(/^照片不得超过 30 MB/);
    expect(declared.written).toEqual([]);
    expect(sent.error.message).toMatch(/SignatureDoesNotMatch.*文件大小、类型或校验和与申报的不同/);
    expect(eventTypes(await history(s.runtime, caseId))).not.toContain('evidence-recorded');
  });

  it('wrong content type: a type outside the policy is refused (415); another type than signed is refused by storage', async () => {
    // Prepare
    const { s, caseId } = await filedCase(614);

    // Act
    const declared = await refused(s.runtime, caseId, () =>
      issueEvidenceUpload(s.runtime.deps)(
        FIELD_OFFICER,
        caseId,
        declaration(photo, { contentType: 'application/x-msdownload' }),
      ),
    );
    const issued = await issueEvidenceUpload(s.runtime.deps)(FIELD_OFFICER, caseId, declaration(photo));
    if (issued.method !== 'single') throw new Error('expected a single upload');
    const sent = await refused(s.runtime, caseId, () =>
      sendPresigned(issued.upload, photo, { ...issued.upload.headers, 'content-type': 'image/png' }),
    );

    // Assess
    expect((declared.error as UseCaseError).status).toBe(415);
    expect(declared.error.message).toMatch(/^不接受的文件类型 application\/x-msdownload（可接受：image\/jpeg/);
    expect(declared.written).toEqual([]);
    expect(sent.error.message).toMatch(/SignatureDoesNotMatch/);
    expect(eventTypes(await history(s.runtime, caseId))).not.toContain('evidence-recorded');
  });

  it('an expired link: storage refuses it on the runtime clock; the upload shows as expired and nothing is recorded', async () => {
    // Prepare
    const { s, caseId } = await filedCase(615);
    const issued = await issueEvidenceUpload(s.runtime.deps)(FIELD_OFFICER, caseId, declaration(photo));
    if (issued.method !== 'single') throw new Error('expected a single upload');
    await s.runtime.advance(RULES.P_EVIDENCE.uploadLinkSeconds + 60);

    // Act
    const { error, written } = await refused(s.runtime, caseId, () => sendPresigned(issued.upload, photo));
    const listed = await listEvidence(s.runtime.deps)(FIELD_OFFICER, caseId);

    // Assess
    expect(error.message).toMatch(/^存储拒绝了上传（AccessDenied）：上传链接已过期或无效/);
    expect(written).toEqual([]);
    expect(listed.evidence).toMatchObject([{ evidenceId: issued.evidenceId, status: 'expired' }]);
    expect(eventTypes(await history(s.runtime, caseId))).not.toContain('evidence-recorded');
  });

  it("another court's case: refused with the same 404 as a missing case; nothing is written", async () => {
    // Prepare
    const { s, caseId } = await filedCase(616);

    // Act
    const other = await refused(s.runtime, caseId, () =>
      issueEvidenceUpload(s.runtime.deps)({ userId: 'qian-lei' }, caseId, declaration(photo)),
    );
    const auditor = await refused(s.runtime, caseId, () =>
      issueEvidenceUpload(s.runtime.deps)({ userId: 'cao-yue' }, caseId, declaration(photo)),
    );

    // Assess
    // Another court's case answers as a missing one would: the same 404, nothing about the court.
    expect((other.error as UseCaseError).status).toBe(404);
    expect(other.error.message).toBe('没有该案件');
    expect(other.written).toEqual([]);
    expect(auditor.error.message).toBe('曹悦无权上传证据');
    expect(auditor.written).toEqual([]);
  });
});

describe('tampering is found by verify, which names the item', () => {
  it('an object rewritten in the evidence files behind the system’s back', async () => {
    // Prepare
    const { s, caseId } = await filedCase(621);
    const first = await uploadEvidenceFile(s.runtime.deps, FIELD_OFFICER, caseId, photoPath, declaration(photo));
    const second = await uploadEvidenceFile(s.runtime.deps, FIELD_OFFICER, caseId, photoPath, declaration(photo));
    tamper(s.runtime.evidence.pathOf(`cases/${caseId}/evidence/${second.evidenceId}`));

    // Act
    const report = await verifyEvidence(s.runtime.deps)(caseId);

    // Assess
    expect(report.ok).toBe(false);
    expect(report.chain.ok).toBe(true);
    expect(report.objects).toEqual([
      { evidenceId: first.evidenceId, ok: true },
      { evidenceId: second.evidenceId, ok: false, problem: expect.stringMatching(/SHA-256.*与入卷记录不符/) },
    ]);
    expect(report.firstProblem).toMatch(
      new RegExp(`^证据 ${second.evidenceId}「查封现场：被执行人车库内车辆」：存储内容的 SHA-256`),
    );
  });

  it('an audit event edited in the journal table behind the system’s back', async () => {
    // Prepare
    const { s, caseId } = await filedCase(622);
    const uploaded = await uploadEvidenceFile(s.runtime.deps, FIELD_OFFICER, caseId, photoPath, declaration(photo));
    const commits = await history(s.runtime, caseId);
    const recorded = commits.find((c) => c.events.some((e) => e.type === 'evidence-recorded'));
    if (!recorded) throw new Error('no evidence-recorded commit');
    const db = s.runtime.database.db;
    const row = db.prepare('SELECT body FROM journal WHERE case_id = ? AND seq = ?').get(caseId, recorded.seq);
    const item = JSON.parse(String(row?.body)) as Commit;
    const edited = {
      ...item,
      events: item.events.map((e) => (e.type === 'evidence-recorded' ? { ...e, sha256: 'f'.repeat(64) } : e)),
    };
    db.prepare('UPDATE journal SET body = ? WHERE case_id = ? AND seq = ?').run(
      JSON.stringify(edited),
      caseId,
      recorded.seq,
    );

    // Act
    const report = await verifyEvidence(s.runtime.deps)(caseId);

    // Assess
    expect(report.ok).toBe(false);
    expect(report.chain).toMatchObject({ ok: false, seq: recorded.seq });
    expect(report.firstProblem).toBe(
      `审计链第 ${recorded.seq} 条记录（evidence-recorded）：content does not match its hash (edited after it was written)`,
    );
    expect(report.objects).toEqual([{ evidenceId: uploaded.evidenceId, ok: true }]);
  });
});

describe('custody', () => {
  it('a view link is an audited write; listing is a read that writes nothing; the link serves the recorded bytes', async () => {
    // Prepare
    const { s, caseId } = await filedCase(631);
    const uploaded = await uploadEvidenceFile(s.runtime.deps, FIELD_OFFICER, caseId, photoPath, declaration(photo));
    const before = (await history(s.runtime, caseId)).length;

    // Act
    await listEvidence(s.runtime.deps)({ userId: 'li-qiang' }, caseId);
    const afterList = (await history(s.runtime, caseId)).length;
    const issued = await issueEvidenceAccess(s.runtime.deps)(
      { userId: 'li-qiang' },
      caseId,
      uploaded.evidenceId,
      'view',
    );
    const response = await fetch(issued.link.url);
    const fetched = Buffer.from(await response.arrayBuffer());

    // Assess
    expect(afterList).toBe(before);
    const commits = await history(s.runtime, caseId);
    expect(commits).toHaveLength(before + 1);
    expect(commits.at(-1)).toMatchObject({
      actor: { kind: 'staff', id: 'li-qiang', role: 'team-lead' },
      events: [{ type: 'evidence-download-issued', evidenceId: uploaded.evidenceId, by: 'li-qiang', purpose: 'view' }],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="${uploaded.evidenceId}"`);
    expect(sha256(fetched)).toBe(uploaded.sha256);
  });

  it('a legal hold (case under appeal) holds every recorded object and the ones recorded later, until released', async () => {
    // Prepare
    const { s, caseId } = await filedCase(632);
    const before = await uploadEvidenceFile(s.runtime.deps, FIELD_OFFICER, caseId, photoPath, declaration(photo));
    const hold = setEvidenceLegalHold(s.runtime.deps);

    // Act
    await hold({ userId: 'wang-fang' }, caseId, true, '被执行人提起上诉');
    const twice = await refused(s.runtime, caseId, () => hold({ userId: 'wang-fang' }, caseId, true, '再次'));
    const after = await uploadEvidenceFile(s.runtime.deps, FIELD_OFFICER, caseId, photoPath, declaration(photo));
    const held = await Promise.all(
      [before, after].map((u) =>
        s.runtime.deps.evidence.legalHold(`cases/${caseId}/evidence/${u.evidenceId}`, undefined),
      ),
    );
    await hold({ userId: 'wang-fang' }, caseId, false, '上诉审结');

    // Assess
    expect(held).toEqual([true, true]);
    expect(twice.error.message).toMatch(/已在法律保留中/);
    const state = await s.load(caseId);
    expect(state.legalHold).toBeUndefined();
    expect(state.evidence?.[after.evidenceId]?.legalHold).toBe(false);
    expect(await s.runtime.deps.evidence.legalHold(`cases/${caseId}/evidence/${before.evidenceId}`, undefined)).toBe(
      false,
    );
    expect(eventTypes(await history(s.runtime, caseId)).filter((t) => t.startsWith('legal-hold'))).toEqual([
      'legal-hold-set',
      'legal-hold-released',
    ]);
  });

  it('the approver deciding a step sees the evidence linked to it', async () => {
    // Prepare
    const { s, caseId } = await filedCase(633);
    const [approval] = await s.untilPending(caseId);
    if (!approval) throw new Error('no approval');
    const linked = await uploadEvidenceFile(s.runtime.deps, FIELD_OFFICER, caseId, photoPath, {
      ...declaration(photo),
      step: approval.step,
    });
    await uploadEvidenceFile(s.runtime.deps, FIELD_OFFICER, caseId, photoPath, declaration(photo));

    // Act
    const seen = await listEvidence(s.runtime.deps)({ userId: 'li-qiang' }, caseId, { step: approval.step });

    // Assess
    expect(approval.step).toBe('control-plan');
    expect(seen.evidence.map((e) => e.evidenceId)).toEqual([linked.evidenceId]);
  });
});
