/**
 * The ports this function declares (the manifest's FUNCTION_USES gathers them for the CDK app's IAM grants). Its own
 * module, so that the function's bundle holds its list only, not every function's and step's.
 */
import type { DependencyName } from '../steps/manifest.ts';

/**
 * The node sweeper, every few minutes: reads the sweep index, records warnings and overdue nodes, starts the
 * node-task executions (overdue supervision, term extension) and tells the command center; and tells it of
 * matters other courts entrusted (H1) gone overdue.
 */
export const SWEEP_USES = [
  'clock',
  'rules',
  'calendar',
  'cases',
  'queries',
  'engine',
  'alerts',
  'received',
  'preservations',
  'staff',
  'field',
  // Read only (its pending-approvals index): the approvals-waiting gauge of the command center.
  'approvals',
  // A distribution window (参与分配) that ended unused: the sweeper pays the plan from the case account.
  'payments',
  // An objection's ruling that stands may remove a listing: settle is asked to wake the coercion phase to publish it.
  'wakes',
] as const satisfies readonly DependencyName[];
