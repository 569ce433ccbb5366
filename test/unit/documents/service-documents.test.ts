import { describe, expect, it } from 'vitest';
import {
  type DocumentReference,
  documentKey,
  receiptProblem,
  serviceDocuments,
} from '#domain/documents/service-documents.ts';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const NOTICE: DocumentReference = {
  docId: 'DOC-1',
  kind: 'enforcement-notice',
  number: '（2026）冀0922执通1号',
  key: documentKey('C1', 'DOC-1'),
  sha256: HASH_A,
};
const ORDER: DocumentReference = {
  docId: 'DOC-2',
  kind: 'asset-report-order',
  number: '（2026）冀0922执报1号',
  key: documentKey('C1', 'DOC-2'),
  sha256: HASH_B,
};

describe('the documents a service carries', () => {
  it('are the notice and the report order, in that order, keyed under the case', () => {
    const refs = serviceDocuments('C1', [
      { docId: 'DOC-3', kind: 'freeze-ruling', number: '（2026）冀0922执裁1号', sha256: HASH_A },
      { docId: 'DOC-2', kind: 'asset-report-order', number: ORDER.number, sha256: HASH_B },
      { docId: 'DOC-1', kind: 'enforcement-notice', number: NOTICE.number, sha256: HASH_A },
    ]);
    expect(refs).toEqual([NOTICE, ORDER]);
    expect(NOTICE.key).toBe('cases/C1/documents/DOC-1.pdf');
  });
});

describe('a receipt proves the service of the documents it names', () => {
  it('passes when it names exactly the documents sent, with their hashes, in any order', () => {
    expect(
      receiptProblem(
        [NOTICE, ORDER],
        [
          { number: ORDER.number, sha256: HASH_B },
          { number: NOTICE.number, sha256: HASH_A },
        ],
      ),
    ).toBeUndefined();
    expect(receiptProblem([], undefined)).toBeUndefined();
  });

  it('fails when it names none, misses one, changes a hash or adds one', () => {
    expect(receiptProblem([NOTICE], undefined)).toBe('送达回执未列明所送达的文书');
    expect(receiptProblem([NOTICE, ORDER], [{ number: NOTICE.number, sha256: HASH_A }])).toBe(
      `送达回执未列明文书 ${ORDER.number}`,
    );
    expect(receiptProblem([NOTICE], [{ number: NOTICE.number, sha256: HASH_B }])).toBe(
      `送达回执所列文书 ${NOTICE.number} 的哈希值与送达的文书不符`,
    );
    expect(
      receiptProblem(
        [NOTICE],
        [
          { number: NOTICE.number, sha256: HASH_A },
          { number: ORDER.number, sha256: HASH_B },
        ],
      ),
    ).toBe('送达回执列明了未送达的文书');
  });
});
