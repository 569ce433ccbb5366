import { AdvanceInput } from '#contracts/steps.ts';
import { advanceCoercion } from '#use-cases/coercion.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'advance-coercion',
  uses: STEP_USES['advance-coercion'],
  input: AdvanceInput,
  run: advanceCoercion,
});
