/** What a phone or the console sends to the evidence routes of the staff API. */
import * as z from 'zod';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex');

export const UploadBody = z.strictObject({
  step: z.string().min(1).max(40),
  contentType: z.string().min(1).max(100),
  sizeBytes: z.number().int().positive(),
  sha256,
  partsSha256: z.array(sha256).max(10_000).optional(),
  device: z.string().trim().min(1).max(200),
  location: z
    .strictObject({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      accuracyMeters: z.number().nonnegative().optional(),
    })
    .optional(),
  description: z.string().trim().min(1).max(2000),
  capturedAt: z.iso.datetime().optional(),
});

export const CompleteBody = z.strictObject({
  parts: z
    .array(z.strictObject({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(200) }))
    .max(10_000)
    .default([]),
});

export const LinkBody = z.strictObject({ purpose: z.enum(['view', 'download']) });
export const LegalHoldBody = z.strictObject({ on: z.boolean(), reason: z.string().trim().min(1).max(1000) });
