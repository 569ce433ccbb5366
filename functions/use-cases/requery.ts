/**
 * G3: after 终本, the network inquiry every 6 months for 5 years (the investigation's inquiry, to every channel).
 * One query per execution: open, wait for the day, query, record, hand over to the next. Disposable assets found
 * mean resumption: the platform asks the court's filing system, which files the resumed case through intake.
 */
import { InquiryResult } from '#contracts/partner-answers.ts';
import { chinaDateOf } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Asset, EnforcementCase } from '#domain/case/model.ts';
import { disposable, planRequery } from '#domain/closure/requery.ts';
import { outstandingFen } from '#domain/control/plan.ts';
import { derivedId, executionName, parseExecutionName } from '#domain/ids.ts';
import { formatYuan } from '#domain/money.ts';
import { channelName } from '#domain/partners/channels.ts';
import { inquiryItems } from '#domain/partners/requests.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import { type Deps, mutateCase, SYSTEM } from './context.ts';
import { ASSET_CLASS_NAMES } from './labels.ts';
import { liftingRun } from './performance.ts';
import { ensureRequest, settleRequest } from './requests.ts';
import type { StepInput } from './service.ts';

type RequeryDeps = Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'requests' | 'alerts' | 'filing'>;

export interface RequeryTerms {
  readonly next: 'query' | 'wait' | 'chain' | 'done';
  readonly requestId: string;
  readonly timeoutSeconds: number;
  readonly until: string;
  /** A listing to remove now that the re-queries found nothing (C6, 第十条第一款第四项): the lifting run. */
  readonly lift?: string;
  /** Which of G3's queries (1 to 10) this execution makes. */
  readonly query: number;
  readonly round: number;
  readonly chain: string;
}

type Found = Extract<CaseEvent, { type: 'requery-recorded' }>['found'][number];

function foundIn(request: PartnerRequest): { found: Found[]; silent: string[] } {
  const found: Found[] = [];
  const silent: string[] = [];
  for (const item of request.items) {
    const answer = request.answers.find((a) => a.itemId === item.itemId && !a.late);
    if (!answer || answer.outcome === 'failed') {
      silent.push(item.itemId);
      continue;
    }
    const parsed = InquiryResult.safeParse(answer.result);
    if (!parsed.success) continue;
    const channel = item.channel ?? item.itemId;
    for (const asset of parsed.data.assets) {
      found.push({
        class: asset.class,
        channel,
        institution: channelName(channel),
        reference: asset.reference,
        ...(asset.balanceFen !== undefined ? { balanceFen: asset.balanceFen as Asset['frozenFen'] } : {}),
      });
    }
  }
  return { found, silent };
}

function describe(found: readonly Found[]): string {
  return found
    .map(
      (a) =>
        `${ASSET_CLASS_NAMES[a.class]}（${a.institution}）${a.balanceFen !== undefined ? formatYuan(a.balanceFen) : ''}`,
    )
    .join('、');
}

async function plan(deps: RequeryDeps, input: StepInput, round: number, queried: boolean): Promise<RequeryTerms> {
  const { run } = parseExecutionName(input.execution);
  const chain = executionName(input.caseId, 'requery', run + 1);
  const now = deps.clock.now();
  const { state, result } = await mutateCase(
    deps,
    input.caseId,
    SYSTEM,
    { execution: input.execution, step: 'plan-requery' },
    (s, at) => {
      const next = planRequery(s, deps.rules, at);
      const events: CaseEvent[] = [];
      if (next.kind === 'done') {
        if (!s.requery?.ended && !s.resumedAs && !s.requery?.resumptionRequestedAt)
          events.push({ type: 'requery-ended', reason: next.reason });
        if (s.watches?.requery?.active) events.push({ type: 'watch-ended', watch: 'requery', reason: next.reason });
      }
      return { events, result: next };
    },
  );
  const base = { requestId: '', timeoutSeconds: 1, until: now, round: round + 1, chain, query: 0 };
  if (result.kind === 'done') return { ...base, next: 'done' };
  // One query per execution: after it, the next execution waits for the next one. A query that found nothing may
  // make the listing's removal due (C6, 第十条第一款第四项): a coercion run removes it.
  if (queried) return { ...base, next: 'chain', ...liftingRun(state, deps.rules, chinaDateOf(now)) };
  if (result.kind === 'wait') return { ...base, next: 'wait', until: result.until, query: result.round };
  const terms = await ensureRequest(deps, state, input.execution, {
    kind: 'inquiry',
    tag: 'requery',
    scope: state.caseId,
    round: result.round,
    items: inquiryItems(state),
    period: deps.rules.P_PARTNER_WAITS.inquiry,
  });
  return {
    ...base,
    next: 'query',
    requestId: terms.requestId,
    timeoutSeconds: terms.timeoutSeconds,
    query: result.round,
  };
}

export function openRequery(deps: RequeryDeps) {
  return async (input: StepInput): Promise<RequeryTerms> => {
    const { run } = parseExecutionName(input.execution);
    await mutateCase(deps, input.caseId, SYSTEM, { execution: input.execution, step: 'open-requery' }, (s) => ({
      events:
        (s.watches?.requery?.run ?? 0) >= run
          ? []
          : [{ type: 'watch-started', watch: 'requery', run, execution: input.execution }],
      result: undefined,
    }));
    return plan(deps, input, 0, false);
  };
}

async function requestResumption(deps: RequeryDeps, state: EnforcementCase, round: number, found: readonly Found[]) {
  const reason = `终本后第${round}次查询发现：${describe(found)}`;
  await deps.filing.requestResumption({
    requestId: derivedId('f', state.caseId, 'resumption', String(round)),
    caseId: state.caseId,
    court: state.court.code,
    caseNumber: state.caseNumber,
    outstandingFen: outstandingFen(state),
    requestedAt: deps.clock.now(),
    reason,
  });
  await deps.alerts.alert({
    kind: 'partner-overdue',
    caseId: state.caseId,
    court: state.court.code,
    at: deps.clock.now(),
    message: `${state.caseNumber}：${reason}，已向立案系统申请恢复执行`,
  });
}

/** After the wait, plan the query; after the query, record what it found and ask for resumption if it is worth it. */
export function advanceRequery(deps: RequeryDeps) {
  return async (
    input: StepInput & { readonly requestId: string; readonly round: number; readonly query?: number },
  ): Promise<RequeryTerms> => {
    if (!input.requestId) return plan(deps, input, input.round, false);
    const request = await settleRequest(deps, input.requestId);
    const { state, result } = await mutateCase(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: 'record-requery', request: request.requestId },
      (s) => {
        const round = (s.requery?.rounds ?? 0) + 1;
        const { found, silent } = foundIn(request);
        const already = s.requery?.lastAt !== undefined && input.query !== undefined && s.requery.rounds >= input.query;
        if (already) {
          // Asked again (a retried step): the filing system takes a request once, by its id.
          const again = s.requery?.resumptionRequestedAt && !s.resumedAs ? found.filter(disposable) : [];
          return { events: [], result: { round: s.requery?.rounds ?? 0, resume: again } };
        }
        const events: CaseEvent[] = [{ type: 'requery-recorded', round, found, silent }];
        const worth = found.filter(disposable);
        if (worth.length > 0) events.push({ type: 'resumption-requested', round, reason: describe(worth) });
        return { events, result: { round, resume: worth } };
      },
    );
    if (result.resume.length > 0) await requestResumption(deps, state, result.round, result.resume);
    return plan(deps, input, input.round, true);
  };
}
