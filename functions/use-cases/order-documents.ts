/**
 * A freeze or seal order goes to the bank or registry with its documents: the order is recorded (freeze-ordered),
 * the ruling and the assistance notice it calls for are issued (numbered, signed, archived, hashed on the journal),
 * and each order's item then references its two documents by number, key and SHA-256, as the e-service request
 * references the notice. Where the runtime issues no documents the items go out as they were.
 */
import { orderDocuments } from '#domain/documents/service-documents.ts';
import { fen } from '#domain/money.ts';
import type { RequestItem } from '#domain/partners/requests.ts';
import { mutateCase, SYSTEM } from './context.ts';
import { type IssuingDeps, issuePhaseDocuments } from './documents.ts';

export async function withOrderDocuments(
  deps: IssuingDeps,
  caseId: string,
  execution: string,
  items: readonly RequestItem[],
): Promise<RequestItem[]> {
  const history = await deps.cases.history(caseId);
  const orderedBefore = new Set(
    history.flatMap((c) =>
      c.events.flatMap((e) => (e.type === 'freeze-ordered' ? e.orders.map((o) => o.assetId) : [])),
    ),
  );
  const fresh = items.filter((i) => i.assetId !== undefined && !orderedBefore.has(i.assetId));
  if (fresh.length > 0) {
    await mutateCase(deps, caseId, SYSTEM, { execution, step: 'freeze' }, () => ({
      events: [
        {
          type: 'freeze-ordered',
          orders: fresh.map((i) => ({
            assetId: i.assetId ?? i.itemId,
            ...(i.amountFen !== undefined ? { amountFen: fen(i.amountFen) } : {}),
          })),
        },
      ],
      result: undefined,
    }));
  }
  if (!deps.issuing) return [...items];
  await issuePhaseDocuments(deps, caseId);
  const issued = await deps.issuing.archive.list(caseId);
  return items.map((item) => {
    const documents = orderDocuments(caseId, item.assetId ?? item.itemId, issued);
    return documents.length > 0 ? { ...item, documents } : item;
  });
}
