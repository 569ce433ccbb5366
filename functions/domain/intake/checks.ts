/**
 * What intake checks beyond the event's shape (the zod contract), each a named validation that returns the problems
 * it finds as `field: reason` lines (the field named, the value never quoted: these are personal data):
 *
 * | validation | source |
 * |---|---|
 * | validResidentId: check digit, birth date, not all zeros | GB 11643-1999 公民身份号码 §5–§7 (check digit: ISO 7064:1983 MOD 11-2) |
 * | validOrganisationCode: not all zeros | GB 32100-2015 统一社会信用代码 (structure only; its check character is not verified) |
 * | knownCourt: the court code is in the staff directory | project rule: a case belongs to a court this platform serves |
 * | distinctParties: no applicant is also a respondent (the same ID number, so the same party id) | project rule: nobody enforces a judgment against themselves |
 * | plausibleDates: filing and judgment dates between EARLIEST_DATE and today (China time), judgment not after filing | project default (below) |
 *
 * Pure: the caller passes today's date and the court codes it knows.
 */
import { compareDates, type LocalDate } from '#domain/calendar/local-date.ts';

/**
 * Project default, not a legal figure: no filing or judgment this platform takes is dated before the founding of
 * the People's Republic (1949-10-01). It catches years such as 0001 or 1900 typed or defaulted by a filing system.
 */
export const EARLIEST_DATE = '1949-10-01' as LocalDate;

/** Project default: a party alive to be enforced against or for was born on or after this day. */
export const EARLIEST_BIRTH_DATE = '1900-01-01' as LocalDate;

/** GB 11643-1999 §7.1: the weights Wi = 2^(i-1) mod 11 of the 17 body digits, left to right (i = 18 … 2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** GB 11643-1999 §7.2: the check character for each value of the weighted sum mod 11 (ISO 7064 MOD 11-2). */
const CHECK_CHARACTERS = '10X98765432';

/** The check character of a resident ID number's 17 body digits; undefined when they are not 17 digits. */
export function residentIdCheckCharacter(body: string): string | undefined {
  if (!/^\d{17}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARACTERS[sum % 11];
}

/** A calendar date from YYYYMMDD, or undefined when there is no such day (19900230). */
function birthDate(digits: string): LocalDate | undefined {
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  const parsed = new Date(`${iso}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? (iso as LocalDate) : undefined;
}

export type IdNumberProblem = 'all-zero' | 'format' | 'check-digit' | 'birth-date';

const ID_PROBLEMS: Record<IdNumberProblem, string> = {
  'all-zero': 'must not be all zeros',
  format: 'must be 17 digits and a check character (0-9 or X)',
  'check-digit': 'check digit does not match (GB 11643-1999)',
  'birth-date': `birth date must be a real day between ${EARLIEST_BIRTH_DATE} and today`,
};

/** GB 11643-1999: 17 digits and a check character; the birth date (digits 7–14) a real, plausible day. */
export function validResidentId(idNumber: string, today: LocalDate): IdNumberProblem | undefined {
  const id = idNumber.trim().toUpperCase();
  if (/^0+$/.test(id.replace(/X$/, ''))) return 'all-zero';
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) return 'check-digit';
  const born = birthDate(id.slice(6, 14));
  if (!born || compareDates(born, EARLIEST_BIRTH_DATE) < 0 || compareDates(born, today) > 0) return 'birth-date';
  return undefined;
}

/** An organisation's code: only the all-zero placeholder is refused (its own check character is not verified). */
export function validOrganisationCode(code: string): IdNumberProblem | undefined {
  return /^0+$/.test(code.trim()) ? 'all-zero' : undefined;
}

export interface PartyFacts {
  readonly kind: 'person' | 'organisation';
  readonly idNumber: string;
}

export interface FilingFacts {
  readonly courtCode: string;
  /** The China date of the filing (filedAt). */
  readonly filedOn: LocalDate;
  /** The date the enforcement basis took effect. */
  readonly effectiveDate: LocalDate;
  readonly applicants: readonly PartyFacts[];
  readonly respondents: readonly PartyFacts[];
}

export function validPartyIds(facts: FilingFacts, today: LocalDate): string[] {
  const problems: string[] = [];
  for (const side of ['applicants', 'respondents'] as const) {
    facts[side].forEach((party, i) => {
      const problem =
        party.kind === 'person' ? validResidentId(party.idNumber, today) : validOrganisationCode(party.idNumber);
      if (problem) problems.push(`detail.${side}.${i}.idNumber: ${ID_PROBLEMS[problem]}`);
    });
  }
  return problems;
}

export function knownCourt(facts: FilingFacts, courts: ReadonlySet<string>): string[] {
  return courts.has(facts.courtCode) ? [] : ['detail.court.code: not a court this platform serves (staff directory)'];
}

const sameParty = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

export function distinctParties(facts: FilingFacts): string[] {
  const problems: string[] = [];
  facts.respondents.forEach((respondent, i) => {
    if (facts.applicants.some((applicant) => sameParty(applicant.idNumber, respondent.idNumber)))
      problems.push(`detail.respondents.${i}.idNumber: the same party as an applicant`);
  });
  return problems;
}

export function plausibleDates(facts: FilingFacts, today: LocalDate): string[] {
  const problems: string[] = [];
  const within = (date: LocalDate) => compareDates(date, EARLIEST_DATE) >= 0 && compareDates(date, today) <= 0;
  if (!within(facts.filedOn)) problems.push(`detail.filedAt: must be between ${EARLIEST_DATE} and today`);
  if (!within(facts.effectiveDate))
    problems.push(`detail.basis.effectiveDate: must be between ${EARLIEST_DATE} and today`);
  else if (compareDates(facts.effectiveDate, facts.filedOn) > 0)
    problems.push('detail.basis.effectiveDate: must not be after the filing');
  return problems;
}

/** Every problem the named validations find, in a stable order; none means the filing may become a case. */
export function filingProblems(
  facts: FilingFacts,
  context: { readonly today: LocalDate; readonly courts: ReadonlySet<string> },
): string[] {
  return [
    ...knownCourt(facts, context.courts),
    ...validPartyIds(facts, context.today),
    ...distinctParties(facts),
    ...plausibleDates(facts, context.today),
  ];
}
