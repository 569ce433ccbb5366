/**
 * The staff API on the embedded runtime: a `node:http` server playing API Gateway's part. It matches the route
 * (the same table as the CDK app), verifies the bearer token with the local identity provider, hands the claims
 * on as the Cognito authorizer would, and invokes, in process, the function that serves the route on AWS: the API
 * function, or settle for decisions. Only the development-token and virtual-clock routes are its own. One JSON
 * access-log line per request (route, status, user, time taken): never a header, a body or a token.
 */
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ClockAdvanceBody, TokenRequest } from '#contracts/api.ts';
import type { ConsoleBundle } from '../../console/build.ts';
import { JSON_HEADERS } from '../../functions/api/apigateway.ts';
import { claimsOf } from '../../functions/api/identity.ts';
import { errorBody, MAX_BODY_BYTES } from '../../functions/api/router.ts';
import { matchRoute, type Route } from '../../functions/api/routes.ts';
import { InvalidDurationError, parseDuration } from '../runtime/clock.ts';
import type { EmbeddedRuntime } from '../runtime/runtime.ts';
import { serverFile } from './discovery.ts';
import { LocalIdentityProvider, TOKEN_SECONDS, UnknownUserError } from './identity-provider.ts';

export interface LocalRequest {
  readonly method: string;
  /** Path with its query string, e.g. `/tasks?scope=court`. */
  readonly url: string;
  readonly authorization?: string | undefined;
  readonly body?: string | undefined;
}

export interface LocalResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): LocalResponse => ({
  status,
  headers: { ...JSON_HEADERS, ...headers },
  body: JSON.stringify(body),
});

/** The console's pages: same origin as the API, scripts from this server only, never framed. */
const CONSOLE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
} as const;

/** The staff console (console/), built in memory on first request: GET /console/… ; `/` leads there. */
function consoleFiles() {
  let bundle: Promise<ConsoleBundle> | undefined;
  return async (pathname: string, clockMode: string): Promise<LocalResponse | undefined> => {
    if (pathname === '/') return { status: 302, headers: { location: '/console/' }, body: '' };
    if (pathname === '/console') return { status: 302, headers: { location: '/console/' }, body: '' };
    if (!pathname.startsWith('/console/')) return undefined;
    const name = pathname.slice('/console/'.length) || 'index.html';
    if (name === 'config.json')
      return json(200, { mode: 'local', apiBase: '', clock: clockMode }, { ...CONSOLE_HEADERS });
    bundle ??= import('../../console/build.ts').then((m) => m.buildConsole());
    const file = (await bundle).files[name];
    if (!file) return json(404, errorBody('not-found', '没有该页面'));
    return { status: 200, headers: { ...CONSOLE_HEADERS, 'content-type': file.type }, body: file.body };
  };
}

/** Requests to the API, in process: what the HTTP server serves, and what the CLI uses when no server runs. */
export function createDispatcher(runtime: EmbeddedRuntime, idp: LocalIdentityProvider) {
  const staticFiles = consoleFiles();
  return async (request: LocalRequest): Promise<LocalResponse> => {
    const started = Date.now();
    const requestId = randomUUID();
    const url = new URL(request.url, 'http://localhost');
    if (request.method === 'GET') {
      const page = await staticFiles(url.pathname, runtime.clock.mode);
      if (page) return page;
    }
    let route: Route | undefined;
    let userId: string | undefined;
    const respond = (response: LocalResponse): LocalResponse => {
      runtime.log({
        level: 'INFO',
        message: 'access',
        service: 'enforcement',
        function: 'local-api',
        requestId,
        method: request.method,
        route: route?.path ?? 'unmatched',
        status: response.status,
        ms: Date.now() - started,
        ...(userId ? { userId } : {}),
      });
      return response;
    };
    const matched = matchRoute(request.method, url.pathname);
    if (!matched.route) {
      if (matched.allowed.length > 0)
        return respond(
          json(405, errorBody('method-not-allowed', '不支持该请求方法'), { allow: matched.allowed.join(', ') }),
        );
      return respond(json(404, errorBody('not-found', '没有该接口')));
    }
    route = matched.route;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.authorization ?? '')?.[1];
    const identity = bearer ? await idp.verify(bearer) : undefined;
    if (bearer && !identity) return respond(json(401, errorBody('unauthenticated', '令牌无效、已过期或用户已停用')));
    userId = identity?.userId;
    if (request.body !== undefined && Buffer.byteLength(request.body, 'utf8') > MAX_BODY_BYTES)
      return respond(json(413, errorBody('too-large', '请求体过大')));

    if (route.target === 'local') return respond(await local(route, request.body, identity !== undefined));
    const event = {
      resource: route.path,
      path: url.pathname,
      httpMethod: route.method,
      headers: {},
      multiValueHeaders: {},
      queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : null,
      multiValueQueryStringParameters: null,
      pathParameters: Object.keys(matched.params).length > 0 ? matched.params : null,
      stageVariables: null,
      body: request.body ?? null,
      isBase64Encoded: false,
      requestContext: {
        requestId,
        ...(identity ? { authorizer: { claims: claimsOf(identity) } } : {}),
      },
    } as unknown as APIGatewayProxyEvent;
    const result = await runtime.handleApi(event, route.target);
    // A decision resumes a workflow: run what it set going before answering, as the worker would a moment later.
    if (route.method === 'POST') await runtime.runUntilIdle();
    return respond({
      status: result.statusCode,
      headers: (result.headers ?? {}) as Record<string, string>,
      body: result.body,
    });
  };

  async function local(route: Route, raw: string | undefined, authenticated: boolean): Promise<LocalResponse> {
    if (route.operationId === 'getClock') {
      if (!authenticated) return json(401, errorBody('unauthenticated', '未登录或身份无法核验'));
      return json(200, { mode: runtime.clock.mode, now: runtime.clock.now() });
    }
    let body: unknown;
    try {
      body = JSON.parse(raw ?? '');
    } catch {
      return json(400, errorBody('invalid', '请求体不是有效的 JSON'));
    }
    if (route.operationId === 'issueDevelopmentToken') {
      const parsed = TokenRequest.safeParse(body);
      if (!parsed.success) return json(400, errorBody('invalid', '请求体须为 {"userId": "..."}'));
      try {
        const issued = await idp.issue(parsed.data.userId);
        return json(200, {
          token: issued.token,
          tokenType: 'Bearer',
          expiresAt: issued.expiresAt,
          userId: issued.identity.userId,
          roles: [...issued.identity.roles],
          court: issued.identity.court,
          note: `开发用令牌（本地身份提供者签发，${TOKEN_SECONDS / 3600} 小时有效）；生产环境由 Cognito 登录`,
        });
      } catch (error) {
        if (error instanceof UnknownUserError) return json(401, errorBody('unauthenticated', error.message));
        throw error;
      }
    }
    // advanceClock
    if (!authenticated) return json(401, errorBody('unauthenticated', '未登录或身份无法核验'));
    if (runtime.clock.mode !== 'virtual')
      return json(409, errorBody('real-clock', '本数据目录使用真实时钟，不能调整时间（仅演示和测试用的虚拟时钟可以）'));
    const parsed = ClockAdvanceBody.safeParse(body);
    if (!parsed.success) return json(400, errorBody('invalid', '请求体须为 {"duration": "3d"}'));
    try {
      return json(200, await runtime.advance(parseDuration(parsed.data.duration)));
    } catch (error) {
      if (error instanceof InvalidDurationError) return json(400, errorBody('invalid', error.message));
      throw error;
    }
  }
}

export interface LocalApiServer {
  readonly url: string;
  readonly port: number;
  readonly dispatch: ReturnType<typeof createDispatcher>;
  readonly idp: LocalIdentityProvider;
  close(): Promise<void>;
}

export interface LocalApiOptions {
  /** Default 0: any free port. */
  readonly port?: number;
  /** Default 127.0.0.1: the development identity provider must not be reachable from the network. */
  readonly host?: string;
  /** Where the secret and the discovery file live; without it, both stay in memory. */
  readonly dataDir?: string;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep one byte past the limit: enough for the dispatcher to refuse it, never the whole of a huge body.
      if (size <= MAX_BODY_BYTES + 1) chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined));
    req.on('error', reject);
  });
}

export async function startLocalApi(runtime: EmbeddedRuntime, options: LocalApiOptions = {}): Promise<LocalApiServer> {
  const idp = new LocalIdentityProvider(runtime.staff, options.dataDir);
  const dispatch = createDispatcher(runtime, idp);
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      let response: LocalResponse;
      try {
        response = await dispatch({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          authorization: req.headers.authorization,
          body: await readBody(req),
        });
      } catch (error) {
        runtime.log({ level: 'ERROR', message: 'local api failed', errorName: (error as Error)?.name ?? 'Error' });
        response = json(500, errorBody('internal', '服务内部错误，请稍后重试'));
      }
      res.writeHead(response.status, response.headers);
      res.end(response.body);
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  if (options.dataDir) {
    writeFileSync(
      serverFile(options.dataDir),
      `${JSON.stringify({ pid: process.pid, url, startedAt: new Date().toISOString() }, null, 2)}\n`,
      { mode: 0o600 },
    );
  }
  return {
    url,
    port,
    dispatch,
    idp,
    close: async () => {
      if (options.dataDir) rmSync(serverFile(options.dataDir), { force: true });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
