/**
 * The engine reads the due timers only when something may be due: once a read fired everything it found (not cut by
 * its limit) and no firing added a timer due, nothing is due at that instant, and a later call at the same instant
 * reads nothing. A timer due added since (scheduled, or by a firing) is read and fired; so is one due at a later
 * instant of the clock.
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
const LATER = '2026-03-04T10:00:00.000Z';
const dirs: string[] = [];
const opened: OpenedDatabase[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) if (database.db.isOpen) database.db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'timer-reads-'));
  dirs.push(dir);
  const database = openDatabase(dir);
  opened.push(database);
  const store = new SqliteRuntimeStore(database, new StoreOperations());
  let reads = 0;
  const dueTimers = store.dueTimers.bind(store);
  store.dueTimers = (now, limit) => {
    reads++;
    return dueTimers(now, limit);
  };
  // The engine reads through dueTimersAndNext where the store has it (the due timers and the next one in one read).
  const dueTimersAndNext = store.dueTimersAndNext.bind(store);
  store.dueTimersAndNext = (now, limit) => {
    reads++;
    return dueTimersAndNext(now, limit);
  };
  const clock = new RuntimeClock('virtual', AT);
  const engine = new LocalEngine({
    store,
    clock,
    definitions: {} as never,
    invoke: (async () => undefined) as never,
    retryPauses: 'none',
  });
  const fired: string[] = [];
  const deliver = async (body: unknown) => {
    const { id, then } = body as { id: string; then?: TimerRecord };
    fired.push(id);
    if (then) await engine.schedule(then);
  };
  return { store, engine, clock, fired, deliver, reads: () => reads };
}
const delivery = (id: string, fireAt = AT, then?: TimerRecord): TimerRecord => ({
  id,
  kind: 'delivery',
  fireAt,
  body: { id, ...(then ? { then } : {}) },
});

describe('reading the due timers', () => {
  it('once, when a read fired all it found and nothing due was added; not again at the same instant', async () => {
    const { store, engine, fired, deliver, reads } = setUp();
    await store.addTimer(delivery('a'));
    await store.addTimer(delivery('b'));
    await store.addTimer(delivery('z', LATER));
    expect(await engine.fireDue(deliver)).toBe(2);
    expect(fired).toEqual(['a', 'b']);
    expect(reads()).toBe(1);
    expect(await engine.fireDue(deliver)).toBe(0);
    expect(reads()).toBe(1);
  });

  it('again when a firing added a timer due, and that timer fires', async () => {
    const { store, engine, fired, deliver, reads } = setUp();
    await store.addTimer(delivery('a', AT, delivery('c')));
    expect(await engine.fireDue(deliver)).toBe(2);
    expect(fired).toEqual(['a', 'c']);
    expect(reads()).toBe(2);
  });

  it('again at the same instant after a timer due was scheduled, and at a later instant of the clock', async () => {
    const { engine, clock, fired, deliver, reads } = setUp();
    expect(await engine.fireDue(deliver)).toBe(0);
    const before = reads();
    await engine.schedule(delivery('now'));
    expect(await engine.fireDue(deliver)).toBe(1);
    expect(reads()).toBe(before + 1);
    await engine.schedule(delivery('later', LATER));
    expect(await engine.fireDue(deliver)).toBe(0);
    clock.set(LATER);
    expect(await engine.fireDue(deliver)).toBe(1);
    expect(fired).toEqual(['now', 'later']);
  });

  it('more than one read fills: read again until a read is not cut by its limit', async () => {
    const { store, engine, fired, deliver, reads } = setUp();
    for (let i = 0; i < 150; i++)
      await store.addTimer({
        ...delivery(`t${String(i).padStart(3, '0')}`),
        kind: 'resume',
        execution: 'none',
        state: 'W',
      } as TimerRecord);
    expect(await engine.fireDue(deliver)).toBe(150);
    expect(reads()).toBe(2);
    expect(await store.dueTimers(AT)).toEqual([]);
    expect(fired).toEqual([]);
  });
});

describe('the virtual clock', () => {
  it('gives the instant it was moved to, never an earlier one', () => {
    const clock = new RuntimeClock('virtual', AT);
    expect(clock.now()).toBe(AT);
    clock.set(LATER);
    expect(clock.now()).toBe(LATER);
    clock.set(AT);
    expect(clock.now()).toBe(LATER);
    clock.set('2026-03-04T10:00:01Z');
    expect(clock.now()).toBe('2026-03-04T10:00:01.000Z');
  });
});
