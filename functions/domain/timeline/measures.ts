/** The timeline lines of the measures (exit restriction, reward notice, judicial relief, bankruptcy referral). */
import type { EnforcementCase, Phase } from '#domain/case/model.ts';
import { ledgerTotal } from '#domain/case/reducer.ts';
import { parseExecutionName } from '#domain/ids.ts';
import { BANKRUPTCY_STATUS_LABELS } from '#domain/measures/bankruptcy.ts';
import type { MeasureEvent } from '#domain/measures/events.ts';
import { EXIT_LIFT_LABELS, EXIT_ROLE_LABELS } from '#domain/measures/exit-ban.ts';
import type { ExitBanPerson } from '#domain/measures/model.ts';
import { reliefPayee } from '#domain/measures/relief.ts';
import { REWARD_METHOD_LABELS, rewardDeductedFen, rewardEarnedFen } from '#domain/measures/reward.ts';
import { fen, formatYuan } from '#domain/money.ts';
import { PHASE_LABELS } from './labels.ts';
import type { Names } from './timeline.ts';

function partyName(state: EnforcementCase | undefined, partyId: string): string {
  const found = [...(state?.applicants ?? []), ...(state?.respondents ?? [])].find((p) => p.partyId === partyId);
  return found?.name ?? partyId;
}

function personName(state: EnforcementCase | undefined, personId: string): string {
  const person: ExitBanPerson | undefined = state?.measures?.exitBan?.persons.find((p) => p.personId === personId);
  if (!person) return personId;
  const name = partyName(state, person.partyId);
  return person.role === 'respondent' ? name : `${name}的${EXIT_ROLE_LABELS[person.role]}`;
}

function persons(state: EnforcementCase | undefined, ids: readonly string[]): string {
  return ids.map((id) => personName(state, id)).join('、');
}

const decided = (d: 'approved' | 'rejected') => (d === 'approved' ? '同意' : '不同意');

export function describeMeasureEvent(event: MeasureEvent, state: EnforcementCase | undefined, names: Names): string {
  switch (event.type) {
    case 'exit-ban-proposed':
      return `${event.origin === 'application' ? `申请执行人${partyName(state, event.applicantId ?? '')}书面申请` : '依职权'}限制出境：${persons(
        state,
        event.persons.map((p) => p.personId),
      )}（${event.reason}），报请审批（M-EXIT-BAN，民诉法第二百六十六条）`;
    case 'exit-ban-decided':
      return event.decision === 'approved'
        ? `限制出境决定已签发（${names.member(event.by)}），通知出入境管理机构协助执行`
        : `限制出境申请未获批准（${names.member(event.by)}）`;
    case 'exit-notice-sent':
      return `向出入境管理机构发送${event.kind === 'restrict' ? '限制出境' : '解除限制出境'}协助执行通知（第${event.round}次）：${persons(state, event.persons)}`;
    case 'exit-notice-answered': {
      const what = event.kind === 'restrict' ? '限制出境' : '解除限制出境';
      const parts = [
        event.confirmed.length > 0 ? `已确认${persons(state, event.confirmed)}` : '',
        event.failed.length > 0
          ? `未办理${event.failed.map((f) => `${personName(state, f.personId)}（${f.reason}）`).join('、')}`
          : '',
        event.silent.length > 0 ? `未答复${persons(state, event.silent)}` : '',
      ].filter((p) => p !== '');
      return `出入境管理机构回复${what}协助执行通知：${parts.join('；')}`;
    }
    case 'exit-ban-lifted':
      return `解除限制出境：${EXIT_LIFT_LABELS[event.reason]}（M-EXIT-BAN）`;
    case 'reward-applied':
      return `申请执行人${partyName(state, event.applicantId)}书面申请悬赏查找财产：${REWARD_METHOD_LABELS[event.method]}${event.method === 'fixed' ? formatYuan(event.amountFen ?? fen(0)) : `${(event.shareBasisPoints ?? 0) / 100}%`}，最高${formatYuan(event.capFen)}，报请决定（M-REWARD 第二十一条）`;
    case 'reward-decided':
      return `悬赏申请：${decided(event.decision)}（${names.member(event.by)}）`;
    case 'reward-deposited':
      return `申请执行人预交悬赏金${formatYuan(event.amountFen)}`;
    case 'reward-published':
      return '悬赏公告已在全国法院执行悬赏公告平台发布（M-REWARD 第二十二条）';
    case 'lead-received':
      return `收到财产线索（举报人信息保密）：${event.summary}`;
    case 'lead-checked':
      return `财产线索核查：${event.outcome === 'confirmed' ? '属实' : '不属实'}（${names.member(event.by)}${event.note ? `，${event.note}` : ''}）`;
    case 'lead-realised':
      return `依该线索执行到位${formatYuan(event.amountFen)}${event.rewardFen ? `，举报人应得悬赏金共${formatYuan(event.rewardFen)}，发放执行款时从申请执行人应得的执行款中扣减（M-REWARD 第二十四条）` : ''}`;
    case 'reward-paid':
      return `向举报人发放悬赏金${formatYuan(event.amountFen)}（无法从执行款中扣减，由申请执行人另行支付，从其预交的悬赏金中支付，M-REWARD 第二十四条）`;
    case 'reward-closed':
      return `悬赏结束（${event.reason}）${event.refundedFen > 0 ? `，退还申请执行人预交的悬赏金${formatYuan(event.refundedFen)}` : ''}`;
    case 'relief-applied':
      return `申请执行人${partyName(state, event.applicantId)}申请国家司法救助${formatYuan(event.requestedFen)}：${event.hardship}`;
    case 'relief-decided':
      return event.decision === 'approved'
        ? `决定给予国家司法救助${formatYuan(event.grantedFen ?? fen(0))}${event.exceptional ? '（损失特别重大、生活特别困难，超过一般救助上限）' : ''}（${names.member(event.by)}，M-RELIEF）`
        : `决定不予国家司法救助（${names.member(event.by)}）`;
    case 'relief-paid':
      return `司法救助金${formatYuan(state?.measures?.relief?.grantedFen ?? fen(0))}已从救助资金中发放；此后执行到位的款项先行扣回救助资金`;
    case 'bankruptcy-proposed':
      return `拟将被执行人${partyName(state, event.respondentId)}移送${event.toCourt.name}破产审查（${event.consentBy === 'applicant' ? '申请执行人' : '被执行人'}书面同意；${event.insolvency}），提交合议庭评议，评议同意后报院长签署移送决定（M-BANKRUPTCY 第5条）`;
    case 'bankruptcy-panel-decided':
      return event.decision === 'approved'
        ? '合议庭评议，多数同意移送破产审查，报院长签署移送决定（M-BANKRUPTCY 第5条，E8-PANEL）'
        : '合议庭评议，多数不同意移送破产审查，不报院长签署（M-BANKRUPTCY 第5条，E8-PANEL）';
    case 'bankruptcy-decided': {
      if (event.decision !== 'approved') return `院长未同意移送破产审查（${names.member(event.by)}）`;
      // The phases that hold the case's work while it waits (the earlier runs have finished their part).
      const stopped = (['disposal', 'coercion'] as const).filter((p) => event.interrupted?.[p] !== undefined);
      const phases = stopped.map((p) => PHASE_LABELS[p]).join('、');
      return `院长签署移送破产审查决定（${names.member(event.by)}），中止对该被执行人的执行（M-BANKRUPTCY 第8条）${stopped.length > 0 ? `：正在进行的${phases}停止，拍卖、扣划等不再进行，查封、冻结继续有效` : ''}`;
    }
    case 'bankruptcy-referred':
      return '执行案件相关材料已移送受移送法院';
    case 'bankruptcy-answered':
      if (event.outcome === 'accepted')
        return '受移送法院裁定受理破产申请：执行程序中止，查封、冻结等措施解除并移交破产程序（企业破产法第十九条）';
      if (event.outcome === 'not-accepted')
        return `受移送法院裁定不予受理${event.reasons ? `（${event.reasons}）` : ''}：恢复执行（M-BANKRUPTCY 第18条）${event.resumes ? `，重新启动${PHASE_LABELS[parseExecutionName(event.resumes).phase as Phase] ?? ''}阶段` : ''}`;
      return '受移送法院逾期未告知是否受理破产，已报指挥中心';
    case 'bankruptcy-declared':
      return `被执行人被宣告破产（${names.member(event.by)}记录），应裁定终结执行（立案结案意见第十七条）`;
  }
}

/** The measures in force or under way, one Chinese line each, for `enforce case`. */
export function measureLines(state: EnforcementCase): string[] {
  const m = state.measures;
  const lines: string[] = [];
  const ban = m?.exitBan;
  if (ban) {
    const status = { proposed: '待审批', ordered: '正在执行', refused: '未获批准', lifted: '已解除' }[ban.status];
    lines.push(
      `限制出境：${status}（${persons(
        state,
        ban.persons.map((p) => p.personId),
      )}；出入境管理机构已确认限制${ban.restricted.length}人、解除${ban.released.length}人）`,
    );
  }
  const reward = m?.reward;
  if (reward)
    lines.push(
      `悬赏：最高${formatYuan(reward.capFen)}，线索${reward.leads.length}条，应发悬赏金${formatYuan(rewardEarnedFen(reward))}，已从执行款中扣减发放${formatYuan(rewardDeductedFen(state))}${reward.paidFen > 0 ? `，申请执行人另行支付${formatYuan(reward.paidFen)}` : ''}；已预交${formatYuan(reward.depositFen)}，已退还${formatYuan(reward.refundedFen)}`,
    );
  const relief = m?.relief;
  if (relief?.grantedFen !== undefined)
    lines.push(
      `国家司法救助：${formatYuan(relief.grantedFen)}${relief.status === 'paid' ? '已发放' : '待发放'}，已从执行款中扣回${formatYuan(fen(ledgerTotal(state, 'disbursed', reliefPayee(relief.applicantId))))}`,
    );
  if (m?.bankruptcy)
    lines.push(`移送破产审查（${m.bankruptcy.toCourt.name}）：${BANKRUPTCY_STATUS_LABELS[m.bankruptcy.status]}`);
  return lines;
}
