/**
 * The case store on SQLite: a commit is one transaction that appends to the journal at `version + 1` (the primary
 * key is the optimistic lock: a second writer of the same version fails) and writes the projection beside it: the
 * case row with the columns its lists and counts use, one row per time node that changed, one per party on the
 * first commit. Projection and journal cannot drift apart, so a load is one read of the case row (plus the journal
 * tail, empty unless the row was written by an older release).
 *
 * Inside a transaction the projection is held until the commit (database.ts, WriteBehind): the journal row is
 * written at once (its primary key is the condition), the case's row and its changed node rows once per transaction,
 * however many commits the unit of work made to the case (a segment running several steps, answers delivered
 * together). Every query of the projection writes what is held first, so it reads what the transaction wrote.
 */
import type { Instant } from '#domain/calendar/local-date.ts';
import type { Commit } from '#domain/case/events.ts';
import type { EnforcementCase, Phase, TimeNode } from '#domain/case/model.ts';
import { nextCommit } from '#domain/case/next-commit.ts';
import { nodeOnBoard } from '#domain/case/node-watch.ts';
import { applyCommits, upgradeCase } from '#domain/case/reducer.ts';
import { normaliseCaseNumber } from '#domain/ids.ts';
import {
  CaseAlreadyExistsError,
  type CaseQueries,
  type CaseRepository,
  type CaseSummary,
  type CommitDraft,
  ConcurrentUpdateError,
  caseSummary,
  InvalidCursorError,
  type NodeEntry,
  type NodeFilter,
  type Page,
} from '#ports/case-repository.ts';
import { ensureSchema, type OpenedDatabase, onRollback, registerWriteBehind } from './database.ts';
import { decodeCursor, encodeCursor, operationScope, Sql, type StoreOperations } from './sql.ts';

export const CASES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE journal (
     case_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     body TEXT NOT NULL,
     PRIMARY KEY (case_id, seq)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE cases (
     case_id TEXT PRIMARY KEY,
     version INTEGER NOT NULL,
     data TEXT NOT NULL,
     summary TEXT NOT NULL,
     court TEXT NOT NULL,
     status TEXT NOT NULL,
     phase TEXT,
     officer TEXT,
     open INTEGER NOT NULL,
     filed_at TEXT NOT NULL,
     case_number TEXT NOT NULL,
     sweep_at TEXT
   ) STRICT;
   CREATE INDEX cases_by_status ON cases (court, status, filed_at, case_id);
   CREATE INDEX cases_by_phase ON cases (court, phase, filed_at, case_id) WHERE open = 1 AND phase IS NOT NULL;
   CREATE INDEX cases_by_officer ON cases (officer) WHERE open = 1 AND officer IS NOT NULL;
   CREATE INDEX cases_by_number ON cases (case_number, case_id);
   CREATE INDEX cases_by_sweep ON cases (sweep_at, case_id) WHERE sweep_at IS NOT NULL;
   CREATE TABLE case_nodes (
     case_id TEXT NOT NULL,
     node TEXT NOT NULL,
     court TEXT NOT NULL,
     team TEXT,
     officer TEXT,
     due_at TEXT NOT NULL,
     indexed INTEGER NOT NULL,
     entry TEXT NOT NULL,
     PRIMARY KEY (case_id, node)
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX nodes_by_court ON case_nodes (court, due_at, case_id, node) WHERE indexed = 1;
   CREATE INDEX nodes_by_team ON case_nodes (court, team, due_at, case_id, node) WHERE indexed = 1 AND team IS NOT NULL;
   CREATE INDEX nodes_by_officer ON case_nodes (officer, court, due_at, case_id, node) WHERE indexed = 1 AND officer IS NOT NULL;
   CREATE TABLE case_parties (
     court TEXT NOT NULL,
     party_id TEXT NOT NULL,
     case_id TEXT NOT NULL,
     PRIMARY KEY (court, party_id, case_id)
   ) STRICT, WITHOUT ROWID;`,
];

/** Told about each commit once it is written (the embedded runtime's CLI prints the timeline as it grows). */
export type CommitListener = (commit: Commit, state: EnforcementCase) => void;

/** When the node sweeper next has something to do on a case (domain/case/node-watch.ts). */
export type SweepSchedule = (state: EnforcementCase) => Instant | undefined;

interface CaseRow {
  readonly version: number;
  readonly data: string;
  readonly head: number | null;
}

/**
 * What every node row of a case repeats from the case (its entry, and whether it is indexed at all: not once the
 * case is closed): when it changes, every node row is written again.
 */
function nodeContext(state: EnforcementCase | undefined): string {
  if (!state) return '';
  return JSON.stringify([
    state.caseNumber,
    state.court.code,
    state.team,
    state.officer,
    state.status === 'closed',
    state.suspension?.status === 'in-force',
  ]);
}

/** A case whose projection is held until the commit: as of its last commit, and as on disk before the first. */
interface HeldProjection {
  readonly state: EnforcementCase;
  readonly previous: EnforcementCase | undefined;
}

/** How many cases the repository keeps in memory (SqliteCaseRepository.cached). */
const CACHED_CASES = 1024;

/** `(?, ?), (?, ?)`: the VALUES of a statement writing `count` rows of `width` columns. */
function rows(count: number, width: number): string {
  const row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  return Array.from({ length: count }, () => row).join(', ');
}

export class SqliteCaseRepository implements CaseRepository, CaseQueries {
  private readonly sql: Sql;
  private readonly listener: CommitListener | undefined;
  private readonly schedule: SweepSchedule;
  /** Cases whose row was found behind their journal on load (written by an older release). */
  private readonly behind = new Set<string>();
  /**
   * The cases last loaded or written, newest last (at most CACHED_CASES): a step loads its case once per
   * invocation, and the case is most often the one the previous step wrote. Sound because this process is the
   * only writer of the data directory (runtime.lock) and every write goes through here; emptied whenever a
   * transaction is rolled back, so nothing cached can be a write that did not happen.
   */
  private readonly cached = new Map<string, EnforcementCase>();
  /** Projections changed in the open transaction and not yet written, by case id (written before COMMIT). */
  private held = new Map<string, HeldProjection>();
  /**
   * The earliest node sweep instant of any case and whose it is ((sweep_at, case_id) order), as far as this store
   * knows; undefined: read the index. Every write of a case row keeps it (a case written earlier lowers it; the
   * case that holds it written later makes it unknown); a rollback makes it unknown. So the runtime, which asks
   * after every batch of commits, reads the index only when the earliest case moved on.
   */
  private sweepMin: { readonly at: Instant; readonly caseId: string } | { readonly at: undefined } | undefined;

  constructor(
    database: OpenedDatabase,
    options: {
      readonly listener?: CommitListener | undefined;
      readonly schedule?: SweepSchedule;
      readonly operations?: StoreOperations;
    } = {},
  ) {
    ensureSchema(database, 'cases', CASES_MIGRATIONS);
    this.sql = new Sql(database.db, options.operations);
    this.listener = options.listener;
    this.schedule = options.schedule ?? (() => undefined);
    onRollback(database.db, () => {
      this.cached.clear();
      this.sweepMin = undefined;
    });
    registerWriteBehind(database.db, {
      flush: () => this.flushHeld(),
      snapshot: () => new Map(this.held),
      restore: (state) => {
        this.held = new Map(state as Map<string, HeldProjection>);
      },
    });
  }

  /** Writes the held projections (before a COMMIT, or before a query of the projection inside a transaction). */
  private flushHeld(): void {
    if (this.held.size === 0) return;
    const held = [...this.held.values()];
    this.held.clear();
    // Charged to its case, as when the commit wrote it at once (the flush runs at COMMIT, outside the step).
    for (const { state, previous } of held)
      operationScope.run({ caseId: state.caseId }, () => this.project(state, previous, false));
  }

  private remember(state: EnforcementCase): void {
    this.cached.delete(state.caseId);
    this.cached.set(state.caseId, state);
    if (this.cached.size > CACHED_CASES) this.cached.delete(this.cached.keys().next().value as string);
  }

  async load(caseId: string): Promise<EnforcementCase | undefined> {
    const held = this.held.get(caseId);
    if (held) return held.state;
    const cached = this.cached.get(caseId);
    if (cached) return cached;
    // One read: the case row with the journal's head beside it (the row is behind only if an older release wrote it).
    const row = this.sql.get<CaseRow>(
      'SELECT version, data, (SELECT MAX(seq) FROM journal WHERE journal.case_id = cases.case_id) AS head FROM cases WHERE case_id = ?',
      caseId,
    );
    const projected = row ? upgradeCase(JSON.parse(row.data) as EnforcementCase) : undefined;
    if (row && projected && (row.head ?? 0) <= row.version) {
      this.remember(projected);
      return projected;
    }
    const tail = this.commitsAfter(caseId, projected?.version ?? 0);
    if (tail.length === 0) return projected;
    this.behind.add(caseId);
    return applyCommits(projected, tail);
  }

  async history(caseId: string): Promise<readonly Commit[]> {
    return this.commitsAfter(caseId, 0);
  }

  async create(caseId: string, draft: CommitDraft): Promise<EnforcementCase> {
    try {
      return this.write(caseId, undefined, draft);
    } catch (error) {
      if (error instanceof ConcurrentUpdateError) throw new CaseAlreadyExistsError(caseId);
      throw error;
    }
  }

  async append(current: EnforcementCase, draft: CommitDraft): Promise<EnforcementCase> {
    return this.write(current.caseId, current, draft);
  }

  async catchUp(state: EnforcementCase): Promise<void> {
    if (!this.behind.delete(state.caseId)) return;
    this.flushHeld();
    this.sql.tx(() => this.project(state, undefined, false));
  }

  async reindex(state: EnforcementCase): Promise<void> {
    this.flushHeld();
    this.sql.tx(() => this.project(state, undefined, true));
  }

  /**
   * Writes a whole journal as it was (`enforce migrate`: a case from the previous store) and its projection; the
   * commits are copied, never re-sealed. The case as of its last commit.
   */
  importJournal(commits: readonly Commit[]): EnforcementCase | undefined {
    const state = applyCommits(undefined, commits);
    if (!state) return undefined;
    this.cached.delete(state.caseId);
    this.flushHeld();
    this.sql.tx(() => {
      for (const commit of commits)
        this.sql.run(
          'INSERT INTO journal (case_id, seq, body) VALUES (?, ?, ?)',
          commit.caseId,
          commit.seq,
          JSON.stringify(commit),
        );
      this.project(state, undefined, true);
    });
    return state;
  }

  private write(caseId: string, current: EnforcementCase | undefined, draft: CommitDraft): EnforcementCase {
    const { commit, next } = nextCommit(caseId, current, draft);
    this.sql.tx(() => {
      const inserted = this.sql.run(
        'INSERT INTO journal (case_id, seq, body) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        caseId,
        commit.seq,
        JSON.stringify(commit),
      );
      if (inserted === 0) throw new ConcurrentUpdateError(caseId, commit.seq - 1);
      // Held until the commit (this runs inside a transaction, the caller's or its own): diffed then against the
      // case as it was before the transaction's first commit to it.
      const earlier = this.held.get(caseId);
      this.held.set(caseId, { state: next, previous: earlier ? earlier.previous : current });
    });
    this.behind.delete(caseId);
    this.remember(next);
    this.listener?.(commit, next);
    return next;
  }

  /**
   * Writes the case row unless a newer one is there (`force`: unless a newer or equal one), the node rows that
   * differ from `previous` (all of them without it), and the party rows on the first version or a full rewrite.
   */
  private project(state: EnforcementCase, previous: EnforcementCase | undefined, force: boolean): void {
    const summary = caseSummary(state);
    const open = state.status !== 'closed' ? 1 : 0;
    const sweepAt = this.schedule(state);
    const written = this.sql.run(
      `INSERT INTO cases (case_id, version, data, summary, court, status, phase, officer, open, filed_at, case_number, sweep_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, data = excluded.data, summary = excluded.summary,
         court = excluded.court, status = excluded.status, phase = excluded.phase, officer = excluded.officer,
         open = excluded.open, filed_at = excluded.filed_at, case_number = excluded.case_number, sweep_at = excluded.sweep_at
       WHERE cases.version < excluded.version OR (? AND cases.version = excluded.version)`,
      state.caseId,
      state.version,
      JSON.stringify(state),
      JSON.stringify(summary),
      state.court.code,
      state.status,
      state.phase,
      state.officer,
      open,
      state.filedAt,
      normaliseCaseNumber(state.caseNumber),
      sweepAt,
      force ? 1 : 0,
    );
    if (written === 0) return;
    this.noteSweep(state.caseId, sweepAt);
    const all = previous === undefined || nodeContext(previous) !== nodeContext(state);
    const changed = Object.values(state.nodes).filter((node) => {
      const before = previous?.nodes[node.node];
      return all || !before || JSON.stringify(before) !== JSON.stringify(node);
    });
    this.putNodes(state, changed);
    if (previous === undefined) {
      // The parties in one statement.
      const parties = [...state.applicants, ...state.respondents];
      if (parties.length > 0)
        this.sql.run(
          `INSERT INTO case_parties (court, party_id, case_id) VALUES ${rows(parties.length, 3)} ON CONFLICT DO NOTHING`,
          ...parties.flatMap((party) => [state.court.code, party.partyId, state.caseId]),
        );
    }
  }

  /**
   * The node rows, in one statement. An unmet node of an unclosed case, not waiting on a suspension, is in the node
   * indexes (court, team, officer); any other is not.
   */
  private putNodes(state: EnforcementCase, nodes: readonly TimeNode[]): void {
    if (nodes.length === 0) return;
    const values = nodes.flatMap((node) => {
      const entry: NodeEntry = {
        caseId: state.caseId,
        caseNumber: state.caseNumber,
        court: state.court.code,
        ...(state.team ? { team: state.team } : {}),
        ...(state.officer ? { officer: state.officer } : {}),
        node,
      };
      return [
        state.caseId,
        node.node,
        state.court.code,
        state.team,
        state.officer,
        node.dueAt,
        nodeOnBoard(state, node) ? 1 : 0,
        JSON.stringify(entry),
      ];
    });
    this.sql.run(
      `INSERT INTO case_nodes (case_id, node, court, team, officer, due_at, indexed, entry) VALUES ${rows(nodes.length, 8)}
       ON CONFLICT (case_id, node) DO UPDATE SET court = excluded.court, team = excluded.team, officer = excluded.officer,
         due_at = excluded.due_at, indexed = excluded.indexed, entry = excluded.entry`,
      ...values,
    );
  }

  private commitsAfter(caseId: string, version: number): Commit[] {
    return this.sql
      .all<{ body: string }>('SELECT body FROM journal WHERE case_id = ? AND seq > ? ORDER BY seq', caseId, version)
      .map((row) => JSON.parse(row.body) as Commit);
  }

  async openCaseCounts(officerIds: readonly string[]): Promise<Record<string, number>> {
    this.flushHeld();
    // One query for all of them (it was one per officer: a dozen store operations at every triage).
    const counts: Record<string, number> = Object.fromEntries(officerIds.map((officer) => [officer, 0]));
    if (officerIds.length === 0) return counts;
    for (const row of this.sql.all<{ officer: string; n: number }>(
      `SELECT officer, COUNT(*) AS n FROM cases
       WHERE open = 1 AND officer IN (SELECT value FROM json_each(?)) GROUP BY officer`,
      JSON.stringify(officerIds),
    ))
      counts[row.officer] = row.n;
    return counts;
  }

  async list(filter: {
    readonly court?: string;
    readonly status?: string;
    readonly limit?: number;
  }): Promise<readonly CaseSummary[]> {
    this.flushHeld();
    if (!filter.court || !filter.status) {
      throw new Error('listing cases needs a court and a status (an index query, never a scan)');
    }
    return this.sql
      .all<{ summary: string }>(
        'SELECT summary FROM cases WHERE court = ? AND status = ? ORDER BY filed_at, case_id LIMIT ?',
        filter.court,
        filter.status,
        filter.limit ?? 100,
      )
      .map((row) => JSON.parse(row.summary) as CaseSummary);
  }

  async listByPhase(filter: {
    readonly court: string;
    readonly phase: Phase;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<Page<CaseSummary>> {
    this.flushHeld();
    const scope = `phase:${filter.court}:${filter.phase}`;
    const after = decodeCursor(filter.cursor, scope, 2, () => new InvalidCursorError());
    const rows = this.sql.all<{ summary: string; filed_at: string; case_id: string }>(
      `SELECT summary, filed_at, case_id FROM cases
       WHERE court = ? AND phase = ? AND open = 1 AND (filed_at, case_id) > (?, ?)
       ORDER BY filed_at, case_id LIMIT ?`,
      filter.court,
      filter.phase,
      after?.[0] ?? '',
      after?.[1] ?? '',
      filter.limit + 1,
    );
    return page(
      rows,
      filter.limit,
      scope,
      (row) => JSON.parse(row.summary) as CaseSummary,
      (row) => [row.filed_at, row.case_id],
    );
  }

  async countCases(filter: { readonly court: string; readonly status?: string; readonly phase?: Phase }) {
    this.flushHeld();
    const row = filter.phase
      ? this.sql.get<{ n: number }>(
          'SELECT COUNT(*) AS n FROM cases WHERE court = ? AND phase = ? AND open = 1',
          filter.court,
          filter.phase,
        )
      : this.sql.get<{ n: number }>(
          'SELECT COUNT(*) AS n FROM cases WHERE court = ? AND status = ?',
          filter.court,
          filter.status ?? '',
        );
    return row?.n ?? 0;
  }

  async nodes(filter: NodeFilter): Promise<Page<NodeEntry>> {
    this.flushHeld();
    const [column, value] = filter.officer
      ? ['officer', filter.officer]
      : filter.team
        ? ['team', filter.team]
        : ['court', filter.court];
    const scope = `nodes:${filter.court}:${column}:${value}:${filter.from ?? ''}:${filter.before}`;
    const after = decodeCursor(filter.cursor, scope, 3, () => new InvalidCursorError());
    const rows = this.sql.all<{ entry: string; due_at: string; case_id: string; node: string }>(
      `SELECT entry, due_at, case_id, node FROM case_nodes
       WHERE indexed = 1 AND court = ? AND ${column} = ? AND due_at >= ? AND due_at < ?
         AND (due_at, case_id, node) > (?, ?, ?)
       ORDER BY due_at, case_id, node LIMIT ?`,
      filter.court,
      value,
      filter.from ?? '',
      filter.before,
      after?.[0] ?? '',
      after?.[1] ?? '',
      after?.[2] ?? '',
      filter.limit + 1,
    );
    return page(
      rows,
      filter.limit,
      scope,
      (row) => JSON.parse(row.entry) as NodeEntry,
      (row) => [row.due_at, row.case_id, row.node],
    );
  }

  async findByCaseNumber(caseNumber: string): Promise<readonly CaseSummary[]> {
    this.flushHeld();
    return this.sql
      .all<{ summary: string }>(
        'SELECT summary FROM cases WHERE case_number = ? ORDER BY case_id LIMIT 10',
        normaliseCaseNumber(caseNumber),
      )
      .map((row) => JSON.parse(row.summary) as CaseSummary);
  }

  async findByParty(court: string, partyId: string, limit: number) {
    this.flushHeld();
    return this.sql.all<{ caseId: string; court: string }>(
      'SELECT case_id AS caseId, court FROM case_parties WHERE court = ? AND party_id = ? ORDER BY case_id LIMIT ?',
      court,
      partyId,
      limit,
    );
  }

  async dueForSweep(now: Instant, limit: number): Promise<readonly string[]> {
    this.flushHeld();
    return this.sql
      .all<{ case_id: string }>(
        'SELECT case_id FROM cases WHERE sweep_at IS NOT NULL AND sweep_at <= ? ORDER BY sweep_at, case_id LIMIT ?',
        now,
        limit,
      )
      .map((row) => row.case_id);
  }

  async nextSweepAt(): Promise<Instant | undefined> {
    this.flushHeld();
    if (!this.sweepMin) {
      const row = this.sql.get<{ at: string; caseId: string }>(
        'SELECT sweep_at AS at, case_id AS caseId FROM cases WHERE sweep_at IS NOT NULL ORDER BY sweep_at, case_id LIMIT 1',
      );
      this.sweepMin = row ? { at: row.at, caseId: row.caseId } : { at: undefined };
    }
    return this.sweepMin.at;
  }

  /** A case row written with its next sweep instant: what it does to the earliest known (sweepMin). */
  private noteSweep(caseId: string, at: Instant | undefined): void {
    const known = this.sweepMin;
    if (!known) return;
    if (known.at !== undefined && known.caseId === caseId) {
      // The earliest case moved: still the earliest if it did not move later; else some other case may be.
      this.sweepMin = at !== undefined && at <= known.at ? { at, caseId } : undefined;
    } else if (at !== undefined && (known.at === undefined || at < known.at)) this.sweepMin = { at, caseId };
  }
}

/** A page of at most `limit` rows from `limit + 1` read: the extra row says whether there is more. */
function page<R, T>(
  rows: readonly R[],
  limit: number,
  scope: string,
  map: (row: R) => T,
  key: (row: R) => string[],
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(map),
    ...(rows.length > limit && last ? { cursor: encodeCursor(scope, key(last)) } : {}),
  };
}
