/** The Step Functions operations the application uses; AWS SDK on AWS, the embedded runtime locally. */
export interface WorkflowEngine {
  /** Starts an execution; a start under a name already used is reported, not thrown. */
  startExecution(machine: string, name: string, input: unknown): Promise<{ started: boolean }>;
  sendTaskSuccess(token: string, output: unknown): Promise<void>;
  sendTaskFailure(token: string, error: string, cause: string): Promise<void>;
}

/** The token no longer resumes anything: the task timed out, was already settled, or its execution ended. */
export class TaskNoLongerWaitingError extends Error {
  constructor(reason: string) {
    super(`the workflow is no longer waiting for this task (${reason})`);
    this.name = 'TaskNoLongerWaitingError';
  }
}
