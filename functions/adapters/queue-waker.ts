/** Wake requests as messages on the partner queue (SQS on AWS, the embedded runtime's deliveries locally). */
import type { Instant } from '#domain/calendar/local-date.ts';
import type { Clock } from '#ports/clock.ts';
import type { WakeRequest, Waker } from '#ports/wakes.ts';

export type Send = (at: Instant, body: { readonly wake: WakeRequest }) => Promise<void>;

export class QueueWaker implements Waker {
  private readonly send: Send;
  private readonly clock: Clock;

  constructor(send: Send, clock: Clock) {
    this.send = send;
    this.clock = clock;
  }

  async requestWake(request: WakeRequest): Promise<void> {
    await this.send(this.clock.now(), { wake: request });
  }
}
