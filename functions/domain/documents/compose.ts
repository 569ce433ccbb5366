/**
 * Composing a document: a template's placeholders filled from the case and the act, with its number, its date in
 * Chinese numerals and its signers. Pure. A field the template needs and the caller did not give is an error naming
 * it and the template, never a blank in the document.
 */

import type { Period } from '../calendar/legal-calendar.ts';
import { chinaDateOf, type Instant, type LocalDate } from '../calendar/local-date.ts';
import type { EnforcementCase } from '../case/model.ts';
import type { Rules } from '../rules/table.ts';
import { amountText, chineseCount, chineseDate } from './numerals.ts';
import { TEMPLATE_INDEX } from './template-index.ts';
import { type DocumentKind, type DocumentTemplate, TEMPLATES, templateFields } from './templates.ts';

export class MissingDocumentFieldError extends Error {
  readonly kind: DocumentKind;
  readonly field: string;
  constructor(kind: DocumentKind, field: string) {
    super(`文书「${TEMPLATE_INDEX[kind].title}」（${kind}）缺少字段：${field}`);
    this.name = 'MissingDocumentFieldError';
    this.kind = kind;
    this.field = field;
  }
}

export interface ComposedDocument {
  readonly kind: DocumentKind;
  readonly templateVersion: number;
  readonly title: string;
  readonly number: string;
  readonly courtName: string;
  readonly caseNumber: string;
  readonly applicants: string;
  readonly respondents: string;
  readonly addressee?: string;
  readonly paragraphs: readonly string[];
  readonly officer: string;
  readonly approver: string;
  readonly date: LocalDate;
  readonly dateText: string;
}

export interface ComposeInput {
  readonly kind: DocumentKind;
  readonly number: string;
  readonly officer: string;
  readonly approver: string;
  readonly date: LocalDate;
  /** The case's own fields (caseFields) and the act's: asset, amount, ground, ... */
  readonly fields: Readonly<Record<string, string | undefined>>;
}

/**
 * A document before its text: the template (kind and version), number, signers and date, and the fields the template
 * needs, checked present (`draftDocument`). What the functions that issue send the renderer, which composes it from
 * the template's text (`composeDraft`): they bundle the templates' index, not their text.
 */
export interface DocumentDraft {
  readonly kind: DocumentKind;
  readonly templateVersion: number;
  readonly title: string;
  readonly number: string;
  readonly officer: string;
  readonly approver: string;
  readonly date: LocalDate;
  /** The template's fields and the four every document names (court, case number, parties); nothing else. */
  readonly fields: Readonly<Record<string, string>>;
}

/** The fields every document names beside its template's, and the signers: none may be blank. */
const DOCUMENT_FIELDS = ['courtName', 'caseNumber', 'applicants', 'respondents'] as const;

/**
 * The draft of a document, from the template's index (template-index.ts): a field the template needs and the input
 * lacks, or a blank signer, is MissingDocumentFieldError, as composing it would be.
 */
export function draftDocument(input: ComposeInput): DocumentDraft {
  const entry = TEMPLATE_INDEX[input.kind];
  const fields: Record<string, string> = {};
  for (const name of entry.fields) {
    const value = input.fields[name];
    if (value === undefined || value.trim() === '') throw new MissingDocumentFieldError(input.kind, name);
    fields[name] = value;
  }
  for (const name of DOCUMENT_FIELDS) {
    const value = input.fields[name];
    if (!value?.trim()) throw new MissingDocumentFieldError(input.kind, name);
    fields[name] = value;
  }
  if (!input.officer.trim()) throw new MissingDocumentFieldError(input.kind, 'officer');
  if (!input.approver.trim()) throw new MissingDocumentFieldError(input.kind, 'approver');
  return {
    kind: input.kind,
    templateVersion: entry.version,
    title: entry.title,
    number: input.number,
    officer: input.officer,
    approver: input.approver,
    date: input.date,
    fields,
  };
}

export class TemplateVersionError extends Error {
  constructor(kind: DocumentKind, drafted: number, held: number) {
    super(`document ${kind}: drafted from template version ${drafted}, the renderer holds version ${held}`);
    this.name = 'TemplateVersionError';
  }
}

/** A draft composed from its template's text; the template must be the version it was drafted from. */
export function composeDraft(draft: DocumentDraft): ComposedDocument {
  const held = TEMPLATES[draft.kind].version;
  if (held !== draft.templateVersion) throw new TemplateVersionError(draft.kind, draft.templateVersion, held);
  return composeDocument(draft);
}

const CLOSURE_WAY_LABELS: Readonly<Record<string, string>> = {
  performed: '执行完毕',
  terminated: '终结执行',
  'terminated-this-round': '终结本次执行程序',
  rejected: '驳回申请',
  dismissed: '不予执行',
  withdrawn: '撤回申请',
  'settled-performed': '和解履行完毕',
};

/** The fields every template may use, taken from the case record. */
export function caseFields(state: EnforcementCase): Record<string, string> {
  const names = (parties: readonly { name: string }[]) => parties.map((p) => p.name).join('、');
  const fields: Record<string, string> = {
    courtName: state.court.name,
    caseNumber: state.caseNumber,
    applicants: names(state.applicants),
    respondents: names(state.respondents),
    respondentName: names(state.respondents),
    basisCourt: state.basis.court,
    basisNumber: state.basis.documentNumber,
    cause: state.basis.cause ?? '',
    filedDate: chineseDate(chinaDateOf(state.filedAt)),
    claimTotal: amountText(state.claim.totalFen),
  };
  if (!state.basis.cause) delete fields.cause;
  return fields;
}

/** A period as a document words it: 五个工作日, 三日, 一个月. */
export function periodText(period: Period): string {
  if ('months' in period) return `${chineseCount(period.months)}个月`;
  return period.unit === 'working' ? `${chineseCount(period.days)}个工作日` : `${chineseCount(period.days)}日`;
}

/**
 * The periods documents state, from the rule table: the report period (P-ASSET-REPORT), H1, C3, and the disputes'
 * windows: reconsideration of an objection ruling (OBJ-ACT), a third party's lawsuit (OBJ-THIRD-PARTY), an objection
 * to a distribution plan (DIST-OBJECTION).
 */
export function ruleFields(rules: Rules): Record<string, string> {
  return {
    reportPeriod: periodText(rules.P_ASSET_REPORT.period),
    entrustmentPeriod: periodText(rules.H1.period),
    reviewPeriod: periodText(rules.C3.reviewRequest),
    objectionReviewPeriod: periodText(rules.OBJ_ACT.reconsiderationWindow),
    thirdPartySuitPeriod: periodText(rules.OBJ_THIRD_PARTY.suitWindow),
    distributionObjectionPeriod: periodText(rules.DIST_OBJECTION.period),
  };
}

export function closureWayLabel(way: string): string {
  return CLOSURE_WAY_LABELS[way] ?? way;
}

function fill(template: DocumentTemplate, text: string, fields: ComposeInput['fields']): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (_whole, name: string) => {
    const value = fields[name];
    if (value === undefined || value.trim() === '') throw new MissingDocumentFieldError(template.kind, name);
    return value;
  });
}

export function composeDocument(input: ComposeInput): ComposedDocument {
  const template = TEMPLATES[input.kind];
  for (const field of templateFields(template)) fill(template, `{${field}}`, input.fields);
  for (const [name, value] of [
    ['courtName', input.fields.courtName],
    ['caseNumber', input.fields.caseNumber],
    ['applicants', input.fields.applicants],
    ['respondents', input.fields.respondents],
    ['officer', input.officer],
    ['approver', input.approver],
  ] as const)
    if (!value?.trim()) throw new MissingDocumentFieldError(template.kind, name);
  return {
    kind: template.kind,
    templateVersion: template.version,
    title: template.title,
    number: input.number,
    courtName: input.fields.courtName as string,
    caseNumber: input.fields.caseNumber as string,
    applicants: input.fields.applicants as string,
    respondents: input.fields.respondents as string,
    ...(template.addressee ? { addressee: fill(template, template.addressee, input.fields) } : {}),
    paragraphs: template.body.map((text) => fill(template, text, input.fields)),
    officer: input.officer,
    approver: input.approver,
    date: input.date,
    dateText: chineseDate(input.date),
  };
}

/** The document's date: the China calendar day of the act it records. */
export function documentDate(at: Instant): LocalDate {
  return chinaDateOf(at);
}
