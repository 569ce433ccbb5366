/**
 * The ports of issued documents: numbers allocated once per series (a conditional write), the archive that keeps
 * each signed PDF write-once, and the court's signing identity.
 */
import type { Instant } from '#domain/calendar/local-date.ts';
import { composeDraft, type DocumentDraft } from '#domain/documents/compose.ts';
import type { DocumentKind } from '#domain/documents/templates.ts';

export class DocumentSequenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentSequenceError';
  }
}

export interface DocumentNumbers {
  /**
   * The sequence number of `docId` in `series` (court#year#series): the next one the first time, written by a
   * conditional write so that no two documents share a number and none is skipped; the same number after.
   */
  allocate(series: string, docId: string): Promise<number>;
}

export interface IssuedDocument {
  readonly docId: string;
  readonly caseId: string;
  readonly kind: DocumentKind;
  readonly templateVersion: number;
  readonly title: string;
  readonly number: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly issuedAt: Instant;
  /** What in the case called for it: the journal commit (seq) and the act (e.g. the asset's id). */
  readonly trigger: string;
}

export class DocumentExistsError extends Error {
  constructor(docId: string) {
    super(`文书 ${docId} 已存档，不能覆盖`);
    this.name = 'DocumentExistsError';
  }
}

export interface DocumentArchive {
  /** Keeps the record and its PDF; a docId once kept is never replaced (DocumentExistsError). */
  put(record: IssuedDocument, pdf: Uint8Array): Promise<void>;
  get(docId: string): Promise<{ readonly record: IssuedDocument; readonly pdf: Uint8Array } | undefined>;
  list(caseId: string): Promise<readonly IssuedDocument[]>;
}

/**
 * Where signed PDFs are kept apart from their records (S3 with KMS and Object Lock on AWS, in the evidence bucket
 * under `cases/<caseId>/documents/<docId>.pdf`): written once, never replaced.
 */
export interface DocumentObjects {
  /**
   * Stores the PDF under `key` unless an object is there: the same bytes again (a retried issue) pass; other bytes
   * are refused with DocumentExistsError.
   */
  putOnce(key: string, pdf: Uint8Array, sha256: string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
}

/** The court's signing identity: an RSA key and its X.509 certificate, both PEM. */
export interface SigningIdentity {
  readonly keyPem: string;
  readonly certificatePem: string;
}

export interface DocumentSigningKeys {
  identity(court: { readonly code: string; readonly name: string }): Promise<SigningIdentity>;
}

/** What a signature states besides the signer: the time signed, and the name, reason and location fields. */
export interface SignatureDetails {
  readonly signingTime: Date;
  readonly name: string;
  readonly reason: string;
  readonly location: string;
}

/** Renders a composed document to a signed PDF (pdf-lib and @signpdf on both runtimes). */
export interface DocumentRenderer {
  renderSigned(
    doc: import('#domain/documents/compose.ts').ComposedDocument,
    identity: SigningIdentity,
    signature: SignatureDetails,
  ): Promise<Uint8Array>;
}

/**
 * Composes a drafted document from its template's text, renders it and signs it with the court's identity: the
 * templates' text and the signing identity are the signer's own (on AWS the dedicated render-document function holds
 * both; the functions that issue bundle the templates' index only and never see the key).
 */
export interface DocumentSigner {
  sign(
    doc: DocumentDraft,
    court: { readonly code: string; readonly name: string },
    signature: SignatureDetails,
  ): Promise<Uint8Array>;
}

/**
 * What issuing documents needs besides the case: numbers, the write-once archive, and the signer (renderer and the
 * court's signing identity). Steps and settle declare it as the `issuing` dependency and issue a phase's documents
 * as its acts are recorded (use-cases/documents.ts `issuePhaseDocuments`).
 */
export interface DocumentIssuing {
  readonly numbers: DocumentNumbers;
  readonly archive: DocumentArchive;
  readonly signer: DocumentSigner;
}

/** The signer over a signing identity and a renderer, in the process that holds both and the templates. */
export function signingWith(keys: DocumentSigningKeys, renderer: DocumentRenderer): DocumentSigner {
  return {
    async sign(doc, court, signature) {
      return renderer.renderSigned(composeDraft(doc), await keys.identity(court), signature);
    },
  };
}
