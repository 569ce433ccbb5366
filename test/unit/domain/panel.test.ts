/**
 * E8-PANEL (网拍规定 第二十七条; 民诉法: 合议庭 of an odd number, 少数服从多数): a panel step is decided by a majority
 * of the panel, each member voting once; votes on different terms do not add up.
 */
import { describe, expect, it } from 'vitest';
import { isPanelStep, type PanelVote, panelMajority, panelOutcome, voteProblem } from '#domain/approvals/panel.ts';
import { RULES } from '#domain/rules/table.ts';

const approve = (by: string, startingPriceFen = 75_000_000): PanelVote => ({
  by,
  decision: 'approved',
  data: { startingPriceFen },
});

describe('E8-PANEL: majority of the collegial panel', () => {
  it('the auction terms are a panel step of three members; two make a majority', () => {
    expect(isPanelStep('auction-terms', RULES)).toBe(true);
    expect(isPanelStep('control-plan', RULES)).toBe(false);
    expect(RULES.E8_PANEL.size % 2).toBe(1);
    expect(panelMajority(RULES)).toBe(2);
  });

  it('pass: two members approving the same terms decide them, keys in any order', () => {
    const first: PanelVote = { by: 'a', decision: 'approved', data: { startingPriceFen: 1, depositFen: 2 } };
    const second: PanelVote = { by: 'b', decision: 'approved', data: { depositFen: 2, startingPriceFen: 1 } };
    expect(panelOutcome([first, second], RULES)).toMatchObject({
      decided: { decision: 'approved', data: { startingPriceFen: 1 }, by: 'b' },
      votes: 2,
      needed: 2,
    });
    expect(
      panelOutcome([approve('a'), { by: 'b', decision: 'rejected' }, { by: 'c', decision: 'rejected' }], RULES),
    ).toMatchObject({ decided: { decision: 'rejected' } });
  });

  it('fail: one member alone, or two members on different terms, decide nothing', () => {
    expect(panelOutcome([approve('a')], RULES).decided).toBeUndefined();
    expect(panelOutcome([approve('a'), approve('b', 80_000_000)], RULES).decided).toBeUndefined();
    expect(panelOutcome([approve('a'), { by: 'b', decision: 'rejected' }], RULES).decided).toBeUndefined();
  });

  it('fail: a member votes once; a full panel takes no more votes', () => {
    expect(voteProblem([approve('a')], 'a', RULES)).toMatch(/不能重复表决/);
    expect(voteProblem([approve('a')], 'b', RULES)).toBeUndefined();
    expect(voteProblem([approve('a'), approve('b', 1), approve('c', 2)], 'd', RULES)).toMatch(/均已表决/);
  });
});
