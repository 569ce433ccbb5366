import { RequestRef } from '#contracts/steps.ts';
import { recordAssetReport } from '#use-cases/service.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'record-asset-report',
  uses: STEP_USES['record-asset-report'],
  input: RequestRef,
  run: recordAssetReport,
});
