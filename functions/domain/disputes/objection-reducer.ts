/** The objections' events folded onto the case (kept apart from ../case/reducer.ts, which hands them here). */
import { CaseStateError } from '../case/errors.ts';
import type { CaseEvent } from '../case/events.ts';
import type { EnforcementCase } from '../case/model.ts';
import { OBJECTION_EVENT_TYPES, type Objection, type ObjectionEvent } from './objection-model.ts';

export function isObjectionEvent(event: CaseEvent): event is ObjectionEvent {
  return (OBJECTION_EVENT_TYPES as readonly string[]).includes(event.type);
}

function withObjection(
  state: EnforcementCase,
  objectionId: string,
  change: (objection: Objection) => Objection,
): EnforcementCase {
  const objection = state.objections?.[objectionId];
  if (!objection) throw new CaseStateError(`case ${state.caseId} has no objection ${objectionId}`);
  return { ...state, objections: { ...state.objections, [objectionId]: change(objection) } };
}

export function applyObjectionEvent(state: EnforcementCase, event: ObjectionEvent, at: string): EnforcementCase {
  switch (event.type) {
    case 'objection-filed': {
      const { type: _type, ...filed } = event;
      const objection: Objection = { ...filed, filedAt: at, status: 'examining' };
      return { ...state, objections: { ...state.objections, [event.objectionId]: objection } };
    }
    case 'objection-ruled':
      return withObjection(state, event.objectionId, (o) => ({
        ...o,
        status: 'ruled',
        ruling: { outcome: event.outcome, by: event.by, at, servedOn: event.servedOn, reasons: event.reasons },
      }));
    case 'reconsideration-applied':
      return withObjection(state, event.objectionId, (o) => ({
        ...o,
        status: 'reconsidering',
        reconsideration: { appliedBy: event.appliedBy, receivedOn: event.receivedOn, at },
      }));
    case 'reconsideration-decided':
      return withObjection(state, event.objectionId, (o) => {
        if (!o.reconsideration) throw new CaseStateError(`objection ${o.objectionId} has no reconsideration`);
        return { ...o, reconsideration: { ...o.reconsideration, decision: event.decision, decidedAt: at } };
      });
    case 'objection-suit-filed':
      return withObjection(state, event.objectionId, (o) => ({
        ...o,
        status: 'in-suit',
        suit: { plaintiff: event.plaintiff, at },
      }));
    case 'objection-judgment':
      return withObjection(state, event.objectionId, (o) => {
        if (!o.suit) throw new CaseStateError(`objection ${o.objectionId} has no lawsuit`);
        return { ...o, suit: { ...o.suit, judgment: { for: event.for, at, reference: event.reference } } };
      });
    case 'objection-final':
      return withObjection(state, event.objectionId, (o) => ({
        ...o,
        status: 'final',
        result: {
          effect: event.effect,
          at,
          reason: event.reason,
          ...(event.refundFen !== undefined ? { refundFen: event.refundFen } : {}),
        },
      }));
  }
}
