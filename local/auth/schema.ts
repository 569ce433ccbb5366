/**
 * The staff sign-in's tables (schema part `staff-sign-in` of the data directory's database): accounts, sessions
 * (only token hashes), and the audit log, which triggers keep append-only.
 */
export const MIGRATIONS = [
  `CREATE TABLE staff_accounts (
    user_id TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    admin INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    totp_secret TEXT,
    totp_last_step INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    lockouts INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    password_changed_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE staff_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES staff_accounts (user_id),
    csrf_hash TEXT,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
  ) STRICT;
  CREATE INDEX staff_sessions_by_user ON staff_sessions (user_id);
  CREATE TABLE staff_audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    event TEXT NOT NULL,
    user_id TEXT,
    actor TEXT,
    detail TEXT
  ) STRICT;
  CREATE TRIGGER staff_audit_no_update BEFORE UPDATE ON staff_audit BEGIN SELECT RAISE(ABORT, 'append-only'); END;
  CREATE TRIGGER staff_audit_no_delete BEFORE DELETE ON staff_audit BEGIN SELECT RAISE(ABORT, 'append-only'); END;`,
];

export const AUDIT_EVENTS = [
  'account-added',
  'sign-in',
  'sign-in-failed',
  'sign-in-refused-locked',
  'account-locked',
  'second-factor-enrolled',
  'password-changed',
  'account-deactivated',
  'session-revoked',
  'sign-out',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

export interface AuditEntry {
  readonly seq: number;
  readonly at: number;
  readonly event: AuditEvent;
  readonly userId: string | null;
  readonly actor: string | null;
  readonly detail: string | null;
}
