/**
 * Paired tests for the removal of a listing (C6, 法释〔2017〕7号 第十条) and the lifting of a restriction on a closure
 * (C5, P-CLOSURE-LIFTING): each ground once where it removes and once where it does not.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { ClosureWay, EnforcementCase } from '#domain/case/model.ts';
import { nextSweepAt } from '#domain/case/node-watch.ts';
import { timeNode } from '#domain/case/nodes.ts';
import { phaseEnded } from '#domain/case/phases.ts';
import { restrictionLiftDue } from '#domain/coercion/measures.ts';
import { planCoercion } from '#domain/coercion/plan.ts';
import { listingRemovalDue, removalRequestProblem } from '#domain/coercion/removal.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst } from '../../support/calendar.ts';
import { caseFrom, filed, respondent } from '../../support/cases.ts';

const served: CaseEvent = {
  type: 'service-outcome',
  requestId: 'r1',
  respondentId: respondent.partyId,
  method: 'electronic',
  outcome: 'delivered',
};
const decided: CaseEvent = { type: 'coercion-decided', notes: [] };
/** Ground (一) alone: no term (第二条). */
const untermed: CaseEvent = { type: 'debtor-listed', grounds: ['refusal-with-ability'], articleGrounds: [1] };
/** Ground (四): two years (第二条第一款). */
const termed: CaseEvent = {
  type: 'debtor-listed',
  grounds: ['report-refused'],
  articleGrounds: [4],
  years: 2,
  until: '2028-03-02' as never,
};
const restricted: CaseEvent = {
  type: 'restriction-issued',
  bound: [{ partyId: respondent.partyId, role: 'respondent' }],
};
const requested: CaseEvent = { type: 'listing-removal-requested', by: 'wang-fang', note: '申请执行人书面申请' };

const listedCase = (listing: CaseEvent, ...more: CaseEvent[][]) =>
  caseFrom([filed()], [served], [decided, restricted, listing], ...more);

/** The case as closed in `way` (the closure phase's events are not needed for these rules). */
function closedAs(state: EnforcementCase, way: ClosureWay): EnforcementCase {
  return { ...state, status: 'closed', closure: { way, at: '2026-09-01T02:00:00.000Z' } };
}

function requeried(state: EnforcementCase, rounds: number, found = false): EnforcementCase {
  return {
    ...closedAs(state, 'final-round-closure'),
    requery: { rounds, lastAt: '2027-09-01T02:00:00.000Z', ...(found ? { resumptionRequestedAt: 'x' } : {}) },
  };
}

const today = '2026-10-12' as never;

describe('C6 第十条第一款: grounds that remove a listing without a term', () => {
  it('(三) pass: the applicant’s written request, agreed by the court, removes it', () => {
    const state = listedCase(untermed, [requested]);
    expect(listingRemovalDue(state, RULES, today)).toMatchObject({ ground: 'applicant-request' });
    expect(removalRequestProblem(listedCase(untermed))).toBeUndefined();
  });

  it('(三) fail: no request, nothing removed; a second request, or one for a termed listing, is refused', () => {
    expect(listingRemovalDue(listedCase(untermed), RULES, today)).toBeUndefined();
    expect(removalRequestProblem(listedCase(untermed, [requested]))).toBe('已记录申请执行人的删除申请');
    expect(removalRequestProblem(listedCase(termed))).toContain('第十条第二款');
    expect(removalRequestProblem(caseFrom([filed()], [served]))).toBe('被执行人未被纳入失信被执行人名单');
  });

  it('(四) pass: after 终本, two network re-queries that found nothing remove it', () => {
    expect(RULES.C6.removalAfterFruitlessRequeries).toBe(2);
    expect(listingRemovalDue(requeried(listedCase(untermed), 2), RULES, today)).toMatchObject({
      ground: 'requery-fruitless-twice',
    });
  });

  it('(四) fail: one re-query, or a re-query that found property (resumption asked), does not', () => {
    expect(listingRemovalDue(requeried(listedCase(untermed), 1), RULES, today)).toBeUndefined();
    expect(listingRemovalDue(requeried(listedCase(untermed), 2, true), RULES, today)).toBeUndefined();
  });

  const suspended = (ground: string): CaseEvent[] => [
    { type: 'suspension-proposed', kind: 'suspension', ground, note: '中止执行', by: 'wang-fang' },
    { type: 'suspension-ruled', decision: 'approved', by: 'zhang-wei', on: '2026-10-01' as never, interrupted: {} },
  ];

  it('(五) pass: a suspension in force because of 审判监督 (retrial) or bankruptcy removes it', () => {
    expect(RULES.C6.removalOnSuspension).toEqual(['retrial-ordered', 'bankruptcy-accepted']);
    for (const ground of RULES.C6.removalOnSuspension)
      expect(listingRemovalDue(listedCase(untermed, suspended(ground)), RULES, today)).toMatchObject({
        ground: 'suspended-review-or-bankruptcy',
        reason: '因审判监督或破产程序，人民法院依法裁定对失信被执行人中止执行（第十条第一款第五项）',
      });
    const accepted = listedCase(untermed);
    const withReferral = {
      ...accepted,
      measures: { bankruptcy: { status: 'accepted' } },
    } as unknown as EnforcementCase;
    expect(listingRemovalDue(withReferral, RULES, today)).toMatchObject({ ground: 'suspended-review-or-bankruptcy' });
  });

  it('(五) fail: a suspension on another ground, one only proposed, a referral not yet accepted, or a termed listing', () => {
    expect(listingRemovalDue(listedCase(untermed, suspended('other-court-finds')), RULES, today)).toBeUndefined();
    const proposedOnly = listedCase(untermed, [
      { type: 'suspension-proposed', kind: 'suspension', ground: 'retrial-ordered', note: '再审', by: 'wang-fang' },
    ]);
    expect(listingRemovalDue(proposedOnly, RULES, today)).toBeUndefined();
    const referred = { ...listedCase(untermed), measures: { bankruptcy: { status: 'referred' } } } as unknown;
    expect(listingRemovalDue(referred as EnforcementCase, RULES, today)).toBeUndefined();
    expect(listingRemovalDue(listedCase(termed, suspended('retrial-ordered')), RULES, today)).toBeUndefined();
  });

  it('(六)(七) pass: a case closed by non-enforcement or termination removes it', () => {
    expect(listingRemovalDue(closedAs(listedCase(untermed), 'non-enforcement'), RULES, today)).toMatchObject({
      ground: 'non-enforcement',
    });
    expect(listingRemovalDue(closedAs(listedCase(untermed), 'termination'), RULES, today)).toMatchObject({
      ground: 'termination',
    });
  });

  it('(六)(七) fail: 终本 alone, or withdrawal (销案, no ground of 第十条), does not', () => {
    expect(listingRemovalDue(closedAs(listedCase(untermed), 'final-round-closure'), RULES, today)).toBeUndefined();
    expect(listingRemovalDue(closedAs(listedCase(untermed), 'withdrawal'), RULES, today)).toBeUndefined();
  });
});

describe('C6 第十条第二款: a listing with a term is removed when the term ends, not on the grounds of 第一款', () => {
  it('pass: the day after the term’s last day it is due', () => {
    expect(listingRemovalDue(listedCase(termed), RULES, '2028-03-03' as never)).toMatchObject({
      ground: 'term-ended',
      reason: '失信被执行人名单纳入期限届满（第十条第二款）',
    });
  });

  it('fail: on the last day of the term, and on termination or two fruitless re-queries, it stays', () => {
    expect(listingRemovalDue(listedCase(termed), RULES, '2028-03-02' as never)).toBeUndefined();
    expect(listingRemovalDue(closedAs(listedCase(termed), 'termination'), RULES, today)).toBeUndefined();
    expect(listingRemovalDue(requeried(listedCase(termed), 3), RULES, today)).toBeUndefined();
  });

  it('the removal node runs 3 working days from the term’s last day (Thursday 2 March 2028: 3, 6, 7 March)', () => {
    const state = closedAs(listedCase(termed), 'final-round-closure');
    const planned = planCoercion(state, RULES, calendar, cst('2028-03-06 09:00'), (r) => `w-${r}`);
    expect(planned.events).toContainEqual(expect.objectContaining({ type: 'debtor-removed', ground: 'term-ended' }));
    expect(planned.events).toContainEqual(
      expect.objectContaining({ type: 'node-set', node: expect.objectContaining({ dueDate: '2028-03-07' }) }),
    );
    // The removal is published; the restriction of a 终本 case stays in force (not a ground of C5).
    expect(planned.next).toMatchObject({ kind: 'credit-publish', what: 'listing-removed' });
    expect(planned.events.map((e) => e.type)).not.toContain('restriction-lifted');
  });
});

describe('C5 and P-CLOSURE-LIFTING: the restriction on a closure', () => {
  it('pass: a case closed by termination, non-enforcement, withdrawal or rejection lifts it', () => {
    for (const way of ['termination', 'non-enforcement', 'withdrawal', 'rejection'] as const)
      expect(restrictionLiftDue(closedAs(listedCase(untermed), way), RULES)).toBe(way);
  });

  it('fail: 终本 keeps it (G3: restrictions stay in force), and so does an open case', () => {
    expect(restrictionLiftDue(closedAs(listedCase(untermed), 'final-round-closure'), RULES)).toBeUndefined();
    expect(restrictionLiftDue(listedCase(untermed), RULES)).toBeUndefined();
  });

  it('a run on a terminated case lifts, removes, publishes, and ends without planning anything else', () => {
    let state = closedAs(listedCase(untermed), 'termination');
    const now = cst('2026-09-02 10:00');
    const planned = planCoercion(state, RULES, calendar, now, (r) => `w-${r}`);
    expect(planned.events.map((e) => e.type)).toEqual(['restriction-lifted', 'debtor-removed', 'node-set']);
    expect(planned.events[0]).toMatchObject({ on: 'termination' });
    expect(planned.events[1]).toMatchObject({ ground: 'termination' });
    expect(planned.next).toMatchObject({ kind: 'credit-publish', what: 'listing-removed' });
    // Everybody confirmed both: the run ends on a closed case ('lifted'), no watch, no sanction, no disbursement.
    const all = ['credit-china', 'civil-aviation', 'railway', 'banking', 'real-estate'];
    const published = (what: 'listing-removed' | 'restriction-lifted'): CaseEvent => ({
      type: 'credit-published',
      what,
      acknowledged: all,
      missing: [],
    });
    state = closedAs(
      caseFrom(
        [filed()],
        [served],
        [decided, restricted, untermed],
        [...planned.events],
        [published('listing-removed'), published('restriction-lifted')],
      ),
      'termination',
    );
    expect(planCoercion(state, RULES, calendar, now, (r) => `w-${r}`)).toEqual({
      events: [],
      next: { kind: 'lifted' },
    });
  });

  it('a coercion run acts on a closed case while a measure is in force, and stops once all is lifted and confirmed', () => {
    const inForce = { ...closedAs(listedCase(untermed), 'final-round-closure'), phaseRuns: { coercion: 2 } };
    expect(phaseEnded(inForce, `${inForce.caseId}-coercion-2`)).toBeUndefined();
    const nothing = {
      ...closedAs(caseFrom([filed()], [served], [decided]), 'termination'),
      phaseRuns: { coercion: 2 },
    };
    expect(phaseEnded(nothing, `${nothing.caseId}-coercion-2`)).toBe('the case is closed');
  });
});

describe('C6 第十条第二款: the sweeper watches a closed case for its listing’s removal only', () => {
  const termNode = timeNode('listing-removal', 'C6', RULES.C6.removal, cst('2028-03-02 23:59'), calendar);
  const otherNode = timeNode('referral-answer', 'D2', RULES.D2.decide, cst('2026-08-01 10:00'), calendar);

  it('pass: a closed case with a termed listing is swept the day after the term’s last day', () => {
    const state = { ...closedAs(listedCase(termed), 'final-round-closure'), nodes: { 'listing-removal': termNode } };
    expect(nextSweepAt(state, RULES, calendar)).toBe(cst('2028-03-03 00:00'));
  });

  it('fail: its other open nodes are not (no deadlines left on a closed case), nor a met removal', () => {
    const closed = closedAs(listedCase(termed), 'final-round-closure');
    expect(nextSweepAt({ ...closed, nodes: { 'referral-answer': otherNode } }, RULES, calendar)).toBeUndefined();
    const met = { ...termNode, status: 'met' as const, metAt: cst('2028-03-03 10:00') };
    expect(nextSweepAt({ ...closed, nodes: { 'listing-removal': met } }, RULES, calendar)).toBeUndefined();
  });
});
