/**
 * Malformed requests against every route of the OpenAPI document (api/openapi.json), generated deterministically
 * from a seeded PRNG: wrong methods, paths that do not decode, junk and forged path ids, junk queries and cursors,
 * bodies that are not JSON, nested thousands deep, over the size limit, or of the wrong types; signed in with a
 * development token of several roles, with a garbage token, or none. The server on a virtual clock must answer
 * every one below 500, never with a stack trace or an echo of the junk, stay alive, and write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '#contracts/limits.ts';
import { OPENAPI_DOCUMENT } from '../../functions/api/openapi.ts';
import { type ApiScenario, apiScenario, snapshot } from '../support/api.ts';
import { filingEvent } from '../support/runtime.ts';

const SEED = 0x12_2026;
const REQUESTS = 2_400;

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

type Random = ReturnType<typeof prng>;

/** A marker inside every junk value: if an answer contains it, the answer echoed the input. */
const MARK = 'ZQXJ';

const JUNK_SEGMENTS = [
  '%FF',
  '%E4%B8',
  '%',
  '%%',
  '%zz',
  '%00',
  '..',
  '%2e%2e',
  '%2F',
  `${MARK}${'a'.repeat(300)}`,
  `c${MARK.toLowerCase()}aaaaaaaaaaaaaaa`,
  'caaaaaaaaaaaaaaaaaaa',
  'aaaaaaaaaaaa',
  'maaaaaaaaaaaaaaaaaaa',
  `%E6%A1%88${MARK}`,
  `'%20OR%201=1--${MARK}`,
  `%3Cscript%3E${MARK}`,
  '{caseId}',
  '-',
  '0',
];

const JUNK_STRINGS = [
  '',
  ' ',
  `${MARK}`,
  `${MARK}${'x'.repeat(5000)}`,
  '\u0000',
  '💥',
  '-1',
  'NaN',
  '1e309',
  'null',
  '../../etc/passwd',
  '%FF',
  `<b>${MARK}</b>`,
];

function junkCursor(r: Random, realCursor: string | undefined): string {
  const forged = (pk: string) =>
    Buffer.from(JSON.stringify({ pk: 'x', sk: 'y', gsi4pk: pk, gsi4sk: 'z', gsi3pk: pk, gsi3sk: 'z' })).toString(
      'base64url',
    );
  return r.pick([
    MARK,
    '%%%',
    '%FF',
    'a'.repeat(700),
    Buffer.from('not json').toString('base64url'),
    Buffer.from('[1,2,3]').toString('base64url'),
    Buffer.from('{"pk":1}').toString('base64url'),
    forged('PHASE#HL0123#investigation'),
    forged('NODES#HL0123'),
    Buffer.from(`2026-03-02T00:00:00Z#a${MARK.toLowerCase()}`).toString('base64url'),
    realCursor ?? MARK,
  ]);
}

function junkValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 3 ? 5 : 8)) {
    case 0:
      return r.pick(JUNK_STRINGS);
    case 1:
      return r.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 53]);
    case 2:
      return r.pick([true, false, null]);
    case 3:
      return r.pick(['2026-02-30', '9999-12-31T99:99:99Z', '0001-01-01', 'approved', 'termination']);
    case 4:
      return r.pick([{}, [], [[]], { [MARK]: MARK }]);
    case 5:
      return Array.from({ length: r.int(4) }, () => junkValue(r, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: r.int(4) }, (_, i) => [`${MARK}${i}`, junkValue(r, depth + 1)]));
  }
}

interface Operation {
  readonly path: string;
  readonly method: string;
  readonly params: readonly string[];
  readonly query: readonly string[];
  readonly bodyFields: readonly string[];
  readonly hasBody: boolean;
}

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string }[];
        requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, unknown> } } } };
      }
    >
  >;
};

function operations(): Operation[] {
  const doc = OPENAPI_DOCUMENT as unknown as Doc;
  const found: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const schema = op.requestBody?.content['application/json'].schema;
      found.push({
        path,
        method: method.toUpperCase(),
        params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: Object.keys(schema?.properties ?? {}),
        hasBody: op.requestBody !== undefined,
      });
    }
  }
  return found;
}

interface Built {
  readonly method: string;
  readonly url: string;
  readonly body?: string;
  readonly token?: string;
}

const USERS = ['ma-chao', 'li-qiang', 'song-jian', 'zhao-min', 'cao-yue', 'qian-lei', 'fan-tao'];

function build(
  r: Random,
  op: Operation,
  context: { caseIds: readonly string[]; tokens: readonly string[]; cursor?: string },
): Built {
  // Path parameters: junk, a real case id (of this court or another), or a well-shaped id that does not exist.
  let path = op.path.replace(/\{(\w+)\}/g, () => (r.next() < 0.35 ? r.pick(context.caseIds) : r.pick(JUNK_SEGMENTS)));
  if (r.next() < 0.1) path += r.pick(['/', '/%FF', `/${MARK}`, '//', '/..']);
  const query = new URLSearchParams();
  const queryKeys = [...op.query, 'cursor', 'limit', MARK];
  for (let i = r.int(3); i > 0; i--) {
    const key = r.pick(queryKeys);
    query.append(key, key === 'cursor' ? junkCursor(r, context.cursor) : String(junkValue(r)));
  }
  // A route with neither parameters nor a body (a sweep such as overdue-check) is malformed by its query.
  if (op.params.length === 0 && !op.hasBody) query.append(MARK, r.pick(JUNK_STRINGS));
  let search = query.toString() ? `?${query}` : '';
  if (r.next() < 0.05) search = r.pick(['?cursor=%FF', '?limit=%', `?${MARK}=%E4%B8`, '?=&&==']);
  const method =
    r.next() < 0.12 ? r.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', op.method === 'GET' ? 'POST' : 'GET']) : op.method;
  const tokenRoll = r.next();
  const token = tokenRoll < 0.8 ? r.pick(context.tokens) : tokenRoll < 0.9 ? `${MARK}.${MARK}.${MARK}` : undefined;
  if (method === 'GET' || method === 'OPTIONS') return { method, url: `${path}${search}`, ...(token ? { token } : {}) };
  const body = r.pick([
    () => undefined,
    () => '',
    () => '{',
    () => `{"${MARK}":`,
    () => `${'['.repeat(3000)}${']'.repeat(3000)}`,
    () => `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`,
    () => JSON.stringify({ pad: `${MARK}${' '.repeat(MAX_BODY_BYTES)}` }),
    () => '\uFEFF{}',
    () => 'null',
    () => '[]',
    () => '"text"',
    () => '1e309',
    () => JSON.stringify(junkValue(r)),
    // The route's own fields, each of a wrong type or value.
    () =>
      JSON.stringify(
        Object.fromEntries((op.bodyFields.length > 0 ? op.bodyFields : [MARK]).map((field) => [field, junkValue(r)])),
      ),
    () =>
      JSON.stringify({
        ...Object.fromEntries(op.bodyFields.map((field) => [field, junkValue(r)])),
        [MARK]: MARK,
      }),
  ])();
  return { method, url: `${path}${search}`, ...(body !== undefined ? { body } : {}), ...(token ? { token } : {}) };
}

let s: ApiScenario;
let caseIds: string[];
beforeAll(async () => {
  s = await apiScenario({});
  caseIds = [];
  for (const [n, court] of [
    [1, 'HB0922'],
    [2, 'HB0922'],
    [3, 'HL0123'],
  ] as const) {
    const event = filingEvent(n);
    event.detail.court = { code: court, name: court === 'HB0922' ? '青县人民法院' : '黑龙江省某县人民法院' };
    const outcome = await s.runtime.intake(event);
    if (outcome.outcome !== 'created') throw new Error('not created');
    caseIds.push(outcome.caseId);
  }
  await s.runtime.runUntilIdle();
});
afterAll(async () => {
  await s.close();
});

describe('fuzzing every route of the OpenAPI document', () => {
  it(`${REQUESTS} malformed requests: none answered 5xx or with a stack trace or the junk echoed; the server lives; nothing written`, async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(38);
    const tokens = await Promise.all(USERS.map((u) => s.tokenFor(u)));
    const listed = await s.request<{ nextCursor?: string }>('GET', '/cases?phase=investigation&limit=1', {
      as: 'ma-chao',
    });
    const context = { caseIds, tokens, ...(listed.body.nextCursor ? { cursor: listed.body.nextCursor } : {}) };
    const before = await snapshot(s);
    const commitsBefore = await Promise.all(caseIds.map(async (id) => (await s.runtime.cases.history(id)).length));
    const r = prng(SEED);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let resets = 0;
    const covered = new Set<string>();
    for (let i = 0; i < REQUESTS; i++) {
      const op = ops[i % ops.length] as Operation;
      covered.add(`${op.method} ${op.path}`);
      const request = build(r, op, context);
      let status: number;
      let text: string;
      try {
        const response = await fetch(`${s.server.url}${request.url}`, {
          method: request.method,
          headers: {
            ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
            ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(request.body !== undefined ? { body: request.body } : {}),
        });
        status = response.status;
        text = await response.text();
      } catch {
        // A body over the limit may be cut off by the server closing the connection before it is all sent.
        if ((request.body?.length ?? 0) > MAX_BODY_BYTES) {
          resets++;
          continue;
        }
        throw new Error(`no answer to #${i} ${request.method} ${request.url.slice(0, 120)}`);
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const label = `#${i} ${request.method} ${request.url.slice(0, 100)} -> ${status}: ${text.slice(0, 160)}`;
      if (status >= 500) failures.push(label);
      else if (/\n\s+at |Error:|\.ts:\d+/.test(text)) failures.push(`stack trace in ${label}`);
      else if (text.includes(MARK) && request.url !== '/openapi.json') failures.push(`echoed input in ${label}`);
      // Signing out takes no input: it ends the caller's own session (if any) whatever else is sent.
      else if (status < 400 && request.method !== 'GET' && !request.url.startsWith('/auth/sign-out'))
        failures.push(`accepted a malformed write: ${label}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(covered.size).toBe(ops.length);
    // Every kind of refusal was met, and most requests were answered (not cut off).
    for (const status of [400, 401, 404, 405, 413])
      expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    expect(resets).toBeLessThan(REQUESTS / 20);
    // Alive, and nothing written.
    expect((await s.request('GET', '/me', { as: 'ma-chao' })).status).toBe(200);
    expect(await Promise.all(caseIds.map(async (id) => (await s.runtime.cases.history(id)).length))).toEqual(
      commitsBefore,
    );
    expect(await snapshot(s)).toBe(before);
  });
});
