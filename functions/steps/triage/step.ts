import { CaseRef } from '#contracts/steps.ts';
import { triageCase } from '#use-cases/service.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'triage',
  uses: STEP_USES.triage,
  input: CaseRef,
  run: triageCase,
});
