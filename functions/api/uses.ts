/**
 * The ports the two staff API functions declare (the manifest's FUNCTION_USES gathers them for the CDK app's IAM
 * grants). Their own module, so that each bundle holds these lists only, not every function's and step's.
 */
import type { DependencyName } from '../steps/manifest.ts';

/**
 * The staff API behind API Gateway: tasks (list, claim, assign), case reads, the command-center board and
 * lookups, field work, and the matters other courts entrust to this
 * court (H1: recorded, assigned, finished, counted, overdue ones told to the command center). Writes the case
 * journal (claims, assignments) and the approvals' assignee; never the engine: decisions, conduct and early
 * releases go to settle; the case file (evidence, documents, journal, timeline) goes to records-api.
 */
export const API_FUNCTION_USES = [
  'clock',
  'rules',
  'calendar',
  'cases',
  'queries',
  'approvals',
  'staff',
  'received',
  'preservations',
  'alerts',
  'field',
] as const satisfies readonly DependencyName[];

/**
 * The staff API's case-file routes (functions/api/records-api.ts lists them): signed evidence uploads and links,
 * legal holds, the case's issued documents and their PDFs, its journal, verification and timeline. A function of
 * its own, so that the staff API's other routes run without S3 access and each bundle stays small (issue 19).
 */
export const RECORDS_API_FUNCTION_USES = [
  'clock',
  'rules',
  'cases',
  'staff',
  'evidence',
  'documents',
] as const satisfies readonly DependencyName[];
