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
import { pdfDocumentRenderer } from '#adapters/documents/signed-pdf.ts';
import type { DocumentSigningKeys, SigningIdentity } from '#ports/documents.ts';
import { type DocumentDeps, issueDueDocuments } from '#use-cases/documents.ts';
import { ensurePrivateDirectory } from '../store/database.ts';
import { SqliteDocumentStore } from '../store/document-store.ts';
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

const opened = new WeakMap<EmbeddedRuntime, DocumentDeps & { readonly keys: LocalSigningKeys }>();

/** The document ports of a runtime, opened once per runtime. */
export function localDocuments(runtime: EmbeddedRuntime): DocumentDeps & { readonly keys: LocalSigningKeys } {
  let deps = opened.get(runtime);
  if (!deps) {
    const store = new SqliteDocumentStore(runtime.database);
    const dataDir = runtime.database.location === ':memory:' ? undefined : join(runtime.database.location, '..');
    deps = {
      rules: runtime.deps.rules,
      cases: runtime.deps.cases,
      clock: runtime.deps.clock,
      staff: runtime.deps.staff,
      numbers: store,
      archive: store,
      keys: new LocalSigningKeys(dataDir, () => new Date(runtime.clock.now())),
      renderer: pdfDocumentRenderer,
    };
    opened.set(runtime, deps);
  }
  return deps;
}

/**
 * Issues a case's due documents; a document it cannot make for a missing field is reported by `enforce documents`.
 * Returns the error's name when issuing failed otherwise (never its text, which may hold case data), for the log.
 */
export async function issueCaseDocuments(runtime: EmbeddedRuntime, caseId: string): Promise<string | undefined> {
  try {
    await issueDueDocuments(localDocuments(runtime), caseId);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.name : 'unknown';
  }
}
