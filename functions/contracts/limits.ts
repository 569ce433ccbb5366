/**
 * Limits on what callers send, in one place: the staff API (the Lambda routers and the local server), intake and
 * the CLI's file arguments all check against these. Each limit is refused before the input is parsed or walked,
 * so that a huge or deeply nested input costs a bounded amount of memory and stack. docs/inputs.md lists them;
 * the OpenAPI document names them (x-limits). The checks here never throw and never quote the input.
 */

/** Largest request body the staff API reads (API Gateway's own limit is 10 MB): 413 beyond it, unread. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Deepest nesting of arrays and objects in any JSON input (request bodies, intake events, CLI files). */
export const MAX_JSON_DEPTH = 32;

/** Longest pagination cursor accepted (the cursors this API issues are a few hundred characters). */
export const MAX_CURSOR_CHARS = 1024;

/** Longest request path (with its query string) the local server reads. */
export const MAX_URL_CHARS = 4096;

/** Largest JSON file a CLI command reads (an intake event is at most 256 KiB; the rest is headroom). */
export const MAX_CLI_FILE_BYTES = 1024 * 1024;

export type JsonRefusal = 'too-large' | 'too-deep' | 'not-json';

export type BoundedJson =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly refusal: JsonRefusal };

/**
 * Whether JSON text nests arrays and objects deeper than `limit`, by one pass over the characters (strings
 * skipped, escapes honoured): no parsing, no recursion, so a text nested 100,000 deep costs no stack.
 */
export function jsonTextTooDeep(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Whether a value already in memory (an event EventBridge delivered, parsed) nests deeper than `limit`: an
 * explicit stack, never recursion, and it stops at the first branch past the limit.
 */
export function valueTooDeep(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let visited = 0;
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 > limit) return true;
    // A bound on the work as well as the depth: a value this wide is refused by its size elsewhere.
    if (++visited > 1_000_000) return true;
    const children = Array.isArray(item) ? item : Object.values(item as Record<string, unknown>);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** JSON text within the size and depth limits, parsed; or why not (never the parser's message: it quotes input). */
export function parseBoundedJson(
  text: string,
  limits: { readonly maxBytes?: number; readonly maxDepth?: number } = {},
): BoundedJson {
  const maxBytes = limits.maxBytes ?? MAX_BODY_BYTES;
  // A UTF-8 byte is at most one UTF-16 unit, so a text this long cannot be within the limit; no encoding needed.
  if (text.length > maxBytes || Buffer.byteLength(text, 'utf8') > maxBytes) return { ok: false, refusal: 'too-large' };
  if (jsonTextTooDeep(text, limits.maxDepth ?? MAX_JSON_DEPTH)) return { ok: false, refusal: 'too-deep' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, refusal: 'not-json' };
  }
}

/** One path segment, percent-decoded; undefined when its encoding is malformed (`%FF`, `%E4%B8`, `%zz`). */
export function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Whether every segment of a path decodes (a path that does not is refused with 400, never matched). */
export function pathDecodes(pathname: string): boolean {
  return pathname.split('/').every((segment) => decodePathSegment(segment) !== undefined);
}
