/**
 * The embedded runtime's own records on SQLite: executions with their checkpoints (unended ones through a partial
 * index), task tokens, timers ordered by due time, alerts, dead letters, per-case counters and settings. What Step
 * Functions keeps for itself on AWS.
 *
 * The task token an execution waits on is kept on the execution's row (token, token_status, token_data: a unique
 * index finds it by its id), with its timeout (timeout_at, in a partial index of waiting tokens), not as a row of its
 * own: inside a unit the token is held until the segment writes the record naming it as its wait, and goes into that
 * record's statement with its timeout; settling it is one conditional UPDATE of that row, and a token settled before
 * its timeout leaves the index with it, so nothing is deleted. The execution's next token replaces a settled one
 * (which then is no longer found: it cannot be settled again). A token put otherwise (outside a unit, its execution
 * not waiting on it, a migration) keeps a row of its own in `tokens`, with its timeout there. `dueTimers` and
 * `nextTimer` read timers and both kinds of timeouts in one (due time, id) order.
 *
 * Other timers (partner answers to deliver, Wait states) added or deleted inside a transaction are held until its
 * commit and written then, all the additions in one INSERT and all the deletions in one DELETE: a step that sends
 * several requests, or a batch of deliveries due at one instant fired in one unit (engine.ts, `fireDue`), is one
 * statement each way instead of one per timer.
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
import { ensureSchema, type OpenedDatabase, onRollback, registerWriteBehind } from './database.ts';
import { operationScope, Sql, type StoreOperations } from './sql.ts';

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
  // Token timeouts move from timers onto their tokens' rows (a timeout whose token is gone would do nothing: dropped).
  `ALTER TABLE tokens ADD COLUMN timeout_at TEXT;
   ALTER TABLE tokens ADD COLUMN timeout_id TEXT;
   CREATE INDEX tokens_timeouts ON tokens (timeout_at, timeout_id) WHERE status = 'waiting' AND timeout_at IS NOT NULL;
   UPDATE tokens SET timeout_at = timers.fire_at, timeout_id = timers.id FROM timers
     WHERE json_extract(timers.data, '$.kind') = 'timeout' AND json_extract(timers.data, '$.token') = tokens.token;
   DELETE FROM timers WHERE json_extract(data, '$.kind') = 'timeout'
     AND EXISTS (SELECT 1 FROM tokens WHERE tokens.token = json_extract(timers.data, '$.token'));`,
  // The token an execution waits on moves onto the execution's row (with its status, record and timeout): written
  // with the record the segment writes anyway, instead of a row of its own. Other tokens stay in tokens.
  `ALTER TABLE executions ADD COLUMN token TEXT;
   ALTER TABLE executions ADD COLUMN token_status TEXT;
   ALTER TABLE executions ADD COLUMN token_data TEXT;
   ALTER TABLE executions ADD COLUMN timeout_at TEXT;
   ALTER TABLE executions ADD COLUMN timeout_id TEXT;
   CREATE UNIQUE INDEX executions_by_token ON executions (token) WHERE token IS NOT NULL;
   CREATE INDEX executions_timeouts ON executions (timeout_at, timeout_id)
     WHERE token_status = 'waiting' AND timeout_at IS NOT NULL;
   UPDATE executions SET token = tokens.token, token_status = tokens.status, token_data = tokens.data,
     timeout_at = tokens.timeout_at, timeout_id = tokens.timeout_id
     FROM tokens WHERE tokens.token = json_extract(executions.data, '$.waiting.token');
   DELETE FROM tokens WHERE EXISTS (SELECT 1 FROM executions WHERE executions.token = tokens.token);`,
];

type TimeoutTimer = Extract<TimerRecord, { kind: 'timeout' }>;
/** A token's row not yet written (inside a transaction), with its timeout once armed. */
type HeldToken = { record: TokenRecord; timeout?: { at: Instant; id: string } };
type OtherTimer = Exclude<TimerRecord, { kind: 'timeout' }>;
/** A token on an execution's row, as this store last wrote or settled it. */
type RowToken = { readonly execution: string; readonly record: TokenRecord };
/** Timer rows changed in the open transaction and not yet written, by `fire_at|id`. */
type HeldTimers = {
  readonly added: Map<string, OtherTimer>;
  /** Deleted rows that may exist in the table (not added in this transaction). */
  readonly deleted: Map<string, Pick<TimerRecord, 'fireAt' | 'id'>>;
  /** The cases whose work held them ('' for none): a flush for one case is charged to it (StoreOperations). */
  readonly cases: Set<string>;
};
const timerKey = (timer: Pick<TimerRecord, 'fireAt' | 'id'>) => `${timer.fireAt}|${timer.id}`;

/**
 * Timers (their data) and token timeouts (their token, on an execution's row or a token's own) in one due-time
 * order: what dueTimers and nextTimer read (the timer queue: counted as `SELECT timers`, its last table).
 */
const TIMERS_AND_TIMEOUTS = `SELECT timeout_at AS fire_at, timeout_id AS id, NULL AS data, token FROM executions
    WHERE token_status = 'waiting' AND timeout_at IS NOT NULL AND timeout_at <= ?1
  UNION ALL
  SELECT timeout_at, timeout_id, NULL, token FROM tokens
    WHERE status = 'waiting' AND timeout_at IS NOT NULL AND timeout_at <= ?1
  UNION ALL
  SELECT fire_at, id, data, NULL AS token FROM timers WHERE fire_at <= ?1
  ORDER BY 1, 2 LIMIT ?2`;

/**
 * TIMERS_AND_TIMEOUTS, then one row (no id) with the due time of the earliest timer or timeout after `?1`: what
 * the engine fires now and when it next has something to do, in one read.
 */
const DUE_AND_NEXT = `SELECT fire_at, id, data, token, 0 FROM (${TIMERS_AND_TIMEOUTS})
  UNION ALL
  SELECT min(at), NULL, NULL, NULL, 1 FROM (
    SELECT min(timeout_at) AS at FROM executions
      WHERE token_status = 'waiting' AND timeout_at IS NOT NULL AND timeout_at > ?1
    UNION ALL SELECT min(timeout_at) FROM tokens WHERE status = 'waiting' AND timeout_at IS NOT NULL AND timeout_at > ?1
    UNION ALL SELECT min(fire_at) FROM timers WHERE fire_at > ?1)
  ORDER BY 5, 1, 2`;

const NEXT_TIMER = `SELECT timeout_at AS fire_at, timeout_id AS id, NULL AS data, token FROM executions
    WHERE token_status = 'waiting' AND timeout_at IS NOT NULL
  UNION ALL
  SELECT timeout_at, timeout_id, NULL, token FROM tokens WHERE status = 'waiting' AND timeout_at IS NOT NULL
  UNION ALL
  SELECT fire_at, id, data, NULL FROM timers
  ORDER BY 1, 2 LIMIT 1`;

/** A token's record by its id: on the row of the execution waiting on it, else a row of its own. */
const TOKEN_BY_ID = `SELECT token_data AS data FROM executions WHERE token = ?1
  UNION ALL SELECT data FROM tokens WHERE token = ?1 LIMIT 1`;

/** Settles a waiting token (`?7`) once: `table`, and its columns of the token's status and record. */
const settleIn = (table: string, status: string, data: string) =>
  `UPDATE ${table} SET ${status} = ?1, ${data} = json_set(${data}, '$.status', ?2, '$.output', json(?3), '$.error', ?4,
     '$.cause', ?5, '$.queued', ?6)
   WHERE token = ?7 AND ${status} = 'waiting' RETURNING ${data} AS data`;
const SETTLE_ON_EXECUTION = settleIn('executions', 'token_status', 'token_data');
const SETTLE_ON_TOKEN = settleIn('tokens', 'status', 'data');

type TimerRow = { fire_at: string; id: string; data: string | null; token: string | null };

function timerOf(row: TimerRow): TimerRecord {
  return row.data !== null
    ? (JSON.parse(row.data) as TimerRecord)
    : { id: row.id, fireAt: row.fire_at, kind: 'timeout', token: row.token as string };
}

function parsed<T>(row: { data: string } | undefined): T | undefined {
  return row ? (JSON.parse(row.data) as T) : undefined;
}

/** How many tokens settled here the store remembers (deleting their timeouts then writes nothing). */
const SETTLED_KEPT = 4096;

/** How many execution records the store keeps in memory (a segment reads its execution when it starts). */
const CACHED_EXECUTIONS = 4096;

export class SqliteRuntimeStore implements RuntimeStore {
  readonly countersOnExecutions = true;
  private readonly sql: Sql;
  /**
   * Execution records as last read or written (as JSON, so that no caller can change what is kept). Sound because
   * this process is the only writer (runtime.lock) and every write goes through this store; emptied when a
   * transaction is rolled back.
   */
  private readonly executions = new Map<string, string>();

  /** Tokens put in the open transaction, written at its commit (with their timeouts, armed at the segment's end). */
  private heldTokens = new Map<string, HeldToken>();
  private heldTimers: HeldTimers = { added: new Map(), deleted: new Map(), cases: new Set() };
  /** Tokens this store settled, whose timeouts left the index with them: deleting such a timeout writes nothing. */
  private readonly settledHere = new Set<string>();
  /**
   * Tokens on execution rows as this store wrote them (by token, and which token each execution's row holds), so
   * that settling one inside a unit needs no statement of its own. Sound on the same ground as the execution cache;
   * emptied when a transaction is rolled back.
   */
  private readonly rowTokens = new Map<string, RowToken>();
  private readonly rowTokenOf = new Map<string, string>();
  /** Row tokens settled in the open transaction: written with their execution's record, or at the commit. */
  private heldSettled = new Map<string, RowToken>();
  private readonly inTransaction: () => boolean;

  constructor(database: OpenedDatabase, operations?: StoreOperations) {
    ensureSchema(database, 'runtime', RUNTIME_MIGRATIONS);
    this.sql = new Sql(database.db, operations);
    this.inTransaction = () => database.db.isTransaction;
    onRollback(database.db, () => {
      this.executions.clear();
      this.settledHere.clear();
      this.rowTokens.clear();
      this.rowTokenOf.clear();
    });
    registerWriteBehind(database.db, {
      flush: () => {
        for (const held of this.heldTokens.values()) this.writeToken(held);
        this.heldTokens.clear();
        this.flushHeldSettled();
        this.flushHeldTimers();
      },
      snapshot: () => ({
        settled: new Map(this.heldSettled),
        tokens: new Map(this.heldTokens),
        timers: {
          added: new Map(this.heldTimers.added),
          deleted: new Map(this.heldTimers.deleted),
          cases: new Set(this.heldTimers.cases),
        },
      }),
      restore: (state) => {
        const { settled, tokens, timers } = state as {
          settled: Map<string, RowToken>;
          tokens: Map<string, HeldToken>;
          timers: HeldTimers;
        };
        this.heldSettled = new Map(settled);
        this.heldTokens = new Map(tokens);
        this.heldTimers = {
          added: new Map(timers.added),
          deleted: new Map(timers.deleted),
          cases: new Set(timers.cases),
        };
      },
    });
  }

  /** The held timer deletions in one statement, then the held additions in one. */
  private flushHeldTimers(): void {
    const { cases } = this.heldTimers;
    const [only] = cases;
    if (cases.size === 1 && only) operationScope.run({ caseId: only }, () => this.writeHeldTimers());
    else this.writeHeldTimers();
    cases.clear();
  }

  private holdTimerFor(): void {
    this.heldTimers.cases.add(operationScope.getStore()?.caseId ?? '');
  }

  private writeHeldTimers(): void {
    const { added, deleted } = this.heldTimers;
    if (deleted.size > 0) {
      const rows = [...deleted.values()];
      this.sql.run(
        `DELETE FROM timers WHERE (fire_at, id) IN (VALUES ${rows.map(() => '(?, ?)').join(', ')})`,
        ...rows.flatMap((timer) => [timer.fireAt, timer.id]),
      );
      deleted.clear();
    }
    if (added.size > 0) {
      const rows = [...added.values()];
      this.sql.run(
        `INSERT INTO timers (fire_at, id, data) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}
         ON CONFLICT (fire_at, id) DO UPDATE SET data = excluded.data`,
        ...rows.flatMap((timer) => [timer.fireAt, timer.id, JSON.stringify(timer)]),
      );
      added.clear();
    }
  }

  private writeToken({ record, timeout }: HeldToken): void {
    this.sql.run(
      `INSERT INTO tokens (token, status, data, timeout_at, timeout_id) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (token) DO UPDATE SET status = excluded.status, data = excluded.data,
         timeout_at = excluded.timeout_at, timeout_id = excluded.timeout_id`,
      record.token,
      record.status,
      JSON.stringify(record),
      timeout?.at ?? null,
      timeout?.id ?? null,
    );
  }

  /** Writes a held token now, before a statement that reads or changes its row. */
  private settleHeld(token: string): void {
    const held = this.heldTokens.get(token);
    if (!held) return;
    this.heldTokens.delete(token);
    this.writeToken(held);
  }

  private flushHeldTokens(): void {
    for (const token of [...this.heldTokens.keys()]) this.settleHeld(token);
    this.flushHeldSettled();
  }

  /** Settlements held for executions whose records this unit did not write again. */
  private flushHeldSettled(): void {
    for (const { execution, record } of this.heldSettled.values())
      this.sql.run(
        'UPDATE executions SET token_status = ?, token_data = ? WHERE name = ? AND token = ?',
        record.status,
        JSON.stringify(record),
        execution,
        record.token,
      );
    this.heldSettled.clear();
  }

  private rememberRowToken(execution: string, record: TokenRecord): void {
    const previous = this.rowTokenOf.get(execution);
    if (previous !== undefined && previous !== record.token) this.rowTokens.delete(previous);
    this.rowTokenOf.delete(execution);
    this.rowTokenOf.set(execution, record.token);
    this.rowTokens.delete(record.token);
    this.rowTokens.set(record.token, { execution, record });
    if (this.rowTokenOf.size > CACHED_EXECUTIONS) {
      const [oldest, token] = this.rowTokenOf.entries().next().value as [string, string];
      this.rowTokenOf.delete(oldest);
      this.rowTokens.delete(token);
    }
  }

  /** The settlement held for an execution's row token, if any. */
  private heldSettlementOf(execution: string): RowToken | undefined {
    for (const held of this.heldSettled.values()) if (held.execution === execution) return held;
    return undefined;
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
    const waitingOn = record.waiting?.kind === 'token' ? record.waiting.token : undefined;
    const held = waitingOn === undefined ? undefined : this.heldTokens.get(waitingOn);
    if (waitingOn !== undefined && held && held.record.execution === record.name) {
      // The token it now waits on (put in this unit, with its timeout) goes on the record's row, in this statement.
      this.heldTokens.delete(waitingOn);
      // The token it waited on before (settled, held in this unit) is replaced: nothing more to write for it.
      const replaced = this.heldSettlementOf(record.name);
      if (replaced) this.heldSettled.delete(replaced.record.token);
      this.sql.run(
        `INSERT INTO executions (name, case_id, status, data, token, token_status, token_data, timeout_at, timeout_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET case_id = excluded.case_id, status = excluded.status, data = excluded.data,
           token = excluded.token, token_status = excluded.token_status, token_data = excluded.token_data,
           timeout_at = excluded.timeout_at, timeout_id = excluded.timeout_id`,
        record.name,
        record.caseId,
        record.status,
        data,
        waitingOn,
        held.record.status,
        JSON.stringify(held.record),
        held.timeout?.at ?? null,
        held.timeout?.id ?? null,
      );
      this.remember(record.name, data);
      this.rememberRowToken(record.name, held.record);
      return;
    }
    const settled = this.heldSettlementOf(record.name);
    if (
      settled &&
      this.sql.run(
        `UPDATE executions SET case_id = ?, status = ?, data = ?, token_status = ?, token_data = ?
         WHERE name = ? AND token = ?`,
        record.caseId,
        record.status,
        data,
        settled.record.status,
        JSON.stringify(settled.record),
        record.name,
        settled.record.token,
      ) > 0
    ) {
      // The settlement of the token it waited on, held in this unit, is written with the record.
      this.heldSettled.delete(settled.record.token);
      this.remember(record.name, data);
      return;
    }
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
    this.settledHere.delete(record.token);
    this.rowTokens.delete(record.token);
    if (this.inTransaction()) this.heldTokens.set(record.token, { record });
    else this.writeToken({ record });
  }

  async getToken(token: string): Promise<TokenRecord | undefined> {
    const held = this.heldTokens.get(token) ?? this.heldSettled.get(token) ?? this.rowTokens.get(token);
    if (held) return held.record;
    return parsed(this.sql.get(TOKEN_BY_ID, token));
  }

  async settleToken(
    token: string,
    outcome: Pick<TokenRecord, 'status' | 'output' | 'error' | 'cause' | 'queued'>,
  ): Promise<TokenRecord | undefined> {
    this.settleHeld(token);
    if (this.heldSettled.has(token)) return undefined;
    const onRow = this.rowTokens.get(token);
    if (onRow && this.inTransaction()) {
      // Known to be on its execution's row: settled once, here (the record's status says whether it still waits),
      // and written with the execution's record or at the commit, in the same transaction.
      if (onRow.record.status !== 'waiting') return undefined;
      const record: TokenRecord = { ...onRow.record, ...outcome, output: outcome.output ?? null };
      this.heldSettled.set(token, { execution: onRow.execution, record });
      this.rememberRowToken(onRow.execution, record);
      this.noteSettled(token);
      return record;
    }
    // One statement: the condition (still waiting) in the WHERE, the settled record back by RETURNING. A settled
    // token leaves the index of waiting tokens' timeouts: its timeout will not fire.
    // The token an execution waits on is on the execution's row; others (put outside a unit, migrated) have their own.
    const params = [
      outcome.status,
      outcome.status,
      JSON.stringify(outcome.output ?? null),
      outcome.error ?? null,
      outcome.cause ?? null,
      outcome.queued ?? null,
      token,
    ];
    const settled = parsed<TokenRecord>(
      this.sql.get(SETTLE_ON_EXECUTION, ...params) ?? this.sql.get(SETTLE_ON_TOKEN, ...params),
    );
    if (settled) {
      this.noteSettled(token);
      if (onRow) this.rememberRowToken(onRow.execution, settled);
    }
    return settled;
  }

  private noteSettled(token: string): void {
    this.settledHere.add(token);
    // Tokens without a timeout are never looked up again: keep the most recent only (older ones take the UPDATE).
    if (this.settledHere.size > SETTLED_KEPT) this.settledHere.delete(this.settledHere.values().next().value as string);
  }

  /** A token's timeout goes on its row; a timeout whose token has no row yet (a migration's order) is a timer row. */
  private armTimeout(timer: TimeoutTimer): void {
    const held = this.heldTokens.get(timer.token);
    if (held) {
      this.heldTokens.set(timer.token, { ...held, timeout: { at: timer.fireAt, id: timer.id } });
      return;
    }
    const onRow =
      this.sql.run(
        'UPDATE executions SET timeout_at = ?, timeout_id = ? WHERE token = ?',
        timer.fireAt,
        timer.id,
        timer.token,
      ) > 0 ||
      this.sql.run(
        'UPDATE tokens SET timeout_at = ?, timeout_id = ? WHERE token = ?',
        timer.fireAt,
        timer.id,
        timer.token,
      ) > 0;
    if (!onRow) this.insertTimer(timer);
  }

  private insertTimer(timer: TimerRecord): void {
    this.sql.run(
      `INSERT INTO timers (fire_at, id, data) VALUES (?, ?, ?)
       ON CONFLICT (fire_at, id) DO UPDATE SET data = excluded.data`,
      timer.fireAt,
      timer.id,
      JSON.stringify(timer),
    );
  }

  async addTimer(timer: TimerRecord): Promise<void> {
    if (timer.kind === 'timeout') this.armTimeout(timer);
    else if (this.inTransaction()) {
      const key = timerKey(timer);
      this.holdTimerFor();
      this.heldTimers.deleted.delete(key);
      this.heldTimers.added.set(key, timer);
    } else this.insertTimer(timer);
  }

  async deleteTimer(timer: TimerRecord): Promise<void> {
    if (timer.kind !== 'timeout') {
      if (!this.inTransaction()) {
        this.sql.run('DELETE FROM timers WHERE fire_at = ? AND id = ?', timer.fireAt, timer.id);
        return;
      }
      const key = timerKey(timer);
      this.holdTimerFor();
      this.heldTimers.added.delete(key);
      this.heldTimers.deleted.set(key, { fireAt: timer.fireAt, id: timer.id });
      return;
    }
    // Settled here: its timeout already left the index of waiting tokens; nothing to write.
    if (this.settledHere.delete(timer.token)) return;
    const held = this.heldTokens.get(timer.token);
    if (held?.timeout?.at === timer.fireAt) {
      this.heldTokens.set(timer.token, { record: held.record });
      return;
    }
    this.settleHeld(timer.token);
    const onExecution = this.sql.run(
      'UPDATE executions SET timeout_at = NULL, timeout_id = NULL WHERE token = ? AND timeout_at = ?',
      timer.token,
      timer.fireAt,
    );
    if (onExecution > 0) return;
    this.sql.run(
      'UPDATE tokens SET timeout_at = NULL, timeout_id = NULL WHERE token = ? AND timeout_at = ?',
      timer.token,
      timer.fireAt,
    );
    this.sql.run('DELETE FROM timers WHERE fire_at = ? AND id = ?', timer.fireAt, timer.id);
  }

  async dueTimers(now: Instant, limit = 100): Promise<TimerRecord[]> {
    this.flushHeldTokens();
    this.flushHeldTimers();
    return this.sql.all<TimerRow>(TIMERS_AND_TIMEOUTS, now, limit).map(timerOf);
  }

  async dueTimersAndNext(now: Instant, limit: number): Promise<{ due: TimerRecord[]; next?: Instant }> {
    this.flushHeldTokens();
    this.flushHeldTimers();
    // The due rows, then the one without an id (its time null when no timer is left after now).
    const rows = this.sql.all<TimerRow | { fire_at: string | null; id: null }>(DUE_AND_NEXT, now, limit);
    const last = rows.pop();
    const due = (rows as TimerRow[]).map(timerOf);
    return last?.fire_at ? { due, next: last.fire_at } : { due };
  }

  async nextTimer(): Promise<TimerRecord | undefined> {
    this.flushHeldTokens();
    this.flushHeldTimers();
    const row = this.sql.get<TimerRow>(NEXT_TIMER);
    return row ? timerOf(row) : undefined;
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
