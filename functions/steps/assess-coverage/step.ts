import { CaseRef } from '#contracts/steps.ts';
import { assessCoverage } from '#use-cases/investigation.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'assess-coverage',
  uses: STEP_USES['assess-coverage'],
  input: CaseRef,
  run: assessCoverage,
});
