/**
 * DIST-APPLY, DIST-ORDER, DIST-OBJECTION, DIST-OPPOSITION and P-DISTRIBUTION (民诉法解释 2022年修正 第五百零六条至第五百一十条):
 * who may share, the plan in whole fen, the windows, and what the court pays when a window ends unused.
 */
import { describe, expect, it } from 'vitest';
import { plusSeconds } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import {
  applicationProblems,
  lapsed,
  makePlan,
  OBJECTION_NODE,
  OPPOSITION_NODE,
  revisedPlan,
  windowNode,
} from '#domain/disputes/distribution.ts';
import { planShares, planTotal, proRata, settle, undisputed } from '#domain/disputes/distribution-plan.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst } from '../../support/calendar.ts';
import { caseFrom, filed, respondent } from '../../support/cases.ts';

const NOW = cst('2026-04-01 10:00');
const received = (amountFen: number): CaseEvent => ({
  type: 'money-received',
  entryId: 'e-deduction',
  amountFen: fen(amountFen),
  source: 'deduction',
  note: '扣划',
});
const applied = (creditorId: string, claimFen: number, priority = false): CaseEvent => ({
  type: 'distribution-applied',
  creditor: {
    creditorId,
    name: creditorId,
    claimFen: fen(claimFen),
    priority,
    title: '（2026）冀0922民初9号',
    host: false,
    appliedAt: NOW,
  },
});
/** 50,000 yuan owed to the applicant; 30,000 yuan on the account. */
const holding = (...events: CaseEvent[]): EnforcementCase =>
  caseFrom([filed(5_000_000)], [received(3_000_000)], events);

describe('P-DISTRIBUTION: pro rata in whole fen', () => {
  it('pass: shares add up to the pool to the fen, the odd fen to the largest remainders', () => {
    expect(proRata(100, [1, 1, 1])).toEqual([1, 1, 1]);
    expect(proRata(10, [5, 5, 5])).toEqual([4, 3, 3]);
    const shares = proRata(1_000_001, [3_333_333, 3_333_333, 3_333_334]);
    expect(shares.reduce((t, s) => t + s, 0)).toBe(1_000_001);
    expect(shares).toEqual([333_334, 333_333, 333_334]);
  });

  it('fail: ties go by order of application, never to a later creditor first', () => {
    expect(proRata(2, [3, 3, 3])).toEqual([1, 1, 0]);
    expect(proRata(2, [3, 3, 3])).not.toEqual([0, 1, 1]);
  });
});

describe('DIST-ORDER: costs, priority, then pro rata', () => {
  it('pass: costs first, the priority claim in full, the rest split, the total is the money', () => {
    const plan = planShares(3_000_000, 10_000, [
      { creditorId: 'a', claimFen: 5_000_000, priority: false },
      { creditorId: 'm', claimFen: 990_000, priority: true },
      { creditorId: 'b', claimFen: 2_500_000, priority: false },
    ]);
    expect(plan.shares).toEqual([
      { creditorId: 'm', amountFen: 990_000, kind: 'priority' },
      // 1,333,333.33 and 666,666.67: the odd fen to the larger remainder.
      { creditorId: 'a', amountFen: 1_333_333, kind: 'pro-rata' },
      { creditorId: 'b', amountFen: 666_667, kind: 'pro-rata' },
    ]);
    expect(planTotal(plan)).toBe(3_000_000);
    expect(plan.refundFen).toBe(0);
  });

  it('fail: costs above the money are refused; money above every claim goes back, not to a creditor', () => {
    expect(() => planShares(100, 101, [])).toThrow('执行费用超过可供分配的案款');
    const plan = planShares(1_000, 0, [{ creditorId: 'a', claimFen: 600, priority: false }]);
    expect(plan.shares[0]?.amountFen).toBe(600);
    expect(plan.refundFen).toBe(400);
  });

  it('holds exactly the disputed money while the suit runs; either judgment pays out the rest to the fen', () => {
    const original = planShares(1_000_001, 0, [
      { creditorId: 'a', claimFen: 3_000_000, priority: false },
      { creditorId: 'b', claimFen: 2_000_000, priority: false },
      { creditorId: 'c', claimFen: 1_000_000, priority: false },
    ]);
    const revised = planShares(1_000_001, 0, [
      { creditorId: 'a', claimFen: 3_000_000, priority: false },
      { creditorId: 'b', claimFen: 500_000, priority: false },
      { creditorId: 'c', claimFen: 1_000_000, priority: false },
    ]);
    const now = undisputed(original, revised);
    const paidNow = now.shares.reduce((t, s) => t + s.amountFen, 0);
    expect(paidNow + now.heldFen).toBe(1_000_001);
    for (const upheld of [original, revised]) {
      const rest = settle(upheld, now.shares, 0);
      expect(rest.shares.every((s) => s.amountFen >= 0)).toBe(true);
      expect(rest.shares.reduce((t, s) => t + s.amountFen, 0) + rest.refundFen).toBe(now.heldFen);
    }
  });
});

describe('DIST-APPLY: who may share, and when', () => {
  it('pass: a creditor with a title, a natural-person respondent, money not yet paid out and not enough of it', () => {
    expect(applicationProblems(holding(), { creditorId: 'b', claimFen: 2_500_000, priority: false }, RULES)).toEqual(
      [],
    );
  });

  it('fail: an organisation respondent (bankruptcy is its way), the same creditor twice, money enough for all', () => {
    const organisation = caseFrom(
      [{ ...filed(5_000_000), respondents: [{ ...respondent, kind: 'organisation' }] }],
      [received(3_000_000)],
    );
    expect(
      applicationProblems(organisation, { creditorId: 'b', claimFen: 2_500_000, priority: false }, RULES).map(
        (p) => p.message,
      ),
    ).toContain('参与分配仅适用于被执行人为公民的案件（被执行人为企业法人的，依法申请破产）');
    expect(
      applicationProblems(holding(applied('b', 100)), { creditorId: 'b', claimFen: 100, priority: false }, RULES)[0]
        ?.message,
    ).toBe('该债权人已申请参与分配');
    const plenty = caseFrom([filed(1_000_000)], [received(3_000_000)]);
    expect(applicationProblems(plenty, { creditorId: 'b', claimFen: 100, priority: false }, RULES)[0]?.message).toBe(
      '被执行人的财产足以清偿全部债权，无需参与分配',
    );
  });

  it('fail: another case naming a different respondent does not share this respondent’s money', () => {
    const other = caseFrom([
      {
        ...filed(1_000_000),
        respondents: [{ ...respondent, partyId: 'psomeoneelse0001' }],
        caseNumber: '（2026）冀0922执2号',
      },
    ]);
    expect(
      applicationProblems(holding(), { creditorId: 'b', claimFen: 100, priority: false, otherCase: other }, RULES)[0]
        ?.message,
    ).toBe('（2026）冀0922执2号的被执行人与本案不是同一人');
  });
});

describe('DIST-OBJECTION, DIST-OPPOSITION: the windows and what their end does', () => {
  const served = () => {
    const base = holding(applied('b', 2_500_000));
    const plan = makePlan(base, 0, NOW);
    const node = windowNode(OBJECTION_NODE, RULES, NOW, calendar);
    return caseFrom(
      [filed(5_000_000)],
      [received(3_000_000)],
      [applied('b', 2_500_000)],
      [
        { type: 'distribution-planned', plan, by: 'wang-fang' },
        { type: 'distribution-served', by: 'zhang-wei', servedOn: node.startedOn },
        { type: 'node-set', node },
      ],
    );
  };

  it('pass: 15 days to object from service (the legal calendar), nothing paid while it runs', () => {
    const node = windowNode(OBJECTION_NODE, RULES, NOW, calendar);
    expect([node.startedOn, node.dueDate, node.ruleId]).toEqual(['2026-04-01', '2026-04-16', 'DIST-OBJECTION']);
    expect(lapsed(served(), cst('2026-04-16 23:00')).pay).toBeUndefined();
  });

  it('fail: once the window ends unused, the plan as made is paid (no objection), as revised (no opposition)', () => {
    expect(lapsed(served(), cst('2026-04-17 00:01'))).toMatchObject({ pay: 'original', node: OBJECTION_NODE });
    const state = served();
    const objected = caseFrom(
      [filed(5_000_000)],
      [received(3_000_000)],
      [applied('b', 2_500_000)],
      [
        { type: 'distribution-planned', plan: makePlan(holding(applied('b', 2_500_000)), 0, NOW), by: 'wang-fang' },
        { type: 'distribution-served', by: 'zhang-wei', servedOn: state.distribution?.servedOn ?? ('' as never) },
      ],
      [
        {
          type: 'distribution-objected',
          by: 'papplicant0000001',
          against: 'b',
          claimFen: fen(500_000),
          reason: '债权已部分清偿',
          revised: revisedPlan(state, 'b', 500_000, NOW),
        },
        { type: 'node-set', node: windowNode(OPPOSITION_NODE, RULES, NOW, calendar) },
      ],
    );
    expect(lapsed(objected, plusSeconds(NOW, 10 * 86_400)).pay).toBeUndefined();
    expect(lapsed(objected, cst('2026-04-17 00:01'))).toMatchObject({ pay: 'revised', node: OPPOSITION_NODE });
    expect(objected.distribution?.objection?.revised.shares.map((s) => s.amountFen)).toEqual([2_727_273, 272_727]);
  });
});
