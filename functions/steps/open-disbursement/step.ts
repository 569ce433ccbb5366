import { CaseRef } from '#contracts/steps.ts';
import { openDisbursement } from '#use-cases/disbursement.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'open-disbursement',
  uses: STEP_USES['open-disbursement'],
  input: CaseRef,
  run: openDisbursement,
});
