import { CaseRef } from '#contracts/steps.ts';
import { planCaseControl } from '#use-cases/investigation.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'plan-control',
  uses: STEP_USES['plan-control'],
  input: CaseRef,
  run: planCaseControl,
});
