/**
 * The embedded runtime's evidence store: files under `<data-dir>/evidence` and their records in the data directory's
 * SQLite database (schema part `evidence`). No S3 stand-in, no access keys: the only way in or out is a link this
 * store signed (local/evidence/gate.ts serves them on loopback), bound to one operation on one object.
 *
 * - Upload: a signed PUT bound to the exact size, SHA-256 and content type. The bytes are hashed as they stream into
 *   a private temporary file; on any mismatch the file is removed and nothing is kept.
 * - Write-once: an object lands by a hard link that fails if the name exists, and its record by an INSERT that fails
 *   if the key exists. Triggers refuse any change to a record's content fields and any deletion of a record. The
 *   only removal is `purge`: after the retention period, never under legal hold, written to the evidence log.
 * - Every download through a link is written to the evidence log (the link itself is on the case's journal).
 * - `sweep` re-hashes the objects; one that fails is marked, and gets no download link from then on.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  createReadStream,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Instant } from '#domain/calendar/local-date.ts';
import { plusSeconds } from '#domain/calendar/local-date.ts';
import { hexToBase64 } from '#domain/evidence/objects.ts';
import { retentionDaysOf } from '#domain/evidence/retention.ts';
import { RULES } from '#domain/rules/table.ts';
import type { EvidenceStore, PresignedRequest, Signing, StoredObject } from '#ports/evidence-store.ts';
import { ensureSchema, type OpenedDatabase, transaction } from '../store/database.ts';
import { installationKey } from '../store/private-files.ts';
import { type LinkClaims, linkQuery, newNonce } from './signing.ts';
import { type ObjectRow, SCHEMA } from './vault-schema.ts';
import { VaultTiers } from './vault-tiers.ts';

/** The prod stage's evidence retention (infra/config.ts: the short archive class, ARCHIVE-RETENTION): the local default. */
export const LOCAL_RETENTION_DAYS = retentionDaysOf(RULES, 'short') ?? 10958;

export interface EvidenceLogEntry {
  readonly seq: number;
  readonly at: Instant;
  readonly key: string;
  readonly action:
    | 'stored'
    | 'read'
    | 'legal-hold'
    | 'verification-failed'
    | 'purged'
    | 'refused'
    | 'case-closed'
    | 'restore-requested';
  readonly detail: Readonly<Record<string, unknown>>;
}

/** A storage refusal: an S3-style code (the uploader and the tests read it) and its HTTP status. */
export class VaultRefusal extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = code;
    this.status = status;
    this.code = code;
  }
}

export interface VaultOptions {
  readonly dataDir: string | undefined;
  readonly database: OpenedDatabase;
  readonly now: () => Instant;
  readonly retentionDays?: number;
}

/** Where the signed links point: the gate's address, known once it listens. */
export type EndpointProvider = () => Promise<string>;

export class EvidenceVault implements EvidenceStore {
  readonly directory: string;
  readonly secret: Buffer;
  private readonly temporary: boolean;
  private readonly database: OpenedDatabase;
  private readonly now: () => Instant;
  private readonly retentionDays: number;
  private readonly tiers: VaultTiers;
  private endpointOf: EndpointProvider = async () => {
    throw new Error('the evidence gate is not started');
  };

  constructor(options: VaultOptions) {
    this.temporary = options.dataDir === undefined;
    this.directory = options.dataDir
      ? join(options.dataDir, 'evidence')
      : mkdtempSync(join(tmpdir(), 'enforcement-evidence-'));
    for (const dir of [this.directory, this.objectsDir, this.incomingDir])
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(this.directory, 0o700);
    this.secret = installationKey(join(this.directory, 'link-signing.key'));
    this.database = options.database;
    this.now = options.now;
    this.retentionDays = options.retentionDays ?? LOCAL_RETENTION_DAYS;
    ensureSchema(options.database, 'evidence', SCHEMA);
    this.tiers = new VaultTiers(options.database);
  }

  private get objectsDir(): string {
    return join(this.directory, 'objects');
  }

  private get incomingDir(): string {
    return join(this.directory, 'incoming');
  }

  /** The gate that serves the links (set by whoever starts it). */
  useEndpoint(provider: EndpointProvider): void {
    this.endpointOf = provider;
  }

  /** The file an object's bytes live in (for operators' tools and tests). */
  pathOf(key: string): string {
    const name = createHash('sha256').update(key, 'utf8').digest('hex');
    return join(this.objectsDir, name);
  }

  private row(key: string): ObjectRow | undefined {
    return this.database.db.prepare('SELECT * FROM evidence_objects WHERE key = ?').get(key) as ObjectRow | undefined;
  }

  /** A recorded object's record, purged or not. */
  record(key: string): ObjectRow | undefined {
    return this.row(key);
  }

  log(key?: string): EvidenceLogEntry[] {
    const rows = (
      key === undefined
        ? this.database.db.prepare('SELECT * FROM evidence_log ORDER BY seq').all()
        : this.database.db.prepare('SELECT * FROM evidence_log WHERE key = ? ORDER BY seq').all(key)
    ) as { seq: number; at: string; key: string; action: EvidenceLogEntry['action']; detail: string }[];
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }

  writeLog(key: string, action: EvidenceLogEntry['action'], detail: Record<string, unknown>): void {
    this.database.db
      .prepare('INSERT INTO evidence_log (at, key, action, detail) VALUES (?, ?, ?, ?)')
      .run(this.now(), key, action, JSON.stringify(detail));
  }

  private async link(claims: Omit<LinkClaims, 'nonce' | 'expiresAtMs'>, signing: Signing): Promise<string> {
    const expiresAtMs = Date.parse(signing.signedAt) + signing.expiresInSeconds * 1000;
    const endpoint = await this.endpointOf();
    return `${endpoint}/objects?${linkQuery(this.secret, { ...claims, nonce: newNonce(), expiresAtMs })}`;
  }

  async presignUpload(
    request: { key: string; contentType: string; sizeBytes: number; sha256: string },
    signing: Signing,
  ): Promise<PresignedRequest> {
    const url = await this.link(
      {
        op: 'put',
        key: request.key,
        sizeBytes: request.sizeBytes,
        sha256: request.sha256,
        contentType: request.contentType,
      },
      signing,
    );
    return {
      method: 'PUT',
      url,
      headers: {
        'content-type': request.contentType,
        'content-length': String(request.sizeBytes),
        'x-amz-checksum-sha256': hexToBase64(request.sha256),
      },
      expiresAt: plusSeconds(signing.signedAt, signing.expiresInSeconds),
    };
  }

  async startMultipart(request: { key: string; contentType: string }): Promise<{ uploadId: string }> {
    const uploadId = randomUUID();
    mkdirSync(join(this.incomingDir, uploadId), { mode: 0o700 });
    this.database.db
      .prepare('INSERT INTO evidence_uploads (upload_id, key, content_type, started_at) VALUES (?, ?, ?, ?)')
      .run(uploadId, request.key, request.contentType, this.now());
    return { uploadId };
  }

  async presignPart(
    request: { key: string; uploadId: string; partNumber: number; sizeBytes: number; sha256: string },
    signing: Signing,
  ): Promise<PresignedRequest> {
    const url = await this.link(
      {
        op: 'part',
        key: request.key,
        uploadId: request.uploadId,
        partNumber: request.partNumber,
        sizeBytes: request.sizeBytes,
        sha256: request.sha256,
      },
      signing,
    );
    return {
      method: 'PUT',
      url,
      headers: { 'content-length': String(request.sizeBytes), 'x-amz-checksum-sha256': hexToBase64(request.sha256) },
      expiresAt: plusSeconds(signing.signedAt, signing.expiresInSeconds),
    };
  }

  /** Where a part of a multipart upload waits (a part may be sent again until the upload is completed). */
  partPath(uploadId: string, partNumber: number): string {
    if (!this.upload(uploadId)) throw new VaultRefusal(404, 'NoSuchUpload', 'no such multipart upload');
    return join(this.incomingDir, uploadId, String(partNumber));
  }

  private upload(uploadId: string): { key: string; content_type: string } | undefined {
    return this.database.db
      .prepare('SELECT key, content_type FROM evidence_uploads WHERE upload_id = ?')
      .get(uploadId) as { key: string; content_type: string } | undefined;
  }

  /** A fresh private file in the incoming directory, for bytes on their way in. */
  incomingFile(): string {
    return join(this.incomingDir, `${randomUUID()}.part`);
  }

  /**
   * Makes `temporary` (bytes already checked) the object under `key`: once. The hard link fails if the object
   * exists; the INSERT fails if the key has a record. Either way the temporary file is removed.
   */
  keep(temporary: string, key: string, facts: { sha256: string; sizeBytes: number; contentType: string }): void {
    const file = this.pathOf(key);
    try {
      if (this.row(key)) throw new VaultRefusal(409, 'ObjectLocked', 'the object is recorded and cannot be replaced');
      try {
        linkSync(temporary, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new VaultRefusal(409, 'ObjectLocked', 'the object is recorded and cannot be replaced');
        }
        throw error;
      }
      chmodSync(file, 0o400);
      const now = this.now();
      transaction(this.database.db, () => {
        this.database.db
          .prepare(
            `INSERT INTO evidence_objects (key, file, sha256, size_bytes, content_type, recorded_at, retain_until)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            key,
            file,
            facts.sha256,
            facts.sizeBytes,
            facts.contentType,
            now,
            plusSeconds(now, this.retentionDays * 86_400),
          );
        this.writeLog(key, 'stored', { sha256: facts.sha256, sizeBytes: facts.sizeBytes });
      });
    } finally {
      rmSync(temporary, { force: true });
    }
  }

  async completeMultipart(request: {
    key: string;
    uploadId: string;
    parts: readonly { partNumber: number; etag: string; sha256: string }[];
  }): Promise<void> {
    const upload = this.upload(request.uploadId);
    if (!upload || upload.key !== request.key) throw new VaultRefusal(404, 'NoSuchUpload', 'no such multipart upload');
    const parts = [...request.parts].sort((a, b) => a.partNumber - b.partNumber);
    if (parts.some((p, i) => p.partNumber !== i + 1)) throw new VaultRefusal(400, 'InvalidPartOrder', 'parts missing');
    const temporary = this.incomingFile();
    const whole = createHash('sha256');
    let sizeBytes = 0;
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      for (const part of parts) {
        const path = join(this.incomingDir, request.uploadId, String(part.partNumber));
        if (!existsSync(path)) throw new VaultRefusal(400, 'InvalidPart', `part ${part.partNumber} was not uploaded`);
        const digest = createHash('sha256');
        for await (const chunk of createReadStream(path)) {
          const bytes = chunk as Buffer;
          digest.update(bytes);
          whole.update(bytes);
          sizeBytes += bytes.length;
          writeSync(fd, bytes);
        }
        const hex = digest.digest('hex');
        if (hex !== part.sha256 || part.etag.replace(/"/g, '') !== hex) {
          throw new VaultRefusal(400, 'BadDigest', `part ${part.partNumber} does not match its SHA-256`);
        }
      }
    } catch (error) {
      closeSync(fd);
      rmSync(temporary, { force: true });
      throw error;
    }
    closeSync(fd);
    this.keep(temporary, request.key, { sha256: whole.digest('hex'), sizeBytes, contentType: upload.content_type });
    rmSync(join(this.incomingDir, request.uploadId), { recursive: true, force: true });
    this.database.db.prepare('DELETE FROM evidence_uploads WHERE upload_id = ?').run(request.uploadId);
  }

  async head(key: string): Promise<StoredObject | undefined> {
    const row = this.row(key);
    if (!row || row.purged_at) return undefined;
    return {
      key,
      sizeBytes: row.size_bytes,
      contentType: row.content_type,
      lastModified: row.recorded_at,
      ...(row.failed_at ? { failedVerification: { at: row.failed_at, problem: row.failed_problem ?? '' } } : {}),
      ...this.tiers.state(key, row.recorded_at, this.now()),
    };
  }

  async hash(key: string): Promise<{ sha256: string; sizeBytes: number }> {
    const row = this.row(key);
    if (!row || row.purged_at) throw new VaultRefusal(404, 'NoSuchKey', 'no such object');
    return hashFile(row.file);
  }

  async presignDownload(
    request: { key: string; disposition: 'inline' | 'attachment'; fileName: string },
    signing: Signing,
  ): Promise<PresignedRequest> {
    const row = this.row(request.key);
    if (!row || row.purged_at) throw new VaultRefusal(404, 'NoSuchKey', 'no such object');
    if (row.failed_at) throw new VaultRefusal(403, 'FailedVerification', 'the object failed verification');
    const url = await this.link(
      { op: 'get', key: request.key, disposition: request.disposition, fileName: request.fileName },
      signing,
    );
    return { method: 'GET', url, headers: {}, expiresAt: plusSeconds(signing.signedAt, signing.expiresInSeconds) };
  }

  /** The object a download link may serve: recorded, not purged, not failed, not archived without a restore. */
  readable(key: string): ObjectRow {
    const row = this.row(key);
    if (!row || row.purged_at) throw new VaultRefusal(404, 'NoSuchKey', 'no such object');
    if (row.failed_at) throw new VaultRefusal(403, 'FailedVerification', 'the object failed verification');
    if (!this.tiers.readableNow(key, row.recorded_at, this.now()))
      throw new VaultRefusal(403, 'InvalidObjectState', 'the object is archived: restore it first');
    return row;
  }

  async markCaseClosed(key: string): Promise<void> {
    const row = this.row(key);
    if (!row || row.purged_at) throw new VaultRefusal(404, 'NoSuchKey', 'no such object');
    transaction(this.database.db, () => {
      if (this.tiers.markClosed(key, this.now())) this.writeLog(key, 'case-closed', {});
    });
  }

  async restore(key: string, _versionId: string | undefined, days: number): Promise<void> {
    const row = this.row(key);
    if (!row || row.purged_at) throw new VaultRefusal(404, 'NoSuchKey', 'no such object');
    transaction(this.database.db, () => {
      if (this.tiers.restore(key, row.recorded_at, this.now(), days)) this.writeLog(key, 'restore-requested', { days });
    });
  }

  async setLegalHold(key: string, _versionId: string | undefined, on: boolean): Promise<void> {
    const row = this.row(key);
    if (!row || row.purged_at) throw new VaultRefusal(404, 'NoSuchKey', 'no such object');
    transaction(this.database.db, () => {
      this.database.db.prepare('UPDATE evidence_objects SET legal_hold = ? WHERE key = ?').run(on ? 1 : 0, key);
      this.writeLog(key, 'legal-hold', { on });
    });
  }

  async legalHold(key: string): Promise<boolean> {
    return (this.row(key)?.legal_hold ?? 0) !== 0;
  }

  /**
   * Re-hashes every kept object not checked since `checkedBefore`; marks and returns the ones that fail now (an
   * object already marked stays marked, and is not returned again).
   */
  async sweep(checkedBefore?: Instant): Promise<{ checked: number; failed: { key: string; problem: string }[] }> {
    const rows = this.database.db
      .prepare('SELECT * FROM evidence_objects WHERE purged_at IS NULL AND failed_at IS NULL ORDER BY recorded_at')
      .all() as unknown as ObjectRow[];
    const failed: { key: string; problem: string }[] = [];
    let checked = 0;
    for (const row of rows) {
      if (checkedBefore && row.checked_at && row.checked_at >= checkedBefore) continue;
      checked++;
      const problem = await problemOf(row);
      const now = this.now();
      if (!problem) {
        this.database.db.prepare('UPDATE evidence_objects SET checked_at = ? WHERE key = ?').run(now, row.key);
        continue;
      }
      transaction(this.database.db, () => {
        this.database.db
          .prepare('UPDATE evidence_objects SET checked_at = ?, failed_at = ?, failed_problem = ? WHERE key = ?')
          .run(now, now, problem, row.key);
        this.writeLog(row.key, 'verification-failed', { problem });
      });
      failed.push({ key: row.key, problem });
    }
    return { checked, failed };
  }

  /**
   * Multipart uploads started before `startedBefore` and never completed (their links long expired): their parts are
   * removed, as S3's lifecycle rule aborts them. Nothing of them was ever recorded.
   */
  abandonUploads(startedBefore: Instant): number {
    const stale = this.database.db
      .prepare('SELECT upload_id FROM evidence_uploads WHERE started_at < ?')
      .all(startedBefore) as { upload_id: string }[];
    for (const { upload_id } of stale) {
      rmSync(join(this.incomingDir, upload_id), { recursive: true, force: true });
      this.database.db.prepare('DELETE FROM evidence_uploads WHERE upload_id = ?').run(upload_id);
    }
    return stale.length;
  }

  /**
   * The one removal: an object past its retention period and not under legal hold, by a named person with a reason,
   * on the evidence log. Its record stays (marked purged); its bytes are gone.
   */
  purge(key: string, by: string, reason: string): void {
    const row = this.row(key);
    if (!row || row.purged_at) throw new VaultRefusal(404, 'NoSuchKey', 'no such object');
    if (row.legal_hold) throw new VaultRefusal(403, 'ObjectLocked', '证据处于法律保留中，不能清除');
    const now = this.now();
    if (now < row.retain_until) {
      throw new VaultRefusal(403, 'ObjectLocked', `证据保存期至 ${row.retain_until}，期满前不能清除`);
    }
    if (reason.trim().length === 0) throw new VaultRefusal(400, 'InvalidRequest', '须说明清除理由');
    transaction(this.database.db, () => {
      this.database.db.prepare('UPDATE evidence_objects SET purged_at = ? WHERE key = ?').run(now, key);
      this.writeLog(key, 'purged', { by, reason: reason.trim(), sha256: row.sha256 });
    });
    chmodSync(row.file, 0o600);
    unlinkSync(row.file);
  }

  close(): void {
    if (this.temporary) rmSync(this.directory, { recursive: true, force: true });
    else
      for (const name of readdirSync(this.incomingDir)) {
        // Bytes that never became an object (a refused or interrupted upload) are not kept.
        if (name.endsWith('.part')) rmSync(join(this.incomingDir, name), { force: true });
      }
  }
}

async function hashFile(path: string): Promise<{ sha256: string; sizeBytes: number }> {
  const digest = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of createReadStream(path)) {
    digest.update(chunk as Buffer);
    sizeBytes += (chunk as Buffer).length;
  }
  return { sha256: digest.digest('hex'), sizeBytes };
}

async function problemOf(row: ObjectRow): Promise<string | undefined> {
  try {
    const hashed = await hashFile(row.file);
    if (hashed.sha256 !== row.sha256) return `存储内容的 SHA-256（${hashed.sha256.slice(0, 16)}…）与入卷记录不符`;
    if (hashed.sizeBytes !== row.size_bytes) return `存储内容大小 ${hashed.sizeBytes} 字节，与入卷记录不符`;
    return undefined;
  } catch (error) {
    return `无法读取存储对象（${(error as NodeJS.ErrnoException).code ?? (error as Error).name}）`;
  }
}
