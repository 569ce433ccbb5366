/**
 * A capture in the field app's offline queue (console/src/field/queue.ts keeps them in IndexedDB): what was captured,
 * and how far its upload has gone, so that a pass after an interruption goes on from there. No DOM here: the upload
 * logic that reads it (./upload.ts) is unit-tested in Node.
 */

export type QueueStatus = 'queued' | 'uploading' | 'verified' | 'failed';

/** A signed storage request, as the staff API issues it. */
export interface Presigned {
  readonly method: 'PUT' | 'GET';
  readonly url: string;
  readonly headers: Record<string, string>;
}

/** The upload the server declared for this capture: its links, valid until `expiresAt`. */
export interface IssuedUpload {
  readonly evidenceId: string;
  readonly expiresAt: string;
  readonly method: 'single' | 'multipart';
  readonly upload?: Presigned;
  readonly parts?: readonly (Presigned & { readonly partNumber: number })[];
}

export interface QueueItem {
  /** SHA-256 of the bytes, lower-case hex: the item's key. */
  readonly sha256: string;
  readonly caseId: string;
  readonly tripId?: string;
  readonly kind: 'photo' | 'video' | 'audio';
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly name: string;
  readonly capturedAt: string;
  readonly position?: { consent: boolean; latitude?: number; longitude?: number; accuracyMeters?: number };
  readonly blob: Blob;
  /** Per part of a multipart upload, their SHA-256 (hex). */
  readonly partsSha256?: string[];
  status: QueueStatus;
  evidenceId?: string;
  /**
   * The declared upload and its signed links (each bound to one part's size and SHA-256, short-lived): kept on the
   * phone so that an interrupted upload resumes with them, without declaring the capture again.
   */
  issued?: IssuedUpload;
  /** Parts already sent (multipart: resumable), by part number: their ETags. */
  etags?: Record<number, string>;
  /** The server accepted `…/complete`: only its record is awaited (on AWS it lands a moment later). */
  completed?: boolean;
  error?: string;
}
