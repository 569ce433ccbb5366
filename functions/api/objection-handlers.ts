/** The objection routes' handlers (served by settle: a ruling may wake or start the disposal phase). */
import type * as z from 'zod';
import type {
  JudgmentBody,
  ObjectionBody,
  ReconsiderationBody,
  ReconsiderationDecisionBody,
  RulingBody,
  SuitBody,
} from '#contracts/objections.ts';
import type { Deps } from '#use-cases/context.ts';
import {
  recordObjectionJudgment,
  recordObjectionSuit,
  recordReconsideration,
  recordReconsiderationDecision,
  registerObjection,
  ruleOnObjection,
} from '#use-cases/objections.ts';
import type { Handlers } from './router.ts';

export function objectionHandlers(
  deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'engine' | 'requests' | 'payments' | 'approvals'>,
): Handlers {
  const file = registerObjection(deps);
  const rule = ruleOnObjection(deps);
  const reconsider = recordReconsideration(deps);
  const decided = recordReconsiderationDecision(deps);
  const suit = recordObjectionSuit(deps);
  const judgment = recordObjectionJudgment(deps);
  const ids = (params: Record<string, string>) => ({
    caseId: params.caseId ?? '',
    objectionId: params.objectionId ?? '',
  });
  return {
    fileObjection: ({ identity, params, body }) =>
      file(identity, { caseId: params.caseId ?? '', ...(body as z.infer<typeof ObjectionBody>) }),
    ruleOnObjection: ({ identity, params, body }) =>
      rule(identity, { ...ids(params), ...(body as z.infer<typeof RulingBody>) }),
    applyForReconsideration: ({ identity, params, body }) =>
      reconsider(identity, { ...ids(params), ...(body as z.infer<typeof ReconsiderationBody>) }),
    decideReconsideration: ({ identity, params, body }) =>
      decided(identity, { ...ids(params), ...(body as z.infer<typeof ReconsiderationDecisionBody>) }),
    fileObjectionSuit: ({ identity, params, body }) =>
      suit(identity, { ...ids(params), ...(body as z.infer<typeof SuitBody>) }),
    recordObjectionJudgment: ({ identity, params, body }) =>
      judgment(identity, { ...ids(params), ...(body as z.infer<typeof JudgmentBody>) }),
  };
}
