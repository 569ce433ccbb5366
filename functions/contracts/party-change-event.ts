/**
 * An application to add or change a respondent (追加、变更被执行人, V1, V2), as the court's filing system files it (an
 * 执异 case) on the intake bus. It names the enforcement case, the ground and the proposed respondent by ID number;
 * intake keys the ID number as it does at filing (only intake reads the installation's key).
 *
 *   source:      court.filing
 *   detail-type: PartyChangeApplied
 */
import * as z from 'zod';

export const PARTY_CHANGE_SOURCE = 'court.filing';
export const PARTY_CHANGE_DETAIL_TYPE = 'PartyChangeApplied';

const idNumber = z
  .string()
  .regex(/^[0-9A-Z]{18}$/, 'must be an 18-character resident ID number or unified social credit code');

export const PartyChangeDetailV1 = z
  .strictObject({
    schemaVersion: z.literal(1),
    court: z.strictObject({
      code: z.string().regex(/^[A-Z0-9-]{2,20}$/, 'must be 2-20 of A-Z, 0-9 and -'),
      name: z.string().trim().min(1).max(100),
    }),
    /** The enforcement case the application is made in. */
    caseNumber: z.string().trim().min(5).max(60),
    /** The application's own number (执异), for the ruling. */
    applicationNumber: z.string().trim().min(5).max(60),
    ground: z.enum(['heir', 'sole-proprietor', 'unpaid-capital', 'withdrawn-capital', 'transferred-unpaid']),
    change: z.enum(['add', 'change']),
    replacesIdNumber: idNumber.optional(),
    receivedOn: z.iso.date(),
    liabilityCapFen: z.int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    party: z.strictObject({
      kind: z.enum(['person', 'organisation']),
      name: z.string().trim().min(1).max(200),
      idNumber,
      phone: z
        .string()
        .regex(/^1\d{10}$/, 'must be an 11-digit mobile number')
        .optional(),
      address: z.string().max(500).optional(),
      eServiceConsent: z.boolean(),
    }),
  })
  .refine((d) => d.change === 'add' || d.replacesIdNumber !== undefined, {
    path: ['replacesIdNumber'],
    message: 'a change names the respondent it replaces',
  });

export const PartyChangeEvent = z.object({
  version: z.string().optional(),
  id: z.string().min(1).max(128),
  source: z.literal(PARTY_CHANGE_SOURCE),
  'detail-type': z.literal(PARTY_CHANGE_DETAIL_TYPE),
  account: z.string().optional(),
  time: z.iso.datetime({ offset: true }).optional(),
  region: z.string().optional(),
  resources: z.array(z.string()).optional(),
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
