/** The measures of a case as staff read them (GET; writes nothing): what is in force, the money, what is due. */
import { actionRefusal } from '#domain/approvals/authority.ts';
import { BANKRUPTCY_STATUS_LABELS } from '#domain/measures/bankruptcy.ts';
import { reliefCaps, reliefRecoveredFen, reliefToRecoverFen } from '#domain/measures/relief.ts';
import type { Identity } from '#domain/staff/roles.ts';
import type { Deps } from './context.ts';
import { caseNotFound, forbidden, unauthenticated } from './errors.ts';

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
              method: reward.method,
              capFen: reward.capFen,
              depositFen: reward.depositFen,
              paidFen: reward.paidFen,
              refundedFen: reward.refundedFen,
              leads: reward.leads.map((l) => ({
                leadId: l.leadId,
                status: l.status,
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
