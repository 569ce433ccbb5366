/**
 * The role table: the decision ladders and what each role may do. The authorization matrix is generated from the
 * table (every role at every rung of every step) and checked against the refusal function the API uses.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  actionRefusal,
  deciderRefusal,
  decides,
  decidingRoles,
  MFA_ROLES,
  mayReadTask,
  ROLE_ACTIONS,
} from '#domain/approvals/authority.ts';
import {
  APPROVAL_STEPS,
  type ApprovalStep,
  decisionRows,
  ESCALATION_LADDER,
  ladderOf,
} from '#domain/approvals/policy.ts';
import { RULES } from '#domain/rules/table.ts';
import { type Identity, ROLES, type Role } from '#domain/staff/roles.ts';

const COURT = 'HB0922';
const as = (role: Role, userId = `user-${role}`): Identity => ({ userId, roles: [role], court: COURT });
const approval = (step: ApprovalStep, level: number) => ({
  step,
  requiredRole: ladderOf(step)[level] as Role,
  court: COURT,
  requester: 'officer-1',
});

describe('the decision table', () => {
  it('gives the control plan and disbursement the bureau escalation ladder, a fine or detention, the restriction order and listing, and a term extension to the president alone (C2, C4, C6, A2), an overdue node to the team lead then the bureau chief', () => {
    expect(ladderOf('control-plan')).toEqual(ESCALATION_LADDER);
    expect(ladderOf('disbursement')).toEqual(ESCALATION_LADDER);
    expect(ladderOf('sanction')).toEqual(['president']);
    expect(ladderOf('credit-discipline')).toEqual(['president']);
    expect(ladderOf('term-extension')).toEqual(['president']);
    expect(ladderOf('overdue-node')).toEqual(['team-lead', 'bureau-chief']);
    expect(decisionRows()).toHaveLength(
      (Object.keys(APPROVAL_STEPS) as ApprovalStep[]).reduce((n, step) => n + ladderOf(step).length, 0),
    );
    expect(ladderOf('auction-terms')).toEqual(['panel-member']);
    expect(decisionRows()).toHaveLength(24);
  });

  it('gives the bankruptcy referral to the president alone (M-BANKRUPTCY 第5条), the other measures to the working-rule ladders', () => {
    expect(ladderOf('bankruptcy-referral')).toEqual(['president']);
    // 第5条: the collegial panel reviews the referral before the president signs (E8-PANEL).
    expect(ladderOf('bankruptcy-panel')).toEqual(['panel-member']);
    expect(ladderOf('exit-ban')).toEqual(['bureau-chief', 'president']);
    expect(ladderOf('reward-notice')).toEqual(['team-lead', 'bureau-chief']);
    expect(ladderOf('judicial-relief')).toEqual(['bureau-chief', 'president']);
  });

  it('lets the officers who work a case take measures, and not the president, the command center or an auditor', () => {
    const takers = ROLES.filter((role) => ROLE_ACTIONS[role].includes('take-measures'));
    expect(takers).toEqual(['handling-officer', 'team-lead', 'bureau-chief']);
  });

  it('gives 终本 and the other ways of closing to the bureau chief, then the president (G1, G2)', () => {
    expect(ladderOf('final-closure')).toEqual(['bureau-chief', 'president']);
    expect(ladderOf('closure')).toEqual(['bureau-chief', 'president']);
  });

  it('lets the officers who work a case ask for its closure or record a settlement, and nobody else', () => {
    const closers = ROLES.filter((role) => ROLE_ACTIONS[role].includes('close-cases'));
    expect(closers).toEqual(['handling-officer', 'team-lead', 'bureau-chief']);
  });

  it('lets the bureau chief alone rule on disputes inside enforcement (参与分配, 中止执行, 暂缓执行, 执行回转)', () => {
    expect(ROLES.filter((role) => ROLE_ACTIONS[role].includes('rule-disputes'))).toEqual(['bureau-chief']);
    expect(actionRefusal(as('handling-officer'), 'rule-disputes', COURT)).toBe('not-permitted');
    expect(actionRefusal(as('bureau-chief'), 'rule-disputes', COURT)).toBeUndefined();
  });

  it('puts every disbursement approval level of the rule table on the ladder', () => {
    for (const level of RULES.P_DISBURSEMENT_LEVELS.levels) expect(ladderOf('disbursement')).toContain(level.role);
  });

  it('has read-only roles that decide nothing and may assign nothing', () => {
    expect(decidingRoles()).not.toContain('auditor');
    expect(decidingRoles()).not.toContain('command-center');
    expect(ROLE_ACTIONS.auditor).not.toContain('assign-tasks');
    for (const role of ROLES) expect(ROLE_ACTIONS[role].every((a) => ACTIONS.includes(a))).toBe(true);
    expect(MFA_ROLES).toEqual(['president', 'panel-member']);
  });
});

describe('the authorization matrix: every role at every rung of every step', () => {
  const cells = decisionRows().flatMap((row) => ROLES.map((role) => ({ ...row, role, decider: row.role })));
  it.each(cells)('$step@$level by $role', ({ step, level, role, decider }) => {
    const refusal = deciderRefusal(as(role), approval(step, level));
    expect(decides(role, step, level)).toBe(role === decider);
    expect(refusal).toBe(role === decider ? undefined : 'wrong-role');
  });
});

describe('the other checks, in order', () => {
  const controlPlan = approval('control-plan', 0);
  it('refuses an unknown caller, another court, and the requester (separation of duties)', () => {
    expect(deciderRefusal(undefined, controlPlan)).toBe('unknown-user');
    expect(deciderRefusal({ ...as('team-lead'), court: 'HL0123' }, controlPlan)).toBe('other-court');
    expect(deciderRefusal(as('team-lead', 'officer-1'), controlPlan)).toBe('own-request');
    expect(deciderRefusal(as('team-lead'), controlPlan)).toBeUndefined();
  });

  it('lets supervisors read the court’s tasks, others only those they may decide or hold', () => {
    expect(mayReadTask(as('auditor'), controlPlan)).toBe(true);
    expect(mayReadTask(as('field-officer'), controlPlan)).toBe(false);
    expect(mayReadTask(as('field-officer', 'f'), { ...controlPlan, assignee: 'f' })).toBe(true);
    expect(mayReadTask({ ...as('auditor'), court: 'HL0123' }, controlPlan)).toBe(false);
  });

  it('allows assignment to team leads and the bureau chief, in their own court', () => {
    expect(ROLES.filter((role) => actionRefusal(as(role), 'assign-tasks', COURT) === undefined)).toEqual([
      'team-lead',
      'bureau-chief',
    ]);
    expect(actionRefusal(as('team-lead'), 'assign-tasks', 'HL0123')).toBe('other-court');
  });
});
