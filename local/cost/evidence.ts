/**
 * What field evidence costs in S3 over its whole retention (issue 19). `standard`: every byte in S3 Standard for
 * the whole retention (the model before the archive tiers). `tiered`: what the evidence bucket does now
 * (P-EVIDENCE-STORAGE): Standard while the case is open, Glacier Instant Retrieval from closure (the case-state tag)
 * until `archiveAfterDays` after upload, Glacier Deep Archive for the rest of the retention, with the lifecycle
 * transitions, the tag's own monthly charge, the archive classes' per-object overhead (8 KB at the Standard rate and
 * 32 KB at the Deep Archive rate, docs.aws.amazon.com/AmazonS3/latest/dev/object-archival.html), retrievals from
 * Instant Retrieval and restores from Deep Archive (Standard tier) with their readable copies.
 */
import { RULES } from '#domain/rules/table.ts';
import type { PriceKey } from './model.ts';

export interface EvidenceAssumptions {
  readonly filesPerCase: number;
  readonly averageMiB: number;
  /** How long it is kept: the archive class of enforcement files (ARCHIVE-RETENTION; short, 30 years), months. */
  readonly retentionMonths: number;
  /** Signed view or download links per file while the case is open. */
  readonly viewsPerFile: number;
  /** Time record-evidence takes for one file (a HEAD and a re-hash of the object), ms. */
  readonly recordMs: number;
  /** `standard`: all in S3 Standard (before issue 19); `tiered`: the archive tiers. @default tiered */
  readonly storage?: 'standard' | 'tiered';
  /** Months from upload to closure (the case open; A1's six-month term). */
  readonly openMonths?: number;
  /** Views per file after closure, while in Instant Retrieval. */
  readonly viewsInInstantRetrieval?: number;
  /** Share of files restored once from Deep Archive over the retention. */
  readonly restoreShare?: number;
}

export const EVIDENCE_TIER_DEFAULTS = { openMonths: 6, viewsInInstantRetrieval: 0.5, restoreShare: 0.05 } as const;

type Line = (
  service: string,
  item: string,
  quantity: number,
  unit: string,
  price: PriceKey,
  basis: 'measured' | 'derived' | 'assumed',
) => void;

const DAYS_PER_MONTH = 365.25 / 12;
const OBJECT_KB_STANDARD = 8;
const OBJECT_KB_ARCHIVE = 32;

export function evidenceStorageLines(e: EvidenceAssumptions, line: Line, rules = RULES, note = ''): void {
  const files = e.filesPerCase;
  const gb = (files * e.averageMiB) / 1024;
  if ((e.storage ?? 'tiered') === 'standard') {
    line(
      'S3',
      `evidence storage over ${e.retentionMonths} months${note}`,
      gb * e.retentionMonths,
      'GB-months',
      's3.standardGbMonth',
      'assumed',
    );
    return;
  }
  const storage = rules.P_EVIDENCE_STORAGE;
  const openMonths = Math.min(e.openMonths ?? EVIDENCE_TIER_DEFAULTS.openMonths, e.retentionMonths);
  const archiveMonth = Math.max(openMonths, storage.archiveAfterDays / DAYS_PER_MONTH);
  const irMonths = Math.max(0, Math.min(archiveMonth, e.retentionMonths) - openMonths);
  const archiveMonths = Math.max(0, e.retentionMonths - archiveMonth);
  line(
    'S3',
    `evidence storage, Standard while open (${openMonths.toFixed(1)} months)`,
    gb * openMonths,
    'GB-months',
    's3.standardGbMonth',
    'assumed',
  );
  line(
    'S3',
    `evidence storage, Instant Retrieval after closure (${irMonths.toFixed(1)} months)`,
    gb * irMonths,
    'GB-months',
    's3.glacierIrGbMonth',
    'assumed',
  );
  line(
    'S3',
    `evidence storage, Deep Archive (${archiveMonths.toFixed(1)} months)`,
    gb * archiveMonths,
    'GB-months',
    's3.deepArchiveGbMonth',
    'assumed',
  );
  const perObjectGb = (kb: number) => (files * kb) / (1024 * 1024);
  line(
    'S3',
    'evidence archive overhead, 8 KB an object at Standard',
    perObjectGb(OBJECT_KB_STANDARD) * archiveMonths,
    'GB-months',
    's3.standardGbMonth',
    'assumed',
  );
  line(
    'S3',
    'evidence archive overhead, 32 KB an object at Deep Archive',
    perObjectGb(OBJECT_KB_ARCHIVE) * archiveMonths,
    'GB-months',
    's3.deepArchiveGbMonth',
    'assumed',
  );
  line('S3', 'evidence closure tag (PutObjectTagging)', files, 'requests', 's3.putRequest', 'assumed');
  line(
    'S3',
    'evidence closure tag kept',
    files * (e.retentionMonths - openMonths),
    'tag-months',
    's3.objectTagMonth',
    'assumed',
  );
  line(
    'S3',
    'evidence lifecycle transitions to Instant Retrieval',
    files,
    'requests',
    's3.transitionGlacierIr',
    'assumed',
  );
  if (archiveMonths > 0)
    line(
      'S3',
      'evidence lifecycle transitions to Deep Archive',
      files,
      'requests',
      's3.transitionDeepArchive',
      'assumed',
    );
  const irViews = files * (e.viewsInInstantRetrieval ?? EVIDENCE_TIER_DEFAULTS.viewsInInstantRetrieval);
  line('S3', 'evidence views from Instant Retrieval (GET)', irViews, 'requests', 's3.glacierIrGetRequest', 'assumed');
  line(
    'S3',
    'evidence retrieval from Instant Retrieval',
    (irViews * e.averageMiB) / 1024,
    'GB',
    's3.glacierIrRetrievalGb',
    'assumed',
  );
  const restores = files * (e.restoreShare ?? EVIDENCE_TIER_DEFAULTS.restoreShare);
  line(
    'S3',
    'evidence restores from Deep Archive (Standard tier)',
    restores,
    'requests',
    's3.deepArchiveRestoreRequest',
    'assumed',
  );
  line(
    'S3',
    'evidence restored from Deep Archive',
    (restores * e.averageMiB) / 1024,
    'GB',
    's3.deepArchiveRetrievalGb',
    'assumed',
  );
  line(
    'S3',
    `evidence restored copies (${storage.restoreDays} days at Standard)`,
    ((restores * e.averageMiB) / 1024) * (storage.restoreDays / DAYS_PER_MONTH),
    'GB-months',
    's3.standardGbMonth',
    'assumed',
  );
}

/** Months an average case of the mix stays open (closed scenarios only), or undefined when none closed. */
export function mixOpenMonths(
  shares: Readonly<Record<string, number>>,
  measured: readonly { readonly scenario: string; readonly openDays?: number }[],
): number | undefined {
  const closed = measured.filter((m) => m.openDays !== undefined && (shares[m.scenario] ?? 0) > 0);
  const weight = closed.reduce((total, m) => total + (shares[m.scenario] ?? 0), 0);
  if (weight === 0) return undefined;
  const days = closed.reduce((total, m) => total + (m.openDays ?? 0) * (shares[m.scenario] ?? 0), 0) / weight;
  return days / DAYS_PER_MONTH;
}
