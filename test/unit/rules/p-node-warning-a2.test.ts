/**
 * Paired tests of P-NODE-WARNING (the warning before a node falls due), the overdue mark and its escalation, and
 * A2 (the term's extension requested in its last 5 days) and P-TERM-EXTENSION: on the day, it fires; the instant
 * before, it does not. Dates worked out by hand from the 2026 holiday notice.
 */
import { describe, expect, it } from 'vitest';
import { DECISION_DATA } from '#contracts/decisions.ts';
import { workingDaysBefore } from '#domain/calendar/legal-calendar.ts';
import { startOfChinaDay } from '#domain/calendar/local-date.ts';
import type { EnforcementCase, TimeNode } from '#domain/case/model.ts';
import { dueNodeActions, nextSweepAt, nodeLight } from '#domain/case/node-watch.ts';
import { timeNode } from '#domain/case/nodes.ts';
import { applyEvent } from '#domain/case/reducer.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst, d } from '../../support/calendar.ts';

const instantBefore = (instant: string) => new Date(Date.parse(instant) - 1).toISOString();

function withNodes(...nodes: TimeNode[]): EnforcementCase {
  return { status: 'awaiting-officer', nodes: Object.fromEntries(nodes.map((n) => [n.node, n])) } as EnforcementCase;
}

describe('P-NODE-WARNING: 2 working days before the due date', () => {
  it('counts back over a public holiday: due Tue 7 April 2026 (after Qingming 4-6 April) is warned Thu 2 April', () => {
    expect(workingDaysBefore(calendar, d('2026-04-07'), RULES.P_NODE_WARNING.warnBefore.days)).toBe('2026-04-02');
  });

  it('counts a make-up working day: due Tue 12 May 2026 is warned Sat 9 May (a make-up working day)', () => {
    expect(workingDaysBefore(calendar, d('2026-05-11'), 2)).toBe('2026-05-08');
    expect(workingDaysBefore(calendar, d('2026-05-12'), 2)).toBe('2026-05-09');
  });

  const node = timeNode('notice-sent', 'A5', RULES.A5.period, cst('2026-03-02 09:00'), calendar); // due Thu 5 March
  const warnAt = startOfChinaDay(d('2026-03-03'));

  it('pass: at the start of Tue 3 March the warning is due', () => {
    expect(dueNodeActions(withNodes(node), warnAt, RULES, calendar).map((a) => a.kind)).toEqual(['warn']);
    expect(nextSweepAt(withNodes(node), RULES, calendar)).toBe(warnAt);
    expect(nodeLight(node, warnAt, RULES, calendar)).toBe('due-soon');
  });

  it('fail: the instant before, nothing is due and the node is green', () => {
    expect(dueNodeActions(withNodes(node), instantBefore(warnAt), RULES, calendar)).toEqual([]);
    expect(nodeLight(node, instantBefore(warnAt), RULES, calendar)).toBe('green');
  });

  it('a node already warned is not warned again; the next milestone is the first instant after its due time', () => {
    const warned = { ...node, warnedAt: warnAt };
    expect(dueNodeActions(withNodes(warned), cst('2026-03-05 23:00'), RULES, calendar)).toEqual([]);
    expect(nextSweepAt(withNodes(warned), RULES, calendar)).toBe(startOfChinaDay(d('2026-03-06')));
  });
});

describe('overdue: the node, and its supervision task', () => {
  const node = timeNode('notice-sent', 'A5', RULES.A5.period, cst('2026-03-02 09:00'), calendar);
  const overdueFrom = startOfChinaDay(d('2026-03-06'));

  it('pass: from the start of the day after the due date, the node is overdue and escalated', () => {
    const kinds = dueNodeActions(withNodes({ ...node, warnedAt: 'x' }), overdueFrom, RULES, calendar).map(
      (a) => a.kind,
    );
    expect(kinds).toEqual(['overdue', 'escalate']);
    expect(nodeLight(node, overdueFrom, RULES, calendar)).toBe('overdue');
  });

  it('fail: on the due date itself (23:59:59.999 China time) it is not', () => {
    expect(dueNodeActions(withNodes({ ...node, warnedAt: 'x' }), instantBefore(overdueFrom), RULES, calendar)).toEqual(
      [],
    );
  });

  it('a met node, or a closed case, has nothing due, ever', () => {
    const met = { ...node, status: 'met' as const };
    expect(dueNodeActions(withNodes(met), overdueFrom, RULES, calendar)).toEqual([]);
    expect(nextSweepAt({ ...withNodes(node), status: 'closed' }, RULES, calendar)).toBeUndefined();
  });

  it('a node marked overdue by its workflow is still escalated, once', () => {
    const marked = { ...node, status: 'overdue' as const };
    expect(dueNodeActions(withNodes(marked), overdueFrom, RULES, calendar).map((a) => a.kind)).toEqual(['escalate']);
    expect(dueNodeActions(withNodes({ ...marked, escalation: 'e' }), overdueFrom, RULES, calendar)).toEqual([]);
  });
});

describe('A2: the extension is requested in the last 5 days of the term', () => {
  const term = timeNode('enforcement-term', 'A1', RULES.A1.term, cst('2026-03-02 09:30'), calendar); // due 2 Sept
  const opens = startOfChinaDay(d('2026-08-29'));

  it('pass: at the start of Sat 29 August (the 5th day before the end, counting the due date) it is requested', () => {
    const kinds = dueNodeActions(withNodes(term), opens, RULES, calendar).map((a) => a.kind);
    expect(kinds).toEqual(['request-extension']);
  });

  it('fail: the instant before, it is not', () => {
    expect(dueNodeActions(withNodes(term), instantBefore(opens), RULES, calendar)).toEqual([]);
  });

  it('only nodes of the rules A2 extends (A1) are extendable', () => {
    const other = timeNode('investigation-finished', 'A8', { months: 6 }, cst('2026-03-02 09:30'), calendar);
    expect(dueNodeActions(withNodes(other), opens, RULES, calendar)).toEqual([]);
  });

  it('an approved extension moves the due date and starts the watch again', () => {
    const requested = { ...term, extension: 'c-node-task-1', warnedAt: 'x' };
    const state = applyEvent(
      withNodes(requested),
      {
        type: 'node-extended',
        node: 'enforcement-term',
        months: 3,
        dueDate: d('2026-12-02'),
        dueAt: '2026-12-02T15:59:59.999Z',
        unconfirmedYears: [],
        approvalId: 'a1',
      },
      '2026-08-30T01:00:00.000Z',
    );
    expect(state.nodes['enforcement-term']).toMatchObject({
      dueDate: '2026-12-02',
      originalDueDate: '2026-09-02',
      extensions: 1,
      status: 'open',
    });
    expect(state.nodes['enforcement-term']?.extension).toBeUndefined();
    expect(state.nodes['enforcement-term']?.warnedAt).toBeUndefined();
  });
});

describe('P-TERM-EXTENSION: the months the president may decide', () => {
  const approved = DECISION_DATA['term-extension'].approved;
  it('pass: up to the maximum', () => {
    expect(approved.safeParse({ months: RULES.P_TERM_EXTENSION.maxMonths }).success).toBe(true);
    expect(approved.safeParse({}).success).toBe(true);
  });
  it('fail: beyond it', () => {
    expect(approved.safeParse({ months: RULES.P_TERM_EXTENSION.maxMonths + 1 }).success).toBe(false);
  });
});

describe('A2: one extension is 3 months, approved by the president (法释〔2000〕29号 第五条)', () => {
  it('pass: the law gives the 3 months; fail: it is no longer a project default', () => {
    expect(RULES.A2).toMatchObject({ kind: 'law', extensionMonths: 3, approver: 'president' });
    expect(RULES.A2.source).toContain('法释〔2000〕29号');
    expect('months' in RULES.P_TERM_EXTENSION).toBe(false);
  });
});
