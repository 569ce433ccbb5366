import { ControlRoundInput } from '#contracts/steps.ts';
import { assessingWhenDone } from '#use-cases/decided.ts';
import { issuingAfter } from '#use-cases/documents.ts';
import { recordControl } from '#use-cases/investigation.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'record-control',
  uses: STEP_USES['record-control'],
  input: ControlRoundInput,
  // The phase's documents are issued as its acts are recorded; with nothing left to control, it assesses the
  // coverage itself (workflows/investigation.asl.ts).
  run: (deps) => issuingAfter(deps, assessingWhenDone(deps, recordControl(deps))),
});
