import { RoundRequestRef } from '#contracts/steps.ts';
import { issuingAfter } from '#use-cases/documents.ts';
import { recordControl } from '#use-cases/investigation.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'record-control',
  uses: STEP_USES['record-control'],
  input: RoundRequestRef,
  // The phase's documents are issued as its acts are recorded.
  run: (deps) => issuingAfter(deps, recordControl(deps)),
});
