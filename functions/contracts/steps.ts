/**
 * What each step receives from its state machine. Objects are not strict: a payload from an older or newer
 * definition (still in flight after a deployment) with fields this version does not know is accepted; the
 * fixtures under test/fixtures/step-payloads/ keep every released version honest.
 */
import * as z from 'zod';
import { APPROVAL_STEPS } from '#domain/approvals/policy.ts';
import { EXECUTION_NAME_PATTERN } from '#domain/ids.ts';
import { ROLES } from '#domain/staff/roles.ts';

const approvalSteps = Object.keys(APPROVAL_STEPS) as [keyof typeof APPROVAL_STEPS, ...(keyof typeof APPROVAL_STEPS)[]];

export const CaseRef = z.object({
  caseId: z.string().regex(/^c[a-z2-7]{19}$/, 'must be a case id'),
  execution: z.string().regex(EXECUTION_NAME_PATTERN, 'must be an execution name'),
  /** The calling definition's version; absent from payloads of versions before 2026.12.1. */
  definition: z
    .string()
    .regex(/^\d{4}\.\d{1,2}\.\d{1,3}$/)
    .optional(),
});

/** Task tokens are opaque, up to 2,048 characters; stored whole, never logged. */
const taskToken = z.string().min(1).max(2048);
const requestId = z.string().regex(/^r[a-z2-7]{11}$/, 'must be a request id');

export const RequestRef = CaseRef.extend({ requestId });
export const RoundRequestRef = RequestRef.extend({ round: z.int().min(1).max(50) });
export const DispatchInput = CaseRef.extend({ requestId, taskToken });

export const ApprovalTerms = z.object({
  step: z.enum(approvalSteps),
  level: z.int().min(0).max(10),
  requiredRole: z.enum(ROLES),
  dueAt: z.iso.datetime(),
  timeoutSeconds: z.int().min(1),
  /** Carried by definition version 2026.11.1; the summary is now built from the case when requested. */
  summary: z.string().max(2000).optional(),
  occasion: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
  /** Node tasks (2026.12.2 on): the time node the task is about, and an extension's proposed months. */
  node: z.string().min(1).max(80).optional(),
  months: z.int().min(1).max(24).optional(),
  /** The measures' approvals: the staff member who proposed the measure, who may not decide it (an id, not a name). */
  requester: z.string().min(1).max(100).optional(),
});

export const ApprovalWaitInput = CaseRef.extend({ approval: ApprovalTerms, taskToken });
export const EscalateInput = CaseRef.extend({ approval: ApprovalTerms });

export const DecisionOutput = z.object({
  approvalId: z.string().regex(/^a[a-z2-7]{11}$/),
  decision: z.enum(['approved', 'rejected']),
  by: z.string().min(1).max(60),
  role: z.enum(ROLES),
  reason: z.string().max(1000).optional(),
  data: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
});
export const ApplyDecisionInput = CaseRef.extend({
  step: z.enum(approvalSteps),
  decision: DecisionOutput,
  node: z.string().min(1).max(80).optional(),
});

export const NeedsAttentionInput = CaseRef.extend({
  error: z.object({ Error: z.string().max(256).optional(), Cause: z.string().optional() }),
});

/**
 * The coercion loop: the request just waited on ('' after an approval or at the start), and the loop count. After an
 * approval the loop's advance step is also handed the decision (and its step), which it applies before advancing:
 * one Task where there were two and a Choice (workflows/approval.asl.ts, `applyWith`).
 */
export const AdvanceInput = CaseRef.extend({
  requestId: z.union([z.literal(''), requestId]),
  round: z.int().min(0).max(200),
  step: z.enum(approvalSteps).optional(),
  decision: DecisionOutput.optional(),
});

/** The re-query loop (G3) also says which of the queries it made, so that a retried step records it once. */
export const RequeryAdvanceInput = AdvanceInput.extend({ query: z.int().min(0).max(100).optional() });
