import { CaseRef } from '#contracts/steps.ts';
import { openDisposal } from '#use-cases/disposal.ts';
import { issuingAfter } from '#use-cases/documents.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'open-disposal',
  uses: STEP_USES['open-disposal'],
  input: CaseRef,
  // The phase's documents are issued as its acts are recorded.
  run: (deps) => issuingAfter(deps, openDisposal(deps)),
});
