/**
 * E8-PANEL for the runtime's own drivers (the demo, the scenarios, the benches): a panel step is decided by a
 * majority of the collegial panel, each member voting in their own name. `decideWithPanel` gives the first vote as
 * asked, then has the court's other panel members (never the requester) vote the same way until the panel decides.
 */
import type { Approval } from '#ports/approval-store.ts';
import type { EmbeddedRuntime } from './runtime.ts';

type DecideCommand = Parameters<EmbeddedRuntime['decide']>[0];
type DecideResult = Awaited<ReturnType<EmbeddedRuntime['decide']>> & {
  readonly panel?: { readonly votes: number; readonly needed: number; readonly decided?: boolean };
};

/** The court's active panel members who may vote on `approval`, `first` first. */
export function panelVoters(runtime: EmbeddedRuntime, approval: Approval, first?: string): string[] {
  const members = runtime.staff.document.staff
    .filter(
      (m) =>
        m.active && m.court === approval.court && m.roles.includes('panel-member') && m.userId !== approval.requester,
    )
    .map((m) => m.userId);
  return first ? [first, ...members.filter((m) => m !== first)] : members;
}

export async function decideWithPanel(
  runtime: EmbeddedRuntime,
  approval: Approval,
  command: DecideCommand,
): Promise<DecideResult> {
  if (approval.requiredRole !== 'panel-member') return runtime.decide(command);
  // Members who voted already (an earlier call) are not asked again.
  const voted = new Set(
    ((await runtime.cases.load(approval.caseId))?.approvals[approval.approvalId]?.votes ?? []).map((v) => v.by),
  );
  let result: DecideResult | undefined;
  for (const userId of panelVoters(runtime, approval, command.userId).filter((m) => !voted.has(m))) {
    result = await runtime.decide({ ...command, userId });
    if (!result.ok || !result.panel || result.panel.decided) return result;
  }
  return result ?? runtime.decide(command);
}
