/**
 * Documents on the embedded runtime: numbers and the write-once archive in the data directory's database (their
 * own schema part, apart from evidence), and the court's signing identity generated on first use in
 * `<data-dir>/documents/signing/<court>.key.pem` (0600) with its self-signed certificate beside it. Without a data
 * directory (tests) the identity lives in memory for the process.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSigningIdentity } from '#adapters/documents/pdf-signer.ts';
import type { DocumentSigningKeys, SigningIdentity } from '#ports/documents.ts';
import type { DocumentDeps } from '#use-cases/documents.ts';
import { ensurePrivateDirectory } from '../store/database.ts';
import type { EmbeddedRuntime } from './runtime.ts';

const CERTIFICATE_YEARS = 10;

function newIdentity(court: { code: string }, now: Date): SigningIdentity {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return createSigningIdentity({
    keyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
    commonName: `${court.code} document seal (court-enforcement, local)`,
    organisation: `court ${court.code}`,
    notBefore: now,
    years: CERTIFICATE_YEARS,
    serialHex: `01${randomBytes(15).toString('hex')}`,
  });
}

export class LocalSigningKeys implements DocumentSigningKeys {
  private readonly dataDir: string | undefined;
  private readonly now: () => Date;
  private readonly cache = new Map<string, SigningIdentity>();
  constructor(dataDir: string | undefined, now: () => Date) {
    this.dataDir = dataDir;
    this.now = now;
  }

  /** Where a court's key and certificate are kept, or undefined in memory. */
  files(court: string): { key: string; certificate: string } | undefined {
    if (!this.dataDir) return undefined;
    const dir = join(this.dataDir, 'documents', 'signing');
    const safe = court.replace(/[^A-Za-z0-9_-]/g, '_');
    return { key: join(dir, `${safe}.key.pem`), certificate: join(dir, `${safe}.cert.pem`) };
  }

  async identity(court: { readonly code: string; readonly name: string }): Promise<SigningIdentity> {
    const cached = this.cache.get(court.code);
    if (cached) return cached;
    const files = this.files(court.code);
    let identity: SigningIdentity;
    if (files && existsSync(files.key) && existsSync(files.certificate)) {
      identity = { keyPem: readFileSync(files.key, 'utf8'), certificatePem: readFileSync(files.certificate, 'utf8') };
    } else {
      identity = newIdentity(court, this.now());
      if (files && this.dataDir) {
        ensurePrivateDirectory(join(this.dataDir, 'documents'));
        ensurePrivateDirectory(join(this.dataDir, 'documents', 'signing'));
        writeFileSync(files.key, identity.keyPem, { mode: 0o600, flag: 'wx' });
        chmodSync(files.key, 0o600);
        writeFileSync(files.certificate, identity.certificatePem, { mode: 0o644, flag: 'wx' });
      }
    }
    this.cache.set(court.code, identity);
    return identity;
  }
}

/** The document ports of a runtime: its `issuing` dependency's (one signing identity per court and runtime). */
export function localDocuments(runtime: EmbeddedRuntime): DocumentDeps & { readonly keys: DocumentSigningKeys } {
  const { rules, cases, clock, staff } = runtime.deps;
  return { rules, cases, clock, staff, ...runtime.documentIssuing };
}
