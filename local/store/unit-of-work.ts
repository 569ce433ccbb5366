/**
 * Units of work on the runtime's one SQLite connection: a piece of asynchronous work (an execution's segment, a
 * staff API request, a partner answer delivered) whose writes are one transaction, committed (one fsync) when it
 * ends or rolled back when it throws.
 *
 * `node:sqlite` is synchronous and the runtime has one connection, so a transaction held across `await`s would take
 * in the writes of whatever else ran meanwhile. Units therefore run one at a time (an async mutex); a unit started
 * inside another (by the same asynchronous flow, e.g. a step starting a child execution) joins the outer one.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DatabaseSync } from 'node:sqlite';
import { rolledBack } from './database.ts';

export class UnitOfWork {
  private readonly db: DatabaseSync;
  private readonly inside = new AsyncLocalStorage<true>();
  private tail: Promise<unknown> = Promise.resolve();
  /** Units committed so far (each one fsync in WAL with synchronous = FULL). */
  commits = 0;

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  /** True inside a unit's work. */
  get active(): boolean {
    return this.inside.getStore() === true;
  }

  /** Runs `work` as one transaction, after the units before it; inside a unit, as part of that unit. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active) return work();
    const run = this.tail.then(
      () => this.inside.run(true, () => this.transact(work)),
      () => this.inside.run(true, () => this.transact(work)),
    );
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async transact<T>(work: () => Promise<T>): Promise<T> {
    if (!this.db.isOpen) return work();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      if (this.db.isTransaction) {
        this.db.exec('COMMIT');
        this.commits++;
      }
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      rolledBack(this.db);
      throw error;
    }
  }
}
