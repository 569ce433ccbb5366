/**
 * Deterministic identifiers. The same court and case number always give the same case id, so duplicated intake
 * events converge on one case; execution names derive from the case id and the phase run, so a repeated start is
 * recognised by Step Functions (and by the embedded runtime) as the same execution.
 */
import { createHash, createHmac } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

export function shortHash(input: string, length: number): string {
  return base32(createHash('sha256').update(input, 'utf8').digest(), length);
}

/** Full-width brackets and stray spaces are common in case numbers typed by hand: （2026）冀0922执 1号. */
export function normaliseCaseNumber(caseNumber: string): string {
  return caseNumber.normalize('NFKC').replace(/\s+/g, '');
}

export function caseIdFor(courtCode: string, caseNumber: string): string {
  return `c${shortHash(`${courtCode.trim().toUpperCase()}|${normaliseCaseNumber(caseNumber)}`, 19)}`;
}

/**
 * A party's id: a keyed HMAC-SHA256 of the ID number with the installation's party-id key (ports/party-key.ts), so
 * that an id seen in a log, a payload or an export cannot be reversed by hashing every plausible ID number.
 */
export function partyIdFor(idNumber: string, key: Uint8Array): string {
  if (key.length < 32) throw new Error('the party-id key must be at least 32 bytes');
  return `p${base32(createHmac('sha256', key).update(`party|${idNumber.trim().toUpperCase()}`, 'utf8').digest(), 15)}`;
}

/**
 * The unkeyed party id of releases before the installation key: an unsalted SHA-256, reversible by brute force.
 * Only for migrating existing cases to keyed ids; never for a new id.
 */
export function unkeyedPartyIdFor(idNumber: string): string {
  return `p${shortHash(`party|${idNumber.trim().toUpperCase()}`, 15)}`;
}

/** Step Functions execution names: at most 80 characters, and only these for CloudWatch-friendly names. */
export const EXECUTION_NAME_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;

export class InvalidExecutionNameError extends Error {
  constructor(name: string) {
    super(`not a valid execution name: ${name}`);
    this.name = 'InvalidExecutionNameError';
  }
}

export function executionName(caseId: string, phase: string, run: number): string {
  const name = `${caseId}-${phase}-${run}`;
  if (!EXECUTION_NAME_PATTERN.test(name)) throw new InvalidExecutionNameError(name);
  return name;
}

export function approvalIdFor(scope: string, step: string, level: number): string {
  return `a${shortHash(`${scope}|${step}|${level}`, 11)}`;
}

export function requestIdFor(scope: string, kind: string, round: number): string {
  return `r${shortHash(`${scope}|${kind}|${round}`, 11)}`;
}

export function derivedId(prefix: string, ...parts: readonly string[]): string {
  return `${prefix}${shortHash(parts.join('|'), 11)}`;
}

export function parseExecutionName(name: string): { caseId: string; phase: string; run: number } {
  const match = /^(c[a-z2-7]{19})-([a-z-]+)-(\d+)$/.exec(name);
  if (!match) throw new InvalidExecutionNameError(name);
  const [, caseId, phase, run] = match as unknown as [string, string, string, string];
  return { caseId, phase, run: Number(run) };
}

/** A matter another court entrusts: the same requesting court, case number, kind and reference give the same id. */
export function receivedMatterIdFor(
  fromCourt: string,
  fromCaseNumber: string,
  kind: string,
  reference: string,
): string {
  return `m${shortHash(`received|${fromCourt.trim().toUpperCase()}|${normaliseCaseNumber(fromCaseNumber)}|${kind}|${reference.trim()}`, 19)}`;
}
