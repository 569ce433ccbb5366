import { ControlInput } from '#contracts/steps.ts';
import { assessingWhenDone, decidedControl } from '#use-cases/decided.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'execute-control',
  uses: STEP_USES['execute-control'],
  input: ControlInput,
  // The control plan's decision is recorded first when the approval hands it over (workflows/investigation.asl.ts).
  // With nothing left to control, it assesses the coverage itself.
  run: (deps) => assessingWhenDone(deps, decidedControl(deps)),
});
