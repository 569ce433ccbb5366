/**
 * The rule table: every number the workflows use, as data with its source.
 *
 * `kind: 'law'` rows come from ../shared/domain/enforcement-rules.md (row id kept); `verify: true` marks the rows
 * that reference takes from secondary sources, which a court must check and may override in its configuration.
 * `kind: 'policy'` rows are court working rules, not law: defaults chosen by this project, set per court.
 * Nothing in a handler or a state machine may carry one of these numbers as a literal.
 *
 * What runs in a function imports the values only (`values.ts`, written from this table by `npm run function-data`):
 * the rows' titles and sources are text for people (`enforce rules`, the docs, the tests), about 38 KiB a Lambda
 * bundle would otherwise carry. Code under functions/ takes `Rules` (the values' type) and imports `RULES` from
 * values.ts; a test keeps values.ts equal to this table.
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
const AUCTION_SALE_2004 =
  '最高人民法院《关于人民法院民事执行中拍卖、变卖财产的规定》(法释〔2004〕16号，法释〔2020〕21号修正)';
const ONLINE_AUCTION_2016 = '最高人民法院《关于人民法院网络司法拍卖若干问题的规定》(法释〔2016〕18号)';
const FINAL_ROUND_2016 = '最高人民法院《关于严格规范终结本次执行程序的规定（试行）》(法〔2016〕373号)';
const CASE_FILING_2014 = '最高人民法院《关于执行案件立案、结案若干问题的意见》(法发〔2014〕26号)';
const SETTLEMENT_2018 = '最高人民法院《关于执行和解若干问题的规定》(法释〔2018〕3号)';
const REFUSAL_SELF_PROSECUTION_2018 =
  '最高人民法院《关于拒不执行判决、裁定罪自诉案件受理工作有关问题的通知》(法〔2018〕147号)';
const CPL_2023_ARTICLES = '《中华人民共和国民事诉讼法》(2023年修正)';
const PARTIES_CHANGE_2020 =
  '最高人民法院《关于民事执行中变更、追加当事人若干问题的规定》(法释〔2016〕21号，法释〔2020〕21号修正)';
const PRESERVATION_2016 = '最高人民法院《关于人民法院办理财产保全案件若干问题的规定》(法释〔2016〕22号)';
const DELAY_INTEREST_2014 =
  '最高人民法院《关于执行程序中计算迟延履行期间的债务利息适用法律若干问题的解释》(法释〔2014〕8号)';
/** 执行程序解释: 2008 text, amended by 法释〔2020〕21号; article numbers as the full texts found give them. */
const ENFORCEMENT_PROCEDURE_2008 =
  '最高人民法院《关于适用〈中华人民共和国民事诉讼法〉执行程序若干问题的解释》(法释〔2008〕13号，2020年修正)';
const OBJECTIONS_2015 =
  '最高人民法院《关于人民法院办理执行异议和复议案件若干问题的规定》(法释〔2015〕10号，2020年修正)';
const COURT_ARCHIVE_RETENTION = '最高人民法院、国家档案局《关于人民法院诉讼档案保管期限的规定》(1984)';
const REFUSAL_2024 =
  '最高人民法院、最高人民检察院《关于办理拒不执行判决、裁定刑事案件适用法律若干问题的解释》(法释〔2024〕13号)';
const EXECUTION_PROCEDURE_2020 =
  '最高人民法院《关于适用〈中华人民共和国民事诉讼法〉执行程序若干问题的解释》(法释〔2008〕13号，2020年修正)';
const PROPERTY_INVESTIGATION_2020 = '最高人民法院《关于民事执行中财产调查若干问题的规定》(法释〔2017〕8号，2020年修正)';
const JUDICIAL_RELIEF_2016 = '最高人民法院《关于加强和规范人民法院国家司法救助工作的意见》(法发〔2016〕16号)';
const JUDICIAL_RELIEF_PROCEDURE = '最高人民法院《人民法院国家司法救助案件办理程序规定（试行）》';
const BANKRUPTCY_REFERRAL_2017 = '最高人民法院《关于执行案件移送破产审查若干问题的指导意见》(法发〔2017〕2号)';

export const RULES = {
  A1: {
    id: 'A1',
    title: 'Enforcement term for a case with assets',
    titleZh: '有财产可供执行案件的执行期限',
    kind: 'law',
    source: `${TIME_LIMITS_2006}；最高人民法院《关于严格执行案件审理期限制度的若干规定》(法释〔2000〕29号，2008年调整) 第九条（不计入执行期限的期间）`,
    effectiveFrom: '2007-01-01',
    version: '2006',
    verify: false,
    term: { months: 6 } satisfies Period,
    nonLitigationTerm: { months: 3 } satisfies Period,
    /**
     * 法释〔2000〕29号 第九条 (text read, 2008 version): periods not counted in the term, those of enforcement: (八)
     * 民事、行政、执行案件 审计、评估、资产清理; (九) 中止诉讼（审理）或执行至恢复的期间; (十) 执行和解或执行担保后决定暂缓
     * 执行; (十一) 上级人民法院通知暂缓执行; (十二) 执行中拍卖、变卖被查封、扣押财产. (六) 公告、鉴定 names 民事、行政案件
     * only, where (八) names 执行案件 beside them: a notice period is not excluded from the enforcement term (the
     * shared reference's "public notice" is not in the text). The enforcement-term node is paused while one runs and
     * moved on by its days when it ends (TERM-EXCLUDED): suspension, deferral and a higher court's notice to defer
     * (disputes/suspension.ts), a commissioned appraisal and a lot's auction or sale (case/term-exclusions.ts).
     */
    excludedPeriods: [
      'appraisal-or-audit',
      'suspension',
      'deferral-on-settlement-or-security',
      'deferral-by-higher-court',
      'auction-or-sale',
    ],
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
    source: `${TIME_LIMITS_2006} 第五条（承办人应当在收到案件材料后3日内通知申请执行人提供被执行人财产状况或财产线索；原文已核对）；最高人民法院《关于民事执行中财产调查若干问题的规定》(2020年修正) 第一条（申请执行人应当提供财产线索）`,
    effectiveFrom: '2007-01-01',
    version: '2006 / 2020',
    verify: false,
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
  A12: {
    id: 'A12',
    title: 'Time limit for applying for enforcement (raised only on the respondent’s objection)',
    titleZh: '申请执行的期间',
    kind: 'law',
    source: `${CPL_2023_ARTICLES} 第二百五十条；${CPL_INTERPRETATION} 第四百八十一条（条文序号待核实）`,
    effectiveFrom: '2024-01-01',
    version: '2023',
    verify: false,
    /** Two years, interrupted and suspended as limitation periods are (第二百五十条第一款). */
    period: { months: 24 } satisfies Period,
    /**
     * Counted from the last day of the performance period the basis sets, or from the day it took effect when it
     * sets none (第二百五十条第二款). Calendar years; a last day on a rest day moves to the next working day.
     */
    countsFrom: ['perform-by', 'effective-date'],
    /** The court files a late application (应予受理): only a respondent's objection brings the limit into play. */
    ownMotion: false,
    /** An objection found well-founded ends in a ruling not to enforce (裁定不予执行). */
    upheldRuling: 'non-enforcement',
  },
  V1: {
    id: 'V1',
    title: 'Adding or changing a respondent: examined and ruled on within 60 days; reconsideration within 10 days',
    titleZh: '变更、追加被执行人的审查期限与复议期间',
    kind: 'law',
    source: `${PARTIES_CHANGE_2020} 第二十八条、第三十条`,
    effectiveFrom: '2021-01-01',
    version: '2020',
    verify: false,
    /** 第二十八条第三款: ruled on within 60 days of the written application; longer only with the president's approval. */
    examination: { days: 60, unit: 'calendar' } satisfies Period,
    extensionApprover: 'president',
    /** 第三十条: reconsideration by the court above, within 10 days of the ruling's service (except 第三十二条's grounds). */
    reconsideration: { days: 10, unit: 'calendar' } satisfies Period,
  },
  V2: {
    id: 'V2',
    title: 'Grounds of adding or changing a respondent, and the 15-day lawsuit against rulings on capital grounds',
    titleZh: '变更、追加被执行人的事由及执行异议之诉',
    kind: 'law',
    source: `${PARTIES_CHANGE_2020} 第十条、第十三条、第十七条至第十九条、第三十二条（2020年修正文本，原文已核对）`,
    effectiveFrom: '2021-01-01',
    version: '2020',
    verify: false,
    /** 第三十二条: against a ruling on 第十四条第二款 or 第十七条至第二十一条, a lawsuit within 15 days of service. */
    lawsuit: { days: 15, unit: 'calendar' } satisfies Period,
    grounds: [
      {
        id: 'heir',
        article: '第十条',
        change: 'change',
        review: 'reconsideration',
        zh: '被执行人死亡，变更、追加其遗产管理人、继承人、受遗赠人（在遗产范围内）',
      },
      {
        id: 'sole-proprietor',
        article: '第十三条',
        change: 'add',
        review: 'reconsideration',
        zh: '个人独资企业不能清偿，追加其出资人',
      },
      {
        id: 'unpaid-capital',
        article: '第十七条',
        change: 'add',
        review: 'lawsuit',
        zh: '营利法人财产不足以清偿，追加未缴纳或未足额缴纳出资的股东、出资人（在未缴纳出资的范围内）',
      },
      {
        id: 'withdrawn-capital',
        article: '第十八条',
        change: 'add',
        review: 'lawsuit',
        zh: '营利法人财产不足以清偿，追加抽逃出资的股东、出资人（在抽逃出资的范围内）',
      },
      {
        id: 'transferred-unpaid',
        article: '第十九条',
        change: 'add',
        review: 'lawsuit',
        zh: '未依法履行出资义务即转让股权的原股东（在未依法出资的范围内）',
      },
    ],
  },
  V_CAP: {
    id: 'V-CAP',
    title: 'A respondent joined within a limit answers up to it: money taken beyond it goes back to that respondent',
    titleZh: '变更、追加的被执行人在责任范围内承担责任（超出部分退还）',
    kind: 'law',
    source: `${PARTIES_CHANGE_2020} 第十条（在遗产范围内）、第十七条（在尚未缴纳出资的范围内）、第十八条（在抽逃出资的范围内）、第十九条（在未依法出资的范围内）、第二十六条（被申请人在应承担责任范围内已承担相应责任的，人民法院不得责令其重复承担责任）`,
    effectiveFrom: '2021-01-01',
    version: '2020',
    verify: false,
    /** The grounds whose ruling states a limit (the capital not paid in, withdrawn, or unpaid before a transfer). */
    limitedGrounds: ['unpaid-capital', 'withdrawn-capital', 'transferred-unpaid'],
    /**
     * What counts as taken from the respondent: money deducted from its accounts, the proceeds of its property
     * sold and the value of its property taken in lieu (settling at most what is left of the limit, 第二十六条), less
     * what was given back to it. Freezes and seals stop at the limit (control/plan.ts); what a sale or a
     * deduction brought above it is returned to the respondent before anything is paid out (disbursement/plan.ts).
     */
    excessReturned: true,
  },
  B1: {
    id: 'B1',
    title: 'Maximum period of one seizure, by asset class',
    titleZh: '查封、扣押、冻结的期限',
    kind: 'law',
    source: `${CPL_INTERPRETATION} 第四百八十五条第一款（2015年版为第四百八十七条）：冻结银行存款不超过一年，查封、扣押动产不超过两年，查封不动产、冻结其他财产权不超过三年`,
    effectiveFrom: '2022-04-10',
    version: '2022',
    verify: false,
    deposit: { months: 12 } satisfies Period,
    movable: { months: 24 } satisfies Period,
    realEstate: { months: 36 } satisfies Period,
    /**
     * The end date kept on the case is the bank's or registry's receipt's (回执): the last day it states when within
     * the period above from the day the measure took effect, else that period from the receipt's day (the day the
     * assisting unit did it, not the day the case recorded the answer). The texts set the maximum only; that the
     * receipt's dates govern is the reading, checked against the article's words (不得超过), not a text.
     */
    endDate: 'receipt',
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
  B3_CARRY: {
    id: 'B3-CARRY',
    title: 'A preservation ruling carries into enforcement: its seizures become the case’s, their terms running on',
    titleZh: '保全措施自动转为执行中的查封、扣押、冻结措施（期限连续计算）',
    kind: 'law',
    source: `${CPL_INTERPRETATION} 第一百六十八条；${PRESERVATION_2016} 第十七条`,
    effectiveFrom: '2022-04-10',
    version: '2022',
    verify: false,
    /** No new ruling is made and the period is not restarted: the seizure keeps its own start and expiry. */
    termRunsOn: true,
    /** A seizure whose period ran out before the case was filed does not carry over (第一百六十八条 但书). */
    lapsedExcluded: true,
  },
  P_PRESERVATION_ALERT: {
    id: 'P-PRESERVATION-ALERT',
    title: 'A preservation about to expire with no enforcement case filed is told to the command center',
    titleZh: '保全即将到期且尚未立案执行的提示',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** This long before the earliest expiry of a preservation not carried into a case, the command center hears. */
    lead: { days: 30, unit: 'calendar' } satisfies Period,
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
    source: `${FINAL_ROUND_2016} 第一条第（一）至（五）项、第四条（发现的财产不能处置：经法定程序拍卖、变卖未成交，申请执行人不接受抵债，又不能采取其他执行措施的；在登记机关查封的车辆、船舶等财产未能实际扣押的）；${CASE_FILING_2014} 第十六条`,
    effectiveFrom: '2016-12-01',
    version: '2016',
    verify: false,
    /**
     * 第一条第（四）项: 自执行案件立案之日起已超过三个月 (more than: from the day after, closure/final-closure.ts). The
     * conditions are 第一条第（一）至（五）项.
     */
    minSinceFiling: { months: 3 } satisfies Period,
    /**
     * 第一条第（三）项 allows 终本 when 发现的财产不能处置, which 第四条 defines: (一) auctioned and sold without success,
     * the applicant not taking it in lieu, no other measure possible; (二) a vehicle or ship sealed at the registry but
     * not actually impounded. This system reaches (一): after the unsold fixed-price sale the seal is released (E9,
     * 拍卖变卖规定 第二十八条第二款), and released property does not bar 终本. (二): a vehicle sealed at the registry
     * that the officer records as not actually impounded stays sealed and does not bar 终本 (closure/final-closure.ts).
     * Property still seized otherwise bars 终本.
     */
    undisposable: ['auction-and-sale-failed-in-lieu-declined', 'sealed-not-impounded'],
  },
  G2_SERVICE: {
    id: 'G2-SERVICE',
    title: 'The 终本 ruling states its contents and is served on the applicant; only then is the case closed as 终本',
    titleZh: '终结本次执行程序裁定书送达申请执行人后结案',
    kind: 'law',
    source: `${FINAL_ROUND_2016} 第六条（终结本次执行程序裁定书应当载明有关内容；终结本次执行程序裁定书送达申请执行人以后，执行案件可以作结案处理）`,
    effectiveFrom: '2016-12-01',
    version: '2016',
    /**
     * Read in secondary sources only (第六条 as quoted); the official text was not found in the stored copies. The
     * article gives no period for the service: no time node.
     */
    verify: true,
    /** Closed as 终本 only once the ruling is served on the applicant (a receipt naming the ruling and its hash). */
    closesOnlyWhenServedOnApplicant: true,
  },
  G3: {
    id: 'G3',
    title: 'After 终本: periodic network re-query; found assets resume enforcement as a new case',
    titleZh: '终本后定期查询被执行人财产及恢复执行',
    kind: 'law',
    source: `${FINAL_ROUND_2016} 第九条（第一款：申请执行人发现可供执行财产的，可以申请恢复执行，不受申请执行时效期间的限制；第二款：终结本次执行程序后的五年内，执行法院应当每六个月通过网络执行查控系统查询一次被执行人的财产，并将查询结果告知申请执行人，符合恢复执行条件的，应当及时恢复执行）；恢复执行另立新案号见${CASE_FILING_2014}（恢复执行案件立案）`,
    effectiveFrom: '2016-12-01',
    version: '2016',
    verify: false,
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
  // Disputes inside enforcement (issue 14): 参与分配, 中止执行, 暂缓执行 with 执行担保, 执行回转.
  DIST_APPLY: {
    id: 'DIST-APPLY',
    title:
      'Sharing in the distribution (参与分配): a natural-person respondent whose assets cannot pay every creditor; other creditors with a title, or with priority over the seized asset, apply before the money is paid out',
    titleZh: '参与分配的条件及申请期限',
    kind: 'law',
    source: `${CPL_INTERPRETATION} 第五百零六条（被执行人为公民或者其他组织，其财产不能清偿所有债权；有优先权、担保物权的债权人可直接申请）、第五百零七条（执行程序开始后，被执行人的财产执行终结前提出）`,
    effectiveFrom: '2022-04-10',
    version: '2022',
    verify: false,
    /** 公民 (and 其他组织, which the case record cannot tell from a legal person: persons only). */
    respondentKinds: ['person'],
    /** The application comes before the money is paid out (被执行人的财产执行终结前). */
    applyBefore: 'payout',
  },
  DIST_ORDER: {
    id: 'DIST-ORDER',
    title: 'Order of the distribution: enforcement costs, then priority claims, then ordinary claims pro rata',
    titleZh: '参与分配的清偿顺序',
    kind: 'law',
    source: `${CPL_INTERPRETATION} 第五百零八条（扣除执行费用，清偿优先受偿的债权后，普通债权按比例受偿；剩余债务被执行人继续清偿）`,
    effectiveFrom: '2022-04-10',
    version: '2022',
    verify: false,
    order: ['costs', 'priority', 'pro-rata'],
  },
  DIST_OBJECTION: {
    id: 'DIST-OBJECTION',
    title: 'The distribution plan is served on every creditor and the respondent; a written objection within 15 days',
    titleZh: '对分配方案提出书面异议的期限',
    kind: 'law',
    source: `${CPL_INTERPRETATION} 第五百零九条`,
    effectiveFrom: '2022-04-10',
    version: '2022',
    verify: false,
    /** From receipt of the plan. */
    period: { days: 15, unit: 'calendar' } satisfies Period,
  },
  DIST_OPPOSITION: {
    id: 'DIST-OPPOSITION',
    title:
      'An objection is notified to the others: 15 days to oppose it (none: the plan is revised as objected); opposed, the objector sues within 15 days (none: the plan as made); meanwhile the disputed share is held',
    titleZh: '分配方案异议的反对意见及分配方案异议之诉',
    kind: 'law',
    source: `${CPL_INTERPRETATION} 第五百一十条（第一款：十五日内未提出反对意见的，依异议人的意见修正后分配；提出反对意见的，异议人十五日内起诉，逾期未起诉的依原方案分配；第二款：诉讼期间进行分配的，与争议债权数额相应的款项予以提存）`,
    effectiveFrom: '2022-04-10',
    version: '2022',
    verify: false,
    /** From the notice of the objection. */
    oppose: { days: 15, unit: 'calendar' } satisfies Period,
    /** From the notice of the opposition. */
    sue: { days: 15, unit: 'calendar' } satisfies Period,
  },
  SUSPENSION: {
    id: 'SUSPENSION',
    title: 'Suspension of enforcement (中止执行) by ruling on a ground of the law; resumed when the ground is gone',
    titleZh: '中止执行的情形及恢复执行',
    kind: 'law',
    source: `${CPL_2023_ARTICLES} 第二百六十七条；《中华人民共和国民事诉讼法》审判监督程序一章（按照审判监督程序决定再审的案件，裁定中止原判决、裁定、调解书的执行；2021年修正为第二百一十三条，2023年修正后的条文序号未在所存文本中核实）；《中华人民共和国企业破产法》(2006年) 第十九条（人民法院受理破产申请后，有关债务人财产的执行程序应当中止）`,
    effectiveFrom: '2024-01-01',
    version: '2023',
    verify: false,
    grounds: [
      'applicant-agrees-to-defer',
      'third-party-objection-justified',
      'party-died-awaiting-successor',
      'organisation-ended-awaiting-successor',
      'other-court-finds',
      /** 审判监督程序: the basis is to be retried (再审), the ruling suspends its enforcement. */
      'retrial-ordered',
      /** 企业破产法 第十九条: a bankruptcy application against the respondent was accepted. */
      'bankruptcy-accepted',
      /**
       * 上级人民法院通知暂缓执行 (法释〔2000〕29号 第九条第（十一）项): recorded and ruled like a suspension, its days not
       * counted in the term (TERM-EXCLUDED); not a ground of 第二百六十七条 but the higher court's notice.
       */
      'higher-court-deferral',
    ],
    signedBy: 'bureau-chief',
  },
  TERM_EXCLUDED: {
    id: 'TERM-EXCLUDED',
    title:
      'The enforcement term (A1) does not count the time enforcement was suspended or deferred (a higher court’s notice included), nor an appraisal, nor the auction or sale of seized property',
    titleZh: '不计入执行期限的期间（中止执行、暂缓执行、上级法院通知暂缓执行、评估、拍卖变卖）',
    kind: 'law',
    source:
      '最高人民法院《关于严格执行案件审理期限制度的若干规定》(法释〔2000〕29号，2008年调整) 第九条第（八）项（执行案件由有关专业机构进行审计、评估、资产清理的期间）、第（九）项（中止执行至恢复执行的期间）、第（十）项（提供执行担保后决定暂缓执行的期间）、第（十一）项（上级人民法院通知暂缓执行的期间）、第（十二）项（执行中拍卖、变卖被查封、扣押财产的期间）；原文已核对。第（六）项（公告、鉴定的期间）只适用于民事、行政案件，不及于执行期限',
    effectiveFrom: '2000-09-28',
    version: '2008',
    verify: false,
    excludedFrom: 'A1',
    /** The periods this system sees and deducts (A1.excludedPeriods lists every one of 第九条 for enforcement). */
    deducted: [
      'suspension',
      'deferral-on-settlement-or-security',
      'deferral-by-higher-court',
      'appraisal-or-audit',
      'auction-or-sale',
    ],
  },
  DEFERRAL: {
    id: 'DEFERRAL',
    title:
      'Deferred enforcement (暂缓执行) on a guarantee the applicant agrees to: for the guarantee’s term, at most one year; on default, enforcement against the guaranteed property or the guarantor',
    titleZh: '执行担保与暂缓执行',
    kind: 'law',
    source: `${CPL_2023_ARTICLES} 第二百四十二条；最高人民法院《关于执行担保若干问题的规定》(法释〔2018〕4号，2020年修正) 第十条（暂缓执行期限与担保书约定一致，最长不超过一年）、第十一条（期满仍不履行的，依申请执行人申请恢复执行，直接裁定执行担保财产或者保证人的财产）；最高人民法院《关于正确适用暂缓执行措施若干问题的规定》(法发〔2002〕16号) 第十三条（暂缓执行期限届满后，人民法院应当立即恢复执行；第十三条条文出自二手资料，待核实）`,
    effectiveFrom: '2018-03-01',
    version: '2020',
    verify: true,
    maxMonths: 12,
    /** 暂缓执行规定 第十三条: at the term's end enforcement resumes at once (the node sweeper does it). */
    resumeAtTermEnd: true,
    signedBy: 'bureau-chief',
  },
  GUARANTEE: {
    id: 'GUARANTEE',
    title:
      'The guarantee period runs from the end of the deferral; one year when the guarantee does not say; after it, no enforcement against the guarantor',
    titleZh: '执行担保的担保期间',
    kind: 'law',
    source: '最高人民法院《关于执行担保若干问题的规定》(法释〔2018〕4号，2020年修正) 第十二条、第十三条',
    effectiveFrom: '2018-03-01',
    version: '2020',
    verify: false,
    /** When the guarantee names no period. */
    period: { months: 12 } satisfies Period,
  },
  REVERSAL: {
    id: 'REVERSAL',
    title:
      'Reversal (执行回转): the title is set aside after execution; a ruling orders whoever took the property to return it, enforced as a new case',
    titleZh: '执行回转',
    kind: 'law',
    source: `${CPL_2023_ARTICLES} 第二百四十四条；最高人民法院《关于人民法院执行工作若干问题的规定（试行）》(2020年修正)（执行回转应当重新立案，适用执行程序的有关规定；条文序号待核实）`,
    effectiveFrom: '2024-01-01',
    version: '2023',
    verify: true,
    signedBy: 'bureau-chief',
  },
  P_DISTRIBUTION: {
    id: 'P-DISTRIBUTION',
    title:
      'Pro rata shares in whole fen: each rounded down, the fen left over one each to the largest remainders, ties by order of application',
    titleZh: '按比例分配的分位处理',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    remainder: 'largest-remainder',
  },
  OBJ_ACT: {
    id: 'OBJ-ACT',
    title:
      'Objection to an enforcement act (执行异议): examined within 15 days; reconsideration applied for within 10 days of service, decided within 30; the act goes on meanwhile',
    titleZh: '执行行为异议与复议（审查期间不停止执行）',
    kind: 'law',
    source: `${CPL_2023_ARTICLES} 第二百三十六条（自收到书面异议之日起十五日内审查；自裁定送达之日起十日内向上一级人民法院申请复议）；${ENFORCEMENT_PROCEDURE_2008} 第五条（十五日内作出裁定）、第八条（上一级人民法院自收到复议申请之日起三十日内审查完毕并作出裁定）、第九条（执行异议审查和复议期间，不停止执行）；${OBJECTIONS_2015} 第十一条（组成合议庭审查）`,
    effectiveFrom: '2024-01-01',
    version: '2023',
    verify: false,
    /** The court examines and rules, from receipt of the written objection. */
    examination: { days: 15, unit: 'calendar' } satisfies Period,
    /** A party or interested person may apply to the higher court for reconsideration, from service of the ruling. */
    reconsiderationWindow: { days: 10, unit: 'calendar' } satisfies Period,
    /** The higher court decides, from receipt of the application. */
    reconsiderationDecision: { days: 30, unit: 'calendar' } satisfies Period,
    /** 执行程序解释 第九条: the contested act is not stopped while examined or reconsidered. */
    actContinues: true,
    /** 执行异议复议规定 第十一条: a collegial panel examines; who rules is the role table's `rule-objections`. */
    rulingAction: 'rule-objections',
  },
  OBJ_THIRD_PARTY: {
    id: 'OBJ-THIRD-PARTY',
    title:
      'Third-party objection (案外人异议): examined within 15 days; upheld, enforcement against the asset is suspended; either side may sue within 15 days of service and the asset is not disposed of until the judgment; no suit, the ruling stands',
    titleZh: '案外人异议（理由成立的裁定中止对该标的的执行；十五日内可提起执行异议之诉）',
    kind: 'law',
    source: `${CPL_2023_ARTICLES} 第二百三十八条（自收到书面异议之日起十五日内审查，理由成立的，裁定中止对该标的的执行；与原判决、裁定无关的，可以自裁定送达之日起十五日内向人民法院提起诉讼）；${CPL_2023_ARTICLES} 第二百六十七条第（二）项（案外人对执行标的提出确有理由的异议的，中止执行）；${CPL_INTERPRETATION}（驳回案外人执行异议裁定送达案外人之日起十五日内，人民法院不得对执行标的进行处分；执行异议之诉审理期间，人民法院不得对执行标的进行处分）；${ENFORCEMENT_PROCEDURE_2008} 第十五条（案外人异议审查期间，人民法院不得对执行标的进行处分：被主张的存款自异议登记起不予扣划、已扣划的款项不予发放）`,
    effectiveFrom: '2024-01-01',
    version: '2023',
    verify: false,
    examination: { days: 15, unit: 'calendar' } satisfies Period,
    /** Either side may bring 执行异议之诉, from service of the ruling: until then the asset is not disposed of. */
    suitWindow: { days: 15, unit: 'calendar' } satisfies Period,
  },
  OBJ_RELEASE: {
    id: 'OBJ-RELEASE',
    title:
      'After an upheld third-party objection, no suit by the applicant within the period: the measures on the asset are released within 7 days of the period’s end',
    titleZh: '案外人异议成立后申请执行人未起诉的，解除对该执行标的的执行措施',
    kind: 'law',
    source: `${CPL_INTERPRETATION} 第三百一十四条（起诉期限届满之日起七日内解除对该执行标的采取的执行措施）`,
    effectiveFrom: '2022-04-10',
    version: '2022',
    /** The article number and the 7 days come from memory of the 2022 text, not found in the sources searched. */
    verify: true,
    release: { days: 7, unit: 'calendar' } satisfies Period,
  },
  H1: {
    id: 'H1',
    title:
      'Entrusted court starts within 15 days of receiving the letter; reports the result, or within 30 days how far it got',
    titleZh: '受委托人民法院十五日内开始执行，三十日内未执行完毕的函告执行情况',
    kind: 'law',
    source: `${CPL_2023_ARTICLES} 第二百四十条（受委托人民法院收到委托函件后，必须在十五日内开始执行，不得拒绝。执行完毕后，应当将执行结果及时函复委托人民法院；在三十日内如果还未执行完毕，也应当将执行情况函告委托人民法院。受委托人民法院自收到委托函件之日起十五日内不执行的，委托人民法院可以请求受委托人民法院的上级人民法院指令受委托人民法院执行）：条文为2012年、2017年文本第二百二十九条，原文已核对；2023年序号由本表已用的第二百四十二条（执行担保）、第二百六十七条（中止执行）推得。执行事项委托的办理另见最高人民法院《关于严格规范执行事项委托工作的管理办法（试行）》(法发〔2017〕27号)，其原文未在所存文本中找到`,
    effectiveFrom: '2024-01-01',
    version: '2023',
    verify: false,
    /** Started within this period of receiving the letter; not started by then, the superior court may be asked. */
    startWithin: { days: 15, unit: 'calendar' } satisfies Period,
    /** Completed, or the state of the matter reported back (函告), within this period of receiving it. */
    period: { days: 30, unit: 'calendar' } satisfies Period,
  },
  A11: {
    id: 'A11',
    title: 'Reference price procedure started after seizure',
    titleZh: '启动确定财产处置参考价程序',
    kind: 'law',
    source: `${REFERENCE_PRICE_2018} 第一条（查封、扣押、冻结财产后，对需要拍卖、变卖的财产，应当在三十日内启动）、第二条（方式）`,
    effectiveFrom: '2018-09-01',
    version: '2018',
    verify: false,
    /** Started within this period of the seizure of property to be auctioned or sold. */
    period: { days: 30, unit: 'calendar' } satisfies Period,
    methods: ['negotiation', 'directed-inquiry', 'online-inquiry', 'appraisal'],
  },
  A11_OBJECTION: {
    id: 'A11-OBJECTION',
    title:
      'A party or interested person may object in writing to an online-inquiry or appraisal report within 5 days of receiving it; the objection is examined as an objection to an enforcement act',
    titleZh: '对网络询价报告、评估报告提出书面异议的期间',
    kind: 'law',
    source: `${REFERENCE_PRICE_2018} 第二十二条（当事人、利害关系人认为网络询价报告或者评估报告存在财产基本信息错误、超出财产范围或者遗漏财产、评估机构或评估人员不具备相应资质、评估程序严重违法的，可以在收到报告后五日内提出书面异议，参照民事诉讼法关于执行异议的规定处理）、第二十三条（收到评估报告后五日内对参照标准、计价方法或者评估结果提出书面异议）；第十三条援引第二十二条的异议已在所存文本中见到，“五日”及第二十二条、第二十三条全文未在所存文本中核实`,
    effectiveFrom: '2018-09-01',
    version: '2018',
    verify: true,
    /** From the report's service on the parties (sent through the e-service platform the day it comes in). */
    window: { days: 5, unit: 'calendar' } satisfies Period,
    /** The reports that may be objected to: online inquiry and commissioned appraisal (not 议价 or 定向询价). */
    reports: ['online-inquiry', 'appraisal'],
    /** An objection is examined as one to an enforcement act (OBJ-ACT), which does not stop the disposal. */
    examinedAs: 'OBJ-ACT',
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
    source: `${ONLINE_AUCTION_2016} 第十七条`,
    effectiveFrom: '2017-01-01',
    version: '2016',
    verify: false,
    minDepositPercent: 5,
    maxDepositPercent: 20,
    /**
     * 第十七条第二款: 申请执行人参加竞买的，可以不交保证金；但债权数额小于保证金数额的按差额部分交纳. The platform reports
     * a buyer registered as the applicant; the round records the deposit paid (none, or the part above the claim),
     * the balance and a forfeiture are counted from it (disposal/auction.ts, outcomes.ts).
     */
    applicantExemptUpToClaim: true,
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
    source: `${ONLINE_AUCTION_2016} 第二十六条（竞价期间无人出价的，本次拍卖流拍；流拍后应当在三十日内在同一网络司法拍卖平台再次拍卖，动产七日前公告，不动产或者其他财产权十五日前公告；再次拍卖的起拍价降价幅度不得超过前次起拍价的百分之二十；再次拍卖流拍的，可以依法在同一平台变卖）、第二十七条（起拍价及其降价幅度、竞价增价幅度、保证金数额和优先购买权人竞买资格及其顺序等事项，应当由人民法院依法组成合议庭评议确定）`,
    effectiveFrom: '2017-01-01',
    version: '2016',
    verify: false,
    /** The second auction is held within this period of the failed one. */
    within: { days: 30, unit: 'calendar' } satisfies Period,
    movableAnnouncement: { days: 7, unit: 'calendar' } satisfies Period,
    realEstateAnnouncement: { days: 15, unit: 'calendar' } satisfies Period,
    /** The starting price is cut by at most this share of the previous one. */
    maxCutPercent: 20,
    /*
     * 第二十七条: the terms are 合议庭评议确定. The approval step `auction-terms` is a panel step (E8-PANEL): each
     * member votes, the majority decides (approvals/panel.ts).
     */
  },
  E8_PANEL: {
    id: 'E8-PANEL',
    title:
      'What the text gives a collegial panel (the auction terms, 网拍规定 第二十七条) is decided by the majority of its members, each voting',
    titleZh: '合议庭评议确定事项：合议庭成员逐一表决，少数服从多数',
    kind: 'law',
    source: `${ONLINE_AUCTION_2016} 第二十七条（起拍价及其降价幅度、竞价增价幅度、保证金数额和优先购买权人竞买资格及其顺序等事项，应当由人民法院依法组成合议庭评议确定）；《中华人民共和国民事诉讼法》（合议庭的成员人数，必须是单数；合议庭评议案件，实行少数服从多数的原则：2012年文本第三十九条、第四十二条，2023年修正后的条文序号未在所存文本中核实）；${BANKRUPTCY_REFERRAL_2017} 第5条（承办人认为执行案件符合移送破产审查条件的，应提出审查意见，经合议庭评议同意后，由执行法院院长签署移送决定；据逐字引用的转载核对）`,
    effectiveFrom: '2017-01-01',
    version: '2016',
    verify: true,
    /** Members of the panel (an odd number, at least three): the court may set a larger odd panel. */
    size: 3,
    /**
     * The approval steps decided this way: the auction terms (网拍规定 第二十七条) and the bankruptcy referral's
     * panel review (法发〔2017〕2号 第5条), which the president signs only once the panel agreed.
     */
    steps: ['auction-terms', 'bankruptcy-panel'],
  },
  E9: {
    id: 'E9',
    title:
      'After any failed auction the applicant may take the lot in lieu at that auction’s price, paying any difference; after a failed second auction: fixed-price sale, then release',
    titleZh: '流拍后以物抵债（补交差额）、变卖或解除查封',
    kind: 'law',
    source: `${AUCTION_SALE_2004} 第十九条（拍卖时无人竞买或者竞买人的最高应价低于保留价，到场的申请执行人或者其他执行债权人申请或者同意以该次拍卖所定的保留价接受拍卖财产的，应当将该财产交其抵债；承受人应受清偿的债权额低于抵债财产的价额的，责令其在指定的期间内补交差额）、第二十八条第二款（变卖公告之日起六十日内无人买受且不接受抵债的，解除查封、冻结）（条文序号为2004年文本，2020年修正后的序号未在所存文本中核实）；${ONLINE_AUCTION_2016} 第二十六条（再次拍卖流拍的，可以依法在同一网络司法拍卖平台变卖）、第三十七条（本规定未规定的，适用其他有关司法拍卖的规定）；网络变卖期六十日系比照前述第二十八条第二款，网拍规定本身未规定变卖期（待核实）`,
    effectiveFrom: '2017-01-01',
    version: '2004 / 2016',
    verify: true,
    /** 第十九条: the offer follows every failed auction (流拍), not only the last, at that auction's starting price. */
    inLieuAfter: 'every-failed-auction',
    /** 第十九条: a lot worth more than the applicant's claim is still offered; the applicant pays the difference. */
    creditorPaysDifference: true,
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
    title:
      'Lifting a consumption restriction: must on full performance, may on security given or the applicant’s consent',
    titleZh: '解除限制消费令（履行完毕的应当解除；提供担保或申请执行人同意的可以解除）',
    kind: 'law',
    source: `${CONSUMPTION_2015} 第九条`,
    effectiveFrom: '2015-07-22',
    version: '2015',
    verify: false,
    /** 第九条: 被执行人履行完毕生效法律文书确定的义务的，人民法院应当……及时以通知或者公告解除限制消费令. */
    liftedOn: ['full-performance'],
    /** 第九条: 提供确实有效的担保或者经申请执行人同意的，人民法院可以解除 (the court's discretion; staff decide). */
    mayLiftOn: ['security-given', 'applicant-consent'],
  },
  C6: {
    id: 'C6',
    title: 'Dishonest-debtor list: grounds, period, extension, exclusions, removal',
    titleZh: '失信被执行人名单',
    kind: 'law',
    source: `${DISHONEST_2017}（2017年修正） 第一条至第五条、第十条第一款第（一）至（七）项及第二款`,
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
    /**
     * 第十条第一款第四项: 终结本次执行程序后，通过网络执行查控系统查询被执行人财产两次以上，未发现有可供执行财产，且申请执行人
     * 或者其他人未提供有效财产线索的: this many re-queries (G3) that found nothing disposable.
     */
    removalAfterFruitlessRequeries: 2,
    /**
     * 第十条第一款第五项: 因审判监督或破产程序，人民法院依法裁定对失信被执行人中止执行的: the suspension grounds (SUSPENSION)
     * that remove a listing without a term once the suspension is in force; so does the receiving court's acceptance
     * of a bankruptcy referral (M-BANKRUPTCY; 企业破产法 第十九条: enforcement suspended).
     */
    removalOnSuspension: ['retrial-ordered', 'bankruptcy-accepted'],
    /** 第十条第二款: 有纳入期限的，不适用前款规定。纳入期限届满后三个工作日内，人民法院应当删除失信信息 (the `removal` period). */
    termedRemovedOn: 'term-ended',
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
    /**
     * 第二条: 公安机关决定不予立案 opens it at once (no wait): the applicant is told when the refusal comes, and the
     * court's request for the procuratorate's supervision (D3) goes on beside it.
     */
    opensAtOnceOn: ['police-refusal', 'no-prosecution'],
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
  M_EXIT_BAN: {
    id: 'M-EXIT-BAN',
    title:
      'Restricting a respondent from leaving the country: on application or of the court’s own motion; whom; lifting',
    titleZh: '限制出境（依申请或依职权；对象；解除）',
    kind: 'law',
    source: `${CPL_2023_ARTICLES} 第二百六十六条（被执行人不履行法律文书确定的义务的，人民法院可以对其采取或者通知有关单位协助采取限制出境）；${EXECUTION_PROCEDURE_2020} 第二十三条（申请执行人书面申请；必要时执行法院依职权决定）、第二十四条（被执行人为单位的，可以对其法定代表人、主要负责人或者影响债务履行的直接责任人员限制出境）、第二十五条（履行全部债务的应当及时解除；提供充分、有效的担保或者申请执行人同意的可以解除）（2020年修正文本，原文已核对；2008年文本为第三十六条至第三十八条）；《中华人民共和国出境入境管理法》第十二条第（三）项（有未了结的民事案件，人民法院决定不准出境的）。结案时解除是本系统的做法，非条文`,
    effectiveFrom: '2024-01-01',
    version: '2023 / 2020',
    verify: false,
    /** Written application of the applicant; of the court's own motion when necessary. */
    origins: ['application', 'own-motion'],
    /** An organisation's persons the restriction may bind (the organisation itself cannot leave the country). */
    organisationBinds: ['legal-representative', 'principal', 'directly-responsible-person'],
    /** Lifted at once on full performance; may be lifted on adequate security or the applicant's consent. */
    liftedOn: ['full-performance', 'security-given', 'applicant-consent', 'case-closed'],
    /** Notified to the authority that enforces it (公安机关出入境管理机构), which confirms each person. */
    authority: 'exit-entry',
  },
  M_REWARD: {
    id: 'M-REWARD',
    title: 'Reward notice for the respondent’s property: written application, decision, notice, leads, reward',
    titleZh: '悬赏查找财产（申请、决定、公告、线索、悬赏金）',
    kind: 'law',
    source: `${PROPERTY_INVESTIGATION_2020} 第二十一条（书面申请：悬赏金的数额或计算方法；有关人员提供人民法院尚未掌握的财产线索，使该申请执行人的债权得以全部或部分实现时，自愿支付悬赏金的承诺；发布方式；第二款：人民法院应当自收到书面申请之日起十日内决定是否准许）、第二十二条（悬赏公告载明悬赏金的数额或计算方法、领取条件；全国法院执行悬赏公告平台等发布）、第二十三条（登记线索并保密）、第二十四条（提供人民法院尚未掌握的财产线索，使债权得以全部或部分实现的，按悬赏公告发放悬赏金；悬赏金从该申请执行人应得的执行款中扣减，无法扣减的由其另行支付；代理人、有义务提供线索的人员不予发放）（2020年修正文本，原文已核对）。悬赏金在发放执行款时从该申请执行人应得的执行款中扣减，执行款发放方案单列；只有因交付特定物、另案执行等无法扣减的，才由申请执行人另行支付。申请执行人预交悬赏金是本院的工作做法（P-MEASURES），只作担保，仅在无法扣减时用于另行支付，其余在悬赏结束时退还`,
    effectiveFrom: '2021-01-01',
    version: '2020',
    verify: false,
    /** 第二十一条第一款第（一）项: a fixed sum, or a way of computing it (here: a share of the money the lead brings). */
    rewardMethods: ['fixed', 'share'],
    /** 第二十一条第二款: the court decides whether to publish within this period of the written application. */
    decide: { days: 10, unit: 'calendar' } satisfies Period,
    /** 第二十四条: the reward is due only for a lead the court did not already have that brings money in. */
    paidOn: 'money-realised',
    /** 第二十四条: deducted from that applicant's share when the money is paid out; paid separately only if impossible. */
    paidFrom: 'applicant-share',
  },
  M_RELIEF: {
    id: 'M-RELIEF',
    title: 'State judicial relief for an applicant in hardship: cap, decision, recovery from later enforcement money',
    titleZh: '国家司法救助（救助金上限、决定、执行到位后扣回）',
    kind: 'law',
    source: `${JUDICIAL_RELIEF_2016}（救助金以案件管辖法院所在省、自治区、直辖市上一年度职工月平均工资为基准，一般不超过三十六个月的月平均工资总额；损失特别重大、生活特别困难的可以适当突破，但不得超过依法应当判决给付或者虽已判决但未执行到位的标的数额）；${JUDICIAL_RELIEF_PROCEDURE}（决定期限、决定人、救助金在执行到位后扣回的条文待核实：原文未找到）。救助金上限（上一年度职工月平均工资为基准，一般不超过三十六个月，特别情形不得超过应当判决给付或者未执行到位的标的数额）据北京法院网《国家司法救助金的确定》（2022年）及中政委〔2014〕3号的转述核对`,
    effectiveFrom: '2016-07-01',
    version: '2016 / 2019',
    verify: true,
    /** The usual cap: this many months of the province's previous-year average monthly wage (RELIEF-WAGE). */
    capMonths: 36,
    /** Above the usual cap only exceptionally, and never above what is still unpaid under the basis. */
    absoluteCap: 'unpaid-claim',
    /** One grant per party per case. */
    grantsPerParty: 1,
    /** Decided within this period of the application (试行程序规定; verify). */
    decide: { days: 10, unit: 'working' } satisfies Period,
    /** Money later enforced for the relieved applicant first repays the fund, up to the relief (verify). */
    recoveredFromEnforcement: true,
  },
  RELIEF_WAGE: {
    id: 'RELIEF-WAGE',
    title:
      'The base of judicial relief: the province’s average wage of employees in the year before the application, as the statistics bureau published it',
    titleZh: '司法救助基准：本院所在省上一年度职工平均工资（统计部门公布数）',
    kind: 'policy',
    source: `${POLICY}；数额为统计部门公布的统计数据，每行注明省份、年度、统计口径和出处，由本院按当年公布数增补。河北省2024年：河北省统计局《2024年全省城镇单位就业人员平均工资》（2025年6月26日公布）：全省城镇非私营单位在岗职工平均工资99091元（就业人员平均工资97046元）`,
    effectiveFrom: '2025-06-26',
    version: '2024',
    verify: false,
    /**
     * One row per province and year. `courts`: the court-code prefixes of the province (this installation's codes:
     * HB = 河北, 冀). The relief applied for in year Y is based on year Y-1; before Y-1's figure is published the latest
     * earlier one applies and the decider is told which (a working rule of this project, not the text).
     */
    figures: [
      {
        province: '河北省',
        courts: ['HB'],
        year: 2024,
        statistic: '城镇非私营单位在岗职工年平均工资',
        annualFen: 9_909_100,
        source: '河北省统计局《2024年全省城镇单位就业人员平均工资》，2025年6月26日公布',
      },
    ],
  },
  M_BANKRUPTCY: {
    id: 'M-BANKRUPTCY',
    title: 'Referring a company respondent to bankruptcy review: conditions, consent, president’s decision, acceptance',
    titleZh: '执行案件移送破产审查（条件、同意、院长签署、受理与中止）',
    kind: 'law',
    source: `${BANKRUPTCY_REFERRAL_2017}（第2条据全文转载本核对，第4条、第5条据逐字引用的转载核对）第2条（企业法人；被执行人或者任何一个执行案件的申请执行人书面同意；不能清偿到期债务，并且资产不足以清偿全部债务或者明显缺乏清偿能力）、第4条（告知和征询）、第5条（合议庭评议，院长签署移送决定）、第8条（执行法院作出移送决定后，执行法院均应中止对被执行人的执行程序；原文已核对）、第18条（受移送法院作出不予受理或驳回申请裁定的，执行法院应当恢复对被执行人的执行；原文已核对）；${CPL_INTERPRETATION} 第五百一十一条（经申请执行人之一或者被执行人同意，裁定中止执行并移送）、第五百一十二条（受移送法院自收到材料之日起三十日内将是否受理的裁定告知执行法院）、第五百一十三条（受理的，解除保全措施；宣告破产的，裁定终结执行；不受理的，恢复执行）（2022年修正文本，原文已核对）；《中华人民共和国企业破产法》第十九条（受理后保全措施解除，执行程序中止）；${CASE_FILING_2014} 第十七条（宣告破产，终结执行）`,
    effectiveFrom: '2017-01-20',
    version: '2017',
    verify: false,
    /** Only a company (企业法人) is referred. */
    respondentKind: 'organisation',
    /** Either side's written consent suffices. */
    consentFrom: ['applicant', 'respondent'],
    /** Referred at the latest during the 终本 review; not after the case is closed. */
    latestAt: 'final-closure-review',
    /** The president signs the referral decision (第5条). */
    approver: 'president',
    /** The receiving court tells the enforcing court within this period whether it accepts (民诉法解释; verify). */
    acceptanceAnswer: { days: 30, unit: 'calendar' } satisfies Period,
    /** On acceptance enforcement stops and the seizures are released to the bankruptcy; declared bankrupt: 终结执行. */
    closureGround: 'respondent-bankrupt',
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
  P_CLOSURE_LIFTING: {
    id: 'P-CLOSURE-LIFTING',
    title:
      'A case closed otherwise than by performance or 终本 lifts the consumption restriction (no text of 限高规定 says so)',
    titleZh: '以终结执行、不予执行、销案、驳回申请方式结案的，解除限制消费令',
    kind: 'policy',
    source: `${POLICY}；限高规定第九条只规定履行完毕应当解除、提供担保或申请执行人同意可以解除，未规定其他结案方式`,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** The closure ways that end the restriction: the enforcement case it serves is over (G1). */
    ways: ['termination', 'non-enforcement', 'withdrawal', 'rejection'],
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
  P_MEASURES: {
    id: 'P-MEASURES',
    title: 'Exit restriction, reward notices, judicial relief and bankruptcy referral: the court’s working figures',
    titleZh: '限制出境、悬赏、司法救助、移送破产的工作时限与数额',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** The exit-entry authority confirms each person within this period; unconfirmed persons are sent again ... */
    exitEntryAnswer: { days: 3, unit: 'working' } satisfies Period,
    /** ... this many times in all, before the command center is told. */
    exitEntryRounds: 3,
    /**
     * The applicant deposits the reward (the most it can come to) before the notice is published: security only.
     * The reward comes out of the applicant's share (M-REWARD 第二十四条); the deposit pays it only where that is
     * impossible, and the rest goes back when the notice closes.
     */
    rewardDepositRequired: true,
    /** The share of the money a lead brings in, at most (a reward computed as a share), in basis points. */
    rewardMaxShareBasisPoints: 2_000,
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
/** A row's text for people, left out of values.ts: all of RuleMeta but the id. */
export type RuleText = Exclude<keyof RuleMeta, 'id'>;
/** The rule table's values (what functions use): each row without its text. The whole table is `typeof RULES`. */
export type Rules = { readonly [K in RuleId]: Omit<(typeof RULES)[K], RuleText> };

/** Every row, for listing (`enforce rules`) and for the tests that check each row has a source. */
export function ruleRows(rules: typeof RULES = RULES): readonly RuleMeta[] {
  return Object.values(rules);
}
