/**
 * The coercion phase, one scenario per path: each files a case whose respondent pays nothing, lets time pass,
 * records conduct and decides as staff, and asserts what the case went through.
 */
import { describe, expect, it } from 'vitest';
import type { SimulatorScript } from '#adapters/simulators/partner-simulator.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import { caseIdFor } from '#domain/ids.ts';
import { RULES } from '#domain/rules/table.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import { DAY, filingEvent, owedToday, RESPONDENT_ID, type Scenario, scenarios } from '../support/runtime.ts';

const open = scenarios();
const OFFICER = 'wang-fang';
const PRESIDENT = 'song-jian';

function script(
  n: number,
  extra: Partial<SimulatorScript['cases'] extends Readonly<Record<string, infer C>> | undefined ? C : never> = {},
  respondent = {},
): SimulatorScript {
  return {
    respondents: { [RESPONDENT_ID]: { eService: 'ok', assets: [], ...respondent } },
    cases: { [`（2026）冀0922执${1000 + n}号`]: extra },
  };
}

/**
 * C4, C6: the president signs what the phase proposes (the restriction order, with a listing when one is due); a
 * listing proposed later waits for its own signature.
 */
async function sign(s: Scenario, caseId: string, data?: { restriction?: boolean; listing?: boolean }, reason?: string) {
  const [approval] = await s.untilPending(caseId);
  expect(approval).toMatchObject({ step: 'credit-discipline', requiredRole: 'president' });
  expect(
    await s.runtime.decide({
      approvalId: approval?.approvalId ?? '',
      decision: 'approved',
      userId: PRESIDENT,
      ...(data ? { data } : {}),
      ...(reason ? { reason } : {}),
    }),
  ).toMatchObject({ ok: true });
  return approval;
}

async function coercing(s: Scenario, n: number): Promise<string> {
  const outcome = await s.runtime.intake(filingEvent(n));
  if (outcome.outcome !== 'created') throw new Error('not created');
  await sign(s, outcome.caseId);
  await s.until(outcome.caseId, (c) => c.status === 'coercing' && c.coercion?.watchUntil !== undefined);
  return outcome.caseId;
}

async function events(s: Scenario, caseId: string): Promise<CaseEvent[]> {
  return (await s.runtime.cases.history(caseId)).flatMap((c) => c.events);
}

const types = (list: CaseEvent[]) => list.map((e) => e.type);

describe('consumption restriction (C4, C5)', () => {
  it('the respondent performs after the restriction order: it is lifted and the case closes', async () => {
    const s = await open({ script: script(200) });
    const caseId = await coercing(s, 200);
    const before = await s.load(caseId);
    expect(before.coercion?.restriction?.bound).toEqual([
      { partyId: before.respondents[0]?.partyId, role: 'respondent' },
    ]);
    expect(before.coercion?.published.restriction?.acknowledged).toHaveLength(5);

    const paid = await s.runtime.pay(caseId, await owedToday(s, caseId), 'bank-ref');
    expect(paid).toMatchObject({ ok: true });
    await s.live(caseId, 10);

    const after = await s.load(caseId);
    expect(after.coercion?.restriction?.liftedOn).toBe('full-performance');
    expect(after.coercion?.published['restriction-lifted']?.acknowledged).toHaveLength(5);
    expect(after.coercion?.outcome).toBe('performed');
    expect(after.status).toBe('closed');
    expect(s.path(caseId, 'coercion').slice(-2)).toEqual(['RouteCoercion', 'StartDisbursement']);
  });

  it('an organisation’s restriction binds its legal representative, principal, responsible person and controller', async () => {
    // The organisation is scripted by its code: an unscripted party gets a world drawn from its (keyed) party id.
    const base = script(201);
    const s = await open({
      script: { ...base, respondents: { ...base.respondents, '91130922MA0XYZAB3C': { eService: 'ok', assets: [] } } },
    });
    const event = filingEvent(201);
    event.detail.respondents[0].kind = 'organisation';
    event.detail.respondents[0].idNumber = '91130922MA0XYZAB3C';
    const outcome = await s.runtime.intake(event);
    if (outcome.outcome !== 'created') throw new Error('not created');
    const state = await s.liveUntil(outcome.caseId, (c) => c.coercion?.restriction !== undefined);
    expect(state.coercion?.restriction?.bound.map((b) => b.role)).toEqual([
      'respondent',
      'legal-representative',
      'principal',
      'directly-responsible-person',
      'actual-controller',
    ]);
  });
});

describe('judicial detention (C1-C3)', () => {
  it('approved by the president, served, family told, then released early on correction', async () => {
    const s = await open({ script: script(210) });
    const caseId = await coercing(s, 210);
    expect(
      await s.runtime.conduct({ caseId, userId: OFFICER, conduct: 'violent-obstruction', note: '扣押车辆时持械阻拦' }),
    ).toMatchObject({ ok: true });
    // Ground (二) of 法释〔2017〕7号 第一条: the listing decision is signed first, then the detention is decided.
    await sign(s, caseId);
    const [approval] = await s.untilPending(caseId);
    expect(approval).toMatchObject({ step: 'sanction', requiredRole: 'president', summary: expect.any(String) });
    expect(
      await s.runtime.decide({
        approvalId: approval?.approvalId ?? '',
        decision: 'approved',
        userId: PRESIDENT,
        data: { days: 12 },
      }),
    ).toMatchObject({ ok: true });
    const detained = await s.until(
      caseId,
      (c) => c.coercion?.sanction?.status === 'in-custody' && c.coercion.sanction.review !== undefined,
    );
    expect(detained.coercion?.sanction).toMatchObject({ kind: 'detention', approvedDays: 12, review: 'not-requested' });
    expect(detained.coercion?.sanction?.familyNotifiedAt).toBeDefined();
    expect(detained.nodes['family-notice']).toMatchObject({ status: 'met', ruleId: 'C3' });

    // C2: the 12 days run from custody (the police took the detainee), not from service of the decision.
    const custodyDay = new Date(Date.parse(detained.coercion?.sanction?.custodyAt ?? '') + 8 * 3_600_000);
    const lastDay = new Date(custodyDay.getTime() + 11 * 86_400_000).toISOString().slice(0, 10);
    expect(detained.coercion?.sanction?.releaseOn).toBe(lastDay);

    // C2 (民诉法解释 第一百八十二条): the bureau chief may not release early; the president approves, with the decision.
    expect(await s.runtime.release({ caseId, userId: 'zhang-wei', reason: '被拘留人承认并改正错误' })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await s.runtime.release({ caseId, userId: PRESIDENT, reason: '被拘留人认错悔改，具结悔过' })).toMatchObject({
      ok: true,
    });
    const released = await s.load(caseId);
    expect(released.coercion?.sanction).toMatchObject({
      status: 'released',
      early: true,
      earlyReleaseOrdered: { by: PRESIDENT },
    });
    const ordered = (await events(s, caseId)).find((e) => e.type === 'early-release-ordered');
    expect(ordered).toMatchObject({ by: PRESIDENT, docId: expect.any(String) });
    expect(types(await events(s, caseId))).toEqual(
      expect.arrayContaining([
        'sanction-proposed',
        'sanction-decided',
        'sanction-served',
        'detainee-in-custody',
        'detainee-family-notified',
        'early-release-ordered',
        'detainee-released',
      ]),
    );
  });

  it('rejected by the president: nobody is detained, the phase goes on', async () => {
    const s = await open({ script: script(211) });
    const caseId = await coercing(s, 211);
    await s.runtime.conduct({ caseId, userId: OFFICER, conduct: 'violent-obstruction' });
    await sign(s, caseId);
    const [approval] = await s.untilPending(caseId);
    expect(
      await s.runtime.decide({
        approvalId: approval?.approvalId ?? '',
        decision: 'rejected',
        userId: PRESIDENT,
        reason: '证据不足',
      }),
    ).toMatchObject({ ok: true });
    const state = await s.until(caseId, (c) => c.coercion?.sanction?.status === 'rejected');
    expect(state.coercion?.sanction?.custodyAt).toBeUndefined();
    // A rejected sanction carries no approved days (nor an amount).
    expect(state.coercion?.sanction?.approvedDays).toBeUndefined();
    expect(state.coercion?.sanction?.approvedFen).toBeUndefined();
    // The decision is applied and the loop advanced by one Task, then the loop routes on what comes next.
    const path = s.path(caseId, 'coercion');
    const awaited = path.indexOf('AwaitSanctionApproval');
    expect(path.slice(awaited, awaited + 3)).toEqual([
      'AwaitSanctionApproval',
      'ApplySanctionDecision',
      'RouteCoercion',
    ]);
    expect(state.status).toBe('coercing');
  });

  it('a fine above the legal limit is refused with the limit named, and changes nothing; within it, it applies', async () => {
    const s = await open({ script: script(212) });
    const caseId = await coercing(s, 212);
    await s.runtime.conduct({ caseId, userId: OFFICER, conduct: 'report-false' });
    await sign(s, caseId);
    const [approval] = await s.untilPending(caseId);
    const before = await s.runtime.cases.history(caseId);
    const refused = await s.runtime.decide({
      approvalId: approval?.approvalId ?? '',
      decision: 'approved',
      userId: PRESIDENT,
      data: { amountFen: 15_000_000 },
    });
    expect(refused).toEqual({ ok: false, status: 400, code: 'invalid', message: '对个人的罚款不得超过10万元（C1）' });
    expect(await s.runtime.cases.history(caseId)).toEqual(before);
    expect((await s.pending(caseId)).map((a) => a.approvalId)).toEqual([approval?.approvalId]);
    expect(
      await s.runtime.decide({
        approvalId: approval?.approvalId ?? '',
        decision: 'approved',
        userId: PRESIDENT,
        data: { amountFen: 5_000_000 },
      }),
    ).toMatchObject({ ok: true });
    const state = await s.until(caseId, (c) => c.coercion?.sanction?.status === 'served');
    expect(state.coercion?.sanction).toMatchObject({ kind: 'fine', approvedFen: 5_000_000 });
  });
});

describe('criminal referral for refusal to execute (D1-D5)', () => {
  async function referred(s: Scenario, n: number): Promise<string> {
    const caseId = await coercing(s, n);
    await s.runtime.conduct({ caseId, userId: OFFICER, conduct: 'assets-hidden', note: '将房产转移至亲属名下' });
    await s.live(caseId, 1);
    return caseId;
  }

  it('accepted: the police open a case', async () => {
    const s = await open({ script: script(220, { police: 'opened' }) });
    const caseId = await referred(s, 220);
    const state = await s.until(caseId, (c) => c.coercion?.referral?.status === 'opened');
    expect(state.coercion?.referral?.grounds).toEqual(['assets-hidden-with-ability']);
    expect(state.nodes['referral-answer']).toMatchObject({ status: 'met', ruleId: 'D2' });
  });

  it('police refuse -> procuratorate supervision (D3): the explain and open nodes are set and met, the order and the opening separate', async () => {
    const s = await open({ script: script(221, { police: 'refused', procuratorate: 'opened' }) });
    const caseId = await referred(s, 221);
    const state = await s.until(caseId, (c) => c.coercion?.referral?.status === 'opened');
    const answered = (await events(s, caseId)).filter(
      (e) => e.type === 'referral-answered' || e.type === 'supervision-requested',
    );
    expect(answered.map((e) => (e.type === 'referral-answered' ? `${e.by}:${e.outcome}` : e.type))).toEqual([
      'police:refused',
      'supervision-requested',
      'procuratorate:explanation-requested',
      'procuratorate:supervision-ordered',
      'police:opened',
    ]);
    expect(state.coercion?.referral?.reasons).toBe('现有证据不足以证明被执行人有能力履行');
    // D4 (法〔2018〕147号 第二条): the refusal tells the applicant of 自诉 at once, in the same write as the refusal,
    // while the supervision goes on beside it.
    const history = await s.runtime.cases.history(caseId);
    const refusal = history.find((c) =>
      c.events.some((e) => e.type === 'referral-answered' && e.by === 'police' && e.outcome === 'refused'),
    );
    expect(refusal?.events).toContainEqual(
      expect.objectContaining({ type: 'private-prosecution-notified', beside: 'supervision' }),
    );
    expect(state.coercion?.referral?.privateProsecutionAt).toBe(refusal?.at);
    // D3: 7 days to explain from the procuratorate's notice, 15 days to open from its order: both time nodes, met.
    const explain = state.nodes['supervision-explain'];
    const opening = state.nodes['supervision-open'];
    expect(explain).toMatchObject({ ruleId: 'D3', status: 'met' });
    expect(opening).toMatchObject({ ruleId: 'D3', status: 'met' });
    const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
    expect(days(explain?.startedOn ?? '', explain?.dueDate ?? '')).toBeGreaterThanOrEqual(7);
    expect(days(opening?.startedOn ?? '', opening?.dueDate ?? '')).toBeGreaterThanOrEqual(15);
    expect(opening?.startedOn && explain?.startedOn && opening.startedOn >= explain.startedOn).toBe(true);
  });

  it('police silent: the D2 node is overdue after 7 days, but private prosecution opens only after 60 days (D4)', async () => {
    const s = await open({ script: script(222, { police: 'silent' }) });
    const caseId = await referred(s, 222);
    const sent = await s.until(caseId, (c) => c.coercion?.referral?.sentAt !== undefined);
    const sentAt = Date.parse(sent.coercion?.referral?.sentAt ?? '');
    const state = await s.until(caseId, (c) => c.coercion?.referral?.status === 'private-prosecution', 70);
    const history = await s.runtime.cases.history(caseId);
    const firstWith = (test: (e: CaseEvent) => boolean) => history.find((c) => c.events.some(test))?.at ?? '';
    // The police were late under D2 (7 days) long before; the applicant is told of 自诉 only after 60 days (D4).
    const late = firstWith((e) => e.type === 'node-overdue' && e.node === 'referral-answer');
    const notified = firstWith((e) => e.type === 'private-prosecution-notified');
    expect(Date.parse(late) - sentAt).toBeLessThan(15 * DAY * 1000);
    expect(Date.parse(notified) - sentAt).toBeGreaterThanOrEqual(60 * DAY * 1000);
    // Not long after: the 60th day moves to the next working day when it is a rest day or holiday (民诉法 第八十五条),
    // at most the 8 days of the longest holiday, and the sweep notices it the day after.
    expect(Date.parse(notified) - sentAt).toBeLessThan((60 + 8 + 1) * DAY * 1000);
    expect(state.nodes['referral-answer']?.status).toBe('overdue');
    expect(s.alerts.map((a) => a.message).join('\n')).toContain('公安机关移送后60日内未书面答复拒执罪移送');
  });

  it('violent obstruction with nothing to pay with: detention and listing, but no referral (the crime needs ability to pay)', async () => {
    const s = await open({ script: script(223) });
    const caseId = await coercing(s, 223);
    await s.runtime.conduct({ caseId, userId: OFFICER, conduct: 'violent-obstruction' });
    const state = await s.liveUntil(
      caseId,
      (c) => c.coercion?.listing !== undefined && c.coercion.sanction !== undefined,
    );
    expect(state.coercion?.listing).toMatchObject({ grounds: ['violent-obstruction'], years: 3 });
    expect(state.coercion?.sanction?.kind).toBe('detention');
    expect(state.coercion?.referral).toBeUndefined();
  });
});

describe('dishonest-debtor list (C6)', () => {
  it('listed on its grounds; after performance, removed within 3 working days across National Day', async () => {
    const n = 230;
    const s = await open({
      // The refused report wakes the measures at once (listing, fine): filed early in September, the phase still
      // watches for performance on 30 September.
      startAt: '2026-09-02T01:00:00.000Z',
      script: {
        respondents: {
          [RESPONDENT_ID]: {
            eService: 'ok',
            assetReport: 'silent',
            freeze: 'failed',
            assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0001', balanceFen: 9_000_000 }],
          },
        },
        cases: { [`（2026）冀0922执${1000 + n}号`]: { police: 'opened' } },
      },
    });
    const outcome = await s.runtime.intake(filingEvent(n));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    expect(caseId).toBe(caseIdFor('HB0922', `（2026）冀0922执${1000 + n}号`));
    await s.liveUntil(caseId, (c) => c.coercion?.listing !== undefined, 40);
    // Decide what needs deciding until Wednesday 30 September (China time), then pay in full.
    for (let i = 0; i < 40 && s.runtime.clock.now() < '2026-09-29T16:00:00.000Z'; i++) await s.live(caseId, 1);
    expect(s.runtime.clock.now().slice(0, 10)).toBe('2026-09-29');
    const listed = await s.load(caseId);
    expect(listed.coercion?.listing).toMatchObject({ grounds: ['report-refused'], years: 2 });
    expect(listed.coercion?.published.listing?.acknowledged).toHaveLength(5);

    await s.runtime.pay(caseId, await owedToday(s, caseId), 'bank-0930');
    await s.live(caseId, 15);
    const removed = await s.load(caseId);
    // 3 working days from Wednesday 30 September: 8, 9 and 10 October (a make-up Saturday); 1-7 October are off.
    expect(removed.nodes['listing-removal']).toMatchObject({ dueDate: '2026-10-10', ruleId: 'C6', status: 'met' });
    expect(removed.coercion?.listing?.removalReason).toContain('被执行人已履行生效法律文书确定的义务');
    expect(removed.coercion?.listing?.removalGround).toBe('full-performance');
    expect(removed.coercion?.published['listing-removed']?.acknowledged).toHaveLength(5);
    expect(removed.status).toBe('closed');
    // The payment came while the phase waited for the fine's review period: that wait was cut short.
    expect((await events(s, caseId)).filter((e) => e.type === 'coercion-answer-recorded' && e.superseded)).toHaveLength(
      1,
    );
    expect(removed.nodes['listing-removal']?.startedOn).toBe('2026-09-30');
  });
});

describe('a partner does not confirm the removal (C6)', () => {
  it('the removal is sent again within its deadline before disbursement; given up, the node is overdue and the command center told', async () => {
    const n = 231;
    const s = await open({
      startAt: '2026-09-02T01:00:00.000Z',
      script: {
        respondents: {
          [RESPONDENT_ID]: {
            eService: 'ok',
            assetReport: 'silent',
            freeze: 'failed',
            assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0001', balanceFen: 9_000_000 }],
          },
        },
        cases: { [`（2026）冀0922执${1000 + n}号`]: { police: 'opened', removalFailing: ['banking'] } },
      },
    });
    const outcome = await s.runtime.intake(filingEvent(n));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    await s.liveUntil(caseId, (c) => c.coercion?.published.listing?.acknowledged.length === 5, 40);

    await s.runtime.pay(caseId, await owedToday(s, caseId), 'bank-removal');
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 20);

    // Sent six times in all (removalRounds), the last five to the bank alone; the other four confirmed at once.
    const removal = closed.coercion?.published['listing-removed'];
    expect(removal?.rounds).toBe(RULES.P_COERCION_WAITS.removalRounds);
    expect(removal?.acknowledged).not.toContain('banking');
    expect(removal?.acknowledged).toHaveLength(4);
    // Given up unconfirmed: the node is overdue, not open, on the closed case, and the command center knows whom to chase.
    expect(closed.nodes['listing-removal']).toMatchObject({ ruleId: 'C6', status: 'overdue' });
    expect(s.alerts.map((a) => a.message).join('\n')).toContain(
      `删除失信信息未获银行业金融机构确认（已发送${RULES.P_COERCION_WAITS.removalRounds}次）`,
    );
    // The phase handed over to disbursement only after it gave the removal up.
    const all = await events(s, caseId);
    const overdueAt = all.findIndex((e) => e.type === 'node-overdue' && e.node === 'listing-removal');
    const handedOver = all.findIndex((e) => e.type === 'coercion-ended');
    expect(overdueAt).toBeGreaterThan(-1);
    expect(handedOver).toBeGreaterThan(overdueAt);
    expect(s.path(caseId, 'coercion').slice(-2)).toEqual(['RouteCoercion', 'StartDisbursement']);
    expect(s.path(caseId, 'coercion').filter((st) => st === 'AwaitCoercionAnswer').length).toBeGreaterThanOrEqual(
      RULES.P_COERCION_WAITS.removalRounds,
    );
  });
});

describe('a partner never answers the removal (C6)', () => {
  it('each round waits at most to the removal deadline; at the deadline the node is overdue, then the case closes', async () => {
    const n = 232;
    const s = await open({
      startAt: '2026-09-02T01:00:00.000Z',
      script: {
        respondents: {
          [RESPONDENT_ID]: {
            eService: 'ok',
            assetReport: 'silent',
            freeze: 'failed',
            assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0001', balanceFen: 9_000_000 }],
          },
        },
        cases: { [`（2026）冀0922执${1000 + n}号`]: { police: 'opened', creditSilent: ['banking'] } },
      },
    });
    const outcome = await s.runtime.intake(filingEvent(n));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    await s.liveUntil(
      caseId,
      (c) => (c.coercion?.published.listing?.rounds ?? 0) >= RULES.P_COERCION_WAITS.creditRounds,
      40,
    );
    await s.runtime.pay(caseId, await owedToday(s, caseId), 'bank-silent');
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 20);

    const node = closed.nodes['listing-removal'];
    expect(node).toMatchObject({ ruleId: 'C6', status: 'overdue' });
    const all = await events(s, caseId);
    const overdue = all.find((e) => e.type === 'node-overdue' && e.node === 'listing-removal');
    // Given up at the deadline itself (the last round's wait ends then), not before and not days after.
    const late = Date.parse(overdue && 'at' in overdue ? overdue.at : '') - Date.parse(node?.dueAt ?? '');
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(60_000);
    const rounds = closed.coercion?.published['listing-removed']?.rounds ?? 0;
    expect(rounds).toBeGreaterThan(1);
    expect(rounds).toBeLessThan(RULES.P_COERCION_WAITS.removalRounds);
    expect(s.alerts.map((a) => a.message).join('\n')).toContain('删除失信信息未获银行业金融机构确认');
    expect(s.path(caseId, 'coercion').slice(-2)).toEqual(['RouteCoercion', 'StartDisbursement']);
  });
});

describe('the president signs the restriction order and the listing decision (C4, C6)', () => {
  const lines = async (s: Scenario, caseId: string) =>
    timeline(await s.runtime.cases.history(caseId), {
      member: (id) => s.runtime.staff.memberName(id),
      team: (id) => id,
    }).map((l) => l.text);

  it('signed: the order is issued after the decision, then published', async () => {
    const s = await open({ script: script(250) });
    const outcome = await s.runtime.intake(filingEvent(250));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    const approval = await sign(s, caseId);
    expect(approval?.summary).toBe('拟签发限制消费令（C4，限高规定第五条）');
    const state = await s.until(caseId, (c) => c.coercion?.published.restriction !== undefined);
    const order = types(await events(s, caseId));
    expect(order.indexOf('credit-measures-proposed')).toBeLessThan(order.indexOf('credit-measures-decided'));
    expect(order.indexOf('credit-measures-decided')).toBeLessThan(order.indexOf('restriction-issued'));
    expect(state.coercion?.restriction).toBeDefined();
    expect(s.path(caseId, 'coercion').slice(0, 5)).toEqual([
      'OpenCoercion',
      'RouteCoercion',
      'AwaitCreditDisciplineApproval',
      'ApplyCreditDisciplineDecision',
      'RouteCoercion',
    ]);
    expect(await lines(s, caseId)).toContainEqual(expect.stringMatching(/^院长决定（.+）：限制消费令同意签发$/));
  });

  it('rejected: no order is issued or published, the timeline says so, and it is not proposed again', async () => {
    const s = await open({ script: script(251) });
    const outcome = await s.runtime.intake(filingEvent(251));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    const [approval] = await s.untilPending(caseId);
    expect(approval).toMatchObject({ step: 'credit-discipline', requiredRole: 'president' });
    // Only the president signs: the bureau chief may not.
    expect(
      await s.runtime.decide({ approvalId: approval?.approvalId ?? '', decision: 'approved', userId: 'zhang-wei' }),
    ).toMatchObject({ ok: false, status: 403 });
    expect(
      await s.runtime.decide({
        approvalId: approval?.approvalId ?? '',
        decision: 'rejected',
        userId: PRESIDENT,
        reason: '被执行人系低保户，暂不限制',
      }),
    ).toMatchObject({ ok: true });
    const state = await s.until(caseId, (c) => c.coercion?.watchUntil !== undefined);
    expect(state.coercion?.restriction).toBeUndefined();
    expect(state.coercion?.restrictionRefused).toBe(true);
    expect(state.coercion?.published.restriction).toBeUndefined();
    expect(types(await events(s, caseId))).not.toContain('restriction-issued');
    expect(s.path(caseId, 'coercion').slice(0, 5)).toEqual([
      'OpenCoercion',
      'RouteCoercion',
      'AwaitCreditDisciplineApproval',
      'ApplyCreditDisciplineDecision',
      'RouteCoercion',
    ]);
    expect(await lines(s, caseId)).toContainEqual(
      expect.stringMatching(/^院长决定（.+）：限制消费令不同意，不发出限制消费令（理由：被执行人系低保户，暂不限制）$/),
    );
    await s.live(caseId, 5);
    expect(await s.pending(caseId)).toEqual([]);
    expect((await s.load(caseId)).coercion?.restriction).toBeUndefined();

    // G2: when the measures run out, 终本 needs the order: it is put to the president once more, saying why.
    const [again] = await s.untilPending(caseId, 40);
    expect(again).toMatchObject({ step: 'credit-discipline', requiredRole: 'president' });
    expect(again?.summary).toMatch(/此前未予签发，强制措施已穷尽，终结本次执行程序须已发出限制消费令（G2）$/);
    await s.runtime.decide({ approvalId: again?.approvalId ?? '', decision: 'approved', userId: PRESIDENT });
    const exhausted = await s.until(caseId, (c) => c.coercion?.outcome === 'exhausted', 10);
    expect(exhausted.coercion?.restriction).toBeDefined();
    expect(exhausted.coercion?.published.restriction?.acknowledged).toHaveLength(5);
    expect(s.path(caseId, 'coercion').at(-1)).toBe('StartFinalClosure');
  });

  it('a listing proposed later is decided on its own: refused with a reason, proposed again only on a new ground', async () => {
    const s = await open({ script: script(252) });
    const caseId = await coercing(s, 252);
    await s.runtime.conduct({ caseId, userId: OFFICER, conduct: 'report-false' });
    const [approval] = await s.untilPending(caseId);
    expect(approval?.summary).toMatch(/^拟签发纳入失信被执行人名单2年的决定书（C6，法释〔2017〕7号第五条；情形：/);
    const decide = (data: Record<string, boolean>, reason?: string) =>
      s.runtime.decide({
        approvalId: approval?.approvalId ?? '',
        decision: 'approved',
        userId: PRESIDENT,
        data,
        ...(reason ? { reason } : {}),
      });
    expect(await decide({ restriction: false }, '已发出')).toMatchObject({
      status: 400,
      message: 'restriction：本次未报请签发限制消费令',
    });
    expect(await decide({ listing: false })).toMatchObject({
      status: 400,
      message: '所报各项均不同意的，请作出“不同意”决定并说明理由',
    });
    expect(await s.pending(caseId)).toHaveLength(1);
    expect(
      await s.runtime.decide({
        approvalId: approval?.approvalId ?? '',
        decision: 'rejected',
        userId: PRESIDENT,
        reason: '报告不实情节轻微',
      }),
    ).toMatchObject({ ok: true });
    const refused = await s.until(caseId, (c) => (c.coercion?.listingRefused ?? []).length > 0);
    expect(refused.coercion?.listing).toBeUndefined();
    expect(refused.coercion?.listingRefused).toEqual(['report-false']);
    expect(await lines(s, caseId)).toContainEqual(
      expect.stringMatching(/：失信决定书不同意，不纳入失信被执行人名单（理由：报告不实情节轻微）$/),
    );
    // The fine for the false report is the president's next decision, not the same listing again.
    const [fine] = await s.untilPending(caseId);
    expect(fine?.step).toBe('sanction');
    await s.runtime.decide({
      approvalId: fine?.approvalId ?? '',
      decision: 'rejected',
      userId: PRESIDENT,
      reason: '暂缓',
    });
    await s.until(caseId, (c) => c.coercion?.sanction?.status === 'rejected');

    await s.runtime.conduct({ caseId, userId: OFFICER, conduct: 'assets-hidden' });
    await sign(s, caseId);
    const listed = await s.until(caseId, (c) => c.coercion?.listing !== undefined);
    expect(listed.coercion?.listing?.grounds).toEqual(expect.arrayContaining(['assets-hidden', 'report-false']));
  });
});

describe('the phase runs out', () => {
  it('nothing more to do and no performance: the final-round closure (终本) review takes the case over', async () => {
    const s = await open({ script: script(240) });
    const caseId = await coercing(s, 240);
    const state = await s.until(caseId, (c) => c.coercion?.outcome === 'exhausted', 40);
    expect(state.status).toBe('final-closure-review');
    expect(s.path(caseId, 'coercion').slice(-2)).toEqual(['RouteCoercion', 'StartFinalClosure']);
    expect(state.phaseRuns.closure).toBe(1);
  });
});

void DAY;
