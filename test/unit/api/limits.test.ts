/** The input limits (functions/contracts/limits.ts) and the index cursors bound to their query, each pass and fail. */
import { describe, expect, it } from 'vitest';
import {
  decodePathSegment,
  jsonTextTooDeep,
  MAX_BODY_BYTES,
  MAX_JSON_DEPTH,
  parseBoundedJson,
  pathDecodes,
  valueTooDeep,
} from '#contracts/limits.ts';
import { InvalidCursorError } from '#ports/case-repository.ts';
import { decodeCursor, encodeCursor } from '../../../functions/adapters/dynamodb/cursor.ts';

const nestedText = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
function nestedValue(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('JSON nesting depth', () => {
  it('accepts text nested to the limit; refuses one level more, without parsing', () => {
    expect(jsonTextTooDeep(nestedText(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonTextTooDeep(nestedText(MAX_JSON_DEPTH + 1))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonTextTooDeep(JSON.stringify({ note: `\\"${'['.repeat(100)}` }))).toBe(false);
  });

  it('refuses a text nested 100,000 deep without overflowing the stack', () => {
    expect(jsonTextTooDeep(nestedText(100_000))).toBe(true);
  });

  it('refuses a value in memory nested 3,000 deep (no recursion); accepts one at the limit', () => {
    expect(valueTooDeep(nestedValue(3_000))).toBe(true);
    expect(valueTooDeep(nestedValue(MAX_JSON_DEPTH))).toBe(false);
    expect(valueTooDeep(nestedValue(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(valueTooDeep('plain')).toBe(false);
  });
});

describe('bounded JSON', () => {
  it('parses JSON within the limits', () => {
    expect(parseBoundedJson('{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('refuses a text over the size limit, too deep, or not JSON, by reason only', () => {
    expect(parseBoundedJson(`"${'x'.repeat(MAX_BODY_BYTES)}"`)).toEqual({ ok: false, refusal: 'too-large' });
    expect(parseBoundedJson(`"${'汉'.repeat(MAX_BODY_BYTES / 3)}"`)).toEqual({ ok: false, refusal: 'too-large' });
    expect(parseBoundedJson(nestedText(3_000))).toEqual({ ok: false, refusal: 'too-deep' });
    expect(parseBoundedJson('{"a":')).toEqual({ ok: false, refusal: 'not-json' });
  });
});

describe('path encoding', () => {
  it('decodes well-formed segments; refuses malformed percent-encoding', () => {
    expect(decodePathSegment('%E6%A1%88')).toBe('案');
    expect(pathDecodes('/cases/c123/evidence')).toBe(true);
    for (const bad of ['%FF', '%E4%B8', '%zz', '%']) expect(decodePathSegment(bad)).toBeUndefined();
    expect(pathDecodes('/cases/%FF')).toBe(false);
  });
});

describe('index cursors', () => {
  const key = { pk: 'CASE#c1', sk: 'INDEX', gsi4pk: 'PHASE#HB0922#service', gsi4sk: '2026-03-02#c1' };
  const query = { index: 'gsi4', partition: 'PHASE#HB0922#service' };

  it('round-trips a cursor for the query that issued it', () => {
    expect(decodeCursor(encodeCursor(key), query)).toEqual(key);
    expect(decodeCursor(undefined, query)).toBeUndefined();
  });

  it("refuses another partition's cursor (another court or phase), another index's, and made-up ones", () => {
    const cursor = encodeCursor(key);
    expect(() => decodeCursor(cursor, { ...query, partition: 'PHASE#HL0123#service' })).toThrow(InvalidCursorError);
    expect(() => decodeCursor(cursor, { index: 'gsi3', partition: query.partition })).toThrow(InvalidCursorError);
    for (const bad of [
      'not base64!',
      Buffer.from('not json').toString('base64url'),
      encodeCursor({ ...key, extra: 'x' }),
      encodeCursor({ ...key, sk: 7 }),
      encodeCursor({ ...key, sk: '' }),
      Buffer.from('[1,2]').toString('base64url'),
      'a'.repeat(5000),
    ])
      expect(() => decodeCursor(bad, query), String(bad).slice(0, 40)).toThrow(InvalidCursorError);
  });
});
