import { describe, expect, it } from 'vitest';
import {
  FIRST_USE_TOKEN,
  parseIdentity,
  SecretsManagerSigningKeys,
  type SecretValues,
} from '#adapters/aws/signing-keys.ts';

const COURT = { code: 'C0922', name: '青县人民法院' };
const PLACEHOLDER = JSON.stringify({ state: 'generated on first use', placeholder: 'x1' });

/** Secrets Manager as it behaves for PutSecretValue: a token once used with other content is refused. */
function fakeSecrets(initial: string) {
  const state = { current: initial, tokens: new Map<string, string>(), writes: 0 };
  const secrets: SecretValues = {
    read: async () => state.current,
    write: async (_id, value, token) => {
      const seen = state.tokens.get(token);
      if (seen !== undefined) return 'exists';
      state.tokens.set(token, value);
      state.current = value;
      state.writes++;
      return 'stored';
    },
  };
  return { state, secrets };
}

describe('the signing identity on Secrets Manager', () => {
  it('generates the identity on first use, stores it under the fixed token, and reads it back afterwards', async () => {
    const { state, secrets } = fakeSecrets(PLACEHOLDER);
    const keys = new SecretsManagerSigningKeys(
      'arn:secret',
      () => new Date('2026-03-02T00:00:00Z'),
      async () => secrets,
    );
    const identity = await keys.identity(COURT);
    expect(identity.keyPem).toContain('PRIVATE KEY');
    expect(identity.certificatePem).toContain('BEGIN CERTIFICATE');
    expect(state.tokens.has(FIRST_USE_TOKEN)).toBe(true);
    expect(parseIdentity(state.current)).toEqual(identity);
    const later = new SecretsManagerSigningKeys(
      'arn:secret',
      () => new Date(),
      async () => secrets,
    );
    expect(await later.identity(COURT)).toEqual(identity);
    expect(state.writes).toBe(1);
  });

  it('of two first uses racing, the second is refused and signs with the first one’s identity', async () => {
    const { state, secrets } = fakeSecrets(PLACEHOLDER);
    // Both read the placeholder before either writes.
    const reads: ((value: string) => void)[] = [];
    const racing: SecretValues = {
      read: () => new Promise((resolve) => reads.push(resolve)),
      write: secrets.write,
    };
    const a = new SecretsManagerSigningKeys(
      'arn:secret',
      () => new Date(),
      async () => racing,
    );
    const b = new SecretsManagerSigningKeys(
      'arn:secret',
      () => new Date(),
      async () => racing,
    );
    const first = a.identity(COURT);
    const second = b.identity(COURT);
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const resolve of reads.splice(0)) resolve(PLACEHOLDER);
    // The loser reads again after its write is refused.
    const settle = setInterval(() => {
      for (const resolve of reads.splice(0)) resolve(state.current);
    }, 5);
    const [x, y] = await Promise.all([first, second]);
    clearInterval(settle);
    expect(x).toEqual(y);
    expect(state.writes).toBe(1);
  });

  it('uses a certificate an operator put there, and never overwrites it', async () => {
    const { state, secrets } = fakeSecrets(PLACEHOLDER);
    const made = await new SecretsManagerSigningKeys(
      's',
      () => new Date(),
      async () => secrets,
    ).identity(COURT);
    const installed = fakeSecrets(JSON.stringify(made));
    const identity = await new SecretsManagerSigningKeys(
      's',
      () => new Date(),
      async () => installed.secrets,
    ).identity(COURT);
    expect(identity).toEqual(made);
    expect(installed.state.writes).toBe(0);
    void state;
  });

  it('takes the placeholder, a broken or partial value for no identity', () => {
    expect(parseIdentity(PLACEHOLDER)).toBeUndefined();
    expect(parseIdentity('not json')).toBeUndefined();
    expect(parseIdentity(JSON.stringify({ keyPem: '-----BEGIN RSA PRIVATE KEY-----' }))).toBeUndefined();
    expect(parseIdentity(undefined)).toBeUndefined();
  });
});
