/** Paired tests for the criminal referral rules: the evidence package (D1) and the serious circumstances (D5). */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Asset } from '#domain/case/model.ts';
import { recordCoercionAnswer } from '#domain/coercion/outcomes.ts';
import { referralGrounds, referralPackage } from '#domain/coercion/referral.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst } from '../../support/calendar.ts';
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

describe('D5: every circumstance needs the ability to pay (刑法 第三百一十三条; 法〔2016〕373号: only what 构成犯罪)', () => {
  it('fail: fined and still refusing to report, with nothing found: no referral ground (the no-assets 终本 goes through)', () => {
    const state = caseFrom([filed()], [served], [refusedReport], fined);
    expect(referralGrounds(state, RULES)).toEqual([]);
  });

  it('fail: violent obstruction with nothing found is not referred either; pass: with property found it is', () => {
    expect(referralGrounds(caseFrom([filed()], [served], [conduct('violent-obstruction')]), RULES)).toEqual([]);
    expect(referralGrounds(caseFrom([filed()], [served, found], [conduct('violent-obstruction')]), RULES)).toEqual([
      'violent-obstruction',
    ]);
  });
});

describe('D2-D4: answers of the police and the procuratorate', () => {
  const sent: CaseEvent[] = [{ type: 'referral-sent', grounds: ['assets-hidden-with-ability'] }];
  const at = cst('2026-05-04 10:00');
  const record = (events: CaseEvent[][], answer: Parameters<typeof recordCoercionAnswer>[1]) =>
    recordCoercionAnswer(caseFrom([filed()], [served, found], ...events), answer, RULES, at, calendar);

  it('D4: police silence (the wait of 60 days, 法〔2018〕147号 第二条) tells the applicant of 自诉 and says 60 days', () => {
    const outcome = record([sent], { kind: 'police-referral', outcome: 'silent' });
    const notice = outcome.events.find((e) => e.type === 'private-prosecution-notified');
    expect(notice).toMatchObject({ reason: expect.stringContaining('移送后60日内未书面答复') });
  });

  it('D4 pass: a refusal to open the case tells the applicant of 自诉 at once, beside the request for supervision', () => {
    const outcome = record([sent], { kind: 'police-referral', outcome: 'refused', reasons: '证据不足' });
    const notice = outcome.events.find((e) => e.type === 'private-prosecution-notified');
    expect(notice).toMatchObject({ beside: 'supervision', reason: expect.stringContaining('公安机关决定不予立案') });
    const state = caseFrom([filed()], [served, found], sent, outcome.events as CaseEvent[]);
    // The referral goes on to the procuratorate (D3); the applicant was told now, not after 60 days.
    expect(state.coercion?.referral).toMatchObject({
      status: 'police-refused',
      privateProsecutionAt: expect.any(String),
    });
  });

  it('D4 fail: an answer of the police (opened) opens no private prosecution', () => {
    const outcome = record([sent], { kind: 'police-referral', outcome: 'opened' });
    expect(outcome.events.map((e) => e.type)).not.toContain('private-prosecution-notified');
  });

  const supervised: CaseEvent[] = [
    { type: 'referral-answered', by: 'police', outcome: 'refused', reasons: '证据不足' },
    { type: 'supervision-requested' },
  ];

  it('D3 pass: the notice to explain sets a 7-day node; the order meets it and sets a 15-day node; the opening meets that', () => {
    const notice = record([sent, supervised], { kind: 'procuratorate', outcome: 'explanation-requested' });
    expect(notice.events[0]).toEqual({
      type: 'referral-answered',
      by: 'procuratorate',
      outcome: 'explanation-requested',
    });
    expect(notice.events[1]).toMatchObject({
      type: 'node-set',
      node: { node: 'supervision-explain', ruleId: 'D3', startedOn: '2026-05-04', dueDate: '2026-05-11' },
    });
    const order = record([sent, supervised, notice.events as CaseEvent[]], {
      kind: 'procuratorate',
      outcome: 'ordered',
    });
    expect(order.events.map((e) => e.type)).toEqual(['node-met', 'referral-answered', 'node-set']);
    expect(order.events[2]).toMatchObject({ node: { node: 'supervision-open', dueDate: '2026-05-19' } });
    const opened = record([sent, supervised, notice.events as CaseEvent[], order.events as CaseEvent[]], {
      kind: 'police-referral',
      outcome: 'opened',
    });
    expect(opened.events).toEqual([
      { type: 'referral-answered', by: 'police', outcome: 'opened' },
      expect.objectContaining({ type: 'node-met', node: 'supervision-open' }),
    ]);
  });

  it('D3 fail: no explanation within 7 days is an overdue node, and the applicant is told of 自诉', () => {
    const notice = record([sent, supervised], { kind: 'procuratorate', outcome: 'explanation-requested' });
    const silent = record([sent, supervised, notice.events as CaseEvent[]], {
      kind: 'procuratorate',
      outcome: 'silent',
    });
    expect(silent.events.map((e) => e.type)).toEqual([
      'node-overdue',
      'referral-answered',
      'private-prosecution-notified',
    ]);
    expect(silent.alerts.join()).toContain('7日内书面说明');
  });
});
