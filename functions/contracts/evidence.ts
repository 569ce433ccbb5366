/** What a phone or the console sends to the evidence routes of the staff API. */
import * as z from 'zod/mini';
import './zod-english.ts';

const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex'));

export const UploadBody = z.strictObject({
  step: z.string().check(z.minLength(1), z.maxLength(40)),
  contentType: z.string().check(z.minLength(1), z.maxLength(100)),
  sizeBytes: z.number().check(z.int(), z.positive()),
  sha256,
  partsSha256: z.optional(z.array(sha256).check(z.maxLength(10_000))),
  device: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  location: z.optional(
    z.strictObject({
      latitude: z.number().check(z.minimum(-90), z.maximum(90)),
      longitude: z.number().check(z.minimum(-180), z.maximum(180)),
      accuracyMeters: z.optional(z.number().check(z.nonnegative())),
    }),
  ),
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  capturedAt: z.optional(z.iso.datetime()),
});

export const CompleteBody = z.strictObject({
  parts: z._default(
    z
      .array(
        z.strictObject({
          partNumber: z.number().check(z.int(), z.minimum(1), z.maximum(10_000)),
          etag: z.string().check(z.minLength(1), z.maxLength(200)),
        }),
      )
      .check(z.maxLength(10_000)),
    [],
  ),
});

export const LinkBody = z.strictObject({ purpose: z.enum(['view', 'download']) });
export const LegalHoldBody = z.strictObject({
  on: z.boolean(),
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)),
});
