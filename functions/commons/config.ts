/** Configuration from the environment, read once at start-up; a missing variable stops the function there. */
export class MissingConfigurationError extends Error {
  constructor(name: string) {
    super(`missing environment variable ${name}`);
    this.name = 'MissingConfigurationError';
  }
}

export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new MissingConfigurationError(name);
  return value;
}

export const ENV = {
  casesTable: 'CASES_TABLE',
  journalTable: 'JOURNAL_TABLE',
  idempotencyTable: 'IDEMPOTENCY_TABLE',
  serviceMachineArn: 'SERVICE_MACHINE_ARN',
  investigationMachineArn: 'INVESTIGATION_MACHINE_ARN',
  closureMachineArn: 'CLOSURE_MACHINE_ARN',
  settlementMachineArn: 'SETTLEMENT_MACHINE_ARN',
  coercionMachineArn: 'COERCION_MACHINE_ARN',
  /** Settle and the sweeper take up a disposal an objection held, when the asset is free again. */
  disposalMachineArn: 'DISPOSAL_MACHINE_ARN',
  nodeTaskMachineArn: 'NODE_TASK_MACHINE_ARN',
  renewalMachineArn: 'RENEWAL_MACHINE_ARN',
  partnerQueueUrl: 'PARTNER_QUEUE_URL',
  intakeDlqUrl: 'INTAKE_DLQ_URL',
  alertBusName: 'ALERT_BUS_NAME',
  evidenceBucket: 'EVIDENCE_BUCKET',
  partyKeySecret: 'PARTY_KEY_SECRET_ARN',
  /** The court's signing identity (key and certificate) for issued documents. */
  signingSecret: 'SIGNING_SECRET_ARN',
  /** The render-document function (name), which the functions that issue documents invoke. */
  renderFunction: 'RENDER_FUNCTION_NAME',
} as const;
