/** Approvals through task tokens: who may decide, timeouts that escalate, late and repeated decisions. */
import { describe, expect, it } from 'vitest';
import { DAY, filingEvent, respondentWith, scenarios } from '../support/runtime.ts';

const DEPOSIT = { channel: 'icbc', class: 'deposit' as const, reference: '6222 **** 0001', balanceFen: 8_000_000 };
const open = scenarios();

async function awaitingControlApproval(n: number) {
  const s = await open({ script: respondentWith({ eService: 'ok', assets: [DEPOSIT] }) });
  const outcome = await s.runtime.intake(filingEvent(n));
  if (outcome.outcome !== 'created') throw new Error('not created');
  const [approval] = await s.untilPending(outcome.caseId);
  if (!approval) throw new Error('no approval');
  return { s, caseId: outcome.caseId, approval };
}

describe('who may decide', () => {
  it('refuses, and changes nothing for: the wrong role, another court, the requester, an unknown user', async () => {
    const { s, caseId, approval } = await awaitingControlApproval(20);
    const before = (await s.runtime.cases.history(caseId)).length;
    const attempts = await Promise.all([
      s.runtime.decide({ approvalId: approval.approvalId, decision: 'approved', userId: 'ma-chao' }),
      s.runtime.decide({ approvalId: approval.approvalId, decision: 'approved', userId: 'qian-lei' }),
      s.runtime.decide({ approvalId: approval.approvalId, decision: 'approved', userId: 'nobody' }),
    ]);
    // Another court's decider (qian-lei) is told what a missing approval would tell: 404, nothing about the court.
    expect(attempts.map((a) => (a as { status: number }).status)).toEqual([403, 404, 401]);
    expect((await s.runtime.cases.history(caseId)).length).toBe(before);
    expect((await s.pending(caseId)).map((a) => a.approvalId)).toEqual([approval.approvalId]);
    expect(approval.requester).toBe('wang-fang');
  });

  it('applies exactly one of several concurrent decisions; the others conflict', async () => {
    const { s, caseId, approval } = await awaitingControlApproval(21);
    const results = await Promise.all(
      ['li-qiang', 'li-qiang', 'li-qiang', 'li-qiang', 'li-qiang'].map((userId) =>
        s.runtime.decide({ approvalId: approval.approvalId, decision: 'approved', userId }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r as { status: number }).status)).toEqual([409, 409, 409, 409]);
    const decided = (await s.runtime.cases.history(caseId))
      .flatMap((c) => c.events)
      .filter((e) => e.type === 'approval-decided');
    expect(decided).toHaveLength(1);
    expect(s.path(caseId, 'investigation').filter((state) => state === 'ApplyControlDecision')).toHaveLength(1);
  });
});

describe('an approval not decided in time', () => {
  it('escalates to the bureau chief, who decides; the team lead is then too late', async () => {
    const { s, caseId, approval } = await awaitingControlApproval(22);
    await s.runtime.advance(6 * DAY);
    const [escalated] = await s.pending(caseId);
    expect(escalated).toMatchObject({ step: 'control-plan', level: 1, requiredRole: 'bureau-chief' });
    expect(s.alerts.map((a) => a.message).join('\n')).toMatch(/逾期未决，已报执行局局长/);
    const late = await s.runtime.decide({ approvalId: approval.approvalId, decision: 'approved', userId: 'li-qiang' });
    expect(late).toMatchObject({ ok: false, status: 410 });
    const decided = await s.runtime.decide({
      approvalId: escalated?.approvalId ?? '',
      decision: 'approved',
      userId: 'zhang-wei',
    });
    expect(decided).toMatchObject({ ok: true });
    expect(s.path(caseId, 'investigation')).toEqual(
      expect.arrayContaining([
        'EscalateControlApproval',
        'CanControlEscalate',
        'CarryControlEscalation',
        'ApplyControlDecision',
      ]),
    );
    expect((await s.load(caseId)).status).toBe('controlling');
  });

  it('parks the case in needs attention when nobody above is left to decide', async () => {
    const { s, caseId } = await awaitingControlApproval(23);
    await s.runtime.advance(20 * DAY);
    const path = s.path(caseId, 'investigation');
    expect(path.slice(-4)).toEqual(['CanControlEscalate', 'ControlNotDecided', 'RecordNeedsAttention', 'Failed']);
    expect(path.filter((state) => state === 'EscalateControlApproval')).toHaveLength(3);
    const state = await s.load(caseId);
    expect(state.status).toBe('needs-attention');
    expect(Object.values(state.approvals).map((a) => [a.requiredRole, a.status])).toEqual([
      ['team-lead', 'timed-out'],
      ['bureau-chief', 'timed-out'],
      ['president', 'timed-out'],
    ]);
  });
});

describe('task tokens stay secret', () => {
  it('never appear in logs, decision results, approvals, the case or its journal', async () => {
    const { s, caseId, approval } = await awaitingControlApproval(24);
    const execution = await s.runtime.runtimeStore.getExecution(approval.execution);
    const token = execution?.waiting?.kind === 'token' ? execution.waiting.token : '';
    expect(token.length).toBeGreaterThan(32);
    const result = await s.runtime.decide({
      approvalId: approval.approvalId,
      decision: 'approved',
      userId: 'li-qiang',
    });
    await s.runtime.advance(5 * DAY);
    const everything = JSON.stringify([
      s.logs,
      result,
      await s.runtime.deps.approvals.get(approval.approvalId),
      await s.runtime.deps.approvals.listPending({ court: 'HB0922' }),
      await s.load(caseId),
      await s.runtime.cases.history(caseId),
      s.alerts,
    ]);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.slice(0, 24));
  });
});
