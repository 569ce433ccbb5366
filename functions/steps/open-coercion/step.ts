import { CaseRef } from '#contracts/steps.ts';
import { openCoercion } from '#use-cases/coercion.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'open-coercion',
  uses: STEP_USES['open-coercion'],
  input: CaseRef,
  run: openCoercion,
});
