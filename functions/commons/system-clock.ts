import type { Clock } from '#ports/clock.ts';

/** Wall-clock time. The one place outside the embedded runtime's controllable clock that reads the time. */
export const systemClock: Clock = { now: () => new Date().toISOString() };
