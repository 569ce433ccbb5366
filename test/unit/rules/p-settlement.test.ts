/**
 * G1 settlement and P-SETTLEMENT: an agreement adds up to what is owed, in at most 12 installments within 10
 * months; an installment unpaid 3 working days after its date is a breach; performed in full it is paid out.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { applyEvent } from '#domain/case/reducer.ts';
import { BREACH_REASON, planSettlement, resumptionProblems, settlementProblems } from '#domain/closure/settlement.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst } from '../../support/calendar.ts';
import { caseFrom, filed, respondent } from '../../support/cases.ts';

const NOW = cst('2026-04-01 10:00');
/**
 * What is owed on NOW: 30,000 yuan, its doubled interest for the 71 days since the basis took effect (372.75 yuan,
 * F-DELAY-INTEREST) and the execution fee on 30,372.75 yuan (355.59 yuan, F1-FEE).
 */
const OWED = 3_072_834;
const coercing = (): EnforcementCase => ({ ...caseFrom([filed(3_000_000)]), status: 'coercing' });
const codes = (state: EnforcementCase, installments: { dueOn: string; amountFen: number }[]) =>
  settlementProblems(state, installments, RULES, NOW).map((p) => p.code);

describe('P-SETTLEMENT: recording an agreement', () => {
  it('pass: installments after today, in order, adding up to what is owed', () => {
    expect(
      codes(coercing(), [
        { dueOn: '2026-04-30', amountFen: 1_000_000 },
        { dueOn: '2026-05-31', amountFen: OWED - 1_000_000 },
      ]),
    ).toEqual([]);
  });

  it('fail: a total other than what is owed, named with both amounts', () => {
    expect(settlementProblems(coercing(), [{ dueOn: '2026-04-30', amountFen: 1_000_000 }], RULES, NOW)).toEqual([
      {
        ruleId: 'G1-SETTLEMENT',
        code: 'total',
        message: '各期合计10,000.00元，应等于尚未执行的金额30,728.34元（G1）',
      },
    ]);
  });

  it('fail: dates out of order or past, beyond 10 months, more than 12 installments', () => {
    expect(
      codes(coercing(), [
        { dueOn: '2026-05-31', amountFen: 1_000_000 },
        { dueOn: '2026-04-30', amountFen: OWED - 1_000_000 },
      ]),
    ).toEqual(['dates']);
    expect(codes(coercing(), [{ dueOn: '2026-03-31', amountFen: OWED }])).toEqual(['dates']);
    expect(codes(coercing(), [{ dueOn: '2027-02-02', amountFen: OWED }])).toEqual(['span']);
    expect(codes(coercing(), [{ dueOn: '2027-02-01', amountFen: OWED }])).toEqual([]);
    const thirteen = Array.from({ length: 13 }, (_, i) => ({
      dueOn: `2026-${String(4 + Math.floor(i / 2)).padStart(2, '0')}-${i % 2 === 0 ? '10' : '20'}`,
      amountFen: i === 0 ? OWED - 2_400_000 : 200_000,
    }));
    expect(codes(coercing(), thirteen)).toEqual(['count']);
  });

  it('fail: not while the case is closed, parked, or paying out', () => {
    expect(codes({ ...coercing(), status: 'closed' }, [{ dueOn: '2026-04-30', amountFen: OWED }])).toEqual(['status']);
    expect(
      codes({ ...coercing(), status: 'disbursement-approval' }, [{ dueOn: '2026-04-30', amountFen: OWED }]),
    ).toEqual(['status']);
  });
});

describe('P-SETTLEMENT: performance', () => {
  const AGREED = cst('2026-04-01 10:00');
  const agreed = (extra: CaseEvent[] = []) =>
    [
      {
        type: 'settlement-recorded',
        installments: [
          { dueOn: '2026-04-30' as never, amountFen: fen(1_000_000) },
          { dueOn: '2026-05-29' as never, amountFen: fen(2_000_000) },
        ],
        totalFen: fen(3_000_000),
        baseReceivedFen: fen(0),
        by: 'wang-fang',
        interrupted: { coercion: 1 },
      },
      { type: 'status-changed', from: 'coercing', to: 'settling', reason: '和解' },
      ...extra,
    ].reduce((s: EnforcementCase, e) => applyEvent(s, e as CaseEvent, AGREED), coercing());
  const paid = (amount: number) =>
    ({ type: 'money-received', entryId: `e${amount}`, amountFen: fen(amount), source: 'voluntary', note: '' }) as const;

  it('pass: awaits the first installment until 3 working days after its date (Labour Day counted out)', () => {
    // 30 April, then 1-5 May off: 6, 7, 8 May are the working days of grace.
    expect(planSettlement(agreed(), RULES, calendar, AGREED).next).toEqual({
      kind: 'await',
      installment: 0,
      dueAt: '2026-05-08T15:59:59.999Z',
    });
  });

  it('fail: still unpaid when the grace ends: a breach, recorded as the respondent’s conduct; enforcement waits for the applicant (执行和解规定 第九条)', () => {
    const plan = planSettlement(agreed(), RULES, calendar, cst('2026-05-09 00:00'));
    expect(plan.next).toEqual({ kind: 'breached', resumeWith: 'application' });
    expect(plan.events).toMatchObject([
      { type: 'settlement-breached', installment: 0, dueOn: '2026-04-30' },
      { type: 'conduct-recorded', kind: 'settlement-breach', respondentId: respondent.partyId },
      { type: 'status-changed', to: 'awaiting-officer', reason: BREACH_REASON },
    ]);
    expect(plan.events.map((e) => e.type)).not.toContain('coercion-started');
  });

  it('the application to resume: pass once breached and paid out; fail before a breach, or twice', () => {
    expect(resumptionProblems(agreed()).map((p) => p.code)).toEqual(['not-breached']);
    const breached = planSettlement(agreed(), RULES, calendar, cst('2026-05-09 00:00')).events.reduce(
      (s, e) => applyEvent(s, e, cst('2026-05-09 00:00')),
      agreed(),
    );
    expect(breached.status).toBe('awaiting-officer');
    expect(resumptionProblems(breached)).toEqual([]);
    const applied = applyEvent(breached, { type: 'resumption-applied', by: 'wang-fang' }, cst('2026-05-10 09:00'));
    expect(resumptionProblems(applied).map((p) => p.code)).toEqual(['applied']);
    expect(RULES.G1_SETTLEMENT.source).toContain('第九条');
  });

  it('a part payment meets nothing; the rest of the installment meets it; all of it performs the agreement', () => {
    expect(planSettlement(agreed([paid(400_000)]), RULES, calendar, AGREED).events).toEqual([]);
    const first = planSettlement(agreed([paid(400_000), paid(600_000)]), RULES, calendar, AGREED);
    expect(first.events).toEqual([{ type: 'installment-met', installment: 0 }]);
    const all = planSettlement(agreed([paid(3_000_000)]), RULES, calendar, AGREED);
    expect(all.events.map((e) => e.type)).toEqual(['installment-met', 'installment-met', 'settlement-performed']);
    expect(all.next).toEqual({ kind: 'performed', via: 'disbursement' });
  });

  it('performed with a restriction still in force: coercion lifts it first (C5), then pays out', () => {
    const restricted = applyEvent(
      agreed([paid(3_000_000)]),
      { type: 'restriction-issued', bound: [{ partyId: respondent.partyId, role: 'respondent' }] },
      AGREED,
    );
    const plan = planSettlement(restricted, RULES, calendar, AGREED);
    expect(plan.next).toEqual({ kind: 'performed', via: 'coercion' });
    expect(plan.events.at(-1)).toMatchObject({ type: 'status-changed', to: 'awaiting-coercion' });
  });
});
