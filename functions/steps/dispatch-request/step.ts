import { DispatchInput } from '#contracts/steps.ts';
import { dispatchRequest } from '#use-cases/requests.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'dispatch-request',
  uses: STEP_USES['dispatch-request'],
  input: DispatchInput,
  run: dispatchRequest,
});
