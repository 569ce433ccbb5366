/**
 * A small typed builder for Amazon States Language (JSONPath only: the embedded runtime does not run JSONata).
 * It puts the same Retry and Catch on every Task, so that no step can be added without them.
 */
import { ERRORS, LAMBDA_TRANSIENT_ERRORS } from './errors.ts';
import { functionKey, type StepName } from './steps.ts';
import { DEFINITION_VERSION } from './version.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Retrier {
  readonly ErrorEquals: readonly string[];
  readonly IntervalSeconds?: number;
  readonly MaxAttempts?: number;
  readonly BackoffRate?: number;
  readonly MaxDelaySeconds?: number;
  readonly JitterStrategy?: 'FULL' | 'NONE';
}

export interface Catcher {
  readonly ErrorEquals: readonly string[];
  readonly Next: string;
  readonly ResultPath?: string | null;
}

export interface TaskState {
  readonly Type: 'Task';
  readonly Comment?: string;
  readonly Resource: string;
  readonly Parameters?: Record<string, Json>;
  readonly ResultSelector?: Record<string, Json>;
  readonly ResultPath?: string | null;
  readonly OutputPath?: string;
  readonly TimeoutSeconds?: number;
  readonly TimeoutSecondsPath?: string;
  readonly Retry?: readonly Retrier[];
  readonly Catch?: readonly Catcher[];
  readonly Next?: string;
  readonly End?: true;
}

export interface ChoiceRule {
  readonly Variable?: string;
  readonly StringEquals?: string;
  readonly BooleanEquals?: boolean;
  readonly NumericLessThanEquals?: number;
  readonly IsPresent?: boolean;
  readonly And?: readonly ChoiceRule[];
  readonly Next?: string;
}

export interface ChoiceState {
  readonly Type: 'Choice';
  readonly Comment?: string;
  readonly Choices: readonly (ChoiceRule & { readonly Next: string })[];
  readonly Default?: string;
}

export interface PassState {
  readonly Type: 'Pass';
  readonly Comment?: string;
  readonly InputPath?: string;
  readonly Result?: Json;
  readonly ResultPath?: string | null;
  readonly Next?: string;
  readonly End?: true;
}

export interface SucceedState {
  readonly Type: 'Succeed';
  readonly Comment?: string;
}

export interface FailState {
  readonly Type: 'Fail';
  readonly Comment?: string;
  readonly Error: string;
  readonly Cause?: string;
}

export interface WaitState {
  readonly Type: 'Wait';
  readonly Comment?: string;
  readonly TimestampPath?: string;
  readonly SecondsPath?: string;
  readonly Next: string;
}

export type State = TaskState | ChoiceState | PassState | SucceedState | FailState | WaitState;

export interface Definition {
  readonly Comment: string;
  readonly StartAt: string;
  readonly States: Readonly<Record<string, State>>;
}

/** Transient Lambda errors and lost optimistic-lock races: retried with backoff and full jitter. */
export const STANDARD_RETRY: readonly Retrier[] = [
  {
    ErrorEquals: [...LAMBDA_TRANSIENT_ERRORS, ERRORS.concurrentUpdate],
    IntervalSeconds: 2,
    MaxAttempts: 6,
    BackoffRate: 2,
    MaxDelaySeconds: 60,
    JitterStrategy: 'FULL',
  },
];

/** Every phase ends a failure here: the case is parked, visibly, with the error. */
export const NEEDS_ATTENTION = 'RecordNeedsAttention';
/** Where an execution ends when its case has moved on (closed, settled, a later run): nothing failed. */
export const PHASE_ENDED = 'PhaseEnded';

/** Tried before the catch-all on every Task that runs a step. */
const PHASE_ENDED_CATCH: Catcher = { ErrorEquals: [ERRORS.phaseEnded], ResultPath: null, Next: PHASE_ENDED };

/** What every step receives: the case, the execution, and the definition version that is calling it. */
const CASE_INPUT = {
  'caseId.$': '$.caseId',
  'execution.$': '$$.Execution.Name',
  definition: DEFINITION_VERSION,
} as const;

function fn(step: StepName): string {
  return `\${${functionKey(step)}}`;
}

export interface InvokeOptions {
  readonly payload?: Record<string, Json>;
  readonly resultPath: string | null;
  readonly next: string;
  readonly comment?: string;
  /** Extra catchers tried before the catch-all. */
  readonly catches?: readonly Catcher[];
}

/** A Lambda step: the payload carries ids, the result goes to `resultPath`. */
export function invoke(step: StepName, options: InvokeOptions): TaskState {
  return {
    Type: 'Task',
    ...(options.comment ? { Comment: options.comment } : {}),
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: fn(step), Payload: { ...CASE_INPUT, ...options.payload } },
    ResultSelector: { 'value.$': '$.Payload' },
    ResultPath: options.resultPath,
    Retry: STANDARD_RETRY,
    Catch: [
      ...(options.catches ?? []),
      PHASE_ENDED_CATCH,
      { ErrorEquals: [ERRORS.all], ResultPath: '$.error', Next: NEEDS_ATTENTION },
    ],
    Next: options.next,
  };
}

/**
 * A Lambda step that ends the execution (`End: true`) instead of passing to a Succeed state, which would bill a
 * transition and do nothing.
 */
export function invokeAndEnd(step: StepName, options: Omit<InvokeOptions, 'next'>): TaskState {
  const { Next: _next, ...task } = invoke(step, { ...options, next: '' });
  return { ...task, End: true };
}

export interface WaitOptions extends InvokeOptions {
  /** Path to the wait's timeout in seconds, computed by the step before from the rule table and calendar. */
  readonly timeoutSecondsPath: string;
  readonly onTimeout: string;
}

/**
 * A wait for a person or an outside party: the step stores the task token and returns; a decision or an answer
 * resumes the execution. Every such wait has a timeout and a Catch for it.
 */
export function waitFor(step: StepName, options: WaitOptions): TaskState {
  return {
    Type: 'Task',
    ...(options.comment ? { Comment: options.comment } : {}),
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Parameters: {
      FunctionName: fn(step),
      Payload: { ...CASE_INPUT, ...options.payload, 'taskToken.$': '$$.Task.Token' },
    },
    TimeoutSecondsPath: options.timeoutSecondsPath,
    ResultPath: options.resultPath,
    Retry: STANDARD_RETRY,
    Catch: [
      { ErrorEquals: [ERRORS.timeout], ResultPath: null, Next: options.onTimeout },
      ...(options.catches ?? []),
      PHASE_ENDED_CATCH,
      { ErrorEquals: [ERRORS.all], ResultPath: '$.error', Next: NEEDS_ATTENTION },
    ],
    Next: options.next,
  };
}

/**
 * Starts the next phase's execution (fire and forget); a name already used means it was started before. With
 * `ends`, starting it ends this execution (`End: true`): `next` is then only where the already-started case goes,
 * so the hand-over bills one state transition, not two (the task and a Succeed that does nothing).
 */
export function startPhase(machineKey: string, namePath: string, next: string, ends = false): TaskState {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::states:startExecution',
    Parameters: {
      StateMachineArn: `\${${machineKey}}`,
      'Name.$': namePath,
      Input: { v: 1, 'caseId.$': '$.caseId' },
    },
    ResultPath: null,
    Retry: [
      {
        ErrorEquals: ['StepFunctions.SdkClientException', 'StepFunctions.ThrottlingException', 'States.TaskFailed'],
        IntervalSeconds: 2,
        MaxAttempts: 4,
        BackoffRate: 2,
        JitterStrategy: 'FULL',
      },
    ],
    Catch: [
      { ErrorEquals: [ERRORS.executionAlreadyExists], ResultPath: null, Next: next },
      { ErrorEquals: [ERRORS.all], ResultPath: '$.error', Next: NEEDS_ATTENTION },
    ],
    ...(ends ? { End: true as const } : { Next: next }),
  };
}

/** Starts the next phase's execution and ends this one (see `startPhase`). */
export function handOver(machineKey: string, namePath: string, alreadyStarted: string): TaskState {
  return startPhase(machineKey, namePath, alreadyStarted, true);
}

/** The end of every phase that fails: record on the case, then fail the execution (which alarms). */
export function needsAttentionStates(): Record<string, State> {
  return {
    [NEEDS_ATTENTION]: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: {
        FunctionName: fn('record-needs-attention'),
        Payload: { ...CASE_INPUT, 'error.$': '$.error' },
      },
      ResultPath: null,
      Retry: STANDARD_RETRY,
      Catch: [PHASE_ENDED_CATCH, { ErrorEquals: [ERRORS.all], ResultPath: '$.attentionError', Next: 'Failed' }],
      Next: 'Failed',
    },
    Failed: { Type: 'Fail', Error: ERRORS.needsAttention, Cause: 'The case needs attention; see its timeline.' },
    [PHASE_ENDED]: succeed('The case was closed, settled or taken over by a later run meanwhile: nothing more to do'),
  };
}

/** Waits until the instant a step computed (e.g. the next renewal day): durable on AWS and in the embedded runtime. */
export function waitUntil(timestampPath: string, next: string, comment: string): WaitState {
  return { Type: 'Wait', Comment: comment, TimestampPath: timestampPath, Next: next };
}

/** Copies `from` to `to` (e.g. the terms of the next wait to where the wait state reads them). */
export function carry(from: string, to: string, next: string, comment: string): PassState {
  return { Type: 'Pass', Comment: comment, InputPath: from, ResultPath: to, Next: next };
}

/**
 * A decided dead end that is not an error thrown by a step (e.g. nobody left to escalate to): records why on
 * the way to the needs-attention state, which always reads `$.error`.
 */
export function park(error: string, cause: string): PassState {
  return {
    Type: 'Pass',
    Comment: cause,
    Result: { Error: error, Cause: cause },
    ResultPath: '$.error',
    Next: NEEDS_ATTENTION,
  };
}

export function succeed(comment: string): SucceedState {
  return { Type: 'Succeed', Comment: comment };
}

export function choice(choices: ChoiceState['Choices'], fallback: string, comment?: string): ChoiceState {
  return { Type: 'Choice', ...(comment ? { Comment: comment } : {}), Choices: choices, Default: fallback };
}

export function equals(variable: string, value: string, next: string): ChoiceRule & { Next: string } {
  return { Variable: variable, StringEquals: value, Next: next };
}

/**
 * A domain-driven loop's bounded branch: `<result>.value.next` names the step and `<result>.value.round` is within
 * the loop's bound (past it, the Choice's default parks the case or hands over). `withinRounds('$.x', MAX)` gives
 * `(next, target) => rule`.
 */
export function withinRounds(result: string, max: number) {
  return (next: string, target: string): ChoiceRule & { Next: string } => ({
    And: [
      { Variable: `${result}.value.next`, StringEquals: next },
      { Variable: `${result}.value.round`, NumericLessThanEquals: max },
    ],
    Next: target,
  });
}
