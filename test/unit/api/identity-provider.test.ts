/** The local identity provider: development tokens for the staff directory's users, verified against it again. */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonStaffDirectory } from '#adapters/staff/json-directory.ts';
import staff from '#config/staff.json' with { type: 'json' };
import { LocalIdentityProvider, TOKEN_SECONDS } from '../../../local/api/identity-provider.ts';

const directory = new JsonStaffDirectory(staff);
const dir = mkdtempSync(join(tmpdir(), 'enforce-idp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local identity provider', () => {
  it('issues a token whose identity comes from the directory', async () => {
    const idp = new LocalIdentityProvider(directory);
    const { token, identity } = await idp.issue('huang-lei');
    expect(identity).toEqual({ userId: 'huang-lei', roles: ['team-lead', 'panel-member'], court: 'HB0922' });
    expect(await idp.verify(token)).toEqual(identity);
  });

  it('refuses unknown and deactivated users, forged, foreign and expired tokens', async () => {
    const idp = new LocalIdentityProvider(directory);
    await expect(idp.issue('nobody')).rejects.toThrow(/未知或已停用的用户/);
    const { token } = await idp.issue('li-qiang');
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), sub: 'zhang-wei' })).toString('base64url')}.${signature}`;
    expect(await idp.verify(forged)).toBeUndefined();
    expect(await new LocalIdentityProvider(directory).verify(token)).toBeUndefined();
    const later = new LocalIdentityProvider(directory, undefined, {
      now: () => new Date(Date.now() + (TOKEN_SECONDS + 60) * 1000).toISOString(),
    });
    const { token: mine } = await later.issue('li-qiang');
    expect(await idp.verify(mine)).toBeUndefined();
    const left = new JsonStaffDirectory({
      ...staff,
      staff: staff.staff.map((m) => (m.userId === 'li-qiang' ? { ...m, active: false } : m)),
    });
    const shared = join(dir, 'shared');
    const before = await new LocalIdentityProvider(directory, shared).issue('li-qiang');
    expect(await new LocalIdentityProvider(left, shared).verify(before.token)).toBeUndefined();
  });

  it('keeps its secret in the data directory, readable by its owner only, and reuses it', async () => {
    const first = new LocalIdentityProvider(directory, dir);
    const { token } = await first.issue('li-qiang');
    const file = join(dir, 'auth', 'jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').length).toBeGreaterThan(40);
    expect(await new LocalIdentityProvider(directory, dir).verify(token)).toMatchObject({ userId: 'li-qiang' });
  });
});
