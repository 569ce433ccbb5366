/**
 * Presigned S3 requests without the S3 client: Signature Version 4 in the query string (@smithy/signature-v4, the
 * signer the SDK's own presigner uses, pinned in package.json), with the request built as the S3 client builds it
 * (virtual-hosted URL, the key's segments escaped, `x-id` naming the operation, the payload unsigned). A URL made
 * here is the one `getSignedUrl` of @aws-sdk/s3-request-presigner makes for the same request, credentials and
 * instant (test/unit/adapters/s3-presigner.test.ts compares them), without bundling the S3 client, its middleware
 * and credential providers (about 370 KiB): the functions take the S3 client for their other calls from the Lambda
 * runtime.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export type CredentialsProvider = () => Promise<AwsCredentials>;

/**
 * The execution role's credentials as the Lambda runtime gives them to the function (AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), read at each signature; the S3 client's default chain reads the same
 * variables first.
 */
export function environmentCredentials(
  env: Readonly<Record<string, string | undefined>> = process.env,
): CredentialsProvider {
  return async () => {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) throw new Error('no AWS credentials in the environment');
    const sessionToken = env.AWS_SESSION_TOKEN;
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  };
}

type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytesOf(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** SHA-256, or its HMAC when given a secret, over node:crypto (what @smithy/hash-node does). */
class NodeSha256 {
  private readonly secret: SourceData | undefined;
  private hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.secret = secret;
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(this.secret));
  }

  update(data: SourceData): void {
    this.hash.update(bytesOf(data));
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  reset(): void {
    this.hash = this.fresh();
  }
}

/** RFC 3986 escaping as the SDK does it (encodeURIComponent, and !'()* as well). */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The S3 client's path of a key: each segment escaped, the slashes kept. */
function keyPath(key: string): string {
  return `/${key.split('/').map(escapeUri).join('/')}`;
}

/** Virtual-hosted-style addressing over HTTPS needs a name that is one DNS label. */
const VIRTUAL_HOSTABLE = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

export interface S3PresignerOptions {
  readonly bucket: string;
  readonly region: string;
  readonly credentials: CredentialsProvider;
}

export interface PresignInput {
  readonly method: 'GET' | 'PUT';
  /** The S3 operation, written in the URL as `x-id` as the S3 client writes it (PutObject, UploadPart, GetObject). */
  readonly operation: string;
  readonly key: string;
  /** Query parameters of the operation (partNumber, uploadId, versionId, response-content-disposition). */
  readonly query?: Readonly<Record<string, string>>;
  /** Headers the request must carry, each signed. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Headers that stay headers (never hoisted into the query string), e.g. x-amz-checksum-sha256. */
  readonly unhoistable?: ReadonlySet<string>;
  readonly signedAt: Date;
  readonly expiresInSeconds: number;
}

export class S3Presigner {
  private readonly host: string;
  private readonly signer: SignatureV4;

  constructor(options: S3PresignerOptions) {
    if (!VIRTUAL_HOSTABLE.test(options.bucket)) {
      throw new Error(`bucket name ${options.bucket} cannot be addressed virtual-hosted style`);
    }
    const suffix = options.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    this.host = `${options.bucket}.s3.${options.region}.${suffix}`;
    this.signer = new SignatureV4({
      service: 's3',
      region: options.region,
      credentials: options.credentials,
      sha256: NodeSha256,
      uriEscapePath: false,
      applyChecksum: false,
    });
  }

  async presign(input: PresignInput): Promise<string> {
    // Spelled as the SDK spells it: hoisted into the query string under this name.
    const headers = { ...input.headers, host: this.host, 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' };
    const signed = await this.signer.presign(
      {
        method: input.method,
        protocol: 'https:',
        hostname: this.host,
        path: keyPath(input.key),
        query: { ...input.query, 'x-id': input.operation },
        headers,
      },
      {
        expiresIn: input.expiresInSeconds,
        signingDate: input.signedAt,
        unsignableHeaders: new Set(['content-type']),
        unhoistableHeaders: new Set(input.unhoistable ?? []),
        signableHeaders: new Set(Object.keys(input.headers ?? {})),
      },
    );
    const query = signed.query as Record<string, string>;
    const search = Object.keys(query)
      .sort()
      .map((name) => `${escapeUri(name)}=${escapeUri(query[name] ?? '')}`)
      .join('&');
    return `https://${this.host}${signed.path}?${search}`;
  }
}
