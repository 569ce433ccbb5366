import { NeedsAttentionInput } from '#contracts/steps.ts';
import { recordNeedsAttention } from '#use-cases/attention.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'record-needs-attention',
  uses: STEP_USES['record-needs-attention'],
  input: NeedsAttentionInput,
  run: recordNeedsAttention,
});
