/**
 * OBJ-THIRD-PARTY (执行程序解释 第十五条): a claimed deposit is not deducted while the objection runs; once it ended for
 * the applicant after the control rounds, the frozen deposit is deducted, once (control/freed-deduction.ts).
 */
import { describe, expect, it } from 'vitest';
import type { EnforcementCase } from '#domain/case/model.ts';
import { freedDeposits } from '#domain/control/freed-deduction.ts';
import { fen } from '#domain/money.ts';
import { caseFrom, filed } from '../../support/cases.ts';

const base = caseFrom([filed()]);

function claimed(
  objection: { status: string; effect?: string },
  asset: Record<string, unknown> = {},
  status: EnforcementCase['status'] = 'coercing',
): EnforcementCase {
  return {
    ...base,
    status,
    assets: {
      dep: {
        assetId: 'dep',
        class: 'deposit',
        status: 'frozen',
        frozenFen: fen(1_000_000),
        deductedFen: fen(0),
        ...asset,
      },
    },
    objections: { o1: { objectionId: 'o1', kind: 'third-party', assetId: 'dep', ...objection } },
  } as unknown as EnforcementCase;
}

describe('freedDeposits', () => {
  it('pass: the objection final for the applicant, the control rounds over: the frozen deposit is deducted', () => {
    expect(freedDeposits(claimed({ status: 'final', effect: 'resumed' })).map((a) => a.assetId)).toEqual(['dep']);
    expect(freedDeposits(claimed({ status: 'final' }, {}, 'awaiting-officer'))).toHaveLength(1);
  });

  it('fail: still running, released, already ordered, the control rounds still running, or never claimed', () => {
    expect(freedDeposits(claimed({ status: 'ruled' }))).toEqual([]);
    expect(freedDeposits(claimed({ status: 'final' }, { status: 'released' }))).toEqual([]);
    expect(freedDeposits(claimed({ status: 'final' }, { awaitingAnswer: 'deduct' }))).toEqual([]);
    expect(freedDeposits(claimed({ status: 'final' }, {}, 'controlling'))).toEqual([]);
    expect(freedDeposits(claimed({ status: 'final' }, {}, 'closed'))).toEqual([]);
    expect(freedDeposits({ ...claimed({ status: 'final' }), objections: {} })).toEqual([]);
  });
});
