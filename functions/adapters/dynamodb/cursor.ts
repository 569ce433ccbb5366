/**
 * Index cursors: the last key of a page, opaque to callers, and bound to the query that issued them. A cursor is
 * accepted only when it decodes to exactly the key attributes of that index, every one a short string, and its
 * index partition is the partition being queried: a cursor from another court, role, phase or index (or one made
 * up) is an InvalidCursorError (400), never a DynamoDB validation error (500), and never a way into another
 * partition.
 */
import { MAX_CURSOR_CHARS } from '#contracts/limits.ts';
import { InvalidCursorError } from '#ports/case-repository.ts';

/** Longest key attribute a cursor may carry (the keys this table writes are well under it). */
const MAX_KEY_CHARS = 400;

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : undefined;
}

/** The start key a cursor stands for, checked against the index and partition of the query it continues. */
export function decodeCursor(
  cursor: string | undefined,
  query: { readonly index: string; readonly partition: string },
): Record<string, string> | undefined {
  if (!cursor) return undefined;
  if (cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const { index, partition } = query;
  const names = ['pk', 'sk', `${index}pk`, `${index}sk`];
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw new InvalidCursorError();
  const entries = Object.entries(key);
  const wellFormed =
    entries.length === names.length &&
    entries.every(([name, value]) => names.includes(name) && typeof value === 'string' && value.length > 0) &&
    entries.every(([, value]) => (value as string).length <= MAX_KEY_CHARS);
  if (!wellFormed) throw new InvalidCursorError();
  const start = key as Record<string, string>;
  if (start[`${index}pk`] !== partition) throw new InvalidCursorError();
  return start;
}
