import type { StaffMember, Team } from '#domain/staff/roles.ts';

export interface StaffDirectory {
  member(userId: string): Promise<StaffMember | undefined>;
  members(court: string): Promise<readonly StaffMember[]>;
  teams(court: string): Promise<readonly Team[]>;
}
