/** Triage, assignment and service of the enforcement notice with the asset-report order (A3, A5, A10, A1). */

import { ServiceResult } from '#contracts/partner-answers.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase, ServiceMethod } from '#domain/case/model.ts';
import { meetNode, timeNode } from '#domain/case/nodes.ts';
import { type DocumentReference, receiptProblem, serviceDocuments } from '#domain/documents/service-documents.ts';
import { derivedId, executionName, parseExecutionName } from '#domain/ids.ts';
import { joinedOwed, withoutNotice } from '#domain/parties/joined.ts';
import { serviceItems } from '#domain/partners/requests.ts';
import { assign, classify } from '#domain/triage/triage.ts';
import { type Deps, loadCase, mutateCase, SYSTEM } from './context.ts';
import { issuePhaseDocuments } from './documents.ts';
import { ensureRequest, settleRequest, type WaitTerms } from './requests.ts';

export interface StepInput {
  readonly caseId: string;
  readonly execution: string;
  /** The version of the definition calling the step (absent before 2026.12.1). */
  readonly definition?: string;
}

export function triageCase(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'staff' | 'queries'>) {
  return async (input: StepInput) => {
    const current = await loadCase(deps.cases, input.caseId);
    const [teams, members] = await Promise.all([
      deps.staff.teams(current.court.code),
      deps.staff.members(current.court.code),
    ]);
    const officers = members.filter((m) => m.roles.includes('handling-officer')).map((m) => m.userId);
    const load = await deps.queries.openCaseCounts(officers);
    const { run } = parseExecutionName(input.execution);
    const { result } = await mutateCase(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: 'triage' },
      (state, now) => {
        if (state.track && state.team && state.officer) {
          // A later run (a respondent who joined by a ruling): triaged already, only the run is recorded.
          const later = (state.phaseRuns.service ?? 0) < run;
          return {
            events: later ? [{ type: 'phase-started', phase: 'service', run, execution: input.execution }] : [],
            result: { track: state.track, team: state.team, officer: state.officer },
          };
        }
        const { track, reasons } = classify(state, deps.rules);
        const { team, officer, note } = assign(track, state.court.code, teams, members, load);
        const term = state.kind === 'non-litigation' ? deps.rules.A1.nonLitigationTerm : deps.rules.A1.term;
        const assigned = timeNode(
          'officer-assigned',
          deps.rules.A3.id,
          deps.rules.A3.period,
          state.filedAt,
          deps.calendar,
        );
        const events: CaseEvent[] = [
          { type: 'phase-started', phase: 'service', run, execution: input.execution },
          { type: 'case-triaged', track, team, officer, reasons: note ? [...reasons, note] : reasons },
          { type: 'node-set', node: assigned },
          { type: 'node-met', node: 'officer-assigned', at: now },
          {
            type: 'node-set',
            node: timeNode('notice-sent', deps.rules.A5.id, deps.rules.A5.period, state.filedAt, deps.calendar),
          },
          {
            type: 'node-set',
            node: timeNode('inquiry-started', deps.rules.A10.id, deps.rules.A10.period, state.filedAt, deps.calendar),
          },
          {
            type: 'node-set',
            node: timeNode('enforcement-term', deps.rules.A1.id, term, state.filedAt, deps.calendar),
          },
          { type: 'status-changed', from: state.status, to: 'triaged', reason: '繁简分流并确定承办人' },
        ];
        return { events, result: { track, team, officer } };
      },
    );
    return result;
  };
}

function serviceMethod(state: EnforcementCase, round: number): ServiceMethod {
  const unserved = state.respondents.filter((r) => state.service.served[r.partyId] === undefined);
  return round === 1 && unserved.every((r) => r.contact.eServiceConsent) ? 'electronic' : 'postal';
}

export interface ServiceTerms extends WaitTerms {
  readonly round: number;
  readonly method: ServiceMethod;
}

async function prepareService(
  deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'requests'>,
  state: EnforcementCase,
  execution: string,
  round: number,
  documents: readonly DocumentReference[],
): Promise<ServiceTerms> {
  const method = serviceMethod(state, round);
  const period = method === 'electronic' ? deps.rules.P_PARTNER_WAITS.eService : deps.rules.P_PARTNER_WAITS.postal;
  const terms = await ensureRequest(deps, state, execution, {
    kind: 'service',
    round,
    items: serviceItems(state, documents),
    period,
    method,
  });
  await mutateCase(deps, state.caseId, SYSTEM, { execution, step: 'serve' }, (s) => ({
    events: s.service.requests.includes(terms.requestId)
      ? []
      : [
          {
            type: 'service-attempted',
            method,
            requestId: terms.requestId,
            respondents: terms.request.items.map((i) => i.itemId),
          },
        ],
    result: undefined,
  }));
  return { requestId: terms.requestId, timeoutSeconds: terms.timeoutSeconds, round, method };
}

/**
 * A5: the enforcement notice and the asset-report order, issued together (numbered, signed, archived, hashed on the
 * journal); then service, electronic first, the request referencing both PDFs by key and SHA-256.
 */
export function issueDocuments(
  deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'requests' | 'staff' | 'issuing'>,
) {
  return async (input: StepInput): Promise<{ service: ServiceTerms; investigation: string }> => {
    const { state } = await mutateCase(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: 'issue-documents' },
      (s, now) => {
        if (s.documents.length > 0) return { events: joinedNotices(s), result: undefined };
        const events: CaseEvent[] = [
          {
            type: 'documents-issued',
            documents: [
              { docId: derivedId('d', s.caseId, 'enforcement-notice'), kind: 'enforcement-notice' },
              { docId: derivedId('d', s.caseId, 'asset-report-order'), kind: 'asset-report-order' },
            ],
          },
          ...meetNode(s, 'notice-sent', now),
        ];
        return { events, result: undefined };
      },
    );
    await issuePhaseDocuments(deps, input.caseId);
    const documents = serviceDocuments(state.caseId, deps.issuing ? await deps.issuing.archive.list(state.caseId) : []);
    const service = await prepareService(deps, state, input.execution, 1, documents);
    // A respondent who joined and is not yet inquired about gets a run of its own; with nobody new, the name of the
    // run already started is handed back (the engine refuses to start it twice and the service goes on).
    const runs = state.phaseRuns.investigation ?? 0;
    const fresh = runs === 0 || joinedOwed(state).inquiry.length > 0;
    const investigation = executionName(state.caseId, 'investigation', fresh ? runs + 1 : runs);
    return { service, investigation };
  };
}

/**
 * The service phase's first Task (definitions from 2026.12.11): the case is triaged (`triageCase`: track, team,
 * officer, the A3 node) and its documents issued in one invocation, one billed transition where there were two.
 * Without `triage` (definitions before, which run the triage step first) it only issues.
 */
export function triagingFirst<I extends StepInput & { readonly triage?: boolean }, R>(
  deps: Parameters<typeof triageCase>[0],
  issue: (input: I) => Promise<R>,
) {
  const triage = triageCase(deps);
  return async (input: I): Promise<R> => {
    if (input.triage) await triage(input);
    return issue(input);
  };
}

/** The enforcement notice and the asset-report order for each respondent who joined by a ruling and has none. */
function joinedNotices(state: EnforcementCase): CaseEvent[] {
  const owed = withoutNotice(state);
  if (owed.length === 0) return [];
  const documents = owed.flatMap((r) =>
    (['enforcement-notice', 'asset-report-order'] as const).map((kind) => ({
      docId: derivedId('d', state.caseId, kind, r.partyId),
      kind,
      respondentId: r.partyId,
    })),
  );
  return [{ type: 'documents-issued', documents }];
}

/** Records delivery receipts; an unserved respondent is tried again by post, once. */
export function recordService(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'requests' | 'alerts'>) {
  return async (input: StepInput & { readonly requestId: string; readonly round: number }) => {
    const request = await settleRequest(deps, input.requestId);
    const method = (request.method ?? 'postal') as ServiceMethod;
    const { state } = await mutateCase(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: 'record-service' },
      (s) => {
        const recorded = new Set(
          s.service.attempts.filter((a) => a.requestId === request.requestId).map((a) => a.respondentId),
        );
        const events: CaseEvent[] = [];
        for (const item of request.items) {
          if (recorded.has(item.itemId) || s.service.served[item.itemId]) continue;
          const answer = request.answers.find((a) => a.itemId === item.itemId && !a.late);
          const parsed = ServiceResult.safeParse(answer?.result ?? {});
          const sent = item.documents ?? [];
          // A receipt is proof of serving the documents it names, with the hashes sent; any other is no proof.
          const problem =
            answer?.outcome === 'ok'
              ? receiptProblem(sent, parsed.success ? parsed.data.documents : undefined)
              : undefined;
          const detail = problem ?? (parsed.success ? (parsed.data.receipt ?? parsed.data.reason) : undefined);
          const delivered = answer?.outcome === 'ok' && problem === undefined;
          events.push({
            type: 'service-outcome',
            requestId: request.requestId,
            respondentId: item.itemId,
            method,
            outcome: !answer ? 'no-answer' : delivered ? 'delivered' : 'failed',
            ...(detail ? { detail } : {}),
            ...(delivered && sent.length > 0
              ? { documents: sent.map((d) => ({ number: d.number, sha256: d.sha256 })) }
              : {}),
          });
        }
        return { events, result: undefined };
      },
    );
    const unserved = state.respondents.filter((r) => state.service.served[r.partyId] === undefined);
    if (unserved.length === 0) {
      // Served: the asset-report order now runs (A9); the respondents report within the period it gives.
      const report = await ensureRequest(deps, state, input.execution, {
        kind: 'asset-report',
        round: 1,
        // Those who have not reported yet: a later run serves a respondent who joined by a ruling.
        items: state.respondents
          .filter((r) => state.assetReports[r.partyId] === undefined)
          .map((r) => ({ itemId: r.partyId, respondentId: r.partyId })),
        period: deps.rules.P_ASSET_REPORT.period,
      });
      return {
        next: 'served' as const,
        assetReport: { requestId: report.requestId, timeoutSeconds: report.timeoutSeconds },
      };
    }
    if (input.round === 1) {
      // By post, the same documents again.
      const service = await prepareService(deps, state, input.execution, 2, request.items[0]?.documents ?? []);
      return { next: 'retry' as const, service };
    }
    await deps.alerts.alert({
      kind: 'partner-overdue',
      caseId: state.caseId,
      court: state.court.code,
      at: deps.clock.now(),
      message: `${state.caseNumber}：${unserved.length}名被执行人未能送达，需承办人直接送达或公告送达`,
    });
    return { next: 'unserved' as const };
  };
}

/**
 * A9: who reported their assets as ordered, and who did not (a ground for a fine, and for listing, C6). A coercion
 * phase already watching for performance looks again at the end of the report period (coercion/plan.ts).
 */
export function recordAssetReport(deps: Pick<Deps, 'cases' | 'clock' | 'requests'>) {
  return async (input: StepInput & { readonly requestId: string }) => {
    const request = await settleRequest(deps, input.requestId);
    const { result } = await mutateCase(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: 'record-asset-report' },
      (s) => {
        const events: CaseEvent[] = request.items
          .filter((item) => s.assetReports[item.itemId] === undefined)
          .map((item) => ({
            type: 'asset-report',
            respondentId: item.itemId,
            outcome: request.answers.some((a) => a.itemId === item.itemId && !a.late && a.outcome === 'ok')
              ? 'reported'
              : 'refused',
          }));
        return { events, result: events };
      },
    );
    return { recorded: result.length };
  };
}
