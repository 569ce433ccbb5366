/**
 * Units of work on the runtime's one SQLite connection: a piece of asynchronous work (an execution's segment, a
 * staff API request, a partner answer delivered) whose writes are one transaction, committed (one fsync) when it
 * ends or rolled back when it throws.
 *
 * `node:sqlite` is synchronous and the runtime has one connection, so a transaction held across `await`s would take
 * in the writes of whatever else ran meanwhile. Units therefore run one at a time (an async mutex); a unit started
 * inside another (by the same asynchronous flow, e.g. a step starting a child execution) joins the outer one.
 *
 * Durability: a unit is 'now' (its commit is fsynced, synchronous = FULL: a staff request, an intake, a command) or
 * 'deferred' (committed without waiting for the disk: the engine's segments and timers, the sweeps). A deferred unit
 * survives the process being killed (its pages are the operating system's), and `sync()` makes it survive a power
 * loss too: one fsync of the WAL, which holds every unit committed before. The runtime syncs before anything leaves
 * it: at the end of each batch of due work, before a staff request's answer (a 'now' unit's commit syncs all before
 * it), and on close. A power loss can therefore only take back deferred work nobody was told of, and since the WAL
 * is replayed as a prefix of whole transactions, it takes back the last units whole, never a part of one.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { flushWriteBehind, restoreWriteBehind, rolledBack, snapshotWriteBehind } from './database.ts';

export type Durability = 'now' | 'deferred';

export class UnitOfWork {
  private readonly db: DatabaseSync;
  /** The database's WAL file (undefined in memory): what `sync()` flushes. */
  private readonly wal: string | undefined;
  private readonly inside = new AsyncLocalStorage<true>();
  private tail: Promise<unknown> = Promise.resolve();
  /** Deferred units committed since the last fsync. */
  private unsynced = false;
  /** Units committed so far. */
  commits = 0;
  /** fsyncs so far: commits of 'now' units that wrote, and syncs of deferred ones. */
  syncs = 0;
  /**
   * Milliseconds spent inside units, from BEGIN to COMMIT or ROLLBACK: the time the database's one write lock was
   * held. A second writer (another connection, a worker thread) would wait for it that long (benchmarks).
   */
  heldMs = 0;

  constructor(db: DatabaseSync, location: string) {
    this.db = db;
    this.wal = location === ':memory:' ? undefined : `${location}-wal`;
  }

  /** Makes every unit committed so far durable (one fsync of the WAL), if any is not yet. */
  sync(): void {
    if (!this.unsynced) return;
    this.unsynced = false;
    if (!this.wal || !existsSync(this.wal)) return;
    const fd = openSync(this.wal, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.syncs++;
  }

  /** True inside a unit's work. */
  get active(): boolean {
    return this.inside.getStore() === true;
  }

  /** Runs `work` as one transaction, after the units before it; inside a unit, as part of that unit. */
  run<T>(work: () => Promise<T>, durability: Durability = 'now'): Promise<T> {
    if (this.active) return work();
    const next = () => this.inside.run(true, () => this.transact(work, durability));
    const run = this.tail.then(next, next);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private changed: StatementSync | undefined;

  /** Rows changed on this connection so far: whether a unit wrote anything. */
  private changes(): number {
    this.changed ??= this.db.prepare('SELECT total_changes() AS n');
    return (this.changed.get() as { n: number }).n;
  }

  private async transact<T>(work: () => Promise<T>, durability: Durability): Promise<T> {
    if (!this.db.isOpen) return work();
    // The safety level cannot change inside a transaction: set for this unit's commit, put back after it.
    if (durability === 'deferred') this.db.exec('PRAGMA synchronous = NORMAL');
    try {
      const before = this.changes();
      const held = snapshotWriteBehind(this.db);
      const began = performance.now();
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        if (this.db.isTransaction) {
          flushWriteBehind(this.db);
          const wrote = this.changes() > before;
          this.db.exec('COMMIT');
          this.commits++;
          if (durability === 'deferred') this.unsynced ||= wrote;
          else if (wrote) {
            // A synced commit flushes the WAL, and with it every deferred unit before it.
            this.unsynced = false;
            this.syncs++;
          }
        }
        // Whatever a request saw is on disk before it is answered.
        if (durability === 'now') this.sync();
        return result;
      } catch (error) {
        if (this.db.isTransaction) this.db.exec('ROLLBACK');
        restoreWriteBehind(held);
        rolledBack(this.db);
        throw error;
      } finally {
        this.heldMs += performance.now() - began;
      }
    } finally {
      if (durability === 'deferred' && this.db.isOpen) this.db.exec('PRAGMA synchronous = FULL');
    }
  }
}
