/**
 * The approvals of the measures: what the decider is asked (one line, amounts not names), and what a decision puts
 * on the case. A decision is applied once, by whichever comes first: the approval's own apply-decision step, or
 * the follow-up of a staff action that finds it on the case (../../use-cases/measures.ts).
 */
import type { LegalCalendar } from '../calendar/legal-calendar.ts';
import type { Instant } from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { ApprovalSummary, EnforcementCase } from '../case/model.ts';
import { meetNode, timeNode } from '../case/nodes.ts';
import { runningPhases } from '../case/phases.ts';
import { applyEvent } from '../case/reducer.ts';
import { approvalIdFor, derivedId, executionName } from '../ids.ts';
import { type Fen, fen, formatYuan } from '../money.ts';
import type { Rules } from '../rules/table.ts';
import { EXIT_ROLE_LABELS, exitLiftEvents } from './exit-ban.ts';
import { reliefCaps, wageBaseLine } from './relief.ts';
import { REWARD_METHOD_LABELS, readyToPublish } from './reward.ts';

export const MEASURE_STEPS = [
  'exit-ban',
  'reward-notice',
  'judicial-relief',
  'bankruptcy-panel',
  'bankruptcy-referral',
] as const;
export type MeasureStep = (typeof MEASURE_STEPS)[number];

export function isMeasureStep(step: string): step is MeasureStep {
  return (MEASURE_STEPS as readonly string[]).includes(step);
}

/** The execution of the approval task the measure of this step started, if any. */
function executionOf(state: EnforcementCase, step: MeasureStep): string | undefined {
  const m = state.measures;
  if (step === 'exit-ban') return m?.exitBan?.execution;
  if (step === 'reward-notice') return m?.reward?.execution;
  if (step === 'judicial-relief') return m?.relief?.execution;
  // 第5条: the panel reviews under the proposal's execution; the president signs under the one its agreement started.
  if (step === 'bankruptcy-panel') return m?.bankruptcy?.execution;
  return m?.bankruptcy?.signExecution;
}

/** The decided approval of the measure now awaiting its decision (by its execution, at any rung), if decided. */
export function decidedApproval(
  state: EnforcementCase,
  step: MeasureStep,
  ladderLength: number,
): ApprovalSummary | undefined {
  const execution = executionOf(state, step);
  if (!execution) return undefined;
  for (let level = 0; level < ladderLength; level++) {
    const approval = state.approvals[approvalIdFor(execution, step, level)];
    if (approval && (approval.status === 'approved' || approval.status === 'rejected')) return approval;
  }
  return undefined;
}

export interface MeasureDecision {
  readonly decision: 'approved' | 'rejected';
  readonly by: string;
  readonly data?: Readonly<Record<string, string | number | boolean>>;
}

/** What a decision puts on the case now; nothing when the measure is no longer awaiting it (applied already). */
export function measureDecisionEvents(
  step: MeasureStep,
  state: EnforcementCase,
  decision: MeasureDecision,
  now: Instant,
  rules: Rules,
  calendar: LegalCalendar,
): CaseEvent[] {
  const m = state.measures;
  const approved = decision.decision === 'approved';
  if (step === 'exit-ban') {
    if (m?.exitBan?.status !== 'proposed') return [];
    return [
      {
        type: 'exit-ban-decided',
        decision: decision.decision,
        by: decision.by,
        ...(approved ? { docId: derivedId('d', state.caseId, 'exit-ban', m.exitBan.execution) } : {}),
      },
    ];
  }
  if (step === 'reward-notice') {
    if (m?.reward?.status !== 'applied') return [];
    const events: CaseEvent[] = [
      { type: 'reward-decided', decision: decision.decision, by: decision.by },
      ...meetNode(state, 'reward-decision', now),
    ];
    return [...events, ...publication(state, events, now, rules)];
  }
  if (step === 'judicial-relief') {
    const relief = m?.relief;
    if (relief?.status !== 'applied') return [];
    const granted = grantedAmount(state, relief.requestedFen, decision.data, rules);
    return [
      {
        type: 'relief-decided',
        decision: decision.decision,
        by: decision.by,
        ...(approved ? { grantedFen: granted } : {}),
        ...(approved && granted > reliefCaps(state, rules).usualFen ? { exceptional: true } : {}),
      },
      ...meetNode(state, 'relief-decision', now),
    ];
  }
  const referral = m?.bankruptcy;
  if (step === 'bankruptcy-panel') {
    if (referral?.status !== 'proposed') return [];
    if (!approved) return [{ type: 'bankruptcy-panel-decided', decision: 'rejected', by: decision.by }];
    const signExecution = executionName(state.caseId, 'measure-task', (m?.taskRuns ?? 0) + 1);
    return [{ type: 'bankruptcy-panel-decided', decision: 'approved', by: decision.by, signExecution }];
  }
  // 第5条: the president signs only what the panel agreed.
  if (referral?.status !== 'panel-approved') return [];
  if (!approved) return [{ type: 'bankruptcy-decided', decision: 'rejected', by: decision.by }];
  return [
    {
      type: 'bankruptcy-decided',
      decision: 'approved',
      by: decision.by,
      docId: derivedId('d', state.caseId, 'bankruptcy-referral', referral.execution),
      // 第8条: enforcement against the respondent is suspended from the referral decision.
      interrupted: runningPhases(state),
    },
    {
      type: 'node-set',
      node: timeNode(
        'bankruptcy-acceptance',
        rules.M_BANKRUPTCY.id,
        rules.M_BANKRUPTCY.acceptanceAnswer,
        now,
        calendar,
      ),
    },
  ];
}

/** The amount decided: the decider's, else what was asked within the usual cap. */
function grantedAmount(state: EnforcementCase, requestedFen: Fen, data: MeasureDecision['data'], rules: Rules): Fen {
  if (typeof data?.grantedFen === 'number') return fen(data.grantedFen);
  const { usualFen, absoluteFen } = reliefCaps(state, rules);
  return fen(Math.min(requestedFen, usualFen, absoluteFen));
}

/** The notice is published once approved with the deposit in (P-MEASURES), after `events` are applied. */
function publication(state: EnforcementCase, events: readonly CaseEvent[], now: Instant, rules: Rules): CaseEvent[] {
  let next = state;
  for (const event of events) next = applyEvent(next, event, now);
  const reward = next.measures?.reward;
  if (!readyToPublish(reward, rules) || !reward) return [];
  return [{ type: 'reward-published', docId: derivedId('d', state.caseId, 'reward-notice', reward.execution) }];
}

/**
 * Everything the measures owe now that needs no outside party: a decision found on the case but not applied, a
 * notice ready to publish, an exit restriction to lift. Called after every staff action on the measures.
 */
export function measureFollowUp(
  state: EnforcementCase,
  now: Instant,
  rules: Rules,
  calendar: LegalCalendar,
  ladderLength: (step: MeasureStep) => number,
): CaseEvent[] {
  const events: CaseEvent[] = [];
  let current = state;
  const add = (more: readonly CaseEvent[]) => {
    for (const event of more) {
      events.push(event);
      current = applyEvent(current, event, now);
    }
  };
  for (const step of MEASURE_STEPS) {
    const approval = decidedApproval(current, step, ladderLength(step));
    if (!approval || approval.status === 'pending' || approval.status === 'timed-out') continue;
    const decision: MeasureDecision = {
      decision: approval.status,
      by: approval.decidedBy ?? '',
      ...(approval.data ? { data: approval.data } : {}),
    };
    add(measureDecisionEvents(step, current, decision, now, rules, calendar));
  }
  add(publication(current, [], now, rules));
  add(exitLiftEvents(current));
  return events;
}

/** The decider's one line, built from the case when the approval is requested. */
export function measureSummary(step: MeasureStep, state: EnforcementCase, rules: Rules): string {
  const m = state.measures;
  const name = (id: string) => [...state.applicants, ...state.respondents].find((p) => p.partyId === id)?.name ?? id;
  if (step === 'exit-ban' && m?.exitBan) {
    const ban = m.exitBan;
    const who = ban.persons
      .map((p) => (p.role === 'respondent' ? name(p.partyId) : `${name(p.partyId)}的${EXIT_ROLE_LABELS[p.role]}`))
      .join('、');
    const origin = ban.origin === 'application' ? `申请执行人${name(ban.applicantId ?? '')}书面申请` : '依职权';
    return `${origin}限制${who}出境：${ban.reason}（M-EXIT-BAN，民诉法第二百六十六条）`;
  }
  if (step === 'reward-notice' && m?.reward) {
    const r = m.reward;
    const how =
      r.method === 'fixed' ? formatYuan(r.amountFen ?? fen(0)) : `执行到位金额的${(r.shareBasisPoints ?? 0) / 100}%`;
    return `申请执行人${name(r.applicantId)}申请悬赏查找财产：${REWARD_METHOD_LABELS[r.method]}${how}，最高${formatYuan(r.capFen)}，由申请执行人预交（M-REWARD）`;
  }
  if (step === 'judicial-relief' && m?.relief) {
    const { usualFen, absoluteFen, base } = reliefCaps(state, rules);
    const basis = base.ok ? `，以${wageBaseLine(base)}为基准` : '';
    return `申请执行人${name(m.relief.applicantId)}申请国家司法救助${formatYuan(m.relief.requestedFen)}（${m.relief.hardship}）；一般上限${formatYuan(usualFen)}（${rules.M_RELIEF.capMonths}个月${basis}），最高不超过未执行到位的${formatYuan(absoluteFen)}；可决定救助金额（分，grantedFen）`;
  }
  if ((step === 'bankruptcy-panel' || step === 'bankruptcy-referral') && m?.bankruptcy) {
    const b = m.bankruptcy;
    const ask =
      step === 'bankruptcy-panel'
        ? '合议庭评议是否同意移送，多数同意后报院长签署（M-BANKRUPTCY 第5条，E8-PANEL）'
        : '合议庭已评议同意，院长签署移送决定（M-BANKRUPTCY 第5条）';
    return `将被执行人${name(b.respondentId)}移送${b.toCourt.name}破产审查（${b.consentBy === 'applicant' ? '申请执行人' : '被执行人'}书面同意；${b.insolvency}）：${ask}`;
  }
  return step;
}
