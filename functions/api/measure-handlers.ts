/** The measures' routes (./measure-routes.ts) as operations: settle's writes, the API function's read. */
import type { Deps } from '#use-cases/context.ts';
import {
  applyForRelief,
  applyForReward,
  checkLead,
  closeReward,
  dispatchMeasuresAs,
  liftExitBan,
  type MeasureDeps,
  proposeExitBan,
  proposeReferral,
  realiseLead,
  recordBankruptcyDeclared,
  recordLead,
  recordReliefPayment,
  recordRewardDeposit,
} from '#use-cases/measures.ts';
import { readMeasures } from '#use-cases/measures-view.ts';
import type { Handlers } from './router.ts';

export function measureWriteHandlers(deps: MeasureDeps): Handlers {
  const exitBan = proposeExitBan(deps);
  const lift = liftExitBan(deps);
  const reward = applyForReward(deps);
  const deposit = recordRewardDeposit(deps);
  const lead = recordLead(deps);
  const check = checkLead(deps);
  const money = realiseLead(deps);
  const close = closeReward(deps);
  const relief = applyForRelief(deps);
  const paid = recordReliefPayment(deps);
  const referral = proposeReferral(deps);
  const declared = recordBankruptcyDeclared(deps);
  const dispatch = dispatchMeasuresAs(deps);
  const with_ = <T>(params: Record<string, string | undefined>, body: unknown) =>
    ({ caseId: params.caseId ?? '', ...(body as T) }) as T & { caseId: string };
  return {
    proposeExitBan: ({ identity, params, body }) => exitBan(identity, with_(params, body)),
    liftExitBan: ({ identity, params, body }) => lift(identity, with_(params, body)),
    applyForReward: ({ identity, params, body }) => reward(identity, with_(params, body)),
    recordRewardDeposit: ({ identity, params, body }) => deposit(identity, with_(params, body)),
    recordLead: ({ identity, params, body }) => lead(identity, with_(params, body)),
    checkLead: ({ identity, params, body }) => check(identity, with_(params, body)),
    recordLeadMoney: ({ identity, params, body }) => money(identity, with_(params, body)),
    closeReward: ({ identity, params, body }) => close(identity, with_(params, body)),
    applyForRelief: ({ identity, params, body }) => relief(identity, with_(params, body)),
    recordReliefPayment: ({ identity, params, body }) => paid(identity, with_(params, body)),
    proposeReferral: ({ identity, params, body }) => referral(identity, with_(params, body)),
    recordBankruptcyDeclared: ({ identity, params }) => declared(identity, { caseId: params.caseId ?? '' }),
    dispatchMeasures: ({ identity, params }) => dispatch(identity, { caseId: params.caseId ?? '' }),
  };
}

export function measureReadHandlers(deps: Pick<Deps, 'cases' | 'rules'>): Handlers {
  const read = readMeasures(deps);
  return { getMeasures: ({ identity, params }) => read(identity, params.caseId ?? '') };
}
