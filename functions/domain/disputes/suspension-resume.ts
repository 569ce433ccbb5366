/**
 * What a suspension (中止执行) or deferral (暂缓执行) stops, and what its lifting starts again (SUSPENSION,
 * TERM-EXCLUDED). The ruling stops every run in progress at its next step (case/phases.ts), but only the phases
 * that were at work are started again when it is lifted: a disposal and the coercive measures running beside it
 * both, or the coercion alone. The court's own time nodes of the stopped work are paused meanwhile (neither warned
 * about nor overdue) and move on by the days stopped when enforcement resumes; the seizures' renewals, a listing's
 * removal, the parties' windows and the disputes' own terms are not the stopped work's and keep running.
 */
import {
  compareDates,
  daysBetween,
  endOfChinaDay,
  isBefore,
  type LocalDate,
  plusDays,
  plusSeconds,
  startOfChinaDay,
} from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { EnforcementCase, Phase, TimeNode } from '../case/model.ts';
import { runningPhases } from '../case/phases.ts';
import type { SuspensionState } from './distribution-state.ts';

/**
 * The phases started again on lifting: the loops the domain drives, which take up where the case stands, and the
 * network inquiry, continued by a new run from the inquiry the stopped run sent (`continuesInvestigation`).
 */
export const RESUMABLE_PHASES: readonly Phase[] = ['investigation', 'disposal', 'coercion'];

/**
 * The phases at work when a suspension takes effect, of those a lifting starts again: the disposal while the case
 * is disposing, and the coercion when it owns the case or runs beside the disposal with its measures not ended.
 */
export function stoppedPhases(state: EnforcementCase): Phase[] {
  const running = runningPhases(state);
  const stopped: Phase[] = [];
  // The network inquiry and its answers (the control plan is not made yet: an approval pending blocks a ruling), or
  // the approved plan's freezes, entrustments and deductions being executed.
  const investigationAtWork = state.status === 'investigating' || state.status === 'controlling';
  if (investigationAtWork && running.investigation !== undefined) stopped.push('investigation');
  if (state.status === 'disposing' && running.disposal !== undefined) stopped.push('disposal');
  const measuresAtWork =
    state.status === 'coercing' || (state.status === 'disposing' && state.coercion?.outcome === undefined);
  if (measuresAtWork && running.coercion !== undefined) stopped.push('coercion');
  return stopped;
}

/**
 * The phases a lifting starts again, each once: those the ruling stopped (for a ruling recorded before it named
 * them, the phase the case was last in), unless the case is closed or a later run of the phase began meanwhile.
 */
export function phasesToResume(state: EnforcementCase): Phase[] {
  const suspension = state.suspension;
  if (!suspension || state.status === 'closed') return [];
  const stopped = suspension.stopped ?? (state.phase && suspension.interrupted?.[state.phase] ? [state.phase] : []);
  return stopped.filter(
    (phase) =>
      RESUMABLE_PHASES.includes(phase) && (state.phaseRuns[phase] ?? 0) <= (suspension.interrupted?.[phase] ?? 0),
  );
}

/**
 * A run of the investigation that continues the one a suspension stopped during the network inquiry (not a joined
 * respondent's inquiry): enforcement resumed, no later run began meanwhile, and the case is still investigating.
 */
export function continuesInvestigation(state: EnforcementCase, run: number): boolean {
  const suspension = state.suspension;
  const current = state.phaseRuns.investigation ?? 0;
  return (
    (state.status === 'investigating' || state.status === 'controlling') &&
    suspension?.status === 'resumed' &&
    (suspension.stopped ?? []).includes('investigation') &&
    run === current + 1 &&
    (suspension.interrupted?.investigation ?? 0) >= current &&
    (state.interrupted?.investigation ?? 0) >= current
  );
}

/**
 * A run (already started) continuing the control a suspension stopped: the plan was approved before the ruling, so
 * the run executes it on from where the stopped run (`run - 1`) left it, without planning or approving it again.
 */
export function continuesControl(state: EnforcementCase, run: number): boolean {
  const suspension = state.suspension;
  return (
    state.status === 'controlling' &&
    suspension?.status === 'resumed' &&
    (suspension.stopped ?? []).includes('investigation') &&
    run > 1 &&
    state.phaseRuns.investigation === run &&
    (suspension.interrupted?.investigation ?? 0) === run - 1
  );
}

const KEEPS_RUNNING = ['renewal:', 'dispute:', 'objection:', 'settlement:'];
const KEEPS_RUNNING_NODES = ['enforcement-term', 'listing-removal', 'bankruptcy-acceptance'];

/**
 * A node of the stopped work: the court's own deadline, open. Not the enforcement term (moved on by the lifting
 * itself), a party's window, the renewal of a seizure (B1, B2: the seizures stay), a listing's removal (C6), a
 * dispute's or an objection's term, a settlement's instalment, nor the bankruptcy court's answer.
 */
export function pausedBySuspension(node: TimeNode): boolean {
  if (node.status !== 'open' || node.window) return false;
  if (KEEPS_RUNNING_NODES.includes(node.node)) return false;
  return !KEEPS_RUNNING.some((prefix) => node.node.startsWith(prefix));
}

/** The paused nodes moved on by the days stopped when enforcement resumes, each first due date kept. */
export function resumedNodes(state: EnforcementCase, days: number): TimeNode[] {
  if (days <= 0) return [];
  return Object.values(state.nodes)
    .filter(pausedBySuspension)
    .map((node) => {
      const dueDate = plusDays(node.dueDate, days);
      return {
        ...node,
        dueDate,
        dueAt: endOfChinaDay(dueDate),
        originalDueDate: node.originalDueDate ?? node.dueDate,
      };
    });
}

/**
 * The watch for performance the coercion was keeping when enforcement stopped, kept again for the days it lost: a
 * new watch (its own request) until the old end moved on by the days stopped, so that the resumed measures do not
 * find their watch run out while nobody could act. `requestId` names the watch's next request.
 */
export function resumedWatch(
  state: EnforcementCase,
  days: number,
  requestId: (round: number) => string,
): CaseEvent | undefined {
  const c = state.coercion;
  const from = state.suspension?.from;
  if (days <= 0 || !from || !c?.watchUntil || c.outcome !== undefined) return undefined;
  if (!phasesToResume(state).includes('coercion') || !isBefore(startOfChinaDay(from), c.watchUntil)) return undefined;
  const shift = days * 86_400;
  return {
    type: 'performance-watched',
    until: plusSeconds(c.watchUntil, shift),
    requestId: requestId((c.watchRound ?? 0) + 1),
    ...(c.watchCheckAt ? { checkAt: plusSeconds(c.watchCheckAt, shift) } : {}),
  };
}

/**
 * Days of [from, to) during which enforcement was suspended (this suspension and the earlier ones): these are not
 * counted in the enforcement term by the lifting already, so a period of the disposal overlapping them must not
 * count them a second time (TERM-EXCLUDED: each day excluded once).
 */
export function suspendedDaysWithin(state: EnforcementCase, from: LocalDate, to: LocalDate): number {
  const current = state.suspension;
  const spans: SuspensionState[] = [...(current?.history ?? []), ...(current ? [current] : [])];
  let days = 0;
  for (const span of spans) {
    if (!span.from || (span.status !== 'in-force' && span.resumedOn === undefined)) continue;
    const start = compareDates(span.from, from) > 0 ? span.from : from;
    const until = span.resumedOn ?? to;
    const end = compareDates(until, to) < 0 ? until : to;
    if (compareDates(start, end) < 0) days += daysBetween(start, end);
  }
  return days;
}
