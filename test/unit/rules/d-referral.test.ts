/** Paired tests for the criminal referral rules: the evidence package (D1) and the serious circumstances (D5). */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Asset } from '#domain/case/model.ts';
import { referralGrounds, referralPackage } from '#domain/coercion/referral.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { caseFrom, filed, respondent } from '../../support/cases.ts';

const flat: Asset = {
  assetId: 'flat',
  respondentId: respondent.partyId,
  class: 'real-estate',
  channel: 'real-estate-registry',
  institution: 'registry',
  reference: '冀(2024)青县不动产权第0001号',
  frozenFen: fen(0),
  deductedFen: fen(0),
  status: 'found',
};
const served: CaseEvent = {
  type: 'service-outcome',
  requestId: 'r1',
  respondentId: respondent.partyId,
  method: 'electronic',
  outcome: 'delivered',
};
const found: CaseEvent = { type: 'inquiry-answered', channel: 'real-estate-registry', assets: [flat] };
const conduct = (kind: Extract<CaseEvent, { type: 'conduct-recorded' }>['kind']): CaseEvent => ({
  type: 'conduct-recorded',
  kind,
  respondentId: respondent.partyId,
  by: 'wang-fang',
});
const refusedReport: CaseEvent = { type: 'asset-report', respondentId: respondent.partyId, outcome: 'refused' };
const fined: CaseEvent[] = [
  {
    type: 'sanction-proposed',
    sanction: {
      kind: 'fine',
      respondentId: respondent.partyId,
      grounds: ['report-refused'],
      proposedFen: fen(2_000_000),
    },
  },
  { type: 'sanction-decided', decision: 'approved', by: 'song-jian', amountFen: fen(2_000_000) },
  { type: 'sanction-served', docId: 'd1' },
];

describe('D1: the five evidence categories', () => {
  it('pass: identity, duty (served), ability (property found), refusal (unpaid) and circumstances (conduct)', () => {
    const state = caseFrom([filed()], [served, found], [conduct('violent-obstruction')]);
    expect(referralPackage(state, RULES)).toEqual({ missing: [] });
  });

  it('fail: nothing found means no evidence of ability', () => {
    const state = caseFrom([filed()], [served], [conduct('violent-obstruction')]);
    expect(referralPackage(state, RULES)).toEqual({ missing: ['ability'] });
  });

  it('fail: an unserved notice documents neither the duty nor the refusal', () => {
    const state = caseFrom([filed()], [found], [conduct('violent-obstruction')]);
    expect(referralPackage(state, RULES)).toEqual({ missing: ['duty', 'refusal'] });
  });
});

describe('D5: serious circumstances', () => {
  it('pass: refusing to report assets after a fine was served counts', () => {
    const state = caseFrom([filed()], [served, found], [refusedReport], fined);
    expect(referralGrounds(state, RULES)).toEqual(['report-refused-after-sanction']);
  });

  it('fail: the same refusal before any fine or detention does not', () => {
    const state = caseFrom([filed()], [served, found], [refusedReport]);
    expect(referralGrounds(state, RULES)).toEqual([]);
  });

  it('pass: hiding assets while able to pay; fail: once the claim is paid nothing is referred', () => {
    const hidden = caseFrom([filed(100_000)], [served, found], [conduct('assets-hidden')]);
    expect(referralGrounds(hidden, RULES)).toEqual(['assets-hidden-with-ability']);
    const paid = caseFrom(
      [filed(100_000)],
      [served, found],
      [conduct('assets-hidden')],
      // The claim, its doubled interest for 41 days and the execution fee (F-DELAY-INTEREST, F1-FEE).
      [{ type: 'money-received', entryId: 'e1', amountFen: fen(105_718), source: 'voluntary', note: 'paid' }],
    );
    expect(referralGrounds(paid, RULES)).toEqual([]);
  });
});
