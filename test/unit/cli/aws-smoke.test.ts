/**
 * `enforce aws smoke` against mocked AWS clients (aws-sdk-client-mock): it reads the stack's outputs, puts the
 * example filing on the intake bus, follows the case's journal and reports. It cannot run against AWS here.
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { IntakeEvent } from '#contracts/intake-event.ts';
import { STACK_OUTPUTS } from '#contracts/stack-outputs.ts';
import type { Commit } from '#domain/case/events.ts';
import { nextCommit } from '#domain/case/next-commit.ts';
import { toFiledEvent } from '#use-cases/intake-case.ts';
import { runSmoke, type SmokeOptions, smokeFiling } from '../../../local/cli/aws-smoke.ts';
import { CliError } from '../../../local/cli/output.ts';

const cfn = mockClient(CloudFormationClient);
const events = mockClient(EventBridgeClient);
const db = mockClient(DynamoDBDocumentClient);
const clients = () => ({
  cloudFormation: new CloudFormationClient({ region: 'cn-north-1' }),
  eventBridge: new EventBridgeClient({ region: 'cn-north-1' }),
  db: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' })),
});

const OUTPUTS = [
  { OutputKey: STACK_OUTPUTS.intakeBus, OutputValue: 'enforcement-intake' },
  { OutputKey: STACK_OUTPUTS.casesTable, OutputValue: 'Enforcement-dev-Cases' },
  { OutputKey: STACK_OUTPUTS.journalTable, OutputValue: 'Enforcement-dev-Journal' },
];
const NOW = new Date('2026-03-02T02:00:00.000Z');

/** A virtual clock: sleeping moves it on. */
function options(progress: string[], timeoutMs = 60_000): SmokeOptions {
  let now = NOW.getTime();
  return {
    stack: 'Enforcement-dev',
    timeoutMs,
    pollMs: 5000,
    now: () => new Date(now),
    sleep: async (ms) => {
      now += ms;
    },
    progress: (line) => progress.push(line),
  };
}

/** The journal intake and the workflow would write for the smoke filing: filed, then a step's commit. */
function journal(): Commit[] {
  const filing = smokeFiling(NOW);
  const event = IntakeEvent.parse({
    version: '0',
    id: 'e1',
    source: 'court.filing',
    'detail-type': 'EnforcementCaseFiled',
    time: NOW.toISOString(),
    detail: filing.detail,
  });
  const filed = nextCommit(filing.caseId, undefined, {
    at: NOW.toISOString(),
    actor: { kind: 'system', id: 'intake' },
    events: [toFiledEvent(event, (id) => `p${id.slice(-6)}`)],
    cause: {},
  });
  const moved = nextCommit(filing.caseId, filed.next, {
    at: NOW.toISOString(),
    actor: { kind: 'system', id: 'triage' },
    events: [{ type: 'needs-attention', error: 'Smoke', cause: 'test', where: 'triage' }],
    cause: {},
  });
  return [filed.commit, moved.commit];
}

beforeEach(() => {
  cfn.reset();
  events.reset();
  db.reset();
  cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'Enforcement-dev', Outputs: OUTPUTS } as never] });
  events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'evt-1' }] });
});

describe('enforce aws smoke', () => {
  it('files the example case on the stack intake bus and follows it until the workflow moves it on', async () => {
    // Prepare
    const commits = journal();
    db.on(QueryCommand).resolvesOnce({ Items: [] }).resolvesOnce({ Items: commits }).resolves({ Items: [] });
    db.on(GetCommand).resolves({ Item: { data: { status: 'in-progress', phase: 'service' } } });
    const progress: string[] = [];

    // Act
    const result = await runSmoke(clients(), options(progress));

    // Assess
    const put = events.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries?.[0];
    expect(put).toMatchObject({
      EventBusName: 'enforcement-intake',
      Source: 'court.filing',
      DetailType: 'EnforcementCaseFiled',
    });
    const detail = JSON.parse(put?.Detail ?? '{}');
    expect(IntakeEvent.shape.detail.safeParse(detail).success).toBe(true);
    expect(detail.caseNumber).toBe(result.caseNumber);
    expect(result).toMatchObject({
      stack: 'Enforcement-dev',
      eventId: 'evt-1',
      commits: 2,
      advanced: true,
      status: 'in-progress',
      phase: 'service',
    });
    expect(db.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      TableName: 'Enforcement-dev-Journal',
      ExpressionAttributeValues: { ':caseId': result.caseId, ':seq': 0 },
    });
    expect(progress[0]).toContain(result.caseNumber);
    expect(progress.length).toBeGreaterThan(2);
  });

  it('reports a case never filed when the timeout passes', async () => {
    // Prepare
    db.on(QueryCommand).resolves({ Items: [] });

    // Act
    const result = await runSmoke(clients(), options([], 20_000));

    // Assess
    expect(result).toMatchObject({ commits: 0, advanced: false });
    expect(db.commandCalls(QueryCommand).length).toBe(5);
    expect(db.commandCalls(GetCommand)).toHaveLength(0);
  });

  it('names a missing output of the stack', async () => {
    // Prepare
    cfn
      .on(DescribeStacksCommand)
      .resolves({ Stacks: [{ StackName: 'Enforcement-dev', Outputs: OUTPUTS.slice(1) } as never] });

    // Act
    const act = runSmoke(clients(), options([]));

    // Assess
    await expect(act).rejects.toThrow(CliError);
    await expect(runSmoke(clients(), options([]))).rejects.toThrow(STACK_OUTPUTS.intakeBus);
    expect(events.commandCalls(PutEventsCommand)).toHaveLength(0);
  });

  it('stops when the bus refuses the filing', async () => {
    // Prepare
    events.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'AccessDenied' }] });

    // Act
    const act = runSmoke(clients(), options([]));

    // Assess
    await expect(act).rejects.toThrow(/AccessDenied/);
    expect(db.commandCalls(QueryCommand)).toHaveLength(0);
  });
});
