/**
 * Sends one queued capture, idempotently by its content hash, and resumably:
 *  - a capture the case already has (the same SHA-256, recorded and checked) is adopted, not sent again;
 *  - the upload is declared once: its signed links are kept with the item, and a pass after an interruption (the
 *    network dropped, the app was closed) uses them again while they are valid, sending only the parts storage has
 *    not acknowledged (their ETags are kept part by part) and never a part twice;
 *  - links that expired (P-EVIDENCE.uploadLinkSeconds) cannot be used: when storage or the server says so (the
 *    phone's clock is not trusted to tell), the capture is declared again in the same pass and sent whole (storage
 *    drops the abandoned parts: S3's lifecycle rule, the local vault's sweep);
 *  - once `…/complete` is accepted, only the record is awaited (on AWS it lands a moment later): nothing is re-sent;
 *  - verified only when the case lists the evidence as recorded with this phone's SHA-256 and a storage check or
 *    re-hash; a record with another SHA-256 is shown as a failure, never as verified.
 * No DOM or IndexedDB here: the page passes in the API, the storage PUT and where to keep progress (unit-tested).
 */
import type { IssuedUpload, Presigned, QueueItem } from './item.ts';

export interface UploadApi {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

export interface Uploader {
  readonly api: UploadApi;
  /** Sends bytes to a signed URL and returns the ETag storage answers; throws StorageRefusal when refused. */
  readonly put: (request: Presigned, body: Blob) => Promise<string>;
  /** Keeps the item's progress on the phone (IndexedDB): called after every step that must survive a crash. */
  readonly save: (item: QueueItem) => Promise<unknown>;
}

/**
 * Storage refused a PUT: its HTTP status, S3 error code (`AccessDenied`, `ObjectLocked`, …) and S3's message; the
 * error's own message is the officer's (Chinese).
 */
export class StorageRefusal extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  constructor(status: number, code: string, detail: string) {
    super(`存储拒绝了上传（${code}），将重试`);
    this.name = 'StorageRefusal';
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  /** The link's time ran out (S3 and the local gate both answer 403 "Request has expired"). */
  get expired(): boolean {
    return this.status === 403 && /expired/i.test(this.detail);
  }
}

interface Listed {
  evidence: { evidenceId: string; status: string; sha256?: string; verified?: string[] }[];
}

async function listed(api: UploadApi, item: QueueItem): Promise<Listed['evidence']> {
  return (await api.get<Listed>(`/cases/${item.caseId}/evidence?step=on-site`)).evidence;
}

/** Recorded with these bytes' SHA-256, and checked by storage or re-hashed on landing. */
function good(evidence: Listed['evidence'], item: QueueItem): Listed['evidence'][number] | undefined {
  const matching = evidence.filter(
    (e) => e.status === 'recorded' && e.sha256 === item.sha256 && (e.verified ?? []).length > 0,
  );
  return matching.find((e) => e.evidenceId === item.evidenceId) ?? matching[0];
}

/** Storage refused an expired link, or the server an expired upload (410 at complete). */
function expired(error: unknown): boolean {
  return (error instanceof StorageRefusal && error.expired) || (error as { status?: number }).status === 410;
}

const DESCRIPTION: Record<QueueItem['kind'], string> = { photo: '照片', video: '视频', audio: '录音' };

async function declare(u: Uploader, item: QueueItem): Promise<IssuedUpload> {
  const position = item.position;
  return u.api.post<IssuedUpload>(`/cases/${item.caseId}/evidence/uploads`, {
    step: 'on-site',
    contentType: item.contentType,
    sizeBytes: item.sizeBytes,
    sha256: item.sha256,
    ...(item.partsSha256 ? { partsSha256: item.partsSha256 } : {}),
    device: 'field-app',
    description: `现场${DESCRIPTION[item.kind]}：${item.name}`.slice(0, 200),
    capturedAt: item.capturedAt,
    ...(position?.consent && position.latitude !== undefined && position.longitude !== undefined
      ? { location: { latitude: position.latitude, longitude: position.longitude } }
      : {}),
  });
}

/** Sends what storage has not acknowledged, then asks the server to complete the upload. */
async function transfer(u: Uploader, item: QueueItem, issued: IssuedUpload, partBytes: number): Promise<void> {
  item.etags ??= {};
  const etags = item.etags;
  const complete = `/cases/${item.caseId}/evidence/uploads/${issued.evidenceId}/complete`;
  if (issued.method === 'single' && issued.upload) {
    if (!etags[1]) {
      try {
        etags[1] = await u.put(issued.upload, item.blob);
      } catch (error) {
        // Landed before, its answer lost: storage keeps an object once and refuses it again (write-once).
        if (!(error instanceof StorageRefusal && error.code === 'ObjectLocked')) throw error;
        etags[1] = 'landed';
      }
      await u.save(item);
    }
    await u.api.post(complete, {});
    return;
  }
  for (const part of issued.parts ?? []) {
    if (etags[part.partNumber]) continue;
    const start = (part.partNumber - 1) * partBytes;
    etags[part.partNumber] = await u.put(part, item.blob.slice(start, start + partBytes));
    await u.save(item);
  }
  await u.api.post(complete, {
    parts: Object.entries(etags).map(([n, etag]) => ({ partNumber: Number(n), etag })),
  });
}

export async function send(u: Uploader, item: QueueItem, partBytes: number): Promise<QueueItem> {
  const found = good(await listed(u.api, item), item);
  if (found) return finish(u, { ...item, evidenceId: found.evidenceId });
  if (item.completed) return finish(u, item);
  item.status = 'uploading';
  for (let attempt = 1; ; attempt++) {
    if (!item.issued) {
      // First pass, or the links ran out: declare (again). Parts sent under the old links cannot be reused.
      const issued = await declare(u, item);
      item.issued = issued;
      item.evidenceId = issued.evidenceId;
      item.etags = {};
    }
    await u.save(item);
    try {
      await transfer(u, item, item.issued, partBytes);
      break;
    } catch (error) {
      if (!expired(error)) throw error;
      delete item.issued;
      item.etags = {};
      await u.save(item);
      if (attempt > 1) throw error;
    }
  }
  item.completed = true;
  await u.save(item);
  return finish(u, item);
}

/** Verified: the case records this evidence with these bytes' SHA-256; then its position goes on the trip. */
async function finish(u: Uploader, item: QueueItem): Promise<QueueItem> {
  const evidence = await listed(u.api, item);
  const mine = evidence.find((e) => e.evidenceId === item.evidenceId);
  if (mine?.status === 'recorded' && mine.sha256 !== item.sha256) {
    item.status = 'failed';
    item.error = '入卷记录的 SHA-256 与本机计算的不一致，未核验，请联系指挥中心';
    await u.save(item);
    return item;
  }
  const found = good(evidence, item);
  if (!found) {
    // On AWS the bucket event records it a moment later: checked again on the next pass.
    item.status = 'queued';
    await u.save(item);
    return item;
  }
  item.evidenceId = found.evidenceId;
  if (item.tripId)
    await u.api
      .post(`/field/trips/${item.tripId}/positions`, {
        evidenceId: found.evidenceId,
        ...(item.position ? { position: item.position } : {}),
      })
      .catch(() => undefined);
  item.status = 'verified';
  delete item.error;
  delete item.issued;
  await u.save(item);
  return item;
}
