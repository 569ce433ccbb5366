/**
 * The `issuing` dependency of the embedded runtime: numbers and the write-once archive in the data directory's
 * database, and the signer in process: the court's signing identity from the data directory
 * (local/runtime/documents.ts, also read to verify signatures) and the PDF renderer, the same modules the
 * render-document function runs on AWS. The signing and rendering modules (node-forge, pdf-lib, the font) load on
 * the first document, not at start-up.
 */
import type { DocumentIssuing, DocumentSigningKeys, SigningIdentity } from '#ports/documents.ts';
import type { OpenedDatabase } from '../store/database.ts';
import { SqliteDocumentStore } from '../store/document-store.ts';

export interface LocalIssuing extends DocumentIssuing {
  readonly archive: SqliteDocumentStore;
  readonly numbers: SqliteDocumentStore;
  /** The court's signing identity the signer uses (its certificate verifies the archived PDFs). */
  readonly keys: DocumentSigningKeys;
}

export function localIssuing(database: OpenedDatabase, dataDir: string | undefined, now: () => Date): LocalIssuing {
  const store = new SqliteDocumentStore(database);
  let loaded: Promise<DocumentSigningKeys> | undefined;
  const keys: DocumentSigningKeys = {
    async identity(court: { readonly code: string; readonly name: string }): Promise<SigningIdentity> {
      loaded ??= import('./documents.ts').then((m) => new m.LocalSigningKeys(dataDir, now));
      return (await loaded).identity(court);
    },
  };
  return {
    numbers: store,
    archive: store,
    keys,
    signer: {
      async sign(doc, court, signature) {
        const { signedPdfSigner } = await import('#adapters/documents/signed-pdf.ts');
        return signedPdfSigner(keys).sign(doc, court, signature);
      },
    },
  };
}
