/** Lambda entry point: the step wired to AWS adapters. */
import { awsDependencies } from '#commons/aws-dependencies.ts';
import { step } from './step.ts';

export const handler = step.create(awsDependencies(step.uses));
