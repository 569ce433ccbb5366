/**
 * A step is a use case behind a zod-validated input, wired with middy: Powertools Logger (never the event:
 * payloads can carry task tokens and personal data), the Powertools parser for the input, then one call.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { type Deps, withCause } from '#use-cases/context.ts';
import type { DependencyName } from './manifest.ts';

export type StepHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface StepDefinition<N extends string, U extends DependencyName, S extends z.ZodMiniType> {
  readonly name: N;
  readonly uses: readonly U[];
  readonly input: S;
  readonly run: (deps: Pick<Deps, U>) => (input: z.infer<S>) => Promise<unknown>;
}

export interface Step<N extends string, U extends DependencyName> {
  readonly name: N;
  readonly uses: readonly U[];
  /** What the step accepts: checked by the handler, and against the payload fixtures of released versions. */
  readonly input: z.ZodMiniType;
  create(deps: Pick<Deps, U>, logger?: Logger): StepHandler;
}

/** Keys worth a log line: ids, never payloads. */
function logKeys(input: unknown): Record<string, string> {
  const keys: Record<string, string> = {};
  if (input && typeof input === 'object') {
    for (const field of ['caseId', 'execution', 'requestId'] as const) {
      const value = (input as Record<string, unknown>)[field];
      if (typeof value === 'string') keys[field] = value;
    }
  }
  return keys;
}

export function defineStep<N extends string, U extends DependencyName, S extends z.ZodMiniType>(
  definition: StepDefinition<N, U, S>,
): Step<N, U> {
  return {
    name: definition.name,
    uses: definition.uses,
    input: definition.input,
    create(deps, logger = new Logger({ serviceName: 'enforcement', persistentKeys: { step: definition.name } })) {
      const run = definition.run(deps);
      const handler = middy()
        .use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }))
        .use(parser({ schema: definition.input }))
        .use({
          before: (request) => {
            logger.appendKeys(logKeys(request.event));
          },
          onError: (request) => {
            const error = request.error;
            logger.error('step failed', { errorName: error?.name ?? 'Error', errorMessage: error?.message ?? '' });
          },
        })
        .handler(async (input: z.infer<S>) => {
          const definition = (input as { definition?: unknown }).definition;
          const result = await withCause(typeof definition === 'string' ? { definition } : {}, () => run(input));
          logger.info('step done');
          return result;
        });
      return handler as unknown as StepHandler;
    },
  };
}
