/** The AWS adapters against mocked SDK clients: what they send, and how they map the service's errors. */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  ExecutionAlreadyExists,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBridgeCommandCenter, SqsDeadLetters, sqsDelivery } from '#adapters/aws/messaging.ts';
import { StepFunctionsEngine } from '#adapters/aws/sfn-engine.ts';
import { awsCases, awsPorts, awsStaff } from '#commons/aws-ports.ts';
import { MissingConfigurationError } from '#commons/config.ts';
import { TaskNoLongerWaitingError } from '#ports/workflow-engine.ts';

const sfn = mockClient(SFNClient);
const sqs = mockClient(SQSClient);
const events = mockClient(EventBridgeClient);
const TOKEN = 'AQCEAAAAKgAAAAMAAAAAAAAAA-secret-token';

afterEach(() => {
  sfn.reset();
  sqs.reset();
  events.reset();
});

describe('StepFunctionsEngine', () => {
  it('starts the named execution of the configured machine', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' });
    const engine = new StepFunctionsEngine(new SFNClient({}), {
      service: 'arn:aws:states:cn-north-1:1:stateMachine:enforcement-service',
    });
    // Act
    const result = await engine.startExecution('service', 'cabc-service-1', { v: 1, caseId: 'cabc' });
    // Assess
    expect(result).toEqual({ started: true });
    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: 'arn:aws:states:cn-north-1:1:stateMachine:enforcement-service',
      name: 'cabc-service-1',
      input: '{"v":1,"caseId":"cabc"}',
    });
  });

  it('reports a name already used instead of throwing', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    const engine = new StepFunctionsEngine(new SFNClient({}), { service: 'arn' });
    expect(await engine.startExecution('service', 'n', {})).toEqual({ started: false });
  });

  it('maps a dead token to TaskNoLongerWaitingError, without the token in the message', async () => {
    sfn.on(SendTaskSuccessCommand).rejects(new TaskTimedOut({ message: `Task Timed Out: ${TOKEN}`, $metadata: {} }));
    const engine = new StepFunctionsEngine(new SFNClient({}), {});
    const error = await engine.sendTaskSuccess(TOKEN, { ok: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskNoLongerWaitingError);
    expect((error as Error).message).not.toContain(TOKEN);
  });
});

describe('messaging adapters', () => {
  it('dead letters carry the body and the reason as an attribute', async () => {
    sqs.on(SendMessageCommand).resolves({});
    await new SqsDeadLetters(new SQSClient({}), 'https://queue').send(
      'intake-rejected',
      'detail.caseNumber: too short',
      { id: 'e1' },
    );
    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input).toMatchObject({
      QueueUrl: 'https://queue',
      MessageBody: '{"id":"e1"}',
      MessageAttributes: {
        kind: { StringValue: 'intake-rejected' },
        reason: { StringValue: 'detail.caseNumber: too short' },
      },
    });
  });

  it('alerts go to the alert bus as CommandCenterAlert events', async () => {
    events.on(PutEventsCommand).resolves({ FailedEntryCount: 0 });
    const alert = {
      kind: 'needs-attention' as const,
      caseId: 'c1',
      court: 'HB0922',
      at: '2026-03-02T01:00:00.000Z',
      message: 'm',
    };
    await new EventBridgeCommandCenter(new EventBridgeClient({}), 'enforcement-alerts').alert(alert);
    expect(events.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries?.[0]).toEqual({
      EventBusName: 'enforcement-alerts',
      Source: 'court.enforcement',
      DetailType: 'CommandCenterAlert',
      Detail: JSON.stringify(alert),
    });
  });

  it('simulated answers are delayed in compressed time, at most 15 minutes', async () => {
    sqs.on(SendMessageCommand).resolves({});
    const deliver = sqsDelivery(new SQSClient({}), 'https://partner', () => '2026-03-02T00:00:00.000Z');
    await deliver('2026-03-02T01:00:00.000Z', { requestId: 'r', itemId: 'i', outcome: 'ok', result: {} });
    await deliver('2026-03-12T00:00:00.000Z', { requestId: 'r', itemId: 'j', outcome: 'ok', result: {} });
    expect(sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input.DelaySeconds)).toEqual([6, 900]);
  });
});

describe('configuration', () => {
  it('a function missing an environment variable stops at start-up, naming it', () => {
    const saved = { ...process.env };
    delete process.env.CASES_TABLE;
    try {
      expect(() => awsPorts(['cases'], { cases: awsCases })).toThrow(MissingConfigurationError);
      expect(() => awsPorts(['cases'], { cases: awsCases })).toThrow('missing environment variable CASES_TABLE');
      expect(() => awsPorts(['clock', 'rules', 'calendar', 'staff'], { staff: awsStaff })).not.toThrow();
      // The S3 evidence store is passed in by the functions that use it (it is bundled, unlike the other clients).
      expect(() => awsPorts(['evidence'], {} as never)).toThrow('no AWS adapter for evidence');
    } finally {
      process.env = saved;
    }
  });
});
