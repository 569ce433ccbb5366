import { CaseRef } from '#contracts/steps.ts';
import { openCoercion } from '#use-cases/coercion.ts';
import { issuingAfter } from '#use-cases/documents.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'open-coercion',
  uses: STEP_USES['open-coercion'],
  input: CaseRef,
  // The phase's documents are issued as its acts are recorded.
  run: (deps) => issuingAfter(deps, openCoercion(deps)),
});
