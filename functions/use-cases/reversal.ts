/**
 * 执行回转 (REVERSAL: 民诉法 第二百四十四条): the title was set aside after execution; the bureau chief rules that the
 * applicant who took the money returns it, and the filing system files the return as a new enforcement case through
 * intake (v3 `reversalOf` names this case), where the old applicant is the respondent. When intake files it, this
 * case records the new one (`reversal-filed`).
 */
import { ledgerTotal } from '#domain/case/reducer.ts';
import { derivedId } from '#domain/ids.ts';
import { fen, formatYuan } from '#domain/money.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { type Deps, mutateCase } from './context.ts';
import { caseFor, refuse } from './distribution-common.ts';

export function orderReversal(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'filing'>) {
  return async (
    identity: Identity | undefined,
    command: {
      readonly caseId: string;
      readonly setAsideBy: string;
      readonly returnFen: number;
      readonly note?: string;
    },
  ) => {
    const { state: before, identity: who } = await caseFor(deps, identity, command.caseId, 'rule-disputes');
    const rule = deps.rules.REVERSAL.id;
    const from = before.applicants[0]?.partyId ?? '';
    const to = before.respondents[0]?.partyId ?? '';
    const taken = before.applicants.reduce(
      (t, a) => t + ledgerTotal(before, 'disbursed', a.partyId) + ledgerTotal(before, 'in-lieu', a.partyId),
      0,
    );
    if (before.reversal) refuse('不能裁定执行回转', [{ rule, message: '本案已裁定执行回转' }]);
    if (taken === 0) refuse('不能裁定执行回转', [{ rule, message: '申请执行人尚未取得执行款，无需执行回转' }]);
    if (command.returnFen > taken)
      refuse('不能裁定执行回转', [{ rule, message: `返还金额超过申请执行人已取得的${formatYuan(fen(taken))}` }]);
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: who.userId, role: 'bureau-chief' },
      { action: 'order-reversal' },
      (s) => ({
        events: s.reversal
          ? []
          : [
              {
                type: 'reversal-ordered',
                setAsideBy: command.setAsideBy,
                returnFen: fen(command.returnFen),
                from,
                to,
                by: who.userId,
                ruledBy: who.userId,
              },
            ],
        result: undefined,
      }),
    );
    await deps.filing.requestReversal({
      requestId: derivedId('f', state.caseId, 'reversal'),
      caseId: state.caseId,
      court: state.court.code,
      caseNumber: state.caseNumber,
      returnFen: command.returnFen,
      setAsideBy: command.setAsideBy,
      requestedAt: deps.clock.now(),
    });
    return { caseId: state.caseId, reversal: state.reversal };
  };
}
