/**
 * What the case store projects a case into in the cases table (functions/adapters/dynamodb/case-repository.ts): the
 * case record, its index entry, its sweep entry, one item per time node and one per party; and how a commit tells
 * which of them changed (compared with what is stored, on everything but the version they were written at).
 * docs/case-store-writes.md.
 */
import type { Instant } from '#domain/calendar/local-date.ts';
import type { EnforcementCase, TimeNode } from '#domain/case/model.ts';
import { nodeOnBoard } from '#domain/case/node-watch.ts';
import { normaliseCaseNumber } from '#domain/ids.ts';
import { caseSummary, type NodeEntry } from '#ports/case-repository.ts';
import { keys, sweepShard } from './tables.ts';

/** The officer index's sort key prefixes: a case is open or closed. */
export const OPEN = 'open';
export const CLOSED = 'closed';

/** An unmet node of an unclosed case, not waiting on a suspension, is in the node indexes; any other is not. */
function nodeItem(state: EnforcementCase, node: TimeNode): Record<string, unknown> {
  const entry: NodeEntry = {
    caseId: state.caseId,
    caseNumber: state.caseNumber,
    court: state.court.code,
    ...(state.team ? { team: state.team } : {}),
    ...(state.officer ? { officer: state.officer } : {}),
    node,
  };
  const indexed = nodeOnBoard(state, node);
  const sk = `${node.dueAt}#${state.caseId}#${node.node}`;
  return {
    ...keys.node(state.caseId, node.node),
    entry,
    ...(indexed
      ? {
          gsi3pk: keys.nodesByCourt(state.court.code),
          gsi3sk: sk,
          ...(state.team ? { gsi4pk: keys.nodesByTeam(state.court.code, state.team), gsi4sk: sk } : {}),
          ...(state.officer ? { gsi5pk: keys.nodesByOfficer(state.officer), gsi5sk: sk } : {}),
        }
      : {}),
  };
}

/**
 * The case record (the whole case, about 5 KB: 5 write units) is written at most every RECORD_EVERY commits, on
 * the first, and when the case closes; a load reads the record and the journal's commits after it (at most
 * RECORD_EVERY - 1, about 1 KB each), as it always did. Measured: docs/case-store-writes.md.
 */
export const RECORD_EVERY = 4;

/** The sort keys (or their prefixes) of the projection items besides the record, in sort order. */
export const PROJECTED_SORT_KEYS = [keys.caseIndex('').sk, 'NODE#', 'PARTY#', keys.caseSweep('').sk] as const;

export function itemId(item: Record<string, unknown>): string {
  return `${String(item.pk)}|${String(item.sk)}`;
}

/** Canonical JSON (keys sorted at every level). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** An item as comparable text: everything but the version it was written at. */
export function comparable(item: Record<string, unknown>): string {
  const { version: _version, ...rest } = item;
  return canonical(rest);
}

/**
 * The items that project a case into the cases table: its record (the whole case, in no index), its index entry
 * (summary and index keys), one item per time node and one per party. Each carries the case version it was written
 * at. A commit writes the record and those of the others that differ from what is stored. Exported for tools that
 * load many cases at once (bench/), so that they write exactly what the repository writes.
 */
export function projectionItems(
  state: EnforcementCase,
  sweepAt: Instant | undefined,
): { record: Record<string, unknown>; entries: Record<string, unknown>[] } {
  const summary = caseSummary(state);
  const open = state.status !== 'closed';
  // The record holds the whole case and is in no index; its index entry is small, so that every index holds small
  // items and an index query reads only what its answer needs.
  const record = { ...keys.case(state.caseId), version: state.version, data: state, summary };
  const entries: Record<string, unknown>[] = [
    {
      ...keys.caseIndex(state.caseId),
      version: state.version,
      summary,
      caseId: state.caseId,
      gsi1pk: keys.casesByStatus(state.court.code, state.status),
      gsi1sk: `${state.filedAt}#${state.caseId}`,
      ...(state.officer
        ? { gsi2pk: keys.officer(state.officer), gsi2sk: `${open ? OPEN : CLOSED}#${state.caseId}` }
        : {}),
      ...(state.phase && open
        ? { gsi4pk: keys.casesByPhase(state.court.code, state.phase), gsi4sk: `${state.filedAt}#${state.caseId}` }
        : {}),
      gsi5pk: keys.caseNumber(normaliseCaseNumber(state.caseNumber)),
      gsi5sk: state.caseId,
    },
  ];
  // When the node sweeper next has something to do: an item of its own, as it changes far more often than the
  // summary (a sweep-only change writes this small item and the sweep index, not the index entry in five indexes).
  if (sweepAt)
    entries.push({
      ...keys.caseSweep(state.caseId),
      caseId: state.caseId,
      version: state.version,
      gsi3pk: keys.sweep(sweepShard(state.caseId)),
      gsi3sk: `${sweepAt}#${state.caseId}`,
    });
  for (const node of Object.values(state.nodes)) entries.push({ ...nodeItem(state, node), version: state.version });
  for (const party of [...state.applicants, ...state.respondents]) {
    // Who is a party never changes: the entry names the case, whose current summary the reader looks up.
    entries.push({
      ...keys.party(state.caseId, party.partyId),
      caseId: state.caseId,
      court: state.court.code,
      version: state.version,
      gsi3pk: keys.caseParty(state.court.code, party.partyId),
      gsi3sk: state.caseId,
    });
  }
  return { record, entries };
}
