/**
 * Prepared statements over the runtime's database, counted: every statement run is one store operation, charged
 * to the case whose work ran it (operationScope) and to its kind ('INSERT journal', 'SELECT cases', ...), so the
 * runtime reports store operations per case as it did on the embedded DynamoDB.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { transaction } from './database.ts';

/** Which case a store operation is for, so that the runtime can count operations per case. */
export const operationScope = new AsyncLocalStorage<{ caseId?: string }>();

/** Store operations so far, by case id ('' when not for a case) and by kind. */
export class StoreOperations {
  readonly byCase = new Map<string, number>();
  readonly byKind = new Map<string, number>();
  /** The operations for no case (case id ''), by kind: the sweeps, the timer queue, the saved clock. */
  readonly sharedByKind = new Map<string, number>();
  count(kind: string): void {
    const caseId = operationScope.getStore()?.caseId ?? '';
    this.byCase.set(caseId, (this.byCase.get(caseId) ?? 0) + 1);
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    if (caseId === '') this.sharedByKind.set(kind, (this.sharedByKind.get(kind) ?? 0) + 1);
  }
}

function kindOf(sql: string): string {
  const words = sql.trim().split(/\s+/);
  const verb = (words[0] ?? '').toUpperCase();
  if (verb === 'UPDATE') return `UPDATE ${words[1] ?? ''}`;
  // The last FROM names the outer table of a query with a subquery in its columns.
  const table = [...sql.matchAll(/\b(?:FROM|INTO)\s+(\w+)/gi)].at(-1)?.[1] ?? '';
  return `${verb} ${table}`;
}

export type Param = SQLInputValue | undefined;

function bind(params: readonly Param[]): SQLInputValue[] {
  return params.map((p) => (p === undefined ? null : p));
}

export class Sql {
  readonly db: DatabaseSync;
  private readonly operations: StoreOperations | undefined;
  private readonly statements = new Map<string, { statement: StatementSync; kind: string }>();

  constructor(db: DatabaseSync, operations?: StoreOperations) {
    this.db = db;
    this.operations = operations;
  }

  private prepared(sql: string): StatementSync {
    let found = this.statements.get(sql);
    if (!found) {
      found = { statement: this.db.prepare(sql), kind: kindOf(sql) };
      this.statements.set(sql, found);
    }
    this.operations?.count(found.kind);
    return found.statement;
  }

  /** Runs a write; the number of rows it changed. */
  run(sql: string, ...params: Param[]): number {
    return Number(this.prepared(sql).run(...bind(params)).changes);
  }

  get<T>(sql: string, ...params: Param[]): T | undefined {
    return this.prepared(sql).get(...bind(params)) as T | undefined;
  }

  all<T>(sql: string, ...params: Param[]): T[] {
    return this.prepared(sql).all(...bind(params)) as T[];
  }

  /** All of `work` or none of it (joins an outer transaction). */
  tx<T>(work: () => T): T {
    return transaction(this.db, work);
  }
}

/**
 * Index cursors: the query's scope (which partition it reads, e.g. court and phase) and the sort key of a page's
 * last row, opaque to callers. A cursor is accepted only by the query that issued it: another scope is refused.
 */
export function encodeCursor(scope: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([scope, ...key]), 'utf8').toString('base64url');
}

/** The sort key in a cursor, or `invalid()` thrown when it is not `size` strings issued for `scope`. */
export function decodeCursor(
  cursor: string | undefined,
  scope: string,
  size: number,
  invalid: () => Error,
): string[] | undefined {
  if (!cursor) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== size + 1 || !decoded.every((k) => typeof k === 'string'))
    throw invalid();
  const [issuedFor, ...key] = decoded as string[];
  if (issuedFor !== scope) throw invalid();
  return key;
}
