/**
 * Records one payload per step from a scenario run, into test/fixtures/step-payloads/<version>/. Run it when a
 * definition version is released; the files are kept for as long as executions of that version may be in
 * flight, and a test checks that every step still accepts them.
 *   node scripts/capture-step-payloads.ts <version>
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chinaDateOf } from '../functions/domain/calendar/local-date.ts';
import { outstandingFen } from '../functions/domain/control/plan.ts';
import { decideWithPanel } from '../local/runtime/panel-votes.ts';
import { EmbeddedRuntime } from '../local/runtime/runtime.ts';

const USAGE =
  'usage: node scripts/capture-step-payloads.ts <version>: records one payload per step into test/fixtures/step-payloads/<version>/ (the version as in workflows/version.ts, e.g. 2026.12.4)';
const version = process.argv[2];
if (version === '--help' || version === '-h') {
  console.log(USAGE);
  process.exit(0);
}
if (!version || !/^\d{4}\.\d{1,2}\.\d{1,3}$/.test(version)) {
  console.error(USAGE);
  process.exit(2);
}
const dir = new URL(`../test/fixtures/step-payloads/${version}/`, import.meta.url);
mkdirSync(dir, { recursive: true });

const event = JSON.parse(readFileSync(new URL('../local/demo/loan-repayment.event.json', import.meta.url), 'utf8'));
const script = JSON.parse(readFileSync(new URL('../local/demo/world.json', import.meta.url), 'utf8'));
const runtime = await EmbeddedRuntime.open({ clock: 'virtual', startAt: '2026-03-02T01:00:00.000Z', script });
const seen = new Map<string, unknown>();
const target = runtime as unknown as {
  invokeStep: (step: string, payload: unknown, caseId: string) => Promise<unknown>;
};
const original = target.invokeStep.bind(runtime);
target.invokeStep = async (step, payload, caseId) => {
  if (!seen.has(step)) {
    const copy = structuredClone(payload) as Record<string, unknown>;
    if ('taskToken' in copy) copy.taskToken = 'FIXTURE-TOKEN';
    seen.set(step, copy);
  }
  return original(step, payload, caseId);
};
const outcome = await runtime.intake(event);
if (outcome.outcome !== 'created') throw new Error('demo case not created');
// The control plan is left to escalate once (so the escalation step is recorded too), then decided.
const deciders: Record<string, string> = {
  'team-lead': 'li-qiang',
  'bureau-chief': 'zhang-wei',
  president: 'song-jian',
};
for (let hours = 0; hours < 30 * 24; hours += 3) {
  for (const approval of (await runtime.deps.approvals.listPending({ court: 'HB0922' })).filter(
    (a) => a.caseId === outcome.caseId,
  )) {
    if (approval.step === 'control-plan' && approval.level === 0) continue;
    await decideWithPanel(runtime, approval, {
      approvalId: approval.approvalId,
      decision: 'approved',
      userId: deciders[approval.requiredRole] ?? '',
      ...(approval.amountFen !== undefined ? { data: { confirmedAmountFen: approval.amountFen } } : {}),
    });
  }
  await runtime.advance(3 * 3600);
}
const failing = await EmbeddedRuntime.open({
  clock: 'virtual',
  startAt: '2026-03-02T01:00:00.000Z',
  script,
  faults: [{ step: 'plan-control', error: 'Fixture', times: 1 }],
});
const failTarget = failing as unknown as typeof target;
const failOriginal = failTarget.invokeStep.bind(failing);
failTarget.invokeStep = async (step, payload, caseId) => {
  if (step === 'record-needs-attention' && !seen.has(step)) seen.set(step, structuredClone(payload));
  return failOriginal(step, payload, caseId);
};
await failing.intake(event);
await failing.advance(10 * 86_400);
await failing.close();
// A respondent with nothing found: the coercion phase.
const nothing = await EmbeddedRuntime.open({
  clock: 'virtual',
  startAt: '2026-03-02T01:00:00.000Z',
  script: { respondents: { '130922199001010030': { eService: 'ok', assets: [] } } },
});
const nothingTarget = nothing as unknown as typeof target;
const nothingOriginal = nothingTarget.invokeStep.bind(nothing);
nothingTarget.invokeStep = async (step, payload, caseId) => {
  if (!seen.has(step)) seen.set(step, structuredClone(payload));
  return nothingOriginal(step, payload, caseId);
};
await nothing.intake(event);
await nothing.advance(12 * 86_400);
await nothing.close();
// The flagship case: property sealed by entrustment goes to disposal (and coercion runs beside it).
const flagship = await EmbeddedRuntime.open({
  clock: 'virtual',
  startAt: '2026-03-02T01:00:00.000Z',
  script: JSON.parse(readFileSync(new URL('../local/demo/flagship-world.json', import.meta.url), 'utf8')),
});
const flagshipTarget = flagship as unknown as typeof target;
const flagshipOriginal = flagshipTarget.invokeStep.bind(flagship);
flagshipTarget.invokeStep = async (step, payload, caseId) => {
  if (!seen.has(step)) seen.set(step, structuredClone(payload));
  return flagshipOriginal(step, payload, caseId);
};
const flagshipDeciders: Record<string, string> = { ...deciders, 'panel-member': 'tang-jie' };
const flagshipCase = await flagship.intake(
  JSON.parse(readFileSync(new URL('../local/demo/traffic-accident.event.json', import.meta.url), 'utf8')),
);
if (flagshipCase.outcome !== 'created') throw new Error('flagship case not created');
for (let hours = 0; hours < 40 * 24; hours += 6) {
  for (const approval of (await flagship.deps.approvals.listPending({ court: 'HB0922' })).filter(
    (a) => a.caseId === flagshipCase.caseId,
  )) {
    await decideWithPanel(flagship, approval, {
      approvalId: approval.approvalId,
      decision: 'approved',
      userId: flagshipDeciders[approval.requiredRole] ?? '',
      ...(approval.amountFen !== undefined ? { data: { confirmedAmountFen: approval.amountFen } } : {}),
    });
  }
  await flagship.advance(6 * 3600);
}
await flagship.close();

/** Timer by timer for `days`, deciding every approval as soon as it appears. */
async function drive(on: EmbeddedRuntime, days: number): Promise<void> {
  const end = Date.parse(on.clock.now()) + days * 86_400_000;
  while (Date.parse(on.clock.now()) < end) {
    for (const approval of await on.deps.approvals.listPending({ court: 'HB0922' })) {
      await decideWithPanel(on, approval, {
        approvalId: approval.approvalId,
        decision: 'approved',
        userId: deciders[approval.requiredRole] ?? '',
        ...(approval.amountFen !== undefined ? { data: { confirmedAmountFen: approval.amountFen } } : {}),
      });
    }
    const next = await on.engine.nextTimerAt();
    const wait = next ? (Date.parse(next) - Date.parse(on.clock.now())) / 1000 : 86_400;
    await on.advance(Math.min(86_400, Math.max(60, Math.ceil(wait))));
  }
}

function recording(on: EmbeddedRuntime): void {
  const into = on as unknown as typeof target;
  const call = into.invokeStep.bind(on);
  into.invokeStep = async (step, payload, caseId) => {
    if (!seen.has(step)) {
      const copy = structuredClone(payload) as Record<string, unknown>;
      if ('taskToken' in copy) copy.taskToken = 'FIXTURE-TOKEN';
      seen.set(step, copy);
    }
    return call(step, payload, caseId);
  };
}

// A deposit frozen and never deducted, a flat sealed: the renewal watch over a year.
const held = await EmbeddedRuntime.open({
  clock: 'virtual',
  startAt: '2026-03-02T01:00:00.000Z',
  script: {
    respondents: {
      '130922199001010030': {
        eService: 'ok',
        deduct: 'silent',
        assets: [
          { channel: 'icbc', class: 'deposit', reference: '6222 **** 0001', balanceFen: 1_000_000 },
          { channel: 'real-estate-registry', class: 'real-estate', reference: '冀(2024)青县不动产权第0001号' },
        ],
      },
    },
  },
});
recording(held);
await held.intake(event);
await drive(held, 10);
await held.advance(370 * 86_400);
await held.close();
async function owed(on: EmbeddedRuntime, caseId: string): Promise<number> {
  const state = await on.cases.load(caseId);
  if (!state) throw new Error(`case ${caseId} not found`);
  return outstandingFen(state, chinaDateOf(on.clock.now()));
}

// Nothing found: 终本 after 3 months, then the re-query; and a settlement in a second case.
const closing = await EmbeddedRuntime.open({
  clock: 'virtual',
  startAt: '2026-03-02T01:00:00.000Z',
  script: { respondents: { '130922199001010030': { eService: 'ok', assets: [] } } },
});
recording(closing);
await closing.intake(event);
const settling = structuredClone(event);
settling.id = `${event.id}-settlement`;
settling.detail.caseNumber = '（2026）冀0922执302号';
const second = await closing.intake(settling);
await drive(closing, 10);
if (second.outcome === 'created') {
  const settled = await closing.handleApi(
    {
      httpMethod: 'POST',
      path: `/cases/${second.caseId}/settlement`,
      resource: '/cases/{caseId}/settlement',
      pathParameters: { caseId: second.caseId },
      queryStringParameters: null,
      headers: {},
      // What is owed on the day: the principal with the late-performance interest and the fee (F-DELAY-INTEREST, F1-FEE).
      body: JSON.stringify({ installments: [{ dueOn: '2026-04-30', amountFen: await owed(closing, second.caseId) }] }),
      isBase64Encoded: false,
      requestContext: {
        requestId: 'capture',
        authorizer: {
          claims: { 'cognito:username': 'wang-fang', 'cognito:groups': 'handling-officer', 'custom:court': 'HB0922' },
        },
      },
    } as never,
    'settle',
  );
  if (settled.statusCode >= 300) throw new Error(`settlement refused: ${settled.body}`);
}
await drive(closing, 110);
await closing.advance(200 * 86_400);
await closing.close();
await runtime.close();
for (const [step, payload] of [...seen].sort()) {
  writeFileSync(new URL(`${step}.json`, dir), `${JSON.stringify(payload, null, 2)}\n`);
  console.log(`test/fixtures/step-payloads/${version}/${step}.json`);
}
