import * as z from 'zod/mini';
import '#contracts/zod-english.ts';
import { compareDates, dayOfWeek, type LocalDate, localDate, plusDays, plusMonths, yearOf } from './local-date.ts';

const dateField = z.pipe(
  z.string(),
  z.transform((value: string, ctx) => {
    try {
      return localDate(value);
    } catch {
      ctx.issues.push({ code: 'custom', message: `not a date (YYYY-MM-DD): ${value}`, input: value });
      return z.NEVER;
    }
  }),
);

/** One year's State Council holiday notice, as data with its source. */
export const HolidayNoticeSchema = z.object({
  year: z.int().check(z.minimum(2000), z.maximum(2100)),
  source: z.string().check(z.minLength(1)),
  verify: z.boolean(),
  holidays: z.array(z.object({ name: z.string(), nameEn: z.string(), from: dateField, to: dateField })),
  makeUpWorkdays: z.array(dateField),
});
export type HolidayNotice = z.infer<typeof HolidayNoticeSchema>;

/** How a period is counted (legal-calendar.md, "Counting rules"). */
export type Period =
  | { readonly days: number; readonly unit: 'calendar' }
  | { readonly days: number; readonly unit: 'working' }
  | { readonly months: number };

export interface PeriodEnd {
  /** The last day of the period. */
  readonly date: LocalDate;
  /**
   * Years the computation crossed whose holidays are not confirmed: no notice loaded (Monday-Friday was
   * assumed), or a notice marked `verify` (transcribed, to be checked against the published notice).
   */
  readonly unconfirmedYears: readonly number[];
}

export class CalendarDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarDataError';
  }
}

const SATURDAY = 6;
const SUNDAY = 0;
/** Longest run of consecutive rest days we accept before assuming the data is broken. */
const MAX_REST_RUN = 31;

export class LegalCalendar {
  private readonly notices = new Map<number, HolidayNotice>();
  private readonly restDays = new Set<string>();
  private readonly makeUpDays = new Set<string>();

  constructor(notices: readonly unknown[]) {
    for (const raw of notices) {
      const notice = HolidayNoticeSchema.parse(raw);
      if (this.notices.has(notice.year)) throw new CalendarDataError(`two holiday notices for ${notice.year}`);
      this.notices.set(notice.year, notice);
      for (const holiday of notice.holidays) {
        if (compareDates(holiday.from, holiday.to) > 0) {
          throw new CalendarDataError(`${notice.year} ${holiday.nameEn}: ${holiday.from} is after ${holiday.to}`);
        }
        for (let day = holiday.from; compareDates(day, holiday.to) <= 0; day = plusDays(day, 1)) {
          this.restDays.add(day);
        }
      }
      for (const day of notice.makeUpWorkdays) this.makeUpDays.add(day);
    }
  }

  /** Years with a loaded notice (confirmed or to verify). */
  get loadedYears(): readonly number[] {
    return [...this.notices.keys()].sort();
  }

  /** A notice is loaded for the year and is not marked for verification. */
  isConfirmed(year: number): boolean {
    const notice = this.notices.get(year);
    return notice !== undefined && !notice.verify;
  }

  notice(year: number): HolidayNotice | undefined {
    return this.notices.get(year);
  }

  isWorkingDay(date: LocalDate): boolean {
    if (this.makeUpDays.has(date)) return true;
    if (this.restDays.has(date)) return false;
    const weekday = dayOfWeek(date);
    return weekday !== SATURDAY && weekday !== SUNDAY;
  }

  /** Name of the public holiday on this date, if any. */
  holidayName(date: LocalDate): string | undefined {
    const notice = this.notices.get(yearOf(date));
    return notice?.holidays.find((h) => compareDates(h.from, date) <= 0 && compareDates(date, h.to) <= 0)?.name;
  }

  /** The date itself if it is a working day, else the next working day. */
  nextWorkingDayFrom(date: LocalDate, seen: Set<number> = new Set()): LocalDate {
    let day = date;
    for (let run = 0; !this.isWorkingDay(day); run++) {
      if (run > MAX_REST_RUN) throw new CalendarDataError(`no working day within ${MAX_REST_RUN} days of ${date}`);
      seen.add(yearOf(day));
      day = plusDays(day, 1);
    }
    seen.add(yearOf(day));
    return day;
  }

  /**
   * The last day of a period starting on `start` (the day of the triggering event, not counted).
   * Calendar-day and month periods ending on a rest day end on the next working day.
   */
  periodEnd(start: LocalDate, period: Period): PeriodEnd {
    const seen = new Set<number>([yearOf(start)]);
    let end: LocalDate;
    if ('months' in period) {
      end = this.nextWorkingDayFrom(plusMonths(start, period.months), seen);
    } else if (period.unit === 'calendar') {
      end = this.nextWorkingDayFrom(plusDays(start, period.days), seen);
    } else {
      end = start;
      for (let counted = 0; counted < period.days; ) {
        end = plusDays(end, 1);
        seen.add(yearOf(end));
        if (this.isWorkingDay(end)) counted++;
      }
    }
    const unconfirmedYears = [...seen].filter((year) => !this.isConfirmed(year)).sort();
    return { date: end, unconfirmedYears };
  }
}

/**
 * The working day `days` working days before `date` (a warning date): counting back, rest days are skipped and
 * make-up working days count, as when counting forward.
 */
export function workingDaysBefore(calendar: LegalCalendar, date: LocalDate, days: number): LocalDate {
  let day = date;
  for (let counted = 0; counted < days; ) {
    day = plusDays(day, -1);
    if (calendar.isWorkingDay(day)) counted++;
  }
  return day;
}

/** Builds the calendar; a malformed notice fails here, at start-up, naming the field. */
export function legalCalendar(notices: readonly unknown[]): LegalCalendar {
  return new LegalCalendar(notices);
}
