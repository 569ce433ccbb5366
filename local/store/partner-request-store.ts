/**
 * Requests to outside parties on SQLite. An answer is a read and a write in one transaction, so concurrent answers
 * never overwrite each other and exactly one of them completes the request and receives the token, which stays
 * stored until it has been used (clearToken).
 *
 * Inside a transaction the store holds its changes to a request's row until the commit (database.ts, WriteBehind):
 * a token attached then the request marked dispatched, or an answer recorded then its token cleared, are one UPDATE
 * per delivery instead of two. A rolled-back savepoint or transaction takes back what it held.
 */
import type { Instant } from '#domain/calendar/local-date.ts';
import {
  type NewPartnerRequest,
  type PartnerAnswer,
  type PartnerRequest,
  PartnerRequestNotFoundError,
  type PartnerRequestStore,
} from '#ports/partner-requests.ts';
import { ensureSchema, type OpenedDatabase, onRollback, registerWriteBehind } from './database.ts';
import { Sql, type StoreOperations } from './sql.ts';

export const PARTNER_REQUESTS_MIGRATIONS: readonly string[] = [
  `CREATE TABLE partner_requests (
     request_id TEXT PRIMARY KEY,
     case_id TEXT NOT NULL,
     status TEXT NOT NULL,
     token TEXT,
     data TEXT NOT NULL
   ) STRICT;`,
];

/** How many requests the store keeps in memory (an answer reads its request twice: to check it, then to record). */
const CACHED_REQUESTS = 4096;

type Stored = { readonly request: PartnerRequest; readonly token: string | undefined };

export class SqlitePartnerRequestStore implements PartnerRequestStore {
  private readonly sql: Sql;
  /**
   * Requests as last read or written. Sound because this process is the only writer (runtime.lock) and every write
   * goes through this store; emptied when a transaction is rolled back.
   */
  private readonly cached = new Map<string, Stored>();

  /** Rows changed in the open transaction and not yet written, by request id (written by `flush` before COMMIT). */
  private held = new Map<string, Stored>();
  private readonly inTransaction: () => boolean;

  constructor(database: OpenedDatabase, operations?: StoreOperations) {
    ensureSchema(database, 'partner-requests', PARTNER_REQUESTS_MIGRATIONS);
    this.sql = new Sql(database.db, operations);
    this.inTransaction = () => database.db.isTransaction;
    onRollback(database.db, () => this.cached.clear());
    registerWriteBehind(database.db, {
      flush: () => {
        for (const stored of this.held.values()) this.write(stored);
        this.held.clear();
      },
      snapshot: () => new Map(this.held),
      restore: (state) => {
        this.held = new Map(state as Map<string, Stored>);
      },
    });
  }

  /** Writes a held row now, before a statement that reads or changes it in SQL. */
  private settle(requestId: string): void {
    const stored = this.held.get(requestId);
    if (!stored) return;
    this.held.delete(requestId);
    this.write(stored);
  }

  private write({ request, token }: Stored): void {
    this.sql.run(
      'UPDATE partner_requests SET status = ?, token = ?, data = ? WHERE request_id = ?',
      request.status,
      token ?? null,
      JSON.stringify(request),
      request.requestId,
    );
  }

  private remember(stored: Stored): Stored {
    this.cached.delete(stored.request.requestId);
    this.cached.set(stored.request.requestId, stored);
    if (this.cached.size > CACHED_REQUESTS) this.cached.delete(this.cached.keys().next().value as string);
    return stored;
  }

  private read(requestId: string): Stored | undefined {
    const held = this.held.get(requestId);
    if (held) return held;
    const cached = this.cached.get(requestId);
    if (cached) return cached;
    const row = this.sql.get<{ data: string; token: string | null }>(
      'SELECT data, token FROM partner_requests WHERE request_id = ?',
      requestId,
    );
    return row
      ? this.remember({ request: JSON.parse(row.data) as PartnerRequest, token: row.token ?? undefined })
      : undefined;
  }

  /** Changes a request's row: held until the commit inside a transaction, written at once outside one. */
  private update(request: PartnerRequest, token: string | undefined): void {
    const stored: Stored = { request, token };
    this.cached.delete(request.requestId);
    if (this.inTransaction()) this.held.set(request.requestId, stored);
    else this.write(stored);
    this.remember(stored);
  }

  async create(request: NewPartnerRequest): Promise<PartnerRequest> {
    const item: PartnerRequest = { ...request, status: 'pending', answers: [] };
    return this.sql.tx(() => {
      const inserted = this.sql.run(
        `INSERT INTO partner_requests (request_id, case_id, status, data) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        item.requestId,
        item.caseId,
        item.status,
        JSON.stringify(item),
      );
      if (inserted > 0) return this.remember({ request: item, token: undefined }).request;
      const existing = this.read(request.requestId);
      if (!existing) throw new PartnerRequestNotFoundError(request.requestId);
      return existing.request;
    });
  }

  /** Writes a request as it was, with its token if it still had one (`enforce migrate`). */
  restore(request: PartnerRequest, token: string | undefined): void {
    this.settle(request.requestId);
    this.cached.delete(request.requestId);
    this.sql.run(
      'INSERT INTO partner_requests (request_id, case_id, status, token, data) VALUES (?, ?, ?, ?, ?)',
      request.requestId,
      request.caseId,
      request.status,
      token,
      JSON.stringify(request),
    );
  }

  async get(requestId: string): Promise<PartnerRequest | undefined> {
    return this.read(requestId)?.request;
  }

  // The conditional changes below are one statement each: the condition in the WHERE, the row back by RETURNING.

  // Attaching a token and marking a request dispatched read the row (from memory when they can) and change it in one
  // transaction; the change is held until the commit (one UPDATE for the two).

  async attachToken(requestId: string, token: string): Promise<PartnerRequest | undefined> {
    return this.sql.tx(() => {
      const found = this.read(requestId);
      if (found?.request.status !== 'pending') return undefined;
      this.update(found.request, token);
      return found.request;
    });
  }

  async markDispatched(requestId: string, at: Instant): Promise<void> {
    this.sql.tx(() => {
      const found = this.read(requestId);
      if (!found || found.request.dispatchedAt !== undefined) return;
      this.update({ ...found.request, dispatchedAt: at }, found.token);
    });
  }

  async addAnswer(requestId: string, answer: PartnerAnswer): Promise<{ request: PartnerRequest; token?: string }> {
    return this.sql.tx(() => {
      const found = this.read(requestId);
      if (!found) throw new PartnerRequestNotFoundError(requestId);
      const { request, token } = found;
      // A repeated callback is acknowledged and changes nothing; if it completed the request and the token was
      // not yet used (the first delivery failed after recording), it is handed out again.
      if (request.answers.some((a) => a.itemId === answer.itemId)) {
        return request.status === 'complete' && token ? { request, token } : { request };
      }
      const late = request.status !== 'pending';
      const recorded: PartnerAnswer = late ? { ...answer, late: true } : answer;
      const answered = new Set(request.answers.filter((a) => !a.late).map((a) => a.itemId)).size;
      const completes = !late && answered + 1 === request.items.length;
      const updated: PartnerRequest = {
        ...request,
        answers: [...request.answers, recorded],
        ...(completes ? { status: 'complete' as const } : {}),
      };
      this.update(updated, token);
      return completes && token ? { request: updated, token } : { request: updated };
    });
  }

  async clearToken(requestId: string): Promise<void> {
    const held = this.held.get(requestId);
    if (held && this.inTransaction()) {
      this.held.set(requestId, { ...held, token: undefined });
      this.remember({ ...held, token: undefined });
      return;
    }
    this.settle(requestId);
    const cached = this.cached.get(requestId);
    if (cached) this.cached.set(requestId, { ...cached, token: undefined });
    this.sql.run('UPDATE partner_requests SET token = NULL WHERE request_id = ?', requestId);
  }

  async supersede(requestId: string): Promise<{ token?: string } | undefined> {
    this.settle(requestId);
    this.cached.delete(requestId);
    const row = this.sql.get<{ token: string | null }>(
      `UPDATE partner_requests SET status = 'superseded', data = json_set(data, '$.status', 'superseded')
       WHERE request_id = ? AND status = 'pending' RETURNING token`,
      requestId,
    );
    if (!row) return undefined;
    return row.token ? { token: row.token } : {};
  }

  async markTimedOut(requestId: string): Promise<boolean> {
    this.settle(requestId);
    this.cached.delete(requestId);
    return (
      this.sql.run(
        `UPDATE partner_requests SET status = 'timed-out', token = NULL, data = json_set(data, '$.status', 'timed-out')
         WHERE request_id = ? AND status = 'pending'`,
        requestId,
      ) > 0
    );
  }
}
