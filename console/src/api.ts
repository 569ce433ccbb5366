/**
 * The console's only way to the system: the staff API (same origin: the local server, or CloudFront in front of
 * API Gateway under /v1). It is never logged or shown.
 *
 * How the session is held:
 *  - a real-clock local server: an HttpOnly, SameSite=Strict cookie the page's scripts cannot read (so a script
 *    injected into the page cannot carry the session away), and a CSRF token, readable, that every POST repeats
 *    in the x-csrf-token header (so another site cannot make the browser act with the cookie);
 *  - Cognito (AWS), the court's own OpenID Connect provider (AWS China) and a virtual-clock local server
 *    (development tokens): a bearer token in sessionStorage, for this tab only, never localStorage.
 */
import { type Fen, formatYuan } from '#domain/money.ts';

export { type CodeSignIn, type ConsoleConfig, codeSignInOf } from './code-sign-in.ts';

import type { CodeSignIn, ConsoleConfig } from './code-sign-in.ts';

export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

const TOKEN_KEY = 'enforcement-console-token';

export function savedToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export function saveToken(token: string | undefined): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

const CSRF_COOKIE = 'enforce_csrf';

/** The cookie session's CSRF token (readable on purpose; the session cookie itself is not). */
export function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, value] = part.trim().split('=');
    if (key === CSRF_COOKIE && value) return value;
  }
  return undefined;
}

/** Forgets the cookie session on this side (the server ends it at sign-out; an expired one is already gone). */
export function forgetCookieSession(): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the CSRF cookie is deliberately readable and removed here.
  document.cookie = `${CSRF_COOKIE}=; Path=/; Max-Age=0; SameSite=Strict`;
}

export function signedIn(): boolean {
  return savedToken() !== undefined || csrfToken() !== undefined;
}

export function client(config: ConsoleConfig, onUnauthenticated: () => void) {
  async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const token = savedToken();
    const csrf = method === 'GET' ? undefined : csrfToken();
    const response = await fetch(`${config.apiBase}${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      if (response.status === 401) onUnauthenticated();
      const message =
        (parsed as { error?: { message?: string }; message?: string } | undefined)?.error?.message ??
        (parsed as { message?: string } | undefined)?.message ??
        (response.status === 403
          ? '无权办理该事项'
          : response.status === 404
            ? '找不到该事项'
            : '服务未能办理该请求，请稍后重试');
      throw new ApiError(response.status, message);
    }
    return parsed as T;
  }
  return {
    get: <T>(path: string) => request<T>('GET', path),
    post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  };
}

export type Api = ReturnType<typeof client>;

/** The provider's sign-in (Cognito's hosted sign-in or the court's own), authorization code with PKCE. */
export async function startCodeSignIn(config: CodeSignIn): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  sessionStorage.setItem('enforcement-console-pkce', verifier);
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: 'openid profile',
    code_challenge_method: 'S256',
    code_challenge: challenge,
  });
  location.assign(`${config.authorizationEndpoint}?${query}`);
}

/** Back from the provider's sign-in: the code for tokens; the ID token is what API Gateway's authorizer reads. */
export async function finishCodeSignIn(config: CodeSignIn): Promise<boolean> {
  const code = new URLSearchParams(location.search).get('code');
  const verifier = sessionStorage.getItem('enforcement-console-pkce');
  if (!code || !verifier) return false;
  const response = await fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      redirect_uri: config.redirectUri,
      code,
      code_verifier: verifier,
    }),
  });
  sessionStorage.removeItem('enforcement-console-pkce');
  history.replaceState(null, '', location.pathname + location.hash);
  if (!response.ok) return false;
  const tokens = (await response.json()) as { id_token?: string };
  if (!tokens.id_token) return false;
  saveToken(tokens.id_token);
  return true;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Fen as yuan, `¥51,650.00`. */
export function yuan(fen: number | undefined): string {
  if (fen === undefined) return '—';
  // One money format everywhere, the timeline's and the CLI's (formatYuan): 51,650.00元.
  return formatYuan(Math.round(fen) as Fen);
}

/** An instant in China time, `2026-03-02 09:30`. */
export function chinaTime(instant: string | undefined): string {
  if (!instant) return '—';
  return new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
