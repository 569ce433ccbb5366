/**
 * The embedded runtime runs what `cdk synth` emits: take each state machine's DefinitionString and
 * DefinitionSubstitutions out of the synthesized template, point every function and machine ARN at its local
 * counterpart (the only difference), and run the fully-performed scenario on them.
 */
import { describe, expect, it } from 'vitest';
import type { Definition } from '#workflows/asl.ts';
import { DEFINITIONS, MACHINES, type MachineName } from '#workflows/index.ts';
import { STEPS } from '#workflows/steps.ts';
import { localFunctionArn, localMachineArn, substitute } from '../../local/runtime/definitions.ts';
import { deployedDefinitions, functionLogicalId } from '../infra/stack.ts';
import { filingEvent, respondentWith, scenarios } from '../support/runtime.ts';

/** A deployed ARN (as a CloudFormation expression) -> the local ARN of the same function or machine. */
function localArnFor(value: unknown): string {
  const getAtt = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  if (getAtt) {
    const step = STEPS.find((s) => functionLogicalId(`enforcement-${s}`) === getAtt[0]);
    if (!step) throw new Error(`no step function with logical id ${getAtt[0]}`);
    return localFunctionArn(step);
  }
  const named = /enforcement-([a-z]+)\b/.exec(JSON.stringify(value))?.[1];
  const machine = MACHINES.find((m) => m === named);
  if (!machine) throw new Error(`not a known state machine ARN: ${JSON.stringify(value)}`);
  return localMachineArn(machine);
}

function fromTemplate(): Record<MachineName, Definition> {
  const deployed = deployedDefinitions();
  return Object.fromEntries(
    MACHINES.map((machine) => {
      const { definition, substitutions } = deployed[machine];
      const local = Object.fromEntries(Object.entries(substitutions).map(([key, value]) => [key, localArnFor(value)]));
      return [machine, substitute(definition, local)];
    }),
  ) as Record<MachineName, Definition>;
}

const open = scenarios();

describe('definitions from the synthesized template', () => {
  it('are the definitions of workflows/, modulo ARNs', () => {
    const deployed = deployedDefinitions();
    for (const machine of MACHINES) expect(deployed[machine].definition).toEqual(DEFINITIONS[machine]);
  });

  it('run a case to closure on the embedded runtime', async () => {
    const s = await open({
      definitions: fromTemplate(),
      script: respondentWith({
        eService: 'ok',
        assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0001', balanceFen: 8_000_000 }],
      }),
    });
    const outcome = await s.runtime.intake(filingEvent(90));
    if (outcome.outcome !== 'created') throw new Error('not created');
    await s.live(outcome.caseId, 20, 'li-qiang');
    expect((await s.load(outcome.caseId)).status).toBe('closed');
    expect(s.path(outcome.caseId, 'disbursement').at(-1)).toBe('Closed');
  });
});
