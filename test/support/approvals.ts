/** Approvals for the approval store's tests (its contract on both adapters, the SQLite write-behind). */
import type { Approval } from '#ports/approval-store.ts';

/** A pending control-plan approval for a team lead, on case-1 of HB0922. */
export function pendingApproval(id: string, over: Partial<Approval> = {}): Approval {
  return {
    approvalId: id,
    caseId: 'case-1',
    caseNumber: '（2026）冀0922执1号',
    court: 'HB0922',
    step: 'control-plan',
    level: 1,
    requiredRole: 'team-lead',
    requester: 'officer-1',
    summary: '控制方案',
    dueAt: '2026-03-10T00:00:00.000Z',
    createdAt: '2026-03-02T00:00:00.000Z',
    execution: 'case-1-investigation-1',
    status: 'pending',
    ...over,
  };
}

/** A team lead's decision approving it, made by `by`. */
export const approvedBy = (by: string) =>
  ({ decision: 'approved', by, role: 'team-lead', at: '2026-03-03T00:00:00.000Z' }) as const;
