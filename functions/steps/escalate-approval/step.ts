import { EscalateInput } from '#contracts/steps.ts';
import { escalateApproval } from '#use-cases/approvals.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'escalate-approval',
  uses: STEP_USES['escalate-approval'],
  input: EscalateInput,
  run: escalateApproval,
});
