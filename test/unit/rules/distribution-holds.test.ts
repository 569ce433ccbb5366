/**
 * DIST-ORDER and OBJ-THIRD-PARTY (民诉法解释 第五百零六条至第五百一十条; 执行程序解释 第十五条): a distribution among
 * creditors and a third party's claim to a deducted deposit hold the same account apart. The plan shares only what
 * no objection holds; a refund never takes what a distribution holds; money free outside both is what is left.
 */
import { describe, expect, it } from 'vitest';
import type { EnforcementCase } from '#domain/case/model.ts';
import { makePlan } from '#domain/disputes/distribution.ts';
import { fundSources } from '#domain/disputes/distribution-funds.ts';
import {
  distributionHeldFen,
  finalEvents,
  freeBalanceFen,
  heldMoneyFen,
  shareableFen,
} from '#domain/disputes/objection-effects.ts';
import type { Objection } from '#domain/disputes/objection-model.ts';
import { fen } from '#domain/money.ts';
import { caseFrom, filed } from '../../support/cases.ts';

const base = caseFrom([filed()]);
const received = (entryId: string, amountFen: number, counterparty: string) => ({
  entryId,
  kind: 'received' as const,
  amountFen: fen(amountFen),
  at: '2026-04-01T02:00:00.000Z',
  counterparty,
  note: '',
});

/** 30,000 yuan from a sale, 10,000 yuan deducted from a deposit a third party claims (objection still running). */
function account(extra: Partial<EnforcementCase> = {}, status: Objection['status'] = 'ruled'): EnforcementCase {
  const claim = {
    objectionId: 'o1',
    kind: 'third-party',
    assetId: 'dep',
    status,
    objector: { name: '赵敏', role: 'third-party' },
  } as unknown as Objection;
  return {
    ...base,
    assets: {
      ...base.assets,
      dep: { assetId: 'dep', class: 'deposit', status: 'deducted', deductedFen: fen(1_000_000) },
    },
    ledger: [received('e1', 3_000_000, 'auction'), received('e2', 1_000_000, 'dep')],
    objections: { o1: claim },
    ...extra,
  } as unknown as EnforcementCase;
}

const applying = { distribution: { stage: 'applying' as const, creditors: [] } };

describe('the plan shares what no objection holds', () => {
  it('pass: 40,000 yuan on the account, 10,000 of it claimed: the plan and its sources count 30,000', () => {
    const s = account(applying);
    expect(heldMoneyFen(s)).toBe(1_000_000);
    expect(shareableFen(s)).toBe(3_000_000);
    expect(fundSources(s).availableFen).toBe(3_000_000);
    expect(makePlan(s, 0, '2026-04-02T02:00:00.000Z').availableFen).toBe(3_000_000);
  });

  it('fail: the objection ended: the whole 40,000 is shareable again', () => {
    const s = account(applying, 'final');
    expect(heldMoneyFen(s)).toBe(0);
    expect(shareableFen(s)).toBe(4_000_000);
  });
});

describe('what leaves outside a distribution', () => {
  it('pass: while a distribution runs, nothing is free outside it; the claimed money stays the objection’s', () => {
    const s = account(applying);
    expect(distributionHeldFen(s)).toBe(3_000_000);
    expect(freeBalanceFen(s)).toBe(0);
    // The third party wins: the 10,000 go back to the deposit, never the distribution's 30,000.
    const events = finalEvents(s, s.objections?.o1 as Objection, true, '判决');
    expect(events).toContainEqual(expect.objectContaining({ type: 'objection-final', refundFen: 1_000_000 }));
  });

  it('fail: a distribution paid out holds nothing; before one, the free money is what no objection holds', () => {
    expect(distributionHeldFen(account({ distribution: { stage: 'paid', creditors: [] } }))).toBe(0);
    expect(freeBalanceFen(account())).toBe(3_000_000);
    // A plan that (before this rule) shared the claimed money too leaves less on the account: the refund is capped
    // by what the distribution does not hold, the rest returned only by a reversal (执行回转).
    const shared = account(applying);
    const spent = {
      ...shared,
      ledger: [...shared.ledger, { ...received('e3', 3_500_000, 'x'), kind: 'shared' as const }],
    } as EnforcementCase;
    const events = finalEvents(spent, spent.objections?.o1 as Objection, true, '判决');
    expect(events).toContainEqual(expect.objectContaining({ type: 'objection-final', refundFen: 500_000 }));
  });
});
