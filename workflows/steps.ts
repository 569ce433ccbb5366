/**
 * The Lambda steps the state machines call: the contract between workflows/ and functions/steps/.
 * Each name is a folder functions/steps/<name>/ and, on AWS, one function.
 */
export const STEPS = [
  'triage',
  'issue-documents',
  'record-service',
  'open-investigation',
  'record-inquiry',
  'plan-control',
  'execute-control',
  'record-control',
  'assess-coverage',
  'open-disbursement',
  'pay-out',
  'close-case',
  'dispatch-request',
  'request-approval',
  'escalate-approval',
  'apply-decision',
  'record-needs-attention',
  'record-asset-report',
  'open-coercion',
  'advance-coercion',
  'open-disposal',
  'advance-disposal',
  'open-renewal',
  'advance-renewal',
  'open-closure',
  'advance-closure',
  'open-requery',
  'advance-requery',
  'open-settlement',
  'advance-settlement',
] as const;
export type StepName = (typeof STEPS)[number];

/**
 * Steps no current definition calls, kept deployed for executions of earlier definitions still in flight (they call
 * today's functions): since 2026.12.11 triage runs inside issue-documents, record-inquiry inside plan-control, pay-out
 * inside close-case, assess-coverage inside the control step that ends control. A step leaves this list, and STEPS, when no execution of a definition that calls it can still
 * be running.
 */
export const KEPT_FOR_EARLIER_DEFINITIONS: readonly StepName[] = [
  'triage',
  'record-inquiry',
  'assess-coverage',
  'pay-out',
];

/** The steps whose state waits for a task token (`.waitForTaskToken`). */
export const WAITING_STEPS: readonly StepName[] = ['dispatch-request', 'request-approval'];

/** `issue-documents` -> `FnIssueDocuments`: the substitution key of the step's function ARN. */
export function functionKey(step: StepName): string {
  return `Fn${step.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;
}

export const MACHINE_KEYS = {
  service: 'MachineService',
  investigation: 'MachineInvestigation',
  disbursement: 'MachineDisbursement',
  coercion: 'MachineCoercion',
  disposal: 'MachineDisposal',
  renewal: 'MachineRenewal',
  closure: 'MachineClosure',
  requery: 'MachineRequery',
  settlement: 'MachineSettlement',
  'node-task': 'MachineNodeTask',
} as const;
