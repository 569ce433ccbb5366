import { DecidedCaseRef } from '#contracts/steps.ts';
import { decidedDisbursement } from '#use-cases/decided.ts';
import { issuingAfter } from '#use-cases/documents.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'close-case',
  uses: STEP_USES['close-case'],
  input: DecidedCaseRef,
  // The plan's decision is recorded and an approved plan paid out first (workflows/disbursement.asl.ts); the phase's
  // documents are issued as its acts are recorded.
  run: (deps) => issuingAfter(deps, decidedDisbursement(deps)),
});
