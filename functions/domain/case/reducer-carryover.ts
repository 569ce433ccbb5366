/**
 * The fold of 诉执衔接 (B3-CARRY: preserved seizures carried into the case) and of the time limit for applying (A12):
 * kept apart from ./reducer.ts, which hands these events here.
 */
import type { CaseEvent } from './events.ts';
import type { ApplicationLimit, EnforcementCase, LimitationObjection, PartyChange } from './model.ts';
import { CaseStateError } from './reducer.ts';

export const CARRYOVER_EVENT_TYPES = [
  'preservation-carried',
  'application-limit-computed',
  'limitation-objection-raised',
  'limitation-objection-decided',
  'party-change-applied',
  'party-change-ruled',
  'party-change-challenged',
  'party-change-settled',
  'joined-inquiry-waits',
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

function partyChange(state: EnforcementCase, applicationId: string, change: (c: PartyChange) => PartyChange) {
  const found = state.partyChanges?.[applicationId];
  if (!found) throw new CaseStateError(`case ${state.caseId} has no party change ${applicationId}`);
  return { ...state, partyChanges: { ...state.partyChanges, [applicationId]: change(found) } };
}

/** A final, granted change: the party joins the respondents (replacing one, for a change). */
function joined(state: EnforcementCase, c: PartyChange): EnforcementCase {
  const kept = c.change === 'change' ? state.respondents.filter((r) => r.partyId !== c.replaces) : state.respondents;
  return { ...state, respondents: [...kept, c.party] };
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
    case 'party-change-applied': {
      const { type: _type, ...applied } = event;
      const change: PartyChange = { ...applied, partyId: event.party.partyId, status: 'examining' };
      return { ...state, partyChanges: { ...state.partyChanges, [event.applicationId]: change } };
    }
    case 'party-change-ruled':
      return partyChange(state, event.applicationId, (c) => ({
        ...c,
        status: 'ruled',
        ruling: {
          outcome: event.outcome,
          by: event.by,
          reason: event.reason,
          servedOn: event.servedOn,
          challengeBy: event.challengeBy,
          challengeRoute: event.challengeRoute,
        },
      }));
    case 'party-change-challenged':
      return partyChange(state, event.applicationId, (c) => ({
        ...c,
        status: 'challenged',
        challenge: { route: event.route, filedOn: event.filedOn, by: event.by },
      }));
    case 'party-change-settled': {
      const next = partyChange(state, event.applicationId, (c) => ({ ...c, status: 'settled', final: event.outcome }));
      const settled = next.partyChanges?.[event.applicationId];
      return event.outcome === 'granted' && settled ? joined(next, settled) : next;
    }
    case 'joined-inquiry-waits':
      return { ...state, joinedInquiryWaits: [...(state.joinedInquiryWaits ?? []), event.run] };
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
