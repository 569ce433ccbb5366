import { DecidedCaseRef } from '#contracts/steps.ts';
import { decidedControl } from '#use-cases/decided.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'execute-control',
  uses: STEP_USES['execute-control'],
  input: DecidedCaseRef,
  // The control plan's decision is recorded first when the approval hands it over (workflows/investigation.asl.ts).
  run: decidedControl,
});
