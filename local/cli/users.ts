/**
 * `enforce users`: staff accounts of this data directory (add, passwd, mfa-enrol, deactivate, list). It opens the
 * data directory's database directly (beside a running server: SQLite allows it), so it is run on the court's
 * server by whoever may read the data directory. Once an administrator exists, every change names one (`--by`)
 * and proves it with their password (and code, once enrolled); only the first administrator is created without.
 * Passwords come from a prompt on the terminal, or from standard input (`--password-stdin`), never the command
 * line (which other users of the machine can read in the process list).
 */
import { userInfo } from 'node:os';
import { referenceData } from '#commons/reference-data.ts';
import { chinaTime } from '#domain/timeline/timeline.ts';
import { AccountError, type AccountView, StaffAccounts } from '../auth/accounts.ts';
import { openDatabase } from '../store/database.ts';
import { CliError, type Output, pad } from './output.ts';
import { dataDirOf, type GlobalOptions } from './session.ts';

export interface UserOptions {
  readonly by?: string;
  readonly byCode?: string;
  readonly passwordStdin?: boolean;
  readonly admin?: boolean;
}

/** Secrets in the order a command asks for them: a terminal prompt each, or one line each from standard input. */
export class SecretSource {
  private lines: string[] | undefined;
  private readonly fromStdin: boolean;
  constructor(fromStdin: boolean) {
    this.fromStdin = fromStdin;
  }

  async next(prompt: string): Promise<string> {
    if (this.fromStdin) {
      this.lines ??= (await readAll(process.stdin)).split(/\r?\n/);
      const line = this.lines.shift();
      if (line === undefined || line === '') throw new CliError(`标准输入中缺少：${prompt}`, 2);
      return line;
    }
    if (!process.stdin.isTTY) throw new CliError('没有终端可以输入密码：请使用 --password-stdin 从标准输入读取', 2);
    return promptHidden(`${prompt}：`);
  }
}

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new CliError('已取消', 130));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function newPassword(secrets: SecretSource, userId: string, interactive: boolean): Promise<string> {
  const password = await secrets.next(`${userId} 的新密码`);
  if (interactive && (await secrets.next('再输入一次')) !== password) throw new CliError('两次输入的密码不一致', 2);
  return password;
}

async function withAccounts<T>(globals: GlobalOptions, work: (accounts: StaffAccounts) => Promise<T>): Promise<T> {
  const opened = openDatabase(dataDirOf(globals));
  try {
    const { staff, rules } = referenceData();
    return await work(new StaffAccounts(opened, staff, rules));
  } catch (error) {
    if (error instanceof AccountError) throw new CliError(error.message);
    throw error;
  } finally {
    opened.close();
  }
}

const REFUSALS = {
  invalid: '管理员身份核验失败：用户名、密码或动态口令不正确',
  locked: '该管理员账户因多次失败已暂时锁定，请稍后再试',
  'totp-required': '该管理员已登记动态口令：请用 --by-code 提供当前的六位动态口令',
  'totp-not-enrolled': '该管理员尚未登记动态口令：请由另一位管理员执行 npm run enforce -- users mfa-enrol',
  'no-staff-identity': '管理员身份核验失败',
} as const;

/** The administrator making a change, proved; or, when none exists yet, the first administrator's creation. */
async function administrator(
  accounts: StaffAccounts,
  options: UserOptions,
  secrets: SecretSource,
  bootstrap: boolean,
): Promise<string> {
  if (!accounts.hasAdmin()) {
    if (bootstrap) return `bootstrap:${userInfo().username}`;
    throw new CliError(
      '还没有管理员：请先在服务器上执行 npm run enforce -- users add <用户名> --admin 创建第一位管理员',
    );
  }
  if (!options.by) throw new CliError('请用 --by <管理员用户名> 说明由哪位管理员办理（须核验其密码）', 2);
  if (!accounts.isAdmin(options.by)) throw new CliError(`${options.by} 不是在用的管理员账户`);
  const password = await secrets.next(`管理员 ${options.by} 的密码`);
  const checked = accounts.authenticate(options.by, password, options.byCode, 'administration');
  if (!checked.ok) throw new CliError(REFUSALS[checked.reason]);
  return options.by;
}

export async function usersAddCommand(
  globals: GlobalOptions,
  out: Output,
  userId: string,
  options: UserOptions,
): Promise<void> {
  const secrets = new SecretSource(options.passwordStdin === true);
  await withAccounts(globals, async (accounts) => {
    const actor = await administrator(accounts, options, secrets, options.admin === true);
    const password = await newPassword(secrets, userId, !options.passwordStdin);
    accounts.add({ userId, password, admin: options.admin === true, actor });
    // An administrator gets a second factor at once: nobody administers with a password alone.
    const enrolled = options.admin ? accounts.enrolTotp(userId, actor) : undefined;
    const needsCode = accounts.list().find((a) => a.userId === userId)?.secondFactor === 'required-not-enrolled';
    out.result({ userId, admin: options.admin === true, ...(enrolled ?? {}) }, () => {
      out.line(`已开通账户 ${userId}${options.admin ? '（管理员）' : ''}。`);
      if (enrolled) showEnrolment(out, userId, enrolled);
      if (needsCode) out.line(`该用户须有动态口令才能登录：npm run enforce -- users mfa-enrol ${userId} --by <管理员>`);
    });
  });
}

/** A change to someone's account: proved by an administrator's password and code (`--by`, `--by-code`) first. */
async function asAdministrator(
  globals: GlobalOptions,
  options: UserOptions,
  change: (accounts: StaffAccounts, actor: string, secrets: SecretSource) => Promise<void>,
): Promise<void> {
  const secrets = new SecretSource(options.passwordStdin === true);
  await withAccounts(globals, async (accounts) => {
    const actor = await administrator(accounts, options, secrets, false);
    await change(accounts, actor, secrets);
  });
}

export async function usersPasswdCommand(
  globals: GlobalOptions,
  out: Output,
  userId: string,
  options: UserOptions,
): Promise<void> {
  await asAdministrator(globals, options, async (accounts, actor, secrets) => {
    accounts.setPassword(userId, await newPassword(secrets, userId, !options.passwordStdin), actor);
    out.result({ userId, passwordChanged: true }, () => out.line(`已更改 ${userId} 的密码；其已登录的会话全部失效。`));
  });
}

export async function usersMfaEnrolCommand(
  globals: GlobalOptions,
  out: Output,
  userId: string,
  options: UserOptions,
): Promise<void> {
  await asAdministrator(globals, options, async (accounts, actor) => {
    const { secret, uri } = accounts.enrolTotp(userId, actor);
    out.result({ userId, secret, uri }, () => {
      showEnrolment(out, userId, { secret, uri });
      out.line('  原有动态口令与已登录的会话均已失效。');
    });
  });
}

export async function usersDeactivateCommand(
  globals: GlobalOptions,
  out: Output,
  userId: string,
  options: UserOptions,
): Promise<void> {
  await asAdministrator(globals, options, async (accounts, actor) => {
    accounts.deactivate(userId, actor);
    out.result({ userId, active: false }, () => out.line(`已停用账户 ${userId}，其会话立即失效。`));
  });
}

function showEnrolment(out: Output, userId: string, { secret, uri }: { secret: string; uri: string }): void {
  out.line(`已为 ${userId} 登记动态口令（只显示这一次，请当面交给本人，勿留存、勿转发）：`);
  out.line(`  身份验证器应用扫描或输入：${uri}`);
  out.line(`  手动输入的密钥：${secret}`);
}

const SECOND_FACTOR_LABELS: Record<AccountView['secondFactor'], string> = {
  enrolled: '已登记',
  'required-not-enrolled': '须登记（未登记前不能登录）',
  'not-required': '不要求',
};

export async function usersListCommand(globals: GlobalOptions, out: Output): Promise<void> {
  await withAccounts(globals, async (accounts) => {
    const list = accounts.list();
    out.result(list, () => {
      if (list.length === 0) out.line('还没有账户。第一位管理员：npm run enforce -- users add <用户名> --admin');
      for (const account of list)
        out.line(
          `${pad(account.userId, 16)}${pad(account.name ?? '—', 10)}${pad(account.admin ? '管理员' : '', 8)}${pad(account.active ? '在用' : '已停用', 8)}动态口令：${SECOND_FACTOR_LABELS[account.secondFactor]}${account.lockedUntil ? `  锁定至 ${chinaTime(new Date(account.lockedUntil * 1000).toISOString())}` : ''}`,
        );
    });
  });
}

const AUDIT_LABELS: Record<string, string> = {
  'account-added': '开通账户',
  'sign-in': '登录',
  'sign-in-failed': '登录失败',
  'sign-in-refused-locked': '锁定期间拒绝登录',
  'account-locked': '账户锁定',
  'second-factor-enrolled': '登记动态口令',
  'password-changed': '更改密码',
  'account-deactivated': '停用账户',
  'session-revoked': '会话失效',
  'sign-out': '退出',
};

/** The sign-in audit log, oldest first (it holds no password, code, secret or token). */
export async function usersAuditCommand(
  globals: GlobalOptions,
  out: Output,
  options: { user?: string; last?: string },
): Promise<void> {
  const last = options.last === undefined ? 50 : Number(options.last);
  if (!Number.isInteger(last) || last < 1) throw new CliError('--last 须为正整数', 2);
  await withAccounts(globals, async (accounts) => {
    const entries = accounts
      .auditLog()
      .filter((e) => options.user === undefined || e.userId === options.user)
      .slice(-last);
    out.result(entries, () => {
      for (const e of entries)
        out.line(
          `${chinaTime(new Date(e.at * 1000).toISOString())}  ${pad(AUDIT_LABELS[e.event] ?? e.event, 18)}${pad(e.userId ?? '—', 16)}${e.actor ? `由 ${e.actor}` : ''}${e.detail ? `（${e.detail}）` : ''}`,
        );
    });
  });
}
