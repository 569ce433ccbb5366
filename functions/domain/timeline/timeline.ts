/** The case timeline as staff read it: every transition, approval and deadline, in Chinese, in China time. */

import { APPROVAL_STEPS, isApprovalStep } from '#domain/approvals/policy.ts';
import type { CaseEvent, Commit } from '#domain/case/events.ts';
import type { EnforcementCase, EvidenceCheck, TimeNode } from '#domain/case/model.ts';
import { isLate } from '#domain/case/nodes.ts';
import { applyCommits } from '#domain/case/reducer.ts';
import { isCarryoverEvent } from '#domain/case/reducer-carryover.ts';
import type { ClosureEvent } from '#domain/case/reducer-closure.ts';
import { STATUS_LABELS } from '#domain/case/status.ts';
import { articleGround, REFERRAL_GROUND_LABELS } from '#domain/coercion/labels.ts';
import { CATEGORY_LABELS, type EvidenceCategory } from '#domain/coercion/referral.ts';
import { outstandingFen } from '#domain/control/plan.ts';
import { FEE_PAYEE } from '#domain/disbursement/owed.ts';
import { isDisputeEvent } from '#domain/disputes/distribution-events.ts';
import { heldAssets } from '#domain/disputes/objection.ts';
import { isObjectionEvent } from '#domain/disputes/objection-reducer.ts';
import type { DocumentKind } from '#domain/documents/templates.ts';
import { DOCUMENT_TITLES } from '#domain/documents/titles.ts';
import { EVIDENCE_KIND_LABELS, EVIDENCE_STEPS, isEvidenceStep } from '#domain/evidence/policy.ts';
import { FIELD_ACT_LABELS } from '#domain/field/trip.ts';
import { isMeasureEvent } from '#domain/measures/events.ts';
import { isReliefPayee, reliefApplicant } from '#domain/measures/relief.ts';
import { isRewardPayee, rewardApplicant } from '#domain/measures/reward.ts';
import { type Fen, fen, formatYuan } from '#domain/money.ts';
import { channelName } from '#domain/partners/channels.ts';
import type { CoercionRequestKind, DisposalRequestKind } from '#domain/partners/requests.ts';
import { ROLE_LABELS, type Role } from '#domain/staff/roles.ts';
import { describeCarryoverEvent } from './carryover-lines.ts';
import { creditorName, describeDisputeEvent } from './distribution.ts';
import {
  ASSET_CLASS_LABELS,
  CLOSURE_LABELS,
  COERCION_REQUEST_LABELS,
  CONDUCT_LABELS,
  CREDIT_RECIPIENT_LABELS,
  DISPOSAL_REQUEST_LABELS,
  KIND_LABELS,
  METHOD_LABELS,
  nodeLabel,
  OPINION_LABELS,
  PHASE_LABELS,
  PRICING_LABELS,
  PUBLICATION_LABELS,
  SANCTION_LABELS,
  SERVICE_OUTCOME_LABELS,
  STAGE_LABELS,
  TRACK_LABELS,
  WATCH_LABELS,
} from './labels.ts';
import { describeMeasureEvent } from './measures.ts';
import { describeObjectionEvent } from './objection-lines.ts';
import { attentionReason, stepErrorLabel } from './step-errors.ts';

const CHECK_LABELS: Record<EvidenceCheck, string> = {
  size: '大小',
  'content-type': '类型',
  'storage-checksum': '存储端SHA-256',
  'composite-checksum': '分段SHA-256',
  rehash: '重新计算SHA-256',
};

function stepLabel(step: string): string {
  return isEvidenceStep(step) ? EVIDENCE_STEPS[step] : step;
}

function evidenceKindLabel(kind: string): string {
  return (EVIDENCE_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

/** `12.3 MB`, `850 KB`, `512 字节`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

export interface Names {
  member(userId: string): string;
  team(teamId: string): string;
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** 法释〔2000〕29号 第九条's periods that move the enforcement term on (A1, TERM-EXCLUDED). */
const EXCLUDED_LABELS: Readonly<Record<'appraisal-or-audit' | 'auction-or-sale', string>> = {
  'appraisal-or-audit': '委托评估的期间（第九条第（八）项）',
  'auction-or-sale': '拍卖、变卖被查封财产的期间（第九条第（十二）项）',
};

/** `2026-03-02 09:30` in China time. */
export function chinaTime(instant: string): string {
  return new Date(Date.parse(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function party(state: EnforcementCase | undefined, partyId: string): string {
  const found = [...(state?.applicants ?? []), ...(state?.respondents ?? [])].find((p) => p.partyId === partyId);
  return found?.name ?? partyId;
}

/** A payee of a disbursement: a party, or the court for the execution fee. */
function payee(state: EnforcementCase | undefined, payeeId: string): string {
  if (isReliefPayee(payeeId)) return `扣回司法救助金（${party(state, reliefApplicant(payeeId))}名下）`;
  if (isRewardPayee(payeeId)) return `举报人悬赏金（从${party(state, rewardApplicant(payeeId))}应得的执行款中扣减）`;
  return payeeId === FEE_PAYEE ? '申请执行费（上缴本院）' : party(state, payeeId);
}

/** The doubled interest and the fee a disbursement plan counted, when it counted them. */
function planFigures(event: Extract<CaseEvent, { type: 'disbursement-planned' }>): string {
  const parts: string[] = [];
  if (event.interestFen)
    parts.push(`迟延履行期间的加倍部分债务利息截至${event.interestThrough ?? ''}共${formatYuan(event.interestFen)}`);
  if (event.feeFen) parts.push(`申请执行费${formatYuan(event.feeFen)}由被执行人负担`);
  return parts.length > 0 ? `（${parts.join('；')}）` : '';
}

/** The refund of a plan: by respondent when a capped respondent gets back what it gave above its limit (V-CAP). */
function refundText(event: Extract<CaseEvent, { type: 'disbursement-planned' }>, state: EnforcementCase | undefined) {
  if (event.refunds)
    return `${event.refunds.map((r) => `；退还${party(state, r.payeeId)}${formatYuan(r.amountFen)}`).join('')}（被执行人在责任范围内承担责任，超出部分退还，V-CAP）`;
  return event.refundFen > 0 ? `；退还${formatYuan(event.refundFen as Fen)}` : '';
}

function assetName(state: EnforcementCase | undefined, assetId: string): string {
  const asset = state?.assets[assetId];
  return asset ? `${ASSET_CLASS_LABELS[asset.class]}${asset.reference}` : assetId;
}

function unconfirmed(node: TimeNode): string {
  return node.unconfirmedYears.length > 0
    ? `【${node.unconfirmedYears.join('、')}年节假日安排未确认，按周一至周五计算】`
    : '';
}

/** One line per event. `state` is the case as it was after the commit (for names). */
export function describeEvent(event: CaseEvent, state: EnforcementCase | undefined, names: Names): string {
  if (isMeasureEvent(event)) return describeMeasureEvent(event, state, names);
  switch (event.type) {
    case 'case-filed':
      return `立案：${event.caseNumber}（${KIND_LABELS[event.kind]}），申请执行人${event.applicants.map((p) => p.name).join('、')}，被执行人${event.respondents.map((p) => p.name).join('、')}，执行标的${formatYuan(event.claim.totalFen)}，依据${event.basis.documentNumber}`;
    case 'status-changed':
      return `状态：${STATUS_LABELS[event.from]} → ${STATUS_LABELS[event.to]}（${event.to === 'needs-attention' ? attentionReason(event.reason) : event.reason}）`;
    case 'phase-started':
      return `进入${PHASE_LABELS[event.phase]}阶段（第${event.run}次）`;
    case 'case-triaged':
      return `繁简分流：${TRACK_LABELS[event.track]}，分至${names.team(event.team)}，承办人${names.member(event.officer)}（${event.reasons.join('；')}）`;
    case 'node-set': {
      // A1, TERM-EXCLUDED: a period not counted in the enforcement term moved it on.
      const span = event.excluded;
      if (span)
        return `执行期限顺延${span.days}日：${EXCLUDED_LABELS[span.period]}（${span.from}至${span.to}）不计入执行期限（法释〔2000〕29号第九条），应于${event.node.dueDate}前执结`;
      return `时间节点：${nodeLabel(event.node.node)}，应于${event.node.dueDate}前完成（规则${event.node.ruleId}）${unconfirmed(event.node)}`;
    }
    case 'node-met': {
      const node = state?.nodes[event.node];
      // A party's window (an objection's) passing is no lateness: it ran out, or the party acted within it.
      if (node?.window)
        return isLate(node)
          ? `期间届满：${nodeLabel(event.node)}`
          : `当事人已在期间内行使权利：${nodeLabel(event.node)}`;
      return `节点完成：${nodeLabel(event.node)}${node && isLate(node) ? '（已逾期）' : ''}`;
    }
    case 'node-overdue':
      return `节点逾期：${nodeLabel(event.node)}，已报指挥中心`;
    case 'node-warned':
      return `节点预警：${nodeLabel(event.node)}将于${event.dueDate}到期`;
    case 'node-task-started':
      return event.task === 'overdue-node'
        ? `逾期督办：${nodeLabel(event.node)}已逾期，交团队负责人督办`
        : `${nodeLabel(event.node)}：期限即将届满，报请院长批准延长（A2）`;
    case 'node-extended':
      return `延长执行期限${event.months}个月：${nodeLabel(event.node)}延至${event.dueDate}（院长批准）${event.unconfirmedYears.length > 0 ? `（${event.unconfirmedYears.join('、')}年节假日安排未确认）` : ''}`;
    case 'documents-issued': {
      const joined = [...new Set(event.documents.flatMap((d) => (d.respondentId ? [d.respondentId] : [])))];
      return joined.length > 0
        ? `向新追加、变更的被执行人${joined.map((r) => party(state, r)).join('、')}制作执行通知书、报告财产令`
        : '制作执行通知书、报告财产令';
    }
    case 'service-attempted':
      return `${METHOD_LABELS[event.method]}：向${event.respondents.map((r) => party(state, r)).join('、')}送达执行通知书及报告财产令`;
    case 'service-outcome':
      return `送达回执：${party(state, event.respondentId)}，${METHOD_LABELS[event.method]}${SERVICE_OUTCOME_LABELS[event.outcome]}${event.detail ? `（${event.detail}）` : ''}${event.documents?.length ? `，回执载明文书${event.documents.map((d) => `${d.number}（SHA-256 ${d.sha256.slice(0, 16)}…）`).join('、')}` : ''}`;
    case 'inquiry-started':
      return event.respondents && state && event.respondents.length < state.respondents.length
        ? `网络查控：就新追加、变更的被执行人${event.respondents.map((r) => party(state, r)).join('、')}向${event.channels.length}个查控渠道发出查询`
        : `网络查控：向${event.channels.length}个查控渠道发出查询`;
    case 'inquiry-answered': {
      const channel = event.channel.split(':')[1] ?? event.channel;
      if (event.assets.length === 0) return `查控反馈：${channelName(channel)}，未查到财产`;
      const assets = event.assets
        .map(
          (a) =>
            `${ASSET_CLASS_LABELS[a.class]}${a.reference}${a.balanceFen !== undefined ? ` 余额${formatYuan(a.balanceFen)}` : ''}${a.locatedCourt ? `（位于${a.region ?? a.locatedCourt.name}）` : ''}`,
        )
        .join('；');
      return `查控反馈：${channelName(channel)}，${assets}`;
    }
    case 'inquiry-closed':
      return event.silent.length > 0
        ? `查控结束：${event.silent.length}个渠道期限内未反馈`
        : '查控结束：全部渠道已反馈';
    case 'control-planned':
      return `控制方案：${event.note}；冻结/查封${event.freezes.length}项，委托${event.entrustments.length}项，待执行${formatYuan(event.outstandingFen)}`;
    case 'approval-requested': {
      const label = isApprovalStep(event.step) ? APPROVAL_STEPS[event.step].label : event.step;
      return `提请审批：${label}，审批人：${ROLE_LABELS[event.requiredRole as Role] ?? event.requiredRole}，期限${chinaTime(event.dueAt)}（审批编号 ${event.approvalId}）：${event.summary}`;
    }
    case 'approval-decided':
      return `审批：${names.member(event.by)}（${ROLE_LABELS[event.role as Role] ?? event.role}）${event.decision === 'approved' ? '同意' : '不同意'}${event.reason ? `，理由：${event.reason}` : ''}${event.data?.confirmedAmountFen !== undefined ? `，核对金额${formatYuan(event.data.confirmedAmountFen as Fen)}` : ''}（审批编号 ${event.approvalId}）`;
    case 'approval-timed-out':
      return `审批逾期未决（审批编号 ${event.approvalId}）${event.escalateTo ? `，报${ROLE_LABELS[event.escalateTo as Role] ?? event.escalateTo}` : '，已无上级可报'}`;
    case 'approval-voted':
      return `合议庭评议：${names.member(event.by)}${event.decision === 'approved' ? '同意' : '不同意'}${event.reason ? `，理由：${event.reason}` : ''}（审批编号 ${event.approvalId}）`;
    case 'approval-late-decision':
      return `${names.member(event.by)}的审批决定在审批逾期后到达，未生效（审批编号 ${event.approvalId}）`;
    case 'approval-claimed':
      return `${names.member(event.by)}认领审批事项（审批编号 ${event.approvalId}）`;
    case 'approval-released':
      return `${names.member(event.by)}放弃认领，审批事项退回待认领（审批编号 ${event.approvalId}）`;
    case 'approval-assigned':
      return `审批事项指派给${names.member(event.to)}${event.from ? `（原由${names.member(event.from)}办理）` : ''}${event.reason ? `，理由：${event.reason}` : ''}（审批编号 ${event.approvalId}）`;
    case 'asset-frozen': {
      const asset = state?.assets[event.assetId];
      const what = asset ? `${asset.institution}${asset.reference}` : event.assetId;
      return asset?.class === 'real-estate' || asset?.class === 'vehicle' || event.amountFen === 0
        ? `查封：${what}，期限至${event.expiresOn}`
        : `冻结：${what}，${formatYuan(event.amountFen)}，期限至${event.expiresOn}`;
    }
    case 'deduction-ordered':
      return `下达扣划指令：${event.orders
        .map(({ assetId }) => {
          const asset = state?.assets[assetId];
          return asset ? `${asset.institution}${asset.reference}` : assetId;
        })
        .join('、')}（附执行裁定书、协助执行通知书）`;
    case 'freeze-ordered':
      return `下达冻结、查封指令：${event.orders
        .map(({ assetId }) => {
          const asset = state?.assets[assetId];
          return asset ? `${asset.institution}${asset.reference}` : assetId;
        })
        .join('、')}（附执行裁定书、协助执行通知书）`;
    case 'asset-freeze-failed': {
      const asset = state?.assets[event.assetId];
      return `冻结未成功：${asset ? `${asset.institution}${asset.reference}` : event.assetId}（${event.reason}）`;
    }
    case 'asset-order-unanswered': {
      const asset = state?.assets[event.assetId];
      return `扣划指令期限内未获答复：${asset ? `${asset.institution}${asset.reference}` : event.assetId}（不再重复下达，等待答复）`;
    }
    case 'entrustment-sent':
      return `执行事项委托：委托${event.entrustment.toCourt.name}办理查封`;
    case 'entrustment-answered':
      return `受托法院反馈：${event.outcome === 'completed' ? '已办结' : '已回复'}${event.detail ? `（${event.detail}）` : ''}`;
    case 'entrustment-overdue':
      return `委托事项逾期未办结，第${event.escalation}次催办`;
    case 'money-received':
      return `案款到账：${formatYuan(event.amountFen)}（${event.note || (event.source === 'deduction' ? '扣划' : '被执行人主动履行')}）`;
    case 'disbursement-planned':
      return `发放方案：${event.payouts.map((p) => `${payee(state, p.payeeId)} ${formatYuan(p.amountFen)}`).join('；')}${refundText(event, state)}${planFigures(event)}`;
    case 'money-paid':
      return event.payeeId === FEE_PAYEE
        ? `收取申请执行费：${formatYuan(event.amountFen)}（由被执行人负担，F1-FEE）`
        : event.kind === 'shared'
          ? `参与分配发放：${creditorName(state, event.payeeId)} ${formatYuan(event.amountFen)}`
          : `${event.kind === 'disbursed' ? '发放' : '退还'}：${payee(state, event.payeeId)} ${formatYuan(event.amountFen)}`;
    case 'partner-overdue':
      return `协助执行请求逾期未答复（${event.kind}）`;
    case 'needs-attention':
      return `需人工处理：${stepErrorLabel(event.error)}`;
    case 'case-closed':
      return `结案：${CLOSURE_LABELS[event.way]}`;
    case 'asset-report':
      return `报告财产：${party(state, event.respondentId)}${event.outcome === 'reported' ? '已按期报告' : '逾期未报告（A9）'}`;
    case 'conduct-recorded':
      return `记录被执行人行为：${party(state, event.respondentId)}，${CONDUCT_LABELS[event.kind]}（${names.member(event.by)}${event.note ? `：${event.note}` : ''}）`;
    case 'coercion-decided':
      return `强制措施决定：${event.notes.join('；')}`;
    case 'coercion-answer-recorded':
      // The answer itself is told by the events that follow it; only a superseded wait needs a line.
      return event.superseded
        ? `被执行人已全部履行，不再等待${COERCION_REQUEST_LABELS[event.kind as CoercionRequestKind] ?? event.kind}`
        : '';
    case 'coercion-awaiting':
      return '';
    case 'sanction-proposed':
      return `拟${SANCTION_LABELS[event.sanction.kind]}：${party(state, event.sanction.respondentId)}，${event.sanction.kind === 'detention' ? `${event.sanction.proposedDays}日` : formatYuan(event.sanction.proposedFen ?? (0 as Fen))}（依据：${event.sanction.grounds.map((g) => CONDUCT_LABELS[g]).join('、')}）`;
    case 'credit-measures-proposed': {
      const measures = [
        event.proposal.restriction ? '限制消费令（C4，限高规定第五条）' : undefined,
        event.proposal.listing
          ? `纳入失信被执行人名单${event.proposal.listing.years !== undefined ? `${event.proposal.listing.years}年` : '（不设期限）'}的决定书（C6，法释〔2017〕7号第五条；第一条${event.proposal.listing.articleGrounds.map(articleGround).join('、')}）`
          : undefined,
      ].filter((m) => m !== undefined);
      return `报请院长签发：${measures.join('；')}${event.proposal.forClosure ? '（强制措施已穷尽，终本须已发出限制消费令，G2）' : ''}`;
    }
    case 'credit-measures-decided': {
      const verdicts = [
        event.restriction
          ? `限制消费令${event.restriction === 'approved' ? '同意签发' : '不同意，不发出限制消费令'}`
          : undefined,
        event.listing
          ? `失信决定书${event.listing === 'approved' ? '同意签发' : '不同意，不纳入失信被执行人名单'}`
          : undefined,
      ].filter((v) => v !== undefined);
      return `院长决定（${names.member(event.by)}）：${verdicts.join('；')}${event.reason ? `（理由：${event.reason}）` : ''}`;
    }
    case 'restriction-issued': {
      const bound = [...new Set(event.bound.filter((b) => b.role !== 'respondent').map((b) => b.role))];
      return `发出限制消费令（C4）${bound.length > 0 ? `，约束单位的法定代表人、主要负责人、直接责任人员、实际控制人` : ''}`;
    }
    case 'restriction-lifted':
      return `解除限制消费令（${LIFTED_ON[event.on] ?? event.on}）`;
    case 'debtor-listed':
      return `纳入失信被执行人名单${event.years !== undefined ? `${event.years}年，至${event.until}` : '（不设期限）'}（C6${event.articleGrounds ? `，第一条${event.articleGrounds.map(articleGround).join('、')}` : ''}；情形：${event.grounds.map((g) => CONDUCT_LABELS[g]).join('、')}）`;
    case 'debtor-removed':
      return `删除失信信息（${event.reason}），应于${event.dueDate}前完成（C6）`;
    case 'listing-removal-requested':
      return `申请执行人书面申请删除失信信息，本院审查同意（${names.member(event.by)}记录；C6，第十条第一款第三项）${event.note ? `：${event.note}` : ''}`;
    case 'credit-published':
      return `推送${PUBLICATION_LABELS[event.what]}：${recipients(event.acknowledged) || '无'}已确认${event.missing.length > 0 ? `；${recipients(event.missing)}未确认` : ''}`;
    case 'sanction-decided':
      return `院长审批${event.decision === 'approved' ? '同意' : '不同意'}${event.decision === 'approved' ? (event.days !== undefined ? `：司法拘留${event.days}日` : `：罚款${formatYuan(event.amountFen ?? (0 as Fen))}`) : ''}`;
    case 'sanction-served':
      return `送达${event.releaseOn ? `拘留决定书，拘留至${event.releaseOn}` : state?.coercion?.sanction?.kind === 'detention' ? '拘留决定书' : '罚款决定书'}`;
    case 'detainee-in-custody':
      return event.confirmed
        ? `被拘留人已交公安机关看管${event.releaseOn ? `，拘留期限自交付看管起算，至${event.releaseOn}（C2）` : ''}`
        : '公安机关未确认收押';
    case 'detainee-family-notified':
      return event.onTime ? '已通知被拘留人家属（24小时内，C3）' : '未能在24小时内通知被拘留人家属（C3）';
    case 'sanction-review':
      return {
        'not-requested': '复议期内未申请复议（C3）',
        requested: '被拘留人（被罚款人）申请复议，措施继续执行（C2）',
        upheld: '上一级法院复议维持原决定',
        revoked: '上一级法院复议撤销原决定',
        undecided: '上一级法院未在期限内作出复议决定（C3）',
      }[event.outcome];
    case 'early-release-ordered':
      return `院长批准提前解除拘留，作出提前解除拘留决定书${event.docId ? `（${event.docId}）` : ''}，交公安机关执行（C2；${event.reason}）`;
    case 'detainee-released':
      return event.early ? '提前解除拘留' : '拘留期满解除';
    case 'referral-blocked':
      return `拒执罪移送材料不全，暂不移送：缺少${event.missing.map((c) => CATEGORY_LABELS[c as EvidenceCategory] ?? c).join('、')}（D1）`;
    case 'referral-sent':
      return `移送公安机关追究拒不执行判决、裁定罪（D1），情形：${event.grounds.map((g) => REFERRAL_GROUND_LABELS[g] ?? g).join('、')}`;
    case 'supervision-requested':
      return '请求检察机关进行立案监督（D3）';
    case 'referral-answered': {
      const who = event.by === 'police' ? '公安机关' : '检察机关';
      const what = {
        opened: '决定立案',
        complex: '案情复杂，延长审查至30日（D2）',
        refused: '决定不予立案',
        'explanation-requested': '通知公安机关在7日内书面说明不立案理由（D3）',
        'supervision-ordered': '认为不立案理由不能成立，通知公安机关在15日内立案（D3）',
        'refusal-upheld': '认为不立案理由成立',
        silent: '逾期未答复',
      }[event.outcome];
      return `${who}${what}${event.reasons ? `（理由：${event.reasons}）` : ''}`;
    }
    case 'private-prosecution-notified':
      return `告知申请执行人自诉权利：${event.reason}`;
    case 'watch-woken':
      return '有新情况（案款到账或记录了新的行为），重新研判';
    case 'performance-watched':
      return `督促履行，观察至${chinaTime(event.until)}`;
    case 'coercion-ended':
      return event.outcome === 'performed'
        ? '强制措施阶段结束：被执行人已履行'
        : '强制措施阶段结束：措施已穷尽，仍未履行';
    case 'lifting-run-started':
      return '解除限制消费令、删除失信信息（C5、C6）';
    case 'disposal-planned':
      return `财产处置：${event.assetIds.map((id) => assetName(state, id)).join('、')}`;
    case 'reference-price-started':
      return `启动确定处置参考价（A11）：${assetName(state, event.assetId)}，方式：${PRICING_LABELS[event.method]}`;
    case 'reference-price-set':
      return `确定处置参考价：${assetName(state, event.assetId)} ${formatYuan(event.valueFen)}（${PRICING_LABELS[event.method]}；${event.report}）`;
    case 'reference-price-failed':
      return `${PRICING_LABELS[event.method]}未获结果：${assetName(state, event.assetId)}`;
    case 'auction-terms-set':
      return `拍卖条件：${assetName(state, event.assetId)}，${STAGE_LABELS[event.stage]}，起拍价${formatYuan(event.startingPriceFen)}，保证金${formatYuan(event.depositFen)}${event.by === 'system' ? '（沿用原条件，E10）' : `（经合议庭评议确定，由${names.member(event.by)}录入）`}`;
    case 'auction-terms-refused':
      return `合议庭不同意拍卖条件：${assetName(state, event.assetId)}（${names.member(event.by)}），交承办人处理`;
    case 'auction-announced':
      return `发布拍卖公告：${assetName(state, event.assetId)}，${roundLabel(event.round, event.stage)}，起拍价${formatYuan(event.startingPriceFen)}，保证金${formatYuan(event.depositFen)}，竞价时间${chinaTime(event.startsAt)}至${chinaTime(event.endsAt)}`;
    case 'auction-ended':
      return event.outcome === 'sold'
        ? `拍卖成交：${assetName(state, event.assetId)}，第${event.round}次拍卖，成交价${formatYuan(event.priceFen ?? (0 as Fen))}，买受人竞买号${event.buyer ?? ''}${event.applicantBuyer ? `（申请执行人竞得，${event.depositPaidFen ? `按债权数额小于保证金的差额交纳保证金${formatYuan(event.depositPaidFen)}` : '未交保证金'}，E5）` : ''}，出价${event.bids}次，结束于${chinaTime(event.endedAt)}`
        : `流拍：${assetName(state, event.assetId)}，第${event.round}次拍卖无人出价（E8）`;
    case 'auction-irregular':
      return `拍卖结果异常：${assetName(state, event.assetId)}，第${event.round}次拍卖，${event.problem}`;
    case 'auction-balance-paid':
      return `买受人缴清尾款：${formatYuan(event.amountFen)}`;
    case 'buyer-defaulted':
      return `买受人悔拍：未按期缴纳尾款，保证金${formatYuan(event.depositForfeitedFen)}不予退还，重新拍卖（E10）`;
    case 'sale-confirmed':
      return `${event.way === 'auction' ? '拍卖成交裁定' : '变卖成交裁定'}已送达（E11）：${assetName(state, event.assetId)}，价款${formatYuan(event.priceFen)}，解除查封并办理过户`;
    case 'in-lieu-offered':
      return `询问申请执行人是否接受以物抵债（E9）：${assetName(state, event.assetId)}${event.round !== undefined ? `第${event.round}次拍卖流拍，` : '，'}按该次拍卖的起拍价作价${formatYuan(event.valueFen)}${event.differenceFen ? `，超过其应受清偿的债权额，接受的须补交差额${formatYuan(event.differenceFen)}` : ''}`;
    case 'in-lieu-answered':
      return event.accepted
        ? '申请执行人同意以物抵债'
        : event.differenceUnpaid
          ? '申请执行人同意以物抵债，但未在指定期间内补交差额，不予抵债'
          : '申请执行人不同意以物抵债';
    case 'in-lieu-ruled':
      return `以物抵债裁定已送达（E11）：${assetName(state, event.assetId)}交付${party(state, event.applicantId)}，作价${formatYuan(event.valueFen)}${event.differenceFen ? `（申请执行人补交差额${formatYuan(event.differenceFen)}，抵偿债务${formatYuan(fen(event.valueFen - event.differenceFen))}）` : ''}`;
    case 'fixed-price-listed':
      return `网络变卖（E9）：${assetName(state, event.assetId)}，变卖价${formatYuan(event.priceFen)}，至${chinaTime(event.until)}`;
    case 'fixed-price-ended':
      return event.outcome === 'sold'
        ? `变卖成交：${formatYuan(event.priceFen ?? (0 as Fen))}`
        : `变卖期满无人购买：${assetName(state, event.assetId)}`;
    case 'seizure-released':
      return `解除查封：${assetName(state, event.assetId)}（${event.reason}）`;
    case 'disposal-answer-recorded':
      return event.superseded
        ? `${state && heldAssets(state).size > 0 && outstandingFen(state) > 0 ? '该财产因案外人异议暂停处分' : '被执行人已全部履行'}，不再等待${DISPOSAL_REQUEST_LABELS[event.kind as DisposalRequestKind] ?? event.kind}`
        : '';
    case 'disposal-awaiting':
      return '';
    case 'disposal-ended':
      return `财产处置阶段结束：${event.reason}`;
    case 'document-issued':
      return `签发文书：${DOCUMENT_TITLES[event.kind as DocumentKind] ?? event.kind} ${event.number}，已电子签章，SHA-256 ${event.sha256.slice(0, 16)}…（文书编号 ${event.docId}）`;
    case 'document-problem-alerted':
      return `文书未能生成，已告知指挥中心：${DOCUMENT_TITLES[event.kind as DocumentKind] ?? event.kind}（${event.problem}）`;
    case 'evidence-upload-issued':
      return `签发证据上传链接：${names.member(event.uploader)}，${evidenceKindLabel(event.kind)}，${formatBytes(event.sizeBytes)}，${stepLabel(event.step)}，SHA-256 ${event.sha256.slice(0, 16)}…，${event.multipart ? `分${event.multipart.partsSha256.length}段上传，` : ''}有效至${chinaTime(event.expiresAt)}（证据编号 ${event.evidenceId}）`;
    case 'evidence-recorded': {
      const item = state?.evidence?.[event.evidenceId];
      return `证据入卷：${evidenceKindLabel(item?.kind ?? '')}「${item?.description ?? ''}」，${formatBytes(event.sizeBytes)}，SHA-256 ${event.sha256.slice(0, 16)}…（已核验：${event.verified.map((c) => CHECK_LABELS[c]).join('、')}），关联${stepLabel(item?.step ?? '')}${event.legalHold ? '，已设法律保留' : ''}（证据编号 ${event.evidenceId}）`;
    }
    case 'evidence-download-issued':
      return `签发证据${event.purpose === 'view' ? '查看' : '下载'}链接：${names.member(event.by)}，证据编号 ${event.evidenceId}，有效至${chinaTime(event.expiresAt)}`;
    case 'evidence-restore-requested':
      return `申请恢复归档证据：${names.member(event.by)}，证据编号 ${event.evidenceId}，预计${chinaTime(event.readyBy)}前可查看`;
    case 'legal-hold-set':
      return `证据法律保留：${names.member(event.by)}对${event.evidence.length}件证据设置法律保留（不得删除或覆盖），理由：${event.reason}`;
    case 'legal-hold-released':
      return `解除证据法律保留：${names.member(event.by)}，${event.evidence.length}件证据，理由：${event.reason}`;
    case 'evidence-purged':
      return `证据清除（保存期满）：${names.member(event.by)}清除证据 ${event.evidenceId} 的存储内容，入卷记录与哈希保留，理由：${event.reason}`;
    case 'party-ids-rekeyed':
      return `当事人编号改为本机密钥加密编号（${Object.keys(event.ids).length}名当事人；此前的记录保留原编号）`;
    case 'site-record-made':
      return `现场笔录（${(FIELD_ACT_LABELS as Readonly<Record<string, string>>)[event.act] ?? event.act}）：${names.member(event.by)}，${event.note}${event.evidence.length > 0 ? `；现场证据${event.evidence.length}件` : ''}`;
    case 'disposal-held':
      return event.assetIds.length > 0
        ? `财产处置暂停：${event.assetIds.map((id) => assetName(state, id)).join('、')}因案外人异议不得处分，其他财产已处置完毕`
        : '案外人异议已了结，继续处置财产';
    case 'disposal-set-aside':
      return event.what === 'price'
        ? `${assetName(state, event.assetId)}的处置参考价被撤销（${event.reason}），重新确定参考价后再行拍卖`
        : `${assetName(state, event.assetId)}的拍卖被撤销（${event.reason}），由合议庭重新确定拍卖条件`;
    case 'auction-withdrawal-sent':
      return `向网络司法拍卖平台发出撤回拍卖请求：${assetName(state, event.assetId)}第${event.round}次拍卖（${event.reason}）`;
    case 'auction-withdrawal-answered':
      return event.outcome === 'withdrawn'
        ? `拍卖平台已撤回${assetName(state, event.assetId)}第${event.round}次拍卖`
        : event.outcome === 'already-closed'
          ? `拍卖平台答复：${assetName(state, event.assetId)}第${event.round}次拍卖撤回前已结束竞价，结果不予采纳`
          : `拍卖平台逾期未答复${assetName(state, event.assetId)}第${event.round}次拍卖的撤回请求`;
    default:
      if (isDisputeEvent(event)) return describeDisputeEvent(event, state, names);
      if (isObjectionEvent(event))
        return describeObjectionEvent(event, state, names.member, (id) => assetName(state, id));
      if (isCarryoverEvent(event)) return describeCarryoverEvent(event, state, (id) => names.member(id));
      return describeClosureEvent(event, state, names);
  }
}

/** Renewals (B1, B2), closure (G1, G2), re-query and resumption (G3), settlement. */
function describeClosureEvent(event: ClosureEvent, state: EnforcementCase | undefined, names: Names): string {
  switch (event.type) {
    case 'watch-started':
      return event.run === 1 ? `启动${WATCH_LABELS[event.watch]}` : '';
    case 'watch-ended':
      return `${WATCH_LABELS[event.watch]}结束（${event.reason}）`;
    case 'renewal-scheduled':
      return `续行计划：${assetName(state, event.assetId)}的查封、冻结于${event.expiresOn}到期，将于${event.sendOn}发出续行手续，${event.escalateOn}前未办结即报指挥中心（B1、B2）`;
    case 'renewal-sent':
      return `发出续行查封、冻结：${event.assetIds.map((id) => assetName(state, id)).join('、')}`;
    case 'seizure-renewed':
      return `续行成功：${assetName(state, event.assetId)}，期限自${event.from}续至${event.expiresOn}（B2）`;
    case 'renewal-failed':
      return `续行未成功：${assetName(state, event.assetId)}（第${event.attempt}次，${event.reason}）${event.final ? '，已无重试次数' : '，将再次发出'}`;
    case 'renewal-escalated':
      return `续行预警：${assetName(state, event.assetId)}，${event.reason}，已报指挥中心`;
    case 'seizure-lapsed':
      return `查封、冻结失效：${assetName(state, event.assetId)}已于${event.expiredOn}到期，未能续行`;
    case 'seizure-released':
      return `解除查封、冻结：${assetName(state, event.assetId)}（${event.reason}）`;
    case 'impound-failed':
      return `查封的车辆未能实际扣押：${assetName(state, event.assetId)}（${event.note}），${names.member(event.by)}记录；属发现的财产不能处置，不影响终结本次执行程序（G2，终本规定第四条第二项）`;
    case 'closure-requested':
      return `申请结案：${CLOSURE_LABELS[event.way]}${event.ground ? `（事由：${event.ground}）` : ''}${event.by === 'system' ? '，强制措施已穷尽' : `，${names.member(event.by)}提出`}${event.reason ? `，理由：${event.reason}` : ''}`;
    case 'closure-refused':
      return `${event.next === 'wait' ? '暂不符合结案条件，等待' : '不符合结案条件，退回承办人'}：${event.problems.map((p) => p.message).join('；')}`;
    case 'closure-review-ended':
      return { refused: '结案审查结束：不符合条件', rejected: '结案审查结束：审批未同意', granted: '' }[event.outcome];
    case 'interview-requested':
      return '通过电子送达平台告知申请执行人终本事项，听取其对终结本次执行程序的意见（G2）';
    case 'final-round-ruled':
      return '作出终结本次执行程序裁定书，送达申请执行人后结案（法〔2016〕373号 第六条）';
    case 'ruling-service-attempted':
      return `向申请执行人${event.method === 'electronic' ? '电子送达' : '邮寄送达'}终结本次执行程序裁定书`;
    case 'ruling-served':
      return `终结本次执行程序裁定书已送达申请执行人${event.receipt ? `（回执${event.receipt}）` : ''}`;
    case 'ruling-service-failed':
      return `终结本次执行程序裁定书未能送达申请执行人：${event.reason}，改为邮寄送达`;
    case 'applicant-heard':
      // 约谈 is a meeting (the officer tells the applicant of 终本 and hears them); an answer on the platform is not.
      return event.by === 'applicant'
        ? `申请执行人通过电子送达平台答复：${OPINION_LABELS[event.opinion]}${event.note ? `，${event.note}` : ''}`
        : `约谈申请执行人（告知终本事项并听取意见）：${OPINION_LABELS[event.opinion]}${event.by === 'system' ? '' : `（${names.member(event.by)}记录）`}${event.note ? `，${event.note}` : ''}`;
    case 'requery-recorded':
      return event.found.length > 0
        ? `终本后第${event.round}次查询：发现${event.found.map((a) => `${ASSET_CLASS_LABELS[a.class]}${a.reference}${a.balanceFen !== undefined ? ` 余额${formatYuan(a.balanceFen)}` : ''}`).join('；')}`
        : `终本后第${event.round}次查询：未发现可供执行的财产${event.silent.length > 0 ? `（${event.silent.length}个渠道未反馈）` : ''}`;
    case 'resumption-requested':
      return `发现可供执行的财产，向立案系统申请恢复执行（G3）：${event.reason}`;
    case 'requery-ended':
      return `终本后定期查询结束（${event.reason}）`;
    case 'case-resumed':
      return `恢复执行：立案系统已立${event.caseNumber}`;
    case 'settlement-recorded':
      return `执行和解：${names.member(event.by)}记录和解协议，共${event.installments.length}期合计${formatYuan(event.totalFen)}（${event.installments.map((i) => `${i.dueOn} ${formatYuan(i.amountFen)}`).join('；')}），和解履行期间停止执行措施`;
    case 'settlement-awaiting':
      return '';
    case 'installment-met':
      return `执行和解第${event.installment + 1}期已履行`;
    case 'settlement-performed':
      return '执行和解协议已全部履行';
    case 'settlement-breached':
      return event.resumeWith === 'coercion'
        ? `执行和解第${event.installment + 1}期（${event.dueOn}）逾期未履行，恢复执行原生效法律文书（G1）`
        : `执行和解第${event.installment + 1}期（${event.dueOn}）逾期未履行；${event.resumeWith === 'disbursement' ? '已到账案款先行发放；' : ''}申请执行人可申请恢复执行原生效法律文书（执行和解规定第九条）`;
    case 'resumption-applied':
      return `申请执行人申请恢复执行原生效法律文书（被执行人不履行执行和解协议，执行和解规定第九条），已报立案部门以恢复执行案件（执恢）立案${event.note ? `：${event.note}` : ''}`;
  }
}

/** Why a restriction was lifted (C5; on a closure otherwise than 终本, P-CLOSURE-LIFTING). */
const LIFTED_ON: Readonly<Record<string, string>> = {
  'full-performance': 'C5：已全部履行',
  termination: 'P-CLOSURE-LIFTING：裁定终结执行',
  'non-enforcement': 'P-CLOSURE-LIFTING：裁定不予执行',
  withdrawal: 'P-CLOSURE-LIFTING：销案',
  rejection: 'P-CLOSURE-LIFTING：驳回执行申请',
  objection: 'OBJ-ACT：执行异议成立',
};

/** Credit-discipline recipients in one fixed order (the label table's), whatever order they answered in. */
function recipients(ids: readonly string[]): string {
  const order = Object.keys(CREDIT_RECIPIENT_LABELS);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...ids]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((r) => CREDIT_RECIPIENT_LABELS[r] ?? r)
    .join('、');
}

/** 第一次拍卖, 再次拍卖: the stage, with the round's number only where it adds something (a re-auction). */
function roundLabel(round: number, stage: keyof typeof STAGE_LABELS): string {
  return stage === 're-auction' ? `第${round}次拍卖（${STAGE_LABELS[stage]}）` : STAGE_LABELS[stage];
}

export function actorLabel(commit: Commit, names: Names): string {
  if (commit.actor.kind === 'staff') return names.member(commit.actor.id);
  // The case account's bank reports the money; the money itself is the respondent's own payment, named in the line.
  if (commit.actor.kind === 'partner' && commit.actor.id === 'case-account') return '案款账户';
  if (commit.actor.kind === 'partner') return '外部协助单位';
  return commit.actor.id.startsWith('court.filing') ? '立案系统' : '系统';
}

export interface TimelineLine {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly text: string;
}

/** Renders every event, folding the commits as it goes to have each event's case state at hand. */
export function timeline(commits: readonly Commit[], names: Names): TimelineLine[] {
  const lines: TimelineLine[] = [];
  let state: EnforcementCase | undefined;
  for (const commit of commits) {
    state = applyCommits(state, [commit]);
    for (const event of commit.events) {
      const text = describeEvent(event, state, names);
      // Bookkeeping events print nothing; two events of one commit that read the same print once.
      if (text === '' || lines.some((l) => l.seq === commit.seq && l.text === text)) continue;
      lines.push({
        seq: commit.seq,
        at: chinaTime(commit.at),
        actor: actorLabel(commit, names),
        text,
      });
    }
  }
  return lines;
}
