/** Infrastructure of the command center: the scheduled node sweeper, the indexes, and the console's static site. */
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { CASES_LAYOUT } from '#adapters/dynamodb/tables.ts';
import { CaseStore } from '../../infra/constructs/case-store.ts';
import {
  functionLogicalId,
  logicalId,
  resourcesOfType,
  synthesized,
  synthesizedTemplate,
  TEST_CONFIG,
  template,
} from './stack.ts';

const prefix = TEST_CONFIG.namePrefix;

describe('the node sweeper', () => {
  it('runs every 5 minutes, one run at a time, with retries and a dead-letter queue that alarms', () => {
    // Prepare
    const { nodeSweeper } = synthesized().stack;
    const fn = functionLogicalId(`${prefix}-sweep-nodes`);
    const dlq = logicalId(nodeSweeper.deadLetterQueue.node.defaultChild as never);

    // Act
    const resource = synthesizedTemplate().Resources[fn];

    // Assess
    expect(resource?.Properties?.ReservedConcurrentExecutions).toBe(1);
    expect(resource?.Properties?.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] } });
    template().hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [fn, 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlq, 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 1800 },
        }),
      ],
    });
    template().hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlq, 'QueueName'] } }],
    });
  });
});

describe('the cases table', () => {
  it('has every index of the shared layout, each projecting what its queries read', () => {
    // Act
    const [, table] =
      resourcesOfType('AWS::DynamoDB::Table').find(([, t]) =>
        JSON.stringify(t.Properties?.GlobalSecondaryIndexes ?? []).includes('gsi5'),
      ) ?? [];

    // Assess
    const indexes = (table?.Properties?.GlobalSecondaryIndexes ?? []) as { IndexName: string }[];
    expect(indexes.map((i) => i.IndexName)).toEqual(CASES_LAYOUT.indexes.map((i) => i.name));
  });

  it('can be upgraded one index per deployment (casesIndexes)', () => {
    // Prepare
    const stack = new Stack(new App(), 'Staged');
    const key = new Key(stack, 'Key', { enableKeyRotation: true });

    // Act
    const store = new CaseStore(stack, 'Store', { key, casesIndexes: 3 });

    // Assess
    expect(store.indexNames).toEqual(['gsi1', 'gsi2', 'gsi3']);
    const tables = Template.fromStack(stack).findResources('AWS::DynamoDB::Table');
    const cases = Object.values(tables).find((t) => JSON.stringify(t).includes('gsi1'));
    const indexes = (cases?.Properties?.GlobalSecondaryIndexes ?? []) as { IndexName: string }[];
    expect(indexes.map((i) => i.IndexName)).toEqual(['gsi1', 'gsi2', 'gsi3']);
  });
});

describe('the console site', () => {
  it('serves private files through CloudFront (origin access control, HTTPS, security headers) and the API under /v1', () => {
    // Prepare
    const { consoleSite, staffApi } = synthesized().stack;
    const bucket = logicalId(consoleSite.bucket.node.defaultChild as never);

    // Act
    const [, distribution] = resourcesOfType('AWS::CloudFront::Distribution')[0] ?? [];
    const config = distribution?.Properties?.DistributionConfig as Record<string, unknown>;

    // Assess
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https' });
    const api = (config.CacheBehaviors as Record<string, unknown>[]).find((b) => b.PathPattern === '/v1/*');
    expect(api).toMatchObject({ ViewerProtocolPolicy: 'https-only' });
    // The API's id, an output of its nested stack.
    expect(JSON.stringify(config.Origins)).toContain(logicalId(staffApi.rest.nestedStackResource as never));
    expect(JSON.stringify(config.Origins)).toContain('.execute-api.');
    expect(JSON.stringify(config.Origins)).toContain('OriginAccessControlId');
    template().hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { LogFilePrefix: 'console/' },
    });
    // The policy names the region's S3 hosts (the field app's signed PUTs), so it is a join, not a literal.
    const policy = resourcesOfType('AWS::CloudFront::ResponseHeadersPolicy')[0]?.[1];
    expect(JSON.stringify(policy?.Properties?.ResponseHeadersPolicyConfig)).toMatch(/default-src 'self'/);
    expect(bucket).toBeTruthy();
  });

  it('signs staff in with the hosted sign-in (code flow with PKCE, no secret) returning only to the site', () => {
    template().hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'profile'],
      GenerateSecret: false,
      // The console and the field app (field/index.html), both on the site.
      CallbackURLs: [
        Match.objectLike({ 'Fn::Join': Match.anyValue() }),
        Match.objectLike({ 'Fn::Join': Match.anyValue() }),
      ],
    });
    expect(resourcesOfType('AWS::Cognito::UserPoolDomain')).toHaveLength(1);
  });
});
