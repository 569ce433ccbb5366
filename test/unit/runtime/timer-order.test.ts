/**
 * Timers fire earliest first, (due time, id), whatever was read when: a timer a firing adds, due already, fires
 * before a timer read earlier that sorts after it. The order is then a function of what is on disk alone, so a
 * restart (which reads the due timers again, from wherever the killed process was) fires them in the order the
 * killed process would have (issue 11, the crash test: two commits of one case swapped after a restart).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RuntimeClock } from '../../../local/runtime/clock.ts';
import { LocalEngine } from '../../../local/runtime/engine.ts';
import type { TimerRecord } from '../../../local/runtime/runtime-store.ts';
import { type OpenedDatabase, openDatabase } from '../../../local/store/database.ts';
import { SqliteRuntimeStore } from '../../../local/store/runtime-store.ts';
import { StoreOperations } from '../../../local/store/sql.ts';

const AT = '2026-03-04T09:00:00.000Z';
const dirs: string[] = [];
const opened: OpenedDatabase[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) if (database.db.isOpen) database.db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function engineOn(dir: string, operations = new StoreOperations()) {
  const database = openDatabase(dir);
  opened.push(database);
  const store = new SqliteRuntimeStore(database, operations);
  const engine = new LocalEngine({
    store,
    clock: new RuntimeClock('virtual', AT),
    definitions: {} as never,
    invoke: (async () => undefined) as never,
    retryPauses: 'none',
  });
  return { store, engine };
}
const delivery = (id: string, fireAt = AT): TimerRecord => ({ id, kind: 'delivery', fireAt, body: { id } });

/** Fires what is due; delivering `b` schedules `c`, due now (a wake, an answer without delay). */
async function run(dir: string, fired: string[]): Promise<void> {
  const { engine } = engineOn(dir);
  await engine.fireDue(async (body) => {
    const { id } = body as { id: string };
    fired.push(id);
    if (id === 'b') await engine.schedule(delivery('c'));
  });
}

describe('timers due at one instant', () => {
  for (const batched of [true, false]) {
    it(`fire earliest first, counting those added while firing (${batched ? 'one batch' : 'timers apart'})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'timer-order-'));
      dirs.push(dir);
      const { store } = engineOn(dir);
      await store.addTimer(delivery('b'));
      await store.addTimer(
        batched ? delivery('d') : { id: 'd', kind: 'resume', fireAt: AT, execution: 'x', state: 'W' },
      );
      const fired: string[] = [];
      await run(dir, fired);
      // `c` sorts before `d`: a restart after `b` would read c, d and fire c first; so must the run without one.
      expect(fired.filter((id) => id !== 'x')).toEqual(['b', 'c', ...(batched ? ['d'] : [])]);
      expect(await store.dueTimers(AT)).toEqual([]);
    });
  }

  it('reads the timer queue once when every due timer read fired and none due was added; knows the next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timer-order-'));
    dirs.push(dir);
    const operations = new StoreOperations();
    const { store, engine } = engineOn(dir, operations);
    const later = '2026-03-05T09:00:00.000Z';
    await store.addTimer(delivery('a'));
    await store.addTimer(delivery('b'));
    await store.addTimer(delivery('z', later));
    const reads = () => operations.byKind.get('SELECT timers') ?? 0;
    const fired: string[] = [];
    // `b` schedules a delivery for later than now but before `z`: the next timer is then that one.
    const soon = '2026-03-04T12:00:00.000Z';
    expect(
      await engine.fireDue(async (body) => {
        const { id } = body as { id: string };
        fired.push(id);
        if (id === 'b') await engine.schedule(delivery('s', soon));
      }),
    ).toBe(2);
    expect(fired).toEqual(['a', 'b']);
    expect(reads()).toBe(1);
    expect(await engine.fireDue(async () => undefined)).toBe(0);
    expect(await engine.nextTimerAt()).toBe(soon);
    expect(reads()).toBe(1);
    // A timer added due already lowers the earliest known: the next call reads the queue again.
    await engine.schedule(delivery('c'));
    expect(await engine.fireDue(async (body) => void fired.push((body as { id: string }).id))).toBe(1);
    expect(reads()).toBe(2);
    expect(await engine.nextTimerAt()).toBe(soon);
  });
});
