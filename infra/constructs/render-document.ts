/**
 * The render-document function: renders a composed document to a PDF and signs it with the court's identity, for
 * the functions that issue documents (port `issuing`), which invoke it synchronously. It alone ships pdf-lib,
 * @signpdf, node-forge and the documents' font (so the steps stay small) and it alone may read and, on first use,
 * write the signing identity (so the functions that issue never hold the court's key).
 */
import { Duration } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ENV } from '#commons/config.ts';
import { functionEntry } from '../paths.ts';
import { StepFunction } from './step-function.ts';

export interface RenderDocumentProps {
  readonly namePrefix: string;
  readonly key: IKey;
  readonly memorySize: number;
  readonly logRetention: RetentionDays;
  readonly signingSecret: ISecret;
}

/** Below the callers' own timeout (30 s), with room for a cold render (about 0.7 s on 2 cores; see BENCHMARKS.md). */
export const RENDER_TIMEOUT = Duration.seconds(20);

export class RenderDocument extends Construct {
  readonly handler: StepFunction;

  constructor(scope: Construct, id: string, props: RenderDocumentProps) {
    super(scope, id);
    this.handler = new StepFunction(this, 'Function', {
      functionName: `${props.namePrefix}-render-document`,
      description: 'Renders and signs issued documents (PDF) for the functions that issue them',
      entry: functionEntry('render-document'),
      key: props.key,
      memorySize: props.memorySize,
      timeout: RENDER_TIMEOUT,
      logRetention: props.logRetention,
      documentFont: true,
      noDeadLetterQueueReason:
        'Invoked only synchronously (RequestResponse) by the functions that issue documents: a failure returns to ' +
        'the caller, whose own retry (the state machine, the staff API or the partner queue) handles it. A ' +
        'function dead-letter queue only receives failed asynchronous invocations.',
    });
    // The signing identity: read, and written once on first use (functions/adapters/aws/signing-keys.ts); the
    // secret is encrypted with the key.
    this.handler.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'],
        resources: [props.signingSecret.secretArn],
      }),
    );
    props.key.grant(this.handler.role, 'kms:Decrypt', 'kms:GenerateDataKey');
    this.handler.addEnvironment(ENV.signingSecret, props.signingSecret.secretArn);
  }
}
