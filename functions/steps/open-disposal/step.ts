import { CaseRef } from '#contracts/steps.ts';
import { openDisposal } from '#use-cases/disposal.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'open-disposal',
  uses: STEP_USES['open-disposal'],
  input: CaseRef,
  run: openDisposal,
});
