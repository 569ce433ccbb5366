/**
 * A task about a time node, opened by the node sweeper when nothing else on the case would: an overdue node's
 * supervision (team lead, then bureau chief: the overdue-node ladder) or a term's extension (A2: the president).
 * One short execution per task; the approval block is the same as every phase's. A task nobody decided at the
 * top of its ladder ends here, with the command center told by escalate-approval: the case itself is not parked,
 * since its other work goes on.
 */
import { approvalStates } from './approval.asl.ts';
import { choice, type Definition, equals, needsAttentionStates, succeed } from './asl.ts';

export const nodeTaskDefinition: Definition = {
  Comment: 'Time-node task: supervision of an overdue node, or the extension of a term (A2)',
  StartAt: 'RouteNodeTask',
  States: {
    RouteNodeTask: choice(
      [equals('$.approval.step', 'term-extension', 'AwaitExtensionApproval')],
      'AwaitOverdueApproval',
      'Which task the sweeper opened',
    ),
    ...approvalStates({
      name: 'Overdue',
      step: 'overdue-node',
      termsPath: '$.approval',
      nodePath: '$.node',
      onApproved: 'Done',
      onRejected: 'Done',
    }),
    ...approvalStates({
      name: 'Extension',
      step: 'term-extension',
      termsPath: '$.approval',
      nodePath: '$.node',
      onApproved: 'Done',
      onRejected: 'Done',
    }),
    OverdueNotDecided: succeed('Nobody above the bureau chief: the command center was told by escalate-approval'),
    ExtensionNotDecided: succeed('The president did not decide in time: the command center was told'),
    Done: succeed('Decided'),
    ...needsAttentionStates(),
  },
};
