/**
 * The measures of issue 15, one scenario each, run to its end on the embedded runtime: an exit restriction ordered,
 * notified (a person the authority fails at first is sent again), and lifted on performance; a reward notice
 * deposited, published, a lead checked and its reward deducted from the applicant's share of the money; judicial relief granted, paid and recovered
 * from the later payout; a company respondent referred to bankruptcy, accepted, declared, and the case closed by
 * termination. Each asserts the path its approval took and reconciles the money to the fen.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SimulatorScript } from '#adapters/simulators/partner-simulator.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import { ledgerTotal } from '#domain/case/reducer.ts';
import { owed } from '#domain/disbursement/owed.ts';
import { reliefPayee } from '#domain/measures/relief.ts';
import { rewardPayee, rewardToDeductFen } from '#domain/measures/reward.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import { requestClosure } from '#use-cases/closure.ts';
import { issueDueDocuments } from '#use-cases/documents.ts';
import {
  applyForRelief,
  applyForReward,
  checkLead,
  closeReward,
  proposeExitBan,
  proposeReferral,
  realiseLead,
  recordBankruptcyDeclared,
  recordLead,
  recordReliefPayment,
  recordRewardDeposit,
} from '#use-cases/measures.ts';
import { localDocuments } from '../../local/runtime/documents.ts';
import { decideWithPanel, panelVoters } from '../../local/runtime/panel-votes.ts';
import {
  assertMoneyReconciles,
  filingEvent,
  owedToday,
  RESPONDENT_ID,
  type Scenario,
  scenarios,
} from '../support/runtime.ts';

const open = scenarios();
const OFFICER: Identity = { userId: 'wang-fang', roles: ['handling-officer'], court: 'HB0922' };
const TEAM_LEAD: Identity = { userId: 'li-qiang', roles: ['team-lead'], court: 'HB0922' };
const names = { member: (id: string) => id, team: (id: string) => id };

function script(
  n: number,
  authorities: NonNullable<SimulatorScript['cases']>[string]['authorities'] = {},
): SimulatorScript {
  return {
    respondents: { [RESPONDENT_ID]: { eService: 'ok', assets: [] } },
    cases: { [`（2026）冀0922执${1000 + n}号`]: { authorities } },
  };
}

/** A case whose respondent pays nothing: the president signs the restriction order, the phase watches. */
async function coercing(s: Scenario, n: number): Promise<string> {
  const outcome = await s.runtime.intake(filingEvent(n));
  if (outcome.outcome !== 'created') throw new Error('not created');
  const [approval] = await s.untilPending(outcome.caseId);
  await s.runtime.decide({ approvalId: approval?.approvalId ?? '', decision: 'approved', userId: 'song-jian' });
  await s.until(outcome.caseId, (c) => c.status === 'coercing' && c.coercion?.watchUntil !== undefined);
  return outcome.caseId;
}

async function decideMeasure(s: Scenario, caseId: string, step: string, userId: string, data?: Record<string, number>) {
  await s.runtime.runUntilIdle();
  const approval = (await s.pending(caseId)).find((a) => a.step === step);
  expect(approval, `a pending ${step} approval`).toBeDefined();
  // A panel step (E8-PANEL) is voted on by the panel's members until a majority decides it.
  if (approval?.requiredRole === 'panel-member')
    return decideWithPanel(s.runtime, approval, { approvalId: approval.approvalId, decision: 'approved', userId });
  return s.runtime.decide({
    approvalId: approval?.approvalId ?? '',
    decision: 'approved',
    userId,
    ...(data ? { data } : {}),
  });
}

/** The measures' documents are issued from the journal like every other: numbered, signed, without a missing field. */
async function expectDocuments(s: Scenario, caseId: string, kinds: string[]) {
  const deps = localDocuments(s.runtime);
  const report = await issueDueDocuments(deps, caseId);
  expect(report.problems).toEqual([]);
  const all = await deps.archive.list(caseId);
  expect(all.map((d) => d.kind)).toEqual(expect.arrayContaining(kinds));
  const measureDocs = all.filter((d) => kinds.includes(d.kind));
  expect(measureDocs.every((d) => /^（2026）冀0922执/.test(d.number) && d.sha256.length === 64)).toBe(true);
}

async function events(s: Scenario, caseId: string): Promise<CaseEvent[]> {
  return (await s.runtime.cases.history(caseId)).flatMap((c) => c.events);
}

async function lines(s: Scenario, caseId: string): Promise<string[]> {
  return timeline(await s.runtime.cases.history(caseId), names).map((l) => l.text);
}

describe('measures (issue 15)', () => {
  it('restricts the respondent from leaving the country on the applicant’s application, notifies the authority (again for a failed person), and lifts it on performance', async () => {
    const s = await open({ script: script(801, { exitFailFirst: ['respondent'] }) });
    const caseId = await coercing(s, 801);
    const applicantId = (await s.load(caseId)).applicants[0]?.partyId ?? '';
    const respondentId = (await s.load(caseId)).respondents[0]?.partyId ?? '';
    // Not on the application of somebody who is not an applicant.
    await expect(
      proposeExitBan(s.runtime.deps)(OFFICER, {
        caseId,
        respondentId,
        origin: 'application',
        applicantId: respondentId,
        reason: '拟出境',
      }),
    ).rejects.toThrow(/书面申请/);
    await proposeExitBan(s.runtime.deps)(OFFICER, {
      caseId,
      respondentId,
      origin: 'application',
      applicantId,
      reason: '被执行人已购买出境机票',
    });
    expect(await decideMeasure(s, caseId, 'exit-ban', 'zhang-wei')).toMatchObject({ ok: true });
    const ordered = await s.until(caseId, (c) => (c.measures?.exitBan?.restricted.length ?? 0) > 0, 5);
    const ban = ordered.measures?.exitBan;
    expect(ban?.status).toBe('ordered');
    // The first notice failed for the respondent; the second confirmed it.
    expect(ban?.notices.map((n) => `${n.kind}:${n.round}`)).toEqual(['restrict:1', 'restrict:2']);
    expect(ordered.nodes['exit-entry-answer']?.status).toBe('met');

    // The respondent pays everything: the case closes, the restriction is lifted and the lifting notified.
    expect(await s.runtime.pay(caseId, await owedToday(s, caseId), 'PAY-801')).toMatchObject({ ok: true });
    const closed = await s.liveUntil(caseId, (c) => (c.measures?.exitBan?.released.length ?? 0) > 0, 20);
    expect(closed.status).toBe('closed');
    expect(closed.measures?.exitBan).toMatchObject({ status: 'lifted', liftReason: 'full-performance' });
    expect(s.path(caseId, 'measure-task')).toEqual(['RouteNodeTask', 'AwaitExitBanApproval', 'ApplyExitBanDecision']);
    const text = await lines(s, caseId);
    expect(text.some((l) => l.startsWith('申请执行人') && l.includes('书面申请限制出境'))).toBe(true);
    expect(text.some((l) => l.includes('未办理') && l.includes('证件信息未能比对一致'))).toBe(true);
    expect(text).toContain('解除限制出境：被执行人已履行全部债务（M-EXIT-BAN）');
    await expectDocuments(s, caseId, ['exit-ban-decision', 'exit-ban-assistance', 'exit-ban-lift']);
    await assertMoneyReconciles(s);
  });

  it('publishes a reward notice once approved and deposited, deducts a confirmed lead’s reward from the applicant’s share, and refunds the deposit', async () => {
    const s = await open({ script: script(802) });
    const caseId = await coercing(s, 802);
    const applicantId = (await s.load(caseId)).applicants[0]?.partyId ?? '';
    // Proposed by the team lead: he may not decide what he asked for; another team lead of the court does.
    await applyForReward(s.runtime.deps)(TEAM_LEAD, {
      caseId,
      applicantId,
      method: 'share',
      shareBasisPoints: 1_000,
      capFen: 100_000,
    });
    expect(await decideMeasure(s, caseId, 'reward-notice', 'li-qiang')).toMatchObject({ ok: false, status: 403 });
    expect(await decideMeasure(s, caseId, 'reward-notice', 'chen-jing')).toMatchObject({ ok: true });
    expect((await s.load(caseId)).measures?.reward?.status).toBe('approved');
    // Not above the cap; then the whole cap is deposited and the notice is published.
    await expect(
      recordRewardDeposit(s.runtime.deps)(OFFICER, { caseId, amountFen: 100_001, reference: 'DEP-1' }),
    ).rejects.toThrow(/不得超过/);
    await recordRewardDeposit(s.runtime.deps)(OFFICER, { caseId, amountFen: 100_000, reference: 'DEP-1' });
    expect((await s.load(caseId)).measures?.reward?.status).toBe('published');
    const { leadId } = await recordLead(s.runtime.deps)(OFFICER, {
      caseId,
      informantRef: 'JB-2026-001',
      summary: '被执行人在某商场经营的门店有营业收入',
    });
    await checkLead(s.runtime.deps)(OFFICER, { caseId, leadId, outcome: 'confirmed', note: '现场核实' });
    // The lead's money came in: 5,000.00 yuan; the reward is 10% of it, 500.00 yuan, in fen.
    expect(await s.runtime.pay(caseId, 500_000, 'PAY-802')).toMatchObject({ ok: true });
    await expect(realiseLead(s.runtime.deps)(OFFICER, { caseId, leadId, amountFen: 500_001 })).rejects.toThrow(/只有/);
    await realiseLead(s.runtime.deps)(OFFICER, { caseId, leadId, amountFen: 500_000 });
    // 第二十四条: paid out, the reward (500.00 yuan) comes out of the applicant's share, once; the rest is theirs.
    const paidOut = await s.liveUntil(caseId, (c) => ledgerTotal(c, 'disbursed', rewardPayee(applicantId)) > 0, 30);
    expect(ledgerTotal(paidOut, 'disbursed', rewardPayee(applicantId))).toBe(50_000);
    expect(ledgerTotal(paidOut, 'disbursed', applicantId)).toBe(450_000);
    expect(rewardToDeductFen(paidOut)).toBe(0);
    // The deposit paid nothing (deduction was possible): all of it goes back when the notice closes.
    await closeReward(s.runtime.deps)(OFFICER, { caseId, reason: '悬赏期限届满' });
    const reward = (await s.load(caseId)).measures?.reward;
    expect(reward).toMatchObject({ status: 'closed', depositFen: 100_000, paidFen: 0, refundedFen: 100_000 });
    expect(reward?.leads[0]).toMatchObject({ status: 'rewarded', realisedFen: 500_000, rewardFen: 50_000 });
    expect(s.path(caseId, 'measure-task')).toEqual(['RouteNodeTask', 'AwaitRewardApproval', 'ApplyRewardDecision']);
    const text = await lines(s, caseId);
    expect(text).toContain(
      '依该线索执行到位5,000.00元，举报人应得悬赏金共500.00元，发放执行款时从申请执行人应得的执行款中扣减（M-REWARD 第二十四条）',
    );
    expect(text.some((l) => l.includes('举报人悬赏金（从') && l.includes('应得的执行款中扣减）'))).toBe(true);
    expect(text).toContain('悬赏结束（悬赏期限届满），退还申请执行人预交的悬赏金1,000.00元');
    await expectDocuments(s, caseId, ['reward-notice']);
    await assertMoneyReconciles(s);
  });

  it('grants judicial relief within the cap, pays it from the fund, and recovers it from the applicant’s later payout to the fen', async () => {
    const s = await open({ script: script(803) });
    const caseId = await coercing(s, 803);
    const applicantId = (await s.load(caseId)).applicants[0]?.partyId ?? '';
    await applyForRelief(s.runtime.deps)(OFFICER, {
      caseId,
      applicantId,
      hardship: '交通事故一级伤残，后续治疗费用无着',
      requestedFen: 2_000_000,
    });
    // Above what is still unpaid is refused, whoever decides.
    const tooMuch = await decideMeasure(s, caseId, 'judicial-relief', 'zhang-wei', { grantedFen: 900_000_000 });
    expect(tooMuch).toMatchObject({ ok: false, status: 400 });
    expect(await decideMeasure(s, caseId, 'judicial-relief', 'zhang-wei', { grantedFen: 1_500_000 })).toMatchObject({
      ok: true,
    });
    await recordReliefPayment(s.runtime.deps)(OFFICER, { caseId, reference: 'JZ-2026-07' });
    expect((await s.load(caseId)).measures?.relief).toMatchObject({ status: 'paid', grantedFen: 1_500_000 });
    // The respondent pays everything: the applicant's payout first repays the fund.
    expect(await s.runtime.pay(caseId, await owedToday(s, caseId), 'PAY-803')).toMatchObject({ ok: true });
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 20);
    const figures = owed(closed);
    expect(ledgerTotal(closed, 'disbursed', reliefPayee(applicantId))).toBe(1_500_000);
    expect(ledgerTotal(closed, 'disbursed', applicantId)).toBe(figures.applicantsFen - 1_500_000);
    expect(closed.closure?.way).toBe('fully-performed');
    expect(s.path(caseId, 'measure-task')).toEqual(['RouteNodeTask', 'AwaitReliefApproval', 'ApplyReliefDecision']);
    const text = await lines(s, caseId);
    expect(text.some((l) => l.includes('扣回司法救助金') && l.includes('15,000.00元'))).toBe(true);
    await assertMoneyReconciles(s);
  });

  it('refers a company respondent to bankruptcy review with the applicant’s consent; on acceptance the case stops, on the declaration it closes by termination, lifting its legal representative’s exit restriction', async () => {
    const fixture = JSON.parse(readFileSync('test/fixtures/intake/v2/loan-repayment-two-creditors.json', 'utf8'));
    fixture.id = 'event-804';
    fixture.detail.caseNumber = '（2026）冀0922执1804号';
    fixture.detail.filedAt = '2026-03-02T08:30:00+08:00';
    const s = await open({
      script: {
        respondents: { '91130900MA0FGHIJ2Y': { postal: 'ok', assets: [] } },
        cases: { '（2026）冀0922执1804号': { authorities: { bankruptcy: 'accepted' } } },
      },
    });
    const outcome = await s.runtime.intake(fixture);
    if (outcome.outcome !== 'created') throw new Error(`not created: ${JSON.stringify(outcome)}`);
    const caseId = outcome.caseId;
    await s.liveUntil(caseId, (c) => c.status === 'coercing' && c.coercion?.watchUntil !== undefined, 60);
    const state = await s.load(caseId);
    const respondentId = state.respondents[0]?.partyId ?? '';
    const applicantId = state.applicants[0]?.partyId ?? '';
    // The company's legal representative is restricted of the court's own motion (the company itself cannot be).
    await proposeExitBan(s.runtime.deps)(OFFICER, {
      caseId,
      respondentId,
      origin: 'own-motion',
      roles: ['legal-representative'],
      reason: '法定代表人拟出境，可能逃避执行',
    });
    expect(await decideMeasure(s, caseId, 'exit-ban', 'zhang-wei')).toMatchObject({ ok: true });
    await s.until(caseId, (c) => (c.measures?.exitBan?.restricted.length ?? 0) > 0, 5);
    await proposeReferral(s.runtime.deps)(OFFICER, {
      caseId,
      respondentId,
      consentBy: 'applicant',
      consentPartyId: applicantId,
      insolvency: '网络查控未发现可供执行财产，被执行人已停止经营，明显缺乏清偿能力',
      toCourt: { code: 'HB09', name: '沧州市中级人民法院' },
    });
    // 第5条: the collegial panel reviews the proposal first; the president has nothing to sign yet.
    await s.runtime.runUntilIdle();
    const review = (await s.pending(caseId)).find((a) => a.step === 'bankruptcy-panel');
    expect(review?.requiredRole).toBe('panel-member');
    expect((await s.pending(caseId)).some((a) => a.step === 'bankruptcy-referral')).toBe(false);
    const [first, second] = review ? panelVoters(s.runtime, review) : [];
    const vote = (userId: string | undefined) =>
      s.runtime.decide({ approvalId: review?.approvalId ?? '', decision: 'approved', userId: userId ?? '' });
    // One member's vote is not the panel's: nothing is decided, and still nothing for the president.
    expect(await vote(first)).toMatchObject({ ok: true, panel: { votes: 1, needed: 2 } });
    expect((await s.load(caseId)).measures?.bankruptcy?.status).toBe('proposed');
    expect((await s.pending(caseId)).some((a) => a.step === 'bankruptcy-referral')).toBe(false);
    // The second member agreeing is the majority (2 of 3): the president is asked to sign.
    expect(await vote(second)).toMatchObject({ ok: true, panel: { votes: 2, needed: 2, decided: true } });
    await s.runtime.runUntilIdle();
    expect((await s.load(caseId)).measures?.bankruptcy?.status).toBe('panel-approved');
    expect(await decideMeasure(s, caseId, 'bankruptcy-referral', 'song-jian')).toMatchObject({ ok: true });
    const accepted = await s.until(caseId, (c) => c.measures?.bankruptcy?.status === 'accepted', 40);
    expect(accepted.nodes['bankruptcy-acceptance']?.status).toBe('met');
    await recordBankruptcyDeclared(s.runtime.deps)(OFFICER, { caseId });
    await requestClosure(s.runtime.deps)(OFFICER, {
      caseId,
      way: 'termination',
      ground: 'respondent-bankrupt',
      reason: '被执行人被宣告破产',
    });
    await s.liveUntil(caseId, (c) => c.status === 'closed', 20);
    // Closed other than by 终本: the restriction is lifted with the closure and the lifting notified.
    const closed = await s.until(caseId, (c) => (c.measures?.exitBan?.released.length ?? 0) > 0, 5);
    expect(closed.closure).toMatchObject({ way: 'termination', ground: 'respondent-bankrupt' });
    expect(closed.measures?.exitBan).toMatchObject({
      status: 'lifted',
      liftReason: 'case-closed',
      released: [`${respondentId}#legal-representative`],
    });
    expect(s.path(caseId, 'measure-task')).toEqual([
      'RouteNodeTask',
      'AwaitExitBanApproval',
      'ApplyExitBanDecision',
      'RouteNodeTask',
      'AwaitReferralPanelApproval',
      'ApplyReferralPanelDecision',
      'RouteNodeTask',
      'AwaitReferralApproval',
      'ApplyReferralDecision',
    ]);
    const types = (await events(s, caseId)).map((e) => e.type);
    // 第5条: two panel votes, the panel's agreement, then the president's signature.
    expect(types.filter((t) => t === 'approval-voted')).toHaveLength(2);
    expect(types.indexOf('bankruptcy-panel-decided')).toBeLessThan(types.indexOf('bankruptcy-decided'));
    expect(types.indexOf('bankruptcy-referred')).toBeLessThan(types.indexOf('bankruptcy-answered'));
    const text = await lines(s, caseId);
    expect(text).toContain('合议庭评议，多数同意移送破产审查，报院长签署移送决定（M-BANKRUPTCY 第5条，E8-PANEL）');
    expect(text.some((l) => l.startsWith('受移送法院裁定受理破产申请'))).toBe(true);
    await expectDocuments(s, caseId, ['bankruptcy-referral-decision', 'exit-ban-decision', 'exit-ban-lift']);
    await assertMoneyReconciles(s);
  });

  it('a referral stops the auction running (第8条) and, not accepted, the disposal starts again (第18条)', async () => {
    const fixture = JSON.parse(readFileSync('test/fixtures/intake/v2/loan-repayment-two-creditors.json', 'utf8'));
    fixture.id = 'event-805';
    fixture.detail.caseNumber = '（2026）冀0922执1805号';
    fixture.detail.filedAt = '2026-03-02T08:30:00+08:00';
    const flat = {
      channel: 'real-estate-registry',
      class: 'real-estate' as const,
      reference: '冀(2024)青县不动产权第0805号',
      valueFen: 90_000_000,
    };
    const s = await open({
      script: {
        respondents: { '91130900MA0FGHIJ2Y': { postal: 'ok', assets: [flat] } },
        cases: {
          '（2026）冀0922执1805号': {
            authorities: { bankruptcy: 'not-accepted' },
            disposal: { auctions: ['failed', 'sold'] },
          },
        },
      },
    });
    const outcome = await s.runtime.intake(fixture);
    if (outcome.outcome !== 'created') throw new Error(`not created: ${JSON.stringify(outcome)}`);
    const caseId = outcome.caseId;
    // The company's flat is sealed and put to auction: the disposal phase is running.
    const auctioning = await s.liveUntil(
      caseId,
      (c) => c.status === 'disposing' && Object.values(c.disposal?.lots ?? {}).some((l) => l.rounds.length > 0),
      120,
    );
    const disposalRun = auctioning.phaseRuns.disposal ?? 0;
    expect(disposalRun).toBeGreaterThan(0);
    const respondentId = auctioning.respondents[0]?.partyId ?? '';
    // Every request to the outside world, as the gateway sends it.
    const gateway = s.runtime.deps.partners;
    const send = gateway.send.bind(gateway);
    const sent: { kind: string; requestId: string }[] = [];
    gateway.send = async (request) => {
      sent.push({ kind: request.kind, requestId: request.requestId });
      await send(request);
    };
    await proposeReferral(s.runtime.deps)(OFFICER, {
      caseId,
      respondentId,
      consentBy: 'respondent',
      consentPartyId: respondentId,
      insolvency: '被执行人资产不足以清偿全部债务，另有多起执行案件',
      toCourt: { code: 'HB09', name: '沧州市中级人民法院' },
    });
    expect(await decideMeasure(s, caseId, 'bankruptcy-panel', 'tang-jie')).toMatchObject({ ok: true });
    expect(await decideMeasure(s, caseId, 'bankruptcy-referral', 'song-jian')).toMatchObject({ ok: true });
    const referred = await s.load(caseId);
    // 第8条: the disposal run (and any other running) is stopped from the referral decision.
    expect(referred.measures?.bankruptcy?.interrupted?.disposal).toBe(disposalRun);
    expect(referred.interrupted?.disposal).toBe(disposalRun);
    // 撤回拍卖: the round on the platform is withdrawn there, once, and the platform confirms it.
    const onPlatform = Object.values(auctioning.disposal?.lots ?? {}).find((l) => l.status === 'announced');
    const round = onPlatform?.rounds.at(-1);
    expect(round?.outcome).toBeUndefined();
    const withdrawals = () => sent.filter((r) => r.kind === 'auction-withdrawal');
    expect(withdrawals()).toHaveLength(1);
    const withdrawn = await s.until(
      caseId,
      (c) =>
        c.disposal?.lots[onPlatform?.assetId ?? '']?.rounds.find((r) => r.round === round?.round)?.withdrawal
          ?.answer !== undefined,
      10,
    );
    expect(
      withdrawn.disposal?.lots[onPlatform?.assetId ?? '']?.rounds.find((r) => r.round === round?.round),
    ).toMatchObject({
      annulled: true,
      withdrawal: { requestId: withdrawals()[0]?.requestId, answer: 'withdrawn' },
    });
    const before = (await events(s, caseId)).length;
    const answered = await s.until(caseId, (c) => c.measures?.bankruptcy?.answeredAt !== undefined, 40);
    // While the referral was pending nothing of the auction went on: no sale, no new round, no payment.
    const meanwhile = (await events(s, caseId)).slice(before).map((e) => e.type);
    expect(meanwhile).not.toContain('sale-confirmed');
    expect(meanwhile).not.toContain('auction-announced');
    // 第18条: not accepted, enforcement resumes: the disposal starts again as a new run.
    expect(answered.measures?.bankruptcy).toMatchObject({
      status: 'not-accepted',
      resumedAs: `${caseId}-disposal-${disposalRun + 1}`,
    });
    await s.runtime.runUntilIdle();
    expect((await s.load(caseId)).phaseRuns.disposal).toBe(disposalRun + 1);
    // The stopped run, woken by the platform's answer, records nothing and ends (PhaseEnded).
    await s.live(caseId, 45);
    const stopped = s.events
      .filter((e) => e.type === 'state-entered' && e.execution === `${caseId}-disposal-${disposalRun}`)
      .map((e) => (e as { state: string }).state);
    expect(stopped.at(-1)).toBe('PhaseEnded');
    const text = await lines(s, caseId);
    expect(
      text.some((l) => l.includes('中止对该被执行人的执行') && l.includes('正在进行的财产处置、强制措施停止')),
    ).toBe(true);
    expect(text.some((l) => l.startsWith('受移送法院裁定不予受理') && l.includes('重新启动财产处置阶段'))).toBe(true);
    expect(text.some((l) => l.startsWith('向网络司法拍卖平台发出撤回拍卖请求') && l.includes('移送破产审查'))).toBe(
      true,
    );
    expect(text.some((l) => l.startsWith('拍卖平台已撤回'))).toBe(true);
    // Sent once, whatever ran after (the answer, the resumed disposal, the sweeps).
    expect(withdrawals()).toHaveLength(1);
    await assertMoneyReconciles(s);
  });
});
