/**
 * A1, TERM-EXCLUDED (法释〔2000〕29号 第九条第（八）、（十二）项): a commissioned appraisal and the auction or sale of a
 * seized lot are not counted in the enforcement term: it is paused while they run and moved on by their days after.
 */
import { describe, expect, it } from 'vitest';
import type { AuctionRound, EnforcementCase, Lot, TimeNode } from '#domain/case/model.ts';
import { dueNodeActions, nextSweepAt } from '#domain/case/node-watch.ts';
import { timeNode } from '#domain/case/nodes.ts';
import { termExclusionDue, termPaused } from '#domain/case/term-exclusions.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst } from '../../support/calendar.ts';
import { caseFrom, filed } from '../../support/cases.ts';

const FLAT = 'aflat000001';
/** Filed 2 March 2026: six months, to 2 September. */
const TERM: TimeNode = timeNode('enforcement-term', 'A1', RULES.A1.term, cst('2026-03-02 09:00'), calendar);

function round(outcome?: 'sold' | 'failed'): AuctionRound {
  return {
    round: 1,
    stage: 'first',
    auctionId: 'u1',
    startingPriceFen: fen(700_000_00),
    depositFen: fen(70_000_00),
    announcedAt: cst('2026-07-01 10:00'),
    startsAt: cst('2026-08-01 10:00'),
    endsAt: cst('2026-08-02 10:00'),
    ...(outcome ? { outcome } : {}),
  };
}

function withLot(lot: Partial<Lot>, term: TimeNode = TERM): EnforcementCase {
  const base = caseFrom([filed()]);
  const full: Lot = { assetId: FLAT, status: 'priced', rounds: [], proceedsFen: fen(0), ...lot };
  return {
    ...base,
    status: 'disposing',
    nodes: { ...base.nodes, 'enforcement-term': term },
    disposal: { lots: { [FLAT]: full }, recorded: [], usedApprovals: [] },
  };
}

describe('第九条第（十二）项: the auction or sale of a seized lot', () => {
  it('pass: sold on 10 August after its first announcement on 1 July: the term moves on 40 days, once', () => {
    expect(TERM.dueDate).toBe('2026-09-02');
    const sold = withLot({ status: 'sold', rounds: [round('sold')] });
    const event = termExclusionDue(sold, RULES, cst('2026-08-10 15:00'));
    expect(event).toMatchObject({
      type: 'node-set',
      node: {
        node: 'enforcement-term',
        dueDate: '2026-10-12',
        originalDueDate: '2026-09-02',
        excluded: [{ key: `auction-or-sale:${FLAT}`, period: 'auction-or-sale', from: '2026-07-01', days: 40 }],
      },
    });
    const node = event?.type === 'node-set' ? event.node : TERM;
    expect(
      termExclusionDue(withLot({ status: 'sold', rounds: [round('sold')] }, node), RULES, cst('2026-08-11 10:00')),
    ).toBeUndefined();
  });

  it('fail: an auction still running moves nothing yet, and pauses the term: no warning, no overdue mark', () => {
    const running = withLot({ status: 'announced', rounds: [round()] });
    expect(termExclusionDue(running, RULES, cst('2026-08-01 12:00'))).toBeUndefined();
    expect(termPaused(running, RULES)).toBe(true);
    // Past the term's due date, the running sale keeps it from being marked overdue.
    expect(dueNodeActions(running, cst('2026-09-10 10:00'), RULES, calendar)).toEqual([]);
    expect(nextSweepAt(running, RULES, calendar)).toBeUndefined();
    // Without a sale running the same case is overdue then.
    const idle = withLot({ status: 'priced', rounds: [] });
    expect(termPaused(idle, RULES)).toBe(false);
    expect(dueNodeActions(idle, cst('2026-09-10 10:00'), RULES, calendar).map((a) => a.kind)).toContain('overdue');
  });
});

describe('第九条第（八）项: a commissioned appraisal', () => {
  const appraisal = (failed?: boolean): Partial<Lot> => ({
    status: failed === undefined ? 'pricing' : failed ? 'pricing' : 'priced',
    pricing: { method: 'appraisal', startedAt: cst('2026-05-04 10:00'), attempts: 1, ...(failed ? { failed } : {}) },
  });

  it('pass: an appraisal from 4 May that priced the lot on 3 June moves the term on 30 days', () => {
    const event = termExclusionDue(withLot(appraisal(false)), RULES, cst('2026-06-03 10:00'));
    expect(event).toMatchObject({
      node: { dueDate: '2026-10-02', excluded: [{ period: 'appraisal-or-audit', days: 30 }] },
    });
  });

  it('fail: an online inquiry (not a commissioned appraisal) moves nothing; an appraisal still running pauses only', () => {
    const inquiry = withLot({
      status: 'priced',
      pricing: { method: 'online-inquiry', startedAt: cst('2026-05-04 10:00'), attempts: 1 },
    });
    expect(termExclusionDue(inquiry, RULES, cst('2026-05-07 10:00'))).toBeUndefined();
    expect(termPaused(inquiry, RULES)).toBe(false);
    const running = withLot(appraisal());
    expect(termExclusionDue(running, RULES, cst('2026-05-20 10:00'))).toBeUndefined();
    expect(termPaused(running, RULES)).toBe(true);
  });
});
