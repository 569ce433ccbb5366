import { describe, expect, it } from 'vitest';
import { localDate } from '#domain/calendar/local-date.ts';
import { receiptExpiry, seizurePeriod } from '#domain/control/plan.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar } from '../../support/calendar.ts';

describe('B1: how long one seizure may last, by asset class', () => {
  it.each([
    ['deposit', '2027-03-11'],
    ['online-funds', '2027-03-11'],
    ['vehicle', '2028-03-13'],
    ['real-estate', '2029-03-12'],
  ] as const)(
    '%s frozen on 2026-03-11 lapses on %s (next working day if a weekend; those years unconfirmed)',
    (assetClass, expiry) => {
      const end = calendar.periodEnd(localDate('2026-03-11'), seizurePeriod(assetClass, RULES));
      expect(end.date).toBe(expiry);
      expect(end.unconfirmedYears.length).toBeGreaterThan(0);
    },
  );

  it('pass: a deposit freeze is never given more than a year', () => {
    expect(seizurePeriod('deposit', RULES)).toEqual({ months: 12 });
  });

  it('fail: the superseded 2004 periods (6 months for deposits) are not encoded (B3)', () => {
    expect(seizurePeriod('deposit', RULES)).not.toEqual({ months: 6 });
  });
});

describe('B1: the end date is the one on the bank’s or registry’s receipt', () => {
  const d = localDate;
  it('pass: the receipt’s last day, within the period from the day the measure took effect, is kept', () => {
    expect(receiptExpiry({ effectiveOn: d('2026-03-06'), expiresOn: d('2027-03-05') }, 'deposit', RULES)).toBe(
      '2027-03-05',
    );
    // No last day on the receipt: the period from the receipt's own day, not from when the case recorded it.
    expect(receiptExpiry({ effectiveOn: d('2026-03-06') }, 'real-estate', RULES)).toBe('2029-03-06');
  });

  it('fail: a last day later than the law allows, or before the start, is not taken: the period from the start is', () => {
    expect(receiptExpiry({ effectiveOn: d('2026-03-06'), expiresOn: d('2027-03-07') }, 'deposit', RULES)).toBe(
      '2027-03-06',
    );
    expect(receiptExpiry({ effectiveOn: d('2026-03-06'), expiresOn: d('2026-03-01') }, 'vehicle', RULES)).toBe(
      '2028-03-06',
    );
  });
});
