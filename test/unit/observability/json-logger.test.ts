/**
 * The steps' JSON logger writes the fields Powertools Logger writes for the same calls (so that a log query reads
 * either), drops an invocation's keys when it ends, honours the log level and never writes below it.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JsonLogger, type LogLevel, lambdaContext, type StepLogger } from '#commons/json-logger.ts';

const CONTEXT = {
  functionName: 'enforcement-triage',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:enforcement-triage',
  memoryLimitInMB: '256',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
} as Context;

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env._X_AMZN_TRACE_ID;
});

/** The JSON lines written to stdout and stderr while `act` runs. */
async function written(act: () => Promise<void>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await act();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Two invocations of a step-like handler, as define.ts wires the logger. */
async function invocations(logger: StepLogger, middleware: middy.MiddlewareObj): Promise<void> {
  const handler = middy<{ caseId?: string }>()
    .use(middleware)
    .handler(async (event) => {
      if (event.caseId) logger.appendKeys({ caseId: event.caseId });
      logger.info('step done');
      logger.error('step failed', { errorName: 'Error', errorMessage: 'boom' });
    });
  await handler({ caseId: 'caaaaaaaaaaaaaaaaaaa' }, CONTEXT);
  await handler({}, CONTEXT);
}

describe('the JSON logger', () => {
  it('writes the fields Powertools Logger writes, with the Lambda context and the step keys', async () => {
    process.env._X_AMZN_TRACE_ID = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
    const keys = { step: 'triage' };
    const ours = await written(() => {
      const logger = new JsonLogger({ serviceName: 'enforcement', persistentKeys: keys, logLevel: 'INFO' });
      return invocations(logger, lambdaContext(logger));
    });
    const theirs = await written(() => {
      const logger = new Logger({ serviceName: 'enforcement', persistentKeys: keys, logLevel: 'INFO' });
      return invocations(logger, injectLambdaContext(logger, { logEvent: false, resetKeys: true }));
    });

    const comparable = (line: Record<string, unknown>) => {
      const { timestamp, sampling_rate, cold_start, ...rest } = line;
      expect(Number.isNaN(Date.parse(String(timestamp)))).toBe(false);
      expect(typeof cold_start).toBe('boolean');
      return rest;
    };
    expect(ours.map(comparable)).toEqual(theirs.map(comparable));
    expect(ours).toHaveLength(4);
    expect(ours[0]).toMatchObject({ level: 'INFO', caseId: 'caaaaaaaaaaaaaaaaaaa', step: 'triage' });
    expect(ours[2]).not.toHaveProperty('caseId');
    expect(ours[2]).toMatchObject({ cold_start: false, xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793' });
  });

  it('writes nothing below its level, and takes the level from the environment', () => {
    const lines: string[] = [];
    const at = (logLevel?: LogLevel) =>
      new JsonLogger({ serviceName: 's', ...(logLevel ? { logLevel } : {}), write: (_l, line) => lines.push(line) });
    at('WARN').info('hidden');
    at('SILENT').error('hidden');
    at('WARN').warn('shown');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'error');
    at().warn('hidden');
    at().error('shown');
    vi.unstubAllEnvs();
    at().debug('hidden');
    expect(lines.map((l) => (JSON.parse(l) as { message: string }).message)).toEqual(['shown', 'shown']);
  });
});
