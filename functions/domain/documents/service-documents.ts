/**
 * The documents a service carries: the enforcement notice and the asset-report order go out together (法释〔2017〕8号
 * 第三条、第四条), each referenced by its storage key and SHA-256, never its bytes; the platform's receipt names the
 * documents it delivered, and a receipt that names other documents (or other hashes) is no proof of their service.
 * Pure.
 */
import type { DocumentKind } from './templates.ts';

/** A document as a partner request references it. */
export interface DocumentReference {
  readonly docId: string;
  readonly kind: DocumentKind;
  readonly number: string;
  /** Where the signed PDF is kept: the same key locally and on AWS (documentKey). */
  readonly key: string;
  readonly sha256: string;
}

/** A document as a delivery receipt names it. */
export interface ReceiptDocument {
  readonly number: string;
  readonly sha256: string;
}

/** The kinds served with the notice, in the order they are listed. */
export const SERVED_WITH_NOTICE: readonly DocumentKind[] = ['enforcement-notice', 'asset-report-order'];

/** A document's storage key: `cases/<caseId>/documents/<docId>.pdf`. */
export function documentKey(caseId: string, docId: string): string {
  return `cases/${caseId}/documents/${docId}.pdf`;
}

/** The service's documents among a case's issued ones, in SERVED_WITH_NOTICE order. */
export function serviceDocuments(
  caseId: string,
  issued: readonly { docId: string; kind: DocumentKind; number: string; sha256: string }[],
): DocumentReference[] {
  return SERVED_WITH_NOTICE.flatMap((kind) =>
    issued
      .filter((d) => d.kind === kind)
      .map((d) => ({
        docId: d.docId,
        kind: d.kind,
        number: d.number,
        key: documentKey(caseId, d.docId),
        sha256: d.sha256,
      })),
  );
}

/**
 * Why a receipt does not prove the service of the documents sent, in Chinese; undefined when it names exactly
 * those documents with those hashes (in any order). Nothing sent, nothing to prove.
 */
export function receiptProblem(
  sent: readonly DocumentReference[],
  receipt: readonly ReceiptDocument[] | undefined,
): string | undefined {
  if (sent.length === 0) return undefined;
  if (!receipt || receipt.length === 0) return '送达回执未列明所送达的文书';
  const named = new Map(receipt.map((d) => [d.number, d.sha256]));
  for (const doc of sent) {
    const hash = named.get(doc.number);
    if (hash === undefined) return `送达回执未列明文书 ${doc.number}`;
    if (hash !== doc.sha256) return `送达回执所列文书 ${doc.number} 的哈希值与送达的文书不符`;
  }
  if (named.size !== sent.length) return '送达回执列明了未送达的文书';
  return undefined;
}

/** The kinds a freeze or seal order carries to the bank or registry: the ruling and the assistance notice. */
export const ORDER_DOCUMENT_KINDS: readonly DocumentKind[] = ['freeze-ruling', 'seal-ruling', 'assistance-notice'];
/** The kinds a deduction order carries to the bank: the deduction ruling (划拨) and the assistance notice. */
export const DEDUCTION_DOCUMENT_KINDS: readonly DocumentKind[] = ['deduction-ruling', 'assistance-notice'];
/** The kind the 终本 ruling's service on the applicant carries (法〔2016〕373号 第六条), keyed by the act 'closure'. */
export const FINAL_ROUND_RULING_KINDS: readonly DocumentKind[] = ['termination-ruling'];
/** The kind an entrustment carries to the entrusted court: the entrustment letter (执行事项委托函). */
export const ENTRUSTMENT_DOCUMENT_KINDS: readonly DocumentKind[] = ['entrustment-letter'];

/** The act a deduction's documents are keyed by (a freeze's are keyed by the asset id itself). */
export function deductionAct(assetId: string): string {
  return `deduct-${assetId}`;
}

/**
 * The documents an order about one act carries (a freeze or seal of an asset: its id; a deduction: deductionAct;
 * an entrustment: the matter's id): those of `kinds` issued for the latest commit that called for them (a trigger
 * is `<commit>:<act>:<kind>`). None when none was issued.
 */
export function orderDocuments(
  caseId: string,
  act: string,
  issued: readonly { docId: string; kind: DocumentKind; number: string; sha256: string; trigger: string }[],
  kinds: readonly DocumentKind[] = ORDER_DOCUMENT_KINDS,
): DocumentReference[] {
  const mine = issued.flatMap((d) => {
    const [seq, of] = d.trigger.split(':');
    return of === act && kinds.includes(d.kind) ? [{ doc: d, seq: Number(seq) }] : [];
  });
  const latest = Math.max(...mine.map((m) => m.seq));
  return mine
    .filter((m) => m.seq === latest)
    .sort((a, b) => kinds.indexOf(a.doc.kind) - kinds.indexOf(b.doc.kind))
    .map(({ doc }) => ({
      docId: doc.docId,
      kind: doc.kind,
      number: doc.number,
      key: documentKey(caseId, doc.docId),
      sha256: doc.sha256,
    }));
}

const WELL_FORMED = (documents: readonly DocumentReference[], what: string) => {
  const bad = documents.find((d) => !/^[0-9a-f]{64}$/.test(d.sha256) || d.number.length === 0);
  return bad ? `${what}所附文书 ${bad.number || bad.docId} 缺少文号或哈希值` : undefined;
};

/**
 * Why a bank or registry refuses an order's documents, in Chinese; undefined when the order carries one ruling of
 * the right kind (a freeze's or a seal's; a deduction's for a deduction) and one assistance notice, each with its
 * number and SHA-256. An order without documents is not judged here (a runtime that issues none).
 */
export function orderDocumentsProblem(
  documents: readonly DocumentReference[],
  order: 'freeze' | 'deduct' = 'freeze',
): string | undefined {
  const rulingKinds: readonly DocumentKind[] =
    order === 'deduct' ? ['deduction-ruling'] : ['freeze-ruling', 'seal-ruling'];
  const rulings = documents.filter((d) => rulingKinds.includes(d.kind));
  const notices = documents.filter((d) => d.kind === 'assistance-notice');
  if (rulings.length !== 1)
    return order === 'deduct' ? '扣划指令未附划拨存款的执行裁定书' : '协助执行指令未附执行裁定书';
  if (notices.length !== 1) return '协助执行指令未附协助执行通知书';
  if (documents.length !== 2) return '协助执行指令所附文书与本次指令不符';
  return WELL_FORMED(documents, '协助执行指令');
}

/** Why an entrusted court refuses an entrustment's documents: it must carry exactly its letter, numbered and hashed. */
export function entrustmentDocumentsProblem(documents: readonly DocumentReference[]): string | undefined {
  const [letter, ...rest] = documents;
  if (letter?.kind !== 'entrustment-letter' || rest.length > 0) return '委托事项未附执行事项委托函';
  return WELL_FORMED(documents, '委托事项');
}

/**
 * Why a partner's receipt does not name the documents the order carried, in Chinese; undefined when it names each
 * of them with its number and SHA-256 and nothing else. A receipt naming no documents is not judged (a partner or
 * a runtime that names none); a receipt naming documents for an order that carried none names documents not sent.
 */
export function orderReceiptProblem(
  sent: readonly { readonly docId: string; readonly number: string; readonly sha256: string }[],
  receipt: readonly ReceiptDocument[] | undefined,
  /** The journal's issued documents by id (`document-issued`): what was sent must be what the court issued. */
  journal: ReadonlyMap<string, { readonly number: string; readonly sha256: string }>,
): string | undefined {
  if (!receipt || receipt.length === 0) return undefined;
  for (const doc of sent) {
    const kept = journal.get(doc.docId);
    if (!kept || kept.number !== doc.number || kept.sha256 !== doc.sha256)
      return `指令所附文书 ${doc.number} 与案卷日志记载的文号或哈希值不符`;
  }
  const named = new Map(receipt.map((d) => [d.number, d.sha256]));
  for (const doc of sent) {
    const hash = named.get(doc.number);
    if (hash === undefined) return `回执未列明所附文书 ${doc.number}`;
    if (hash !== doc.sha256) return `回执所列文书 ${doc.number} 的哈希值与所附文书不符`;
  }
  if (named.size !== sent.length || receipt.length !== sent.length) return '回执列明了未随指令发送的文书';
  return undefined;
}

/** The document a credit-discipline publication carries to its recipients (a lifting or a removal: none yet). */
const PUBLISHED_KIND: Readonly<Record<string, DocumentKind>> = {
  restriction: 'restriction-order',
  listing: 'listing-decision',
};

/** What a publication carries: the latest issued document of its kind (the restriction order, the listing decision). */
export function publicationDocuments(
  caseId: string,
  what: string,
  issued: readonly { docId: string; kind: DocumentKind; number: string; sha256: string; trigger: string }[],
): DocumentReference[] {
  const kind = PUBLISHED_KIND[what];
  const latest = issued
    .filter((d) => d.kind === kind)
    .sort((a, b) => Number(b.trigger.split(':')[0]) - Number(a.trigger.split(':')[0]))[0];
  return latest
    ? [
        {
          docId: latest.docId,
          kind: latest.kind,
          number: latest.number,
          key: documentKey(caseId, latest.docId),
          sha256: latest.sha256,
        },
      ]
    : [];
}

/** Why a recipient refuses a publication's documents, in Chinese; undefined when it carries exactly its document. */
export function publicationDocumentsProblem(what: string, documents: readonly DocumentReference[]): string | undefined {
  const kind = PUBLISHED_KIND[what];
  if (!kind) return documents.length === 0 ? undefined : '推送所附文书与本次推送不符';
  const [doc, ...rest] = documents;
  if (!doc || doc.kind !== kind || rest.length > 0)
    return `推送未附${kind === 'restriction-order' ? '限制消费令' : '失信决定书'}`;
  return /^[0-9a-f]{64}$/.test(doc.sha256) && doc.number.length > 0
    ? undefined
    : `推送所附文书 ${doc.number || doc.docId} 缺少文号或哈希值`;
}
