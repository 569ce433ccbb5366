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

export interface TableLayout {
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly indexes: readonly {
    readonly name: string;
    readonly partitionKey: KeyAttribute;
    readonly sortKey: KeyAttribute;
  }[];
  readonly timeToLiveAttribute?: string;
}

/**
 * cases: single table. Items: case records (CASE#id), approvals (APPROVAL#id), partner requests (REQUEST#id),
 * rejected intake events (INTAKE#REJECTED), matters other courts entrusted (RECEIVED#id). GSI1: pending approvals
 * per court, cases by court and status, received matters per court by the date received.
 * GSI2: cases per officer (open first), for load-based assignment.
 */
export const CASES_LAYOUT: TableLayout = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  indexes: [
    { name: 'gsi1', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
    { name: 'gsi2', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
  ],
};

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
  approval: (approvalId: string) => ({ pk: `APPROVAL#${approvalId}`, sk: 'APPROVAL' }),
  request: (requestId: string) => ({ pk: `REQUEST#${requestId}`, sk: 'REQUEST' }),
  rejection: (at: string, eventId: string) => ({ pk: 'INTAKE#REJECTED', sk: `${at}#${eventId}` }),
  casesByStatus: (court: string, status: string) => `COURT#${court}#STATUS#${status}`,
  pendingApprovals: (court: string) => `COURT#${court}#APPROVALS#PENDING`,
  officer: (userId: string) => `OFFICER#${userId}`,
  received: (matterId: string) => ({ pk: `RECEIVED#${matterId}`, sk: 'RECEIVED' }),
  receivedByCourt: (court: string) => `COURT#${court}#RECEIVED`,
} as const;
