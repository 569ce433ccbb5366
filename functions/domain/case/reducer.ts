import { chinaDateOf } from '../calendar/local-date.ts';
import { applyDisputeEvent, isDisputeEvent } from '../disputes/distribution-events.ts';
import { applyObjectionEvent, isObjectionEvent } from '../disputes/objection-reducer.ts';
import { isMeasureEvent } from '../measures/events.ts';
import { applyMeasureEvent } from '../measures/reducer.ts';
import { fen, plus } from '../money.ts';
import { applyDisposalEvent, isDisposalEvent } from './disposal-reducer.ts';
import { CaseStateError } from './errors.ts';
import type { CaseEvent, Commit } from './events.ts';
import type {
  Asset,
  CoercionState,
  EnforcementCase,
  EvidenceItem,
  LedgerEntry,
  Referral,
  ReferralStatus,
  Sanction,
  TimeNode,
} from './model.ts';
import { renamePartyIds } from './party-ids.ts';
import { applyCarryoverEvent, isCarryoverEvent } from './reducer-carryover.ts';
import { applyClosureEvent, isClosureEvent } from './reducer-closure.ts';
import { assertTransition } from './status.ts';

export { CaseStateError };

function withAsset(state: EnforcementCase, assetId: string, change: (asset: Asset) => Asset): EnforcementCase {
  const asset = state.assets[assetId];
  if (!asset) throw new CaseStateError(`case ${state.caseId} has no asset ${assetId}`);
  return { ...state, assets: { ...state.assets, [assetId]: change(asset) } };
}

function withEvidence(
  state: EnforcementCase,
  evidenceId: string,
  change: (item: EvidenceItem) => EvidenceItem,
): EnforcementCase {
  const item = state.evidence?.[evidenceId];
  if (!item) throw new CaseStateError(`case ${state.caseId} has no evidence ${evidenceId}`);
  return { ...state, evidence: { ...state.evidence, [evidenceId]: change(item) } };
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
      ...(event.reversalOf ? { reversalOf: event.reversalOf } : {}),
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
      conduct: [],
      assetReports: {},
      evidence: {},
      version: 0,
      head: '',
    };
  }
  if (!state) throw new CaseStateError(`event ${event.type} before the case was filed`);
  if (isMeasureEvent(event)) return applyMeasureEvent(state, event, at);
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
    case 'node-warned':
    case 'node-task-started':
    case 'node-extended': {
      const node = state.nodes[event.node];
      if (!node) throw new CaseStateError(`case ${state.caseId} has no time node ${event.node}`);
      let updated: TimeNode;
      if (event.type === 'node-warned') updated = { ...node, warnedAt: at };
      else if (event.type === 'node-task-started')
        updated =
          event.task === 'overdue-node'
            ? { ...node, escalation: event.execution }
            : { ...node, extension: event.execution };
      else {
        const { warnedAt: _w, escalation: _e, extension: _x, ...rest } = node;
        updated = {
          ...rest,
          status: 'open',
          dueDate: event.dueDate,
          dueAt: event.dueAt,
          unconfirmedYears: event.unconfirmedYears,
          extensions: (node.extensions ?? 0) + 1,
          originalDueDate: node.originalDueDate ?? node.dueDate,
        };
      }
      const runs = event.type === 'node-task-started' ? (state.nodeTaskRuns ?? 0) + 1 : state.nodeTaskRuns;
      return {
        ...state,
        nodes: { ...state.nodes, [event.node]: updated },
        ...(runs !== undefined ? { nodeTaskRuns: runs } : {}),
      };
    }
    case 'documents-issued':
      return {
        ...state,
        documents: [...state.documents, ...event.documents.map((doc) => ({ ...doc, issuedAt: at }))],
      };
    case 'document-issued':
    case 'document-problem-alerted':
    case 'freeze-ordered':
    case 'deduction-ordered':
      return state;
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
    case 'inquiry-started': {
      // A later inquiry (a respondent who joined) keeps what the earlier ones found and names whom it covers.
      const before = state.inquiry;
      const covered = event.respondents ?? state.respondents.map((r) => r.partyId);
      return {
        ...state,
        inquiry: {
          requestedAt: before?.requestedAt ?? at,
          channels: [...new Set([...(before?.channels ?? []), ...event.channels])],
          answered: before?.answered ?? [],
          silent: before?.silent ?? [],
          requests: { ...before?.requests, [event.requestId]: covered },
        },
      };
    }
    case 'inquiry-answered': {
      const inquiry = state.inquiry ?? { requestedAt: at, channels: [], answered: [], silent: [] };
      const assets = { ...state.assets };
      for (const asset of event.assets) assets[asset.assetId] = asset;
      return { ...state, assets, inquiry: { ...inquiry, answered: [...inquiry.answered, event.channel] } };
    }
    case 'inquiry-closed': {
      const inquiry = state.inquiry ?? { requestedAt: at, channels: [], answered: [], silent: [] };
      return { ...state, inquiry: { ...inquiry, silent: [...inquiry.silent, ...event.silent] } };
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
          ? {
              ...approval,
              status: event.decision,
              decidedBy: event.by,
              ...(event.reason ? { reason: event.reason } : {}),
              ...(event.data ? { data: event.data } : {}),
            }
          : { ...approval, status: 'timed-out' as const };
      return { ...state, approvals: { ...state.approvals, [event.approvalId]: updated } };
    }
    case 'approval-late-decision':
      return state;
    case 'approval-voted': {
      const approval = state.approvals[event.approvalId];
      if (!approval) throw new CaseStateError(`case ${state.caseId} has no approval ${event.approvalId}`);
      const { type: _type, approvalId: _id, ...vote } = event;
      const updated = { ...approval, votes: [...(approval.votes ?? []), vote] };
      return { ...state, approvals: { ...state.approvals, [event.approvalId]: updated } };
    }
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
        seizedOn: chinaDateOf(at),
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
          ...(event.refunds ? { refunds: event.refunds } : {}),
          ...(event.interestFen !== undefined ? { interestFen: event.interestFen } : {}),
          ...(event.interestThrough ? { interestThrough: event.interestThrough } : {}),
          ...(event.feeFen !== undefined ? { feeFen: event.feeFen } : {}),
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
      return { ...state, closure: { way: event.way, at, ...(event.ground ? { ground: event.ground } : {}) } };
    case 'asset-report':
      return { ...state, assetReports: { ...state.assetReports, [event.respondentId]: event.outcome } };
    case 'conduct-recorded':
      return {
        ...state,
        conduct: [
          ...state.conduct,
          {
            kind: event.kind,
            respondentId: event.respondentId,
            at,
            by: event.by,
            ...(event.note ? { note: event.note } : {}),
          },
        ],
      };
    case 'evidence-upload-issued': {
      const { type: _type, ...declaration } = event;
      const item: EvidenceItem = { ...declaration, issuedAt: at, status: 'issued', accesses: 0 };
      return { ...state, evidence: { ...state.evidence, [event.evidenceId]: item } };
    }
    case 'evidence-recorded':
      return withEvidence(state, event.evidenceId, (item) => ({
        ...item,
        status: 'recorded',
        recordedAt: at,
        sha256: event.sha256,
        sizeBytes: event.sizeBytes,
        contentType: event.contentType,
        verified: event.verified,
        legalHold: event.legalHold,
        ...(event.versionId ? { versionId: event.versionId } : {}),
      }));
    case 'evidence-download-issued':
      return withEvidence(state, event.evidenceId, (item) => ({ ...item, accesses: item.accesses + 1 }));
    case 'evidence-restore-requested':
      return state;
    case 'legal-hold-set':
    case 'legal-hold-released': {
      const on = event.type === 'legal-hold-set';
      let next: EnforcementCase = state;
      for (const evidenceId of event.evidence)
        next = withEvidence(next, evidenceId, (item) => ({ ...item, legalHold: on }));
      const { legalHold: _released, ...rest } = next;
      return on ? { ...rest, legalHold: { since: at, by: event.by, reason: event.reason } } : rest;
    }
    case 'evidence-purged':
      return withEvidence(state, event.evidenceId, (item) => ({ ...item, purgedAt: at }));
    case 'party-ids-rekeyed':
      return renamePartyIds(state, event.ids);
    case 'site-record-made': {
      const { type: _type, ...record } = event;
      return { ...state, siteRecords: [...(state.siteRecords ?? []), record] };
    }
    default:
      if (isDisputeEvent(event)) return applyDisputeEvent(state, event, at);
      if (isObjectionEvent(event)) return applyObjectionEvent(state, event, at);
      if (isDisposalEvent(event)) return applyDisposalEvent(state, event, at);
      if (isCarryoverEvent(event)) return applyCarryoverEvent(state, event);
      return isClosureEvent(event) ? applyClosureEvent(state, event, at) : applyCoercionEvent(state, event, at);
  }
}

type CoercionEvent = Extract<
  CaseEvent,
  {
    type:
      | 'coercion-decided'
      | 'coercion-answer-recorded'
      | 'coercion-awaiting'
      | 'sanction-proposed'
      | 'credit-measures-proposed'
      | 'credit-measures-decided'
      | 'restriction-issued'
      | 'restriction-lifted'
      | 'debtor-listed'
      | 'debtor-removed'
      | 'listing-removal-requested'
      | 'credit-published'
      | 'sanction-decided'
      | 'sanction-served'
      | 'detainee-in-custody'
      | 'detainee-family-notified'
      | 'sanction-review'
      | 'early-release-ordered'
      | 'detainee-released'
      | 'referral-blocked'
      | 'referral-sent'
      | 'supervision-requested'
      | 'referral-answered'
      | 'private-prosecution-notified'
      | 'performance-watched'
      | 'watch-woken'
      | 'coercion-ended'
      | 'lifting-run-started';
  }
>;

function coercion(state: EnforcementCase): CoercionState {
  return state.coercion ?? { published: {}, recorded: [] };
}

function withSanction(state: EnforcementCase, change: (sanction: Sanction) => Sanction): EnforcementCase {
  const current = coercion(state);
  if (!current.sanction) throw new CaseStateError(`case ${state.caseId} has no sanction`);
  return { ...state, coercion: { ...current, sanction: change(current.sanction) } };
}

function withReferral(state: EnforcementCase, change: (referral: Referral | undefined) => Referral): EnforcementCase {
  const current = coercion(state);
  return { ...state, coercion: { ...current, referral: change(current.referral) } };
}

function applyCoercionEvent(state: EnforcementCase, event: CoercionEvent, at: string): EnforcementCase {
  const current = coercion(state);
  const set = (next: Partial<CoercionState>): EnforcementCase => ({ ...state, coercion: { ...current, ...next } });
  switch (event.type) {
    case 'coercion-decided':
      return set({ decidedAt: at });
    case 'coercion-answer-recorded': {
      const { awaiting: _done, ...rest } = current;
      return {
        ...state,
        coercion: { ...rest, recorded: [...current.recorded, event.requestId] },
      };
    }
    case 'coercion-awaiting':
      return set({ awaiting: event.requestId });
    case 'sanction-proposed':
      return set({ sanction: { ...event.sanction, status: 'proposed' } });
    case 'credit-measures-proposed':
      return set({
        creditProposal: event.proposal,
        ...(event.proposal.forClosure ? { restrictionAskedForClosure: true } : {}),
      });
    case 'credit-measures-decided': {
      const { creditProposal: proposal, ...rest } = current;
      const refusedListing = event.listing === 'rejected' ? (proposal?.listing?.grounds ?? []) : undefined;
      return {
        ...state,
        coercion: {
          ...rest,
          creditApprovals: [...(current.creditApprovals ?? []), event.approvalId],
          ...(event.restriction === 'rejected' ? { restrictionRefused: true } : {}),
          ...(refusedListing
            ? { listingRefused: [...new Set([...(current.listingRefused ?? []), ...refusedListing])] }
            : {}),
        },
      };
    }
    case 'restriction-issued':
      return set({ restriction: { issuedAt: at, bound: event.bound } });
    case 'restriction-lifted':
      if (!current.restriction) throw new CaseStateError(`case ${state.caseId} has no restriction to lift`);
      return set({ restriction: { ...current.restriction, liftedAt: at, liftedOn: event.on } });
    case 'debtor-listed':
      return set({
        listing: {
          listedAt: at,
          grounds: event.grounds,
          ...(event.years !== undefined ? { years: event.years } : {}),
          ...(event.until !== undefined ? { until: event.until } : {}),
        },
      });
    case 'debtor-removed':
      if (!current.listing) throw new CaseStateError(`case ${state.caseId} is not listed`);
      return set({
        listing: {
          ...current.listing,
          removedAt: at,
          removalReason: event.reason,
          ...(event.ground ? { removalGround: event.ground } : {}),
        },
      });
    case 'listing-removal-requested':
      if (!current.listing) throw new CaseStateError(`case ${state.caseId} is not listed`);
      return set({
        listing: {
          ...current.listing,
          removalRequest: { by: event.by, at, ...(event.note ? { note: event.note } : {}) },
        },
      });
    case 'credit-published': {
      const before = current.published[event.what];
      const acknowledged = [...new Set([...(before?.acknowledged ?? []), ...event.acknowledged])];
      return set({
        published: { ...current.published, [event.what]: { acknowledged, rounds: (before?.rounds ?? 0) + 1 } },
      });
    }
    case 'sanction-decided':
      return withSanction(state, (s) => ({
        ...s,
        status: event.decision,
        ...(event.amountFen !== undefined ? { approvedFen: event.amountFen } : {}),
        ...(event.days !== undefined ? { approvedDays: event.days } : {}),
      }));
    case 'sanction-served':
      return withSanction(state, (s) => ({
        ...s,
        status: 'served',
        decisionDocId: event.docId,
        servedAt: at,
        ...(event.releaseOn ? { releaseOn: event.releaseOn } : {}),
      }));
    case 'detainee-in-custody':
      return withSanction(state, (s) => ({
        ...s,
        custodyAt: at,
        ...(event.confirmed ? { status: 'in-custody' as const } : {}),
        ...(event.releaseOn ? { releaseOn: event.releaseOn } : {}),
      }));
    case 'detainee-family-notified':
      return withSanction(state, (s) => ({ ...s, familyNotifiedAt: at }));
    case 'sanction-review':
      return withSanction(state, (s) => ({
        ...s,
        review: event.outcome,
        ...(event.outcome === 'revoked' ? { status: 'revoked' as const } : {}),
      }));
    case 'early-release-ordered':
      return withSanction(state, (s) => ({ ...s, earlyReleaseOrdered: { by: event.by, reason: event.reason } }));
    case 'detainee-released':
      return withSanction(state, (s) => ({ ...s, status: 'released', releasedAt: at, early: event.early }));
    case 'referral-blocked':
      return withReferral(state, (r) => ({ status: 'blocked', grounds: r?.grounds ?? [], missing: event.missing }));
    case 'referral-sent':
      return withReferral(state, () => ({ status: 'with-police', grounds: event.grounds, missing: [], sentAt: at }));
    case 'supervision-requested':
      return withReferral(state, (r) => ({
        status: 'with-procuratorate',
        grounds: r?.grounds ?? [],
        missing: r?.missing ?? [],
        ...(r?.reasons ? { reasons: r.reasons } : {}),
        ...(r?.privateProsecutionAt ? { privateProsecutionAt: r.privateProsecutionAt } : {}),
      }));
    case 'referral-answered':
      return withReferral(state, (r) => {
        const base = r ?? { status: 'with-police' as const, grounds: [], missing: [] };
        const status: ReferralStatus =
          event.outcome === 'opened'
            ? 'opened'
            : event.outcome === 'complex'
              ? 'police-complex'
              : event.outcome === 'refused'
                ? 'police-refused'
                : event.outcome === 'explanation-requested'
                  ? 'police-explaining'
                  : event.outcome === 'supervision-ordered'
                    ? 'ordered-to-open'
                    : base.status;
        return { ...base, status, ...(event.reasons ? { reasons: event.reasons } : {}) };
      });
    case 'private-prosecution-notified':
      return withReferral(state, (r) =>
        event.beside
          ? {
              ...(r ?? { status: 'police-refused' as const, grounds: [], missing: [] }),
              privateProsecutionAt: r?.privateProsecutionAt ?? at,
            }
          : {
              status: 'private-prosecution',
              grounds: r?.grounds ?? [],
              missing: r?.missing ?? [],
              reasons: event.reason,
              privateProsecutionAt: r?.privateProsecutionAt ?? at,
            },
      );
    case 'performance-watched':
      return set({
        watchUntil: event.until,
        watchRequestId: event.requestId,
        watchRound: (current.watchRound ?? 0) + 1,
        watchWoken: false,
        watchCheckAt: event.checkAt,
      });
    case 'watch-woken':
      return set({ watchWoken: true });
    case 'coercion-ended':
      return set({ outcome: event.outcome });
    case 'lifting-run-started':
      return set({ liftingRun: event.run });
  }
}

/**
 * Case records written before a field existed get its empty value: a pure migration, applied to every record read.
 */
export function upgradeCase(state: EnforcementCase): EnforcementCase {
  return { ...state, conduct: state.conduct ?? [], assetReports: state.assetReports ?? {} };
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
  return (
    ledgerTotal(state, 'received') -
    ledgerTotal(state, 'disbursed') -
    ledgerTotal(state, 'refunded') -
    ledgerTotal(state, 'shared')
  );
}

export function totalReceived(state: EnforcementCase): number {
  return ledgerTotal(state, 'received');
}

export function totalDisbursed(state: EnforcementCase): number {
  return ledgerTotal(state, 'disbursed');
}
