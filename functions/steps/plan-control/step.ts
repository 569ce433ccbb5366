import { InquiryPlanInput } from '#contracts/steps.ts';
import { recordingInquiry } from '#use-cases/decided.ts';
import { issuingAfter } from '#use-cases/documents.ts';
import { planCaseControl } from '#use-cases/investigation.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'plan-control',
  uses: STEP_USES['plan-control'],
  input: InquiryPlanInput,
  // The inquiry waited on is recorded first (workflows/investigation.asl.ts); the phase's documents are issued as its
  // acts are recorded.
  run: (deps) => issuingAfter(deps, recordingInquiry(deps, planCaseControl(deps))),
});
