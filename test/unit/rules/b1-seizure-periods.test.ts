import { describe, expect, it } from 'vitest';
import { localDate } from '#domain/calendar/local-date.ts';
import { seizurePeriod } from '#domain/control/plan.ts';
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
