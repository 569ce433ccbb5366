/**
 * Paired tests for the coercive-measure rules (C1, C4, C5, C6): each rule once where it allows and once where it
 * refuses, on cases built from real events.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Asset, Party } from '#domain/case/model.ts';
import { isLate, timeNode } from '#domain/case/nodes.ts';
import { listingPlan, restrictionScope, sanctionLimitProblem, sanctionPlan } from '#domain/coercion/measures.ts';
import { planCoercion } from '#domain/coercion/plan.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst } from '../../support/calendar.ts';
import { caseFrom, filed, respondent } from '../../support/cases.ts';

const person = { kind: 'person' } as const;
const organisation = { kind: 'organisation' } as const;
const YUAN = 100;

const deposit: Asset = {
  assetId: 'acct',
  respondentId: respondent.partyId,
  class: 'deposit',
  channel: 'icbc',
  institution: 'bank',
  reference: '6222 **** 0001',
  balanceFen: fen(900_000),
  frozenFen: fen(0),
  deductedFen: fen(0),
  status: 'found',
};
const served: CaseEvent = {
  type: 'service-outcome',
  requestId: 'r1',
  respondentId: respondent.partyId,
  method: 'electronic',
  outcome: 'delivered',
};
const found: CaseEvent = { type: 'inquiry-answered', channel: 'icbc', assets: [deposit] };
const conduct = (kind: Extract<CaseEvent, { type: 'conduct-recorded' }>['kind']): CaseEvent => ({
  type: 'conduct-recorded',
  kind,
  respondentId: respondent.partyId,
  by: 'wang-fang',
});
const refusedReport: CaseEvent = { type: 'asset-report', respondentId: respondent.partyId, outcome: 'refused' };

describe('C1: limits of fines and detention', () => {
  it('pass: 100,000 yuan on a person, 1,000,000 on an organisation, 15 days of detention', () => {
    expect(sanctionLimitProblem('fine', person, { amountFen: 100_000 * YUAN }, RULES)).toBeUndefined();
    expect(sanctionLimitProblem('fine', organisation, { amountFen: 50_000 * YUAN }, RULES)).toBeUndefined();
    expect(sanctionLimitProblem('fine', organisation, { amountFen: 1_000_000 * YUAN }, RULES)).toBeUndefined();
    expect(sanctionLimitProblem('detention', person, { days: 15 }, RULES)).toBeUndefined();
  });

  it('fail: one fen or one day more, less than the organisation minimum, or detaining an organisation', () => {
    expect(sanctionLimitProblem('fine', person, { amountFen: 100_000 * YUAN + 1 }, RULES)).toBe(
      '对个人的罚款不得超过10万元（C1）',
    );
    expect(sanctionLimitProblem('fine', organisation, { amountFen: 50_000 * YUAN - 1 }, RULES)).toContain(
      '5万元至100万元',
    );
    expect(sanctionLimitProblem('fine', organisation, { amountFen: 1_000_000 * YUAN + 1 }, RULES)).toContain('C1');
    expect(sanctionLimitProblem('detention', person, { days: 16 }, RULES)).toBe('拘留期限不得超过15日（C1）');
    expect(sanctionLimitProblem('detention', person, { days: 0 }, RULES)).toContain('至少1日');
    expect(sanctionLimitProblem('detention', organisation, { days: 5 }, RULES)).toContain('只能对个人');
  });

  it('the proposal itself stays within the limits: detention for obstruction, a fine for a refused report', () => {
    const obstructed = caseFrom([filed()], [served, found], [conduct('violent-obstruction')]);
    const proposal = sanctionPlan(obstructed, RULES);
    expect(proposal).toMatchObject({ kind: 'detention', proposedDays: RULES.P_SANCTION.detentionDays });
    expect(sanctionLimitProblem('detention', person, { days: proposal?.proposedDays ?? 0 }, RULES)).toBeUndefined();

    const silent = caseFrom([filed()], [served, found], [refusedReport]);
    expect(sanctionPlan(silent, RULES)).toMatchObject({ kind: 'fine', grounds: ['report-refused'] });
    expect(sanctionPlan(caseFrom([filed()], [served, found]), RULES)).toBeNull();
  });
});

describe('C4: whom a consumption restriction binds', () => {
  it('pass: a person is bound alone', () => {
    const state = caseFrom([filed()]);
    expect(restrictionScope(state, RULES)).toEqual([{ partyId: respondent.partyId, role: 'respondent' }]);
  });

  it('an organisation binds its legal representative, principal, responsible person and controller too', () => {
    const company: Party = { ...respondent, kind: 'organisation', idNumber: '91130922MA0XYZAB3C' };
    const state = caseFrom([{ ...filed(), respondents: [company] }]);
    expect(restrictionScope(state, RULES).map((b) => b.role)).toEqual([
      'respondent',
      'legal-representative',
      'principal',
      'directly-responsible-person',
      'actual-controller',
    ]);
  });
});

describe('C5: lifting a consumption restriction', () => {
  const restricted: CaseEvent[] = [
    { type: 'coercion-decided', notes: [] },
    { type: 'restriction-issued', bound: [{ partyId: respondent.partyId, role: 'respondent' }] },
  ];
  const watch = (round: number) => `watch-${round}`;
  const paid = (amount: number): CaseEvent => ({
    type: 'money-received',
    entryId: `e${amount}`,
    amountFen: fen(amount),
    source: 'voluntary',
    note: 'paid',
  });

  it('pass: full performance lifts it', () => {
    // 1,000 yuan, 41 days late (F-DELAY-INTEREST: 7.18 yuan), and the fee of 50 yuan (F1-FEE).
    const state = caseFrom([filed(100_000)], [served], restricted, [paid(105_718)]);
    const planned = planCoercion(state, RULES, calendar, cst('2026-04-01 10:00'), watch);
    expect(planned.events[0]).toEqual({ type: 'restriction-lifted', on: 'full-performance' });
    expect(planned.next).toMatchObject({ kind: 'credit-publish', what: 'restriction-lifted' });
  });

  it('fail: a part payment does not', () => {
    const state = caseFrom([filed(100_000)], [served], restricted, [paid(105_717)]);
    const planned = planCoercion(state, RULES, calendar, cst('2026-04-01 10:00'), watch);
    expect(planned.events.map((e) => e.type)).not.toContain('restriction-lifted');
  });
});

describe('C6: the dishonest-debtor list', () => {
  it('pass: able to pay and refusing to report assets: listed for 2 years', () => {
    const state = caseFrom([filed()], [served, found], [refusedReport]);
    expect(listingPlan(state, RULES)).toEqual({ grounds: ['report-refused'], years: 2 });
  });

  it('fail: the same conduct with nothing found shows no ability to perform, so no listing', () => {
    const state = caseFrom([filed()], [served], [refusedReport]);
    expect(listingPlan(state, RULES)).toBeNull();
  });

  it('fail: ability without any listed ground is no listing either', () => {
    expect(listingPlan(caseFrom([filed()], [served, found]), RULES)).toBeNull();
  });

  it('violence, or the same conduct again, extends the period by a year', () => {
    const violent = caseFrom([filed()], [served, found], [conduct('violent-obstruction')]);
    expect(listingPlan(violent, RULES)?.years).toBe(RULES.C6.listingYears + RULES.C6.extensionMinYears);
    const repeated = caseFrom([filed()], [served, found], [conduct('assets-hidden')], [conduct('assets-hidden')]);
    expect(listingPlan(repeated, RULES)?.years).toBe(3);
  });

  it('removal: 3 working days from 30 September end on 10 October (1-7 off, the 10th a make-up Saturday)', () => {
    const node = timeNode('listing-removal', 'C6', RULES.C6.removal, cst('2026-09-30 15:00'), calendar);
    expect(node.dueDate).toBe('2026-10-10');
    expect(isLate({ ...node, status: 'met', metAt: cst('2026-10-10 18:00') })).toBe(false);
    expect(isLate({ ...node, status: 'met', metAt: cst('2026-10-12 09:00') })).toBe(true);
  });
});
