/** Which executions may still act on a case: the guard every state change of a step passes (mutateCase). */
import { describe, expect, it } from 'vitest';
import type { EnforcementCase } from '#domain/case/model.ts';
import { phaseEnded } from '#domain/case/phases.ts';
import { caseFrom, filed } from '../../support/cases.ts';

const ID = 'cabcdefghijklmnopqrs';
const base = (): EnforcementCase => ({ ...caseFrom([filed()]), caseId: ID, phaseRuns: { coercion: 1 } });

describe('a phase ends when its case moves on', () => {
  it('pass: the current run of a phase acts; so does the next run, before it opens', () => {
    expect(phaseEnded(base(), `${ID}-coercion-1`)).toBeUndefined();
    expect(phaseEnded(base(), `${ID}-coercion-2`)).toBeUndefined();
  });

  it('fail: an older run, once a later one took over', () => {
    expect(phaseEnded({ ...base(), phaseRuns: { coercion: 2 } }, `${ID}-coercion-1`)).toBe(
      'a later run of coercion (2) took over',
    );
  });

  it('fail: every phase but the closure itself once the case is closed; the watches go on', () => {
    const closed = { ...base(), status: 'closed' as const };
    expect(phaseEnded(closed, `${ID}-coercion-1`)).toBe('the case is closed');
    expect(phaseEnded(closed, `${ID}-closure-1`)).toBeUndefined();
    expect(phaseEnded(closed, `${ID}-requery-1`)).toBeUndefined();
    expect(phaseEnded(closed, `${ID}-renewal-3`)).toBeUndefined();
  });

  it('fail: the runs a settlement agreement interrupted, not the runs started after it', () => {
    const settled = { ...base(), interrupted: { coercion: 1 } };
    expect(phaseEnded(settled, `${ID}-coercion-1`)).toBe('coercion 1 was ended by a settlement');
    expect(phaseEnded(settled, `${ID}-coercion-2`)).toBeUndefined();
  });

  it('fail: an older execution of a watch chain', () => {
    const watched = { ...base(), watches: { renewal: { run: 3, execution: '', startedAt: '', active: true } } };
    expect(phaseEnded(watched, `${ID}-renewal-2`)).toBe('a later renewal watch (3) runs');
  });
});
