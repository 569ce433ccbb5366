/**
 * The staff API end to end: the local server in process (port 0) over an in-memory runtime on a virtual clock,
 * driven over HTTP with development tokens. The authorization matrix generated from the role table; ten
 * concurrent decisions; the task token nowhere in any answer, log line or error; the OpenAPI document against the
 * live API; bulk reassignment with its audit events; and every GET checked to change nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { decides } from '#domain/approvals/authority.ts';
import { type ApprovalStep, decisionRows } from '#domain/approvals/policy.ts';
import { ROLES, type Role } from '#domain/staff/roles.ts';
import { issueDueDocuments } from '#use-cases/documents.ts';
import { OPENAPI_DOCUMENT } from '../../functions/api/openapi.ts';
import { ROUTES, type Route } from '../../functions/api/routes.ts';
import { sendPresigned } from '../../local/cli/uploader.ts';
import { localDocuments } from '../../local/runtime/documents.ts';
import { DEFINITION_VERSION } from '../../workflows/version.ts';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { DAY, filingEvent, owedToday, respondentWith } from '../support/runtime.ts';

const DEPOSIT = { channel: 'icbc', class: 'deposit' as const, reference: '6222 **** 0001', balanceFen: 8_000_000 };
const WITH_DEPOSIT = respondentWith({ eService: 'ok', assets: [DEPOSIT] });
const NO_ASSETS = respondentWith({ eService: 'ok', assets: [] });

/** One user per role, in the court of the cases (HB0922), none of them a case's requester (a handling officer). */
const USER_OF: Record<Role, string> = {
  'field-officer': 'fan-tao',
  'handling-officer': 'ma-chao',
  'team-lead': 'li-qiang',
  'bureau-chief': 'zhang-wei',
  president: 'song-jian',
  'panel-member': 'tang-jie',
  'command-center': 'zhao-min',
  auditor: 'cao-yue',
};
const TEAM_LEADS = ['li-qiang', 'chen-jing', 'huang-lei', 'sun-hao', 'zhu-li', 'hu-jun', 'guo-peng'];

interface TaskBody {
  approvalId: string;
  caseId: string;
  step: ApprovalStep;
  level: number;
  requiredRole: Role;
  amountFen?: number;
  assignee?: string;
}

const opened: ApiScenario[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
async function open(script = WITH_DEPOSIT): Promise<ApiScenario> {
  const s = await apiScenario({ script });
  opened.push(s);
  return s;
}

async function file(s: ApiScenario, n: number, change: { court?: string; claimFen?: number } = {}): Promise<string> {
  const event = filingEvent(n, change.claimFen !== undefined ? { claimFen: change.claimFen } : {});
  if (change.court) event.detail.court = { code: change.court, name: '黑龙江省某县人民法院' };
  const outcome = await s.runtime.intake(event);
  if (outcome.outcome !== 'created') throw new Error('not created');
  return outcome.caseId;
}

/** The pending tasks of a case, as the court's auditor sees them over the API. */
async function courtTasks(s: ApiScenario, caseId: string, as = USER_OF.auditor): Promise<TaskBody[]> {
  const { status, body } = await s.request<{ items: TaskBody[] }>('GET', `/tasks?scope=court&caseId=${caseId}`, { as });
  expect(status).toBe(200);
  return body.items;
}

async function untilTask(s: ApiScenario, caseId: string, maxDays = 20): Promise<TaskBody> {
  for (let hours = 0; hours < maxDays * 24; hours += 6) {
    const [task] = await courtTasks(s, caseId);
    if (task) return task;
    await s.runtime.advance(6 * 3600);
  }
  throw new Error(`no task for ${caseId}`);
}

const decision = (task: TaskBody) => ({
  decision: 'approved',
  reason: '经审查，同意',
  ...(task.amountFen !== undefined ? { data: { confirmedAmountFen: task.amountFen } } : {}),
});

describe('the authorization matrix, generated from the role table', () => {
  /**
   * For every rung of every step: one case waits there; every role tries to decide it. The roles the table does
   * not name get 403 and change nothing; the one it names decides (200).
   */
  async function matrixFor(step: ApprovalStep): Promise<{ actual: string[]; expected: string[] }> {
    const rows = decisionRows().filter((r) => r.step === step);
    const nodeStep = step === 'overdue-node' || step === 'term-extension';
    const s = await open(step === 'control-plan' || nodeStep ? WITH_DEPOSIT : NO_ASSETS);
    const targets = new Map<string, number>();
    for (const row of rows)
      targets.set(await file(s, 300 + rows.length * (step === 'control-plan' ? 0 : 1) + row.level), row.level);
    if (nodeStep) {
      // Node tasks come to cases nobody moves on: control plans rejected, then the term runs out (A2, A1).
      for (const caseId of targets.keys()) {
        const task = await untilTask(s, caseId);
        await s.request('POST', `/tasks/${task.approvalId}/decision`, {
          as: 'li-qiang',
          body: { decision: 'rejected', reason: '方案需修改' },
        });
      }
      const now = Date.parse(s.runtime.clock.now());
      await s.runtime.advance(Math.floor((Date.parse('2026-08-28T00:00:00.000Z') - now) / 1000));
    }
    if (step === 'disbursement') {
      await s.runtime.advance(DAY);
      for (const caseId of targets.keys()) {
        await s.runtime.pay(caseId, await owedToday(s, caseId), `bank-${caseId}`);
      }
    }
    const actual: string[] = [];
    const expected: string[] = [];
    const done = new Set<string>();
    for (let hours = 0; done.size < targets.size && hours < 30 * 24; hours += 12) {
      for (const [caseId, level] of targets) {
        if (done.has(caseId)) continue;
        const [task] = await courtTasks(s, caseId);
        if (!task || task.step !== step || task.level !== level) continue;
        const before = (await s.runtime.cases.history(caseId)).length;
        const outcome: Partial<Record<Role, number>> = {};
        const deciders = ROLES.filter((role) => decides(role, step, level));
        for (const role of ROLES.filter((r) => !deciders.includes(r))) {
          outcome[role] = (
            await s.request('POST', `/tasks/${task.approvalId}/decision`, { as: USER_OF[role], body: decision(task) })
          ).status;
        }
        expect((await s.runtime.cases.history(caseId)).length, 'a refused decision wrote nothing').toBe(before);
        for (const role of deciders) {
          outcome[role] = (
            await s.request('POST', `/tasks/${task.approvalId}/decision`, { as: USER_OF[role], body: decision(task) })
          ).status;
        }
        for (const role of ROLES) {
          actual.push(`${step}@${level} ${role}: ${outcome[role]}`);
          expected.push(`${step}@${level} ${role}: ${decides(role, step, level) ? 200 : 403}`);
        }
        done.add(caseId);
      }
      if (done.size < targets.size) await s.runtime.advance(12 * 3600);
    }
    expect(done.size, 'every rung was reached').toBe(targets.size);
    return { actual, expected };
  }

  it.each(['control-plan', 'disbursement', 'overdue-node', 'term-extension'] as const)(
    '%s: every role at every rung, allowed or 403',
    async (step) => {
      const { actual, expected } = await matrixFor(step);
      expect(actual).toHaveLength(ROLES.length * decisionRows().filter((r) => r.step === step).length);
      expect(actual).toEqual(expected);
    },
  );

  it('separation of duties: a requester who holds the deciding role still may not decide their own request', async () => {
    const s = await open();
    // A complex case (a large claim) of the other court goes to its one implementation team: qian-lei, who is
    // both its handling officer (so the requester) and its only team lead.
    const caseId = await file(s, 350, { court: 'HL0123', claimFen: 300_000_000 });
    const [task] = await (async () => {
      for (let day = 0; day < 20; day++) {
        const found = await courtTasks(s, caseId, 'qian-lei');
        if (found.length > 0) return found;
        await s.runtime.advance(DAY / 2);
      }
      return [];
    })();
    if (!task) throw new Error('no task');
    expect((await s.load(caseId)).officer).toBe('qian-lei');
    const refused = await s.request<{ error: { code: string; message: string } }>(
      'POST',
      `/tasks/${task.approvalId}/decision`,
      {
        as: 'qian-lei',
        body: decision(task),
      },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/申请人不能审批自己提出的事项/);
    // And a decider of another court is refused too: to them, the task does not exist (the same 404 as a missing one).
    expect(
      (await s.request('POST', `/tasks/${task.approvalId}/decision`, { as: 'li-qiang', body: decision(task) })).status,
    ).toBe(404);
  });
});

describe('concurrent decisions', () => {
  it('10 at once on one approval: exactly 1 applied, 9 conflicts, one resumed execution', async () => {
    const s = await open();
    const caseId = await file(s, 360);
    const task = await untilTask(s, caseId);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        s.request('POST', `/tasks/${task.approvalId}/decision`, {
          as: TEAM_LEADS[i % TEAM_LEADS.length],
          body: decision(task),
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    await s.runtime.runUntilIdle();
    const decided = (await s.runtime.cases.history(caseId))
      .flatMap((c) => c.events)
      .filter((e) => e.type === 'approval-decided');
    expect(decided).toHaveLength(1);
    expect(s.path(caseId, 'investigation').filter((state) => state === 'ApplyControlDecision')).toHaveLength(1);
    expect(s.events.filter((e) => e.type === 'state-entered' && e.state === 'ApplyControlDecision')).toHaveLength(1);
  });
});

describe('claims and assignment', () => {
  it('a claimed task is decided by its holder only; release gives it back; each is a journal event', async () => {
    const s = await open();
    const caseId = await file(s, 370);
    const task = await untilTask(s, caseId);
    expect((await s.request('POST', `/tasks/${task.approvalId}/claim`, { as: 'chen-jing' })).status).toBe(200);
    expect((await s.request('POST', `/tasks/${task.approvalId}/claim`, { as: 'li-qiang' })).status).toBe(409);
    expect((await s.request('POST', `/tasks/${task.approvalId}/claim`, { as: USER_OF.president })).status).toBe(403);
    const mine = await s.request<{ items: TaskBody[] }>('GET', '/tasks', { as: 'li-qiang' });
    expect(mine.body.items.map((t) => t.approvalId)).not.toContain(task.approvalId);
    expect(
      (await s.request('POST', `/tasks/${task.approvalId}/decision`, { as: 'li-qiang', body: decision(task) })).status,
    ).toBe(409);
    expect((await s.request('POST', `/tasks/${task.approvalId}/unclaim`, { as: 'li-qiang' })).status).toBe(409);
    expect((await s.request('POST', `/tasks/${task.approvalId}/unclaim`, { as: 'chen-jing' })).status).toBe(200);
    expect(
      (await s.request('POST', `/tasks/${task.approvalId}/decision`, { as: 'li-qiang', body: decision(task) })).status,
    ).toBe(200);
    const events = (await s.runtime.cases.history(caseId)).flatMap((c) =>
      c.events.map((e) => ({ type: e.type, actor: c.actor.id, definition: c.cause.definition })),
    );
    expect(events.filter((e) => e.type.startsWith('approval-'))).toEqual([
      { type: 'approval-requested', actor: 'workflow', definition: DEFINITION_VERSION },
      { type: 'approval-claimed', actor: 'chen-jing', definition: DEFINITION_VERSION },
      { type: 'approval-released', actor: 'chen-jing', definition: DEFINITION_VERSION },
      { type: 'approval-decided', actor: 'li-qiang', definition: DEFINITION_VERSION },
    ]);
  });

  it('bulk reassignment: every open task of an officer who leaves moves, each with its own audit event', async () => {
    const s = await open();
    const cases = [await file(s, 380), await file(s, 381), await file(s, 382)];
    const tasks: TaskBody[] = [];
    for (const caseId of cases) tasks.push(await untilTask(s, caseId));
    for (const task of tasks.slice(0, 2))
      expect((await s.request('POST', `/tasks/${task.approvalId}/claim`, { as: 'li-qiang' })).status).toBe(200);
    // The third is assigned to li-qiang by his colleague.
    const third = tasks[2] as TaskBody;
    expect(
      (await s.request('POST', `/tasks/${third.approvalId}/assign`, { as: 'sun-hao', body: { to: 'li-qiang' } }))
        .status,
    ).toBe(200);
    // Only a role the table allows may move tasks; nobody may be given a task they could not decide.
    expect(
      (await s.request('POST', '/reassignments', { as: USER_OF.auditor, body: { from: 'li-qiang', to: 'chen-jing' } }))
        .status,
    ).toBe(403);
    const ineligible = await s.request<{ moved: unknown[]; skipped: unknown[] }>('POST', '/reassignments', {
      as: 'sun-hao',
      body: { from: 'li-qiang', to: 'wang-fang' },
    });
    expect(ineligible.status).toBe(200);
    expect(ineligible.body.moved).toHaveLength(0);
    expect(ineligible.body.skipped).toHaveLength(3);

    const moved = await s.request<{ moved: TaskBody[]; skipped: unknown[] }>('POST', '/reassignments', {
      as: 'sun-hao',
      body: { from: 'li-qiang', to: 'chen-jing', reason: '李强调离，待办转陈静' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.moved.map((t) => t.assignee)).toEqual(['chen-jing', 'chen-jing', 'chen-jing']);
    const held = await s.request<{ items: TaskBody[] }>('GET', '/tasks?scope=court&assignee=chen-jing', {
      as: 'sun-hao',
    });
    expect(held.body.items.map((t) => t.approvalId).sort()).toEqual(tasks.map((t) => t.approvalId).sort());
    expect(
      (await s.request<{ items: TaskBody[] }>('GET', '/tasks?scope=court&assignee=li-qiang', { as: 'sun-hao' })).body
        .items,
    ).toEqual([]);

    const batches = new Set<string>();
    for (const caseId of cases) {
      const commits = await s.runtime.cases.history(caseId);
      const assigned = commits.filter((c) =>
        c.events.some((e) => e.type === 'approval-assigned' && e.to === 'chen-jing' && e.from === 'li-qiang'),
      );
      expect(assigned).toHaveLength(1);
      const [commit] = assigned;
      expect(commit?.actor).toMatchObject({ kind: 'staff', id: 'sun-hao' });
      expect(commit?.events[0]).toMatchObject({ reason: '李强调离，待办转陈静' });
      expect(commit?.cause).toMatchObject({ definition: DEFINITION_VERSION });
      batches.add(commit?.cause.batch ?? '');
      const verified = await s.request<{ ok: boolean }>('GET', `/cases/${caseId}/verify`, { as: USER_OF.auditor });
      expect(verified.body.ok).toBe(true);
    }
    expect(batches.size).toBe(1);
    expect(
      (await s.request('POST', `/tasks/${third.approvalId}/decision`, { as: 'li-qiang', body: decision(third) }))
        .status,
    ).toBe(409);
    expect(
      (await s.request('POST', `/tasks/${third.approvalId}/decision`, { as: 'chen-jing', body: decision(third) }))
        .status,
    ).toBe(200);
  });
});

/**
 * One case from filing to closure through the API, with every route, every refusal the API can give, a decision
 * after the timeout, claims, an assignment; then the evidence is scanned.
 */
async function fullScenario(): Promise<{ s: ApiScenario; late: string }> {
  const s = await apiScenario({ script: WITH_DEPOSIT }, { checkGets: true });
  const caseId = await file(s, 390);
  const other = await file(s, 391);
  const r = s.request;
  const first = await untilTask(s, caseId);
  await untilTask(s, other);
  // Reads, as different roles.
  for (const as of ['li-qiang', USER_OF.auditor, USER_OF['field-officer']]) {
    await r('GET', '/me', { as });
    await r('GET', '/tasks', { as });
    await r('GET', `/tasks/${first.approvalId}`, { as });
    await r('GET', '/cases', { as });
    await r('GET', '/cases?status=control-approval&limit=5', { as });
    await r('GET', `/cases/${caseId}`, { as });
    await r('GET', `/cases/${caseId}/journal`, { as });
    await r('GET', `/cases/${caseId}/verify`, { as });
    await r('GET', `/cases/${caseId}/timeline`, { as });
  }
  await r('GET', '/clock', { as: USER_OF['command-center'] });
  await r('GET', '/tasks?scope=court&step=control-plan&limit=1', { as: USER_OF.auditor }).then(async (page) => {
    const next = (page.body as { nextCursor?: string }).nextCursor;
    expect(next).toBeDefined();
    await r('GET', `/tasks?scope=court&step=control-plan&limit=1&cursor=${next}`, { as: USER_OF.auditor });
  });
  await r('GET', `/tasks?dueBefore=${encodeURIComponent('2026-12-31T00:00:00.000Z')}&team=fast-track`, {
    as: 'li-qiang',
  });
  await r('GET', '/openapi.json');
  // The command-center board and lookups (supervisors and the command center; a handling officer is refused).
  const summary = await s.load(caseId);
  for (const as of [USER_OF['command-center'], 'li-qiang']) {
    await r('GET', '/board/nodes?state=due-soon&withinDays=60', { as });
    await r('GET', '/board/nodes?state=overdue', { as });
    await r('GET', '/board/approvals', { as });
    await r('GET', '/board/cases', { as });
    await r('GET', '/board/workload', { as });
  }
  await r('GET', '/board/nodes?state=due-soon&withinDays=200&team=fast-track&limit=1', { as: 'li-qiang' }).then(
    async (page) => {
      const next = (page.body as { nextCursor?: string }).nextCursor;
      expect(next).toBeDefined();
      await r('GET', `/board/nodes?state=due-soon&withinDays=200&team=fast-track&limit=1&cursor=${next}`, {
        as: 'li-qiang',
      });
    },
  );
  await r('GET', `/board/nodes?state=due-soon&withinDays=200&officer=${summary.officer}`, { as: 'zhang-wei' });
  await r('GET', '/board/approvals?role=team-lead&limit=5', { as: USER_OF['command-center'] });
  await r('GET', '/board/nodes?state=overdue', { as: USER_OF['handling-officer'] });
  await r('GET', '/board/nodes?state=later', { as: USER_OF['command-center'] });
  await r('GET', '/board/nodes?state=overdue&cursor=bm90LWEtY3Vyc29y', { as: USER_OF['command-center'] });
  await r('GET', `/lookup?caseNumber=${encodeURIComponent(summary.caseNumber)}`, { as: USER_OF.auditor });
  // Both cases have this respondent; their party entries were written at filing, the answer is each case as it is now.
  const byParty = await r<{ items: { caseId: string; status: string }[] }>(
    'GET',
    `/lookup?partyId=${summary.respondents[0]?.partyId}`,
    { as: USER_OF['handling-officer'] },
  );
  expect(byParty.status).toBe(200);
  const now = await Promise.all([caseId, other].map(async (id) => ({ caseId: id, status: (await s.load(id)).status })));
  expect(now.every((c) => c.status !== 'filed')).toBe(true);
  expect(byParty.body.items.map((c) => ({ caseId: c.caseId, status: c.status }))).toEqual(expect.arrayContaining(now));
  expect(byParty.body.items).toHaveLength(2);
  // Another court's staff looking up the same party find none of this court's cases (the index is per court).
  const elsewhere = await r<{ items: unknown[] }>('GET', `/lookup?partyId=${summary.respondents[0]?.partyId}`, {
    as: 'qian-lei',
  });
  expect(elsewhere.body.items).toEqual([]);
  await r('GET', '/lookup', { as: USER_OF.auditor });
  await r('GET', '/cases?phase=investigation', { as: USER_OF.auditor });
  // Field evidence of the case, shown with the approval of its step.
  const photo = Buffer.from('evidence photo bytes for the staff API test');
  const issued = await r<{ evidenceId: string; upload: Parameters<typeof sendPresigned>[0] }>(
    'POST',
    `/cases/${caseId}/evidence/uploads`,
    {
      as: USER_OF['field-officer'],
      body: {
        step: 'control-plan',
        contentType: 'image/jpeg',
        sizeBytes: photo.length,
        sha256: createHash('sha256').update(photo).digest('hex'),
        device: 'phone-01',
        description: '查封现场照片',
      },
    },
  );
  expect(issued.status).toBe(201);
  await r('POST', `/cases/${caseId}/evidence/${issued.body.evidenceId}/links`, {
    as: USER_OF.auditor,
    body: { purpose: 'view' },
  });
  await sendPresigned(issued.body.upload, photo);
  await r('POST', `/cases/${caseId}/evidence/uploads/${issued.body.evidenceId}/complete`, {
    as: USER_OF['field-officer'],
    body: {},
  });
  await r('GET', `/cases/${caseId}/evidence?step=control-plan`, { as: 'li-qiang' });
  await r('POST', `/cases/${caseId}/evidence/${issued.body.evidenceId}/links`, {
    as: 'li-qiang',
    body: { purpose: 'view' },
  });
  await r('POST', `/cases/${caseId}/evidence/legal-hold`, { as: 'li-qiang', body: { on: true, reason: '当事人上诉' } });
  await r('POST', `/cases/${caseId}/evidence/legal-hold`, { as: 'li-qiang', body: { on: true, reason: '重复设置' } });
  await r('GET', `/cases/${caseId}/evidence/verification`, { as: USER_OF.auditor });
  await r('POST', `/cases/${caseId}/evidence/uploads`, {
    as: USER_OF['field-officer'],
    body: {
      step: 'control-plan',
      contentType: 'text/plain',
      sizeBytes: 10,
      sha256: '0'.repeat(64),
      device: 'p',
      description: 'x',
    },
  });
  // Staff actions of the coercion phase (served by settle).
  await r('POST', `/cases/${other}/conduct`, {
    as: USER_OF['field-officer'],
    body: { kind: 'obstruction', note: '阻挠查封' },
  });
  await r('POST', `/cases/${other}/conduct`, { as: USER_OF.auditor, body: { kind: 'obstruction' } });
  await r('POST', `/cases/${other}/early-release`, { as: 'zhang-wei', body: { reason: '已悔改' } });
  // Refusals of every kind.
  await r('GET', '/tasks');
  await r('GET', '/tasks', { token: 'not-a-token' });
  await r('GET', '/tasks?scope=court', { as: 'li-qiang' });
  await r('GET', '/tasks?scope=court', { as: USER_OF['handling-officer'] });
  await r('GET', '/tasks?limit=0', { as: 'li-qiang' });
  await r('GET', '/tasks?court=HL0123', { as: 'li-qiang' });
  await r('GET', '/tasks/aaaaaaaaaaaa', { as: 'li-qiang' });
  await r('GET', '/tasks/not-an-id', { as: 'li-qiang' });
  await r('GET', `/cases/${caseId}`, { as: 'qian-lei' });
  await r('GET', '/nowhere', { as: 'li-qiang' });
  await r('POST', '/tasks', { as: 'li-qiang' });
  await r('POST', `/tasks/${first.approvalId}/decision`, { as: 'li-qiang', raw: '{"decision":' });
  await r('POST', `/tasks/${first.approvalId}/decision`, { as: 'li-qiang', body: { decision: 'rejected' } });
  await r('POST', `/tasks/${first.approvalId}/decision`, { as: 'li-qiang', body: { decision: 'maybe' } });
  await r('POST', `/tasks/${first.approvalId}/decision`, {
    as: 'li-qiang',
    body: { decision: 'approved', data: { confirmedAmountFen: 1 } },
  });
  await r('POST', `/tasks/${first.approvalId}/decision`, { as: USER_OF.auditor, body: decision(first) });
  await r('POST', `/tasks/${first.approvalId}/assign`, { as: USER_OF['handling-officer'], body: { to: 'chen-jing' } });
  await r('POST', `/tasks/${first.approvalId}/assign`, { as: 'sun-hao', body: { to: 'nobody-here' } });
  await r('POST', '/auth/token', { body: { userId: 'nobody-here' } });
  await r('POST', '/auth/sign-in', { body: { userId: 'li-qiang', password: 'no account has this' } });
  await r('POST', '/auth/sign-in', { body: { userId: 'li-qiang' } });
  await r('POST', '/auth/sign-out');
  await r('POST', '/clock/advance', { body: { duration: '1h' } });
  await r('POST', '/clock/advance', { as: 'li-qiang', body: { duration: 'soon' } });
  // Claim, assign, decide.
  await r('POST', `/tasks/${first.approvalId}/claim`, { as: 'chen-jing' });
  await r('POST', `/tasks/${first.approvalId}/unclaim`, { as: 'chen-jing' });
  await r('POST', `/tasks/${first.approvalId}/assign`, {
    as: 'sun-hao',
    body: { to: 'li-qiang', reason: '本团队案件' },
  });
  await r('POST', '/reassignments', { as: 'zhang-wei', body: { from: 'hu-jun', to: 'guo-peng' } });
  await r('POST', `/tasks/${first.approvalId}/decision`, { as: 'li-qiang', body: decision(first) });
  await r('POST', `/tasks/${first.approvalId}/decision`, { as: 'li-qiang', body: decision(first) });
  // The other case's task times out and escalates; the team lead's decision then arrives too late (410).
  const late = (await courtTasks(s, other))[0] as TaskBody;
  await r('POST', '/clock/advance', { as: 'zhao-min', body: { duration: '6d' } });
  await r('POST', `/tasks/${late.approvalId}/claim`, { as: 'li-qiang' });
  await r('POST', `/tasks/${late.approvalId}/decision`, { as: 'li-qiang', body: decision(late) });
  // The first case to closure: its disbursement, decided over the API as well.
  for (let day = 0; day < 20 && (await s.load(caseId)).status !== 'closed'; day++) {
    for (const task of await courtTasks(s, caseId)) {
      const as = USER_OF[task.requiredRole];
      const detail = await r<{ task: TaskBody }>('GET', `/tasks/${task.approvalId}`, { as });
      await r('POST', `/tasks/${task.approvalId}/decision`, { as, body: decision(detail.body.task) });
    }
    await r('POST', '/clock/advance', { as: 'zhao-min', body: { duration: '1d' } });
  }
  const closed = await s.load(caseId);
  expect(closed.status, JSON.stringify(closed.attention)).toBe('closed');
  // The closing work, served by settle (its scenarios run in closure.test.ts and settlement.test.ts): a closed case
  // cannot be closed again, a field officer may not record an interview, an agreement needs installments.
  const officer = USER_OF['handling-officer'];
  const closure = { way: 'termination', ground: 'application-withdrawn' };
  expect((await r('POST', `/cases/${caseId}/closure`, { as: officer, body: closure })).status).toBe(409);
  const interview = { opinion: 'agrees' };
  expect((await r('POST', `/cases/${other}/interview`, { as: USER_OF['field-officer'], body: interview })).status).toBe(
    403,
  );
  expect((await r('POST', `/cases/${other}/settlement`, { as: officer, body: { installments: [] } })).status).toBe(400);
  // 终本规定 第四条第二项 (closure.test.ts runs it): only a sealed vehicle can be recorded as not impounded.
  const notImpounded = { assetId: 'no-such-asset', note: '车辆下落不明，未能扣押' };
  expect((await r('POST', `/cases/${other}/not-impounded`, { as: officer, body: notImpounded })).status).toBe(409);
  // Objections, served by settle (their scenarios run in objections.test.ts): a body that is not one, a ruling by a
  // role that may not rule, and steps on an objection the case does not have.
  expect((await r('POST', `/cases/${other}/objections`, { as: officer, body: { kind: 'act' } })).status).toBe(400);
  const unknown = `/cases/${other}/objections/oaaaaaaaaaaa`;
  const ruling = { outcome: 'upheld', reasons: '理由' };
  expect((await r('POST', `${unknown}/ruling`, { as: USER_OF['field-officer'], body: ruling })).status).toBe(403);
  for (const [step, body] of [
    ['reconsideration', { appliedBy: 'applicant' }],
    ['reconsideration-decision', { decision: 'affirmed' }],
    ['suit', { plaintiff: 'applicant' }],
    ['judgment', { for: 'applicant', reference: '（2026）冀0922民初1号' }],
  ] as const)
    expect((await r('POST', `${unknown}/${step}`, { as: officer, body })).status).toBe(409);
  // No breached settlement, no listing: the applicant's resumption and removal requests are refused (409).
  expect((await r('POST', `/cases/${caseId}/resumption`, { as: officer, body: {} })).status).toBe(409);
  expect((await r('POST', `/cases/${caseId}/listing-removal`, { as: officer, body: {} })).status).toBe(409);
  // The measures and the preservations (their scenarios run in measures.test.ts and preservation.test.ts): a body
  // that is not one is refused (400) as documented, before anything is written.
  for (const route of ROUTES as readonly Route[]) {
    if (
      route.method !== 'POST' ||
      !/^\/cases\/\{caseId\}\/(measures|limitation-objections|party-changes)/.test(route.path)
    )
      continue;
    const path = route.path.replace('{caseId}', other).replace(/\{(\w+)\}/g, 'aaaaaaaaaaaa');
    const answer = await r('POST', path, { as: officer, body: { unexpected: 1 } });
    expect(route.errors, `${route.operationId} ${answer.status}`).toContain(answer.status);
  }
  expect((await r('GET', `/cases/${other}/measures`, { as: officer })).status).toBe(200);
  expect((await r('GET', '/preservations', { as: USER_OF['bureau-chief'] })).status).toBe(200);
  await r('GET', `/cases/${caseId}/journal`, { as: USER_OF.auditor });
  await r('GET', `/cases/${caseId}/verify`, { as: USER_OF.auditor });
  // The case's documents (issued from its journal, docs/documents.md): the list, one PDF, one not of this case.
  await issueDueDocuments(localDocuments(s.runtime), caseId);
  const listed = await r<{ documents: { docId: string; sha256: string }[] }>('GET', `/cases/${caseId}/documents`, {
    as: USER_OF.auditor,
  });
  const [document] = listed.body.documents;
  expect(document).toBeDefined();
  const pdf = await r<{ pdfBase64: string }>('GET', `/cases/${caseId}/documents/${document?.docId}/pdf`, {
    as: USER_OF.auditor,
  });
  expect(createHash('sha256').update(Buffer.from(pdf.body.pdfBase64, 'base64')).digest('hex')).toBe(document?.sha256);
  expect((await r('GET', `/cases/${other}/documents/${document?.docId}/pdf`, { as: USER_OF.auditor })).status).toBe(
    404,
  );
  // Matters other courts entrust to this court (H1; their scenario runs in received-matters.test.ts).
  const receipt = {
    fromCourt: { code: 'GD0105', name: '广东省广州市海珠区人民法院' },
    fromCaseNumber: '（2026）粤0105执1号',
    kind: 'freeze',
    reference: '6222 **** 0009',
  };
  const received = await r<{ matter: { matterId: string } }>('POST', '/entrustments/received', {
    as: officer,
    body: receipt,
  });
  const matterId = received.body.matter.matterId;
  await r('POST', '/entrustments/received', { as: officer, body: { ...receipt, kind: 'no-such-kind' } });
  await r('POST', `/entrustments/received/${matterId}/assign`, { as: 'li-qiang', body: { to: officer } });
  await r('POST', `/entrustments/received/${matterId}/start`, { as: officer });
  await r('POST', `/entrustments/received/${matterId}/outcome`, {
    as: officer,
    body: { outcome: 'completed', result: '已冻结' },
  });
  await r('GET', '/entrustments/received', { as: USER_OF.auditor });
  await r('POST', '/entrustments/received/overdue-check', { as: USER_OF['command-center'] });
  await r('GET', '/entrustments/counts?from=2026-03-01&to=2026-12-31', { as: USER_OF.auditor });
  await fieldRoutes(s, caseId);
  await disputeRoutes(s, caseId);
  return { s, late: other };
}

/**
 * The dispute routes (issue 14; distribution.test.ts and suspension.test.ts tell their stories): each once on the
 * closed case, where the rules refuse them (409), the officer may not order a reversal (403), and the reads.
 */
async function disputeRoutes(s: ApiScenario, caseId: string): Promise<void> {
  const r = s.request;
  const officer = USER_OF['handling-officer'];
  const refused = async (path: string, body: unknown, as = officer) =>
    expect((await r('POST', `/cases/${caseId}${path}`, { as, body })).status).toBe(409);
  await refused('/distribution/applications', { name: '赵丽', claimFen: 100, title: '（2026）冀0922民初99号' });
  await refused('/distribution/plan', { costsFen: 0 });
  await refused('/distribution/serve', {}, 'zhang-wei');
  await refused('/distribution/objection', { by: 'x00', against: 'y00', claimFen: 1, reason: '异议' });
  await refused('/distribution/opposition', { by: 'x00' });
  await refused('/distribution/suit', {});
  await refused('/distribution/judgment', { upheld: 'original', judgment: '（2026）冀0922民初300号' });
  expect((await r('POST', `/cases/${caseId}/distribution/advance`, { as: officer, body: {} })).status).toBe(200);
  // The court pays on its officers' word only: an auditor may not.
  expect((await r('POST', `/cases/${caseId}/distribution/advance`, { as: USER_OF.auditor, body: {} })).status).toBe(
    403,
  );
  await refused('/suspension', { kind: 'suspension', ground: 'other-court-finds', note: '再审审查' });
  await refused('/suspension/ruling', { decision: 'approved' }, 'zhang-wei');
  await refused('/suspension/lift', { reason: '情形消失' });
  await refused('/suspension/guarantee', {});
  const reversal = { setAsideBy: '（2026）冀09民再5号', returnFen: 1 };
  expect((await r('POST', `/cases/${caseId}/reversal`, { as: officer, body: reversal })).status).toBe(403);
  expect((await r('GET', `/cases/${caseId}/disputes`, { as: USER_OF.auditor })).status).toBe(200);
  expect((await r('GET', '/board/disputes?withinDays=30', { as: USER_OF['command-center'] })).status).toBe(200);
}

/** The field routes (issue 17; test/workflow/field.test.ts tells their story): each once, and a refusal. */
async function fieldRoutes(s: ApiScenario, caseId: string): Promise<void> {
  const r = s.request;
  const officer = (await r<{ officer?: string }>('GET', `/cases/${caseId}`, { as: USER_OF.auditor })).body.officer;
  const as = officer ?? USER_OF['handling-officer'];
  const tripId = '6f1c2a9e-0000-4000-8000-000000000017';
  await r('GET', '/field/work', { as });
  await r('GET', '/field/work', { as: USER_OF.auditor });
  await r('POST', '/field/trips', {
    as,
    body: { tripId, caseId, act: 'inspect', purpose: '现场调查', plannedMinutes: 60 },
  });
  await r('GET', '/field/trip', { as });
  await r('POST', `/field/trips/${tripId}/positions`, { as, body: { position: { consent: false } } });
  await r('POST', `/cases/${caseId}/site-records`, {
    as,
    body: { recordId: '6f1c2a9e-0000-4000-8000-000000000018', act: 'inspect', note: '现场无人' },
  });
  await r('GET', '/board/field', { as: USER_OF['command-center'] });
  await r('POST', '/board/field/locations', { as: USER_OF['command-center'] });
  await r('POST', '/board/field/locations', { as: USER_OF['team-lead'] });
  await r('POST', '/field/incidents', { as, body: { incidentId: '6f1c2a9e-0000-4000-8000-000000000019' } });
  await r('POST', `/field/trips/${tripId}/check-in`, { as, body: {} });
}

describe('a full scenario over the API', () => {
  let s: ApiScenario;
  let lateCase = '';
  afterAll(async () => {
    await s?.close();
  });

  it('runs: the late decision is refused with 410 and recorded; every GET changed nothing', async () => {
    ({ s, late: lateCase } = await fullScenario());
    const statuses = s.exchanges.map((e) => e.status);
    for (const status of [200, 400, 401, 403, 404, 405, 409, 410]) expect(statuses).toContain(status);
    const gets = s.exchanges.filter((e) => e.method === 'GET');
    expect(s.unchangedGets.length).toBe(gets.length);
    expect(gets.length).toBeGreaterThan(30);
    expect(s.exchanges.some((e) => e.status === 410 && e.route?.operationId === 'decideTask')).toBe(true);
    const lateRecorded = (await s.runtime.cases.history(lateCase))
      .flatMap((c) => c.events)
      .filter((e) => e.type === 'approval-late-decision');
    expect(lateRecorded).toHaveLength(1);
  });

  it('never shows a task token: not in any answer, log line or error', async () => {
    expect(s.tokens.size).toBeGreaterThanOrEqual(4);
    const answers = s.exchanges.map((e) => e.text);
    const errors = s.exchanges.filter((e) => e.status >= 400).map((e) => e.text);
    expect(errors.length).toBeGreaterThan(15);
    expect(s.logs.length).toBeGreaterThan(100);
    expect(s.logs.some((line) => line.includes('"message":"access"'))).toBe(true);
    const everything = [...answers, ...errors, ...s.logs, ...s.alerts.map((a) => JSON.stringify(a))];
    for (const token of s.tokens) {
      expect(token.length).toBeGreaterThan(32);
      for (const text of everything) {
        expect(text.includes(token)).toBe(false);
        expect(text.includes(token.slice(0, 24))).toBe(false);
      }
    }
    // Nor does any approval keep a used token.
    const store = JSON.stringify(await s.runtime.deps.approvals.listPending({ court: 'HB0922' }));
    for (const token of s.tokens) expect(store.includes(token)).toBe(false);
  });

  it('conforms to the OpenAPI document it serves: every route documented, every answer valid', async () => {
    const served = s.exchanges.find((e) => e.route?.operationId === 'getOpenApi');
    expect(JSON.parse(served?.text ?? '{}')).toEqual(OPENAPI_DOCUMENT);
    expect(JSON.parse(readFileSync('api/openapi.json', 'utf8'))).toEqual(OPENAPI_DOCUMENT);
    const documented = Object.entries(OPENAPI_DOCUMENT.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routed = (ROUTES as readonly Route[]).map((route) => `${route.method} ${route.path}`);
    expect(documented.sort()).toEqual(routed.sort());
    // Every documented operation was exercised, and answered as documented.
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'api', components: (OPENAPI_DOCUMENT as { components: unknown }).components });
    const exercised = new Set<string>();
    for (const exchange of s.exchanges) {
      if (!exchange.route) {
        expect([404, 405]).toContain(exchange.status);
        continue;
      }
      const route = exchange.route;
      exercised.add(route.operationId);
      const operation = (
        OPENAPI_DOCUMENT.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>
      )[route.path]?.[route.method.toLowerCase()];
      expect(Object.keys(operation?.responses ?? {}), `${route.operationId} answered ${exchange.status}`).toContain(
        String(exchange.status),
      );
      const answered = operation?.responses[String(exchange.status)] as
        | { content: { 'application/json': { schema: { $ref: string } } } }
        | undefined;
      const documented = answered?.content['application/json'].schema.$ref ?? 'undocumented';
      const validate = ajv.getSchema(`api${documented}`);
      expect(validate, documented).toBeDefined();
      const body = JSON.parse(exchange.text);
      expect(validate?.(body), `${route.operationId} ${exchange.status}: ${JSON.stringify(validate?.errors)}`).toBe(
        true,
      );
    }
    expect([...exercised].sort()).toEqual(
      routed.map((r) => (ROUTES as readonly Route[]).find((x) => `${x.method} ${x.path}` === r)?.operationId).sort(),
    );
  });
});
