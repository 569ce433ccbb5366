/**
 * The ports this function declares (the manifest's FUNCTION_USES gathers them for the CDK app's IAM grants). Its own
 * module, so that the function's bundle holds its list only, not every function's and step's.
 */
import type { DependencyName } from '../steps/manifest.ts';

/**
 * EventBridge target of the evidence bucket's Object Created events: checks the landed object against its
 * declared upload and records it on the case (and puts it under the case's legal hold, if there is one).
 */
export const RECORD_EVIDENCE_USES = [
  'clock',
  'rules',
  'cases',
  'evidence',
] as const satisfies readonly DependencyName[];
