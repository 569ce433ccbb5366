/**
 * Who approves: every role that decides a rung of an approval step (the decision table, including the money
 * levels of F2), and the roles that must prove a second factor on any provider (MFA_ROLES). Sign-in requires a
 * second factor of each of them; derived from the tables, so a role added to a ladder is covered at once.
 */
import type { Rules } from '../rules/table.ts';
import type { Role } from '../staff/roles.ts';
import { MFA_ROLES } from './authority.ts';
import { decisionRows } from './policy.ts';

export function approvingRoles(rules: Rules): ReadonlySet<Role> {
  return new Set<Role>([
    ...decisionRows().map((row) => row.role),
    ...rules.P_DISBURSEMENT_LEVELS.levels.map((level) => level.role),
    ...MFA_ROLES,
  ]);
}

/** Whether a user with these roles must sign in with a second factor. */
export function needsSecondFactor(roles: readonly Role[], rules: Rules): boolean {
  const approving = approvingRoles(rules);
  return roles.some((role) => approving.has(role));
}
