/**
 * The `issuing` dependency of the embedded runtime: numbers and the write-once archive in the data directory's
 * database, the court's signing identity from the data directory (local/runtime/documents.ts), and the PDF renderer.
 * The signing and rendering modules (node-forge, pdf-lib, the font) load on the first document, not at start-up.
 */
import type { ComposedDocument } from '#domain/documents/compose.ts';
import type { DocumentIssuing, DocumentSigningKeys, SigningIdentity } from '#ports/documents.ts';
import type { OpenedDatabase } from '../store/database.ts';
import { SqliteDocumentStore } from '../store/document-store.ts';

export interface LocalIssuing extends DocumentIssuing {
  readonly archive: SqliteDocumentStore;
  readonly numbers: SqliteDocumentStore;
}

export function localIssuing(database: OpenedDatabase, dataDir: string | undefined, now: () => Date): LocalIssuing {
  const store = new SqliteDocumentStore(database);
  let keys: Promise<DocumentSigningKeys> | undefined;
  return {
    numbers: store,
    archive: store,
    keys: {
      async identity(court: { readonly code: string; readonly name: string }): Promise<SigningIdentity> {
        keys ??= import('./documents.ts').then((m) => new m.LocalSigningKeys(dataDir, now));
        return (await keys).identity(court);
      },
    },
    renderer: {
      async renderSigned(doc: ComposedDocument, identity: SigningIdentity, signature) {
        const { pdfDocumentRenderer } = await import('#adapters/documents/signed-pdf.ts');
        return pdfDocumentRenderer.renderSigned(doc, identity, signature);
      },
    },
  };
}
