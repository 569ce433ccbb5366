/**
 * Requests to outside parties on SQLite. An answer is a read and a write in one transaction, so concurrent answers
 * never overwrite each other and exactly one of them completes the request and receives the token, which stays
 * stored until it has been used (clearToken).
 */
import type { Instant } from '#domain/calendar/local-date.ts';
import {
  type NewPartnerRequest,
  type PartnerAnswer,
  type PartnerRequest,
  PartnerRequestNotFoundError,
  type PartnerRequestStore,
} from '#ports/partner-requests.ts';
import { ensureSchema, type OpenedDatabase } from './database.ts';
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

export class SqlitePartnerRequestStore implements PartnerRequestStore {
  private readonly sql: Sql;

  constructor(database: OpenedDatabase, operations?: StoreOperations) {
    ensureSchema(database, 'partner-requests', PARTNER_REQUESTS_MIGRATIONS);
    this.sql = new Sql(database.db, operations);
  }

  private read(requestId: string): { request: PartnerRequest; token: string | undefined } | undefined {
    const row = this.sql.get<{ data: string; token: string | null }>(
      'SELECT data, token FROM partner_requests WHERE request_id = ?',
      requestId,
    );
    return row ? { request: JSON.parse(row.data) as PartnerRequest, token: row.token ?? undefined } : undefined;
  }

  private update(request: PartnerRequest, token: string | undefined): void {
    this.sql.run(
      'UPDATE partner_requests SET status = ?, token = ?, data = ? WHERE request_id = ?',
      request.status,
      token,
      JSON.stringify(request),
      request.requestId,
    );
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
      if (inserted > 0) return item;
      const existing = this.read(request.requestId);
      if (!existing) throw new PartnerRequestNotFoundError(request.requestId);
      return existing.request;
    });
  }

  /** Writes a request as it was, with its token if it still had one (`enforce migrate`). */
  restore(request: PartnerRequest, token: string | undefined): void {
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
      if (!found || found.request.dispatchedAt) return;
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
    this.sql.run('UPDATE partner_requests SET token = NULL WHERE request_id = ?', requestId);
  }

  async supersede(requestId: string): Promise<{ token?: string } | undefined> {
    return this.sql.tx(() => {
      const found = this.read(requestId);
      if (found?.request.status !== 'pending') return undefined;
      this.update({ ...found.request, status: 'superseded' }, found.token);
      return found.token ? { token: found.token } : {};
    });
  }

  async markTimedOut(requestId: string): Promise<boolean> {
    return this.sql.tx(() => {
      const found = this.read(requestId);
      if (found?.request.status !== 'pending') return false;
      this.update({ ...found.request, status: 'timed-out' }, undefined);
      return true;
    });
  }
}
