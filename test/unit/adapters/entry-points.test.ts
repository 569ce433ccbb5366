/**
 * Every Lambda entry point (each step's handler.ts, intake, settle, the API, the sweeper, record-evidence, the
 * Cognito trigger) initialises with its AWS wiring: every port its function declares has an adapter. Nothing is
 * called; constructing the SDK clients needs no network. A port without an adapter would otherwise surface only as
 * a failed cold start after deployment.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '#commons/config.ts';

const FUNCTIONS = new URL('../../../functions/', import.meta.url);
const ENTRIES = [
  ...readdirSync(new URL('steps/', FUNCTIONS), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `steps/${d.name}/handler.ts`),
  ...readdirSync(FUNCTIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && readdirSync(new URL(`${d.name}/`, FUNCTIONS)).includes('handler.ts'))
    .map((d) => `${d.name}/handler.ts`),
].sort();

/** What the CDK app sets (infra/function-access.ts), with placeholder values. */
const PLACEHOLDERS: Record<string, string> = {
  [ENV.casesTable]: 'enforcement-cases',
  [ENV.journalTable]: 'enforcement-journal',
  [ENV.idempotencyTable]: 'enforcement-idempotency',
  [ENV.serviceMachineArn]: 'arn:aws:states:us-east-1:123456789012:stateMachine:enforcement-service',
  [ENV.closureMachineArn]: 'arn:aws:states:us-east-1:123456789012:stateMachine:enforcement-closure',
  [ENV.settlementMachineArn]: 'arn:aws:states:us-east-1:123456789012:stateMachine:enforcement-settlement',
  [ENV.nodeTaskMachineArn]: 'arn:aws:states:us-east-1:123456789012:stateMachine:enforcement-node-task',
  [ENV.partnerQueueUrl]: 'https://sqs.us-east-1.amazonaws.com/123456789012/enforcement-partner-answers',
  [ENV.intakeDlqUrl]: 'https://sqs.us-east-1.amazonaws.com/123456789012/enforcement-intake-dlq',
  [ENV.alertBusName]: 'enforcement-alerts',
  [ENV.partyKeySecret]: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:enforcement-party-key',
  [ENV.signingSecret]: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:enforcement-signing-identity',
  [ENV.renderFunction]: 'enforcement-render-document',
  [ENV.evidenceBucket]: 'enforcement-evidence',
  AWS_REGION: 'us-east-1',
};
const saved: Record<string, string | undefined> = {};

beforeAll(() => {
  for (const [name, value] of Object.entries(PLACEHOLDERS)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
});

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('the Lambda entry points', () => {
  it('are found: every step and function', () => {
    expect(ENTRIES).toEqual(
      expect.arrayContaining(['api/handler.ts', 'settle/handler.ts', 'steps/open-disposal/handler.ts']),
    );
    expect(ENTRIES.length).toBeGreaterThan(30);
  });

  it.each(ENTRIES)('%s initialises with an adapter for every port its function declares', async (entry) => {
    const module = (await import(new URL(entry, FUNCTIONS).href)) as { handler?: unknown };
    expect(typeof module.handler).toBe('function');
  });
});
