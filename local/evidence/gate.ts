/**
 * The only door to the embedded evidence store: an HTTP server on loopback that serves the links the store signed,
 * and nothing else. There are no access keys and no listing; an unsigned request of any kind (PUT, GET, DELETE,
 * `POST ?delete`, a listing) is refused, and so is a signed one whose method, headers or body differ from what was
 * signed, or whose link has expired on the runtime's clock. Refusals answer in S3's XML error form, so a phone's
 * uploader reads them the same on AWS and here.
 *
 * The staff API server serves the same handler under `/storage/objects` for the links it issues (phones on the
 * court network reach it, not this loopback listener): `gateRequestHandler`, local/runtime/local-evidence.ts.
 *
 * Browsers: a page of the staff API server holding a link to this loopback gate (another origin) may use it. The
 * gate answers CORS for the origins it is told (the staff API server's own,
 * set when it starts; never `*`): a preflight for PUT or GET with no headers beyond the ones a signature binds
 * (Content-Type, x-amz-checksum-sha256) is allowed, and answers carry Access-Control-Allow-Origin and expose ETag.
 * Any other origin gets no CORS header at all, and its requests are refused even when signed. CORS adds nothing
 * to what a request may do: a request from an allowed page is authorized by its signature alone, as before.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Instant } from '#domain/calendar/local-date.ts';
import { hexToBase64 } from '#domain/evidence/objects.ts';
import { type LinkClaims, verifyLink } from './signing.ts';
import { type EvidenceVault, VaultRefusal } from './vault.ts';

/** The browser origins allowed to use the links (read at each request: servers may start after the gate). */
export type AllowedOrigins = () => ReadonlySet<string>;

export interface EvidenceGate {
  readonly endpoint: string;
  close(): Promise<void>;
}

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided (a signed header such as ' +
  'Content-Length, Content-Type or x-amz-checksum-sha256 differs from the one signed)';

function refuse(res: ServerResponse, refusal: VaultRefusal, cors: Record<string, string> = {}): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${refusal.message.replace(/[<&>]/g, '')}</Message></Error>`;
  res.writeHead(refusal.status, {
    ...cors,
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** The methods of the links, and the request headers a signature binds that a page sets (Content-Length it cannot). */
const CORS_METHODS = new Set(['PUT', 'GET']);
const CORS_HEADERS = new Set(['content-type', 'x-amz-checksum-sha256']);

/** The CORS headers of an answer to `req`: none unless its Origin is one of the allowed ones. */
function corsHeaders(req: IncomingMessage, allowed: AllowedOrigins): Record<string, string> {
  const origin = req.headers.origin;
  if (origin === undefined || !allowed().has(origin)) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'ETag', vary: 'Origin' };
}

/**
 * A CORS preflight: allowed for an allowed origin asking for PUT or GET with only the signed headers (204 with the
 * allowance); anything else is refused (403, no CORS header), as S3 refuses a preflight no CORS rule matches.
 */
function preflight(req: IncomingMessage, res: ServerResponse, allowed: AllowedOrigins, objectsPath: string): void {
  const cors = corsHeaders(req, allowed);
  const method = String(req.headers['access-control-request-method'] ?? '');
  const asked = String(req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const path = new URL(req.url ?? '/', 'http://gate').pathname;
  if (
    cors['access-control-allow-origin'] === undefined ||
    path !== objectsPath ||
    !CORS_METHODS.has(method) ||
    !asked.every((name) => CORS_HEADERS.has(name))
  ) {
    refuse(res, new VaultRefusal(403, 'AccessForbidden', 'CORSResponse: This CORS request is not allowed.'), {
      vary: 'Origin',
    });
    return;
  }
  res.writeHead(204, {
    ...cors,
    'access-control-allow-methods': [...CORS_METHODS].join(', '),
    'access-control-allow-headers': [...CORS_HEADERS].join(', '),
    'access-control-max-age': '600',
    'content-length': 0,
  });
  res.end();
}

const METHOD_OF: Record<LinkClaims['op'], string> = { put: 'PUT', part: 'PUT', get: 'GET' };

function authorize(vault: EvidenceVault, req: IncomingMessage, now: Instant, objectsPath: string): LinkClaims {
  const url = new URL(req.url ?? '/', 'http://gate');
  if (url.pathname !== objectsPath) {
    throw new VaultRefusal(403, 'AccessDenied', 'only signed links to one object are served; nothing is listed');
  }
  const verified = verifyLink(vault.secret, url.searchParams, Date.parse(now));
  if (!verified.ok) {
    if (verified.refusal === 'unsigned') throw new VaultRefusal(403, 'AccessDenied', 'unsigned requests are refused');
    if (verified.refusal === 'expired') throw new VaultRefusal(403, 'AccessDenied', 'Request has expired');
    throw new VaultRefusal(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  }
  if (req.method !== METHOD_OF[verified.claims.op]) {
    throw new VaultRefusal(403, 'AccessDenied', `the link allows ${METHOD_OF[verified.claims.op]} only`);
  }
  return verified.claims;
}

/** The signed headers of an upload: exactly the declared length, checksum and (for a whole object) type. */
function checkUploadHeaders(req: IncomingMessage, claims: LinkClaims): void {
  const expected: Record<string, string> = {
    'content-length': String(claims.sizeBytes),
    'x-amz-checksum-sha256': hexToBase64(claims.sha256 ?? ''),
    ...(claims.op === 'put' ? { 'content-type': claims.contentType ?? '' } : {}),
  };
  for (const [name, value] of Object.entries(expected)) {
    if (String(req.headers[name] ?? '').trim() !== value)
      throw new VaultRefusal(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  }
  if (req.headers['transfer-encoding'] !== undefined) {
    throw new VaultRefusal(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  }
}

/** Streams the body into `file` (owner-only), hashing it; refuses and removes it unless size and SHA-256 match. */
async function receive(req: IncomingMessage, file: string, sizeBytes: number, sha256: string): Promise<void> {
  const digest = createHash('sha256');
  let received = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > sizeBytes) return done(new VaultRefusal(400, 'IncompleteBody', 'the body is longer than signed'));
      digest.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(req, meter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    if (received !== sizeBytes) throw new VaultRefusal(400, 'IncompleteBody', 'the body is shorter than signed');
    if (digest.digest('hex') !== sha256) {
      throw new VaultRefusal(400, 'BadDigest', 'The SHA256 you specified did not match the calculated checksum.');
    }
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
}

async function serve(
  vault: EvidenceVault,
  now: () => Instant,
  req: IncomingMessage,
  res: ServerResponse,
  cors: Record<string, string>,
  objectsPath: string,
) {
  let claims: LinkClaims;
  try {
    claims = authorize(vault, req, now(), objectsPath);
  } catch (error) {
    if (req.method !== 'GET' && req.method !== 'HEAD' && error instanceof VaultRefusal) {
      vault.writeLog('-', 'refused', { method: req.method, code: error.code });
    }
    throw error;
  }
  if (claims.op === 'get') {
    const row = vault.readable(claims.key);
    vault.writeLog(claims.key, 'read', { link: claims.nonce, disposition: claims.disposition ?? 'inline' });
    res.writeHead(200, {
      ...cors,
      'content-type': row.content_type,
      'content-length': row.size_bytes,
      'content-disposition': `${claims.disposition ?? 'inline'}; filename="${claims.fileName ?? 'evidence'}"`,
      'cache-control': 'no-store',
    });
    await pipeline(createReadStream(row.file), res);
    return;
  }
  checkUploadHeaders(req, claims);
  const size = claims.sizeBytes ?? 0;
  const sha256 = claims.sha256 ?? '';
  if (claims.op === 'put') {
    if (vault.record(claims.key))
      throw new VaultRefusal(409, 'ObjectLocked', 'the object is recorded and cannot be replaced');
    const temporary = vault.incomingFile();
    await receive(req, temporary, size, sha256);
    vault.keep(temporary, claims.key, { sha256, sizeBytes: size, contentType: claims.contentType ?? '' });
    res.writeHead(200, { ...cors, etag: `"${sha256}"`, 'content-length': 0 });
    res.end();
    return;
  }
  const target = vault.partPath(claims.uploadId ?? '', claims.partNumber ?? 0);
  const temporary = vault.incomingFile();
  await receive(req, temporary, size, sha256);
  renameSync(temporary, target);
  res.writeHead(200, { ...cors, etag: `"${sha256}"`, 'content-length': 0 });
  res.end();
}

/** Where the loopback gate serves the links. */
export const GATE_OBJECTS_PATH = '/objects';

/**
 * The request handler of signed links at `objectsPath`: the loopback gate's, and the staff API server's for the
 * links it issues to clients beyond loopback (local/api/server.ts, under `/storage/objects`, behind its TLS,
 * peer and Host checks). Bodies stream to disk, bounded by the signed size; nothing is buffered in memory.
 */
export function gateRequestHandler(
  vault: EvidenceVault,
  now: () => Instant,
  allowedOrigins: AllowedOrigins,
  objectsPath: string = GATE_OBJECTS_PATH,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (req.method === 'OPTIONS') {
      req.resume();
      preflight(req, res, allowedOrigins, objectsPath);
      return;
    }
    const cors = corsHeaders(req, allowedOrigins);
    // A browser names the page's origin: a page of any other origin is refused even with a signed link (which it
    // should not hold); clients that are not browsers (the CLI, phones' native uploaders) send no Origin.
    const foreign = req.headers.origin !== undefined && cors['access-control-allow-origin'] === undefined;
    if (foreign && req.method !== 'GET' && req.method !== 'HEAD')
      vault.writeLog('-', 'refused', { method: req.method, code: 'AccessForbidden' });
    const served = foreign
      ? Promise.reject(new VaultRefusal(403, 'AccessForbidden', 'CORSResponse: This CORS request is not allowed.'))
      : serve(vault, now, req, res, cors, objectsPath);
    served.catch((error: unknown) => {
      req.resume();
      if (res.headersSent) {
        res.destroy();
        return;
      }
      refuse(
        res,
        error instanceof VaultRefusal ? error : new VaultRefusal(500, 'InternalError', 'storage error'),
        cors,
      );
    });
  };
}

export async function openEvidenceGate(
  vault: EvidenceVault,
  now: () => Instant,
  allowedOrigins: AllowedOrigins = () => new Set(),
): Promise<EvidenceGate> {
  const server: Server = createServer(gateRequestHandler(vault, now, allowedOrigins));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
