/**
 * The fold of the events of seizure renewals (B1, B2), closure and 终本 (G1, G2), re-query and resumption (G3),
 * and settlement: kept apart from ./reducer.ts, which hands these events here.
 */
import { chinaDateOf } from '../calendar/local-date.ts';
import type { CaseEvent } from './events.ts';
import type { Asset, ClosureReview, EnforcementCase, Phase, RenewalState, SettlementState } from './model.ts';
import { CaseStateError } from './reducer.ts';

export const CLOSURE_EVENT_TYPES = [
  'watch-started',
  'watch-ended',
  'renewal-scheduled',
  'renewal-sent',
  'seizure-renewed',
  'renewal-failed',
  'renewal-escalated',
  'seizure-lapsed',
  'seizure-released',
  'impound-failed',
  'closure-requested',
  'closure-refused',
  'closure-review-ended',
  'interview-requested',
  'final-round-ruled',
  'ruling-service-attempted',
  'ruling-served',
  'ruling-service-failed',
  'applicant-heard',
  'requery-recorded',
  'resumption-requested',
  'requery-ended',
  'case-resumed',
  'settlement-recorded',
  'settlement-awaiting',
  'installment-met',
  'settlement-performed',
  'settlement-breached',
  'resumption-applied',
] as const satisfies readonly CaseEvent['type'][];

export type ClosureEvent = Extract<CaseEvent, { type: (typeof CLOSURE_EVENT_TYPES)[number] }>;

export function isClosureEvent(event: CaseEvent): event is ClosureEvent {
  return (CLOSURE_EVENT_TYPES as readonly string[]).includes(event.type);
}

function asset(state: EnforcementCase, assetId: string, change: (asset: Asset) => Asset): EnforcementCase {
  const found = state.assets[assetId];
  if (!found) throw new CaseStateError(`case ${state.caseId} has no asset ${assetId}`);
  return { ...state, assets: { ...state.assets, [assetId]: change(found) } };
}

function renewal(state: EnforcementCase, assetId: string, change: (r: RenewalState) => RenewalState) {
  return asset(state, assetId, (a) => {
    if (!a.renewal) throw new CaseStateError(`case ${state.caseId}: asset ${assetId} has no renewal scheduled`);
    return { ...a, renewal: change(a.renewal) };
  });
}

function review(state: EnforcementCase, change: (r: ClosureReview) => ClosureReview): EnforcementCase {
  if (!state.closureReview) throw new CaseStateError(`case ${state.caseId} has no closure under review`);
  return { ...state, closureReview: change(state.closureReview) };
}

function settlement(state: EnforcementCase, change: (s: SettlementState) => SettlementState): EnforcementCase {
  if (!state.settlement) throw new CaseStateError(`case ${state.caseId} has no settlement`);
  return { ...state, settlement: change(state.settlement) };
}

export function applyClosureEvent(state: EnforcementCase, event: ClosureEvent, at: string): EnforcementCase {
  switch (event.type) {
    case 'watch-started':
      return {
        ...state,
        watches: {
          ...state.watches,
          [event.watch]: { run: event.run, execution: event.execution, startedAt: at, active: true },
        },
      };
    case 'watch-ended': {
      const current = state.watches?.[event.watch];
      if (!current) return state;
      return { ...state, watches: { ...state.watches, [event.watch]: { ...current, active: false } } };
    }
    case 'renewal-scheduled':
      return asset(state, event.assetId, (a) => ({
        ...a,
        renewal: { expiresOn: event.expiresOn, sendOn: event.sendOn, escalateOn: event.escalateOn, attempts: 0 },
      }));
    case 'renewal-sent': {
      let next = state;
      for (const assetId of event.assetIds)
        next = renewal(next, assetId, (r) => ({
          ...r,
          attempts: r.attempts + 1,
          lastAttemptOn: chinaDateOf(at),
          lastRequest: event.requestId,
        }));
      return next;
    }
    case 'seizure-renewed':
      return asset(state, event.assetId, ({ renewal: _done, ...a }) => ({
        ...a,
        seizedOn: event.from,
        freezeExpiresOn: event.expiresOn,
        renewals: (a.renewals ?? 0) + 1,
        lastRenewalRequest: event.requestId,
      }));
    case 'renewal-failed':
      return asset(
        renewal(state, event.assetId, (r) => ({
          ...r,
          lastFailure: event.reason,
          ...(event.final ? { exhausted: true } : {}),
        })),
        event.assetId,
        (a) => ({ ...a, lastRenewalRequest: event.requestId }),
      );
    case 'renewal-escalated':
      return renewal(state, event.assetId, (r) => ({ ...r, escalated: true }));
    case 'seizure-lapsed':
      return asset(state, event.assetId, (a) => ({ ...a, status: 'lapsed' }));
    case 'seizure-released':
      return asset(state, event.assetId, (a) => ({ ...a, status: 'released' }));
    case 'impound-failed':
      return asset(state, event.assetId, (a) => ({ ...a, notImpounded: { at, by: event.by, note: event.note } }));
    case 'closure-requested':
      return {
        ...state,
        closureReview: {
          run: event.run,
          way: event.way,
          ...(event.ground ? { ground: event.ground } : {}),
          requestedBy: event.by,
          requestedAt: at,
          ...(event.reason ? { reason: event.reason } : {}),
          status: 'open',
          problems: [],
        },
      };
    case 'closure-refused':
      return review(state, ({ waitUntil: _before, ...r }) => ({
        ...r,
        status: event.next === 'wait' ? 'waiting' : 'refused',
        problems: event.problems,
        ...(event.until ? { waitUntil: event.until } : {}),
      }));
    case 'closure-review-ended':
      return review(state, ({ interviewRequest: _done, ...r }) => ({ ...r, status: event.outcome }));
    case 'interview-requested':
      return review(state, (r) => ({ ...r, interviewRequest: event.requestId }));
    case 'final-round-ruled':
      return review(state, (r) => ({ ...r, ruled: true }));
    case 'ruling-service-attempted':
      return review(state, (r) => ({
        ...r,
        rulingRequest: event.requestId,
        rulingAttempts: (r.rulingAttempts ?? 0) + 1,
      }));
    case 'ruling-served':
      return review(state, ({ rulingRequest: _served, ...r }) => ({ ...r, rulingServedAt: at }));
    case 'ruling-service-failed':
      return review(state, ({ rulingRequest: _failed, ...r }) => r);
    case 'applicant-heard':
      return {
        ...state,
        interview: { opinion: event.opinion, by: event.by, at, ...(event.note ? { note: event.note } : {}) },
        ...(state.closureReview
          ? { closureReview: (({ interviewRequest: _heard, ...r }) => r)(state.closureReview) }
          : {}),
      };
    case 'requery-recorded': {
      const current = state.requery ?? { rounds: 0 };
      return {
        ...state,
        requery: {
          ...current,
          rounds: Math.max(current.rounds, event.round),
          lastAt: at,
          found: current.found === true || event.found.length > 0,
        },
      };
    }
    case 'resumption-requested':
      return { ...state, requery: { ...(state.requery ?? { rounds: 0 }), resumptionRequestedAt: at } };
    case 'requery-ended':
      return { ...state, requery: { ...(state.requery ?? { rounds: 0 }), ended: true } };
    case 'case-resumed':
      return { ...state, resumedAs: { caseNumber: event.caseNumber, caseId: event.caseId, at } };
    case 'settlement-recorded': {
      const interrupted: Partial<Record<Phase, number>> = { ...state.interrupted };
      for (const [phase, run] of Object.entries(event.interrupted) as [Phase, number][])
        interrupted[phase] = Math.max(interrupted[phase] ?? 0, run);
      return {
        ...state,
        interrupted,
        settlement: {
          agreedAt: at,
          by: event.by,
          installments: event.installments,
          totalFen: event.totalFen,
          baseReceivedFen: event.baseReceivedFen,
          ...(event.note ? { note: event.note } : {}),
          met: 0,
          status: 'performing',
        },
      };
    }
    case 'settlement-awaiting':
      return settlement(state, (s) => ({ ...s, awaiting: event.requestId }));
    case 'installment-met':
      return settlement(state, (s) => ({ ...s, met: Math.max(s.met, event.installment + 1) }));
    case 'settlement-performed':
      return settlement(state, ({ awaiting: _done, ...s }) => ({ ...s, status: 'performed' }));
    case 'settlement-breached':
      return settlement(state, ({ awaiting: _done, ...s }) => ({
        ...s,
        status: 'breached',
        breach: { installment: event.installment, dueOn: event.dueOn, resumeWith: event.resumeWith },
      }));
    case 'resumption-applied':
      return settlement(state, (s) => ({
        ...s,
        resumptionApplied: { by: event.by, at, ...(event.note ? { note: event.note } : {}) },
      }));
  }
}
