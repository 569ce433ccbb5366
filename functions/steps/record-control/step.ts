import { RoundRequestRef } from '#contracts/steps.ts';
import { recordControl } from '#use-cases/investigation.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'record-control',
  uses: STEP_USES['record-control'],
  input: RoundRequestRef,
  run: recordControl,
});
