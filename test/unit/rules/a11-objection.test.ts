/**
 * A11-OBJECTION (参考价规定 第二十二条、第二十三条): an online-inquiry or appraisal report is open to the parties' written
 * objection for 5 days; the window is a node of the case, closed by the sweeper when it passes.
 */
import { describe, expect, it } from 'vitest';
import type { EnforcementCase, Lot, PricingMethod } from '#domain/case/model.ts';
import { nodeLabel } from '#domain/case/node-labels.ts';
import { dueNodeActions } from '#domain/case/node-watch.ts';
import { recordDisposalAnswer } from '#domain/disposal/outcomes.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst } from '../../support/calendar.ts';
import { caseFrom, filed } from '../../support/cases.ts';

const FLAT = 'aflat000001';
const AT = cst('2026-04-08 10:00');

function pricing(method: PricingMethod) {
  const base = caseFrom([filed()]);
  const lot: Lot = {
    assetId: FLAT,
    status: 'pricing',
    pricing: { method, startedAt: cst('2026-04-03 10:00'), attempts: 1 },
    rounds: [],
    proceedsFen: fen(0),
  };
  const state: EnforcementCase = {
    ...base,
    status: 'disposing',
    disposal: { lots: { [FLAT]: lot }, recorded: [], usedApprovals: [] },
  };
  return recordDisposalAnswer(
    state,
    { kind: 'pricing', assetId: FLAT, method, valuations: [100_000_00, 102_000_00], report: '询价报告' },
    RULES,
    calendar,
    AT,
  ).events;
}

describe('A11-OBJECTION: 5 days to object to a price report', () => {
  it('pass: an online-inquiry report opens a 5-day window from its service, 8 to 13 April', () => {
    expect(RULES.A11_OBJECTION.window).toEqual({ days: 5, unit: 'calendar' });
    const events = pricing('online-inquiry');
    expect(events).toContainEqual({
      type: 'node-set',
      node: expect.objectContaining({
        node: `price-objection:${FLAT}`,
        ruleId: 'A11-OBJECTION',
        startedOn: '2026-04-08',
        dueDate: '2026-04-13',
        window: true,
      }),
    });
    expect(nodeLabel(`price-objection:${FLAT}`)).toBe('对询价、评估报告提出书面异议的期间');
  });

  it('fail: a price the parties agreed on (议价) is no report to object to: no window', () => {
    expect(pricing('negotiation').map((e) => e.type)).toEqual(['reference-price-set']);
  });

  it('the window lapses (never overdue) the instant after its last day', () => {
    const event = pricing('appraisal').find((e) => e.type === 'node-set');
    const node = event?.type === 'node-set' ? event.node : undefined;
    if (!node) throw new Error('no window');
    const state = { ...caseFrom([filed()]), nodes: { [node.node]: node } } as EnforcementCase;
    expect(dueNodeActions(state, cst('2026-04-13 23:00'), RULES, calendar)).toEqual([]);
    expect(dueNodeActions(state, cst('2026-04-14 00:00'), RULES, calendar)).toEqual([{ kind: 'lapse', node }]);
  });
});
