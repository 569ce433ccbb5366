/** The case timeline as staff read it: every transition, approval and deadline, in Chinese, in China time. */
import { APPROVAL_STEPS, isApprovalStep } from '#domain/approvals/policy.ts';
import type { CaseEvent, Commit } from '#domain/case/events.ts';
import type { EnforcementCase, TimeNode } from '#domain/case/model.ts';
import { isLate } from '#domain/case/nodes.ts';
import { applyCommits } from '#domain/case/reducer.ts';
import { STATUS_LABELS } from '#domain/case/status.ts';
import { type Fen, formatYuan } from '#domain/money.ts';
import { channelName } from '#domain/partners/channels.ts';
import { ROLE_LABELS, type Role } from '#domain/staff/roles.ts';
import {
  ASSET_CLASS_LABELS,
  CLOSURE_LABELS,
  KIND_LABELS,
  METHOD_LABELS,
  nodeLabel,
  PHASE_LABELS,
  SERVICE_OUTCOME_LABELS,
  TRACK_LABELS,
} from './labels.ts';

export interface Names {
  member(userId: string): string;
  team(teamId: string): string;
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** `2026-03-02 09:30` in China time. */
export function chinaTime(instant: string): string {
  return new Date(Date.parse(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function party(state: EnforcementCase | undefined, partyId: string): string {
  const found = [...(state?.applicants ?? []), ...(state?.respondents ?? [])].find((p) => p.partyId === partyId);
  return found?.name ?? partyId;
}

function unconfirmed(node: TimeNode): string {
  return node.unconfirmedYears.length > 0
    ? `【${node.unconfirmedYears.join('、')}年节假日安排未确认，按周一至周五计算】`
    : '';
}

/** One line per event. `state` is the case as it was after the commit (for names). */
export function describeEvent(event: CaseEvent, state: EnforcementCase | undefined, names: Names): string {
  switch (event.type) {
    case 'case-filed':
      return `立案：${event.caseNumber}（${KIND_LABELS[event.kind]}），申请执行人${event.applicants.map((p) => p.name).join('、')}，被执行人${event.respondents.map((p) => p.name).join('、')}，执行标的${formatYuan(event.claim.totalFen)}，依据${event.basis.documentNumber}`;
    case 'status-changed':
      return `状态：${STATUS_LABELS[event.from]} → ${STATUS_LABELS[event.to]}（${event.reason}）`;
    case 'phase-started':
      return `进入${PHASE_LABELS[event.phase]}阶段（第${event.run}次）`;
    case 'case-triaged':
      return `繁简分流：${TRACK_LABELS[event.track]}，分至${names.team(event.team)}，承办人${names.member(event.officer)}（${event.reasons.join('；')}）`;
    case 'node-set':
      return `时间节点：${nodeLabel(event.node.node)}，应于${event.node.dueDate}前完成（规则${event.node.ruleId}）${unconfirmed(event.node)}`;
    case 'node-met': {
      const node = state?.nodes[event.node];
      return `节点完成：${nodeLabel(event.node)}${node && isLate(node) ? '（已逾期）' : ''}`;
    }
    case 'node-overdue':
      return `节点逾期：${nodeLabel(event.node)}，已报指挥中心`;
    case 'documents-issued':
      return '制作执行通知书、报告财产令';
    case 'service-attempted':
      return `${METHOD_LABELS[event.method]}：向${event.respondents.map((r) => party(state, r)).join('、')}送达执行通知书及报告财产令`;
    case 'service-outcome':
      return `送达回执：${party(state, event.respondentId)}，${METHOD_LABELS[event.method]}${SERVICE_OUTCOME_LABELS[event.outcome]}${event.detail ? `（${event.detail}）` : ''}`;
    case 'inquiry-started':
      return `网络查控：向${event.channels.length}个查控渠道发出查询`;
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
    case 'asset-freeze-failed': {
      const asset = state?.assets[event.assetId];
      return `冻结未成功：${asset ? `${asset.institution}${asset.reference}` : event.assetId}（${event.reason}）`;
    }
    case 'asset-order-unanswered': {
      const asset = state?.assets[event.assetId];
      return `扣划指令期限内未获答复：${asset ? `${asset.institution}${asset.reference}` : event.assetId}（不再重复下达，等待答复）`;
    }
    case 'entrustment-sent':
      return `委托执行：委托${event.entrustment.toCourt.name}办理查封`;
    case 'entrustment-answered':
      return `受托法院反馈：${event.outcome === 'completed' ? '已办结' : '已回复'}${event.detail ? `（${event.detail}）` : ''}`;
    case 'entrustment-overdue':
      return `委托事项逾期未办结，第${event.escalation}次催办`;
    case 'money-received':
      return `案款到账：${formatYuan(event.amountFen)}（${event.source === 'deduction' ? '扣划' : '被执行人主动履行'}${event.note ? `，${event.note}` : ''}）`;
    case 'disbursement-planned':
      return `发放方案：${event.payouts.map((p) => `${party(state, p.payeeId)} ${formatYuan(p.amountFen)}`).join('；')}${event.refundFen > 0 ? `；退还${formatYuan(event.refundFen as Fen)}` : ''}`;
    case 'money-paid':
      return `${event.kind === 'disbursed' ? '发放' : '退还'}：${party(state, event.payeeId)} ${formatYuan(event.amountFen)}`;
    case 'partner-overdue':
      return `协助执行请求逾期未答复（${event.kind}）`;
    case 'needs-attention':
      return `需人工处理：${event.error}`;
    case 'case-closed':
      return `结案：${CLOSURE_LABELS[event.way]}`;
  }
}

export function actorLabel(commit: Commit, names: Names): string {
  if (commit.actor.kind === 'staff') return names.member(commit.actor.id);
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
      lines.push({
        seq: commit.seq,
        at: chinaTime(commit.at),
        actor: actorLabel(commit, names),
        text: describeEvent(event, state, names),
      });
    }
  }
  return lines;
}
