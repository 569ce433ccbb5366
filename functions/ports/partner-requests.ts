import type { Instant } from '#domain/calendar/local-date.ts';
import type { PartnerKind, RequestItem } from '#domain/partners/requests.ts';

export type { PartnerKind, RequestItem };

/** One request to an outside party (e-service platform, bank network, registry, another court). */
export interface PartnerRequest {
  readonly requestId: string;
  readonly caseId: string;
  readonly court: string;
  readonly kind: PartnerKind;
  /** Kind-specific mode, e.g. the service method. */
  readonly method?: string;
  /** What was asked: ids and amounts, never documents. Each item is answered on its own. */
  readonly items: readonly RequestItem[];
  readonly createdAt: Instant;
  readonly dueAt: Instant;
  readonly execution: string;
  /** `superseded`: the case no longer needs the answer (the respondent performed while it was awaited). */
  readonly status: 'pending' | 'complete' | 'timed-out' | 'superseded';
  readonly dispatchedAt?: Instant;
  readonly answers: readonly PartnerAnswer[];
}

export interface PartnerAnswer {
  readonly itemId: string;
  readonly at: Instant;
  readonly outcome: 'ok' | 'failed';
  /** Kind-specific result (found assets, frozen amount, delivery receipt), validated when recorded on the case. */
  readonly result: unknown;
  /** Arrived after the request completed or timed out: kept, but not acted on. */
  readonly late?: boolean;
}

export type NewPartnerRequest = Omit<PartnerRequest, 'status' | 'answers' | 'dispatchedAt'>;

export interface PartnerRequestStore {
  /** Creates the request once; a repeat with the same id returns the stored one. */
  create(request: NewPartnerRequest): Promise<PartnerRequest>;
  get(requestId: string): Promise<PartnerRequest | undefined>;
  /** Attaches the task token of the waiting execution, only while pending. Undefined if no longer pending. */
  attachToken(requestId: string, token: string): Promise<PartnerRequest | undefined>;
  markDispatched(requestId: string, at: Instant): Promise<void>;
  /**
   * Records an answer (the first answer per item counts). When every item has one, completes the request and
   * returns its token; a repeat of the completing answer returns it again until it is cleared. Answers after
   * completion or timeout are kept as late.
   */
  addAnswer(
    requestId: string,
    answer: PartnerAnswer,
  ): Promise<{ readonly request: PartnerRequest; readonly token?: string }>;
  /** pending -> timed-out; false if it was no longer pending. */
  markTimedOut(requestId: string): Promise<boolean>;
  /**
   * pending -> superseded, handing out the token of the execution waiting for it (if one is attached), so that it
   * can be woken. Undefined if the request was no longer pending. Later answers are kept as late.
   */
  supersede(requestId: string): Promise<{ readonly token?: string } | undefined>;
  /** The token has been used (or is dead): remove it. */
  clearToken(requestId: string): Promise<void>;
}

/** Sends requests to the outside world. Answers come back through the partner-answer use case. */
export interface PartnerGateway {
  send(request: PartnerRequest): Promise<void>;
}

export class PartnerRequestNotFoundError extends Error {
  constructor(requestId: string) {
    super(`no partner request ${requestId}`);
    this.name = 'PartnerRequestNotFoundError';
  }
}
