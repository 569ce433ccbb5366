/**
 * The embedded runtime's own records on SQLite: executions with their checkpoints (unended ones through a partial
 * index), task tokens, timers ordered by due time, alerts, dead letters, per-case counters and settings. What Step
 * Functions keeps for itself on AWS.
 */
import type { Instant } from '#domain/calendar/local-date.ts';
import type {
  AlertRecord,
  CaseCounters,
  ExecutionRecord,
  RuntimeStore,
  TimerRecord,
  TokenRecord,
} from '../runtime/runtime-store.ts';
import { ensureSchema, type OpenedDatabase, onRollback } from './database.ts';
import { Sql, type StoreOperations } from './sql.ts';

export const RUNTIME_MIGRATIONS: readonly string[] = [
  `CREATE TABLE executions (
     name TEXT PRIMARY KEY,
     case_id TEXT,
     status TEXT NOT NULL,
     data TEXT NOT NULL
   ) STRICT;
   CREATE INDEX executions_unended ON executions (name) WHERE status IN ('running', 'waiting');
   CREATE TABLE tokens (
     token TEXT PRIMARY KEY,
     status TEXT NOT NULL,
     data TEXT NOT NULL
   ) STRICT;
   CREATE TABLE timers (
     fire_at TEXT NOT NULL,
     id TEXT NOT NULL,
     data TEXT NOT NULL,
     PRIMARY KEY (fire_at, id)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE alerts (
     at TEXT NOT NULL,
     id TEXT NOT NULL,
     data TEXT NOT NULL,
     PRIMARY KEY (at, id)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE dead_letters (
     at TEXT NOT NULL,
     id TEXT NOT NULL,
     data TEXT NOT NULL,
     PRIMARY KEY (at, id)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE case_counters (
     case_id TEXT PRIMARY KEY,
     transitions INTEGER NOT NULL,
     invocations INTEGER NOT NULL,
     store_operations INTEGER NOT NULL,
     executions INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE settings (
     name TEXT PRIMARY KEY,
     value TEXT NOT NULL
   ) STRICT;`,
  // The case's counters are added up from its executions (countersOnExecutions).
  'CREATE INDEX executions_by_case ON executions (case_id) WHERE case_id IS NOT NULL;',
];

function parsed<T>(row: { data: string } | undefined): T | undefined {
  return row ? (JSON.parse(row.data) as T) : undefined;
}

/** How many execution records the store keeps in memory (a segment reads its execution when it starts). */
const CACHED_EXECUTIONS = 256;

export class SqliteRuntimeStore implements RuntimeStore {
  readonly countersOnExecutions = true;
  private readonly sql: Sql;
  /**
   * Execution records as last read or written (as JSON, so that no caller can change what is kept). Sound because
   * this process is the only writer (runtime.lock) and every write goes through this store; emptied when a
   * transaction is rolled back.
   */
  private readonly executions = new Map<string, string>();

  constructor(database: OpenedDatabase, operations?: StoreOperations) {
    ensureSchema(database, 'runtime', RUNTIME_MIGRATIONS);
    this.sql = new Sql(database.db, operations);
    onRollback(database.db, () => this.executions.clear());
  }

  private remember(name: string, data: string): void {
    this.executions.delete(name);
    this.executions.set(name, data);
    if (this.executions.size > CACHED_EXECUTIONS) this.executions.delete(this.executions.keys().next().value as string);
  }

  async getExecution(name: string): Promise<ExecutionRecord | undefined> {
    let data = this.executions.get(name);
    if (data === undefined) {
      data = this.sql.get<{ data: string }>('SELECT data FROM executions WHERE name = ?', name)?.data;
      if (data === undefined) return undefined;
      this.remember(name, data);
    }
    return JSON.parse(data) as ExecutionRecord;
  }

  async createExecution(record: ExecutionRecord): Promise<boolean> {
    const data = JSON.stringify(record);
    const created =
      this.sql.run(
        'INSERT INTO executions (name, case_id, status, data) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        record.name,
        record.caseId,
        record.status,
        data,
      ) > 0;
    if (created) this.remember(record.name, data);
    return created;
  }

  /** An execution's status is its marker here: nothing to write. */
  async markActive(_name: string): Promise<void> {}

  async putExecution(record: ExecutionRecord): Promise<void> {
    const data = JSON.stringify(record);
    this.sql.run(
      `INSERT INTO executions (name, case_id, status, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET case_id = excluded.case_id, status = excluded.status, data = excluded.data`,
      record.name,
      record.caseId,
      record.status,
      data,
    );
    this.remember(record.name, data);
  }

  async checkpoint(name: string, state: string, input: unknown, at: Instant): Promise<void> {
    this.executions.delete(name);
    this.sql.run(
      `UPDATE executions SET data = json_set(data, '$.checkpoint', json(?), '$.updatedAt', ?,
         '$.transitions', coalesce(json_extract(data, '$.transitions'), 0) + 1)
       WHERE name = ?`,
      JSON.stringify({ state, input }),
      at,
      name,
    );
  }

  async activeExecutions(): Promise<ExecutionRecord[]> {
    return this.sql
      .all<{ data: string }>("SELECT data FROM executions WHERE status IN ('running', 'waiting') ORDER BY name")
      .map((row) => JSON.parse(row.data) as ExecutionRecord);
  }

  async putToken(record: TokenRecord): Promise<void> {
    this.sql.run(
      `INSERT INTO tokens (token, status, data) VALUES (?, ?, ?)
       ON CONFLICT (token) DO UPDATE SET status = excluded.status, data = excluded.data`,
      record.token,
      record.status,
      JSON.stringify(record),
    );
  }

  async getToken(token: string): Promise<TokenRecord | undefined> {
    return parsed(this.sql.get('SELECT data FROM tokens WHERE token = ?', token));
  }

  async settleToken(
    token: string,
    outcome: Pick<TokenRecord, 'status' | 'output' | 'error' | 'cause' | 'queued'>,
  ): Promise<TokenRecord | undefined> {
    // One statement: the condition (still waiting) in the WHERE, the settled record back by RETURNING.
    return parsed<TokenRecord>(
      this.sql.get(
        `UPDATE tokens SET status = ?, data = json_set(data, '$.status', ?, '$.output', json(?), '$.error', ?,
           '$.cause', ?, '$.queued', ?)
         WHERE token = ? AND status = 'waiting' RETURNING data`,
        outcome.status,
        outcome.status,
        JSON.stringify(outcome.output ?? null),
        outcome.error ?? null,
        outcome.cause ?? null,
        outcome.queued ?? null,
        token,
      ),
    );
  }

  async addTimer(timer: TimerRecord): Promise<void> {
    this.sql.run(
      `INSERT INTO timers (fire_at, id, data) VALUES (?, ?, ?)
       ON CONFLICT (fire_at, id) DO UPDATE SET data = excluded.data`,
      timer.fireAt,
      timer.id,
      JSON.stringify(timer),
    );
  }

  async deleteTimer(timer: TimerRecord): Promise<void> {
    this.sql.run('DELETE FROM timers WHERE fire_at = ? AND id = ?', timer.fireAt, timer.id);
  }

  async dueTimers(now: Instant, limit = 100): Promise<TimerRecord[]> {
    return this.sql
      .all<{ data: string }>('SELECT data FROM timers WHERE fire_at <= ? ORDER BY fire_at, id LIMIT ?', now, limit)
      .map((row) => JSON.parse(row.data) as TimerRecord);
  }

  async nextTimer(): Promise<TimerRecord | undefined> {
    return parsed(this.sql.get('SELECT data FROM timers ORDER BY fire_at, id LIMIT 1'));
  }

  async addAlert(alert: AlertRecord, id: string): Promise<void> {
    this.sql.run('INSERT INTO alerts (at, id, data) VALUES (?, ?, ?)', alert.at, id, JSON.stringify(alert));
  }

  async alerts(limit: number): Promise<AlertRecord[]> {
    return this.sql
      .all<{ data: string }>('SELECT data FROM alerts ORDER BY at DESC, id DESC LIMIT ?', limit)
      .map((row) => JSON.parse(row.data) as AlertRecord);
  }

  async addDeadLetter(at: Instant, id: string, letter: { kind: string; reason: string; body: unknown }): Promise<void> {
    this.sql.run('INSERT INTO dead_letters (at, id, data) VALUES (?, ?, ?)', at, id, JSON.stringify({ at, ...letter }));
  }

  async deadLetters(limit: number): Promise<{ at: string; kind: string; reason: string; body: unknown }[]> {
    return this.sql
      .all<{ data: string }>('SELECT data FROM dead_letters ORDER BY at, id LIMIT ?', limit)
      .map((row) => JSON.parse(row.data) as { at: string; kind: string; reason: string; body: unknown });
  }

  async addCounters(caseId: string, delta: Omit<CaseCounters, 'caseId'>): Promise<void> {
    this.sql.run(
      `INSERT INTO case_counters (case_id, transitions, invocations, store_operations, executions) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET transitions = transitions + excluded.transitions,
         invocations = invocations + excluded.invocations, store_operations = store_operations + excluded.store_operations,
         executions = executions + excluded.executions`,
      caseId,
      delta.transitions,
      delta.invocations,
      delta.storeOperations,
      delta.executions,
    );
  }

  /**
   * What `addCounters` added (migrated data, tests), plus the sums over the case's execution records that carry
   * counters (the engine writes them from their start; records of an earlier release were counted by addCounters).
   */
  async counters(caseId: string): Promise<CaseCounters | undefined> {
    const row = this.sql.get<Omit<CaseCounters, 'caseId'> & { found: number }>(
      `SELECT count(*) AS found, sum(transitions) AS transitions, sum(invocations) AS invocations,
         sum(store_operations) AS storeOperations, sum(executions) AS executions FROM (
         SELECT transitions, invocations, store_operations, executions FROM case_counters WHERE case_id = ?
         UNION ALL
         SELECT coalesce(json_extract(data, '$.transitions'), 0), coalesce(json_extract(data, '$.invocations'), 0),
           coalesce(json_extract(data, '$.storeOperations'), 0), 1
         FROM executions WHERE case_id = ? AND json_extract(data, '$.invocations') IS NOT NULL)`,
      caseId,
      caseId,
    );
    if (!row || row.found === 0) return undefined;
    const { transitions, invocations, storeOperations, executions } = row;
    return { caseId, transitions, invocations, storeOperations, executions };
  }

  async getValue<T>(name: string): Promise<T | undefined> {
    return parsed<{ value: T }>(
      this.sql.get<{ data: string }>('SELECT value AS data FROM settings WHERE name = ?', name),
    )?.value;
  }

  async setValue(name: string, value: unknown): Promise<void> {
    this.sql.run(
      'INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
      name,
      JSON.stringify({ value }),
    );
  }
}
