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
