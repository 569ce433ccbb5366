/** Adapters that exist only in the embedded runtime: its command-center feed and its dead-letter store. */
import { randomUUID } from 'node:crypto';
import type { DeadLetters } from '#adapters/dynamodb/rejection-log.ts';
import type { Alert, CommandCenter } from '#ports/alerts.ts';
import type { Clock } from '#ports/clock.ts';
import type { RuntimeStore } from './runtime-store.ts';

export class LocalCommandCenter implements CommandCenter {
  private readonly store: RuntimeStore;
  private readonly listener: ((alert: Alert) => void) | undefined;
  constructor(store: RuntimeStore, listener?: (alert: Alert) => void) {
    this.store = store;
    this.listener = listener;
  }
  async alert(alert: Alert): Promise<void> {
    await this.store.addAlert(alert, randomUUID());
    this.listener?.(alert);
  }
}

export class LocalDeadLetters implements DeadLetters {
  private readonly store: RuntimeStore;
  private readonly clock: Clock;
  constructor(store: RuntimeStore, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }
  async send(kind: string, reason: string, body: unknown): Promise<void> {
    await this.store.addDeadLetter(this.clock.now(), randomUUID(), { kind, reason, body });
  }
}
