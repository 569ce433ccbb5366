/**
 * SUSPENSION (民诉法 2023年修正 第二百六十七条), DEFERRAL and GUARANTEE (第二百四十二条; 执行担保规定 第十条至第十三条),
 * TERM-EXCLUDED (法释〔2000〕29号 第九条): the grounds, the deferral's longest term, the guarantee period, and the
 * enforcement term moved on by the days stopped.
 */
import { describe, expect, it } from 'vitest';
import { endOfChinaDay } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import {
  deferralEnded,
  deferralNodes,
  deferralProblems,
  excludedDays,
  extendedTerm,
  guaranteeCallable,
  guaranteeEnforceable,
  guaranteePeriodEnd,
  suspensionProblems,
} from '#domain/disputes/suspension.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { cst, d } from '../../support/calendar.ts';
import { caseFrom, filed } from '../../support/cases.ts';

const term: CaseEvent = {
  type: 'node-set',
  node: {
    node: 'enforcement-term',
    ruleId: 'A1',
    startedOn: d('2026-03-02'),
    dueDate: d('2026-09-02'),
    dueAt: endOfChinaDay(d('2026-09-02')),
    unconfirmedYears: [],
    status: 'open',
  },
};
const proposed = (kind: 'suspension' | 'deferral'): CaseEvent => ({
  type: 'suspension-proposed',
  kind,
  ground: 'other-court-finds',
  note: '再审审查中',
  by: 'wang-fang',
});
const terms = { guarantor: '担保人', form: 'surety' as const, amountFen: 1_000_000, applicantConsent: true };

describe('SUSPENSION: the grounds of 第二百六十七条', () => {
  it('pass: each ground of the law', () => {
    for (const ground of RULES.SUSPENSION.grounds)
      expect(suspensionProblems(caseFrom([filed()]), ground, RULES)).toEqual([]);
  });

  it('fail: a ground the law does not name; a second suspension while one is pending', () => {
    expect(suspensionProblems(caseFrom([filed()]), 'respondent-asked', RULES)[0]?.message).toBe(
      '中止执行的事由不属于民事诉讼法第二百六十七条、审判监督程序、企业破产法第十九条规定的情形或上级人民法院通知暂缓执行',
    );
    expect(
      suspensionProblems(caseFrom([filed()], [proposed('suspension')]), 'other-court-finds', RULES)[0]?.message,
    ).toBe('已有待审批的中止（暂缓）执行');
  });
});

describe('DEFERRAL and GUARANTEE: a guarantee the applicant agreed to, at most a year, the period after it', () => {
  const today = d('2026-04-01');

  it('pass: consent, an amount, a last day within 12 months; the guarantee period one year from the deferral’s end', () => {
    expect(deferralProblems(caseFrom([filed()]), { ...terms, until: d('2027-04-01') }, today, RULES)).toEqual([]);
    expect(guaranteePeriodEnd(d('2026-10-01'), undefined, RULES)).toBe('2027-10-01');
    expect(guaranteePeriodEnd(d('2026-10-01'), 6, RULES)).toBe('2027-04-01');
  });

  it('fail: without the applicant’s consent, or longer than a year', () => {
    const messages = deferralProblems(
      caseFrom([filed()]),
      { ...terms, applicantConsent: false, until: d('2027-04-02') },
      today,
      RULES,
    ).map((p) => p.message);
    expect(messages).toEqual([
      '暂缓执行须经申请执行人同意（民事诉讼法第二百四十二条）',
      '暂缓执行的期限最长不得超过12个月（至2027-04-01）',
    ]);
  });

  it('GUARANTEE 第十三条: the guarantor can be enforced against to the last day of the period, not after', () => {
    const state = {
      kind: 'deferral' as const,
      status: 'in-force' as const,
      ground: 'guarantee',
      note: '',
      proposedBy: 'wang-fang',
      guarantee: { form: 'surety' as const, guarantor: '担保人', amountFen: fen(1), periodEndsOn: d('2027-10-01') },
    };
    expect(guaranteeEnforceable(state, d('2027-10-01'))).toBe(true);
    expect(guaranteeEnforceable(state, d('2027-10-02'))).toBe(false);
  });
});

describe('TERM-EXCLUDED: the enforcement term does not count the days stopped', () => {
  it('pass: 30 days stopped move the A1 due date on by 30 days, keeping the original', () => {
    const state = caseFrom([filed()], [term]);
    expect(excludedDays(d('2026-04-01'), d('2026-05-01'))).toBe(30);
    expect(extendedTerm(state, 30, RULES)).toMatchObject({
      dueDate: '2026-10-02',
      originalDueDate: '2026-09-02',
      status: 'open',
    });
  });

  it('fail: no days stopped, or a term already met, moves nothing', () => {
    expect(extendedTerm(caseFrom([filed()], [term]), 0, RULES)).toBeUndefined();
    const met = caseFrom(
      [filed()],
      [term],
      [{ type: 'node-met', node: 'enforcement-term', at: '2026-05-01T00:00:00Z' }],
    );
    expect(extendedTerm(met, 30, RULES)).toBeUndefined();
  });
});

describe('DEFERRAL: enforcement resumes by itself when the deferral’s term ends (暂缓执行规定 第十三条)', () => {
  const deferral = {
    kind: 'deferral' as const,
    status: 'in-force' as const,
    ground: 'guarantee',
    note: '',
    proposedBy: 'wang-fang',
    from: d('2026-04-01'),
    until: d('2026-06-30'),
    guarantee: { form: 'surety' as const, guarantor: '担保人', amountFen: fen(1), periodEndsOn: d('2027-06-30') },
  };
  const withDeferral = (suspension: typeof deferral | (Omit<typeof deferral, 'status'> & { status: 'resumed' })) => ({
    ...caseFrom([filed()], []),
    suspension,
  });

  it('pass: its node falls due on the last day; from the first instant after it, the term has ended', () => {
    const [node] = deferralNodes(deferral, d('2026-04-01'), RULES);
    expect(node).toMatchObject({ node: 'dispute:deferral', ruleId: 'DEFERRAL', dueDate: '2026-06-30' });
    expect(RULES.DEFERRAL.resumeAtTermEnd).toBe(true);
    expect(deferralEnded(withDeferral(deferral), cst('2026-07-01 00:00'), RULES)).toBe(true);
    // Resumed at the term's end, the guarantee can still be called, from the day after the last day.
    const resumed = { ...deferral, status: 'resumed' as const };
    expect(guaranteeCallable(resumed, d('2026-07-01'))).toBe(true);
  });

  it('fail: on its last day it has not ended; resumed already, or a suspension, nothing resumes again; not callable early', () => {
    expect(deferralEnded(withDeferral(deferral), cst('2026-06-30 23:59'), RULES)).toBe(false);
    const resumed = { ...deferral, status: 'resumed' as const };
    expect(deferralEnded(withDeferral(resumed), cst('2026-07-02 09:00'), RULES)).toBe(false);
    expect(
      deferralEnded(withDeferral({ ...deferral, kind: 'suspension' as never }), cst('2026-07-02 09:00'), RULES),
    ).toBe(false);
    expect(guaranteeCallable(deferral, d('2026-06-30'))).toBe(false);
    expect(guaranteeCallable({ ...deferral, status: 'defaulted' as never }, d('2026-07-01'))).toBe(false);
  });
});
