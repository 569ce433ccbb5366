/**
 * An application to add or change a respondent (追加、变更被执行人, V1, V2), as the court's filing system files it (an
 * 执异 case) on the intake bus. It names the enforcement case, the ground and the proposed respondent by ID number;
 * intake keys the ID number as it does at filing (only intake reads the installation's key).
 *
 *   source:      court.filing
 *   detail-type: PartyChangeApplied
 */
import * as z from 'zod/mini';
import './zod-english.ts';

export const PARTY_CHANGE_SOURCE = 'court.filing';
export const PARTY_CHANGE_DETAIL_TYPE = 'PartyChangeApplied';

const idNumber = z
  .string()
  .check(z.regex(/^[0-9A-Z]{18}$/, 'must be an 18-character resident ID number or unified social credit code'));

export const PartyChangeDetailV1 = z
  .strictObject({
    schemaVersion: z.literal(1),
    court: z.strictObject({
      code: z.string().check(z.regex(/^[A-Z0-9-]{2,20}$/, 'must be 2-20 of A-Z, 0-9 and -')),
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    }),
    /** The enforcement case the application is made in. */
    caseNumber: z.string().check(z.trim(), z.minLength(5), z.maxLength(60)),
    /** The application's own number (执异), for the ruling. */
    applicationNumber: z.string().check(z.trim(), z.minLength(5), z.maxLength(60)),
    ground: z.enum(['heir', 'sole-proprietor', 'unpaid-capital', 'withdrawn-capital', 'transferred-unpaid']),
    change: z.enum(['add', 'change']),
    replacesIdNumber: z.optional(idNumber),
    receivedOn: z.iso.date(),
    liabilityCapFen: z.optional(z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER))),
    party: z.strictObject({
      kind: z.enum(['person', 'organisation']),
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      idNumber,
      phone: z.optional(z.string().check(z.regex(/^1\d{10}$/, 'must be an 11-digit mobile number'))),
      address: z.optional(z.string().check(z.maxLength(500))),
      eServiceConsent: z.boolean(),
    }),
  })
  .check(
    z.refine((d) => d.change === 'add' || d.replacesIdNumber !== undefined, {
      path: ['replacesIdNumber'],
      message: 'a change names the respondent it replaces',
    }),
  );

export const PartyChangeEvent = z.object({
  version: z.optional(z.string()),
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  source: z.literal(PARTY_CHANGE_SOURCE),
  'detail-type': z.literal(PARTY_CHANGE_DETAIL_TYPE),
  account: z.optional(z.string()),
  time: z.optional(z.iso.datetime({ offset: true })),
  region: z.optional(z.string()),
  resources: z.optional(z.array(z.string())),
  detail: z.discriminatedUnion('schemaVersion', [PartyChangeDetailV1]),
});
export type PartyChangeEvent = z.infer<typeof PartyChangeEvent>;

export function isPartyChangeEnvelope(raw: unknown): boolean {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    (raw as Record<string, unknown>).source === PARTY_CHANGE_SOURCE &&
    (raw as Record<string, unknown>)['detail-type'] === PARTY_CHANGE_DETAIL_TYPE
  );
}
