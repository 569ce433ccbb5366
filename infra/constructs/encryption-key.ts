/**
 * The customer-managed KMS key for everything at rest: tables, evidence, queues, log groups, state machines,
 * the alarm topic. IAM principals of this account get access through their own policies (the default key
 * policy delegates to IAM); AWS services that encrypt on our behalf get narrow key-policy statements here.
 */
import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface EncryptionKeyProps {
  /** Alias without `alias/`. */
  readonly alias: string;
  /** Log-group name patterns (e.g. `/aws/lambda/enforcement-*`) whose CloudWatch Logs encryption may use the key. */
  readonly logGroupNamePatterns: readonly string[];
}

export class EncryptionKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new Key(this, 'Key', {
      alias: props.alias,
      description: 'Enforcement case data at rest: tables, evidence, queues, logs, state machines',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // CloudWatch Logs encrypts log groups with the key; only ours, named by the encryption context.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsEncryptOurLogGroups',
        principals: [new ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': props.logGroupNamePatterns.map((pattern) =>
              stack.formatArn({
                service: 'logs',
                resource: 'log-group',
                resourceName: pattern,
                arnFormat: ArnFormat.COLON_RESOURCE_NAME,
              }),
            ),
          },
        },
      }),
    );
  }

  /**
   * EventBridge encrypts what it sends to a KMS-encrypted dead-letter queue with the key. Scoped to the rules of
   * one bus by name (not by rule ARN: the rule depends on the function, whose log group depends on this key).
   */
  allowEventBridgeRules(busName: string): void {
    this.allowEventBridgeRuleArns(`EventBridgeRulesOf${busName.replace(/[^A-Za-z0-9]/g, '')}`, `${busName}/*`);
  }

  /** The same, for one named rule of the account's default bus (where S3 sends its events). */
  allowEventBridgeDefaultBusRule(ruleName: string): void {
    this.allowEventBridgeRuleArns(`EventBridgeRule${ruleName.replace(/[^A-Za-z0-9]/g, '')}`, ruleName);
  }

  private allowEventBridgeRuleArns(sid: string, resourceName: string): void {
    const stack = Stack.of(this);
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid,
        principals: [new ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'events',
              resource: 'rule',
              resourceName,
            }),
          },
        },
      }),
    );
  }

  /**
   * CloudWatch alarms publish to the KMS-encrypted alarm topic. This is the statement CloudWatch documents; it
   * carries no source condition because CloudWatch does not document passing one to KMS, and a condition that
   * never matches would silently drop every alarm notification.
   */
  allowCloudWatchAlarms(): void {
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToEncryptedTopic',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
      }),
    );
  }
}
