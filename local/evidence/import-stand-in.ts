/**
 * A data directory of an earlier release kept its evidence in the S3 stand-in's files (`<data-dir>/s3`). When the
 * runtime opens it, each recorded evidence object found there is copied into the vault, recorded with the SHA-256,
 * size and type of the case's journal (not of the bytes found: an object changed in the stand-in is then named by
 * the next sweep), its legal hold carried over. The stand-in's directory is removed only when every copied object
 * matched its journal; otherwise it stays, and the runtime logs a warning.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { EnforcementCase } from '#domain/case/model.ts';
import type { EvidenceVault } from './vault.ts';

const STAND_IN_BUCKET = 'enforcement-evidence';

async function sha256Of(path: string): Promise<string> {
  const digest = createHash('sha256');
  for await (const chunk of createReadStream(path)) digest.update(chunk as Buffer);
  return digest.digest('hex');
}

export async function importStandInEvidence(options: {
  readonly dataDir: string;
  readonly vault: EvidenceVault;
  readonly db: DynamoDBDocumentClient;
  readonly casesTable: string;
  /** Loads a case through the case store (the record and the journal's commits after it). */
  readonly load?: (caseId: string) => Promise<EnforcementCase | undefined>;
}): Promise<{ readonly imported: number; readonly mismatched: readonly string[] } | undefined> {
  const standIn = join(options.dataDir, 's3');
  if (!existsSync(standIn)) return undefined;
  const bucket = join(standIn, STAND_IN_BUCKET);
  const mismatched: string[] = [];
  let imported = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await options.db.send(new ScanCommand({ TableName: options.casesTable, ExclusiveStartKey: start }));
    start = page.LastEvaluatedKey;
    for (const record of page.Items ?? []) {
      if (record.sk !== 'CASE') continue;
      // The record may lag the journal by a few commits: the case as the store loads it, when it can.
      const stored = record.data as EnforcementCase;
      const state = (await options.load?.(stored.caseId)) ?? stored;
      for (const item of Object.values(state.evidence ?? {})) {
        if (item.status !== 'recorded' || options.vault.record(item.key)) continue;
        const source = join(bucket, `${item.key}._S3rver_object`);
        if (!existsSync(source)) {
          mismatched.push(item.key);
          continue;
        }
        const temporary = options.vault.incomingFile();
        copyFileSync(source, temporary);
        if ((await sha256Of(temporary)) !== item.sha256) mismatched.push(item.key);
        options.vault.keep(temporary, item.key, {
          sha256: item.sha256,
          sizeBytes: item.sizeBytes,
          contentType: item.contentType,
        });
        if (item.legalHold) await options.vault.setLegalHold(item.key, undefined, true);
        imported++;
      }
    }
  } while (start);
  if (mismatched.length === 0) rmSync(standIn, { recursive: true, force: true });
  return { imported, mismatched };
}
