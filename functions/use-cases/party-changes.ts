/**
 * 追加、变更被执行人 (V1, V2) as staff handle it: an officer registers the applicant's written application (the proposed
 * respondent keyed as at intake); a judge rules within V1's 60 days (a time node the sweeper watches); the ruling
 * is served and may be challenged within its time (reconsideration 10 days, or a lawsuit 15 days on the capital
 * grounds); once final, a granted application puts the new respondent on the case. Court scoped; the refusals are
 * the role table's (authority.ts); the judge who rules is not the officer who registered.
 */

import { issueLines } from '#contracts/issues.ts';
import { MAX_JSON_DEPTH, valueTooDeep } from '#contracts/limits.ts';
import { PartyChangeEvent } from '#contracts/party-change-event.ts';
import { type Action, actionRefusal, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import { chinaDateOf, compareDates, type LocalDate, localDate } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase, Party } from '#domain/case/model.ts';
import { caseIdFor, derivedId, executionName, normaliseCaseNumber, partyIdFor } from '#domain/ids.ts';
import { fen } from '#domain/money.ts';
import {
  applicationRefusal,
  type ChangeRefusal,
  challengeOpen,
  challengeWindow,
  examinationNode,
  groundOf,
} from '#domain/parties/change.ts';
import { joinedOwed } from '#domain/parties/joined.ts';
import { capProblem } from '#domain/parties/liability.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { type Deps, mutateCase } from './context.ts';
import { conflict, forbidden, invalid, notFound, unauthenticated } from './errors.ts';

type ChangeDeps = Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar'>;

/**
 * What a joined respondent is owed next, started as the same phases' next runs: the service run (notice, asset-report
 * order, service; it starts the investigation run for the inquiry and control), or, when only the inquiry waited,
 * the investigation run. Nothing on a closed case or before the first runs (they cover every respondent).
 */
async function startJoinedRuns(deps: Pick<Deps, 'engine'>, state: EnforcementCase): Promise<string | undefined> {
  if (state.status === 'closed' || state.status === 'filed' || state.status === 'triaged') return undefined;
  const owed = joinedOwed(state);
  const phase = owed.notice.length > 0 ? 'service' : owed.inquiryNow || owed.controlNow ? 'investigation' : undefined;
  if (!phase) return undefined;
  const execution = executionName(state.caseId, phase, (state.phaseRuns[phase] ?? 0) + 1);
  await deps.engine.startExecution(phase, execution, { v: 1, caseId: state.caseId });
  return execution;
}

const REFUSALS: Readonly<Record<ChangeRefusal, string>> = {
  'unknown-ground': 'ground：未知的变更、追加事由',
  'not-a-respondent': 'replaces：本案没有该被执行人',
  'already-a-party': 'party：该主体已是本案当事人',
  pending: '该主体已有尚未审结的变更、追加申请',
  closed: '案件已结案',
  'no-application': '没有该变更、追加申请',
  'not-pending': '该申请已裁定',
  'not-ruled': '该申请尚未裁定',
  'window-closed': '已超过申请复议或提起诉讼的期间',
  'window-open': '申请复议或提起诉讼的期间尚未届满，裁定尚未生效',
  'challenge-outcome-missing': 'outcome：已申请复议或提起诉讼，须写明复议或诉讼的结果',
  settled: '该申请已终结',
};

function refuse(refusal: ChangeRefusal): never {
  if (refusal === 'no-application') throw notFound(REFUSALS[refusal]);
  if (refusal === 'unknown-ground' || refusal === 'not-a-respondent' || refusal === 'already-a-party')
    throw invalid(REFUSALS[refusal]);
  throw conflict(REFUSALS[refusal]);
}

async function courtCase(deps: Pick<Deps, 'cases'>, caller: Identity | undefined, caseId: string, action: Action) {
  if (!caller) throw unauthenticated('未登录或身份无法核验');
  const state = await deps.cases.load(caseId);
  if (!state || state.court.code !== caller.court) throw notFound('没有该案件');
  const refusal = actionRefusal(caller, action, state.court.code);
  if (refusal) throw forbidden(`${caller.userId}：${REFUSAL_LABELS[refusal]}（变更、追加被执行人）`);
  return caller;
}

function view(state: EnforcementCase, applicationId: string, started?: string) {
  const c = state.partyChanges?.[applicationId];
  if (!c) throw notFound(REFUSALS['no-application']);
  const examination = state.nodes[`party-change:${applicationId}`];
  return {
    caseId: state.caseId,
    applicationId,
    status: c.status,
    partyId: c.partyId,
    ...(examination ? { ruleBy: examination.dueDate } : {}),
    ...(c.ruling ? { challengeBy: c.ruling.challengeBy, challengeRoute: c.ruling.challengeRoute } : {}),
    ...(c.final ? { final: c.final } : {}),
    respondents: state.respondents.map((r) => r.partyId),
    ...(started ? { started } : {}),
  };
}

function notAfterToday(date: string, today: LocalDate, field: string): LocalDate {
  const day = localDate(date);
  if (compareDates(day, today) > 0) throw invalid(`${field}：日期不能晚于今天`);
  return day;
}

export type PartyChangeOutcome =
  | { readonly outcome: 'recorded' | 'duplicate'; readonly caseId: string; readonly applicationId: string }
  | { readonly outcome: 'rejected'; readonly eventId: string; readonly reasons: readonly string[] };

export const PARTY_CHANGE_ACTOR = { kind: 'system', id: 'court.filing/PartyChangeApplied' } as const;

function envelopeId(raw: unknown): string {
  const id = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? id.slice(0, 128) : '(missing)';
}

/**
 * The filing system files the applicant's written application (an 执异 case) on the intake bus: recorded on the
 * enforcement case with the proposed respondent keyed as at filing; the 60-day examination node (V1) starts on the
 * day it was received. Refused (to the dead letters, with reasons) when the case or a condition is not there.
 */
export function intakePartyChange(deps: ChangeDeps & Pick<Deps, 'partyKey' | 'rejections'>) {
  return async (raw: unknown): Promise<PartyChangeOutcome> => {
    const reject = async (reasons: string[]): Promise<PartyChangeOutcome> => {
      const eventId = envelopeId(raw);
      await deps.rejections.record(
        { eventId, at: deps.clock.now(), source: 'court.filing', detailType: 'PartyChangeApplied', reasons },
        raw,
      );
      return { outcome: 'rejected', eventId, reasons };
    };
    if (valueTooDeep(raw)) return reject([`(event): nested deeper than ${MAX_JSON_DEPTH} levels`]);
    const parsed = PartyChangeEvent.safeParse(raw);
    if (!parsed.success) return reject(issueLines(parsed.error, '(event)'));
    const d = parsed.data.detail;
    const caseId = caseIdFor(d.court.code, d.caseNumber);
    const state = await deps.cases.load(caseId);
    if (!state) return reject(['detail.caseNumber: no such enforcement case at this court']);
    const today = chinaDateOf(deps.clock.now());
    const receivedOn = localDate(d.receivedOn);
    if (compareDates(receivedOn, today) > 0) return reject(['detail.receivedOn: after today']);
    const ground = groundOf(deps.rules, d.ground);
    const uncapped = capProblem(d.ground, d.liabilityCapFen, deps.rules);
    if (uncapped) return reject([uncapped]);
    if (ground?.change === 'add' && d.change !== 'add')
      return reject([`detail.change: the ground adds only (${ground.article})`]);
    const key = await deps.partyKey.key();
    const p = d.party;
    const party: Party = {
      partyId: partyIdFor(p.idNumber, key),
      kind: p.kind,
      name: p.name,
      idNumber: p.idNumber,
      contact: {
        eServiceConsent: p.eServiceConsent,
        ...(p.phone ? { phone: p.phone } : {}),
        ...(p.address ? { address: p.address } : {}),
      },
    };
    const replaces = d.replacesIdNumber ? partyIdFor(d.replacesIdNumber, key) : undefined;
    const applicationId = derivedId('v', caseId, 'party-change', normaliseCaseNumber(d.applicationNumber));
    if (state.partyChanges?.[applicationId]) return { outcome: 'duplicate', caseId, applicationId };
    const refusal = applicationRefusal(state, d.ground, party.partyId, replaces, deps.rules);
    if (refusal) return reject([REFUSALS[refusal]]);
    await mutateCase(deps, caseId, PARTY_CHANGE_ACTOR, { intakeEvent: parsed.data.id }, (s) => {
      if (s.partyChanges?.[applicationId]) return { events: [], result: undefined };
      const again = applicationRefusal(s, d.ground, party.partyId, replaces, deps.rules);
      if (again) refuse(again);
      const events: CaseEvent[] = [
        {
          type: 'party-change-applied',
          applicationId,
          ground: d.ground,
          change: d.change,
          party,
          ...(replaces ? { replaces } : {}),
          ...(d.liabilityCapFen !== undefined ? { liabilityCapFen: fen(d.liabilityCapFen) } : {}),
          receivedOn,
          by: 'filing-system',
        },
        { type: 'node-set', node: examinationNode(applicationId, receivedOn, deps.rules, deps.calendar) },
      ];
      return { events, result: undefined };
    });
    return { outcome: 'recorded', caseId, applicationId };
  };
}

/** The judge's ruling, and the day it was served: the challenge window (10 or 15 days) runs from that day. */
export function rulePartyChange(deps: ChangeDeps) {
  return async (
    identity: Identity | undefined,
    command: {
      caseId: string;
      applicationId: string;
      outcome: 'granted' | 'rejected';
      reason: string;
      servedOn: string;
    },
  ) => {
    const caller = await courtCase(deps, identity, command.caseId, 'rule-objections');
    const servedOn = notAfterToday(command.servedOn, chinaDateOf(deps.clock.now()), 'servedOn');
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: caller.userId },
      { action: 'rule-party-change' },
      (s, now) => {
        const c = s.partyChanges?.[command.applicationId];
        if (!c) return refuse('no-application');
        if (c.status !== 'examining') return refuse('not-pending');
        if (c.by === caller.userId) throw forbidden('登记申请的人员不能裁定同一申请');
        if (compareDates(servedOn, c.receivedOn) < 0) throw invalid('servedOn：送达日期不能早于收到申请之日');
        const ground = groundOf(deps.rules, c.ground);
        if (!ground) return refuse('unknown-ground');
        const window = challengeWindow(ground, servedOn, deps.rules, deps.calendar);
        const events: CaseEvent[] = [
          { type: 'node-met', node: `party-change:${c.applicationId}`, at: now },
          {
            type: 'party-change-ruled',
            applicationId: c.applicationId,
            outcome: command.outcome,
            by: caller.userId,
            reason: command.reason,
            servedOn,
            challengeBy: window.lastDay,
            challengeRoute: window.route,
          },
        ];
        return { events, result: undefined };
      },
    );
    return view(state, command.applicationId);
  };
}

/** A reconsideration applied for, or a lawsuit filed, within the time (the route the ground allows). */
export function challengePartyChange(deps: ChangeDeps) {
  return async (
    identity: Identity | undefined,
    command: { caseId: string; applicationId: string; filedOn: string },
  ) => {
    const caller = await courtCase(deps, identity, command.caseId, 'handle-party-changes');
    const filedOn = notAfterToday(command.filedOn, chinaDateOf(deps.clock.now()), 'filedOn');
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: caller.userId },
      { action: 'challenge-party-change' },
      (s) => {
        const c = s.partyChanges?.[command.applicationId];
        if (!c) return refuse('no-application');
        if (c.status !== 'ruled') return refuse(c.status === 'examining' ? 'not-ruled' : 'settled');
        if (!challengeOpen(c, filedOn)) return refuse('window-closed');
        return {
          events: [
            {
              type: 'party-change-challenged',
              applicationId: c.applicationId,
              route: c.ruling?.challengeRoute ?? 'reconsideration',
              filedOn,
              by: caller.userId,
            },
          ],
          result: undefined,
        };
      },
    );
    return view(state, command.applicationId);
  };
}

/**
 * The ruling becomes final: after the challenge window with no challenge (the ruling stands), or on the challenge's
 * decision (`outcome`: the ruling upheld or reversed). Granted in the end, the party joins the respondents.
 */
export function settlePartyChange(deps: ChangeDeps & Pick<Deps, 'engine'>) {
  return async (
    identity: Identity | undefined,
    command: { caseId: string; applicationId: string; outcome?: 'upheld' | 'reversed'; reason?: string },
  ) => {
    const caller = await courtCase(deps, identity, command.caseId, 'handle-party-changes');
    const today = chinaDateOf(deps.clock.now());
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: caller.userId },
      { action: 'settle-party-change' },
      (s) => {
        const c = s.partyChanges?.[command.applicationId];
        if (!c) return refuse('no-application');
        if (c.status === 'examining') return refuse('not-ruled');
        // Asked again on a grant: what the joined respondent is still owed (an inquiry that waited) is started.
        if (c.status === 'settled') {
          const owed = joinedOwed(s);
          if (c.final === 'granted' && (owed.notice.length > 0 || owed.inquiryNow || owed.controlNow))
            return { events: [], result: undefined };
          return refuse('settled');
        }
        const ruled = c.ruling?.outcome ?? 'rejected';
        const events: CaseEvent[] = [];
        let outcome = ruled;
        let reason: string;
        if (c.status === 'challenged') {
          if (!command.outcome) return refuse('challenge-outcome-missing');
          const reversed = command.outcome === 'reversed';
          outcome = reversed ? (ruled === 'granted' ? 'rejected' : 'granted') : ruled;
          const route = c.challenge?.route === 'lawsuit' ? '执行异议之诉' : '复议';
          reason = `${route}${reversed ? '改判' : '维持原裁定'}${command.reason ? `：${command.reason}` : ''}`;
        } else {
          if (challengeOpen(c, today)) return refuse('window-open');
          reason = `期间届满（${c.ruling?.challengeBy ?? ''}）未${c.ruling?.challengeRoute === 'lawsuit' ? '提起执行异议之诉' : '申请复议'}，裁定生效`;
        }
        events.push({
          type: 'party-change-settled',
          applicationId: c.applicationId,
          outcome,
          by: caller.userId,
          reason,
        });
        return { events, result: undefined };
      },
    );
    const started =
      state.partyChanges?.[command.applicationId]?.final === 'granted' ? await startJoinedRuns(deps, state) : undefined;
    return view(state, command.applicationId, started);
  };
}
