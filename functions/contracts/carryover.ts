/**
 * Staff API contracts of 诉执衔接 (preservations carried into enforcement, B3-CARRY) and of the time limit for applying
 * (A12, the respondent's objection and its ruling).
 */
import * as z from 'zod/mini';
import './zod-english.ts';
import { CaseId } from './api.ts';

const LocalDate = z.iso.date();

export const PreservationQuery = z.strictObject({
  status: z.optional(z.enum(['held', 'carried', 'ended'])),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200))),
});

const SeizureView = z.strictObject({
  seizureId: z.string(),
  class: z.enum(['deposit', 'online-funds', 'real-estate', 'vehicle', 'securities']),
  institution: z.string(),
  reference: z.string(),
  amountFen: z.int().check(z.minimum(0)),
  seizedOn: LocalDate,
  expiresOn: LocalDate,
  status: z.enum(['held', 'lifted']),
});

export const PreservationView = z.strictObject({
  preservationId: z.string(),
  rulingNumber: z.string(),
  kind: z.enum(['pre-litigation', 'in-litigation', 'pre-enforcement']),
  ruledOn: LocalDate,
  lawsuitCaseNumber: z.optional(z.string()),
  revision: z.int().check(z.minimum(1)),
  status: z.enum(['held', 'carried', 'ended']),
  /** The earliest expiry of what is still held (from today), when anything is. */
  earliestExpiry: z.optional(LocalDate),
  alertedFor: z.optional(LocalDate),
  carriedInto: z.optional(z.strictObject({ caseId: CaseId, caseNumber: z.string(), at: z.iso.datetime() })),
  seizures: z.array(SeizureView),
});

export const PreservationListing = z.strictObject({ court: z.string(), preservations: z.array(PreservationView) });

export const ObjectionBody = z
  .strictObject({
    respondentId: z.string().check(z.minLength(1), z.maxLength(40)),
    receivedOn: LocalDate,
    note: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
  })
  .check(z.describe('登记被执行人以超过申请执行期间为由提出的异议（A12）'));

export const ObjectionParams = z.object({ caseId: CaseId, objectionId: z.string().check(z.regex(/^o[a-z2-7]{11}$/)) });

export const RulingBody = z
  .strictObject({
    outcome: z.enum(['upheld', 'dismissed']),
    reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(1000)),
    /** The day the limit was interrupted (e.g. a demand for performance), when the ruling finds it was. */
    interruptedOn: z.optional(LocalDate),
  })
  .check(z.describe('对执行时效异议作出裁定：异议成立的裁定不予执行，不成立的裁定驳回（A12）'));

export const ObjectionResult = z.strictObject({
  caseId: CaseId,
  objectionId: z.string(),
  status: z.enum(['pending', 'upheld', 'dismissed']),
  lastDay: LocalDate,
  within: z.boolean(),
});

const PartyChangeId = z.string().check(z.regex(/^v[a-z2-7]{11}$/, 'must be an application id'));

export const PartyChangeParams = z.object({ caseId: CaseId, applicationId: PartyChangeId });

export const PartyChangeRulingBody = z
  .strictObject({
    outcome: z.enum(['granted', 'rejected']),
    reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(1000)),
    servedOn: LocalDate,
  })
  .check(z.describe('对变更、追加申请作出裁定并送达（V1：收到申请之日起六十日内）'));

export const PartyChangeChallengeBody = z
  .strictObject({ filedOn: LocalDate })
  .check(z.describe('当事人在法定期间内申请复议（十日）或提起执行异议之诉（十五日）'));

export const PartyChangeFinalBody = z
  .strictObject({
    /** After a challenge: the ruling upheld or reversed. Without one: absent (the window must have passed). */
    outcome: z.optional(z.enum(['upheld', 'reversed'])),
    reason: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
  })
  .check(z.describe('变更、追加裁定生效：期间届满未申请复议或起诉，或复议、诉讼已有结果'));

export const PartyChangeResult = z.strictObject({
  caseId: CaseId,
  applicationId: PartyChangeId,
  status: z.enum(['examining', 'ruled', 'challenged', 'settled']),
  partyId: z.string(),
  ruleBy: z.optional(LocalDate),
  challengeBy: z.optional(LocalDate),
  challengeRoute: z.optional(z.enum(['reconsideration', 'lawsuit'])),
  final: z.optional(z.enum(['granted', 'rejected'])),
  respondents: z.array(z.string()),
  /** The run started for the joined respondent: service (then inquiry and control), or the inquiry that waited. */
  started: z.optional(z.string()),
});
