/** The DocumentRenderer: pdf-lib rendering, then the PAdES (CAdES detached) signature. */
import type { ComposedDocument } from '#domain/documents/compose.ts';
import {
  type DocumentRenderer,
  type DocumentSigner,
  type DocumentSigningKeys,
  type SigningIdentity,
  signingWith,
} from '#ports/documents.ts';
import { renderPdf } from './pdf-renderer.ts';
import { type SignatureDetails, signPdf } from './pdf-signer.ts';

export const pdfDocumentRenderer: DocumentRenderer = {
  async renderSigned(doc: ComposedDocument, identity: SigningIdentity, signature: SignatureDetails) {
    return new Uint8Array(await signPdf(await renderPdf(doc), identity, signature));
  },
};

/** Renders and signs in this process, with the court's identity from `keys`. */
export function signedPdfSigner(keys: DocumentSigningKeys): DocumentSigner {
  return signingWith(keys, pdfDocumentRenderer);
}
