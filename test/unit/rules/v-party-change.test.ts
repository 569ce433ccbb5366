import { describe, expect, it } from 'vitest';
import { localDate } from '#domain/calendar/local-date.ts';
import type { PartyChange } from '#domain/case/model.ts';
import {
  applicationRefusal,
  challengeOpen,
  challengeWindow,
  examinationNode,
  groundOf,
} from '#domain/parties/change.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar } from '../../support/calendar.ts';
import { applicant, caseFrom, filed, respondent } from '../../support/cases.ts';

const d = localDate;
const state = caseFrom([filed()]);

describe('V1: the application is ruled on within 60 days of receipt (变更追加规定 第二十八条)', () => {
  it('pass: received 2026-03-02, due 2026-05-01 moved past the Labour Day holiday', () => {
    const node = examinationNode('vapp', d('2026-03-02'), RULES, calendar);
    // The 60th day is 2026-05-01, in the Labour Day holiday: the period ends on the next working day.
    expect(node).toMatchObject({ ruleId: 'V1', startedOn: '2026-03-02', dueDate: '2026-05-06' });
  });

  it('fail: not 30 days (the 2016 text counts 60, extended only with the president’s approval)', () => {
    expect(RULES.V1.examination).toEqual({ days: 60, unit: 'calendar' });
    expect(RULES.V1.extensionApprover).toBe('president');
  });
});

describe('V1, V2: the time to challenge the ruling (第三十条 10 days; 第三十二条 15 days)', () => {
  it('pass: the capital grounds go to a lawsuit within 15 days, the others to reconsideration within 10', () => {
    const capital = groundOf(RULES, 'unpaid-capital');
    const heir = groundOf(RULES, 'heir');
    if (!capital || !heir) throw new Error('grounds');
    expect(challengeWindow(capital, d('2026-03-10'), RULES, calendar)).toEqual({
      route: 'lawsuit',
      ruleId: 'V2',
      lastDay: '2026-03-25',
    });
    expect(challengeWindow(heir, d('2026-03-10'), RULES, calendar)).toEqual({
      route: 'reconsideration',
      ruleId: 'V1',
      lastDay: '2026-03-20',
    });
  });

  it('pass: open on its last day; fail: closed the day after', () => {
    const change = { ruling: { challengeBy: d('2026-03-25') } } as unknown as PartyChange;
    expect(challengeOpen(change, d('2026-03-25'))).toBe(true);
    expect(challengeOpen(change, d('2026-03-26'))).toBe(false);
  });

  it('pass: a new party on a known ground; fail: an unknown ground, a party already on the case, a change of nobody', () => {
    expect(applicationRefusal(state, 'unpaid-capital', 'pnew', undefined, RULES)).toBeUndefined();
    expect(applicationRefusal(state, 'in-laws', 'pnew', undefined, RULES)).toBe('unknown-ground');
    expect(applicationRefusal(state, 'unpaid-capital', applicant.partyId, undefined, RULES)).toBe('already-a-party');
    expect(applicationRefusal(state, 'heir', 'pnew', 'pnobody', RULES)).toBe('not-a-respondent');
    expect(applicationRefusal(state, 'heir', 'pnew', respondent.partyId, RULES)).toBeUndefined();
  });
});
