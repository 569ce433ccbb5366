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
import * as z from 'zod/mini';
import './zod-english.ts';
import { issueLines } from './issues.ts';

export const INTAKE_SOURCE = 'court.filing';
export const INTAKE_DETAIL_TYPE = 'EnforcementCaseFiled';

const date = z.iso.date();
const idNumber = z
  .string()
  .check(z.regex(/^[0-9A-Z]{18}$/, 'must be an 18-character resident ID number or unified social credit code'));
const fenAmount = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));

const PartyV1 = z.strictObject({
  kind: z.enum(['person', 'organisation']),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  idNumber,
  phone: z.optional(z.string().check(z.regex(/^1\d{10}$/, 'must be an 11-digit mobile number'))),
  email: z.optional(z.email()),
  address: z.optional(z.string().check(z.maxLength(500))),
  eServiceConsent: z.boolean(),
  legalRepresentative: z.optional(z.string().check(z.maxLength(200))),
});

const CourtV1 = z.strictObject({
  code: z.string().check(z.regex(/^[A-Z0-9-]{2,20}$/, 'must be 2-20 of A-Z, 0-9 and -')),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
});

const BasisV1 = z.strictObject({
  documentNumber: z.string().check(z.trim(), z.minLength(3), z.maxLength(80)),
  court: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  kind: z.enum(['judgment', 'ruling', 'mediation', 'arbitration-award', 'notarised-debt', 'payment-order']),
  effectiveDate: date,
  /** The last day of the performance period the basis sets (履行期间届满之日), when it sets one. */
  performBy: z.optional(date),
  cause: z.optional(z.string().check(z.maxLength(100))),
});

const common = {
  court: CourtV1,
  caseNumber: z.string().check(z.trim(), z.minLength(5), z.maxLength(60)),
  kind: z.enum(['first', 'resumed', 'non-litigation']),
  filedAt: z.iso.datetime({ offset: true }),
  previousCaseNumber: z.optional(z.string().check(z.trim(), z.minLength(5), z.maxLength(60))),
  applicants: z.array(PartyV1).check(z.minLength(1), z.maxLength(50)),
  respondents: z.array(PartyV1).check(z.minLength(1), z.maxLength(50)),
  basis: BasisV1,
};

export const IntakeDetailV1 = z
  .strictObject({
    schemaVersion: z.literal(1),
    ...common,
    claim: z.strictObject({
      principalFen: fenAmount,
      interestFen: z.optional(fenAmount),
      costsFen: z.optional(fenAmount),
    }),
  })
  .check(
    z.refine((d) => d.claim.principalFen + (d.claim.interestFen ?? 0) + (d.claim.costsFen ?? 0) > 0, {
      path: ['claim'],
      message: 'the claim must be more than 0 fen',
    }),
    z.refine((d) => Number.isSafeInteger(d.claim.principalFen + (d.claim.interestFen ?? 0) + (d.claim.costsFen ?? 0)), {
      path: ['claim'],
      message: 'the claim total is too large',
    }),
    z.refine((d) => d.kind !== 'resumed' || d.previousCaseNumber !== undefined, {
      path: ['previousCaseNumber'],
      message: 'a resumed case must name the case it resumes',
    }),
  );

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
            creditorIdNumber: z.optional(idNumber),
          }),
        )
        .check(z.minLength(1), z.maxLength(50)),
    }),
  })
  .check(
    z.refine((d) => d.claim.items.reduce((t, i) => t + i.amountFen, 0) > 0, {
      path: ['claim', 'items'],
      message: 'the claim must be more than 0 fen',
    }),
    z.refine((d) => Number.isSafeInteger(d.claim.items.reduce((t, i) => t + i.amountFen, 0)), {
      path: ['claim', 'items'],
      message: 'the claim total is too large',
    }),
    z.refine(
      (d) =>
        d.claim.items.every(
          (i) => i.creditorIdNumber === undefined || d.applicants.some((a) => a.idNumber === i.creditorIdNumber),
        ),
      { path: ['claim', 'items'], message: 'creditorIdNumber must be one of the applicants' },
    ),
    z.refine((d) => d.kind !== 'resumed' || d.previousCaseNumber !== undefined, {
      path: ['previousCaseNumber'],
      message: 'a resumed case must name the case it resumes',
    }),
  );

/**
 * v3: as v2, and a case may name the case it reverses (执行回转, REVERSAL: 民诉法 第二百四十四条): the title of that
 * case was set aside after execution, and this case enforces the ruling that orders the money returned.
 */
export const IntakeDetailV3 = z
  .strictObject({
    schemaVersion: z.literal(3),
    ...common,
    claim: IntakeDetailV2.shape.claim,
    reversalOf: z.optional(
      z.strictObject({
        caseNumber: z.string().check(z.trim(), z.minLength(5), z.maxLength(60)),
        /** The document that set the old case's title aside. */
        setAsideBy: z.string().check(z.trim(), z.minLength(3), z.maxLength(100)),
      }),
    ),
  })
  .check(
    z.refine((d) => d.claim.items.reduce((t, i) => t + i.amountFen, 0) > 0, {
      path: ['claim', 'items'],
      message: 'the claim must be more than 0 fen',
    }),
    z.refine((d) => Number.isSafeInteger(d.claim.items.reduce((t, i) => t + i.amountFen, 0)), {
      path: ['claim', 'items'],
      message: 'the claim total is too large',
    }),
    z.refine(
      (d) =>
        d.claim.items.every(
          (i) => i.creditorIdNumber === undefined || d.applicants.some((a) => a.idNumber === i.creditorIdNumber),
        ),
      { path: ['claim', 'items'], message: 'creditorIdNumber must be one of the applicants' },
    ),
    z.refine((d) => d.kind !== 'resumed' || d.previousCaseNumber !== undefined, {
      path: ['previousCaseNumber'],
      message: 'a resumed case must name the case it resumes',
    }),
    z.refine((d) => d.reversalOf === undefined || d.reversalOf.caseNumber !== d.caseNumber, {
      path: ['reversalOf', 'caseNumber'],
      message: 'a reversal names another case than itself',
    }),
  );

export const IntakeDetail = z.discriminatedUnion('schemaVersion', [IntakeDetailV1, IntakeDetailV2, IntakeDetailV3]);
export type IntakeDetail = z.infer<typeof IntakeDetail>;

/** The event as EventBridge delivers it to the intake target. */
export const IntakeEvent = z.object({
  version: z.optional(z.string()),
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  source: z.literal(INTAKE_SOURCE),
  'detail-type': z.literal(INTAKE_DETAIL_TYPE),
  account: z.optional(z.string()),
  time: z.optional(z.iso.datetime({ offset: true })),
  region: z.optional(z.string()),
  resources: z.optional(z.array(z.string())),
  detail: IntakeDetail,
});
export type IntakeEvent = z.infer<typeof IntakeEvent>;

/** Largest accepted event; EventBridge's own limit is 256 KiB. */
export const MAX_INTAKE_EVENT_BYTES = 256 * 1024;

/** Human-readable problems, one per line, each naming the field. Never the offending value (personal data). */
export function describeIssues(error: z.core.$ZodError): string[] {
  return issueLines(error, '(event)');
}
