import { RequeryAdvanceInput } from '#contracts/steps.ts';
import { advanceRequery } from '#use-cases/requery.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'advance-requery',
  uses: STEP_USES['advance-requery'],
  input: RequeryAdvanceInput,
  run: advanceRequery,
});
