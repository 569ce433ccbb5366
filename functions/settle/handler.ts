/** Lambda entry point for decisions and partner answers. */
import { awsDependencies } from '#commons/aws-dependencies.ts';
import { createSettleHandler, SETTLE_USES } from './function.ts';

export const handler = createSettleHandler(awsDependencies(SETTLE_USES));
