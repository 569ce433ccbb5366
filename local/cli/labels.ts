/** Staff-facing labels (Chinese) for what the CLI shows. */
import type { Phase, Publication, Track } from '#domain/case/model.ts';
import type { CoercionRequestKind } from '#domain/partners/requests.ts';

export const TRACK_LABELS: Record<Track, string> = { simple: '简案', complex: '繁案', resumed: '恢复执行案件' };
export const PHASE_LABELS: Record<Phase, string> = {
  service: '分案与送达',
  investigation: '查控',
  disbursement: '案款发放与结案',
  coercion: '强制措施',
};
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
export const CLOSURE_LABELS = { 'fully-performed': '执行完毕' } as const;

export const ASSET_STATUS_LABELS = {
  found: '已查得',
  frozen: '已冻结',
  sealed: '已查封',
  entrusted: '已委托查封',
  deducted: '已扣划',
  'freeze-failed': '冻结未成功',
} as const;

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

export const CREDIT_RECIPIENT_LABELS: Record<string, string> = {
  'credit-china': '信用中国',
  'civil-aviation': '民航',
  railway: '铁路',
  banking: '银行业金融机构',
  'real-estate': '不动产登记机构',
};
