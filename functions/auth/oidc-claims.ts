/**
 * Staff sign-in through the court's own OpenID Connect provider: what a verified token's claims make of the caller.
 * The token itself is verified elsewhere (the embedded runtime with the provider's JWKS, local/api/oidc.ts; on AWS
 * China by the API Gateway JWT authorizer, which checks signature, issuer, audience and expiry before the function
 * runs). Here: the claim naming the user (`preferred_username` unless configured) must name an active member of the
 * staff directory; roles and court come from the directory, never from the token. An approving role counts only
 * when the token says a second factor was used (`amr` holding `mfa`, `otp`, `hwk` or `swk`, RFC 8176 section 2);
 * otherwise those roles are withheld, as the Cognito trigger does on AWS global, and a user left with no role is
 * refused. Pure: no I/O.
 */
import type { Identity, Role } from '#domain/staff/roles.ts';

/** RFC 8176 authentication method references that prove a second factor. */
export const SECOND_FACTOR_AMR: ReadonlySet<string> = new Set(['mfa', 'otp', 'hwk', 'swk']);

/** The claim holding the staff directory's user id, unless configured otherwise. */
export const DEFAULT_USER_CLAIM = 'preferred_username';

export interface DirectoryMember {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly court: string;
  readonly active: boolean;
}

export interface OidcClaimsPolicy {
  readonly staff: readonly DirectoryMember[];
  /** Roles that need a second factor in the token (approvingRoles of the rule table). */
  readonly approving: ReadonlySet<string>;
  readonly userClaim?: string;
}

/**
 * `amr` as the token carries it (an array), or as API Gateway renders an array claim in the request context
 * (`[pwd mfa]`), or comma-separated.
 */
export function amrValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[,\s]+/)
    .filter(Boolean);
}

export function provesSecondFactor(amr: unknown): boolean {
  return amrValues(amr).some((method) => SECOND_FACTOR_AMR.has(method));
}

export function identityFromOidcClaims(
  claims: Readonly<Record<string, unknown>> | undefined,
  policy: OidcClaimsPolicy,
): Identity | undefined {
  if (!claims) return undefined;
  const userId = claims[policy.userClaim ?? DEFAULT_USER_CLAIM];
  if (typeof userId !== 'string' || !userId) return undefined;
  const member = policy.staff.find((m) => m.userId === userId);
  if (!member?.active) return undefined;
  const roles = provesSecondFactor(claims.amr)
    ? [...member.roles]
    : member.roles.filter((r) => !policy.approving.has(r));
  if (roles.length === 0) return undefined;
  return { userId: member.userId, roles, court: member.court };
}
