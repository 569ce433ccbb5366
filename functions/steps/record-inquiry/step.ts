import { RequestRef } from '#contracts/steps.ts';
import { recordInquiry } from '#use-cases/investigation.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'record-inquiry',
  uses: STEP_USES['record-inquiry'],
  input: RequestRef,
  run: recordInquiry,
});
