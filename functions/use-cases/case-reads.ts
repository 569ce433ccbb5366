/**
 * What staff read of cases: the court's cases, one case, its journal and the check of its audit chain. Court
 * scoped, for the roles the role table allows; nothing here writes (a lagging projection is folded in memory).
 */
import { actionRefusal, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import type { CaseEvent, Commit } from '#domain/case/events.ts';
import { verifyChain } from '#domain/case/journal.ts';
import type { EnforcementCase, Party } from '#domain/case/model.ts';
import { nodeLight, waitsOnSuspension } from '#domain/case/node-watch.ts';
import { CASE_STATUSES, type CaseStatus } from '#domain/case/status.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { type Names, timeline } from '#domain/timeline/timeline.ts';
import type { CaseSummary } from '#ports/case-repository.ts';
import type { Deps } from './context.ts';
import { caseNotFound, forbidden, notFound, unauthenticated } from './errors.ts';
import { courtNames, named } from './names.ts';

function readable(caller: Identity | undefined, court: string): Identity {
  if (!caller) throw unauthenticated('未登录或身份无法核验');
  const refusal = actionRefusal(caller, 'read-cases', court);
  if (refusal === 'other-court') throw caseNotFound();
  if (refusal) throw forbidden(`${caller.userId}：${REFUSAL_LABELS[refusal]}（查阅案件）`);
  return caller;
}

/** Parties by name and kind: identity numbers and contact details stay in the case file, not in API answers. */
function withoutIdentifiers(party: Party): Omit<Party, 'idNumber' | 'contact'> {
  const { idNumber: _id, contact: _contact, ...rest } = party;
  return rest;
}

export type CaseView = Omit<EnforcementCase, 'applicants' | 'respondents'> & {
  readonly applicants: readonly Omit<Party, 'idNumber' | 'contact'>[];
  readonly respondents: readonly Omit<Party, 'idNumber' | 'contact'>[];
};

export function caseView(state: EnforcementCase): CaseView {
  return {
    ...state,
    applicants: state.applicants.map(withoutIdentifiers),
    respondents: state.respondents.map(withoutIdentifiers),
  };
}

function eventView(event: CaseEvent): unknown {
  if (event.type !== 'case-filed') return event;
  return {
    ...event,
    applicants: event.applicants.map(withoutIdentifiers),
    respondents: event.respondents.map(withoutIdentifiers),
  };
}

export const MAX_CASES = 200;

export function listCases(deps: Pick<Deps, 'queries' | 'staff'>) {
  return async (
    caller: Identity | undefined,
    query: { readonly status?: CaseStatus; readonly team?: string; readonly limit?: number } = {},
  ) => {
    const identity = readable(caller, caller?.court ?? '');
    const limit = query.limit ?? 50;
    const found: CaseSummary[] = [];
    for (const status of query.status ? [query.status] : CASE_STATUSES) {
      for (const summary of await deps.queries.list({ court: identity.court, status, limit: MAX_CASES }))
        if (!query.team || summary.team === query.team) found.push(summary);
    }
    found.sort((a, b) => a.filedAt.localeCompare(b.filedAt) || a.caseId.localeCompare(b.caseId));
    const names = await courtNames(deps.staff, identity.court);
    return { items: found.slice(0, limit).map((c) => named(c, names)), truncated: found.length > limit };
  };
}

async function courtCase(deps: Pick<Deps, 'cases'>, caller: Identity | undefined, caseId: string) {
  const state = await deps.cases.load(caseId);
  if (!state) throw caseNotFound();
  readable(caller, state.court.code);
  return state;
}

/** The case's issued documents, as the journal lists them. */
export function listCaseDocuments(deps: Pick<Deps, 'cases' | 'documents'>) {
  return async (caller: Identity | undefined, caseId: string) => {
    const state = await courtCase(deps, caller, caseId);
    return { caseId, caseNumber: state.caseNumber, documents: await deps.documents.list(caseId) };
  };
}

/** One issued document's signed PDF, as archived. */
export function caseDocumentPdf(deps: Pick<Deps, 'cases' | 'documents'>) {
  return async (caller: Identity | undefined, caseId: string, docId: string) => {
    await courtCase(deps, caller, caseId);
    const found = await deps.documents.get(docId);
    if (found?.record.caseId !== caseId) throw notFound('本案没有该文书');
    return {
      docId,
      number: found.record.number,
      sha256: found.record.sha256,
      contentType: 'application/pdf' as const,
      pdfBase64: Buffer.from(found.pdf).toString('base64'),
    };
  };
}

/** The case, with each node's light (met, green, due soon, overdue) at the time of reading. */
export function getCase(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'staff'>) {
  return async (caller: Identity | undefined, caseId: string) => {
    const state = await courtCase(deps, caller, caseId);
    const now = deps.clock.now();
    const nodeLights = Object.fromEntries(
      Object.values(state.nodes).map((node) => [
        node.node,
        nodeLight(node, now, deps.rules, deps.calendar, waitsOnSuspension(state, node)),
      ]),
    );
    const names = await courtNames(deps.staff, state.court.code);
    return { ...named(caseView(state), names), nodeLights };
  };
}

/**
 * The case's timeline as staff read it (one Chinese line per event, in China time), rendered on the server by the
 * same code as the CLI's (`enforce case`), with names from the staff directory.
 */
export function caseTimeline(deps: Pick<Deps, 'cases' | 'staff'>) {
  return async (caller: Identity | undefined, caseId: string) => {
    await courtCase(deps, caller, caseId);
    const commits = await deps.cases.history(caseId);
    const ids = new Set<string>();
    for (const commit of commits) if (commit.actor.kind === 'staff') ids.add(commit.actor.id);
    const state = await deps.cases.load(caseId);
    if (state?.officer) ids.add(state.officer);
    for (const commit of commits)
      for (const event of commit.events)
        for (const value of Object.values(event)) if (typeof value === 'string') ids.add(value);
    const people = new Map<string, string>();
    await Promise.all(
      [...ids]
        .filter((id) => /^[a-z][a-z0-9-]{1,40}$/.test(id))
        .map(async (id) => {
          const member = await deps.staff.member(id);
          if (member) people.set(id, member.name);
        }),
    );
    const teams = new Map((await deps.staff.teams(state?.court.code ?? '')).map((t) => [t.teamId, t.name]));
    const names: Names = { member: (id) => people.get(id) ?? id, team: (id) => teams.get(id) ?? id };
    return { caseId, lines: timeline(commits, names) };
  };
}

/** The journal as written, parties without identifiers (so hashes are checked by `verifyCase`, on the server). */
export function caseJournal(deps: Pick<Deps, 'cases'>) {
  return async (caller: Identity | undefined, caseId: string) => {
    await courtCase(deps, caller, caseId);
    const commits: readonly Commit[] = await deps.cases.history(caseId);
    return {
      caseId,
      commits: commits.map((c) => ({ ...c, events: c.events.map(eventView) })),
    };
  };
}

/** The audit-chain check: every link, and the case record against the journal's end; the first broken link. */
export function verifyCase(deps: Pick<Deps, 'cases'>) {
  return async (caller: Identity | undefined, caseId: string) => {
    const state = await courtCase(deps, caller, caseId);
    return { caseId, caseNumber: state.caseNumber, ...verifyChain(await deps.cases.history(caseId), state) };
  };
}
