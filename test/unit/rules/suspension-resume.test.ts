/**
 * SUSPENSION, TERM-EXCLUDED (民诉法 2023年修正 第二百六十七条; 法释〔2000〕29号 第九条): what a suspension stops and
 * what lifting it starts again (every phase at work, only those), the stopped work's deadlines paused and moved on,
 * the coercion's watch kept for the days it lost, and the days stopped counted once in the enforcement term.
 */
import { describe, expect, it } from 'vitest';
import { plusDays } from '#domain/calendar/local-date.ts';
import type { AuctionRound, EnforcementCase, Phase, TimeNode } from '#domain/case/model.ts';
import { dueNodeActions, nodeLight, nodeOnBoard, waitsOnSuspension } from '#domain/case/node-watch.ts';
import { timeNode } from '#domain/case/nodes.ts';
import { termExclusionDue } from '#domain/case/term-exclusions.ts';
import type { SuspensionState } from '#domain/disputes/distribution-state.ts';
import {
  continuesControl,
  continuesInvestigation,
  pausedBySuspension,
  phasesToResume,
  resumedNodes,
  resumedWatch,
  stoppedPhases,
  suspendedDaysWithin,
} from '#domain/disputes/suspension-resume.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst, d } from '../../support/calendar.ts';
import { caseFrom, filed } from '../../support/cases.ts';

const base = caseFrom([filed()]);
const coercion = { published: {}, recorded: [] } as unknown as NonNullable<EnforcementCase['coercion']>;

function at(
  status: EnforcementCase['status'],
  runs: Partial<Record<Phase, number>>,
  extra: Partial<EnforcementCase> = {},
) {
  return { ...base, status, phaseRuns: runs, ...extra } as EnforcementCase;
}

function suspended(s: EnforcementCase, change: Partial<SuspensionState> = {}): EnforcementCase {
  const suspension: SuspensionState = {
    kind: 'suspension',
    status: 'in-force',
    ground: 'other-court-finds',
    note: '',
    proposedBy: 'wang-fang',
    from: d('2026-04-01'),
    interrupted: s.phaseRuns,
    stopped: stoppedPhases(s),
    ...change,
  };
  return { ...s, suspension, interrupted: s.phaseRuns };
}

const F1: TimeNode = timeNode('disbursement:1', 'F1', RULES.F1.period, cst('2026-03-20 10:00'), calendar);

describe('stoppedPhases and phasesToResume: every phase at work, only those', () => {
  it('pass: a disposal with the measures beside it stops both, and both start again', () => {
    const s = at('disposing', { service: 1, investigation: 1, disposal: 1, coercion: 1 }, { coercion });
    expect(stoppedPhases(s)).toEqual(['disposal', 'coercion']);
    expect(phasesToResume(suspended(s))).toEqual(['disposal', 'coercion']);
  });

  it('fail: ended phases are not started again (the measures beside ended, a later run began, the case closed)', () => {
    const ended = at('disposing', { disposal: 1, coercion: 1 }, { coercion: { ...coercion, outcome: 'exhausted' } });
    expect(stoppedPhases(ended)).toEqual(['disposal']);
    const alone = at('coercing', { disposal: 1, coercion: 2 }, { coercion });
    expect(stoppedPhases(alone)).toEqual(['coercion']);
    const later = suspended(alone);
    expect(phasesToResume({ ...later, phaseRuns: { disposal: 1, coercion: 3 } })).toEqual([]);
    expect(phasesToResume({ ...later, status: 'closed' })).toEqual([]);
    // A ruling recorded before it named the stopped phases: the phase the case was last in, as before.
    const legacy = suspended({ ...alone, phase: 'coercion' }, { stopped: undefined });
    expect(phasesToResume(legacy)).toEqual(['coercion']);
  });
});

describe('the network inquiry stopped, and continued when lifted', () => {
  const inquiring = at('investigating', { service: 1, investigation: 1 });
  const lifted = (s: EnforcementCase) => {
    const stopped = suspended(s);
    return { ...stopped, suspension: { ...stopped.suspension, status: 'resumed' } } as EnforcementCase;
  };

  it('pass: investigating, the inquiry run stops and is started again; its next run continues it', () => {
    expect(stoppedPhases(inquiring)).toEqual(['investigation']);
    expect(phasesToResume(suspended(inquiring))).toEqual(['investigation']);
    expect(continuesInvestigation(lifted(inquiring), 2)).toBe(true);
  });

  it('fail: not suspended, still in force, a later run (a joined respondent’s), or past the inquiry', () => {
    expect(continuesInvestigation(inquiring, 2)).toBe(false);
    expect(continuesInvestigation(suspended(inquiring), 2)).toBe(false);
    const continued = { ...lifted(inquiring), phaseRuns: { service: 1, investigation: 2 } };
    expect(continuesInvestigation(continued, 3)).toBe(false);
    const coercing = at('coercing', { investigation: 1, coercion: 1 }, { coercion });
    expect(stoppedPhases(coercing)).toEqual(['coercion']);
    expect(continuesInvestigation({ ...lifted(coercing), status: 'investigating' }, 2)).toBe(false);
  });
});

describe('control stopped after the plan was approved, and continued when lifted', () => {
  const controlling = at('controlling', { service: 1, investigation: 1 });
  const lifted = (s: EnforcementCase) => {
    const stopped = suspended(s);
    return { ...stopped, suspension: { ...stopped.suspension, status: 'resumed' } } as EnforcementCase;
  };
  const started = (s: EnforcementCase, run: number) =>
    ({ ...s, phaseRuns: { ...s.phaseRuns, investigation: run } }) as EnforcementCase;

  it('pass: controlling, the run stops and is started again; the next run continues the approved plan', () => {
    expect(stoppedPhases(controlling)).toEqual(['investigation']);
    expect(phasesToResume(suspended(controlling))).toEqual(['investigation']);
    expect(continuesInvestigation(lifted(controlling), 2)).toBe(true);
    expect(continuesControl(started(lifted(controlling), 2), 2)).toBe(true);
  });

  it('fail: still in force, not yet started, a later run, back to investigating, or the run already ended', () => {
    expect(continuesControl(started(suspended(controlling), 2), 2)).toBe(false);
    expect(continuesControl(lifted(controlling), 2)).toBe(false);
    expect(continuesControl(started(lifted(controlling), 3), 3)).toBe(false);
    expect(continuesControl({ ...started(lifted(controlling), 2), status: 'investigating' }, 2)).toBe(false);
    expect(continuesControl(started(lifted(controlling), 2), 1)).toBe(false);
    const ended = { ...controlling, interrupted: { investigation: 1 } } as EnforcementCase;
    expect(stoppedPhases(ended)).toEqual([]);
  });
});

describe('the stopped work’s deadlines: paused, then moved on', () => {
  it('pass: a payout deadline is neither warned about nor overdue while suspended; lifted, it moves on 30 days', () => {
    const s = suspended(at('disbursing', { disbursement: 1 }, { nodes: { [F1.node]: F1 } }));
    expect(pausedBySuspension(F1)).toBe(true);
    expect(dueNodeActions(s, cst('2026-06-01 10:00'), RULES, calendar)).toEqual([]);
    const [moved] = resumedNodes(s, 30);
    expect(moved).toMatchObject({ node: F1.node, originalDueDate: F1.dueDate, status: 'open' });
    expect(moved?.dueDate).toBe(plusDays(F1.dueDate, 30));
  });

  it('fail: renewals, windows, removals, the disputes’ terms keep running; not suspended, the payout is overdue', () => {
    const keep = (node: string, extra: Partial<TimeNode> = {}): TimeNode => ({
      ...F1,
      node: node as TimeNode['node'],
      ...extra,
    });
    for (const node of [
      'renewal:a1',
      'listing-removal',
      'dispute:guarantee',
      'objection:o1:examine',
      'enforcement-term',
    ])
      expect(pausedBySuspension(keep(node))).toBe(false);
    expect(pausedBySuspension(keep('price-objection:a1', { window: true }))).toBe(false);
    expect(pausedBySuspension(keep('disbursement:1', { status: 'met' }))).toBe(false);
    const running = at('disbursing', { disbursement: 1 }, { nodes: { [F1.node]: F1 } });
    expect(dueNodeActions(running, cst('2026-06-01 10:00'), RULES, calendar).map((a) => a.kind)).toContain('overdue');
    expect(resumedNodes(suspended(running), 0)).toEqual([]);
  });
});

describe('the stopped work’s deadlines as staff see them: not overdue, off the board', () => {
  const late = cst('2026-06-01 10:00');

  it('pass: suspended, the payout deadline past its day shows green and is off the board', () => {
    const s = suspended(at('disbursing', { disbursement: 1 }, { nodes: { [F1.node]: F1 } }));
    expect(waitsOnSuspension(s, F1)).toBe(true);
    expect(nodeLight(F1, late, RULES, calendar, waitsOnSuspension(s, F1))).toBe('green');
    expect(nodeOnBoard(s, F1)).toBe(false);
  });

  it('fail: not suspended (or lifted), or a node that keeps running: overdue and on the board', () => {
    const running = at('disbursing', { disbursement: 1 }, { nodes: { [F1.node]: F1 } });
    expect(nodeLight(F1, late, RULES, calendar, waitsOnSuspension(running, F1))).toBe('overdue');
    expect(nodeOnBoard(running, F1)).toBe(true);
    const lifted = suspended(running, { status: 'resumed', resumedOn: d('2026-05-01') });
    expect(nodeOnBoard(lifted, F1)).toBe(true);
    const renewal = { ...F1, node: 'renewal:a1' as TimeNode['node'] };
    expect(nodeOnBoard(suspended(running), renewal)).toBe(true);
  });
});

describe('the coercion’s watch for performance, kept for the days it lost', () => {
  const watching = { ...coercion, watchUntil: cst('2026-04-07 23:59'), watchRound: 1 };
  const id = (round: number) => `w-${round}`;

  it('pass: stopped on 1 April with the watch to 7 April, lifted after 30 days: a new watch to 7 May', () => {
    const s = suspended(at('coercing', { coercion: 1 }, { coercion: watching }));
    expect(resumedWatch(s, 30, id)).toEqual({
      type: 'performance-watched',
      until: cst('2026-05-07 23:59'),
      requestId: 'w-2',
    });
  });

  it('fail: a watch that ended before the ruling, measures ended, or no coercion to start again', () => {
    const over = suspended(
      at('coercing', { coercion: 1 }, { coercion: { ...watching, watchUntil: cst('2026-03-30 23:59') } }),
    );
    expect(resumedWatch(over, 30, id)).toBeUndefined();
    const done = suspended(at('coercing', { coercion: 1 }, { coercion: { ...watching, outcome: 'performed' } }));
    expect(resumedWatch(done, 30, id)).toBeUndefined();
    const other = suspended(at('disposing', { disposal: 1 }, { coercion: watching }));
    expect(resumedWatch(other, 30, id)).toBeUndefined();
  });
});

describe('TERM-EXCLUDED: a day stopped counts once, whether suspended or selling', () => {
  const round: AuctionRound = {
    round: 1,
    stage: 'first',
    auctionId: 'u1',
    startingPriceFen: fen(700_000_00),
    depositFen: fen(70_000_00),
    announcedAt: cst('2026-03-20 10:00'),
    startsAt: cst('2026-04-20 10:00'),
    endsAt: cst('2026-04-21 10:00'),
    outcome: 'sold',
  };
  const TERM = timeNode('enforcement-term', 'A1', RULES.A1.term, cst('2026-03-02 09:00'), calendar);
  const lot = { assetId: 'aflat', status: 'sold' as const, rounds: [round], proceedsFen: fen(0) };
  const selling = at(
    'disposing',
    { disposal: 1 },
    {
      nodes: { 'enforcement-term': TERM },
      disposal: { lots: { aflat: lot }, recorded: [], usedApprovals: [] } as unknown as EnforcementCase['disposal'],
    },
  );

  it('pass: a 30-day suspension inside a 60-day sale: the sale moves the term on by the other 30 days', () => {
    const lifted = suspended(selling, { status: 'resumed', from: d('2026-04-01'), resumedOn: d('2026-05-01') });
    expect(suspendedDaysWithin(lifted, d('2026-03-20'), d('2026-05-19'))).toBe(30);
    const event = termExclusionDue(lifted, RULES, cst('2026-05-19 10:00'));
    expect(event?.type === 'node-set' ? event.node.excluded?.[0]?.days : undefined).toBe(30);
  });

  it('fail: no suspension, or one outside the period, takes nothing off the sale’s 60 days', () => {
    expect(suspendedDaysWithin(selling, d('2026-03-20'), d('2026-05-19'))).toBe(0);
    const before = suspended(selling, { status: 'resumed', from: d('2026-03-05'), resumedOn: d('2026-03-10') });
    expect(suspendedDaysWithin(before, d('2026-03-20'), d('2026-05-19'))).toBe(0);
    const event = termExclusionDue(before, RULES, cst('2026-05-19 10:00'));
    expect(event?.type === 'node-set' ? event.node.excluded?.[0]?.days : undefined).toBe(60);
  });
});
