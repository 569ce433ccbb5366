/**
 * Optional second sign-in mode: trust the court's own OpenID Connect provider. A bearer token that is a JWT
 * signed by a key of the provider's JWKS, with the configured issuer and audience, unexpired, names a user
 * (`preferred_username`, or the claim configured) who must be active in the staff directory; roles and court
 * still come from the directory. An approving role counts only when the token says a second factor was used
 * (`amr` holding `mfa`, `otp`, `hwk` or `swk`, RFC 8176); otherwise those roles are withheld, as the Cognito
 * trigger does on AWS, and a user left with no role is refused.
 */
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import type { JsonStaffDirectory } from '#adapters/staff/json-directory.ts';
import { approvingRoles } from '#domain/approvals/approvers.ts';
import type { Rules } from '#domain/rules/table.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { DEFAULT_USER_CLAIM, identityFromOidcClaims } from '../../functions/auth/oidc-claims.ts';
import { isLoopback, ListenRefusedError } from './listening.ts';

export interface OidcOptions {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
  /** The claim holding the staff directory's user id. Default `preferred_username`. */
  readonly userClaim?: string;
}

const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

export class OidcVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  private readonly options: OidcOptions;
  private readonly staff: JsonStaffDirectory;
  private readonly approving: ReadonlySet<string>;

  constructor(options: OidcOptions, staff: JsonStaffDirectory, rules: Rules) {
    const url = new URL(options.jwksUrl);
    if (url.protocol !== 'https:' && !isLoopback(url.hostname))
      throw new ListenRefusedError(`--oidc-jwks 须为 HTTPS 地址：${options.jwksUrl}`);
    this.jwks = createRemoteJWKSet(url);
    this.options = options;
    this.staff = staff;
    this.approving = approvingRoles(rules);
  }

  async verify(token: string): Promise<Identity | undefined> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ALGORITHMS,
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined;
      throw error;
    }
    return identityFromOidcClaims(payload, {
      staff: this.staff.document.staff,
      approving: this.approving,
      userClaim: this.options.userClaim ?? DEFAULT_USER_CLAIM,
    });
  }
}
