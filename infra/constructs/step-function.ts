/**
 * One Lambda function of the app (a state-machine step, intake or settle): Node.js 24 on arm64, bundled by
 * esbuild as minified ESM with source maps, X-Ray tracing, its own KMS-encrypted log group with retention, and
 * its own role with no AWS managed policy: everything it may do is granted explicitly (see function-access.ts).
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Tracing } from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PROJECT_ROOT } from '../paths.ts';
import { CHINA_RUNTIME_REASON, GLOBAL_LAMBDA_RUNTIME, profileOf } from '../profile.ts';

/** Defines `require` inside the ESM bundle for the CommonJS dependencies esbuild inlines. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * SDK packages left to the one the Lambda runtime provides (the Node.js runtimes ship the AWS SDK for JavaScript
 * v3): loaded from the runtime, they cost no bundle bytes and are shared with its own start-up.
 */
export const RUNTIME_SDK_MODULES = [
  '@aws-sdk/client-dynamodb',
  '@aws-sdk/lib-dynamodb',
  '@aws-sdk/client-sfn',
  '@aws-sdk/client-sqs',
  '@aws-sdk/client-eventbridge',
  '@aws-sdk/client-secrets-manager',
  '@aws-sdk/client-lambda',
  // The evidence store and the issued documents' PDFs. Presigning does not use it: the evidence store signs its
  // upload and download URLs itself (functions/adapters/s3/presigner.ts, @smithy/signature-v4 pinned and bundled).
  '@aws-sdk/client-s3',
  // The MFA trigger's AdminGetUser.
  '@aws-sdk/client-cognito-identity-provider',
] as const;

/** What a function leaves to the runtime (every function: the same list). */
export function externalModules(): string[] {
  return [...RUNTIME_SDK_MODULES];
}

/** Steps do a few DynamoDB round trips; a step that needs longer is a step to split. */
export const STEP_TIMEOUT = Duration.seconds(30);

/** Why the China profile runs without X-Ray (cdk-nag acknowledgements cite it). */
export const CHINA_NO_XRAY_REASON =
  'AWS China regions: X-Ray integration with Lambda functions is not available (Getting Started with Amazon Web ' +
  'Services in China, Amazon Lambda: docs.amazonaws.cn/en_us/aws/latest/userguide/lambda.html); the functions log ' +
  'and publish metrics instead, and Powertools Tracer is disabled.';

export interface StepFunctionProps {
  /** Physical name, e.g. `enforcement-triage`; the log group is `/aws/lambda/<name>`. */
  readonly functionName: string;
  readonly description: string;
  /** Absolute path of the handler module (exports `handler`). */
  readonly entry: string;
  readonly key: IKey;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly logRetention: RetentionDays;
  /**
   * Where failed asynchronous invocations go. A function that is never invoked asynchronously states why
   * instead, in `noDeadLetterQueueReason`; one of the two is required.
   */
  readonly deadLetterQueue?: IQueue;
  readonly noDeadLetterQueueReason?: string;
  /** Reserved concurrency (e.g. 1 for a function whose runs must not overlap). @default none */
  readonly reservedConcurrency?: number;
  /**
   * Ships the documents' CJK font (Noto Serif SC, SIL OFL 1.1) beside the bundle: the functions that issue
   * documents (port `issuing`) render PDFs. @default false
   */
  readonly documentFont?: boolean;
  /**
   * Ships the staff API's OpenAPI document (api/openapi.json, `npm run schemas`) beside the bundle as
   * `openapi.json`: the api function serves it from there and bundles no JSON Schema generation. @default false
   */
  readonly openApiDocument?: boolean;
}

/** The font's WOFF in the project, copied beside the bundle as the renderer expects it (BUNDLED_FONT). */
const FONT_SOURCE = `${PROJECT_ROOT}/node_modules/@fontsource/noto-serif-sc/files/noto-serif-sc-chinese-simplified-400-normal.woff`;

/** The OpenAPI document as `npm run schemas` writes it (a test keeps it equal to the route table's). */
const OPENAPI_SOURCE = `${PROJECT_ROOT}/api/openapi.json`;

export class StepFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  /** The documents' font ships beside the bundle (StepFunctionProps.documentFont). */
  readonly documentFont: boolean;
  /** The OpenAPI document ships beside the bundle (StepFunctionProps.openApiDocument). */
  readonly openApiDocument: boolean;
  private readonly unscopedReasons: string[] = [];

  constructor(scope: Construct, id: string, props: StepFunctionProps) {
    super(scope, id);
    if ((props.deadLetterQueue === undefined) === (props.noDeadLetterQueueReason === undefined)) {
      throw new Error(`${props.functionName}: give exactly one of deadLetterQueue and noDeadLetterQueueReason`);
    }

    this.documentFont = props.documentFont ?? false;
    this.openApiDocument = props.openApiDocument ?? false;
    // Files copied beside the bundle: source -> name in the function's directory.
    const beside: [string, string][] = [
      ...(this.documentFont ? [[FONT_SOURCE, 'noto-serif-sc.woff'] as [string, string]] : []),
      ...(this.openApiDocument ? [[OPENAPI_SOURCE, 'openapi.json'] as [string, string]] : []),
    ];
    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      encryptionKey: props.key,
      retention: props.logRetention,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.functionName}`,
    });
    // Instead of AWSLambdaBasicExecutionRole: write to this function's own log group only.
    this.logGroup.grantWrite(this.role);

    const profile = profileOf(this);
    this.function = new NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      description: props.description,
      entry: props.entry,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}/package-lock.json`,
      runtime: profile.runtime,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      ...(profile.tracing ? { tracing: Tracing.ACTIVE } : {}),
      role: this.role,
      logGroup: this.logGroup,
      // Without X-Ray (China), Powertools Tracer is switched off rather than left to find no daemon.
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...(profile.tracing ? {} : { POWERTOOLS_TRACE_ENABLED: 'false' }),
      },
      ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue } : {}),
      ...(props.reservedConcurrency !== undefined ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      bundling: {
        format: OutputFormat.ESM,
        target: profile.bundlingTarget,
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // The rule table, the templates and the staff-facing text are Chinese: as UTF-8 a character is 3 bytes;
        // esbuild's default (ASCII, \uXXXX escapes) makes it 6 (about a fifth of a step's bundle).
        charset: Charset.UTF8,
        externalModules: externalModules(),
        banner: ESM_REQUIRE_BANNER,
        ...(beside.length > 0
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (_input: string, output: string) =>
                  beside.map(([source, name]) => `cp "${source}" "${output}/${name}"`),
              },
            }
          : {}),
      },
    });

    if (props.deadLetterQueue) {
      // Lambda grants sqs:SendMessage for the dead-letter queue; the queue is encrypted with the key.
      props.key.grant(this.role, 'kms:Decrypt', 'kms:GenerateDataKey');
    }
    if (props.noDeadLetterQueueReason !== undefined) {
      Validations.of(this.function).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason: props.noDeadLetterQueueReason,
      });
    }
    if (profile.tracing) {
      // Tracing.ACTIVE makes CDK grant these with Resource "*".
      this.explainUnscoped(
        ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
        'X-Ray trace upload for active tracing supports no resource-level permissions',
      );
    } else {
      Validations.of(this.function).acknowledge({
        id: 'Serverless-LambdaTracing',
        reason: CHINA_NO_XRAY_REASON,
      });
    }
    if (profile.runtime !== GLOBAL_LAMBDA_RUNTIME) {
      for (const id of ['AwsSolutions-L1', 'Serverless-LambdaLatestVersion']) {
        Validations.of(this.function).acknowledge({ id, reason: CHINA_RUNTIME_REASON });
      }
    }
  }

  /** Grants actions that support no resource-level permissions (Resource "*"), saying why they are needed. */
  grantUnscoped(actions: readonly string[], reason: string): void {
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: [...actions], resources: ['*'] }),
    );
    this.explainUnscoped(actions, reason);
  }

  /**
   * Acknowledges AwsSolutions-IAM5[Resource::*] on this role, with the reasons for every unscoped action so far
   * (an acknowledgement of the same id on the same construct replaces the earlier one).
   */
  private explainUnscoped(actions: readonly string[], reason: string): void {
    this.unscopedReasons.push(`${reason} (${actions.join(', ')})`);
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: `Resource "*" only for actions without resource-level permissions: ${this.unscopedReasons.join('; ')}.`,
    });
  }

  addEnvironment(name: string, value: string): void {
    this.function.addEnvironment(name, value);
  }
}
