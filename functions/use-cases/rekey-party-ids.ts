/**
 * Re-keying a case's party ids (from the unkeyed SHA-256 of releases before the installation key to the keyed
 * HMAC, domain/ids.ts): the store-independent part, shared by the embedded runtime's migration of an old data
 * directory and the one-off migration of a deployed stage (scripts/rekey-party-ids.ts). The case gets one journal
 * commit by the system actor `party-id-migration` with a `party-ids-rekeyed` event (old id -> new id): the audit
 * entry; the reducer renames the ids from there. A case already keyed gets nothing.
 */
import type { EnforcementCase } from '#domain/case/model.ts';
import { partyIdFor, unkeyedPartyIdFor } from '#domain/ids.ts';
import type { CaseRepository } from '#ports/case-repository.ts';
import type { Clock } from '#ports/clock.ts';
import { mutateCase } from './context.ts';

export const PARTY_ID_MIGRATION = { kind: 'system', id: 'party-id-migration' } as const;

function parties(state: EnforcementCase) {
  return [...state.applicants, ...state.respondents];
}

/** Old id -> keyed id, for the parties of `state` that still carry the unkeyed id of their ID number. */
export function unkeyedParties(state: EnforcementCase, key: Uint8Array): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const party of parties(state)) {
    if (party.partyId === unkeyedPartyIdFor(party.idNumber)) ids[party.partyId] = partyIdFor(party.idNumber, key);
  }
  return ids;
}

/**
 * Unkeyed id -> keyed id for every party of `state`, re-keyed or not: the records that name a party by its old id
 * (approvals, partner requests, index entries) are renamed with it even when the case itself was re-keyed by an
 * earlier, interrupted run.
 */
export function partyIdRenames(state: EnforcementCase, key: Uint8Array): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const party of parties(state)) {
    const old = unkeyedPartyIdFor(party.idNumber);
    const keyed = partyIdFor(party.idNumber, key);
    if (old !== keyed) ids[old] = keyed;
  }
  return ids;
}

/** Re-keys one case: the audit commit when some party still carries an unkeyed id, nothing otherwise. */
export async function rekeyCase(
  deps: { readonly cases: CaseRepository; readonly clock: Clock },
  caseId: string,
  key: Uint8Array,
): Promise<{ readonly state: EnforcementCase; readonly rekeyed: number }> {
  const { state, result } = await mutateCase(
    deps,
    caseId,
    PARTY_ID_MIGRATION,
    { migration: 'party-ids-keyed' },
    (current) => {
      const still = unkeyedParties(current, key);
      const count = Object.keys(still).length;
      return { events: count > 0 ? [{ type: 'party-ids-rekeyed', ids: still }] : [], result: count };
    },
  );
  return { state, rekeyed: result };
}
