/**
 * M-EXIT-BAN, M-REWARD, M-RELIEF, M-BANKRUPTCY and P-MEASURES: each rule with a case it allows and one it refuses,
 * and the money of each to the fen.
 */
import { describe, expect, it } from 'vitest';
import { type PanelVote, panelOutcome } from '#domain/approvals/panel.ts';
import { localDate } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase, Party } from '#domain/case/model.ts';
import { phaseEnded, runningPhases } from '#domain/case/phases.ts';
import { applyEvent } from '#domain/case/reducer.ts';
import { planDisbursement } from '#domain/disbursement/plan.ts';
import { referralProblem, resumedRun, runsStoppedOnAcceptance } from '#domain/measures/bankruptcy.ts';
import { measureDecisionEvents, measureSummary } from '#domain/measures/decisions.ts';
import {
  exitBanPersons,
  exitBanProblem,
  exitLiftReason,
  exitNoticeAnswer,
  exitNoticeDue,
} from '#domain/measures/exit-ban.ts';
import {
  reliefApplicationProblem,
  reliefCaps,
  reliefGrantProblem,
  reliefPayee,
  reliefToRecoverFen,
  reliefWageBase,
  wageBaseLine,
} from '#domain/measures/relief.ts';
import { readyToPublish, rewardApplicationProblem, rewardFor, rewardRefund } from '#domain/measures/reward.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar } from '../../support/calendar.ts';
import { applicant, caseFrom, filed, respondent } from '../../support/cases.ts';

const company: Party = { ...respondent, partyId: 'pcompany00000001', kind: 'organisation', name: '某公司' };

const underWay: CaseEvent[] = [
  { type: 'status-changed', from: 'filed', to: 'triaged', reason: 't' },
  { type: 'status-changed', from: 'triaged', to: 'investigating', reason: 't' },
  { type: 'status-changed', from: 'investigating', to: 'awaiting-coercion', reason: 't' },
];
const open = (...more: CaseEvent[][]) => caseFrom([filed(5_000_000)], underWay, ...more);
const withCompany = () => {
  const f = filed(5_000_000);
  return caseFrom([{ ...f, respondents: [company] }], underWay);
};
const paid = (amountFen: number): CaseEvent => ({
  type: 'money-received',
  entryId: 'e-pay',
  amountFen: fen(amountFen),
  source: 'voluntary',
  note: 'PAY',
});

const proposed: CaseEvent = {
  type: 'exit-ban-proposed',
  respondentId: respondent.partyId,
  persons: [{ personId: respondent.partyId, partyId: respondent.partyId, role: 'respondent' }],
  origin: 'own-motion',
  reason: '拟出境',
  by: 'wang-fang',
  execution: 'cabcdefghijklmnopqrs-measure-task-1',
};

describe('M-EXIT-BAN', () => {
  it('pass: on the applicant’s written application, or of the court’s own motion, while something is owed', () => {
    const state = open();
    expect(
      exitBanProblem(
        state,
        { respondentId: respondent.partyId, origin: 'application', applicantId: applicant.partyId },
        RULES,
      ),
    ).toBeUndefined();
    expect(exitBanProblem(state, { respondentId: respondent.partyId, origin: 'own-motion' }, RULES)).toBeUndefined();
  });

  it('fail: an application not made by an applicant, an unknown origin, a second restriction in force', () => {
    const state = open();
    expect(
      exitBanProblem(
        state,
        { respondentId: respondent.partyId, origin: 'application', applicantId: respondent.partyId },
        RULES,
      ),
    ).toMatch(/书面申请/);
    expect(exitBanProblem(state, { respondentId: respondent.partyId, origin: 'phone-call' }, RULES)).toMatch(/origin/);
    expect(exitBanProblem(open([proposed]), { respondentId: respondent.partyId, origin: 'own-motion' }, RULES)).toMatch(
      /已有/,
    );
  });

  it('pass: an organisation’s legal representative, principal or directly responsible person; fail: anyone else', () => {
    expect(exitBanPersons(company, RULES, ['legal-representative', 'principal'])).toHaveLength(2);
    expect(exitBanPersons(company, RULES, ['actual-controller'])).toMatch(/法定代表人/);
    expect(exitBanPersons(respondent, RULES)).toEqual([
      { personId: respondent.partyId, partyId: respondent.partyId, role: 'respondent' },
    ]);
  });

  it('lifts on full performance, and when the case closes other than by 终本; not while something is owed', () => {
    const ordered = open([proposed, { type: 'exit-ban-decided', decision: 'approved', by: 'zhang-wei' }]);
    expect(exitLiftReason(ordered)).toBeUndefined();
    const closedTermination = caseFrom(
      [filed(5_000_000)],
      underWay,
      [proposed, { type: 'exit-ban-decided', decision: 'approved', by: 'zhang-wei' }],
      [
        { type: 'case-closed', way: 'termination', ground: 'application-withdrawn' },
        { type: 'status-changed', from: 'awaiting-coercion', to: 'closed', reason: 'x' },
      ],
    );
    expect(exitLiftReason(closedTermination)).toBe('case-closed');
    const closedFinalRound = caseFrom(
      [filed(5_000_000)],
      underWay,
      [proposed, { type: 'exit-ban-decided', decision: 'approved', by: 'zhang-wei' }],
      [
        { type: 'case-closed', way: 'final-round-closure' },
        { type: 'status-changed', from: 'awaiting-coercion', to: 'closed', reason: 'x' },
      ],
    );
    expect(exitLiftReason(closedFinalRound)).toBeUndefined();
  });

  it('sends the unconfirmed persons again, up to P-MEASURES’ rounds, and no more', () => {
    const decided: CaseEvent[] = [proposed, { type: 'exit-ban-decided', decision: 'approved', by: 'zhang-wei' }];
    for (let round = 1; round <= RULES.P_MEASURES.exitEntryRounds; round++) {
      const state = open(decided, ...noticeRounds(round - 1));
      expect(exitNoticeDue(state.measures?.exitBan, RULES)).toEqual({
        kind: 'restrict',
        persons: [respondent.partyId],
        round,
      });
    }
    const exhausted = open(decided, ...noticeRounds(RULES.P_MEASURES.exitEntryRounds));
    expect(exitNoticeDue(exhausted.measures?.exitBan, RULES)).toBeUndefined();
  });

  it('records each person’s answer: confirmed, failed with its reason, or silent', () => {
    const state = open(
      [proposed, { type: 'exit-ban-decided', decision: 'approved', by: 'zhang-wei' }],
      [{ type: 'exit-notice-sent', requestId: 'r1', kind: 'restrict', round: 1, persons: [respondent.partyId] }],
    );
    const ban = state.measures?.exitBan;
    if (!ban) throw new Error('no ban');
    expect(
      exitNoticeAnswer(ban, 'r1', [{ itemId: respondent.partyId, outcome: 'failed', reason: '证件不符' }]),
    ).toMatchObject({
      confirmed: [],
      failed: [{ personId: respondent.partyId, reason: '证件不符' }],
      silent: [],
    });
    expect(exitNoticeAnswer(ban, 'r1', [])).toMatchObject({ confirmed: [], silent: [respondent.partyId] });
  });
});

/** Rounds 1..n sent and answered with a failure. */
function noticeRounds(n: number): CaseEvent[][] {
  const groups: CaseEvent[][] = [];
  for (let round = 1; round <= n; round++) {
    groups.push([
      { type: 'exit-notice-sent', requestId: `r${round}`, kind: 'restrict', round, persons: [respondent.partyId] },
      {
        type: 'exit-notice-answered',
        requestId: `r${round}`,
        kind: 'restrict',
        confirmed: [],
        failed: [{ personId: respondent.partyId, reason: 'x' }],
        silent: [],
      },
    ]);
  }
  return groups;
}

const applied = (capFen = 100_000): CaseEvent => ({
  type: 'reward-applied',
  applicantId: applicant.partyId,
  method: 'share',
  shareBasisPoints: 1_000,
  capFen: fen(capFen),
  by: 'wang-fang',
  execution: 'cabcdefghijklmnopqrs-measure-task-1',
});

describe('M-REWARD', () => {
  it('pass: the applicant applies with a fixed sum or a share and its maximum', () => {
    const state = open();
    expect(
      rewardApplicationProblem(state, { applicantId: applicant.partyId, method: 'fixed', amountFen: 200_000 }, RULES),
    ).toBeUndefined();
    expect(
      rewardApplicationProblem(
        state,
        { applicantId: applicant.partyId, method: 'share', shareBasisPoints: 500, capFen: 100_000 },
        RULES,
      ),
    ).toBeUndefined();
  });

  it('fail: not the applicant, no amount, a share above P-MEASURES or without its maximum', () => {
    const state = open();
    expect(
      rewardApplicationProblem(state, { applicantId: respondent.partyId, method: 'fixed', amountFen: 1 }, RULES),
    ).toMatch(/申请执行人/);
    expect(rewardApplicationProblem(state, { applicantId: applicant.partyId, method: 'fixed' }, RULES)).toMatch(
      /amountFen/,
    );
    expect(
      rewardApplicationProblem(
        state,
        {
          applicantId: applicant.partyId,
          method: 'share',
          shareBasisPoints: RULES.P_MEASURES.rewardMaxShareBasisPoints + 1,
          capFen: 1,
        },
        RULES,
      ),
    ).toMatch(/基点/);
    expect(
      rewardApplicationProblem(
        state,
        { applicantId: applicant.partyId, method: 'share', shareBasisPoints: 100 },
        RULES,
      ),
    ).toMatch(/capFen/);
  });

  it('publishes only once approved and the whole maximum deposited', () => {
    const approved = open([applied(), { type: 'reward-decided', decision: 'approved', by: 'li-qiang' }]);
    expect(readyToPublish(approved.measures?.reward, RULES)).toBe(false);
    const deposited = open(
      [applied(), { type: 'reward-decided', decision: 'approved', by: 'li-qiang' }],
      [{ type: 'reward-deposited', amountFen: fen(100_000), reference: 'D' }],
    );
    expect(readyToPublish(deposited.measures?.reward, RULES)).toBe(true);
    const refused = open([applied(), { type: 'reward-decided', decision: 'rejected', by: 'li-qiang' }]);
    expect(readyToPublish(refused.measures?.reward, RULES)).toBe(false);
  });

  it('rewards a confirmed lead its share of the money in whole fen, rounded down, within the maximum; nothing for an unfounded one', () => {
    const state = open([applied(100_000)]);
    const reward = state.measures?.reward;
    if (!reward) throw new Error('no reward');
    const lead = {
      leadId: 'l1',
      receivedAt: '',
      informantRef: 'x',
      summary: 's',
      status: 'confirmed' as const,
      realisedFen: fen(123_457),
    };
    expect(rewardFor(reward, lead)).toBe(12_345);
    expect(rewardFor(reward, { ...lead, realisedFen: fen(5_000_000) })).toBe(100_000);
    expect(rewardFor(reward, { ...lead, status: 'unfounded' })).toBe(0);
    expect(rewardRefund({ ...reward, depositFen: fen(100_000), paidFen: fen(12_345) })).toBe(87_655);
  });
});

describe('M-RELIEF', () => {
  it('pass: within the usual cap (36 months of RELIEF-WAGE’s figure); above it only when exceptional and within the unpaid claim', () => {
    const state = open();
    // 河北省 2024: 在岗职工平均工资 99,091 yuan a year; 36 months of the monthly average = 3 years = 297,273.00 yuan.
    expect(reliefCaps(state, RULES).usualFen).toBe(29_727_300);
    expect(reliefGrantProblem(state, 2_000_000, false, RULES)).toBeUndefined();
    const big = caseFrom([filed(50_000_000)], underWay);
    expect(reliefGrantProblem(big, 30_000_000, true, RULES)).toBeUndefined();
  });

  it('fail: above the usual cap without exceptional; above what is unpaid at all; a second grant to the same party', () => {
    const big = caseFrom([filed(50_000_000)], underWay);
    expect(reliefGrantProblem(big, 30_000_000, false, RULES)).toMatch(/36个月/);
    expect(reliefGrantProblem(open(), 9_000_000, true, RULES)).toMatch(/未执行到位/);
    const granted = open([
      {
        type: 'relief-applied',
        applicantId: applicant.partyId,
        hardship: '伤残',
        requestedFen: fen(1),
        by: 'w',
        execution: 'x',
      },
      { type: 'relief-decided', decision: 'approved', by: 'z', grantedFen: fen(1) },
    ]);
    expect(
      reliefApplicationProblem(
        granted,
        { applicantId: applicant.partyId, hardship: '伤残', requestedFen: 1 },
        RULES,
        localDate('2026-03-10'),
      ),
    ).toMatch(/只救助1次/);
  });

  it('pass: a decision within what was applied for is recorded with its decider and day; fail: above the application', () => {
    const applied = open([
      {
        type: 'relief-applied',
        applicantId: applicant.partyId,
        hardship: '伤残',
        requestedFen: fen(2_000_000),
        by: 'w',
        execution: 'x',
      },
    ]);
    expect(reliefGrantProblem(applied, 2_000_000, false, RULES)).toBeUndefined();
    expect(reliefGrantProblem(applied, 2_000_001, false, RULES)).toMatch(/不得超过申请金额（20000元）/);
    const decided = caseFrom(
      [filed()],
      underWay,
      [
        {
          type: 'relief-applied',
          applicantId: applicant.partyId,
          hardship: '伤残',
          requestedFen: fen(2_000_000),
          by: 'w',
          execution: 'x',
        },
      ],
      [{ type: 'relief-decided', decision: 'approved', by: 'zhang-wei', grantedFen: fen(1_500_000) }],
    );
    expect(decided.measures?.relief).toMatchObject({
      status: 'granted',
      decidedBy: 'zhang-wei',
      grantedFen: 1_500_000,
    });
    expect(decided.measures?.relief?.decidedAt).toMatch(/^2026-03-02T/);
    expect(decided.measures?.relief?.exceptional).toBeUndefined();
  });

  it('recovers the paid relief from the applicant’s next payout first, to the fen', () => {
    const state = open(
      [
        {
          type: 'relief-applied',
          applicantId: applicant.partyId,
          hardship: '伤残',
          requestedFen: fen(1_500_000),
          by: 'w',
          execution: 'x',
        },
        { type: 'relief-decided', decision: 'approved', by: 'z', grantedFen: fen(1_500_000) },
        { type: 'relief-paid', amountFen: fen(1_500_000), reference: 'JZ' },
      ],
      [paid(1_000_000)],
    );
    expect(reliefToRecoverFen(state)).toBe(1_500_000);
    const plan = planDisbursement(state);
    expect(plan.payouts).toEqual([{ payeeId: reliefPayee(applicant.partyId), amountFen: 1_000_000 }]);
    const plenty = open(
      [
        {
          type: 'relief-applied',
          applicantId: applicant.partyId,
          hardship: '伤残',
          requestedFen: fen(1_500_000),
          by: 'w',
          execution: 'x',
        },
        { type: 'relief-decided', decision: 'approved', by: 'z', grantedFen: fen(1_500_000) },
        { type: 'relief-paid', amountFen: fen(1_500_000), reference: 'JZ' },
      ],
      [paid(4_000_000)],
    );
    const payouts = planDisbursement(plenty).payouts;
    expect(payouts).toContainEqual({ payeeId: reliefPayee(applicant.partyId), amountFen: 1_500_000 });
    expect(payouts).toContainEqual({ payeeId: applicant.partyId, amountFen: 2_500_000 });
  });
});

describe('M-BANKRUPTCY', () => {
  const command = (over: Partial<Parameters<typeof referralProblem>[1]> = {}) => ({
    respondentId: company.partyId,
    consentBy: 'applicant',
    consentPartyId: applicant.partyId,
    insolvency: '资不抵债',
    ...over,
  });

  it('pass: a company respondent, with the applicant’s or the respondent’s written consent', () => {
    expect(referralProblem(withCompany(), command(), RULES)).toBeUndefined();
    expect(
      referralProblem(withCompany(), command({ consentBy: 'respondent', consentPartyId: company.partyId }), RULES),
    ).toBeUndefined();
  });

  it('fail: a person respondent, consent from someone else, no facts of insolvency, a closed case', () => {
    expect(referralProblem(open(), command({ respondentId: respondent.partyId }), RULES)).toMatch(/企业法人/);
    expect(referralProblem(withCompany(), command({ consentPartyId: 'pnobody' }), RULES)).toMatch(/书面同意/);
    expect(referralProblem(withCompany(), command({ insolvency: ' ' }), RULES)).toMatch(/不能清偿/);
    const closed = caseFrom([{ ...filed(5_000_000), respondents: [company] }], underWay, [
      { type: 'case-closed', way: 'final-round-closure' },
      { type: 'status-changed', from: 'awaiting-coercion', to: 'closed', reason: 'x' },
    ]);
    expect(referralProblem(closed, command(), RULES)).toMatch(/最迟/);
  });
});

describe('M-BANKRUPTCY 第5条 with E8-PANEL: the panel agrees by majority, then the president signs', () => {
  const at = '2026-03-05T00:00:00.000Z';
  const proposed = () =>
    caseFrom([{ ...filed(5_000_000), respondents: [company] }], underWay, [
      {
        type: 'bankruptcy-proposed',
        respondentId: company.partyId,
        consentBy: 'applicant',
        consentPartyId: applicant.partyId,
        insolvency: '资不抵债',
        toCourt: { code: 'HB09', name: '沧州市中级人民法院' },
        by: 'wang-fang',
        execution: 'x-measure-task-1',
      },
    ]);
  const apply = (state: EnforcementCase, events: CaseEvent[]) =>
    events.reduce((s: EnforcementCase, e) => applyEvent(s, e, at), state);
  const decide = (step: 'bankruptcy-panel' | 'bankruptcy-referral', state: EnforcementCase, decision: PanelVote) =>
    measureDecisionEvents(step, state, decision, at, RULES, calendar);
  const agree = (by: string): PanelVote => ({ by, decision: 'approved' });

  it('pass: 2 of 3 members agree, the panel decides; then the president signs and enforcement stops', () => {
    const outcome = panelOutcome(
      [agree('tang-jie'), { by: 'huang-lei', decision: 'rejected' }, agree('zhou-ting')],
      RULES,
    );
    expect(outcome).toMatchObject({ votes: 3, needed: 2, decided: { decision: 'approved' } });
    const state = proposed();
    expect(state.measures?.bankruptcy?.status).toBe('proposed');
    const reviewed = apply(state, decide('bankruptcy-panel', state, outcome.decided ?? agree('x')));
    expect(reviewed.measures?.bankruptcy).toMatchObject({ status: 'panel-approved' });
    // The president's signing approval has its own execution, named after the proposal's.
    const sign = reviewed.measures?.bankruptcy?.signExecution;
    expect(sign).toBeDefined();
    expect(sign).not.toBe(reviewed.measures?.bankruptcy?.execution);
    expect(measureSummary('bankruptcy-referral', reviewed, RULES)).toMatch(/合议庭已评议同意，院长签署移送决定/);
    const signed = apply(reviewed, decide('bankruptcy-referral', reviewed, { by: 'song-jian', decision: 'approved' }));
    expect(signed.measures?.bankruptcy).toMatchObject({ status: 'referred', decidedBy: 'song-jian' });
    expect(signed.nodes['bankruptcy-acceptance']?.status).toBe('open');
  });

  it('fail: one vote decides nothing, and the president cannot sign before the panel agreed', () => {
    expect(panelOutcome([agree('tang-jie')], RULES)).toEqual({ votes: 1, needed: 2 });
    const state = proposed();
    // The president's decision on a referral the panel has not agreed to puts nothing on the case.
    expect(decide('bankruptcy-referral', state, { by: 'song-jian', decision: 'approved' })).toEqual([]);
    expect(measureSummary('bankruptcy-panel', state, RULES)).toMatch(/合议庭评议是否同意移送/);
  });

  it('fail: the panel’s majority against, the referral is refused and the president is not asked', () => {
    const state = proposed();
    const refused = apply(state, decide('bankruptcy-panel', state, { by: 'huang-lei', decision: 'rejected' }));
    expect(refused.measures?.bankruptcy).toMatchObject({ status: 'refused' });
    expect(refused.measures?.bankruptcy?.signExecution).toBeUndefined();
    expect(decide('bankruptcy-referral', refused, { by: 'song-jian', decision: 'approved' })).toEqual([]);
  });
});

describe('enforce case: the measures in one line each', () => {
  it('names the relief granted and what was recovered; nothing for a case without measures', async () => {
    const { measureLines } = await import('#domain/timeline/measures.ts');
    expect(measureLines(open())).toEqual([]);
    const state = open([
      {
        type: 'relief-applied',
        applicantId: applicant.partyId,
        hardship: '伤残',
        requestedFen: fen(1_500_000),
        by: 'w',
        execution: 'x',
      },
      { type: 'relief-decided', decision: 'approved', by: 'z', grantedFen: fen(1_500_000) },
      { type: 'relief-paid', amountFen: fen(1_500_000), reference: 'JZ' },
    ]);
    expect(measureLines(state)).toEqual(['国家司法救助：15,000.00元已发放，已从执行款中扣回0.00元']);
  });
});

describe('M-BANKRUPTCY 第8条, 第18条: the referral stops the running phases; not accepted, the disposal starts again', () => {
  const referredCase = () => {
    const base = open();
    const disposing = {
      ...base,
      status: 'disposing' as const,
      phase: 'coercion' as const,
      phaseRuns: { ...base.phaseRuns, disposal: 1, coercion: 1 },
      measures: {
        bankruptcy: {
          respondentId: respondent.partyId,
          consentBy: 'respondent' as const,
          consentPartyId: respondent.partyId,
          insolvency: '资不抵债',
          toCourt: { code: 'HB09', name: '沧州市中级人民法院' },
          proposedBy: 'wang-fang',
          proposedAt: '2026-03-02T00:00:00.000Z',
          execution: 'x-measure-task-1',
          // 第5条: the panel agreed; the president signs under the execution its agreement started.
          status: 'panel-approved' as const,
          signExecution: 'x-measure-task-2',
        },
      },
    };
    return disposing;
  };

  it('pass: approved, the decision names the running runs and the case stops them (PhaseEnded at their next step)', () => {
    const before = referredCase();
    expect(phaseEnded(before, `${before.caseId}-disposal-1`)).toBeUndefined();
    const events = measureDecisionEvents(
      'bankruptcy-referral',
      before,
      { decision: 'approved', by: 'song-jian' },
      '2026-03-05T00:00:00.000Z',
      RULES,
      calendar,
    );
    const decided = events.find((e) => e.type === 'bankruptcy-decided');
    expect(decided).toMatchObject({ interrupted: runningPhases(before) });
    let after: EnforcementCase = before;
    for (const e of events) after = applyEvent(after, e, '2026-03-05T00:00:00.000Z');
    expect(phaseEnded(after, `${before.caseId}-disposal-1`)).toMatch(/ended/);
    expect(phaseEnded(after, `${before.caseId}-coercion-1`)).toMatch(/ended/);
    // Not accepted: the disposal that held the case starts again as run 2.
    expect(resumedRun(after)).toBe(`${before.caseId}-disposal-2`);
  });

  it('fail: rejected, nothing stops; nothing was stopped, nothing resumes', () => {
    const before = referredCase();
    const events = measureDecisionEvents(
      'bankruptcy-referral',
      before,
      { decision: 'rejected', by: 'song-jian' },
      '2026-03-05T00:00:00.000Z',
      RULES,
      calendar,
    );
    let after: EnforcementCase = before;
    for (const e of events) after = applyEvent(after, e, '2026-03-05T00:00:00.000Z');
    expect(phaseEnded(after, `${before.caseId}-disposal-1`)).toBeUndefined();
    expect(resumedRun(after)).toBeUndefined();
  });

  /** Approved (the runs then stopped), then a coercion run started since: run 2 of coercion. */
  const decidedThenCoercion = (): EnforcementCase => {
    const before = referredCase();
    const at = '2026-03-05T00:00:00.000Z';
    let after: EnforcementCase = before;
    for (const e of measureDecisionEvents(
      'bankruptcy-referral',
      before,
      { decision: 'approved', by: 'song-jian' },
      at,
      RULES,
      calendar,
    ))
      after = applyEvent(after, e, at);
    return { ...after, phaseRuns: { ...after.phaseRuns, coercion: (after.phaseRuns.coercion ?? 0) + 1 } };
  };

  it('pass (企业破产法 第十九条): accepted, a coercion run started after the decision is stopped too', () => {
    const state = decidedThenCoercion();
    const run = state.phaseRuns.coercion ?? 0;
    expect(state.measures?.bankruptcy?.status).toBe('referred');
    expect(runsStoppedOnAcceptance(state)).toEqual({ coercion: run });
    const accepted = applyEvent(
      state,
      { type: 'bankruptcy-answered', outcome: 'accepted', interrupted: { coercion: run } },
      '2026-03-10T00:00:00.000Z',
    );
    expect(phaseEnded(accepted, `${state.caseId}-coercion-${run}`)).toMatch(/ended/);
  });

  it('fail: accepted with nothing started since the decision, nothing more to stop', () => {
    const before = referredCase();
    const at = '2026-03-05T00:00:00.000Z';
    let after: EnforcementCase = before;
    for (const e of measureDecisionEvents(
      'bankruptcy-referral',
      before,
      { decision: 'approved', by: 'song-jian' },
      at,
      RULES,
      calendar,
    ))
      after = applyEvent(after, e, at);
    expect(runsStoppedOnAcceptance(after)).toBeUndefined();
  });
});

describe('RELIEF-WAGE: the base is the published figure of the court’s province for the year before the application', () => {
  const hebei = { code: 'HB0922', name: '青县人民法院' };
  it('pass: applied in 2025, the 2024 figure of 河北省 (99,091 yuan): 36 months = 297,273.00 yuan', () => {
    const base = reliefWageBase(hebei, localDate('2025-08-01'), RULES);
    expect(base).toMatchObject({ ok: true, wanted: 2024, usualFen: 29_727_300 });
    if (base.ok) expect(wageBaseLine(base)).not.toMatch(/尚未公布/);
  });

  it('pass: applied in 2026 before the 2025 figure is published, the 2024 one, and the decider is told', () => {
    const base = reliefWageBase(hebei, localDate('2026-03-10'), RULES);
    expect(base).toMatchObject({ ok: true, wanted: 2025, figure: { year: 2024 } });
    if (base.ok) expect(wageBaseLine(base)).toMatch(/2025年度数据尚未公布，按2024年度/);
  });

  it('fail: a court of a province with no figure, or a year before any figure: refused, never a made-up number', () => {
    const heilongjiang = reliefWageBase(
      { code: 'HL0123', name: '黑龙江省某县人民法院' },
      localDate('2026-03-10'),
      RULES,
    );
    expect(heilongjiang).toMatchObject({ ok: false });
    if (!heilongjiang.ok) expect(heilongjiang.problem).toMatch(/未配置（RELIEF-WAGE）/);
    expect(reliefWageBase(hebei, localDate('2024-06-01'), RULES)).toMatchObject({ ok: false });
    const elsewhere = { ...open(), court: { code: 'HL0123', name: '黑龙江省某县人民法院' } };
    expect(
      reliefApplicationProblem(
        elsewhere,
        { applicantId: applicant.partyId, hardship: '伤残', requestedFen: 100 },
        RULES,
        localDate('2026-03-10'),
      ),
    ).toMatch(/RELIEF-WAGE/);
  });
});
