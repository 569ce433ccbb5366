import type { ReceivedMatter } from '#domain/entrustment/received.ts';

/** Matters other courts entrusted to this court (H1). Writes are conditional on the matter's version. */
export interface ReceivedMatterStore {
  get(matterId: string): Promise<ReceivedMatter | undefined>;
  /** Writes a new matter; false if one with the same id exists (the same entrustment received twice). */
  create(matter: ReceivedMatter): Promise<boolean>;
  /** Writes `next` over the stored version `next.version - 1`; throws ReceivedMatterConflictError otherwise. */
  save(next: ReceivedMatter): Promise<void>;
  /** The court's matters, by the date received (inclusive China dates), oldest first. */
  listByCourt(
    court: string,
    range?: { readonly from?: string; readonly to?: string },
  ): Promise<readonly ReceivedMatter[]>;
  /** The court's open matters (what the overdue sweep reads, not the finished ones), by the date received. */
  listOpen(court: string): Promise<readonly ReceivedMatter[]>;
}

export class ReceivedMatterConflictError extends Error {
  constructor(matterId: string) {
    super(`received matter ${matterId} changed meanwhile`);
    this.name = 'ReceivedMatterConflictError';
  }
}
