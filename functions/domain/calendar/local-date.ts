/**
 * Calendar dates and instants for legal periods.
 *
 * Deadlines are dates in China Standard Time (UTC+8); instants are stored in UTC (ISO-8601 strings).
 * China has observed no daylight saving time since 1991, so the offset is a constant.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type LocalDate = string & { readonly __brand: 'LocalDate' };
/** An instant, ISO-8601 in UTC (`2026-03-02T01:30:00.000Z`). */
export type Instant = string;

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export class InvalidDateError extends Error {
  constructor(value: string) {
    super(`not a valid date (YYYY-MM-DD): ${value}`);
    this.name = 'InvalidDateError';
  }
}

export function localDate(value: string): LocalDate {
  const match = DATE_PATTERN.exec(value);
  if (!match) throw new InvalidDateError(value);
  const [, y, m, d] = match;
  const utc = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (toIsoDate(utc) !== value) throw new InvalidDateError(value);
  return value as LocalDate;
}

export function isLocalDate(value: string): value is LocalDate {
  try {
    localDate(value);
    return true;
  } catch {
    return false;
  }
}

function toIsoDate(utcMs: number): LocalDate {
  return new Date(utcMs).toISOString().slice(0, 10) as LocalDate;
}

function utcMidnight(date: LocalDate): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

/** The date in China on which an instant falls. */
export function chinaDateOf(instant: Instant): LocalDate {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new InvalidDateError(instant);
  return toIsoDate(ms + CHINA_OFFSET_MS);
}

/** The last instant of a date in China (23:59:59.999 CST), as UTC. */
export function endOfChinaDay(date: LocalDate): Instant {
  return new Date(utcMidnight(date) + DAY_MS - 1 - CHINA_OFFSET_MS).toISOString();
}

/** The first instant of a date in China (00:00 CST), as UTC. */
export function startOfChinaDay(date: LocalDate): Instant {
  return new Date(utcMidnight(date) - CHINA_OFFSET_MS).toISOString();
}

export function plusDays(date: LocalDate, days: number): LocalDate {
  return toIsoDate(utcMidnight(date) + days * DAY_MS);
}

/** Same day of the month `months` later; the month's last day where that day does not exist. */
export function plusMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const targetMonthIndex = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, targetMonthIndex + 1, 0)).getUTCDate();
  return toIsoDate(Date.UTC(y, targetMonthIndex, Math.min(d, lastDay)));
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

export function plusSeconds(instant: Instant, seconds: number): Instant {
  return new Date(Date.parse(instant) + seconds * 1000).toISOString();
}

/** Whole seconds from `from` until `to` (0 if `to` is not after `from`). */
export function secondsUntil(from: Instant, to: Instant): number {
  return Math.max(0, Math.ceil((Date.parse(to) - Date.parse(from)) / 1000));
}

export function isBefore(a: Instant, b: Instant): boolean {
  return Date.parse(a) < Date.parse(b);
}
