/**
 * The title of each kind of document, for the staff-facing lines that name a document (the timeline): the
 * templates' titles (templates.ts, dispute-templates.ts; test/unit/documents/document-titles.test.ts keeps them
 * equal), without the templates' text, so that reading a case does not bundle every template (23 KiB of the staff
 * API's bundle).
 */
import type { DocumentKind } from './templates.ts';

export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = {
  'enforcement-notice': '执行通知书',
  'asset-report-order': '报告财产令',
  'freeze-ruling': '执行裁定书',
  'seal-ruling': '执行裁定书',
  'deduction-ruling': '执行裁定书',
  'assistance-notice': '协助执行通知书',
  'entrustment-letter': '执行事项委托函',
  'restriction-order': '限制消费令',
  'listing-decision': '决定书',
  'fine-decision': '罚款决定书',
  'detention-decision': '拘留决定书',
  'early-release-decision': '提前解除拘留决定书',
  'auction-notice': '拍卖公告',
  'sale-confirmation-ruling': '执行裁定书',
  'in-lieu-ruling': '执行裁定书',
  'termination-ruling': '执行裁定书',
  'closure-notice': '结案通知书',
  'referral-letter': '移送函',
  'exit-ban-decision': '限制出境决定书',
  'exit-ban-assistance': '协助执行通知书',
  'exit-ban-lift': '解除限制出境决定书',
  'reward-notice': '悬赏公告',
  'bankruptcy-referral-decision': '移送破产审查决定书',
  'objection-ruling': '执行裁定书',
  'third-party-objection-ruling': '执行裁定书',
  'distribution-plan': '财产分配方案',
  'suspension-ruling': '执行裁定书',
  'deferral-decision': '暂缓执行决定书',
  'reversal-ruling': '执行裁定书',
  'party-change-ruling': '执行裁定书',
  'relief-decision': '国家司法救助决定书',
  'limitation-ruling': '执行裁定书',
};
