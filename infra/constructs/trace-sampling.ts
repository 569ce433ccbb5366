/**
 * X-Ray sampling below 1 (the stage setting `tracing.sampleRate`): sampling rules for Step Functions executions and
 * the staff API's requests, with no reservoir, so that only that share of them is traced at any rate (the default
 * rule traces the first request each second, which at a court's rate is nearly all). The functions a traced
 * execution or request calls follow its decision. The functions that start traces of their own (intake from
 * EventBridge, settle from SQS, record-evidence, the node sweeper on its schedule) are switched to PassThrough:
 * Lambda applies no sampling rule of its own, so they are traced only when the request that reached them was.
 *
 * A sampling rule applies to its service type in the whole account and region (the stage's name prefix in the
 * rule's name): a stage sharing an account with another sets the same rate, or the rule of lower priority number
 * wins for both. Docs: docs/case-store-writes.md, "X-Ray".
 */
import { Validations } from 'aws-cdk-lib';
import { CfnFunction, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSamplingRule } from 'aws-cdk-lib/aws-xray';
import { Construct } from 'constructs';

export interface TraceSamplingProps {
  readonly namePrefix: string;
  readonly stage: string;
  /** Share of executions and API requests traced, 0 to 1 (below 1: this construct is needed). */
  readonly sampleRate: number;
  /** Functions invoked by something other than a state machine or the staff API. */
  readonly entryFunctions: readonly IFunction[];
}

/** The service types the rules match (X-Ray "Configuring sampling rules": Step Functions, API Gateway). */
export const SAMPLED_SERVICES = {
  workflows: 'AWS::StepFunctions::StateMachine',
  api: 'AWS::ApiGateway::Stage',
} as const;

export class TraceSampling extends Construct {
  constructor(scope: Construct, id: string, props: TraceSamplingProps) {
    super(scope, id);
    for (const [name, serviceType] of Object.entries(SAMPLED_SERVICES)) {
      // Rule names are at most 32 characters.
      const ruleName = `${props.namePrefix}-${props.stage}-${name}`.slice(0, 32);
      new CfnSamplingRule(this, name, {
        samplingRule: {
          ruleName,
          priority: 100,
          fixedRate: props.sampleRate,
          reservoirSize: 0,
          serviceName: '*',
          serviceType,
          host: '*',
          httpMethod: '*',
          urlPath: '*',
          resourceArn: '*',
          version: 1,
        },
      });
    }
    for (const fn of props.entryFunctions) {
      const cfn = fn.node.defaultChild;
      if (cfn instanceof CfnFunction) cfn.tracingConfig = { mode: 'PassThrough' };
      Validations.of(fn).acknowledge({
        id: 'Serverless-LambdaTracing',
        reason:
          `The stage samples X-Ray traces (tracing.sampleRate ${props.sampleRate}): Lambda applies no sampling rule ` +
          'of its own, so this function, which starts traces of its own, passes through the decision of the ' +
          'request that reached it (traced when that request was). Its logs and metrics are kept.',
      });
    }
  }
}
