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
import { fileObjection, filingProblems, lapsedWindows, ruleObjection } from '#domain/disputes/objection.ts';
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
