/** The workflow engine on AWS: Step Functions through the SDK. */
import {
  ExecutionAlreadyExists,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { TaskNoLongerWaitingError, type WorkflowEngine } from '#ports/workflow-engine.ts';

const NO_LONGER_WAITING = new Set(['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist']);

export class StepFunctionsEngine implements WorkflowEngine {
  private readonly client: SFNClient;
  private readonly machineArns: Readonly<Record<string, string>>;

  constructor(client: SFNClient, machineArns: Readonly<Record<string, string>>) {
    this.client = client;
    this.machineArns = machineArns;
  }

  async startExecution(machine: string, name: string, input: unknown): Promise<{ started: boolean }> {
    const stateMachineArn = this.machineArns[machine];
    if (!stateMachineArn) throw new Error(`no state machine configured for ${machine}`);
    try {
      await this.client.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
      return { started: true };
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return { started: false };
      throw error;
    }
  }

  async sendTaskSuccess(token: string, output: unknown): Promise<void> {
    await this.settle(() =>
      this.client.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) })),
    );
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    await this.settle(() => this.client.send(new SendTaskFailureCommand({ taskToken: token, error, cause })));
  }

  /** SDK errors for a dead token name the problem; the token itself is never put into our errors. */
  private async settle(send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (error) {
      if (error instanceof Error && NO_LONGER_WAITING.has(error.name)) throw new TaskNoLongerWaitingError(error.name);
      throw error;
    }
  }
}
