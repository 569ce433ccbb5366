import { AdvanceInput } from '#contracts/steps.ts';
import { advanceClosure } from '#use-cases/closure.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'advance-closure',
  uses: STEP_USES['advance-closure'],
  input: AdvanceInput,
  run: advanceClosure,
});
