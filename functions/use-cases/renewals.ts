/**
 * Seizure renewals (B1, B2): the watch that keeps every held seizure alive. Each execution opens (or continues) the
 * watch, then loops: plan (domain), wait for the next date that matters, send the renewals due through the
 * partner network (banks, registries, the entrusted court for what lies elsewhere), record the answers, and after
 * P-RENEWAL's watch span hands over to the next execution. Failures alert the command center; a renewal not done
 * in time is escalated before the seizure could lapse.
 */
import { RESULT_SCHEMAS } from '#contracts/partner-answers.ts';
import { chinaDateOf, type Instant } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { executionName, parseExecutionName } from '#domain/ids.ts';
import type { RequestItem } from '#domain/partners/requests.ts';
import type { Rules } from '#domain/rules/table.ts';
import { heldAssets, planRenewals, renewedExpiry, renewingCourt } from '#domain/seizures/renewal.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import { type Deps, mutateCase, SYSTEM } from './context.ts';
import { ensureRequest, settleRequest } from './requests.ts';
import type { StepInput } from './service.ts';

type RenewalDeps = Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'requests' | 'alerts'>;

/** The watch to start when the case holds something and no watch is running: `{ renewal: <execution> }`. */
export function renewalWatch(state: EnforcementCase): { renewal?: string } {
  if (heldAssets(state).length === 0 || state.watches?.renewal?.active) return {};
  return { renewal: executionName(state.caseId, 'renewal', (state.watches?.renewal?.run ?? 0) + 1) };
}

export interface RenewalTerms {
  readonly next: 'renew' | 'wait' | 'chain' | 'done';
  readonly requestId: string;
  readonly timeoutSeconds: number;
  /** For the Wait state: when to wake (an instant); the start of the watch otherwise. */
  readonly until: Instant;
  readonly round: number;
  /** The next execution of the watch, for the hand-over. */
  readonly chain: string;
}

function answerOf(request: PartnerRequest, itemId: string, late: boolean) {
  return request.answers.find((a) => a.itemId === itemId && (a.late ?? false) === late);
}

/**
 * What a renewal request's answers mean for the case: each item once (the asset remembers the request whose
 * answer it recorded). Late answers count only when they report a renewal done: the bank did it anyway.
 */
function renewalAnswerEvents(
  state: EnforcementCase,
  request: PartnerRequest,
  rules: Rules,
  late: boolean,
): { events: CaseEvent[]; failures: string[] } {
  const events: CaseEvent[] = [];
  const failures: string[] = [];
  for (const item of request.items) {
    const asset = state.assets[item.assetId ?? item.itemId];
    if (!asset || asset.lastRenewalRequest === request.requestId) continue;
    if (asset.status !== 'frozen' && asset.status !== 'sealed') continue;
    const from = asset.freezeExpiresOn;
    if (!from) continue;
    const answer = answerOf(request, item.itemId, late);
    if (answer?.outcome === 'ok') {
      const parsed = RESULT_SCHEMAS.renew.safeParse(answer.result);
      const expiresOn = renewedExpiry(asset, from, rules);
      // The bank's own date, when it gives one and it is not later than the law allows.
      const until =
        parsed.success && parsed.data.renewedUntil && parsed.data.renewedUntil <= expiresOn
          ? (parsed.data.renewedUntil as typeof expiresOn)
          : expiresOn;
      events.push({
        type: 'seizure-renewed',
        assetId: asset.assetId,
        requestId: request.requestId,
        from,
        expiresOn: until,
      });
      const node = state.nodes[`renewal:${asset.assetId}`];
      if (node && node.status !== 'met') events.push({ type: 'node-met', node: node.node, at: answer.at });
      continue;
    }
    if (late) continue;
    const reason = !answer
      ? '协助执行单位未在期限内答复'
      : (((answer.result as { reason?: unknown } | undefined)?.reason as string | undefined) ?? '续行未成功');
    const attempt = asset.renewal?.attempts ?? 1;
    events.push({
      type: 'renewal-failed',
      assetId: asset.assetId,
      requestId: request.requestId,
      attempt,
      reason,
      final: attempt >= rules.P_RENEWAL.attempts,
    });
    failures.push(`${asset.institution}${asset.reference}续行未成功（第${attempt}次：${reason}）`);
  }
  return { events, failures };
}

async function plan(deps: RenewalDeps, input: StepInput, round: number): Promise<RenewalTerms> {
  const cause = { execution: input.execution, step: 'plan-renewal' };
  const { run } = parseExecutionName(input.execution);
  const chain = executionName(input.caseId, 'renewal', run + 1);
  const { state, result } = await mutateCase(deps, input.caseId, SYSTEM, cause, (s, now) => {
    const planned = planRenewals(s, deps.rules, now, s.watches?.renewal?.startedAt ?? now);
    const events: CaseEvent[] = [...planned.events];
    if (planned.next.kind === 'done' && s.watches?.renewal?.active)
      events.push({ type: 'watch-ended', watch: 'renewal', reason: planned.next.reason });
    return { events, result: planned };
  });
  for (const alert of result.alerts) {
    await deps.alerts.alert({
      kind: alert.kind,
      caseId: state.caseId,
      court: state.court.code,
      at: deps.clock.now(),
      message: `${state.caseNumber}：${alert.message}`,
    });
  }
  const now = deps.clock.now();
  const next = result.next;
  const base = { requestId: '', timeoutSeconds: 1, until: now, round: round + 1, chain };
  if (next.kind === 'wait') return { ...base, next: 'wait', until: next.until };
  if (next.kind === 'chain' || next.kind === 'done') return { ...base, next: next.kind };
  const assets = next.assetIds.map((id) => state.assets[id]).filter((a) => a !== undefined);
  const items: RequestItem[] = assets.map((a) => {
    const court = renewingCourt(state, a);
    return {
      itemId: a.assetId,
      assetId: a.assetId,
      respondentId: a.respondentId,
      channel: a.channel,
      reference: a.reference,
      ...(court ? { toCourt: court.code } : {}),
    };
  });
  const entrusted = items.some((i) => i.toCourt !== undefined);
  const terms = await ensureRequest(deps, state, input.execution, {
    kind: 'renew',
    round: round + 1,
    items,
    period: entrusted ? deps.rules.H1.period : deps.rules.P_PARTNER_WAITS.bankOrder,
  });
  await mutateCase(deps, input.caseId, SYSTEM, { ...cause, step: 'renewal-sent' }, (s) => ({
    events: assets.some((a) => s.assets[a.assetId]?.renewal?.lastRequest !== terms.requestId)
      ? [{ type: 'renewal-sent', requestId: terms.requestId, assetIds: assets.map((a) => a.assetId) }]
      : [],
    result: undefined,
  }));
  return { ...base, next: 'renew', requestId: terms.requestId, timeoutSeconds: terms.timeoutSeconds };
}

/** Opens one execution of the watch: the first, or the next of the chain. */
export function openRenewal(deps: RenewalDeps) {
  return async (input: StepInput): Promise<RenewalTerms> => {
    const { run } = parseExecutionName(input.execution);
    await mutateCase(deps, input.caseId, SYSTEM, { execution: input.execution, step: 'open-renewal' }, (s) => ({
      events:
        (s.watches?.renewal?.run ?? 0) >= run
          ? []
          : [{ type: 'watch-started', watch: 'renewal', run, execution: input.execution }],
      result: undefined,
    }));
    return plan(deps, input, 0);
  };
}

/** After a wait, or after a renewal request: record what came back, then plan again. */
export function advanceRenewal(deps: RenewalDeps) {
  return async (input: StepInput & { readonly requestId: string; readonly round: number }): Promise<RenewalTerms> => {
    if (input.requestId) {
      const request = await settleRequest(deps, input.requestId);
      const { state, result: failures } = await mutateCase(
        deps,
        input.caseId,
        SYSTEM,
        { execution: input.execution, step: 'record-renewal', request: request.requestId },
        (s) => {
          const { events, failures } = renewalAnswerEvents(s, request, deps.rules, false);
          return { events, result: events.length > 0 ? failures : [] };
        },
      );
      for (const message of failures) {
        await deps.alerts.alert({
          kind: 'partner-overdue',
          caseId: state.caseId,
          court: state.court.code,
          at: deps.clock.now(),
          message: `${state.caseNumber}：${message}`,
        });
      }
    }
    return plan(deps, input, input.round);
  };
}

/** A renewal answered after its wait: if it says the renewal was done, the case learns it now. */
export function recordLateRenewal(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'alerts'>) {
  return async (request: PartnerRequest): Promise<void> => {
    const { state, result: renewed } = await mutateCase(
      deps,
      request.caseId,
      { kind: 'partner', id: request.kind },
      { request: request.requestId, late: 'true' },
      (s) => {
        const { events } = renewalAnswerEvents(s, request, deps.rules, true);
        return { events, result: events.length > 0 };
      },
    );
    if (!renewed) return;
    await deps.alerts.alert({
      kind: 'partner-overdue',
      caseId: state.caseId,
      court: state.court.code,
      at: deps.clock.now(),
      message: `${state.caseNumber}：续行查封、冻结逾期答复已办结，已记录（${chinaDateOf(deps.clock.now())}）`,
    });
  };
}
