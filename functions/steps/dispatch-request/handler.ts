/** Lambda entry point: the step wired to AWS adapters, with its metrics (traced by Lambda). */
import { awsPartners, awsPorts, awsRequests } from '#commons/aws-ports.ts';
import { observed } from '#commons/observability.ts';
import { step } from './step.ts';

export const handler = observed(step.create(awsPorts(step.uses, { requests: awsRequests, partners: awsPartners })));
