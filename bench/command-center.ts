/**
 * Command-center queries at 1,000 and 100,000 cases (npm run bench:queries [-- --sizes 1000,100000 --runs 15]).
 *
 * Each size loads a fresh embedded store (dynalite on LevelDB in a temporary directory) with the SAME answer set:
 * 1,000 open cases of court HB0922 (nodes overdue, due soon and later; 100 pending approvals), plus background
 * cases up to the size: HB0922's closed history (80%) and open cases of 40 other courts (20%, with their own
 * nodes and approvals). Cases are written as the case repository projects them (projectionItems: the record
 * with its index keys, node and party entries), in batches; the journal is not needed by any query.
 *
 * Then every board query runs `runs` times through the same use cases the staff API calls, and the median time
 * is reported with the answer size. The claim to check: for the same answer, the time at 100k is within 2x of the
 * time at 1k. Timings are machine-dependent; nothing here is a test assertion.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoApprovalStore, pendingApprovalItem } from '#adapters/dynamodb/approval-store.ts';
import { DynamoCaseRepository, projectionItems } from '#adapters/dynamodb/case-repository.ts';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { referenceData } from '#commons/reference-data.ts';
import { IntakeEvent } from '#contracts/intake-event.ts';
import { plusDays, startOfChinaDay } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase, Phase } from '#domain/case/model.ts';
import { nextSweepAt } from '#domain/case/node-watch.ts';
import { timeNode } from '#domain/case/nodes.ts';
import { applyEvent } from '#domain/case/reducer.ts';
import type { CaseStatus } from '#domain/case/status.ts';
import { caseIdFor, partyIdFor } from '#domain/ids.ts';
import type { Identity, Role } from '#domain/staff/roles.ts';
import type { Approval } from '#ports/approval-store.ts';
import { boardApprovals, boardCases, boardNodes, boardWorkload, lookupCases } from '#use-cases/board.ts';
import { toFiledEvent } from '#use-cases/intake-case.ts';
import { LOCAL_TABLES, openLocalStore } from '../local/runtime/local-store.ts';
import { countOption, scriptArgs } from '../scripts/lib/args.ts';

const values = scriptArgs(
  `npm run bench:queries -- [--sizes 1000,100000] [--runs 15]: the command-center queries on stores of each size
holding the same answer set; prints the table (copy it into BENCHMARKS.md). Loading 100,000 cases takes ~10 min.`,
  { sizes: { type: 'string', default: '1000,100000' }, runs: { type: 'string', default: '15' } },
);
const SIZES = String(values.sizes)
  .split(',')
  .map((size) => countOption('sizes', size));
const RUNS = countOption('runs', values.runs);
const COURT = 'HB0922';
const ANSWER_CASES = 1_000;
const ANSWER_APPROVALS = 100;
const OTHER_COURTS = 40;
/** Party ids of the synthetic cases: keyed as in any installation (the key is this run's own). */
const BENCH_PARTY_KEY = randomBytes(32);
/** The board is read on Monday 7 September 2026, 10:00 China time. */
const NOW = '2026-09-07T02:00:00.000Z';

const reference = referenceData();
const { rules, calendar, staff } = reference;
const FIXTURE = JSON.parse(readFileSync('test/fixtures/intake/v1/loan-repayment.json', 'utf8'));
const members = (await staff.members(COURT)).filter((m) => m.roles.includes('handling-officer') && m.team);
const PHASES: Phase[] = ['service', 'investigation', 'disbursement', 'coercion'];
const OPEN_STATUSES: CaseStatus[] = ['investigating', 'control-approval', 'coercing', 'awaiting-officer'];
const ROLES_WAITING: Role[] = ['team-lead', 'bureau-chief', 'president'];

/** A case as its events would fold it: filed, triaged, in a phase and status, with its nodes. */
function syntheticCase(n: number, court: string, open: boolean): EnforcementCase {
  const detail = structuredClone(FIXTURE.detail);
  detail.court = { code: court, name: `${court}法院` };
  detail.caseNumber = `（2026）冀${court}执${10_000 + n}号`;
  detail.applicants[0].idNumber = `13092219850315${String(n % 10_000).padStart(4, '0')}`;
  detail.respondents[0].idNumber = `1309221990${String(n).padStart(8, '0')}`;
  // Filed over the six months before the board is read; the answer set's nodes spread around "now".
  const filedOn = plusDays('2026-03-02' as never, n % 180);
  detail.filedAt = startOfChinaDay(filedOn);
  const filed = toFiledEvent(IntakeEvent.parse({ ...FIXTURE, id: `bench-${n}`, detail }), (idNumber) =>
    partyIdFor(idNumber, BENCH_PARTY_KEY),
  );
  const member = members[n % members.length];
  const officer = court === COURT ? (member?.userId ?? 'wang-fang') : `officer-${court}-${n % 7}`;
  const team = court === COURT ? (member?.team ?? 'fast-track') : `team-${court}`;
  const at = filed.filedAt;
  const events: CaseEvent[] = [
    filed,
    { type: 'case-triaged', track: 'simple', team, officer, reasons: [] },
    { type: 'phase-started', phase: PHASES[n % PHASES.length] ?? 'service', run: 1, execution: 'bench' },
    { type: 'node-set', node: timeNode('notice-sent', 'A5', rules.A5.period, at, calendar) },
    { type: 'node-met', node: 'notice-sent', at },
    { type: 'node-set', node: timeNode('investigation-finished', 'A8', rules.A8.period, at, calendar) },
    { type: 'node-set', node: timeNode('enforcement-term', 'A1', rules.A1.term, at, calendar) },
  ];
  let state: EnforcementCase | undefined;
  for (const event of events) state = applyEvent(state, event, at);
  const caseId = caseIdFor(court, detail.caseNumber);
  const status: CaseStatus = open ? (OPEN_STATUSES[n % OPEN_STATUSES.length] ?? 'investigating') : 'closed';
  return { ...(state as EnforcementCase), caseId, status, version: events.length, head: '0'.repeat(64) };
}

function approvalFor(state: EnforcementCase, n: number): Approval {
  const role = ROLES_WAITING[n % ROLES_WAITING.length] ?? 'team-lead';
  return {
    approvalId: `a${String(n)
      .padStart(11, 'a')
      .replace(/[^a-z2-7]/g, 'b')}`,
    caseId: state.caseId,
    caseNumber: state.caseNumber,
    court: state.court.code,
    step: 'control-plan',
    level: 0,
    requiredRole: role,
    requester: state.officer ?? 'system',
    summary: '冻结扣划方案',
    dueAt: startOfChinaDay(plusDays('2026-09-07' as never, (n % 5) - 2)),
    createdAt: startOfChinaDay(plusDays('2026-08-20' as never, n % 15)),
    execution: `${state.caseId}-investigation-1`,
    ...(state.team ? { team: state.team } : {}),
    status: 'pending',
  };
}

async function load(size: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-queries-'));
  const store = await openLocalStore(dir);
  const loading = documentClient(store.client);
  const tables = { cases: LOCAL_TABLES.cases, journal: LOCAL_TABLES.journal, idempotency: LOCAL_TABLES.idempotency };
  const pending: Record<string, unknown>[] = [];
  const flush = async (all = false) => {
    while (pending.length >= (all ? 1 : 25 * 8)) {
      const batches: Record<string, unknown>[][] = [];
      while (pending.length > 0 && batches.length < 8) batches.push(pending.splice(0, 25));
      await Promise.all(
        batches.map(async (batch) => {
          let items = batch.map((Item) => ({ PutRequest: { Item } }));
          while (items.length > 0) {
            const result = await loading.send(new BatchWriteCommand({ RequestItems: { [tables.cases]: items } }));
            items = (result.UnprocessedItems?.[tables.cases] ?? []) as typeof items;
          }
        }),
      );
    }
  };
  const started = performance.now();
  let approvals = 0;
  for (let n = 0; n < size; n++) {
    const answer = n < ANSWER_CASES;
    const court = answer || n % 5 !== 0 ? COURT : `BG${String(n % OTHER_COURTS).padStart(3, '0')}`;
    const open = answer || court !== COURT;
    const state = syntheticCase(n, court, open);
    const { record, entries } = projectionItems(state, nextSweepAt(state, rules, calendar));
    pending.push(record, ...entries);
    if ((answer && approvals < ANSWER_APPROVALS && n % 10 === 0) || (!answer && open && n % 10 === 0)) {
      pending.push(pendingApprovalItem(approvalFor(state, n), `bench-token-${n}`));
      if (answer) approvals++;
    }
    await flush();
    if ((n + 1) % 10_000 === 0) console.error(`  loaded ${(n + 1).toLocaleString('en')} cases`);
  }
  await flush(true);
  const seconds = (performance.now() - started) / 1000;
  // Reopened, as a server would be: the load's write buffers are flushed and the queries read a settled store.
  await store.close();
  const reopened = await openLocalStore(dir);
  return { store: reopened, dir, tables, db: documentClient(reopened.client), seconds };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

type Query = { name: string; run: () => Promise<number> };

async function measure(size: number) {
  const { store, dir, tables, db, seconds } = await load(size);
  const cases = new DynamoCaseRepository(db, tables);
  const deps = {
    queries: cases,
    cases,
    approvals: new DynamoApprovalStore(db, tables),
    staff,
    rules,
    calendar,
    clock: { now: () => NOW },
  };
  const chief: Identity = { userId: 'zhao-min', roles: ['command-center'], court: COURT };
  const nodes = boardNodes(deps);
  const waiting = boardApprovals(deps);
  const perPhase = boardCases(deps);
  const workload = boardWorkload(deps);
  const lookup = lookupCases(deps);
  const sample = syntheticCase(7, COURT, true);
  const officer = members[7 % members.length];
  // The sweeper reads the index only: how many cases are due now (none acted on: the engine is a stub).
  const sweepDue = () => cases.dueForSweep(NOW, 200);
  const queries: Query[] = [
    {
      name: 'overdue nodes, court (page of 50)',
      run: async () => (await nodes(chief, { state: 'overdue' })).items.length,
    },
    {
      name: 'nodes due within 7 days, court (page of 50)',
      run: async () => (await nodes(chief, { state: 'due-soon' })).items.length,
    },
    {
      name: 'overdue nodes, one team (page of 50)',
      run: async () => (await nodes(chief, { state: 'overdue', team: officer?.team ?? '' })).items.length,
    },
    {
      name: 'nodes due within 30 days, one officer (page of 200)',
      run: async () =>
        (await nodes(chief, { state: 'due-soon', withinDays: 30, officer: officer?.userId ?? '', limit: 200 })).items
          .length,
    },
    { name: 'approvals waiting longest (20, all roles)', run: async () => (await waiting(chief, {})).items.length },
    {
      name: 'pending approvals of the team lead (page of 50)',
      run: async () => (await waiting(chief, { role: 'team-lead', limit: 50 })).items.length,
    },
    {
      name: 'cases per phase and status (counts)',
      run: async () => {
        const board = await perPhase(chief);
        return board.phases.reduce((t, p) => t + p.count, 0);
      },
    },
    {
      name: 'workload per officer and team (open cases)',
      run: async () => (await workload(chief)).officers.reduce((t, o) => t + o.openCases, 0),
    },
    {
      name: 'lookup by case number',
      run: async () => (await lookup(chief, { caseNumber: sample.caseNumber })).items.length,
    },
    {
      name: 'lookup by party id',
      run: async () => (await lookup(chief, { partyId: sample.respondents[0]?.partyId ?? '' })).items.length,
    },
    { name: 'node sweep: cases due now (index read)', run: async () => (await sweepDue()).length },
  ];
  const results: { name: string; answer: number; ms: number }[] = [];
  for (const query of queries) {
    await query.run(); // warm
    const times: number[] = [];
    let answer = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      answer = await query.run();
      times.push(performance.now() - t);
    }
    results.push({ name: query.name, answer, ms: median(times) });
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { size, loadSeconds: seconds, results };
}

console.log(`command-center queries: node ${process.version}, ${RUNS} runs each, median ms`);
const measured = [];
for (const size of SIZES) {
  const result = await measure(size);
  measured.push(result);
  console.log(`\n${size.toLocaleString('en')} cases loaded in ${result.loadSeconds.toFixed(1)} s`);
  for (const r of result.results)
    console.log(`  ${r.name.padEnd(52)} answer ${String(r.answer).padStart(5)}  ${r.ms.toFixed(2)} ms`);
}
if (measured.length >= 2) {
  const [small, large] = [measured[0], measured[measured.length - 1]];
  console.log(
    `\n| query | answer | ${small?.size.toLocaleString('en')} cases (ms) | ${large?.size.toLocaleString('en')} cases (ms) | ratio |`,
  );
  console.log('|---|---:|---:|---:|---:|');
  for (const [i, r] of (small?.results ?? []).entries()) {
    const big = large?.results[i];
    const same = big?.answer === r.answer ? String(r.answer) : `${r.answer} / ${big?.answer}`;
    console.log(
      `| ${r.name} | ${same} | ${r.ms.toFixed(2)} | ${big?.ms.toFixed(2)} | ${((big?.ms ?? 0) / r.ms).toFixed(2)} |`,
    );
  }
}
