import { CaseRef } from '#contracts/steps.ts';
import { openClosure } from '#use-cases/closure.ts';
import { issuingAfter } from '#use-cases/documents.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'open-closure',
  uses: STEP_USES['open-closure'],
  input: CaseRef,
  // The phase's documents are issued as its acts are recorded.
  run: (deps) => issuingAfter(deps, openClosure(deps)),
});
