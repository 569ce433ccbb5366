/** The staff directory from a JSON document (config/staff.json), validated when loaded. */
import * as z from 'zod/mini';
import '#contracts/zod-english.ts';
import { ROLES, type StaffMember, TEAM_KINDS, type Team } from '#domain/staff/roles.ts';
import type { StaffDirectory } from '#ports/staff-directory.ts';

const userId = z.string().check(z.regex(/^[a-z][a-z0-9-]{1,40}$/));
const named = z.string().check(z.minLength(1));

export const StaffDocument = z.object({
  comment: z.optional(z.string()),
  courts: z
    .array(z.object({ code: z.string().check(z.regex(/^[A-Z0-9-]{2,20}$/)), name: named }))
    .check(z.minLength(1)),
  teams: z.array(z.object({ teamId: named, name: named, kind: z.enum(TEAM_KINDS), court: z.string() })),
  staff: z.array(
    z.object({
      userId,
      name: named,
      court: z.string(),
      roles: z.array(z.enum(ROLES)).check(z.minLength(1)),
      team: z.optional(z.string()),
      active: z.boolean(),
    }),
  ),
});
export type StaffDocument = z.infer<typeof StaffDocument>;

export class JsonStaffDirectory implements StaffDirectory {
  readonly document: StaffDocument;

  constructor(raw: unknown) {
    this.document = StaffDocument.parse(raw);
    const courts = new Set(this.document.courts.map((c) => c.code));
    const teams = new Set(this.document.teams.map((t) => t.teamId));
    for (const member of this.document.staff) {
      if (!courts.has(member.court)) throw new Error(`staff ${member.userId}: unknown court ${member.court}`);
      if (member.team && !teams.has(member.team))
        throw new Error(`staff ${member.userId}: unknown team ${member.team}`);
    }
  }

  async member(userId: string): Promise<StaffMember | undefined> {
    return this.document.staff.find((m) => m.userId === userId);
  }

  async members(court: string): Promise<readonly StaffMember[]> {
    return this.document.staff.filter((m) => m.court === court);
  }

  async teams(court: string): Promise<readonly Team[]> {
    return this.document.teams.filter((t) => t.court === court);
  }

  async courts(): Promise<readonly string[]> {
    return this.document.courts.map((c) => c.code);
  }

  courtName(code: string): string {
    return this.document.courts.find((c) => c.code === code)?.name ?? code;
  }

  memberName(userId: string): string {
    return this.document.staff.find((m) => m.userId === userId)?.name ?? userId;
  }

  teamName(teamId: string): string {
    return this.document.teams.find((t) => t.teamId === teamId)?.name ?? teamId;
  }
}
