/**
 * Triage (繁简分流) and assignment, in one place, after the seed's model: simple cases to the fast-track team
 * (简案快执), resumed cases to the resumption team (执行恢复), the rest to the implementation teams (首执实施).
 * Within the chosen kind of team, the team with the fewest open cases, then its least-loaded handling officer;
 * ties go to the first in the directory's order, so equal loads take turns.
 */
import type { EnforcementCase, Track } from '../case/model.ts';
import type { Rules } from '../rules/table.ts';
import type { StaffMember, Team, TeamKind } from '../staff/roles.ts';

export const TEAM_FOR_TRACK: Record<Track, TeamKind> = {
  simple: 'fast-track',
  resumed: 'resumption',
  complex: 'implementation',
};

export interface Classification {
  readonly track: Track;
  readonly reasons: readonly string[];
}

export function classify(state: Pick<EnforcementCase, 'kind' | 'claim' | 'respondents'>, rules: Rules): Classification {
  const policy = rules.P_TRIAGE;
  if (state.kind === 'resumed') return { track: 'resumed', reasons: ['恢复执行案件，由执行恢复团队办理'] };
  const reasons: string[] = [];
  if (state.claim.totalFen > policy.simpleMaxClaimFen) reasons.push('执行标的额超过简案标准');
  if (state.respondents.length > policy.simpleMaxRespondents) reasons.push('被执行人人数超过简案标准');
  if (state.kind === 'non-litigation') reasons.push('非诉执行案件');
  if (reasons.length > 0) return { track: 'complex', reasons };
  return { track: 'simple', reasons: ['标的额及被执行人人数在简案标准以内'] };
}

export class NoTeamError extends Error {
  constructor(kind: TeamKind, court: string) {
    super(`court ${court} has no ${kind} team with an active handling officer`);
    this.name = 'NoTeamError';
  }
}

export interface Assignment {
  readonly team: string;
  readonly officer: string;
}

/** `load` is the number of open cases per handling officer. */
export function assign(
  track: Track,
  court: string,
  teams: readonly Team[],
  staff: readonly StaffMember[],
  load: Readonly<Record<string, number>>,
): Assignment {
  const kind = TEAM_FOR_TRACK[track];
  const officersOf = (teamId: string) =>
    staff.filter((m) => m.active && m.team === teamId && m.court === court && m.roles.includes('handling-officer'));
  const loadOf = (userId: string) => load[userId] ?? 0;
  const candidates = teams
    .filter((t) => t.kind === kind && t.court === court)
    .map((team) => ({ team, officers: officersOf(team.teamId) }))
    .filter((c) => c.officers.length > 0);
  if (candidates.length === 0) throw new NoTeamError(kind, court);
  const teamLoad = (c: (typeof candidates)[number]) =>
    c.officers.reduce((t, o) => t + loadOf(o.userId), 0) / c.officers.length;
  const chosen = candidates.reduce((best, c) => (teamLoad(c) < teamLoad(best) ? c : best));
  const officer = chosen.officers.reduce((best, o) => (loadOf(o.userId) < loadOf(best.userId) ? o : best));
  return { team: chosen.team.teamId, officer: officer.userId };
}
