/**
 * Paired tests for the coercive-measure rules (C1, C4, C5, C6): each rule once where it allows and once where it
 * refuses, on cases built from real events.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Asset, Party } from '#domain/case/model.ts';
import { isLate, timeNode } from '#domain/case/nodes.ts';
import { phaseEnded } from '#domain/case/phases.ts';
import { listingPlan, restrictionScope, sanctionLimitProblem, sanctionPlan } from '#domain/coercion/measures.ts';
import { recordCoercionAnswer } from '#domain/coercion/outcomes.ts';
import { planCoercion, reportCheck } from '#domain/coercion/plan.ts';
import { closureSignature, creditDecisionProblem } from '#domain/coercion/signature.ts';
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

describe('C4, C6: the president signs the restriction order and the listing decision', () => {
  const watch = (round: number) => `watch-${round}`;
  const now = cst('2026-04-01 10:00');
  const requested = (approvalId: string): CaseEvent => ({
    type: 'approval-requested',
    approvalId,
    step: 'credit-discipline',
    requiredRole: 'president',
    level: 0,
    requester: 'wang-fang',
    dueAt: cst('2026-04-08 23:59'),
    summary: '拟签发',
  });
  const decided = (
    approvalId: string,
    decision: 'approved' | 'rejected',
    data?: Record<string, boolean>,
    reason?: string,
  ): CaseEvent => ({
    type: 'approval-decided',
    approvalId,
    decision,
    by: 'song-jian',
    role: 'president',
    ...(data ? { data } : {}),
    ...(reason ? { reason } : {}),
  });
  // A refused asset report (ground (四)) is on the case when the measures are decided: both are proposed together.
  const proposed = () => {
    const state = caseFrom([filed()], [served], [refusedReport]);
    return { state, planned: planCoercion(state, RULES, calendar, now, watch) };
  };
  const withDecision = (...events: CaseEvent[]) => {
    const { state, planned } = proposed();
    const next = caseFrom([filed()], [served], [refusedReport], [...planned.events], events);
    return { before: state, planned: planCoercion(next, RULES, calendar, now, watch), state: next };
  };
  const types = (events: readonly CaseEvent[]) => events.map((e) => e.type);

  it('fail: nothing is issued before the president decides; one proposal holds both measures', () => {
    const { planned } = proposed();
    expect(types(planned.events)).toEqual(['coercion-decided', 'credit-measures-proposed']);
    expect(planned.events[1]).toEqual({
      type: 'credit-measures-proposed',
      proposal: { restriction: true, listing: { grounds: ['report-refused'], articleGrounds: [4], years: 2 } },
    });
    expect(planned.next).toEqual({ kind: 'approve-credit', occasion: 'credit-1' });
  });

  it('pass: signed, the order is issued and the respondent listed for 2 years from today', () => {
    const { planned } = withDecision(requested('a1'), decided('a1', 'approved'));
    expect(types(planned.events)).toEqual([
      'credit-measures-decided',
      'restriction-issued',
      'debtor-listed',
      'node-set',
    ]);
    expect(planned.events[0]).toMatchObject({ restriction: 'approved', listing: 'approved', by: 'song-jian' });
    expect(planned.events[2]).toMatchObject({ years: 2, until: '2028-04-01' });
    // 第十条第二款: the removal's node is set with the listing, running from the term's last day.
    expect(planned.events[3]).toMatchObject({
      node: { node: 'listing-removal', ruleId: 'C6', startedOn: '2028-04-01' },
    });
    expect(planned.next).toMatchObject({ kind: 'credit-publish', what: 'restriction' });
  });

  it('each measure on its own: the order signed, the listing refused with its reason', () => {
    const { planned } = withDecision(requested('a1'), decided('a1', 'approved', { listing: false }, '情节轻微'));
    expect(types(planned.events)).toEqual(['credit-measures-decided', 'restriction-issued']);
    expect(planned.events[0]).toMatchObject({ restriction: 'approved', listing: 'rejected', reason: '情节轻微' });
  });

  it('fail: rejected, nothing is issued and nothing is proposed again on the same grounds', () => {
    const { planned, state } = withDecision(requested('a1'), decided('a1', 'rejected', undefined, '暂缓'));
    // The fine for the refused report is what comes next, not the refused measures again.
    expect(types(planned.events)).toEqual(['credit-measures-decided', 'sanction-proposed']);
    const groups: CaseEvent[][] = [
      [filed()],
      [served],
      [refusedReport],
      [...proposed().planned.events],
      [requested('a1'), decided('a1', 'rejected', undefined, '暂缓')],
      [...planned.events],
    ];
    const decidedState = caseFrom(...groups);
    expect(decidedState.coercion).toMatchObject({ restrictionRefused: true, listingRefused: ['report-refused'] });
    expect(decidedState.coercion?.restriction).toBeUndefined();
    expect(decidedState.coercion?.listing).toBeUndefined();
    expect(state.coercion?.creditProposal).toBeDefined();
    // A new ground (三) puts the listing (alone) to the president again.
    const again = planCoercion(caseFrom(...groups, [conduct('assets-hidden')]), RULES, calendar, now, watch);
    expect(again.events).toEqual([
      {
        type: 'credit-measures-proposed',
        proposal: {
          restriction: false,
          listing: { grounds: ['assets-hidden', 'report-refused'], articleGrounds: [3, 4], years: 3 },
        },
      },
    ]);
    expect(again.next).toEqual({ kind: 'approve-credit', occasion: 'credit-2' });
  });

  it('G2: a refused order is put once more when the measures run out; fail: not when issued, nor a third time', () => {
    const refused: CaseEvent[][] = [
      [filed()],
      [served],
      [{ type: 'coercion-decided', notes: [] }],
      [{ type: 'credit-measures-proposed', proposal: { restriction: true } }],
      [requested('a1'), decided('a1', 'rejected', undefined, '暂缓')],
      [{ type: 'credit-measures-decided', approvalId: 'a1', by: 'song-jian', restriction: 'rejected' }],
    ];
    expect(closureSignature(caseFrom(...refused))?.events).toEqual([
      { type: 'credit-measures-proposed', proposal: { restriction: true, forClosure: true } },
    ]);
    const askedAgain = caseFrom(...refused, [
      { type: 'credit-measures-proposed', proposal: { restriction: true, forClosure: true } },
    ]);
    expect(closureSignature(askedAgain)).toBeUndefined();
    const refusedTwice = caseFrom(...refused, [
      { type: 'credit-measures-proposed', proposal: { restriction: true, forClosure: true } },
      { type: 'credit-measures-decided', approvalId: 'a2', by: 'song-jian', restriction: 'rejected' },
    ]);
    expect(closureSignature(refusedTwice)).toBeUndefined();
    const issued = caseFrom(
      [filed()],
      [served],
      [{ type: 'coercion-decided', notes: [] }],
      [{ type: 'restriction-issued', bound: [{ partyId: respondent.partyId, role: 'respondent' }] }],
    );
    expect(closureSignature(issued)).toBeUndefined();
  });

  it('decision data: a refusal names a proposed measure and gives its reason; refusing all is a rejection', () => {
    const both = { restriction: true, listing: { grounds: ['report-refused' as const], articleGrounds: [4] } };
    expect(creditDecisionProblem(both, {}, undefined)).toBeUndefined();
    expect(creditDecisionProblem(both, { listing: false }, '情节轻微')).toBeUndefined();
    expect(creditDecisionProblem(both, { listing: false }, undefined)).toBe('不同意其中一项的，须说明理由');
    expect(creditDecisionProblem(both, { restriction: false, listing: false }, '暂缓')).toBe(
      '所报各项均不同意的，请作出“不同意”决定并说明理由',
    );
    expect(creditDecisionProblem({ restriction: true }, { listing: true }, undefined)).toBe(
      'listing：本次未报请签发失信决定书',
    );
    expect(creditDecisionProblem(undefined, {}, undefined)).toBe('本案没有待签发的限制消费令或失信决定书');
  });
});

describe('C6: removal on performance (法释〔2017〕7号 第十条第一款)', () => {
  const watch = (round: number) => `watch-${round}`;
  const listed: CaseEvent[] = [
    { type: 'coercion-decided', notes: [] },
    { type: 'debtor-listed', grounds: ['report-refused'], articleGrounds: [4], years: 2, until: '2028-03-02' as never },
  ];
  // Paid in full: the 1,000.00 yuan with the late-performance interest and the execution fee (F-DELAY-INTEREST, F1-FEE).
  const paid: CaseEvent = {
    type: 'money-received',
    entryId: 'e1',
    amountFen: fen(120_000),
    source: 'voluntary',
    note: 'paid',
  };
  const settled: CaseEvent = {
    type: 'settlement-recorded',
    installments: [{ dueOn: '2026-04-10' as never, amountFen: fen(100_000) }],
    totalFen: fen(100_000),
    baseReceivedFen: fen(0),
    by: 'wang-fang',
    interrupted: {},
  };
  const removal = (state: ReturnType<typeof caseFrom>) =>
    planCoercion(state, RULES, calendar, cst('2026-04-20 10:00'), watch).events.find(
      (e) => e.type === 'debtor-removed',
    );

  it('pass: a performed settlement agreement is ground (二), named as such', () => {
    const state = caseFrom([filed(100_000)], [served], listed, [settled], [paid], [{ type: 'settlement-performed' }]);
    // A listing with a term: removed early on performance (第二条第二款), on the same facts as ground (二).
    expect(removal(state)).toMatchObject({
      reason: '当事人达成执行和解协议且已履行完毕，提前删除失信信息（第二条第二款）',
      ground: 'settlement-performed',
      dueDate: '2026-04-23',
    });
  });

  it('fail: an agreement not yet performed names no settlement; performance without one is ground (一)', () => {
    expect(removal(caseFrom([filed(100_000)], [served], listed, [paid]))).toMatchObject({
      reason: '被执行人已履行生效法律文书确定的义务，提前删除失信信息（第二条第二款）',
      ground: 'full-performance',
    });
    const partly = caseFrom([filed(100_000)], [served], listed, [settled], [{ ...paid, amountFen: fen(50_000) }]);
    expect(removal(partly)).toBeUndefined();
  });
});

describe('C6: a removal a partner does not confirm is sent again within its deadline (P-COERCION-WAITS)', () => {
  const watch = (round: number) => `watch-${round}`;
  const listed: CaseEvent[] = [
    { type: 'coercion-decided', notes: [] },
    { type: 'debtor-listed', grounds: ['report-refused'], articleGrounds: [4], years: 2, until: '2028-03-02' as never },
  ];
  const paid: CaseEvent = {
    type: 'money-received',
    entryId: 'e1',
    amountFen: fen(120_000),
    source: 'voluntary',
    note: 'paid',
  };
  // Paid on Monday 20 April: the removal is due in 3 working days, on Thursday 23 April.
  const paidAt = cst('2026-04-20 10:00');
  const others = ['credit-china', 'civil-aviation', 'railway', 'real-estate'];
  const unconfirmedRounds = (rounds: number): CaseEvent[] =>
    Array.from({ length: rounds }, (_, i) => ({
      type: 'credit-published',
      what: 'listing-removed',
      acknowledged: i === 0 ? others : [],
      missing: ['banking'],
    }));
  /** The removal decided, then sent `rounds` times, confirmed by all but the bank. */
  const sent = (rounds: number) => {
    const performed = caseFrom([filed(100_000)], [served], listed, [paid]);
    const removal = [...planCoercion(performed, RULES, calendar, paidAt, watch).events];
    return caseFrom([filed(100_000)], [served], listed, [paid], removal, unconfirmedRounds(rounds));
  };
  const bankSilent = { kind: 'credit-publish', what: 'listing-removed', acknowledged: [] } as const;
  const { creditRounds, removalRounds } = RULES.P_COERCION_WAITS;

  it('pass: past the ordinary rounds, the bank is sent the removal again while the deadline runs; no alert yet', () => {
    expect(removalRounds).toBeGreaterThan(creditRounds);
    expect(sent(0).nodes['listing-removal']).toMatchObject({ dueDate: '2026-04-23', status: 'open' });
    const answered = recordCoercionAnswer(sent(creditRounds - 1), bankSilent, RULES, cst('2026-04-21 10:00'), calendar);
    expect(answered).toEqual({ events: [expect.objectContaining({ type: 'credit-published' })], alerts: [] });
    const next = planCoercion(sent(creditRounds), RULES, calendar, cst('2026-04-21 10:00'), watch);
    expect(next.next).toEqual({ kind: 'credit-publish', what: 'listing-removed', recipients: ['banking'] });
  });

  it('fail: the last round unconfirmed gives the removal up: the node overdue, the bank named to the command center', () => {
    const answered = recordCoercionAnswer(
      sent(removalRounds - 1),
      bankSilent,
      RULES,
      cst('2026-04-21 10:00'),
      calendar,
    );
    expect(answered.events).toContainEqual({
      type: 'node-overdue',
      node: 'listing-removal',
      at: cst('2026-04-21 10:00'),
    });
    expect(answered.alerts).toEqual([
      `删除失信信息未获银行业金融机构确认（已发送${removalRounds}次），应于2026-04-23前删除（C6），请指挥中心督促其删除`,
    ]);
    expect(planCoercion(sent(removalRounds), RULES, calendar, cst('2026-04-21 10:00'), watch).next).toEqual({
      kind: 'disburse',
    });
  });

  it('fail: past the deadline the removal is not sent again, whatever rounds are left; pass: confirmed, the node is met', () => {
    const late = cst('2026-04-24 09:00');
    const answered = recordCoercionAnswer(sent(1), bankSilent, RULES, late, calendar);
    expect(answered.events).toContainEqual({ type: 'node-overdue', node: 'listing-removal', at: late });
    expect(answered.alerts).toHaveLength(1);
    expect(planCoercion(sent(2), RULES, calendar, late, watch).next).toEqual({ kind: 'disburse' });
    const confirmed = recordCoercionAnswer(
      sent(1),
      { ...bankSilent, acknowledged: ['banking'] },
      RULES,
      cst('2026-04-21 10:00'),
      calendar,
    );
    expect(confirmed.alerts).toEqual([]);
    expect(confirmed.events.map((e) => e.type)).toEqual(['credit-published', 'node-met']);
  });

  it('a lifting run on a closed case goes on while the removal is unconfirmed; confirmed or given up, it stops', () => {
    const execution = (state: ReturnType<typeof sent>) => `${state.caseId}-coercion-${state.phaseRuns.coercion ?? 1}`;
    const closedAfter = (...more: CaseEvent[]) => {
      const state = caseFrom(
        [filed(100_000)],
        [served],
        listed,
        [paid],
        [...planCoercion(caseFrom([filed(100_000)], [served], listed, [paid]), RULES, calendar, paidAt, watch).events],
        more,
      );
      return { ...state, status: 'closed' as const };
    };
    const pending = closedAfter(...unconfirmedRounds(1));
    expect(phaseEnded(pending, execution(pending))).toBeUndefined();
    const confirmed = closedAfter({ type: 'node-met', node: 'listing-removal', at: paidAt });
    expect(phaseEnded(confirmed, execution(confirmed))).toBe('the case is closed');
    const givenUp = closedAfter({ type: 'node-overdue', node: 'listing-removal', at: paidAt });
    expect(phaseEnded(givenUp, execution(givenUp))).toBe('the case is closed');
  });
});

describe('C6: the dishonest-debtor list (法释〔2017〕7号)', () => {
  it('pass: refusing to report assets is ground (四): listed for 2 years, with or without ability to pay', () => {
    const able = caseFrom([filed()], [served, found], [refusedReport]);
    expect(listingPlan(able, RULES)).toEqual({ grounds: ['report-refused'], articleGrounds: [4], years: 2 });
    const nothing = caseFrom([filed()], [served], [refusedReport]);
    expect(listingPlan(nothing, RULES)).toEqual({ grounds: ['report-refused'], articleGrounds: [4], years: 2 });
  });

  it('pass: ground (一) with ability to pay has no fixed term; fail: without ability it is no ground', () => {
    const able = caseFrom([filed()], [served, found], [conduct('refusal-with-ability')]);
    expect(listingPlan(able, RULES)).toEqual({ grounds: ['refusal-with-ability'], articleGrounds: [1] });
    const unable = caseFrom([filed()], [served], [conduct('refusal-with-ability')]);
    expect(listingPlan(unable, RULES)).toBeNull();
  });

  it('fail: 第三条: money already frozen covers the debt, so ground (一) does not list; (四) still does', () => {
    const frozen: CaseEvent = {
      type: 'asset-frozen',
      assetId: 'acct',
      // The principal with the late-performance interest and the execution fee (F-DELAY-INTEREST, F1-FEE) and more.
      amountFen: fen(5_200_000),
      expiresOn: '2027-03-01' as never,
    };
    const covered = caseFrom([filed()], [served, found], [frozen], [conduct('refusal-with-ability')]);
    expect(listingPlan(covered, RULES)).toBeNull();
    const alsoRefused = caseFrom(
      [filed()],
      [served, found],
      [frozen],
      [conduct('refusal-with-ability'), refusedReport],
    );
    expect(listingPlan(alsoRefused, RULES)).toMatchObject({ grounds: ['report-refused'], articleGrounds: [4] });
  });

  it('fail: 第四条: a minor is never listed; pass: the day they turn 18 they may be', () => {
    const minor: Party = { ...respondent, idNumber: '130922200806010034' };
    const state = caseFrom([{ ...filed(), respondents: [minor] }], [served], [refusedReport]);
    expect(listingPlan(state, RULES, '2026-05-31')).toBeNull();
    expect(listingPlan(state, RULES, '2026-06-01')).toMatchObject({ articleGrounds: [4], years: 2 });
  });

  it('fail: ability without any listed ground is no listing either', () => {
    expect(listingPlan(caseFrom([filed()], [served, found]), RULES)).toBeNull();
  });

  it('第二条: violence, or several different grounds, extend the period by a year; the same conduct twice does not', () => {
    const violent = caseFrom([filed()], [served, found], [conduct('violent-obstruction')]);
    expect(listingPlan(violent, RULES)?.years).toBe(RULES.C6.listingYears + RULES.C6.extensionMinYears);
    const several = caseFrom([filed()], [served], [conduct('assets-hidden')], [refusedReport]);
    expect(listingPlan(several, RULES)).toMatchObject({ articleGrounds: [3, 4], years: 3 });
    const repeated = caseFrom([filed()], [served, found], [conduct('assets-hidden')], [conduct('assets-hidden')]);
    expect(listingPlan(repeated, RULES)?.years).toBe(2);
  });

  it('removal: 3 working days from 30 September end on 10 October (1-7 off, the 10th a make-up Saturday)', () => {
    const node = timeNode('listing-removal', 'C6', RULES.C6.removal, cst('2026-09-30 15:00'), calendar);
    expect(node.dueDate).toBe('2026-10-10');
    expect(isLate({ ...node, status: 'met', metAt: cst('2026-10-10 18:00') })).toBe(false);
    expect(isLate({ ...node, status: 'met', metAt: cst('2026-10-12 09:00') })).toBe(true);
  });
});

describe('C2: the detention term runs from custody (民诉法 第一百一十八条第三款)', () => {
  const detention: CaseEvent[] = [
    {
      type: 'sanction-proposed',
      sanction: {
        kind: 'detention',
        respondentId: respondent.partyId,
        grounds: ['violent-obstruction'],
        proposedDays: 10,
      },
    },
    { type: 'sanction-decided', decision: 'approved', by: 'song-jian', days: 12 },
  ];

  it('fail: service of the decision sets no release date', () => {
    const state = caseFrom([filed()], [served], detention);
    const outcome = recordCoercionAnswer(
      state,
      { kind: 'sanction-service', delivered: true },
      RULES,
      cst('2026-05-01 10:00'),
      calendar,
    );
    expect(outcome.events).toEqual([{ type: 'sanction-served', docId: expect.any(String) }]);
  });

  it('pass: custody on 4 May starts the 12 days: the last is 15 May', () => {
    const state = caseFrom([filed()], [served], detention, [{ type: 'sanction-served', docId: 'd1' }]);
    const outcome = recordCoercionAnswer(
      state,
      { kind: 'custody', confirmed: true },
      RULES,
      cst('2026-05-04 10:00'),
      calendar,
    );
    expect(outcome.events[0]).toEqual({ type: 'detainee-in-custody', confirmed: true, releaseOn: '2026-05-15' });
  });
});

describe('A9: an outstanding asset report is looked at when its period ends, not when the watch ends', () => {
  const servedAt = cst('2026-03-04 10:00');
  const servedOn: CaseEvent = { ...served, requestId: 'r1' };

  it('pass: served and not yet reported: the watch looks again an hour after the 5 working days end', () => {
    const state = caseFrom([filed()], [servedOn]);
    const at = state.service.served[respondent.partyId]?.at ?? servedAt;
    const check = reportCheck(state, RULES, calendar, at);
    expect(check).toBeDefined();
    expect(check && check > at).toBe(true);
  });

  it('fail: once the report is recorded (refused or made) there is nothing to look at', () => {
    const state = caseFrom([filed()], [servedOn], [refusedReport]);
    expect(reportCheck(state, RULES, calendar, servedAt)).toBeUndefined();
  });
});
