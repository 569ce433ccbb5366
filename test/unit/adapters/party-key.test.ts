/** The party-id key on AWS: read once from Secrets Manager, kept; a short or missing secret refused; retried after a failure. */
import { describe, expect, it } from 'vitest';
import { SecretsManagerPartyKey } from '#adapters/aws/party-key.ts';

describe('the party-id key from Secrets Manager', () => {
  it('is read once per container and kept', async () => {
    const reads: string[] = [];
    const key = new SecretsManagerPartyKey('arn:secret', async (id) => {
      reads.push(id);
      return { SecretString: 'k'.repeat(64) };
    });

    const [a, b] = [await key.key(), await key.key()];

    expect(reads).toEqual(['arn:secret']);
    expect(Buffer.from(a).toString()).toBe('k'.repeat(64));
    expect(b).toBe(a);
  });

  it('a secret shorter than 32 bytes, or empty, is refused', async () => {
    await expect(new SecretsManagerPartyKey('s', async () => ({ SecretString: 'short' })).key()).rejects.toThrow(
      /missing or shorter than 32 bytes/,
    );
    await expect(new SecretsManagerPartyKey('s', async () => ({})).key()).rejects.toThrow(/missing/);
  });

  it('a failed read is not remembered: the next call reads again', async () => {
    let calls = 0;
    const key = new SecretsManagerPartyKey('s', async () => {
      calls++;
      if (calls === 1) throw new Error('throttled');
      return { SecretBinary: new Uint8Array(32).fill(1) };
    });

    await expect(key.key()).rejects.toThrow('throttled');
    expect((await key.key()).length).toBe(32);
    expect(calls).toBe(2);
  });
});
