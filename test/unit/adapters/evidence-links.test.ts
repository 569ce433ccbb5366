/** The embedded evidence store's signed links: one operation on one object, every bound field covered. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type LinkClaims, linkQuery, verifyLink } from '../../../local/evidence/signing.ts';

const secret = randomBytes(32);
const NOW = Date.parse('2026-03-02T01:00:00.000Z');
const upload: LinkClaims = {
  op: 'put',
  key: 'cases/caaaaaaaaaaaaaaaaaaa/evidence/eaaaaaaaaaaaaaaa',
  expiresAtMs: NOW + 900_000,
  nonce: 'n1',
  sizeBytes: 4096,
  sha256: 'a'.repeat(64),
  contentType: 'image/jpeg',
};

const query = (claims: LinkClaims, key = secret) => new URLSearchParams(linkQuery(key, claims));

describe('signed evidence links', () => {
  it('a link verifies with its key, before its expiry, and gives back exactly the claims signed', () => {
    expect(verifyLink(secret, query(upload), NOW)).toEqual({ ok: true, claims: upload });
    expect(verifyLink(secret, query(upload), upload.expiresAtMs)).toMatchObject({ ok: true });
  });

  it('after its expiry it is refused as expired', () => {
    expect(verifyLink(secret, query(upload), upload.expiresAtMs + 1)).toEqual({ ok: false, refusal: 'expired' });
  });

  it('another installation’s key does not verify it', () => {
    expect(verifyLink(randomBytes(32), query(upload), NOW)).toEqual({ ok: false, refusal: 'bad-signature' });
  });

  it.each([
    ['size', '4097'],
    ['sha256', 'b'.repeat(64)],
    ['type', 'image/png'],
    ['key', 'cases/caaaaaaaaaaaaaaaaaaa/evidence/ebbbbbbbbbbbbbbb'],
    ['op', 'get'],
    ['exp', String(NOW + 9_000_000)],
  ])('changing the signed %s is refused', (name, value) => {
    const changed = query(upload);
    changed.set(name, value);
    expect(verifyLink(secret, changed, NOW)).toEqual({ ok: false, refusal: 'bad-signature' });
  });

  it('adding a claim that was not signed (a part number, a disposition) is refused', () => {
    const changed = query(upload);
    changed.set('part', '1');
    expect(verifyLink(secret, changed, NOW)).toEqual({ ok: false, refusal: 'bad-signature' });
  });

  it('no signature is unsigned; a missing operation or key is malformed', () => {
    const unsigned = query(upload);
    unsigned.delete('sig');
    const noKey = query(upload);
    noKey.delete('key');
    expect(verifyLink(secret, unsigned, NOW)).toEqual({ ok: false, refusal: 'unsigned' });
    expect(verifyLink(secret, noKey, NOW)).toEqual({ ok: false, refusal: 'malformed' });
    expect(verifyLink(secret, new URLSearchParams('sig=00&op=delete&key=k&n=1&exp=1'), NOW)).toEqual({
      ok: false,
      refusal: 'malformed',
    });
  });

  it('a field holding a line break cannot be signed (no ambiguity between fields)', () => {
    expect(() => linkQuery(secret, { ...upload, contentType: 'image/jpeg\nsize=1' })).toThrow(/line break/);
  });
});
