/**
 * The DynamoDB layout, shared by the CDK app (which creates the tables) and the embedded runtime (which creates
 * them in its local store). One place, so both always agree.
 */
export interface TableNames {
  readonly cases: string;
  readonly journal: string;
  readonly idempotency: string;
}

export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N';
}

/**
 * What a global secondary index holds besides its keys and the table's: everything (ALL), nothing (KEYS_ONLY), or
 * the attributes named (INCLUDE). An index write costs by the size of what the index holds (1 KB a unit, 100 bytes
 * of overhead an entry), so an index holds what its queries read and no more.
 */
export type IndexProjection =
  | { readonly type: 'ALL' }
  | { readonly type: 'KEYS_ONLY' }
  | { readonly type: 'INCLUDE'; readonly attributes: readonly string[] };

export interface IndexLayout {
  readonly name: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  /** @default ALL */
  readonly projection?: IndexProjection;
}

export interface TableLayout {
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly indexes: readonly IndexLayout[];
  readonly timeToLiveAttribute?: string;
}

/**
 * cases: single table. Items: case records (CASE#id / CASE: the whole case, in no index), their index entries
 * (CASE#id / INDEX: summary and index keys), their sweep entries (CASE#id / SWEEP: when the sweeper is next due), time nodes (CASE#id / NODE#node) and parties (CASE#id / PARTY#party), approvals (APPROVAL#id), partner requests (REQUEST#id), rejected intake events
 * (INTAKE#REJECTED), matters other courts entrusted to this one (RECEIVED#id). Every index is sparse and overloaded,
 * keyed for one access pattern each (nothing scans):
 * - gsi1: pending approvals per court (by due time); cases by court and status (by filing time); received matters
 *   per court (by the date received); held preservations per court (by earliest expiry);
 * - gsi2: cases per officer (open first), for load-based assignment and workload; preservations per court (by the
 *   ruling date);
 * - gsi3: cases with something due for the node sweeper (SWEEP#shard, by the instant); open nodes per court
 *   (by due time); cases by party id;
 * - gsi4: open nodes per team (by due time); unclosed cases per court and phase; pending approvals per court and
 *   role (by the time they were requested: the longest waiting first);
 * - gsi5: open nodes per officer (by due time); cases by case number.
 * A query reads only the entries of its answer, so its cost grows with the answer, not with the number of cases.
 */
export const CASES_LAYOUT: TableLayout = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  indexes: [
    { name: 'gsi1', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
    { name: 'gsi2', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
    { name: 'gsi3', partitionKey: { name: 'gsi3pk', type: 'S' }, sortKey: { name: 'gsi3sk', type: 'S' } },
    { name: 'gsi4', partitionKey: { name: 'gsi4pk', type: 'S' }, sortKey: { name: 'gsi4sk', type: 'S' } },
    { name: 'gsi5', partitionKey: { name: 'gsi5pk', type: 'S' }, sortKey: { name: 'gsi5sk', type: 'S' } },
  ],
};

/** The sweep index is spread over this many partitions (each case in one, by its id), read one by one. */
export const SWEEP_SHARDS = 4;

export function sweepShard(caseId: string): number {
  return caseId.charCodeAt(caseId.length - 1) % SWEEP_SHARDS;
}

/** journal: the append-only, hash-chained commits of each case. Writers need only PutItem and Query. */
export const JOURNAL_LAYOUT: TableLayout = {
  partitionKey: { name: 'caseId', type: 'S' },
  sortKey: { name: 'seq', type: 'N' },
  indexes: [],
};

/** idempotency: Powertools idempotency records for intake (keyed by the EventBridge event id). */
export const IDEMPOTENCY_LAYOUT: TableLayout = {
  partitionKey: { name: 'id', type: 'S' },
  indexes: [],
  timeToLiveAttribute: 'expiration',
};

export const keys = {
  case: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CASE' }),
  caseIndex: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'INDEX' }),
  /** When the node sweeper next has something to do on the case (absent: nothing scheduled). */
  caseSweep: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'SWEEP' }),
  approval: (approvalId: string) => ({ pk: `APPROVAL#${approvalId}`, sk: 'APPROVAL' }),
  request: (requestId: string) => ({ pk: `REQUEST#${requestId}`, sk: 'REQUEST' }),
  rejection: (at: string, eventId: string) => ({ pk: 'INTAKE#REJECTED', sk: `${at}#${eventId}` }),
  casesByStatus: (court: string, status: string) => `COURT#${court}#STATUS#${status}`,
  pendingApprovals: (court: string) => `COURT#${court}#APPROVALS#PENDING`,
  officer: (userId: string) => `OFFICER#${userId}`,
  node: (caseId: string, node: string) => ({ pk: `CASE#${caseId}`, sk: `NODE#${node}` }),
  party: (caseId: string, partyId: string) => ({ pk: `CASE#${caseId}`, sk: `PARTY#${partyId}` }),
  sweep: (shard: number) => `SWEEP#${shard}`,
  nodesByCourt: (court: string) => `NODES#COURT#${court}`,
  nodesByTeam: (court: string, team: string) => `NODES#TEAM#${court}#${team}`,
  nodesByOfficer: (userId: string) => `NODES#OFFICER#${userId}`,
  casesByPhase: (court: string, phase: string) => `COURT#${court}#PHASE#${phase}`,
  caseNumber: (caseNumber: string) => `CASENO#${caseNumber}`,
  /** A party's cases in one court: a lookup never reads (nor is limited by) another court's cases. */
  caseParty: (court: string, partyId: string) => `PARTY#${court}#${partyId}`,
  approvalsByRole: (court: string, role: string) => `COURT#${court}#APPROVALS#ROLE#${role}`,
  received: (matterId: string) => ({ pk: `RECEIVED#${matterId}`, sk: 'RECEIVED' }),
  receivedByCourt: (court: string) => `COURT#${court}#RECEIVED`,
  preservation: (preservationId: string) => ({ pk: `PRESERVATION#${preservationId}`, sk: 'PRESERVATION' }),
  /** Held preservations (not yet carried into a case) per court, by earliest expiry: sparse. */
  heldPreservations: (court: string) => `COURT#${court}#PRESERVATIONS#HELD`,
  preservationsByCourt: (court: string) => `COURT#${court}#PRESERVATIONS`,
} as const;
