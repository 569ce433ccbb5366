/**
 * A freeze, seal or deduction order goes to the bank or registry with its documents, and an entrustment to the
 * entrusted court with its letter: the order is recorded (freeze-ordered, deduction-ordered; the entrustment is
 * recorded by the caller before), the documents it calls for are issued (numbered, signed, archived, hashed on the
 * journal), and each item then references them by number, key and SHA-256, as the e-service request references
 * the notice. Where the runtime issues no documents the items go out as they were.
 */
import type { CaseEvent } from '#domain/case/events.ts';
import {
  DEDUCTION_DOCUMENT_KINDS,
  deductionAct,
  ENTRUSTMENT_DOCUMENT_KINDS,
  ORDER_DOCUMENT_KINDS,
  orderDocuments,
} from '#domain/documents/service-documents.ts';
import { derivedId } from '#domain/ids.ts';
import { fen } from '#domain/money.ts';
import type { RequestItem } from '#domain/partners/requests.ts';
import { mutateCase, SYSTEM } from './context.ts';
import { type IssuingDeps, issuePhaseDocuments } from './documents.ts';

export type OrderKind = 'freeze' | 'deduct' | 'entrust';

const ORDERED: Readonly<Record<Exclude<OrderKind, 'entrust'>, 'freeze-ordered' | 'deduction-ordered'>> = {
  freeze: 'freeze-ordered',
  deduct: 'deduction-ordered',
};

/** Records the order of the items not ordered before (a retried step finds them recorded). */
async function recordOrder(
  deps: IssuingDeps,
  caseId: string,
  execution: string,
  items: readonly RequestItem[],
  kind: Exclude<OrderKind, 'entrust'>,
): Promise<void> {
  const type = ORDERED[kind];
  const history = await deps.cases.history(caseId);
  const orderedBefore = new Set(
    history.flatMap((c) => c.events.flatMap((e) => (e.type === type ? e.orders.map((o) => o.assetId) : []))),
  );
  const fresh = items.filter((i) => i.assetId !== undefined && !orderedBefore.has(i.assetId));
  if (fresh.length === 0) return;
  const orders = fresh.map((i) => ({
    assetId: i.assetId ?? i.itemId,
    ...(i.amountFen !== undefined ? { amountFen: fen(i.amountFen) } : {}),
  }));
  const event: CaseEvent =
    type === 'freeze-ordered' ? { type: 'freeze-ordered', orders } : { type: 'deduction-ordered', orders };
  await mutateCase(deps, caseId, SYSTEM, { execution, step: kind }, () => ({ events: [event], result: undefined }));
}

export async function withOrderDocuments(
  deps: IssuingDeps,
  caseId: string,
  execution: string,
  items: readonly RequestItem[],
  kind: OrderKind = 'freeze',
): Promise<RequestItem[]> {
  if (kind !== 'entrust') await recordOrder(deps, caseId, execution, items, kind);
  if (!deps.issuing) return [...items];
  await issuePhaseDocuments(deps, caseId);
  const issued = await deps.issuing.archive.list(caseId);
  return items.map((item) => {
    const assetId = item.assetId ?? item.itemId;
    const documents =
      kind === 'freeze'
        ? orderDocuments(caseId, assetId, issued, ORDER_DOCUMENT_KINDS)
        : kind === 'deduct'
          ? orderDocuments(caseId, deductionAct(assetId), issued, DEDUCTION_DOCUMENT_KINDS)
          : orderDocuments(caseId, derivedId('m', caseId, assetId), issued, ENTRUSTMENT_DOCUMENT_KINDS);
    return documents.length > 0 ? { ...item, documents } : item;
  });
}
