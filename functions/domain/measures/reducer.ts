/** The fold of the measures' events (./events.ts) into the case's `measures`; ../case/reducer.ts hands them here. */
import type { Instant } from '../calendar/local-date.ts';
import type { EnforcementCase, Phase } from '../case/model.ts';
import { CaseStateError } from '../case/reducer.ts';
import { fen } from '../money.ts';
import type { MeasureEvent } from './events.ts';
import type { ExitBan, Lead, MeasuresState, RewardNotice } from './model.ts';

function withMeasures(state: EnforcementCase, change: (m: MeasuresState) => MeasuresState): EnforcementCase {
  return { ...state, measures: change(state.measures ?? {}) };
}

function exitBanOf(state: EnforcementCase): ExitBan {
  const ban = state.measures?.exitBan;
  if (!ban) throw new CaseStateError(`case ${state.caseId} has no exit restriction`);
  return ban;
}

function rewardOf(state: EnforcementCase): RewardNotice {
  const reward = state.measures?.reward;
  if (!reward) throw new CaseStateError(`case ${state.caseId} has no reward notice`);
  return reward;
}

function withLead(state: EnforcementCase, leadId: string, change: (lead: Lead) => Lead): EnforcementCase {
  const reward = rewardOf(state);
  if (!reward.leads.some((l) => l.leadId === leadId)) throw new CaseStateError(`no lead ${leadId}`);
  const leads = reward.leads.map((l) => (l.leadId === leadId ? change(l) : l));
  return withMeasures(state, (m) => ({ ...m, reward: { ...reward, leads } }));
}

const bump = (m: MeasuresState): number => (m.taskRuns ?? 0) + 1;

export function applyMeasureEvent(state: EnforcementCase, event: MeasureEvent, at: Instant): EnforcementCase {
  switch (event.type) {
    case 'exit-ban-proposed':
      return withMeasures(state, (m) => ({
        ...m,
        taskRuns: bump(m),
        exitBan: {
          respondentId: event.respondentId,
          persons: event.persons,
          origin: event.origin,
          ...(event.applicantId ? { applicantId: event.applicantId } : {}),
          reason: event.reason,
          proposedBy: event.by,
          proposedAt: at,
          execution: event.execution,
          status: 'proposed',
          restricted: [],
          released: [],
          notices: [],
        },
      }));
    case 'exit-ban-decided': {
      const ban = exitBanOf(state);
      const approved = event.decision === 'approved';
      return withMeasures(state, (m) => ({
        ...m,
        exitBan: {
          ...ban,
          status: approved ? 'ordered' : 'refused',
          decidedBy: event.by,
          ...(approved ? { orderedAt: at } : {}),
          ...(event.docId ? { docId: event.docId } : {}),
        },
      }));
    }
    case 'exit-notice-sent': {
      const ban = exitBanOf(state);
      const notice = {
        requestId: event.requestId,
        kind: event.kind,
        round: event.round,
        sentAt: at,
        persons: event.persons,
      };
      return withMeasures(state, (m) => ({ ...m, exitBan: { ...ban, notices: [...ban.notices, notice] } }));
    }
    case 'exit-notice-answered': {
      const ban = exitBanOf(state);
      const notices = ban.notices.map((n) => (n.requestId === event.requestId ? { ...n, answered: true } : n));
      const key = event.kind === 'restrict' ? 'restricted' : 'released';
      const confirmed = [...new Set([...ban[key], ...event.confirmed])];
      return withMeasures(state, (m) => ({ ...m, exitBan: { ...ban, notices, [key]: confirmed } }));
    }
    case 'exit-ban-lifted': {
      const ban = exitBanOf(state);
      return withMeasures(state, (m) => ({
        ...m,
        exitBan: { ...ban, status: 'lifted', liftReason: event.reason, liftedAt: at },
      }));
    }
    case 'reward-applied':
      return withMeasures(state, (m) => ({
        ...m,
        taskRuns: bump(m),
        reward: {
          applicantId: event.applicantId,
          method: event.method,
          ...(event.amountFen !== undefined ? { amountFen: event.amountFen } : {}),
          ...(event.shareBasisPoints !== undefined ? { shareBasisPoints: event.shareBasisPoints } : {}),
          capFen: event.capFen,
          appliedAt: at,
          appliedBy: event.by,
          execution: event.execution,
          status: 'applied',
          depositFen: fen(0),
          leads: [],
          paidFen: fen(0),
          refundedFen: fen(0),
        },
      }));
    case 'reward-decided': {
      const reward = rewardOf(state);
      const status = event.decision === 'approved' ? 'approved' : 'refused';
      return withMeasures(state, (m) => ({ ...m, reward: { ...reward, status, decidedBy: event.by } }));
    }
    case 'reward-deposited': {
      const reward = rewardOf(state);
      const depositFen = fen(reward.depositFen + event.amountFen);
      return withMeasures(state, (m) => ({ ...m, reward: { ...reward, depositFen } }));
    }
    case 'reward-published': {
      const reward = rewardOf(state);
      return withMeasures(state, (m) => ({ ...m, reward: { ...reward, status: 'published', publishedAt: at } }));
    }
    case 'lead-received': {
      const reward = rewardOf(state);
      const lead: Lead = {
        leadId: event.leadId,
        receivedAt: at,
        informantRef: event.informantRef,
        summary: event.summary,
        status: 'received',
        realisedFen: fen(0),
      };
      return withMeasures(state, (m) => ({ ...m, reward: { ...reward, leads: [...reward.leads, lead] } }));
    }
    case 'lead-checked':
      return withLead(state, event.leadId, (l) => ({
        ...l,
        status: event.outcome,
        checkedBy: event.by,
        ...(event.note ? { note: event.note } : {}),
      }));
    case 'lead-realised':
      return withLead(state, event.leadId, (l) => ({
        ...l,
        realisedFen: fen(l.realisedFen + event.amountFen),
        ...(event.rewardFen !== undefined && event.rewardFen > 0
          ? { status: 'rewarded' as const, rewardFen: event.rewardFen }
          : {}),
      }));
    case 'reward-paid': {
      // Paid separately by the applicant (from the deposit), where deduction from the share was impossible.
      const next = withLead(state, event.leadId, (l) => ({ ...l, paidAt: at }));
      const reward = rewardOf(next);
      return withMeasures(next, (m) => ({
        ...m,
        reward: { ...reward, paidFen: fen(reward.paidFen + event.amountFen) },
      }));
    }
    case 'reward-closed': {
      const reward = rewardOf(state);
      return withMeasures(state, (m) => ({
        ...m,
        reward: { ...reward, status: 'closed', refundedFen: fen(reward.refundedFen + event.refundedFen), closedAt: at },
      }));
    }
    case 'relief-applied':
      return withMeasures(state, (m) => ({
        ...m,
        taskRuns: bump(m),
        relief: {
          applicantId: event.applicantId,
          hardship: event.hardship,
          requestedFen: event.requestedFen,
          appliedAt: at,
          appliedBy: event.by,
          execution: event.execution,
          status: 'applied',
        },
      }));
    case 'relief-decided': {
      const relief = state.measures?.relief;
      if (!relief) throw new CaseStateError(`case ${state.caseId} has no relief application`);
      const granted = event.decision === 'approved';
      return withMeasures(state, (m) => ({
        ...m,
        relief: {
          ...relief,
          status: granted ? 'granted' : 'refused',
          decidedBy: event.by,
          decidedAt: at,
          ...(granted && event.grantedFen !== undefined ? { grantedFen: event.grantedFen } : {}),
          ...(granted && event.exceptional ? { exceptional: true } : {}),
        },
      }));
    }
    case 'relief-paid': {
      const relief = state.measures?.relief;
      if (!relief) throw new CaseStateError(`case ${state.caseId} has no relief application`);
      return withMeasures(state, (m) => ({
        ...m,
        relief: { ...relief, status: 'paid', paidAt: at, paymentRef: event.reference },
      }));
    }
    case 'bankruptcy-proposed':
      return withMeasures(state, (m) => ({
        ...m,
        taskRuns: bump(m),
        bankruptcy: {
          respondentId: event.respondentId,
          consentBy: event.consentBy,
          consentPartyId: event.consentPartyId,
          insolvency: event.insolvency,
          toCourt: event.toCourt,
          proposedBy: event.by,
          proposedAt: at,
          execution: event.execution,
          status: 'proposed',
        },
      }));
    default:
      return applyBankruptcyEvent(state, event, at);
  }
}

type BankruptcyEvent = Extract<
  MeasureEvent,
  {
    type:
      | 'bankruptcy-panel-decided'
      | 'bankruptcy-decided'
      | 'bankruptcy-referred'
      | 'bankruptcy-answered'
      | 'bankruptcy-declared';
  }
>;

function applyBankruptcyEvent(state: EnforcementCase, event: BankruptcyEvent, at: Instant): EnforcementCase {
  const referral = state.measures?.bankruptcy;
  if (!referral) throw new CaseStateError(`case ${state.caseId} has no bankruptcy referral`);
  const put = (next: typeof referral) => withMeasures(state, (m) => ({ ...m, bankruptcy: next }));
  switch (event.type) {
    case 'bankruptcy-panel-decided':
      if (event.decision !== 'approved' || !event.signExecution)
        return put({ ...referral, status: 'refused', decidedBy: event.by });
      return withMeasures(state, (m) => ({
        ...m,
        taskRuns: bump(m),
        bankruptcy: { ...referral, status: 'panel-approved', signExecution: event.signExecution },
      }));
    case 'bankruptcy-decided': {
      const next = put({
        ...referral,
        status: event.decision === 'approved' ? 'referred' : 'refused',
        decidedBy: event.by,
        ...(event.interrupted ? { interrupted: event.interrupted } : {}),
      });
      // 第8条: the running phases stop at their next step, as under a suspension (phases.ts).
      return stopRuns(next, event.interrupted);
    }
    case 'bankruptcy-referred':
      return put({ ...referral, referredAt: at, requestId: event.requestId });
    case 'bankruptcy-answered':
      if (event.outcome === 'silent') return put({ ...referral, answeredAt: at });
      return stopRuns(
        put({
          ...referral,
          status: event.outcome,
          answeredAt: at,
          ...(event.reasons ? { reasons: event.reasons } : {}),
          ...(event.resumes ? { resumedAs: event.resumes } : {}),
        }),
        event.interrupted,
      );
    case 'bankruptcy-declared':
      return put({ ...referral, status: 'declared', declaredAt: at });
  }
}

/** The runs named stop at their next step (phases.ts): merged into the case's interrupted runs. */
function stopRuns(state: EnforcementCase, runs: Readonly<Partial<Record<Phase, number>>> | undefined): EnforcementCase {
  if (!runs) return state;
  const interrupted: Partial<Record<Phase, number>> = { ...state.interrupted };
  for (const [phase, run] of Object.entries(runs) as [Phase, number][])
    interrupted[phase] = Math.max(interrupted[phase] ?? 0, run);
  return { ...state, interrupted };
}
