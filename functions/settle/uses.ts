/**
 * The ports this function declares (the manifest's FUNCTION_USES gathers them for the CDK app's IAM grants). Its own
 * module, so that the function's bundle holds its list only, not every function's and step's.
 */
import type { DependencyName } from '../steps/manifest.ts';

/**
 * The only holder of states:SendTask*: staff decisions on approvals, and partner answers (the last answer to a
 * request resumes its execution).
 */
export const SETTLE_USES = [
  'clock',
  'rules',
  'calendar',
  'cases',
  'approvals',
  'staff',
  'engine',
  'requests',
  'alerts',
  'filing',
  // Disputes inside enforcement: a distribution among creditors pays from the case account (参与分配).
  'payments',
  // The measures' notices (exit-entry authority, bankruptcy court) are sent by the staff actions settle serves.
  'partners',
  // The early release the president orders is made in writing at once (提前解除拘留决定书).
  'issuing',
] as const satisfies readonly DependencyName[];
