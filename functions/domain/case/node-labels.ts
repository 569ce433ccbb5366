/** Staff-facing names of time nodes (Chinese), for the timeline, tasks and the console. */
import { objectionNodeLabel } from '../disputes/objection-model.ts';

const NODE_LABELS: Record<string, string> = {
  'listing-removal': '删除失信信息',
  'family-notice': '通知被拘留人家属',
  'referral-answer': '公安机关答复拒执罪移送',
  'supervision-explain': '公安机关书面说明不立案理由（检察监督）',
  'supervision-open': '公安机关依检察机关通知立案',
  'officer-assigned': '确定承办人',
  'notice-sent': '发出执行通知书及报告财产令',
  'inquiry-started': '启动网络查控',
  'investigation-finished': '完成财产调查',
  'enforcement-term': '执行期限届满',
  'exit-entry-answer': '出入境管理机构回复限制出境（解除）协助通知',
  'reward-decision': '决定是否发布悬赏公告',
  'relief-decision': '作出司法救助决定',
  'bankruptcy-acceptance': '受移送法院告知是否受理破产',
};

/** Node kinds with a run number or matter id after a colon share one label; an unknown kind shows its id. */
const PREFIX_LABELS: Record<string, string> = {
  disbursement: '执行款发放',
  entrustment: '委托事项办结',
  'reference-price': '启动确定处置参考价',
  'price-objection': '对询价、评估报告提出书面异议的期间',
  'second-auction': '流拍后再次拍卖',
  renewal: '续行查封、冻结（最迟）',
  'party-change': '变更、追加被执行人审查裁定',
};

/** The windows and terms of the disputes inside enforcement (functions/domain/disputes/). */
const DISPUTE_NODE_LABELS: Record<string, string> = {
  'dispute:distribution-objection': '分配方案异议期间届满',
  'dispute:distribution-opposition': '分配方案异议反对意见期间届满',
  'dispute:distribution-suit': '分配方案异议之诉起诉期间届满',
  'dispute:deferral': '暂缓执行期限届满',
  'dispute:guarantee': '执行担保期间届满',
};

export function nodeLabel(node: string): string {
  const prefix = node.includes(':') ? node.slice(0, node.indexOf(':')) : undefined;
  if (prefix === 'dispute') return DISPUTE_NODE_LABELS[node] ?? '争议处理期限';
  if (prefix === 'settlement') return `执行和解第${node.slice('settlement:'.length)}期`;
  if (prefix === 'objection') return objectionNodeLabel(node);
  if (prefix && PREFIX_LABELS[prefix]) return PREFIX_LABELS[prefix];
  return NODE_LABELS[node] ?? node;
}

/** The node a text names at its start (a supervision task's summary: `完成财产调查已逾期…`), by the longest label. */
export function nodeNamedIn(text: string): string | undefined {
  const labels = [...Object.values(NODE_LABELS), ...Object.values(PREFIX_LABELS)].sort((a, b) => b.length - a.length);
  return labels.find((label) => text.startsWith(label)) ?? /^(执行和解第\d+期)/.exec(text)?.[1];
}
