import { CaseRef } from '#contracts/steps.ts';
import { openInvestigation } from '#use-cases/investigation.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'open-investigation',
  uses: STEP_USES['open-investigation'],
  input: CaseRef,
  run: openInvestigation,
});
