/**
 * Staff API contracts of 诉执衔接 (preservations carried into enforcement, B3-CARRY) and of the time limit for applying
 * (A12, the respondent's objection and its ruling).
 */
import * as z from 'zod';
import { CaseId } from './api.ts';

const LocalDate = z.iso.date();

export const PreservationQuery = z
  .object({
    status: z.enum(['held', 'carried', 'ended']).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

const SeizureView = z
  .object({
    seizureId: z.string(),
    class: z.enum(['deposit', 'online-funds', 'real-estate', 'vehicle', 'securities']),
    institution: z.string(),
    reference: z.string(),
    amountFen: z.int().min(0),
    seizedOn: LocalDate,
    expiresOn: LocalDate,
    status: z.enum(['held', 'lifted']),
  })
  .strict();

export const PreservationView = z
  .object({
    preservationId: z.string(),
    rulingNumber: z.string(),
    kind: z.enum(['pre-litigation', 'in-litigation', 'pre-enforcement']),
    ruledOn: LocalDate,
    lawsuitCaseNumber: z.string().optional(),
    revision: z.int().min(1),
    status: z.enum(['held', 'carried', 'ended']),
    /** The earliest expiry of what is still held (from today), when anything is. */
    earliestExpiry: LocalDate.optional(),
    alertedFor: LocalDate.optional(),
    carriedInto: z.object({ caseId: CaseId, caseNumber: z.string(), at: z.iso.datetime() }).strict().optional(),
    seizures: z.array(SeizureView),
  })
  .strict();

export const PreservationListing = z.object({ court: z.string(), preservations: z.array(PreservationView) }).strict();

export const ObjectionBody = z
  .object({
    respondentId: z.string().min(1).max(40),
    receivedOn: LocalDate,
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .describe('登记被执行人以超过申请执行期间为由提出的异议（A12）');

export const ObjectionParams = z.object({ caseId: CaseId, objectionId: z.string().regex(/^o[a-z2-7]{11}$/) });

export const RulingBody = z
  .object({
    outcome: z.enum(['upheld', 'dismissed']),
    reason: z.string().trim().min(2).max(1000),
    /** The day the limit was interrupted (e.g. a demand for performance), when the ruling finds it was. */
    interruptedOn: LocalDate.optional(),
  })
  .strict()
  .describe('对执行时效异议作出裁定：异议成立的裁定不予执行，不成立的裁定驳回（A12）');

export const ObjectionResult = z
  .object({
    caseId: CaseId,
    objectionId: z.string(),
    status: z.enum(['pending', 'upheld', 'dismissed']),
    lastDay: LocalDate,
    within: z.boolean(),
  })
  .strict();

const PartyChangeId = z.string().regex(/^v[a-z2-7]{11}$/, 'must be an application id');

export const PartyChangeParams = z.object({ caseId: CaseId, applicationId: PartyChangeId });

export const PartyChangeRulingBody = z
  .object({
    outcome: z.enum(['granted', 'rejected']),
    reason: z.string().trim().min(2).max(1000),
    servedOn: LocalDate,
  })
  .strict()
  .describe('对变更、追加申请作出裁定并送达（V1：收到申请之日起六十日内）');

export const PartyChangeChallengeBody = z
  .object({ filedOn: LocalDate })
  .strict()
  .describe('当事人在法定期间内申请复议（十日）或提起执行异议之诉（十五日）');

export const PartyChangeFinalBody = z
  .object({
    /** After a challenge: the ruling upheld or reversed. Without one: absent (the window must have passed). */
    outcome: z.enum(['upheld', 'reversed']).optional(),
    reason: z.string().trim().max(1000).optional(),
  })
  .strict()
  .describe('变更、追加裁定生效：期间届满未申请复议或起诉，或复议、诉讼已有结果');

export const PartyChangeResult = z
  .object({
    caseId: CaseId,
    applicationId: PartyChangeId,
    status: z.enum(['examining', 'ruled', 'challenged', 'settled']),
    partyId: z.string(),
    ruleBy: LocalDate.optional(),
    challengeBy: LocalDate.optional(),
    challengeRoute: z.enum(['reconsideration', 'lawsuit']).optional(),
    final: z.enum(['granted', 'rejected']).optional(),
    respondents: z.array(z.string()),
    /** The run started for the joined respondent: service (then inquiry and control), or the inquiry that waited. */
    started: z.string().optional(),
  })
  .strict();
