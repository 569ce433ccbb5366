import type { Instant } from '#domain/calendar/local-date.ts';

/**
 * Tells whoever cares that a case closed: on AWS a `CaseClosed` event on the alert bus (ids only), which the
 * record-evidence function turns into the archive tag on the case's evidence (P-EVIDENCE-STORAGE). The function
 * that commits the closure publishes it after the commit; steps never reach the evidence bucket themselves.
 */
export interface CaseClosures {
  closed(notice: { readonly caseId: string; readonly at: Instant }): Promise<void>;
}
