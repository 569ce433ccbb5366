import { ApplyDecisionInput } from '#contracts/steps.ts';
import { applyDecision } from '#use-cases/approvals.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'apply-decision',
  uses: STEP_USES['apply-decision'],
  input: ApplyDecisionInput,
  run: applyDecision,
});
