import { describe, expect, it } from 'vitest';
import {
  type DocumentReference,
  documentKey,
  orderDocuments,
  orderDocumentsProblem,
  publicationDocuments,
  publicationDocumentsProblem,
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

describe('the documents a freeze or seal order carries', () => {
  const issued = [
    {
      docId: 'DOC-4',
      kind: 'assistance-notice',
      number: '（2026）冀0922执协1号',
      sha256: HASH_B,
      trigger: '7:A1:assistance-notice',
    },
    {
      docId: 'DOC-3',
      kind: 'freeze-ruling',
      number: '（2026）冀0922执裁1号',
      sha256: HASH_A,
      trigger: '7:A1:freeze-ruling',
    },
    {
      docId: 'DOC-5',
      kind: 'freeze-ruling',
      number: '（2026）冀0922执裁2号',
      sha256: HASH_A,
      trigger: '7:A2:freeze-ruling',
    },
    {
      docId: 'DOC-1',
      kind: 'enforcement-notice',
      number: NOTICE.number,
      sha256: HASH_A,
      trigger: '3:A1:enforcement-notice',
    },
  ] as const;
  const ruling = {
    docId: 'DOC-3',
    kind: 'freeze-ruling',
    number: '（2026）冀0922执裁1号',
    key: documentKey('C1', 'DOC-3'),
    sha256: HASH_A,
  } as const;
  const notice = {
    docId: 'DOC-4',
    kind: 'assistance-notice',
    number: '（2026）冀0922执协1号',
    key: documentKey('C1', 'DOC-4'),
    sha256: HASH_B,
  } as const;

  it('pass: are the asset’s ruling and assistance notice, ruling first, and a bank accepts them', () => {
    expect(orderDocuments('C1', 'A1', issued)).toEqual([ruling, notice]);
    expect(orderDocumentsProblem([ruling, notice])).toBeUndefined();
  });

  it('fail: none for an asset with nothing issued; a bank refuses an order without its ruling, its notice or a hash', () => {
    expect(orderDocuments('C1', 'A9', issued)).toEqual([]);
    expect(orderDocumentsProblem([notice])).toBe('协助执行指令未附执行裁定书');
    expect(orderDocumentsProblem([ruling])).toBe('协助执行指令未附协助执行通知书');
    expect(orderDocumentsProblem([ruling, notice, NOTICE])).toBe('协助执行指令所附文书与本次指令不符');
    expect(orderDocumentsProblem([ruling, { ...notice, sha256: 'x' }])).toBe(
      `协助执行指令所附文书 ${notice.number} 缺少文号或哈希值`,
    );
  });
});

describe('the document a credit-discipline publication carries', () => {
  const issued = [
    {
      docId: 'DOC-6',
      kind: 'restriction-order',
      number: '（2026）冀0922执限1号',
      sha256: HASH_A,
      trigger: '9:restriction:restriction-order',
    },
    {
      docId: 'DOC-8',
      kind: 'restriction-order',
      number: '（2026）冀0922执限2号',
      sha256: HASH_B,
      trigger: '21:restriction:restriction-order',
    },
    {
      docId: 'DOC-7',
      kind: 'listing-decision',
      number: '（2026）冀0922执失1号',
      sha256: HASH_A,
      trigger: '9:listing:listing-decision',
    },
  ] as const;
  const latest = {
    docId: 'DOC-8',
    kind: 'restriction-order',
    number: '（2026）冀0922执限2号',
    key: documentKey('C1', 'DOC-8'),
    sha256: HASH_B,
  } as const;

  it('pass: a restriction carries the latest restriction order, a listing its decision; the recipient accepts them', () => {
    expect(publicationDocuments('C1', 'restriction', issued)).toEqual([latest]);
    expect(publicationDocuments('C1', 'listing', issued).map((d) => d.docId)).toEqual(['DOC-7']);
    expect(publicationDocumentsProblem('restriction', [latest])).toBeUndefined();
    expect(publicationDocumentsProblem('restriction-lifted', [])).toBeUndefined();
  });

  it('fail: a lifting carries none; a recipient refuses a restriction without its order, with another, or without a hash', () => {
    expect(publicationDocuments('C1', 'restriction-lifted', issued)).toEqual([]);
    expect(publicationDocumentsProblem('restriction', [])).toBe('推送未附限制消费令');
    expect(publicationDocumentsProblem('listing', [latest])).toBe('推送未附失信决定书');
    expect(publicationDocumentsProblem('restriction', [latest, latest])).toBe('推送未附限制消费令');
    expect(publicationDocumentsProblem('restriction', [{ ...latest, sha256: '' }])).toBe(
      `推送所附文书 ${latest.number} 缺少文号或哈希值`,
    );
  });
});
