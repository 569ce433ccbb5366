/**
 * The evidence store of the embedded runtime: the evidence vault (files under `<data-dir>/evidence`, records in the
 * data directory's database; local/evidence/vault.ts) and its gate, the loopback server of signed links
 * (local/evidence/gate.ts), started when the first link is signed. No S3 stand-in and no access keys. The staff
 * API server tells it its own origins (allowBrowserOrigins): the only pages whose requests to the gate the browser
 * lets read the answers (CORS).
 *
 * Clients beyond loopback (a field officer's phone on the court network) cannot reach the loopback gate. Links
 * issued while the staff API server answers a request point at that server instead (`linksVia`): its own origin as
 * the client named it (a Host the server answers to), path `/storage/objects`, served by the same handler
 * (`storageHandler`) behind the server's TLS, peer and Host checks. The link is the same signed, checksum-bound,
 * time-limited link; only its address differs.
 */
export const SERVER_STORAGE_PATH = '/storage';

import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Instant } from '#domain/calendar/local-date.ts';
import { type EvidenceGate, gateRequestHandler, openEvidenceGate } from '../evidence/gate.ts';
import { EvidenceVault } from '../evidence/vault.ts';
import type { OpenedDatabase } from '../store/database.ts';

export class LocalEvidenceStore extends EvidenceVault {
  private gate: Promise<EvidenceGate> | undefined;
  private readonly clockNow: () => Instant;
  private readonly browserOrigins = new Set<string>();
  /** The endpoint of links issued within a staff API server's request (its origin + /storage). */
  private readonly requestEndpoint = new AsyncLocalStorage<string>();

  constructor(dataDir: string | undefined, database: OpenedDatabase, now: () => Instant) {
    super({ dataDir, database, now });
    this.clockNow = now;
    this.useEndpoint(async () => this.requestEndpoint.getStore() ?? (await this.openGate()).endpoint);
  }

  /**
   * Runs `work` (a staff API request) so that the links it issues point at `origin` + /storage: the server that
   * received the request, under the name its client used (`origin` must be one the server answers to).
   */
  linksVia<T>(origin: string, work: () => Promise<T>): Promise<T> {
    const parsed = new URL(origin);
    if (parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) throw new Error(`not an origin: ${origin}`);
    return this.requestEndpoint.run(`${origin}${SERVER_STORAGE_PATH}`, work);
  }

  /** The staff API server's handler of `/storage/objects`: the gate's, for the server's own pages (CORS). */
  storageHandler(): (req: IncomingMessage, res: ServerResponse) => void {
    return gateRequestHandler(this, this.clockNow, () => this.browserOrigins, `${SERVER_STORAGE_PATH}/objects`);
  }

  private openGate(): Promise<EvidenceGate> {
    this.gate ??= openEvidenceGate(this, this.clockNow, () => this.browserOrigins);
    return this.gate;
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
