/**
 * The disputes' documents (issue 16): which acts call for which document, with the act's fields as the journal had
 * them when the court acted; refused or unfinished acts call for none; a field the act lacks is named, not blank.
 */
import { describe, expect, it } from 'vitest';
import { localDate } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Asset } from '#domain/case/model.ts';
import { composeDocument, MissingDocumentFieldError, ruleFields } from '#domain/documents/compose.ts';
import { documentRequests } from '#domain/documents/triggers.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { applicant, caseFrom, commitsOf, filed, respondent } from '../../support/cases.ts';

const ACCOUNT: Asset = {
  assetId: 'A1',
  respondentId: respondent.partyId,
  class: 'deposit',
  channel: 'bank',
  institution: '中国工商银行青县支行',
  reference: '6222 **** 1234',
  frozenFen: fen(0),
  deductedFen: fen(0),
  status: 'found',
};
const found: CaseEvent = { type: 'inquiry-answered', channel: 'bank', assets: [ACCOUNT] };

function requests(...groups: CaseEvent[][]) {
  const all = [[filed()], [found], ...groups];
  return documentRequests(caseFrom(...all), commitsOf('cabcdefghijklmnopqrs', ...all), RULES);
}

function text(request: ReturnType<typeof requests>[number]): string {
  const state = caseFrom([filed()]);
  return composeDocument({
    kind: request.kind,
    number: '（2026）冀0922执异1号',
    officer: '马超',
    approver: '黄磊',
    date: localDate('2026-03-20'),
    fields: {
      ...ruleFields(RULES),
      courtName: state.court.name,
      caseNumber: state.caseNumber,
      applicants: applicant.name,
      respondents: respondent.name,
      respondentName: respondent.name,
      basisCourt: state.basis.court,
      basisNumber: state.basis.documentNumber,
      cause: '借款合同纠纷',
      filedDate: '二〇二六年三月二日',
      ...request.fields,
    },
  }).paragraphs.join('');
}

const objectionFiled = (kind: 'act' | 'third-party'): CaseEvent => ({
  type: 'objection-filed',
  objectionId: 'O1',
  kind,
  objector: { name: '李秀英', role: kind === 'act' ? 'interested' : 'third-party' },
  assetId: 'A1',
  ...(kind === 'act' ? { act: 'seizure' as const } : {}),
  grounds: '账户内存款系其所有。',
  receivedOn: localDate('2026-03-05'),
  by: 'wang-fang',
});
const ruled = (outcome: 'upheld' | 'dismissed'): CaseEvent => ({
  type: 'objection-ruled',
  objectionId: 'O1',
  outcome,
  by: 'huang-lei',
  servedOn: localDate('2026-03-18'),
  reasons: '异议人的证据足以证明其主张',
});

describe('objection rulings', () => {
  it('pass: an objection to a freeze, upheld, is ruled in writing: the act set aside, reconsideration in ten days', () => {
    const [doc, ...rest] = requests([objectionFiled('act')], [ruled('upheld')]);
    expect(rest).toEqual([]);
    expect(doc?.kind).toBe('objection-ruling');
    const body = text(doc as never);
    expect(body).toContain('异议成立，撤销本院对银行账户（6222 **** 1234）采取的查封、冻结的执行行为。');
    expect(body).toContain('异议人称：账户内存款系其所有。');
    expect(body).toContain('自本裁定送达之日起十日内');
  });

  it('pass: a third party’s objection dismissed, with the fifteen days to sue; upheld suspends the asset', () => {
    const [dismissed] = requests([objectionFiled('third-party')], [ruled('dismissed')]);
    expect(dismissed?.kind).toBe('third-party-objection-ruling');
    expect(text(dismissed as never)).toContain('驳回案外人李秀英的异议请求。');
    expect(text(dismissed as never)).toContain('十五日内向本院提起诉讼');
    const [upheld] = requests([objectionFiled('third-party')], [ruled('upheld')]);
    expect(text(upheld as never)).toContain('中止对银行账户（6222 **** 1234）的执行。');
  });

  it('fail: an objection filed but not ruled calls for no document', () => {
    expect(requests([objectionFiled('act')])).toEqual([]);
  });
});

describe('suspension, deferral, reversal', () => {
  it('pass: an approved suspension is ruled, an approved deferral decided with its guarantee and last day', () => {
    const [suspension] = requests(
      [
        {
          type: 'suspension-proposed',
          kind: 'suspension',
          ground: 'third-party-objection-justified',
          note: 'n',
          by: 'wang-fang',
        },
      ],
      [{ type: 'suspension-ruled', decision: 'approved', by: 'huang-lei', on: localDate('2026-03-06') }],
    );
    expect(suspension?.kind).toBe('suspension-ruling');
    expect(text(suspension as never)).toContain('本院在执行过程中查明：案外人对执行标的提出确有理由的异议。');
    const [deferral] = requests(
      [
        {
          type: 'suspension-proposed',
          kind: 'deferral',
          ground: 'guarantee',
          note: 'n',
          by: 'wang-fang',
          until: localDate('2026-09-02'),
          guarantee: {
            form: 'surety',
            guarantor: '青县宏达担保有限公司',
            amountFen: fen(5_000_000),
            periodEndsOn: localDate('2027-03-02'),
          },
        },
      ],
      [{ type: 'suspension-ruled', decision: 'approved', by: 'huang-lei', on: localDate('2026-03-06') }],
    );
    expect(deferral?.kind).toBe('deferral-decision');
    expect(text(deferral as never)).toContain('由青县宏达担保有限公司提供保证，担保数额人民币50,000.00元');
    expect(text(deferral as never)).toContain('本案暂缓执行至二〇二六年九月二日。');
  });

  it('fail: a refused suspension calls for none; a deferral without its last day is an error naming `until`', () => {
    const proposed: CaseEvent = {
      type: 'suspension-proposed',
      kind: 'deferral',
      ground: 'guarantee',
      note: 'n',
      by: 'wang-fang',
    };
    expect(
      requests([proposed], [{ type: 'suspension-ruled', decision: 'rejected', by: 'h', on: localDate('2026-03-06') }]),
    ).toEqual([]);
    const [deferral] = requests(
      [proposed],
      [{ type: 'suspension-ruled', decision: 'approved', by: 'h', on: localDate('2026-03-06') }],
    );
    expect(() => text(deferral as never)).toThrow(MissingDocumentFieldError);
    expect(() => text(deferral as never)).toThrow('缺少字段：guarantee');
  });

  it('pass: a reversal names who returns what to whom', () => {
    const [reversal] = requests([
      {
        type: 'reversal-ordered',
        setAsideBy: '（2026）冀09民再1号民事判决',
        returnFen: fen(1_000_000),
        from: applicant.partyId,
        to: respondent.partyId,
        by: 'huang-lei',
        ruledBy: 'huang-lei',
      },
    ]);
    expect(text(reversal as never)).toContain(`${applicant.name}应当返还${respondent.name}人民币10,000.00元。`);
  });
});

describe('distribution plan, party change, relief', () => {
  const creditor = (id: string, name: string, host: boolean) =>
    ({
      type: 'distribution-applied',
      creditor: {
        creditorId: id,
        name,
        claimFen: fen(100_000),
        priority: false,
        title: 't',
        host,
        appliedAt: '2026-03-03T00:00:00.000Z',
      },
    }) as const;

  it('pass: the plan served states the money, the costs, each creditor’s share and the objection period', () => {
    const [plan] = requests(
      [creditor(applicant.partyId, applicant.name, true), creditor('c2', '周建国', false)],
      [
        {
          type: 'distribution-planned',
          by: 'wang-fang',
          plan: {
            availableFen: fen(202_000),
            costsFen: fen(2_000),
            shares: [
              { creditorId: applicant.partyId, amountFen: fen(100_000), kind: 'pro-rata' },
              { creditorId: 'c2', amountFen: fen(100_000), kind: 'pro-rata' },
            ],
            refundFen: fen(0),
          } as never,
        },
      ],
      [{ type: 'distribution-served', by: 'huang-lei', servedOn: localDate('2026-03-10') }],
    );
    expect(plan?.kind).toBe('distribution-plan');
    const body = text(plan as never);
    expect(body).toContain('周建国（普通债权，按比例受偿）分得人民币1,000.00元');
    expect(body).toContain('执行费用人民币20.00元');
    expect(body).toContain('自收到本方案之日起十五日内');
  });

  it('fail: a plan made but not served calls for none', () => {
    expect(requests([creditor('c2', '周建国', false)])).toEqual([]);
  });

  it('pass: a party change ruled names the ground, its article and the challenge; relief granted names the sum', () => {
    const [change] = requests(
      [
        {
          type: 'party-change-applied',
          applicationId: 'PC1',
          ground: 'heir',
          change: 'change',
          party: { ...respondent, partyId: 'pheir00000000001', name: '罗小东' },
          replaces: respondent.partyId,
          receivedOn: localDate('2026-03-04'),
          by: 'wang-fang',
        },
      ],
      [
        {
          type: 'party-change-ruled',
          applicationId: 'PC1',
          outcome: 'granted',
          by: 'huang-lei',
          reason: '被执行人已死亡，罗小东系其继承人',
          servedOn: localDate('2026-03-10'),
          challengeBy: localDate('2026-03-20'),
          challengeRoute: 'reconsideration',
        },
      ],
    );
    expect(change?.kind).toBe('party-change-ruling');
    const body = text(change as never);
    expect(body).toContain('变更罗小东为本案被执行人。');
    expect(body).toContain('第十条、第二十八条');
    expect(body).toContain('在二〇二六年三月二十日前向上一级人民法院申请复议');

    const [relief] = requests(
      [
        {
          type: 'relief-applied',
          applicantId: applicant.partyId,
          hardship: '因伤致残，生活困难',
          requestedFen: fen(5_000_000),
          by: 'wang-fang',
          execution: 'x',
        },
      ],
      [{ type: 'relief-decided', decision: 'approved', by: 'huang-lei', grantedFen: fen(3_000_000) }],
    );
    expect(relief?.kind).toBe('relief-decision');
    expect(text(relief as never)).toContain(`给予申请人${applicant.name}国家司法救助金人民币30,000.00元。`);
  });

  it('pass: a late application’s objection upheld is ruled 不予执行; dismissed, the objection is rejected', () => {
    const raised: CaseEvent = {
      type: 'limitation-objection-raised',
      objectionId: 'L1',
      respondentId: respondent.partyId,
      receivedOn: localDate('2026-03-04'),
      by: 'wang-fang',
    };
    const decided = (outcome: 'upheld' | 'dismissed'): CaseEvent => ({
      type: 'limitation-objection-decided',
      objectionId: 'L1',
      outcome,
      by: 'tang-jie',
      reason: '申请执行人的申请已超过二年',
    });
    const limit: CaseEvent = {
      type: 'application-limit-computed',
      countsFrom: 'perform-by',
      from: localDate('2023-01-01'),
      lastDay: localDate('2025-01-01'),
      filedOn: localDate('2026-03-02'),
      within: false,
      unconfirmedYears: [],
    };
    const [upheld] = requests([limit, raised], [decided('upheld')]);
    expect(upheld?.kind).toBe('limitation-ruling');
    expect(text(upheld as never)).toContain('本案不予执行。');
    expect(text(upheld as never)).toContain(`被执行人${respondent.name}于二〇二六年三月四日`);
    const [dismissed] = requests([limit, raised], [decided('dismissed')]);
    expect(text(dismissed as never)).toContain(`驳回被执行人${respondent.name}的异议。`);
    // Raised but not decided: nothing yet.
    expect(requests([limit, raised])).toEqual([]);
  });

  it('fail: a refused relief calls for none', () => {
    expect(
      requests(
        [
          {
            type: 'relief-applied',
            applicantId: applicant.partyId,
            hardship: 'h',
            requestedFen: fen(1),
            by: 'w',
            execution: 'x',
          },
        ],
        [{ type: 'relief-decided', decision: 'rejected', by: 'h' }],
      ),
    ).toEqual([]);
  });
});
