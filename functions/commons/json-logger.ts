/**
 * The steps' logger: one JSON line per entry with the fields Powertools Logger writes (level, message, timestamp,
 * service, the Lambda context: cold start, function name, ARN, memory, request id, X-Ray trace id) and the step's
 * keys. The steps log two lines an invocation (done, or failed with the error's name and message) and never the
 * event; Powertools Logger's 18 KiB (with its commons, 24) were a tenth of every step's bundle
 * (docs/cloud-efficiency.md). The level is POWERTOOLS_LOG_LEVEL, else Lambda's (AWS_LAMBDA_LOG_LEVEL), else INFO.
 */
import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';

const LEVELS = { DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, SILENT: 28 } as const;
export type LogLevel = keyof typeof LEVELS;
type Keys = Readonly<Record<string, unknown>>;

export interface JsonLoggerOptions {
  readonly serviceName: string;
  readonly persistentKeys?: Keys;
  readonly logLevel?: LogLevel;
  /** Where a line goes; by default stdout (debug, info) or stderr (warn, error), as Powertools Logger writes. */
  readonly write?: (level: LogLevel, line: string) => void;
}

function levelFromEnvironment(): LogLevel {
  const named = (process.env.POWERTOOLS_LOG_LEVEL ?? process.env.AWS_LAMBDA_LOG_LEVEL ?? '').toUpperCase();
  if (named === 'TRACE') return 'DEBUG';
  if (named === 'FATAL' || named === 'CRITICAL') return 'ERROR';
  return named in LEVELS ? (named as LogLevel) : 'INFO';
}

/**
 * What a step logs through: this logger on Lambda; the embedded runtime passes a Powertools Logger writing to its log
 * file (local/runtime/logging.ts), which has the same methods.
 */
export interface StepLogger {
  info(message: string, ...extra: Record<string, unknown>[]): void;
  error(message: string, ...extra: Record<string, unknown>[]): void;
  appendKeys(keys: Record<string, unknown>): void;
  resetKeys(): void;
  addContext(context: Context): void;
}

let coldStart = true;

export class JsonLogger implements StepLogger {
  private readonly options: JsonLoggerOptions;
  private readonly threshold: number;
  private context: Keys = {};
  private keys: Record<string, unknown> = {};

  constructor(options: JsonLoggerOptions) {
    this.options = options;
    this.threshold = LEVELS[options.logLevel ?? levelFromEnvironment()];
  }

  debug(message: string, extra: Keys = {}): void {
    this.log('DEBUG', message, extra);
  }
  info(message: string, extra: Keys = {}): void {
    this.log('INFO', message, extra);
  }
  warn(message: string, extra: Keys = {}): void {
    this.log('WARN', message, extra);
  }
  error(message: string, extra: Keys = {}): void {
    this.log('ERROR', message, extra);
  }

  /** Keys on every line until the invocation ends (`resetKeys`). */
  appendKeys(keys: Keys): void {
    Object.assign(this.keys, keys);
  }

  resetKeys(): void {
    this.keys = {};
  }

  /** The invocation's Lambda context, on every line until the next. */
  addContext(context: Context): void {
    this.context = {
      cold_start: coldStart,
      function_arn: context.invokedFunctionArn,
      function_memory_size: context.memoryLimitInMB,
      function_name: context.functionName,
      function_request_id: context.awsRequestId,
    };
    coldStart = false;
  }

  private log(level: LogLevel, message: string, extra: Keys): void {
    if (LEVELS[level] < this.threshold) return;
    const trace = process.env._X_AMZN_TRACE_ID?.match(/Root=([^;]+)/)?.[1];
    const line = JSON.stringify({
      level,
      message,
      timestamp: new Date().toISOString(),
      service: this.options.serviceName,
      ...this.context,
      ...(trace ? { xray_trace_id: trace } : {}),
      ...this.options.persistentKeys,
      ...this.keys,
      ...extra,
    });
    if (this.options.write) this.options.write(level, line);
    else (LEVELS[level] >= LEVELS.WARN ? process.stderr : process.stdout).write(`${line}\n`);
  }
}

/** Adds the Lambda context to the logger before the handler, and drops the invocation's keys after it. */
export function lambdaContext(logger: StepLogger): MiddlewareObj {
  return {
    before: (request) => {
      logger.resetKeys();
      logger.addContext(request.context as Context);
    },
    after: () => logger.resetKeys(),
    onError: () => logger.resetKeys(),
  };
}
