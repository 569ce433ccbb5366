/**
 * The staff API in the AWS China regions: an HTTP API (API Gateway v2, regional: the China regions have no
 * edge-optimized endpoints) whose routes come from the same route table (functions/api/routes.ts) and reach the same
 * two functions (decisions to settle, everything else to the API function) with payload format 1.0, the event shape
 * of the REST API. Every route, the OpenAPI description included, sits behind a JWT authorizer of the court's own
 * OpenID Connect provider: the China regions support no Cognito authorizer and serve unauthenticated requests and
 * Lambda authorizers only for accounts with an ICP licence (docs.amazonaws.cn/en_us/aws/latest/userguide/
 * api-gateway.html). The authorizer checks the token's signature, issuer, audience and expiry; the functions, run
 * with STAFF_SIGN_IN=oidc, take roles and court from the staff directory and keep the approving roles to tokens whose
 * `amr` proves a second factor (functions/auth/oidc-claims.ts). Throttling per stage and per route, JSON access logs
 * in a KMS-encrypted log group; no X-Ray (not available to Lambda there), no AWS WAF (it protects REST API stages,
 * not HTTP APIs).
 */
import { CfnOutput, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  type HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { servedByRecordsApi } from '../../functions/api/records-api.ts';
import { ROUTES, type Route } from '../../functions/api/routes.ts';
import type { OidcConfig } from '../config.ts';

export interface StaffApiOidcProps {
  readonly namePrefix: string;
  readonly key: IKey;
  readonly apiFunction: IFunction;
  /** Serves the case file's routes (functions/api/records-api.ts). */
  readonly recordsApiFunction: IFunction;
  readonly settleFunction: IFunction;
  readonly oidc: OidcConfig;
  readonly logRetention: RetentionDays;
  readonly throttle: { readonly rate: number; readonly burst: number };
}

/** The stage the console and operator tools call (`<endpoint>/v1/...`, as on AWS global). */
export const OIDC_API_STAGE = 'v1';

export class StaffApiOidc extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  readonly authorizer: HttpJwtAuthorizer;
  /** The stage's base URL: `https://<id>.execute-api.<region>.amazonaws.com.cn/v1`. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: StaffApiOidcProps) {
    super(scope, id);
    const prefix = props.namePrefix;
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${prefix}-staff-api-access`,
      encryptionKey: props.key,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.api = new HttpApi(this, 'Api', {
      apiName: `${prefix}-staff-api`,
      description:
        'Staff API (AWS China): routes from functions/api/routes.ts, JWT authorizer of the court OIDC provider',
      createDefaultStage: false,
    });
    this.stage = this.api.addStage('Stage', {
      stageName: OIDC_API_STAGE,
      autoDeploy: true,
      throttle: { rateLimit: props.throttle.rate, burstLimit: props.throttle.burst },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        // No headers, no bodies: the caller, the route, the status and the time taken.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            httpMethod: '$context.httpMethod',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            user: '$context.authorizer.claims.sub',
          }),
        ),
      },
    });
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of ROUTES as readonly Route[]) {
      if (route.throttle && route.target !== 'local') {
        routeSettings[`${route.method} ${route.path}`] = {
          ThrottlingRateLimit: route.throttle.rate,
          ThrottlingBurstLimit: route.throttle.burst,
        };
      }
    }
    if (Object.keys(routeSettings).length > 0) cfnStage.addPropertyOverride('RouteSettings', routeSettings);

    this.authorizer = new HttpJwtAuthorizer('Oidc', props.oidc.issuer, {
      authorizerName: `${prefix}-staff-oidc`,
      jwtAudience: [props.oidc.audience],
      identitySource: ['$request.header.Authorization'],
    });
    const integrations = {
      api: new HttpLambdaIntegration('ApiIntegration', props.apiFunction, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_1_0,
      }),
      settle: new HttpLambdaIntegration('SettleIntegration', props.settleFunction, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_1_0,
      }),
      records: new HttpLambdaIntegration('RecordsApiIntegration', props.recordsApiFunction, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_1_0,
      }),
    };
    for (const route of ROUTES as readonly Route[]) {
      if (route.target === 'local') continue;
      this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method as keyof typeof HttpMethod]],
        integration: integrations[servedByRecordsApi(route.operationId) ? 'records' : route.target],
        authorizer: this.authorizer,
      });
    }
    Validations.of(this.stage).acknowledge({
      id: 'AwsSolutions-APIG3',
      reason:
        'AWS WAF web ACLs associate with REST API stages, not HTTP APIs; the China profile uses an HTTP API for its ' +
        'JWT authorizer (no Cognito authorizer in the China regions). Every route needs a valid provider token, and ' +
        'the stage and routes are throttled.',
    });

    const stack = Stack.of(this);
    this.url = `${this.api.apiEndpoint}/${OIDC_API_STAGE}`;
    new CfnOutput(this, 'Url', { value: this.url, description: 'Staff API base URL' });
    new CfnOutput(this, 'OidcIssuer', { value: props.oidc.issuer });
    new CfnOutput(this, 'OidcAudience', { value: props.oidc.audience });
    new CfnOutput(this, 'Region', { value: stack.region });
  }
}
