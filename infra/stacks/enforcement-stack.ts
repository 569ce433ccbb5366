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
import { Settle } from '../constructs/settle.ts';
import { StaffApi } from '../constructs/staff-api.ts';
import { STEP_TIMEOUT, StepFunction } from '../constructs/step-function.ts';
import { machineArn, machineName, Workflows } from '../constructs/workflows.ts';
import { type AccessTargets, grantPorts } from '../function-access.ts';
import { functionEntry, stepEntry } from '../paths.ts';
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
  readonly alarms: AlarmTopic;
  readonly intake: Intake;
  readonly settle: Settle;
  readonly recordEvidence: RecordEvidence;
  readonly steps: Readonly<Record<StepName, StepFunction>>;
  readonly workflows: Workflows;
  readonly apiFunction: StepFunction;
  readonly mfaGate: StepFunction;
  readonly staffApi: StaffApi;
  readonly nodeSweeper: NodeSweeper;
  readonly consoleSite: ConsoleSite;
  readonly commandCenter: CommandCenterDashboard;

  constructor(scope: Construct, id: string, props: EnforcementStackProps) {
    super(scope, id, props);
    const { config } = props;
    const prefix = config.namePrefix;

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
    this.encryption.allowCloudWatchAlarms();
    this.alarms = new AlarmTopic(this, 'Alarms', {
      topicName: `${prefix}-alarms`,
      key,
      ...(config.alarmEmail !== undefined ? { email: config.alarmEmail } : {}),
    });

    const functionSettings = { memorySize: config.memorySize, logRetention: config.logRetention };
    this.settle = new Settle(this, 'Settle', { namePrefix: prefix, key, ...functionSettings });
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

    const targets: AccessTargets = {
      key,
      store: this.store,
      partnerQueue: this.settle.partnerQueue,
      intakeDeadLetterQueue: this.intake.deadLetterQueue,
      alertBus: this.settle.alertBus,
      serviceMachineArn: machineArn(this, machineName(prefix, 'service')),
      closureMachineArn: machineArn(this, machineName(prefix, 'closure')),
      settlementMachineArn: machineArn(this, machineName(prefix, 'settlement')),
      nodeTaskMachineArn: machineArn(this, machineName(prefix, 'node-task')),
      evidenceBucket: this.evidence.bucket,
      partyKeySecret: this.partyKey.secret,
    };
    grantPorts(this.intake.handler, 'intake', FUNCTION_USES.intake, targets);
    grantPorts(this.settle.handler, 'settle', FUNCTION_USES.settle, targets);
    grantPorts(this.recordEvidence.handler, 'record-evidence', FUNCTION_USES['record-evidence'], targets);

    this.apiFunction = new StepFunction(this, 'Api', {
      functionName: `${prefix}-api`,
      description: 'Staff API: tasks, claims, assignments, case reads (decisions go to settle)',
      entry: functionEntry('api'),
      key,
      timeout: API_TIMEOUT,
      ...functionSettings,
      noDeadLetterQueueReason:
        'Invoked only by API Gateway (synchronous proxy integration): the caller receives every failure as an HTTP ' +
        'status. A function dead-letter queue only receives failed asynchronous invocations.',
    });
    grantPorts(this.apiFunction, 'api', FUNCTION_USES.api, targets);
    this.mfaGate = new StepFunction(this, 'MfaGate', {
      functionName: `${prefix}-mfa-gate`,
      description: 'Cognito pre-token-generation trigger: president and panel-member roles only with MFA',
      entry: functionEntry('auth'),
      key,
      timeout: Duration.seconds(5),
      ...functionSettings,
      noDeadLetterQueueReason:
        'Invoked only by Cognito, synchronously, while it issues a token: a failure fails that sign-in, which the ' +
        'user retries. A function dead-letter queue only receives failed asynchronous invocations.',
    });
    this.staffApi = new StaffApi(this, 'StaffApi', {
      namePrefix: prefix,
      key,
      apiFunction: this.apiFunction.function,
      settleFunction: this.settle.handler.function,
      mfaGate: this.mfaGate,
      logRetention: config.logRetention,
      waf: config.api.waf,
      throttle: { rate: config.api.rateLimit, burst: config.api.burstLimit },
    });

    this.consoleSite = new ConsoleSite(this, 'Console', {
      namePrefix: prefix,
      api: this.staffApi.api,
      userPool: this.staffApi.userPool,
      accessLogs: this.evidence.accessLogs,
      signInDomainPrefix: config.signInDomainPrefix ?? this.defaultSignInDomainPrefix(config),
      files: props.consoleFiles,
      key,
      logRetention: config.logRetention,
      emptyOnDelete: config.removal === 'destroy',
    });
    // The field app (/field/ on the console's site) PUTs evidence straight to the bucket through signed URLs:
    // only from the site's origin, only the signed headers, the ETag readable (multipart parts).
    this.evidence.bucket.addCorsRule({
      allowedMethods: [HttpMethods.PUT],
      allowedOrigins: [`https://${this.consoleSite.distribution.distributionDomainName}`],
      allowedHeaders: ['content-type', 'x-amz-checksum-sha256', 'x-amz-sdk-checksum-algorithm'],
      exposedHeaders: ['ETag'],
      maxAge: 3000,
    });

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
      api: this.staffApi.api,
      machines: this.workflows.machines,
      courts: referenceData().staff.document.courts.map((court) => court.code),
      otherAlarms: alarms,
    });
    for (const alarm of [...alarms, ...this.commandCenter.alarms]) this.alarms.notify(alarm);
    this.operatorOutputs();
    if (config.removal === 'destroy') Aspects.of(this).add(new DestroyWithStack());
  }

  /** What `enforce aws smoke` and `enforce aws staff` read (functions/contracts/stack-outputs.ts). */
  private operatorOutputs(): void {
    const outputs: Record<StackOutput, [string, string]> = {
      [STACK_OUTPUTS.intakeBus]: [this.intake.bus.eventBusName, 'Intake bus: put EnforcementCaseFiled events here'],
      [STACK_OUTPUTS.casesTable]: [this.store.cases.tableName, 'Cases table (case records, approvals, documents)'],
      [STACK_OUTPUTS.journalTable]: [this.store.journal.tableName, 'Journal table (every commit of every case)'],
      [STACK_OUTPUTS.userPool]: [this.staffApi.userPool.userPoolId, 'Staff user pool (enforce aws staff sync)'],
      [STACK_OUTPUTS.consoleUrl]: [`https://${this.consoleSite.distribution.distributionDomainName}/`, 'Staff console'],
    };
    for (const [key, [value, description]] of Object.entries(outputs)) new CfnOutput(this, key, { value, description });
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
