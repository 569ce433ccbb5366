/**
 * Shared checks for the workflow scenarios on the documents orders carry (issue 16): what each partner request
 * carried and what was archived when it went out, a partner handed an altered copy, and the receipt naming what
 * was sent.
 */
import { expect } from 'vitest';
import type { DocumentReference } from '#domain/documents/service-documents.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import { localDocuments } from '../../local/runtime/documents.ts';
import type { Scenario } from './runtime.ts';

/** Records what each partner request of `kind` carried, and what was archived when it was sent. */
export function watchSends(s: Scenario, kind: PartnerRequest['kind']) {
  const sent: { request: PartnerRequest; archivedIds: string[] }[] = [];
  const original = s.runtime.deps.partners.send.bind(s.runtime.deps.partners);
  s.runtime.deps.partners.send = async (request) => {
    if (request.kind === kind) {
      const archived = await localDocuments(s.runtime).archive.list(request.caseId);
      sent.push({ request, archivedIds: archived.map((d) => d.docId) });
    }
    return original(request);
  };
  return sent;
}

/** The partner is handed, for each request that `match`es, every item's documents as `alter` makes them. */
export function alterSentDocuments(
  s: Scenario,
  match: (request: PartnerRequest) => boolean,
  alter: (documents: readonly DocumentReference[]) => DocumentReference[],
): void {
  const original = s.runtime.deps.partners.send.bind(s.runtime.deps.partners);
  s.runtime.deps.partners.send = async (request) =>
    original(
      match(request)
        ? {
            ...request,
            items: request.items.map((i) => ({
              ...i,
              documents: i.documents === undefined ? undefined : alter(i.documents),
            })),
          }
        : request,
    );
}

/** The partner's answer to the request names each carried document by its number and SHA-256. */
export async function expectReceiptNames(
  s: Scenario,
  requestId: string | undefined,
  carried: readonly DocumentReference[],
): Promise<void> {
  const answered = await s.runtime.deps.requests.get(requestId ?? '');
  expect(answered?.answers[0]?.result).toMatchObject({
    documents: carried.map((d) => ({ number: d.number, sha256: d.sha256 })),
  });
}
