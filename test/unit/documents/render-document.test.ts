/**
 * The render-document function and the signer the functions that issue documents use on AWS: a document sent
 * through the Lambda adapter comes back as the same signed bytes the in-process signer makes (the invocation is a
 * JSON round trip), signed with the renderer's own identity; a malformed request or a failed render is an error to
 * the caller, never a PDF.
 */
import { generateKeyPairSync } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import type { InvokeCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { DocumentRenderError, LambdaDocumentSigner } from '#adapters/aws/lambda-signer.ts';
import { createSigningIdentity } from '#adapters/documents/pdf-signer.ts';
import { verifyPdfSignature } from '#adapters/documents/pdf-verify.ts';
import { signedPdfSigner } from '#adapters/documents/signed-pdf.ts';
import { localDate } from '#domain/calendar/local-date.ts';
import { type DocumentDraft, draftDocument, TemplateVersionError } from '#domain/documents/compose.ts';
import { TEMPLATES } from '#domain/documents/templates.ts';
import type { DocumentSigningKeys } from '#ports/documents.ts';
import { createRenderDocumentHandler, RenderRequestError } from '../../../functions/render-document/function.ts';
import { fieldsFor } from './fixtures.ts';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const IDENTITY = createSigningIdentity({
  keyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
  commonName: 'HB0922 document seal (test)',
  organisation: 'court HB0922',
  notBefore: new Date('2026-01-01T00:00:00Z'),
  years: 10,
  serialHex: '0456',
});
const COURT = { code: 'HB0922', name: '河北省测试县人民法院' };
const SIGNATURE = {
  signingTime: new Date('2026-03-02T01:00:00Z'),
  name: 'HB0922',
  reason: 'notice',
  location: 'HB0922',
};
const silent = () => new Logger({ logLevel: 'SILENT' });

function keysFor(asked: string[]): DocumentSigningKeys {
  return {
    async identity(court) {
      asked.push(court.code);
      return IDENTITY;
    },
  };
}

function notice(): DocumentDraft {
  return draftDocument({
    kind: 'enforcement-notice',
    number: `（2026）冀0922${TEMPLATES['enforcement-notice'].series}1号`,
    officer: '马超',
    approver: '黄磊',
    date: localDate('2026-03-02'),
    fields: fieldsFor('enforcement-notice'),
  });
}

/** A Lambda client whose invocations run the render-document handler on the JSON payload, as Lambda would. */
function lambdaOver(handler: (event: unknown, context: never) => Promise<unknown>, sent: string[] = []) {
  return {
    async send(command: InvokeCommand) {
      const { FunctionName, Payload } = command.input;
      sent.push(String(FunctionName));
      try {
        const answer = await handler(JSON.parse(new TextDecoder().decode(Payload as Uint8Array)), {} as never);
        return { StatusCode: 200, Payload: new TextEncoder().encode(JSON.stringify(answer)) };
      } catch (error) {
        const { name, message } = error as Error;
        const body = JSON.stringify({ errorType: name, errorMessage: message });
        return { StatusCode: 200, FunctionError: 'Unhandled', Payload: new TextEncoder().encode(body) };
      }
    },
  } as never;
}

describe('the render-document function', () => {
  it('answers the same signed PDF the in-process signer makes, signed with its own identity for the court asked', async () => {
    // Prepare
    const asked: string[] = [];
    const sent: string[] = [];
    const handler = createRenderDocumentHandler(signedPdfSigner(keysFor(asked)), silent());
    const remote = new LambdaDocumentSigner(lambdaOver(handler, sent), 'enforcement-render-document');

    // Act
    const pdf = await remote.sign(notice(), COURT, SIGNATURE);
    const local = await signedPdfSigner(keysFor([])).sign(notice(), COURT, SIGNATURE);

    // Assess
    expect(sent).toEqual(['enforcement-render-document']);
    expect(asked).toEqual(['HB0922']);
    expect(Buffer.from(pdf).equals(Buffer.from(local))).toBe(true);
    expect(verifyPdfSignature(pdf, IDENTITY.certificatePem)).toMatchObject({ valid: true });
  });

  it('refuses a request that is not a drafted document, and the caller gets an error, not a PDF', async () => {
    // Prepare
    const handler = createRenderDocumentHandler(signedPdfSigner(keysFor([])), silent());
    const remote = new LambdaDocumentSigner(lambdaOver(handler), 'enforcement-render-document');
    const broken = { ...notice(), kind: 'no-such-document' } as unknown as DocumentDraft;

    // Act
    const direct = await handler({ doc: notice(), court: COURT }, {} as never).catch((error: unknown) => error);
    const through = await remote.sign(broken, COURT, SIGNATURE).catch((error: unknown) => error);

    // Assess
    expect(direct).toBeInstanceOf(RenderRequestError);
    expect(through).toBeInstanceOf(DocumentRenderError);
    expect(String(through)).toMatch(/RenderRequestError: render request refused: doc\.kind/);
  });

  it('sends the fields the template needs, not the text, and refuses a draft of another template version', async () => {
    // Prepare
    const payloads: unknown[] = [];
    const handler = createRenderDocumentHandler(signedPdfSigner(keysFor([])), silent());
    const recording = async (event: unknown, context: never) => {
      payloads.push(event);
      return handler(event, context);
    };
    const remote = new LambdaDocumentSigner(lambdaOver(recording), 'enforcement-render-document');
    const otherVersion = { ...notice(), templateVersion: TEMPLATES['enforcement-notice'].version + 1 };

    // Act
    await remote.sign(notice(), COURT, SIGNATURE);
    const refused = await remote.sign(otherVersion, COURT, SIGNATURE).catch((error: unknown) => error);
    const inProcess = await signedPdfSigner(keysFor([]))
      .sign(otherVersion, COURT, SIGNATURE)
      .catch((error: unknown) => error);

    // Assess
    const sent = (payloads[0] as { doc: Record<string, unknown> }).doc;
    expect(Object.keys(sent)).not.toContain('paragraphs');
    expect(Object.keys(sent.fields as object).sort()).toEqual(
      [...new Set([...TEMPLATES['enforcement-notice'].body.join('').matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]))]
        .concat(['respondentName', 'courtName', 'caseNumber', 'applicants', 'respondents'])
        .filter((name, i, all) => all.indexOf(name) === i)
        .sort(),
    );
    expect(String(refused)).toMatch(/TemplateVersionError/);
    expect(inProcess).toBeInstanceOf(TemplateVersionError);
  });

  it('passes a failed render on to the caller as an error', async () => {
    // Prepare
    const failing = createRenderDocumentHandler(
      {
        async sign() {
          throw new Error('the signing identity could not be read');
        },
      },
      silent(),
    );
    const remote = new LambdaDocumentSigner(lambdaOver(failing), 'enforcement-render-document');

    // Act
    const signed = remote.sign(notice(), COURT, SIGNATURE);

    // Assess
    await expect(signed).rejects.toThrow(/render-document failed \(Error: the signing identity could not be read\)/);
  });
});
