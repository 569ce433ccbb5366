/**
 * The whole backbone in one environment-agnostic stack: key, tables, evidence bucket, intake, the step
 * functions, the three state machines, settle, alerts and alarms.
 */
import { Aspects, CfnOutput, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpMethods } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { referenceData } from '#commons/reference-data.ts';
import { STACK_OUTPUTS, type StackOutput } from '#contracts/stack-outputs.ts';
import { FUNCTION_USES, STEP_USES } from '#steps/manifest.ts';
import { STEPS, type StepName } from '#workflows/steps.ts';
import { OIDC_USER_CLAIM_ENV, SIGN_IN_ENV } from '../../functions/api/apigateway.ts';
import type { StageConfig } from '../config.ts';
import { AlarmTopic } from '../constructs/alarm-topic.ts';
import { CaseStore } from '../constructs/case-store.ts';
import { CommandCenterDashboard } from '../constructs/command-center-dashboard.ts';
import { ConsoleSite } from '../constructs/console-site.ts';
import { EncryptionKey } from '../constructs/encryption-key.ts';
import { EvidenceBucket } from '../constructs/evidence-bucket.ts';
import { Intake } from '../constructs/intake.ts';
import { NodeSweeper } from '../constructs/node-sweeper.ts';
import { PartyKeySecret } from '../constructs/party-key.ts';
import { RecordEvidence } from '../constructs/record-evidence.ts';
import { RenderDocument } from '../constructs/render-document.ts';
import { Settle } from '../constructs/settle.ts';
import { SigningIdentitySecret } from '../constructs/signing-identity.ts';
import { StaffApi } from '../constructs/staff-api.ts';
import { StaffApiOidc } from '../constructs/staff-api-oidc.ts';
import { STEP_TIMEOUT, StepFunction } from '../constructs/step-function.ts';
import { TraceSampling } from '../constructs/trace-sampling.ts';
import { machineArn, machineName, Workflows } from '../constructs/workflows.ts';
import { type AccessTargets, grantPorts } from '../function-access.ts';
import { functionEntry, stepEntry } from '../paths.ts';
import { PinChinaRuntime, type Profile, setProfile } from '../profile.ts';
import { DestroyWithStack } from '../removal.ts';

/** The API function does a few DynamoDB round trips per request; API Gateway itself waits at most 29 seconds. */
const API_TIMEOUT = Duration.seconds(15);

export interface EnforcementStackProps extends StackProps {
  readonly config: StageConfig;
  /** The built console to deploy to its site (infra/console-files.ts). */
  readonly consoleFiles: string;
}

export class EnforcementStack extends Stack {
  readonly encryption: EncryptionKey;
  readonly store: CaseStore;
  readonly evidence: EvidenceBucket;
  readonly partyKey: PartyKeySecret;
  readonly signingIdentity: SigningIdentitySecret;
  /** Renders and signs the documents the steps and settle issue (the only holder of the signing identity). */
  readonly renderDocument: RenderDocument;
  readonly alarms: AlarmTopic;
  readonly intake: Intake;
  readonly settle: Settle;
  readonly recordEvidence: RecordEvidence;
  readonly steps: Readonly<Record<StepName, StepFunction>>;
  readonly workflows: Workflows;
  readonly apiFunction: StepFunction;
  readonly recordsApiFunction: StepFunction;
  readonly nodeSweeper: NodeSweeper;
  readonly commandCenter: CommandCenterDashboard;
  /** `global` or `china`, from the target region (infra/profile.ts). */
  readonly profile: Profile;
  /** The global profile's sign-in and console: Cognito, its MFA gate, the REST API, the CloudFront site. */
  private readonly globalSignIn?: {
    readonly mfaGate: StepFunction;
    readonly staffApi: StaffApi;
    readonly consoleSite: ConsoleSite;
  };
  /** The China profile's staff API (HTTP API, JWT authorizer of the court's OpenID Connect provider). */
  readonly chinaApi?: StaffApiOidc;

  constructor(scope: Construct, id: string, props: EnforcementStackProps) {
    super(scope, id, props);
    const { config } = props;
    const prefix = config.namePrefix;
    this.profile = setProfile(this, config);

    this.encryption = new EncryptionKey(this, 'Encryption', {
      alias: `${prefix}-data`,
      logGroupNamePatterns: [
        `/aws/lambda/${prefix}-*`,
        `/aws/vendedlogs/states/${prefix}-*`,
        `/aws/apigateway/${prefix}-*`,
      ],
    });
    const key = this.encryption.key;
    this.store = new CaseStore(this, 'CaseStore', {
      key,
      ...(config.casesIndexes !== undefined ? { casesIndexes: config.casesIndexes } : {}),
    });
    this.evidence = new EvidenceBucket(this, 'Evidence', {
      key,
      objectLockMode: config.evidence.objectLockMode,
      retentionDays: config.evidence.retentionDays,
      emptyOnDelete: config.removal === 'destroy',
    });
    this.partyKey = new PartyKeySecret(this, 'PartyKey', { key });
    this.signingIdentity = new SigningIdentitySecret(this, 'SigningIdentity', { key });
    this.encryption.allowCloudWatchAlarms();
    this.alarms = new AlarmTopic(this, 'Alarms', {
      topicName: `${prefix}-alarms`,
      key,
      ...(config.alarmEmail !== undefined ? { email: config.alarmEmail } : {}),
    });

    const functionSettings = { memorySize: config.memorySize, logRetention: config.logRetention };
    this.settle = new Settle(this, 'Settle', {
      namePrefix: prefix,
      key,
      ...functionSettings,
    });
    this.intake = new Intake(this, 'Intake', {
      namePrefix: prefix,
      encryption: this.encryption,
      store: this.store,
      ...functionSettings,
    });

    this.recordEvidence = new RecordEvidence(this, 'RecordEvidence', {
      namePrefix: prefix,
      encryption: this.encryption,
      bucket: this.evidence.bucket,
      alertBus: this.settle.alertBus,
      ...functionSettings,
    });

    this.renderDocument = new RenderDocument(this, 'RenderDocument', {
      namePrefix: prefix,
      key,
      signingSecret: this.signingIdentity.secret,
      ...functionSettings,
    });

    const targets: AccessTargets = {
      key,
      store: this.store,
      partnerQueue: this.settle.partnerQueue,
      intakeDeadLetterQueue: this.intake.deadLetterQueue,
      alertBus: this.settle.alertBus,
      serviceMachineArn: machineArn(this, machineName(prefix, 'service')),
      investigationMachineArn: machineArn(this, machineName(prefix, 'investigation')),
      closureMachineArn: machineArn(this, machineName(prefix, 'closure')),
      settlementMachineArn: machineArn(this, machineName(prefix, 'settlement')),
      coercionMachineArn: machineArn(this, machineName(prefix, 'coercion')),
      disposalMachineArn: machineArn(this, machineName(prefix, 'disposal')),
      nodeTaskMachineArn: machineArn(this, machineName(prefix, 'node-task')),
      renewalMachineArn: machineArn(this, machineName(prefix, 'renewal')),
      evidenceBucket: this.evidence.bucket,
      partyKeySecret: this.partyKey.secret,
      renderFunction: this.renderDocument.handler.function,
    };
    grantPorts(this.intake.handler, 'intake', FUNCTION_USES.intake, targets);
    grantPorts(this.settle.handler, 'settle', FUNCTION_USES.settle, targets);
    grantPorts(this.recordEvidence.handler, 'record-evidence', FUNCTION_USES['record-evidence'], targets);

    this.apiFunction = new StepFunction(this, 'Api', {
      functionName: `${prefix}-api`,
      description: 'Staff API: tasks, claims, assignments, case reads (decisions go to settle)',
      entry: functionEntry('api'),
      // Serves GET /openapi.json from the file beside its bundle (no JSON Schema generation in the bundle).
      openApiDocument: true,
      key,
      timeout: API_TIMEOUT,
      ...functionSettings,
      noDeadLetterQueueReason:
        'Invoked only by API Gateway (synchronous proxy integration): the caller receives every failure as an HTTP ' +
        'status. A function dead-letter queue only receives failed asynchronous invocations.',
    });
    grantPorts(this.apiFunction, 'api', FUNCTION_USES.api, targets);
    // The case file's routes (functions/api/records-api.ts): the one staff API function with S3 access.
    this.recordsApiFunction = new StepFunction(this, 'RecordsApi', {
      functionName: `${prefix}-records-api`,
      description: 'Staff API, the case file: evidence uploads and links, issued documents, journal, timeline',
      entry: functionEntry('records-api'),
      key,
      timeout: API_TIMEOUT,
      ...functionSettings,
      noDeadLetterQueueReason:
        'Invoked only by API Gateway (synchronous proxy integration): the caller receives every failure as an HTTP ' +
        'status. A function dead-letter queue only receives failed asynchronous invocations.',
    });
    grantPorts(this.recordsApiFunction, 'records-api', FUNCTION_USES['records-api'], targets);
    if (this.profile.name === 'china') {
      this.chinaApi = this.chinaStaffApi(config, key);
    } else {
      this.globalSignIn = this.globalStaffApi(props, key);
    }

    this.nodeSweeper = new NodeSweeper(this, 'NodeSweeper', { namePrefix: prefix, key, ...functionSettings });
    grantPorts(this.nodeSweeper.handler, 'sweep-nodes', FUNCTION_USES['sweep-nodes'], targets);

    const steps = {} as Record<StepName, StepFunction>;
    for (const step of STEPS) {
      steps[step] = new StepFunction(this, `Step-${step}`, {
        functionName: `${prefix}-${step}`,
        description: `State-machine step ${step}`,
        entry: stepEntry(step),
        key,
        timeout: STEP_TIMEOUT,
        ...functionSettings,
        noDeadLetterQueueReason:
          'Invoked only by Step Functions through lambda:invoke (RequestResponse, synchronous): a failure returns ' +
          "to the state machine, whose Retry and Catch handle it (the catch-all parks the case in 'needs " +
          "attention'). A function dead-letter queue only receives failed asynchronous invocations.",
      });
      grantPorts(steps[step], step, STEP_USES[step], targets);
    }
    this.steps = steps;

    // X-Ray sampling below every execution (the stage's tracing.sampleRate; none without X-Ray, as in China).
    if (this.profile.tracing && config.tracing.sampleRate < 1) {
      new TraceSampling(this, 'TraceSampling', {
        namePrefix: prefix,
        stage: config.stage,
        sampleRate: config.tracing.sampleRate,
        entryFunctions: [this.intake, this.settle, this.recordEvidence, this.nodeSweeper].map(
          (c) => c.handler.function,
        ),
      });
    }

    this.workflows = new Workflows(this, 'Workflows', {
      namePrefix: prefix,
      key,
      logRetention: config.logRetention,
      functions: Object.fromEntries(STEPS.map((step) => [step, steps[step].function])) as Record<
        StepName,
        StepFunction['function']
      >,
    });

    const alarms = [
      ...Object.values(this.workflows.failureAlarms),
      this.intake.deadLetterAlarm,
      this.settle.deadLetterAlarm,
      this.recordEvidence.deadLetterAlarm,
      this.nodeSweeper.deadLetterAlarm,
    ];
    this.commandCenter = new CommandCenterDashboard(this, 'CommandCenter', {
      namePrefix: prefix,
      api: this.globalSignIn?.staffApi.api ?? (this.chinaApi as StaffApiOidc).api,
      machines: this.workflows.machines,
      courts: referenceData().staff.document.courts.map((court) => court.code),
      otherAlarms: alarms,
    });
    for (const alarm of [...alarms, ...this.commandCenter.alarms]) this.alarms.notify(alarm);
    this.operatorOutputs();
    if (config.removal === 'destroy') Aspects.of(this).add(new DestroyWithStack());
    if (this.profile.name === 'china') Aspects.of(this).add(new PinChinaRuntime());
  }

  /** AWS global: the Cognito user pool with its MFA gate, the REST API, and the console on CloudFront. */
  private globalStaffApi(
    props: EnforcementStackProps,
    key: EncryptionKey['key'],
  ): NonNullable<EnforcementStack['globalSignIn']> {
    const { config } = props;
    const prefix = config.namePrefix;
    const mfaGate = new StepFunction(this, 'MfaGate', {
      functionName: `${prefix}-mfa-gate`,
      description: 'Cognito pre-token-generation trigger: president and panel-member roles only with MFA',
      entry: functionEntry('auth'),
      key,
      timeout: Duration.seconds(5),
      memorySize: config.memorySize,
      logRetention: config.logRetention,
      noDeadLetterQueueReason:
        'Invoked only by Cognito, synchronously, while it issues a token: a failure fails that sign-in, which the ' +
        'user retries. A function dead-letter queue only receives failed asynchronous invocations.',
    });
    const staffApi = new StaffApi(this, 'StaffApi', {
      namePrefix: prefix,
      key,
      apiFunction: this.apiFunction.function,
      recordsApiFunction: this.recordsApiFunction.function,
      settleFunction: this.settle.handler.function,
      mfaGate,
      logRetention: config.logRetention,
      waf: config.api.waf,
      throttle: { rate: config.api.rateLimit, burst: config.api.burstLimit },
    });

    const consoleSite = new ConsoleSite(this, 'Console', {
      namePrefix: prefix,
      api: staffApi.api,
      userPool: staffApi.userPool,
      accessLogs: this.evidence.accessLogs,
      signInDomainPrefix: config.signInDomainPrefix ?? this.defaultSignInDomainPrefix(config),
      files: props.consoleFiles,
      key,
      logRetention: config.logRetention,
      emptyOnDelete: config.removal === 'destroy',
      // The field app's signed PUTs go to the evidence bucket (virtual-hosted, as the SDK's presigner writes them).
      // Regional S3 hosts, not the bucket's own: naming the bucket here would close a dependency cycle (the bucket's
      // CORS rule names the distribution, whose headers policy would name the bucket), and the generated bucket
      // name of a retained Object Lock bucket cannot be changed to a fixed one. script-src 'self' stays the guard.
      evidenceUploadOrigin: `https://*.s3.${this.region}.${this.urlSuffix}`,
    });
    // The field app (/field/ on the console's site) PUTs evidence straight to the bucket through signed URLs:
    // only from the site's origin, only the signed headers, the ETag readable (multipart parts).
    this.evidence.bucket.addCorsRule({
      allowedMethods: [HttpMethods.PUT],
      allowedOrigins: [`https://${consoleSite.distribution.distributionDomainName}`],
      allowedHeaders: ['content-type', 'x-amz-checksum-sha256', 'x-amz-sdk-checksum-algorithm'],
      exposedHeaders: ['ETag'],
      maxAge: 3000,
    });
    return { mfaGate, staffApi, consoleSite };
  }

  /**
   * AWS China: no Cognito user pool (none in the China regions); the HTTP API with a JWT authorizer of the court's
   * OpenID Connect provider, and the functions reading roles and court from the staff directory. No CloudFront site:
   * the console is served inside the court's network (docs/deploy-aws-china.md).
   */
  private chinaStaffApi(config: StageConfig, key: EncryptionKey['key']): StaffApiOidc {
    const oidc = config.oidc;
    if (!oidc) throw new Error('the China profile needs the court OpenID Connect provider (oidcIssuer, oidcAudience)');
    for (const fn of [this.apiFunction.function, this.recordsApiFunction.function, this.settle.handler.function]) {
      fn.addEnvironment(SIGN_IN_ENV, 'oidc');
      if (oidc.userClaim) fn.addEnvironment(OIDC_USER_CLAIM_ENV, oidc.userClaim);
    }
    return new StaffApiOidc(this, 'StaffApi', {
      namePrefix: config.namePrefix,
      key,
      apiFunction: this.apiFunction.function,
      recordsApiFunction: this.recordsApiFunction.function,
      settleFunction: this.settle.handler.function,
      oidc,
      logRetention: config.logRetention,
      throttle: { rate: config.api.rateLimit, burst: config.api.burstLimit },
    });
  }

  get staffApi(): StaffApi {
    if (!this.globalSignIn) throw new Error('the China profile has no Cognito staff API (see chinaApi)');
    return this.globalSignIn.staffApi;
  }

  get mfaGate(): StepFunction {
    if (!this.globalSignIn) throw new Error('the China profile has no Cognito MFA gate');
    return this.globalSignIn.mfaGate;
  }

  get consoleSite(): ConsoleSite {
    if (!this.globalSignIn) throw new Error('the China profile has no CloudFront console site');
    return this.globalSignIn.consoleSite;
  }

  /** What `enforce aws smoke` and `enforce aws staff` read (functions/contracts/stack-outputs.ts). */
  private operatorOutputs(): void {
    const outputs: Partial<Record<StackOutput, [string, string]>> = {
      [STACK_OUTPUTS.intakeBus]: [this.intake.bus.eventBusName, 'Intake bus: put EnforcementCaseFiled events here'],
      [STACK_OUTPUTS.casesTable]: [this.store.cases.tableName, 'Cases table (case records, approvals, documents)'],
      [STACK_OUTPUTS.journalTable]: [this.store.journal.tableName, 'Journal table (every commit of every case)'],
    };
    if (this.globalSignIn) {
      const { staffApi, consoleSite } = this.globalSignIn;
      outputs[STACK_OUTPUTS.userPool] = [staffApi.userPool.userPoolId, 'Staff user pool (enforce aws staff sync)'];
      outputs[STACK_OUTPUTS.consoleUrl] = [
        `https://${consoleSite.distribution.distributionDomainName}/`,
        'Staff console',
      ];
    }
    if (this.chinaApi) {
      outputs[STACK_OUTPUTS.staffApiUrl] = [
        this.chinaApi.url,
        'Staff API (the console is served in the court network)',
      ];
    }
    for (const [key, entry] of Object.entries(outputs)) {
      if (entry) new CfnOutput(this, key, { value: entry[0], description: entry[1] });
    }
  }

  /**
   * `<prefix>-<stage>-<8 hex digits>`: the hosted sign-in domain is global across AWS, so the default carries the
   * first group of this stack's id (a UUID CloudFormation assigns), unique to each deployment, in any account.
   */
  private defaultSignInDomainPrefix(config: StageConfig): string {
    const stackUuid = Fn.select(2, Fn.split('/', this.stackId));
    return Fn.join('-', [config.namePrefix, config.stage, Fn.select(0, Fn.split('-', stackUuid))]);
  }
}
