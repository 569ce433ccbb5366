import { describe, expect, it } from 'vitest';
import { localDate } from '#domain/calendar/local-date.ts';
import { applicationLimit, filedLate, objectionRefusal } from '#domain/intake/application-limit.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar } from '../../support/calendar.ts';
import { caseFrom, filed, respondent } from '../../support/cases.ts';

const d = localDate;

describe('A12: the time limit for applying (民诉法 第二百五十条, 2023)', () => {
  it('pass: two years from the day the basis took effect when it sets no performance period', () => {
    const limit = applicationLimit({ effectiveDate: d('2024-03-15') }, d('2026-03-02'), RULES, calendar);
    expect(limit).toMatchObject({ countsFrom: 'effective-date', from: '2024-03-15', lastDay: '2026-03-16' });
    // 2026-03-15 is a Sunday: the last day moves to Monday 16 March.
    expect(limit.within).toBe(true);
  });

  it('fail: an application filed the day after the last day is late (shown, not refused)', () => {
    const limit = applicationLimit({ effectiveDate: d('2024-03-01') }, d('2026-03-03'), RULES, calendar);
    expect(limit.lastDay).toBe('2026-03-02');
    expect(limit.within).toBe(false);
    expect(RULES.A12.ownMotion).toBe(false);
  });

  it('pass: counted from the last day of the performance period the basis sets', () => {
    const limit = applicationLimit(
      { effectiveDate: d('2024-01-10'), performBy: d('2024-03-10') },
      d('2026-03-09'),
      RULES,
      calendar,
    );
    expect(limit).toMatchObject({ countsFrom: 'perform-by', from: '2024-03-10', lastDay: '2026-03-10', within: true });
  });

  it('pass: an interruption found by the ruling restarts the two years; fail: without it the application is late', () => {
    const limit = {
      ...applicationLimit({ effectiveDate: d('2023-01-05') }, d('2026-03-02'), RULES, calendar),
      objections: [],
    };
    expect(filedLate(limit, RULES, calendar)).toBe(true);
    expect(filedLate(limit, RULES, calendar, d('2025-06-01'))).toBe(false);
  });

  it('pass: a respondent may object; fail: nobody else, nor a second one while the first is pending', () => {
    const state = caseFrom([
      filed(),
      applicationLimit({ effectiveDate: d('2023-01-05') }, d('2026-03-02'), RULES, calendar),
    ]);
    expect(objectionRefusal(state, respondent.partyId)).toBeUndefined();
    expect(objectionRefusal(state, 'pnobody')).toBe('not-a-respondent');
    const pending = caseFrom(
      [filed(), applicationLimit({ effectiveDate: d('2023-01-05') }, d('2026-03-02'), RULES, calendar)],
      [
        {
          type: 'limitation-objection-raised',
          objectionId: 'o1',
          respondentId: respondent.partyId,
          receivedOn: d('2026-03-05'),
          by: 'wang-fang',
        },
      ],
    );
    expect(objectionRefusal(pending, respondent.partyId)).toBe('pending');
  });
});
