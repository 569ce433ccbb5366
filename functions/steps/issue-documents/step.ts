import { IssueInput } from '#contracts/steps.ts';
import { issueDocuments, triagingFirst } from '#use-cases/service.ts';
import { defineStep } from '../define.ts';
import { STEP_USES } from '../manifest.ts';

export const step = defineStep({
  name: 'issue-documents',
  uses: STEP_USES['issue-documents'],
  input: IssueInput,
  // Triages the case first when asked (workflows/service.asl.ts); issues the notice and the report order before
  // serving them (the request references both).
  run: (deps) => triagingFirst(deps, issueDocuments(deps)),
});
