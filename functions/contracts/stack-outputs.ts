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
} as const;
export type StackOutput = (typeof STACK_OUTPUTS)[keyof typeof STACK_OUTPUTS];
