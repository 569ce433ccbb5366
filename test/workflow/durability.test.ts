/**
 * The embedded runtime survives being killed: a case waiting for an approval is still waiting after a hard kill
 * and a restart, and closes once decided; a kill in the middle of work is recovered from the checkpoints.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enforce, enforceJson, killed, start } from '../support/cli.ts';

const EVENT = 'test/fixtures/intake/v1/loan-repayment.json';
const WORLD = 'test/fixtures/simulator-world.json';
const START = '2026-03-02T09:00:00+08:00';
let dataDir = '';

afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function fresh(): string[] {
  dataDir = mkdtempSync(join(tmpdir(), 'enforce-durability-'));
  return ['--data-dir', dataDir];
}

type Task = { approvalId: string; step: string; caseId: string; requiredRole: string; amountFen?: number };
const DECIDER: Record<string, string> = {
  'team-lead': 'li-qiang',
  'bureau-chief': 'zhang-wei',
  president: 'song-jian',
};

/** Lets a day pass at a time until the approval shows, then decides it as whoever it is now due with. */
function decidePending(dir: string[], expectedStep: string): void {
  let tasks = enforceJson<Task[]>([...dir, 'tasks']);
  for (let day = 0; tasks.length === 0 && day < 10; day++) {
    expect(enforce([...dir, 'clock', 'advance', '1d']).code).toBe(0);
    tasks = enforceJson<Task[]>([...dir, 'tasks']);
  }
  expect(tasks.map((t) => t.step)).toEqual([expectedStep]);
  const task = tasks[0] as Task;
  // A disbursement's approver confirms the amount it lets leave the case account.
  const amount = task.amountFen !== undefined ? ['--amount', (task.amountFen / 100).toFixed(2)] : [];
  const decided = enforce([
    ...dir,
    'decide',
    task.approvalId,
    'approve',
    '--as',
    DECIDER[task.requiredRole] ?? '',
    ...amount,
  ]);
  expect(decided.stderr).toBe('');
  expect(decided.code).toBe(0);
}

describe('a hard kill', () => {
  it('while a case waits for an approval: after a restart it still waits, and closes once decided', async () => {
    const dir = fresh();
    expect(
      enforce([...dir, '--clock', 'virtual', '--start-at', START, '--simulator', WORLD, 'intake', EVENT]).code,
    ).toBe(0);
    expect(enforce([...dir, 'clock', 'advance', '5d']).code).toBe(0);
    expect(enforceJson<Task[]>([...dir, 'tasks']).map((t) => t.step)).toEqual(['control-plan']);

    const worker = await start([...dir, 'worker'], /运行中/);
    await killed(worker);

    decidePending(dir, 'control-plan');
    decidePending(dir, 'disbursement');
    const { case: state } = enforceJson<{ case: { status: string; caseNumber: string } }>([
      ...dir,
      'case',
      '（2026）冀0922执301号',
    ]);
    expect(state.status).toBe('closed');
    expect(enforce([...dir, 'verify', '（2026）冀0922执301号']).code).toBe(0);
  });

  it('in the middle of work: the restarted runtime picks up from its checkpoints', async () => {
    const dir = fresh();
    expect(
      enforce([...dir, '--clock', 'virtual', '--start-at', START, '--simulator', WORLD, 'intake', EVENT]).code,
    ).toBe(0);
    const advancing = await start([...dir, 'clock', 'advance', '5d'], /查控反馈/);
    await killed(advancing);

    // The restart first finishes what the killed process had started, at the time it had reached.
    expect(enforce([...dir, 'run']).code).toBe(0);
    decidePending(dir, 'control-plan');
    decidePending(dir, 'disbursement');
    const { case: state, chain } = enforceJson<{ case: { status: string }; chain: { ok: boolean } }>([
      ...dir,
      'case',
      '（2026）冀0922执301号',
    ]);
    expect(state.status).toBe('closed');
    expect(chain.ok).toBe(true);
  });
});

describe('a crash at an exact point', () => {
  it('right after a decision resumed the workflow, before the decision was applied: the restart applies it', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = fresh();
    expect(
      enforce([...dir, '--clock', 'virtual', '--start-at', START, '--simulator', WORLD, 'intake', EVENT]).code,
    ).toBe(0);
    expect(enforce([...dir, 'clock', 'advance', '5d']).code).toBe(0);
    const [task] = enforceJson<Task[]>([...dir, 'tasks']);
    const crashed = spawnSync(
      process.execPath,
      // The control plan's decision is applied by execute-control (ApplyControlDecision), which then carries it out.
      ['test/support/crash-runner.ts', dataDir, 'execute-control', 'decide', task?.approvalId ?? '', 'li-qiang'],
      { encoding: 'utf8' },
    );
    expect(crashed.signal).toBe('SIGKILL');

    expect(enforce([...dir, 'run']).code).toBe(0);
    const { case: afterRestart } = enforceJson<{ case: { status: string } }>([...dir, 'case', '（2026）冀0922执301号']);
    expect(afterRestart.status).not.toBe('control-approval');
    decidePending(dir, 'disbursement');
    const { case: state } = enforceJson<{ case: { status: string } }>([...dir, 'case', '（2026）冀0922执301号']);
    expect(state.status).toBe('closed');
  });
});
