/**
 * The render-document function: renders a composed document to a PDF and signs it with the court's identity. The
 * only function with pdf-lib, @signpdf, node-forge and the font in its bundle, and the only one that reads the
 * signing identity; the steps and settle call it synchronously through the `issuing` dependency's signer
 * (adapters/aws/lambda-signer.ts). Never logs the document or the key: ids and sizes only.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { RenderRequest, type RenderResponse } from '#contracts/render-document.ts';
import type { LocalDate } from '#domain/calendar/local-date.ts';
import type { DocumentDraft } from '#domain/documents/compose.ts';
import type { DocumentSigner } from '#ports/documents.ts';

export class RenderRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenderRequestError';
  }
}

export function createRenderDocumentHandler(
  signer: DocumentSigner,
  logger = new Logger({ serviceName: 'enforcement', persistentKeys: { function: 'render-document' } }),
) {
  const handler = middy()
    .use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }))
    .handler(async (event: unknown): Promise<RenderResponse> => {
      const parsed = RenderRequest.safeParse(event);
      if (!parsed.success) {
        logger.warn('render request refused', { issues: parsed.error.issues.length });
        throw new RenderRequestError(`render request refused: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
      }
      const { doc, court, signature } = parsed.data;
      const pdf = await signer.sign({ ...doc, date: doc.date as LocalDate } as DocumentDraft, court, {
        ...signature,
        signingTime: new Date(signature.signingTime),
      });
      logger.info('document rendered', { kind: doc.kind, court: court.code, bytes: pdf.length });
      return { pdf: Buffer.from(pdf).toString('base64') };
    });
  return handler as unknown as (event: unknown, context: Context) => Promise<RenderResponse>;
}
