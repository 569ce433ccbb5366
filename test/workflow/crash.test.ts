/**
 * The random-point crash test (issue 11): cases with money moving run in a child process on the durable store,
 * killed with SIGKILL at random points and restarted until they end; compared with an uninterrupted run of the same
 * cases, nothing is lost or duplicated and every hash chain verifies. Small N here; `node bench/crash.ts --n 1000`
 * is the same test at scale (BENCHMARKS.md).
 */
import { describe, expect, it } from 'vitest';
import { crashRun } from '../../bench/crash.ts';

describe('killed at random points while cases move money', () => {
  it('every case resumes and ends as uninterrupted: money to the fen, each commit once, hash chains intact', async () => {
    const result = await crashRun({ n: 6, kills: 3, perDay: 3, seed: 11, mix: 'money' });
    // Three kills are aimed; on a loaded machine a restarted run may finish its last few cases before the kill's
    // moment arrives (seen: 2 of 3), which is not a failure of recovery. At least one must land.
    expect(result.kills).toBeGreaterThanOrEqual(1);
    expect(result.restarts).toBe(result.kills);
    expect(result.cases).toBe(6);
    expect(result.moneyFen.received).toBeGreaterThan(0);
    expect(result.moneyFen.disbursed).toBeGreaterThan(0);
    expect(result.moneyFen.received).toBe(result.moneyFen.disbursed + result.moneyFen.refunded);
    expect(result.differences).toEqual([]);
    expect(result.check.output).toContain('全部完整');
    expect(result.check.code).toBe(0);
  }, 900_000);

  it('killed where two executions of one case wait in the queue: journals commit by commit as uninterrupted', async () => {
    // Coercion beside the performance watch, the disposal beside both: the kill lands between two segments while
    // the queue holds two executions of one case in an order other than their names'. Recovery that queued them by
    // name (as it once did) wrote one of these journals in another order.
    const result = await crashRun({ n: 4, kills: 0, perDay: 4, seed: 1, mix: 'parallel', killWhenReordered: true });
    expect(result.killedWhenReordered).toBe(true);
    expect(result.cases).toBe(4);
    expect(result.commits).toBeGreaterThan(100);
    expect(result.differences).toEqual([]);
    expect(result.check.code).toBe(0);
  }, 900_000);
});
