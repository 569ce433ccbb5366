/**
 * How long evidence is kept and where it is stored over that time: the court archive retention classes
 * (ARCHIVE-RETENTION) and the storage tiers of P-EVIDENCE-STORAGE. Pure: instants are passed in.
 */
import type { Instant } from '../calendar/local-date.ts';
import type { Rules } from '../rules/table.ts';

export const ARCHIVE_CLASSES = ['short', 'long', 'permanent'] as const;
export type ArchiveClass = (typeof ARCHIVE_CLASSES)[number];

export const ARCHIVE_CLASS_LABELS: Readonly<Record<ArchiveClass, string>> = {
  short: '短期（30年）',
  long: '长期（60年）',
  permanent: '永久',
};

export function isArchiveClass(value: unknown): value is ArchiveClass {
  return typeof value === 'string' && (ARCHIVE_CLASSES as readonly string[]).includes(value);
}

/** Years a class keeps a file, or undefined for `permanent`. */
export function retentionYears(
  rules: Pick<Rules, 'ARCHIVE_RETENTION'>,
  archiveClass: ArchiveClass,
): number | undefined {
  return archiveClass === 'permanent' ? undefined : rules.ARCHIVE_RETENTION.classYears[archiveClass];
}

/** Object Lock days that cover a class's years (leap days included); undefined for `permanent`. */
export function retentionDaysOf(
  rules: Pick<Rules, 'ARCHIVE_RETENTION'>,
  archiveClass: ArchiveClass,
): number | undefined {
  const years = retentionYears(rules, archiveClass);
  return years === undefined ? undefined : Math.ceil(years * 365.25);
}

/** The storage classes evidence passes through (S3's names). */
export type StorageTier = 'STANDARD' | 'GLACIER_IR' | 'DEEP_ARCHIVE';

/** Whether reading the object needs a restore first. */
export function needsRestore(tier: string | undefined): boolean {
  return tier === 'DEEP_ARCHIVE' || tier === 'GLACIER';
}

const DAY_MS = 86_400_000;

/**
 * The tier S3's lifecycle rules put an object in: by its age since upload, once its case was closed (tagged).
 * Used by the embedded runtime, which has no lifecycle of its own, to behave as the bucket does.
 */
export function tierAt(
  rules: Pick<Rules, 'P_EVIDENCE_STORAGE'>,
  object: { readonly uploadedAt: Instant; readonly closedAt?: Instant },
  now: Instant,
): StorageTier {
  if (object.closedAt === undefined || Date.parse(now) < Date.parse(object.closedAt)) return 'STANDARD';
  const ageDays = (Date.parse(now) - Date.parse(object.uploadedAt)) / DAY_MS;
  const { instantRetrievalAfterDays, archiveAfterDays } = rules.P_EVIDENCE_STORAGE;
  if (ageDays >= archiveAfterDays) return 'DEEP_ARCHIVE';
  if (ageDays >= instantRetrievalAfterDays) return 'GLACIER_IR';
  return 'STANDARD';
}

/** A restore of an archived object: under way, or done and readable until `until`. */
export type RestoreState =
  | { readonly state: 'none' }
  | { readonly state: 'ongoing'; readonly readyBy?: Instant }
  | { readonly state: 'available'; readonly until: Instant };

/** Parses S3's `x-amz-restore` header: `ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"`. */
export function parseRestoreHeader(header: string | undefined): RestoreState {
  if (!header) return { state: 'none' };
  if (/ongoing-request="true"/.test(header)) return { state: 'ongoing' };
  const expiry = /expiry-date="([^"]+)"/.exec(header)?.[1];
  if (!expiry || Number.isNaN(Date.parse(expiry))) return { state: 'none' };
  return { state: 'available', until: new Date(expiry).toISOString() };
}
