/**
 * The ports this function declares (the manifest's FUNCTION_USES gathers them for the CDK app's IAM grants). Its own
 * module, so that the function's bundle holds its list only, not every function's and step's.
 */
import type { DependencyName } from '../steps/manifest.ts';

/**
 * EventBridge target: validates, creates the case, carries over the preserved seizures of the same parties
 * (B3-CARRY), starts the first phase and, with seizures carried, the renewal watch; records preservation rulings.
 */
export const INTAKE_USES = [
  'clock',
  'rules',
  'calendar',
  'cases',
  'engine',
  'rejections',
  'staff',
  'partyKey',
  'preservations',
] as const satisfies readonly DependencyName[];
