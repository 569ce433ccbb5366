import { CaseRef } from '#contracts/steps.ts';
import { openRequery } from '#use-cases/requery.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'open-requery',
  uses: STEP_USES['open-requery'],
  input: CaseRef,
  run: openRequery,
});
