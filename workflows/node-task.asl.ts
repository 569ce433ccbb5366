/**
 * A task about a time node, opened by the node sweeper (or the approval of a measure, opened by its staff action) when nothing else on the case would: an overdue node's
 * supervision (team lead, then bureau chief: the overdue-node ladder) or a term's extension (A2: the president).
 * One short execution per task, ending at the Task that records the decision; the approval block is the same as every phase's. A task nobody decided at the
 * top of its ladder ends here, with the command center told by escalate-approval: the case itself is not parked,
 * since its other work goes on.
 */
import type { ApprovalStep } from '#domain/approvals/policy.ts';
import { approvalStates } from './approval.asl.ts';
import { choice, type Definition, equals, needsAttentionStates, succeed } from './asl.ts';

function measureApproval(name: string, step: ApprovalStep) {
  return {
    ...approvalStates({ name, step, termsPath: '$.approval', ends: true }),
    [`${name}NotDecided`]: succeed('Nobody decided in time at the top of the ladder: the command center was told'),
  };
}

export const nodeTaskDefinition: Definition = {
  Comment: 'Time-node task: supervision of an overdue node, or the extension of a term (A2)',
  StartAt: 'RouteNodeTask',
  States: {
    RouteNodeTask: choice(
      [
        equals('$.approval.step', 'term-extension', 'AwaitExtensionApproval'),
        equals('$.approval.step', 'exit-ban', 'AwaitExitBanApproval'),
        equals('$.approval.step', 'reward-notice', 'AwaitRewardApproval'),
        equals('$.approval.step', 'judicial-relief', 'AwaitReliefApproval'),
        equals('$.approval.step', 'bankruptcy-panel', 'AwaitReferralPanelApproval'),
        equals('$.approval.step', 'bankruptcy-referral', 'AwaitReferralApproval'),
      ],
      'AwaitOverdueApproval',
      'Which task the sweeper opened',
    ),
    ...approvalStates({
      name: 'Overdue',
      step: 'overdue-node',
      termsPath: '$.approval',
      nodePath: '$.node',
      ends: true,
    }),
    ...approvalStates({
      name: 'Extension',
      step: 'term-extension',
      termsPath: '$.approval',
      nodePath: '$.node',
      ends: true,
    }),
    // The measures' approvals (exit restriction, reward notice, judicial relief, bankruptcy referral): started by
    // the staff action that proposes the measure; apply-decision puts the decision's consequences on the case. The
    // referral is reviewed by the collegial panel first (ReferralPanel), then signed by the president (Referral).
    ...measureApproval('ExitBan', 'exit-ban'),
    ...measureApproval('Reward', 'reward-notice'),
    ...measureApproval('Relief', 'judicial-relief'),
    ...measureApproval('ReferralPanel', 'bankruptcy-panel'),
    ...measureApproval('Referral', 'bankruptcy-referral'),
    OverdueNotDecided: succeed('Nobody above the bureau chief: the command center was told by escalate-approval'),
    ExtensionNotDecided: succeed('The president did not decide in time: the command center was told'),
    ...needsAttentionStates(),
  },
};
