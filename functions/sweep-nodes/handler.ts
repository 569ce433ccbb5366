/** Lambda entry point for the scheduled node sweeper. */
import { awsDependencies } from '#commons/aws-dependencies.ts';
import { observed, recordMetrics } from '#commons/observability.ts';
import { createSweepHandler, SWEEP_USES } from './function.ts';

export const handler = observed(createSweepHandler(awsDependencies(SWEEP_USES), undefined, recordMetrics));
