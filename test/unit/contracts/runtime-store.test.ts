/** The runtime's own store, on both: executions and their checkpoints, tokens settled once, timers by due time, counters. */
import { describe, expect, it } from 'vitest';
import type { ExecutionRecord, TimerRecord } from '../../../local/runtime/runtime-store.ts';
import { BACKENDS } from './stores.ts';

function execution(name: string, over: Partial<ExecutionRecord> = {}): ExecutionRecord {
  return {
    name,
    machine: 'service',
    input: { caseId: 'case-1' },
    caseId: 'case-1',
    status: 'running',
    checkpoint: { state: 'Start', input: {} },
    startedAt: '2026-03-02T00:00:00.000Z',
    updatedAt: '2026-03-02T00:00:00.000Z',
    transitions: 0,
    ...over,
  };
}

const timer = (id: string, fireAt: string): TimerRecord => ({ id, fireAt, kind: 'delivery', body: { id } });

describe.each(BACKENDS)('the runtime store on $name', (backend) => {
  it('creates an execution once; checkpoints count transitions; ended ones leave the active list', async () => {
    const { runtimeStore: store } = await backend.open();
    expect(await store.createExecution(execution('x1'))).toBe(true);
    expect(await store.createExecution(execution('x1', { machine: 'other' }))).toBe(false);
    await store.createExecution(execution('x2'));
    await store.checkpoint('x1', 'Notify', { n: 1 }, '2026-03-02T01:00:00.000Z');
    await store.checkpoint('x1', 'Wait', { n: 2 }, '2026-03-02T02:00:00.000Z');
    expect(await store.getExecution('x1')).toEqual(
      execution('x1', {
        checkpoint: { state: 'Wait', input: { n: 2 } },
        updatedAt: '2026-03-02T02:00:00.000Z',
        transitions: 2,
      }),
    );
    await store.putExecution(execution('x2', { status: 'succeeded', endedAt: '2026-03-02T03:00:00.000Z' }));
    expect((await store.activeExecutions()).map((e) => e.name)).toEqual(['x1']);
    expect(await store.getExecution('missing')).toBeUndefined();
  });

  it('settles a waiting token once', async () => {
    const { runtimeStore: store } = await backend.open();
    await store.putToken({ token: 't1', execution: 'x1', state: 'Wait', status: 'waiting' });
    const settled = await store.settleToken('t1', { status: 'succeeded', output: { ok: true }, queued: 7 });
    expect(settled).toMatchObject({ token: 't1', status: 'succeeded', output: { ok: true }, queued: 7 });
    expect((await store.getToken('t1'))?.queued).toBe(7);
    expect(await store.settleToken('t1', { status: 'failed', error: 'E', cause: 'c' })).toBeUndefined();
    expect((await store.getToken('t1'))?.status).toBe('succeeded');
    expect(await store.settleToken('missing', { status: 'succeeded' })).toBeUndefined();
  });

  it('gives due timers earliest first, the next one, and forgets a deleted one', async () => {
    const { runtimeStore: store } = await backend.open();
    await store.addTimer(timer('b', '2026-03-05T00:00:00.000Z'));
    await store.addTimer(timer('a', '2026-03-03T00:00:00.000Z'));
    await store.addTimer(timer('c', '2026-03-09T00:00:00.000Z'));
    expect((await store.dueTimers('2026-03-05T00:00:00.000Z')).map((t) => t.id)).toEqual(['a', 'b']);
    expect((await store.dueTimers('2026-03-05T00:00:00.000Z', 1)).map((t) => t.id)).toEqual(['a']);
    expect(await store.nextTimer()).toEqual(timer('a', '2026-03-03T00:00:00.000Z'));
    await store.deleteTimer(timer('a', '2026-03-03T00:00:00.000Z'));
    expect((await store.nextTimer())?.id).toBe('b');
  });

  it('adds counters up per case; keeps alerts (newest first), dead letters and settings', async () => {
    const { runtimeStore: store } = await backend.open();
    await store.addCounters('case-1', { transitions: 3, invocations: 2, storeOperations: 10, executions: 1 });
    await store.addCounters('case-1', { transitions: 1, invocations: 1, storeOperations: 5, executions: 0 });
    expect(await store.counters('case-1')).toEqual({
      caseId: 'case-1',
      transitions: 4,
      invocations: 3,
      storeOperations: 15,
      executions: 1,
    });
    expect(await store.counters('case-2')).toBeUndefined();
    for (const n of [1, 2])
      await store.addAlert(
        { at: `2026-03-0${n}T00:00:00.000Z`, kind: 'k', caseId: 'case-1', court: 'HB0922', message: `m${n}` },
        `id${n}`,
      );
    expect((await store.alerts(10)).map((a) => a.message)).toEqual(['m2', 'm1']);
    await store.addDeadLetter('2026-03-01T00:00:00.000Z', 'd1', { kind: 'k', reason: 'r', body: { x: 1 } });
    expect(await store.deadLetters(10)).toEqual([
      { at: '2026-03-01T00:00:00.000Z', kind: 'k', reason: 'r', body: { x: 1 } },
    ]);
    expect(await store.getValue('clock')).toBeUndefined();
    await store.setValue('clock', { mode: 'virtual', now: '2026-03-01T00:00:00.000Z' });
    await store.setValue('flag', true);
    expect(await store.getValue('clock')).toEqual({ mode: 'virtual', now: '2026-03-01T00:00:00.000Z' });
    expect(await store.getValue('flag')).toBe(true);
  });
});
