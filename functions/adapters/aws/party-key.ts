/**
 * The party-id key on AWS: a Secrets Manager secret (generated at deployment, encrypted with the stack's key), read
 * once per container and kept in memory. Never logged. A secret shorter than 32 bytes is refused.
 */
import type { PartyKey } from '#ports/party-key.ts';

export type SecretReader = (secretId: string) => Promise<{ SecretString?: string; SecretBinary?: Uint8Array }>;

async function readWithSdk(secretId: string) {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  return new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretId }));
}

export class SecretsManagerPartyKey implements PartyKey {
  private readonly secretId: string;
  private readonly read: SecretReader;
  private cached: Promise<Uint8Array> | undefined;

  constructor(secretId: string, read: SecretReader = readWithSdk) {
    this.secretId = secretId;
    this.read = read;
  }

  key(): Promise<Uint8Array> {
    this.cached ??= this.load().catch((error: unknown) => {
      // A failed read is tried again on the next call (the function's retry), not remembered.
      this.cached = undefined;
      throw error;
    });
    return this.cached;
  }

  private async load(): Promise<Uint8Array> {
    const secret = await this.read(this.secretId);
    const bytes = secret.SecretBinary ?? (secret.SecretString ? Buffer.from(secret.SecretString, 'utf8') : undefined);
    if (!bytes || bytes.length < 32) throw new Error('the party-id key secret is missing or shorter than 32 bytes');
    return bytes;
  }
}
