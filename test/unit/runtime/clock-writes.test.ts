/**
 * The virtual clock is written when it moves, and only then: `advance` saves it at each timer's moment and at its
 * target, which are often the same instant (written once), and an advance that does not move it writes nothing. A
 * data directory opened again starts where the clock was left.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedRuntime } from '../../../local/runtime/runtime.ts';

const START = '2026-03-04T09:00:00.000Z';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the saved virtual clock', () => {
  it('is written once per move, not for an advance that does not move it, and is there after a reopen', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clock-writes-'));
    dirs.push(dataDir);
    const runtime = await EmbeddedRuntime.open({ dataDir, clock: 'virtual', startAt: START, logSink: () => undefined });
    try {
      const units = () => runtime.unitsCommitted.units;
      const clockWrites = () => runtime.storeOperationCounts().byKind['INSERT settings'] ?? 0;
      // The sweeps' first round (a unit of their own) is not what is counted.
      await runtime.runUntilIdle();
      const before = units();
      await runtime.advance(0);
      expect(units()).toBe(before);
      // A timer at the target: the clock is saved at the timer's moment and at the target, the same instant.
      await runtime.engine.schedule({
        id: 'x',
        kind: 'resume',
        fireAt: '2026-03-04T10:00:00.000Z',
        execution: 'none',
        state: 'W',
      });
      const written = clockWrites();
      await runtime.advance(3600);
      expect(clockWrites()).toBe(written + 1);
      expect(await runtime.runtimeStore.getValue('clock')).toEqual({
        mode: 'virtual',
        now: '2026-03-04T10:00:00.000Z',
      });
    } finally {
      await runtime.close();
    }
    const reopened = await EmbeddedRuntime.open({ dataDir, logSink: () => undefined });
    try {
      expect(reopened.clock.now()).toBe('2026-03-04T10:00:00.000Z');
    } finally {
      await reopened.close();
    }
  });
});
