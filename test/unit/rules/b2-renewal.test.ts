/**
 * B2 and P-RENEWAL: each held seizure renewed before expiry, for the class's B1 period from the old expiry; the
 * order out 30 days before (60 through an entrusted court), resent after 3 days up to 3 times, escalated 10 days
 * before expiry or as soon as the attempts run out, and a lapse recorded only after its escalation.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Asset } from '#domain/case/model.ts';
import { applyEvent } from '#domain/case/reducer.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { planRenewals, renewalDates, renewedExpiry } from '#domain/seizures/renewal.ts';
import { cst, d } from '../../support/calendar.ts';
import { caseFrom, filed, respondent } from '../../support/cases.ts';

const deposit: Asset = {
  assetId: 'sdeposit',
  respondentId: respondent.partyId,
  class: 'deposit',
  channel: 'icbc',
  institution: '中国工商银行',
  reference: '6222 **** 0001',
  balanceFen: fen(1_000_000),
  frozenFen: fen(0),
  deductedFen: fen(0),
  status: 'found',
};
const flat: Asset = {
  ...deposit,
  assetId: 'sflat',
  class: 'real-estate',
  channel: 'real-estate-registry',
  reference: '冀0001',
};
const elsewhere = { code: 'HL0123', name: '黑龙江省某县人民法院' };

/** A deposit frozen until 2027-03-02 (the freeze of 2 March 2026), and what else the test adds. */
function frozen(...more: CaseEvent[][]) {
  return caseFrom(
    [filed()],
    [{ type: 'inquiry-answered', channel: 'icbc', assets: [deposit, flat] }],
    [{ type: 'asset-frozen', assetId: 'sdeposit', amountFen: fen(1_000_000), expiresOn: d('2027-03-02') }],
    ...more,
  );
}

function fold(state: ReturnType<typeof frozen>, events: readonly CaseEvent[], at: string) {
  return events.reduce((s, e) => applyEvent(s, e, at), state);
}

const START = cst('2026-03-02 12:00');

describe('B2: renewal of a seizure', () => {
  it('pass: runs on from the old expiry for the class period (a deposit: one more year)', () => {
    expect(renewedExpiry(deposit, d('2027-03-02'), RULES)).toBe('2028-03-02');
    expect(renewedExpiry(flat, d('2029-03-02'), RULES)).toBe('2032-03-02');
  });

  it('fail: never longer than the class period (not the 2004 rules, not a longer one)', () => {
    expect(renewedExpiry(deposit, d('2027-03-02'), RULES)).not.toBe('2029-03-02');
    // A leap day renews to the month's last day.
    expect(renewedExpiry(deposit, d('2028-02-29'), RULES)).toBe('2029-02-28');
  });
});

describe('P-RENEWAL: when the renewal goes out and when it is escalated', () => {
  it('pass: 30 days before expiry over the network, escalated 10 days before', () => {
    const state = frozen();
    expect(renewalDates(state, state.assets.sdeposit as Asset, RULES)).toEqual({
      expiresOn: '2027-03-02',
      sendOn: '2027-01-31',
      escalateOn: '2027-02-20',
    });
  });

  it('pass: 60 days before expiry through the court where the property lies (H1 gives it 30)', () => {
    const state = frozen(
      [
        {
          type: 'entrustment-sent',
          entrustment: { matterId: 'm1', assetId: 'sflat', toCourt: elsewhere, sentAt: START, status: 'sent' },
        },
      ],
      [{ type: 'entrustment-answered', matterId: 'm1', outcome: 'completed' }],
      [{ type: 'asset-frozen', assetId: 'sflat', amountFen: fen(0), expiresOn: d('2029-03-02') }],
    );
    expect(renewalDates(state, state.assets.sflat as Asset, RULES)?.sendOn).toBe('2029-01-01');
  });

  it('schedules each held seizure once, with its node, and waits for the day the order goes out', () => {
    const state = frozen();
    const plan = planRenewals(state, RULES, START, START);
    expect(plan.events.map((e) => e.type)).toEqual(['renewal-scheduled', 'node-set']);
    expect(plan.events[1]).toMatchObject({ node: { node: 'renewal:sdeposit', ruleId: 'B2', dueDate: '2027-02-20' } });
    // Within one execution a wait is never longer than the watch span (180 days), far under a year.
    expect(plan.next).toEqual({ kind: 'wait', until: cst('2026-08-29 12:00') });
    const again = planRenewals(fold(state, plan.events, START), RULES, START, START);
    expect(again.events).toEqual([]);
  });

  it('hands over to the next execution once the span has passed', () => {
    const state = frozen();
    const scheduled = fold(state, planRenewals(state, RULES, START, START).events, START);
    expect(planRenewals(scheduled, RULES, cst('2026-08-29 20:00'), START).next).toEqual({ kind: 'chain' });
    // The next execution wakes on the day the order goes out, at 09:00.
    expect(planRenewals(scheduled, RULES, cst('2027-01-10 09:00'), cst('2026-12-01 09:00')).next).toEqual({
      kind: 'wait',
      until: cst('2027-01-31 09:00'),
    });
  });

  it('pass: sends the renewal on its day; fail: not a day early', () => {
    const state = frozen();
    const scheduled = fold(state, planRenewals(state, RULES, START, START).events, START);
    const early = cst('2027-01-30 09:00');
    expect(planRenewals(scheduled, RULES, early, early).next.kind).toBe('wait');
    const due = cst('2027-01-31 09:00');
    expect(planRenewals(scheduled, RULES, due, due).next).toEqual({ kind: 'renew', assetIds: ['sdeposit'] });
  });

  it('resends after 3 days, and escalates as soon as the third attempt failed, before the node is due', () => {
    const state = frozen();
    let s = fold(state, planRenewals(state, RULES, START, START).events, START);
    const attempt = (day: string, n: number, final: boolean) => {
      s = fold(
        s,
        [
          { type: 'renewal-sent', requestId: `r${n}`, assetIds: ['sdeposit'] },
          {
            type: 'renewal-failed',
            assetId: 'sdeposit',
            requestId: `r${n}`,
            attempt: n,
            reason: '协助执行单位退回',
            final,
          },
        ],
        cst(`${day} 10:00`),
      );
    };
    attempt('2027-01-31', 1, false);
    expect(planRenewals(s, RULES, cst('2027-02-02 09:00'), cst('2027-01-20 09:00')).next).toEqual({
      kind: 'wait',
      until: cst('2027-02-03 09:00'),
    });
    attempt('2027-02-03', 2, false);
    attempt('2027-02-06', 3, true);
    const plan = planRenewals(s, RULES, cst('2027-02-06 11:00'), cst('2027-01-20 09:00'));
    expect(plan.events).toEqual([{ type: 'renewal-escalated', assetId: 'sdeposit', reason: '续行已3次未成功' }]);
    expect(plan.alerts[0]).toMatchObject({ kind: 'node-overdue' });
    expect(plan.next).toEqual({ kind: 'wait', until: cst('2027-03-03 09:00') });
  });

  it('fail: a seizure never lapses unannounced: at expiry the node goes overdue and the escalation comes first', () => {
    const state = frozen();
    const s = fold(state, planRenewals(state, RULES, START, START).events, START);
    const plan = planRenewals(s, RULES, cst('2027-03-03 09:00'), cst('2027-01-20 09:00'));
    expect(plan.events.map((e) => e.type)).toEqual(['node-overdue', 'renewal-escalated', 'seizure-lapsed']);
    expect(plan.alerts.map((a) => a.kind)).toEqual(['node-overdue', 'needs-attention']);
  });

  it('ends the watch when nothing is held any more (deducted, sold, released, lapsed)', () => {
    const state = frozen([
      {
        type: 'money-received',
        entryId: 'e1',
        amountFen: fen(1_000_000),
        source: 'deduction',
        assetId: 'sdeposit',
        note: '',
      },
    ]);
    expect(planRenewals(state, RULES, START, START).next).toEqual({ kind: 'done', reason: '已无查封、冻结中的财产' });
  });
});
