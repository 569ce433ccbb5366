/**
 * M-BANKRUPTCY (法发〔2017〕2号): a company respondent that cannot pay its debts is referred to the court of its
 * domicile for bankruptcy review, with the written consent of the applicant (of any of its cases) or of the
 * respondent, at the latest during the 终本 review; the president signs the referral; enforcement is suspended
 * from the referral; the receiving court's acceptance stops it (the seizures go to the bankruptcy), a refusal
 * resumes it, and a declaration of bankruptcy closes the case by termination (终结执行).
 */
import type { EnforcementCase, Phase } from '../case/model.ts';
import { runningPhases } from '../case/phases.ts';
import { outstandingFen } from '../control/plan.ts';
import { executionName } from '../ids.ts';
import type { Rules } from '../rules/table.ts';
import type { BankruptcyReferral } from './model.ts';

export function referralProblem(
  state: EnforcementCase,
  command: {
    readonly respondentId: string;
    readonly consentBy: string;
    readonly consentPartyId: string;
    readonly insolvency: string;
  },
  rules: Rules,
): string | undefined {
  if (state.status === 'closed' || state.status === 'filed')
    return '移送破产审查须在执行中、最迟在终结本次执行程序审查时提出（M-BANKRUPTCY）';
  const respondent = state.respondents.find((r) => r.partyId === command.respondentId);
  if (!respondent) return 'respondentId：本案没有该被执行人';
  if (respondent.kind !== rules.M_BANKRUPTCY.respondentKind)
    return '只有企业法人被执行人可以移送破产审查（M-BANKRUPTCY 第2条）';
  if (!(rules.M_BANKRUPTCY.consentFrom as readonly string[]).includes(command.consentBy))
    return 'consentBy：须为 applicant（申请执行人）或 respondent（被执行人）的书面同意';
  const consenting =
    command.consentBy === 'applicant'
      ? state.applicants.some((a) => a.partyId === command.consentPartyId)
      : command.consentPartyId === command.respondentId;
  if (!consenting) return 'consentPartyId：书面同意须来自本案申请执行人或该被执行人（M-BANKRUPTCY 第2条）';
  if (command.insolvency.trim().length < 2)
    return 'insolvency：须写明被执行人不能清偿到期债务，并且资产不足以清偿全部债务或者明显缺乏清偿能力的事实';
  if (outstandingFen(state) === 0) return '被执行人已履行全部义务，不移送破产审查';
  const current = state.measures?.bankruptcy;
  if (current && current.status !== 'refused' && current.status !== 'not-accepted') return '本案已有移送破产审查';
  return undefined;
}

/** From the referral until a refusal to accept, enforcement against the respondent is suspended (第8条). */
export function enforcementSuspended(referral: BankruptcyReferral | undefined): boolean {
  return referral?.status === 'referred' || referral?.status === 'accepted' || referral?.status === 'declared';
}

export const BANKRUPTCY_STATUS_LABELS: Readonly<Record<BankruptcyReferral['status'], string>> = {
  proposed: '待合议庭评议',
  'panel-approved': '合议庭评议同意，待院长签署移送决定',
  refused: '合议庭或院长未同意移送',
  referred: '已移送，执行中止，待受移送法院告知是否受理',
  accepted: '受移送法院已受理破产，执行程序中止，查封、冻结解除',
  'not-accepted': '受移送法院不予受理，恢复执行',
  declared: '被执行人被宣告破产，应裁定终结执行',
};

/**
 * 第18条: not accepted, enforcement resumes. The coercion or disposal the referral stopped (the one the case was in)
 * starts again as a new run; the investigation or a payout stopped mid-way is the officer's to take up again.
 * The auction round announced on the platform is not withdrawn there: the stopped run records nothing of it.
 */
export function resumedRun(state: EnforcementCase): string | undefined {
  const stopped = state.measures?.bankruptcy?.interrupted ?? {};
  // A disposal owns the case's status (the coercion watching beside it is started again by its hand-over).
  const current = state.status === 'disposing' ? 'disposal' : state.phase;
  const phase = (['disposal', 'coercion'] as const).find((p) => stopped[p] !== undefined && current === p);
  if (!phase || state.status === 'closed') return undefined;
  return executionName(state.caseId, phase, (state.phaseRuns[phase] ?? 0) + 1);
}

/**
 * 企业破产法 第十九条: once the receiving court accepts, 执行程序应当中止. The runs the referral decision stopped are
 * stopped already; a run started since (a coercion run, say) is still going and stops now, like the others. Undefined
 * when nothing runs.
 */
export function runsStoppedOnAcceptance(state: EnforcementCase): Partial<Record<Phase, number>> | undefined {
  const running = runningPhases(state);
  return Object.keys(running).length > 0 ? running : undefined;
}
