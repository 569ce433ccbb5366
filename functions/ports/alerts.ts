import type { Instant } from '#domain/calendar/local-date.ts';

export interface Alert {
  readonly kind:
    | 'approval-escalated'
    | 'partner-overdue'
    | 'needs-attention'
    | 'node-overdue'
    | 'node-warning'
    | 'received-matter-overdue'
    /** A received matter not started within H1's 15 days. */
    | 'received-matter-start-overdue'
    /** A preservation about to expire (or expired) with no enforcement case filed yet (诉执衔接). */
    | 'preservation-expiring'
    | 'evidence-failed-verification'
    /** A field officer still out past the planned return (issue 17), and the panic button. */
    | 'field-return-overdue'
    | 'field-incident';
  /**
   * The case; for a matter another court entrusted to this one (`received-matter-overdue`, `received-matter-start-overdue`), the matter id; for a
   * preservation (`preservation-expiring`), the preservation id.
   */
  readonly caseId: string;
  readonly court: string;
  readonly at: Instant;
  readonly message: string;
}

/** The command center's feed: EventBridge on AWS, a table in the embedded runtime. */
export interface CommandCenter {
  alert(alert: Alert): Promise<void>;
}
