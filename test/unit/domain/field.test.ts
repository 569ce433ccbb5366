/** The field rules (issue 17): trips, consent, overdue returns, the retention of positions (P-FIELD-LOCATION). */
import { describe, expect, it } from 'vitest';
import type { EnforcementCase } from '#domain/case/model.ts';
import {
  checkIn,
  checkOut,
  FieldRuleError,
  isOverdue,
  lastKnownPosition,
  markOverdue,
  positionsExpireAt,
  purgePositions,
  recordCapture,
} from '#domain/field/trip.ts';
import { pendingActs } from '#domain/field/work.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { caseFrom, filed, respondent } from '../../support/cases.ts';

const NOW = '2026-03-02T01:00:00.000Z';
const HERE = { consent: true, latitude: 30.59, longitude: 114.3, accuracyMeters: 12 };

function trip(plannedReturnAt = '2026-03-02T05:00:00.000Z') {
  return checkOut(
    RULES,
    {
      tripId: '00000000-0000-4000-8000-000000000001',
      court: 'HB0922',
      officer: 'zhao-lei',
      caseId: 'c1',
      caseNumber: '（2026）鄂0922执1号',
      act: 'seal',
      purpose: '查封车辆',
      plannedReturnAt,
      position: HERE,
    },
    NOW,
  );
}

const later = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();

describe('checking out', () => {
  it('opens a trip with the check-out position when the officer consents', () => {
    const t = trip();
    expect(t.status).toBe('out');
    expect(t.positions).toEqual([
      { point: 'check-out', at: NOW, consent: true, latitude: 30.59, longitude: 114.3, accuracyMeters: 12 },
    ]);
  });

  it('keeps no coordinates without consent, even when the phone sent them', () => {
    const t = checkOut(RULES, { ...trip(), tripId: 'x', position: { ...HERE, consent: false } } as never, NOW);
    expect(t.positions).toEqual([{ point: 'check-out', at: NOW, consent: false }]);
    expect(lastKnownPosition(t)).toBeUndefined();
  });

  it('refuses a planned return in the past, and one beyond the longest trip', () => {
    expect(() => trip(NOW)).toThrow(FieldRuleError);
    expect(() => trip(later(RULES.P_FIELD_LOCATION.maxTripHours * 60 + 1))).toThrow(FieldRuleError);
    expect(() => trip(later(RULES.P_FIELD_LOCATION.maxTripHours * 60))).not.toThrow();
  });
});

describe('captures and check-in', () => {
  it('adds a capture position with its evidence; none once back', () => {
    const t = recordCapture(trip(), HERE, 'e1', later(30));
    expect(t.positions.at(-1)).toMatchObject({ point: 'capture', evidenceId: 'e1', consent: true });
    expect(t.lastSeenAt).toBe(later(30));
    const back = checkIn(t, HERE, later(60));
    expect(back.status).toBe('back');
    expect(() => recordCapture(back, HERE, 'e2', later(61))).toThrow(FieldRuleError);
  });

  it('checking in twice is the first check-in', () => {
    const back = checkIn(trip(), HERE, later(60));
    expect(checkIn(back, HERE, later(90))).toBe(back);
  });
});

describe('overdue returns (P-FIELD-LOCATION grace)', () => {
  const grace = RULES.P_FIELD_LOCATION.overdueGraceMinutes;
  const planned = later(240);

  it('is not overdue up to the planned return plus the grace', () => {
    expect(isOverdue(RULES, trip(planned), later(240 + grace))).toBe(false);
    expect(markOverdue(RULES, trip(planned), later(240 + grace))).toBeUndefined();
  });

  it('is overdue past it, marked once, and never once back', () => {
    const marked = markOverdue(RULES, trip(planned), later(240 + grace + 1));
    expect(marked?.overdueAlertedAt).toBe(later(240 + grace + 1));
    expect(marked && markOverdue(RULES, marked, later(400))).toBeUndefined();
    expect(isOverdue(RULES, checkIn(trip(planned), HERE, later(100)), later(400))).toBe(false);
  });
});

describe('retention of positions (个人信息保护法 第十九条, P-FIELD-LOCATION)', () => {
  const days = RULES.P_FIELD_LOCATION.retention.days;
  const back = checkIn(recordCapture(trip(), HERE, 'e1', later(30)), HERE, later(60));
  const expires = later(60 + days * 24 * 60);

  it('keeps positions until the retention period after the trip is over', () => {
    expect(positionsExpireAt(RULES, trip())).toBeUndefined();
    expect(positionsExpireAt(RULES, back)).toBe(expires);
    expect(purgePositions(RULES, back, later(60 + days * 24 * 60 - 1))).toBeUndefined();
  });

  it('deletes the coordinates after it, keeping when and which evidence', () => {
    const purged = purgePositions(RULES, back, expires);
    expect(purged?.positions.every((p) => p.latitude === undefined && p.longitude === undefined)).toBe(true);
    expect(purged?.positions.map((p) => p.point)).toEqual(['check-out', 'capture', 'check-in']);
    expect(purged?.positions[1]?.evidenceId).toBe('e1');
    expect(purged && purgePositions(RULES, purged, later(999_999))).toBeUndefined();
  });

  it('is a policy row marked as the system default, with its legal basis', () => {
    expect(RULES.P_FIELD_LOCATION.kind).toBe('policy');
    expect(RULES.P_FIELD_LOCATION.titleZh).toContain('系统默认值（可由本院配置）');
    expect(RULES.P_FIELD_LOCATION.source).toContain('个人信息保护法');
    expect(RULES.P_FIELD_LOCATION.source).toContain('第十九条');
  });
});

describe("today's field work: the on-site acts a case waits for", () => {
  const base = caseFrom([filed()]);
  const vehicle = {
    assetId: 'a1',
    respondentId: respondent.partyId,
    class: 'vehicle' as const,
    channel: 'dmv',
    institution: '车辆管理所',
    reference: '冀J·12345',
    frozenFen: fen(0),
    deductedFen: fen(0),
    status: 'found' as const,
  };

  it('asks to serve in person a respondent not served, and to seal a vehicle found', () => {
    const state = { ...base, assets: { a1: vehicle } } as EnforcementCase;
    expect(pendingActs(state).map((p) => [p.act, p.subject])).toEqual([
      ['serve', respondent.partyId],
      ['seal', 'a1'],
    ]);
  });

  it('asks nothing of a served respondent, a sealed vehicle or a bank deposit', () => {
    const state = {
      ...base,
      service: { ...base.service, served: { [respondent.partyId]: { method: 'e-service', at: NOW } } },
      assets: { a1: { ...vehicle, status: 'sealed' }, a2: { ...vehicle, assetId: 'a2', class: 'deposit' } },
    } as unknown as EnforcementCase;
    expect(pendingActs(state)).toEqual([]);
  });
});
