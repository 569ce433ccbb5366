import type { Commit } from './events.ts';
import { GENESIS_HASH, sealCommit } from './journal.ts';
import type { EnforcementCase } from './model.ts';
import { applyCommits } from './reducer.ts';

/** What a caller asks to append: the rest of the commit comes from the case it is appended to. */
export type CommitDraftFields = Pick<Commit, 'at' | 'actor' | 'events' | 'cause'>;

/** JSON round trip: what is hashed is exactly what a store keeps and gives back. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The next commit of a case, sealed on its chain's head, and the case it makes: what every case store writes
 * (the DynamoDB adapter and the embedded runtime's SQLite store alike).
 */
export function nextCommit(
  caseId: string,
  current: EnforcementCase | undefined,
  draft: CommitDraftFields,
): { readonly commit: Commit; readonly next: EnforcementCase } {
  const seq = (current?.version ?? 0) + 1;
  const commit = sealCommit(
    plain({
      caseId,
      seq,
      at: draft.at,
      actor: draft.actor,
      events: draft.events,
      cause: draft.cause,
      prevHash: current?.head ?? GENESIS_HASH,
    }),
  );
  const next = applyCommits(current, [commit]);
  if (!next) throw new Error(`commit ${seq} of case ${caseId} produced no case`);
  return { commit, next };
}
