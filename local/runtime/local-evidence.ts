/**
 * The evidence store of the embedded runtime: the evidence vault (files under `<data-dir>/evidence`, records in the
 * data directory's database; local/evidence/vault.ts) and its gate, the loopback server of signed links
 * (local/evidence/gate.ts), started when the first link is signed. No S3 stand-in and no access keys.
 */
import type { Instant } from '#domain/calendar/local-date.ts';
import { type EvidenceGate, openEvidenceGate } from '../evidence/gate.ts';
import { EvidenceVault } from '../evidence/vault.ts';
import type { OpenedDatabase } from '../store/database.ts';

export class LocalEvidenceStore extends EvidenceVault {
  private gate: Promise<EvidenceGate> | undefined;
  private readonly clockNow: () => Instant;

  constructor(dataDir: string | undefined, database: OpenedDatabase, now: () => Instant) {
    super({ dataDir, database, now });
    this.clockNow = now;
    this.useEndpoint(async () => (await this.openGate()).endpoint);
  }

  private openGate(): Promise<EvidenceGate> {
    this.gate ??= openEvidenceGate(this, this.clockNow);
    return this.gate;
  }

  async shutdown(): Promise<void> {
    const gate = this.gate;
    this.gate = undefined;
    if (gate) await (await gate).close();
    this.close();
  }
}
