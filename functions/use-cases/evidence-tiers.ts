/**
 * Evidence over its retention (P-EVIDENCE-STORAGE): when a case closes, its objects are tagged so that storage's
 * lifecycle moves them to cheaper classes; a view or download of an archived object asks storage for a readable
 * copy first (a restore, journaled) and tells the member of staff when to come back.
 */
import type { Actor } from '#domain/case/events.ts';
import type { EnforcementCase, EvidenceItem } from '#domain/case/model.ts';
import { needsRestore } from '#domain/evidence/retention.ts';
import { chinaTime } from '#domain/timeline/timeline.ts';
import type { StoredObject } from '#ports/evidence-store.ts';
import { type Deps, loadCase, mutateCase } from './context.ts';
import { conflict, UseCaseError } from './errors.ts';

/** The closed case's recorded objects that still have bytes. */
function keptObjects(state: EnforcementCase): EvidenceItem[] {
  return Object.values(state.evidence ?? {}).filter((item) => item.status === 'recorded' && !item.purgedAt);
}

/**
 * Tags every kept object of a closed case for the archive tiers. Run when the case closes (on AWS from the
 * CaseClosed event, in the embedded runtime from the commit); idempotent, so it may run again.
 */
export function markClosedCaseEvidence(deps: Pick<Deps, 'cases' | 'evidence'>) {
  return async (caseId: string): Promise<{ readonly caseId: string; readonly marked: number }> => {
    const state = await loadCase(deps.cases, caseId);
    if (state.status !== 'closed') throw conflict(`案件${state.caseNumber}尚未结案，证据不转入归档存储`);
    const kept = keptObjects(state);
    for (const item of kept) await deps.evidence.markCaseClosed(item.key, item.versionId);
    return { caseId, marked: kept.length };
  };
}

/** A view or download asked of an archived object: answered 202 with when to come back, never a link yet. */
export class EvidenceRestoringError extends UseCaseError {
  readonly readyBy: string | undefined;
  constructor(code: 'evidence-restore-started' | 'evidence-restoring', message: string, readyBy?: string) {
    super(code, 202, message);
    this.readyBy = readyBy;
  }
}

/**
 * Before a link is signed: an archived object without a readable copy gets a restore (the first time, journaled)
 * and the caller a 202 naming when to come back; an object in Standard or Instant Retrieval passes.
 */
export async function ensureReadable(
  deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'evidence'>,
  state: EnforcementCase,
  item: EvidenceItem,
  stored: StoredObject | undefined,
  by: { readonly userId: string; readonly actor: Actor },
): Promise<void> {
  if (!stored || !needsRestore(stored.storageClass)) return;
  const restore = stored.restore ?? { state: 'none' };
  if (restore.state === 'available') return;
  const { restoreDays, restoreHours } = deps.rules.P_EVIDENCE_STORAGE;
  if (restore.state === 'ongoing') {
    const when = restore.readyBy ? `，预计${chinaTime(restore.readyBy)}前可查看` : `，通常${restoreHours}小时内完成`;
    throw new EvidenceRestoringError(
      'evidence-restoring',
      `证据 ${item.evidenceId} 存于归档存储，正在恢复${when}，请届时再取链接`,
      restore.readyBy,
    );
  }
  await deps.evidence.restore(item.key, item.versionId, restoreDays);
  const readyBy = new Date(Date.parse(deps.clock.now()) + restoreHours * 3_600_000).toISOString();
  await mutateCase(deps, state.caseId, by.actor, { evidence: item.evidenceId }, () => ({
    events: [{ type: 'evidence-restore-requested', evidenceId: item.evidenceId, by: by.userId, readyBy }],
    result: undefined,
  }));
  throw new EvidenceRestoringError(
    'evidence-restore-started',
    `证据 ${item.evidenceId} 已转入归档存储，已申请恢复，预计${chinaTime(readyBy)}前可查看（恢复后可查看${restoreDays}天），请届时再取链接`,
    readyBy,
  );
}
