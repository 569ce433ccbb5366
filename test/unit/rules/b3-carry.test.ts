import { describe, expect, it } from 'vitest';
import { localDate } from '#domain/calendar/local-date.ts';
import { planControl } from '#domain/control/plan.ts';
import { fen } from '#domain/money.ts';
import {
  carryInto,
  type Preservation,
  preservationAlertDue,
  preservationEnded,
  sameParties,
} from '#domain/preservation/carry.ts';
import { RULES } from '#domain/rules/table.ts';
import { applicant, caseFrom, filed, respondent } from '../../support/cases.ts';

const d = localDate;

function preservation(change: Partial<Preservation> = {}): Preservation {
  return {
    preservationId: 'vpres0000001',
    court: { code: 'HB0922', name: '青县人民法院' },
    rulingNumber: '（2025）冀0922财保11号',
    kind: 'pre-litigation',
    ruledOn: d('2025-04-01'),
    revision: 1,
    applicantIds: [applicant.partyId],
    respondentIds: [respondent.partyId],
    seizures: [
      {
        seizureId: 'S1',
        respondentId: respondent.partyId,
        class: 'deposit',
        channel: 'icbc',
        institution: '中国工商银行',
        reference: '6222 **** 0001',
        amountFen: fen(1_000_000),
        seizedOn: d('2025-04-01'),
        expiresOn: d('2026-03-31'),
        status: 'held',
      },
    ],
    receivedAt: '2025-04-01T02:00:00.000Z',
    eventId: 'e1',
    status: 'held',
    version: 1,
    ...change,
  };
}

const state = caseFrom([filed()]);

describe('B3-CARRY: a preservation carried into enforcement, its term running on (民诉法解释 第一百六十八条)', () => {
  it('pass: a held seizure becomes the case’s with its own start and expiry, not restarted at filing', () => {
    const carry = carryInto(state, preservation(), d('2026-03-02'), RULES);
    expect(carry.assets).toEqual([
      expect.objectContaining({
        status: 'frozen',
        frozenFen: 1_000_000,
        seizedOn: '2025-04-01',
        freezeExpiresOn: '2026-03-31',
        preserved: { preservationId: 'vpres0000001', rulingNumber: '（2025）冀0922财保11号', seizureId: 'S1' },
      }),
    ]);
    expect(RULES.B3_CARRY.termRunsOn).toBe(true);
  });

  it('fail: a seizure whose period ended before filing does not carry (但书: 期限届满的除外)', () => {
    const carry = carryInto(state, preservation(), d('2026-04-01'), RULES);
    expect(carry.assets).toEqual([]);
    expect(carry.excluded).toEqual([{ seizureId: 'S1', reason: 'expired' }]);
  });

  it('pass: on its last day the seizure still carries', () => {
    expect(carryInto(state, preservation(), d('2026-03-31'), RULES).assets).toHaveLength(1);
  });

  it('fail: a lifted seizure, or one of a party not on the case, does not carry', () => {
    const p = preservation();
    const [s1] = p.seizures;
    if (!s1) throw new Error('fixture');
    const lifted = carryInto(state, { ...p, seizures: [{ ...s1, status: 'lifted' }] }, d('2026-03-02'), RULES);
    const other = carryInto(state, { ...p, seizures: [{ ...s1, respondentId: 'pother' }] }, d('2026-03-02'), RULES);
    expect(lifted.excluded).toEqual([{ seizureId: 'S1', reason: 'lifted' }]);
    expect(other.excluded).toEqual([{ seizureId: 'S1', reason: 'other-party' }]);
  });

  it('pass: the same applicant and respondent in the same court are the same parties', () => {
    expect(sameParties(preservation(), state)).toBe(true);
  });

  it('fail: another respondent, or another court, are not', () => {
    expect(sameParties(preservation({ respondentIds: ['pother'] }), state)).toBe(false);
    expect(sameParties(preservation({ court: { code: 'HB0100', name: '沧州市中级人民法院' } }), state)).toBe(false);
  });
});

describe('P-PRESERVATION-ALERT: a preservation with no enforcement case, about to expire', () => {
  it('pass: told within 30 days of its earliest expiry still to come', () => {
    expect(preservationAlertDue(preservation(), d('2026-03-01'), RULES)).toEqual({ expiresOn: '2026-03-31' });
  });

  it('fail: not told earlier than the lead, nor twice for one expiry, nor once carried', () => {
    expect(preservationAlertDue(preservation(), d('2026-02-28'), RULES)).toBeUndefined();
    expect(preservationAlertDue(preservation({ alertedFor: d('2026-03-31') }), d('2026-03-05'), RULES)).toBeUndefined();
    expect(preservationAlertDue(preservation({ status: 'carried' }), d('2026-03-05'), RULES)).toBeUndefined();
  });

  it('pass: once everything has expired, the preservation waits for nothing (ended); before, it does not', () => {
    expect(preservationEnded(preservation(), d('2026-04-01'))).toBe(true);
    expect(preservationEnded(preservation(), d('2026-03-31'))).toBe(false);
  });
});

describe('B3-CARRY: preserved money is deducted under the control plan', () => {
  const carried = carryInto(state, preservation(), d('2026-03-02'), RULES).assets;
  const withPreserved = caseFrom(
    [filed()],
    [
      {
        type: 'preservation-carried',
        preservationId: 'vpres0000001',
        rulingNumber: '（2025）冀0922财保11号',
        assets: carried,
        excluded: [],
      },
    ],
  );

  it('pass: with nothing new found, the plan still controls, to deduct the preserved freeze', () => {
    expect(planControl(withPreserved, d('2026-03-06'), RULES)).toMatchObject({
      outcome: 'control',
      freezes: [],
      note: '保全转入的冻结款项待扣划',
    });
  });

  it('fail: without a preserved freeze and nothing found, there is nothing to control', () => {
    expect(planControl(state, d('2026-03-06'), RULES).outcome).toBe('nothing-to-control');
  });
});
