/**
 * Storage tiers in the evidence vault: what the S3 bucket's lifecycle rules do on AWS (P-EVIDENCE-STORAGE), played
 * on the vault's clock. An object of a closed case is in Instant Retrieval, then in Deep Archive by its age; an
 * archived object is read only after a restore, which is ready `restoreHours` after it is asked for and readable
 * for its days. Schema part `evidence-tiers` of the data directory's database.
 */
import type { Instant } from '#domain/calendar/local-date.ts';
import { needsRestore, type RestoreState, type StorageTier, tierAt } from '#domain/evidence/retention.ts';
import { RULES } from '#domain/rules/table.ts';
import { ensureSchema, type OpenedDatabase } from '../store/database.ts';

const SCHEMA: readonly string[] = [
  `CREATE TABLE evidence_tiers (
     key TEXT PRIMARY KEY,
     closed_at TEXT NOT NULL,
     restore_ready_at TEXT,
     restore_until TEXT
   ) STRICT;`,
];

interface TierRow {
  key: string;
  closed_at: string;
  restore_ready_at: string | null;
  restore_until: string | null;
}

const HOUR_MS = 3_600_000;
const plusMs = (at: Instant, ms: number): Instant => new Date(Date.parse(at) + ms).toISOString();

export class VaultTiers {
  private readonly database: OpenedDatabase;

  constructor(database: OpenedDatabase) {
    this.database = database;
    ensureSchema(database, 'evidence-tiers', SCHEMA);
  }

  private row(key: string): TierRow | undefined {
    return this.database.db.prepare('SELECT * FROM evidence_tiers WHERE key = ?').get(key) as unknown as
      | TierRow
      | undefined;
  }

  /** Records the closure tag; the first closure stands (as a tag set again changes nothing). */
  markClosed(key: string, at: Instant): boolean {
    const result = this.database.db
      .prepare('INSERT INTO evidence_tiers (key, closed_at) VALUES (?, ?) ON CONFLICT(key) DO NOTHING')
      .run(key, at);
    return Number(result.changes) > 0;
  }

  /** The object's class and restore at `now`. */
  state(key: string, uploadedAt: Instant, now: Instant): { storageClass: StorageTier; restore: RestoreState } {
    const row = this.row(key);
    const storageClass = tierAt(RULES, { uploadedAt, ...(row ? { closedAt: row.closed_at } : {}) }, now);
    if (!row?.restore_ready_at || !row.restore_until || !needsRestore(storageClass))
      return { storageClass, restore: { state: 'none' } };
    if (now < row.restore_ready_at)
      return { storageClass, restore: { state: 'ongoing', readyBy: row.restore_ready_at } };
    if (now < row.restore_until) return { storageClass, restore: { state: 'available', until: row.restore_until } };
    return { storageClass, restore: { state: 'none' } };
  }

  /** Starts a restore unless one is under way or its copy is still readable; returns whether it started one. */
  restore(key: string, uploadedAt: Instant, now: Instant, days: number): boolean {
    const { restore } = this.state(key, uploadedAt, now);
    if (restore.state !== 'none') return false;
    const ready = plusMs(now, RULES.P_EVIDENCE_STORAGE.restoreHours * HOUR_MS);
    this.database.db
      .prepare('UPDATE evidence_tiers SET restore_ready_at = ?, restore_until = ? WHERE key = ?')
      .run(ready, plusMs(ready, days * 24 * HOUR_MS), key);
    return true;
  }

  /** Whether the object's bytes can be read now (S3 answers InvalidObjectState otherwise). */
  readableNow(key: string, uploadedAt: Instant, now: Instant): boolean {
    const { storageClass, restore } = this.state(key, uploadedAt, now);
    return !needsRestore(storageClass) || restore.state === 'available';
  }
}
