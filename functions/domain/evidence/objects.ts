/**
 * Where evidence lives in the bucket and how its checksums are written. S3 speaks base64 SHA-256; people and the
 * journal speak hex. A multipart object's stored SHA-256 is COMPOSITE: the SHA-256 of its parts' binary SHA-256s,
 * with `-<parts>` appended (S3 offers no full-object SHA-256 for multipart uploads).
 */
import { createHash } from 'node:crypto';

const KEY_PATTERN = /^cases\/(c[a-z2-7]{19})\/evidence\/(e[a-z2-7]{15})$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Every object of a case lives under its own prefix, so access can be granted and audited per case. */
export function evidenceKey(caseId: string, evidenceId: string): string {
  const key = `cases/${caseId}/evidence/${evidenceId}`;
  if (!KEY_PATTERN.test(key)) throw new Error(`not a case id and evidence id: ${caseId}, ${evidenceId}`);
  return key;
}

export function casePrefix(caseId: string): string {
  return `cases/${caseId}/evidence/`;
}

/** The case and evidence ids of an evidence key, or undefined for any other key. */
export function parseEvidenceKey(key: string): { readonly caseId: string; readonly evidenceId: string } | undefined {
  const match = KEY_PATTERN.exec(key);
  if (!match?.[1] || !match[2]) return undefined;
  return { caseId: match[1], evidenceId: match[2] };
}

export function isEvidenceId(value: string): boolean {
  return /^e[a-z2-7]{15}$/.test(value);
}

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}

export function hexToBase64(hex: string): string {
  if (!isSha256Hex(hex)) throw new Error('not a SHA-256 in hex');
  return Buffer.from(hex, 'hex').toString('base64');
}

export function base64ToHex(base64: string): string {
  return Buffer.from(base64, 'base64').toString('hex');
}

/** S3's COMPOSITE SHA-256 of a multipart object, from its parts' SHA-256s (hex), in part order. */
export function compositeSha256(partsHex: readonly string[]): string {
  const digest = createHash('sha256');
  for (const part of partsHex) digest.update(Buffer.from(part, 'hex'));
  return `${digest.digest('base64')}-${partsHex.length}`;
}

/** The sizes of the parts a file of `size` bytes is cut into. */
export function partSizes(size: number, partBytes: number): number[] {
  const sizes: number[] = [];
  for (let offset = 0; offset < size; offset += partBytes) sizes.push(Math.min(partBytes, size - offset));
  return sizes;
}
