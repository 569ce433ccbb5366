import type { Preservation } from '#domain/preservation/carry.ts';

/**
 * Preservation rulings the preservation center reported (诉执衔接, B3-CARRY): keyed party ids only, no names nor ID
 * numbers. Writes are conditional on the version read.
 */
export interface PreservationStore {
  get(preservationId: string): Promise<Preservation | undefined>;
  /** Writes a new preservation; false if one with the same id exists. */
  create(preservation: Preservation): Promise<boolean>;
  /** Writes `next` over the stored version `next.version - 1`; throws PreservationConflictError otherwise. */
  save(next: Preservation): Promise<void>;
  /**
   * The court's preservations still waiting for an enforcement case, by earliest expiry; with `expiringBy`, only
   * those whose earliest expiry is on or before it (what the sweep needs: a range of the index, not all of them).
   */
  listHeld(court: string, expiringBy?: string): Promise<readonly Preservation[]>;
  /** The court's preservations, newest ruling first, at most `limit`. */
  listByCourt(court: string, limit: number): Promise<readonly Preservation[]>;
}

export class PreservationConflictError extends Error {
  constructor(preservationId: string) {
    super(`preservation ${preservationId} changed meanwhile`);
    this.name = 'PreservationConflictError';
  }
}
