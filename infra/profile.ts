/**
 * The deployment profile, chosen by the target region (StageConfig.region): `global` (any AWS global region, the
 * stack environment-agnostic) or `china` (cn-north-1 Beijing, cn-northwest-1 Ningxia; partition aws-cn). The China
 * profile leaves out what the China regions lack, each difference from "Getting Started with Amazon Web Services in
 * China" (docs.amazonaws.cn/en_us/aws/latest/userguide/, see docs/deploy-aws-china.md):
 *  - lambda.html: no X-Ray integration with Lambda functions (tracing off, Powertools Tracer disabled), no Function
 *    URLs (none used anywhere), no customer-managed KMS encryption of .zip packages (none used), runtime release
 *    dates that differ (CHINA_LAMBDA_RUNTIME below);
 *  - api-gateway.html: no edge-optimized endpoints (the API is regional), no Cognito authorizer, and unauthenticated
 *    requests, Lambda authorizers and custom domains only with an ICP licence (the staff API uses a JWT authorizer);
 *  - cognito.html: no user pools (staff sign in through the court's OpenID Connect provider);
 *  - step-functions.html: no calls to HTTPS APIs (no HTTP task; a test keeps it so);
 *  - cloudfront.html: CloudFront needs an ICP-licensed domain (the console is not behind CloudFront here).
 * Constructs read the profile from the stack's construct context (profileOf), set once when the stack is created.
 */
import { CfnResource, type IAspect } from 'aws-cdk-lib';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import type { Construct, IConstruct } from 'constructs';
import { isChina, type StageConfig } from './config.ts';

export type ProfileName = 'global' | 'china';

export interface Profile {
  readonly name: ProfileName;
  /** X-Ray active tracing of functions, state machines and the API (and Powertools Tracer). */
  readonly tracing: boolean;
  /** The Lambda runtime of every function, and the esbuild target that matches it. */
  readonly runtime: Runtime;
  readonly bundlingTarget: string;
}

/**
 * The China profile's Lambda runtime. The China user guide (lambda.html) says the runtime release dates of the Lambda
 * developer guide do not apply to the China Regions, and no stored China page lists nodejs24.x as available there:
 * until a court confirms nodejs24.x in its account (Lambda console, runtime list, cn-northwest-1), the China profile
 * deploys on nodejs22.x, the newest Node.js runtime whose availability there predates nodejs24.x. Rule: change this
 * constant only after checking the runtime in both China regions; the code targets Node 22 features at most.
 */
export const CHINA_LAMBDA_RUNTIME = Runtime.NODEJS_22_X;
export const GLOBAL_LAMBDA_RUNTIME = Runtime.NODEJS_24_X;

/** Why the China profile's functions are not on the newest runtime (cdk-nag acknowledgements cite it). */
export const CHINA_RUNTIME_REASON =
  'AWS China regions: runtime release dates differ from the Lambda developer guide (Getting Started with Amazon Web ' +
  'Services in China, Amazon Lambda: docs.amazonaws.cn/en_us/aws/latest/userguide/lambda.html) and nodejs24.x is ' +
  'not confirmed there; the China profile pins nodejs22.x (infra/profile.ts, CHINA_LAMBDA_RUNTIME).';

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  global: { name: 'global', tracing: true, runtime: GLOBAL_LAMBDA_RUNTIME, bundlingTarget: 'node24' },
  china: { name: 'china', tracing: false, runtime: CHINA_LAMBDA_RUNTIME, bundlingTarget: 'node22' },
};

const PROFILE_CONTEXT = 'enforcement:profile';

export function profileName(config: StageConfig): ProfileName {
  return isChina(config) ? 'china' : 'global';
}

/** Records the profile on the stack (before any child construct exists). */
export function setProfile(stack: Construct, config: StageConfig): Profile {
  stack.node.setContext(PROFILE_CONTEXT, profileName(config));
  return PROFILES[profileName(config)];
}

/** The profile of the stack this construct belongs to (global when none was set). */
export function profileOf(scope: Construct): Profile {
  const name = scope.node.tryGetContext(PROFILE_CONTEXT) as ProfileName | undefined;
  return PROFILES[name ?? 'global'];
}

/**
 * The China profile's runtime for the functions CDK itself adds (the dev stage's bucket-emptying provider), which
 * CDK gives its own idea of the newest runtime (a regional fact, nodejs24.x): every function of a China stack runs on
 * CHINA_LAMBDA_RUNTIME.
 */
export class PinChinaRuntime implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof CfnResource && node.cfnResourceType === 'AWS::Lambda::Function') {
      node.addPropertyOverride('Runtime', CHINA_LAMBDA_RUNTIME.name);
    }
  }
}
