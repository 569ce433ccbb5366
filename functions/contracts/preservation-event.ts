/**
 * The preservation event (诉执衔接): the court's preservation center (保全中心) announces a preservation ruling and the
 * seizures made under it, before the lawsuit (诉前保全) or during it (诉中保全), on the same bus as filings.
 *
 *   source:      court.preservation
 *   detail-type: PreservationRuled
 *   detail:      the versions below, told apart by `schemaVersion`
 *
 * The center sends the ruling again whenever its seizures change (a seizure made later, a renewal during the
 * lawsuit, one lifted): `revision` counts up, and the latest revision stands. Versions are never changed once
 * released; JSON Schemas generated from these live in schemas/ (npm run schemas).
 */
import * as z from 'zod/mini';
import './zod-english.ts';
import { issueLines } from './issues.ts';

export const PRESERVATION_SOURCE = 'court.preservation';
export const PRESERVATION_DETAIL_TYPE = 'PreservationRuled';

const date = z.iso.date();
const idNumber = z
  .string()
  .check(z.regex(/^[0-9A-Z]{18}$/, 'must be an 18-character resident ID number or unified social credit code'));
const fenAmount = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));

/** A party is named by its ID number only: the preservation record keeps the keyed party id, never the number. */
const PreservedParty = z.strictObject({
  kind: z.enum(['person', 'organisation']),
  idNumber,
});

const PreservedSeizure = z
  .strictObject({
    /** The center's own reference of the seizure, unique within the ruling. */
    seizureId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 of A-Z, a-z, 0-9, _ and -')),
    respondentIdNumber: idNumber,
    class: z.enum(['deposit', 'online-funds', 'real-estate', 'vehicle', 'securities']),
    /** The bank, platform or registry's channel id, as the network inquiry names it (e.g. bank-icbc). */
    channel: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, 'must be 2-40 of a-z, 0-9 and -')),
    institution: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    /** Masked account or certificate reference, e.g. `6222 **** 1234`. */
    reference: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    /** Frozen amount for money; 0 for property. */
    amountFen: fenAmount,
    seizedOn: date,
    /** The last day of the current period (after any renewal during the lawsuit). */
    expiresOn: date,
    status: z.enum(['held', 'lifted']),
    /** Court with jurisdiction where the asset lies, when it is not the ruling court. */
    locatedCourt: z.optional(
      z.strictObject({
        code: z.string().check(z.regex(/^[A-Z0-9-]{2,20}$/)),
        name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
      }),
    ),
  })
  .check(z.refine((s) => s.seizedOn < s.expiresOn, { path: ['expiresOn'], message: 'must be after seizedOn' }));

export const PreservationDetailV1 = z
  .strictObject({
    schemaVersion: z.literal(1),
    court: z.strictObject({
      code: z.string().check(z.regex(/^[A-Z0-9-]{2,20}$/, 'must be 2-20 of A-Z, 0-9 and -')),
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    }),
    /** The preservation case number, e.g. （2026）京0105财保12号 or the lawsuit's number for 诉中保全. */
    rulingNumber: z.string().check(z.trim(), z.minLength(5), z.maxLength(60)),
    kind: z.enum(['pre-litigation', 'in-litigation', 'pre-enforcement']),
    ruledOn: date,
    /** The lawsuit the preservation belongs to, once one is filed. */
    lawsuitCaseNumber: z.optional(z.string().check(z.trim(), z.minLength(5), z.maxLength(60))),
    revision: z.int().check(z.minimum(1), z.maximum(1000)),
    applicants: z.array(PreservedParty).check(z.minLength(1), z.maxLength(50)),
    respondents: z.array(PreservedParty).check(z.minLength(1), z.maxLength(50)),
    seizures: z.array(PreservedSeizure).check(z.minLength(1), z.maxLength(100)),
  })
  .check(
    z.refine((d) => new Set(d.seizures.map((s) => s.seizureId)).size === d.seizures.length, {
      path: ['seizures'],
      message: 'seizureId must be unique within the ruling',
    }),
    z.refine((d) => d.seizures.every((s) => d.respondents.some((r) => r.idNumber === s.respondentIdNumber)), {
      path: ['seizures'],
      message: 'respondentIdNumber must be one of the respondents',
    }),
  );
export type PreservationDetailV1 = z.infer<typeof PreservationDetailV1>;

export const PreservationDetail = z.discriminatedUnion('schemaVersion', [PreservationDetailV1]);
export type PreservationDetail = z.infer<typeof PreservationDetail>;

export const PreservationEvent = z.object({
  version: z.optional(z.string()),
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  source: z.literal(PRESERVATION_SOURCE),
  'detail-type': z.literal(PRESERVATION_DETAIL_TYPE),
  account: z.optional(z.string()),
  time: z.optional(z.iso.datetime({ offset: true })),
  region: z.optional(z.string()),
  resources: z.optional(z.array(z.string())),
  detail: PreservationDetail,
});
export type PreservationEvent = z.infer<typeof PreservationEvent>;

/** Largest accepted event; EventBridge's own limit is 256 KiB. */
export const MAX_PRESERVATION_EVENT_BYTES = 256 * 1024;

/** Human-readable problems, one per line, each naming the field; never the offending value. */
export function describePreservationIssues(error: z.core.$ZodError): string[] {
  return issueLines(error, '(event)');
}

/** Whether a raw event is addressed to the preservation intake (by its envelope alone). */
export function isPreservationEnvelope(raw: unknown): boolean {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    (raw as Record<string, unknown>).source === PRESERVATION_SOURCE &&
    (raw as Record<string, unknown>)['detail-type'] === PRESERVATION_DETAIL_TYPE
  );
}
