/**
 * G1: the ways staff close a case other than performance and 终本 (termination, withdrawal, non-enforcement,
 * rejection), each on a ground of the rule table with its legal source, checked against what the case shows.
 */
import type { ClosureProblem, ClosureWay, EnforcementCase } from '../case/model.ts';
import { accountBalance } from '../case/reducer.ts';
import { type Fen, formatYuan } from '../money.ts';
import type { Rules } from '../rules/table.ts';

export type StaffWay = Exclude<ClosureWay, 'fully-performed' | 'final-round-closure'>;
export const STAFF_WAYS: readonly StaffWay[] = ['termination', 'withdrawal', 'non-enforcement', 'rejection'];

export const CLOSURE_WAY_LABELS: Record<ClosureWay, string> = {
  'fully-performed': '执行完毕',
  'final-round-closure': '终结本次执行程序',
  termination: '终结执行',
  withdrawal: '销案',
  'non-enforcement': '不予执行',
  rejection: '驳回申请',
};

export interface Ground {
  readonly id: string;
  readonly zh: string;
  readonly source: string;
  readonly requires?: 'person-respondent' | 'organisation-respondent' | 'award-or-notarised-basis';
}

export function isStaffWay(way: string): way is StaffWay {
  return (STAFF_WAYS as readonly string[]).includes(way);
}

export function groundsOf(way: StaffWay, rules: Rules): readonly Ground[] {
  return rules.G1.grounds[way];
}

export function groundOf(way: StaffWay, groundId: string | undefined, rules: Rules): Ground | undefined {
  return groundsOf(way, rules).find((g) => g.id === groundId);
}

/** Why the case cannot be closed this way on this ground; none means the closure may go to its approval. */
export function closureProblems(
  state: EnforcementCase,
  way: StaffWay,
  groundId: string | undefined,
  rules: Rules,
): ClosureProblem[] {
  const problems: ClosureProblem[] = [];
  const add = (ruleId: string, code: string, message: string) => problems.push({ ruleId, code, message });
  const ground = groundOf(way, groundId, rules);
  if (!ground) {
    add(
      'G1',
      'ground',
      `${CLOSURE_WAY_LABELS[way]}须依据以下事由之一：${groundsOf(way, rules)
        .map((g) => `${g.id}（${g.zh}）`)
        .join('；')}（G1）`,
    );
  } else if (ground.requires === 'person-respondent' && !state.respondents.some((r) => r.kind === 'person')) {
    add('G1', 'ground-person', `事由“${ground.zh}”只适用于公民作为被执行人的案件（G1）`);
  } else if (
    ground.requires === 'organisation-respondent' &&
    !state.respondents.some((r) => r.kind === 'organisation')
  ) {
    add('G1', 'ground-organisation', `事由“${ground.zh}”只适用于法人或其他组织作为被执行人的案件（G1）`);
  } else if (
    ground.requires === 'award-or-notarised-basis' &&
    state.basis.kind !== 'arbitration-award' &&
    state.basis.kind !== 'notarised-debt'
  ) {
    add('G1', 'ground-basis', '不予执行只适用于仲裁裁决或公证债权文书（G1）');
  }
  const balance = accountBalance(state);
  if (balance > 0) add('F2', 'account', `案款账户尚有${formatYuan(balance as Fen)}，须先发放或退还（F1、F2）`);
  return problems;
}
