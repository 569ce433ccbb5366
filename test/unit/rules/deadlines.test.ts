/**
 * Paired tests, one pair per deadline rule: done on the last day meets it, done the day after misses it.
 * Dates are worked out by hand from the rule table and the 2026 holiday notice (comments give the working).
 */
import { describe, expect, it } from 'vitest';
import type { Period } from '#domain/calendar/legal-calendar.ts';
import { isLate, timeNode } from '#domain/case/nodes.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst } from '../../support/calendar.ts';

interface Case {
  readonly rule: string;
  readonly period: Period;
  readonly start: string;
  readonly due: string;
  readonly why: string;
}

const CASES: readonly Case[] = [
  { rule: 'A1', period: RULES.A1.term, start: '2026-03-02 09:00', due: '2026-09-02', why: '6 months, a Wednesday' },
  {
    rule: 'A1',
    period: RULES.A1.nonLitigationTerm,
    start: '2026-07-02 09:00',
    due: '2026-10-08',
    why: '3 months ends 10-02, National Day',
  },
  {
    rule: 'A3',
    period: RULES.A3.period,
    start: '2026-02-10 09:00',
    due: '2026-02-24',
    why: '7 days ends 02-17, Spring Festival',
  },
  {
    rule: 'A5',
    period: RULES.A5.period,
    start: '2026-09-30 16:00',
    due: '2026-10-08',
    why: '3 days ends 10-03, National Day',
  },
  {
    rule: 'A8',
    period: RULES.A8.period,
    start: '2026-01-31 10:00',
    due: '2026-02-28',
    why: '1 month, Feb has no 31st; 02-28 is a make-up Saturday',
  },
  {
    rule: 'A10',
    period: RULES.A10.period,
    start: '2026-04-28 09:00',
    due: '2026-05-06',
    why: '5 days ends 05-03, Labour Day',
  },
  { rule: 'F1', period: RULES.F1.period, start: '2026-03-11 06:00', due: '2026-04-10', why: '30 days, a Friday' },
  {
    rule: 'H1',
    period: RULES.H1.period,
    start: '2026-09-10 11:00',
    due: '2026-10-10',
    why: '30 days ends on a make-up Saturday',
  },
  {
    rule: 'C3',
    period: RULES.C3.reviewRequest,
    start: '2026-09-28 10:00',
    due: '2026-10-08',
    why: 'review request: 3 days end 10-01, National Day',
  },
  {
    rule: 'C3',
    period: RULES.C3.reviewDecision,
    start: '2026-03-02 09:00',
    due: '2026-03-09',
    why: 'review decision: 5 days end on a Saturday',
  },
  {
    rule: 'D2',
    period: RULES.D2.decide,
    start: '2026-04-28 09:00',
    due: '2026-05-06',
    why: 'police decide: 7 days end 05-05, Labour Day',
  },
  {
    rule: 'D2',
    period: RULES.D2.decideComplex,
    start: '2026-03-02 09:00',
    due: '2026-04-01',
    why: 'complex: 30 days, a Wednesday',
  },
  {
    rule: 'D3',
    period: RULES.D3.explain,
    start: '2026-06-12 09:00',
    due: '2026-06-22',
    why: 'police explain: 7 days end 06-19, Dragon Boat',
  },
  {
    rule: 'D3',
    period: RULES.D3.openWhenOrdered,
    start: '2026-07-01 09:00',
    due: '2026-07-16',
    why: 'open when ordered: 15 days, a Thursday',
  },
  {
    rule: 'D4',
    period: RULES.D4.noAnswer,
    start: '2026-02-01 09:00',
    due: '2026-04-02',
    why: 'no written answer: 60 days (法〔2018〕147号), a Thursday',
  },
  {
    rule: 'P-APPROVAL',
    period: RULES.P_APPROVAL.period,
    start: '2026-09-24 15:00',
    due: '2026-09-29',
    why: '2 working days over Mid-Autumn',
  },
  {
    rule: 'P-PARTNER-WAITS',
    period: RULES.P_PARTNER_WAITS.bankOrder,
    start: '2026-02-12 10:00',
    due: '2026-02-24',
    why: '3 working days over Spring Festival',
  },
];

describe.each(CASES)('$rule: $why', ({ rule, period, start, due }) => {
  const node = timeNode('notice-sent', rule, period, cst(start), calendar);

  it(`is due on ${due}`, () => {
    expect(node.dueDate).toBe(due);
  });

  it('pass: done on the last day, 23:00 China time', () => {
    expect(isLate({ ...node, status: 'met', metAt: cst(`${due} 23:00`) })).toBe(false);
  });

  it('fail: done the next morning', () => {
    const next = new Date(Date.parse(`${due}T00:00:00+08:00`) + 86_400_000 + 9 * 3_600_000).toISOString();
    expect(isLate({ ...node, status: 'met', metAt: next })).toBe(true);
  });
});
