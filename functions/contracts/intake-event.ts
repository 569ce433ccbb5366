/**
 * The intake event: a court's filing system (立案系统) announces a newly filed enforcement case on EventBridge.
 *
 *   source:      court.filing
 *   detail-type: EnforcementCaseFiled
 *   detail:      one of the versions below, told apart by `schemaVersion`
 *
 * Versions are never changed once released; a new field means a new version, and `toFiling` maps every version
 * onto the one internal shape. JSON Schemas generated from these live in schemas/ (npm run schemas).
 */
import * as z from 'zod';
import { issueLines } from './issues.ts';

export const INTAKE_SOURCE = 'court.filing';
export const INTAKE_DETAIL_TYPE = 'EnforcementCaseFiled';

const date = z.iso.date();
const idNumber = z
  .string()
  .regex(/^[0-9A-Z]{18}$/, 'must be an 18-character resident ID number or unified social credit code');
const fenAmount = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

const PartyV1 = z.strictObject({
  kind: z.enum(['person', 'organisation']),
  name: z.string().trim().min(1).max(200),
  idNumber,
  phone: z
    .string()
    .regex(/^1\d{10}$/, 'must be an 11-digit mobile number')
    .optional(),
  email: z.email().optional(),
  address: z.string().max(500).optional(),
  eServiceConsent: z.boolean(),
  legalRepresentative: z.string().max(200).optional(),
});

const CourtV1 = z.strictObject({
  code: z.string().regex(/^[A-Z0-9-]{2,20}$/, 'must be 2-20 of A-Z, 0-9 and -'),
  name: z.string().trim().min(1).max(100),
});

const BasisV1 = z.strictObject({
  documentNumber: z.string().trim().min(3).max(80),
  court: z.string().trim().min(1).max(100),
  kind: z.enum(['judgment', 'ruling', 'mediation', 'arbitration-award', 'notarised-debt', 'payment-order']),
  effectiveDate: date,
  /** The last day of the performance period the basis sets (履行期间届满之日), when it sets one. */
  performBy: date.optional(),
  cause: z.string().max(100).optional(),
});

const common = {
  court: CourtV1,
  caseNumber: z.string().trim().min(5).max(60),
  kind: z.enum(['first', 'resumed', 'non-litigation']),
  filedAt: z.iso.datetime({ offset: true }),
  previousCaseNumber: z.string().trim().min(5).max(60).optional(),
  applicants: z.array(PartyV1).min(1).max(50),
  respondents: z.array(PartyV1).min(1).max(50),
  basis: BasisV1,
};

export const IntakeDetailV1 = z
  .strictObject({
    schemaVersion: z.literal(1),
    ...common,
    claim: z.strictObject({
      principalFen: fenAmount,
      interestFen: fenAmount.optional(),
      costsFen: fenAmount.optional(),
    }),
  })
  .refine((d) => d.claim.principalFen + (d.claim.interestFen ?? 0) + (d.claim.costsFen ?? 0) > 0, {
    path: ['claim'],
    message: 'the claim must be more than 0 fen',
  })
  .refine((d) => Number.isSafeInteger(d.claim.principalFen + (d.claim.interestFen ?? 0) + (d.claim.costsFen ?? 0)), {
    path: ['claim'],
    message: 'the claim total is too large',
  })
  .refine((d) => d.kind !== 'resumed' || d.previousCaseNumber !== undefined, {
    path: ['previousCaseNumber'],
    message: 'a resumed case must name the case it resumes',
  });

/** v2: the claim as items, each owed to a named applicant (by ID number). */
export const IntakeDetailV2 = z
  .strictObject({
    schemaVersion: z.literal(2),
    ...common,
    claim: z.strictObject({
      items: z
        .array(
          z.strictObject({
            kind: z.enum(['principal', 'interest', 'delay-interest', 'litigation-costs', 'other']),
            amountFen: fenAmount,
            creditorIdNumber: idNumber.optional(),
          }),
        )
        .min(1)
        .max(50),
    }),
  })
  .refine((d) => d.claim.items.reduce((t, i) => t + i.amountFen, 0) > 0, {
    path: ['claim', 'items'],
    message: 'the claim must be more than 0 fen',
  })
  .refine((d) => Number.isSafeInteger(d.claim.items.reduce((t, i) => t + i.amountFen, 0)), {
    path: ['claim', 'items'],
    message: 'the claim total is too large',
  })
  .refine(
    (d) =>
      d.claim.items.every(
        (i) => i.creditorIdNumber === undefined || d.applicants.some((a) => a.idNumber === i.creditorIdNumber),
      ),
    { path: ['claim', 'items'], message: 'creditorIdNumber must be one of the applicants' },
  )
  .refine((d) => d.kind !== 'resumed' || d.previousCaseNumber !== undefined, {
    path: ['previousCaseNumber'],
    message: 'a resumed case must name the case it resumes',
  });

/**
 * v3: as v2, and a case may name the case it reverses (执行回转, REVERSAL: 民诉法 第二百四十四条): the title of that
 * case was set aside after execution, and this case enforces the ruling that orders the money returned.
 */
export const IntakeDetailV3 = z
  .strictObject({
    schemaVersion: z.literal(3),
    ...common,
    claim: IntakeDetailV2.shape.claim,
    reversalOf: z
      .strictObject({
        caseNumber: z.string().trim().min(5).max(60),
        /** The document that set the old case's title aside. */
        setAsideBy: z.string().trim().min(3).max(100),
      })
      .optional(),
  })
  .refine((d) => d.claim.items.reduce((t, i) => t + i.amountFen, 0) > 0, {
    path: ['claim', 'items'],
    message: 'the claim must be more than 0 fen',
  })
  .refine((d) => Number.isSafeInteger(d.claim.items.reduce((t, i) => t + i.amountFen, 0)), {
    path: ['claim', 'items'],
    message: 'the claim total is too large',
  })
  .refine(
    (d) =>
      d.claim.items.every(
        (i) => i.creditorIdNumber === undefined || d.applicants.some((a) => a.idNumber === i.creditorIdNumber),
      ),
    { path: ['claim', 'items'], message: 'creditorIdNumber must be one of the applicants' },
  )
  .refine((d) => d.kind !== 'resumed' || d.previousCaseNumber !== undefined, {
    path: ['previousCaseNumber'],
    message: 'a resumed case must name the case it resumes',
  })
  .refine((d) => d.reversalOf === undefined || d.reversalOf.caseNumber !== d.caseNumber, {
    path: ['reversalOf', 'caseNumber'],
    message: 'a reversal names another case than itself',
  });

export const IntakeDetail = z.discriminatedUnion('schemaVersion', [IntakeDetailV1, IntakeDetailV2, IntakeDetailV3]);
export type IntakeDetail = z.infer<typeof IntakeDetail>;

/** The event as EventBridge delivers it to the intake target. */
export const IntakeEvent = z.object({
  version: z.string().optional(),
  id: z.string().min(1).max(128),
  source: z.literal(INTAKE_SOURCE),
  'detail-type': z.literal(INTAKE_DETAIL_TYPE),
  account: z.string().optional(),
  time: z.iso.datetime({ offset: true }).optional(),
  region: z.string().optional(),
  resources: z.array(z.string()).optional(),
  detail: IntakeDetail,
});
export type IntakeEvent = z.infer<typeof IntakeEvent>;

/** Largest accepted event; EventBridge's own limit is 256 KiB. */
export const MAX_INTAKE_EVENT_BYTES = 256 * 1024;

/** Human-readable problems, one per line, each naming the field. Never the offending value (personal data). */
export function describeIssues(error: z.core.$ZodError): string[] {
  return issueLines(error, '(event)');
}
