/**
 * 中止执行 (SUSPENSION) and 暂缓执行 on a guarantee (DEFERRAL, GUARANTEE) as staff-API use cases. The officer proposes
 * (a ground of 第二百六十七条, or a guarantee the applicant agreed to); the bureau chief, not the proposer, rules: from
 * that day the running phases stop at their next step (seizures go on being renewed: the renewal watch is not a
 * phase). Lifting it (the ground gone, or the deferral over) moves the enforcement term (A1) on by the days stopped
 * (TERM-EXCLUDED), moves the stopped work's own deadlines on as much, and starts again every phase that was stopped
 * (a disposal and the measures beside it both; an investigation stopped during the network inquiry or the control's
 * execution is continued, not re-inquired nor re-ordered: disputes/suspension-resume.ts, control-continuation.ts). A deferral that ends without
 * performance calls the guarantee: enforcement resumes against the guaranteed property or the guarantor, while the
 * guarantee period lasts (执行担保规定 第十一条、第十三条).
 */
import { chinaDateOf, localDate } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { runningPhases } from '#domain/case/phases.ts';
import { outstandingFen } from '#domain/control/plan.ts';
import {
  DEFERRAL_END,
  DEFERRAL_NODE,
  type DeferralTerms,
  deferralEnded,
  deferralNodes,
  deferralProblems,
  excludedDays,
  extendedTerm,
  GUARANTEE_NODE,
  guaranteeCallable,
  guaranteeEnforceable,
  guaranteePeriodEnd,
  suspensionProblems,
} from '#domain/disputes/suspension.ts';
import { phasesToResume, resumedNodes, resumedWatch, stoppedPhases } from '#domain/disputes/suspension-resume.ts';
import { executionName } from '#domain/ids.ts';
import { fen } from '#domain/money.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { withdrawStoppedAuctions } from './auction-withdrawal.ts';
import { caseRequestId } from './coercion.ts';
import { type Deps, mutateCase } from './context.ts';
import { caseFor, notTheProposer, refuse } from './distribution-common.ts';
import { conflict, invalid } from './errors.ts';

export type ProposeCommand =
  | { readonly caseId: string; readonly kind: 'suspension'; readonly ground: string; readonly note: string }
  | ({ readonly caseId: string; readonly kind: 'deferral'; readonly note: string } & Omit<DeferralTerms, 'until'> & {
        readonly until: string;
      });

/** The officer proposes a suspension on a ground of the law, or a deferral on a guarantee the applicant agreed to. */
export function proposeSuspension(deps: Pick<Deps, 'cases' | 'clock' | 'rules'>) {
  return async (identity: Identity | undefined, command: ProposeCommand) => {
    const { state: before, identity: who } = await caseFor(deps, identity, command.caseId, 'close-cases');
    const today = chinaDateOf(deps.clock.now());
    let event: CaseEvent;
    if (command.kind === 'suspension') {
      refuse('不能提请中止执行', suspensionProblems(before, command.ground, deps.rules));
      event = {
        type: 'suspension-proposed',
        kind: 'suspension',
        ground: command.ground,
        note: command.note,
        by: who.userId,
      };
    } else {
      let until: ReturnType<typeof localDate>;
      try {
        until = localDate(command.until);
      } catch {
        throw invalid('until：暂缓执行的期限无效');
      }
      refuse('不能提请暂缓执行', deferralProblems(before, { ...command, until }, today, deps.rules));
      event = {
        type: 'suspension-proposed',
        kind: 'deferral',
        ground: 'guarantee',
        note: command.note,
        by: who.userId,
        until,
        guarantee: {
          form: command.form,
          guarantor: command.guarantor,
          amountFen: fen(command.amountFen),
          periodEndsOn: guaranteePeriodEnd(until, command.periodMonths, deps.rules),
        },
      };
    }
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: who.userId },
      { action: 'propose-suspension' },
      () => ({ events: [event], result: undefined }),
    );
    return { caseId: state.caseId, suspension: state.suspension };
  };
}

/**
 * C6 第十条第一款第五项: a suspension because of 审判监督 or bankruptcy removes a listing without a term. The coercion
 * phase the ruling stops cannot do it: a short run that only removes and publishes (C5, C6) is recorded, then started.
 */
function removalRun(s: EnforcementCase, rules: Deps['rules']): number | undefined {
  const listing = s.coercion?.listing;
  const grounds: readonly string[] = rules.C6.removalOnSuspension;
  if (!listing || listing.removedAt || listing.years !== undefined) return undefined;
  if (s.suspension?.kind !== 'suspension' || !grounds.includes(s.suspension.ground)) return undefined;
  return (s.phaseRuns.coercion ?? 0) + 1;
}

/**
 * The bureau chief rules (never the proposer): in force from today, the phases stopped; or refused. Served by settle:
 * a ruling on a ground of 第十条第一款第五项 starts the run that removes the listing.
 */
export function ruleSuspension(
  deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'engine'> & Partial<Pick<Deps, 'requests' | 'partners'>>,
) {
  return async (
    identity: Identity | undefined,
    command: { readonly caseId: string; readonly decision: 'approved' | 'rejected'; readonly reason?: string },
  ) => {
    const { state: before, identity: who } = await caseFor(deps, identity, command.caseId, 'rule-disputes');
    if (before.suspension?.status !== 'proposed') throw conflict('没有待审批的中止（暂缓）执行');
    notTheProposer(who, before.suspension.proposedBy);
    if (command.decision === 'rejected' && !command.reason) throw invalid('reason：不予批准须说明理由');
    if (Object.values(before.approvals).some((a) => a.status === 'pending'))
      throw conflict('本案有待审批事项，须先作出决定再中止（暂缓）执行');
    const { state, result: lifting } = await mutateCase<number | undefined>(
      deps,
      command.caseId,
      { kind: 'staff', id: who.userId, role: 'bureau-chief' },
      { action: 'rule-suspension' },
      (s, now) => {
        if (s.suspension?.status !== 'proposed') return { events: [], result: undefined };
        const on = chinaDateOf(now);
        if (command.decision === 'rejected') {
          const reason = command.reason ?? '';
          return {
            events: [{ type: 'suspension-ruled', decision: 'rejected', by: who.userId, on, reason }],
            result: undefined,
          };
        }
        const events: CaseEvent[] = [
          {
            type: 'suspension-ruled',
            decision: 'approved',
            by: who.userId,
            on,
            interrupted: runningPhases(s),
            stopped: stoppedPhases(s),
          },
        ];
        for (const node of deferralNodes(s.suspension, on, deps.rules)) events.push({ type: 'node-set', node });
        const run = removalRun(s, deps.rules);
        if (run !== undefined) events.push({ type: 'lifting-run-started', run });
        return { events, result: run };
      },
    );
    if (lifting !== undefined)
      await deps.engine.startExecution('coercion', executionName(state.caseId, 'coercion', lifting), {
        v: 1,
        caseId: state.caseId,
      });
    // A round on the auction platform is withdrawn (撤回拍卖) while enforcement is stopped.
    if (deps.requests && deps.partners)
      await withdrawStoppedAuctions({ ...deps, requests: deps.requests, partners: deps.partners })(state.caseId);
    return { caseId: state.caseId, suspension: state.suspension };
  };
}

/**
 * Starts again every phase the suspension stopped (a disposal and the measures beside it, or the coercion alone),
 * each as a new run (the stopped one ended), under deterministic names: a repeated lifting starts nothing twice.
 */
async function resumePhases(deps: Pick<Deps, 'engine'>, state: EnforcementCase): Promise<string[]> {
  const executions: string[] = [];
  for (const phase of phasesToResume(state)) {
    const execution = executionName(state.caseId, phase, (state.phaseRuns[phase] ?? 0) + 1);
    await deps.engine.startExecution(phase, execution, { v: 1, caseId: state.caseId });
    executions.push(execution);
  }
  return executions;
}

/** The lifting's answer: the first execution started (as before) and all of them. */
function started(executions: readonly string[]) {
  return executions.length > 0 ? { execution: executions[0], executions } : {};
}

function liftEvents(
  s: EnforcementCase,
  now: string,
  by: string,
  reason: string,
  rules: Deps['rules'],
  nodes: readonly string[] = [DEFERRAL_NODE, GUARANTEE_NODE],
): CaseEvent[] {
  const on = chinaDateOf(now);
  const days = excludedDays(s.suspension?.from ?? on, on);
  const events: CaseEvent[] = [{ type: 'suspension-lifted', on, by, reason, excludedDays: days }];
  const term = extendedTerm(s, days, rules);
  if (term) events.push({ type: 'node-set', node: term });
  // The stopped work's own deadlines resume where they stood: moved on by the days stopped.
  for (const node of resumedNodes(s, days)) events.push({ type: 'node-set', node });
  const watch = resumedWatch(s, days, (round) => caseRequestId(s.caseId, 'performance-watch', round));
  if (watch) events.push(watch);
  // The deferral's end and the guarantee period are acted on now: enforcement resumes (on the guarantee, if called).
  for (const node of nodes) if (s.nodes[node]?.status === 'open') events.push({ type: 'node-met', node, at: now });
  return events;
}

/**
 * The deferral's term ended (DEFERRAL: 暂缓执行规定 第十三条): the node sweeper resumes enforcement at the first
 * instant after its last day, as a lifting does (the term moved on by the days stopped, the stopped phase started
 * again as a new run). The guarantee period stays open: the applicant may still have the guarantee called.
 */
export function resumeAtDeferralEnd(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'engine'>) {
  return async (caseId: string): Promise<string | undefined> => {
    const { state, result } = await mutateCase(
      deps,
      caseId,
      { kind: 'system', id: 'node-sweeper' },
      { action: 'deferral-ended' },
      (s, now) => {
        if (!deferralEnded(s, now, deps.rules)) return { events: [], result: false };
        const reason = `暂缓执行期限（至${s.suspension?.until ?? ''}）届满，依法立即恢复执行`;
        return { events: liftEvents(s, now, DEFERRAL_END, reason, deps.rules, [DEFERRAL_NODE]), result: true };
      },
    );
    return result ? (await resumePhases(deps, state))[0] : undefined;
  };
}

/**
 * Enforcement resumes: the suspension's ground is gone (or the deferral ended with the debt performed or the
 * applicant asking to go on). `callGuarantee` instead when a deferral ends unperformed.
 */
export function liftSuspension(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'engine'>) {
  return async (identity: Identity | undefined, command: { readonly caseId: string; readonly reason: string }) => {
    const { state: before, identity: who } = await caseFor(deps, identity, command.caseId, 'close-cases');
    if (before.suspension?.status !== 'in-force') throw conflict('案件未中止（暂缓）执行');
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: who.userId },
      { action: 'lift-suspension' },
      (s, now) => ({
        events: s.suspension?.status === 'in-force' ? liftEvents(s, now, who.userId, command.reason, deps.rules) : [],
        result: undefined,
      }),
    );
    const executions = await resumePhases(deps, state);
    return { caseId: state.caseId, suspension: state.suspension, ...started(executions) };
  };
}

/**
 * The deferral ended and the respondent still has not performed: on the applicant's application, enforcement
 * resumes against the guaranteed property or the guarantor (执行担保规定 第十一条), only within the guarantee period
 * (第十三条). The guarantor's payment then comes into the case account like any other.
 */
export function callGuarantee(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'engine'>) {
  return async (identity: Identity | undefined, command: { readonly caseId: string }) => {
    const { state: before, identity: who } = await caseFor(deps, identity, command.caseId, 'close-cases');
    const now = deps.clock.now();
    const today = chinaDateOf(now);
    const rule = deps.rules.DEFERRAL.id;
    const s = before.suspension;
    if (s?.kind !== 'deferral' || (s.status !== 'in-force' && s.status !== 'resumed'))
      refuse('不能执行担保', [{ rule, message: '案件没有暂缓执行，或担保已执行' }]);
    if (s?.until && today <= s.until) refuse('不能执行担保', [{ rule, message: `暂缓执行期限至${s.until}，尚未届满` }]);
    if (!guaranteeEnforceable(s, today))
      refuse('不能执行担保', [
        { rule: deps.rules.GUARANTEE.id, message: '担保期间已届满，不得执行担保财产或保证人的财产' },
      ]);
    if (outstandingFen(before, today) === 0) refuse('不能执行担保', [{ rule, message: '被执行人已履行完毕' }]);
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: who.userId },
      { action: 'call-guarantee' },
      (c, at) => {
        if (!guaranteeCallable(c.suspension, chinaDateOf(at))) return { events: [], result: undefined };
        // Resumed already at the term's end (the node sweeper): only the guarantee is called now.
        const events: CaseEvent[] =
          c.suspension?.status === 'in-force'
            ? liftEvents(c, at, who.userId, '暂缓执行期限届满，被执行人仍不履行', deps.rules)
            : c.nodes[GUARANTEE_NODE]?.status === 'open'
              ? [{ type: 'node-met', node: GUARANTEE_NODE, at }]
              : [];
        events.push({
          type: 'guarantee-called',
          on: today,
          by: who.userId,
          against: c.suspension?.guarantee?.guarantor ?? '',
        });
        return { events, result: undefined };
      },
    );
    const executions = before.suspension?.status === 'in-force' ? await resumePhases(deps, state) : [];
    return { caseId: state.caseId, suspension: state.suspension, ...started(executions) };
  };
}
