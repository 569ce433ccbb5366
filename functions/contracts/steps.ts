/**
 * What each step receives from its state machine. Objects are not strict: a payload from an older or newer
 * definition (still in flight after a deployment) with fields this version does not know is accepted; the
 * fixtures under test/fixtures/step-payloads/ keep every released version honest.
 *
 * Written with zod/mini (the functional API over zod's core): every step bundles these schemas, and the classic API
 * would add its methods and the JSON Schema generator to each (about 75 KiB of a step's bundle; BENCHMARKS.md).
 */

import * as z from 'zod/mini';
import { APPROVAL_STEPS } from '#domain/approvals/policy.ts';
import { EXECUTION_NAME_PATTERN } from '#domain/ids.ts';
import { ROLES } from '#domain/staff/roles.ts';
import './zod-english.ts';

const approvalSteps = Object.keys(APPROVAL_STEPS) as [keyof typeof APPROVAL_STEPS, ...(keyof typeof APPROVAL_STEPS)[]];

/** A string of `min` to `max` characters. */
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
/** An integer from `min` to `max`. */
const int = (min: number, max?: number) =>
  max === undefined ? z.int().check(z.minimum(min)) : z.int().check(z.minimum(min), z.maximum(max));

export const CaseRef = z.object({
  caseId: z.string().check(z.regex(/^c[a-z2-7]{19}$/, 'must be a case id')),
  execution: z.string().check(z.regex(EXECUTION_NAME_PATTERN, 'must be an execution name')),
  /** The calling definition's version; absent from payloads of versions before 2026.12.1. */
  definition: z.optional(z.string().check(z.regex(/^\d{4}\.\d{1,2}\.\d{1,3}$/))),
});

/** Task tokens are opaque, up to 2,048 characters; stored whole, never logged. */
const taskToken = text(1, 2048);
const requestId = z.string().check(z.regex(/^r[a-z2-7]{11}$/, 'must be a request id'));

export const RequestRef = z.extend(CaseRef, { requestId });
/** issue-documents: `triage` asks it to triage the case first (definitions from 2026.12.11). */
export const IssueInput = z.extend(CaseRef, { triage: z.optional(z.boolean()) });
/** plan-control: the inquiry just waited on, recorded before planning (absent before definition 2026.12.11). */
export const InquiryPlanInput = z.extend(CaseRef, { requestId: z.optional(requestId) });
export const RoundRequestRef = z.extend(RequestRef, { round: int(1, 50) });
/** record-control: `assess` as for ControlInput. */
export const ControlRoundInput = z.extend(RoundRequestRef, { assess: z.optional(z.boolean()) });
export const DispatchInput = z.extend(CaseRef, { requestId, taskToken });

export const ApprovalTerms = z.object({
  step: z.enum(approvalSteps),
  level: int(0, 10),
  requiredRole: z.enum(ROLES),
  dueAt: z.iso.datetime(),
  timeoutSeconds: int(1),
  /** Carried by definition version 2026.11.1; the summary is now built from the case when requested. */
  summary: z.optional(z.string().check(z.maxLength(2000))),
  occasion: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,60}$/))),
  /** Node tasks (2026.12.2 on): the time node the task is about, and an extension's proposed months. */
  node: z.optional(text(1, 80)),
  months: z.optional(int(1, 24)),
  /** The measures' approvals: the staff member who proposed the measure, who may not decide it (an id, not a name). */
  requester: z.optional(text(1, 100)),
});

export const ApprovalWaitInput = z.extend(CaseRef, { approval: ApprovalTerms, taskToken });
export const EscalateInput = z.extend(CaseRef, { approval: ApprovalTerms });

export const DecisionOutput = z.object({
  approvalId: z.string().check(z.regex(/^a[a-z2-7]{11}$/)),
  decision: z.enum(['approved', 'rejected']),
  by: text(1, 60),
  role: z.enum(ROLES),
  reason: z.optional(z.string().check(z.maxLength(1000))),
  data: z.optional(z.record(z.string(), z.union([z.string().check(z.maxLength(200)), z.number(), z.boolean()]))),
});
export const ApplyDecisionInput = z.extend(CaseRef, {
  step: z.enum(approvalSteps),
  decision: DecisionOutput,
  node: z.optional(text(1, 80)),
});

export const NeedsAttentionInput = z.extend(CaseRef, {
  error: z.object({ Error: z.optional(z.string().check(z.maxLength(256))), Cause: z.optional(z.string()) }),
});

/**
 * The coercion loop: the request just waited on ('' after an approval or at the start), and the loop count. After an
 * approval the loop's advance step is also handed the decision (and its step), which it applies before advancing:
 * one Task where there were two and a Choice (workflows/approval.asl.ts, `applyWith`).
 */
export const AdvanceInput = z.extend(CaseRef, {
  requestId: z.union([z.literal(''), requestId]),
  round: int(0, 200),
  step: z.optional(z.enum(approvalSteps)),
  decision: z.optional(DecisionOutput),
});

/**
 * A step that records its execution's approval decision before it acts (close-case after the disbursement's
 * approval, execute-control after the control plan's): one Task where there were apply-decision, a Choice on the
 * decision and the step. Without them (definitions before 2026.12.11 call apply-decision first) the step only acts.
 */
export const DecidedCaseRef = z.extend(CaseRef, {
  step: z.optional(z.enum(approvalSteps)),
  decision: z.optional(DecisionOutput),
});
/** A control step: `assess` asks it to assess the coverage itself once control is done (from 2026.12.11). */
export const ControlInput = z.extend(DecidedCaseRef, { assess: z.optional(z.boolean()) });

/** The re-query loop (G3) also says which of the queries it made, so that a retried step records it once. */
export const RequeryAdvanceInput = z.extend(AdvanceInput, { query: z.optional(int(0, 100)) });
