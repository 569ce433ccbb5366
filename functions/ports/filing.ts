import type { Instant } from '#domain/calendar/local-date.ts';

/**
 * A request to the court's filing system (立案系统) to file a resumed case (恢复执行) for one closed as 终本: case
 * numbers are the filing system's to give. Ids and amounts only: the filing system holds the parties.
 */
export interface ResumptionRequest {
  /** Deterministic: the same re-query finding asks once. */
  readonly requestId: string;
  readonly caseId: string;
  readonly court: string;
  readonly caseNumber: string;
  readonly outstandingFen: number;
  readonly requestedAt: Instant;
  /** What was found, in Chinese, without personal data. */
  readonly reason: string;
}

/**
 * A request to file a reversal (执行回转, REVERSAL) as a new case: the title of `caseNumber` was set aside after
 * execution and a ruling ordered `returnFen` returned. The new case names the old one (intake v3 `reversalOf`).
 */
export interface ReversalRequest {
  readonly requestId: string;
  readonly caseId: string;
  readonly court: string;
  readonly caseNumber: string;
  readonly returnFen: number;
  /** The document that set the title aside. */
  readonly setAsideBy: string;
  readonly requestedAt: Instant;
}

/** The filing system files the resumed case through the normal intake path (kind `resumed`), and a reversal. */
export interface FilingSystem {
  requestResumption(request: ResumptionRequest): Promise<void>;
  requestReversal(request: ReversalRequest): Promise<void>;
}
