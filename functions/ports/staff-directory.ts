import type { StaffMember, Team } from '#domain/staff/roles.ts';

export interface StaffDirectory {
  member(userId: string): Promise<StaffMember | undefined>;
  members(court: string): Promise<readonly StaffMember[]>;
  teams(court: string): Promise<readonly Team[]>;
  /** The codes of the courts the directory holds (the sweeper's work is per court). */
  courts(): Promise<readonly string[]>;
}
