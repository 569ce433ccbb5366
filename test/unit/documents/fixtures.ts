/** Fields for every template, as a case and its acts would give them. */
import { ruleFields } from '#domain/documents/compose.ts';
import type { DocumentKind } from '#domain/documents/templates.ts';
import { RULES } from '#domain/rules/table.ts';

const CASE = {
  courtName: '青县人民法院',
  caseNumber: '（2026）冀0922执88号',
  applicants: '沈立新',
  respondents: '罗振东',
  respondentName: '罗振东',
  basisCourt: '青县人民法院',
  basisNumber: '（2025）冀0922民初2088号',
  cause: '机动车交通事故责任纠纷',
  filedDate: '二〇二六年三月二日',
  claimTotal: '人民币1,036,000.00元',
};

const ACT = {
  institution: '中国工商银行青县支行',
  assetDescription: '银行账户（6222 **** 1234）',
  amount: '人民币50,000.00元',
  action: '冻结',
  toCourt: '沧州市运河区人民法院',
  ground: '有能力履行而拒不履行',
  period: '二年（至二〇二八年三月二十一日）',
  days: '十五',
  detentionNumber: '（2026）冀0922司惩1号',
  reason: '承认并改正错误',
  auctionStart: '二〇二六年四月二十三日',
  startPrice: '人民币606,126.34元',
  deposit: '人民币60,612.64元',
  round: '一',
  buyer: 'A1024',
  price: '人民币606,126.34元',
  closureWay: '执行完毕',
  closureReason: '已全部执行完毕',
  policeStation: '青县公安局',
  persons: '被执行人罗振东',
  origin: '申请执行人沈立新书面申请',
  exitAuthority: '公安机关出入境管理机构',
  liftReason: '被执行人已履行全部债务',
  rewardTerms: '固定金额人民币10,000.00元，最高不超过人民币10,000.00元',
  insolvency: '不能清偿到期债务（资产不足以清偿全部债务）',
  consent: '申请执行人',
};

export function fieldsFor(_kind: DocumentKind): Record<string, string | undefined> {
  return { ...ruleFields(RULES), ...CASE, ...ACT };
}
