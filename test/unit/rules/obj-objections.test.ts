/**
 * OBJ-ACT, OBJ-THIRD-PARTY, OBJ-RELEASE: the examination (15 days from receipt), the reconsideration window (10 days
 * from service) and its decision (30 days), the lawsuit window (15 days from service), who may act in each, what
 * holds an asset from disposal, and what the end of a window or a judgment does to the seizure.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Asset, EnforcementCase } from '#domain/case/model.ts';
import { dueNodeActions, nodeLight } from '#domain/case/node-watch.ts';
import { applyEvent } from '#domain/case/reducer.ts';
import { planDisposal } from '#domain/disposal/plan.ts';
import {
  applyForReconsideration,
  decideReconsideration,
  fileObjection,
  fileSuit,
  filingProblems,
  heldAssets,
  lapsedWindows,
  objectionNodes,
  reconsiderationProblems,
  recordJudgment,
  ruleObjection,
  suitProblems,
} from '#domain/disputes/objection.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst, d } from '../../support/calendar.ts';
import { caseFrom, filed, respondent } from '../../support/cases.ts';

const FLAT = 'aflat000001';
const CAR = 'acar0000001';

function asset(assetId: string, cls: Asset['class']): Asset {
  return {
    assetId,
    respondentId: respondent.partyId,
    class: cls,
    channel: 'registry',
    institution: '登记机构',
    reference: assetId,
    frozenFen: fen(0),
    deductedFen: fen(0),
    status: 'found',
  };
}

function sealed(): EnforcementCase {
  return caseFrom(
    [filed(3_000_000)],
    [
      {
        type: 'inquiry-answered',
        channel: 'registry',
        assets: [asset(FLAT, 'real-estate'), asset(CAR, 'vehicle'), asset('adeposit001', 'deposit')],
      },
      { type: 'asset-frozen', assetId: FLAT, amountFen: fen(0), expiresOn: d('2029-03-01') },
      { type: 'asset-frozen', assetId: CAR, amountFen: fen(0), expiresOn: d('2028-03-01') },
      { type: 'asset-frozen', assetId: 'adeposit001', amountFen: fen(100), expiresOn: d('2027-03-01') },
    ],
  );
}

function apply(state: EnforcementCase, events: readonly CaseEvent[], at: string): EnforcementCase {
  return events.reduce((s, e) => applyEvent(s, e, at), state);
}

const FILED_AT = cst('2026-04-01 10:00');
const THIRD = { kind: 'third-party' as const, objector: { name: '赵敏', role: 'third-party' as const } };
const ACT = { kind: 'act' as const, objector: { name: '被执行人', role: 'respondent' as const } };

function filedObjection(kind: 'act' | 'third-party', base = sealed()) {
  const filing = { ...(kind === 'act' ? ACT : THIRD), assetId: FLAT, grounds: '理由' };
  const { objectionId, events } = fileObjection(base, filing, 'wang-fang', RULES, calendar, FILED_AT);
  return { objectionId, state: apply(base, events, FILED_AT) };
}

function ruled(kind: 'act' | 'third-party', outcome: 'upheld' | 'dismissed', servedOn = '2026-04-10') {
  const { objectionId, state } = filedObjection(kind);
  const at = cst('2026-04-10 15:00');
  const events = ruleObjection(
    state,
    objectionId,
    { outcome, by: 'tang-jie', reasons: '理由', servedOn: d(servedOn) },
    RULES,
    calendar,
    at,
  );
  return { objectionId, state: apply(state, events, at) };
}

describe('OBJ-ACT / OBJ-THIRD-PARTY: filing and examination', () => {
  it('pass: the examination runs 15 days from receipt (1 April: due 16 April)', () => {
    const { objectionId, state } = filedObjection('third-party');
    expect(state.nodes[objectionNodes(objectionId).examination]).toMatchObject({
      ruleId: 'OBJ-THIRD-PARTY',
      startedOn: '2026-04-01',
      dueDate: '2026-04-16',
      status: 'open',
    });
    expect(state.objections?.[objectionId]).toMatchObject({ status: 'examining', assetId: FLAT });
  });

  it('fail: a party cannot bring a third-party objection, nor a third party an objection to an act', () => {
    const codes = (filing: Parameters<typeof filingProblems>[1]) =>
      filingProblems(sealed(), filing, FILED_AT).map((p) => p.code);
    expect(codes({ ...THIRD, objector: { name: 'x', role: 'respondent' }, assetId: FLAT, grounds: 'g' })).toEqual([
      'role',
    ]);
    expect(codes({ ...ACT, objector: { name: 'x', role: 'third-party' }, assetId: FLAT, grounds: 'g' })).toEqual([
      'role',
    ]);
    // A frozen deposit may be claimed (its deduction then waits: obj-act-targets.test.ts).
    expect(codes({ ...THIRD, assetId: 'adeposit001', grounds: 'g' })).toEqual([]);
    expect(codes({ ...THIRD, assetId: 'anone', grounds: 'g' })).toEqual(['asset']);
    expect(codes({ ...THIRD, assetId: FLAT, grounds: 'g', receivedOn: d('2026-04-02') })).toEqual(['received-on']);
  });

  it('fail: a second objection of the same kind on the same asset while the first is pending', () => {
    const { state } = filedObjection('third-party');
    expect(filingProblems(state, { ...THIRD, assetId: FLAT, grounds: 'g' }, FILED_AT).map((p) => p.code)).toEqual([
      'pending',
    ]);
  });
});

describe('OBJ-ACT: reconsideration (10 days from service, decided in 30), the act going on meanwhile', () => {
  it('pass: the side the ruling went against applies on the 10th day; the higher court has 30 days', () => {
    const { objectionId, state } = ruled('act', 'upheld');
    const window = state.nodes[objectionNodes(objectionId).reconsiderationWindow];
    expect(window).toMatchObject({ dueDate: '2026-04-20', window: true, ruleId: 'OBJ-ACT' });
    const tenth = cst('2026-04-20 17:00');
    expect(reconsiderationProblems(state, objectionId, 'applicant', tenth)).toEqual([]);
    const after = apply(
      state,
      applyForReconsideration(state, objectionId, 'applicant', d('2026-04-20'), RULES, calendar, tenth),
      tenth,
    );
    expect(after.nodes[objectionNodes(objectionId).reconsideration]).toMatchObject({ dueDate: '2026-05-20' });
    // The act goes on: nothing is held from disposal while examined or reconsidered (执行程序解释 第九条).
    expect(heldAssets(after).size).toBe(0);
    expect(RULES.OBJ_ACT.actContinues).toBe(true);
  });

  it('fail: the 11th day is too late; the side the ruling favoured cannot apply', () => {
    const { objectionId, state } = ruled('act', 'upheld');
    expect(
      reconsiderationProblems(state, objectionId, 'applicant', cst('2026-04-21 09:00')).map((p) => p.code),
    ).toEqual(['late']);
    expect(
      reconsiderationProblems(state, objectionId, 'respondent', cst('2026-04-15 09:00')).map((p) => p.code),
    ).toEqual(['side']);
  });

  it('an upheld ruling that stands releases the seizure; reversed on reconsideration, it stays', () => {
    const { objectionId, state } = ruled('act', 'upheld');
    const lapsed = lapsedWindows(state, cst('2026-04-21 00:00'), RULES, calendar);
    expect(lapsed.map((e) => e.type)).toEqual(['node-met', 'seizure-released', 'objection-final']);
    expect(lapsedWindows(state, cst('2026-04-20 23:59'), RULES, calendar)).toEqual([]);
    const at = cst('2026-04-15 09:00');
    const applied = apply(
      state,
      applyForReconsideration(state, objectionId, 'applicant', d('2026-04-15'), RULES, calendar, at),
      at,
    );
    const reversed = decideReconsideration(applied, objectionId, 'reversed', at, RULES, calendar);
    expect(reversed.find((e) => e.type === 'seizure-released')).toBeUndefined();
    expect(reversed.at(-1)).toMatchObject({ type: 'objection-final', effect: 'unchanged' });
  });
});

describe('OBJ-THIRD-PARTY: the hold, the lawsuit (15 days from service), the judgment', () => {
  it('pass: from the ruling the asset is held, and disposal goes on with the others', () => {
    const { state } = ruled('third-party', 'upheld');
    expect([...heldAssets(state)]).toEqual([FLAT]);
    const planned = planDisposal({ ...state, status: 'disposing' }, RULES, calendar, cst('2026-04-11 09:00'));
    const started = planned.events.filter((e) => e.type === 'reference-price-started');
    expect(started).toEqual([{ type: 'reference-price-started', assetId: CAR, method: expect.any(String) }]);
  });

  it('fail: while examined nothing is held (the ruling holds it)', () => {
    const { state } = filedObjection('third-party');
    expect(heldAssets(state).size).toBe(0);
  });

  it('pass: upheld, the applicant sues on on the period’s last day; the judgment for the third party releases the seal', () => {
    const { objectionId, state } = ruled('third-party', 'upheld');
    // 15 days from 10 April end on Saturday 25 April: the period runs on to Monday 27 April (legal calendar).
    expect(state.nodes[objectionNodes(objectionId).suitWindow]).toMatchObject({ dueDate: '2026-04-27', window: true });
    const last = cst('2026-04-27 16:00');
    expect(suitProblems(state, objectionId, 'applicant', last)).toEqual([]);
    const suing = apply(state, fileSuit(state, objectionId, 'applicant', last), last);
    expect([...heldAssets(suing)]).toEqual([FLAT]);
    expect(lapsedWindows(suing, cst('2026-05-30 09:00'), RULES, calendar)).toEqual([]);
    const judged = recordJudgment(suing, objectionId, { for: 'third-party', reference: '（2026）冀0922民初1号' });
    expect(judged.map((e) => e.type)).toEqual(['objection-judgment', 'seizure-released', 'objection-final']);
    const forApplicant = recordJudgment(suing, objectionId, { for: 'applicant', reference: '（2026）冀0922民初2号' });
    expect(forApplicant.at(-1)).toMatchObject({ type: 'objection-final', effect: 'resumed' });
    expect(heldAssets(apply(suing, forApplicant, last)).size).toBe(0);
  });

  it('fail: the third party cannot sue an upheld ruling, nor anyone after the 15th day', () => {
    const { objectionId, state } = ruled('third-party', 'upheld');
    expect(suitProblems(state, objectionId, 'third-party', cst('2026-04-12 09:00')).map((p) => p.code)).toEqual([
      'side',
    ]);
    expect(suitProblems(state, objectionId, 'applicant', cst('2026-04-28 00:00')).map((p) => p.code)).toEqual(['late']);
  });

  it('no suit: upheld, the seal is released (OBJ-RELEASE); dismissed, the hold ends and disposal goes on', () => {
    const upheld = ruled('third-party', 'upheld');
    expect(lapsedWindows(upheld.state, cst('2026-04-28 00:00'), RULES, calendar).map((e) => e.type)).toEqual([
      'node-met',
      'seizure-released',
      'objection-final',
    ]);
    const dismissed = ruled('third-party', 'dismissed');
    const events = lapsedWindows(dismissed.state, cst('2026-04-28 00:00'), RULES, calendar);
    expect(events.map((e) => e.type)).toEqual(['node-met', 'objection-final']);
    expect(heldAssets(apply(dismissed.state, events, cst('2026-04-28 00:00'))).size).toBe(0);
  });

  it('a window is never escalated: it lapses at its end, and shows due-soon rather than overdue', () => {
    const { objectionId, state } = ruled('third-party', 'upheld');
    const window = state.nodes[objectionNodes(objectionId).suitWindow];
    if (!window) throw new Error('no window');
    const actions = dueNodeActions(state, cst('2026-04-28 00:00'), RULES, calendar).filter(
      (a) => a.node.node === window.node,
    );
    expect(actions.map((a) => a.kind)).toEqual(['lapse']);
    expect(nodeLight(window, cst('2026-04-28 00:00'), RULES, calendar)).toBe('due-soon');
  });
});
