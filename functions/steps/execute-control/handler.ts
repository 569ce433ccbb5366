/** Lambda entry point: the step wired to AWS adapters (issuing its documents), with its metrics (traced by Lambda). */
import { awsDependencies } from '#commons/aws-dependencies.ts';
import { awsDocumentIssuing } from '#commons/aws-issuing.ts';
import { observed } from '#commons/observability.ts';
import { step } from './step.ts';

export const handler = observed(step.create(awsDependencies(step.uses, { issuing: awsDocumentIssuing })));
