/**
 * The rule table: every number the workflows use, as data with its source.
 *
 * `kind: 'law'` rows come from ../shared/domain/enforcement-rules.md (row id kept); `verify: true` marks the rows
 * that reference takes from secondary sources, which a court must check and may override in its configuration.
 * `kind: 'policy'` rows are court working rules, not law: defaults chosen by this project, set per court.
 * Nothing in a handler or a state machine may carry one of these numbers as a literal.
 */
import type { Period } from '../calendar/legal-calendar.ts';

export interface RuleMeta {
  readonly id: string;
  readonly title: string;
  readonly titleZh: string;
  readonly kind: 'law' | 'policy';
  readonly source: string;
  readonly effectiveFrom: string;
  readonly version: string;
  readonly verify: boolean;
}

const TIME_LIMITS_2006 = '最高人民法院《关于人民法院办理执行案件若干期限的规定》(法发〔2006〕35号)';
const CPL_INTERPRETATION = '最高人民法院关于适用《中华人民共和国民事诉讼法》的解释 (2022年修正)';
const POLICY = 'Court working rule (configurable per court; default set by this project)';

export const RULES = {
  A1: {
    id: 'A1',
    title: 'Enforcement term for a case with assets',
    titleZh: '有财产可供执行案件的执行期限',
    kind: 'law',
    source: TIME_LIMITS_2006,
    effectiveFrom: '2007-01-01',
    version: '2006',
    verify: false,
    term: { months: 6 } satisfies Period,
    nonLitigationTerm: { months: 3 } satisfies Period,
  },
  A3: {
    id: 'A3',
    title: 'Handling officer assigned after filing',
    titleZh: '立案后确定承办人',
    kind: 'law',
    source: TIME_LIMITS_2006,
    effectiveFrom: '2007-01-01',
    version: '2006',
    verify: false,
    period: { days: 7, unit: 'calendar' } satisfies Period,
  },
  A5: {
    id: 'A5',
    title: 'Enforcement notice and asset-report order sent after the file is received',
    titleZh: '发出执行通知书及报告财产令',
    kind: 'law',
    source: TIME_LIMITS_2006,
    effectiveFrom: '2007-01-01',
    version: '2006',
    verify: false,
    period: { days: 3, unit: 'calendar' } satisfies Period,
  },
  A8: {
    id: 'A8',
    title: 'Investigation of the respondent’s assets',
    titleZh: '被执行人财产调查',
    kind: 'law',
    source: TIME_LIMITS_2006,
    effectiveFrom: '2007-01-01',
    version: '2006',
    verify: false,
    period: { months: 1 } satisfies Period,
  },
  A10: {
    id: 'A10',
    title: 'Notice sent and network asset inquiry started soon after filing (assessment target)',
    titleZh: '立案后发出通知并启动网络查控（考核节点）',
    kind: 'law',
    source: 'Assessment target used by courts (secondary source, enforcement-rules.md A10)',
    effectiveFrom: 'unknown',
    version: 'reference',
    verify: true,
    period: { days: 5, unit: 'calendar' } satisfies Period,
  },
  B1: {
    id: 'B1',
    title: 'Maximum period of one seizure, by asset class',
    titleZh: '查封、扣押、冻结的期限',
    kind: 'law',
    source: CPL_INTERPRETATION,
    effectiveFrom: '2022-04-10',
    version: '2022',
    verify: false,
    deposit: { months: 12 } satisfies Period,
    movable: { months: 24 } satisfies Period,
    realEstate: { months: 36 } satisfies Period,
  },
  F1: {
    id: 'F1',
    title: 'Money received is settled and paid to the applicant',
    titleZh: '执行款发放',
    kind: 'law',
    source: '最高人民法院《关于执行款物管理工作的规定》(2017) (secondary source, enforcement-rules.md F1)',
    effectiveFrom: 'unknown',
    version: '2017',
    verify: true,
    period: { days: 30, unit: 'calendar' } satisfies Period,
  },
  G1: {
    id: 'G1',
    title: 'Ways a case closes',
    titleZh: '执行结案方式',
    kind: 'law',
    source: '最高人民法院《关于执行案件立案、结案若干问题的意见》(法发〔2014〕26号)',
    effectiveFrom: '2015-01-01',
    version: '2014',
    verify: false,
    ways: ['fully-performed', 'final-round-closure', 'termination', 'withdrawal', 'non-enforcement', 'rejection'],
  },
  H1: {
    id: 'H1',
    title: 'Entrusted court completes the matter or reports back',
    titleZh: '受托法院办理委托执行事项',
    kind: 'law',
    source: 'SPC rules on entrusting enforcement matters between courts (secondary source, enforcement-rules.md H1)',
    effectiveFrom: 'unknown',
    version: '2017',
    verify: true,
    period: { days: 30, unit: 'calendar' } satisfies Period,
  },
  P_TRIAGE: {
    id: 'P-TRIAGE',
    title: 'Simple-case criteria (简案快执)',
    titleZh: '繁简分流标准',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** A first-enforcement case is simple when its claim is at most this and it has at most this many respondents. */
    simpleMaxClaimFen: 10_000_000,
    simpleMaxRespondents: 2,
  },
  P_APPROVAL: {
    id: 'P-APPROVAL',
    title: 'Time to decide an approval, before it escalates one level',
    titleZh: '审批办理时限',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    period: { days: 2, unit: 'working' } satisfies Period,
  },
  P_DISBURSEMENT_LEVELS: {
    id: 'P-DISBURSEMENT-LEVELS',
    title: 'Who approves a disbursement, by amount (F2)',
    titleZh: '执行款发放审批权限',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** Up to and including `upToFen`, the role may approve; the last level has no upper bound. */
    levels: [
      { upToFen: 50_000_000, role: 'team-lead' },
      { upToFen: 500_000_000, role: 'bureau-chief' },
      { upToFen: Number.MAX_SAFE_INTEGER, role: 'president' },
    ],
  },
  P_PARTNER_WAITS: {
    id: 'P-PARTNER-WAITS',
    title: 'How long to wait for an outside party before escalating',
    titleZh: '外部协助答复等待时限',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** Electronic service: receipt expected within this period, else fall back to post. */
    eService: { days: 3, unit: 'calendar' } satisfies Period,
    /** Postal service (EMS judicial mail): delivery receipt. */
    postal: { days: 15, unit: 'calendar' } satisfies Period,
    /** Network inquiry: banks and registries answer; whoever has not answered by then is recorded as silent. */
    inquiry: { days: 7, unit: 'calendar' } satisfies Period,
    /** Freeze and deduction orders over the network channel. */
    bankOrder: { days: 3, unit: 'working' } satisfies Period,
    /** After an entrusted court misses H1, how long to wait again (each time escalating) ... */
    entrustmentGrace: { days: 10, unit: 'calendar' } satisfies Period,
    /** ... and how many times, before the case goes on without it and the matter stays flagged overdue. */
    entrustmentEscalations: 2,
  },
  P_EVIDENCE: {
    id: 'P-EVIDENCE',
    title: 'Field evidence: accepted types and sizes, upload and download link lifetimes',
    titleZh: '现场证据上传规则（类型、大小、链接有效期）',
    kind: 'policy',
    source: POLICY,
    effectiveFrom: '2026-01-01',
    version: '1',
    verify: false,
    /** What a phone may send, by kind of evidence: the content types accepted and the largest file. */
    kinds: {
      photo: { contentTypes: ['image/jpeg', 'image/png', 'image/heic'], maxBytes: 30 * 1024 * 1024 },
      video: { contentTypes: ['video/mp4', 'video/quicktime'], maxBytes: 2 * 1024 * 1024 * 1024 },
      audio: { contentTypes: ['audio/mp4', 'audio/mpeg', 'audio/aac'], maxBytes: 500 * 1024 * 1024 },
      document: { contentTypes: ['application/pdf'], maxBytes: 100 * 1024 * 1024 },
    },
    /** Files up to this size go in one presigned PUT; larger ones by multipart upload. */
    singleUploadMaxBytes: 16 * 1024 * 1024,
    /** Size of every part of a multipart upload but the last (S3: at least 5 MiB, at most 10,000 parts). */
    partBytes: 8 * 1024 * 1024,
    /** How long an upload link (and a multipart upload) may be used after it is issued. */
    uploadLinkSeconds: 15 * 60,
    /** How long a view or download link may be used. */
    downloadLinkSeconds: 5 * 60,
    /**
     * On landing, a single-PUT object whose SHA-256 storage already checked is also re-hashed up to this size;
     * a multipart object is always re-hashed (S3 keeps only a composite SHA-256 of its parts).
     */
    rehashMaxBytes: 64 * 1024 * 1024,
    descriptionMaxChars: 500,
  },
} as const;

export type RuleId = keyof typeof RULES;
export type Rules = typeof RULES;

/** Every row, for listing (`enforce rules`) and for the tests that check each row has a source. */
export function ruleRows(rules: Rules = RULES): readonly RuleMeta[] {
  return Object.values(rules);
}
