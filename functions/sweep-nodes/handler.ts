/** Lambda entry point for the scheduled node sweeper. */
import { awsDependencies } from '#commons/aws-dependencies.ts';
import { createSweepHandler, SWEEP_USES } from './function.ts';

export const handler = createSweepHandler(awsDependencies(SWEEP_USES));
