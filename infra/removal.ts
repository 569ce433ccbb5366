/**
 * Removal by stage (StageConfig.removal). A `retain` stage keeps what each construct says (its data RETAIN, deletion
 * protection on). A `destroy` stage (dev) is made deletable as a whole by this aspect: every resource CloudFormation
 * would keep is deleted with the stack, and the protections that would make the deletion fail are off, so that
 * `cdk destroy` followed by `cdk deploy` works (nothing left behind holds a fixed name). Buckets are emptied by
 * their construct (autoDeleteObjects), which needs to be decided when the bucket is built.
 */
import { CfnDeletionPolicy, CfnResource, type IAspect, RemovalPolicy } from 'aws-cdk-lib';
import { CfnUserPool } from 'aws-cdk-lib/aws-cognito';
import { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import { CfnKey } from 'aws-cdk-lib/aws-kms';
import type { IConstruct } from 'constructs';

/** The shortest waiting period KMS allows before it deletes a key scheduled for deletion. */
export const DEV_KEY_PENDING_DAYS = 7;

const KEPT: readonly (CfnDeletionPolicy | undefined)[] = [CfnDeletionPolicy.RETAIN, CfnDeletionPolicy.SNAPSHOT];

export class DestroyWithStack implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof CfnResource)) return;
    if (
      KEPT.includes(node.cfnOptions.deletionPolicy) ||
      KEPT.includes(node.cfnOptions.updateReplacePolicy) ||
      node.cfnOptions.deletionPolicy === CfnDeletionPolicy.RETAIN_EXCEPT_ON_CREATE
    ) {
      node.applyRemovalPolicy(RemovalPolicy.DESTROY);
    }
    if (node instanceof CfnTable) node.deletionProtectionEnabled = false;
    if (node instanceof CfnUserPool) node.deletionProtection = 'INACTIVE';
    if (node instanceof CfnKey) node.pendingWindowInDays = DEV_KEY_PENDING_DAYS;
  }
}
