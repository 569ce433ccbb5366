/**
 * What the officer's phone does, for the CLI and the tests: hash the file (whole and per part), ask for an upload,
 * send the bytes straight to storage with the signed request, complete a multipart upload, then (in the embedded
 * runtime, where no bucket event exists) record it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { partSizes } from '#domain/evidence/objects.ts';
import type { PresignedRequest } from '#ports/evidence-store.ts';
import type { Deps } from '#use-cases/context.ts';
import {
  completeEvidenceUpload,
  type Identity,
  issueEvidenceUpload,
  type RecordOutcome,
  recordEvidence,
  type UploadRequest,
} from '#use-cases/evidence.ts';

/** Storage refused the bytes: its code, and what it means for the officer. */
export class UploadRefusedError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, detail: string) {
    super(`存储拒绝了上传（${code}）：${REFUSALS[code] ?? detail}`);
    this.name = 'UploadRefusedError';
    this.status = status;
    this.code = code;
  }
}

const REFUSALS: Record<string, string> = {
  BadDigest: '文件内容与申报的 SHA-256 不符',
  SignatureDoesNotMatch: '请求与签名不符（文件大小、类型或校验和与申报的不同）',
  AccessDenied: '上传链接已过期或无效',
};

export interface FileDigest {
  readonly sizeBytes: number;
  readonly sha256: string;
  /** Per part of `partBytes`, when the file is larger than one upload. */
  readonly partsSha256?: readonly string[];
}

/** SHA-256 of the file, and of each part if it goes by multipart upload (streamed: any size). */
export async function digestFile(path: string, singleMaxBytes: number, partBytes: number): Promise<FileDigest> {
  const { size } = await stat(path);
  const whole = createHash('sha256');
  const parts: string[] = [];
  let part = createHash('sha256');
  let inPart = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    let bytes = chunk as Buffer;
    whole.update(bytes);
    while (bytes.length > 0) {
      const take = Math.min(bytes.length, partBytes - inPart);
      part.update(bytes.subarray(0, take));
      inPart += take;
      bytes = bytes.subarray(take);
      if (inPart === partBytes) {
        parts.push(part.digest('hex'));
        part = createHash('sha256');
        inPart = 0;
      }
    }
  }
  if (inPart > 0) parts.push(part.digest('hex'));
  return {
    sizeBytes: size,
    sha256: whole.digest('hex'),
    ...(size > singleMaxBytes ? { partsSha256: parts } : {}),
  };
}

/** Sends bytes with a presigned request, as a phone would; storage's refusal becomes UploadRefusedError. */
export async function sendPresigned(
  request: PresignedRequest,
  body: Buffer,
  headers: Readonly<Record<string, string>> = request.headers,
): Promise<{ readonly etag: string }> {
  const { 'content-length': _length, ...rest } = headers;
  const response = await fetch(request.url, { method: request.method, headers: rest, body });
  const text = await response.text();
  if (!response.ok) {
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? String(response.status);
    const message = /<Message>([^<]+)<\/Message>/.exec(text)?.[1] ?? text;
    throw new UploadRefusedError(response.status, code, message);
  }
  return { etag: response.headers.get('etag') ?? '' };
}

async function readRange(path: string, offset: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, offset);
    return buffer;
  } finally {
    await handle.close();
  }
}

export interface UploadedEvidence {
  readonly evidenceId: string;
  readonly method: 'single' | 'multipart';
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly recorded: RecordOutcome;
}

/** The whole path of one file, from the phone to the case journal. */
export async function uploadEvidenceFile(
  deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'staff' | 'evidence'>,
  identity: Identity,
  caseId: string,
  path: string,
  declaration: Omit<UploadRequest, 'sizeBytes' | 'sha256' | 'partsSha256'>,
): Promise<UploadedEvidence> {
  const policy = deps.rules.P_EVIDENCE;
  const digest = await digestFile(path, policy.singleUploadMaxBytes, policy.partBytes);
  const issued = await issueEvidenceUpload(deps)(identity, caseId, { ...declaration, ...digest });
  if (issued.method === 'single') {
    await sendPresigned(issued.upload, await readRange(path, 0, digest.sizeBytes));
  } else {
    const sizes = partSizes(digest.sizeBytes, issued.partBytes);
    const etags: { partNumber: number; etag: string }[] = [];
    for (const part of issued.parts) {
      const offset = (part.partNumber - 1) * issued.partBytes;
      const body = await readRange(path, offset, sizes[part.partNumber - 1] ?? 0);
      etags.push({ partNumber: part.partNumber, ...(await sendPresigned(part, body)) });
    }
    await completeEvidenceUpload(deps)(identity, caseId, issued.evidenceId, etags);
  }
  const recorded = await recordEvidence(deps)({ caseId, evidenceId: issued.evidenceId });
  return { evidenceId: issued.evidenceId, method: issued.method, ...digest, recorded };
}
