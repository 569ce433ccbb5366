/**
 * `enforce login --as <user>`: a session for the CLI and scripts (a bearer token, printed once).
 *  - A real-clock data directory: sign-in with the password (a hidden prompt, or --password-stdin) and, for an
 *    approving role, the current TOTP code (--code, or a prompt); through the running server, or in process.
 *  - A virtual-clock data directory (demos, training, tests): a development token, no password.
 * Later commands reach a real-clock server with the token in ENFORCE_SESSION.
 */
import { referenceData } from '#commons/reference-data.ts';
import { chinaTime } from '#domain/timeline/timeline.ts';
import { LocalIdentityProvider, UnknownUserError } from '../api/identity-provider.ts';
import { StaffAccounts } from '../auth/accounts.ts';
import { runningServer } from './api-client.ts';
import { CliError, type Output } from './output.ts';
import { dataDirOf, type GlobalOptions, withRuntime } from './session.ts';
import { SecretSource } from './users.ts';

export interface LoginOptions {
  readonly as: string;
  readonly code?: string;
  readonly passwordStdin?: boolean;
}

interface Issued {
  readonly token: string;
  readonly expiresAt: string;
  readonly kind: 'session' | 'development';
}

type Attempt = (code: string | undefined) => Promise<{ issued?: Issued; code?: string; message?: string }>;

/** Signs in, asking for the code when the account needs one and none was given. */
async function withCode(attempt: Attempt, options: LoginOptions, secrets: SecretSource): Promise<Issued> {
  let result = await attempt(options.code);
  if (!result.issued && result.code === 'totp-required' && options.code === undefined)
    result = await attempt(await secrets.next('动态口令（六位数字）'));
  if (!result.issued) throw new CliError(result.message ?? '登录失败');
  return result.issued;
}

export async function loginCommand(globals: GlobalOptions, out: Output, options: LoginOptions): Promise<void> {
  const dataDir = dataDirOf(globals);
  const server = runningServer(dataDir);
  const secrets = new SecretSource(options.passwordStdin === true);
  let issued: Issued;
  if (server) {
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const development = await post('/auth/token', { userId: options.as });
    if (development.status === 200) {
      const { token, expiresAt } = development.body as { token: string; expiresAt: string };
      issued = { token, expiresAt, kind: 'development' };
    } else if (development.status !== 404) {
      throw new CliError((development.body as { error?: { message?: string } }).error?.message ?? '登录失败');
    } else {
      const password = await secrets.next(`${options.as} 的密码`);
      issued = await withCode(
        async (code) => {
          const answer = await post('/auth/sign-in', {
            userId: options.as,
            password,
            ...(code ? { totp: code } : {}),
          });
          const error = (answer.body as { error?: { code: string; message: string } }).error;
          if (answer.status !== 200) return { code: error?.code ?? '', message: error?.message ?? '登录失败' };
          const { token, expiresAt } = answer.body as { token: string; expiresAt: string };
          return { issued: { token, expiresAt, kind: 'session' } };
        },
        options,
        secrets,
      );
    }
  } else {
    issued = await withRuntime(
      globals,
      out,
      async (runtime) => {
        if (runtime.clock.mode === 'virtual') {
          try {
            const { token, expiresAt } = await new LocalIdentityProvider(runtime.staff, dataDir).issue(options.as);
            return { token, expiresAt, kind: 'development' } as const;
          } catch (error) {
            if (error instanceof UnknownUserError) throw new CliError(error.message);
            throw error;
          }
        }
        const accounts = new StaffAccounts(runtime.database, runtime.staff, referenceData().rules);
        const password = await secrets.next(`${options.as} 的密码`);
        return withCode(
          async (code) => {
            const result = accounts.signIn(options.as, password, code);
            if (result.ok)
              return {
                issued: {
                  token: result.session.token,
                  expiresAt: new Date(result.session.expiresAt * 1000).toISOString(),
                  kind: 'session',
                },
              };
            return {
              code: result.reason,
              message:
                result.reason === 'locked'
                  ? '多次登录失败，账户已暂时锁定，请稍后再试或联系管理员'
                  : result.reason === 'totp-not-enrolled'
                    ? '您的岗位须使用动态口令登录：请联系管理员登记'
                    : '用户名、密码或动态口令不正确',
            };
          },
          options,
          secrets,
        );
      },
      { quiet: true },
    );
  }
  out.result(
    {
      token: issued.token,
      expiresAt: issued.expiresAt,
      userId: options.as,
      kind: issued.kind,
      ...(server ? { url: server.url } : {}),
    },
    () => {
      out.line(issued.token);
      process.stderr.write(
        issued.kind === 'development'
          ? `（开发用令牌：${options.as}，有效至 ${chinaTime(issued.expiresAt)}；请求时放在 Authorization: Bearer 头中${server ? `，服务地址 ${server.url}` : ''}）\n`
          : `（${options.as} 已登录，会话最迟 ${chinaTime(issued.expiresAt)} 结束，闲置 30 分钟即失效；其他命令经由服务办理时请设置环境变量 ENFORCE_SESSION 为该令牌）\n`,
      );
    },
  );
}
