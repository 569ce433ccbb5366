/**
 * Cognito cannot require MFA for some groups only, so this pre-token-generation trigger does: the user pool's
 * MFA is OPTIONAL (TOTP), and a token carries the groups of MFA_ROLES (president, panel-member) only when
 *  - the user has a preferred MFA method set up: with MFA OPTIONAL, Cognito then challenges every password
 *    sign-in for it (device remembering, which could skip the challenge, is off), and
 *  - the token comes from a sign-in (password plus that challenge, or the managed login doing the same), not
 *    from a refresh token, an admin-set new password or a device: those prove no second factor now.
 * Otherwise the token simply lacks those roles; the user can still sign in to set up MFA (which needs a token),
 * and then signs in again. The decision is pure (`groupsFor`); the handler looks the user up.
 */
import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { MFA_ROLES } from '#domain/approvals/authority.ts';

/** Token sources that follow a completed sign-in, with the MFA challenge Cognito requires of users who set it up. */
const SIGN_INS = new Set(['TokenGeneration_Authentication', 'TokenGeneration_HostedAuth']);

export function groupsFor(
  groups: readonly string[],
  context: { readonly triggerSource: string; readonly preferredMfa: string | undefined },
): { groups: string[]; withheld: string[] } {
  const proven = SIGN_INS.has(context.triggerSource) && Boolean(context.preferredMfa);
  const withheld = proven ? [] : groups.filter((g) => (MFA_ROLES as readonly string[]).includes(g));
  return { groups: groups.filter((g) => !withheld.includes(g)), withheld };
}

export function createMfaGate(
  lookup: (userPoolId: string, userName: string) => Promise<string | undefined>,
  log: (message: string, keys: Record<string, unknown>) => void = () => undefined,
) {
  return async (event: PreTokenGenerationTriggerEvent): Promise<PreTokenGenerationTriggerEvent> => {
    const groups = event.request.groupConfiguration.groupsToOverride ?? [];
    if (!groups.some((g) => (MFA_ROLES as readonly string[]).includes(g))) return event;
    const preferredMfa = await lookup(event.userPoolId, event.userName);
    const decided = groupsFor(groups, { triggerSource: event.triggerSource, preferredMfa });
    if (decided.withheld.length === 0) return event;
    log('roles withheld without MFA', {
      userName: event.userName,
      withheld: decided.withheld,
      source: event.triggerSource,
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
