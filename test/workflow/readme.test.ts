/**
 * The README as a newcomer follows it, on a fresh clone of the committed tree: the two commands, `npm start`, the
 * court-server commands, the other demo scenarios, the hint the demo ends with, and every documentation link (the
 * README's and the docs index's, anchors included). `npm ci` is replaced by a link to this checkout's node_modules
 * and `npm test` runs one small file (the full suite is what CI runs anyway); everything else runs as printed, with
 * placeholders filled in.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = process.cwd();
const scratch = mkdtempSync(join(tmpdir(), 'enforce-readme-'));
const clone = join(scratch, 'clone');
let readme = '';
const children: ChildProcess[] = [];

/** The environment without ENFORCE_DATA_DIR: the README's commands use their default directories. */
function withoutDataDir(): NodeJS.ProcessEnv {
  const { ENFORCE_DATA_DIR: _dir, ...env } = process.env;
  return env;
}

function sh(line: string, input?: string) {
  const run = spawnSync('sh', ['-c', line], {
    cwd: clone,
    encoding: 'utf8',
    timeout: 180_000,
    ...(input !== undefined ? { input } : {}),
    env: withoutDataDir(),
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: here, encoding: 'utf8' }).stdout.trim();
  const cloned = spawnSync('git', ['clone', '--quiet', '--no-checkout', here, clone], { encoding: 'utf8' });
  expect(cloned.status, cloned.stderr).toBe(0);
  expect(spawnSync('git', ['-C', clone, 'checkout', '--quiet', head]).status).toBe(0);
  symlinkSync(join(here, 'node_modules'), join(clone, 'node_modules'));
  readme = readFileSync(join(clone, 'README.md'), 'utf8');
}, 120_000);

/**
 * A server started through npm runs as npm's child: signal the whole process group, as a terminal's Ctrl+C does,
 * so no server outlives its test (killing npm alone can leave it running).
 */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

afterAll(() => {
  for (const child of children) signalGroup(child, 'SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

/** The shell block of "Two commands", line by line, without comments. */
function twoCommands(): string[] {
  const block = /## Two commands[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  return block
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

describe('the README on a fresh clone', () => {
  it('has the two commands, and the demo runs as printed, ending with a command that works as printed', () => {
    expect(twoCommands()).toEqual(['npm ci && npm run demo', 'npm test']);
    const demo = sh(twoCommands()[0]?.replace('npm ci && ', '') ?? '');
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/演示完成：案件已执行完毕/);
    const hint = /继续查看：(npm run enforce -- .+)$/m.exec(demo.stdout)?.[1];
    expect(hint).toBeDefined();
    const again = sh(hint ?? '');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/状态：已结案（执行完毕）/);
    const documents = sh(`${hint?.replace(/ case (\S+)$/, ' documents $1')}`);
    expect(documents.code, documents.stderr).toBe(0);
  }, 180_000);

  it('npm test runs the tests (here one small file of them)', () => {
    const run = sh('npm test -- test/unit/domain/exports.test.ts');
    expect(run.code, run.stderr + run.stdout).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the colours of vitest's output
    expect(run.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/Tests\s+\d+ passed/);
  }, 120_000);

  it('the other scenarios, as the README names them, and --help', () => {
    const names =
      /`npm run demo -- --scenario ([^`]+)`/
        .exec(readme)?.[1]
        ?.split('|')
        .map((s) => s.trim()) ?? [];
    expect(names).toEqual(['deduction', 'voluntary', 'referral']);
    const voluntary = sh('npm run demo -- --scenario voluntary');
    expect(voluntary.code, voluntary.stderr).toBe(0);
    expect(readme).toMatch(/Every command has `--help`/);
    expect(sh('npm run enforce -- --help').stdout).toMatch(/export/);
  }, 180_000);

  it('npm start serves the demo court it describes, and Ctrl+C stops it', async () => {
    expect(readme).toMatch(/`npm start` prepares a demo court/);
    const child = spawn('npm', ['start', '--', '--port', '0'], {
      cwd: clone,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: withoutDataDir(),
    });
    children.push(child);
    let seen = '';
    child.stdout?.on('data', (c: Buffer) => {
      seen += c.toString();
    });
    await expect.poll(() => seen, { timeout: 120_000, interval: 200 }).toMatch(/重新开始：/);
    const url = /在浏览器打开 (\S+) ，/.exec(seen)?.[1] ?? '';
    expect((await fetch(url)).status).toBe(200);
    expect(existsSync(join(clone, '.demo', 'enforce.db'))).toBe(true);
    signalGroup(child, 'SIGINT');
    // 'close': the output is complete only when the server (npm's child, holding the same pipe) has exited too.
    await new Promise((done) => child.on('close', done));
    expect(seen).toMatch(/已停止。/);
  }, 180_000);

  it("a court's own server: the first administrator as printed, then serve names no missing account", async () => {
    const add = /`(npm run enforce -- users add <name> --admin)`/.exec(readme)?.[1] ?? '';
    expect(add).not.toBe('');
    // As printed it asks for the password on the terminal; a test has none, so the same command reads it from
    // standard input (--password-stdin, the documented way for scripts).
    const created = sh(`${add.replace('<name>', 'admin')} --password-stdin`, 'a-long-password-1234\n');
    expect(created.code, created.stderr).toBe(0);
    const serve = /`(npm run enforce -- serve)`/.exec(readme)?.[1] ?? '';
    const child = spawn('sh', ['-c', `exec ${serve} --port 0`], {
      cwd: clone,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: withoutDataDir(),
    });
    children.push(child);
    let seen = '';
    child.stdout?.on('data', (c: Buffer) => {
      seen += c.toString();
    });
    await expect.poll(() => seen, { timeout: 60_000, interval: 200 }).toMatch(/员工接口已启动：.*真实时钟/);
    expect(seen).not.toMatch(/还没有任何员工账户/);
    // It answers: a wrong password is refused as such (not an internal error).
    const url = /员工接口已启动：(\S+?)（/.exec(seen)?.[1] ?? '';
    const wrong = await fetch(`${url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'admin', password: 'not-the-password-at-all' }),
    });
    expect(wrong.status).toBe(401);
    signalGroup(child, 'SIGTERM');
    await new Promise((done) => child.on('close', done));
  }, 120_000);

  it('every documentation link of the README and of the docs index resolves, anchors included', () => {
    const index = readFileSync(join(clone, 'docs', 'README.md'), 'utf8');
    expect(readme).toMatch(/\(docs\/README\.md\)/);
    const broken: string[] = [];
    for (const [file, text] of [
      ['README.md', readme],
      ['docs/README.md', index],
    ] as const) {
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!target || /^https?:/.test(target)) continue;
        const [path, anchor] = target.split('#');
        const resolved = resolve(dirname(join(clone, file)), path ?? '');
        if (!existsSync(resolved)) {
          broken.push(`${file}: ${target}`);
          continue;
        }
        if (anchor && !anchorsOf(readFileSync(resolved, 'utf8')).has(anchor)) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
    // Every page in docs/ is in the index.
    const pages = spawnSync('git', ['-C', clone, 'ls-files', 'docs'], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((f) => f.endsWith('.md') && f !== 'docs/README.md')
      .map((f) => f.slice('docs/'.length));
    for (const page of pages) expect(index, page).toContain(`](${page}`);
  });
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const [, heading] of markdown.matchAll(/^#{1,6} (.+)$/gm))
    anchors.add(
      (heading ?? '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    );
  return anchors;
}
