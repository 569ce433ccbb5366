/**
 * A network inquiry answered after its wait (A10: the run recorded the channel as silent and moved on). What the
 * late answer found goes on the case now, marked as found late, and the command center hears of it; when the case
 * can leave its status for it (the statuses a joined respondent's inquiry starts from, JOINED_INQUIRY_FROM), the
 * next investigation run takes it up: the settled inquiry is recorded again (nothing new), then the control plan
 * freezes or seals what was found under the team lead's approval, as for property found on time.
 */
import { InquiryResult } from '#contracts/partner-answers.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Asset, EnforcementCase } from '#domain/case/model.ts';
import { derivedId, executionName } from '#domain/ids.ts';
import { fen } from '#domain/money.ts';
import { joinedOwed } from '#domain/parties/joined.ts';
import { channelName } from '#domain/partners/channels.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import { type Deps, mutateCase } from './context.ts';

/**
 * The inquiry answers of a request as events: on time (`late` false) every item, the silent ones named; late only
 * the items that answered late and were not recorded yet, the property they found marked `foundLate`.
 */
export function foundAssets(
  state: EnforcementCase,
  request: PartnerRequest,
  late = false,
): { events: CaseEvent[]; silent: string[] } {
  const events: CaseEvent[] = [];
  const silent: string[] = [];
  for (const item of request.items) {
    const answer = request.answers.find((a) => a.itemId === item.itemId && (a.late ?? false) === late);
    const channel = item.channel ?? item.itemId;
    if (late && (!answer || answer.outcome === 'failed' || state.inquiry?.answered.includes(item.itemId))) continue;
    if (!answer || answer.outcome === 'failed') {
      silent.push(item.itemId);
      continue;
    }
    const parsed = InquiryResult.parse(answer.result);
    // What the case already holds (seizures carried over from a preservation, B3-CARRY) is not found again.
    const held = new Set(Object.values(state.assets).map((a) => `${a.channel}|${a.reference}`));
    const fresh = parsed.assets.filter((found) => !held.has(`${channel}|${found.reference}`));
    const assets: Asset[] = fresh.map((found) => ({
      assetId: derivedId('s', state.caseId, item.itemId, found.reference),
      respondentId: item.respondentId ?? '',
      class: found.class,
      channel,
      institution: channelName(channel),
      reference: found.reference,
      ...(found.balanceFen !== undefined ? { balanceFen: fen(found.balanceFen) } : {}),
      ...(found.region ? { region: found.region } : {}),
      ...(found.locatedCourt ? { locatedCourt: found.locatedCourt } : {}),
      frozenFen: fen(0),
      deductedFen: fen(0),
      status: 'found',
      ...(late ? { foundLate: true } : {}),
    }));
    events.push({ type: 'inquiry-answered', channel: item.itemId, assets });
  }
  return { events, silent };
}

/** The case's latest network inquiry (the request a control-only run records again). */
export function lastInquiry(state: EnforcementCase): string | undefined {
  return Object.keys(state.inquiry?.requests ?? {}).at(-1);
}

/** A run that controls what a late answer found: the case goes back to `investigating` for it. */
export function lateControl(
  s: EnforcementCase,
  execution: string,
  run: number,
  control: readonly Asset[],
  reuse: string,
): { events: CaseEvent[]; result: { covered: undefined; waits: false; reuse: string } } {
  const names = [...new Set(control.map((a) => s.respondents.find((r) => r.partyId === a.respondentId)?.name))]
    .filter((n) => n !== undefined)
    .join('、');
  return {
    events: [
      { type: 'phase-started', phase: 'investigation', run, execution },
      {
        type: 'status-changed',
        from: s.status,
        to: 'investigating',
        reason: `网络查控逾期答复发现${names}名下财产${control.length}项，对其采取控制措施`,
      },
    ],
    result: { covered: undefined, waits: false, reuse },
  };
}

/** Records a late inquiry answer; tells the command center; starts the run that controls what it found. */
export function recordLateInquiry(deps: Pick<Deps, 'cases' | 'clock' | 'alerts' | 'engine'>) {
  return async (request: PartnerRequest): Promise<void> => {
    const { state, result: found } = await mutateCase(
      deps,
      request.caseId,
      { kind: 'partner', id: request.kind },
      { request: request.requestId, late: 'true' },
      (s) => {
        const { events } = foundAssets(s, request, true);
        const count = events.reduce((t, e) => t + (e.type === 'inquiry-answered' ? e.assets.length : 0), 0);
        return { events, result: count };
      },
    );
    if (found === 0) return;
    await deps.alerts.alert({
      kind: 'partner-overdue',
      caseId: state.caseId,
      court: state.court.code,
      at: deps.clock.now(),
      message: `${state.caseNumber}：网络查控逾期答复，发现财产${found}项，已记录（请求 ${request.requestId}）`,
    });
    if (!joinedOwed(state).controlNow) return;
    const run = (state.phaseRuns.investigation ?? 0) + 1;
    await deps.engine.startExecution('investigation', executionName(state.caseId, 'investigation', run), {
      v: 1,
      caseId: state.caseId,
    });
  };
}
