/**
 * Asks the settle function, the only holder of states:SendTask*, to wake what waits on a case: a step that finds the
 * claim satisfied (money from a sale) cannot resume another execution itself. The request travels on the partner
 * queue that settle consumes.
 */
export interface WakeRequest {
  readonly caseId: string;
  /** Why, for the log and the timeline: e.g. the claim was satisfied by a sale. */
  readonly reason: string;
}

export interface Waker {
  requestWake(request: WakeRequest): Promise<void>;
}
