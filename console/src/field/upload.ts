/**
 * Sends one queued capture, idempotently by its content hash: a capture the case already has (the same SHA-256,
 * recorded) is adopted, not sent again; an upload declared before (its evidence id kept) is finished, not
 * declared again. Bytes go straight to storage through the signed, checksum-bound URL (whole, or by part:
 * parts already sent are skipped); then the server records it and the app checks the record's SHA-256.
 */
import type { Api } from '../api.ts';
import { type QueueItem, saveItem } from './queue.ts';

interface Presigned {
  method: 'PUT' | 'GET';
  url: string;
  headers: Record<string, string>;
}

interface Issued {
  evidenceId: string;
  method: 'single' | 'multipart';
  upload?: Presigned;
  parts?: (Presigned & { partNumber: number })[];
}

interface Listed {
  evidence: { evidenceId: string; status: string; sha256?: string; verified?: string[] }[];
}

async function put(request: Presigned, body: Blob): Promise<string> {
  const { 'content-length': _length, ...headers } = request.headers;
  const response = await fetch(request.url, { method: request.method, headers, body });
  if (!response.ok) throw new Error('存储拒绝了上传，请稍后重试');
  return response.headers.get('etag') ?? '';
}

async function recorded(api: Api, item: QueueItem): Promise<{ evidenceId: string } | undefined> {
  const listed = await api.get<Listed>(`/cases/${item.caseId}/evidence?step=on-site`);
  // Recorded with these bytes' SHA-256, and checked by storage or re-hashed on landing.
  const good = listed.evidence.filter(
    (e) => e.status === 'recorded' && e.sha256 === item.sha256 && (e.verified ?? []).length > 0,
  );
  return good.find((e) => e.evidenceId === item.evidenceId) ?? good[0];
}

export async function send(api: Api, item: QueueItem, partBytes: number): Promise<QueueItem> {
  const done = await recorded(api, item);
  if (done) return finish(api, { ...item, evidenceId: done.evidenceId });
  item.status = 'uploading';
  await saveItem(item);
  const issued = await api.post<Issued>(`/cases/${item.caseId}/evidence/uploads`, {
    step: 'on-site',
    contentType: item.contentType,
    sizeBytes: item.sizeBytes,
    sha256: item.sha256,
    ...(item.partsSha256 ? { partsSha256: item.partsSha256 } : {}),
    device: 'field-app',
    description: `现场${item.kind === 'photo' ? '照片' : item.kind === 'video' ? '视频' : '录音'}：${item.name}`.slice(
      0,
      200,
    ),
    capturedAt: item.capturedAt,
    ...(item.position?.consent && item.position.latitude !== undefined && item.position.longitude !== undefined
      ? { location: { latitude: item.position.latitude, longitude: item.position.longitude } }
      : {}),
  });
  item.evidenceId = issued.evidenceId;
  item.etags = {};
  await saveItem(item);
  if (issued.method === 'single' && issued.upload) {
    await put(issued.upload, item.blob);
    await api.post(`/cases/${item.caseId}/evidence/uploads/${issued.evidenceId}/complete`, {});
  } else {
    for (const part of issued.parts ?? []) {
      if (item.etags[part.partNumber]) continue;
      const start = (part.partNumber - 1) * partBytes;
      item.etags[part.partNumber] = await put(part, item.blob.slice(start, start + partBytes));
      await saveItem(item);
    }
    await api.post(`/cases/${item.caseId}/evidence/uploads/${issued.evidenceId}/complete`, {
      parts: Object.entries(item.etags).map(([n, etag]) => ({ partNumber: Number(n), etag })),
    });
  }
  return finish(api, item);
}

/** Verified: the case records this evidence with these bytes' SHA-256; then its position goes on the trip. */
async function finish(api: Api, item: QueueItem): Promise<QueueItem> {
  const found = await recorded(api, item);
  if (!found) {
    // On AWS the bucket event records it a moment later: checked again on the next pass.
    item.status = 'queued';
    await saveItem(item);
    return item;
  }
  item.evidenceId = found.evidenceId;
  if (item.tripId)
    await api
      .post(`/field/trips/${item.tripId}/positions`, {
        evidenceId: found.evidenceId,
        ...(item.position ? { position: item.position } : {}),
      })
      .catch(() => undefined);
  item.status = 'verified';
  delete item.error;
  await saveItem(item);
  return item;
}
