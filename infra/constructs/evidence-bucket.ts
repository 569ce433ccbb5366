/**
 * The evidence bucket: documents served and received in a case, kept as write-once versions under S3 Object
 * Lock with a default retention, encrypted with the customer-managed key, reachable only over TLS, and logged
 * to a separate access-log bucket. Object Created events go to EventBridge (the record-evidence function); a
 * lifecycle rule aborts multipart uploads nobody completed. Legal holds are set per object version by the
 * custody use cases (s3:PutObjectLegalHold, granted per function from the manifest).
 *
 * Storage over the retention (P-EVIDENCE-STORAGE): when a case is closed its objects are tagged `case-state=closed`;
 * lifecycle moves tagged objects to Glacier Instant Retrieval, and later to Glacier Deep Archive, from which staff
 * restore on demand. Transitions keep each version's Object Lock retention and legal hold (a storage-class change
 * is not a deletion). No lifecycle rule expires or deletes a version: retention ends by a person's decision.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectLockRetention,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { RULES } from '#domain/rules/table.ts';
import type { ObjectLockMode } from '../config.ts';

/** Days after which S3 aborts a multipart upload that was never completed (the smallest unit S3 offers). */
export const INCOMPLETE_UPLOAD_DAYS = 1;

/** RETAIN, or deleted with the stack after being emptied. */
export function retained(emptyOnDelete = false): { removalPolicy: RemovalPolicy; autoDeleteObjects?: true } {
  return emptyOnDelete
    ? { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true }
    : { removalPolicy: RemovalPolicy.RETAIN };
}

/** Closed cases' objects (tagged at closure) go to Instant Retrieval, then to Deep Archive: P-EVIDENCE-STORAGE. */
export function closedCaseTiers(rules = RULES) {
  const storage = rules.P_EVIDENCE_STORAGE;
  return {
    id: 'closed-case-evidence-tiers',
    prefix: 'cases/',
    tagFilters: { [storage.closedTag.key]: storage.closedTag.value },
    transitions: [
      {
        storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL,
        transitionAfter: Duration.days(storage.instantRetrievalAfterDays),
      },
      { storageClass: StorageClass.DEEP_ARCHIVE, transitionAfter: Duration.days(storage.archiveAfterDays) },
    ],
  };
}

export interface EvidenceBucketProps {
  readonly key: IKey;
  readonly objectLockMode: ObjectLockMode;
  readonly retentionDays: number;
  /**
   * Empty both buckets when the stack is deleted (a `destroy` stage): CDK's auto-delete custom resource. It cannot
   * delete a version still under its Object Lock retention, so the deletion fails until the retention has passed.
   * @default false (the buckets and their objects are retained)
   */
  readonly emptyOnDelete?: boolean;
}

export class EvidenceBucket extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: EvidenceBucketProps) {
    super(scope, id);
    // Log delivery through the log bucket's policy, not the LogDeliveryWrite ACL (ACLs are disabled below by
    // BUCKET_OWNER_ENFORCED). cdk.json sets this flag for the app; set here too so the construct holds alone.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    // S3 server access logging cannot deliver to an SSE-KMS bucket: the log bucket uses SSE-S3.
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      lifecycleRules: [
        {
          id: 'age-out-access-logs',
          transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }],
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
      ...retained(props.emptyOnDelete),
    });

    const retention = Duration.days(props.retentionDays);
    this.bucket = new Bucket(this, 'Bucket', {
      objectLockEnabled: true,
      objectLockDefaultRetention:
        props.objectLockMode === 'COMPLIANCE'
          ? ObjectLockRetention.compliance(retention)
          : ObjectLockRetention.governance(retention),
      versioned: true,
      encryption: BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'evidence/',
      lifecycleRules: [
        {
          id: 'abort-incomplete-multipart-uploads',
          // An upload link lives minutes; a multipart upload nobody completed is gone after a day, unrecorded.
          abortIncompleteMultipartUploadAfter: Duration.days(INCOMPLETE_UPLOAD_DAYS),
        },
        closedCaseTiers(),
      ],
      ...retained(props.emptyOnDelete),
    });
    // Object Created events go to EventBridge, where the record-evidence rule picks up cases/ keys. Set on the
    // CloudFormation bucket itself: `eventBridgeEnabled` would add CDK's notifications custom-resource function.
    (this.bucket.node.defaultChild as CfnBucket).addPropertyOverride(
      'NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled',
      true,
    );
  }
}
