import type { Instant } from '#domain/calendar/local-date.ts';

export interface IntakeRejection {
  readonly eventId: string;
  readonly at: Instant;
  readonly source: string;
  readonly detailType: string;
  /** One line per problem, each naming the field. No field values: they may be personal data. */
  readonly reasons: readonly string[];
}

/** Rejected intake events are recorded and sent to the dead-letter queue, with the original event. */
export interface IntakeRejections {
  record(rejection: IntakeRejection, original: unknown): Promise<void>;
  list(limit: number): Promise<readonly IntakeRejection[]>;
}
