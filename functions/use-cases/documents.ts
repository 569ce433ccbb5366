/**
 * Issuing a case's documents: for each act on the journal that calls for one (documents/triggers.ts) and has none
 * yet, draft it from its template's index (a missing field stops that document, named, before a number is taken), take
 * its number once, render and sign it, archive the PDF write-once, and put its SHA-256 on the journal
 * (`document-issued`). Idempotent: a document's id comes from its case and trigger, so a repeated sweep, or one
 * after a crash between the archive and the journal, issues nothing twice.
 */
import { createHash } from 'node:crypto';
import { yearOf } from '#domain/calendar/local-date.ts';
import type { Commit } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import {
  caseFields,
  type DocumentDraft,
  documentDate,
  draftDocument,
  MissingDocumentFieldError,
  ruleFields,
} from '#domain/documents/compose.ts';
import { courtRegion, formatDocumentNumber, seriesKey } from '#domain/documents/numbering.ts';
import { TEMPLATE_INDEX } from '#domain/documents/template-index.ts';
import type { DocumentKind } from '#domain/documents/templates.ts';
import { type DocumentRequest, documentRequests } from '#domain/documents/triggers.ts';
import type { Rules } from '#domain/rules/table.ts';
import type { CaseRepository } from '#ports/case-repository.ts';
import type { Clock } from '#ports/clock.ts';
import type { DocumentArchive, DocumentNumbers, DocumentSigner, IssuedDocument } from '#ports/documents.ts';
import type { StaffDirectory } from '#ports/staff-directory.ts';
import { type Deps, loadCase, mutateCase, SYSTEM } from './context.ts';

export interface DocumentDeps {
  readonly rules: Rules;
  readonly cases: CaseRepository;
  readonly clock: Clock;
  readonly staff: StaffDirectory;
  readonly numbers: DocumentNumbers;
  readonly archive: DocumentArchive;
  readonly signer: DocumentSigner;
}

export interface IssueReport {
  readonly issued: readonly IssuedDocument[];
  /** Documents the journal calls for that could not be made, and why (e.g. a missing field), in Chinese. */
  readonly problems: readonly { readonly kind: DocumentKind; readonly trigger: string; readonly problem: string }[];
}

export function documentId(caseId: string, trigger: string): string {
  return `DOC-${createHash('sha256').update(`${caseId}\n${trigger}`).digest('hex').slice(0, 20).toUpperCase()}`;
}

/** The approver: whoever last approved something on the case up to the act; else the officer's team lead. */
async function approverOf(deps: DocumentDeps, state: EnforcementCase, history: readonly Commit[], upTo: number) {
  let approver: string | undefined;
  for (const commit of history) {
    if (commit.seq > upTo) break;
    for (const event of commit.events)
      if (event.type === 'approval-decided' && event.decision === 'approved') approver = event.by;
  }
  if (approver) return (await deps.staff.member(approver))?.name;
  const lead = (await deps.staff.members(state.court.code)).find(
    (m) => m.active && m.roles.includes('team-lead') && m.team === state.team,
  );
  return lead?.name;
}

async function draft(
  deps: DocumentDeps,
  state: EnforcementCase,
  history: readonly Commit[],
  request: DocumentRequest,
  number: string,
  issuedNumbers: ReadonlyMap<string, string>,
): Promise<DocumentDraft> {
  const officer = state.officer ? (await deps.staff.member(state.officer))?.name : undefined;
  const approver = await approverOf(deps, state, history, Number(request.key.split(':')[0]));
  const detentionNumber = request.fields.detentionKey ? issuedNumbers.get(request.fields.detentionKey) : undefined;
  return draftDocument({
    kind: request.kind,
    number,
    officer: officer ?? '',
    approver: approver ?? '',
    date: documentDate(request.at),
    fields: {
      ...ruleFields(deps.rules),
      ...caseFields(state),
      ...request.fields,
      ...(detentionNumber ? { detentionNumber } : {}),
    },
  });
}

async function issueOne(
  deps: DocumentDeps,
  state: EnforcementCase,
  history: readonly Commit[],
  request: DocumentRequest,
  issuedNumbers: ReadonlyMap<string, string>,
): Promise<IssuedDocument> {
  const template = TEMPLATE_INDEX[request.kind];
  // Drafted once without a number first: a missing field must stop it before a number is taken.
  await draft(deps, state, history, request, '（待编号）', issuedNumbers);
  const docId = documentId(state.caseId, request.key);
  const date = documentDate(request.at);
  const year = yearOf(date);
  const sequence = await deps.numbers.allocate(seriesKey(state.court.code, year, template.series), docId);
  const number = formatDocumentNumber({
    year,
    region: courtRegion(state.caseNumber),
    series: template.series,
    sequence,
  });
  const doc = await draft(deps, state, history, request, number, issuedNumbers);
  const pdf = await deps.signer.sign(doc, state.court, {
    signingTime: new Date(request.at),
    name: state.court.code,
    reason: `${template.title} ${number}`.replace(/[^\x20-\x7e]/g, '').trim() || 'court document',
    location: state.court.code,
  });
  const record: IssuedDocument = {
    docId,
    caseId: state.caseId,
    kind: request.kind,
    templateVersion: template.version,
    title: template.title,
    number,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    sizeBytes: pdf.length,
    issuedAt: request.at,
    trigger: request.key,
  };
  await deps.archive.put(record, pdf);
  return record;
}

/** Issues every document the case's journal calls for and does not have yet. */
export async function issueDueDocuments(deps: DocumentDeps, caseId: string): Promise<IssueReport> {
  const state = await loadCase(deps.cases, caseId);
  const history = await deps.cases.history(caseId);
  const archived = new Map((await deps.archive.list(caseId)).map((d) => [d.trigger, d]));
  const issued: IssuedDocument[] = [];
  const problems: { kind: DocumentKind; trigger: string; problem: string }[] = [];
  const numbers = new Map([...archived.values()].map((d) => [d.trigger, d.number]));
  for (const request of documentRequests(state, history, deps.rules)) {
    if (archived.has(request.key)) continue;
    try {
      const record = await issueOne(deps, state, history, request, numbers);
      numbers.set(request.key, record.number);
      archived.set(request.key, record);
      issued.push(record);
    } catch (error) {
      if (!(error instanceof MissingDocumentFieldError)) throw error;
      problems.push({ kind: request.kind, trigger: request.key, problem: error.message });
    }
  }
  await journalArchived(deps, caseId, [...archived.values()]);
  return { issued, problems };
}

/** Puts every archived document not yet on the journal there: its number and SHA-256. */
async function journalArchived(deps: DocumentDeps, caseId: string, archived: readonly IssuedDocument[]) {
  if (archived.length === 0) return;
  const history = await deps.cases.history(caseId);
  const journaled = new Set(
    history.flatMap((c) => c.events.flatMap((e) => (e.type === 'document-issued' ? [e.docId] : []))),
  );
  const missing = archived.filter((d) => !journaled.has(d.docId));
  if (missing.length === 0) return;
  await mutateCase(deps, caseId, SYSTEM, { use: 'issue-documents' }, () => ({
    events: missing.map((d) => ({
      type: 'document-issued' as const,
      docId: d.docId,
      kind: d.kind,
      number: d.number,
      templateVersion: d.templateVersion,
      sha256: d.sha256,
      trigger: d.trigger,
    })),
    result: undefined,
  }));
}

export type IssuingDeps = Pick<Deps, 'rules' | 'cases' | 'clock' | 'staff' | 'issuing'>;

/**
 * A phase's documents, issued by the step that recorded their acts before it returns: numbered, signed, archived
 * and hashed on the journal as part of the phase. A failure fails the step, whose retry (the act already recorded)
 * issues what is still missing. Nothing where the runtime issues no documents (`issuing` undefined).
 */
export async function issuePhaseDocuments(deps: IssuingDeps, caseId: string): Promise<IssueReport | undefined> {
  if (!deps.issuing) return undefined;
  const { rules, cases, clock, staff } = deps;
  return issueDueDocuments({ rules, cases, clock, staff, ...deps.issuing }, caseId);
}

/** A step's use case followed by the documents its acts call for (see issuePhaseDocuments). */
export function issuingAfter<I extends { readonly caseId: string }, R>(
  deps: IssuingDeps,
  run: (input: I) => Promise<R>,
): (input: I) => Promise<R> {
  return async (input) => {
    const result = await run(input);
    await issuePhaseDocuments(deps, input.caseId);
    return result;
  };
}

/**
 * After a staff act served by settle (an objection ruled, a suspension or deferral ruled, a reversal ordered, a
 * distribution plan served, a party change ruled, a measure decided): the documents it calls for, issued at once.
 * The act is recorded already, so a failure to issue does not undo it or fail the request: the command center is
 * told (as it is of a document that lacks a field, named), and the next issuing step or `enforce documents` issues
 * what is still missing.
 */
type Problem = IssueReport['problems'][number];

/**
 * The problems the command center has not been told of yet: one is told once, keyed by its document's kind, the
 * journal entry that calls for it, and the problem itself (`document-problem-alerted` on the journal), so a later
 * act on the case does not tell it again, while another document, or another problem of the same one, is told.
 */
export function unalertedProblems(history: readonly Commit[], problems: readonly Problem[]): readonly Problem[] {
  const key = (p: { kind: string; trigger: string; problem: string }) => `${p.kind}\n${p.trigger}\n${p.problem}`;
  const alerted = new Set(
    history.flatMap((c) => c.events.flatMap((e) => (e.type === 'document-problem-alerted' ? [key(e)] : []))),
  );
  const fresh = new Map(problems.filter((p) => !alerted.has(key(p))).map((p) => [key(p), p]));
  return [...fresh.values()];
}

export async function issueAfterStaffAct(deps: IssuingDeps & Pick<Deps, 'alerts'>, caseId: string): Promise<void> {
  if (!deps.issuing || !caseId) return;
  const tell = async (message: string) => {
    const state = await deps.cases.load(caseId);
    if (!state) return;
    await deps.alerts.alert({
      kind: 'needs-attention',
      caseId,
      court: state.court.code,
      at: deps.clock.now(),
      message: `${state.caseNumber}：${message}`,
    });
  };
  try {
    const report = await issuePhaseDocuments(deps, caseId);
    const fresh = unalertedProblems(await deps.cases.history(caseId), report?.problems ?? []);
    for (const problem of fresh) await tell(`文书未能生成：${problem.problem}`);
    // Recorded after the telling: a crash between the two tells again, rather than never.
    if (fresh.length > 0)
      await mutateCase(deps, caseId, SYSTEM, { use: 'issue-documents' }, () => ({
        events: fresh.map((p) => ({ type: 'document-problem-alerted' as const, ...p })),
        result: undefined,
      }));
  } catch (error) {
    await tell(`文书未能签发（${(error as Error).name}），将由后续步骤或 enforce documents 补发`);
  }
}
