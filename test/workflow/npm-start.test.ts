/**
 * `npm start` as a newcomer meets it: a ready demo court with cases and a waiting task, sign-in explained, hints
 * that run as printed, and SIGTERM or SIGINT to npm itself stopping the server, freeing the port and the lock.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enforce } from '../support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'enforce-start-'));
const dataDir = join(scratch, 'demo');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

/** `npm start` (npm's own process, as a user runs it); resolves with its output once the court is ready. */
function npmStart(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn('npm', ['start', '--', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let seen = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    seen += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    seen += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready: ${seen}`)), 120_000);
    const poll = setInterval(() => {
      if (/重新开始：/.test(seen)) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve({ child, output: () => seen });
      }
    }, 100);
    child.on('exit', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`exited (${code}) before ready: ${seen}`));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Runs a printed hint (`npm run enforce -- …`) as a user would paste it into a shell. */
function runHint(line: string) {
  return spawnSync('sh', ['-c', line], { encoding: 'utf8', timeout: 60_000 });
}

describe('npm start', () => {
  it('serves a ready demo court, prints how to sign in, and its hints work as printed; SIGTERM to npm stops it all', async () => {
    const { child, output } = await npmStart();
    const text = output();
    const url = /在浏览器打开 (http:\/\/127\.0\.0\.1:(\d+))\/console\//.exec(text);
    expect(url).not.toBeNull();
    const [, base, port] = url as RegExpExecArray;
    expect(text).toMatch(/li-qiang\s+团队负责人/);
    expect(text).toMatch(/（2026）冀0922执88号：.*\n\s+现在：已结案/);

    const console = await fetch(`${base}/console/`);
    expect(console.status).toBe(200);
    const token = await fetch(`${base}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'li-qiang' }),
    });
    const { token: bearer } = (await token.json()) as { token: string };
    const tasks = (await (await fetch(`${base}/tasks`, { headers: { authorization: `Bearer ${bearer}` } })).json()) as {
      items: unknown[];
    };
    expect(tasks.items.length).toBeGreaterThan(0);

    // Every `npm run enforce -- …` hint runs as printed, while the server holds the data directory.
    const hints = [...text.matchAll(/^\s+(npm run enforce -- .*?)\s{2,}\S.*$/gm)].map((m) => m[1] ?? '');
    expect(hints.length).toBeGreaterThanOrEqual(2);
    for (const hint of hints) {
      const run = runHint(hint.replace('--out cases.xlsx', `--out ${join(scratch, 'cases.xlsx')}`));
      expect(run.status, `${hint}\n${run.stderr}`).toBe(0);
    }

    child.kill('SIGTERM');
    await exited(child);
    expect(await portOpen(Number(port))).toBe(false);
    // The lock is released: a command that opens the data directory itself runs.
    expect(enforce(['--data-dir', dataDir, 'cases']).code).toBe(0);
  }, 240_000);

  it('a second start serves the same court as it was left; SIGINT stops it too', async () => {
    const { child, output } = await npmStart();
    expect(output()).not.toMatch(/准备演示法院/);
    const port = Number(/http:\/\/127\.0\.0\.1:(\d+)\/console\//.exec(output())?.[1]);
    // A second server on the same port is refused in one line, naming the way out.
    const busy = enforce(['--data-dir', join(scratch, 'other'), 'start', '--port', String(port)]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(new RegExp(`^错误：端口 ${port} 已被占用：.*--port 8081`));
    expect(busy.stdout).not.toMatch(/准备演示法院/);
    child.kill('SIGINT');
    await exited(child);
    expect(await portOpen(port)).toBe(false);
    expect(enforce(['--data-dir', dataDir, 'cases']).code).toBe(0);
  }, 240_000);
});
