/**
 * The HTTP layer, used twice: by the Lambda functions behind API Gateway (through ./apigateway.ts) and by the
 * local server of the embedded runtime. A request is `{route, params, query, body, identity}`; an answer is
 * `{status, body}`. Parameters and bodies are parsed with the route's zod contracts, use-case errors become their
 * status, and anything unexpected a 500 that says nothing of its cause: no answer and no log line ever quotes a
 * request body, a stored item or an error's text from below the use cases (where a task token could hide).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod/mini';
import { issueMessageZh, issuePath, requestIssuesZh } from '#contracts/issues.ts';
import { MAX_BODY_BYTES, parseBoundedJson } from '#contracts/limits.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { UseCaseError } from '#use-cases/errors.ts';
import type { OperationId, Route } from './routes.ts';

export interface ApiRequest {
  readonly route: Route;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  /** The raw body, as received. */
  readonly body: string | undefined;
  readonly identity: Identity | undefined;
  readonly requestId: string;
}

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface OperationInput {
  readonly identity: Identity | undefined;
  readonly params: Record<string, string>;
  readonly query: Record<string, unknown>;
  readonly body: unknown;
}

/** A handler's answer with a status other than 200 (one the route lists in `success`). */
export class Answer {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown) {
    this.status = status;
    this.body = body;
  }
}

export type OperationHandler = (input: OperationInput) => Promise<unknown>;
export type Handlers = Partial<Record<OperationId, OperationHandler>>;

export { MAX_BODY_BYTES };

/** What the body's refusal says, by the reason: the field is named, the value never quoted. */
export const BODY_REFUSALS = {
  'too-large': { status: 413, code: 'too-large', message: `请求体过大（上限 ${MAX_BODY_BYTES / 1024} KB）` },
  'too-deep': { status: 400, code: 'invalid', message: '请求体嵌套层数过多' },
  'not-json': { status: 400, code: 'invalid', message: '请求体不是有效的 JSON' },
} as const;

export function errorBody(code: string, message: string, issues?: readonly { path: string; message: string }[]) {
  return { error: { code, message, ...(issues && issues.length > 0 ? { issues: [...issues] } : {}) } };
}

/** Zod issues by field, in Chinese, never with the value that failed. */
function issuesOf(error: z.core.$ZodError, prefix: string) {
  return error.issues.map((issue) => ({ path: issuePath(issue, prefix), message: issueMessageZh(issue) }));
}

class BadRequest extends Error {
  readonly issues: readonly { path: string; message: string }[];
  readonly status: number;
  readonly code: string;
  constructor(
    message: string,
    issues: readonly { path: string; message: string }[] = [],
    status = 400,
    code = 'invalid',
  ) {
    super(message);
    this.name = 'BadRequest';
    this.issues = issues;
    this.status = status;
    this.code = code;
  }
}

function parsePart(schema: z.core.$ZodType | undefined, value: unknown, part: string): unknown {
  if (!schema) return value;
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) throw new BadRequest(requestIssuesZh(parsed.error, part), issuesOf(parsed.error, part));
  return parsed.data;
}

function parseBody(route: Route, raw: string | undefined): unknown {
  if (!route.body) return undefined;
  if (raw === undefined || raw === '') throw new BadRequest('缺少请求体（JSON）');
  // Size and depth before parsing; the parser's own message quotes the input, so it is never passed on.
  const parsed = parseBoundedJson(raw);
  if (!parsed.ok) {
    const refusal = BODY_REFUSALS[parsed.refusal];
    throw new BadRequest(refusal.message, [], refusal.status, refusal.code);
  }
  return parsePart(route.body, parsed.value, 'body');
}

export function createRouter(handlers: Handlers, logger: Logger) {
  return async (request: ApiRequest): Promise<ApiResponse> => {
    const { route } = request;
    const userId = request.identity?.userId;
    const answer = (status: number, body: unknown, code?: string): ApiResponse => {
      const keys = {
        operationId: route.operationId,
        status,
        requestId: request.requestId,
        ...(userId ? { userId } : {}),
      };
      if (status >= 500) logger.error('request failed', { ...keys, code });
      else if (status >= 400) logger.warn('request refused', { ...keys, code });
      else logger.info('request served', keys);
      return { status, body };
    };
    const handler = handlers[route.operationId as OperationId];
    if (!handler) return answer(404, errorBody('not-found', '没有该接口'), 'not-found');
    if (route.authenticated && !request.identity)
      return answer(401, errorBody('unauthenticated', '未登录或身份无法核验'), 'unauthenticated');
    try {
      const input: OperationInput = {
        identity: request.identity,
        params: parsePart(route.params, { ...request.params }, 'path') as Record<string, string>,
        query: parsePart(route.query ?? z.strictObject({}), definedOnly(request.query), 'query') as Record<
          string,
          unknown
        >,
        body: parseBody(route, request.body),
      };
      const result = await handler(input);
      return result instanceof Answer ? answer(result.status, result.body) : answer(200, result);
    } catch (error) {
      if (error instanceof BadRequest)
        return answer(error.status, errorBody(error.code, error.message, error.issues), error.code);
      if (error instanceof UseCaseError) return answer(error.status, errorBody(error.code, error.message), error.code);
      logger.error('unexpected error', {
        operationId: route.operationId,
        errorName: (error as Error)?.name ?? 'Error',
      });
      return answer(500, errorBody('internal', '服务内部错误，请稍后重试'), 'internal');
    }
  };
}

function definedOnly(query: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined) out[key] = value;
  return out;
}
