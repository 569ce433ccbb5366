import type { Instant } from '#domain/calendar/local-date.ts';
import type { Actor, CaseEvent, Commit } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
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
  readonly filedAt: Instant;
}

export interface CaseQueries {
  /** Open cases per handling officer, for load-based assignment. */
  openCaseCounts(officerIds: readonly string[]): Promise<Record<string, number>>;
  list(filter: {
    readonly court?: string;
    readonly status?: CaseStatus;
    readonly limit?: number;
  }): Promise<readonly CaseSummary[]>;
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
