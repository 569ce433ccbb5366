import type { Instant } from '#domain/calendar/local-date.ts';
import type { Actor, CaseEvent, Commit } from '#domain/case/events.ts';
import type { EnforcementCase, Phase, TimeNode } from '#domain/case/model.ts';
import type { CaseStatus } from '#domain/case/status.ts';

export interface CommitDraft {
  readonly at: Instant;
  readonly actor: Actor;
  readonly events: readonly CaseEvent[];
  readonly cause: Readonly<Record<string, string>>;
}

/**
 * The case store. A case is its journal of hash-chained commits; the case record is a projection of it.
 * `append` is the optimistic lock: it succeeds only at `expectedVersion + 1`.
 */
export interface CaseRepository {
  load(caseId: string): Promise<EnforcementCase | undefined>;
  history(caseId: string): Promise<readonly Commit[]>;
  /** Writes the first commit; fails with CaseAlreadyExistsError if the case exists. */
  create(caseId: string, draft: CommitDraft): Promise<EnforcementCase>;
  append(current: EnforcementCase, draft: CommitDraft): Promise<EnforcementCase>;
  /**
   * Rewrites the case record if the last load found it behind the journal (a writer died between the two
   * writes). Called by writers that had nothing to write, so that a finished case is repaired too.
   */
  catchUp(state: EnforcementCase): Promise<void>;
}

export interface CaseSummary {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly court: string;
  readonly status: CaseStatus;
  readonly officer?: string;
  readonly team?: string;
  readonly phase?: Phase;
  readonly filedAt: Instant;
}

/** The summary of a case as the lists and lookups show it. */
export function caseSummary(state: EnforcementCase): CaseSummary {
  return {
    caseId: state.caseId,
    caseNumber: state.caseNumber,
    court: state.court.code,
    status: state.status,
    filedAt: state.filedAt,
    ...(state.officer ? { officer: state.officer } : {}),
    ...(state.team ? { team: state.team } : {}),
    ...(state.phase ? { phase: state.phase } : {}),
  };
}

/** An open (unmet) time node as the indexes hold it: enough for a list, without loading the case. */
export interface NodeEntry {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly court: string;
  readonly team?: string;
  readonly officer?: string;
  readonly node: TimeNode;
}

/** A page of an index query; `cursor` continues it. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly cursor?: string;
}

export interface NodeFilter {
  readonly court: string;
  /** One team's or one officer's nodes instead of the whole court's. */
  readonly team?: string;
  readonly officer?: string;
  /** Due at or after this instant (absent: from the oldest). */
  readonly from?: Instant;
  /** Due before this instant. */
  readonly before: Instant;
  readonly limit: number;
  readonly cursor?: string;
}

export interface CaseQueries {
  /** Open cases per handling officer, for load-based assignment and workload. */
  openCaseCounts(officerIds: readonly string[]): Promise<Record<string, number>>;
  list(filter: {
    readonly court?: string;
    readonly status?: CaseStatus;
    readonly limit?: number;
  }): Promise<readonly CaseSummary[]>;
  /** Unclosed cases of a court in one phase, by filing time. */
  listByPhase(filter: {
    readonly court: string;
    readonly phase: Phase;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<Page<CaseSummary>>;
  /** How many cases of a court are in this status (or, unclosed, in this phase). */
  countCases(filter: { readonly court: string; readonly status?: CaseStatus; readonly phase?: Phase }): Promise<number>;
  /** Open nodes by due time, of a court, a team or an officer. */
  nodes(filter: NodeFilter): Promise<Page<NodeEntry>>;
  /** Cases under this case number (one, unless two courts used the same number). */
  findByCaseNumber(caseNumber: string): Promise<readonly CaseSummary[]>;
  /** The ids of one court's cases where this party is an applicant or a respondent (with the court). */
  findByParty(
    court: string,
    partyId: string,
    limit: number,
  ): Promise<readonly { readonly caseId: string; readonly court: string }[]>;
  /** Cases with something due for the node sweeper at or before `now` (ids), earliest first. */
  dueForSweep(now: Instant, limit: number): Promise<readonly string[]>;
  /** The earliest instant any case has something due for the sweeper. */
  nextSweepAt(): Promise<Instant | undefined>;
  /** Writes the case's index entries again from the case (after a change of rules, or a stale entry). */
  reindex(state: EnforcementCase): Promise<void>;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not valid for this query');
    this.name = 'InvalidCursorError';
  }
}

export class CaseNotFoundError extends Error {
  constructor(caseId: string) {
    super(`no case ${caseId}`);
    this.name = 'CaseNotFoundError';
  }
}

export class CaseAlreadyExistsError extends Error {
  constructor(caseId: string) {
    super(`case ${caseId} already exists`);
    this.name = 'CaseAlreadyExistsError';
  }
}

export class ConcurrentUpdateError extends Error {
  constructor(caseId: string, version: number) {
    super(`case ${caseId} changed after version ${version}`);
    this.name = 'ConcurrentUpdateError';
  }
}
