import type { Instant } from '#domain/calendar/local-date.ts';

/** The only source of "now". Domain functions receive the instant; they never read a clock. */
export interface Clock {
  now(): Instant;
}
