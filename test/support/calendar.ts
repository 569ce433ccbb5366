import { HOLIDAY_NOTICES } from '#config/calendar/index.ts';
import { legalCalendar } from '#domain/calendar/legal-calendar.ts';
import { localDate } from '#domain/calendar/local-date.ts';

export const calendar = legalCalendar(HOLIDAY_NOTICES);
export const d = localDate;

/** An instant at a China-time clock reading: `cst('2026-03-02 09:30')`. */
export function cst(text: string): string {
  return new Date(`${text.replace(' ', 'T')}:00+08:00`).toISOString();
}
