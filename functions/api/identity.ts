/**
 * The caller, from the claims the identity provider vouched for: on AWS the Cognito user pool authorizer's
 * claims (API Gateway puts them in the request context; a client cannot forge them), locally the same claims
 * built by the local identity provider after it verified its own token. Roles are the user's groups; the court
 * is the `custom:court` attribute. Nothing here is read from a request body.
 */
import { type Identity, isRole, type Role } from '#domain/staff/roles.ts';

export type Claims = Readonly<Record<string, unknown>>;

/** `cognito:groups` arrives as an array, a comma-separated string, or API Gateway's `[a b]` rendering of one. */
export function parseGroups(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[,\s]+/)
    .filter(Boolean);
}

export function identityFromClaims(claims: Claims | undefined): Identity | undefined {
  if (!claims) return undefined;
  const userId = claims['cognito:username'] ?? claims.username ?? claims.sub;
  const court = claims['custom:court'];
  if (typeof userId !== 'string' || !userId || typeof court !== 'string' || !court) return undefined;
  const roles = parseGroups(claims['cognito:groups']).filter(isRole) as Role[];
  return { userId, roles, court };
}

/** The claims the local identity provider hands on, in the shape the Cognito authorizer gives them. */
export function claimsOf(identity: Identity): Record<string, string> {
  return {
    sub: identity.userId,
    'cognito:username': identity.userId,
    'cognito:groups': identity.roles.join(','),
    'custom:court': identity.court,
  };
}
