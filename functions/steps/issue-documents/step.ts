import { CaseRef } from '#contracts/steps.ts';
import { issueDocuments } from '#use-cases/service.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'issue-documents',
  uses: STEP_USES['issue-documents'],
  input: CaseRef,
  // Issues the notice and the report order before serving them (the request references both).
  run: issueDocuments,
});
