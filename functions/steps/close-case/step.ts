import { CaseRef } from '#contracts/steps.ts';
import { closeOrHandOver } from '#use-cases/disbursement.ts';
import { issuingAfter } from '#use-cases/documents.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'close-case',
  uses: STEP_USES['close-case'],
  input: CaseRef,
  // The phase's documents are issued as its acts are recorded.
  run: (deps) => issuingAfter(deps, closeOrHandOver(deps)),
});
