/**
 * The three Standard state machines, deployed from the very definitions the embedded runtime runs
 * (workflows/index.ts). Placeholders `${FnX}` / `${MachineX}` become CloudFormation DefinitionSubstitutions:
 * function ARNs, and state-machine ARNs built from the machines' fixed names (a machine that starts another
 * needs its ARN, and a Ref would tie the two together in a cycle for no benefit).
 */
import { ArnFormat, Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { type Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  CustomerManagedEncryptionConfiguration,
  DefinitionBody,
  LogLevel,
  StateMachine,
  StateMachineType,
} from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { DEFINITIONS, MACHINES, type MachineName } from '#workflows/index.ts';
import { functionKey, MACHINE_KEYS, STEPS, type StepName } from '#workflows/steps.ts';
import { profileOf } from '../profile.ts';

export function machineName(namePrefix: string, machine: MachineName): string {
  return `${namePrefix}-${machine}`;
}

/** The ARN of a state machine of this stack, from its name alone (no reference to the resource). */
export function machineArn(scope: Construct, name: string): string {
  return Stack.of(scope).formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: name,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/** The DefinitionSubstitutions key of the partition, in the China profile's definitions. */
export const PARTITION_KEY = 'AwsPartition';
/** A service integration's resource in the global partition, as the definitions spell it. */
const GLOBAL_SERVICE_INTEGRATION = /"arn:aws(:states:::)/g;

export interface DefinitionReferences {
  readonly steps: readonly StepName[];
  readonly machines: readonly MachineName[];
}

const STEP_OF_KEY: ReadonlyMap<string, StepName> = new Map(STEPS.map((step) => [functionKey(step), step]));
const MACHINE_OF_KEY: ReadonlyMap<string, MachineName> = new Map(
  MACHINES.map((machine) => [MACHINE_KEYS[machine], machine]),
);

/** The steps and machines a definition's placeholders name; an unknown placeholder is an error. */
export function definitionReferences(definition: unknown): DefinitionReferences {
  const steps = new Set<StepName>();
  const machines = new Set<MachineName>();
  for (const [, key] of JSON.stringify(definition).matchAll(/\$\{([A-Za-z0-9]+)\}/g)) {
    const step = key === undefined ? undefined : STEP_OF_KEY.get(key);
    const machine = key === undefined ? undefined : MACHINE_OF_KEY.get(key);
    if (step) steps.add(step);
    else if (machine) machines.add(machine);
    else throw new Error(`definition placeholder \${${key}} names no step function and no state machine`);
  }
  return { steps: [...steps], machines: [...machines] };
}

export interface WorkflowsProps {
  readonly namePrefix: string;
  readonly key: IKey;
  readonly logRetention: RetentionDays;
  readonly functions: Readonly<Record<StepName, IFunction>>;
}

export class Workflows extends Construct {
  readonly machines: Readonly<Record<MachineName, StateMachine>>;
  readonly failureAlarms: Readonly<Record<MachineName, Alarm>>;

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const machines = {} as Record<MachineName, StateMachine>;
    const alarms = {} as Record<MachineName, Alarm>;
    for (const machine of MACHINES) {
      machines[machine] = this.machine(machine, props);
      alarms[machine] = machines[machine]
        .metricFailed({ period: Duration.minutes(5), statistic: 'Sum' })
        .createAlarm(this, `${machine}-failed`, {
          alarmName: `${machineName(props.namePrefix, machine)}-executions-failed`,
          alarmDescription: `An execution of ${machineName(props.namePrefix, machine)} failed: a case needs attention.`,
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        });
    }
    this.machines = machines;
    this.failureAlarms = alarms;
  }

  private machine(machine: MachineName, props: WorkflowsProps): StateMachine {
    const name = machineName(props.namePrefix, machine);
    const definition = DEFINITIONS[machine];
    const references = definitionReferences(definition);

    const substitutions: Record<string, string> = {};
    for (const step of references.steps) substitutions[functionKey(step)] = props.functions[step].functionArn;
    const startedArns = references.machines.map((started) => machineArn(this, machineName(props.namePrefix, started)));
    references.machines.forEach((started, i) => {
      substitutions[MACHINE_KEYS[started]] = startedArns[i] as string;
    });

    const profile = profileOf(this);
    // The definitions name their service integrations in the global partition (what the embedded runtime runs);
    // in the China profile (partition aws-cn) the deployed definition takes the stack's partition instead.
    let definitionText = JSON.stringify(definition);
    if (profile.name === 'china') {
      definitionText = definitionText.replace(GLOBAL_SERVICE_INTEGRATION, `"arn:\${${PARTITION_KEY}}$1`);
      substitutions[PARTITION_KEY] = Aws.PARTITION;
    }

    const logGroup = new LogGroup(this, `${machine}-logs`, {
      logGroupName: `/aws/vendedlogs/states/${name}`,
      encryptionKey: props.key,
      retention: props.logRetention,
    });
    const stateMachine = new StateMachine(this, machine, {
      stateMachineName: name,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(definitionText),
      definitionSubstitutions: substitutions,
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: profile.tracing,
      encryptionConfiguration: new CustomerManagedEncryptionConfiguration(props.key),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // DefinitionBody.fromString grants nothing: exactly the functions and machines the definition names.
    if (references.steps.length > 0) {
      stateMachine.addToRolePolicy(
        new PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: references.steps.map((step) => props.functions[step].functionArn),
        }),
      );
    }
    if (startedArns.length > 0) {
      stateMachine.addToRolePolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: startedArns }));
      // Starting a machine encrypted with a customer-managed key encrypts its input under that machine's context.
      stateMachine.addToRolePolicy(
        new PolicyStatement({
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [props.key.keyArn],
          conditions: { StringEquals: { 'kms:EncryptionContext:aws:states:stateMachineArn': startedArns } },
        }),
      );
    }
    for (const id of profile.tracing ? [] : ['AwsSolutions-SF2', 'Serverless-StepFunctionStateMachineXray']) {
      Validations.of(stateMachine).acknowledge({
        id,
        reason:
          'AWS China regions: the stack runs without X-Ray (Lambda has no X-Ray integration there, ' +
          'docs.amazonaws.cn/en_us/aws/latest/userguide/lambda.html); executions are logged (level ALL) instead.',
      });
    }
    Validations.of(stateMachine).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Resource "*" only for actions without resource-level permissions, added by CDK: CloudWatch Logs vended ' +
        'log delivery (logs:CreateLogDelivery, GetLogDelivery, UpdateLogDelivery, DeleteLogDelivery, ' +
        'ListLogDeliveries, PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups)' +
        (profile.tracing
          ? ' and X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords, GetSamplingRules, GetSamplingTargets).'
          : '.'),
    });
    return stateMachine;
  }
}
