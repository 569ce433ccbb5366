import { describe, expect, it } from 'vitest';
import { rulingServiceEvent } from '#domain/closure/ruling-service.ts';
import type { DocumentReference } from '#domain/documents/service-documents.ts';

const HASH = 'a'.repeat(64);
const RULING: DocumentReference = {
  docId: 'd1',
  kind: 'termination-ruling',
  number: '（2026）冀0922执裁1号',
  key: 'cases/c1/documents/d1.pdf',
  sha256: HASH,
};

describe('G2-SERVICE: the 终本 ruling served on the applicant (法〔2016〕373号 第六条)', () => {
  it('pass: a receipt naming the ruling with its hash records the service', () => {
    expect(
      rulingServiceEvent('r1', [RULING], {
        outcome: 'ok',
        receipt: 'ES1',
        documents: [{ number: RULING.number, sha256: HASH }],
      }),
    ).toEqual({ type: 'ruling-served', requestId: 'r1', receipt: 'ES1' });
  });

  it('fail: another hash, a failed delivery or no answer is no service', () => {
    expect(
      rulingServiceEvent('r1', [RULING], {
        outcome: 'ok',
        documents: [{ number: RULING.number, sha256: 'b'.repeat(64) }],
      }),
    ).toMatchObject({ type: 'ruling-service-failed', reason: expect.stringContaining('哈希值') });
    expect(rulingServiceEvent('r1', [RULING], { outcome: 'failed', reason: '电子送达地址无效' })).toEqual({
      type: 'ruling-service-failed',
      requestId: 'r1',
      reason: '电子送达地址无效',
    });
    expect(rulingServiceEvent('r1', [RULING], undefined)).toMatchObject({ type: 'ruling-service-failed' });
  });
});
