/** The one line an approver reads: what is frozen (money, with its amount) is not what is sealed (property). */
import { describe, expect, it } from 'vitest';
import { approvalSummary } from '#domain/approvals/policy.ts';
import type { Asset, EnforcementCase } from '#domain/case/model.ts';
import { reliefPayee } from '#domain/measures/relief.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { applicant, caseFrom, filed, respondent } from '../../support/cases.ts';

const asset = (assetId: string, assetClass: Asset['class']): Asset => ({
  assetId,
  respondentId: respondent.partyId,
  class: assetClass,
  channel: 'x',
  institution: 'x',
  reference: assetId,
  frozenFen: fen(0),
  deductedFen: fen(0),
  status: 'found',
});

function planned(freezes: { assetId: string; amountFen: number }[], assets: Asset[]): EnforcementCase {
  const state = caseFrom([filed(100_000)]);
  return {
    ...state,
    assets: Object.fromEntries(assets.map((a) => [a.assetId, a])),
    controlPlan: {
      freezes: freezes.map((f) => ({ assetId: f.assetId, amountFen: fen(f.amountFen) })),
      entrustments: [],
      outstandingFen: fen(105_718),
      note: '',
    },
  };
}

describe('the control plan approval', () => {
  it('pass: a flat sealed is named as sealed, with no amount', () => {
    const state = planned([{ assetId: 'flat', amountFen: 0 }], [asset('flat', 'real-estate')]);
    expect(approvalSummary('control-plan', state, RULES)).toBe('查封财产1项；待执行1,057.18元');
  });

  it('fail: it is never "frozen for 0.00"; money frozen keeps its amount beside the seal', () => {
    const state = planned(
      [
        { assetId: 'bank', amountFen: 30_000 },
        { assetId: 'flat', amountFen: 0 },
      ],
      [asset('bank', 'deposit'), asset('flat', 'real-estate')],
    );
    const summary = approvalSummary('control-plan', state, RULES);
    expect(summary).toBe('冻结存款、网络资金1项共300.00元；查封财产1项；待执行1,057.18元');
    expect(summary).not.toContain('0.00元；委托');
  });
});

describe('the 终本 approval', () => {
  const reviewing = (coercion: EnforcementCase['coercion']): EnforcementCase => ({
    ...caseFrom([filed(100_000)]),
    ...(coercion ? { coercion } : {}),
    closureReview: {
      run: 1,
      way: 'final-round-closure',
      requestedBy: 'system',
      requestedAt: '2026-06-03T01:00:00.000Z',
      status: 'open',
      problems: [],
    },
  });

  it('pass: a restriction in force is said to stay in force; fail: a listing the respondent never had is not', () => {
    const restricted = reviewing({
      published: {},
      recorded: [],
      restriction: { issuedAt: '2026-03-20T01:00:00.000Z', bound: [] },
    } as unknown as EnforcementCase['coercion']);
    const summary = approvalSummary('final-closure', restricted, RULES);
    expect(summary).toContain('财产调查已穷尽，限制消费令继续有效');
    expect(summary).not.toContain('失信名单');
    expect(approvalSummary('final-closure', reviewing(undefined), RULES)).not.toContain('继续有效');
  });
});

describe('the disbursement approval', () => {
  const disbursing = (payouts: { payeeId: string; amountFen: number }[]): EnforcementCase => ({
    ...caseFrom([filed(100_000)]),
    disbursementPlan: { payouts: payouts.map((p) => ({ ...p, amountFen: fen(p.amountFen) })), refundFen: fen(0) },
  });

  it('fail: all of it repaying the relief fund is never "向0名申请执行人发放共0.00元"', () => {
    const summary = approvalSummary(
      'disbursement',
      disbursing([{ payeeId: reliefPayee(applicant.partyId), amountFen: 1_000_000 }]),
      RULES,
    );
    expect(summary).not.toContain('向0名');
    expect(summary).toBe('本次不向申请执行人发放：归还司法救助资金10,000.00元（扣回先行支付的司法救助金，M-RELIEF）');
  });

  it('pass: money to the applicant is named first, then what repays the fund', () => {
    const summary = approvalSummary(
      'disbursement',
      disbursing([
        { payeeId: reliefPayee(applicant.partyId), amountFen: 500_000 },
        { payeeId: applicant.partyId, amountFen: 200_000 },
      ]),
      RULES,
    );
    expect(summary).toBe(
      '向1名申请执行人发放共2,000.00元；归还司法救助资金5,000.00元（扣回先行支付的司法救助金，M-RELIEF）',
    );
  });
});
