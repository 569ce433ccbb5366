import { AdvanceInput } from '#contracts/steps.ts';
import { advanceRenewal } from '#use-cases/renewals.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'advance-renewal',
  uses: STEP_USES['advance-renewal'],
  input: AdvanceInput,
  run: advanceRenewal,
});
