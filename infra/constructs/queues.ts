/** SQS queues: always KMS-encrypted with the customer-managed key and reachable only over TLS. */
import { Duration, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** Longest SQS retention: an operator has two weeks to inspect and redrive a dead letter. */
export const DEAD_LETTER_RETENTION = Duration.days(14);

/**
 * A queue at the end of the line (a dead-letter queue): it has no dead-letter queue itself, which cdk-nag's
 * Serverless-SQSRedrivePolicy asks for; `reason` says why none is needed and is recorded as the acknowledgement.
 */
export function terminalDeadLetterQueue(scope: Construct, id: string, key: IKey, reason: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.KMS,
    encryptionMasterKey: key,
    dataKeyReuse: Duration.minutes(5),
    enforceSSL: true,
    retentionPeriod: DEAD_LETTER_RETENTION,
  });
  Validations.of(queue).acknowledge({ id: 'Serverless-SQSRedrivePolicy', reason });
  return queue;
}
