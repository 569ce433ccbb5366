/**
 * `enforce aws smoke --stack <name>`: files a case on a deployed stack and follows it. It reads the stack's outputs
 * (CloudFormation), puts the example filing of docs/examples/first-case.detail.json on the intake bus under a new
 * case number (EventBridge), then reads the case and its journal (DynamoDB) until intake has filed it and the
 * workflow has moved it on, printing the timeline as `enforce case` does. It uses the caller's AWS credentials
 * and region (the usual AWS_PROFILE / AWS_REGION), and writes nothing but the one filing.
 */
import { readFileSync } from 'node:fs';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { keys } from '#adapters/dynamodb/tables.ts';
import { referenceData } from '#commons/reference-data.ts';
import { INTAKE_DETAIL_TYPE, INTAKE_SOURCE } from '#contracts/intake-event.ts';
import { STACK_OUTPUTS, type StackOutput } from '#contracts/stack-outputs.ts';
import type { Commit } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { applyCommits, upgradeCase } from '#domain/case/reducer.ts';
import { caseIdFor } from '#domain/ids.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import type { GlobalOptions } from './options.ts';
import { CliError, type Output } from './output.ts';

export const EXAMPLE_DETAIL = new URL('../../docs/examples/first-case.detail.json', import.meta.url);

export interface SmokeClients {
  readonly cloudFormation: CloudFormationClient;
  readonly eventBridge: EventBridgeClient;
  readonly db: DynamoDBDocumentClient;
}

export interface SmokeOptions {
  readonly stack: string;
  /** How long to wait for the case to be filed and moved on. */
  readonly timeoutMs: number;
  readonly pollMs: number;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  /** Progress lines (the timeline as it grows). */
  readonly progress: (line: string) => void;
}

export interface SmokeResult {
  readonly stack: string;
  readonly caseNumber: string;
  readonly caseId: string;
  readonly eventId: string;
  readonly status?: string;
  readonly phase?: string;
  readonly commits: number;
  /** Filed by intake and moved on by the workflow (at least one commit after the filing). */
  readonly advanced: boolean;
}

/** The stack's outputs the smoke test needs, by key; a missing one names the stack and the key. */
export async function stackOutputs(
  client: CloudFormationClient,
  stack: string,
  needed: readonly StackOutput[],
): Promise<Record<StackOutput, string>> {
  const described = await client.send(new DescribeStacksCommand({ StackName: stack }));
  const outputs = described.Stacks?.[0]?.Outputs ?? [];
  const found = {} as Record<StackOutput, string>;
  for (const key of needed) {
    const value = outputs.find((o) => o.OutputKey === key)?.OutputValue;
    if (!value) throw new CliError(`栈 ${stack} 没有输出 ${key}：请先用本版本部署（npx cdk deploy）`);
    found[key] = value;
  }
  return found;
}

/** The example filing under a case number of its own (`（年）冀0922执<8 位>号`), filed now. */
export function smokeFiling(now: Date, detail: Record<string, unknown> = readExample()) {
  const year = now.getUTCFullYear();
  const serial = String(now.getTime() % 100_000_000).padStart(8, '0');
  const court = (detail.court as { code: string }).code;
  const caseNumber = `（${year}）冀0922执${serial}号`;
  const filedAt = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { detail: { ...detail, caseNumber, filedAt }, caseNumber, caseId: caseIdFor(court, caseNumber) };
}

function readExample(): Record<string, unknown> {
  return JSON.parse(readFileSync(EXAMPLE_DETAIL, 'utf8')) as Record<string, unknown>;
}

async function commitsAfter(db: DynamoDBDocumentClient, table: string, caseId: string, seq: number) {
  const commits: Commit[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'caseId = :caseId AND seq > :seq',
        ExpressionAttributeValues: { ':caseId': caseId, ':seq': seq },
        ...(cursor ? { ExclusiveStartKey: cursor } : {}),
      }),
    );
    commits.push(...((page.Items ?? []) as Commit[]));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return commits;
}

export async function runSmoke(clients: SmokeClients, options: SmokeOptions): Promise<SmokeResult> {
  const outputs = await stackOutputs(clients.cloudFormation, options.stack, [
    STACK_OUTPUTS.intakeBus,
    STACK_OUTPUTS.casesTable,
    STACK_OUTPUTS.journalTable,
  ]);
  const filing = smokeFiling(options.now());
  const put = await clients.eventBridge.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: outputs[STACK_OUTPUTS.intakeBus],
          Source: INTAKE_SOURCE,
          DetailType: INTAKE_DETAIL_TYPE,
          Detail: JSON.stringify(filing.detail),
        },
      ],
    }),
  );
  const entry = put.Entries?.[0];
  if ((put.FailedEntryCount ?? 0) > 0 || !entry?.EventId) {
    throw new CliError(`立案事件未被事件总线接收：${entry?.ErrorCode ?? '未知'} ${entry?.ErrorMessage ?? ''}`.trim());
  }
  options.progress(`已提交立案事件 ${entry.EventId}：${filing.caseNumber}（案件编号 ${filing.caseId}）`);

  const staff = referenceData().staff;
  const names = { member: (id: string) => staff.memberName(id), team: (id: string) => staff.teamName(id) };
  const commits: Commit[] = [];
  let printed = 0;
  let record: { status?: string; phase?: string } | undefined;
  const deadline = options.now().getTime() + options.timeoutMs;
  while (true) {
    commits.push(
      ...(await commitsAfter(clients.db, outputs[STACK_OUTPUTS.journalTable], filing.caseId, commits.length)),
    );
    for (const line of timeline(commits, names).filter((l) => l.seq > printed)) {
      options.progress(`  ${line.at}  ${line.actor}  ${line.text}`);
    }
    printed = commits.length;
    if (commits.length >= 2) {
      const item = await clients.db.send(
        new GetCommand({ TableName: outputs[STACK_OUTPUTS.casesTable], Key: keys.case(filing.caseId) }),
      );
      // The record may lag the journal by a few commits (docs/case-store-writes.md): fold the commits after it.
      const stored = item.Item?.data as EnforcementCase | undefined;
      const tail = commits.slice(Number(item.Item?.version ?? commits.length));
      record = stored && tail.length > 0 ? applyCommits(upgradeCase(stored), tail) : stored;
      break;
    }
    if (options.now().getTime() >= deadline) break;
    await options.sleep(options.pollMs);
  }
  return {
    stack: options.stack,
    caseNumber: filing.caseNumber,
    caseId: filing.caseId,
    eventId: entry.EventId,
    ...(record?.status !== undefined ? { status: record.status } : {}),
    ...(record?.phase !== undefined ? { phase: record.phase } : {}),
    commits: commits.length,
    advanced: commits.length >= 2,
  };
}

export interface AwsSmokeCommandOptions {
  readonly stack?: string;
  readonly timeout?: string;
}

export async function awsSmokeCommand(
  _globals: GlobalOptions,
  out: Output,
  options: AwsSmokeCommandOptions,
  clients: SmokeClients = {
    cloudFormation: new CloudFormationClient({}),
    eventBridge: new EventBridgeClient({}),
    db: documentClient(new DynamoDBClient({})),
  },
): Promise<void> {
  if (!options.stack) throw new CliError('请用 --stack 指明已部署的栈（如 Enforcement-dev）', 2);
  const seconds = Number(options.timeout ?? 180);
  if (!Number.isInteger(seconds) || seconds < 10 || seconds > 3600) {
    throw new CliError('--timeout 须为 10 至 3600 之间的整秒数', 2);
  }
  const result = await runSmoke(clients, {
    stack: options.stack,
    timeoutMs: seconds * 1000,
    pollMs: 5000,
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    progress: (line) => out.progress(line),
  });
  out.result(result, () => {
    if (result.advanced) {
      out.line(
        `冒烟测试通过：${result.caseNumber} 已立案并进入流程（状态 ${result.status ?? '—'}，阶段 ${result.phase ?? '—'}）。`,
      );
    }
  });
  if (!result.advanced) {
    throw new CliError(
      result.commits === 0
        ? `${seconds} 秒内未见立案：查看立案死信队列与 intake 函数的日志（案件编号 ${result.caseId}）`
        : `${seconds} 秒内已立案但流程未推进：查看 service 状态机的执行与告警（案件编号 ${result.caseId}）`,
    );
  }
}
