/**
 * The user pool requires MFA (TOTP) of everyone; this pre-token-generation trigger adds what Cognito cannot say:
 * a token carries an approving role (APPROVING_ROLES: every role that decides a rung of an approval step, money
 * included, and MFA_ROLES) only when
 *  - the user has TOTP set up (Cognito then challenges every password sign-in for it; device remembering, which
 *    could skip the challenge, is off),
 *  - an administrator has recorded that the enrolment was made in their presence (ENROLMENT_ATTRIBUTE, written only
 *    with AdminUpdateUserAttributes: no app client may write it), so that whoever first signs in with a temporary
 *    password cannot enrol their own authenticator and approve, and
 *  - the token comes from a sign-in (password plus that challenge, or the managed login doing the same), not from a
 *    refresh token, an admin-set new password or a device: those prove no second factor now.
 * Otherwise the token lacks those roles (the user keeps the others). The decision is pure (`groupsFor`); the
 * handler looks the user's MFA setting up. docs/inputs.md ("Sign-in on AWS") describes the administrator's enrolment.
 */
import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { decidingRoles, MFA_ROLES } from '#domain/approvals/authority.ts';
import type { Role } from '#domain/staff/roles.ts';

/** Token sources that follow a completed sign-in, with the MFA challenge Cognito requires of users who set it up. */
const SIGN_INS = new Set(['TokenGeneration_Authentication', 'TokenGeneration_HostedAuth']);

/** The roles that approve anything: every role on a rung of an approval step (money included), and MFA_ROLES. */
export const APPROVING_ROLES: readonly Role[] = [...new Set([...decidingRoles(), ...MFA_ROLES])];

/** The custom attribute (without its `custom:` prefix) an administrator sets after an enrolment in their presence. */
export const ENROLMENT_ATTRIBUTE = 'mfa_enrolled_by';

export function groupsFor(
  groups: readonly string[],
  context: {
    readonly triggerSource: string;
    readonly preferredMfa: string | undefined;
    /** Who recorded the user's TOTP enrolment (the administrator), if anyone. */
    readonly enrolledBy: string | undefined;
  },
): { groups: string[]; withheld: string[] } {
  const proven = SIGN_INS.has(context.triggerSource) && Boolean(context.preferredMfa) && Boolean(context.enrolledBy);
  const withheld = proven ? [] : groups.filter((g) => (APPROVING_ROLES as readonly string[]).includes(g));
  return { groups: groups.filter((g) => !withheld.includes(g)), withheld };
}

export function createMfaGate(
  lookup: (userPoolId: string, userName: string) => Promise<string | undefined>,
  log: (message: string, keys: Record<string, unknown>) => void = () => undefined,
) {
  return async (event: PreTokenGenerationTriggerEvent): Promise<PreTokenGenerationTriggerEvent> => {
    const groups = event.request.groupConfiguration.groupsToOverride ?? [];
    if (!groups.some((g) => (APPROVING_ROLES as readonly string[]).includes(g))) return event;
    const preferredMfa = await lookup(event.userPoolId, event.userName);
    const enrolledBy = event.request.userAttributes?.[`custom:${ENROLMENT_ATTRIBUTE}`] || undefined;
    const decided = groupsFor(groups, { triggerSource: event.triggerSource, preferredMfa, enrolledBy });
    if (decided.withheld.length === 0) return event;
    log('roles withheld without an MFA sign-in and an administrator-recorded enrolment', {
      userName: event.userName,
      withheld: decided.withheld,
      source: event.triggerSource,
      enrolmentRecorded: enrolledBy !== undefined,
    });
    event.response = {
      claimsOverrideDetails: {
        groupOverrideDetails: { ...event.request.groupConfiguration, groupsToOverride: decided.groups },
      },
    };
    return event;
  };
}

export function cognitoLookup(client: CognitoIdentityProviderClient = new CognitoIdentityProviderClient({})) {
  return async (userPoolId: string, userName: string): Promise<string | undefined> => {
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: userName }));
    return user.PreferredMfaSetting || undefined;
  };
}
