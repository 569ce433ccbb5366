import { AdvanceInput } from '#contracts/steps.ts';
import { applyingDecision } from '#use-cases/approvals.ts';
import { advanceClosure } from '#use-cases/closure.ts';
import { issuingAfter } from '#use-cases/documents.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'advance-closure',
  uses: STEP_USES['advance-closure'],
  input: AdvanceInput,
  // A decision the loop waited for is applied first; the phase's documents are issued as its acts are recorded.
  run: (deps) => issuingAfter(deps, applyingDecision(deps, advanceClosure(deps))),
});
