/**
 * Shared setup for the 参与分配 scenarios (test/workflow and the console in test/browser): another creditor's case
 * against the same respondent, and case A run until its disbursement waits for approval.
 */
import { confirmation, DECIDERS, filingEvent, type Scenario } from './runtime.ts';

/** Case `n` of another applicant (李国强) for 25,000 yuan against the same respondent (the same party id). */
export function otherCreditorsCase(n: number) {
  const event = filingEvent(n, { claimFen: 2_500_000 });
  event.detail.applicants[0] = { ...event.detail.applicants[0], name: '李国强', idNumber: '130922198705050036' };
  return event;
}

/** Every approval on the way is given (the freeze and deduction plan), until the disbursement waits for its own. */
export async function approveUntilDisbursement(s: Scenario, caseId: string): Promise<void> {
  for (let hours = 0; hours < 30 * 24; hours += 3) {
    const pending = await s.pending(caseId);
    if (pending.some((p) => p.step === 'disbursement')) break;
    for (const approval of pending)
      await s.runtime.decide({
        approvalId: approval.approvalId,
        decision: 'approved',
        userId: DECIDERS[approval.requiredRole] ?? '',
        ...confirmation(approval),
      });
    await s.runtime.advance(3 * 3600);
  }
}
