import { CaseRef } from '#contracts/steps.ts';
import { openSettlement } from '#use-cases/settlement.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'open-settlement',
  uses: STEP_USES['open-settlement'],
  input: CaseRef,
  run: openSettlement,
});
