/**
 * Pending approvals with their task tokens on SQLite. The token is its own column; every read that leaves this
 * class drops it, and it is cleared as soon as it has been used or has expired. Each change is a read and a write
 * in one transaction, so of any number of concurrent deciders exactly one gets the token.
 *
 * Inside a transaction (a unit of work) an approval's row is held and written once, just before COMMIT, however
 * many times the unit changed it (a decision claims the approval and then clears its token: one statement); the
 * lists write what is held first. Outside a transaction every change is written at once.
 */
import type { Instant } from '#domain/calendar/local-date.ts';
import type { Role } from '#domain/staff/roles.ts';
import { type Approval, ApprovalNotPendingError, type ApprovalStore, type Decision } from '#ports/approval-store.ts';
import { InvalidCursorError } from '#ports/case-repository.ts';
import { ensureSchema, type OpenedDatabase, onRollback, registerWriteBehind } from './database.ts';
import { decodeCursor, encodeCursor, Sql, type StoreOperations } from './sql.ts';

export const APPROVALS_MIGRATIONS: readonly string[] = [
  `CREATE TABLE approvals (
     approval_id TEXT PRIMARY KEY,
     court TEXT NOT NULL,
     required_role TEXT NOT NULL,
     status TEXT NOT NULL,
     due_at TEXT NOT NULL,
     created_at TEXT NOT NULL,
     token TEXT,
     data TEXT NOT NULL
   ) STRICT;
   CREATE INDEX approvals_pending ON approvals (court, due_at, approval_id) WHERE status = 'pending';
   CREATE INDEX approvals_pending_by_role ON approvals (court, required_role, created_at, approval_id) WHERE status = 'pending';`,
];

interface Row {
  readonly data: string;
  readonly token: string | null;
}

/** An approval's row as the open transaction left it, not yet written. */
interface Held {
  readonly approval: Approval;
  readonly token: string | undefined;
}

/** How many approvals the store keeps in memory (a task is read when opened, again when decided). */
const CACHED_APPROVALS = 1024;

export class SqliteApprovalStore implements ApprovalStore {
  private readonly sql: Sql;
  /**
   * Approvals as last read or written (as JSON, so that no caller can change what is kept). Sound because this
   * process is the only writer (runtime.lock) and every write goes through this store; emptied when a transaction
   * is rolled back.
   */
  private readonly cached = new Map<string, Row>();
  /** Rows changed in the open transaction, written at its commit (by approval id). */
  private held = new Map<string, Held>();
  private readonly inTransaction: () => boolean;

  constructor(database: OpenedDatabase, operations?: StoreOperations) {
    ensureSchema(database, 'approvals', APPROVALS_MIGRATIONS);
    this.sql = new Sql(database.db, operations);
    this.inTransaction = () => database.db.isTransaction;
    onRollback(database.db, () => this.cached.clear());
    registerWriteBehind(database.db, {
      flush: () => this.flushHeld(),
      snapshot: () => new Map(this.held),
      restore: (state) => {
        this.held = new Map(state as Map<string, Held>);
      },
    });
  }

  private flushHeld(): void {
    for (const { approval, token } of this.held.values()) this.write(approval, token);
    this.held.clear();
  }

  private remember(approvalId: string, row: Row): void {
    this.cached.delete(approvalId);
    this.cached.set(approvalId, row);
    if (this.cached.size > CACHED_APPROVALS) this.cached.delete(this.cached.keys().next().value as string);
  }

  private read(approvalId: string): { approval: Approval; token: string | undefined } | undefined {
    const held = this.held.get(approvalId);
    if (held) return { approval: structuredClone(held.approval), token: held.token };
    let row = this.cached.get(approvalId);
    if (!row) {
      row = this.sql.get<Row>('SELECT data, token FROM approvals WHERE approval_id = ?', approvalId);
      if (row) this.remember(approvalId, { data: row.data, token: row.token });
    }
    return row ? { approval: JSON.parse(row.data) as Approval, token: row.token ?? undefined } : undefined;
  }

  private put(approval: Approval, token: string | undefined): void {
    if (!this.inTransaction()) {
      this.write(approval, token);
      return;
    }
    const data = JSON.stringify(approval);
    this.held.set(approval.approvalId, { approval: JSON.parse(data) as Approval, token });
    this.remember(approval.approvalId, { data, token: token ?? null });
  }

  /** Writes the row now; `onlyPending`: not over a row that is no longer pending. The number of rows written. */
  private write(approval: Approval, token: string | undefined, onlyPending = false): number {
    const data = JSON.stringify(approval);
    this.cached.delete(approval.approvalId);
    const written = this.sql.run(
      `INSERT INTO approvals (approval_id, court, required_role, status, due_at, created_at, token, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (approval_id) DO UPDATE SET court = excluded.court, required_role = excluded.required_role,
         status = excluded.status, due_at = excluded.due_at, created_at = excluded.created_at, token = excluded.token,
         data = excluded.data
       WHERE ? = 0 OR approvals.status = 'pending'`,
      approval.approvalId,
      approval.court,
      approval.requiredRole,
      approval.status,
      approval.dueAt,
      approval.createdAt,
      token,
      data,
      onlyPending ? 1 : 0,
    );
    if (written > 0) this.remember(approval.approvalId, { data, token: token ?? null });
    return written;
  }

  async register(approval: Approval, token: string): Promise<void> {
    const { token: _token, ...fields } = approval as Approval & { token?: unknown };
    if (!this.held.has(approval.approvalId) && !this.cached.has(approval.approvalId)) {
      // Not known here (most often a new approval): one conditional statement instead of a read and a write. It
      // changes no row that is no longer pending; then nothing is remembered, and the next read goes to the table.
      const pending: Approval = { ...fields, status: 'pending' };
      this.write(pending, token, true);
      return;
    }
    this.sql.tx(() => {
      const found = this.read(approval.approvalId);
      // Already decided or timed out: a re-run of the waiting step must not reopen it.
      if (found && found.approval.status !== 'pending') return;
      this.put({ ...fields, status: 'pending' }, token);
    });
  }

  /** Writes an approval as it was, with its token if it still had one (`enforce migrate`). */
  restore(approval: Approval, token: string | undefined): void {
    this.put(approval, token);
  }

  async get(approvalId: string): Promise<Approval | undefined> {
    return this.read(approvalId)?.approval;
  }

  async listPending(filter: { readonly court?: string; readonly role?: Role }): Promise<readonly Approval[]> {
    if (!filter.court) throw new Error('listing approvals needs a court');
    this.flushHeld();
    return this.sql
      .all<{ data: string }>(
        "SELECT data FROM approvals WHERE court = ? AND status = 'pending' ORDER BY due_at, approval_id",
        filter.court,
      )
      .map((row) => JSON.parse(row.data) as Approval)
      .filter((a) => !filter.role || a.requiredRole === filter.role);
  }

  async listPendingByRole(filter: {
    readonly court: string;
    readonly role: Role;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<{ items: readonly Approval[]; cursor?: string }> {
    const scope = `pending:${filter.court}:${filter.role}`;
    const after = decodeCursor(filter.cursor, scope, 2, () => new InvalidCursorError());
    this.flushHeld();
    const rows = this.sql.all<{ data: string; created_at: string; approval_id: string }>(
      `SELECT data, created_at, approval_id FROM approvals
       WHERE court = ? AND required_role = ? AND status = 'pending' AND (created_at, approval_id) > (?, ?)
       ORDER BY created_at, approval_id LIMIT ?`,
      filter.court,
      filter.role,
      after?.[0] ?? '',
      after?.[1] ?? '',
      filter.limit + 1,
    );
    const items = rows.slice(0, filter.limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => JSON.parse(row.data) as Approval),
      ...(rows.length > filter.limit && last
        ? { cursor: encodeCursor(scope, [last.created_at, last.approval_id]) }
        : {}),
    };
  }

  async claimForDecision(approvalId: string, decision: Decision): Promise<{ approval: Approval; token: string }> {
    return this.sql.tx(() => {
      const found = this.read(approvalId);
      if (!found) throw new ApprovalNotPendingError(approvalId, 'missing');
      const { approval, token } = found;
      // Pending, and open to every eligible decider or held by this one.
      if (approval.status !== 'pending' || (approval.assignee && approval.assignee !== decision.by))
        throw new ApprovalNotPendingError(approvalId, approval.status, approval.assignee);
      const decided: Approval = {
        ...approval,
        status: decision.decision,
        decidedBy: decision.by,
        decidedAt: decision.at,
        ...(decision.reason ? { reason: decision.reason } : {}),
      };
      this.put(decided, token);
      return { approval: decided, token: String(token) };
    });
  }

  async releaseClaim(approvalId: string, by: string): Promise<void> {
    this.sql.tx(() => {
      const found = this.read(approvalId);
      if (!found || found.approval.decidedBy !== by || !found.token || found.approval.status === 'timed-out') return;
      const { decidedBy: _b, decidedAt: _a, reason: _r, ...rest } = found.approval;
      this.put({ ...rest, status: 'pending' }, found.token);
    });
  }

  async setAssignee(approvalId: string, assignee: string | undefined): Promise<void> {
    this.sql.tx(() => {
      const found = this.read(approvalId);
      // Decided or timed out meanwhile: who held it no longer matters to anyone listing open tasks.
      if (found?.approval.status !== 'pending') return;
      const { assignee: _a, ...rest } = found.approval;
      this.put(assignee ? { ...rest, assignee } : rest, found.token);
    });
  }

  async clearToken(approvalId: string): Promise<void> {
    const held = this.held.get(approvalId);
    if (held) {
      // Changed in this unit already (the decision's claim): the row is written once, without its token.
      this.held.set(approvalId, { approval: held.approval, token: undefined });
      this.remember(approvalId, { data: JSON.stringify(held.approval), token: null });
      return;
    }
    const cached = this.cached.get(approvalId);
    if (cached) this.cached.set(approvalId, { ...cached, token: null });
    this.sql.run('UPDATE approvals SET token = NULL WHERE approval_id = ?', approvalId);
  }

  async markTimedOut(approvalId: string, at: Instant): Promise<boolean> {
    return this.sql.tx(() => {
      const found = this.read(approvalId);
      if (!found || (found.approval.status !== 'pending' && !found.token)) return false;
      this.put({ ...found.approval, status: 'timed-out', decidedAt: at }, undefined);
      return true;
    });
  }

  async markLate(approvalId: string, at: Instant): Promise<void> {
    this.sql.tx(() => {
      const found = this.read(approvalId);
      if (!found) return;
      const by = found.approval.decidedBy;
      this.put(
        { ...found.approval, status: 'timed-out', decidedAt: at, ...(by ? { lateDecisionBy: by } : {}) },
        undefined,
      );
    });
  }
}
