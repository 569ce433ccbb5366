/**
 * Issued documents on the embedded runtime's SQLite database, in their own schema part: the numbers allocated per
 * series (the primary key (series, sequence) is the conditional write: a second claim of a number fails), and the
 * archive of signed PDFs, write-once by triggers that refuse any UPDATE or DELETE. Kept apart from the evidence
 * store on purpose: documents are issued by the court, evidence is uploaded to it.
 */
import type { Instant } from '#domain/calendar/local-date.ts';
import type { DocumentKind } from '#domain/documents/templates.ts';
import {
  type DocumentArchive,
  DocumentExistsError,
  type DocumentNumbers,
  type IssuedDocument,
} from '#ports/documents.ts';
import { ensureSchema, type OpenedDatabase, transaction } from './database.ts';

const MIGRATIONS = [
  `CREATE TABLE document_numbers (
    series TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    doc_id TEXT NOT NULL UNIQUE,
    PRIMARY KEY (series, sequence)
  ) STRICT;
  CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    title TEXT NOT NULL,
    number TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    issued_at TEXT NOT NULL,
    trigger_ref TEXT NOT NULL,
    pdf BLOB NOT NULL
  ) STRICT;
  CREATE INDEX documents_by_case ON documents (case_id, issued_at, doc_id);
  CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents BEGIN SELECT RAISE(ABORT, 'documents are write-once'); END;
  CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents BEGIN SELECT RAISE(ABORT, 'documents are write-once'); END;
  CREATE TRIGGER document_numbers_no_update BEFORE UPDATE ON document_numbers BEGIN SELECT RAISE(ABORT, 'document numbers are never reused'); END;
  CREATE TRIGGER document_numbers_no_delete BEFORE DELETE ON document_numbers BEGIN SELECT RAISE(ABORT, 'document numbers are never reused'); END;`,
];

interface Row {
  doc_id: string;
  case_id: string;
  kind: string;
  template_version: number;
  title: string;
  number: string;
  sha256: string;
  size_bytes: number;
  issued_at: string;
  trigger_ref: string;
  pdf?: Uint8Array;
}

function record(row: Row): IssuedDocument {
  return {
    docId: row.doc_id,
    caseId: row.case_id,
    kind: row.kind as DocumentKind,
    templateVersion: row.template_version,
    title: row.title,
    number: row.number,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    issuedAt: row.issued_at as Instant,
    trigger: row.trigger_ref,
  };
}

export class SqliteDocumentStore implements DocumentNumbers, DocumentArchive {
  private readonly opened: OpenedDatabase;
  constructor(opened: OpenedDatabase) {
    this.opened = opened;
    ensureSchema(opened, 'documents', MIGRATIONS);
  }

  async allocate(series: string, docId: string): Promise<number> {
    const { db } = this.opened;
    return transaction(db, () => {
      const existing = db.prepare('SELECT sequence FROM document_numbers WHERE doc_id = ?').get(docId) as
        | { sequence: number }
        | undefined;
      if (existing) return existing.sequence;
      const last = db.prepare('SELECT MAX(sequence) AS last FROM document_numbers WHERE series = ?').get(series) as {
        last: number | null;
      };
      const next = (last.last ?? 0) + 1;
      db.prepare('INSERT INTO document_numbers (series, sequence, doc_id) VALUES (?, ?, ?)').run(series, next, docId);
      return next;
    });
  }

  async put(doc: IssuedDocument, pdf: Uint8Array): Promise<void> {
    const { db } = this.opened;
    const result = db
      .prepare(
        `INSERT INTO documents (doc_id, case_id, kind, template_version, title, number, sha256, size_bytes, issued_at,
          trigger_ref, pdf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(
        doc.docId,
        doc.caseId,
        doc.kind,
        doc.templateVersion,
        doc.title,
        doc.number,
        doc.sha256,
        doc.sizeBytes,
        doc.issuedAt,
        doc.trigger,
        pdf,
      );
    if (result.changes === 0) throw new DocumentExistsError(doc.docId);
  }

  async get(docId: string) {
    const row = this.opened.db.prepare('SELECT * FROM documents WHERE doc_id = ?').get(docId) as Row | undefined;
    if (!row?.pdf) return undefined;
    return { record: record(row), pdf: new Uint8Array(row.pdf) };
  }

  async list(caseId: string): Promise<readonly IssuedDocument[]> {
    const rows = this.opened.db
      .prepare(
        `SELECT doc_id, case_id, kind, template_version, title, number, sha256, size_bytes, issued_at, trigger_ref
         FROM documents WHERE case_id = ? ORDER BY issued_at, doc_id`,
      )
      .all(caseId) as unknown as Row[];
    return rows.map(record);
  }
}
