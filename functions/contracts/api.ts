/**
 * The staff HTTP API's contracts: path and query parameters, request bodies and response bodies, as zod schemas.
 * The handlers parse with them, the OpenAPI document (api/openapi.json) and API Gateway's request models are
 * generated from them, and the tests validate real responses against the generated document.
 */
import * as z from 'zod';
import { APPROVAL_STEPS } from '#domain/approvals/policy.ts';
import { CONDUCT_KINDS } from '#domain/case/model.ts';
import { CASE_STATUSES } from '#domain/case/status.ts';
import { MATTER_KINDS } from '#domain/entrustment/received.ts';
import { ROLES } from '#domain/staff/roles.ts';
import { DecisionBody } from './decisions.ts';

export { DecisionBody };

const approvalSteps = Object.keys(APPROVAL_STEPS) as [keyof typeof APPROVAL_STEPS, ...(keyof typeof APPROVAL_STEPS)[]];

export const ApprovalId = z.string().regex(/^a[a-z2-7]{11}$/, 'must be an approval id');
export const CaseId = z.string().regex(/^c[a-z2-7]{19}$/, 'must be a case id');
export const UserId = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'must be a user id');
const Instant = z.iso.datetime();

export const ApprovalParams = z.object({ approvalId: ApprovalId });
export const CaseParams = z.object({ caseId: CaseId });

/** Query strings arrive as strings: numbers are coerced, unknown parameters refused. */
export const TaskQuery = z
  .object({
    scope: z.enum(['mine', 'court']).optional().describe('mine（默认）：本人可办的待办；court：全院待办（需相应权限）'),
    caseId: CaseId.optional(),
    step: z.enum(approvalSteps).optional(),
    court: z.string().max(20).optional(),
    team: z.string().max(60).optional(),
    assignee: UserId.optional(),
    dueBefore: Instant.optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    cursor: z.string().max(200).optional(),
  })
  .strict();

const Phase = z.enum(['service', 'investigation', 'disbursement', 'coercion']);
const Cursor = z.string().max(600);

export const CaseQuery = z
  .object({
    status: z.enum(CASE_STATUSES).optional(),
    phase: Phase.optional().describe('未结案件按阶段（索引查询，按立案时间）；不与 status、team 同用'),
    team: z.string().max(60).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    cursor: Cursor.optional().describe('按阶段查询时的下一页'),
  })
  .strict();

export const Task = z
  .object({
    approvalId: ApprovalId,
    caseId: CaseId,
    caseNumber: z.string(),
    court: z.string(),
    team: z.string().optional(),
    step: z.string(),
    stepLabel: z.string(),
    level: z.int().min(0),
    requiredRole: z.enum(ROLES),
    requester: z.string(),
    summary: z.string(),
    amountFen: z.int().optional(),
    dueAt: Instant,
    createdAt: Instant,
    status: z.enum(['pending', 'approved', 'rejected', 'timed-out']),
    assignee: z.string().optional(),
    decidedBy: z.string().optional(),
    decidedAt: Instant.optional(),
    overdue: z.boolean(),
  })
  .strict();

export const TaskPage = z.object({ items: z.array(Task), nextCursor: z.string().optional() }).strict();

export const CaseSummary = z
  .object({
    caseId: CaseId,
    caseNumber: z.string(),
    court: z.object({ code: z.string(), name: z.string() }).strict(),
    status: z.enum(CASE_STATUSES),
    track: z.string().optional(),
    team: z.string().optional(),
    officer: z.string().optional(),
    applicants: z.array(z.string()),
    respondents: z.array(z.string()),
    claimFen: z.int(),
    balanceFen: z.int(),
    filedAt: Instant,
  })
  .strict();

export const TaskDetail = z.object({ task: Task, case: CaseSummary }).strict();

export const AssignBody = z
  .object({ to: UserId, reason: z.string().trim().min(2).max(500).optional() })
  .strict()
  .describe('指派或改派审批事项');

export const ReassignBody = z
  .object({ from: UserId, to: UserId, reason: z.string().trim().min(2).max(500).optional() })
  .strict()
  .describe('将某人名下全部待办批量转给另一人（如人员离岗）');

export const ReassignResult = z
  .object({
    from: UserId,
    to: UserId,
    moved: z.array(Task),
    skipped: z.array(z.object({ approvalId: ApprovalId, status: z.int(), reason: z.string() }).strict()),
  })
  .strict();

export const DecisionResult = z
  .object({
    approvalId: ApprovalId,
    caseId: CaseId,
    decision: z.enum(['approved', 'rejected']),
    /** A panel step (E8-PANEL): the votes so far, the majority needed, and whether this vote decided it. */
    panel: z
      .object({ votes: z.number().int(), needed: z.number().int(), decided: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict();

export const Me = z
  .object({ userId: UserId, name: z.string(), roles: z.array(z.enum(ROLES)), court: z.string() })
  .strict();

export const CaseListing = z
  .object({
    items: z.array(
      z
        .object({
          caseId: CaseId,
          caseNumber: z.string(),
          court: z.string(),
          status: z.enum(CASE_STATUSES),
          officer: z.string().optional(),
          team: z.string().optional(),
          officerName: z.string().optional().describe('承办人姓名'),
          teamName: z.string().optional().describe('团队名称'),
          phase: Phase.optional(),
          filedAt: Instant,
        })
        .strict(),
    ),
    truncated: z.boolean(),
    nextCursor: z.string().optional(),
  })
  .strict();

const CaseSummaryItem = z
  .object({
    caseId: CaseId,
    caseNumber: z.string(),
    court: z.string(),
    status: z.enum(CASE_STATUSES),
    officer: z.string().optional(),
    team: z.string().optional(),
    phase: Phase.optional(),
    filedAt: Instant,
  })
  .strict();

/** The command-center board. */
export const NodeQuery = z
  .object({
    state: z.enum(['overdue', 'due-soon']).describe('overdue：已逾期未完成；due-soon：即将到期'),
    team: z.string().max(60).optional(),
    officer: UserId.optional(),
    withinDays: z.coerce.number().int().min(1).max(366).optional().describe('due-soon 的天数（默认 7）'),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    cursor: Cursor.optional(),
  })
  .strict();

const TimeNodeView = z.looseObject({
  node: z.string(),
  ruleId: z.string(),
  startedOn: z.string(),
  dueDate: z.string(),
  dueAt: Instant,
  status: z.enum(['open', 'met', 'overdue']),
  unconfirmedYears: z.array(z.int()),
});

export const NodePage = z
  .object({
    items: z.array(
      z
        .object({
          caseId: CaseId,
          caseNumber: z.string(),
          court: z.string(),
          team: z.string().optional(),
          officer: z.string().optional(),
          teamName: z.string().optional().describe('团队名称'),
          officerName: z.string().optional().describe('承办人姓名'),
          node: TimeNodeView,
          label: z.string(),
          light: z.enum(['met', 'green', 'due-soon', 'overdue']),
        })
        .strict(),
    ),
    nextCursor: z.string().optional(),
  })
  .strict();

export const ApprovalBoardQuery = z
  .object({
    role: z.enum(ROLES).optional().describe('按审批角色；不填则合并各角色等待最久的事项'),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    cursor: Cursor.optional(),
  })
  .strict();

export const CaseBoard = z
  .object({
    court: z.string(),
    phases: z.array(z.object({ phase: Phase, count: z.int().min(0) }).strict()),
    statuses: z.array(z.object({ status: z.enum(CASE_STATUSES), count: z.int().min(0) }).strict()),
  })
  .strict();

export const Workload = z
  .object({
    court: z.string(),
    officers: z.array(
      z
        .object({ userId: z.string(), name: z.string(), team: z.string().optional(), openCases: z.int().min(0) })
        .strict(),
    ),
    teams: z.array(z.object({ teamId: z.string(), name: z.string(), openCases: z.int().min(0) }).strict()),
  })
  .strict();

export const LookupQuery = z
  .object({
    caseNumber: z.string().min(3).max(60).optional().describe('案号（全角半角括号均可）'),
    partyId: z.string().min(3).max(60).optional().describe('当事人编号'),
  })
  .strict();

export const LookupResult = z.object({ items: z.array(CaseSummaryItem) }).strict();

/** Staff actions of the coercion phase (served by settle: they may wake the waiting phase). */
export const ConductBody = z
  .object({
    kind: z.enum(CONDUCT_KINDS),
    respondentId: z.string().max(40).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .describe('记录被执行人的行为（妨碍执行、隐匿财产等）：强制措施的依据');
export const ConductResult = z.object({ caseId: CaseId, conduct: z.enum(CONDUCT_KINDS) }).strict();
export const ReleaseBody = z
  .object({ reason: z.string().trim().min(2).max(1000) })
  .strict()
  .describe('院长批准提前解除司法拘留，作出提前解除拘留决定书（被拘留人认错悔改，C2）');
export const ReleaseResult = z.object({ caseId: CaseId, released: z.boolean() }).strict();

/** Field evidence (functions/api/evidence-routes.ts holds the bodies; these are the answers). */
export const EvidenceParams = z.object({
  caseId: CaseId,
  evidenceId: z.string().regex(/^e[a-z2-7]{15}$/, 'must be an evidence id'),
});
export const EvidenceQuery = z.object({ step: z.string().max(40).optional() }).strict();
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
  docId: z.string().regex(/^DOC-[0-9A-F]{20}$/, 'must be a document id'),
});
const IssuedDocumentView = z.looseObject({
  docId: z.string(),
  kind: z.string(),
  title: z.string(),
  number: z.string(),
  templateVersion: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int(),
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
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  contentType: z.literal('application/pdf'),
  pdfBase64: z.string(),
});

const PartyView = z
  .object({
    partyId: z.string(),
    kind: z.enum(['person', 'organisation']),
    name: z.string(),
    legalRepresentative: z.string().optional(),
  })
  .strict();

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
    z.looseObject({ approvalId: ApprovalId, status: z.string(), assignee: z.string().optional() }),
  ),
  version: z.int().min(1),
  head: z.string().regex(/^[0-9a-f]{64}$/),
});

export const CaseJournalResponse = z
  .object({
    caseId: CaseId,
    commits: z.array(
      z
        .object({
          caseId: CaseId,
          seq: z.int().min(1),
          at: Instant,
          actor: z.object({
            kind: z.enum(['system', 'staff', 'partner']),
            id: z.string(),
            role: z.string().optional(),
          }),
          events: z.array(z.looseObject({ type: z.string() })),
          cause: z.record(z.string(), z.string()),
          prevHash: z.string(),
          hash: z.string(),
        })
        .strict(),
    ),
  })
  .strict();

export const ChainCheck = z.union([
  z
    .object({ caseId: CaseId, caseNumber: z.string(), ok: z.literal(true), commits: z.int(), head: z.string() })
    .strict(),
  z
    .object({ caseId: CaseId, caseNumber: z.string(), ok: z.literal(false), seq: z.int(), problem: z.string() })
    .strict(),
]);

export const CaseTimeline = z
  .object({
    caseId: CaseId,
    lines: z.array(z.object({ seq: z.int(), at: z.string(), actor: z.string(), text: z.string() }).strict()),
  })
  .strict();

/** Local only: the runtime's clock. */
export const ClockView = z.object({ mode: z.enum(['real', 'virtual']), now: Instant }).strict();

export const ErrorBody = z
  .object({
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        issues: z.array(z.object({ path: z.string(), message: z.string() }).strict()).optional(),
      })
      .strict(),
  })
  .strict();

/** Local identity provider only: a development token for a user of the staff directory. */
export const TokenRequest = z.object({ userId: UserId }).strict();
export const TokenResponse = z
  .object({
    token: z.string(),
    tokenType: z.literal('Bearer'),
    expiresAt: Instant,
    userId: UserId,
    roles: z.array(z.enum(ROLES)),
    court: z.string(),
    note: z.string(),
  })
  .strict();

/**
 * Local staff sign-in (embedded runtime): a password, and the current TOTP code for approving roles. `session`:
 * `bearer` (the CLI, scripts: the token in the answer) or `cookie` (the console: an HttpOnly cookie, and a CSRF
 * token its requests repeat in the x-csrf-token header; no token in the answer).
 */
export const SignInBody = z
  .object({
    userId: UserId,
    password: z.string().min(1).max(256),
    totp: z
      .string()
      .regex(/^\d{6}$/, 'six digits')
      .optional(),
    session: z.enum(['bearer', 'cookie']).optional(),
  })
  .strict();
export const SignInResult = z
  .object({
    tokenType: z.enum(['Bearer', 'Cookie']),
    token: z.string().optional(),
    csrfToken: z.string().optional(),
    expiresAt: Instant,
    userId: UserId,
    roles: z.array(z.enum(ROLES)),
    court: z.string(),
  })
  .strict();
export const SignOutResult = z.object({ signedOut: z.literal(true) }).strict();

/** Local virtual clock only. */
export const ClockAdvanceBody = z
  .object({ duration: z.string().regex(/^(\d+[smhdw])+$/, 'like 3d, 12h, 1d12h') })
  .strict();
export const ClockAdvanceResult = z.object({ from: Instant, to: Instant }).strict();

export const OpenApiDocument = z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) });

/** G1, G2: the way to close in, its ground (other than 终本: one of the rule table's grounds of that way), why. */
export const ClosureBody = z
  .object({
    way: z.enum(['final-round-closure', 'termination', 'withdrawal', 'non-enforcement', 'rejection']),
    ground: z.string().min(1).max(60).optional().describe('结案事由（规则表 G1 所列，终结本次执行程序不填）'),
    reason: z.string().trim().min(2).max(1000).optional(),
  })
  .strict()
  .describe('申请结案：终结本次执行程序、终结执行、销案、不予执行、驳回申请');

export const ClosureResult = z.object({ caseId: CaseId, way: z.string(), execution: z.string() }).strict();

/** G2: what the applicant said when the officer heard them (约谈). */
export const InterviewBody = z
  .object({
    opinion: z.enum(['agrees', 'objects']).describe('agrees：同意终本；objects：不同意'),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .describe('记录约谈申请执行人的情况');

export const InterviewResult = z
  .object({ caseId: CaseId, opinion: z.enum(['agrees', 'objects']), recorded: z.literal(true) })
  .strict();

/** G2 (终本规定 第四条第二项): a sealed vehicle the officer could not actually impound, and how the search went. */
export const NotImpoundedBody = z
  .object({
    assetId: z.string().trim().min(1).max(64),
    note: z.string().trim().min(2).max(500),
  })
  .strict()
  .describe('记录查封的车辆未能实际扣押（终本规定第四条第二项）');

export const NotImpoundedResult = z.object({ caseId: CaseId, assetId: z.string(), recorded: z.literal(true) }).strict();

/** 执行和解: the installments the parties agreed, each a date (China) and an amount in fen. */
export const SettlementBody = z
  .object({
    installments: z
      .array(z.object({ dueOn: z.iso.date(), amountFen: z.int().positive().max(Number.MAX_SAFE_INTEGER) }).strict())
      .min(1)
      .max(60),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .describe('记录执行和解协议：各期履行日期与金额（分），合计应等于尚未执行的金额');

export const SettlementResult = z
  .object({ caseId: CaseId, execution: z.string(), installments: z.int().min(1) })
  .strict();

/** 执行和解规定 第九条: the applicant's application to resume after a breached settlement, recorded by the officer. */
export const ResumptionBody = z
  .object({ note: z.string().trim().max(1000).optional().describe('申请执行人申请的情况（如书面申请日期）') })
  .strict()
  .describe('记录申请执行人申请恢复执行（被执行人不履行执行和解协议）');

export const ResumptionResult = z.object({ caseId: CaseId, resumptionApplied: z.literal(true) }).strict();

/** 法释〔2017〕7号 第十条第一款第三项: the applicant's written request to remove the listing, agreed by the court. */
export const ListingRemovalBody = z
  .object({ note: z.string().trim().max(1000).optional().describe('申请执行人书面申请的情况及审查意见') })
  .strict()
  .describe('记录申请执行人书面申请删除失信信息，本院审查同意（仅适用于未设纳入期限的失信信息）');

export const ListingRemovalResult = z.object({ caseId: CaseId, removalRequested: z.literal(true) }).strict();

// Matters other courts entrust to this court (H1), and both directions counted.

export const MatterId = z.string().regex(/^m[a-z2-7]{19}$/, 'must be a received matter id');
export const MatterParams = z.object({ matterId: MatterId }).strict();
const CourtCode = z.string().trim().min(2).max(20);

export const ReceiveMatterBody = z
  .object({
    fromCourt: z.object({ code: CourtCode, name: z.string().trim().min(2).max(60) }).strict(),
    fromCaseNumber: z.string().trim().min(3).max(60),
    kind: z.enum(MATTER_KINDS),
    /** The asset or party reference of the requesting court (an id or register number: no personal names). */
    reference: z.string().trim().min(1).max(120),
    receivedOn: z.iso.date().optional(),
    assignee: UserId.optional(),
  })
  .strict()
  .describe('登记其他法院委托本院办理的执行事项（H1：30日内办结或函复）');

const MatterNodeView = z
  .object({
    node: z.string(),
    ruleId: z.string(),
    startedOn: z.iso.date(),
    dueDate: z.iso.date(),
    dueAt: Instant,
    unconfirmedYears: z.array(z.int()),
    status: z.enum(['open', 'met', 'overdue']),
    metAt: Instant.optional(),
  })
  .strict();

export const ReceivedMatterView = z
  .object({
    matterId: MatterId,
    court: z.string(),
    fromCourt: z.object({ code: z.string(), name: z.string() }).strict(),
    fromCaseNumber: z.string(),
    kind: z.enum(MATTER_KINDS),
    reference: z.string(),
    receivedOn: z.iso.date(),
    node: MatterNodeView,
    /** H1: started within 15 days of arrival (absent on matters recorded before this node existed). */
    startNode: MatterNodeView.optional(),
    startedLate: z.boolean().optional(),
    status: z.enum(['open', 'completed', 'reported-back']),
    assignee: z.string().optional(),
    result: z.string().optional(),
    finishedAt: Instant.optional(),
    late: z.boolean().optional(),
    overdueAlertedAt: Instant.optional(),
    history: z.array(
      z
        .object({
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
          note: z.string().optional(),
        })
        .strict(),
    ),
    version: z.int(),
  })
  .strict();

export const ReceiveMatterResult = z.object({ matter: ReceivedMatterView, created: z.boolean() }).strict();

export const AssignMatterBody = z.object({ to: UserId }).strict();

export const FinishMatterBody = z
  .object({ outcome: z.enum(['completed', 'reported-back']), result: z.string().trim().min(1).max(1000) })
  .strict()
  .describe('受托事项办结或函复委托法院，并记录结果；超过H1期限的记为逾期办结');

export const MatterQuery = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    status: z.enum(['open', 'completed', 'reported-back']).optional(),
  })
  .strict();

export const MatterListing = z.object({ items: z.array(ReceivedMatterView) }).strict();

export const OverdueCheckResult = z.object({ alerted: z.array(MatterId) }).strict();

export const CountsQuery = z.object({ from: z.iso.date(), to: z.iso.date() }).strict();

export const EntrustmentCountsView = z
  .object({
    court: z.string(),
    from: z.iso.date(),
    to: z.iso.date(),
    sent: z.int().min(0),
    received: z.int().min(0),
    receivedOnTime: z.int().min(0),
    receivedLate: z.int().min(0),
    receivedOpen: z.int().min(0),
    receivedOverdue: z.int().min(0),
  })
  .strict();
