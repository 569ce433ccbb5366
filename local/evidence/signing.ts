/**
 * The signatures of the embedded evidence store's links: an HMAC-SHA256, with the installation's evidence key,
 * over everything the link allows: the operation, the object key, the expiry and, for an upload, the exact size,
 * SHA-256 and content type (for a part, the upload and part number); for a download, how it is served. A link
 * allows exactly one operation on one object; a request that changes any of it is refused.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type LinkOperation = 'put' | 'part' | 'get';

export interface LinkClaims {
  readonly op: LinkOperation;
  readonly key: string;
  /** Expiry, milliseconds since the epoch, on the runtime's clock. */
  readonly expiresAtMs: number;
  /** A random id: names the link in the evidence log (which download link was used). */
  readonly nonce: string;
  readonly sizeBytes?: number;
  /** Hex. */
  readonly sha256?: string;
  readonly contentType?: string;
  readonly uploadId?: string;
  readonly partNumber?: number;
  readonly disposition?: 'inline' | 'attachment';
  readonly fileName?: string;
}

/** Query parameter names, in signing order. */
const FIELDS = [
  ['op', 'op'],
  ['key', 'key'],
  ['exp', 'expiresAtMs'],
  ['n', 'nonce'],
  ['size', 'sizeBytes'],
  ['sha256', 'sha256'],
  ['type', 'contentType'],
  ['upload', 'uploadId'],
  ['part', 'partNumber'],
  ['disp', 'disposition'],
  ['name', 'fileName'],
] as const;

export type LinkRefusal = 'unsigned' | 'malformed' | 'bad-signature' | 'expired';

/** One line per field, absent fields empty: unambiguous (no field may hold a newline). */
function canonical(claims: LinkClaims): string {
  return FIELDS.map(([name, field]) => {
    const value = claims[field];
    const text = value === undefined ? '' : String(value);
    if (/[\r\n]/.test(text)) throw new Error(`a signed field holds a line break: ${name}`);
    return `${name}=${text}`;
  }).join('\n');
}

export function newNonce(): string {
  return randomBytes(12).toString('hex');
}

export function signClaims(secret: Buffer, claims: LinkClaims): string {
  return createHmac('sha256', secret).update(canonical(claims), 'utf8').digest('hex');
}

/** The query string of a link: every claim and its signature. */
export function linkQuery(secret: Buffer, claims: LinkClaims): string {
  const query = new URLSearchParams();
  for (const [name, field] of FIELDS) {
    const value = claims[field];
    if (value !== undefined) query.set(name, String(value));
  }
  query.set('sig', signClaims(secret, claims));
  return query.toString();
}

/** The claims a request's query carries, if its signature is the key's and the link has not expired. */
export function verifyLink(
  secret: Buffer,
  query: URLSearchParams,
  nowMs: number,
): { readonly ok: true; readonly claims: LinkClaims } | { readonly ok: false; readonly refusal: LinkRefusal } {
  const signature = query.get('sig');
  if (!signature) return { ok: false, refusal: 'unsigned' };
  const op = query.get('op');
  const key = query.get('key');
  const expiresAtMs = Number(query.get('exp'));
  const nonce = query.get('n');
  if ((op !== 'put' && op !== 'part' && op !== 'get') || !key || !nonce || !Number.isSafeInteger(expiresAtMs)) {
    return { ok: false, refusal: 'malformed' };
  }
  const number = (name: string) => {
    const text = query.get(name);
    return text === null ? undefined : Number(text);
  };
  const text = (name: string) => query.get(name) ?? undefined;
  const disposition = text('disp');
  if (disposition !== undefined && disposition !== 'inline' && disposition !== 'attachment') {
    return { ok: false, refusal: 'malformed' };
  }
  const raw = {
    op,
    key,
    expiresAtMs,
    nonce,
    sizeBytes: number('size'),
    sha256: text('sha256'),
    contentType: text('type'),
    uploadId: text('upload'),
    partNumber: number('part'),
    disposition,
    fileName: text('name'),
  };
  const claims = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as unknown as LinkClaims;
  let expected: Buffer;
  try {
    expected = Buffer.from(signClaims(secret, claims), 'hex');
  } catch {
    return { ok: false, refusal: 'malformed' };
  }
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, refusal: 'bad-signature' };
  }
  if (nowMs > expiresAtMs) return { ok: false, refusal: 'expired' };
  return { ok: true, claims };
}
