/**
 * OBJ-ACT against a deduction (扣划) and against the consumption restriction (限制消费令): who may file and when, and
 * what an upheld ruling that stands undoes: the deducted money still on the account refunded to the respondent (the
 * rest only by 执行回转), the restriction lifted (its lifting then published by the coercion phase).
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Asset, EnforcementCase } from '#domain/case/model.ts';
import { accountBalance, applyEvent } from '#domain/case/reducer.ts';
import { planCoercion } from '#domain/coercion/plan.ts';
import { planDisbursement } from '#domain/disbursement/plan.ts';
import { planDisposal } from '#domain/disposal/plan.ts';
import {
  fileObjection,
  filingProblems,
  heldAssets,
  heldMoneyFen,
  lapsedWindows,
  ruleObjection,
} from '#domain/disputes/objection.ts';
import type { ContestedAct } from '#domain/disputes/objection-model.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst, d } from '../../support/calendar.ts';
import { applicant, caseFrom, filed, respondent } from '../../support/cases.ts';

const DEPOSIT = 'adeposit001';
const FLAT = 'aflat000001';

function asset(assetId: string, cls: Asset['class']): Asset {
  return {
    assetId,
    respondentId: respondent.partyId,
    class: cls,
    channel: 'registry',
    institution: '登记机构',
    reference: assetId,
    frozenFen: fen(0),
    deductedFen: fen(0),
    status: 'found',
  };
}

/** A deposit frozen and 8,000 yuan of it deducted; a flat sealed; a consumption restriction issued. */
function base(paidOutFen = 0): EnforcementCase {
  const events: CaseEvent[] = [
    { type: 'inquiry-answered', channel: 'registry', assets: [asset(DEPOSIT, 'deposit'), asset(FLAT, 'real-estate')] },
    { type: 'asset-frozen', assetId: DEPOSIT, amountFen: fen(800_000), expiresOn: d('2027-03-01') },
    { type: 'asset-frozen', assetId: FLAT, amountFen: fen(0), expiresOn: d('2029-03-01') },
    {
      type: 'money-received',
      entryId: 'e-deduct-1',
      amountFen: fen(800_000),
      source: 'deduction',
      assetId: DEPOSIT,
      note: '扣划',
    },
    { type: 'restriction-issued', bound: [{ partyId: respondent.partyId, role: 'respondent' }] },
  ];
  if (paidOutFen > 0)
    events.push({
      type: 'money-paid',
      entryId: 'e-paid-1',
      payeeId: applicant.partyId,
      amountFen: fen(paidOutFen),
      kind: 'disbursed',
    });
  return caseFrom([filed(3_000_000)], events);
}

function apply(state: EnforcementCase, events: readonly CaseEvent[], at: string): EnforcementCase {
  return events.reduce((s, e) => applyEvent(s, e, at), state);
}

const AT = cst('2026-04-01 10:00');
const RESPONDENT = { kind: 'act' as const, objector: { name: '被执行人', role: 'respondent' as const } };

function codes(state: EnforcementCase, act: ContestedAct, assetId = '') {
  return filingProblems(state, { ...RESPONDENT, act, assetId, grounds: 'g' }, AT).map((p) => p.code);
}

/** Filed on 1 April, upheld and served on 10 April; nobody applies for reconsideration. */
function upheldAndStood(state: EnforcementCase, act: ContestedAct, assetId = '') {
  const filing = { ...RESPONDENT, act, assetId, grounds: '理由' };
  const { objectionId, events } = fileObjection(state, filing, 'wang-fang', RULES, calendar, AT);
  const filedState = apply(state, events, AT);
  const rulingAt = cst('2026-04-10 15:00');
  const ruled = apply(
    filedState,
    ruleObjection(
      filedState,
      objectionId,
      { outcome: 'upheld', by: 'tang-jie', reasons: '理由', servedOn: d('2026-04-10') },
      RULES,
      calendar,
      rulingAt,
    ),
    rulingAt,
  );
  const lapseAt = cst('2026-04-21 00:00');
  const lapsed = lapsedWindows(ruled, lapseAt, RULES, calendar);
  return { objectionId, lapsed, state: apply(ruled, lapsed, lapseAt) };
}

describe('OBJ-ACT against a deduction (扣划)', () => {
  it('pass: a deducted deposit can be objected to; upheld and standing, the deducted money is to be refunded', () => {
    expect(codes(base(), 'deduction', DEPOSIT)).toEqual([]);
    const { objectionId, state } = upheldAndStood(base(), 'deduction', DEPOSIT);
    expect(state.objections?.[objectionId]?.result).toMatchObject({ effect: 'refunded', refundFen: 800_000 });
    expect(state.objections?.[objectionId]?.result?.reason).toContain('撤销扣划，退还被执行人');
    // The money leaves by the use case's payment; nothing is refunded twice by the ruling itself.
    expect(accountBalance(state)).toBe(800_000);
  });

  it('pass: part already paid out: only what is on the account is refunded, the rest named for 执行回转', () => {
    const { objectionId, state } = upheldAndStood(base(300_000), 'deduction', DEPOSIT);
    expect(state.objections?.[objectionId]?.result).toMatchObject({ effect: 'refunded', refundFen: 500_000 });
    expect(state.objections?.[objectionId]?.result?.reason).toContain('执行回转');
  });

  it('fail: all of it paid out, nothing is refunded (执行回转); property never deducted cannot be objected to so', () => {
    const { objectionId, state } = upheldAndStood(base(800_000), 'deduction', DEPOSIT);
    expect(state.objections?.[objectionId]?.result?.effect).toBe('unchanged');
    expect(state.objections?.[objectionId]?.result?.refundFen).toBeUndefined();
    expect(codes(base(), 'deduction', FLAT)).toEqual(['not-deducted']);
    expect(
      filingProblems(
        base(),
        {
          kind: 'third-party',
          objector: { name: '赵', role: 'third-party' },
          act: 'deduction',
          assetId: DEPOSIT,
          grounds: 'g',
        },
        AT,
      ).map((p) => p.code),
    ).toContain('kind');
  });
});

describe('OBJ-ACT against the consumption restriction (限制消费令)', () => {
  it('pass: upheld and standing, the restriction is lifted (on: objection) and the coercion phase publishes the lifting', () => {
    expect(codes(base(), 'restriction')).toEqual([]);
    const { objectionId, lapsed, state } = upheldAndStood(base(), 'restriction');
    expect(lapsed.map((e) => e.type)).toEqual(['node-met', 'restriction-lifted', 'objection-final']);
    expect(state.objections?.[objectionId]?.result?.effect).toBe('lifted');
    expect(state.coercion?.restriction).toMatchObject({ liftedOn: 'objection' });
    const decided = apply(state, [{ type: 'coercion-decided', notes: [] }], AT);
    const step = planCoercion(decided, RULES, calendar, cst('2026-04-21 09:00'), (r) => `w-${r}`);
    expect(step.next).toMatchObject({ kind: 'credit-publish', what: 'restriction-lifted' });
  });

  it('fail: no restriction in force (none issued, or lifted already), or a second objection while one is pending', () => {
    const none = caseFrom([filed(3_000_000)], []);
    expect(codes(none, 'restriction')).toEqual(['not-restricted']);
    const { state } = upheldAndStood(base(), 'restriction');
    expect(codes(state, 'restriction')).toEqual(['not-restricted']);
    const { events } = fileObjection(
      base(),
      { ...RESPONDENT, act: 'restriction', assetId: '', grounds: 'g' },
      'w',
      RULES,
      calendar,
      AT,
    );
    expect(codes(apply(base(), events, AT), 'restriction')).toEqual(['pending']);
  });

  it('dismissed and standing: the restriction stays', () => {
    const filing = { ...RESPONDENT, act: 'restriction' as const, assetId: '', grounds: '理由' };
    const { objectionId, events } = fileObjection(base(), filing, 'wang-fang', RULES, calendar, AT);
    const s1 = apply(base(), events, AT);
    const at = cst('2026-04-10 15:00');
    const s2 = apply(
      s1,
      ruleObjection(
        s1,
        objectionId,
        { outcome: 'dismissed', by: 't', reasons: 'r', servedOn: d('2026-04-10') },
        RULES,
        calendar,
        at,
      ),
      at,
    );
    const s3 = apply(s2, lapsedWindows(s2, cst('2026-04-21 00:00'), RULES, calendar), cst('2026-04-21 00:00'));
    expect(s3.objections?.[objectionId]?.result?.effect).toBe('unchanged');
    expect(s3.coercion?.restriction?.liftedAt).toBeUndefined();
  });
});

/** The flat priced (900,000 yuan) and, with `announced`, its first auction announced. */
function lotState(announced: boolean, sold = false): EnforcementCase {
  const events: CaseEvent[] = [
    { type: 'disposal-planned', assetIds: [FLAT] },
    { type: 'reference-price-started', assetId: FLAT, method: 'appraisal' },
    { type: 'reference-price-set', assetId: FLAT, method: 'appraisal', valueFen: fen(90_000_000), report: '估字1号' },
  ];
  if (announced)
    events.push(
      {
        type: 'auction-terms-set',
        assetId: FLAT,
        stage: 'first',
        startingPriceFen: fen(72_000_000),
        depositFen: fen(9_000_000),
        by: 'tang-jie',
      },
      {
        type: 'auction-announced',
        assetId: FLAT,
        round: 1,
        stage: 'first',
        auctionId: 'u1',
        startingPriceFen: fen(72_000_000),
        depositFen: fen(9_000_000),
        startsAt: cst('2026-05-01 10:00'),
        endsAt: cst('2026-05-02 10:00'),
      },
    );
  if (sold)
    events.push({
      type: 'auction-ended',
      assetId: FLAT,
      round: 1,
      outcome: 'sold',
      endedAt: cst('2026-05-02 10:00'),
      bids: 3,
      priceFen: fen(80_000_000),
      buyer: 'b1',
    });
  return apply(base(), events, AT);
}

describe('OBJ-ACT against the reference price (参考价)', () => {
  it('pass: upheld and standing, the price is set aside and the lot priced again; an announced auction is stopped with it', () => {
    expect(codes(lotState(false), 'price', FLAT)).toEqual([]);
    const { objectionId, state } = upheldAndStood(lotState(true), 'price', FLAT);
    expect(state.objections?.[objectionId]?.result?.effect).toBe('repriced');
    const lot = state.disposal?.lots[FLAT];
    expect(lot).toMatchObject({ status: 'pricing' });
    expect(lot?.referencePriceFen).toBeUndefined();
    expect(lot?.pricing).toBeUndefined();
    expect(lot?.rounds.map((r) => r.annulled)).toEqual([true]);
    const next = planDisposal(state, RULES, calendar, cst('2026-04-21 09:00'));
    expect(next.events.map((e) => e.type)).toContain('reference-price-started');
  });

  it('fail: no price yet, or the lot already sold at auction (awaiting its balance): no price left to object to', () => {
    expect(codes(base(), 'price', FLAT)).toEqual(['not-priced']);
    expect(codes(lotState(true, true), 'price', FLAT)).toEqual(['not-priced']);
  });
});

describe('OBJ-ACT against the auction (网拍规定 第三十一条)', () => {
  it('pass: upheld and standing, the auction is stopped (or annulled before the balance) and the panel sets new terms', () => {
    expect(codes(lotState(true), 'auction', FLAT)).toEqual([]);
    for (const sold of [false, true]) {
      const { objectionId, state } = upheldAndStood(lotState(true, sold), 'auction', FLAT);
      expect(state.objections?.[objectionId]?.result?.effect).toBe('annulled');
      const lot = state.disposal?.lots[FLAT];
      expect(lot).toMatchObject({ status: 'priced', referencePriceFen: 90_000_000 });
      expect(lot?.rounds.map((r) => r.annulled)).toEqual([true]);
      // The next auction is a first auction again, on the panel's new terms.
      expect(planDisposal(state, RULES, calendar, cst('2026-04-21 09:00')).next).toMatchObject({
        kind: 'approve-terms',
        stage: 'first',
      });
    }
  });

  it('fail: no auction announced or awaiting its balance: nothing to object to', () => {
    expect(codes(lotState(false), 'auction', FLAT)).toEqual(['not-auctioned']);
    expect(codes(base(), 'auction', FLAT)).toEqual(['not-auctioned']);
  });
});

describe('OBJ-THIRD-PARTY on a deposit (执行程序解释 第十五条: not disposed of while examined)', () => {
  const THIRD = { kind: 'third-party' as const, objector: { name: '赵敏', role: 'third-party' as const } };
  const claim = (state: EnforcementCase) => {
    const { objectionId, events } = fileObjection(
      state,
      { ...THIRD, assetId: DEPOSIT, grounds: '该账户系本人借给被执行人使用' },
      'wang-fang',
      RULES,
      calendar,
      AT,
    );
    return { objectionId, state: apply(state, events, AT) };
  };

  it('pass: a frozen deposit claimed is not deducted from the filing; deducted money claimed stays on the account', () => {
    const frozen = caseFrom(
      [filed(3_000_000)],
      [
        { type: 'inquiry-answered', channel: 'registry', assets: [asset(DEPOSIT, 'deposit')] },
        { type: 'asset-frozen', assetId: DEPOSIT, amountFen: fen(800_000), expiresOn: d('2027-03-01') },
      ],
    );
    expect(filingProblems(frozen, { ...THIRD, assetId: DEPOSIT, grounds: 'g' }, AT)).toEqual([]);
    expect(heldAssets(claim(frozen).state).has(DEPOSIT)).toBe(true);
    const claimed = claim(base());
    expect(heldMoneyFen(claimed.state)).toBe(800_000);
    expect(planDisbursement(claimed.state).payouts).toEqual([]);
    expect(planDisbursement(base()).payouts.map((p) => p.amountFen)).toContain(800_000);
  });

  it('pass: upheld and no suit, the deducted money goes back to the account it came from; dismissed, it is free to pay out', () => {
    const { objectionId, state } = claim(base());
    const rulingAt = cst('2026-04-10 15:00');
    const ruling = (outcome: 'upheld' | 'dismissed') =>
      apply(
        state,
        ruleObjection(
          state,
          objectionId,
          { outcome, by: 't', reasons: 'r', servedOn: d('2026-04-10') },
          RULES,
          calendar,
          rulingAt,
        ),
        rulingAt,
      );
    const lapseAt = cst('2026-04-28 00:00');
    const upheld = ruling('upheld');
    const released = apply(upheld, lapsedWindows(upheld, lapseAt, RULES, calendar), lapseAt);
    expect(released.objections?.[objectionId]?.result).toMatchObject({ effect: 'refunded', refundFen: 800_000 });
    expect(released.objections?.[objectionId]?.result?.reason).toContain('扣划款项退回被扣划账户');
    const dismissed = ruling('dismissed');
    const free = apply(dismissed, lapsedWindows(dismissed, lapseAt, RULES, calendar), lapseAt);
    expect(free.objections?.[objectionId]?.result?.effect).toBe('resumed');
    expect(heldMoneyFen(free)).toBe(0);
  });

  it('fail: a deposit whose deducted money was paid out, or never seized, cannot be claimed here', () => {
    expect(filingProblems(base(800_000), { ...THIRD, assetId: DEPOSIT, grounds: 'g' }, AT).map((p) => p.code)).toEqual([
      'money',
    ]);
    const found = caseFrom(
      [filed(3_000_000)],
      [{ type: 'inquiry-answered', channel: 'registry', assets: [asset(DEPOSIT, 'deposit')] }],
    );
    expect(filingProblems(found, { ...THIRD, assetId: DEPOSIT, grounds: 'g' }, AT).map((p) => p.code)).toEqual([
      'money',
    ]);
  });
});
