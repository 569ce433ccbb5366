/** Preparing and dispatching requests to outside parties. */
import type { Period } from '#domain/calendar/legal-calendar.ts';
import { chinaDateOf, endOfChinaDay, type Instant, secondsUntil } from '#domain/calendar/local-date.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { requestIdFor } from '#domain/ids.ts';
import type { PartnerKind, RequestItem } from '#domain/partners/requests.ts';
import { type PartnerRequest, PartnerRequestNotFoundError } from '#ports/partner-requests.ts';
import type { Deps } from './context.ts';

/** What a workflow needs to wait for a request: its id and how long the wait may last. */
export interface WaitTerms {
  readonly requestId: string;
  readonly timeoutSeconds: number;
}

export interface RequestSpec {
  readonly kind: PartnerKind;
  readonly round: number;
  readonly items: readonly RequestItem[];
  /** How long the wait may last, from today (China time); or an exact due instant. */
  readonly period: Period | { readonly dueAt: Instant };
  readonly method?: string;
  /** Tells apart requests of one kind in one execution (e.g. which publication). */
  readonly tag?: string;
  /**
   * What the request id is derived from, with the kind and round: the execution by default; the case for a
   * request staff or the case account must be able to find (one per case).
   */
  readonly scope?: string;
}

/** Creates the request record (once: a retried step finds the one it made) and returns the wait terms. */
export async function ensureRequest(
  deps: Pick<Deps, 'requests' | 'clock' | 'calendar'>,
  state: EnforcementCase,
  execution: string,
  spec: RequestSpec,
): Promise<WaitTerms & { readonly request: PartnerRequest }> {
  const requestId = requestIdFor(
    spec.scope ?? execution,
    spec.tag ? `${spec.kind}:${spec.tag}` : spec.kind,
    spec.round,
  );
  const now = deps.clock.now();
  const dueAt =
    'dueAt' in spec.period
      ? spec.period.dueAt
      : endOfChinaDay(deps.calendar.periodEnd(chinaDateOf(now), spec.period).date);
  const request = await deps.requests.create({
    requestId,
    caseId: state.caseId,
    court: state.court.code,
    kind: spec.kind,
    ...(spec.method ? { method: spec.method } : {}),
    items: spec.items,
    createdAt: now,
    dueAt,
    execution,
  });
  return { requestId, request, timeoutSeconds: Math.max(1, secondsUntil(deps.clock.now(), request.dueAt)) };
}

/**
 * After a wait: the request as it stands, closed to further on-time answers. Still pending means the wait timed
 * out; it is marked so, then read again, so that an answer landing meanwhile is not lost.
 */
export async function settleRequest(deps: Pick<Deps, 'requests'>, requestId: string): Promise<PartnerRequest> {
  const request = await getRequest(deps, requestId);
  if (request.status !== 'pending') return request;
  await deps.requests.markTimedOut(requestId);
  return getRequest(deps, requestId);
}

/** The request was answered or timed out before this wait began (a re-entered step): go straight to recording. */
export class PartnerRequestSettledError extends Error {
  constructor(requestId: string, status: string) {
    super(`request ${requestId} is already ${status}`);
    this.name = 'PartnerRequestSettled';
  }
}

export async function getRequest(deps: Pick<Deps, 'requests'>, requestId: string): Promise<PartnerRequest> {
  const request = await deps.requests.get(requestId);
  if (!request) throw new PartnerRequestNotFoundError(requestId);
  return request;
}

/**
 * The waiting step: attach the execution's task token to the request, then send it (once). A partner can only
 * answer what it was sent, and the token is stored before sending, so no answer can miss the token.
 */
export function dispatchRequest(deps: Pick<Deps, 'requests' | 'partners' | 'clock'>) {
  return async (input: {
    readonly requestId: string;
    readonly taskToken: string;
  }): Promise<{ dispatched: boolean }> => {
    const request = await deps.requests.attachToken(input.requestId, input.taskToken);
    if (!request) {
      const existing = await getRequest(deps, input.requestId);
      throw new PartnerRequestSettledError(existing.requestId, existing.status);
    }
    if (request.dispatchedAt) return { dispatched: false };
    await deps.partners.send(request);
    await deps.requests.markDispatched(request.requestId, deps.clock.now());
    return { dispatched: true };
  };
}
