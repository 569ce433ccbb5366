import { CaseRef } from '#contracts/steps.ts';
import { payOut } from '#use-cases/disbursement.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'pay-out',
  uses: STEP_USES['pay-out'],
  input: CaseRef,
  run: payOut,
});
