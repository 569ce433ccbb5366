/**
 * The evidence store of the embedded runtime, opened on first use: the S3 stand-in and the S3 SDK load only when
 * a command touches evidence (every other command starts as fast as before evidence existed).
 */
import type { Instant } from '#domain/calendar/local-date.ts';
import type { EvidenceStore } from '#ports/evidence-store.ts';
import type { LocalS3 } from './local-s3.ts';
import type { RuntimeStore } from './runtime-store.ts';

export class LocalEvidenceStore implements EvidenceStore {
  private opened: Promise<{ readonly s3: LocalS3; readonly store: EvidenceStore }> | undefined;
  private readonly dataDir: string | undefined;
  private readonly now: () => Instant;
  private readonly runtimeStore: RuntimeStore;

  constructor(dataDir: string | undefined, now: () => Instant, runtimeStore: RuntimeStore) {
    this.dataDir = dataDir;
    this.now = now;
    this.runtimeStore = runtimeStore;
  }

  /** The stand-in itself (its files, its bucket), opening it if need be. */
  async s3(): Promise<LocalS3> {
    return (await this.open()).s3;
  }

  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    if (opened) await (await opened).s3.close();
  }

  private open(): Promise<{ readonly s3: LocalS3; readonly store: EvidenceStore }> {
    this.opened ??= (async () => {
      const [{ openLocalS3 }, { S3EvidenceStore }] = await Promise.all([
        import('./local-s3.ts'),
        import('#adapters/s3/evidence-store.ts'),
      ]);
      const s3 = await openLocalS3(this.dataDir, this.now);
      const runtimeStore = this.runtimeStore;
      const store = new S3EvidenceStore({
        client: s3.client,
        bucket: s3.bucket,
        // The stand-in has no object lock: the runtime keeps the legal holds.
        localLegalHolds: {
          set: (key, on) => runtimeStore.setValue(`legal-hold:${key}`, on),
          get: async (key) => (await runtimeStore.getValue<boolean>(`legal-hold:${key}`)) ?? false,
        },
      });
      return { s3, store };
    })();
    return this.opened;
  }

  presignUpload: EvidenceStore['presignUpload'] = async (...args) => (await this.open()).store.presignUpload(...args);
  startMultipart: EvidenceStore['startMultipart'] = async (...args) =>
    (await this.open()).store.startMultipart(...args);
  presignPart: EvidenceStore['presignPart'] = async (...args) => (await this.open()).store.presignPart(...args);
  completeMultipart: EvidenceStore['completeMultipart'] = async (...args) =>
    (await this.open()).store.completeMultipart(...args);
  head: EvidenceStore['head'] = async (...args) => (await this.open()).store.head(...args);
  hash: EvidenceStore['hash'] = async (...args) => (await this.open()).store.hash(...args);
  presignDownload: EvidenceStore['presignDownload'] = async (...args) =>
    (await this.open()).store.presignDownload(...args);
  setLegalHold: EvidenceStore['setLegalHold'] = async (...args) => (await this.open()).store.setLegalHold(...args);
  legalHold: EvidenceStore['legalHold'] = async (...args) => (await this.open()).store.legalHold(...args);
}
