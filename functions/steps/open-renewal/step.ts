import { CaseRef } from '#contracts/steps.ts';
import { openRenewal } from '#use-cases/renewals.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'open-renewal',
  uses: STEP_USES['open-renewal'],
  input: CaseRef,
  run: openRenewal,
});
