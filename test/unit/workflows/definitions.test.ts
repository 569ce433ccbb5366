import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { approvalStates } from '#workflows/approval.asl.ts';
import type { Definition } from '#workflows/asl.ts';
import { DEFINITIONS, MACHINES } from '#workflows/index.ts';
import { lintDefinition } from '#workflows/lint.ts';
import { functionKey, MACHINE_KEYS, STEPS } from '#workflows/steps.ts';
import { localDefinitions } from '../../../local/runtime/definitions.ts';

const STATE_LIMIT = 256 * 1024;

describe.each(MACHINES)('the %s state machine', (machine) => {
  const definition = DEFINITIONS[machine];

  it('is valid ASL (asl-validator, ARNs and paths checked)', () => {
    const resolved = localDefinitions()[machine];
    const result = aslValidator(resolved as never, { checkArn: true, checkPaths: true });
    expect(result.isValid, result.errorsText('\n')).toBe(true);
  });

  it('keeps the reliability promises (lint)', () => {
    expect(lintDefinition(definition)).toEqual([]);
  });

  it('refers only to known steps and machines', () => {
    const known = new Set([...STEPS.map(functionKey), ...Object.values(MACHINE_KEYS)]);
    const placeholders = [...JSON.stringify(definition).matchAll(/\$\{([A-Za-z0-9]+)\}/g)].map((m) => m[1]);
    expect(placeholders.length).toBeGreaterThan(0);
    for (const key of placeholders) expect(known.has(key ?? ''), key).toBe(true);
  });

  it('passes ids, not documents: every Lambda payload is built from named paths', () => {
    for (const [name, state] of Object.entries(definition.States)) {
      if (state.Type !== 'Task' || !state.Parameters) continue;
      expect(JSON.stringify(state.Parameters), name).not.toContain('"Payload.$":"$"');
    }
  });
});

describe('the lint', () => {
  const loop: Definition = {
    Comment: 'unbounded',
    StartAt: 'A',
    States: {
      A: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Retry: [{ ErrorEquals: ['Lambda.ServiceException'] }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
        Next: 'Again',
      },
      Again: { Type: 'Choice', Choices: [{ Variable: '$.more', BooleanEquals: true, Next: 'A' }], Default: 'Done' },
      Done: { Type: 'Succeed' },
    },
  };

  it('fail: rejects a loop without a numeric bound', () => {
    expect(lintDefinition(loop)).toEqual(['loop A -> Again has no Choice bounding it with a numeric limit']);
  });

  it('pass: accepts the same loop bounded by a counter', () => {
    const bounded: Definition = {
      ...loop,
      States: {
        ...loop.States,
        Again: {
          Type: 'Choice',
          Choices: [
            {
              And: [
                { Variable: '$.more', BooleanEquals: true },
                { Variable: '$.n', NumericLessThanEquals: 3 },
              ],
              Next: 'A',
            },
          ],
          Default: 'Done',
        },
      },
    };
    expect(lintDefinition(bounded)).toEqual([]);
  });

  it('fail: a task-token wait without a timeout, and a Task without Retry or Catch', () => {
    const bad: Definition = {
      Comment: 'bad',
      StartAt: 'Wait',
      States: {
        Wait: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Next: 'Done' },
        Done: { Type: 'Succeed' },
      },
    };
    expect(lintDefinition(bad)).toEqual([
      'Wait: Task without Retry',
      'Wait: Task without a States.ALL Catch',
      'Wait: task-token wait without TimeoutSeconds(Path)',
      'Wait: task-token wait without a Catch for States.Timeout',
    ]);
  });

  it('fail: JSONata', () => {
    expect(lintDefinition({ ...loop, QueryLanguage: 'JSONata' } as Definition)[0]).toMatch(/JSONata/);
  });
});

describe('payload sizes', () => {
  it('keeps every definition and fixture far under the 256 KiB state limit', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    for (const machine of MACHINES) expect(JSON.stringify(DEFINITIONS[machine]).length).toBeLessThan(STATE_LIMIT / 4);
    for (const version of readdirSync('test/fixtures/intake')) {
      for (const file of readdirSync(`test/fixtures/intake/${version}`)) {
        expect(statSync(`test/fixtures/intake/${version}/${file}`).size).toBeLessThan(STATE_LIMIT / 16);
      }
    }
  });
});

describe('billed transitions of an approval block', () => {
  const terms = { name: 'Sanction', step: 'sanction', termsPath: '$.plan.value.approval' } as const;

  it('routes on the decision when the two decisions lead to different places', () => {
    const states = approvalStates({ ...terms, onApproved: 'Act', onRejected: 'Back' });
    expect(states.ApplySanctionDecision).toMatchObject({ Type: 'Task', Next: 'RouteSanctionDecision' });
    expect(states.RouteSanctionDecision).toMatchObject({ Type: 'Choice', Default: 'Back' });
  });

  it('has no Choice when a loop step applies the decision and advances in one Task', () => {
    const states = approvalStates({
      ...terms,
      next: 'RouteLoop',
      applyWith: { step: 'advance-coercion', payload: { 'round.$': '$.plan.value.round' }, resultPath: '$.plan' },
    });
    expect(states.RouteSanctionDecision).toBeUndefined();
    const apply = states.ApplySanctionDecision;
    expect(apply).toMatchObject({ Type: 'Task', Next: 'RouteLoop', ResultPath: '$.plan' });
    const parameters = apply?.Type === 'Task' ? apply.Parameters : undefined;
    expect(parameters).toMatchObject({
      FunctionName: `\${${functionKey('advance-coercion')}}`,
      Payload: { step: 'sanction', 'decision.$': '$.decision', 'round.$': '$.plan.value.round' },
    });
  });

  it('ends the execution at the Task that records the decision, with no Succeed after it', () => {
    const states = approvalStates({ ...terms, ends: true });
    expect(states.RouteSanctionDecision).toBeUndefined();
    expect(states.ApplySanctionDecision).toMatchObject({ Type: 'Task', End: true });
    expect(states.ApplySanctionDecision).not.toHaveProperty('Next');
  });
});
