/**
 * The CLI's way to the staff API. When `enforce serve` holds the data directory (its discovery file names a live
 * process), commands go to that server over HTTP: with the session of `enforce login` (ENFORCE_SESSION), or, on a
 * virtual-clock server only, a development token. Otherwise the CLI opens the data directory itself and sends the
 * same requests, in process, through the same dispatcher the server uses: whoever can open the data directory
 * holds everything in it already, so that path acts as `--as` without a password (it is never served). Either
 * way a command acts as a user of the staff directory, through the same checks and use cases.
 */
import { runningServer } from '../api/discovery.ts';
import type { EmbeddedRuntime } from '../runtime/runtime.ts';
import { CliError, type Output } from './output.ts';
import { dataDirOf, type GlobalOptions, withRuntime } from './session.ts';

export type ApiCall = <T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown) => Promise<T>;

export interface ApiSession {
  readonly call: ApiCall;
  /** The server's URL when one runs; undefined when the CLI opened the data directory itself. */
  readonly remote?: string;
  /** The runtime, when in process (for names); a remote server's names come in its answers. */
  readonly runtime?: EmbeddedRuntime;
}

/**
 * The API's refusal as staff read it: its message (which names the fields), never the transport (no status
 * number); the API's error code goes with it for `--json`.
 */
function failure(status: number, body: unknown): CliError {
  const error = (body as { error?: { code?: string; message?: string } })?.error;
  return new CliError(error?.message ?? FALLBACK[status] ?? '服务未能办理该请求，请稍后重试', 1, error?.code ?? 'api');
}

const FALLBACK: Record<number, string> = {
  401: '未登录或会话已失效',
  403: '无权办理该事项',
  404: '找不到该事项',
  409: '该事项已有变化，请刷新后重试',
};

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export { runningServer };

/**
 * The bearer token for `as` on a running server: the session in ENFORCE_SESSION (from `enforce login`; it must
 * be that user's), else, on a virtual-clock server only, a development token.
 */
async function serverToken(url: string, as: string): Promise<string> {
  const session = process.env.ENFORCE_SESSION;
  if (session) {
    const response = await fetch(`${url}/me`, { headers: { authorization: `Bearer ${session}` } });
    const me = parse(await response.text());
    if (!response.ok)
      throw new CliError('ENFORCE_SESSION 中的会话无效、已过期或已退出：请重新 npm run enforce -- login');
    if ((me as { userId?: string }).userId !== as)
      throw new CliError(`ENFORCE_SESSION 中的会话属于 ${(me as { userId?: string }).userId}，不是 ${as}`);
    return session;
  }
  const tokenResponse = await fetch(`${url}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: as }),
  });
  const issued = parse(await tokenResponse.text());
  if (tokenResponse.status === 404)
    throw new CliError(
      `该服务使用真实时钟，须先登录：npm run enforce -- login --as ${as}，再将显示的令牌放入环境变量 ENFORCE_SESSION`,
    );
  if (!tokenResponse.ok) throw failure(tokenResponse.status, issued);
  return (issued as { token: string }).token;
}

export async function withApi<T>(
  globals: GlobalOptions,
  out: Output,
  as: string,
  work: (session: ApiSession) => Promise<T>,
  extra: { readonly quiet?: boolean } = {},
): Promise<T> {
  const dataDir = dataDirOf(globals);
  const server = runningServer(dataDir);
  if (server) {
    const token = await serverToken(server.url, as);
    const call: ApiCall = async (method, path, body) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const answer = parse(await response.text());
      if (!response.ok) throw failure(response.status, answer);
      return answer as never;
    };
    return work({ call, remote: server.url });
  }
  return withRuntime(
    globals,
    out,
    async (runtime) => {
      // Loaded only on this path: a command that goes to a running server, or reads, never loads the staff API.
      const [{ LocalIdentityProvider, UnknownUserError }, { createDispatcher }, { Authentication }] = await Promise.all(
        [import('../api/identity-provider.ts'), import('../api/server.ts'), import('../api/sign-in.ts')],
      );
      const idp = new LocalIdentityProvider(runtime.staff, dataDir);
      // Direct access to the data directory is the operator's own: a development token, in process, never served.
      const dispatch = createDispatcher(runtime, new Authentication({ devTokens: idp }));
      let token: string;
      try {
        ({ token } = await idp.issue(as));
      } catch (error) {
        if (error instanceof UnknownUserError) throw new CliError(error.message);
        throw error;
      }
      const call: ApiCall = async (method, path, body) => {
        const response = await dispatch({
          method,
          url: path,
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
        const answer = parse(response.body);
        if (response.status >= 400) throw failure(response.status, answer);
        return answer as never;
      };
      return work({ call, runtime });
    },
    extra,
  );
}

/**
 * One staff request through the API (the running server, or the embedded dispatcher): a refusal becomes one line,
 * `<refused>：<why>`; the answer is printed as `describe` says, or as JSON under --json.
 */
export async function staffRequest<T>(
  globals: GlobalOptions,
  out: Output,
  as: string,
  request: { readonly method: 'GET' | 'POST'; readonly path: string; readonly body?: unknown },
  refused: string,
  describe: (answer: T) => readonly string[],
): Promise<void> {
  await withApi(globals, out, as, async ({ call }) => {
    const answer = await call<T>(request.method, request.path, request.body).catch((error: Error) => {
      // The API's error code is kept (the exit code and `--json` name it).
      throw new CliError(`${refused}：${error.message}`, 1, error instanceof CliError ? error.code : undefined);
    });
    out.result(answer, () => {
      for (const line of describe(answer)) out.line(line);
    });
  });
}
