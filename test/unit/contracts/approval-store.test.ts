/** The approval store's contract, on both adapters: one decider wins, the token never leaves, pending lists page. */
import { describe, expect, it } from 'vitest';
import { ApprovalNotPendingError } from '#ports/approval-store.ts';
import { InvalidCursorError } from '#ports/case-repository.ts';
import { approvedBy, pendingApproval } from '../../support/approvals.ts';
import { BACKENDS } from './stores.ts';

const TOKEN = 'secret-task-token';

describe.each(BACKENDS)('the approval store on $name', (backend) => {
  it('registers a pending approval; nothing that reads it returns the token', async () => {
    const { approvals } = await backend.open();
    await approvals.register(pendingApproval('a1'), TOKEN);
    const got = await approvals.get('a1');
    expect(got).toEqual(pendingApproval('a1'));
    expect(JSON.stringify(await approvals.listPending({ court: 'HB0922' }))).not.toContain(TOKEN);
    expect(await approvals.get('missing')).toBeUndefined();
  });

  it('of concurrent deciders exactly one gets the token; the others are refused with the status', async () => {
    const { approvals } = await backend.open();
    await approvals.register(pendingApproval('a2'), TOKEN);
    const results = await Promise.allSettled(
      ['u1', 'u2', 'u3'].map((u) => approvals.claimForDecision('a2', approvedBy(u))),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect((won[0] as PromiseFulfilledResult<{ token: string }>).value.token).toBe(TOKEN);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ApprovalNotPendingError);
    expect((await approvals.get('a2'))?.status).toBe('approved');
    expect(await approvals.listPending({ court: 'HB0922' })).toEqual([]);
    await expect(approvals.claimForDecision('missing', approvedBy('u1'))).rejects.toMatchObject({ status: 'missing' });
  });

  it('an assignee holds the task: only they can decide; releasing a claim reopens it', async () => {
    const { approvals } = await backend.open();
    await approvals.register(pendingApproval('a3'), TOKEN);
    await approvals.setAssignee('a3', 'u1');
    await expect(approvals.claimForDecision('a3', approvedBy('u2'))).rejects.toMatchObject({
      status: 'pending',
      assignee: 'u1',
    });
    await approvals.claimForDecision('a3', approvedBy('u1'));
    await approvals.releaseClaim('a3', 'u1');
    const reopened = await approvals.get('a3');
    expect(reopened).toMatchObject({ status: 'pending', assignee: 'u1' });
    expect(reopened?.decidedBy).toBeUndefined();
    expect((await approvals.listPending({ court: 'HB0922' })).map((a) => a.approvalId)).toEqual(['a3']);
    await approvals.setAssignee('a3', undefined);
    expect((await approvals.get('a3'))?.assignee).toBeUndefined();
  });

  it('times out a pending approval, or a claimed one never delivered; not a delivered one; a re-register does not reopen', async () => {
    const { approvals } = await backend.open();
    await approvals.register(pendingApproval('a4'), TOKEN);
    expect(await approvals.markTimedOut('a4', '2026-03-11T00:00:00.000Z')).toBe(true);
    expect(await approvals.markTimedOut('a4', '2026-03-11T00:00:00.000Z')).toBe(false);
    await approvals.register(pendingApproval('a4'), 'another');
    expect((await approvals.get('a4'))?.status).toBe('timed-out');

    await approvals.register(pendingApproval('a5'), TOKEN);
    await approvals.claimForDecision('a5', approvedBy('u1'));
    expect(await approvals.markTimedOut('a5', '2026-03-11T00:00:00.000Z')).toBe(true);

    await approvals.register(pendingApproval('a6'), TOKEN);
    await approvals.claimForDecision('a6', approvedBy('u1'));
    await approvals.clearToken('a6');
    expect(await approvals.markTimedOut('a6', '2026-03-11T00:00:00.000Z')).toBe(false);
    await approvals.markLate('a6', '2026-03-12T00:00:00.000Z');
    expect(await approvals.get('a6')).toMatchObject({ status: 'timed-out', lateDecisionBy: 'u1' });
  });

  it('lists a role’s pending approvals longest waiting first, page by page; a forged cursor is refused', async () => {
    const { approvals } = await backend.open();
    for (let n = 1; n <= 5; n++)
      await approvals.register(
        pendingApproval(`r${n}`, {
          createdAt: `2026-03-0${6 - n}T00:00:00.000Z`,
          requiredRole: n === 3 ? 'bureau-chief' : 'team-lead',
        }),
        TOKEN,
      );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await approvals.listPendingByRole({
        court: 'HB0922',
        role: 'team-lead',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((a) => a.approvalId));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual(['r5', 'r4', 'r2', 'r1']);
    expect((await approvals.listPending({ court: 'HB0922', role: 'bureau-chief' })).map((a) => a.approvalId)).toEqual([
      'r3',
    ]);
    await expect(
      approvals.listPendingByRole({ court: 'HB0922', role: 'team-lead', limit: 2, cursor: '!!' }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });
});
