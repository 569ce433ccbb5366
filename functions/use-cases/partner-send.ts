import type { EnforcementCase } from '#domain/case/model.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import type { Deps } from './context.ts';

/** Creates (once) and sends (once) a request the case has recorded as sent: a crash in between is made good. */
export async function ensureSent(
  deps: Pick<Deps, 'requests' | 'partners' | 'clock'>,
  state: EnforcementCase,
  spec: Pick<PartnerRequest, 'requestId' | 'kind' | 'items' | 'dueAt' | 'execution'> & { method?: string },
): Promise<void> {
  const created = await deps.requests.create({
    requestId: spec.requestId,
    caseId: state.caseId,
    court: state.court.code,
    kind: spec.kind,
    ...(spec.method ? { method: spec.method } : {}),
    items: spec.items,
    createdAt: deps.clock.now(),
    dueAt: spec.dueAt,
    execution: spec.execution,
  });
  if (created.dispatchedAt || created.status !== 'pending') return;
  await deps.partners.send(created);
  await deps.requests.markDispatched(created.requestId, deps.clock.now());
}
