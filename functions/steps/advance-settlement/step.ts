import { AdvanceInput } from '#contracts/steps.ts';
import { advanceSettlement } from '#use-cases/settlement.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'advance-settlement',
  uses: STEP_USES['advance-settlement'],
  input: AdvanceInput,
  run: advanceSettlement,
});
