import type { Instant } from '#domain/calendar/local-date.ts';
import type { RestoreState } from '#domain/evidence/retention.ts';

/** A request someone else makes with a signature we issued: the URL, and the headers they must send with it. */
export interface PresignedRequest {
  readonly method: 'PUT' | 'GET';
  readonly url: string;
  /** Headers bound into the signature: a request without exactly these values is refused by storage. */
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: Instant;
}

export interface StoredObject {
  readonly key: string;
  readonly versionId?: string;
  readonly sizeBytes: number;
  readonly contentType?: string;
  readonly lastModified: Instant;
  /** Storage's SHA-256 (base64; a COMPOSITE one ends in `-<parts>`), when storage keeps one. */
  readonly checksumSha256?: string;
  readonly checksumType?: 'FULL_OBJECT' | 'COMPOSITE';
  /** Set by storage that re-hashes what it keeps (the embedded runtime's sweep): the object no longer matches. */
  readonly failedVerification?: { readonly at: Instant; readonly problem: string };
  /** The storage class (S3's names; STANDARD when storage does not say). */
  readonly storageClass?: string;
  /** A restore of an archived object, asked for or done. */
  readonly restore?: RestoreState;
}

export interface Signing {
  /** The instant the signature is made at (the clock of the caller: the embedded runtime may run virtual time). */
  readonly signedAt: Instant;
  readonly expiresInSeconds: number;
}

/**
 * The evidence store: S3 on AWS, the embedded runtime's vault locally (local/evidence). Uploads never pass through
 * the application: it signs requests bound to the declared size, content type and SHA-256, and storage refuses
 * anything else.
 */
export interface EvidenceStore {
  presignUpload(
    request: {
      readonly key: string;
      readonly contentType: string;
      readonly sizeBytes: number;
      readonly sha256: string;
    },
    signing: Signing,
  ): Promise<PresignedRequest>;
  startMultipart(request: {
    readonly key: string;
    readonly contentType: string;
  }): Promise<{ readonly uploadId: string }>;
  presignPart(
    request: {
      readonly key: string;
      readonly uploadId: string;
      readonly partNumber: number;
      readonly sizeBytes: number;
      readonly sha256: string;
    },
    signing: Signing,
  ): Promise<PresignedRequest>;
  /** Puts the parts together; storage checks each part's SHA-256 against the one it stored for it. */
  completeMultipart(request: {
    readonly key: string;
    readonly uploadId: string;
    readonly parts: readonly { readonly partNumber: number; readonly etag: string; readonly sha256: string }[];
  }): Promise<void>;
  /** The object's metadata, or undefined if there is none under the key. */
  head(key: string, versionId?: string): Promise<StoredObject | undefined>;
  /** Reads the stored bytes and hashes them (SHA-256, hex). */
  hash(key: string, versionId?: string): Promise<{ readonly sha256: string; readonly sizeBytes: number }>;
  presignDownload(
    request: {
      readonly key: string;
      readonly versionId?: string;
      readonly disposition: 'inline' | 'attachment';
      readonly fileName: string;
    },
    signing: Signing,
  ): Promise<PresignedRequest>;
  setLegalHold(key: string, versionId: string | undefined, on: boolean): Promise<void>;
  legalHold(key: string, versionId: string | undefined): Promise<boolean>;
  /**
   * Marks the object as belonging to a closed case (the `P-EVIDENCE-STORAGE` tag): storage's lifecycle then moves
   * it to cheaper classes. Changes neither its bytes, its retention nor its legal hold. Idempotent.
   */
  markCaseClosed(key: string, versionId: string | undefined): Promise<void>;
  /** Asks for a readable copy of an archived object, kept `days` days. Idempotent while a restore is under way. */
  restore(key: string, versionId: string | undefined, days: number): Promise<void>;
}
