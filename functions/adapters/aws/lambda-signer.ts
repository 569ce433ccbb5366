/**
 * The `issuing` dependency's signer on AWS: a synchronous invocation of the render-document function, which renders
 * and signs with the court's identity. Keeps pdf-lib, @signpdf, node-forge, the font and the signing key out of the
 * functions that issue (their bundles stay small; they cannot read the key). The Lambda client is the runtime's.
 */
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { RenderRequest, RenderResponse } from '#contracts/render-document.ts';
import type { DocumentSigner } from '#ports/documents.ts';

export class DocumentRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentRenderError';
  }
}

export class LambdaDocumentSigner implements DocumentSigner {
  private readonly client: Pick<LambdaClient, 'send'>;
  private readonly functionName: string;

  constructor(client: Pick<LambdaClient, 'send'>, functionName: string) {
    this.client = client;
    this.functionName = functionName;
  }

  async sign(...[doc, court, signature]: Parameters<DocumentSigner['sign']>): Promise<Uint8Array> {
    const request: RenderRequest = {
      doc: { ...doc, fields: { ...doc.fields } },
      court: { code: court.code, name: court.name },
      signature: { ...signature, signingTime: signature.signingTime.toISOString() },
    };
    const answer = await this.client.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'RequestResponse',
        Payload: new TextEncoder().encode(JSON.stringify(request)),
      }),
    );
    const text = answer.Payload ? new TextDecoder().decode(answer.Payload) : '';
    if (answer.FunctionError) {
      // The renderer's error object (errorType, errorMessage): no document content, no key.
      let reason = answer.FunctionError;
      try {
        const error = JSON.parse(text) as { errorType?: string; errorMessage?: string };
        reason = `${error.errorType ?? reason}: ${error.errorMessage ?? ''}`;
      } catch {}
      throw new DocumentRenderError(`render-document failed (${reason})`);
    }
    const { pdf } = JSON.parse(text) as RenderResponse;
    if (typeof pdf !== 'string' || pdf.length === 0) throw new DocumentRenderError('render-document answered no PDF');
    return new Uint8Array(Buffer.from(pdf, 'base64'));
  }
}
