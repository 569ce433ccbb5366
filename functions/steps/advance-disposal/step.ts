import { AdvanceInput } from '#contracts/steps.ts';
import { applyingDecision } from '#use-cases/approvals.ts';
import { advanceDisposal } from '#use-cases/disposal.ts';
import { issuingAfter } from '#use-cases/documents.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'advance-disposal',
  uses: STEP_USES['advance-disposal'],
  input: AdvanceInput,
  // A decision the loop waited for is applied first; the phase's documents are issued as its acts are recorded.
  run: (deps) => issuingAfter(deps, applyingDecision(deps, advanceDisposal(deps))),
});
