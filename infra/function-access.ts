/**
 * A function's permissions and environment, derived from the ports it declares in functions/steps/manifest.ts:
 * the same list that builds its dependencies at start-up. A function can reach only what it declares, and a
 * new port (or a new use of `engine`) fails the synth here until its access is written down.
 */

import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
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
  /** Started by settle for a respondent who joined by a ruling and whose inquiry waited. */
  readonly investigationMachineArn: string;
  /** The machines staff actions start through settle: a closure asked for, a settlement recorded. */
  readonly closureMachineArn: string;
  readonly settlementMachineArn: string;
  /** Started by settle when a suspension of enforcement (中止执行, 暂缓执行) is lifted: the phase it stopped. */
  readonly coercionMachineArn: string;
  readonly disposalMachineArn: string;
  readonly nodeTaskMachineArn: string;
  /** The renewal watch intake starts when a filing carries preserved seizures over (B3-CARRY). */
  readonly renewalMachineArn: string;
  readonly evidenceBucket: IBucket;
  /** The installation's party-id key (HMAC of ID numbers), read by intake. */
  readonly partyKeySecret: ISecret;
  /** The render-document function, which the functions that issue documents invoke (it alone holds the key). */
  readonly renderFunction: IFunction;
}

/** What one port needs. */
export interface PortAccess {
  readonly statements: readonly PolicyStatement[];
  readonly environment: Readonly<Record<string, string>>;
  /** Touches a resource encrypted with the customer-managed key. */
  readonly encrypted: boolean;
  /** Actions that support no resource-level permissions, and why they are needed. */
  readonly unscoped?: { readonly actions: readonly string[]; readonly reason: string };
  /** cdk-nag findings the statements raise by design (a key-prefix wildcard), each with its reason. */
  readonly acknowledged?: readonly { readonly id: string; readonly reason: string }[];
}

/** What `engine` means for each function that uses it. */
const ENGINE_USE: Partial<Record<FunctionName, 'start-service' | 'settle-tasks' | 'start-node-task'>> = {
  intake: 'start-service',
  settle: 'settle-tasks',
  'sweep-nodes': 'start-node-task',
};

/**
 * What `evidence` means for each function that uses it: `record` reads landed objects and puts them under the
 * case's legal hold; `custody` (the staff API's records-api) also signs uploads and download links (a presigned
 * request acts with the signer's permissions) and sets and releases legal holds.
 */
export const EVIDENCE_USE: Partial<Record<FunctionName | 'staff-api', 'record' | 'custody'>> = {
  'record-evidence': 'record',
  'records-api': 'custody',
};

export const EVIDENCE_ACTIONS = {
  // PutObject(Version)Tagging: the closed-case tag the lifecycle rules match (P-EVIDENCE-STORAGE); no delete.
  record: [
    's3:GetObject',
    's3:GetObjectVersion',
    's3:PutObjectLegalHold',
    's3:PutObjectTagging',
    's3:PutObjectVersionTagging',
  ],
  custody: [
    's3:PutObject',
    's3:AbortMultipartUpload',
    's3:ListMultipartUploadParts',
    's3:GetObject',
    's3:GetObjectVersion',
    's3:PutObjectLegalHold',
    's3:GetObjectLegalHold',
    // A view of an archived object restores a readable copy first (P-EVIDENCE-STORAGE).
    's3:RestoreObject',
  ],
} as const;

/** Evidence objects of every case: keys are `cases/<case id>/evidence/<evidence id>`. */
export function evidenceObjects(bucket: IBucket): string {
  return bucket.arnForObjects('cases/*');
}

/** Signed PDFs of issued documents: `cases/<case id>/documents/<doc id>.pdf` in the evidence bucket. */
export function documentObjects(bucket: IBucket): string {
  return bucket.arnForObjects('cases/*/documents/*');
}

/** Writing a document: put once, and read back (GetObject also serves HeadObject) on a retry. No delete. */
export const DOCUMENT_WRITE_ACTIONS = ['s3:PutObject', 's3:GetObject'];

function documentPrefixFinding(bucket: IBucket, actions: string): { id: string; reason: string } {
  const stack = Stack.of(bucket);
  const bucketId: string = stack.resolve(stack.getLogicalId(bucket.node.defaultChild as CfnElement));
  return {
    id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/cases/*/documents/*]`,
    reason:
      'Issued documents are keyed cases/<case id>/documents/<doc id>.pdf and any case may have documents: the grant ' +
      `covers the document keys of the evidence bucket only (${actions}); no bucket-level or delete action.`,
  };
}

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
      // Index queries, and rewriting a case's index entries (the sweeper's reindex of a stale entry).
      return {
        statements: [
          allow(
            ['Query'],
            t.store.indexNames.map((index) => t.store.casesIndexArn(index)),
          ),
          ...(fn === 'sweep-nodes' ? [allow(['PutItem'], [cases])] : []),
        ],
        environment: tables,
        encrypted: true,
      };
    case 'approvals':
      // The sweeper only counts what waits (the approvals-waiting gauge): the pending-approvals index, read only.
      if (fn === 'sweep-nodes') {
        return {
          statements: [allow(['Query'], [t.store.casesIndexArn('gsi1')])],
          environment: tables,
          encrypted: true,
        };
      }
      return {
        statements: [
          allow(['GetItem', 'PutItem', 'UpdateItem'], [cases]),
          allow(['Query'], [t.store.casesIndexArn('gsi1'), t.store.casesIndexArn('gsi4')]),
        ],
        environment: tables,
        encrypted: true,
      };
    case 'documents':
      // The records read by key and by case; the signed PDFs read from the evidence bucket's document keys.
      return {
        statements: [
          allow(['GetItem', 'Query'], [cases]),
          new PolicyStatement({ actions: ['s3:GetObject'], resources: [documentObjects(t.evidenceBucket)] }),
        ],
        environment: { ...tables, [ENV.evidenceBucket]: t.evidenceBucket.bucketName },
        encrypted: true,
        acknowledged: [documentPrefixFinding(t.evidenceBucket, 's3:GetObject')],
      };
    case 'issuing':
      // Document numbers (one item per number, put once) and the archive (record and PDF, put once), read back by
      // key and by case; rendering and signing by the render-document function, invoked synchronously (it alone
      // reads the signing identity: infra/constructs/render-document.ts).
      return {
        statements: [
          allow(['GetItem', 'PutItem', 'Query'], [cases]),
          new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [t.renderFunction.functionArn] }),
          // The signed PDF, put once (If-None-Match) under Object Lock; head and read back on a retried issue.
          new PolicyStatement({ actions: DOCUMENT_WRITE_ACTIONS, resources: [documentObjects(t.evidenceBucket)] }),
        ],
        environment: {
          ...tables,
          [ENV.renderFunction]: t.renderFunction.functionName,
          [ENV.evidenceBucket]: t.evidenceBucket.bucketName,
        },
        encrypted: true,
        acknowledged: [documentPrefixFinding(t.evidenceBucket, DOCUMENT_WRITE_ACTIONS.join(', '))],
      };
    case 'preservations':
      // Preservation rulings: items of the cases table; the court's held ones on GSI1, all of the court's on GSI2.
      return {
        statements: [
          allow(['GetItem', 'PutItem'], [cases]),
          allow(['Query'], [t.store.casesIndexArn('gsi1'), t.store.casesIndexArn('gsi2')]),
        ],
        environment: tables,
        encrypted: true,
      };
    case 'received':
      return {
        statements: [allow(['GetItem', 'PutItem'], [cases]), allow(['Query'], [t.store.casesIndexArn('gsi1')])],
        environment: tables,
        encrypted: true,
      };
    case 'field':
      // Field trips, incidents, position reads (functions/adapters/dynamodb/field-store.ts): items of the cases
      // table; the court's trips, out and all, and the officer's trip out on their indexes; the read audit by key.
      return {
        statements: [
          allow(['GetItem', 'PutItem', 'Query'], [cases]),
          allow(
            ['Query'],
            [t.store.casesIndexArn('gsi1'), t.store.casesIndexArn('gsi4'), t.store.casesIndexArn('gsi5')],
          ),
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
    case 'wakes':
      // A wake request goes to settle on the partner queue: settle alone resumes executions.
      return {
        statements: [new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [t.partnerQueue.queueArn] })],
        environment: { [ENV.partnerQueueUrl]: t.partnerQueue.queueUrl },
        encrypted: true,
      };
    case 'filing':
    case 'alerts':
    case 'closures':
      // The filing system listens on the alert bus for resumption requests (G3), as the command center does; the
      // record-evidence function for CaseClosed (the closed case's evidence is tagged for the archive tiers).
      return {
        statements: [new PolicyStatement({ actions: ['events:PutEvents'], resources: [t.alertBus.eventBusArn] })],
        environment: { [ENV.alertBusName]: t.alertBus.eventBusName },
        encrypted: false,
      };
    case 'evidence': {
      const use = EVIDENCE_USE[fn];
      if (!use) throw new Error(`${fn} uses evidence, but function-access.ts does not say for what (EVIDENCE_USE)`);
      const stack = Stack.of(t.evidenceBucket);
      const bucketId: string = stack.resolve(stack.getLogicalId(t.evidenceBucket.node.defaultChild as CfnElement));
      return {
        statements: [
          new PolicyStatement({ actions: [...EVIDENCE_ACTIONS[use]], resources: [evidenceObjects(t.evidenceBucket)] }),
        ],
        environment: { [ENV.evidenceBucket]: t.evidenceBucket.bucketName },
        // Objects are SSE-KMS with the key: reading decrypts, and a signed upload encrypts as the signer.
        encrypted: true,
        acknowledged: [
          {
            id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/cases/*]`,
            reason:
              'Evidence objects are keyed cases/<case id>/evidence/<evidence id> and any case may receive evidence: ' +
              `the grant covers the evidence key prefix of the bucket only, with the ${use} actions alone ` +
              `(${EVIDENCE_ACTIONS[use].join(', ')}); no bucket-level or delete action is granted.`,
          },
        ],
      };
    }
    case 'partyKey':
      return {
        statements: [
          new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [t.partyKeySecret.secretArn] }),
        ],
        environment: { [ENV.partyKeySecret]: t.partyKeySecret.secretArn },
        // The secret is encrypted with the key: reading it decrypts.
        encrypted: true,
      };
    case 'engine': {
      const use = ENGINE_USE[fn];
      if (use === 'start-service') {
        return {
          // The service phase; and the renewal watch of seizures carried over from a preservation (B3-CARRY).
          statements: [
            new PolicyStatement({
              actions: ['states:StartExecution'],
              resources: [t.serviceMachineArn, t.renewalMachineArn],
            }),
          ],
          environment: { [ENV.serviceMachineArn]: t.serviceMachineArn, [ENV.renewalMachineArn]: t.renewalMachineArn },
          // The state machines are encrypted with the key: starting one encrypts its input.
          encrypted: true,
        };
      }
      if (use === 'start-node-task') {
        return {
          // And the disposal phase again, when an objection's period runs out and frees the asset it held; a coercion run
          // that removes a listing whose term ended (C6, 第十条第二款).
          statements: [
            new PolicyStatement({
              actions: ['states:StartExecution'],
              resources: [t.nodeTaskMachineArn, t.disposalMachineArn, t.coercionMachineArn],
            }),
          ],
          environment: {
            [ENV.nodeTaskMachineArn]: t.nodeTaskMachineArn,
            [ENV.disposalMachineArn]: t.disposalMachineArn,
            [ENV.coercionMachineArn]: t.coercionMachineArn,
          },
          encrypted: true,
        };
      }
      if (use === 'settle-tasks') {
        const started = [
          t.closureMachineArn,
          t.settlementMachineArn,
          t.coercionMachineArn,
          t.disposalMachineArn,
          t.serviceMachineArn,
          t.investigationMachineArn,
        ];
        return {
          // Staff ask for a closure or record a settlement through settle, which starts that phase's execution; a
          // suspension of enforcement lifted starts again the coercion or disposal it stopped; the applicant's request to
          // remove a listing starts a coercion run that only removes it (C6); a respondent who joined by a ruling
          // (追加、变更) gets a service run (then inquiry and control), or the investigation run its inquiry waited for.
          statements: [new PolicyStatement({ actions: ['states:StartExecution'], resources: started })],
          environment: {
            [ENV.closureMachineArn]: t.closureMachineArn,
            [ENV.settlementMachineArn]: t.settlementMachineArn,
            [ENV.coercionMachineArn]: t.coercionMachineArn,
            [ENV.disposalMachineArn]: t.disposalMachineArn,
            [ENV.serviceMachineArn]: t.serviceMachineArn,
            [ENV.investigationMachineArn]: t.investigationMachineArn,
          },
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
    for (const finding of access.acknowledged ?? []) Validations.of(target.role).acknowledge(finding);
    Object.assign(environment, access.environment);
    encrypted ||= access.encrypted;
  }
  for (const [name, value] of Object.entries(environment)) target.addEnvironment(name, value);
  if (encrypted) targets.key.grant(target.role, 'kms:Decrypt', 'kms:GenerateDataKey');
}
