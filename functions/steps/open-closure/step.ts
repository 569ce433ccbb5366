import { CaseRef } from '#contracts/steps.ts';
import { openClosure } from '#use-cases/closure.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'open-closure',
  uses: STEP_USES['open-closure'],
  input: CaseRef,
  run: openClosure,
});
