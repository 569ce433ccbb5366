/**
 * The staff API on AWS: a REST API (API Gateway v1) whose resources, request models, validators and integrations
 * are built from the route table (functions/api/routes.ts), behind a Cognito user pool authorizer. Groups are the
 * roles of the role table; every user signs in with TOTP (the pool requires MFA), and the approving roles reach a
 * token only after an administrator recorded the user's enrolment (a pre-token-generation trigger, see
 * functions/auth/mfa-gate.ts). Every app client states what it may read and write: the court and the enrolment
 * record are read-only to users. Decisions go straight to settle, the only function holding states:SendTask*;
 * everything else to the API function. Throttling per stage and per method, JSON access logs in a KMS-encrypted
 * log group, X-Ray, and optionally AWS WAF with AWS managed rule groups and a per-address rate limit.
 *
 * The API itself (resources, methods, authorizer, validators, stage) is a nested stack (staff-rest-api.ts), so that
 * routes do not count against the parent stack's 500 resources; the user pool, the access log group and the web ACL
 * (data, or fixed physical names) and the outputs stay here, in the parent.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Policy, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { MAX_BODY_BYTES } from '#contracts/limits.ts';
import { ROLE_LABELS, ROLES } from '#domain/staff/roles.ts';
import { APPROVING_ROLES, ENROLMENT_ATTRIBUTE } from '../../functions/auth/mfa-gate.ts';
import { type ServedRoute, StaffRestApi } from './staff-rest-api.ts';
import type { StepFunction } from './step-function.ts';

export interface StaffApiProps {
  readonly namePrefix: string;
  readonly key: IKey;
  /** Serves every route but decisions. */
  readonly apiFunction: IFunction;
  /** Serves the case file's routes (functions/api/records-api.ts). */
  readonly recordsApiFunction: IFunction;
  /** Serves decisions: the only function that may resume an execution. */
  readonly settleFunction: IFunction;
  /** The pre-token-generation trigger that keeps MFA_ROLES out of tokens without MFA. */
  readonly mfaGate: StepFunction;
  readonly logRetention: RetentionDays;
  /** Put AWS WAF in front of the stage. @default false */
  readonly waf?: boolean;
  /** Stage-wide steady rate (requests per second) and burst; routes may set lower ones. */
  readonly throttle: { readonly rate: number; readonly burst: number };
  /** The routes to serve. @default every route of the route table that AWS serves */
  readonly routes?: readonly ServedRoute[];
}

/**
 * What every app client of the staff pool may read and write, stated explicitly (an app client without them may
 * write every mutable attribute): custom:court decides which cases a user sees and the enrolment record decides
 * whether they may approve, so both are readable and never writable by the user; only the name is.
 */
export const STAFF_CLIENT_ATTRIBUTES = {
  readAttributes: new ClientAttributes()
    .withStandardAttributes({ fullname: true })
    .withCustomAttributes('court', ENROLMENT_ATTRIBUTE),
  writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
} as const;

export class StaffApi extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** The nested stack of the REST API (its resources grow with the routes; infra/constructs/staff-rest-api.ts). */
  readonly rest: StaffRestApi;
  readonly api: RestApi;
  readonly accessLogs: LogGroup;
  readonly webAcl?: CfnWebACL;

  constructor(scope: Construct, id: string, props: StaffApiProps) {
    super(scope, id);
    const prefix = props.namePrefix;

    this.userPool = new UserPool(this, 'Staff', {
      userPoolName: `${prefix}-staff`,
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: { fullname: { required: false, mutable: true } },
      customAttributes: {
        court: new StringAttribute({ minLen: 2, maxLen: 20, mutable: true }),
        // Set by an administrator (AdminUpdateUserAttributes) after a TOTP enrolment in their presence; no client
        // may write it (writeAttributes below), and the MFA gate withholds the approving roles without it.
        [ENROLMENT_ATTRIBUTE]: new StringAttribute({ minLen: 1, maxLen: 128, mutable: true }),
      },
      // Every staff user signs in with TOTP; SMS and e-mail codes are not offered.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Staff accounts are created and reset by the bureau's administrators, never by e-mail or SMS.
      accountRecovery: AccountRecovery.NONE,
      lambdaTriggers: { preTokenGeneration: props.mfaGate.function },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Threat protection (advanced security) needs the Plus feature plan; staff accounts are created by ' +
        'administrators (no self sign-up), passwords are long and complex, and the privileged roles need MFA. ' +
        'Adaptive authentication could also let a low-risk sign-in skip the MFA challenge the trigger relies on.',
    });
    // The trigger looks the user up; a separate policy, so that the pool (which names the function) and the
    // function's role (which would name the pool) do not depend on each other.
    props.mfaGate.role.attachInlinePolicy(
      new Policy(this, 'MfaGateLookup', {
        statements: [
          new PolicyStatement({ actions: ['cognito-idp:AdminGetUser'], resources: [this.userPool.userPoolArn] }),
        ],
      }),
    );
    ROLES.forEach((role, precedence) => {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: `${ROLE_LABELS[role]}${APPROVING_ROLES.includes(role) ? '（审批角色：须管理员登记的多因素认证）' : ''}`,
        precedence,
      });
    });
    this.client = this.userPool.addClient('Console', {
      userPoolClientName: `${prefix}-staff-console`,
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      ...STAFF_CLIENT_ATTRIBUTES,
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${prefix}-staff-api-access`,
      encryptionKey: props.key,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if (props.waf) {
      const managed = (name: string, priority: number) => ({
        name,
        priority,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
        visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
      });
      this.webAcl = new CfnWebACL(this, 'Firewall', {
        name: `${prefix}-staff-api`,
        scope: 'REGIONAL',
        defaultAction: { allow: {} },
        // Inspect request bodies up to the API's own limit (the regional default is 16 KB).
        associationConfig: { requestBody: { API_GATEWAY: { defaultSizeInspectionLimit: 'KB_64' } } },
        visibilityConfig: {
          cloudWatchMetricsEnabled: true,
          metricName: `${prefix}-staff-api`,
          sampledRequestsEnabled: true,
        },
        rules: [
          managed('AWSManagedRulesCommonRuleSet', 0),
          managed('AWSManagedRulesKnownBadInputsRuleSet', 1),
          managed('AWSManagedRulesAmazonIpReputationList', 2),
          {
            // The body limit of the staff API (MAX_BODY_BYTES, as the functions enforce it), refused at the edge.
            name: 'BodySizeLimit',
            priority: 3,
            action: { block: { customResponse: { responseCode: 413 } } },
            statement: {
              sizeConstraintStatement: {
                fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
                comparisonOperator: 'GT',
                size: MAX_BODY_BYTES,
                textTransformations: [{ priority: 0, type: 'NONE' }],
              },
            },
            visibilityConfig: {
              cloudWatchMetricsEnabled: true,
              metricName: 'BodySizeLimit',
              sampledRequestsEnabled: true,
            },
          },
          {
            name: 'PerAddressRateLimit',
            priority: 4,
            action: { block: {} },
            statement: { rateBasedStatement: { limit: 1000, aggregateKeyType: 'IP' } },
            visibilityConfig: {
              cloudWatchMetricsEnabled: true,
              metricName: 'PerAddressRateLimit',
              sampledRequestsEnabled: true,
            },
          },
        ],
      });
    }
    this.rest = new StaffRestApi(this, 'Rest', {
      namePrefix: prefix,
      apiFunction: props.apiFunction,
      recordsApiFunction: props.recordsApiFunction,
      settleFunction: props.settleFunction,
      userPool: this.userPool,
      accessLogs: this.accessLogs,
      ...(this.webAcl ? { webAclArn: this.webAcl.attrArn } : {}),
      throttle: props.throttle,
      ...(props.routes ? { routes: props.routes } : {}),
    });
    this.api = this.rest.api;
    // Any stage and method of this API may invoke the three functions (as LambdaIntegration grants with
    // scopePermissionToMethod: false); granted here, on the functions, so that the nested stack needs no reference
    // to them (staff-rest-api.ts, byName).
    for (const [id, fn] of [
      ['InvokeApiFunction', props.apiFunction],
      ['InvokeRecordsApiFunction', props.recordsApiFunction],
      ['InvokeSettleFunction', props.settleFunction],
    ] as const) {
      fn.addPermission(id, {
        principal: new ServicePrincipal('apigateway.amazonaws.com'),
        sourceArn: this.api.arnForExecuteApi(),
        scope: this,
      });
    }

    const stack = Stack.of(this);
    new CfnOutput(this, 'Url', { value: this.api.url, description: 'Staff API base URL' });
    // The endpoint output the API had when it lived in this stack (same logical ID), now read from the nested stack.
    new CfnOutput(new Construct(this, 'Api'), 'Endpoint', { value: this.api.url });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'ClientId', { value: this.client.userPoolClientId });
    new CfnOutput(this, 'Region', { value: stack.region });
  }
}
