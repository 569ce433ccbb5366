import { RoundRequestRef } from '#contracts/steps.ts';
import { recordService } from '#use-cases/service.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'record-service',
  uses: STEP_USES['record-service'],
  input: RoundRequestRef,
  run: recordService,
});
