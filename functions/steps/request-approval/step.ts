import { ApprovalWaitInput } from '#contracts/steps.ts';
import { requestApproval } from '#use-cases/approvals.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'request-approval',
  uses: STEP_USES['request-approval'],
  input: ApprovalWaitInput,
  run: requestApproval,
});
