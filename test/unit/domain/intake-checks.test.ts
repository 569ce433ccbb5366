/** The named intake validations (domain/intake/checks.ts), each with a passing and a failing case. */
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '#domain/calendar/local-date.ts';
import {
  distinctParties,
  type FilingFacts,
  filingProblems,
  knownCourt,
  plausibleDates,
  residentIdCheckCharacter,
  validOrganisationCode,
  validPartyIds,
  validResidentId,
} from '#domain/intake/checks.ts';

const TODAY = '2026-03-02' as LocalDate;
const d = (s: string) => s as LocalDate;
const facts: FilingFacts = {
  courtCode: 'HB0922',
  filedOn: d('2026-03-02'),
  effectiveDate: d('2026-01-20'),
  applicants: [{ kind: 'person', idNumber: '130922198503150012' }],
  respondents: [
    { kind: 'person', idNumber: '130922199001010030' },
    { kind: 'organisation', idNumber: '91130922MA0ABCDE1X' },
  ],
};
const COURTS = new Set(['HB0922', 'HL0123']);

describe('validResidentId (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it("computes the check characters of the standard's own examples (appendix A)", () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
    expect(residentIdCheckCharacter('1101051949123100')).toBeUndefined();
  });

  it('accepts a number whose check digit matches and whose birth date is plausible', () => {
    expect(validResidentId('11010519491231002X', TODAY)).toBeUndefined();
    expect(validResidentId('11010519491231002x', TODAY)).toBeUndefined();
    expect(validResidentId('130922199001010030', TODAY)).toBeUndefined();
  });

  it('refuses a wrong check digit', () => {
    expect(validResidentId('130922199001010034', TODAY)).toBe('check-digit');
    expect(validResidentId('110105194912310021', TODAY)).toBe('check-digit');
  });

  it('refuses an all-zero number, and letters where digits belong', () => {
    expect(validResidentId('000000000000000000', TODAY)).toBe('all-zero');
    expect(validResidentId('00000000000000000X', TODAY)).toBe('all-zero');
    expect(validResidentId('91130922MA0ABCDE1X', TODAY)).toBe('format');
  });

  it('refuses a birth date that is no real day, before 1900, or after today (the check digit right)', () => {
    const withCheck = (body: string) => `${body}${residentIdCheckCharacter(body)}`;
    expect(validResidentId(withCheck('13092219900230003'), TODAY)).toBe('birth-date');
    expect(validResidentId(withCheck('44052418800101001'), TODAY)).toBe('birth-date');
    expect(validResidentId(withCheck('13092220300101003'), TODAY)).toBe('birth-date');
    expect(validResidentId(withCheck('13092219000101003'), TODAY)).toBeUndefined();
  });
});

describe('validOrganisationCode', () => {
  it('accepts a credit code; refuses the all-zero placeholder', () => {
    expect(validOrganisationCode('91130922MA0ABCDE1X')).toBeUndefined();
    expect(validOrganisationCode('000000000000000000')).toBe('all-zero');
  });
});

describe('validPartyIds', () => {
  it('passes valid persons and organisations; names the party whose number fails, never the number', () => {
    expect(validPartyIds(facts, TODAY)).toEqual([]);
    const bad = { ...facts, respondents: [{ kind: 'person' as const, idNumber: '130922199001010034' }] };
    const problems = validPartyIds(bad, TODAY);
    expect(problems).toEqual(['detail.respondents.0.idNumber: check digit does not match (GB 11643-1999)']);
    expect(problems.join()).not.toContain('130922199001010034');
  });
});

describe('knownCourt', () => {
  it('passes a court of the staff directory; refuses another', () => {
    expect(knownCourt(facts, COURTS)).toEqual([]);
    expect(knownCourt({ ...facts, courtCode: 'ZZ9999' }, COURTS)).toEqual([
      'detail.court.code: not a court this platform serves (staff directory)',
    ]);
  });
});

describe('distinctParties', () => {
  it('passes distinct parties; refuses a respondent who is an applicant (case and spaces aside)', () => {
    expect(distinctParties(facts)).toEqual([]);
    const same = { ...facts, respondents: [{ kind: 'person' as const, idNumber: ' 130922198503150012 ' }] };
    expect(distinctParties(same)).toEqual(['detail.respondents.0.idNumber: the same party as an applicant']);
  });
});

describe('plausibleDates', () => {
  it('passes dates from 1949-10-01 to today, the judgment before the filing', () => {
    expect(plausibleDates(facts, TODAY)).toEqual([]);
    expect(plausibleDates({ ...facts, filedOn: d('1949-10-01'), effectiveDate: d('1949-10-01') }, TODAY)).toEqual([]);
  });

  it('refuses a filing before 1949-10-01 or after today, and a judgment dated after its filing', () => {
    expect(plausibleDates({ ...facts, filedOn: d('0001-01-01') }, TODAY)).toContain(
      'detail.filedAt: must be between 1949-10-01 and today',
    );
    expect(plausibleDates({ ...facts, filedOn: d('2026-03-03') }, TODAY)).toContain(
      'detail.filedAt: must be between 1949-10-01 and today',
    );
    expect(plausibleDates({ ...facts, effectiveDate: d('1949-09-30') }, TODAY)).toEqual([
      'detail.basis.effectiveDate: must be between 1949-10-01 and today',
    ]);
    expect(plausibleDates({ ...facts, filedOn: d('2026-01-19') }, TODAY)).toEqual([
      'detail.basis.effectiveDate: must not be after the filing',
    ]);
  });
});

describe('filingProblems', () => {
  it('is empty for a sound filing and lists every problem of a bad one', () => {
    expect(filingProblems(facts, { today: TODAY, courts: COURTS })).toEqual([]);
    const bad = { ...facts, courtCode: 'ZZ', respondents: facts.applicants, filedOn: d('9999-12-31') };
    expect(filingProblems(bad, { today: TODAY, courts: COURTS })).toHaveLength(3);
  });
});
