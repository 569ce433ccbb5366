/**
 * The court's signing identity on AWS: an RSA key and its certificate, kept as JSON (`keyPem`, `certificatePem`) in
 * a Secrets Manager secret encrypted with the stack's key. The stack creates the secret with a placeholder; the
 * first document made generates the identity and stores it with a fixed ClientRequestToken, so that of two
 * functions racing on first use one stores it and the other is refused (ResourceExistsException) and reads the
 * stored one: one identity per installation, never two. A court's own certificate from its CA replaces it by
 * putting the same JSON into the secret (docs/documents.md). Read once per container; never logged.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createSigningIdentity } from '#adapters/documents/pdf-signer.ts';
import type { DocumentSigningKeys, SigningIdentity } from '#ports/documents.ts';

/** Secrets Manager, as far as the signing identity needs it. */
export interface SecretValues {
  read(secretId: string): Promise<string | undefined>;
  /** Stores a new current version; `exists` when a version with this token was stored already. */
  write(secretId: string, value: string, token: string): Promise<'stored' | 'exists'>;
}

/** The token of the generated identity's version (32 to 64 characters): the same for every first use. */
export const FIRST_USE_TOKEN = 'court-enforcement-signing-identity-v1';
const CERTIFICATE_YEARS = 10;

async function sdkSecrets(): Promise<SecretValues> {
  const { SecretsManagerClient, GetSecretValueCommand, PutSecretValueCommand } = await import(
    '@aws-sdk/client-secrets-manager'
  );
  const client = new SecretsManagerClient({});
  return {
    async read(secretId) {
      return (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
    },
    async write(secretId, value, token) {
      try {
        await client.send(
          new PutSecretValueCommand({ SecretId: secretId, SecretString: value, ClientRequestToken: token }),
        );
        return 'stored';
      } catch (error) {
        if (error instanceof Error && error.name === 'ResourceExistsException') return 'exists';
        throw error;
      }
    },
  };
}

/** The identity in a secret's value, or undefined for the placeholder (or anything else). */
export function parseIdentity(value: string | undefined): SigningIdentity | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as { keyPem?: unknown; certificatePem?: unknown };
    return typeof parsed.keyPem === 'string' &&
      parsed.keyPem.includes('PRIVATE KEY') &&
      typeof parsed.certificatePem === 'string' &&
      parsed.certificatePem.includes('CERTIFICATE')
      ? { keyPem: parsed.keyPem, certificatePem: parsed.certificatePem }
      : undefined;
  } catch {
    return undefined;
  }
}

export class SecretsManagerSigningKeys implements DocumentSigningKeys {
  private readonly secretId: string;
  private readonly now: () => Date;
  private readonly secrets: () => Promise<SecretValues>;
  private cached: Promise<SigningIdentity> | undefined;

  constructor(secretId: string, now: () => Date, secrets: () => Promise<SecretValues> = sdkSecrets) {
    this.secretId = secretId;
    this.now = now;
    this.secrets = secrets;
  }

  /** The installation's identity, whichever of its courts signs (the court's name is in the document itself). */
  identity(_court: { readonly code: string; readonly name: string }): Promise<SigningIdentity> {
    this.cached ??= this.load().catch((error: unknown) => {
      this.cached = undefined;
      throw error;
    });
    return this.cached;
  }

  private async load(): Promise<SigningIdentity> {
    const secrets = await this.secrets();
    const stored = parseIdentity(await secrets.read(this.secretId));
    if (stored) return stored;
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const made = createSigningIdentity({
      keyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
      commonName: 'court document seal (court-enforcement, aws)',
      organisation: 'court-enforcement installation',
      notBefore: this.now(),
      years: CERTIFICATE_YEARS,
      serialHex: `01${randomBytes(15).toString('hex')}`,
    });
    if ((await secrets.write(this.secretId, JSON.stringify(made), FIRST_USE_TOKEN)) === 'stored') return made;
    // Another function stored its identity first: that one is the installation's.
    const winner = parseIdentity(await secrets.read(this.secretId));
    if (!winner) throw new Error('the signing identity secret holds no identity after its first use');
    return winner;
  }
}
