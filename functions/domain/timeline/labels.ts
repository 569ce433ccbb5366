/** Staff-facing labels (Chinese) for what the CLI shows. */
import type { AuctionStage, Phase, PricingMethod, Publication, Track, Watch } from '#domain/case/model.ts';
import type { CoercionRequestKind, DisposalRequestKind } from '#domain/partners/requests.ts';

export const TRACK_LABELS: Record<Track, string> = { simple: '简案', complex: '繁案', resumed: '恢复执行案件' };
export const PHASE_LABELS: Record<Phase, string> = {
  service: '分案与送达',
  investigation: '查控',
  disbursement: '案款发放与结案',
  coercion: '强制措施',
  disposal: '财产处置',
  closure: '结案审查',
  settlement: '执行和解',
};
export const WATCH_LABELS: Record<Watch, string> = { renewal: '查封、冻结续行监控', requery: '终本后定期查询' };
export const KIND_LABELS = { first: '首次执行', resumed: '恢复执行', 'non-litigation': '非诉执行' } as const;

export { nodeLabel } from '#domain/case/node-labels.ts';

export const METHOD_LABELS = { electronic: '电子送达', postal: '邮寄送达' } as const;
export const SERVICE_OUTCOME_LABELS = { delivered: '已送达', failed: '送达失败', 'no-answer': '期限内未回执' } as const;
export const ASSET_CLASS_LABELS = {
  deposit: '银行存款',
  'online-funds': '网络资金',
  'real-estate': '不动产',
  vehicle: '车辆',
  securities: '证券',
} as const;
export { CLOSURE_WAY_LABELS as CLOSURE_LABELS } from '#domain/closure/grounds.ts';

export const ASSET_STATUS_LABELS = {
  found: '已查得',
  frozen: '已冻结',
  sealed: '已查封',
  entrusted: '已委托查封',
  deducted: '已扣划',
  'freeze-failed': '冻结未成功',
  lapsed: '查封、冻结已失效',
  sold: '已处置变现',
  'in-lieu': '已以物抵债',
  released: '已解除查封、冻结',
} as const;

export const OPINION_LABELS = { agrees: '同意终本', objects: '不同意终本', unreachable: '未能约谈' } as const;

export { CONDUCT_LABELS, SANCTION_LABELS } from '#domain/coercion/labels.ts';

export const PUBLICATION_LABELS: Record<Publication, string> = {
  restriction: '限制消费令',
  listing: '失信被执行人名单',
  'restriction-lifted': '解除限制消费令',
  'listing-removed': '删除失信信息',
};

export const COERCION_REQUEST_LABELS: Record<CoercionRequestKind, string> = {
  'credit-publish': '联合惩戒单位确认',
  'sanction-service': '决定书送达回执',
  custody: '拘留所收押回执',
  'family-notice': '通知家属回执',
  'review-request': '复议申请期限届满',
  'review-decision': '上级法院复议决定',
  'detention-term': '拘留期满',
  'police-referral': '公安机关立案答复',
  procuratorate: '检察院立案监督结果',
  'performance-watch': '履行观察期届满',
};

export const PRICING_LABELS: Record<PricingMethod, string> = {
  negotiation: '当事人议价',
  'directed-inquiry': '定向询价',
  'online-inquiry': '网络询价',
  appraisal: '委托评估',
};

export const STAGE_LABELS: Record<AuctionStage, string> = {
  first: '第一次拍卖',
  second: '再次拍卖',
  're-auction': '悔拍后重新拍卖',
};

export const DISPOSAL_REQUEST_LABELS: Record<DisposalRequestKind, string> = {
  pricing: '询价、评估结果',
  auction: '拍卖结果',
  balance: '买受人缴纳尾款',
  'in-lieu': '申请执行人对以物抵债的答复',
  'fixed-price': '变卖结果',
};
export const RENEWAL_REQUEST_LABELS = { renew: '续行查封、冻结' } as const;

export const CREDIT_RECIPIENT_LABELS: Record<string, string> = {
  'credit-china': '信用中国',
  'civil-aviation': '民航',
  railway: '铁路',
  banking: '银行业金融机构',
  'real-estate': '不动产登记机构',
};
