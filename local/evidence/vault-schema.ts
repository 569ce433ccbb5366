/**
 * The evidence vault's tables (schema part `evidence` of the data directory's database): the records of kept
 * objects, multipart uploads in progress, and the append-only evidence log. Triggers make the records write-once
 * (content fields never change, records are never deleted, a purge happens once and never under legal hold) and the
 * log append-only. A migration is never edited once released: add a new one.
 */
export const SCHEMA: readonly string[] = [
  `CREATE TABLE evidence_objects (
     key TEXT PRIMARY KEY,
     file TEXT NOT NULL UNIQUE,
     sha256 TEXT NOT NULL,
     size_bytes INTEGER NOT NULL,
     content_type TEXT NOT NULL,
     recorded_at TEXT NOT NULL,
     retain_until TEXT NOT NULL,
     legal_hold INTEGER NOT NULL DEFAULT 0,
     checked_at TEXT,
     failed_at TEXT,
     failed_problem TEXT,
     purged_at TEXT
   ) STRICT;
   CREATE TABLE evidence_uploads (
     upload_id TEXT PRIMARY KEY,
     key TEXT NOT NULL,
     content_type TEXT NOT NULL,
     started_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE evidence_log (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     key TEXT NOT NULL,
     action TEXT NOT NULL,
     detail TEXT NOT NULL
   ) STRICT;
   CREATE TRIGGER evidence_objects_kept BEFORE DELETE ON evidence_objects
     BEGIN SELECT RAISE(ABORT, 'evidence records are never deleted'); END;
   CREATE TRIGGER evidence_objects_write_once
     BEFORE UPDATE OF key, file, sha256, size_bytes, content_type, recorded_at, retain_until ON evidence_objects
     BEGIN SELECT RAISE(ABORT, 'evidence records are write-once'); END;
   CREATE TRIGGER evidence_objects_purge_once BEFORE UPDATE OF purged_at ON evidence_objects
     WHEN OLD.purged_at IS NOT NULL OR NEW.legal_hold <> 0
     BEGIN SELECT RAISE(ABORT, 'a purged or held record cannot be purged'); END;
   CREATE TRIGGER evidence_log_no_update BEFORE UPDATE ON evidence_log
     BEGIN SELECT RAISE(ABORT, 'the evidence log is append-only'); END;
   CREATE TRIGGER evidence_log_no_delete BEFORE DELETE ON evidence_log
     BEGIN SELECT RAISE(ABORT, 'the evidence log is append-only'); END;`,
];

export interface ObjectRow {
  key: string;
  file: string;
  sha256: string;
  size_bytes: number;
  content_type: string;
  recorded_at: string;
  retain_until: string;
  legal_hold: number;
  checked_at: string | null;
  failed_at: string | null;
  failed_problem: string | null;
  purged_at: string | null;
}
