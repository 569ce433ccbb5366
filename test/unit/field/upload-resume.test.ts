/**
 * The field app's uploader (console/src/field/upload.ts) against an in-memory stand-in of the staff API and of
 * storage that behaves as both do (declare, signed parts bound to their SHA-256, complete re-hashing the whole,
 * links that expire): an interrupted multipart upload resumes from the parts storage acknowledged, never sends a
 * part or declares a capture twice while its links are valid, and is verified against the phone's SHA-256.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { IssuedUpload, Presigned, QueueItem } from '../../../console/src/field/item.ts';
import { StorageRefusal, send, type Uploader } from '../../../console/src/field/upload.ts';

const PART = 1024;
const LINK_SECONDS = 15 * 60;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Upload {
  evidenceId: string;
  expiresAt: number;
  parts: Map<number, Buffer>;
  partsSha256: string[];
}

/** The staff API and storage as the phone sees them, counting every request. */
class World {
  now = Date.parse('2026-03-02T01:00:00Z');
  readonly uploads = new Map<string, Upload>();
  readonly records: { evidenceId: string; status: string; sha256: string; verified: string[] }[] = [];
  readonly declared: string[] = [];
  readonly puts: string[] = [];
  completes = 0;
  /** Fail the n-th storage PUT from now on (1-based) as a dropped network does; 0 = never. */
  dropPutAt = 0;
  /** Called after each storage PUT that landed (e.g. to let time pass). */
  afterPut: () => void = () => undefined;
  /** The complete succeeds on the server but its answer is lost. */
  loseCompleteAnswer = false;
  /** Storage records other bytes than declared (a tampered record): the phone must not call that verified. */
  tamperRecord = false;
  saved: QueueItem[] = [];

  uploader(): Uploader {
    return {
      api: {
        get: async <T>(path: string) => this.get(path) as T,
        post: async <T>(p: string, b: unknown) => this.post(p, b) as T,
      },
      put: (request, body) => this.put(request, body),
      save: async (item) => {
        this.saved.push({ ...item, etags: { ...(item.etags ?? {}) } });
      },
    };
  }

  private get(path: string): unknown {
    if (!path.includes('/evidence')) throw new Error(`unexpected GET ${path}`);
    return { evidence: this.records };
  }

  private post(path: string, body: unknown): unknown {
    const request = body as {
      sizeBytes: number;
      partsSha256?: string[];
      parts?: { partNumber: number; etag: string }[];
    };
    if (path.endsWith('/evidence/uploads')) {
      const evidenceId = `e${this.declared.length + 1}`;
      this.declared.push(evidenceId);
      const upload: Upload = {
        evidenceId,
        expiresAt: this.now + LINK_SECONDS * 1000,
        parts: new Map(),
        partsSha256: request.partsSha256 ?? [],
      };
      this.uploads.set(evidenceId, upload);
      const issued: IssuedUpload = {
        evidenceId,
        expiresAt: new Date(upload.expiresAt).toISOString(),
        method: 'multipart',
        parts: upload.partsSha256.map((_, i) => ({
          partNumber: i + 1,
          method: 'PUT',
          url: `https://storage/${evidenceId}?part=${i + 1}`,
          headers: {},
        })),
      };
      return issued;
    }
    const complete = /\/uploads\/(e\d+)\/complete$/.exec(path);
    if (complete) {
      const upload = this.uploads.get(complete[1] ?? '');
      if (!upload) throw new Error('no such upload');
      if (this.now > upload.expiresAt) throw Object.assign(new Error('上传链接已过期'), { status: 410 });
      const numbers = (request.parts ?? []).map((p) => p.partNumber).sort((a, b) => a - b);
      if (numbers.length !== upload.partsSha256.length || numbers.some((n, i) => n !== i + 1))
        throw Object.assign(new Error('parts missing'), { status: 400 });
      const whole = Buffer.concat(numbers.map((n) => upload.parts.get(n) ?? Buffer.alloc(0)));
      this.completes++;
      this.records.push({
        evidenceId: upload.evidenceId,
        status: 'recorded',
        sha256: this.tamperRecord ? sha(Buffer.from('other')) : sha(whole),
        verified: ['rehash'],
      });
      if (this.loseCompleteAnswer) {
        this.loseCompleteAnswer = false;
        throw new TypeError('Failed to fetch');
      }
      return { evidenceId: upload.evidenceId };
    }
    return {};
  }

  private async put(request: Presigned, body: Blob): Promise<string> {
    const url = new URL(request.url);
    const upload = this.uploads.get(url.pathname.slice(1));
    const partNumber = Number(url.searchParams.get('part'));
    if (this.dropPutAt > 0 && --this.dropPutAt === 0) throw new TypeError('Failed to fetch');
    if (!upload) throw new StorageRefusal(404, 'NoSuchUpload', 'no such upload');
    if (this.now > upload.expiresAt) throw new StorageRefusal(403, 'AccessDenied', 'Request has expired');
    const bytes = Buffer.from(await body.arrayBuffer());
    if (sha(bytes) !== upload.partsSha256[partNumber - 1]) throw new StorageRefusal(400, 'BadDigest', 'digest');
    this.puts.push(`${upload.evidenceId}#${partNumber}`);
    upload.parts.set(partNumber, bytes);
    this.afterPut();
    return `"${sha(bytes)}"`;
  }
}

function video(parts: number): QueueItem {
  const bytes = Buffer.alloc(PART * parts - 100);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) % 251;
  const partsSha256: string[] = [];
  for (let start = 0; start < bytes.length; start += PART) partsSha256.push(sha(bytes.subarray(start, start + PART)));
  return {
    sha256: sha(bytes),
    caseId: 'c1',
    kind: 'video',
    contentType: 'video/mp4',
    sizeBytes: bytes.length,
    name: 'scene.mp4',
    capturedAt: '2026-03-02T01:00:00Z',
    blob: new Blob([bytes]),
    partsSha256,
    status: 'queued',
  };
}

/** The item as the phone kept it (IndexedDB), e.g. after the app was closed: the last thing saved. */
function reopened(world: World): QueueItem {
  const last = world.saved.at(-1);
  if (!last) throw new Error('nothing saved');
  return { ...last, etags: { ...(last.etags ?? {}) } };
}

describe('an interrupted multipart upload resumes from the parts storage acknowledged', () => {
  it('the network drops at part 3 of 4: the next pass sends parts 3 and 4 only, under the same declaration, and is verified', async () => {
    // Prepare
    const world = new World();
    const item = video(4);
    world.dropPutAt = 3;

    // Act
    await expect(send(world.uploader(), item, PART)).rejects.toThrow('Failed to fetch');
    const kept = reopened(world);
    world.now += 5 * 60_000;
    const done = await send(world.uploader(), kept, PART);

    // Assert
    expect(kept.etags && Object.keys(kept.etags).map(Number)).toEqual([1, 2, 3, 4]);
    expect(world.declared).toEqual(['e1']);
    expect(world.puts).toEqual(['e1#1', 'e1#2', 'e1#3', 'e1#4']);
    expect(world.completes).toBe(1);
    expect(world.records).toHaveLength(1);
    expect(world.records[0]?.sha256).toBe(item.sha256);
    expect(done.status).toBe('verified');
    expect(done.evidenceId).toBe('e1');
  });

  it('links that expired meanwhile are not used: the capture is declared again and sent whole, and recorded once', async () => {
    // Prepare
    const world = new World();
    const item = video(3);
    world.dropPutAt = 2;

    // Act
    await expect(send(world.uploader(), item, PART)).rejects.toThrow();
    world.now += (LINK_SECONDS + 60) * 1000;
    const done = await send(world.uploader(), reopened(world), PART);

    // Assert
    expect(world.declared).toEqual(['e1', 'e2']);
    expect(world.puts).toEqual(['e1#1', 'e2#1', 'e2#2', 'e2#3']);
    expect(world.records.map((r) => r.evidenceId)).toEqual(['e2']);
    expect(done.status).toBe('verified');
  });

  it('the upload expires between its last part and complete (410): declared again and sent whole in the same pass', async () => {
    // Prepare
    const world = new World();
    const item = video(2);
    world.afterPut = () => {
      if (world.puts.length === 2) world.now += (LINK_SECONDS + 60) * 1000;
    };

    // Act
    const done = await send(world.uploader(), item, PART);

    // Assert
    expect(world.declared).toEqual(['e1', 'e2']);
    expect(world.puts).toEqual(['e1#1', 'e1#2', 'e2#1', 'e2#2']);
    expect(world.records.map((r) => r.evidenceId)).toEqual(['e2']);
    expect(done.status).toBe('verified');
  });

  it('links that expire again at once are not retried in a loop: the pass fails, keeping no stale links', async () => {
    // Prepare
    const world = new World();
    const item = video(2);
    world.afterPut = () => {
      world.now += (LINK_SECONDS + 60) * 1000;
    };

    // Act
    const refused = await send(world.uploader(), item, PART).catch((e: unknown) => e);

    // Assert
    expect(refused).toBeInstanceOf(StorageRefusal);
    expect((refused as StorageRefusal).expired).toBe(true);
    expect(world.declared).toEqual(['e1', 'e2']);
    expect(world.records).toHaveLength(0);
    expect(reopened(world).issued).toBeUndefined();
  });

  it('the answer to complete is lost: the next pass adopts the record, sending and declaring nothing', async () => {
    // Prepare
    const world = new World();
    const item = video(2);
    world.loseCompleteAnswer = true;

    // Act
    await expect(send(world.uploader(), item, PART)).rejects.toThrow('Failed to fetch');
    const done = await send(world.uploader(), reopened(world), PART);

    // Assert
    expect(world.declared).toEqual(['e1']);
    expect(world.puts).toEqual(['e1#1', 'e1#2']);
    expect(world.completes).toBe(1);
    expect(done.status).toBe('verified');
  });

  it('completed but not yet recorded (AWS records a moment later): the next pass waits, re-sending nothing', async () => {
    // Prepare
    const world = new World();
    const item = video(2);
    const uploader = world.uploader();
    const lagging: Uploader = { ...uploader, api: { ...uploader.api, get: async <T>() => ({ evidence: [] }) as T } };

    // Act
    const first = await send(lagging, item, PART);
    const second = await send(lagging, reopened(world), PART);
    const third = await send(uploader, reopened(world), PART);

    // Assert
    expect(first.status).toBe('queued');
    expect(second.status).toBe('queued');
    expect(third.status).toBe('verified');
    expect(world.declared).toEqual(['e1']);
    expect(world.puts).toEqual(['e1#1', 'e1#2']);
    expect(world.records).toHaveLength(1);
  });
});

describe('verified only against the phone’s SHA-256', () => {
  it('a record whose SHA-256 differs from the phone’s is a failure, never verified', async () => {
    // Prepare
    const world = new World();
    world.tamperRecord = true;

    // Act
    const done = await send(world.uploader(), video(2), PART);

    // Assert
    expect(done.status).toBe('failed');
    expect(done.error).toContain('SHA-256');
  });

  it('a part whose bytes differ from its declared SHA-256 is refused by storage and nothing is recorded', async () => {
    // Prepare
    const world = new World();
    const item = video(2);
    const other = { ...item, blob: new Blob([Buffer.alloc(item.sizeBytes, 1)]) };

    // Act
    const refused = await send(world.uploader(), other, PART).catch((e: unknown) => e);

    // Assert
    expect(refused).toBeInstanceOf(StorageRefusal);
    expect((refused as StorageRefusal).code).toBe('BadDigest');
    expect(world.records).toHaveLength(0);
  });
});
