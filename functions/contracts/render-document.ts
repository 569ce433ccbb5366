/**
 * What the functions that issue documents send the render-document function (a synchronous Lambda invocation) and
 * what it answers: the drafted document (template, number, signers, date and the fields its template needs, which
 * the renderer composes from the template's text), the court whose identity signs it, and the signature's details;
 * the signed PDF back, base64. Only the renderer validates it (with zod); the callers build it from typed values.
 */
import * as z from 'zod/mini';
import './zod-english.ts';
import { DOCUMENT_KINDS } from '#domain/documents/templates.ts';

const text = (max: number) => z.string().check(z.maxLength(max));

export const RenderRequest = z.object({
  doc: z.object({
    kind: z.enum(DOCUMENT_KINDS as [string, ...string[]]),
    templateVersion: z.int().check(z.minimum(1)),
    title: text(200),
    number: text(100),
    officer: text(100),
    approver: text(100),
    date: z.iso.date(),
    /** The template's fields and the four every document names: field names as the templates spell them. */
    fields: z
      .record(z.string().check(z.regex(/^[a-zA-Z]{1,40}$/)), text(20_000))
      .check(z.refine((fields) => Object.keys(fields).length <= 100, 'at most 100 fields')),
  }),
  court: z.object({ code: z.string().check(z.regex(/^[A-Z0-9-]{2,20}$/)), name: text(200).check(z.minLength(1)) }),
  signature: z.object({
    signingTime: z.iso.datetime(),
    name: text(200),
    reason: text(500),
    location: text(200),
  }),
});
export type RenderRequest = z.infer<typeof RenderRequest>;

/** The signed PDF, base64 (a refused or failed render is the invocation's function error). */
export interface RenderResponse {
  readonly pdf: string;
}
