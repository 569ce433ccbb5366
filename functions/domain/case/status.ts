/**
 * Case statuses and the only transitions allowed between them. A status change that is not in this table is a
 * programming error and is refused before anything is written.
 */
export const CASE_STATUSES = [
  'filed',
  'triaged',
  'investigating',
  'control-approval',
  'controlling',
  'disbursement-approval',
  'disbursing',
  'awaiting-coercion',
  'coercing',
  'awaiting-final-closure',
  'awaiting-disposal',
  'disposing',
  'awaiting-officer',
  'final-closure-review',
  'settling',
  'needs-attention',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Staff-facing labels. */
export const STATUS_LABELS: Record<CaseStatus, string> = {
  filed: '已立案',
  triaged: '已分案',
  investigating: '网络查控中',
  'control-approval': '控制方案待审批',
  controlling: '冻结扣划中',
  'disbursement-approval': '执行款发放待审批',
  disbursing: '执行款发放中',
  'awaiting-coercion': '待采取强制措施',
  coercing: '强制措施执行中',
  'awaiting-final-closure': '待终结本次执行程序审查',
  'awaiting-disposal': '待财产处置',
  disposing: '财产处置中',
  'awaiting-officer': '待承办人处理',
  'final-closure-review': '终结本次执行程序审查中',
  settling: '执行和解履行中',
  'needs-attention': '需人工处理',
  closed: '已结案',
};

/**
 * Statuses in which the case waits for a phase that this release does not run yet. They are named, visible,
 * and listed here so that the phase that takes them over can find them.
 */
export const HANDOVER_STATUSES: readonly CaseStatus[] = ['awaiting-final-closure', 'awaiting-officer'];

const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  filed: ['triaged'],
  triaged: ['investigating'],
  investigating: ['control-approval', 'disbursement-approval', 'awaiting-coercion'],
  'control-approval': ['controlling', 'awaiting-officer'],
  controlling: ['disbursement-approval', 'awaiting-disposal', 'awaiting-coercion'],
  'disbursement-approval': ['disbursing', 'awaiting-officer'],
  disbursing: [
    'closed',
    'awaiting-disposal',
    'awaiting-coercion',
    'disbursement-approval',
    // After a disposal: the coercion running beside it takes the case over, or it has run out.
    'coercing',
    'awaiting-final-closure',
    // A breached settlement: what came in is paid out; enforcement waits for the applicant's application.
    'awaiting-officer',
  ],
  'awaiting-coercion': ['coercing'],
  // A respondent who joined by a ruling (追加、变更) is inquired about: the case goes back to the inquiry.
  coercing: ['disbursement-approval', 'awaiting-final-closure', 'investigating'],
  'awaiting-final-closure': ['final-closure-review'],
  'awaiting-disposal': ['disposing'],
  disposing: [
    'disbursement-approval',
    'closed',
    'coercing',
    'awaiting-coercion',
    'awaiting-final-closure',
    'awaiting-officer',
  ],
  // Disposal stopped with only lots held by objections left, and goes on when they are free; money a third party
  // claimed is paid out once its objection ends; a respondent added by ruling is inquired about.
  'awaiting-officer': ['final-closure-review', 'awaiting-disposal', 'disbursement-approval', 'investigating'],
  'final-closure-review': ['closed', 'awaiting-officer'],
  settling: ['disbursement-approval', 'awaiting-coercion', 'awaiting-officer'],
  'needs-attention': [],
  closed: [],
};

/**
 * Statuses a settlement agreement (执行和解) cannot be recorded in: before the case is under way, while money is
 * being paid out, when it is parked, closed, or already settling. From every other status it can.
 */
const NOT_SETTLEABLE: readonly CaseStatus[] = [
  'filed',
  'disbursement-approval',
  'disbursing',
  'needs-attention',
  'closed',
  'settling',
];

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  if (to === 'needs-attention') return from !== 'closed' && from !== 'needs-attention';
  // G1: staff close a case in one of its ways (termination, withdrawal, ...) from wherever it is, once under way.
  if (to === 'closed') return from !== 'closed' && from !== 'filed';
  if (to === 'settling') return !NOT_SETTLEABLE.includes(from);
  return TRANSITIONS[from].includes(to);
}

export class IllegalTransitionError extends Error {
  constructor(from: CaseStatus, to: CaseStatus) {
    super(`a case cannot go from "${from}" to "${to}"`);
    this.name = 'IllegalTransitionError';
  }
}

export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}
