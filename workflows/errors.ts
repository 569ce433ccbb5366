/**
 * Error names shared by the state machines and the steps, so a Retry or Catch can match them by name.
 * A step throws an Error whose `name` is one of these; Lambda reports it as the error type.
 */
export const ERRORS = {
  /** Another writer changed the case between read and write, more often than the step retries itself. */
  concurrentUpdate: 'ConcurrentUpdateError',
  /** The request was answered or timed out before this wait began (a re-entered step). */
  partnerRequestSettled: 'PartnerRequestSettled',
  /** The next phase's execution was already started under its name. */
  executionAlreadyExists: 'StepFunctions.ExecutionAlreadyExistsException',
  /** Step Functions' own: a task (here: a human or partner wait) ran past its TimeoutSeconds. */
  timeout: 'States.Timeout',
  all: 'States.ALL',
  /** The fail state's error: the case is parked in "needs attention". */
  needsAttention: 'CaseNeedsAttention',
  /** An approval timed out at the top of the escalation ladder. */
  approvalNotDecided: 'ApprovalNotDecided',
  /** A bounded loop reached its bound (a step did not move the case on). */
  loopBoundReached: 'LoopBoundReached',
  /**
   * The case has moved on from this execution (closed, settled, or taken over by a later run): the step wrote
   * nothing, and the execution ends, succeeded, in the `PhaseEnded` state.
   */
  phaseEnded: 'PhaseEnded',
} as const;

/** Transient Lambda service errors worth retrying (reliability-security.md). */
export const LAMBDA_TRANSIENT_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.TooManyRequestsException',
] as const;
