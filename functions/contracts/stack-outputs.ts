/**
 * The outputs of the deployed stack that operator tools read (`enforce aws smoke`, `enforce aws staff …`), by their
 * CloudFormation output key. Stack-level outputs, so the keys carry no construct hash.
 */
export const STACK_OUTPUTS = {
  intakeBus: 'IntakeBusName',
  casesTable: 'CasesTableName',
  journalTable: 'JournalTableName',
  userPool: 'StaffUserPoolId',
  consoleUrl: 'ConsoleSiteUrl',
  /** The China profile only: the staff API's base URL (its console is served in the court's network). */
  staffApiUrl: 'StaffApiUrl',
} as const;
export type StackOutput = (typeof STACK_OUTPUTS)[keyof typeof STACK_OUTPUTS];
