/** The topic every alarm notifies: KMS-encrypted, TLS-only, with an optional e-mail subscription. */
import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface AlarmTopicProps {
  readonly topicName: string;
  readonly key: IKey;
  readonly email?: string;
}

export class AlarmTopic extends Construct {
  readonly topic: Topic;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      topicName: props.topicName,
      displayName: 'Enforcement alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    // The topic policy replaces SNS's default one: CloudWatch alarms of this account are allowed explicitly.
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisAccount',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    if (props.email !== undefined) {
      const subscription = this.topic.addSubscription(new EmailSubscription(props.email));
      Validations.of(subscription).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason:
          'E-mail subscription of the alarm topic: SNS already retries delivery, and a notification that still ' +
          'fails (unconfirmed or bouncing address) cannot be fixed by a redrive; the alarm itself stays in ' +
          'ALARM state in CloudWatch, so nothing is lost without a dead-letter queue.',
      });
    }
    this.action = new SnsAction(this.topic);
  }

  /** Notifies the topic when the alarm fires and when it recovers. */
  notify(alarm: Alarm): void {
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
  }
}
