import { describe, expect, it } from 'vitest';
import {
  DEDUCTION_DOCUMENT_KINDS,
  type DocumentReference,
  deductionAct,
  documentKey,
  ENTRUSTMENT_DOCUMENT_KINDS,
  entrustmentDocumentsProblem,
  orderDocuments,
  orderDocumentsProblem,
  orderReceiptProblem,
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

describe('the documents a deduction or an entrustment carries', () => {
  const issued = [
    {
      docId: 'DOC-10',
      kind: 'freeze-ruling',
      number: '（2026）冀0922执裁1号',
      sha256: HASH_A,
      trigger: '5:A1:freeze-ruling',
    },
    {
      docId: 'DOC-11',
      kind: 'assistance-notice',
      number: '（2026）冀0922执协1号',
      sha256: HASH_B,
      trigger: '5:A1:assistance-notice',
    },
    {
      docId: 'DOC-12',
      kind: 'deduction-ruling',
      number: '（2026）冀0922执裁2号',
      sha256: HASH_A,
      trigger: `9:${deductionAct('A1')}:deduction-ruling`,
    },
    {
      docId: 'DOC-13',
      kind: 'assistance-notice',
      number: '（2026）冀0922执协2号',
      sha256: HASH_B,
      trigger: `9:${deductionAct('A1')}:assistance-notice`,
    },
    {
      docId: 'DOC-14',
      kind: 'entrustment-letter',
      number: '（2026）冀0922执委1号',
      sha256: HASH_A,
      trigger: '6:M1:entrustment-letter',
    },
  ] as const;

  it('pass: a deduction carries its own ruling and notice, not the freeze’s; an entrustment its letter; both accepted', () => {
    const deduction = orderDocuments('C1', deductionAct('A1'), issued, DEDUCTION_DOCUMENT_KINDS);
    expect(deduction.map((d) => d.docId)).toEqual(['DOC-12', 'DOC-13']);
    expect(orderDocumentsProblem(deduction, 'deduct')).toBeUndefined();
    // The freeze's own documents are still the freeze's (keyed by the asset).
    expect(orderDocuments('C1', 'A1', issued).map((d) => d.docId)).toEqual(['DOC-10', 'DOC-11']);
    const letter = orderDocuments('C1', 'M1', issued, ENTRUSTMENT_DOCUMENT_KINDS);
    expect(letter.map((d) => d.kind)).toEqual(['entrustment-letter']);
    expect(entrustmentDocumentsProblem(letter)).toBeUndefined();
  });

  it('fail: a bank refuses a deduction carrying the freeze ruling; a court refuses an entrustment without its letter', () => {
    const freeze = orderDocuments('C1', 'A1', issued);
    expect(orderDocumentsProblem(freeze, 'deduct')).toBe('扣划指令未附划拨存款的执行裁定书');
    expect(entrustmentDocumentsProblem(freeze)).toBe('委托事项未附执行事项委托函');
    expect(entrustmentDocumentsProblem([])).toBe('委托事项未附执行事项委托函');
  });
});

describe('a freeze receipt names the documents the order carried, as the journal has them', () => {
  const sent = [
    { docId: 'DOC-3', number: '（2026）冀0922执裁1号', sha256: HASH_A },
    { docId: 'DOC-4', number: '（2026）冀0922执协1号', sha256: HASH_B },
  ];
  const journal = new Map(sent.map((d) => [d.docId, { number: d.number, sha256: d.sha256 }]));
  const named = sent.map(({ number, sha256 }) => ({ number, sha256 }));

  it('pass: it names each with its hash (any order); a receipt naming none is not judged', () => {
    expect(orderReceiptProblem(sent, [...named].reverse(), journal)).toBeUndefined();
    expect(orderReceiptProblem(sent, undefined, journal)).toBeUndefined();
  });

  it('fail: a missing one, another hash, one not sent, or a sent document the journal does not have so', () => {
    expect(orderReceiptProblem(sent, named.slice(0, 1), journal)).toBe(`回执未列明所附文书 ${sent[1]?.number}`);
    expect(
      orderReceiptProblem(sent, [named[0] as never, { number: sent[1]?.number ?? '', sha256: HASH_A }], journal),
    ).toBe(`回执所列文书 ${sent[1]?.number} 的哈希值与所附文书不符`);
    expect(orderReceiptProblem(sent, [...named, { number: '（2026）冀0922执裁9号', sha256: HASH_A }], journal)).toBe(
      '回执列明了未随指令发送的文书',
    );
    expect(orderReceiptProblem([], named, journal)).toBe('回执列明了未随指令发送的文书');
    const changed = new Map(journal).set('DOC-4', { number: sent[1]?.number ?? '', sha256: HASH_A });
    expect(orderReceiptProblem(sent, named, changed)).toBe(
      `指令所附文书 ${sent[1]?.number} 与案卷日志记载的文号或哈希值不符`,
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
