import type { CfnElement } from 'aws-cdk-lib';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { CASES_LAYOUT, IDEMPOTENCY_LAYOUT, JOURNAL_LAYOUT, type TableLayout } from '#adapters/dynamodb/tables.ts';
import { ENV } from '#commons/config.ts';
import { INTAKE_DETAIL_TYPE, INTAKE_SOURCE } from '#contracts/intake-event.ts';
import { PARTY_CHANGE_DETAIL_TYPE } from '#contracts/party-change-event.ts';
import { PRESERVATION_DETAIL_TYPE, PRESERVATION_SOURCE } from '#contracts/preservation-event.ts';
import { RULES } from '#domain/rules/table.ts';
import { type DependencyName, FUNCTION_USES, STEP_USES } from '#steps/manifest.ts';
import { MACHINES } from '#workflows/index.ts';
import { STEPS, type StepName } from '#workflows/steps.ts';
import { EvidenceBucket, INCOMPLETE_UPLOAD_DAYS } from '../../infra/constructs/evidence-bucket.ts';
import type { StepFunction } from '../../infra/constructs/step-function.ts';
import {
  asList,
  type CfnResource,
  functionLogicalId,
  logicalId,
  machineResource,
  type PolicyStatementJson,
  resourcesOfType,
  roleStatements,
  synthesized,
  synthesizedTemplate,
  TEST_CONFIG,
  template,
} from './stack.ts';

const prefix = TEST_CONFIG.namePrefix;
const idOf = (construct: { node: { defaultChild?: unknown } }): string =>
  logicalId(construct.node.defaultChild as CfnElement);
const keyArn = () => ({ 'Fn::GetAtt': [idOf(synthesized().stack.encryption.key), 'Arn'] });

describe('the case store', () => {
  it('has three on-demand tables with PITR, deletion protection and the customer-managed key', () => {
    // Prepare
    const assertions = template();

    // Act
    const tables = resourcesOfType('AWS::DynamoDB::Table');

    // Assess
    expect(tables).toHaveLength(3);
    assertions.allResourcesProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: keyArn() },
    });
    assertions.allResources('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it.each([
    ['cases', CASES_LAYOUT],
    ['journal', JOURNAL_LAYOUT],
    ['idempotency', IDEMPOTENCY_LAYOUT],
  ] as const)('builds the %s table from its shared layout', (name, layout: TableLayout) => {
    // Prepare
    const table = synthesized().stack.store[name];

    // Act
    const [, resource] = resourcesOfType('AWS::DynamoDB::Table').find(([id]) => id === idOf(table)) ?? [];

    // Assess
    const keySchema = [
      { AttributeName: layout.partitionKey.name, KeyType: 'HASH' },
      ...(layout.sortKey ? [{ AttributeName: layout.sortKey.name, KeyType: 'RANGE' }] : []),
    ];
    expect(resource?.Properties?.KeySchema).toEqual(keySchema);
    const indexes = (resource?.Properties?.GlobalSecondaryIndexes ?? []) as { IndexName: string; KeySchema: unknown }[];
    expect(indexes.map((i) => [i.IndexName, i.KeySchema])).toEqual(
      layout.indexes.map((i) => [
        i.name,
        [
          { AttributeName: i.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: i.sortKey.name, KeyType: 'RANGE' },
        ],
      ]),
    );
    expect(resource?.Properties?.TimeToLiveSpecification).toEqual(
      layout.timeToLiveAttribute ? { AttributeName: layout.timeToLiveAttribute, Enabled: true } : undefined,
    );
  });
});

describe('the evidence bucket', () => {
  const evidence = () => idOf(synthesized().stack.evidence.bucket);
  const accessLogs = () => idOf(synthesized().stack.evidence.accessLogs);

  it("accepts the field app's signed PUTs from the console site's origin only, with the signed headers", () => {
    const bucket = synthesizedTemplate().Resources[evidence()];
    const distribution = idOf(synthesized().stack.consoleSite.distribution);
    const cors = (bucket?.Properties?.CorsConfiguration ?? { CorsRules: [] }) as {
      CorsRules: Record<string, unknown>[];
    };
    const rules = cors.CorsRules;
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      AllowedMethods: ['PUT'],
      AllowedHeaders: ['content-type', 'x-amz-checksum-sha256', 'x-amz-sdk-checksum-algorithm'],
      ExposedHeaders: ['ETag'],
    });
    expect(JSON.stringify(rules[0]?.AllowedOrigins)).toContain(distribution);
    expect(JSON.stringify(rules[0]?.AllowedOrigins)).not.toContain('*');
  });

  it('locks objects by default, keeps versions and encrypts with the customer-managed key', () => {
    // Prepare
    const assertions = template();

    // Act
    const bucket = synthesizedTemplate().Resources[evidence()];

    // Assess
    expect(bucket?.Type).toBe('AWS::S3::Bucket');
    assertions.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        ObjectLockEnabled: true,
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: TEST_CONFIG.evidence.retentionDays } },
        },
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn() },
              BucketKeyEnabled: true,
            },
          ],
        },
        LoggingConfiguration: { DestinationBucketName: { Ref: accessLogs() }, LogFilePrefix: 'evidence/' },
      }),
    });
  });

  it('logs access to an SSE-S3 bucket (S3 access logging cannot write to SSE-KMS)', () => {
    // Prepare
    const id = accessLogs();

    // Act
    const bucket = synthesizedTemplate().Resources[id];

    // Assess
    expect(bucket?.Properties?.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket?.DeletionPolicy).toBe('Retain');
  });

  it('blocks all public access on every bucket (evidence, access logs, console files) and allows only TLS', () => {
    // Prepare
    const assertions = template();

    // Act
    const buckets = resourcesOfType('AWS::S3::Bucket');

    // Assess
    expect(buckets).toHaveLength(3);
    assertions.allResourcesProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    for (const id of [evidence(), accessLogs()]) {
      assertions.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });
});

describe('evidence custody', () => {
  const evidence = () => idOf(synthesized().stack.evidence.bucket);

  it('sends Object Created events to EventBridge and aborts multipart uploads nobody completed', () => {
    // Prepare
    const bucket = synthesizedTemplate().Resources[evidence()];

    // Act
    const properties = bucket?.Properties ?? {};

    // Assess
    expect(properties.NotificationConfiguration).toEqual({ EventBridgeConfiguration: { EventBridgeEnabled: true } });
    expect(properties.LifecycleConfiguration).toEqual({
      Rules: [
        {
          Id: 'abort-incomplete-multipart-uploads',
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: INCOMPLETE_UPLOAD_DAYS },
          Status: 'Enabled',
        },
        {
          Id: 'closed-case-evidence-tiers',
          Prefix: 'cases/',
          TagFilters: [{ Key: 'case-state', Value: 'closed' }],
          Transitions: [
            { StorageClass: 'GLACIER_IR', TransitionInDays: RULES.P_EVIDENCE_STORAGE.instantRetrievalAfterDays },
            { StorageClass: 'DEEP_ARCHIVE', TransitionInDays: RULES.P_EVIDENCE_STORAGE.archiveAfterDays },
          ],
          Status: 'Enabled',
        },
      ],
    });
    // No custom-resource function manages the notification: the bucket states it itself.
    expect(resourcesOfType('Custom::S3BucketNotifications')).toEqual([]);
  });

  it('tiers closed cases without touching Object Lock or legal holds: no rule expires or deletes a version', () => {
    // Prepare
    const bucket = synthesizedTemplate().Resources[evidence()];

    // Act
    const properties = (bucket?.Properties ?? {}) as {
      ObjectLockEnabled?: boolean;
      ObjectLockConfiguration?: { Rule?: { DefaultRetention?: { Days?: number } } };
      LifecycleConfiguration?: { Rules?: Record<string, unknown>[] };
    };
    const rules = properties.LifecycleConfiguration?.Rules ?? [];

    // Assess: the lock stays on the bucket with its default retention, and lifecycle only changes storage class.
    expect(properties.ObjectLockEnabled).toBe(true);
    expect(properties.ObjectLockConfiguration?.Rule?.DefaultRetention?.Days).toBe(TEST_CONFIG.evidence.retentionDays);
    for (const rule of rules) {
      expect(rule).not.toHaveProperty('ExpirationInDays');
      expect(rule).not.toHaveProperty('ExpirationDate');
      expect(rule).not.toHaveProperty('ExpiredObjectDeleteMarker');
      expect(rule).not.toHaveProperty('NoncurrentVersionExpiration');
      expect(rule).not.toHaveProperty('NoncurrentVersionExpirationInDays');
    }
    // Only objects of closed cases move, and only to classes that keep the version (Deep Archive at least 90
    // days after Instant Retrieval, its minimum storage duration).
    const tiers = rules.find((r) => r.Id === 'closed-case-evidence-tiers');
    expect(tiers?.TagFilters).toEqual([{ Key: 'case-state', Value: 'closed' }]);
    const [ir, archive] = ((tiers?.Transitions ?? []) as { TransitionInDays: number }[]).map((t) => t.TransitionInDays);
    expect((archive ?? 0) - (ir ?? 0)).toBeGreaterThanOrEqual(90);
  });

  it("routes the bucket's Object Created events under cases/ from the default bus to record-evidence, with a DLQ", () => {
    // Prepare
    const { recordEvidence } = synthesized().stack;

    // Act
    const rule = synthesizedTemplate().Resources[idOf(recordEvidence.rule)];

    // Assess
    expect(rule?.Properties?.EventBusName).toBeUndefined();
    expect(rule?.Properties?.EventPattern).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      // Evidence keys only: documents kept in the bucket under cases/<case>/documents/ never reach the recorder.
      detail: { bucket: { name: [{ Ref: evidence() }] }, object: { key: [{ wildcard: 'cases/*/evidence/*' }] } },
    });
    template().hasResourceProperties('AWS::Events::Rule', {
      Name: `${prefix}-evidence-landed`,
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionLogicalId(`${prefix}-record-evidence`), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(recordEvidence.deadLetterQueue), 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: Match.anyValue(), MaximumEventAgeInSeconds: Match.anyValue() },
        }),
      ],
    });
  });

  it("routes the alert bus's CaseClosed events to record-evidence (the archive tag), with the same DLQ", () => {
    // Prepare
    const { recordEvidence, settle } = synthesized().stack;

    // Act
    const rule = synthesizedTemplate().Resources[idOf(recordEvidence.closedRule)];

    // Assess
    expect(rule?.Properties?.EventBusName).toEqual({ Ref: idOf(settle.alertBus) });
    expect(rule?.Properties?.EventPattern).toEqual({ source: ['court.enforcement'], 'detail-type': ['CaseClosed'] });
    template().hasResourceProperties('AWS::Events::Rule', {
      Name: `${prefix}-evidence-case-closed`,
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionLogicalId(`${prefix}-record-evidence`), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(recordEvidence.deadLetterQueue), 'Arn'] } },
        }),
      ],
    });
  });

  it('lets no function delete evidence or bypass its retention, and reaches objects only under cases/', () => {
    // Prepare
    const bucketArn = JSON.stringify({ 'Fn::GetAtt': [evidence(), 'Arn'] });

    // Act
    const s3Grants = allPolicyStatements().filter(
      ([, st]) => st.Effect === 'Allow' && asList(st.Action).some((a) => a.startsWith('s3:')),
    );

    // Assess
    for (const [id, statement] of s3Grants) {
      // CDK's console deployment prunes the console's own bucket; it never names the evidence bucket.
      if (id.startsWith('ConsoleDeployRole')) {
        expect(JSON.stringify(statement.Resource), id).not.toContain(bucketArn);
        continue;
      }
      const actions = asList(statement.Action);
      expect(
        actions.filter((a) => /s3:(Delete|BypassGovernance|PutObjectRetention|PutBucket)/.test(a)),
        id,
      ).toEqual([]);
      if (JSON.stringify(statement.Resource).includes(bucketArn)) {
        expect(JSON.stringify(statement.Resource), id).toContain('/cases/*');
      }
    }
  });

  it('locks in COMPLIANCE mode when a stage asks for it', () => {
    // Prepare
    const stack = new Stack(new App(), 'Compliance');
    const key = new Key(stack, 'Key');

    // Act
    new EvidenceBucket(stack, 'Evidence', { key, objectLockMode: 'COMPLIANCE', retentionDays: 3650 });

    // Assess
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 } },
      },
    });
  });
});

/** Every policy document in the template, with where it is. */
function allPolicyStatements(): [string, PolicyStatementJson][] {
  const found: [string, PolicyStatementJson][] = [];
  const documents: Record<string, (r: CfnResource) => unknown[]> = {
    'AWS::IAM::Policy': (r) => [r.Properties?.PolicyDocument],
    'AWS::IAM::ManagedPolicy': (r) => [r.Properties?.PolicyDocument],
    'AWS::IAM::Role': (r) => [
      r.Properties?.AssumeRolePolicyDocument,
      ...((r.Properties?.Policies ?? []) as { PolicyDocument: unknown }[]).map((p) => p.PolicyDocument),
    ],
    'AWS::S3::BucketPolicy': (r) => [r.Properties?.PolicyDocument],
    'AWS::SQS::QueuePolicy': (r) => [r.Properties?.PolicyDocument],
    'AWS::SNS::TopicPolicy': (r) => [r.Properties?.PolicyDocument],
    'AWS::KMS::Key': (r) => [r.Properties?.KeyPolicy],
    'AWS::Events::EventBus': (r) => [r.Properties?.Policy],
  };
  for (const [id, resource] of Object.entries(synthesizedTemplate().Resources)) {
    for (const document of documents[resource.Type]?.(resource) ?? []) {
      const statements = (document as { Statement?: PolicyStatementJson[] } | undefined)?.Statement ?? [];
      for (const statement of statements) found.push([id, statement]);
    }
  }
  return found;
}

function isPublic(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal && typeof principal === 'object') {
    const aws = (principal as { AWS?: unknown }).AWS;
    return asList(aws as unknown).some((p) => p === '*');
  }
  return false;
}

describe('resource policies', () => {
  it('grant nothing to a public principal, anywhere', () => {
    // Prepare
    const statements = allPolicyStatements();

    // Act
    const publicAllows = statements.filter(([, s]) => s.Effect === 'Allow' && isPublic(s.Principal));
    const publicInvokes = resourcesOfType('AWS::Lambda::Permission').filter(([, p]) => p.Properties?.Principal === '*');

    // Assess
    expect(statements.length).toBeGreaterThan(20);
    expect(publicAllows).toEqual([]);
    expect(publicInvokes).toEqual([]);
  });
});

describe('the state machines', () => {
  it('are Standard, log ALL without execution data, trace, use the key and are retained', () => {
    // Prepare
    const assertions = template();

    // Act
    const machines = resourcesOfType('AWS::StepFunctions::StateMachine');

    // Assess
    expect(machines).toHaveLength(MACHINES.length);
    assertions.allResourcesProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: Match.anyValue() } }],
      },
      TracingConfiguration: { Enabled: true },
      EncryptionConfiguration: { Type: 'CUSTOMER_MANAGED_KMS_KEY', KmsKeyId: keyArn() },
    });
    assertions.allResources('AWS::StepFunctions::StateMachine', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it.each(MACHINES)('%s has its fixed name and an alarm on failed executions', (machine) => {
    // Prepare
    const assertions = template();

    // Act
    const [id] = machineResource(machine);

    // Assess
    assertions.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/States',
      MetricName: 'ExecutionsFailed',
      Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: id } }],
      Threshold: 1,
      AlarmActions: Match.anyValue(),
    });
  });
});

/** Logical ids of CDK's console deployment handler (a BucketDeployment), not a function of the app. */
const CONSOLE_DEPLOYMENT = 'CustomCDKBucketDeployment';

const ALL_FUNCTIONS: readonly { name: string; uses: readonly DependencyName[] }[] = [
  ...STEPS.map((step) => ({ name: step as string, uses: STEP_USES[step] as readonly DependencyName[] })),
  { name: 'intake', uses: FUNCTION_USES.intake },
  { name: 'settle', uses: FUNCTION_USES.settle },
  { name: 'record-evidence', uses: FUNCTION_USES['record-evidence'] },
  { name: 'api', uses: FUNCTION_USES.api },
  { name: 'records-api', uses: FUNCTION_USES['records-api'] },
  { name: 'sweep-nodes', uses: FUNCTION_USES['sweep-nodes'] },
  { name: 'mfa-gate', uses: [] },
  { name: 'render-document', uses: [] },
];

describe('the functions', () => {
  it('run Node.js 24 on arm64 with active tracing, explicit memory and timeout', () => {
    // Act
    const functions = resourcesOfType('AWS::Lambda::Function').filter(([id]) => !id.startsWith(CONSOLE_DEPLOYMENT));

    // Assess
    expect(functions.map(([, fn]) => fn.Properties?.FunctionName).sort()).toEqual(
      ALL_FUNCTIONS.map((f) => `${prefix}-${f.name}`).sort(),
    );
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        MemorySize: TEST_CONFIG.memorySize,
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
      expect(fn.Properties?.Timeout).toBeDefined();
    }
  });

  it('besides, one CDK handler deploys the console, logging to its own encrypted log group', () => {
    // Act
    const handlers = resourcesOfType('AWS::Lambda::Function').filter(([id]) => id.startsWith(CONSOLE_DEPLOYMENT));

    // Assess
    expect(handlers).toHaveLength(1);
    expect(handlers[0]?.[1].Properties?.LoggingConfig).toEqual({ LogGroup: { Ref: expect.any(String) } });
  });

  it('log to their own KMS-encrypted log groups with retention', () => {
    // Prepare
    const assertions = template();

    // Act
    const groups = resourcesOfType('AWS::Logs::LogGroup');

    // Assess
    // One per function, one per state machine, the staff API's access log and the console deployment's.
    expect(groups).toHaveLength(ALL_FUNCTIONS.length + MACHINES.length + 2);
    assertions.allResourcesProperties('AWS::Logs::LogGroup', {
      KmsKeyId: keyArn(),
      RetentionInDays: Match.anyValue(),
    });
  });

  it('run as roles without AWS managed policies', () => {
    // Prepare
    const assertions = template();

    // Act
    const roles = resourcesOfType('AWS::IAM::Role');

    // Assess
    // One per function and state machine, and the console deployment's.
    expect(roles.length).toBe(ALL_FUNCTIONS.length + MACHINES.length + 1);
    assertions.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });
});

describe('intake', () => {
  it('routes filed cases and preservation rulings from its bus to the intake function, with a dead-letter queue and retries', () => {
    // Prepare
    const { intake } = synthesized().stack;

    // Act
    const rules = resourcesOfType('AWS::Events::Rule').filter(
      ([, rule]) => JSON.stringify(rule.Properties?.EventBusName) === JSON.stringify({ Ref: idOf(intake.bus) }),
    );

    // Assess
    expect(rules).toHaveLength(1);
    template().hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: idOf(intake.bus) },
      EventPattern: {
        source: [INTAKE_SOURCE, PRESERVATION_SOURCE],
        'detail-type': [INTAKE_DETAIL_TYPE, PARTY_CHANGE_DETAIL_TYPE, PRESERVATION_DETAIL_TYPE],
      },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionLogicalId(`${prefix}-intake`), 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [idOf(intake.deadLetterQueue), 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: Match.anyValue(), MaximumEventAgeInSeconds: Match.anyValue() },
        }),
      ],
    });
  });

  it('gives every rule target a dead-letter queue', () => {
    // Prepare
    const rules = resourcesOfType('AWS::Events::Rule');

    // Act
    const targets = rules.flatMap(([, rule]) => (rule.Properties?.Targets ?? []) as { DeadLetterConfig?: unknown }[]);

    // Assess
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(target.DeadLetterConfig).toBeDefined();
  });

  it('sends failed asynchronous invocations of the intake function to the same queue, which alarms', () => {
    // Prepare
    const { intake } = synthesized().stack;
    const dlq = idOf(intake.deadLetterQueue);

    // Act
    const fn = synthesizedTemplate().Resources[functionLogicalId(`${prefix}-intake`)];

    // Assess
    expect(fn?.Properties?.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] } });
    template().hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlq, 'QueueName'] } }],
    });
  });
});

describe('settle', () => {
  it('reads partner answers from a KMS-encrypted queue with a dead-letter queue, reporting item failures', () => {
    // Prepare
    const { settle } = synthesized().stack;
    const queue = idOf(settle.partnerQueue);

    // Act
    const queueResource = synthesizedTemplate().Resources[queue];

    // Assess
    expect(queueResource?.Properties).toMatchObject({
      KmsMasterKeyId: keyArn(),
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [idOf(settle.partnerDeadLetterQueue), 'Arn'] } },
    });
    template().hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionLogicalId(`${prefix}-settle`) },
      EventSourceArn: { 'Fn::GetAtt': [queue, 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('is the only holder of states:SendTask*, in exactly one policy', () => {
    // Prepare
    const settleRole = idOf(synthesized().stack.settle.handler.role);
    const sendTask = (action: string) => /^(\*|states:\*|states:Send.*)$/.test(action);

    // Act
    const granting = resourcesOfType('AWS::IAM::Policy').filter(([, policy]) =>
      ((policy.Properties?.PolicyDocument as { Statement?: PolicyStatementJson[] } | undefined)?.Statement ?? []).some(
        (s) => s.Effect === 'Allow' && asList(s.Action).some(sendTask),
      ),
    );
    const inRoles = resourcesOfType('AWS::IAM::Role').filter(([, role]) =>
      JSON.stringify(role.Properties?.Policies ?? []).includes('states:Send'),
    );

    // Assess
    expect(granting).toHaveLength(1);
    expect(granting[0]?.[1].Properties?.Roles).toEqual([{ Ref: settleRole }]);
    expect(inRoles).toEqual([]);
  });
});

/** The roles whose policies allow `action` on the secret with logical id `secretId`. */
function secretUsers(secretId: string, action: string): unknown[] {
  return resourcesOfType('AWS::IAM::Policy')
    .filter(([, policy]) =>
      ((policy.Properties?.PolicyDocument as { Statement?: PolicyStatementJson[] } | undefined)?.Statement ?? []).some(
        (s) => asList(s.Action).includes(action) && JSON.stringify(s.Resource ?? '').includes(secretId),
      ),
    )
    .flatMap(([, policy]) => (policy.Properties?.Roles as unknown[] | undefined) ?? []);
}

describe('the party-id key', () => {
  it('is a generated secret, encrypted with the customer-managed key and retained; intake alone may read it', () => {
    // Prepare
    const { stack } = synthesized();
    const intakeRole = idOf(stack.intake.handler.role);
    const secretId = idOf(stack.partyKey.secret);

    // Act
    const secrets = resourcesOfType('AWS::SecretsManager::Secret').filter(([id]) => id === secretId);

    // Assess
    expect(secrets).toHaveLength(1);
    const [, secret] = secrets[0] as [string, (typeof secrets)[number][1]];
    expect(secret.Properties?.KmsKeyId).toEqual(keyArn());
    expect(secret.DeletionPolicy).toBe('Retain');
    expect(secret.Properties?.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    expect(secretUsers(secretId, 'secretsmanager:GetSecretValue')).toEqual([{ Ref: intakeRole }]);
  });
});

describe('the document-signing identity', () => {
  it('is a retained secret encrypted with the key, a placeholder until first use; only the render-document function reads or writes it, and the functions that issue documents invoke it', () => {
    // Prepare
    const { stack } = synthesized();
    const secretId = idOf(stack.signingIdentity.secret);
    const issuers = [
      ...STEPS.filter((step) => (STEP_USES[step] as readonly string[]).includes('issuing')).map(
        (step) => stack.steps[step],
      ),
      stack.settle.handler,
    ];
    const renderer = stack.renderDocument.handler;

    // Act
    const [entry] = resourcesOfType('AWS::SecretsManager::Secret').filter(([id]) => id === secretId);
    const readers = secretUsers(secretId, 'secretsmanager:GetSecretValue');
    const writers = secretUsers(secretId, 'secretsmanager:PutSecretValue');

    // Assess
    const secret = entry?.[1];
    expect(secret?.Properties?.KmsKeyId).toEqual(keyArn());
    expect(secret?.DeletionPolicy).toBe('Retain');
    expect(secret?.Properties?.GenerateSecretString).toMatchObject({
      SecretStringTemplate: JSON.stringify({ state: 'generated on first use' }),
    });
    expect(issuers.length).toBeGreaterThanOrEqual(8);
    expect(readers).toEqual([{ Ref: idOf(renderer.role) }]);
    expect(writers).toEqual(readers);
    for (const issuer of issuers)
      expect(grantsOf(issuerName(stack, issuer))).toContain('render-document lambda:InvokeFunction');
    // The renderer alone ships the documents' font beside its bundle.
    const withFont = [
      ...Object.values(stack.steps),
      stack.settle.handler,
      stack.apiFunction,
      stack.recordsApiFunction,
      stack.intake.handler,
      stack.nodeSweeper.handler,
      stack.recordEvidence.handler,
      renderer,
    ].filter((fn) => fn.documentFont);
    expect(withFont).toEqual([renderer]);
    // The api function alone ships the OpenAPI document beside its bundle (it serves GET /openapi.json from it).
    const withOpenApi = [
      ...Object.values(stack.steps),
      stack.settle.handler,
      stack.apiFunction,
      stack.recordsApiFunction,
      stack.intake.handler,
      stack.nodeSweeper.handler,
      stack.recordEvidence.handler,
      renderer,
    ].filter((fn) => fn.openApiDocument);
    expect(withOpenApi).toEqual([stack.apiFunction]);
  });
});

function issuerName(stack: ReturnType<typeof synthesized>['stack'], fn: StepFunction): string {
  if (fn === stack.settle.handler) return 'settle';
  const step = STEPS.find((name) => stack.steps[name] === fn);
  if (!step) throw new Error('not an issuing function');
  return step;
}

/** What each port grants, restated here from the manifest's contract: table/index -> DynamoDB actions. */
const DYNAMODB_BY_PORT: Record<DependencyName, readonly string[]> = {
  cases: ['journal PutItem', 'journal Query', 'cases GetItem', 'cases PutItem'],
  queries: [
    'cases/index/gsi1 Query',
    'cases/index/gsi2 Query',
    'cases/index/gsi3 Query',
    'cases/index/gsi4 Query',
    'cases/index/gsi5 Query',
  ],
  approvals: ['cases GetItem', 'cases PutItem', 'cases UpdateItem', 'cases/index/gsi1 Query', 'cases/index/gsi4 Query'],
  requests: ['cases GetItem', 'cases PutItem', 'cases UpdateItem'],
  received: ['cases GetItem', 'cases PutItem', 'cases/index/gsi1 Query'],
  preservations: ['cases GetItem', 'cases PutItem', 'cases/index/gsi1 Query', 'cases/index/gsi2 Query'],
  documents: ['cases GetItem', 'cases Query'],
  issuing: ['cases GetItem', 'cases PutItem', 'cases Query'],
  field: [
    'cases GetItem',
    'cases PutItem',
    'cases Query',
    'cases/index/gsi1 Query',
    'cases/index/gsi4 Query',
    'cases/index/gsi5 Query',
  ],
  rejections: ['cases PutItem', 'cases Query'],
  clock: [],
  rules: [],
  calendar: [],
  staff: [],
  engine: [],
  partners: [],
  alerts: [],
  payments: [],
  evidence: [],
  wakes: [],
  filing: [],
  partyKey: [],
  closures: [],
};

/** Other grants a port implies (resource label and action), and the environment it needs. */
const OTHER_BY_PORT: Partial<Record<DependencyName, readonly string[]>> = {
  rejections: ['intake-dlq sqs:SendMessage'],
  partners: ['partner-queue sqs:SendMessage'],
  wakes: ['partner-queue sqs:SendMessage'],
  alerts: ['alert-bus events:PutEvents'],
  // The filing system hears resumption requests (G3) on the alert bus.
  filing: ['alert-bus events:PutEvents'],
  // A function that closes cases announces it (CaseClosed) on the alert bus.
  closures: ['alert-bus events:PutEvents'],
  // record-evidence's use of the bucket (function-access.ts EVIDENCE_USE): read, and legal hold, on case keys only.
  // Intake derives party ids with the installation's key (HMAC), read from its secret.
  partyKey: ['party-key secretsmanager:GetSecretValue'],
  // The functions that issue documents have them rendered and signed by the render-document function.
  issuing: [
    'render-document lambda:InvokeFunction',
    'evidence-bucket/cases/*/documents/* s3:PutObject',
    'evidence-bucket/cases/*/documents/* s3:GetObject',
  ],
  // The staff API reads the signed PDFs (their records from the cases table).
  documents: ['evidence-bucket/cases/*/documents/* s3:GetObject'],
  evidence: [
    'evidence-bucket/cases/* s3:GetObject',
    'evidence-bucket/cases/* s3:GetObjectVersion',
    'evidence-bucket/cases/* s3:PutObjectLegalHold',
    'evidence-bucket/cases/* s3:PutObjectTagging',
    'evidence-bucket/cases/* s3:PutObjectVersionTagging',
  ],
};

const ENV_BY_PORT: Record<DependencyName, readonly string[]> = {
  cases: [ENV.casesTable, ENV.journalTable],
  queries: [ENV.casesTable],
  approvals: [ENV.casesTable],
  requests: [ENV.casesTable],
  received: [ENV.casesTable],
  preservations: [ENV.casesTable],
  documents: [ENV.casesTable, ENV.evidenceBucket],
  issuing: [ENV.casesTable, ENV.renderFunction, ENV.evidenceBucket],
  field: [ENV.casesTable],
  rejections: [ENV.casesTable, ENV.intakeDlqUrl],
  partners: [ENV.partnerQueueUrl],
  alerts: [ENV.alertBusName],
  engine: [],
  clock: [],
  rules: [],
  calendar: [],
  staff: [],
  payments: [],
  evidence: [ENV.evidenceBucket],
  wakes: [ENV.partnerQueueUrl],
  filing: [ENV.alertBusName],
  partyKey: [ENV.partyKeySecret],
  closures: [ENV.alertBusName],
};

function resourceLabels(): Map<string, string> {
  const { stack } = synthesized();
  return new Map([
    [idOf(stack.store.cases), 'cases'],
    [idOf(stack.store.journal), 'journal'],
    [idOf(stack.store.idempotency), 'idempotency'],
    [idOf(stack.settle.partnerQueue), 'partner-queue'],
    [idOf(stack.intake.deadLetterQueue), 'intake-dlq'],
    [idOf(stack.settle.alertBus), 'alert-bus'],
    [idOf(stack.encryption.key), 'key'],
    [idOf(stack.evidence.bucket), 'evidence-bucket'],
    [idOf(stack.partyKey.secret), 'party-key'],
    [idOf(stack.signingIdentity.secret), 'signing-identity'],
    [idOf(stack.renderDocument.handler.function), 'render-document'],
    [idOf(stack.recordEvidence.deadLetterQueue), 'evidence-dlq'],
    [idOf(stack.nodeSweeper.deadLetterQueue), 'sweep-dlq'],
    [idOf(stack.staffApi.userPool), 'user-pool'],
  ]);
}

/** A statement's resource as a readable label: `cases`, `cases/index/gsi1`, `machine:enforcement-service`. */
function label(resource: unknown, labels: Map<string, string>): string {
  if (typeof resource === 'string') return resource;
  const value = resource as Record<string, unknown>;
  const getAtt = value['Fn::GetAtt'] as [string, string] | undefined;
  if (getAtt) return labels.get(getAtt[0]) ?? getAtt[0];
  const ref = value.Ref as string | undefined;
  if (ref) return labels.get(ref) ?? ref;
  const join = value['Fn::Join'] as [string, unknown[]] | undefined;
  if (join) {
    const text = join[1].map((part) => label(part, labels)).join(join[0]);
    const machine = /:stateMachine:(.+)$/.exec(text);
    return machine ? `machine:${machine[1]}` : text;
  }
  return JSON.stringify(resource);
}

function grantsOf(name: string): string[] {
  const { stack } = synthesized();
  const named: Record<string, StepFunction> = {
    intake: stack.intake.handler,
    settle: stack.settle.handler,
    'record-evidence': stack.recordEvidence.handler,
    api: stack.apiFunction,
    'records-api': stack.recordsApiFunction,
    'sweep-nodes': stack.nodeSweeper.handler,
    'mfa-gate': stack.mfaGate,
    'render-document': stack.renderDocument.handler,
  };
  const handler = named[name] ?? stack.steps[name as StepName];
  const labels = resourceLabels();
  labels.set(idOf(handler.logGroup), 'own-log-group');
  return roleStatements(idOf(handler.role))
    .filter((s) => s.Effect === 'Allow')
    .flatMap((s) =>
      asList(s.Action).flatMap((action) => asList(s.Resource).map((r) => `${label(r, labels)} ${action}`)),
    );
}

/** Every function's baseline: its own log group, X-Ray, and the key (exact actions). */
const BASELINE = [
  'own-log-group logs:CreateLogStream',
  'own-log-group logs:PutLogEvents',
  '* xray:PutTraceSegments',
  '* xray:PutTelemetryRecords',
  'key kms:Decrypt',
  'key kms:GenerateDataKey',
];

describe.each(ALL_FUNCTIONS)('the $name function', ({ name, uses }) => {
  const functionName = `${prefix}-${name}`;

  it('may use exactly the DynamoDB actions its manifest uses imply', () => {
    // Prepare
    const expected = new Set(
      uses
        .filter((use) => !(name === 'sweep-nodes' && use === 'approvals'))
        .flatMap((use) =>
          DYNAMODB_BY_PORT[use].map((grant) => {
            const [resource, action] = grant.split(' ');
            return `${resource} dynamodb:${action}`;
          }),
        ),
    );
    if (name === 'intake') {
      for (const action of ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem']) {
        expected.add(`idempotency dynamodb:${action}`);
      }
    }
    // The sweeper rewrites a stale index entry of a case (put on the cases table, which `cases` grants too),
    // and only counts pending approvals (their index, read only), not the approvals port's writes.
    if (name === 'sweep-nodes') {
      expected.add('cases dynamodb:PutItem');
      expected.add('cases/index/gsi1 dynamodb:Query');
    }

    // Act
    const granted = grantsOf(name).filter((grant) => grant.split(' ')[1]?.startsWith('dynamodb:'));

    // Assess
    expect(new Set(granted)).toEqual(expected);
  });

  it('gets nothing beyond the baseline and what its uses imply', () => {
    // Prepare
    const expected = new Set([...BASELINE, ...uses.flatMap((use) => OTHER_BY_PORT[use] ?? [])]);
    if (name === 'mfa-gate') {
      // Touches nothing encrypted; looks users up in the staff user pool.
      expected.delete('key kms:Decrypt');
      expected.delete('key kms:GenerateDataKey');
      expected.add('user-pool cognito-idp:AdminGetUser');
    }
    if (name === 'intake') {
      expected.add(`machine:${prefix}-service states:StartExecution`);
      // The renewal watch of seizures carried over from a preservation (B3-CARRY).
      expected.add(`machine:${prefix}-renewal states:StartExecution`);
      expected.add('intake-dlq sqs:SendMessage'); // also its dead-letter queue
    }
    if (name === 'record-evidence') expected.add('evidence-dlq sqs:SendMessage'); // its dead-letter queue
    if (name === 'render-document') {
      // The signing identity: read, and stored once on first use; nothing else.
      expected.add('signing-identity secretsmanager:GetSecretValue');
      expected.add('signing-identity secretsmanager:PutSecretValue');
    }
    if (name === 'sweep-nodes') {
      expected.add(`machine:${prefix}-node-task states:StartExecution`);
      // An objection's period running out frees a held asset: the sweeper takes the disposal up again.
      expected.add(`machine:${prefix}-disposal states:StartExecution`);
      // A listing whose term ended: a coercion run removes it (C6, 第十条第二款).
      expected.add(`machine:${prefix}-coercion states:StartExecution`);
      expected.add('sweep-dlq sqs:SendMessage'); // its dead-letter queue
    }
    if (name === 'records-api') {
      // The staff API's case-file function signs uploads and links and sets legal holds (EVIDENCE_USE custody).
      // It restores archived evidence for a view (P-EVIDENCE-STORAGE); it does not tag (record-evidence does).
      for (const action of [
        'PutObject',
        'AbortMultipartUpload',
        'ListMultipartUploadParts',
        'GetObjectLegalHold',
        'RestoreObject',
      ])
        expected.add(`evidence-bucket/cases/* s3:${action}`);
      expected.delete('evidence-bucket/cases/* s3:PutObjectTagging');
      expected.delete('evidence-bucket/cases/* s3:PutObjectVersionTagging');
    }
    if (name === 'settle') {
      for (const action of ['SendTaskSuccess', 'SendTaskFailure', 'SendTaskHeartbeat']) {
        expected.add(`* states:${action}`);
      }
      // Staff ask for a closure or record a settlement: settle starts that phase; the applicant's request to remove
      // a listing starts a coercion run that only removes it (C6).
      expected.add(`machine:${prefix}-closure states:StartExecution`);
      expected.add(`machine:${prefix}-settlement states:StartExecution`);
      // A suspension of enforcement lifted: the coercion or disposal it stopped starts again.
      expected.add(`machine:${prefix}-coercion states:StartExecution`);
      // An objection's ruling or judgment that frees a held asset starts the disposal phase again.
      expected.add(`machine:${prefix}-disposal states:StartExecution`);
      // A respondent who joined by a ruling (追加、变更): a service run, or the investigation run its inquiry waited for.
      expected.add(`machine:${prefix}-service states:StartExecution`);
      expected.add(`machine:${prefix}-investigation states:StartExecution`);
      for (const action of [
        'ReceiveMessage',
        'ChangeMessageVisibility',
        'GetQueueUrl',
        'DeleteMessage',
        'GetQueueAttributes',
      ]) {
        expected.add(`partner-queue sqs:${action}`);
      }
    }

    // Act
    const granted = grantsOf(name).filter((grant) => !grant.split(' ')[1]?.startsWith('dynamodb:'));

    // Assess
    expect(new Set(granted)).toEqual(expected);
  });

  it('gets exactly the environment variables its uses need', () => {
    // Prepare
    const expected = new Set(['NODE_OPTIONS', ...uses.flatMap((use) => ENV_BY_PORT[use])]);
    if (name === 'intake') {
      expected.add(ENV.idempotencyTable);
      expected.add(ENV.serviceMachineArn);
      expected.add(ENV.renewalMachineArn);
    }
    if (name === 'settle') {
      expected.add(ENV.closureMachineArn);
      expected.add(ENV.settlementMachineArn);
      expected.add(ENV.coercionMachineArn);
      expected.add(ENV.disposalMachineArn);
      expected.add(ENV.serviceMachineArn);
      expected.add(ENV.investigationMachineArn);
    }
    if (name === 'render-document') expected.add(ENV.signingSecret);
    if (name === 'sweep-nodes') {
      expected.add(ENV.nodeTaskMachineArn);
      expected.add(ENV.disposalMachineArn);
      expected.add(ENV.coercionMachineArn);
    }

    // Act
    const fn = synthesizedTemplate().Resources[functionLogicalId(functionName)];
    const variables = (fn?.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables;

    // Assess
    expect(new Set(Object.keys(variables ?? {}))).toEqual(expected);
  });
});
