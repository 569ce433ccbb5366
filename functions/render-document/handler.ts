/**
 * Lambda entry point of the document renderer: the PDF renderer (its font beside the bundle) and the court's signing
 * identity from Secrets Manager, read once per container.
 */
import { SecretsManagerSigningKeys } from '#adapters/aws/signing-keys.ts';
import { signedPdfSigner } from '#adapters/documents/signed-pdf.ts';
import { ENV, requireEnv } from '#commons/config.ts';
import { observed } from '#commons/observability.ts';
import { createRenderDocumentHandler } from './function.ts';

export const handler = observed(
  createRenderDocumentHandler(
    signedPdfSigner(new SecretsManagerSigningKeys(requireEnv(ENV.signingSecret), () => new Date())),
  ),
);
