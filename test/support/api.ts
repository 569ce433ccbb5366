/**
 * The staff API as a client sees it: the local server on port 0 over an in-memory runtime on a virtual clock.
 * Every exchange is recorded (route, status, raw body), every GET is checked to change nothing in the store,
 * and every task token the engine mints is kept, so that a test can look for them where they must not be.
 */
import { expect } from 'vitest';
import { matchRoute, type Route } from '../../functions/api/routes.ts';
import { type LocalApiServer, startLocalApi } from '../../local/api/server.ts';
import type { RuntimeOptions } from '../../local/runtime/runtime.ts';
import type { TokenRecord } from '../../local/runtime/runtime-store.ts';
import { type Scenario, scenario } from './runtime.ts';
import { snapshotDatabase } from './store.ts';

export interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly route: Route | undefined;
  readonly status: number;
  readonly text: string;
}

export interface ApiScenario extends Scenario {
  readonly server: LocalApiServer;
  readonly exchanges: Exchange[];
  /** Every task token the engine minted while the scenario ran. */
  readonly tokens: Set<string>;
  /** GETs that were checked against a snapshot of every table. */
  readonly unchangedGets: string[];
  request<T = unknown>(
    method: 'GET' | 'POST',
    path: string,
    options?: { as?: string; body?: unknown; raw?: string; token?: string },
  ): Promise<{ status: number; body: T }>;
  tokenFor(userId: string): Promise<string>;
}

/** Everything in every table of the embedded runtime's database, in a stable order. */
export async function snapshot(scenario: Scenario): Promise<string> {
  return snapshotDatabase(scenario.runtime);
}

/** `checkGets`: snapshot every table around every GET (slower; the full-scenario test does it). */
export async function apiScenario(
  options: Partial<RuntimeOptions> = {},
  { checkGets = false }: { checkGets?: boolean } = {},
): Promise<ApiScenario> {
  const s = await scenario(options);
  const tokens = new Set<string>();
  const store = s.runtime.runtimeStore as unknown as { putToken: (token: TokenRecord) => Promise<void> };
  const putToken = store.putToken.bind(s.runtime.runtimeStore);
  store.putToken = async (token) => {
    tokens.add(token.token);
    return putToken(token);
  };
  const server = await startLocalApi(s.runtime, { port: 0 });
  const exchanges: Exchange[] = [];
  const unchangedGets: string[] = [];
  const issued = new Map<string, string>();

  async function raw(method: string, path: string, init: { token?: string; body?: string }) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    const text = await response.text();
    const matched = matchRoute(method, new URL(path, server.url).pathname);
    exchanges.push({ method, path, route: matched.route, status: response.status, text });
    return { status: response.status, text };
  }

  async function tokenFor(userId: string): Promise<string> {
    const known = issued.get(userId);
    if (known) return known;
    const { status, text } = await raw('POST', '/auth/token', { body: JSON.stringify({ userId }) });
    if (status !== 200) throw new Error(`no token for ${userId}: ${text}`);
    const token = (JSON.parse(text) as { token: string }).token;
    issued.set(userId, token);
    return token;
  }

  return {
    ...s,
    server,
    exchanges,
    tokens,
    unchangedGets,
    tokenFor,
    async request(method, path, options = {}) {
      const token = options.token ?? (options.as ? await tokenFor(options.as) : undefined);
      const body = options.raw ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined);
      const before = method === 'GET' && checkGets ? await snapshot(s) : undefined;
      const { status, text } = await raw(method, path, {
        ...(token ? { token } : {}),
        ...(body !== undefined ? { body } : {}),
      });
      if (before !== undefined) {
        expect(await snapshot(s), `GET ${path} changed the store`).toBe(before);
        unchangedGets.push(path);
      }
      return { status, body: (text ? JSON.parse(text) : undefined) as never };
    },
    async close() {
      await server.close();
      await s.close();
    },
  };
}
