/** The measures of a case as staff read them (GET; writes nothing): what is in force, the money, what is due. */
import { actionRefusal } from '#domain/approvals/authority.ts';
import { BANKRUPTCY_STATUS_LABELS } from '#domain/measures/bankruptcy.ts';
import { reliefCaps, reliefRecoveredFen, reliefToRecoverFen } from '#domain/measures/relief.ts';
import type { Identity } from '#domain/staff/roles.ts';
import type { Deps } from './context.ts';
import { caseNotFound, forbidden, unauthenticated } from './errors.ts';

const EXIT_STATUS: Record<string, string> = {
  proposed: '待审批',
  ordered: '已限制出境',
  refused: '未获批准',
  lifted: '已解除',
};
const REWARD_STATUS: Record<string, string> = {
  applied: '待决定',
  approved: '已批准，待预交悬赏金',
  published: '悬赏公告已发布',
  refused: '未获批准',
  closed: '已结束',
};
const RELIEF_STATUS: Record<string, string> = {
  applied: '待决定',
  granted: '已决定，待发放',
  refused: '不予救助',
  paid: '已发放',
};
const LEAD_STATUS: Record<string, string> = {
  received: '待核查',
  confirmed: '属实',
  unfounded: '不属实',
  rewarded: '已发放悬赏金',
};

export function readMeasures(deps: Pick<Deps, 'cases' | 'rules'>) {
  return async (caller: Identity | undefined, caseId: string) => {
    const state = await deps.cases.load(caseId);
    if (!state) throw caseNotFound();
    const refusal = actionRefusal(caller, 'read-cases', state.court.code);
    if (refusal === 'unknown-user') throw unauthenticated('未登录或身份无法核验');
    if (refusal === 'other-court') throw caseNotFound();
    if (refusal) throw forbidden('无权查看本案');
    const m = state.measures ?? {};
    const ban = m.exitBan;
    const reward = m.reward;
    const relief = m.relief;
    const referral = m.bankruptcy;
    return {
      caseId: state.caseId,
      ...(ban
        ? {
            exitBan: {
              status: ban.status,
              label: EXIT_STATUS[ban.status] ?? ban.status,
              origin: ban.origin,
              persons: ban.persons.map((p) => ({ ...p })),
              restricted: [...ban.restricted],
              released: [...ban.released],
              notices: ban.notices.map((n) => ({
                kind: n.kind,
                round: n.round,
                sentAt: n.sentAt,
                answered: n.answered === true,
              })),
              ...(ban.liftReason ? { liftReason: ban.liftReason } : {}),
            },
          }
        : {}),
      ...(reward
        ? {
            reward: {
              status: reward.status,
              label: REWARD_STATUS[reward.status] ?? reward.status,
              method: reward.method,
              capFen: reward.capFen,
              depositFen: reward.depositFen,
              paidFen: reward.paidFen,
              refundedFen: reward.refundedFen,
              leads: reward.leads.map((l) => ({
                leadId: l.leadId,
                receivedAt: l.receivedAt,
                informantRef: l.informantRef,
                status: l.status,
                label: LEAD_STATUS[l.status] ?? l.status,
                summary: l.summary,
                realisedFen: l.realisedFen,
                ...(l.rewardFen !== undefined ? { rewardFen: l.rewardFen } : {}),
              })),
            },
          }
        : {}),
      ...(relief
        ? {
            relief: {
              status: relief.status,
              label: RELIEF_STATUS[relief.status] ?? relief.status,
              applicantId: relief.applicantId,
              requestedFen: relief.requestedFen,
              ...(relief.grantedFen !== undefined ? { grantedFen: relief.grantedFen } : {}),
              recoveredFen: reliefRecoveredFen(state),
              toRecoverFen: reliefToRecoverFen(state),
              usualCapFen: reliefCaps(state, deps.rules).usualFen,
            },
          }
        : {}),
      ...(referral
        ? {
            bankruptcy: {
              status: referral.status,
              label: BANKRUPTCY_STATUS_LABELS[referral.status],
              toCourt: referral.toCourt.name,
              respondentId: referral.respondentId,
            },
          }
        : {}),
    };
  };
}
