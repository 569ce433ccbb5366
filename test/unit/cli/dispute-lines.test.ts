/** `enforce case` and the timeline show the disputes in Chinese: the distribution, the suspension, the reversal. */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import { fen } from '#domain/money.ts';
import { describeEvent } from '#domain/timeline/timeline.ts';
import { disputeLines } from '../../../local/cli/distribution.ts';
import { caseFrom, filed } from '../../support/cases.ts';

const names = { member: (id: string) => ({ 'zhang-wei': '张伟' })[id] ?? id, team: (id: string) => id };
const applied: CaseEvent = {
  type: 'distribution-applied',
  creditor: {
    creditorId: 'pcreditor0000001',
    name: '赵丽',
    claimFen: fen(1_000_000),
    priority: false,
    title: '（2026）冀0922民初99号',
    host: false,
    appliedAt: '2026-04-01T02:00:00.000Z',
  },
};
const suspended: CaseEvent[] = [
  { type: 'suspension-proposed', kind: 'suspension', ground: 'other-court-finds', note: '再审审查', by: 'wang-fang' },
  { type: 'suspension-ruled', decision: 'approved', by: 'zhang-wei', on: '2026-04-01' as never },
];

describe('dispute lines', () => {
  it('pass: the distribution and the suspension in Chinese, with their figures', () => {
    const state = caseFrom([filed()], [applied], suspended);
    expect(disputeLines(state)).toEqual(['参与分配：申请中，1名债权人申请', '中止执行：生效中']);
    expect(describeEvent(applied, state, names)).toBe(
      '申请参与分配：赵丽（其他债权人），债权10,000.00元，依据（2026）冀0922民初99号',
    );
    expect(describeEvent(suspended[1] as CaseEvent, state, names)).toBe(
      '张伟签发裁定（决定），自2026-04-01起停止执行，期间不计入执行期限（TERM-EXCLUDED）',
    );
  });

  it('fail: a case without disputes prints no dispute line', () => {
    expect(disputeLines(caseFrom([filed()]))).toEqual([]);
  });
});
