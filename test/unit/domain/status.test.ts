import { describe, expect, it } from 'vitest';
import { applyEvent } from '#domain/case/reducer.ts';
import {
  assertTransition,
  CASE_STATUSES,
  canTransition,
  IllegalTransitionError,
  STATUS_LABELS,
} from '#domain/case/status.ts';
import { caseFrom, filed } from '../../support/cases.ts';

describe('case statuses', () => {
  it('has a staff-facing label for each', () => {
    for (const status of CASE_STATUSES) expect(STATUS_LABELS[status]).toMatch(/\p{Script=Han}/u);
  });

  it('pass: allowed transitions follow the table', () => {
    expect(canTransition('filed', 'triaged')).toBe(true);
    expect(canTransition('investigating', 'control-approval')).toBe(true);
    expect(canTransition('disbursing', 'closed')).toBe(true);
  });

  it('fail: anything else is refused, by name', () => {
    expect(canTransition('filed', 'closed')).toBe(false);
    expect(canTransition('closed', 'needs-attention')).toBe(false);
    expect(() => assertTransition('triaged', 'disbursing')).toThrow(IllegalTransitionError);
  });

  it('any open status may be parked in needs attention', () => {
    for (const status of CASE_STATUSES.filter((s) => s !== 'closed' && s !== 'needs-attention')) {
      expect(canTransition(status, 'needs-attention'), status).toBe(true);
    }
  });

  it('the fold itself refuses a transition outside the table, or from a status the case is not in', () => {
    const state = caseFrom([filed()]);
    expect(() => applyEvent(state, { type: 'status-changed', from: 'filed', to: 'closed', reason: 'r' }, 'at')).toThrow(
      IllegalTransitionError,
    );
    expect(() =>
      applyEvent(state, { type: 'status-changed', from: 'triaged', to: 'investigating', reason: 'r' }, 'at'),
    ).toThrow(/is filed, not triaged/);
    expect(applyEvent(state, { type: 'status-changed', from: 'filed', to: 'triaged', reason: 'r' }, 'at').status).toBe(
      'triaged',
    );
  });

  it('the fold refuses a second filing', () => {
    const state = caseFrom([filed()]);
    expect(() => applyEvent(state, filed(), '2026-03-03T00:00:00.000Z')).toThrow(/already filed/);
  });
});
