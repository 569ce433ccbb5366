import { CaseRef } from '#contracts/steps.ts';
import { executeControl } from '#use-cases/investigation.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'execute-control',
  uses: STEP_USES['execute-control'],
  input: CaseRef,
  run: executeControl,
});
