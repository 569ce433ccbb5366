/**
 * The staff API on the embedded runtime: a `node:http` server playing API Gateway's part. It matches the route
 * (the same table as the CDK app), verifies the caller's session (./sign-in.ts: staff sessions; development tokens
 * in virtual-clock data directories only), hands the claims on as the Cognito authorizer would, and invokes, in
 * process, the function that serves the route on AWS: the API function, or settle for decisions. Only the sign-in
 * and virtual-clock routes are its own. Where it listens and which Host names it answers: ./listening.ts. One JSON
 * access-log line per request (route, status, user, time taken): never a header, a body or a token.
 */
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ClockAdvanceBody } from '#contracts/api.ts';
import { MAX_BODY_BYTES, MAX_URL_CHARS, parseBoundedJson, pathDecodes } from '#contracts/limits.ts';
import { RULES } from '#domain/rules/table.ts';
import type { ConsoleBundle } from '../../console/build.ts';
import { JSON_HEADERS } from '../../functions/api/apigateway.ts';
import { claimsOf } from '../../functions/api/identity.ts';
import { BODY_REFUSALS, errorBody } from '../../functions/api/router.ts';
import { matchRoute, type Route } from '../../functions/api/routes.ts';
import { StaffAccounts } from '../auth/accounts.ts';
import { InvalidDurationError, parseDuration } from '../runtime/clock.ts';
import { SERVER_STORAGE_PATH } from '../runtime/local-evidence.ts';
import type { EmbeddedRuntime } from '../runtime/runtime.ts';
import { serverFile } from './discovery.ts';
import { LocalIdentityProvider } from './identity-provider.ts';
import {
  allowedHostNames,
  checkListening,
  hostAllowed,
  type ListeningOptions,
  peerAllowed,
  requestOrigin,
  serverOrigins,
} from './listening.ts';
import { type OidcOptions, OidcVerifier } from './oidc.ts';
import { Authentication, CSRF_HEADER } from './sign-in.ts';

/** How long an idle client connection is kept open: longer than browsers' and undici's own idle limits. */
const KEEP_ALIVE_MS = 65_000;

export interface LocalRequest {
  readonly method: string;
  /** Path with its query string, e.g. `/tasks?scope=court`. */
  readonly url: string;
  readonly authorization?: string | undefined;
  /** The Cookie header and the x-csrf-token header: the console's session. */
  readonly cookie?: string | undefined;
  readonly csrf?: string | undefined;
  readonly body?: string | undefined;
  /** The body passed MAX_BODY_BYTES and was not read (the HTTP server stops reading there). */
  readonly bodyTooLarge?: boolean;
}

export interface LocalResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body: string;
}

const json = (
  status: number,
  body: unknown,
  headers: Record<string, string | readonly string[]> = {},
): LocalResponse => ({
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

/**
 * The field app's pages: as the console's, plus its service worker and manifest. Its evidence bytes go through
 * signed URLs that this server issues to itself (`/storage/objects`, same origin), so it connects to nothing else.
 */
const FIELD_HEADERS = {
  ...CONSOLE_HEADERS,
  'content-security-policy': `default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; worker-src 'self'; manifest-src 'self'; frame-ancestors 'none'; base-uri 'none'`,
};

const FIELD_APP_FILES = new Set([
  'index.html',
  'app.js',
  'app.css',
  'manifest.webmanifest',
  'icon.svg',
  'sw.js',
  'config.json',
]);

/** The staff console (console/), built in memory on first request: GET /console/… ; `/` leads there. */
function consoleFiles() {
  let bundle: Promise<ConsoleBundle> | undefined;
  let fieldBundle: Promise<ConsoleBundle> | undefined;
  return async (pathname: string, clockMode: string): Promise<LocalResponse | undefined> => {
    if (pathname === '/') return { status: 302, headers: { location: '/console/' }, body: '' };
    if (pathname === '/console') return { status: 302, headers: { location: '/console/' }, body: '' };
    if (pathname === '/field') return { status: 302, headers: { location: '/field/' }, body: '' };
    // The field officers' app (issue 17): the same toolchain, its own bundle, manifest and service worker.
    const field = pathname.startsWith('/field/');
    if (!field && !pathname.startsWith('/console/')) return undefined;
    const name = pathname.slice(field ? '/field/'.length : '/console/'.length) || 'index.html';
    // Under /field/ only the app's own files: the field routes of the API (/field/trips, ...) share the prefix.
    if (field && !FIELD_APP_FILES.has(name)) return undefined;
    if (name === 'config.json')
      return json(200, { mode: 'local', apiBase: '', clock: clockMode }, { ...CONSOLE_HEADERS });
    if (field) fieldBundle ??= import('../../console/build.ts').then((m) => m.buildFieldApp());
    else bundle ??= import('../../console/build.ts').then((m) => m.buildConsole());
    const file = (await (field ? fieldBundle : bundle))?.files[name];
    if (!file) return json(404, errorBody('not-found', '没有该页面'));
    return {
      status: 200,
      headers: { ...(field ? FIELD_HEADERS : CONSOLE_HEADERS), 'content-type': file.type },
      body: file.body,
    };
  };
}

/** Requests to the API, in process: what the HTTP server serves, and what the CLI uses when no server runs. */
export function createDispatcher(runtime: EmbeddedRuntime, auth: Authentication) {
  const staticFiles = consoleFiles();
  return async (request: LocalRequest): Promise<LocalResponse> => {
    const started = Date.now();
    const requestId = randomUUID();
    let url: URL;
    try {
      url = new URL(request.url, 'http://localhost');
    } catch {
      return json(400, errorBody('invalid', '请求地址无效'));
    }
    if (request.url.length > MAX_URL_CHARS) return json(414, errorBody('too-long', '请求地址过长'));
    if (!pathDecodes(url.pathname)) return json(400, errorBody('invalid', '请求路径的编码无效'));
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
    // Sign-in and sessions write to the runtime's database: one unit of work each (EmbeddedRuntime.unit).
    const caller = await runtime.unit(() => auth.identify(request));
    if (caller.refused)
      return respond(json(caller.refused.status, errorBody(caller.refused.code, caller.refused.message)));
    const identity = caller.identity;
    userId = identity?.userId;
    if (
      request.bodyTooLarge ||
      (request.body !== undefined && Buffer.byteLength(request.body, 'utf8') > MAX_BODY_BYTES)
    )
      return respond(json(413, errorBody('too-large', BODY_REFUSALS['too-large'].message)));

    if (route.target === 'local') {
      const answer = await runtime.unit(() => auth.serve(route, request, caller));
      if (answer)
        return respond(json(answer.status, answer.body, answer.cookies ? { 'set-cookie': [...answer.cookies] } : {}));
      return respond(await local(route, request.body, identity !== undefined));
    }
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
    // A decision resumes a workflow: run what it set going before answering, as the worker would a moment later.
    // That batch ends with one fsync for the request's unit and all it set going (docs/store.md, durability).
    const post = route.method === 'POST';
    const result = await runtime.handleApi(event, route.target, post ? 'deferred' : 'now');
    if (post) await runtime.runUntilIdle();
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
    const parsedBody = parseBoundedJson(raw ?? '');
    if (!parsedBody.ok) {
      const refusal = BODY_REFUSALS[parsedBody.refusal];
      return json(refusal.status, errorBody(refusal.code, refusal.message));
    }
    const body = parsedBody.value;
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
  /** Staff accounts of the runtime's database: sign-in, sessions, the audit log. */
  readonly accounts: StaffAccounts;
  close(): Promise<void>;
}

export interface LocalApiOptions extends ListeningOptions {
  /** Default 0: any free port. */
  readonly port?: number;
  /** Where the secret and the discovery file live; without it, both stay in memory. */
  readonly dataDir?: string;
  /** Also trust ID tokens of the court's OpenID Connect provider (./oidc.ts). */
  readonly oidc?: OidcOptions;
}

/** The body is over the limit: refused as soon as that is known, the rest never read. */
const TOO_LARGE = Symbol('too-large');

/**
 * The request body, or TOO_LARGE: at once when Content-Length says so, or as soon as the stream passes
 * MAX_BODY_BYTES (then the request stops being read; the answer closes the connection).
 */
function readBody(req: IncomingMessage): Promise<string | undefined | typeof TOO_LARGE> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      resolve(TOO_LARGE);
    };
    req.on('data', onData);
    req.on('end', () => resolve(chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined));
    req.on('error', reject);
  });
}

export async function startLocalApi(runtime: EmbeddedRuntime, options: LocalApiOptions = {}): Promise<LocalApiServer> {
  checkListening(options);
  const idp = new LocalIdentityProvider(runtime.staff, options.dataDir);
  const accounts = new StaffAccounts(runtime.database, runtime.staff, RULES);
  const auth = new Authentication({
    accounts,
    // Development tokens (no password) only where nothing is real: virtual-clock demos, training and tests.
    devTokens: runtime.clock.mode === 'virtual' ? idp : undefined,
    oidc: options.oidc ? new OidcVerifier(options.oidc, runtime.staff, RULES) : undefined,
    secureCookies: options.tls !== undefined || options.behindProxy !== undefined,
  });
  const dispatch = createDispatcher(runtime, auth);
  let allowedHosts: ReadonlySet<string> = new Set();
  const storage = runtime.evidence.storageHandler();
  /**
   * Evidence bytes through the links this server issued (`/storage/objects`): a phone on the court network reaches
   * this server, not the loopback gate. The signature authorizes (no session); the body streams to disk, bounded by
   * the signed size. Logged like any request, without the query (it carries the signature).
   */
  const serveStorage = (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    res.on('finish', () =>
      runtime.log({
        level: 'INFO',
        message: 'access',
        service: 'enforcement',
        function: 'local-api',
        method: req.method,
        route: 'storage',
        status: res.statusCode,
        ms: Date.now() - started,
      }),
    );
    storage(req, res);
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const checked = peerAllowed(req.socket.remoteAddress, options) && hostAllowed(req.headers.host, allowedHosts);
    if (checked && (req.url ?? '').startsWith(`${SERVER_STORAGE_PATH}/`)) {
      serveStorage(req, res);
      return;
    }
    void (async () => {
      let response: LocalResponse;
      let unread = false;
      try {
        if (!peerAllowed(req.socket.remoteAddress, options)) {
          response = json(403, errorBody('forbidden', '只接受来自反向代理的连接'));
        } else if (!hostAllowed(req.headers.host, allowedHosts)) {
          response = json(421, errorBody('misdirected', '请求的主机名不是本服务的名称'));
        } else {
          const csrf = req.headers[CSRF_HEADER];
          const body = await readBody(req);
          unread = body === TOO_LARGE;
          // Links issued while answering point back at this server, under the name the client used.
          response = await runtime.evidence.linksVia(requestOrigin(req.headers.host ?? '', options), () =>
            dispatch({
              method: req.method ?? 'GET',
              url: req.url ?? '/',
              authorization: req.headers.authorization,
              cookie: req.headers.cookie,
              csrf: Array.isArray(csrf) ? csrf[0] : csrf,
              ...(body === TOO_LARGE ? { bodyTooLarge: true } : { body }),
            }),
          );
        }
      } catch (error) {
        runtime.log({ level: 'ERROR', message: 'local api failed', errorName: (error as Error)?.name ?? 'Error' });
        response = json(500, errorBody('internal', '服务内部错误，请稍后重试'));
      }
      // A body left unread: answer, then close the connection rather than read (or drain) the rest.
      const headers = response.headers as Record<string, string | string[]>;
      res.writeHead(response.status, unread ? { ...headers, connection: 'close' } : headers);
      res.end(response.body, () => {
        if (unread) req.socket.destroy();
      });
    })();
  };
  const server: Server = options.tls
    ? (createTlsServer({ cert: options.tls.cert, key: options.tls.key }, handler) as unknown as Server)
    : createServer(handler);
  // Idle keep-alive connections are kept longer than clients keep theirs (Node's default of 5 s races a client that
  // sends its next request on a connection the server is just closing: ECONNRESET on a busy machine).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  allowedHosts = allowedHostNames(options, address);
  // The evidence gate answers CORS for this server's pages only (the field app's uploads, the console's downloads).
  const withdrawOrigins = runtime.evidence.allowBrowserOrigins(serverOrigins(options, address, port));
  const shown = ['0.0.0.0', '::'].includes(address) ? '127.0.0.1' : address;
  const url = `${options.tls ? 'https' : 'http'}://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
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
    accounts,
    close: async () => {
      if (options.dataDir) rmSync(serverFile(options.dataDir), { force: true });
      withdrawOrigins();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
