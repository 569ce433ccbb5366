/**
 * The console's only way to the system: the staff API (same origin: the local server, or CloudFront in front of
 * API Gateway under /v1). The token lives in sessionStorage for this tab only; it is never logged or shown.
 */
export interface ConsoleConfig {
  /** `local`: development tokens from POST /auth/token; `cognito`: the hosted sign-in with PKCE. */
  readonly mode: 'local' | 'cognito';
  /** Where the API is, relative to the console ('' locally, '/v1' behind CloudFront). */
  readonly apiBase: string;
  readonly cognito?: { readonly domain: string; readonly clientId: string; readonly redirectUri: string };
}

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

export function client(config: ConsoleConfig, onUnauthenticated: () => void) {
  async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const token = savedToken();
    const response = await fetch(`${config.apiBase}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
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
        `HTTP ${response.status}`;
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

/** Cognito's hosted sign-in, authorization code with PKCE (AWS deployments). */
export async function startCognitoSignIn(config: NonNullable<ConsoleConfig['cognito']>): Promise<void> {
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
  location.assign(`https://${config.domain}/oauth2/authorize?${query}`);
}

/** Back from the hosted sign-in: the code for tokens; the ID token is what API Gateway's authorizer reads. */
export async function finishCognitoSignIn(config: NonNullable<ConsoleConfig['cognito']>): Promise<boolean> {
  const code = new URLSearchParams(location.search).get('code');
  const verifier = sessionStorage.getItem('enforcement-console-pkce');
  if (!code || !verifier) return false;
  const response = await fetch(`https://${config.domain}/oauth2/token`, {
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
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** An instant in China time, `2026-03-02 09:30`. */
export function chinaTime(instant: string | undefined): string {
  if (!instant) return '—';
  return new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
