/**
 * G1 (the ways of closing and their grounds), G2 (终本: every condition named when missing), G3 (the re-query
 * schedule), P-FINAL-CLOSURE, and the closure planner: each rule with a case that passes and one that fails.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Asset, EnforcementCase } from '#domain/case/model.ts';
import { applyEvent } from '#domain/case/reducer.ts';
import { earliestFinalClosure, finalClosureProblems, notImpoundedProblem } from '#domain/closure/final-closure.ts';
import { closureProblems } from '#domain/closure/grounds.ts';
import { planClosure } from '#domain/closure/plan.ts';
import { disposable, planRequery, requeryDue, requeryRounds } from '#domain/closure/requery.ts';
import { approvalIdFor } from '#domain/ids.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { cst } from '../../support/calendar.ts';
import { caseFrom, filed, respondent } from '../../support/cases.ts';

const found = (assetId: string, assetClass: Asset['class'], balance?: number): Asset => ({
  assetId,
  respondentId: respondent.partyId,
  class: assetClass,
  channel: 'icbc',
  institution: '中国工商银行',
  reference: assetId,
  ...(balance !== undefined ? { balanceFen: fen(balance) } : {}),
  frozenFen: fen(0),
  deductedFen: fen(0),
  status: 'found',
});

/** Everything G2 asks for, as the phases leave it: notice, inquiry (nothing), restriction, the applicant heard. */
function exhausted(...more: CaseEvent[][]): EnforcementCase {
  return caseFrom(
    [filed()],
    [
      {
        type: 'documents-issued',
        documents: [
          { docId: 'd1', kind: 'enforcement-notice' },
          { docId: 'd2', kind: 'asset-report-order' },
        ],
      },
    ],
    [{ type: 'inquiry-started', requestId: 'r1', channels: ['icbc'] }],
    [
      { type: 'inquiry-answered', channel: 'icbc', assets: [] },
      { type: 'inquiry-closed', silent: [] },
    ],
    [{ type: 'restriction-issued', bound: [{ partyId: respondent.partyId, role: 'respondent' }] }],
    ...more,
  );
}

function heard(state: EnforcementCase, at: string, opinion: 'agrees' | 'unreachable' = 'agrees'): EnforcementCase {
  return applyEvent(state, { type: 'applicant-heard', opinion, by: 'applicant' }, at);
}

/** The day after the one three months on from filing (2 March): 已超过三个月 holds. */
const JUNE = cst('2026-06-03 10:00');
const codes = (state: EnforcementCase, now = JUNE) => finalClosureProblems(state, RULES, now).map((p) => p.code);

describe('G2: 终本 only when every condition holds', () => {
  it('pass: every condition holds three months after filing, the applicant heard', () => {
    expect(finalClosureProblems(heard(exhausted(), JUNE), RULES, JUNE)).toEqual([]);
  });

  it('fail: on the day three months on (满, not yet 超过三个月), named with the first day it holds', () => {
    const state = heard(exhausted(), cst('2026-06-02 10:00'));
    expect(earliestFinalClosure(state, RULES)).toBe('2026-06-03');
    expect(finalClosureProblems(state, RULES, cst('2026-06-02 10:00'))).toEqual([
      {
        ruleId: 'G2',
        code: 'min-since-filing',
        message: '自立案之日起未超过3个月（G2），最早可于2026-06-03终结本次执行程序',
      },
    ]);
  });

  it('fail: the applicant not heard, heard too long ago, or not reachable', () => {
    expect(codes(exhausted())).toEqual(['interview']);
    expect(codes(heard(exhausted(), cst('2026-04-20 10:00')))).toEqual(['interview']);
    expect(codes(heard(exhausted(), cst('2026-05-10 10:00')))).toEqual([]);
    expect(codes(heard(exhausted(), JUNE, 'unreachable'))).toEqual(['interview-unreachable']);
  });

  it('fail: no notice, no restriction, no inquiry: each named', () => {
    const bare = heard(caseFrom([filed()]), JUNE);
    expect(finalClosureProblems(bare, RULES, JUNE).map((p) => p.message)).toEqual([
      '未发出执行通知书及报告财产令（G2、A5）',
      '未发出限制消费令或已解除（G2、C4）',
      '未完成网络查控（G2、A8）',
    ]);
  });

  it('fail: listing required (a refused asset report, able to pay) but not listed; pass once listed', () => {
    const refused = exhausted(
      [{ type: 'asset-report', respondentId: respondent.partyId, outcome: 'refused' }],
      [
        {
          type: 'inquiry-answered',
          channel: 'abc',
          assets: [{ ...found('s1', 'deposit', 500), status: 'freeze-failed' }],
        },
      ],
    );
    expect(codes(heard(refused, JUNE))).toEqual(['listing', 'sanction']);
    const listed = applyEvent(
      refused,
      { type: 'debtor-listed', grounds: ['report-refused'], years: 2, until: '2028-06-02' as never },
      JUNE,
    );
    expect(codes(heard(listed, JUNE))).not.toContain('listing');
    // Listed, then removed on a ground of 法释〔2017〕7号 第十条 (here the end of the term): still not a missing listing.
    const removed = applyEvent(
      applyEvent(listed, { type: 'coercion-decided', notes: [] }, JUNE),
      { type: 'debtor-removed', reason: '纳入期限届满', dueDate: '2026-06-08' as never, ground: 'term-ended' },
      JUNE,
    );
    expect(codes(heard(removed, JUNE))).not.toContain('listing');
  });

  it('fail: property held or found and not processed, money not paid out: 终本 would leave them behind', () => {
    const held = exhausted(
      [
        {
          type: 'inquiry-answered',
          channel: 'registry',
          assets: [found('flat', 'real-estate'), found('cash', 'deposit', 300)],
        },
      ],
      [{ type: 'asset-frozen', assetId: 'flat', amountFen: fen(0), expiresOn: '2029-03-02' as never }],
      [{ type: 'money-received', entryId: 'e1', amountFen: fen(100), source: 'voluntary', note: '' }],
    );
    expect(finalClosureProblems(heard(held, JUNE), RULES, JUNE).map((p) => p.message)).toEqual([
      '尚有查封、冻结的财产未处置：中国工商银行flat（G2）',
      '查控到的财产尚未控制、处置：中国工商银行cash（G2）',
      '案款账户尚有1.00元未发放（F1）',
    ]);
  });

  it('pass (终本规定 第四条第一项): property auctioned and offered for sale without success, declined in lieu and released, no longer bars 终本', () => {
    const released = exhausted(
      [{ type: 'inquiry-answered', channel: 'registry', assets: [found('flat', 'real-estate')] }],
      [{ type: 'asset-frozen', assetId: 'flat', amountFen: fen(0), expiresOn: '2029-03-02' as never }],
      [{ type: 'seizure-released', assetId: 'flat', reason: '变卖不成，解除查封，财产退还被执行人（E9）' }],
    );
    expect(codes(heard(released, JUNE))).not.toContain('held');
    expect(codes(heard(released, JUNE))).not.toContain('unprocessed');
    expect(RULES.G2.undisposable).toEqual(['auction-and-sale-failed-in-lieu-declined', 'sealed-not-impounded']);
  });

  it('pass (终本规定 第四条第二项): a vehicle sealed at the registry and recorded as not actually impounded stays sealed and does not bar 终本', () => {
    const sealed = exhausted(
      [{ type: 'inquiry-answered', channel: 'vehicle-registry', assets: [found('car', 'vehicle')] }],
      [{ type: 'asset-frozen', assetId: 'car', amountFen: fen(0), expiresOn: '2028-03-02' as never }],
    );
    expect(codes(heard(sealed, JUNE))).toContain('held');
    expect(notImpoundedProblem(sealed, 'car')).toBeUndefined();
    const searched = applyEvent(
      sealed,
      { type: 'impound-failed', assetId: 'car', by: 'wang-fang', note: '两次到被执行人住所及常停放地查找，未发现该车' },
      JUNE,
    );
    expect(searched.assets.car?.status).toBe('sealed');
    expect(codes(heard(searched, JUNE))).not.toContain('held');
  });

  it('fail (终本规定 第四条第二项): only a sealed vehicle can be recorded as not impounded; a sealed flat still bars 终本', () => {
    const sealed = exhausted(
      [
        {
          type: 'inquiry-answered',
          channel: 'registry',
          assets: [found('flat', 'real-estate'), found('car', 'vehicle')],
        },
      ],
      [{ type: 'asset-frozen', assetId: 'flat', amountFen: fen(0), expiresOn: '2029-03-02' as never }],
    );
    expect(notImpoundedProblem(sealed, 'flat')).toMatch(/只有在登记机关查封的车辆/);
    expect(notImpoundedProblem(sealed, 'car')).toMatch(/未在查封中/);
    expect(notImpoundedProblem(sealed, 'nothing')).toMatch(/没有该财产/);
    expect(codes(heard(sealed, JUNE))).toContain('held');
  });

  it('fail: property still seized (its auctions not run out) bars 终本: that is not 发现的财产不能处置', () => {
    const seized = exhausted(
      [{ type: 'inquiry-answered', channel: 'registry', assets: [found('flat', 'real-estate')] }],
      [{ type: 'asset-frozen', assetId: 'flat', amountFen: fen(0), expiresOn: '2029-03-02' as never }],
    );
    expect(codes(heard(seized, JUNE))).toContain('held');
  });

  it('fail: assets hidden (able to pay): listing, a fine and the referral each missing; pass once all are done', () => {
    const hid = exhausted([
      { type: 'conduct-recorded', kind: 'assets-hidden', respondentId: respondent.partyId, by: 'wang-fang' },
    ]);
    expect(codes(heard(hid, JUNE))).toEqual(['listing', 'sanction', 'referral']);
    const done = [
      { type: 'debtor-listed', grounds: ['assets-hidden'], articleGrounds: [3], years: 2, until: '2028-06-02' },
      {
        type: 'sanction-proposed',
        sanction: { kind: 'fine', respondentId: respondent.partyId, grounds: ['assets-hidden'], proposedFen: 100 },
      },
      { type: 'sanction-decided', decision: 'approved', amountFen: 100, by: 'song-jian' },
      { type: 'sanction-served', docId: 'd9' },
      { type: 'referral-sent', grounds: ['assets-hidden-with-ability'] },
    ] as unknown as readonly CaseEvent[];
    const after = done.reduce((s: EnforcementCase, e) => applyEvent(s, e, JUNE), hid);
    expect(codes(heard(after, JUNE))).toEqual([]);
  });

  it('pass (issue 13): no assets, refused to report, listed on ground (四) and fined: no referral is owed, 终本 goes through', () => {
    const noAssets = exhausted([{ type: 'asset-report', respondentId: respondent.partyId, outcome: 'refused' }]);
    // Listing (四) and the fine are owed; a referral is not: nothing shows the ability to pay (刑法 第三百一十三条).
    expect(codes(heard(noAssets, JUNE))).toEqual(['listing', 'sanction']);
    const done = [
      { type: 'debtor-listed', grounds: ['report-refused'], articleGrounds: [4], years: 2, until: '2028-06-02' },
      {
        type: 'sanction-proposed',
        sanction: { kind: 'fine', respondentId: respondent.partyId, grounds: ['report-refused'], proposedFen: 100 },
      },
      { type: 'sanction-decided', decision: 'approved', amountFen: 100, by: 'song-jian' },
      { type: 'sanction-served', docId: 'd9' },
    ] as unknown as readonly CaseEvent[];
    const after = done.reduce((s: EnforcementCase, e) => applyEvent(s, e, JUNE), noAssets);
    expect(codes(heard(after, JUNE))).toEqual([]);
  });

  it('fail: violent obstruction without ability to pay: listing (二) and detention owed, still no referral', () => {
    const obstructed = exhausted([
      { type: 'conduct-recorded', kind: 'violent-obstruction', respondentId: respondent.partyId, by: 'wang-fang' },
    ]);
    expect(codes(heard(obstructed, JUNE))).toEqual(['listing', 'sanction']);
  });
});

describe('G1: the other ways of closing, on their grounds', () => {
  const state = exhausted();
  it('pass: termination on the applicant withdrawing', () => {
    expect(closureProblems(state, 'termination', 'application-withdrawn', RULES)).toEqual([]);
  });

  it('fail: a ground not of that way is refused, listing the way’s grounds', () => {
    expect(closureProblems(state, 'withdrawal', 'application-withdrawn', RULES)[0]?.message).toBe(
      '销案须依据以下事由之一：jurisdiction-objection-upheld（被执行人提出管辖异议，经审查异议成立，将案件移送有管辖权的法院或申请执行人撤回申请）；filed-first-elsewhere（发现其他有管辖权的人民法院已经立案在先）（G1）',
    );
  });

  it('pass: non-enforcement of an arbitral award; fail: of a judgment', () => {
    const award = { ...state, basis: { ...state.basis, kind: 'arbitration-award' as const } };
    expect(closureProblems(award, 'non-enforcement', 'award-not-enforced', RULES)).toEqual([]);
    expect(closureProblems(state, 'non-enforcement', 'award-not-enforced', RULES)[0]?.message).toBe(
      '不予执行只适用于仲裁裁决或公证债权文书（G1）',
    );
  });

  it('pass: a person who died without an estate; fail: the same ground for an organisation', () => {
    expect(closureProblems(state, 'termination', 'respondent-died-no-estate', RULES)).toEqual([]);
    const company = { ...state, respondents: [{ ...respondent, kind: 'organisation' as const }] };
    expect(closureProblems(company, 'termination', 'respondent-died-no-estate', RULES)[0]?.code).toBe('ground-person');
    expect(closureProblems(company, 'termination', 'respondent-bankrupt', RULES)).toEqual([]);
  });

  it('fail: money still on the case account is paid out or refunded first', () => {
    const money = applyEvent(
      state,
      { type: 'money-received', entryId: 'e1', amountFen: fen(5_000), source: 'voluntary', note: '' },
      JUNE,
    );
    expect(closureProblems(money, 'rejection', 'filing-conditions-unmet', RULES)).toEqual([
      { ruleId: 'F2', code: 'account', message: '案款账户尚有50.00元，须先发放或退还（F1、F2）' },
    ]);
  });

  it('pass: termination when the creditor of maintenance died (民诉法 第二百六十八条第（四）项); fail: it is no 销案 ground', () => {
    expect(closureProblems(state, 'termination', 'maintenance-creditor-died', RULES)).toEqual([]);
    expect(closureProblems(state, 'withdrawal', 'maintenance-creditor-died', RULES)[0]?.code).toBe('ground');
    const ground = RULES.G1.grounds.termination.find((g) => g.id === 'maintenance-creditor-died');
    expect(ground?.source).toContain('第二百六十八条第（四）项');
  });

  it('cites 法发〔2014〕26号 by the way: 终结执行 第十七条, 销案 第十八条, 不予执行 第十九条, 驳回申请 第二十条', () => {
    const articles = (way: keyof typeof RULES.G1.grounds) =>
      RULES.G1.grounds[way].map((g) => g.source.split(' ').at(-1));
    expect(new Set(articles('termination'))).toEqual(new Set(['第十七条']));
    expect(new Set(articles('withdrawal'))).toEqual(new Set(['第十八条']));
    expect(new Set(articles('non-enforcement'))).toEqual(new Set(['第十九条']));
    expect(new Set(articles('rejection'))).toEqual(new Set(['第二十条']));
    expect(RULES.G2.source).toContain('第十六条');
    for (const grounds of Object.values(RULES.G1.grounds))
      for (const ground of grounds) expect(ground.source, ground.id).not.toContain('待核实');
  });

  it('every ground carries its legal source', () => {
    for (const grounds of Object.values(RULES.G1.grounds))
      for (const ground of grounds) expect(ground.source, ground.id).toMatch(/法发〔2014〕26号|民事诉讼法/);
  });
});

/** The bureau chief's approval of the 终本 review, requested and decided. */
function finalClosureApproved(execution: string): CaseEvent[] {
  const approvalId = approvalIdFor(execution, 'final-closure', 0);
  return [
    {
      type: 'approval-requested',
      approvalId,
      step: 'final-closure',
      requiredRole: 'bureau-chief',
      level: 0,
      requester: 'wang-fang',
      dueAt: JUNE,
      summary: '',
    },
    { type: 'approval-decided', approvalId, decision: 'approved', by: 'zhang-wei', role: 'bureau-chief' },
  ];
}

describe('the closure review (planClosure)', () => {
  const EXECUTION = 'cabcdefghijklmnopqrs-closure-1';
  const review = (state: EnforcementCase, status: EnforcementCase['status'] = 'final-closure-review') => ({
    ...applyEvent(state, { type: 'closure-requested', run: 1, way: 'final-round-closure', by: 'system' }, JUNE),
    status,
  });

  it('waits while only time is missing (once recorded), then asks the applicant, then asks for the approval', () => {
    const early = review(exhausted());
    const april = cst('2026-04-10 10:00');
    const waiting = planClosure(early, RULES, april, EXECUTION);
    expect(waiting.next).toEqual({ kind: 'wait', until: cst('2026-06-03 09:00') });
    expect(waiting.events).toMatchObject([{ type: 'closure-refused', next: 'wait', until: '2026-06-03' }]);
    const recorded = waiting.events.reduce((s, e) => applyEvent(s, e, april), early);
    expect(planClosure(recorded, RULES, april, EXECUTION).events).toEqual([]);
    expect(planClosure(recorded, RULES, JUNE, EXECUTION).next).toEqual({ kind: 'interview' });
    expect(planClosure(heard(recorded, JUNE), RULES, JUNE, EXECUTION).next).toEqual({
      kind: 'approve',
      step: 'final-closure',
    });
  });

  it('refuses to the officer, naming every missing condition, when time alone cannot fix it', () => {
    const plan = planClosure(review(caseFrom([filed()])), RULES, JUNE, EXECUTION);
    expect(plan.next).toEqual({ kind: 'refused' });
    expect(plan.events.map((e) => e.type)).toEqual(['closure-refused', 'closure-review-ended', 'status-changed']);
    expect(plan.events[2]).toMatchObject({ to: 'awaiting-officer' });
  });

  it('closes once approved, checking again; refuses if the case changed meanwhile', () => {
    const approved = finalClosureApproved(EXECUTION);
    const state = approved.reduce((s: EnforcementCase, e) => applyEvent(s, e, JUNE), heard(review(exhausted()), JUNE));
    // G2-SERVICE (法〔2016〕373号 第六条): approved, the ruling is issued and served on the applicant first.
    const plan = planClosure(state, RULES, JUNE, EXECUTION);
    expect(plan.next).toEqual({ kind: 'serve-ruling', method: 'electronic' });
    expect(plan.events.map((e) => e.type)).toEqual(['final-round-ruled']);
    const served = [
      { type: 'final-round-ruled' },
      { type: 'ruling-service-attempted', requestId: 'r1', method: 'electronic' },
      { type: 'ruling-served', requestId: 'r1', receipt: 'ES1' },
    ] as const satisfies readonly CaseEvent[];
    const closing = served.reduce((s: EnforcementCase, e) => applyEvent(s, e, JUNE), state);
    const closed = planClosure(closing, RULES, JUNE, EXECUTION);
    expect(closed.next).toEqual({ kind: 'closed' });
    expect(closed.events.map((e) => e.type)).toEqual(['case-closed', 'status-changed', 'closure-review-ended']);
    const paid = applyEvent(
      state,
      { type: 'money-received', entryId: 'e1', amountFen: fen(100), source: 'voluntary', note: '' },
      JUNE,
    );
    expect(planClosure(paid, RULES, JUNE, EXECUTION).next).toEqual({ kind: 'refused' });
  });

  describe('G2-SERVICE: the 终本 ruling is served on the applicant before the case is closed (法〔2016〕373号 第六条)', () => {
    const approved = [
      ...finalClosureApproved(EXECUTION),
      { type: 'final-round-ruled' },
      { type: 'ruling-service-attempted', requestId: 'r1', method: 'electronic' },
    ] as const satisfies readonly CaseEvent[];
    const sent = approved.reduce((s: EnforcementCase, e) => applyEvent(s, e, JUNE), heard(review(exhausted()), JUNE));

    it('fail: ruled and sent but not served, the case is not closed; a failed service goes again by post', () => {
      expect(RULES.G2_SERVICE.closesOnlyWhenServedOnApplicant).toBe(true);
      const waiting = planClosure(sent, RULES, JUNE, EXECUTION);
      expect(waiting.events).toEqual([]);
      expect(waiting.next.kind).toBe('serve-ruling');
      const failed = applyEvent(
        sent,
        { type: 'ruling-service-failed', requestId: 'r1', reason: '电子送达地址无效' },
        JUNE,
      );
      expect(failed.closureReview?.rulingRequest).toBeUndefined();
      expect(planClosure(failed, RULES, JUNE, EXECUTION)).toEqual({
        events: [],
        next: { kind: 'serve-ruling', method: 'postal' },
      });
      expect(failed.status).not.toBe('closed');
    });

    it('pass: served, the case is closed as 终本, once', () => {
      const served = applyEvent(sent, { type: 'ruling-served', requestId: 'r1' }, JUNE);
      expect(served.closureReview?.rulingServedAt).toBe(JUNE);
      const plan = planClosure(served, RULES, JUNE, EXECUTION);
      expect(plan.next).toEqual({ kind: 'closed' });
      expect(plan.events[0]).toEqual({ type: 'case-closed', way: 'final-round-closure' });
    });

    // 法〔2016〕373号 第一条第（三）项: money received while the ruling is served is property to pay out; no 终本.
    const received = {
      type: 'money-received',
      entryId: 'e1',
      amountFen: fen(300_000),
      source: 'voluntary',
      note: '',
    } as const satisfies CaseEvent;

    it('fail: money received while the ruling is served, the review is refused (served or not), not closed', () => {
      for (const state of [sent, applyEvent(sent, { type: 'ruling-served', requestId: 'r1' }, JUNE)]) {
        const plan = planClosure(applyEvent(state, received, JUNE), RULES, JUNE, EXECUTION);
        expect(plan.next).toEqual({ kind: 'refused' });
        expect(plan.refusal?.map((p) => p.code)).toEqual(['account']);
        expect(plan.events.some((e) => e.type === 'case-closed')).toBe(false);
        expect(plan.events).toContainEqual({
          type: 'status-changed',
          from: 'final-closure-review',
          to: 'awaiting-officer',
          reason: '终本裁定送达期间收到案款3,000.00元，不再终结本次执行程序，先依法发放案款',
        });
      }
    });

    it('pass: money received and paid out before the service ends, the case closes as 终本 once served', () => {
      const paidOut = [
        received,
        { type: 'money-paid', entryId: 'p1', payeeId: 'a1', amountFen: fen(300_000), kind: 'disbursed' },
        { type: 'ruling-served', requestId: 'r1' },
      ] as const satisfies readonly CaseEvent[];
      const state = paidOut.reduce((s: EnforcementCase, e) => applyEvent(s, e, JUNE), sent);
      expect(planClosure(state, RULES, JUNE, EXECUTION).next).toEqual({ kind: 'closed' });
    });
  });
});

describe('G3: re-query every 6 months for 5 years', () => {
  const closed = [{ type: 'case-closed', way: 'final-round-closure' }] as const satisfies readonly CaseEvent[];
  const state = closed.reduce((s: EnforcementCase, e) => applyEvent(s, e, cst('2026-06-03 10:00')), exhausted());

  it('pass: the first query 6 months after 终本, the tenth 5 years after', () => {
    expect(requeryRounds(RULES)).toBe(10);
    expect(requeryDue(state, 1, RULES)).toBe('2026-12-03');
    expect(requeryDue(state, 10, RULES)).toBe('2031-06-03');
    expect(planRequery(state, RULES, cst('2026-06-04 10:00'))).toEqual({
      kind: 'wait',
      round: 1,
      until: cst('2026-12-03 09:00'),
    });
    expect(planRequery(state, RULES, cst('2026-12-03 09:00'))).toEqual({ kind: 'query', round: 1 });
  });

  it('fail: no eleventh query; none once resumption is asked for', () => {
    const ten = { ...state, requery: { rounds: 10 } };
    expect(planRequery(ten, RULES, cst('2031-12-03 09:00')).kind).toBe('done');
    const asked = { ...state, requery: { rounds: 2, resumptionRequestedAt: JUNE } };
    expect(planRequery(asked, RULES, cst('2027-12-03 09:00')).kind).toBe('done');
  });

  it('counts as worth resuming for: money with a balance, any property; not an empty account', () => {
    expect(disposable({ class: 'deposit', balanceFen: fen(0) })).toBe(false);
    expect(disposable({ class: 'deposit', balanceFen: fen(1) })).toBe(true);
    expect(disposable({ class: 'real-estate' })).toBe(true);
  });
});
