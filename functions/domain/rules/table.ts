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
const POLICY = 'Court working rule (configurable per court; default set by this project)';
const CPL_2023 = '《中华人民共和国民事诉讼法》(2023年修正) 妨害民事诉讼的强制措施一章（条文序号待核实）';
const CONSUMPTION_2015 = '最高人民法院《关于限制被执行人高消费及有关消费的若干规定》(法释〔2015〕17号)';
const DISHONEST_2017 = '最高人民法院《关于公布失信被执行人名单信息的若干规定》(法释〔2017〕7号)';
const REFUSAL_2025 =
  '最高人民法院、最高人民检察院、公安部《关于办理拒不执行判决、裁定刑事案件若干问题的意见》(法发〔2025〕8号)';
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
    source: TIME_LIMITS_2006,
    effectiveFrom: '2007-01-01',
    version: '2006',
    verify: false,
    /** The request is made within the last days of the term, the due date included. */
    requestWindow: { days: 5, unit: 'calendar' } satisfies Period,
    /** The rules whose nodes are terms that may be extended this way. */
    extends: ['A1'],
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
  A10: {
    id: 'A10',
    title: 'Notice sent and network asset inquiry started soon after filing (assessment target)',
    titleZh: '立案后发出通知并启动网络查控（考核节点）',
    kind: 'law',
    source: 'Assessment target used by courts (secondary source, enforcement-rules.md A10)',
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
  F1: {
    id: 'F1',
    title: 'Money received is settled and paid to the applicant',
    titleZh: '执行款发放',
    kind: 'law',
    source: '最高人民法院《关于执行款物管理工作的规定》(2017) (secondary source, enforcement-rules.md F1)',
    effectiveFrom: 'unknown',
    version: '2017',
    verify: true,
    period: { days: 30, unit: 'calendar' } satisfies Period,
  },
  G1: {
    id: 'G1',
    title: 'Ways a case closes',
    titleZh: '执行结案方式',
    kind: 'law',
    source: '最高人民法院《关于执行案件立案、结案若干问题的意见》(法发〔2014〕26号)',
    effectiveFrom: '2015-01-01',
    version: '2014',
    verify: false,
    ways: ['fully-performed', 'final-round-closure', 'termination', 'withdrawal', 'non-enforcement', 'rejection'],
  },
  H1: {
    id: 'H1',
    title: 'Entrusted court completes the matter or reports back',
    titleZh: '受托法院办理委托执行事项',
    kind: 'law',
    source: 'SPC rules on entrusting enforcement matters between courts (secondary source, enforcement-rules.md H1)',
    effectiveFrom: 'unknown',
    version: '2017',
    verify: true,
    period: { days: 30, unit: 'calendar' } satisfies Period,
  },
  C1: {
    id: 'C1',
    title: 'Limits of fines and judicial detention',
    titleZh: '罚款、拘留的限额',
    kind: 'law',
    source: CPL_2023,
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
  C3: {
    id: 'C3',
    title: 'Review of a fine or detention; notice to the detainee’s family',
    titleZh: '罚款、拘留的复议期限及通知家属',
    kind: 'law',
    source:
      '最高人民法院关于适用《中华人民共和国民事诉讼法》的解释 (2022年修正) (secondary source, enforcement-rules.md C3)',
    effectiveFrom: '2022-04-10',
    version: '2022',
    verify: true,
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
    /** For an organisation the order binds these persons. */
    organisationBinds: ['legal-representative', 'principal', 'directly-responsible-person', 'actual-controller'],
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
    title: 'Dishonest-debtor list: grounds, period, extension, removal',
    titleZh: '失信被执行人名单',
    kind: 'law',
    source: DISHONEST_2017,
    effectiveFrom: '2017-05-01',
    version: '2017',
    verify: false,
    /** Listing needs ability to perform with refusal, and one of these conducts. */
    grounds: [
      'obstruction',
      'violent-obstruction',
      'assets-hidden',
      'report-refused',
      'report-false',
      'consumption-violation',
      'settlement-breach',
    ],
    listingYears: 2,
    /** Conducts that allow extending the period, and by how much (years). */
    extensionGrounds: ['violent-obstruction', 'repeated'],
    extensionMinYears: 1,
    extensionMaxYears: 3,
    /** After performance or correction the listing is removed within this many working days. */
    removal: { days: 3, unit: 'working' } satisfies Period,
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
    source: REFUSAL_2025,
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
    title: 'The applicant may prosecute privately when police or procuratorate do not act',
    titleZh: '申请执行人自诉',
    kind: 'law',
    source: REFUSAL_2024,
    effectiveFrom: '2024-12-01',
    version: '2024',
    verify: true,
    /** No answer within this period opens the private-prosecution path. */
    noAnswer: { days: 15, unit: 'calendar' } satisfies Period,
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
    title: 'Length of an extension of the enforcement term (A2 names no length)',
    titleZh: '执行期限延长的期间',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** Proposed extension, counted from the current due date; the president may decide another, up to the maximum. */
    months: 3,
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
} as const;

export type RuleId = keyof typeof RULES;
export type Rules = typeof RULES;

/** Every row, for listing (`enforce rules`) and for the tests that check each row has a source. */
export function ruleRows(rules: Rules = RULES): readonly RuleMeta[] {
  return Object.values(rules);
}
