/**
 * `enforce rules` in Chinese: a label for every field of the rule table and for every identifier its values hold,
 * and one formatter for a value. A field or identifier without a label prints as `【未译：…】`, which the rules test
 * refuses, so that a new row cannot bring English to staff.
 */
import { type Fen, formatYuan } from '#domain/money.ts';

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  term: '执行期限',
  nonLitigationTerm: '非诉执行案件期限',
  requestWindow: '申请延长的期间（届满前）',
  extends: '适用于',
  approver: '批准人',
  extensionMonths: '每次延长（月）',
  period: '期限',
  deposit: '存款',
  movable: '动产',
  realEstate: '不动产或者其他财产权',
  renewalAsLongAsOriginal: '续行期限不超过原期限',
  borneBy: '负担人',
  flatFen: '定额',
  flatUpToFen: '定额适用于执行金额至',
  tiers: '超过部分分段',
  upToFen: '至',
  basisPoints: '费率（万分之）',
  dailyRatePerMillion: '日利率（百万分之）',
  baseItems: '计息基数',
  countsTo: '计算至',
  debtOrder: '金钱债务清偿顺序',
  ways: '结案方式',
  grounds: '事由',
  termination: '终结执行',
  withdrawal: '销案',
  'non-enforcement': '不予执行',
  rejection: '驳回申请',
  id: '代码',
  zh: '名称',
  source: '依据',
  requires: '适用条件',
  minSinceFiling: '自立案起至少',
  interval: '查询间隔',
  span: '查询期间',
  breachConduct: '不履行和解协议记为',
  methods: '确定参考价方式',
  minStartingPricePercent: '起拍价不低于参考价的（%）',
  minBidders: '最少竞买人数',
  propertyRightClasses: '按不动产或者其他财产权公告的财产',
  minDepositPercent: '保证金不低于起拍价的（%）',
  maxDepositPercent: '保证金不高于起拍价的（%）',
  minBiddingHours: '竞价时间不少于（小时）',
  extensionMinutes: '延时（分钟）',
  within: '期限',
  movableAnnouncement: '动产公告期',
  realEstateAnnouncement: '不动产或者其他财产权公告期',
  maxCutPercent: '降价幅度不超过（%）',
  fixedPriceSale: '变卖期',
  personFineMaxFen: '对个人罚款上限',
  organisationFineMinFen: '对单位罚款下限',
  organisationFineMaxFen: '对单位罚款上限',
  detentionMaxDays: '拘留上限（日）',
  reviewRequest: '申请复议期限',
  reviewDecision: '复议决定期限',
  familyNoticeHours: '通知家属时限（小时）',
  organisationBinds: '单位被执行人的限制对象',
  liftedOn: '解除事由',
  listingYears: '纳入期限（年）',
  extensionGrounds: '可延长的情形',
  extensionMinYears: '延长下限（年）',
  extensionMaxYears: '延长上限（年）',
  removal: '删除期限',
  categories: '证据类别',
  decide: '立案审查期限',
  decideComplex: '重大复杂案件立案审查期限',
  refusalReport: '不予立案说明期限',
  explain: '说明不立案理由期限',
  openWhenOrdered: '通知立案后立案期限',
  noAnswer: '未答复期限',
  recognised: '系统可识别的情形',
  lead: '提前办理',
  entrustedLead: '委托外地法院时提前办理',
  escalateBefore: '到期前未办结即督办',
  retryAfter: '未办结重发间隔',
  attempts: '最多发送次数',
  watchSpan: '单次监控最长',
  interview: '约谈答复期限',
  interviewValidDays: '约谈有效期（日）',
  grace: '宽限期',
  maxInstallments: '最多分期数',
  maxMonths: '最长期间（月）',
  detentionDays: '建议拘留日数',
  personFineFen: '建议对个人罚款',
  organisationFineFen: '建议对单位罚款',
  creditAck: '协助单位确认期限',
  creditRounds: '未确认重发次数',
  removalRounds: '删除失信信息发送次数（期限内）',
  custody: '公安机关确认收拘期限',
  performanceWatch: '督促履行观察期',
  warnBefore: '提前预警',
  months: '建议延长（月）',
  simpleMaxClaimFen: '简案执行标的上限',
  simpleMaxRespondents: '简案被执行人数上限',
  levels: '审批层级',
  role: '审批人',
  interestAhead: '预计利息期间',
  pricingMethod: '首选确定参考价方式',
  'real-estate': '不动产',
  vehicle: '车辆',
  securities: '证券',
  onlineInquiryWait: '网络询价答复期限',
  appraisalWait: '委托评估答复期限',
  proposedStartPercent: '建议起拍价占参考价（%）',
  proposedDepositPercent: '建议保证金占起拍价（%）',
  proposedCutPercent: '建议再次拍卖降价（%）',
  balancePayment: '买受人交付余款期限',
  inLieuAnswer: '申请执行人答复以物抵债期限',
  auctionResult: '平台报告拍卖结果期限',
  eService: '电子送达回执期限',
  postal: '邮寄送达回执期限',
  inquiry: '网络查控答复期限',
  bankOrder: '冻结、扣划答复期限',
  entrustmentGrace: '受托法院逾期后再等待',
  entrustmentEscalations: '督办次数',
  kinds: '证据类型',
  photo: '照片',
  video: '视频',
  audio: '录音',
  document: '文书',
  contentTypes: '文件格式',
  maxBytes: '大小上限',
  singleUploadMaxBytes: '单次上传上限',
  partBytes: '分片大小',
  uploadLinkSeconds: '上传链接有效期（秒）',
  downloadLinkSeconds: '下载链接有效期（秒）',
  rehashMaxBytes: '重新校验上限',
  descriptionMaxChars: '说明字数上限',
  check: '核查期限',
  urgent: '情况紧急的',
  lookBack: '报告的期间（收到报告财产令前）',
  conduct: '适用情形',
  earlyReleaseApprover: '提前解除拘留的批准人',
  earlyReleaseDocument: '提前解除拘留的文书',
  termRunsFrom: '拘留期限起算',
  signedBy: '签发人',
  abilityGround: '以有履行能力为要件的事由（第一条第几项）',
  abilityExclusions: '不得以该项事由纳入的情形',
  minorsExcluded: '不得纳入未成年人',
  adultAge: '成年年龄（周岁）',
  removalGrounds: '删除失信信息的情形',
  retention: '保存期限',
  overdueGraceMinutes: '逾期未归的宽限（分钟）',
  maxTripHours: '单次外出最长（小时）',
  classYears: '保管年限（年）',
  short: '短期',
  long: '长期',
  permanentHasNoEnd: '永久保管不设期限',
  closedTag: '结案时为证据对象设置的存储标签',
  instantRetrievalAfterDays: '结案后转入即时检索归档层（自上传起天数）',
  archiveAfterDays: '转入深度归档层（自上传起天数）',
  restoreDays: '恢复副本可查看（天）',
  restoreHours: '深度归档恢复所需（小时）',
  key: '标签名',
  value: '标签值',
};

export const VALUE_LABELS: Readonly<Record<string, string>> = {
  calendar: '日',
  working: '工作日',
  A1: 'A1（执行期限）',
  president: '院长',
  respondent: '被执行人',
  principal: '本金',
  interest: '一般债务利息',
  'delay-interest': '迟延履行利息',
  'litigation-costs': '诉讼费用',
  other: '其他金钱债务',
  'payment-day': '每笔款项履行、划拨之日（拍卖、以物抵债为裁定生效之日）',
  'fully-performed': '执行完毕',
  'final-round-closure': '终结本次执行程序',
  termination: '终结执行',
  withdrawal: '销案',
  'non-enforcement': '不予执行',
  rejection: '驳回申请',
  'person-respondent': '被执行人为公民',
  'organisation-respondent': '被执行人为法人或其他组织',
  'award-or-notarised-basis': '依据为仲裁裁决或公证债权文书',
  'settlement-breach': '不履行执行和解协议',
  negotiation: '当事人议价',
  'directed-inquiry': '定向询价',
  'online-inquiry': '网络询价',
  appraisal: '委托评估',
  'real-estate': '不动产',
  securities: '证券',
  vehicle: '车辆',
  'legal-representative': '法定代表人',
  'directly-responsible-person': '直接责任人员',
  'actual-controller': '实际控制人',
  'security-given': '提供确实有效的担保',
  'applicant-consent': '申请执行人同意',
  'full-performance': '已全部履行',
  'refusal-with-ability': '有履行能力而拒不履行生效法律文书确定义务',
  obstruction: '妨碍、抗拒执行',
  'violent-obstruction': '以暴力、威胁方法妨碍、抗拒执行',
  'assets-hidden': '隐匿、转移财产',
  'report-refused': '违反财产报告制度（拒绝报告）',
  'report-false': '违反财产报告制度（虚假报告）',
  'consumption-violation': '违反限制消费令',
  repeated: '多次违法',
  identity: '身份',
  duty: '义务',
  ability: '履行能力',
  refusal: '拒不履行',
  circumstances: '情节',
  'report-refused-after-sanction': '经处罚后仍拒不报告财产',
  'assets-hidden-with-ability': '有履行能力而隐匿、转移财产',
  'team-lead': '团队负责人',
  'bureau-chief': '执行局局长',
  custody: '交付看管之日',
  'several-grounds': '具有多项失信行为',
  'seized-property-sufficient': '已查封、扣押、冻结的财产足以清偿债务',
  'settlement-performed': '执行和解协议已履行完毕',
  'applicant-request': '申请执行人书面申请删除',
  'requery-fruitless-twice': '终本后两次以上查询未发现可供执行的财产',
  'suspended-review-or-bankruptcy': '因审判监督或者破产程序中止执行',
  'case-state': '案件状态',
  closed: '已结案',
};

const PERIOD_UNITS: Readonly<Record<string, string>> = { calendar: '日', working: '个工作日' };

/** A label, or the marker the rules test refuses. */
export function labelOf(key: string, labels: Readonly<Record<string, string>> = FIELD_LABELS): string {
  return labels[key] ?? `【未译：${key}】`;
}

function isPeriod(value: object): value is { days?: number; months?: number; unit?: string } {
  return 'days' in value || 'months' in value;
}

function bytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / (1024 * 1024)}兆字节` : `${n}字节`;
}

/** One value of a row, in Chinese: periods, amounts in yuan, shares, lists of named things. */
export function formatValue(key: string, value: unknown): string {
  if (typeof value === 'number') {
    if (key.endsWith('Fen')) return value >= Number.MAX_SAFE_INTEGER ? '不设上限' : formatYuan(value as Fen);
    if (key.endsWith('Bytes')) return bytes(value);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') {
    // C4 binds an organisation's principal (主要负责人), not the claim's principal (本金).
    if (key === 'organisationBinds' && value === 'principal') return '主要负责人';
    return /[\u4e00-\u9fff]/.test(value) || value.includes('/') ? value : labelOf(value, VALUE_LABELS);
  }
  if (Array.isArray(value)) return value.map((v) => formatValue(key, v)).join('、');
  if (value && typeof value === 'object') {
    if (isPeriod(value)) {
      if (value.months !== undefined) return `${value.months}个月`;
      return `${value.days}${PERIOD_UNITS[value.unit ?? 'calendar'] ?? labelOf(value.unit ?? '', VALUE_LABELS)}`;
    }
    // A closure ground: its name and its source, not its code.
    if ('zh' in value && 'source' in value) return `${String(value.zh)}（${String(value.source)}）`;
    // Keys are field names, or identifiers (a conduct mapped to its ground, say).
    const parts = Object.entries(value).map(
      ([k, v]) => `${FIELD_LABELS[k] ?? labelOf(k, VALUE_LABELS)}：${formatValue(k, v)}`,
    );
    return `（${parts.join('，')}）`;
  }
  return String(value);
}
