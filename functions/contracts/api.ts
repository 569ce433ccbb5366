/**
 * The staff HTTP API's contracts: path and query parameters, request bodies and response bodies, as zod schemas.
 * The handlers parse with them, the OpenAPI document (api/openapi.json) and API Gateway's request models are
 * generated from them, and the tests validate real responses against the generated document.
 */
import * as z from 'zod/mini';
import './zod-english.ts';
import { APPROVAL_STEPS } from '#domain/approvals/policy.ts';
import { CONDUCT_KINDS } from '#domain/case/model.ts';
import { CASE_STATUSES } from '#domain/case/status.ts';
import { MATTER_KINDS } from '#domain/entrustment/received.ts';
import { ROLES } from '#domain/staff/roles.ts';
import { DecisionBody } from './decisions.ts';

export { DecisionBody };

const approvalSteps = Object.keys(APPROVAL_STEPS) as [keyof typeof APPROVAL_STEPS, ...(keyof typeof APPROVAL_STEPS)[]];

export const ApprovalId = z.string().check(z.regex(/^a[a-z2-7]{11}$/, 'must be an approval id'));
export const CaseId = z.string().check(z.regex(/^c[a-z2-7]{19}$/, 'must be a case id'));
export const UserId = z.string().check(z.regex(/^[a-z][a-z0-9-]{1,40}$/, 'must be a user id'));
const Instant = z.iso.datetime();

export const ApprovalParams = z.object({ approvalId: ApprovalId });
export const CaseParams = z.object({ caseId: CaseId });

/** Query strings arrive as strings: numbers are coerced, unknown parameters refused. */
export const TaskQuery = z.strictObject({
  scope: z
    .optional(z.enum(['mine', 'court']))
    .check(z.describe('mine（默认）：本人可办的待办；court：全院待办（需相应权限）')),
  caseId: z.optional(CaseId),
  step: z.optional(z.enum(approvalSteps)),
  court: z.optional(z.string().check(z.maxLength(20))),
  team: z.optional(z.string().check(z.maxLength(60))),
  assignee: z.optional(UserId),
  dueBefore: z.optional(Instant),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

const Phase = z.enum(['service', 'investigation', 'disbursement', 'coercion']);
const Cursor = z.string().check(z.maxLength(600));

export const CaseQuery = z.strictObject({
  status: z.optional(z.enum(CASE_STATUSES)),
  phase: z.optional(Phase).check(z.describe('未结案件按阶段（索引查询，按立案时间）；不与 status、team 同用')),
  team: z.optional(z.string().check(z.maxLength(60))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200))),
  cursor: z.optional(Cursor).check(z.describe('按阶段查询时的下一页')),
});

export const Task = z.strictObject({
  approvalId: ApprovalId,
  caseId: CaseId,
  caseNumber: z.string(),
  court: z.string(),
  team: z.optional(z.string()),
  step: z.string(),
  stepLabel: z.string(),
  level: z.int().check(z.minimum(0)),
  requiredRole: z.enum(ROLES),
  requester: z.string(),
  summary: z.string(),
  amountFen: z.optional(z.int()),
  dueAt: Instant,
  createdAt: Instant,
  status: z.enum(['pending', 'approved', 'rejected', 'timed-out']),
  assignee: z.optional(z.string()),
  decidedBy: z.optional(z.string()),
  decidedAt: z.optional(Instant),
  overdue: z.boolean(),
});

export const TaskPage = z.strictObject({ items: z.array(Task), nextCursor: z.optional(z.string()) });

export const CaseSummary = z.strictObject({
  caseId: CaseId,
  caseNumber: z.string(),
  court: z.strictObject({ code: z.string(), name: z.string() }),
  status: z.enum(CASE_STATUSES),
  track: z.optional(z.string()),
  team: z.optional(z.string()),
  officer: z.optional(z.string()),
  applicants: z.array(z.string()),
  respondents: z.array(z.string()),
  claimFen: z.int(),
  balanceFen: z.int(),
  filedAt: Instant,
});

export const TaskDetail = z.strictObject({ task: Task, case: CaseSummary });

export const AssignBody = z
  .strictObject({ to: UserId, reason: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(500))) })
  .check(z.describe('指派或改派审批事项'));

export const ReassignBody = z
  .strictObject({
    from: UserId,
    to: UserId,
    reason: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(500))),
  })
  .check(z.describe('将某人名下全部待办批量转给另一人（如人员离岗）'));

export const ReassignResult = z.strictObject({
  from: UserId,
  to: UserId,
  moved: z.array(Task),
  skipped: z.array(z.strictObject({ approvalId: ApprovalId, status: z.int(), reason: z.string() })),
});

export const DecisionResult = z.strictObject({
  approvalId: ApprovalId,
  caseId: CaseId,
  decision: z.enum(['approved', 'rejected']),
  /** A panel step (E8-PANEL): the votes so far, the majority needed, and whether this vote decided it. */
  panel: z.optional(
    z.strictObject({
      votes: z.number().check(z.int()),
      needed: z.number().check(z.int()),
      decided: z.optional(z.boolean()),
    }),
  ),
});

export const Me = z.strictObject({
  userId: UserId,
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  court: z.string(),
});

export const CaseListing = z.strictObject({
  items: z.array(
    z.strictObject({
      caseId: CaseId,
      caseNumber: z.string(),
      court: z.string(),
      status: z.enum(CASE_STATUSES),
      officer: z.optional(z.string()),
      team: z.optional(z.string()),
      officerName: z.optional(z.string()).check(z.describe('承办人姓名')),
      teamName: z.optional(z.string()).check(z.describe('团队名称')),
      phase: z.optional(Phase),
      filedAt: Instant,
    }),
  ),
  truncated: z.boolean(),
  nextCursor: z.optional(z.string()),
});

const CaseSummaryItem = z.strictObject({
  caseId: CaseId,
  caseNumber: z.string(),
  court: z.string(),
  status: z.enum(CASE_STATUSES),
  officer: z.optional(z.string()),
  team: z.optional(z.string()),
  phase: z.optional(Phase),
  filedAt: Instant,
});

/** The command-center board. */
export const NodeQuery = z.strictObject({
  state: z.enum(['overdue', 'due-soon']).check(z.describe('overdue：已逾期未完成；due-soon：即将到期')),
  team: z.optional(z.string().check(z.maxLength(60))),
  officer: z.optional(UserId),
  withinDays: z
    .optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(366)))
    .check(z.describe('due-soon 的天数（默认 7）')),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200))),
  cursor: z.optional(Cursor),
});

const TimeNodeView = z.looseObject({
  node: z.string(),
  ruleId: z.string(),
  startedOn: z.string(),
  dueDate: z.string(),
  dueAt: Instant,
  status: z.enum(['open', 'met', 'overdue']),
  unconfirmedYears: z.array(z.int()),
});

export const NodePage = z.strictObject({
  items: z.array(
    z.strictObject({
      caseId: CaseId,
      caseNumber: z.string(),
      court: z.string(),
      team: z.optional(z.string()),
      officer: z.optional(z.string()),
      teamName: z.optional(z.string()).check(z.describe('团队名称')),
      officerName: z.optional(z.string()).check(z.describe('承办人姓名')),
      node: TimeNodeView,
      label: z.string(),
      light: z.enum(['met', 'green', 'due-soon', 'overdue']),
    }),
  ),
  nextCursor: z.optional(z.string()),
});

export const ApprovalBoardQuery = z.strictObject({
  role: z.optional(z.enum(ROLES)).check(z.describe('按审批角色；不填则合并各角色等待最久的事项')),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200))),
  cursor: z.optional(Cursor),
});

export const CaseBoard = z.strictObject({
  court: z.string(),
  phases: z.array(z.strictObject({ phase: Phase, count: z.int().check(z.minimum(0)) })),
  statuses: z.array(z.strictObject({ status: z.enum(CASE_STATUSES), count: z.int().check(z.minimum(0)) })),
});

export const Workload = z.strictObject({
  court: z.string(),
  officers: z.array(
    z.strictObject({
      userId: z.string(),
      name: z.string(),
      team: z.optional(z.string()),
      openCases: z.int().check(z.minimum(0)),
    }),
  ),
  teams: z.array(z.strictObject({ teamId: z.string(), name: z.string(), openCases: z.int().check(z.minimum(0)) })),
});

export const LookupQuery = z.strictObject({
  caseNumber: z
    .optional(z.string().check(z.minLength(3), z.maxLength(60)))
    .check(z.describe('案号（全角半角括号均可）')),
  partyId: z.optional(z.string().check(z.minLength(3), z.maxLength(60))).check(z.describe('当事人编号')),
});

export const LookupResult = z.strictObject({ items: z.array(CaseSummaryItem) });

/** Staff actions of the coercion phase (served by settle: they may wake the waiting phase). */
export const ConductBody = z
  .strictObject({
    kind: z.enum(CONDUCT_KINDS),
    respondentId: z.optional(z.string().check(z.maxLength(40))),
    note: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
  })
  .check(z.describe('记录被执行人的行为（妨碍执行、隐匿财产等）：强制措施的依据'));
export const ConductResult = z.strictObject({ caseId: CaseId, conduct: z.enum(CONDUCT_KINDS) });
export const ReleaseBody = z
  .strictObject({ reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(1000)) })
  .check(z.describe('院长批准提前解除司法拘留，作出提前解除拘留决定书（被拘留人认错悔改，C2）'));
export const ReleaseResult = z.strictObject({ caseId: CaseId, released: z.boolean() });

/** Field evidence (functions/api/evidence-routes.ts holds the bodies; these are the answers). */
export const EvidenceParams = z.object({
  caseId: CaseId,
  evidenceId: z.string().check(z.regex(/^e[a-z2-7]{15}$/, 'must be an evidence id')),
});
export const EvidenceQuery = z.strictObject({ step: z.optional(z.string().check(z.maxLength(40))) });
export const EvidenceUploadIssued = z.looseObject({
  evidenceId: z.string(),
  expiresAt: Instant,
  method: z.enum(['single', 'multipart']),
});
export const EvidenceCompleted = z.looseObject({ evidenceId: z.string() });
export const EvidenceListing = z.looseObject({
  caseId: CaseId,
  caseNumber: z.string(),
  evidence: z.array(z.looseObject({ evidenceId: z.string(), step: z.string(), status: z.string() })),
});
export const EvidenceLink = z.looseObject({ evidenceId: z.string(), sha256: z.string() });
export const LegalHoldResult = z.looseObject({ caseId: CaseId, legalHold: z.boolean() });
export const EvidenceVerification = z.looseObject({ caseId: CaseId });

/** Issued documents (docs/documents.md): the case's list, and one document's signed PDF. */
export const DocumentParams = z.object({
  caseId: CaseId,
  docId: z.string().check(z.regex(/^DOC-[0-9A-F]{20}$/, 'must be a document id')),
});
const IssuedDocumentView = z.looseObject({
  docId: z.string(),
  kind: z.string(),
  title: z.string(),
  number: z.string(),
  templateVersion: z.number().check(z.int()),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  sizeBytes: z.number().check(z.int()),
  issuedAt: Instant,
});
export const DocumentListing = z.looseObject({
  caseId: CaseId,
  caseNumber: z.string(),
  documents: z.array(IssuedDocumentView),
});
/** The PDF inside JSON (base64), so it passes the API's JSON answers unchanged; its SHA-256 is the journal's. */
export const DocumentFile = z.looseObject({
  docId: z.string(),
  number: z.string(),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  contentType: z.literal('application/pdf'),
  pdfBase64: z.string(),
});

const PartyView = z.strictObject({
  partyId: z.string(),
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  legalRepresentative: z.optional(z.string()),
});

/** The case record; parties without identity numbers or contacts. Open to new fields as the case model grows. */
export const CaseView = z.looseObject({
  caseId: CaseId,
  caseNumber: z.string(),
  court: z.object({ code: z.string(), name: z.string() }),
  status: z.enum(CASE_STATUSES),
  applicants: z.array(PartyView),
  respondents: z.array(PartyView),
  approvals: z.record(
    z.string(),
    z.looseObject({ approvalId: ApprovalId, status: z.string(), assignee: z.optional(z.string()) }),
  ),
  version: z.int().check(z.minimum(1)),
  head: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});

export const CaseJournalResponse = z.strictObject({
  caseId: CaseId,
  commits: z.array(
    z.strictObject({
      caseId: CaseId,
      seq: z.int().check(z.minimum(1)),
      at: Instant,
      actor: z.object({
        kind: z.enum(['system', 'staff', 'partner']),
        id: z.string(),
        role: z.optional(z.string()),
      }),
      events: z.array(z.looseObject({ type: z.string() })),
      cause: z.record(z.string(), z.string()),
      prevHash: z.string(),
      hash: z.string(),
    }),
  ),
});

export const ChainCheck = z.union([
  z.strictObject({ caseId: CaseId, caseNumber: z.string(), ok: z.literal(true), commits: z.int(), head: z.string() }),
  z.strictObject({ caseId: CaseId, caseNumber: z.string(), ok: z.literal(false), seq: z.int(), problem: z.string() }),
]);

export const CaseTimeline = z.strictObject({
  caseId: CaseId,
  lines: z.array(z.strictObject({ seq: z.int(), at: z.string(), actor: z.string(), text: z.string() })),
});

/** Local only: the runtime's clock. */
export const ClockView = z.strictObject({ mode: z.enum(['real', 'virtual']), now: Instant });

export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    issues: z.optional(z.array(z.strictObject({ path: z.string(), message: z.string() }))),
  }),
});

/** Local identity provider only: a development token for a user of the staff directory. */
export const TokenRequest = z.strictObject({ userId: UserId });
export const TokenResponse = z.strictObject({
  token: z.string(),
  tokenType: z.literal('Bearer'),
  expiresAt: Instant,
  userId: UserId,
  roles: z.array(z.enum(ROLES)),
  court: z.string(),
  note: z.string(),
});

/**
 * Local staff sign-in (embedded runtime): a password, and the current TOTP code for approving roles. `session`:
 * `bearer` (the CLI, scripts: the token in the answer) or `cookie` (the console: an HttpOnly cookie, and a CSRF
 * token its requests repeat in the x-csrf-token header; no token in the answer).
 */
export const SignInBody = z.strictObject({
  userId: UserId,
  password: z.string().check(z.minLength(1), z.maxLength(256)),
  totp: z.optional(z.string().check(z.regex(/^\d{6}$/, 'six digits'))),
  session: z.optional(z.enum(['bearer', 'cookie'])),
});
export const SignInResult = z.strictObject({
  tokenType: z.enum(['Bearer', 'Cookie']),
  token: z.optional(z.string()),
  csrfToken: z.optional(z.string()),
  expiresAt: Instant,
  userId: UserId,
  roles: z.array(z.enum(ROLES)),
  court: z.string(),
});
export const SignOutResult = z.strictObject({ signedOut: z.literal(true) });

/** Local virtual clock only. */
export const ClockAdvanceBody = z.strictObject({
  duration: z.string().check(z.regex(/^(\d+[smhdw])+$/, 'like 3d, 12h, 1d12h')),
});
export const ClockAdvanceResult = z.strictObject({ from: Instant, to: Instant });

export const OpenApiDocument = z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) });

/** G1, G2: the way to close in, its ground (other than 终本: one of the rule table's grounds of that way), why. */
export const ClosureBody = z
  .strictObject({
    way: z.enum(['final-round-closure', 'termination', 'withdrawal', 'non-enforcement', 'rejection']),
    ground: z
      .optional(z.string().check(z.minLength(1), z.maxLength(60)))
      .check(z.describe('结案事由（规则表 G1 所列，终结本次执行程序不填）')),
    reason: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(1000))),
  })
  .check(z.describe('申请结案：终结本次执行程序、终结执行、销案、不予执行、驳回申请'));

export const ClosureResult = z.strictObject({ caseId: CaseId, way: z.string(), execution: z.string() });

/** G2: what the applicant said when the officer heard them (约谈). */
export const InterviewBody = z
  .strictObject({
    opinion: z.enum(['agrees', 'objects']).check(z.describe('agrees：同意终本；objects：不同意')),
    note: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  })
  .check(z.describe('记录约谈申请执行人的情况'));

export const InterviewResult = z.strictObject({
  caseId: CaseId,
  opinion: z.enum(['agrees', 'objects']),
  recorded: z.literal(true),
});

/** G2 (终本规定 第四条第二项): a sealed vehicle the officer could not actually impound, and how the search went. */
export const NotImpoundedBody = z
  .strictObject({
    assetId: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
    note: z.string().check(z.trim(), z.minLength(2), z.maxLength(500)),
  })
  .check(z.describe('记录查封的车辆未能实际扣押（终本规定第四条第二项）'));

export const NotImpoundedResult = z.strictObject({ caseId: CaseId, assetId: z.string(), recorded: z.literal(true) });

/** 执行和解: the installments the parties agreed, each a date (China) and an amount in fen. */
export const SettlementBody = z
  .strictObject({
    installments: z
      .array(
        z.strictObject({
          dueOn: z.iso.date(),
          amountFen: z.int().check(z.positive(), z.maximum(Number.MAX_SAFE_INTEGER)),
        }),
      )
      .check(z.minLength(1), z.maxLength(60)),
    note: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
  })
  .check(z.describe('记录执行和解协议：各期履行日期与金额（分），合计应等于尚未执行的金额'));

export const SettlementResult = z.strictObject({
  caseId: CaseId,
  execution: z.string(),
  installments: z.int().check(z.minimum(1)),
});

/** 执行和解规定 第九条: the applicant's application to resume after a breached settlement, recorded by the officer. */
export const ResumptionBody = z
  .strictObject({
    note: z
      .optional(z.string().check(z.trim(), z.maxLength(1000)))
      .check(z.describe('申请执行人申请的情况（如书面申请日期）')),
  })
  .check(z.describe('记录申请执行人申请恢复执行（被执行人不履行执行和解协议）'));

export const ResumptionResult = z.strictObject({ caseId: CaseId, resumptionApplied: z.literal(true) });

/** 法释〔2017〕7号 第十条第一款第三项: the applicant's written request to remove the listing, agreed by the court. */
export const ListingRemovalBody = z
  .strictObject({
    note: z
      .optional(z.string().check(z.trim(), z.maxLength(1000)))
      .check(z.describe('申请执行人书面申请的情况及审查意见')),
  })
  .check(z.describe('记录申请执行人书面申请删除失信信息，本院审查同意（仅适用于未设纳入期限的失信信息）'));

export const ListingRemovalResult = z.strictObject({ caseId: CaseId, removalRequested: z.literal(true) });

// Matters other courts entrust to this court (H1), and both directions counted.

export const MatterId = z.string().check(z.regex(/^m[a-z2-7]{19}$/, 'must be a received matter id'));
export const MatterParams = z.strictObject({ matterId: MatterId });
const CourtCode = z.string().check(z.trim(), z.minLength(2), z.maxLength(20));

export const ReceiveMatterBody = z
  .strictObject({
    fromCourt: z.strictObject({ code: CourtCode, name: z.string().check(z.trim(), z.minLength(2), z.maxLength(60)) }),
    fromCaseNumber: z.string().check(z.trim(), z.minLength(3), z.maxLength(60)),
    kind: z.enum(MATTER_KINDS),
    /** The asset or party reference of the requesting court (an id or register number: no personal names). */
    reference: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
    receivedOn: z.optional(z.iso.date()),
    assignee: z.optional(UserId),
  })
  .check(z.describe('登记其他法院委托本院办理的执行事项（H1：30日内办结或函复）'));

const MatterNodeView = z.strictObject({
  node: z.string(),
  ruleId: z.string(),
  startedOn: z.iso.date(),
  dueDate: z.iso.date(),
  dueAt: Instant,
  unconfirmedYears: z.array(z.int()),
  status: z.enum(['open', 'met', 'overdue']),
  metAt: z.optional(Instant),
});

export const ReceivedMatterView = z.strictObject({
  matterId: MatterId,
  court: z.string(),
  fromCourt: z.strictObject({ code: z.string(), name: z.string() }),
  fromCaseNumber: z.string(),
  kind: z.enum(MATTER_KINDS),
  reference: z.string(),
  receivedOn: z.iso.date(),
  node: MatterNodeView,
  /** H1: started within 15 days of arrival (absent on matters recorded before this node existed). */
  startNode: z.optional(MatterNodeView),
  startedLate: z.optional(z.boolean()),
  status: z.enum(['open', 'completed', 'reported-back']),
  assignee: z.optional(z.string()),
  result: z.optional(z.string()),
  finishedAt: z.optional(Instant),
  late: z.optional(z.boolean()),
  overdueAlertedAt: z.optional(Instant),
  history: z.array(
    z.strictObject({
      at: Instant,
      by: z.string(),
      action: z.enum([
        'received',
        'assigned',
        'started',
        'completed',
        'reported-back',
        'overdue-alerted',
        'start-overdue-alerted',
      ]),
      note: z.optional(z.string()),
    }),
  ),
  version: z.int(),
});

export const ReceiveMatterResult = z.strictObject({ matter: ReceivedMatterView, created: z.boolean() });

export const AssignMatterBody = z.strictObject({ to: UserId });

export const FinishMatterBody = z
  .strictObject({
    outcome: z.enum(['completed', 'reported-back']),
    result: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)),
  })
  .check(z.describe('受托事项办结或函复委托法院，并记录结果；超过H1期限的记为逾期办结'));

export const MatterQuery = z.strictObject({
  from: z.optional(z.iso.date()),
  to: z.optional(z.iso.date()),
  status: z.optional(z.enum(['open', 'completed', 'reported-back'])),
});

export const MatterListing = z.strictObject({ items: z.array(ReceivedMatterView) });

export const OverdueCheckResult = z.strictObject({ alerted: z.array(MatterId) });

export const CountsQuery = z.strictObject({ from: z.iso.date(), to: z.iso.date() });

export const EntrustmentCountsView = z.strictObject({
  court: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  sent: z.int().check(z.minimum(0)),
  received: z.int().check(z.minimum(0)),
  receivedOnTime: z.int().check(z.minimum(0)),
  receivedLate: z.int().check(z.minimum(0)),
  receivedOpen: z.int().check(z.minimum(0)),
  receivedOverdue: z.int().check(z.minimum(0)),
});
