/** The disposal phase's events folded onto the case: lots, auction rounds, sales, transfers in lieu, releases. */
import { type Fen, fen, plus } from '../money.ts';
import { CaseStateError } from './errors.ts';
import type { CaseEvent } from './events.ts';
import type { Asset, AuctionRound, DisposalState, EnforcementCase, Lot } from './model.ts';

const DISPOSAL_EVENTS = [
  'disposal-planned',
  'reference-price-started',
  'reference-price-set',
  'reference-price-failed',
  'auction-terms-set',
  'auction-terms-refused',
  'auction-announced',
  'auction-ended',
  'auction-irregular',
  'auction-balance-paid',
  'buyer-defaulted',
  'sale-confirmed',
  'in-lieu-offered',
  'in-lieu-answered',
  'in-lieu-ruled',
  'fixed-price-listed',
  'fixed-price-ended',
  'seizure-released',
  'disposal-answer-recorded',
  'disposal-awaiting',
  'disposal-ended',
  'disposal-held',
  'disposal-set-aside',
  'auction-withdrawal-sent',
  'auction-withdrawal-answered',
] as const;

export type DisposalEvent = Extract<CaseEvent, { type: (typeof DISPOSAL_EVENTS)[number] }>;

export function isDisposalEvent(event: CaseEvent): event is DisposalEvent {
  return (DISPOSAL_EVENTS as readonly string[]).includes(event.type);
}

function disposal(state: EnforcementCase): DisposalState {
  return state.disposal ?? { lots: {}, recorded: [], usedApprovals: [] };
}

function withLot(state: EnforcementCase, assetId: string, change: (lot: Lot) => Lot): EnforcementCase {
  const current = disposal(state);
  const lot = current.lots[assetId];
  if (!lot) throw new CaseStateError(`case ${state.caseId} has no lot ${assetId}`);
  return { ...state, disposal: { ...current, lots: { ...current.lots, [assetId]: change(lot) } } };
}

function withRound(state: EnforcementCase, assetId: string, round: number, change: (r: AuctionRound) => AuctionRound) {
  return withLot(state, assetId, (lot) => {
    if (!lot.rounds.some((r) => r.round === round)) {
      throw new CaseStateError(`case ${state.caseId}: lot ${assetId} has no auction round ${round}`);
    }
    return { ...lot, rounds: lot.rounds.map((r) => (r.round === round ? change(r) : r)) };
  });
}

function withAssetStatus(state: EnforcementCase, assetId: string, status: Asset['status']): EnforcementCase {
  const asset = state.assets[assetId];
  if (!asset) throw new CaseStateError(`case ${state.caseId} has no asset ${assetId}`);
  return { ...state, assets: { ...state.assets, [assetId]: { ...asset, status } } };
}

function usedApproval(state: EnforcementCase, approvalId: string): EnforcementCase {
  const current = disposal(state);
  return { ...state, disposal: { ...current, usedApprovals: [...current.usedApprovals, approvalId] } };
}

const addProceeds = (lot: Lot, amount: Fen): Lot => ({ ...lot, proceedsFen: plus(lot.proceedsFen, amount) });

export function applyDisposalEvent(state: EnforcementCase, event: DisposalEvent, at: string): EnforcementCase {
  const current = disposal(state);
  switch (event.type) {
    case 'disposal-planned': {
      const lots = { ...current.lots };
      for (const assetId of event.assetIds) {
        if (!state.assets[assetId]) throw new CaseStateError(`case ${state.caseId} has no asset ${assetId}`);
        lots[assetId] ??= { assetId, status: 'pricing', rounds: [], proceedsFen: fen(0) };
      }
      const { ended: _reopened, ...rest } = current;
      return { ...state, disposal: { ...rest, lots } };
    }
    case 'reference-price-started':
      return withLot(state, event.assetId, (lot) => ({
        ...lot,
        status: 'pricing',
        pricing: { method: event.method, startedAt: at, attempts: (lot.pricing?.attempts ?? 0) + 1, failed: false },
      }));
    case 'reference-price-set':
      return withLot(state, event.assetId, (lot) => ({
        ...lot,
        status: 'priced',
        referencePriceFen: event.valueFen,
        referenceMethod: event.method,
      }));
    case 'reference-price-failed':
      return withLot(state, event.assetId, (lot) => ({
        ...lot,
        ...(lot.pricing ? { pricing: { ...lot.pricing, failed: true } } : {}),
      }));
    case 'auction-terms-set': {
      const next = withLot(state, event.assetId, (lot) => ({
        ...lot,
        terms: { stage: event.stage, startingPriceFen: event.startingPriceFen, depositFen: event.depositFen },
      }));
      return event.approvalId ? usedApproval(next, event.approvalId) : next;
    }
    case 'auction-terms-refused':
      return usedApproval(
        withLot(state, event.assetId, (lot) => ({ ...lot, stalled: '合议庭未同意拍卖条件' })),
        event.approvalId,
      );
    case 'auction-announced':
      return withLot(state, event.assetId, ({ terms: _used, ...lot }) => ({
        ...lot,
        status: 'announced',
        rounds: [
          ...lot.rounds,
          {
            round: event.round,
            stage: event.stage,
            auctionId: event.auctionId,
            startingPriceFen: event.startingPriceFen,
            depositFen: event.depositFen,
            announcedAt: at,
            startsAt: event.startsAt,
            endsAt: event.endsAt,
          },
        ],
      }));
    case 'auction-ended': {
      const next = withRound(state, event.assetId, event.round, (r) => ({
        ...r,
        outcome: event.outcome,
        endedAt: event.endedAt,
        bids: event.bids,
        ...(event.priceFen !== undefined ? { priceFen: event.priceFen } : {}),
        ...(event.buyer ? { buyer: event.buyer } : {}),
        ...(event.applicantBuyer ? { applicantBuyer: event.applicantBuyer } : {}),
        ...(event.depositPaidFen !== undefined ? { depositPaidFen: event.depositPaidFen } : {}),
      }));
      return withLot(next, event.assetId, (lot) => ({
        ...lot,
        status: event.outcome === 'sold' ? 'awaiting-balance' : 'priced',
      }));
    }
    case 'auction-irregular':
      return event.stalls ? withLot(state, event.assetId, (lot) => ({ ...lot, stalled: event.problem })) : state;
    case 'auction-balance-paid':
      return withRound(state, event.assetId, event.round, (r) => ({ ...r, balance: 'paid' }));
    case 'buyer-defaulted': {
      const next = withRound(state, event.assetId, event.round, (r) => ({ ...r, balance: 'defaulted' }));
      return withLot(next, event.assetId, (lot) => ({
        ...addProceeds(lot, event.depositForfeitedFen),
        status: 'priced',
      }));
    }
    case 'sale-confirmed': {
      const next = withLot(state, event.assetId, (lot) => ({ ...addProceeds(lot, event.priceFen), status: 'sold' }));
      return withAssetStatus(next, event.assetId, 'sold');
    }
    case 'in-lieu-offered':
      return withLot(state, event.assetId, (lot) => ({
        ...lot,
        status: 'offered-in-lieu',
        inLieu: {
          valueFen: event.valueFen,
          ...(event.round !== undefined ? { round: event.round } : {}),
          ...(event.differenceFen ? { differenceFen: event.differenceFen } : {}),
        },
      }));
    case 'in-lieu-answered':
      // Declined, the lot goes on as priced: the next auction, or after the last one the fixed-price sale (E9).
      return withLot(state, event.assetId, (lot) => ({
        ...lot,
        ...(event.accepted ? {} : { status: 'priced' as const }),
        ...(lot.inLieu ? { inLieu: { ...lot.inLieu, answer: event.accepted ? 'accepted' : 'declined' } } : {}),
      }));
    case 'in-lieu-ruled': {
      const next = withLot(state, event.assetId, (lot) => ({ ...lot, status: 'in-lieu' }));
      const credited = {
        ...next,
        ledger: [
          ...next.ledger,
          {
            entryId: `in-lieu-${event.assetId}`,
            kind: 'in-lieu' as const,
            // The difference the applicant paid came in as money (money-received, in-lieu-difference): not twice.
            amountFen: fen(event.valueFen - (event.differenceFen ?? 0)),
            at,
            counterparty: event.applicantId,
            note: event.docId,
          },
        ],
      };
      return withAssetStatus(credited, event.assetId, 'in-lieu');
    }
    case 'fixed-price-listed':
      return withLot(state, event.assetId, (lot) => ({
        ...lot,
        status: 'fixed-price',
        fixedPrice: { priceFen: event.priceFen, until: event.until },
      }));
    case 'fixed-price-ended':
      return withLot(state, event.assetId, (lot) => ({
        ...lot,
        ...(lot.fixedPrice ? { fixedPrice: { ...lot.fixedPrice, outcome: event.outcome } } : {}),
      }));
    case 'seizure-released': {
      const next = current.lots[event.assetId]
        ? withLot(state, event.assetId, (lot) => ({ ...lot, status: 'released' }))
        : state;
      return withAssetStatus(next, event.assetId, 'released');
    }
    case 'disposal-answer-recorded': {
      const { awaiting: _done, ...rest } = current;
      return { ...state, disposal: { ...rest, recorded: [...current.recorded, event.requestId] } };
    }
    case 'disposal-awaiting':
      return { ...state, disposal: { ...current, awaiting: event.requestId } };
    case 'disposal-ended':
      return { ...state, disposal: { ...current, ended: true } };
    case 'disposal-set-aside': {
      const next = withLot(state, event.assetId, (lot) => {
        const {
          terms: _terms,
          stalled: _stalled,
          pricing: _pricing,
          referencePriceFen,
          referenceMethod,
          ...rest
        } = lot;
        const last = lot.rounds.filter((r) => !r.annulled).at(-1);
        const rounds = lot.rounds.map((r) =>
          event.what === 'price' || r === last ? { ...r, annulled: true as const } : r,
        );
        return event.what === 'price'
          ? { ...rest, status: 'pricing', rounds }
          : {
              ...rest,
              status: 'priced',
              rounds,
              ...(referencePriceFen !== undefined ? { referencePriceFen } : {}),
              ...(referenceMethod ? { referenceMethod } : {}),
            };
      });
      const after = disposal(next);
      return { ...next, disposal: { ...after, usedApprovals: [...after.usedApprovals, ...event.voided] } };
    }
    case 'auction-withdrawal-sent':
      return withLot(state, event.assetId, (lot) => {
        const { terms: _terms, stalled: _stalled, ...rest } = lot;
        const annul = lot.status === 'announced' && lot.rounds.filter((r) => !r.annulled).at(-1)?.round === event.round;
        const rounds = lot.rounds.map((r) =>
          r.round === event.round && !r.outcome
            ? {
                ...r,
                ...(annul ? { annulled: true as const } : {}),
                withdrawal: { requestId: event.requestId, reason: event.reason },
              }
            : r,
        );
        return annul ? { ...rest, status: 'priced', rounds } : { ...lot, rounds };
      });
    case 'auction-withdrawal-answered':
      return withLot(state, event.assetId, (lot) => ({
        ...lot,
        rounds: lot.rounds.map((r) =>
          r.round === event.round && r.withdrawal
            ? { ...r, withdrawal: { ...r.withdrawal, answer: event.outcome } }
            : r,
        ),
      }));
    case 'disposal-held': {
      const { heldFor: _before, ...rest } = current;
      return { ...state, disposal: event.assetIds.length > 0 ? { ...rest, heldFor: event.assetIds } : rest };
    }
  }
}
