/** What bench/renderer-cold.ts bundles: the issuing functions' renderer and signer, and a document to render. */
import { createSigningIdentity } from '#adapters/documents/pdf-signer.ts';
import { pdfDocumentRenderer } from '#adapters/documents/signed-pdf.ts';
import { localDate } from '#domain/calendar/local-date.ts';
import { composeDocument } from '#domain/documents/compose.ts';
import { TEMPLATES } from '#domain/documents/templates.ts';
import { fieldsFor } from '../../test/unit/documents/fixtures.ts';

export { createSigningIdentity, pdfDocumentRenderer };

/** The flagship's first document, as the renderer composes it from an issuing step's draft. */
export function notice() {
  return composeDocument({
    kind: 'enforcement-notice',
    number: `（2026）冀0922${TEMPLATES['enforcement-notice'].series}1号`,
    officer: '马超',
    approver: '黄磊',
    date: localDate('2026-03-02'),
    fields: fieldsFor('enforcement-notice'),
  });
}
