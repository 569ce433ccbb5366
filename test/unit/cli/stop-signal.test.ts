import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const module = fileURLToPath(new URL('../../../local/cli/stop-signal.ts', import.meta.url));

// What `npm start` does to the server on Ctrl+C: the terminal's SIGINT and then npm's copy of it, the second arriving
// while the server is closing. A child process receives the real signals, so a signal with no handler would end it.
const server = `
import { untilStopSignal } from ${JSON.stringify(module)};
const listening = setInterval(() => {}, 1000); // what the server's open socket does: keeps the process alive
await untilStopSignal(async (stopped) => {
  process.kill(process.pid, 'SIGINT');
  await new Promise((done) => stopped.addEventListener('abort', done));
  process.stdout.write('closing\\n');
  process.kill(process.pid, 'SIGINT');
  await new Promise((done) => setTimeout(done, 50));
  clearInterval(listening);
  process.stdout.write('已停止。\\n');
});
process.kill(process.pid, 'SIGTERM');
`;

describe('untilStopSignal', () => {
  it('turns the first SIGINT into a stop and outlives a second one until the work has closed', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', server], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('closing\n已停止。\n');
    // The handlers are gone afterwards: the process's own SIGTERM then ends it as it would end any other program.
    expect(run.signal).toBe('SIGTERM');
  });
});
