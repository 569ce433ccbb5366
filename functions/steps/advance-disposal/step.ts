import { AdvanceInput } from '#contracts/steps.ts';
import { advanceDisposal } from '#use-cases/disposal.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'advance-disposal',
  uses: STEP_USES['advance-disposal'],
  input: AdvanceInput,
  run: advanceDisposal,
});
