import { describe, expect, it } from 'vitest';
import { DEFINITIONS, MACHINES } from '#workflows/index.ts';
import { functionKey, KEPT_FOR_EARLIER_DEFINITIONS, MACHINE_KEYS, STEPS } from '#workflows/steps.ts';
import {
  asList,
  deployedDefinitions,
  functionLogicalId,
  machineResource,
  roleStatements,
  TEST_CONFIG,
} from './stack.ts';

const prefix = TEST_CONFIG.namePrefix;

function placeholders(definition: unknown): string[] {
  return [...new Set([...JSON.stringify(definition).matchAll(/\$\{([A-Za-z0-9]+)\}/g)].map((m) => m[1] as string))];
}

/** `arn:${Partition}:states:${Region}:${AccountId}:stateMachine:<name>` as CloudFormation builds it. */
function machineArnJoin(name: string): unknown {
  return {
    'Fn::Join': [
      '',
      [
        'arn:',
        { Ref: 'AWS::Partition' },
        ':states:',
        { Ref: 'AWS::Region' },
        ':',
        { Ref: 'AWS::AccountId' },
        `:stateMachine:${name}`,
      ],
    ],
  };
}

describe.each(MACHINES)('the deployed %s state machine', (machine) => {
  it('runs exactly the definition the embedded runtime runs, placeholders and all', () => {
    // Prepare
    const expected = DEFINITIONS[machine];

    // Act
    const { definition } = deployedDefinitions()[machine];

    // Assess
    expect(definition).toEqual(expected);
  });

  it('substitutes every placeholder, and only those, with the right function or machine ARN', () => {
    // Prepare
    const { definition } = deployedDefinitions()[machine];
    const expected: Record<string, unknown> = {};
    for (const key of placeholders(definition)) {
      const step = STEPS.find((s) => functionKey(s) === key);
      const started = MACHINES.find((m) => MACHINE_KEYS[m] === key);
      if (step) expected[key] = { 'Fn::GetAtt': [functionLogicalId(`${prefix}-${step}`), 'Arn'] };
      else if (started) expected[key] = machineArnJoin(`${prefix}-${started}`);
      else expected[key] = `unknown placeholder ${key}`;
    }

    // Act
    const { substitutions } = deployedDefinitions()[machine];

    // Assess
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(substitutions).toEqual(expected);
  });

  it('may invoke exactly the functions and start exactly the machines its definition names', () => {
    // Prepare
    const { definition, substitutions } = deployedDefinitions()[machine];
    const keys = placeholders(definition);
    const functions = keys.filter((key) => key.startsWith('Fn')).map((key) => substitutions[key]);
    const machines = keys.filter((key) => key.startsWith('Machine')).map((key) => substitutions[key]);
    const [, resource] = machineResource(machine);
    const roleArn = resource.Properties?.RoleArn as { 'Fn::GetAtt'?: [string, string] } | undefined;
    const role = roleArn?.['Fn::GetAtt']?.[0] ?? 'no role of this stack';

    // Act
    const statements = roleStatements(role).filter((s) => s.Effect === 'Allow');
    const resourcesOf = (action: string) =>
      statements.filter((s) => asList(s.Action).includes(action)).flatMap((s) => asList(s.Resource));
    const wildcardActions = statements.flatMap((s) => asList(s.Action)).filter((a) => /^(lambda|states):.*\*/.test(a));

    // Assess
    expect(new Set(resourcesOf('lambda:InvokeFunction').map((r) => JSON.stringify(r)))).toEqual(
      new Set(functions.map((r) => JSON.stringify(r))),
    );
    expect(new Set(resourcesOf('states:StartExecution').map((r) => JSON.stringify(r)))).toEqual(
      new Set(machines.map((r) => JSON.stringify(r))),
    );
    expect(wildcardActions).toEqual([]);
  });
});

describe('the deployed definitions together', () => {
  it('call every step function at least once, but those kept for earlier definitions in flight', () => {
    // Prepare
    const deployed = deployedDefinitions();

    // Act
    const called = new Set(MACHINES.flatMap((machine) => placeholders(deployed[machine].definition)));

    // Assess
    expect(STEPS.filter((step) => !called.has(functionKey(step)))).toEqual([...KEPT_FOR_EARLIER_DEFINITIONS]);
  });
});
