/**
 * The embedded S3: s3rver (the S3 API on the file system, in this process) behind a small gate on a loopback
 * port. State lives under <data-dir>/s3 (a temporary directory when there is no data directory).
 *
 * s3rver stores and serves objects, multipart uploads included, and checks header signatures. What S3 enforces
 * and s3rver does not, the gate enforces, so that a presigned upload is refused here exactly as on S3:
 * - presigned requests: the SigV4 query signature (over the signed headers: content length, content type,
 *   checksum) and the expiry, on the runtime's clock (s3rver would use the wall clock, and a virtual clock
 *   must be able to expire a link);
 * - the body's SHA-256 against a signed `x-amz-checksum-sha256` (S3's BadDigest), before anything is stored;
 * - object lock: every object is under the bucket's default retention, so deleting an object is refused.
 * What neither enforces: versions, stored checksums and legal holds (the adapter keeps legal holds in the runtime
 * store; the recording step re-hashes every object). The client must set requestChecksumCalculation and
 * responseChecksumValidation to WHEN_REQUIRED: otherwise streamed uploads are stored in aws-chunked framing.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from '@20minutes/s3rver';
import { S3Client } from '@aws-sdk/client-s3';
import type { Instant } from '#domain/calendar/local-date.ts';

export const LOCAL_EVIDENCE_BUCKET = 'enforcement-evidence';
/** s3rver's built-in account. The stand-in is reachable on loopback only. */
const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';
const REGION = 'local';
/** The gate holds a presigned body in memory to hash it before storing: larger than any single PUT or part. */
const MAX_PRESIGNED_BODY = 64 * 1024 * 1024;

export interface LocalS3 {
  readonly client: S3Client;
  readonly endpoint: string;
  readonly bucket: string;
  /** Where s3rver keeps the bucket's files: `<directory>/<bucket>/<key>._S3rver_object`. */
  readonly directory: string;
  close(): Promise<void>;
}

class S3Refusal extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** RFC 3986 encoding, as SigV4 canonicalises query strings. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** Checks a SigV4 presigned request (query-string authentication) as S3 does; throws the refusal S3 gives. */
function verifyPresigned(req: IncomingMessage, url: URL, now: Instant): void {
  const q = url.searchParams;
  if (q.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') {
    throw new S3Refusal(400, 'AuthorizationQueryParametersError', 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  }
  const [accessKey, day, region, service, terminal] = (q.get('X-Amz-Credential') ?? '').split('/');
  if (accessKey !== ACCESS_KEY) throw new S3Refusal(403, 'InvalidAccessKeyId', 'unknown access key');
  const amzDate = q.get('X-Amz-Date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  const expires = Number(q.get('X-Amz-Expires'));
  if (Number.isNaN(signedAt) || !Number.isInteger(expires) || expires < 1 || expires > 604_800) {
    throw new S3Refusal(400, 'AuthorizationQueryParametersError', 'X-Amz-Date or X-Amz-Expires is malformed');
  }
  const signedHeaders = (q.get('X-Amz-SignedHeaders') ?? '').split(';');
  const canonicalQuery = [...q.entries()]
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [encode(name), encode(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const canonicalHeaders = signedHeaders
    .map(
      (name) =>
        `${name}:${String(req.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonicalRequest = [
    req.method ?? 'GET',
    url.pathname,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders.join(';'),
    q.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
  ].join('\n');
  const scope = `${day}/${region}/${service}/${terminal}`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonicalRequest, 'utf8').digest('hex'),
  ].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${SECRET_KEY}`, day ?? ''), region ?? ''), service ?? ''), 'aws4_request');
  const expected = Buffer.from(hmac(key, stringToSign).toString('hex'));
  const given = Buffer.from(q.get('X-Amz-Signature') ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new S3Refusal(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided (a signed header such as ' +
        'Content-Length, Content-Type or x-amz-checksum-sha256 differs from the one signed)',
    );
  }
  if (Date.parse(now) > signedAt + expires * 1000) {
    throw new S3Refusal(
      403,
      'AccessDenied',
      `Request has expired (at ${new Date(signedAt + expires * 1000).toISOString()})`,
    );
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new S3Refusal(400, 'EntityTooLarge', 'the body is larger than the stand-in accepts');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function refuse(res: ServerResponse, refusal: S3Refusal): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${refusal.message.replace(/[<&>]/g, '')}</Message></Error>`;
  res.writeHead(refusal.status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Sends the request on to s3rver and its answer back. */
function forward(
  upstreamPort: number,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  headers: IncomingMessage['headers'],
  body?: Buffer,
  responseHeaders: Readonly<Record<string, string>> = {},
): void {
  const upstream = httpRequest(
    { host: '127.0.0.1', port: upstreamPort, method: req.method, path, headers, agent: false },
    (answer) => {
      const ok = (answer.statusCode ?? 500) < 300;
      res.writeHead(answer.statusCode ?? 500, { ...answer.headers, ...(ok ? responseHeaders : {}) });
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => refuse(res, new S3Refusal(500, 'InternalError', error.message)));
  if (body) upstream.end(body);
  else req.pipe(upstream);
}

async function gate(
  upstreamPort: number,
  now: () => Instant,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://stand-in');
  if (!url.searchParams.has('X-Amz-Signature')) {
    if (req.method === 'DELETE' && !url.searchParams.has('uploadId') && url.pathname.split('/').length > 2) {
      throw new S3Refusal(403, 'AccessDenied', 'the object is locked under the bucket default retention');
    }
    forward(upstreamPort, req, res, req.url ?? '/', req.headers);
    return;
  }
  verifyPresigned(req, url, now());
  const body = req.method === 'PUT' ? await readBody(req, MAX_PRESIGNED_BODY) : undefined;
  const declared = req.headers['x-amz-checksum-sha256'];
  if (body && typeof declared === 'string') {
    const actual = createHash('sha256').update(body).digest('base64');
    if (actual !== declared) {
      throw new S3Refusal(400, 'BadDigest', 'The SHA256 you specified did not match the calculated checksum.');
    }
  }
  // Authenticated here: s3rver gets the request unsigned (it would check the expiry on the wall clock). It refuses
  // response-header overrides on unsigned requests, so the gate applies them (response-content-disposition).
  const overrides: Record<string, string> = {};
  for (const name of [...url.searchParams.keys()]) {
    if (/^response-/i.test(name))
      overrides[name.slice('response-'.length).toLowerCase()] = url.searchParams.get(name) ?? '';
    if (/^(x-amz-|response-)/i.test(name)) url.searchParams.delete(name);
  }
  const headers: IncomingMessage['headers'] = { host: req.headers.host ?? '' };
  for (const name of ['content-type', 'content-length', 'content-disposition']) {
    if (req.headers[name] !== undefined) headers[name] = req.headers[name];
  }
  forward(upstreamPort, req, res, `${url.pathname}${url.search}`, headers, body, overrides);
}

export async function openLocalS3(dataDir: string | undefined, now: () => Instant): Promise<LocalS3> {
  const temporary = dataDir === undefined;
  const directory = dataDir ? join(dataDir, 's3') : mkdtempSync(join(tmpdir(), 'enforcement-s3-'));
  mkdirSync(directory, { recursive: true });
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: LOCAL_EVIDENCE_BUCKET }],
  });
  const { port: upstreamPort } = await s3rver.run();
  const server: Server = createServer((req, res) => {
    gate(upstreamPort, now, req, res).catch((error: unknown) => {
      req.resume();
      refuse(res, error instanceof S3Refusal ? error : new S3Refusal(500, 'InternalError', String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new S3Client({
    endpoint,
    region: REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
    // See toolchain findings: without these, s3rver stores streamed uploads in aws-chunked framing.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
  return {
    client,
    endpoint,
    bucket: LOCAL_EVIDENCE_BUCKET,
    directory,
    close: async () => {
      client.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await s3rver.close();
      if (temporary) rmSync(directory, { recursive: true, force: true });
    },
  };
}
