import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyCommits } from '#domain/case/reducer.ts';
import {
  base64ToHex,
  compositeSha256,
  evidenceKey,
  hexToBase64,
  isEvidenceId,
  parseEvidenceKey,
  partSizes,
} from '#domain/evidence/objects.ts';
import { EVIDENCE_ACCESS, evidenceAccessRefusal, planUpload } from '#domain/evidence/policy.ts';
import { RULES } from '#domain/rules/table.ts';
import type { StaffMember } from '#domain/staff/roles.ts';
import { commitsOf, filed } from '../../support/cases.ts';

const hex = (text: string) => createHash('sha256').update(text).digest('hex');
const MIB = 1024 * 1024;
const photo = { contentType: 'image/jpeg', sizeBytes: 1000, sha256: hex('a'), description: '现场照片' };

describe('P-EVIDENCE: what may be uploaded', () => {
  const policy = RULES.P_EVIDENCE;

  it('pass: a photo at exactly the photo limit', () => {
    const size = policy.kinds.photo.maxBytes;
    const parts = partSizes(size, policy.partBytes).map((_, i) => hex(String(i)));
    expect(planUpload({ ...photo, sizeBytes: size, partsSha256: parts }, RULES)).toMatchObject({
      ok: true,
      kind: 'photo',
      method: 'multipart',
    });
  });

  it('fail: one byte over the photo limit, refused naming the limit', () => {
    expect(planUpload({ ...photo, sizeBytes: policy.kinds.photo.maxBytes + 1 }, RULES)).toEqual({
      ok: false,
      refusal: 'too-large',
      message: '照片不得超过 30 MB，申报大小 30 MB',
    });
  });

  it('pass: every content type of the table; fail: any other', () => {
    for (const [kind, entry] of Object.entries(policy.kinds)) {
      for (const contentType of entry.contentTypes) {
        const plan = planUpload({ ...photo, contentType }, RULES);
        expect(plan, contentType).toMatchObject({ ok: true, kind });
      }
    }
    expect(planUpload({ ...photo, contentType: 'text/html' }, RULES)).toMatchObject({
      ok: false,
      refusal: 'content-type',
    });
  });

  it('pass: up to the single-upload size goes in one PUT; fail: one byte more needs its parts declared', () => {
    const limit = policy.singleUploadMaxBytes;
    const video = { ...photo, contentType: 'video/mp4' };
    expect(planUpload({ ...video, sizeBytes: limit }, RULES)).toMatchObject({ ok: true, method: 'single' });
    expect(planUpload({ ...video, sizeBytes: limit + 1 }, RULES)).toMatchObject({ ok: false, refusal: 'parts' });
    const parts = partSizes(limit + 1, policy.partBytes).map((_, i) => hex(String(i)));
    expect(planUpload({ ...video, sizeBytes: limit + 1, partsSha256: parts }, RULES)).toEqual({
      ok: true,
      kind: 'video',
      method: 'multipart',
      partBytes: policy.partBytes,
      parts: parts.length,
    });
  });

  it('fail: an empty file, a checksum that is not SHA-256 hex, no description', () => {
    expect(planUpload({ ...photo, sizeBytes: 0 }, RULES)).toMatchObject({ refusal: 'empty' });
    expect(planUpload({ ...photo, sha256: 'abc' }, RULES)).toMatchObject({ refusal: 'checksum' });
    expect(planUpload({ ...photo, sha256: hex('a').toUpperCase() }, RULES)).toMatchObject({ refusal: 'checksum' });
    expect(planUpload({ ...photo, description: '  ' }, RULES)).toMatchObject({ refusal: 'description' });
  });

  it('keeps parts within S3 limits (at least 5 MiB, at most 10,000) for the largest file it accepts', () => {
    const largest = Math.max(...Object.values(policy.kinds).map((k) => k.maxBytes));
    expect(policy.partBytes).toBeGreaterThanOrEqual(5 * MIB);
    expect(partSizes(largest, policy.partBytes).length).toBeLessThanOrEqual(10_000);
    expect(policy.uploadLinkSeconds).toBeLessThanOrEqual(15 * 60);
  });
});

describe('who may do what with evidence', () => {
  const member = (roles: StaffMember['roles'], court = 'HB0922', active = true): StaffMember => ({
    userId: 'u',
    name: 'U',
    court,
    roles,
    active,
  });

  it('pass: a field officer of the court uploads', () => {
    expect(evidenceAccessRefusal(member(['field-officer']), 'upload', 'HB0922')).toBeUndefined();
  });

  it('fail: a field officer of another court', () => {
    expect(evidenceAccessRefusal(member(['field-officer'], 'HL0123'), 'upload', 'HB0922')).toBe('other-court');
  });

  it('fail: an auditor uploads; pass: an auditor views', () => {
    expect(evidenceAccessRefusal(member(['auditor']), 'upload', 'HB0922')).toBe('wrong-role');
    expect(evidenceAccessRefusal(member(['auditor']), 'view', 'HB0922')).toBeUndefined();
  });

  it('fail: an inactive or unknown user', () => {
    expect(evidenceAccessRefusal(member(['field-officer'], 'HB0922', false), 'upload', 'HB0922')).toBe('unknown-user');
    expect(evidenceAccessRefusal(undefined, 'view', 'HB0922')).toBe('unknown-user');
  });

  it('gives legal holds only to officers who run the case and their superiors', () => {
    expect(EVIDENCE_ACCESS['legal-hold']).toEqual(['handling-officer', 'team-lead', 'bureau-chief']);
  });
});

describe('evidence keys and checksums', () => {
  const caseId = 'cabcdefghijklmnopqrs';

  it('keys every object under its case, and reads the ids back', () => {
    expect(evidenceKey(caseId, 'eabcdefghijklmno')).toBe(`cases/${caseId}/evidence/eabcdefghijklmno`);
    expect(parseEvidenceKey(`cases/${caseId}/evidence/eabcdefghijklmno`)).toEqual({
      caseId,
      evidenceId: 'eabcdefghijklmno',
    });
    expect(isEvidenceId('eabcdefghijklmno')).toBe(true);
  });

  it('refuses keys outside the layout', () => {
    expect(parseEvidenceKey(`cases/${caseId}/evidence/../other`)).toBeUndefined();
    expect(parseEvidenceKey(`other/${caseId}/evidence/eabcdefghijklmno`)).toBeUndefined();
    expect(() => evidenceKey('../x', 'eabcdefghijklmno')).toThrow();
  });

  it('converts SHA-256 between hex (people, journal) and base64 (S3) both ways', () => {
    const digest = hex('evidence');
    expect(hexToBase64(digest)).toBe(createHash('sha256').update('evidence').digest('base64'));
    expect(base64ToHex(hexToBase64(digest))).toBe(digest);
    expect(() => hexToBase64('zz')).toThrow();
  });

  it("computes S3's composite SHA-256: the SHA-256 of the parts' digests, with the part count", () => {
    const parts = [hex('one'), hex('two')];
    const expected = createHash('sha256')
      .update(Buffer.concat(parts.map((p) => Buffer.from(p, 'hex'))))
      .digest('base64');
    expect(compositeSha256(parts)).toBe(`${expected}-2`);
  });

  it('cuts a file into parts of the part size, the last one shorter', () => {
    expect(partSizes(20, 8)).toEqual([8, 8, 4]);
    expect(partSizes(16, 8)).toEqual([8, 8]);
  });
});

describe('the case record of evidence', () => {
  const declaration = {
    evidenceId: 'eabcdefghijklmno',
    step: 'seizure',
    key: 'cases/cabcdefghijklmnopqrs/evidence/eabcdefghijklmno',
    kind: 'photo',
    contentType: 'image/jpeg',
    sizeBytes: 1000,
    sha256: hex('a'),
    uploader: 'fan-tao',
    device: 'phone',
    description: '现场照片',
    expiresAt: '2026-03-02T01:15:00.000Z',
  };

  it('folds issued, recorded, accessed, held and released', () => {
    const state = applyCommits(
      undefined,
      commitsOf(
        'cabcdefghijklmnopqrs',
        [filed()],
        [{ type: 'evidence-upload-issued', ...declaration }],
        [
          {
            type: 'evidence-recorded',
            evidenceId: declaration.evidenceId,
            sha256: declaration.sha256,
            sizeBytes: 1000,
            contentType: 'image/jpeg',
            verified: ['size', 'content-type', 'rehash'],
            legalHold: false,
          },
        ],
        [
          {
            type: 'evidence-download-issued',
            evidenceId: declaration.evidenceId,
            by: 'li-qiang',
            purpose: 'view',
            expiresAt: '2026-03-02T03:05:00.000Z',
          },
        ],
        [{ type: 'legal-hold-set', by: 'wang-fang', reason: '上诉', evidence: [declaration.evidenceId] }],
      ),
    );
    expect(state?.evidence?.[declaration.evidenceId]).toMatchObject({
      status: 'recorded',
      accesses: 1,
      legalHold: true,
      issuedAt: '2026-03-02T02:00:00.000Z',
      recordedAt: '2026-03-02T03:00:00.000Z',
    });
    expect(state?.legalHold).toEqual({ since: '2026-03-02T05:00:00.000Z', by: 'wang-fang', reason: '上诉' });
  });

  it('refuses to record evidence that was never declared', () => {
    expect(() =>
      applyCommits(
        undefined,
        commitsOf(
          'cabcdefghijklmnopqrs',
          [filed()],
          [
            {
              type: 'evidence-recorded',
              evidenceId: 'enotdeclared0000',
              sha256: hex('a'),
              sizeBytes: 1,
              contentType: 'image/jpeg',
              verified: [],
              legalHold: false,
            },
          ],
        ),
      ),
    ).toThrow(/no evidence enotdeclared0000/);
  });
});
