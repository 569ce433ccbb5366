import { fen, plus } from '../money.ts';
import type { CaseEvent, Commit } from './events.ts';
import type { Asset, EnforcementCase, LedgerEntry } from './model.ts';
import { assertTransition } from './status.ts';

export class CaseStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseStateError';
  }
}

function withAsset(state: EnforcementCase, assetId: string, change: (asset: Asset) => Asset): EnforcementCase {
  const asset = state.assets[assetId];
  if (!asset) throw new CaseStateError(`case ${state.caseId} has no asset ${assetId}`);
  return { ...state, assets: { ...state.assets, [assetId]: change(asset) } };
}

/** Applies one event. Pure: the same events always fold to the same case. */
export function applyEvent(state: EnforcementCase | undefined, event: CaseEvent, at: string): EnforcementCase {
  if (event.type === 'case-filed') {
    if (state) throw new CaseStateError(`case ${state.caseId} is already filed`);
    return {
      caseId: '',
      court: event.court,
      caseNumber: event.caseNumber,
      kind: event.kind,
      filedAt: event.filedAt,
      ...(event.previousCaseNumber ? { previousCaseNumber: event.previousCaseNumber } : {}),
      applicants: event.applicants,
      respondents: event.respondents,
      basis: event.basis,
      claim: event.claim,
      status: 'filed',
      phaseRuns: {},
      nodes: {},
      documents: [],
      service: { requests: [], attempts: [], served: {} },
      assets: {},
      entrustments: {},
      ledger: [],
      approvals: {},
      version: 0,
      head: '',
    };
  }
  if (!state) throw new CaseStateError(`event ${event.type} before the case was filed`);
  switch (event.type) {
    case 'status-changed': {
      // The transition table is enforced here, where every state change passes: nothing else can bypass it.
      if (event.from !== state.status) {
        throw new CaseStateError(`case ${state.caseId} is ${state.status}, not ${event.from}`);
      }
      assertTransition(event.from, event.to);
      const attention =
        event.to === 'needs-attention'
          ? state.attention
          : state.status === 'needs-attention'
            ? undefined
            : state.attention;
      const { attention: _dropped, ...rest } = state;
      return { ...rest, status: event.to, ...(attention ? { attention } : {}) };
    }
    case 'phase-started':
      return { ...state, phase: event.phase, phaseRuns: { ...state.phaseRuns, [event.phase]: event.run } };
    case 'case-triaged':
      return { ...state, track: event.track, team: event.team, officer: event.officer };
    case 'node-set':
      return { ...state, nodes: { ...state.nodes, [event.node.node]: event.node } };
    case 'node-met':
    case 'node-overdue': {
      const node = state.nodes[event.node];
      if (!node) throw new CaseStateError(`case ${state.caseId} has no time node ${event.node}`);
      const updated =
        event.type === 'node-met'
          ? { ...node, status: 'met' as const, metAt: event.at }
          : { ...node, status: 'overdue' as const };
      return { ...state, nodes: { ...state.nodes, [event.node]: updated } };
    }
    case 'documents-issued':
      return {
        ...state,
        documents: [...state.documents, ...event.documents.map((doc) => ({ ...doc, issuedAt: at }))],
      };
    case 'service-attempted':
      return { ...state, service: { ...state.service, requests: [...state.service.requests, event.requestId] } };
    case 'service-outcome': {
      const attempt = {
        requestId: event.requestId,
        respondentId: event.respondentId,
        method: event.method,
        outcome: event.outcome,
        at,
        ...(event.detail ? { detail: event.detail } : {}),
      };
      const served =
        event.outcome === 'delivered'
          ? { ...state.service.served, [event.respondentId]: { method: event.method, at } }
          : state.service.served;
      return { ...state, service: { ...state.service, attempts: [...state.service.attempts, attempt], served } };
    }
    case 'inquiry-started':
      return { ...state, inquiry: { requestedAt: at, channels: event.channels, answered: [], silent: [] } };
    case 'inquiry-answered': {
      const inquiry = state.inquiry ?? { requestedAt: at, channels: [], answered: [], silent: [] };
      const assets = { ...state.assets };
      for (const asset of event.assets) assets[asset.assetId] = asset;
      return { ...state, assets, inquiry: { ...inquiry, answered: [...inquiry.answered, event.channel] } };
    }
    case 'inquiry-closed': {
      const inquiry = state.inquiry ?? { requestedAt: at, channels: [], answered: [], silent: [] };
      return { ...state, inquiry: { ...inquiry, silent: event.silent } };
    }
    case 'control-planned':
      return {
        ...state,
        controlPlan: {
          freezes: event.freezes,
          entrustments: event.entrustments,
          outstandingFen: event.outstandingFen,
          note: event.note,
        },
      };
    case 'approval-requested':
      return {
        ...state,
        approvals: {
          ...state.approvals,
          [event.approvalId]: {
            approvalId: event.approvalId,
            step: event.step,
            requiredRole: event.requiredRole,
            level: event.level,
            dueAt: event.dueAt,
            status: 'pending',
          },
        },
      };
    case 'approval-decided':
    case 'approval-timed-out': {
      const approval = state.approvals[event.approvalId];
      if (!approval) throw new CaseStateError(`case ${state.caseId} has no approval ${event.approvalId}`);
      const updated =
        event.type === 'approval-decided'
          ? { ...approval, status: event.decision, decidedBy: event.by }
          : { ...approval, status: 'timed-out' as const };
      return { ...state, approvals: { ...state.approvals, [event.approvalId]: updated } };
    }
    case 'approval-late-decision':
      return state;
    case 'approval-claimed':
    case 'approval-released':
    case 'approval-assigned': {
      const approval = state.approvals[event.approvalId];
      if (!approval) throw new CaseStateError(`case ${state.caseId} has no approval ${event.approvalId}`);
      const { assignee: _previous, ...rest } = approval;
      const assignee =
        event.type === 'approval-claimed' ? event.by : event.type === 'approval-assigned' ? event.to : undefined;
      const updated = assignee ? { ...rest, assignee } : rest;
      return { ...state, approvals: { ...state.approvals, [event.approvalId]: updated } };
    }
    case 'asset-frozen':
      return withAsset(state, event.assetId, (asset) => ({
        ...asset,
        status: asset.class === 'deposit' || asset.class === 'online-funds' ? 'frozen' : 'sealed',
        frozenFen: plus(asset.frozenFen, event.amountFen),
        freezeExpiresOn: event.expiresOn,
      }));
    case 'asset-order-unanswered':
      return withAsset(state, event.assetId, (asset) => ({ ...asset, awaitingAnswer: event.kind }));
    case 'asset-freeze-failed':
      return withAsset(state, event.assetId, (asset) => ({ ...asset, status: 'freeze-failed' }));
    case 'entrustment-sent':
      return withAsset(
        { ...state, entrustments: { ...state.entrustments, [event.entrustment.matterId]: event.entrustment } },
        event.entrustment.assetId,
        (asset) => ({ ...asset, status: 'entrusted' }),
      );
    case 'entrustment-answered': {
      const matter = state.entrustments[event.matterId];
      if (!matter) throw new CaseStateError(`case ${state.caseId} has no entrusted matter ${event.matterId}`);
      const entrustments = { ...state.entrustments, [event.matterId]: { ...matter, status: event.outcome } };
      if (event.outcome !== 'completed') return { ...state, entrustments };
      return withAsset({ ...state, entrustments }, matter.assetId, (asset) => ({ ...asset, status: 'sealed' }));
    }
    case 'entrustment-overdue': {
      const matter = state.entrustments[event.matterId];
      if (!matter) throw new CaseStateError(`case ${state.caseId} has no entrusted matter ${event.matterId}`);
      const chased = {
        ...matter,
        status: 'overdue' as const,
        escalations: event.escalation,
        lastEscalationRound: event.round,
      };
      return { ...state, entrustments: { ...state.entrustments, [event.matterId]: chased } };
    }
    case 'money-received': {
      const entry = {
        entryId: event.entryId,
        kind: 'received' as const,
        amountFen: event.amountFen,
        at,
        counterparty: event.assetId ?? event.source,
        note: event.note,
      };
      const next = { ...state, ledger: [...state.ledger, entry] };
      if (!event.assetId) return next;
      return withAsset(next, event.assetId, ({ awaitingAnswer: _answered, ...asset }) => ({
        ...asset,
        status: 'deducted',
        deductedFen: plus(asset.deductedFen, event.amountFen),
        frozenFen: fen(Math.max(0, asset.frozenFen - event.amountFen)),
      }));
    }
    case 'disbursement-planned':
      return {
        ...state,
        disbursementPlan: {
          payouts: event.payouts,
          refundFen: event.refundFen,
          ...(event.refundTo ? { refundTo: event.refundTo } : {}),
        },
      };
    case 'money-paid':
      return {
        ...state,
        ledger: [
          ...state.ledger,
          {
            entryId: event.entryId,
            kind: event.kind,
            amountFen: event.amountFen,
            at,
            counterparty: event.payeeId,
            note: '',
          },
        ],
      };
    case 'partner-overdue':
      return state;
    case 'needs-attention':
      return {
        ...state,
        attention: { error: event.error, cause: event.cause, where: event.where, at, previousStatus: state.status },
      };
    case 'case-closed':
      return { ...state, closure: { way: event.way, at } };
  }
}

/** Folds commits onto a snapshot (or from nothing), checking they follow on without a gap. */
export function applyCommits(
  state: EnforcementCase | undefined,
  commits: readonly Commit[],
): EnforcementCase | undefined {
  let current = state;
  for (const commit of commits) {
    const expected = (current?.version ?? 0) + 1;
    if (commit.seq !== expected) {
      throw new CaseStateError(`case ${commit.caseId}: commit ${commit.seq} does not follow version ${expected - 1}`);
    }
    for (const event of commit.events) current = applyEvent(current, event, commit.at);
    if (!current) throw new CaseStateError(`case ${commit.caseId}: commit ${commit.seq} has no events`);
    current = { ...current, caseId: commit.caseId, version: commit.seq, head: commit.hash };
  }
  return current;
}

/** The sum of the case account's entries of one kind, optionally to or from one counterparty. */
export function ledgerTotal(state: EnforcementCase, kind: LedgerEntry['kind'], counterparty?: string): number {
  return state.ledger
    .filter((e) => e.kind === kind && (counterparty === undefined || e.counterparty === counterparty))
    .reduce((total, e) => total + e.amountFen, 0);
}

/** Money on the case account: received minus paid out and refunded. */
export function accountBalance(state: EnforcementCase): number {
  return ledgerTotal(state, 'received') - ledgerTotal(state, 'disbursed') - ledgerTotal(state, 'refunded');
}

export function totalReceived(state: EnforcementCase): number {
  return ledgerTotal(state, 'received');
}

export function totalDisbursed(state: EnforcementCase): number {
  return ledgerTotal(state, 'disbursed');
}
