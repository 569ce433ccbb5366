/**
 * Which executions may still act on a case. A case is one record and many short executions: when a case is
 * closed, or a settlement agreement stops enforcement, or a phase is run again, the executions left behind must
 * stop at their next step instead of acting on a case that has moved on. The watches (renewals, re-queries) are
 * periodic work beside the phases and go on after closure.
 */

import { liftingUnfinished } from '../coercion/measures.ts';
import { InvalidExecutionNameError, parseExecutionName } from '../ids.ts';
import type { EnforcementCase, Phase, Watch } from './model.ts';

export const WATCHES: readonly Watch[] = ['renewal', 'requery'];

export function isWatch(name: string): name is Watch {
  return (WATCHES as readonly string[]).includes(name);
}

/**
 * The runs of the phases running now (not already ended by a settlement, a suspension or a referral): a suspension
 * of enforcement (中止执行) or a referral to bankruptcy review stops them at their next step; the watches go on.
 */
export function runningPhases(state: EnforcementCase): Partial<Record<Phase, number>> {
  const running: Partial<Record<Phase, number>> = {};
  for (const [phase, run] of Object.entries(state.phaseRuns) as [Phase, number][])
    if ((state.interrupted?.[phase] ?? 0) < run) running[phase] = run;
  return running;
}

/** Why the execution's phase no longer acts on the case, or undefined if it still does. */
export function phaseEnded(state: EnforcementCase, execution: string): string | undefined {
  let parsed: { phase: string; run: number };
  try {
    parsed = parseExecutionName(execution);
  } catch (error) {
    if (error instanceof InvalidExecutionNameError) return undefined;
    throw error;
  }
  const { phase, run } = parsed;
  if (isWatch(phase)) {
    const current = state.watches?.[phase]?.run ?? 0;
    return current > run ? `a later ${phase} watch (${current}) runs` : undefined;
  }
  const current = state.phaseRuns[phase as Phase] ?? 0;
  if (current > run) return `a later run of ${phase} (${current}) took over`;
  if ((state.interrupted?.[phase as Phase] ?? 0) >= run) return `${phase} ${run} was ended by a settlement`;
  // The closure phase writes the closure itself; everything else stops once the case is closed, except coercion
  // lifting a restriction or removing a listing after full performance (C5, C6: lifted on performance), until the
  // partners confirmed it or the phase gave it up (the removal's node then overdue, the command center told).
  if (state.status === 'closed' && phase !== 'closure' && !(phase === 'coercion' && liftingUnfinished(state)))
    return 'the case is closed';
  return undefined;
}
