/**
 * The state-machine definitions the embedded runtime runs: the same objects the CDK app deploys, with the
 * function and state-machine placeholders resolved to local ARNs instead of real ones. They can also be taken
 * from a synthesized CloudFormation template, which proves the two are the same.
 */
import type { Definition } from '#workflows/asl.ts';
import { DEFINITIONS, MACHINES, type MachineName } from '#workflows/index.ts';
import { functionKey, MACHINE_KEYS, STEPS, type StepName } from '#workflows/steps.ts';

const PREFIX = 'enforcement-';
export const LOCAL_REGION = 'local';
export const LOCAL_ACCOUNT = '000000000000';

export function localFunctionArn(step: StepName): string {
  return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${PREFIX}${step}`;
}

export function localMachineArn(machine: MachineName): string {
  return `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${PREFIX}${machine}`;
}

export function stepOfArn(arn: string): StepName {
  const name = arn.split(':function:')[1]?.replace(PREFIX, '');
  const step = STEPS.find((s) => s === name);
  if (!step) throw new Error(`no local function for ${arn}`);
  return step;
}

export function machineOfArn(arn: string): MachineName {
  const name = arn.split(':stateMachine:')[1]?.replace(PREFIX, '');
  const machine = MACHINES.find((m) => m === name);
  if (!machine) throw new Error(`no local state machine for ${arn}`);
  return machine;
}

/** Placeholder key -> local ARN, for every step and machine. */
export function localSubstitutions(): Record<string, string> {
  const substitutions: Record<string, string> = {};
  for (const step of STEPS) substitutions[functionKey(step)] = localFunctionArn(step);
  for (const machine of MACHINES) substitutions[MACHINE_KEYS[machine]] = localMachineArn(machine);
  return substitutions;
}

/** Replaces `${Key}` as CloudFormation's DefinitionSubstitutions does; an unknown key is an error. */
export function substitute(definition: unknown, substitutions: Readonly<Record<string, string>>): Definition {
  const text = JSON.stringify(definition).replace(/\$\{([A-Za-z0-9]+)\}/g, (_, key: string) => {
    const value = substitutions[key];
    if (value === undefined) throw new Error(`definition placeholder \${${key}} has no substitution`);
    return value;
  });
  return JSON.parse(text) as Definition;
}

export function localDefinitions(
  source: Readonly<Record<MachineName, unknown>> = DEFINITIONS,
): Record<MachineName, Definition> {
  const substitutions = localSubstitutions();
  return Object.fromEntries(MACHINES.map((m) => [m, substitute(source[m], substitutions)])) as Record<
    MachineName,
    Definition
  >;
}
