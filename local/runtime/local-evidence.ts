/**
 * The evidence store of the embedded runtime: the evidence vault (files under `<data-dir>/evidence`, records in the
 * data directory's database; local/evidence/vault.ts) and its gate, the loopback server of signed links
 * (local/evidence/gate.ts), started when the first link is signed. No S3 stand-in and no access keys. The staff
 * API server tells it its own origins (allowBrowserOrigins): the only pages whose requests to the gate the browser
 * lets read the answers (CORS).
 */
import type { Instant } from '#domain/calendar/local-date.ts';
import { type EvidenceGate, openEvidenceGate } from '../evidence/gate.ts';
import { EvidenceVault } from '../evidence/vault.ts';
import type { OpenedDatabase } from '../store/database.ts';

export class LocalEvidenceStore extends EvidenceVault {
  private gate: Promise<EvidenceGate> | undefined;
  private readonly clockNow: () => Instant;
  private readonly browserOrigins = new Set<string>();

  constructor(dataDir: string | undefined, database: OpenedDatabase, now: () => Instant) {
    super({ dataDir, database, now });
    this.clockNow = now;
    this.useEndpoint(async () => (await this.openGate()).endpoint);
  }

  private openGate(): Promise<EvidenceGate> {
    this.gate ??= openEvidenceGate(this, this.clockNow, () => this.browserOrigins);
    return this.gate;
  }

  /** The gate's origin (scheme, host and port), starting it if need be: what a page's CSP lets it connect to. */
  async gateOrigin(): Promise<string> {
    return new URL((await this.openGate()).endpoint).origin;
  }

  /**
   * Lets pages of these origins (e.g. `http://127.0.0.1:8080`) read the gate's answers (CORS); never a wildcard.
   * Returns the function that withdraws them (when the server that served those pages stops).
   */
  allowBrowserOrigins(origins: Iterable<string>): () => void {
    const added: string[] = [];
    for (const origin of origins) {
      const parsed = new URL(origin);
      if (parsed.origin !== origin || !/^https?:$/.test(parsed.protocol))
        throw new Error(`not a browser origin: ${origin}`);
      if (!this.browserOrigins.has(origin)) added.push(origin);
      this.browserOrigins.add(origin);
    }
    return () => {
      for (const origin of added) this.browserOrigins.delete(origin);
    };
  }

  async shutdown(): Promise<void> {
    const gate = this.gate;
    this.gate = undefined;
    if (gate) await (await gate).close();
    this.close();
  }
}
