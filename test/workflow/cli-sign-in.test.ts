/**
 * A court's own server from the command line, real clock: the first administrator, accounts and TOTP enrolment
 * by that administrator, `serve` refusing plain HTTP on the network, `login` with password and code, and commands
 * through the server with the session (ENFORCE_SESSION) and not without.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { totp } from '../../local/auth/secrets.ts';
import { enforce, killed, start } from '../support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'enforce-cli-sign-in-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const dir = ['--data-dir', join(scratch, 'court')];
const ADMIN_PASSWORD = 'the administrator passphrase';
const LEAD_PASSWORD = 'the team lead passphrase';

function withInput(args: readonly string[], input: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ['bin/enforce.ts', ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const SUBCOMMANDS = ['add', 'passwd', 'mfa-enrol', 'deactivate', 'list', 'audit'];

describe('enforce users', () => {
  it.each(SUBCOMMANDS)('users %s --help explains itself in Chinese', (sub) => {
    const { code, stdout } = enforce(['users', sub, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\p{Script=Han}/u);
  });

  it('sets up a court: first administrator (with TOTP at once), a team lead, the lead enrolled by the administrator', async () => {
    const refused = withInput([...dir, 'users', 'add', 'li-qiang', '--password-stdin'], `${LEAD_PASSWORD}\n`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^错误：还没有管理员/);
    const admin = withInput(
      [...dir, '--json', 'users', 'add', 'it-admin', '--admin', '--password-stdin'],
      `${ADMIN_PASSWORD}\n`,
    );
    expect(admin.stderr).toBe('');
    const adminSecret = (JSON.parse(admin.stdout) as { secret: string; uri: string }).secret;
    expect(JSON.parse(admin.stdout).uri).toMatch(/^otpauth:\/\/totp\//);
    // Now every change needs the administrator: password and code.
    const noAdmin = withInput([...dir, 'users', 'add', 'li-qiang', '--password-stdin'], `${LEAD_PASSWORD}\n`);
    expect(noAdmin.stderr).toMatch(/--by/);
    const noCode = withInput(
      [...dir, 'users', 'add', 'li-qiang', '--by', 'it-admin', '--password-stdin'],
      `${ADMIN_PASSWORD}\n${LEAD_PASSWORD}\n`,
    );
    expect(noCode.stderr).toMatch(/--by-code/);
    const code = totp(adminSecret, Date.now() / 1000);
    const added = withInput(
      [...dir, 'users', 'add', 'li-qiang', '--by', 'it-admin', '--by-code', code, '--password-stdin'],
      `${ADMIN_PASSWORD}\n${LEAD_PASSWORD}\n`,
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/mfa-enrol li-qiang/);
    // The same administrator code a second time is a replay.
    const replay = withInput(
      [...dir, 'users', 'mfa-enrol', 'li-qiang', '--by', 'it-admin', '--by-code', code, '--password-stdin'],
      `${ADMIN_PASSWORD}\n`,
    );
    expect(replay.code).toBe(1);
    // The next step's code (within the ±1 window) is a new one.
    const enrolled = withInput(
      [
        ...dir,
        '--json',
        'users',
        'mfa-enrol',
        'li-qiang',
        '--by',
        'it-admin',
        '--by-code',
        totp(adminSecret, Date.now() / 1000 + 30),
        '--password-stdin',
      ],
      `${ADMIN_PASSWORD}\n`,
    );
    expect(enrolled.stderr).toBe('');
    const leadSecret = (JSON.parse(enrolled.stdout) as { secret: string }).secret;
    const list = enforce([...dir, 'users', 'list']);
    expect(list.stdout).toMatch(/it-admin.*管理员.*已登记/);
    expect(list.stdout).toMatch(/li-qiang.*已登记/);
    expect(list.stdout).not.toContain(leadSecret);
    const audit = enforce([...dir, 'users', 'audit', '--user', 'li-qiang']);
    expect(audit.stdout).toMatch(/开通账户\s+li-qiang\s+由 it-admin/);
    expect(audit.stdout).toMatch(/登记动态口令\s+li-qiang\s+由 it-admin/);
    expect(audit.stdout).not.toContain(leadSecret);
    expect(audit.stdout).not.toContain(LEAD_PASSWORD);

    // The server: not on the network in plain HTTP; on loopback, real clock, no development tokens.
    const open = enforce([...dir, 'serve', '--port', '0', '--host', '0.0.0.0']);
    expect(open.code).toBe(2);
    expect(open.stderr).toMatch(/^错误：拒绝在 0\.0\.0\.0 上以明文 HTTP 监听/);
    const server = await start([...dir, 'serve', '--port', '0'], /员工接口已启动/);
    try {
      const without = enforce([...dir, 'tasks', '--as', 'li-qiang']);
      expect(without.code).toBe(1);
      expect(without.stderr).toMatch(/真实时钟，须先登录/);
      const noCodeLogin = withInput([...dir, 'login', '--as', 'li-qiang', '--password-stdin'], `${LEAD_PASSWORD}\n`);
      expect(noCodeLogin.code).not.toBe(0);
      expect(noCodeLogin.stderr).toMatch(/动态口令/);
      const login = withInput(
        [
          ...dir,
          '--json',
          'login',
          '--as',
          'li-qiang',
          '--code',
          totp(leadSecret, Date.now() / 1000),
          '--password-stdin',
        ],
        `${LEAD_PASSWORD}\n`,
      );
      expect(login.stderr).toBe('');
      const { token, kind } = JSON.parse(login.stdout) as { token: string; kind: string };
      expect(kind).toBe('session');
      const tasks = enforce([...dir, '--json', 'tasks', '--as', 'li-qiang'], { ENFORCE_SESSION: token });
      expect(tasks.stderr).toBe('');
      expect(JSON.parse(tasks.stdout)).toEqual([]);
      const other = enforce([...dir, 'tasks', '--as', 'song-jian'], { ENFORCE_SESSION: token });
      expect(other.stderr).toMatch(/属于 li-qiang/);
    } finally {
      await killed(server);
    }
  }, 120_000);
});
