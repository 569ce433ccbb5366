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
  /** Why the case went to a team of another kind: this court has none of the kind its track calls for. */
  readonly note?: string;
}

/** Where a case goes when the court has no team of its track's kind: the kinds tried next, in order. */
const FALLBACK: Record<TeamKind, readonly TeamKind[]> = {
  'fast-track': ['implementation', 'resumption'],
  resumption: ['implementation', 'fast-track'],
  implementation: ['fast-track', 'resumption'],
  'command-center': [],
  'appraisal-auction': [],
};

const TEAM_KIND_LABELS: Partial<Record<TeamKind, string>> = {
  'fast-track': '简案快执团队',
  resumption: '执行恢复团队',
  implementation: '首执实施团队',
};

/** `load` is the number of open cases per handling officer. */
export function assign(
  track: Track,
  court: string,
  teams: readonly Team[],
  staff: readonly StaffMember[],
  load: Readonly<Record<string, number>>,
): Assignment {
  const wanted = TEAM_FOR_TRACK[track];
  // A court without a team of the wanted kind (a small court has no fast-track team) routes to one it has.
  const kinds = [wanted, ...(FALLBACK[wanted] ?? [])];
  const officersOf = (teamId: string) =>
    staff.filter((m) => m.active && m.team === teamId && m.court === court && m.roles.includes('handling-officer'));
  const loadOf = (userId: string) => load[userId] ?? 0;
  const staffed = (kind: TeamKind) =>
    teams
      .filter((t) => t.kind === kind && t.court === court)
      .map((team) => ({ team, officers: officersOf(team.teamId) }))
      .filter((c) => c.officers.length > 0);
  const kind = kinds.find((k) => staffed(k).length > 0);
  if (kind === undefined) throw new NoTeamError(wanted, court);
  const candidates = staffed(kind);
  const teamLoad = (c: (typeof candidates)[number]) =>
    c.officers.reduce((t, o) => t + loadOf(o.userId), 0) / c.officers.length;
  const chosen = candidates.reduce((best, c) => (teamLoad(c) < teamLoad(best) ? c : best));
  const officer = chosen.officers.reduce((best, o) => (loadOf(o.userId) < loadOf(best.userId) ? o : best));
  const note =
    kind === wanted
      ? undefined
      : `本院未设${TEAM_KIND_LABELS[wanted] ?? wanted}（或无在岗承办人），分至${TEAM_KIND_LABELS[kind] ?? kind}办理`;
  return { team: chosen.team.teamId, officer: officer.userId, ...(note ? { note } : {}) };
}
