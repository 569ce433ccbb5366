/**
 * Staff and team names for API answers: people read 王芳 and 简案快执团队, not `wang-fang` and `fast-track`. One
 * read of the court's members and teams per answer; an id the directory does not know is left as it is.
 */
import type { StaffDirectory } from '#ports/staff-directory.ts';

export interface CourtNames {
  member(userId: string | undefined): string | undefined;
  team(teamId: string | undefined): string | undefined;
}

export async function courtNames(staff: StaffDirectory, court: string): Promise<CourtNames> {
  const [members, teams] = await Promise.all([staff.members(court), staff.teams(court)]);
  const people = new Map(members.map((m) => [m.userId, m.name]));
  const groups = new Map(teams.map((t) => [t.teamId, t.name]));
  return {
    member: (id) => (id === undefined ? undefined : (people.get(id) ?? id)),
    team: (id) => (id === undefined ? undefined : (groups.get(id) ?? id)),
  };
}

/** `officerName` and `teamName` beside the ids, when the item has them. */
export function named<T extends { officer?: string; team?: string }>(
  item: T,
  names: CourtNames,
): T & { officerName?: string; teamName?: string } {
  const officerName = names.member(item.officer);
  const teamName = names.team(item.team);
  return { ...item, ...(officerName ? { officerName } : {}), ...(teamName ? { teamName } : {}) };
}
