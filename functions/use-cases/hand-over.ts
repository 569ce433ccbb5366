/**
 * Hand-overs between phases: a case left in a waiting status is taken over by the phase that status names, under
 * a deterministic execution name. The phases that end in such a status use this to start the next one.
 */
import type { EnforcementCase, Phase } from '#domain/case/model.ts';
import type { CaseStatus } from '#domain/case/status.ts';
import { executionName } from '#domain/ids.ts';

/** Which phase takes over a case waiting in which status. */
export const HANDOVER_PHASES: Readonly<Partial<Record<CaseStatus, Phase>>> = {
  'awaiting-coercion': 'coercion',
  'awaiting-disposal': 'disposal',
  'awaiting-final-closure': 'closure',
};

/**
 * The phase taking over the case in its waiting status, and the name of that phase's next execution: e.g.
 * `{ coercion: '<case>-coercion-2' }`. Empty when the status waits for nobody (or a closure review already runs).
 */
export function nextPhase(state: EnforcementCase): Partial<Record<Phase, string>> {
  const phase = HANDOVER_PHASES[state.status];
  if (!phase) return {};
  const review = state.closureReview?.status;
  if (phase === 'closure' && (review === 'open' || review === 'waiting')) return {};
  return { [phase]: executionName(state.caseId, phase, (state.phaseRuns[phase] ?? 0) + 1) };
}
