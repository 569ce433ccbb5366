import { describe, expect, it } from 'vitest';
import { CalendarDataError, legalCalendar } from '#domain/calendar/legal-calendar.ts';
import { chinaDateOf, endOfChinaDay, plusMonths } from '#domain/calendar/local-date.ts';
import { calendar, d } from '../../support/calendar.ts';

describe('working days', () => {
  it.each([
    ['2026-02-16', false, 'Spring Festival holiday on a Monday'],
    ['2026-02-14', true, 'make-up working Saturday before Spring Festival'],
    ['2026-02-28', true, 'make-up working Saturday after Spring Festival'],
    ['2026-09-20', true, 'make-up working Sunday before National Day'],
    ['2026-10-10', true, 'make-up working Saturday after National Day'],
    ['2026-10-07', false, 'last day of National Day'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2026-03-09', true, 'an ordinary Monday'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(d(date))).toBe(expected);
  });

  it('names the holiday', () => {
    expect(calendar.holidayName(d('2026-10-03'))).toBe('国庆节');
    expect(calendar.holidayName(d('2026-10-09'))).toBeUndefined();
  });
});

describe('periods (legal-calendar.md counting rules)', () => {
  it('does not count the first day', () => {
    expect(calendar.periodEnd(d('2026-03-02'), { days: 3, unit: 'calendar' }).date).toBe('2026-03-05');
  });

  it('moves a period ending on a public holiday to the next working day', () => {
    // 2026-09-30 + 3 days = 10-03, inside National Day (10-01..10-07); 10-08 is the next working day.
    expect(calendar.periodEnd(d('2026-09-30'), { days: 3, unit: 'calendar' }).date).toBe('2026-10-08');
  });

  it('moves a period ending on an ordinary weekend to the Monday', () => {
    expect(calendar.periodEnd(d('2026-03-04'), { days: 3, unit: 'calendar' }).date).toBe('2026-03-09');
  });

  it('keeps a period ending on a make-up working day', () => {
    // 2026-09-10 + 30 days = 10-10, a Saturday worked after National Day.
    expect(calendar.periodEnd(d('2026-09-10'), { days: 30, unit: 'calendar' }).date).toBe('2026-10-10');
  });

  it('counts working days across the Spring Festival, make-up days included', () => {
    // From Thu 2026-02-12: Fri 13 (1), Sat 14 make-up (2), 15-23 holiday, Tue 24 (3).
    expect(calendar.periodEnd(d('2026-02-12'), { days: 3, unit: 'working' }).date).toBe('2026-02-24');
  });

  it('counts a make-up Sunday as a working day', () => {
    // From Fri 2026-09-18: Sat 19 rest, Sun 20 make-up (1), Mon 21 (2).
    expect(calendar.periodEnd(d('2026-09-18'), { days: 2, unit: 'working' }).date).toBe('2026-09-21');
  });

  it('ends a month period on the same date, or the month-end where it does not exist', () => {
    expect(plusMonths(d('2026-01-31'), 1)).toBe('2026-02-28');
    expect(plusMonths(d('2026-03-15'), 6)).toBe('2026-09-15');
    expect(plusMonths(d('2027-11-30'), 3)).toBe('2028-02-29');
    // 2026-02-28 is a make-up Saturday, so the period ends on it.
    expect(calendar.periodEnd(d('2026-01-31'), { months: 1 }).date).toBe('2026-02-28');
  });

  it('flags a deadline in a year whose notice is marked for verification', () => {
    expect(calendar.periodEnd(d('2025-03-03'), { days: 3, unit: 'calendar' }).unconfirmedYears).toEqual([2025]);
  });

  it('flags a deadline in a year without a holiday notice, computing it Monday to Friday', () => {
    const end = calendar.periodEnd(d('2026-12-15'), { days: 30, unit: 'calendar' });
    expect(end.date).toBe('2027-01-14');
    expect(end.unconfirmedYears).toEqual([2027]);
    expect(calendar.periodEnd(d('2026-03-02'), { days: 3, unit: 'calendar' }).unconfirmedYears).toEqual([]);
  });
});

describe('China time', () => {
  it('computes dates in Asia/Shanghai and stores instants in UTC', () => {
    expect(chinaDateOf('2026-03-01T16:30:00.000Z')).toBe('2026-03-02');
    expect(chinaDateOf('2026-03-01T15:59:59.999Z')).toBe('2026-03-01');
    expect(endOfChinaDay(d('2026-03-05'))).toBe('2026-03-05T15:59:59.999Z');
  });
});

describe('loading holiday notices', () => {
  const notice2027 = {
    year: 2027,
    source: 'TEST FIXTURE, not the real 2027 notice',
    verify: false,
    holidays: [{ name: '元旦', nameEn: 'New Year', from: '2027-01-01', to: '2027-01-03' }],
    makeUpWorkdays: ['2027-01-09'],
  };

  it('a new year is a data change: once loaded, its holidays count and the flag goes away', () => {
    const before = calendar.periodEnd(d('2026-12-31'), { days: 1, unit: 'calendar' });
    const withNotice = legalCalendar([...calendar.loadedYears.map((y) => calendar.notice(y)), notice2027]);
    const after = withNotice.periodEnd(d('2026-12-31'), { days: 1, unit: 'calendar' });
    expect(before).toEqual({ date: '2027-01-01', unconfirmedYears: [2027] });
    expect(after).toEqual({ date: '2027-01-04', unconfirmedYears: [] });
    expect(withNotice.isWorkingDay(d('2027-01-09'))).toBe(true);
    const toVerify = legalCalendar([{ ...notice2027, verify: true }]);
    expect(toVerify.periodEnd(d('2027-01-05'), { days: 1, unit: 'calendar' }).unconfirmedYears).toEqual([2027]);
  });

  it('refuses a malformed notice, naming the problem', () => {
    expect(() => legalCalendar([{ ...notice2027, makeUpWorkdays: ['2027-02-30'] }])).toThrow(/2027-02-30/);
    expect(() => legalCalendar([notice2027, notice2027])).toThrow(CalendarDataError);
    expect(() =>
      legalCalendar([{ ...notice2027, holidays: [{ name: 'x', nameEn: 'x', from: '2027-01-03', to: '2027-01-01' }] }]),
    ).toThrow(/after/);
  });
});
