/**
 * A function's permissions and environment, derived from the ports it declares in functions/steps/manifest.ts:
 * the same list that builds its dependencies at start-up. A function can reach only what it declares, and a
 * new port (or a new use of `engine`) fails the synth here until its access is written down.
 */

import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { ENV } from '#commons/config.ts';
import type { DependencyName, FunctionName } from '#steps/manifest.ts';
import type { CaseStore } from './constructs/case-store.ts';
import type { StepFunction } from './constructs/step-function.ts';

export interface AccessTargets {
  readonly key: IKey;
  readonly store: CaseStore;
  readonly partnerQueue: IQueue;
  readonly intakeDeadLetterQueue: IQueue;
  readonly alertBus: IEventBus;
  readonly serviceMachineArn: string;
}

/** What one port needs. */
export interface PortAccess {
  readonly statements: readonly PolicyStatement[];
  readonly environment: Readonly<Record<string, string>>;
  /** Touches a resource encrypted with the customer-managed key. */
  readonly encrypted: boolean;
  /** Actions that support no resource-level permissions, and why they are needed. */
  readonly unscoped?: { readonly actions: readonly string[]; readonly reason: string };
}

/** What `engine` means for each function that uses it. */
const ENGINE_USE: Partial<Record<FunctionName, 'start-service' | 'settle-tasks'>> = {
  intake: 'start-service',
  settle: 'settle-tasks',
};

export const SEND_TASK_ACTIONS = ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'];

const NONE: PortAccess = { statements: [], environment: {}, encrypted: false };

function allow(actions: readonly string[], resources: readonly string[]): PolicyStatement {
  return new PolicyStatement({ actions: actions.map((a) => `dynamodb:${a}`), resources: [...resources] });
}

export function portAccess(fn: FunctionName, port: DependencyName, t: AccessTargets): PortAccess {
  const cases = t.store.cases.tableArn;
  const journal = t.store.journal.tableArn;
  // Only the case repository reads the journal; every other table port needs the cases table alone.
  const tables = { [ENV.casesTable]: t.store.cases.tableName };
  switch (port) {
    case 'clock':
    case 'rules':
    case 'calendar':
    case 'staff':
    case 'payments':
      return NONE;
    case 'cases':
      return {
        statements: [allow(['PutItem', 'Query'], [journal]), allow(['GetItem', 'PutItem'], [cases])],
        environment: { ...tables, [ENV.journalTable]: t.store.journal.tableName },
        encrypted: true,
      };
    case 'queries':
      return {
        statements: [allow(['Query'], [t.store.casesIndexArn('gsi1'), t.store.casesIndexArn('gsi2')])],
        environment: tables,
        encrypted: true,
      };
    case 'approvals':
      return {
        statements: [
          allow(['GetItem', 'PutItem', 'UpdateItem'], [cases]),
          allow(['Query'], [t.store.casesIndexArn('gsi1')]),
        ],
        environment: tables,
        encrypted: true,
      };
    case 'requests':
      return {
        statements: [allow(['GetItem', 'PutItem', 'UpdateItem'], [cases])],
        environment: tables,
        encrypted: true,
      };
    case 'rejections':
      return {
        statements: [
          allow(['PutItem', 'Query'], [cases]),
          new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [t.intakeDeadLetterQueue.queueArn] }),
        ],
        environment: { ...tables, [ENV.intakeDlqUrl]: t.intakeDeadLetterQueue.queueUrl },
        encrypted: true,
      };
    case 'partners':
      return {
        statements: [new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [t.partnerQueue.queueArn] })],
        environment: { [ENV.partnerQueueUrl]: t.partnerQueue.queueUrl },
        encrypted: true,
      };
    case 'alerts':
      return {
        statements: [new PolicyStatement({ actions: ['events:PutEvents'], resources: [t.alertBus.eventBusArn] })],
        environment: { [ENV.alertBusName]: t.alertBus.eventBusName },
        encrypted: false,
      };
    case 'engine': {
      const use = ENGINE_USE[fn];
      if (use === 'start-service') {
        return {
          statements: [new PolicyStatement({ actions: ['states:StartExecution'], resources: [t.serviceMachineArn] })],
          environment: { [ENV.serviceMachineArn]: t.serviceMachineArn },
          // The state machines are encrypted with the key: starting one encrypts its input.
          encrypted: true,
        };
      }
      if (use === 'settle-tasks') {
        return {
          statements: [],
          environment: {},
          encrypted: true,
          unscoped: {
            actions: SEND_TASK_ACTIONS,
            reason:
              'states:SendTaskSuccess/SendTaskFailure/SendTaskHeartbeat support no resource-level permissions ' +
              '(the task token names the execution); settle is the only function granted them',
          },
        };
      }
      throw new Error(`${fn} uses the engine, but function-access.ts does not say for what (ENGINE_USE)`);
    }
  }
}

/** Grants a function exactly what its declared ports need, and sets exactly their environment variables. */
export function grantPorts(
  target: StepFunction,
  fn: FunctionName,
  ports: readonly DependencyName[],
  targets: AccessTargets,
): void {
  let encrypted = false;
  const environment: Record<string, string> = {};
  for (const port of ports) {
    const access = portAccess(fn, port, targets);
    for (const statement of access.statements) target.role.addToPrincipalPolicy(statement);
    if (access.unscoped) target.grantUnscoped(access.unscoped.actions, access.unscoped.reason);
    Object.assign(environment, access.environment);
    encrypted ||= access.encrypted;
  }
  for (const [name, value] of Object.entries(environment)) target.addEnvironment(name, value);
  if (encrypted) targets.key.grant(target.role, 'kms:Decrypt', 'kms:GenerateDataKey');
}
