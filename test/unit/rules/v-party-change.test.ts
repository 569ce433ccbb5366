import { describe, expect, it } from 'vitest';
import { localDate } from '#domain/calendar/local-date.ts';
import type { EnforcementCase, Party, PartyChange } from '#domain/case/model.ts';
import { planControl } from '#domain/control/plan.ts';
import { fen } from '#domain/money.ts';
import {
  applicationRefusal,
  challengeOpen,
  challengeWindow,
  examinationNode,
  groundOf,
} from '#domain/parties/change.ts';
import { joinedOwed, notInquired, withoutNotice } from '#domain/parties/joined.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar } from '../../support/calendar.ts';
import { applicant, caseFrom, filed, respondent } from '../../support/cases.ts';

const d = localDate;
const state = caseFrom([filed()]);

describe('V1: the application is ruled on within 60 days of receipt (变更追加规定 第二十八条)', () => {
  it('pass: received 2026-03-02, due 2026-05-01 moved past the Labour Day holiday', () => {
    const node = examinationNode('vapp', d('2026-03-02'), RULES, calendar);
    // The 60th day is 2026-05-01, in the Labour Day holiday: the period ends on the next working day.
    expect(node).toMatchObject({ ruleId: 'V1', startedOn: '2026-03-02', dueDate: '2026-05-06' });
  });

  it('fail: not 30 days (the 2016 text counts 60, extended only with the president’s approval)', () => {
    expect(RULES.V1.examination).toEqual({ days: 60, unit: 'calendar' });
    expect(RULES.V1.extensionApprover).toBe('president');
  });
});

describe('V1, V2: the time to challenge the ruling (第三十条 10 days; 第三十二条 15 days)', () => {
  it('pass: the capital grounds go to a lawsuit within 15 days, the others to reconsideration within 10', () => {
    const capital = groundOf(RULES, 'unpaid-capital');
    const heir = groundOf(RULES, 'heir');
    if (!capital || !heir) throw new Error('grounds');
    expect(challengeWindow(capital, d('2026-03-10'), RULES, calendar)).toEqual({
      route: 'lawsuit',
      ruleId: 'V2',
      lastDay: '2026-03-25',
    });
    expect(challengeWindow(heir, d('2026-03-10'), RULES, calendar)).toEqual({
      route: 'reconsideration',
      ruleId: 'V1',
      lastDay: '2026-03-20',
    });
  });

  it('pass: open on its last day; fail: closed the day after', () => {
    const change = { ruling: { challengeBy: d('2026-03-25') } } as unknown as PartyChange;
    expect(challengeOpen(change, d('2026-03-25'))).toBe(true);
    expect(challengeOpen(change, d('2026-03-26'))).toBe(false);
  });

  it('pass: a new party on a known ground; fail: an unknown ground, a party already on the case, a change of nobody', () => {
    expect(applicationRefusal(state, 'unpaid-capital', 'pnew', undefined, RULES)).toBeUndefined();
    expect(applicationRefusal(state, 'in-laws', 'pnew', undefined, RULES)).toBe('unknown-ground');
    expect(applicationRefusal(state, 'unpaid-capital', applicant.partyId, undefined, RULES)).toBe('already-a-party');
    expect(applicationRefusal(state, 'heir', 'pnew', 'pnobody', RULES)).toBe('not-a-respondent');
    expect(applicationRefusal(state, 'heir', 'pnew', respondent.partyId, RULES)).toBeUndefined();
  });
});

describe('V1: a respondent who joined by a ruling is served, inquired about and controlled like the first ones', () => {
  const shareholder: Party = { ...respondent, partyId: 'pshare', name: '郑股东' };
  const change = { applicationId: 'v1', status: 'settled', final: 'granted', party: shareholder, partyId: 'pshare' };
  const withJoined = (status: EnforcementCase['status'], more: Partial<EnforcementCase> = {}): EnforcementCase => ({
    ...state,
    status,
    respondents: [respondent, shareholder],
    partyChanges: { v1: change as unknown as PartyChange },
    documents: [{ docId: 'd1', kind: 'enforcement-notice', issuedAt: '2026-03-02T00:00:00.000Z' }],
    phaseRuns: { service: 1, investigation: 1 },
    inquiry: { requestedAt: 'x', channels: [], answered: [], silent: [], requests: { r1: [respondent.partyId] } },
    ...more,
  });

  it('pass: the joined respondent is owed a notice and an inquiry, taken up at once while coercion watches', () => {
    const owed = joinedOwed(withJoined('coercing'));
    expect(owed.notice.map((p) => p.name)).toEqual(['郑股东']);
    expect(owed.inquiry.map((p) => p.name)).toEqual(['郑股东']);
    expect(owed.inquiryNow).toBe(true);
    expect(joinedOwed(withJoined('awaiting-officer')).inquiryNow).toBe(true);
  });

  it('fail: in the middle of an auction or a payout the inquiry waits; once covered, nothing is owed', () => {
    expect(joinedOwed(withJoined('disposing')).inquiryNow).toBe(false);
    expect(joinedOwed(withJoined('disbursement-approval')).inquiryNow).toBe(false);
    const covered = withJoined('coercing', {
      documents: [
        { docId: 'd1', kind: 'enforcement-notice', issuedAt: 'x' },
        { docId: 'd2', kind: 'enforcement-notice', issuedAt: 'x', respondentId: 'pshare' },
      ],
      inquiry: {
        requestedAt: 'x',
        channels: [],
        answered: [],
        silent: [],
        requests: { r1: [respondent.partyId], r2: ['pshare'] },
      },
    });
    expect(withoutNotice(covered)).toEqual([]);
    expect(notInquired(covered)).toEqual([]);
    expect(joinedOwed(covered)).toMatchObject({ notice: [], inquiry: [], inquiryNow: false });
  });

  it('fail: before the first runs nothing is owed apart (they cover every respondent)', () => {
    const early = withJoined('triaged', { documents: [], phaseRuns: {}, inquiry: undefined });
    expect(joinedOwed(early)).toMatchObject({ notice: [], inquiry: [], inquiryNow: false });
  });
});

describe('V2: a shareholder who joined for the capital not paid in answers up to it (变更追加规定 第十七条)', () => {
  const shareholder: Party = { ...respondent, partyId: 'pshare', name: '郑股东' };
  const deposit = {
    assetId: 'sdep',
    respondentId: 'pshare',
    class: 'deposit' as const,
    channel: 'icbc',
    institution: '工商银行',
    reference: '6222',
    balanceFen: fen(4_000_000),
    frozenFen: fen(0),
    deductedFen: fen(0),
    status: 'found' as const,
  };
  const joinedWith = (cap: number | undefined): EnforcementCase => ({
    ...state,
    status: 'investigating',
    respondents: [respondent, shareholder],
    assets: { sdep: deposit },
    partyChanges: {
      v1: {
        applicationId: 'v1',
        status: 'settled',
        final: 'granted',
        party: shareholder,
        partyId: 'pshare',
        ...(cap !== undefined ? { liabilityCapFen: fen(cap) } : {}),
      } as unknown as PartyChange,
    },
  });

  it('pass: the freeze on his deposit stops at the 30,000.00 yuan he did not pay in', () => {
    const plan = planControl(joinedWith(3_000_000));
    expect(plan.freezes).toEqual([{ assetId: 'sdep', amountFen: 3_000_000 }]);
  });

  it('fail: without a limit (an heir within the estate is not capped here) the deposit is frozen for the claim', () => {
    const plan = planControl(joinedWith(undefined));
    expect(plan.freezes[0]?.amountFen).toBe(Math.min(4_000_000, plan.outstandingFen));
    expect(plan.freezes[0]?.amountFen).toBeGreaterThan(3_000_000);
  });
});
