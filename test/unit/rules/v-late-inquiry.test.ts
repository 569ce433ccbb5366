/**
 * A10 for a joined respondent (V1): a bank that answers the network inquiry after the wait. What the late answer
 * found goes on the case marked as found late (once), and is owed control from the statuses a joined respondent's
 * inquiry may start from.
 */
import { describe, expect, it } from 'vitest';
import type { Asset, EnforcementCase, Party, PartyChange } from '#domain/case/model.ts';
import { fen } from '#domain/money.ts';
import { foundLate, joinedOwed } from '#domain/parties/joined.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import { foundAssets } from '#use-cases/late-inquiry.ts';
import { caseFrom, filed, respondent } from '../../support/cases.ts';

const shareholder: Party = { ...respondent, partyId: 'pshare', name: '郑股东' };
const base = caseFrom([filed()]);
const request: PartnerRequest = {
  requestId: 'r2',
  caseId: base.caseId,
  court: 'HB0922',
  kind: 'inquiry',
  items: [{ itemId: 'i-icbc', channel: 'icbc', respondentId: 'pshare' } as never],
  createdAt: '2026-03-20T01:00:00.000Z',
  dueAt: '2026-03-27T15:59:59.999Z',
  execution: 'x-investigation-2',
  status: 'timed-out',
  answers: [
    {
      itemId: 'i-icbc',
      at: '2026-03-30T01:00:00.000Z',
      outcome: 'ok',
      late: true,
      result: { assets: [{ class: 'deposit', reference: '6222 **** 0921', balanceFen: 2_000_000 }] },
    },
  ],
};
const withJoined = (status: EnforcementCase['status'], assets: Record<string, Asset>): EnforcementCase => ({
  ...base,
  status,
  respondents: [respondent, shareholder],
  partyChanges: {
    v1: { applicationId: 'v1', status: 'settled', final: 'granted', party: shareholder } as unknown as PartyChange,
  },
  documents: [
    { docId: 'd1', kind: 'enforcement-notice', issuedAt: '2026-03-02T00:00:00.000Z' },
    { docId: 'd2', kind: 'enforcement-notice', issuedAt: '2026-03-20T00:00:00.000Z', respondentId: 'pshare' },
  ],
  phaseRuns: { service: 2, investigation: 2 },
  inquiry: {
    requestedAt: 'x',
    channels: [],
    answered: [],
    silent: ['i-icbc'],
    requests: { r1: [respondent.partyId], r2: ['pshare'] },
  },
  assets,
});

describe('A10: a late inquiry answer for a joined respondent', () => {
  it('pass: the late answer’s deposit is recorded once, marked found late; fail: an on-time reading ignores it', () => {
    const state = withJoined('coercing', {});
    const late = foundAssets(state, request, true);
    expect(late.events).toHaveLength(1);
    const [event] = late.events;
    if (event?.type !== 'inquiry-answered') throw new Error('no answer recorded');
    expect(event.assets).toEqual([
      expect.objectContaining({ respondentId: 'pshare', foundLate: true, status: 'found' }),
    ]);
    // Read as on time, the late answer is not there: the channel is silent.
    expect(foundAssets(state, request, false)).toEqual({ events: [], silent: ['i-icbc'] });
    // Once recorded (the channel answered), a repeated delivery records nothing.
    const recorded = { ...state, inquiry: { ...state.inquiry, answered: ['i-icbc'] } } as EnforcementCase;
    expect(foundAssets(recorded, request, true).events).toEqual([]);
  });

  it('pass: owed control while coercion watches; fail: not while the case pays out, nor once frozen', () => {
    const deposit: Asset = {
      assetId: 'sdep',
      respondentId: 'pshare',
      class: 'deposit',
      channel: 'icbc',
      institution: '工商银行',
      reference: '6222 **** 0921',
      balanceFen: fen(2_000_000),
      frozenFen: fen(0),
      deductedFen: fen(0),
      status: 'found',
      foundLate: true,
    };
    expect(joinedOwed(withJoined('coercing', { sdep: deposit }))).toMatchObject({
      controlNow: true,
      inquiryNow: false,
    });
    expect(joinedOwed(withJoined('disbursing', { sdep: deposit })).controlNow).toBe(false);
    const frozen = { ...deposit, status: 'frozen' as const, frozenFen: fen(1_500_000) };
    expect(foundLate(withJoined('coercing', { sdep: frozen }))).toEqual([]);
    expect(joinedOwed(withJoined('coercing', { sdep: { ...deposit, foundLate: undefined } as never })).controlNow).toBe(
      false,
    );
  });
});
