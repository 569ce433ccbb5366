/**
 * The rule table: every number the workflows use, as data with its source.
 *
 * `kind: 'law'` rows come from ../shared/domain/enforcement-rules.md (row id kept); `verify: true` marks the rows
 * that reference takes from secondary sources, which a court must check and may override in its configuration.
 * `kind: 'policy'` rows are court working rules, not law: defaults chosen by this project, set per court.
 * Nothing in a handler or a state machine may carry one of these numbers as a literal.
 */
import type { Period } from '../calendar/legal-calendar.ts';

export interface RuleMeta {
  readonly id: string;
  readonly title: string;
  readonly titleZh: string;
  readonly kind: 'law' | 'policy';
  readonly source: string;
  readonly effectiveFrom: string;
  readonly version: string;
  readonly verify: boolean;
}

const TIME_LIMITS_2006 = '最高人民法院《关于人民法院办理执行案件若干期限的规定》(法发〔2006〕35号)';
const CPL_INTERPRETATION = '最高人民法院关于适用《中华人民共和国民事诉讼法》的解释 (2022年修正)';
/** Court working rules, not law: the project's defaults, which each court may set in its configuration. */
const POLICY = '系统默认值（可由本院配置），非法律规定';
const CONSUMPTION_2015 = '最高人民法院《关于限制被执行人高消费及有关消费的若干规定》(法释〔2015〕17号)';
const DISHONEST_2017 = '最高人民法院《关于公布失信被执行人名单信息的若干规定》(法释〔2017〕7号)';
const REFUSAL_2025 =
  '最高人民法院、最高人民检察院、公安部《关于办理拒不执行判决、裁定刑事案件若干问题的意见》(法发〔2025〕8号)';
const REFERENCE_PRICE_2018 = '最高人民法院《关于人民法院确定财产处置参考价若干问题的规定》(法释〔2018〕15号)';
const ONLINE_AUCTION_2016 = '最高人民法院《关于人民法院网络司法拍卖若干问题的规定》(法释〔2016〕18号)';
const FINAL_ROUND_2016 = '最高人民法院《关于严格规范终结本次执行程序的规定（试行）》(法〔2016〕373号)';
const CASE_FILING_2014 = '最高人民法院《关于执行案件立案、结案若干问题的意见》(法发〔2014〕26号)';
const SETTLEMENT_2018 = '最高人民法院《关于执行和解若干问题的规定》(法释〔2018〕3号)';
const REFUSAL_SELF_PROSECUTION_2018 =
  '最高人民法院《关于拒不执行判决、裁定罪自诉案件受理工作有关问题的通知》(法〔2018〕147号)';
const CPL_2023_ARTICLES = '《中华人民共和国民事诉讼法》(2023年修正)';
const DELAY_INTEREST_2014 =
  '最高人民法院《关于执行程序中计算迟延履行期间的债务利息适用法律若干问题的解释》(法释〔2014〕8号)';
const COURT_ARCHIVE_RETENTION = '最高人民法院、国家档案局《关于人民法院诉讼档案保管期限的规定》(1984)';
const REFUSAL_2024 =
  '最高人民法院、最高人民检察院《关于办理拒不执行判决、裁定刑事案件适用法律若干问题的解释》(法释〔2024〕13号)';

export const RULES = {
  A1: {
    id: 'A1',
    title: 'Enforcement term for a case with assets',
    titleZh: '有财产可供执行案件的执行期限',
    kind: 'law',
    source: TIME_LIMITS_2006,
    effectiveFrom: '2007-01-01',
    version: '2006',
    verify: false,
    term: { months: 6 } satisfies Period,
    nonLitigationTerm: { months: 3 } satisfies Period,
  },
  A2: {
    id: 'A2',
    title: 'Extending the enforcement term needs the president’s approval, requested before it expires',
    titleZh: '延长执行期限须报院长批准（期限届满前申请）',
    kind: 'law',
    source: `${TIME_LIMITS_2006}；最高人民法院《关于严格执行案件审理期限制度的若干规定》(法释〔2000〕29号) 第五条（经本院院长批准，可以延长三个月，还需延长的，层报高级人民法院备案）`,
    effectiveFrom: '2007-01-01',
    version: '2006',
    verify: false,
    /** The request is made within the last days of the term, the due date included. */
    requestWindow: { days: 5, unit: 'calendar' } satisfies Period,
    /** The rules whose nodes are terms that may be extended this way. */
    extends: ['A1'],
    /** One extension the president approves: this long (法释〔2000〕29号 第五条); a further one is reported upwards. */
    extensionMonths: 3,
    approver: 'president',
  },
  A3: {
    id: 'A3',
    title: 'Handling officer assigned after filing',
    titleZh: '立案后确定承办人',
    kind: 'law',
    source: TIME_LIMITS_2006,
    effectiveFrom: '2007-01-01',
    version: '2006',
    verify: false,
    period: { days: 7, unit: 'calendar' } satisfies Period,
  },
  A5: {
    id: 'A5',
    title: 'Enforcement notice and asset-report order sent after the file is received',
    titleZh: '发出执行通知书及报告财产令',
    kind: 'law',
    source: TIME_LIMITS_2006,
    effectiveFrom: '2007-01-01',
    version: '2006',
    verify: false,
    period: { days: 3, unit: 'calendar' } satisfies Period,
  },
  A6: {
    id: 'A6',
    title: 'The applicant is asked for the respondent’s asset leads',
    titleZh: '申请执行人提供被执行人财产线索',
    kind: 'law',
    source:
      '最高人民法院《关于民事执行中财产调查若干问题的规定》(2020年修正) 第一条（申请执行人应当提供财产线索）；3日期限出自本项目规则清单 A6，规定原文未见，待核实',
    effectiveFrom: '2021-01-01',
    version: '2020',
    verify: true,
    period: { days: 3, unit: 'calendar' } satisfies Period,
  },
  A7: {
    id: 'A7',
    title: 'Definite leads from the applicant are checked; the applicant may ask the court to investigate',
    titleZh: '核查申请执行人提供的财产线索',
    kind: 'law',
    source: '最高人民法院《关于民事执行中财产调查若干问题的规定》(2020年修正) 第二条',
    effectiveFrom: '2021-01-01',
    version: '2020',
    verify: false,
    /** 第二条第一款: 财产线索明确、具体的，人民法院应当在七日内调查核实；情况紧急的，应当在三日内调查核实. */
    check: { days: 7, unit: 'calendar' } satisfies Period,
    urgent: { days: 3, unit: 'calendar' } satisfies Period,
  },
  A8: {
    id: 'A8',
    title: 'Investigation of the respondent’s assets',
    titleZh: '被执行人财产调查',
    kind: 'law',
    source: TIME_LIMITS_2006,
    effectiveFrom: '2007-01-01',
    version: '2006',
    verify: false,
    period: { months: 1 } satisfies Period,
  },
  A9: {
    id: 'A9',
    title:
      'The respondent reports current assets and those held in the year before the notice; refusing or a false report is fined or detained',
    titleZh: '被执行人报告财产（当前及收到执行通知之日前一年）',
    kind: 'law',
    source: `${CPL_2023_ARTICLES} 第二百五十二条；最高人民法院《关于民事执行中财产调查若干问题的规定》(2020年修正) 第三条至第五条`,
    effectiveFrom: '2024-01-01',
    version: '2023',
    verify: false,
    /** The report covers the assets held at any time in this period before the enforcement notice was received. */
    lookBack: { months: 12 } satisfies Period,
    /** A refused or false report is conduct: a ground for a fine or detention (C1) and for listing, 第一条第四项 (C6). */
    conduct: ['report-refused', 'report-false'],
  },
  A10: {
    id: 'A10',
    title: 'Notice sent and network asset inquiry started soon after filing (assessment target)',
    titleZh: '立案后发出通知并启动网络查控（考核节点）',
    kind: 'law',
    source: '法院执行工作考核节点（出自二手资料，待核实）',
    effectiveFrom: 'unknown',
    version: 'reference',
    verify: true,
    period: { days: 5, unit: 'calendar' } satisfies Period,
  },
  B1: {
    id: 'B1',
    title: 'Maximum period of one seizure, by asset class',
    titleZh: '查封、扣押、冻结的期限',
    kind: 'law',
    source: CPL_INTERPRETATION,
    effectiveFrom: '2022-04-10',
    version: '2022',
    verify: false,
    deposit: { months: 12 } satisfies Period,
    movable: { months: 24 } satisfies Period,
    realEstate: { months: 36 } satisfies Period,
  },
  B2: {
    id: 'B2',
    title: 'Renewal of a seizure before it expires, for at most the original period',
    titleZh: '续行查封、扣押、冻结',
    kind: 'law',
    source: CPL_INTERPRETATION,
    effectiveFrom: '2022-04-10',
    version: '2022',
    verify: false,
    /**
     * Each renewal may last as long as the class's B1 period; it runs on from the old expiry, so that no day is
     * left uncovered (the bank or registry registers it before the old period ends).
     */
    renewalAsLongAsOriginal: true,
  },
  F1: {
    id: 'F1',
    title: 'Money received is settled and paid to the applicant',
    titleZh: '执行款发放',
    kind: 'law',
    source: '最高人民法院《关于执行款物管理工作的规定》(2017年)（出自二手资料，待核实）',
    effectiveFrom: 'unknown',
    version: '2017',
    verify: true,
    period: { days: 30, unit: 'calendar' } satisfies Period,
  },
  F1_FEE: {
    id: 'F1-FEE',
    title: 'Execution application fee on the amount executed, by marginal tiers',
    titleZh: '申请执行费',
    kind: 'law',
    source:
      '国务院《诉讼费用交纳办法》(国务院令第481号，2007年) 第十四条第（一）项（标准）、第二十条第二款（执行申请费执行后交纳）、第三十八条第一款（由被执行人负担）',
    effectiveFrom: '2007-04-01',
    version: '2007',
    verify: false,
    /** Borne by the respondent (第三十八条) and paid after execution (第二十条): taken from the proceeds last. */
    borneBy: 'respondent',
    /** Up to 10,000 yuan executed: this flat fee. */
    flatFen: 5_000,
    flatUpToFen: 1_000_000,
    /** Each part above the previous bound, up to `upToFen`, at `basisPoints` / 10,000; the last has no bound. */
    tiers: [
      { upToFen: 50_000_000, basisPoints: 150 },
      { upToFen: 500_000_000, basisPoints: 100 },
      { upToFen: 1_000_000_000, basisPoints: 50 },
      { upToFen: Number.MAX_SAFE_INTEGER, basisPoints: 10 },
    ],
  },
  F_DELAY_INTEREST: {
    id: 'F-DELAY-INTEREST',
    title: 'Doubled interest for the period of late performance, on the unperformed money debt',
    titleZh: '迟延履行期间的加倍部分债务利息',
    kind: 'law',
    source: `《中华人民共和国民事诉讼法》(2023年修正) 第二百六十四条；${DELAY_INTEREST_2014} 第一条至第四条`,
    effectiveFrom: '2014-08-01',
    version: '2014',
    verify: false,
    /** 日万分之一点七五: per day, this many parts per million of the money debt not yet paid (第一条). */
    dailyRatePerMillion: 175,
    /**
     * The base is the money debt the basis awards, general interest excluded (第一条): these claim items. A claim
     * that itself lists a `delay-interest` item brings its own figure, and nothing is computed beside it.
     */
    baseItems: ['principal', 'litigation-costs', 'other'],
    /**
     * Counted from the end of the performance period the basis sets, or from its effective date when it sets none
     * (第二条), to the day each part is paid: the day money reaches the case account (划拨、提取之日; the auction
     * price on the confirmation ruling), or the day of the in-lieu ruling (第三条).
     */
    countsTo: 'payment-day',
  },
  F_PAYMENT_ORDER: {
    id: 'F-PAYMENT-ORDER',
    title: 'Order in which money received pays what the respondent owes',
    titleZh: '执行款清偿顺序',
    kind: 'law',
    source: `《中华人民共和国民法典》(2020年) 第五百六十一条（实现债权的有关费用、利息、主债务）；${DELAY_INTEREST_2014} 第四条（先清偿生效法律文书确定的金钱债务，再清偿加倍部分债务利息）；国务院《诉讼费用交纳办法》(2007年) 第二十条第二款（执行申请费执行后交纳）`,
    effectiveFrom: '2021-01-01',
    version: '2020',
    verify: false,
    /** The basis's money debt item by item in this order, then the doubled interest, then the execution fee. */
    debtOrder: ['litigation-costs', 'interest', 'delay-interest', 'principal', 'other'],
  },
  G1: {
    id: 'G1',
    title: 'Ways a case closes',
    titleZh: '执行结案方式',
    kind: 'law',
    source: `${CASE_FILING_2014} 第十四条（结案方式）、第十五条（执行完毕）、第十六条（终本）、第十七条（终结执行）、第十八条（销案）、第十九条（不予执行）、第二十条（驳回申请）`,
    effectiveFrom: '2015-01-01',
    version: '2014',
    verify: false,
    ways: ['fully-performed', 'final-round-closure', 'termination', 'withdrawal', 'non-enforcement', 'rejection'],
    /**
     * The grounds on which staff close a case in the ways other than performance and 终本, each with its source.
     * `requires` is what the case must show for the ground to apply: checked in the domain (closure/grounds.ts).
     */
    grounds: {
      termination: [
        {
          id: 'application-withdrawn',
          zh: '申请执行人撤销申请',
          source: `《中华人民共和国民事诉讼法》(2023年修正) 第二百六十八条第（一）项；${CASE_FILING_2014} 第十七条`,
        },
        {
          id: 'basis-revoked',
          zh: '据以执行的法律文书被撤销',
          source: `《中华人民共和国民事诉讼法》(2023年修正) 第二百六十八条第（二）项；${CASE_FILING_2014} 第十七条`,
        },
        {
          id: 'respondent-died-no-estate',
          zh: '作为被执行人的公民死亡，无遗产可供执行，又无义务承担人',
          source: `《中华人民共和国民事诉讼法》(2023年修正) 第二百六十八条第（三）项；${CASE_FILING_2014} 第十七条`,
          requires: 'person-respondent',
        },
        {
          id: 'maintenance-creditor-died',
          zh: '追索赡养费、扶养费、抚养费案件的权利人死亡',
          source: `《中华人民共和国民事诉讼法》(2023年修正) 第二百六十八条第（四）项；${CASE_FILING_2014} 第十七条`,
        },
        {
          id: 'respondent-destitute',
          zh: '作为被执行人的公民因生活困难无力偿还借款，无收入来源，又丧失劳动能力',
          source: `《中华人民共和国民事诉讼法》(2023年修正) 第二百六十八条第（五）项；${CASE_FILING_2014} 第十七条`,
          requires: 'person-respondent',
        },
        {
          id: 'respondent-bankrupt',
          zh: '被执行人被人民法院裁定宣告破产',
          source: `${CASE_FILING_2014} 第十七条`,
          requires: 'organisation-respondent',
        },
      ],
      withdrawal: [
        {
          id: 'jurisdiction-objection-upheld',
          zh: '被执行人提出管辖异议，经审查异议成立，将案件移送有管辖权的法院或申请执行人撤回申请',
          source: `${CASE_FILING_2014} 第十八条`,
        },
        {
          id: 'filed-first-elsewhere',
          zh: '发现其他有管辖权的人民法院已经立案在先',
          source: `${CASE_FILING_2014} 第十八条`,
        },
      ],
      'non-enforcement': [
        {
          id: 'award-not-enforced',
          zh: '被执行人对仲裁裁决或公证债权文书申请不予执行，经审查裁定不予执行',
          source: `${CASE_FILING_2014} 第十九条`,
          requires: 'award-or-notarised-basis',
        },
      ],
      rejection: [
        {
          id: 'filing-conditions-unmet',
          zh: '经审查不符合执行案件受理条件，裁定驳回申请',
          source: `${CASE_FILING_2014} 第二十条`,
        },
      ],
    },
  },
  G2: {
    id: 'G2',
    title: 'Closing this round of enforcement (终本): every condition must hold',
    titleZh: '终结本次执行程序的条件',
    kind: 'law',
    source: `${FINAL_ROUND_2016} 第一条；${CASE_FILING_2014} 第十六条`,
    effectiveFrom: '2016-12-01',
    version: '2016',
    verify: false,
    /** At least this long since filing. */
    minSinceFiling: { months: 3 } satisfies Period,
  },
  G3: {
    id: 'G3',
    title: 'After 终本: periodic network re-query; found assets resume enforcement as a new case',
    titleZh: '终本后定期查询被执行人财产及恢复执行',
    kind: 'law',
    source: FINAL_ROUND_2016,
    effectiveFrom: '2016-12-01',
    version: '2016',
    verify: true,
    /** Every this long ... */
    interval: { months: 6 } satisfies Period,
    /** ... for this long after the closure. */
    span: { months: 60 } satisfies Period,
  },
  G1_SETTLEMENT: {
    id: 'G1-SETTLEMENT',
    title:
      'Settlement (执行和解): performed in full it closes as performed; on a breach enforcement resumes only on the applicant’s application, as a resumed case',
    titleZh: '执行和解（不履行的，申请执行人可申请恢复执行）',
    kind: 'law',
    source: `${SETTLEMENT_2018} 第二条（中止执行）、第九条（被执行人不履行的，申请执行人可申请恢复执行原生效法律文书）；${CASE_FILING_2014}（恢复执行案件立案）`,
    effectiveFrom: '2018-03-01',
    version: '2018',
    verify: false,
    /** The respondent's breach is a ground for listing (C6) as well. */
    breachConduct: 'settlement-breach',
  },
  H1: {
    id: 'H1',
    title: 'Entrusted court completes the matter or reports back',
    titleZh: '受托法院办理委托执行事项',
    kind: 'law',
    source: '最高人民法院关于委托执行的规定（出自二手资料，待核实）',
    effectiveFrom: 'unknown',
    version: '2017',
    verify: true,
    period: { days: 30, unit: 'calendar' } satisfies Period,
  },
  A11: {
    id: 'A11',
    title: 'Reference price procedure started after seizure',
    titleZh: '启动确定财产处置参考价程序',
    kind: 'law',
    source: REFERENCE_PRICE_2018,
    effectiveFrom: '2018-09-01',
    version: '2018',
    verify: false,
    /** Started within this period of the seizure of property to be auctioned or sold. */
    period: { days: 30, unit: 'calendar' } satisfies Period,
    methods: ['negotiation', 'directed-inquiry', 'online-inquiry', 'appraisal'],
  },
  E1: {
    id: 'E1',
    title: 'Online auction is the default way to dispose of property',
    titleZh: '网络司法拍卖优先',
    kind: 'law',
    source: ONLINE_AUCTION_2016,
    effectiveFrom: '2017-01-01',
    version: '2016',
    verify: false,
  },
  E2: {
    id: 'E2',
    title: 'Starting price not below a share of the reference price',
    titleZh: '起拍价不得低于参考价的百分之七十',
    kind: 'law',
    source: ONLINE_AUCTION_2016,
    effectiveFrom: '2017-01-01',
    version: '2016',
    verify: false,
    minStartingPricePercent: 70,
  },
  E3: {
    id: 'E3',
    title: 'One bidder at or above the starting price suffices',
    titleZh: '一人竞买有效',
    kind: 'law',
    source: ONLINE_AUCTION_2016,
    effectiveFrom: '2017-01-01',
    version: '2016',
    verify: false,
    minBidders: 1,
  },
  E4: {
    id: 'E4',
    title: 'Announcement before the first auction',
    titleZh: '拍卖公告期',
    kind: 'law',
    source: `${ONLINE_AUCTION_2016} 第十二条第一款`,
    effectiveFrom: '2017-01-01',
    version: '2016',
    verify: false,
    movable: { days: 15, unit: 'calendar' } satisfies Period,
    /** 不动产或者其他财产权: real estate, and the property rights this system holds (securities, shares). */
    realEstate: { days: 30, unit: 'calendar' } satisfies Period,
    /** The asset classes announced as real estate or other property rights; the rest (vehicles) are movables. */
    propertyRightClasses: ['real-estate', 'securities'],
  },
  E5: {
    id: 'E5',
    title: 'Deposit as a share of the starting price',
    titleZh: '竞买保证金',
    kind: 'law',
    source: ONLINE_AUCTION_2016,
    effectiveFrom: '2017-01-01',
    version: '2016',
    verify: false,
    minDepositPercent: 5,
    maxDepositPercent: 20,
  },
  E6: {
    id: 'E6',
    title: 'Bidding time and the extension for late bids',
    titleZh: '竞价时间与延时',
    kind: 'law',
    source: ONLINE_AUCTION_2016,
    effectiveFrom: '2017-01-01',
    version: '2016',
    verify: false,
    minBiddingHours: 24,
    extensionMinutes: 5,
  },
  E7: {
    id: 'E7',
    title: 'Who wins a tie: a holder of a preemptive right, then rank, then the earliest bid',
    titleZh: '优先购买权人竞买',
    kind: 'law',
    source: ONLINE_AUCTION_2016,
    effectiveFrom: '2017-01-01',
    version: '2016',
    verify: false,
  },
  E8: {
    id: 'E8',
    title: 'A failed auction is followed by a second one, announced again, at a reduced starting price',
    titleZh: '流拍后再次拍卖',
    kind: 'law',
    source: `${ONLINE_AUCTION_2016} 第二十六条（动产七日前公告，不动产或者其他财产权十五日前公告，按E4划分）`,
    effectiveFrom: '2017-01-01',
    version: '2016',
    verify: false,
    /** The second auction is held within this period of the failed one. */
    within: { days: 30, unit: 'calendar' } satisfies Period,
    movableAnnouncement: { days: 7, unit: 'calendar' } satisfies Period,
    realEstateAnnouncement: { days: 15, unit: 'calendar' } satisfies Period,
    /** The starting price is cut by at most this share of the previous one. */
    maxCutPercent: 20,
  },
  E9: {
    id: 'E9',
    title: 'After a failed second auction: fixed-price sale, transfer in lieu, or release',
    titleZh: '变卖、以物抵债或解除查封',
    kind: 'law',
    source: `${ONLINE_AUCTION_2016}；变卖期取自网络司法拍卖平台惯例（出自二手资料，待核实）`,
    effectiveFrom: '2017-01-01',
    version: '2016',
    verify: true,
    fixedPriceSale: { days: 60, unit: 'calendar' } satisfies Period,
  },
  E10: {
    id: 'E10',
    title: 'A buyer who does not pay the balance forfeits the deposit; the lot is auctioned again, without that buyer',
    titleZh: '悔拍（原买受人不得参加重新拍卖）',
    kind: 'law',
    source: `${ONLINE_AUCTION_2016} 第二十四条`,
    effectiveFrom: '2017-01-01',
    version: '2016',
    verify: false,
  },
  E11: {
    id: 'E11',
    title: 'Ownership passes when the confirmation or in-lieu ruling is served',
    titleZh: '拍卖成交裁定、以物抵债裁定',
    kind: 'law',
    source: ONLINE_AUCTION_2016,
    effectiveFrom: '2017-01-01',
    version: '2016',
    verify: false,
  },
  C1: {
    id: 'C1',
    title: 'Limits of fines and judicial detention',
    titleZh: '罚款、拘留的限额',
    kind: 'law',
    source: `${CPL_2023_ARTICLES} 第一百一十八条`,
    effectiveFrom: '2024-01-01',
    version: '2023',
    verify: false,
    /** Fine on an individual: at most this. */
    personFineMaxFen: 10_000_000,
    /** Fine on an organisation: from ... to ... */
    organisationFineMinFen: 5_000_000,
    organisationFineMaxFen: 100_000_000,
    /** Judicial detention: at most this many days (individuals; for an organisation, its responsible person). */
    detentionMaxDays: 15,
  },
  C2: {
    id: 'C2',
    title:
      'Fines and detention need the president’s approval and a written decision; early release on correction needs the president’s approval and an early-release decision; the term runs from custody',
    titleZh: '罚款、拘留经院长批准；提前解除拘留报院长批准并作出提前解除拘留决定书',
    kind: 'law',
    source: `${CPL_2023_ARTICLES} 第一百一十八条第三款、第一百一十九条；${CPL_INTERPRETATION} 第一百八十二条`,
    effectiveFrom: '2024-01-01',
    version: '2023 / 2022',
    verify: false,
    /** 民诉法 第一百一十九条: 罚款、拘留必须经院长批准，用决定书. */
    approver: 'president',
    /** 民诉法解释 第一百八十二条: 提前解除拘留，应报经院长批准，并作出提前解除拘留决定书，交负责看管的公安机关执行. */
    earlyReleaseApprover: 'president',
    earlyReleaseDocument: '提前解除拘留决定书',
    /** 民诉法 第一百一十八条第三款: 被拘留的人由人民法院交公安机关看管: the days are served in custody, from custody. */
    termRunsFrom: 'custody',
  },
  C3: {
    id: 'C3',
    title: 'Review of a fine or detention; notice to the detainee’s family',
    titleZh: '罚款、拘留的复议期限及通知家属',
    kind: 'law',
    source: `${CPL_INTERPRETATION} 第一百八十条、第一百八十五条`,
    effectiveFrom: '2022-04-10',
    version: '2022',
    verify: false,
    /** The person sanctioned may ask the higher court for review within this period of receiving the decision. */
    reviewRequest: { days: 3, unit: 'calendar' } satisfies Period,
    /** The higher court decides within this period of receiving the request; the measure continues meanwhile. */
    reviewDecision: { days: 5, unit: 'calendar' } satisfies Period,
    /** The family of a detainee is notified within this many hours. */
    familyNoticeHours: 24,
  },
  C4: {
    id: 'C4',
    title: 'Consumption restriction order and whom it binds',
    titleZh: '限制消费令',
    kind: 'law',
    source: CONSUMPTION_2015,
    effectiveFrom: '2015-07-22',
    version: '2015',
    verify: false,
    /** For an organisation the order binds these persons (第三条第二款). */
    organisationBinds: ['legal-representative', 'principal', 'directly-responsible-person', 'actual-controller'],
    /**
     * 第五条: 限制消费令由人民法院院长签发. The order is issued only once the president signs it (approval step
     * `credit-discipline`, together with a listing proposed at the same time); a refusal issues nothing.
     */
    signedBy: 'president',
  },
  C5: {
    id: 'C5',
    title: 'Lifting a consumption restriction',
    titleZh: '解除限制消费',
    kind: 'law',
    source: CONSUMPTION_2015,
    effectiveFrom: '2015-07-22',
    version: '2015',
    verify: false,
    liftedOn: ['security-given', 'applicant-consent', 'full-performance'],
  },
  C6: {
    id: 'C6',
    title: 'Dishonest-debtor list: grounds, period, extension, exclusions, removal',
    titleZh: '失信被执行人名单',
    kind: 'law',
    source: `${DISHONEST_2017} 第一条至第五条、第十条`,
    effectiveFrom: '2017-05-01',
    version: '2017',
    verify: false,
    /**
     * 第一条: the six grounds, by the recorded conduct that shows each. Ground (一) (有履行能力而拒不履行生效法律文书确定
     * 义务) is the only one that needs the ability to pay; grounds (二)-(六) do not.
     */
    grounds: {
      'refusal-with-ability': 1,
      'violent-obstruction': 2,
      obstruction: 2,
      'assets-hidden': 3,
      'report-refused': 4,
      'report-false': 4,
      'consumption-violation': 5,
      'settlement-breach': 6,
    },
    /** 第一条第一项: the one ground that needs the ability to pay, and (第二条) has no fixed term. */
    abilityGround: 1,
    /** 第二条第一款: grounds (二)-(六) are listed for this many years ... */
    listingYears: 2,
    /** ... extended by 1 to 3 years for violence or threats (情节严重) or several dishonest acts (多项失信行为). */
    extensionGrounds: ['violent-obstruction', 'several-grounds'],
    extensionMinYears: 1,
    extensionMaxYears: 3,
    /**
     * 第三条: not listed on ground (一) when security was given, or the property already seized, frozen or sealed
     * suffices to pay the debt (this system sees the second: frozen money against what is owed).
     */
    abilityExclusions: ['security-given', 'seized-property-sufficient'],
    /** 第四条: a minor is never listed (18: 《中华人民共和国民法典》第十七条). */
    minorsExcluded: true,
    adultAge: 18,
    /**
     * 第五条 (2017): the listing decision (失信决定书) is signed by the court president (enforcement-rules.md and the
     * issue say 第六条; in the 2017 text 第六条 lists what the published record holds). The respondent is listed only
     * once the president signs the decision (approval step `credit-discipline`); a refusal lists nobody, and the same
     * grounds are not proposed again.
     */
    signedBy: 'president',
    /** 第十条: removed within this many working days of a removal ground, or of the end of the term. */
    removal: { days: 3, unit: 'working' } satisfies Period,
    /**
     * 第十条第一款 (一)-(七); for a listing with a term, 第二条第二款 lets the court remove it early on performance or
     * correction, and 第十条第二款 removes it when the term ends.
     */
    removalGrounds: [
      'full-performance',
      'settlement-performed',
      'applicant-request',
      'requery-fruitless-twice',
      'suspended-review-or-bankruptcy',
      'non-enforcement',
      'termination',
    ],
  },
  D1: {
    id: 'D1',
    title: 'Referral for refusal to execute: the five evidence categories',
    titleZh: '拒执罪移送的证据材料',
    kind: 'law',
    source: REFUSAL_2025,
    effectiveFrom: '2025-07-01',
    version: '2025',
    verify: false,
    categories: ['identity', 'duty', 'ability', 'refusal', 'circumstances'],
  },
  D2: {
    id: 'D2',
    title: 'Police decide whether to open a case; a refusal comes back with reasons',
    titleZh: '公安机关立案审查期限',
    kind: 'law',
    source: REFUSAL_2025,
    effectiveFrom: '2025-07-01',
    version: '2025',
    verify: false,
    decide: { days: 7, unit: 'calendar' } satisfies Period,
    decideComplex: { days: 30, unit: 'calendar' } satisfies Period,
    refusalReport: { days: 7, unit: 'calendar' } satisfies Period,
  },
  D3: {
    id: 'D3',
    title: 'Procuratorate supervision of a refusal to open a case',
    titleZh: '检察机关立案监督',
    kind: 'law',
    source: `${REFUSAL_2025}（人民检察院立案监督一条：收到通知书后七日以内书面说明不立案理由，收到通知立案书后十五日以内立案；条文序号待核实）`,
    effectiveFrom: '2025-07-01',
    version: '2025',
    verify: false,
    /** Police explain why they did not open the case, within this period of the procuratorate's request. */
    explain: { days: 7, unit: 'calendar' } satisfies Period,
    /** Ordered to open the case, police do so within this period. */
    openWhenOrdered: { days: 15, unit: 'calendar' } satisfies Period,
  },
  D4: {
    id: 'D4',
    title:
      'The applicant may prosecute privately: no written answer from the police within 60 days of the referral, a refusal to open a case, or a decision not to prosecute',
    titleZh: '申请执行人自诉（公安机关60日内不予书面答复、决定不予立案或检察院决定不起诉）',
    kind: 'law',
    source: `${REFUSAL_SELF_PROSECUTION_2018} 第二条`,
    effectiveFrom: '2018-06-07',
    version: '2018',
    verify: false,
    /** No written answer within this period of the referral opens the private-prosecution path. */
    noAnswer: { days: 60, unit: 'calendar' } satisfies Period,
  },
  D5: {
    id: 'D5',
    title: 'Serious circumstances of refusal to execute',
    titleZh: '拒不执行判决、裁定情节严重的情形',
    kind: 'law',
    source: REFUSAL_2024,
    effectiveFrom: '2024-12-01',
    version: '2024',
    verify: false,
    /** The circumstances this system can see; the interpretation enumerates 10 serious and 5 especially serious. */
    recognised: ['report-refused-after-sanction', 'assets-hidden-with-ability', 'violent-obstruction'],
  },
  P_ASSET_REPORT: {
    id: 'P-ASSET-REPORT',
    title: 'Period the asset-report order gives the respondent to report',
    titleZh: '报告财产期限',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    period: { days: 5, unit: 'working' } satisfies Period,
  },
  P_RENEWAL: {
    id: 'P-RENEWAL',
    title: 'When seizures are renewed, and when a renewal not yet done is escalated',
    titleZh: '续行查封、冻结的办理时点',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /**
     * The renewal order goes to the bank or registry this long before expiry: time for a refused or unanswered
     * order to be sent again, and for the officer to act, while the seizure still holds (B2: before expiry).
     */
    lead: { days: 30, unit: 'calendar' } satisfies Period,
    /** Through the court where the asset lies (H1): that court has 30 days, so the request goes out earlier. */
    entrustedLead: { days: 60, unit: 'calendar' } satisfies Period,
    /** Not renewed this long before expiry: the renewal node is overdue and the command center escalates. */
    escalateBefore: { days: 10, unit: 'calendar' } satisfies Period,
    /** A refused or unanswered order is sent again after this long ... */
    retryAfter: { days: 3, unit: 'calendar' } satisfies Period,
    /** ... up to this many orders in all. */
    attempts: 3,
    /**
     * One watch execution waits at most this long before it hands over to the next: far under Step Functions'
     * one-year limit, and shorter than the shortest period less the longest lead, so no renewal is planned late.
     */
    watchSpan: { days: 180, unit: 'calendar' } satisfies Period,
  },
  P_FINAL_CLOSURE: {
    id: 'P-FINAL-CLOSURE',
    title: 'Hearing the applicant before 终本',
    titleZh: '终本前约谈申请执行人',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** The applicant is asked through the e-service platform and answers within this period. */
    interview: { days: 10, unit: 'calendar' } satisfies Period,
    /** An interview counts for a 终本 review this many days after it took place. */
    interviewValidDays: 30,
  },
  P_SETTLEMENT: {
    id: 'P-SETTLEMENT',
    title: 'Settlement agreements: installments, and when a missed one is a breach',
    titleZh: '执行和解协议履行',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** An installment unpaid this long after its due date is a breach; enforcement of the judgment resumes. */
    grace: { days: 3, unit: 'working' } satisfies Period,
    maxInstallments: 12,
    /** The last installment falls within this many months of the agreement (one watch of it stays short). */
    maxMonths: 10,
  },
  P_SANCTION: {
    id: 'P-SANCTION',
    title: 'The sanction the system proposes (the president decides, within C1)',
    titleZh: '强制措施建议标准',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    detentionDays: 10,
    personFineFen: 2_000_000,
    organisationFineFen: 10_000_000,
  },
  P_COERCION_WAITS: {
    id: 'P-COERCION-WAITS',
    title: 'Waits in the coercion phase',
    titleZh: '强制措施阶段等待时限',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** Credit-discipline recipients acknowledge a listing, restriction or removal within this period ... */
    creditAck: { days: 1, unit: 'working' } satisfies Period,
    /** ... and unacknowledged recipients are sent it again this many times before the command center is told. */
    creditRounds: 3,
    /**
     * The removal of a listing (C6) is a duty with a deadline: an unconfirmed removal is sent again, within the
     * removal node's deadline, this many times in all before the node is given up as overdue and the command center
     * is told; the phase does not hand the case over to disbursement while it is still being sent.
     */
    removalRounds: 6,
    /** The police confirm they hold a detainee. */
    custody: { days: 1, unit: 'calendar' } satisfies Period,
    /** After the measures are taken, how long to watch for performance before the measures count as exhausted. */
    performanceWatch: { days: 30, unit: 'calendar' } satisfies Period,
  },
  P_NODE_WARNING: {
    id: 'P-NODE-WARNING',
    title: 'Warning before a time node falls due (an overdue node escalates along the overdue-node ladder)',
    titleZh: '节点到期预警及逾期督办',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** The officer and the command center are warned this many working days before a node's due date. */
    warnBefore: { days: 2, unit: 'working' } satisfies Period,
  },
  P_TERM_EXTENSION: {
    id: 'P-TERM-EXTENSION',
    title: 'How long the extensions of the enforcement term may run in all (A2 sets each at 3 months)',
    titleZh: '执行期限延长的期间（每次3个月依A2，累计上限为本院设定）',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /**
     * The most the president may decide for one request (each proposed at A2's 3 months, counted from the current
     * due date); beyond A2's 3 months the court reports the extension to the High Court (法释〔2000〕29号 第五条).
     */
    maxMonths: 6,
  },
  P_TRIAGE: {
    id: 'P-TRIAGE',
    title: 'Simple-case criteria (简案快执)',
    titleZh: '繁简分流标准',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** A first-enforcement case is simple when its claim is at most this and it has at most this many respondents. */
    simpleMaxClaimFen: 10_000_000,
    simpleMaxRespondents: 2,
  },
  P_APPROVAL: {
    id: 'P-APPROVAL',
    title: 'Time to decide an approval, before it escalates one level',
    titleZh: '审批办理时限',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    period: { days: 2, unit: 'working' } satisfies Period,
  },
  P_DISBURSEMENT_LEVELS: {
    id: 'P-DISBURSEMENT-LEVELS',
    title: 'Who approves a disbursement, by amount (F2)',
    titleZh: '执行款发放审批权限',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** Up to and including `upToFen`, the role may approve; the last level has no upper bound. */
    levels: [
      { upToFen: 50_000_000, role: 'team-lead' },
      { upToFen: 500_000_000, role: 'bureau-chief' },
      { upToFen: Number.MAX_SAFE_INTEGER, role: 'president' },
    ],
  },
  P_FREEZE_MARGIN: {
    id: 'P-FREEZE-MARGIN',
    title: 'Freezing covers the doubled interest up to the expected deduction',
    titleZh: '冻结金额预计迟延履行利息的期间',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** Money is frozen for what is owed this long ahead (F-DELAY-INTEREST runs to the deduction day). */
    interestAhead: { days: 30, unit: 'calendar' } satisfies Period,
  },
  P_DISPOSAL: {
    id: 'P-DISPOSAL',
    title: 'How the bureau disposes of property: pricing method, proposed terms, waits',
    titleZh: '财产处置工作规则',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** The reference-price method tried first, by asset class (A11); appraisal when it brings no price. */
    pricingMethod: { 'real-estate': 'online-inquiry', vehicle: 'online-inquiry', securities: 'negotiation' },
    /** Online inquiry platforms answer within this period; a commissioned appraisal within the longer one. */
    onlineInquiryWait: { days: 3, unit: 'calendar' } satisfies Period,
    appraisalWait: { days: 30, unit: 'calendar' } satisfies Period,
    /** Proposed to the panel: the first starting price as a share of the reference price (E2 is the floor) ... */
    proposedStartPercent: 70,
    /** ... the deposit as a share of the starting price (within E5) ... */
    proposedDepositPercent: 10,
    /** ... and the cut of a second auction's starting price (within E8). */
    proposedCutPercent: 20,
    /** The buyer pays the balance into the case account within this period of the auction (stated in the announcement). */
    balancePayment: { days: 15, unit: 'calendar' } satisfies Period,
    /** The applicant answers an offer of the property in lieu of payment within this period. */
    inLieuAnswer: { days: 10, unit: 'calendar' } satisfies Period,
    /** The platform reports an auction's result within this period of its scheduled end (extensions included). */
    auctionResult: { days: 2, unit: 'calendar' } satisfies Period,
  },
  P_PARTNER_WAITS: {
    id: 'P-PARTNER-WAITS',
    title: 'How long to wait for an outside party before escalating',
    titleZh: '外部协助答复等待时限',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** Electronic service: receipt expected within this period, else fall back to post. */
    eService: { days: 3, unit: 'calendar' } satisfies Period,
    /** Postal service (EMS judicial mail): delivery receipt. */
    postal: { days: 15, unit: 'calendar' } satisfies Period,
    /** Network inquiry: banks and registries answer; whoever has not answered by then is recorded as silent. */
    inquiry: { days: 7, unit: 'calendar' } satisfies Period,
    /** Freeze and deduction orders over the network channel. */
    bankOrder: { days: 3, unit: 'working' } satisfies Period,
    /** After an entrusted court misses H1, how long to wait again (each time escalating) ... */
    entrustmentGrace: { days: 10, unit: 'calendar' } satisfies Period,
    /** ... and how many times, before the case goes on without it and the matter stays flagged overdue. */
    entrustmentEscalations: 2,
  },
  P_EVIDENCE: {
    id: 'P-EVIDENCE',
    title: 'Field evidence: accepted types and sizes, upload and download link lifetimes',
    titleZh: '现场证据上传规则（类型、大小、链接有效期）',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** What a phone may send, by kind of evidence: the content types accepted and the largest file. */
    kinds: {
      photo: { contentTypes: ['image/jpeg', 'image/png', 'image/heic'], maxBytes: 30 * 1024 * 1024 },
      video: { contentTypes: ['video/mp4', 'video/quicktime'], maxBytes: 2 * 1024 * 1024 * 1024 },
      audio: { contentTypes: ['audio/mp4', 'audio/mpeg', 'audio/aac'], maxBytes: 500 * 1024 * 1024 },
      document: { contentTypes: ['application/pdf'], maxBytes: 100 * 1024 * 1024 },
    },
    /** Files up to this size go in one presigned PUT; larger ones by multipart upload. */
    singleUploadMaxBytes: 16 * 1024 * 1024,
    /** Size of every part of a multipart upload but the last (S3: at least 5 MiB, at most 10,000 parts). */
    partBytes: 8 * 1024 * 1024,
    /** How long an upload link (and a multipart upload) may be used after it is issued. */
    uploadLinkSeconds: 15 * 60,
    /** How long a view or download link may be used. */
    downloadLinkSeconds: 5 * 60,
    /**
     * On landing, a single-PUT object whose SHA-256 storage already checked is also re-hashed up to this size;
     * a multipart object is always re-hashed (S3 keeps only a composite SHA-256 of its parts).
     */
    rehashMaxBytes: 64 * 1024 * 1024,
    descriptionMaxChars: 500,
  },
  ARCHIVE_RETENTION: {
    id: 'ARCHIVE-RETENTION',
    title:
      'Court case files (诉讼档案) are kept permanently, long (60 years) or short (30 years), by the retention table',
    titleZh: '诉讼档案保管期限（永久、长期60年、短期30年）',
    kind: 'law',
    source: `${COURT_ARCHIVE_RETENTION} 第三条：诉讼档案的保管期限分为永久、长期、短期三种；长期保管60年，短期保管30年；具体案卷的保管期限参照《人民法院诉讼档案保管期限表》划定`,
    effectiveFrom: '1984-01-01',
    version: '1984',
    /** Found in secondary sources only (the text of 第三条 as quoted); the 保管期限表's rows for 执行 files were not found. */
    verify: true,
    /** Years the short and long classes keep a file (第三条). */
    classYears: { short: 30, long: 60 },
    /** The third class, permanent (永久), keeps a file with no end. */
    permanentHasNoEnd: true,
  },
  P_EVIDENCE_STORAGE: {
    id: 'P-EVIDENCE-STORAGE',
    title:
      'Field evidence storage: Instant Retrieval once the case is closed, an archive class later, restore on demand',
    titleZh: '现场证据存储分层（结案后转低频即时检索，此后转归档存储，按需恢复）',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-12-01',
    version: '1',
    verify: false,
    /** Tag S3 lifecycle rules match: set on every recorded object of a case when the case is closed. */
    closedTag: { key: 'case-state', value: 'closed' },
    /** Days after upload (S3 counts from creation) from which a closed case's object moves to Glacier Instant Retrieval. */
    instantRetrievalAfterDays: 0,
    /** Days after upload from which a closed case's object moves to Glacier Deep Archive: a year online in all, at
     * least 90 days (Instant Retrieval's minimum storage) after the tier it left for a case closed within 9 months. */
    archiveAfterDays: 365,
    /** How long a restored copy of an archived object stays readable. */
    restoreDays: 7,
    /** Deep Archive's Standard restore: ready within this many hours. */
    restoreHours: 12,
  },
  P_FIELD_LOCATION: {
    id: 'P-FIELD-LOCATION',
    title: 'Field officers: how long their positions are kept after a trip, and when a return is overdue',
    titleZh: '外勤干警位置信息保存期限（系统默认值（可由本院配置））',
    kind: 'policy',
    source: `${POLICY}. Basis: 《中华人民共和国个人信息保护法》(2021) 第十九条：除法律、行政法规另有规定外，个人信息的保存期限应当为实现处理目的所必要的最短时间`,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** 系统默认值（可由本院配置）: positions are deleted this long after the trip ends (kept for a safety review). */
    retention: { days: 30, unit: 'calendar' } satisfies Period,
    /** A trip still open this long past its planned return is overdue: the command center is told (a safety matter). */
    overdueGraceMinutes: 15,
    /** The longest trip one may plan: a planned return further out is refused. */
    maxTripHours: 24,
  },
} as const;

export type RuleId = keyof typeof RULES;
export type Rules = typeof RULES;

/** Every row, for listing (`enforce rules`) and for the tests that check each row has a source. */
export function ruleRows(rules: Rules = RULES): readonly RuleMeta[] {
  return Object.values(rules);
}
