/**
 * The fold of 诉执衔接 (B3-CARRY: preserved seizures carried into the case) and of the time limit for applying (A12):
 * kept apart from ./reducer.ts, which hands these events here.
 */
import type { CaseEvent } from './events.ts';
import type { ApplicationLimit, EnforcementCase, LimitationObjection } from './model.ts';
import { CaseStateError } from './reducer.ts';

export const CARRYOVER_EVENT_TYPES = [
  'preservation-carried',
  'application-limit-computed',
  'limitation-objection-raised',
  'limitation-objection-decided',
] as const satisfies readonly CaseEvent['type'][];

export type CarryoverEvent = Extract<CaseEvent, { type: (typeof CARRYOVER_EVENT_TYPES)[number] }>;

export function isCarryoverEvent(event: CaseEvent): event is CarryoverEvent {
  return (CARRYOVER_EVENT_TYPES as readonly string[]).includes(event.type);
}

function limit(state: EnforcementCase): ApplicationLimit {
  if (!state.applicationLimit) throw new CaseStateError(`case ${state.caseId} has no application limit computed`);
  return state.applicationLimit;
}

function objection(
  state: EnforcementCase,
  objectionId: string,
  change: (o: LimitationObjection) => LimitationObjection,
) {
  const current = limit(state);
  const found = current.objections.find((o) => o.objectionId === objectionId);
  if (!found) throw new CaseStateError(`case ${state.caseId} has no objection ${objectionId}`);
  return {
    ...state,
    applicationLimit: {
      ...current,
      objections: current.objections.map((o) => (o.objectionId === objectionId ? change(o) : o)),
    },
  };
}

export function applyCarryoverEvent(state: EnforcementCase, event: CarryoverEvent): EnforcementCase {
  switch (event.type) {
    case 'preservation-carried': {
      const assets = { ...state.assets };
      for (const asset of event.assets) assets[asset.assetId] = asset;
      return {
        ...state,
        assets,
        preservations: { ...state.preservations, [event.preservationId]: event.rulingNumber },
      };
    }
    case 'application-limit-computed': {
      const { type: _type, ...computed } = event;
      return { ...state, applicationLimit: { ...computed, objections: state.applicationLimit?.objections ?? [] } };
    }
    case 'limitation-objection-raised': {
      const current = limit(state);
      const { type: _type, ...raised } = event;
      return {
        ...state,
        applicationLimit: { ...current, objections: [...current.objections, { ...raised, status: 'pending' }] },
      };
    }
    case 'limitation-objection-decided':
      return objection(state, event.objectionId, (o) => ({
        ...o,
        status: event.outcome,
        decidedBy: event.by,
        reason: event.reason,
        ...(event.interruptedOn ? { interruptedOn: event.interruptedOn } : {}),
      }));
  }
}
