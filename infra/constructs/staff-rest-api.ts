/**
 * The staff REST API (API Gateway v1) in a nested stack of its own: every route of functions/api/routes.ts costs a
 * Method and often a Resource, and the enforcement stack is close to CloudFormation's 500 resources a stack. Here
 * the route-proportional part lives apart (the API, its resources, methods, authorizer, model, validators, gateway
 * responses, deployment, stage and the WAF association), so the parent's count no longer
 * grows with routes. What has a fixed physical name or holds data stays in the parent (StaffApi): the user pool,
 * the KMS-encrypted access log group and the web ACL; CDK passes their ARNs in as parameters. The functions are
 * named by ARN (built from their fixed names) and their invoke permissions live in the parent (see byName): this
 * stack depends on nothing that depends on it.
 */
import { ArnFormat, Duration, NestedStack, Stack, Token, Validations } from 'aws-cdk-lib';
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
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { type CfnFunction, type IFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import * as z from 'zod';
import { servedByRecordsApi } from '../../functions/api/records-api.ts';
import { ROUTES, type Route } from '../../functions/api/routes.ts';

export interface StaffRestApiProps {
  readonly namePrefix: string;
  /** Serves every route but decisions and the case file's. */
  readonly apiFunction: IFunction;
  /** Serves the case file's routes (functions/api/records-api.ts): the one with S3 access. */
  readonly recordsApiFunction: IFunction;
  /** Serves decisions: the only function that may resume an execution. */
  readonly settleFunction: IFunction;
  /** The pool whose tokens the authorizer accepts. */
  readonly userPool: IUserPool;
  /** The JSON access log (KMS-encrypted, retained; it stays in the parent stack). */
  readonly accessLogs: ILogGroup;
  /** The regional web ACL to associate with the stage, when the stage has one. */
  readonly webAclArn?: string;
  /** Stage-wide steady rate (requests per second) and burst; routes may set lower ones. */
  readonly throttle: { readonly rate: number; readonly burst: number };
  /** The routes to serve. @default SERVED_ROUTES (a test adds one to see where it is counted) */
  readonly routes?: readonly ServedRoute[];
}

/** A draft-04 JSON Schema (what API Gateway models accept) from a zod contract. */
export function modelSchema(schema: z.core.$ZodType): JsonSchema {
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
 * CloudFormation resource each, in a nested stack that has its own 500-resource limit (test/infra keeps headroom).
 */
const GATEWAY_MODELS: ReadonlySet<string> = new Set(['decideTask']);

export type ServedRoute = Route & { readonly target: Exclude<Route['target'], 'local'> };

/** The routes AWS serves (the local-only ones, e.g. the embedded runtime's token endpoint, are absent). */
export const SERVED_ROUTES: readonly ServedRoute[] = (ROUTES as readonly Route[]).filter(
  (r): r is ServedRoute => r.target !== 'local',
);

export class StaffRestApi extends NestedStack {
  readonly api: RestApi;

  constructor(scope: Construct, id: string, props: StaffRestApiProps) {
    super(scope, id, { description: 'Staff REST API: one method per route of functions/api/routes.ts' });
    const prefix = props.namePrefix;
    this.api = this.restApi(props);

    const authorizer = new CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      authorizerName: `${prefix}-staff`,
      cognitoUserPools: [props.userPool],
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
      api: new LambdaIntegration(this.byName('ApiFunction', props.apiFunction), {
        proxy: true,
        scopePermissionToMethod: false,
      }),
      settle: new LambdaIntegration(this.byName('SettleFunction', props.settleFunction), {
        proxy: true,
        scopePermissionToMethod: false,
      }),
      records: new LambdaIntegration(this.byName('RecordsApiFunction', props.recordsApiFunction), {
        proxy: true,
        scopePermissionToMethod: false,
      }),
    };
    for (const route of props.routes ?? SERVED_ROUTES) {
      const model: Model | undefined =
        route.body && GATEWAY_MODELS.has(route.operationId)
          ? this.api.addModel(`${pascal(route.operationId)}Model`, {
              modelName: `${pascal(route.operationId)}Request`,
              contentType: 'application/json',
              schema: modelSchema(route.body),
            })
          : undefined;
      const pathParameters = Object.keys(route.params?._zod.def.shape ?? {});
      const integration = integrations[servedByRecordsApi(route.operationId) ? 'records' : route.target];
      const method = this.api.root.resourceForPath(route.path).addMethod(route.method, integration, {
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
    this.gatewayResponses();

    if (props.webAclArn) {
      new CfnWebACLAssociation(this, 'FirewallAssociation', {
        resourceArn: this.api.deploymentStage.stageArn,
        webAclArn: props.webAclArn,
      });
    } else {
      Validations.of(this.api.deploymentStage).acknowledge({
        id: 'AwsSolutions-APIG3',
        reason:
          'AWS WAF is a stage option (api.waf, on in prod): the API only answers Cognito-authenticated staff, with ' +
          'request validation and stage and method throttling; a development stage goes without the cost.',
      });
    }
  }

  /**
   * A function of the parent, named by its ARN built from its fixed name rather than by a reference: a reference
   * would make this stack depend on the function, which depends on its role's policy, which names the evidence
   * bucket, whose CORS rule names the console's distribution, which names this API: a cycle. The invoke permissions
   * are therefore granted in the parent (StaffApi), on the function, scoped to this API.
   */
  private byName(id: string, fn: IFunction): IFunction {
    const name = (fn.node.defaultChild as CfnFunction | undefined)?.functionName;
    if (!name || Token.isUnresolved(name)) throw new Error(`${fn.node.path} needs a fixed function name`);
    const functionArn = Stack.of(this).formatArn({
      service: 'lambda',
      resource: 'function',
      resourceName: name,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    // Not this stack's own function (sameEnvironment false) and permissions skipped: LambdaIntegration adds none here.
    return LambdaFunction.fromFunctionAttributes(this, id, {
      functionArn,
      sameEnvironment: false,
      skipPermissions: true,
    });
  }

  /** The API and its stage: throttling per stage and per method, JSON access logs, X-Ray. */
  private restApi(props: StaffRestApiProps): RestApi {
    const methodOptions: Record<string, MethodDeploymentOptions> = {};
    for (const route of props.routes ?? SERVED_ROUTES) {
      if (route.throttle) {
        methodOptions[`${route.path}/${route.method}`] = {
          throttlingRateLimit: route.throttle.rate,
          throttlingBurstLimit: route.throttle.burst,
        };
      }
    }
    const api = new RestApi(this, 'Api', {
      restApiName: `${props.namePrefix}-staff-api`,
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
        accessLogDestination: new LogGroupLogDestination(props.accessLogs),
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
    Validations.of(api.deploymentStage).acknowledge({
      id: 'AwsSolutions-APIG6',
      reason:
        'Execution logging needs the account-wide API Gateway CloudWatch role (a managed policy, shared by every API ' +
        'of the account) and would log request details; every request is in the KMS-encrypted JSON access log and ' +
        'the functions log each request by id and status.',
    });
    return api;
  }

  /** The gateway's own refusals, in the API's error shape and in Chinese. */
  private gatewayResponses(): void {
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
  }
}
