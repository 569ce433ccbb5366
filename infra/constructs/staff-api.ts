/**
 * The staff API on AWS: a REST API (API Gateway v1) whose resources, request models, validators and integrations
 * are built from the route table (functions/api/routes.ts), behind a Cognito user pool authorizer. Groups are the
 * roles of the role table; every user signs in with TOTP (the pool requires MFA), and the approving roles reach a
 * token only after an administrator recorded the user's enrolment (a pre-token-generation trigger, see
 * functions/auth/mfa-gate.ts). Every app client states what it may read and write: the court and the enrolment
 * record are read-only to users. Decisions go straight to settle, the only function holding states:SendTask*;
 * everything else to the API function. Throttling per stage and per method, JSON access logs in a KMS-encrypted
 * log group, X-Ray, and optionally AWS WAF with AWS managed rule groups and a per-address rate limit.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  EndpointType,
  type JsonSchema,
  LambdaIntegration,
  LogGroupLogDestination,
  type MethodDeploymentOptions,
  type Model,
  type RequestValidator,
  ResponseType,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import * as z from 'zod';
import { MAX_BODY_BYTES } from '#contracts/limits.ts';
import { ROLE_LABELS, ROLES } from '#domain/staff/roles.ts';
import { ROUTES, type Route } from '../../functions/api/routes.ts';
import { APPROVING_ROLES, ENROLMENT_ATTRIBUTE } from '../../functions/auth/mfa-gate.ts';
import type { StepFunction } from './step-function.ts';

export interface StaffApiProps {
  readonly namePrefix: string;
  readonly key: IKey;
  /** Serves every route but decisions. */
  readonly apiFunction: IFunction;
  /** Serves decisions: the only function that may resume an execution. */
  readonly settleFunction: IFunction;
  /** The pre-token-generation trigger that keeps MFA_ROLES out of tokens without MFA. */
  readonly mfaGate: StepFunction;
  readonly logRetention: RetentionDays;
  /** Put AWS WAF in front of the stage. @default false */
  readonly waf?: boolean;
  /** Stage-wide steady rate (requests per second) and burst; routes may set lower ones. */
  readonly throttle: { readonly rate: number; readonly burst: number };
}

/** A draft-04 JSON Schema (what API Gateway models accept) from a zod contract. */
export function modelSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-04', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const { $schema: _dialect, ...rest } = json;
  return { schema: 'http://json-schema.org/draft-04/schema#', ...rest } as JsonSchema;
}

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The routes whose bodies API Gateway validates against a model before any function runs: the decision on a task
 * (the route that sends task tokens). Every other body is validated by its function against the same zod contract,
 * which answers in Chinese naming the field (the gateway's message is English). A model per route would cost one
 * CloudFormation resource each; with the resources and methods of every route the stack passed the 500-resource limit
 * of a CloudFormation stack (test/infra/stages.test.ts keeps the headroom).
 */
const GATEWAY_MODELS: ReadonlySet<string> = new Set(['decideTask']);

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
    const methodOptions: Record<string, MethodDeploymentOptions> = {};
    for (const route of ROUTES as readonly Route[]) {
      if (route.throttle && route.target !== 'local') {
        methodOptions[`${route.path}/${route.method}`] = {
          throttlingRateLimit: route.throttle.rate,
          throttlingBurstLimit: route.throttle.burst,
        };
      }
    }
    this.api = new RestApi(this, 'Api', {
      restApiName: `${prefix}-staff-api`,
      description: 'Staff API: task inbox, decisions, assignment, case reads (routes from functions/api/routes.ts)',
      endpointTypes: [EndpointType.REGIONAL],
      cloudWatchRole: false,
      deployOptions: {
        stageName: 'v1',
        tracingEnabled: true,
        metricsEnabled: true,
        throttlingRateLimit: props.throttle.rate,
        throttlingBurstLimit: props.throttle.burst,
        methodOptions,
        accessLogDestination: new LogGroupLogDestination(this.accessLogs),
        // No headers, no bodies: the caller's id, the route, the status and the time taken.
        accessLogFormat: AccessLogFormat.jsonWithStandardFields({
          caller: false,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: true,
        }),
      },
    });
    Validations.of(this.api.deploymentStage).acknowledge({
      id: 'AwsSolutions-APIG6',
      reason:
        'Execution logging needs the account-wide API Gateway CloudWatch role (a managed policy, shared by every API ' +
        'of the account) and would log request details; every request is in the KMS-encrypted JSON access log and ' +
        'the functions log each request by id and status.',
    });

    const authorizer = new CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      authorizerName: `${prefix}-staff`,
      cognitoUserPools: [this.userPool],
      identitySource: 'method.request.header.Authorization',
      resultsCacheTtl: Duration.minutes(5),
    });
    const bodyValidator: RequestValidator = this.api.addRequestValidator('BodyAndParameters', {
      requestValidatorName: 'body-and-parameters',
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    const parameterValidator: RequestValidator = this.api.addRequestValidator('Parameters', {
      requestValidatorName: 'parameters',
      validateRequestParameters: true,
    });
    const integrations = {
      api: new LambdaIntegration(props.apiFunction, { proxy: true, scopePermissionToMethod: false }),
      settle: new LambdaIntegration(props.settleFunction, { proxy: true, scopePermissionToMethod: false }),
    };
    for (const route of ROUTES as readonly Route[]) {
      if (route.target === 'local') continue;
      const model: Model | undefined =
        route.body && GATEWAY_MODELS.has(route.operationId)
          ? this.api.addModel(`${pascal(route.operationId)}Model`, {
              modelName: `${pascal(route.operationId)}Request`,
              contentType: 'application/json',
              schema: modelSchema(route.body),
            })
          : undefined;
      const pathParameters = Object.keys(route.params?.shape ?? {});
      const method = this.api.root.resourceForPath(route.path).addMethod(route.method, integrations[route.target], {
        operationName: route.operationId,
        ...(route.authenticated
          ? { authorizer, authorizationType: AuthorizationType.COGNITO }
          : { authorizationType: AuthorizationType.NONE }),
        requestValidator: model ? bodyValidator : parameterValidator,
        ...(model ? { requestModels: { 'application/json': model } } : {}),
        requestParameters: Object.fromEntries(pathParameters.map((p) => [`method.request.path.${p}`, true])),
      });
      if (!route.authenticated) {
        for (const rule of ['AwsSolutions-APIG4', 'AwsSolutions-COG4']) {
          Validations.of(method).acknowledge({
            id: rule,
            reason: `${route.path} is the public API description (OpenAPI): no data, no action.`,
          });
        }
      }
    }

    const error = (code: string, message: string) => ({
      'application/json': JSON.stringify({ error: { code, message } }),
    });
    this.api.addGatewayResponse('BadRequestBody', {
      type: ResponseType.BAD_REQUEST_BODY,
      statusCode: '400',
      templates: {
        'application/json': '{"error":{"code":"invalid","message":"$context.error.validationErrorString"}}',
      },
    });
    this.api.addGatewayResponse('BadRequestParameters', {
      type: ResponseType.BAD_REQUEST_PARAMETERS,
      statusCode: '400',
      templates: error('invalid', '请求参数不符合要求'),
    });
    this.api.addGatewayResponse('Unauthorized', {
      type: ResponseType.UNAUTHORIZED,
      statusCode: '401',
      templates: error('unauthenticated', '未登录或身份无法核验'),
    });
    this.api.addGatewayResponse('Throttled', {
      type: ResponseType.THROTTLED,
      statusCode: '429',
      templates: error('throttled', '请求过于频繁，请稍后重试'),
    });
    this.api.addGatewayResponse('Default4xx', {
      type: ResponseType.DEFAULT_4XX,
      templates: error('refused', '请求未被受理'),
    });
    this.api.addGatewayResponse('Default5xx', {
      type: ResponseType.DEFAULT_5XX,
      templates: error('internal', '服务内部错误，请稍后重试'),
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
      new CfnWebACLAssociation(this, 'FirewallAssociation', {
        resourceArn: this.api.deploymentStage.stageArn,
        webAclArn: this.webAcl.attrArn,
      });
    } else {
      Validations.of(this.api.deploymentStage).acknowledge({
        id: 'AwsSolutions-APIG3',
        reason:
          'AWS WAF is a stage option (api.waf, on in prod): the API only answers Cognito-authenticated staff, with ' +
          'request validation and stage and method throttling; a development stage goes without the cost.',
      });
    }

    const stack = Stack.of(this);
    new CfnOutput(this, 'Url', { value: this.api.url, description: 'Staff API base URL' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'ClientId', { value: this.client.userPoolClientId });
    new CfnOutput(this, 'Region', { value: stack.region });
  }
}
