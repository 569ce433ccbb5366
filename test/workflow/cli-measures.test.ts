/**
 * `enforce measures` as a user runs it, in its own process over a data directory: an applicant's judicial relief
 * applied for, decided by the bureau chief with `enforce decide`, paid, and shown with what is left to recover.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enforce } from '../support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'enforce-measures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const CASE = '（2026）冀0922执301号';

describe('enforce measures', () => {
  it('applies for judicial relief, has it decided and paid, and shows what is left to recover', () => {
    const dir = join(scratch, 'relief');
    const run = (...args: string[]) => enforce(['--data-dir', dir, ...args]);
    expect(run('intake', 'test/fixtures/intake/v1/loan-repayment.json').code).toBe(0);
    const refused = run('measures', 'relief', CASE, '20000', '--hardship', '伤残', '--as', 'song-jian');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^错误：未办理：.*无此权限/);
    const applied = run(
      'measures',
      'relief',
      CASE,
      '20000',
      '--hardship',
      '交通事故伤残，治疗费用无着',
      '--as',
      'wang-fang',
    );
    expect(applied.stdout).toContain('已报请国家司法救助审批');
    const tasks = run('tasks', '--as', 'zhang-wei').stdout;
    const approvalId = /^(a[a-z2-7]+)\s.*国家司法救助审批/m.exec(tasks)?.[1] ?? '';
    expect(run('decide', approvalId, 'approve', '--as', 'zhang-wei').code).toBe(0);
    expect(run('measures', 'relief-paid', CASE, '--reference', 'JZ-1', '--as', 'wang-fang').code).toBe(0);
    expect(run('measures', 'show', CASE, '--as', 'wang-fang').stdout.trim().split('\n').at(-1)).toBe(
      '司法救助：已发放；申请20,000.00元，决定20,000.00元，已扣回0.00元，待扣回20,000.00元',
    );
  });
});
