/**
 * Who is calling the embedded runtime's staff API, and the routes that sign in and out.
 *
 *  - Staff sessions (`POST /auth/sign-in`, staff accounts in the data directory's database): the only way in on a
 *    real-clock server. The CLI and scripts hold a bearer token; the console holds an HttpOnly, SameSite=Strict
 *    cookie (Secure behind TLS) that page scripts cannot read, and proves each state-changing request is its own
 *    with a CSRF token (double submit: a readable cookie repeated in the x-csrf-token header, bound to the session
 *    by its hash). A bearer token is not sent by the browser on its own, so it needs no CSRF check.
 *  - Optionally, ID tokens of the court's own OpenID Connect provider (./oidc.ts), as bearer tokens.
 *  - Development tokens (`POST /auth/token`, any user, no password): only in virtual-clock data directories
 *    (demos, training, tests). A real-clock server answers 404 and refuses such a token even if one is shown.
 */
import type { Identity } from '#domain/staff/roles.ts';
import { errorBody } from '../../functions/api/router.ts';
import type { Route } from '../../functions/api/routes.ts';
import { SignInBody, TokenRequest } from '../../functions/contracts/api.ts';
import { parseBoundedJson } from '../../functions/contracts/limits.ts';
import type { SignInFailure, StaffAccounts } from '../auth/accounts.ts';
import { tokenHash } from '../auth/secrets.ts';
import { type LocalIdentityProvider, TOKEN_SECONDS, UnknownUserError } from './identity-provider.ts';
import type { OidcVerifier } from './oidc.ts';

export const SESSION_COOKIE = 'enforce_session';
export const CSRF_COOKIE = 'enforce_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthRequest {
  readonly method: string;
  readonly authorization?: string | undefined;
  readonly cookie?: string | undefined;
  readonly csrf?: string | undefined;
  readonly body?: string | undefined;
}

export interface AuthAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly cookies?: readonly string[];
}

export interface AuthenticationOptions {
  /** The staff accounts (sessions); without them, no sign-in (an in-process CLI call with a development token). */
  readonly accounts?: StaffAccounts | undefined;
  /** Development tokens: issued and accepted only when given (virtual-clock data directories, the in-process CLI). */
  readonly devTokens?: LocalIdentityProvider | undefined;
  /** The court's OpenID Connect provider, when trusted. */
  readonly oidc?: OidcVerifier | undefined;
  /** Mark cookies Secure (served over TLS, directly or by the proxy in front). */
  readonly secureCookies?: boolean;
}

const REFUSED: Record<SignInFailure, { code: string; message: string }> = {
  invalid: { code: 'unauthenticated', message: '用户名、密码或动态口令不正确' },
  locked: { code: 'locked', message: '多次登录失败，账户已暂时锁定，请稍后再试或联系管理员' },
  'totp-required': { code: 'totp-required', message: '请输入动态口令（六位数字）' },
  'totp-not-enrolled': { code: 'totp-not-enrolled', message: '您的岗位须使用动态口令登录：请联系管理员登记' },
  'no-staff-identity': { code: 'unauthenticated', message: '用户名、密码或动态口令不正确' },
};

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export class Authentication {
  readonly accounts: StaffAccounts | undefined;
  readonly devTokens: LocalIdentityProvider | undefined;
  private readonly oidc: OidcVerifier | undefined;
  private readonly secure: boolean;

  constructor(options: AuthenticationOptions) {
    this.accounts = options.accounts;
    this.devTokens = options.devTokens;
    this.oidc = options.oidc;
    this.secure = options.secureCookies === true;
  }

  /** The session token a request carries: its bearer token, else its session cookie. */
  private tokenOf(request: AuthRequest): { token: string; via: 'bearer' | 'cookie' } | undefined {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.authorization ?? '')?.[1];
    if (bearer) return { token: bearer, via: 'bearer' };
    const cookie = cookieValue(request.cookie, SESSION_COOKIE);
    return cookie ? { token: cookie, via: 'cookie' } : undefined;
  }

  /**
   * The caller: an identity, nobody (no credentials at all), or a refusal (credentials that do not hold, or a
   * cookie-borne change without its CSRF token).
   */
  async identify(
    request: AuthRequest,
  ): Promise<{ identity?: Identity; token?: string; refused?: { status: number; code: string; message: string } }> {
    const carried = this.tokenOf(request);
    if (!carried) return {};
    const { token, via } = carried;
    if (token.startsWith('ses_') && this.accounts) {
      const session = this.accounts.verify(token);
      if (!session) return { refused: { status: 401, code: 'unauthenticated', message: '会话无效、已过期或已退出' } };
      if (via === 'cookie' && request.method !== 'GET') {
        const csrf = request.csrf ?? '';
        if (!session.csrfHash || !csrf || tokenHash(csrf) !== session.csrfHash)
          return { refused: { status: 403, code: 'csrf', message: '请求缺少有效的防伪令牌，请刷新页面后重试' } };
      }
      return { identity: session.identity, token };
    }
    if (via === 'bearer' && this.oidc) {
      const identity = await this.oidc.verify(token);
      if (identity) return { identity };
    }
    if (via === 'bearer' && this.devTokens) {
      const identity = await this.devTokens.verify(token);
      if (identity) return { identity };
    }
    return { refused: { status: 401, code: 'unauthenticated', message: '令牌无效、已过期或用户已停用' } };
  }

  private cookies(token: string, csrf: string, maxAge: number): string[] {
    const secure = this.secure ? '; Secure' : '';
    return [
      `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`,
      `${CSRF_COOKIE}=${csrf}; Path=/; SameSite=Strict; Max-Age=${maxAge}${secure}`,
    ];
  }

  /** The routes of this module; undefined for any other route. */
  async serve(
    route: Route,
    request: AuthRequest,
    caller: { identity?: Identity; token?: string },
  ): Promise<AuthAnswer | undefined> {
    if (route.operationId === 'issueDevelopmentToken') return this.developmentToken(request.body);
    if (route.operationId === 'signIn') return this.signIn(request.body);
    if (route.operationId === 'signOut') {
      if (!caller.identity) return { status: 401, body: errorBody('unauthenticated', '未登录或身份无法核验') };
      if (caller.token) this.accounts?.signOut(caller.token);
      return { status: 200, body: { signedOut: true }, cookies: this.cookies('', '', 0) };
    }
    return undefined;
  }

  private async developmentToken(raw: string | undefined): Promise<AuthAnswer> {
    if (!this.devTokens) return { status: 404, body: errorBody('not-found', '没有该接口') };
    const parsed = TokenRequest.safeParse(parseJson(raw));
    if (!parsed.success) return { status: 400, body: errorBody('invalid', '请求体须为 {"userId": "..."}') };
    try {
      const issued = await this.devTokens.issue(parsed.data.userId);
      return {
        status: 200,
        body: {
          token: issued.token,
          tokenType: 'Bearer',
          expiresAt: issued.expiresAt,
          userId: issued.identity.userId,
          roles: [...issued.identity.roles],
          court: issued.identity.court,
          note: `开发用令牌（仅虚拟时钟的演示、培训与测试数据目录，${TOKEN_SECONDS / 3600} 小时有效）；正式使用须经 /auth/sign-in 登录`,
        },
      };
    } catch (error) {
      if (error instanceof UnknownUserError)
        return { status: 401, body: errorBody('unauthenticated', '未知或已停用的用户') };
      throw error;
    }
  }

  private signIn(raw: string | undefined): AuthAnswer {
    if (!this.accounts) return { status: 404, body: errorBody('not-found', '没有该接口') };
    const parsed = SignInBody.safeParse(parseJson(raw));
    if (!parsed.success)
      return {
        status: 400,
        body: errorBody(
          'invalid',
          '请求体须为 {"userId": "...", "password": "...", "totp": "六位数字（审批岗位必填）"}',
        ),
      };
    const { userId, password, totp, session } = parsed.data;
    const cookie = session === 'cookie';
    const result = this.accounts.signIn(userId, password, totp, { cookie });
    if (!result.ok) {
      const refused = REFUSED[result.reason];
      return { status: 401, body: errorBody(refused.code, refused.message) };
    }
    const { token, expiresAt, identity, csrf } = result.session;
    const base = {
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      userId: identity.userId,
      roles: [...identity.roles],
      court: identity.court,
    };
    if (cookie && csrf)
      return {
        status: 200,
        body: { tokenType: 'Cookie', csrfToken: csrf, ...base },
        cookies: this.cookies(token, csrf, expiresAt - Math.floor(Date.now() / 1000)),
      };
    return { status: 200, body: { tokenType: 'Bearer', token, ...base } };
  }
}

/** The body within the input limits (#contracts/limits.ts), or undefined: the schema then refuses it. */
function parseJson(raw: string | undefined): unknown {
  const parsed = parseBoundedJson(raw ?? '');
  return parsed.ok ? parsed.value : undefined;
}
