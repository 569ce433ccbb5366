/** The demo's scenarios (kept apart so that `--help` need not load the demo). */
/** `flagship` (the default) is the seed article's example case. */
export const SCENARIOS = ['flagship', 'deduction', 'voluntary', 'referral'] as const;
export type Scenario = (typeof SCENARIOS)[number];
