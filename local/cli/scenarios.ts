/** The demo's scenarios (kept apart so that `--help` need not load the demo). */
export const SCENARIOS = ['deduction', 'voluntary', 'referral'] as const;
export type Scenario = (typeof SCENARIOS)[number];
