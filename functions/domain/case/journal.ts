/**
 * The case journal is an append-only, hash-chained list of commits:
 * `hash = SHA-256(canonicalJSON(commit without hash) + prevHash)`, RFC 8785 canonical JSON.
 * Step Functions forgets execution history 90 days after an execution closes; this journal is the record.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Commit } from './events.ts';

export const GENESIS_HASH = '0'.repeat(64);

export function commitHash(commit: Omit<Commit, 'hash'>): string {
  const canonical = canonicalize(commit);
  if (canonical === undefined) throw new Error('commit cannot be canonicalised');
  return createHash('sha256')
    .update(canonical + commit.prevHash, 'utf8')
    .digest('hex');
}

export function sealCommit(commit: Omit<Commit, 'hash'>): Commit {
  return { ...commit, hash: commitHash(commit) };
}

export type ChainCheck =
  | { readonly ok: true; readonly commits: number; readonly head: string }
  | { readonly ok: false; readonly seq: number; readonly problem: string };

/**
 * Checks every link; reports the first commit that does not match. With the case record's version and head,
 * also catches a journal cut short (its last commits removed), which no link inside it can show.
 */
export function verifyChain(
  commits: readonly Commit[],
  record?: { readonly version: number; readonly head: string },
): ChainCheck {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const commit of commits) {
    if (commit.seq !== expectedSeq) {
      return {
        ok: false,
        seq: commit.seq,
        problem: `expected commit ${expectedSeq}, found ${commit.seq} (missing or reordered)`,
      };
    }
    if (commit.prevHash !== prevHash) {
      return { ok: false, seq: commit.seq, problem: 'previous-hash link does not match the commit before it' };
    }
    const { hash, ...body } = commit;
    if (commitHash(body) !== hash) {
      return { ok: false, seq: commit.seq, problem: 'content does not match its hash (edited after it was written)' };
    }
    prevHash = hash;
    expectedSeq++;
  }
  if (record && record.version > commits.length) {
    return {
      ok: false,
      seq: commits.length + 1,
      problem: `the case record is at commit ${record.version}, the journal ends at ${commits.length} (commits removed)`,
    };
  }
  if (record && record.version === commits.length && record.head !== prevHash) {
    return { ok: false, seq: commits.length, problem: 'the last commit is not the one the case record was built from' };
  }
  return { ok: true, commits: commits.length, head: prevHash };
}
