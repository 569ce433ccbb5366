/** The bureau's roles. Which role decides which step is data (../approvals/policy.ts), never an `if`. */
export const ROLES = [
  'field-officer',
  'handling-officer',
  'team-lead',
  'bureau-chief',
  'president',
  'panel-member',
  'command-center',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  'field-officer': '执行干警',
  'handling-officer': '承办人',
  'team-lead': '团队负责人',
  'bureau-chief': '执行局局长',
  president: '院长/副院长',
  'panel-member': '合议庭成员',
  'command-center': '指挥中心值班员',
  auditor: '审计员（只读）',
};

/** Team kinds, after the seed's "1+1+1+1+4" model. */
export const TEAM_KINDS = [
  'command-center',
  'fast-track',
  'resumption',
  'appraisal-auction',
  'implementation',
] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export interface Team {
  readonly teamId: string;
  readonly name: string;
  readonly kind: TeamKind;
  readonly court: string;
}

export interface StaffMember {
  readonly userId: string;
  readonly name: string;
  readonly court: string;
  readonly roles: readonly Role[];
  readonly team?: string | undefined;
  readonly active: boolean;
}

/**
 * Who is calling, as verified by the identity provider (Cognito on AWS, the local one on the embedded runtime):
 * roles and court come from the provider's claims or the staff directory, never from a request body.
 */
export interface Identity {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly court: string;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
