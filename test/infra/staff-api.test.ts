/**
 * The staff API on AWS, as the templates state it (the REST API in its nested stack, the user pool, access log and
 * web ACL in the parent): a route table turned into API Gateway methods behind Cognito,
 * decisions integrated with settle and nothing else, request models from the zod contracts, throttling, access
 * logs, groups for every role, MFA for the privileged ones, and least privilege for the API function.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '#contracts/limits.ts';
import { MFA_ROLES } from '#domain/approvals/authority.ts';
import { roleAt } from '#domain/approvals/policy.ts';
import { ROLES } from '#domain/staff/roles.ts';
import { RECORDS_API_OPERATIONS } from '../../functions/api/records-api.ts';
import { ROUTES, type Route } from '../../functions/api/routes.ts';
import { APPROVING_ROLES, ENROLMENT_ATTRIBUTE, groupsFor } from '../../functions/auth/mfa-gate.ts';
import { StaffApi } from '../../infra/constructs/staff-api.ts';
import { SERVED_ROUTES, type ServedRoute } from '../../infra/constructs/staff-rest-api.ts';
import { StepFunction } from '../../infra/constructs/step-function.ts';
import { functionEntry } from '../../infra/paths.ts';
import {
  asPassedByParent,
  cdkJsonContext,
  functionLogicalId,
  logicalId,
  resourcesOfType,
  restTemplate,
  synthesized,
  TEST_CONFIG,
  template,
} from './stack.ts';

const prefix = TEST_CONFIG.namePrefix;
const served = (ROUTES as readonly Route[]).filter((r) => r.target !== 'local');

/** Resources of one type in the staff REST API's nested stack. */
const restResources = (type: string) => resourcesOfType(type, synthesized().restTemplate);

/**
 * The name of the function a method integrates with: the nested stack names it by ARN, built from its fixed name;
 * the function of that name must be in the parent stack.
 */
function integratedFunction(method: Record<string, unknown> | undefined): string | undefined {
  const uri = JSON.stringify(((method?.Integration ?? {}) as { Uri?: unknown }).Uri);
  const name = /:function:([a-z0-9-]+)\/invocations/.exec(uri.replaceAll('","', ''))?.[1];
  if (name) functionLogicalId(name);
  return name;
}

/** The route template of an API Gateway method, rebuilt from its resource chain. */
function methodPaths(): Map<string, { method: [string, Record<string, unknown>]; path: string }> {
  const resources = new Map(restResources('AWS::ApiGateway::Resource'));
  const pathOf = (ref: unknown): string => {
    const id = (ref as { Ref?: string }).Ref;
    const resource = id ? resources.get(id) : undefined;
    if (!resource) return '';
    return `${pathOf(resource.Properties?.ParentId)}/${String(resource.Properties?.PathPart)}`;
  };
  const out = new Map<string, { method: [string, Record<string, unknown>]; path: string }>();
  for (const [id, method] of restResources('AWS::ApiGateway::Method')) {
    const props = method.Properties ?? {};
    const path = pathOf(props.ResourceId);
    out.set(`${String(props.HttpMethod)} ${path}`, { method: [id, props], path });
  }
  return out;
}

describe('the staff API', () => {
  it('has exactly the routes of the route table that AWS serves; the local-only ones are absent', () => {
    const methods = [...methodPaths().keys()].sort();
    expect(methods).toEqual(served.map((r) => `${r.method} ${r.path}`).sort());
    expect(methods.some((m) => m.includes('/auth/token') || m.includes('/clock'))).toBe(false);
  });

  it("serves the field app's and the command center's field routes on AWS, through the API function", () => {
    const methods = methodPaths();
    const api = `${prefix}-api`;
    const field = served.filter((r) => r.tag === 'field');
    expect(field.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /board/field',
      'GET /field/trip',
      'GET /field/work',
      'POST /board/field/locations',
      'POST /cases/{caseId}/site-records',
      'POST /field/incidents',
      'POST /field/trips',
      'POST /field/trips/{tripId}/check-in',
      'POST /field/trips/{tripId}/positions',
    ]);
    for (const route of field) {
      const found = methods.get(`${route.method} ${route.path}`);
      expect(found, route.operationId).toBeDefined();
      expect(found?.method[1].AuthorizationType, route.operationId).toBe('COGNITO_USER_POOLS');
      expect(integratedFunction(found?.method[1]), route.operationId).toBe(api);
    }
  });

  it('sends decisions and the closing work to settle, the case file to records-api, every other route to api', () => {
    const methods = methodPaths();
    const settle = `${prefix}-settle`;
    const api = `${prefix}-api`;
    const records = `${prefix}-records-api`;
    for (const route of served) {
      const found = methods.get(`${route.method} ${route.path}`);
      const integration = (found?.method[1].Integration ?? {}) as { Uri?: unknown; Type?: string };
      const expected =
        route.target === 'settle' ? settle : RECORDS_API_OPERATIONS.includes(route.operationId) ? records : api;
      expect(integratedFunction(found?.method[1]), route.operationId).toBe(expected);
      expect(integration.Type).toBe('AWS_PROXY');
    }
    // The case file: evidence, the issued documents, the journal, its verification and the timeline (all target api).
    for (const operationId of RECORDS_API_OPERATIONS)
      expect(served.find((r) => r.operationId === operationId)?.target, operationId).toBe('api');
    // Only routes that may resume or start an execution go to settle (the only holder of states:SendTask*).
    expect(served.filter((r) => r.target === 'settle').map((r) => r.operationId)).toEqual([
      'decideTask',
      'recordConduct',
      'orderEarlyRelease',
      'requestClosure',
      'recordInterview',
      'recordSettlement',
      'applyForResumption',
      'requestListingRemoval',
      'fileObjection',
      'ruleOnObjection',
      'applyForReconsideration',
      'decideReconsideration',
      'fileObjectionSuit',
      'recordObjectionJudgment',
      // Disputes (issue 14): withdraw a waiting disbursement, pay from the case account, start a stopped phase
      // again, ask the filing system for a reversal.
      'applyToShare',
      // The plan is issued as a signed document when served (settle holds `issuing`).
      'serveDistribution',
      'recordDistributionSuit',
      'recordDistributionJudgment',
      'advanceDistribution',
      // A suspension because of 审判监督 or bankruptcy starts the run that removes a listing (C6 第十条第一款第五项).
      'ruleSuspension',
      'liftSuspension',
      'callGuarantee',
      'orderReversal',
      // The ruling on a late application (A12, upheld: 不予执行) is issued as a signed document (settle holds `issuing`).
      'ruleOnLimitationObjection',
      // The ruling on adding or changing a respondent is issued as a signed document (settle holds `issuing`).
      'rulePartyChange',
      // A respondent who joined by a ruling (追加、变更) is served and inquired about: starts the phases' next runs.
      'settlePartyChange',
      // The measures (issue 15): each starts an approval or sends a notice to an outside party.
      'proposeExitBan',
      'liftExitBan',
      'applyForReward',
      'recordRewardDeposit',
      'recordLead',
      'checkLead',
      'recordLeadMoney',
      'closeReward',
      'applyForRelief',
      'recordReliefPayment',
      'proposeReferral',
      'recordBankruptcyDeclared',
      'dispatchMeasures',
    ]);
  });

  it('authorizes every method but the API description with the Cognito user pool', () => {
    const [authorizer] = restResources('AWS::ApiGateway::Authorizer');
    const authorizerId = authorizer?.[0];
    restTemplate().hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS',
      IdentitySource: 'method.request.header.Authorization',
    });
    // The parent's user pool, passed into the nested stack.
    expect(asPassedByParent(authorizer?.[1].Properties?.ProviderARNs)).toContain(
      logicalId(synthesized().stack.staffApi.userPool.node.defaultChild as never),
    );
    for (const route of served) {
      const [, props] = methodPaths().get(`${route.method} ${route.path}`)?.method ?? ['', {}];
      if (route.authenticated) {
        expect(props.AuthorizationType, route.operationId).toBe('COGNITO_USER_POOLS');
        expect(props.AuthorizerId).toEqual({ Ref: authorizerId });
      } else {
        expect(props.AuthorizationType, route.operationId).toBe('NONE');
      }
    }
  });

  it('validates the decision body against a model generated from its zod contract, and required path parameters', () => {
    // The other bodies are validated by their functions (same contracts, Chinese messages): one model a route would
    // take the stack past CloudFormation's 500 resources.
    const models = restResources('AWS::ApiGateway::Model');
    expect(models).toHaveLength(1);
    restTemplate().hasResourceProperties('AWS::ApiGateway::Model', {
      Name: 'DecideTaskRequest',
      Schema: Match.objectLike({ $schema: 'http://json-schema.org/draft-04/schema#', oneOf: Match.anyValue() }),
    });
    restTemplate().hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
    const decide = methodPaths().get('POST /tasks/{approvalId}/decision')?.method[1] ?? {};
    expect(decide.RequestParameters).toEqual({ 'method.request.path.approvalId': true });
    expect(Object.keys(decide.RequestModels as object)).toEqual(['application/json']);
  });

  it('throttles the stage and the decision route, traces, and logs access as JSON to a KMS-encrypted group', () => {
    restTemplate().hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"status"') },
      MethodSettings: Match.arrayWith([
        Match.objectLike({ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: TEST_CONFIG.api.rateLimit }),
        Match.objectLike({
          HttpMethod: 'POST',
          ResourcePath: '/~1tasks~1{approvalId}~1decision',
          ThrottlingRateLimit: 10,
          ThrottlingBurstLimit: 20,
        }),
      ]),
    });
    template().hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: `/aws/apigateway/${prefix}-staff-api-access`,
      KmsKeyId: Match.anyValue(),
    });
    // The stage (nested stack) writes to that group (parent stack), passed in by the parent.
    const stage = restResources('AWS::ApiGateway::Stage')[0]?.[1];
    const access = (stage?.Properties?.AccessLogSetting ?? {}) as { DestinationArn?: unknown };
    expect(asPassedByParent(access.DestinationArn)).toContain(
      logicalId(synthesized().stack.staffApi.accessLogs.node.defaultChild as never),
    );
  });

  it('lets API Gateway invoke the three functions from this API only; the nested stack names them by ARN', () => {
    const { staffApi } = synthesized().stack;
    const nested = logicalId(staffApi.rest.nestedStackResource as never);
    const permissions = resourcesOfType('AWS::Lambda::Permission').filter(([, p]) =>
      JSON.stringify(p.Properties?.SourceArn).includes(nested),
    );
    expect(permissions).toHaveLength(3);
    for (const [, permission] of permissions) {
      expect(permission.Properties?.Principal).toBe('apigateway.amazonaws.com');
      expect(JSON.stringify(permission.Properties?.SourceArn)).toMatch(/:execute-api:.*\/\*\/\*\/\*"/);
    }
    expect(permissions.map(([, p]) => JSON.stringify(p.Properties?.FunctionName)).sort()).toEqual(
      [
        functionLogicalId(`${prefix}-api`),
        functionLogicalId(`${prefix}-records-api`),
        functionLogicalId(`${prefix}-settle`),
      ]
        .map((id) => JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] }))
        .sort(),
    );
    // No reference from the nested stack to a function (it would close a dependency cycle through the console).
    expect(restResources('AWS::Lambda::Permission')).toEqual([]);
    expect(Object.keys(synthesized().restTemplate.Parameters ?? {}).some((p) => p.includes('Function'))).toBe(false);
    // Nothing of the API in the parent but the nested stack itself.
    expect(
      Object.values(synthesized().template.Resources).filter((r) => r.Type.startsWith('AWS::ApiGateway::')),
    ).toEqual([]);
  });

  it('gives the API function no engine access: only settle holds states:SendTask*', () => {
    const policies = resourcesOfType('AWS::IAM::Policy').filter(([, p]) =>
      JSON.stringify(p.Properties?.PolicyDocument).includes('states:SendTask'),
    );
    expect(policies).toHaveLength(1);
    const apiRole = JSON.stringify(
      resourcesOfType('AWS::IAM::Policy').filter(([, p]) => JSON.stringify(p.Properties?.Roles).includes('ApiRole')),
    );
    expect(apiRole).not.toMatch(/states:/);
    expect(apiRole).toMatch(/dynamodb:UpdateItem/);
  });
});

describe('the user pool', () => {
  it('has a group for every role of the role table', () => {
    const groups = resourcesOfType('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties?.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
  });

  it('admits no self sign-up, requires TOTP of every user, and runs the MFA gate before issuing a token', () => {
    template().hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      LambdaConfig: { PreTokenGeneration: { 'Fn::GetAtt': [functionLogicalId(`${prefix}-mfa-gate`), 'Arn'] } },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
    });
    template().hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH']),
      GenerateSecret: false,
    });
  });

  it('records the enrolment in an attribute only an administrator can write', () => {
    template().hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'court', Mutable: true }),
        Match.objectLike({ Name: ENROLMENT_ATTRIBUTE, Mutable: true }),
      ]),
    });
  });

  it('every app client states its read and write attributes; none lets a user write the court or the enrolment', () => {
    const clients = resourcesOfType('AWS::Cognito::UserPoolClient');
    expect(clients.length).toBeGreaterThanOrEqual(2);
    for (const [id, client] of clients) {
      const props = client.Properties ?? {};
      expect(props.WriteAttributes, id).toEqual(['name']);
      expect(props.ReadAttributes, id).toEqual(
        expect.arrayContaining(['name', 'custom:court', `custom:${ENROLMENT_ATTRIBUTE}`]),
      );
    }
  });

  it('every approving role (team lead, bureau chief, president, panel member: the money approvers among them) needs MFA', () => {
    expect([...APPROVING_ROLES].sort()).toEqual(['bureau-chief', 'panel-member', 'president', 'team-lead']);
    for (const role of MFA_ROLES) expect(APPROVING_ROLES).toContain(role);
    for (const level of [0, 1, 2]) expect(APPROVING_ROLES).toContain(roleAt('disbursement', level));
  });

  it('the MFA gate lets the approving roles into a token only right after an MFA sign-in, enrolment recorded by an administrator', () => {
    const groups = ['handling-officer', ...APPROVING_ROLES];
    const signIn = 'TokenGeneration_Authentication';
    const mfa = 'SOFTWARE_TOKEN_MFA';
    const enrolledBy = 'admin-wu 2026-03-01';
    expect(groupsFor(groups, { triggerSource: signIn, preferredMfa: mfa, enrolledBy }).groups).toEqual(groups);
    // No MFA, a refresh, or an enrolment nobody recorded (whoever signed in first set it up): approving roles withheld.
    for (const context of [
      { triggerSource: signIn, preferredMfa: undefined, enrolledBy },
      { triggerSource: 'TokenGeneration_RefreshTokens', preferredMfa: mfa, enrolledBy },
      { triggerSource: signIn, preferredMfa: mfa, enrolledBy: undefined },
    ])
      expect(groupsFor(groups, context), JSON.stringify(context)).toEqual({
        groups: ['handling-officer'],
        withheld: [...APPROVING_ROLES],
      });
    template().hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [Match.objectLike({ Action: 'cognito-idp:AdminGetUser', Resource: Match.anyValue() })],
      },
    });
  });
});

/** The staff API construct alone, in a stack of its own (the whole app is synthesized once, by stack.ts). */
function standaloneStaffApi(options: { readonly waf: boolean; readonly routes?: readonly ServedRoute[] }) {
  const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'StaffApiOnly');
  const key = new Key(stack, 'Key');
  const fn = (id: string) =>
    new LambdaFunction(stack, id, {
      functionName: `alone-${id.toLowerCase()}`,
      runtime: Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler = async () => ({});'),
    });
  const staffApi = new StaffApi(stack, 'StaffApi', {
    namePrefix: 'alone',
    key,
    apiFunction: fn('Api'),
    recordsApiFunction: fn('RecordsApi'),
    settleFunction: fn('Settle'),
    mfaGate: new StepFunction(stack, 'MfaGate', {
      functionName: 'alone-mfa-gate',
      description: 'test',
      entry: functionEntry('auth'),
      key,
      memorySize: 128,
      timeout: Duration.seconds(5),
      logRetention: RetentionDays.ONE_DAY,
      noDeadLetterQueueReason: 'test',
    }),
    logRetention: RetentionDays.ONE_DAY,
    waf: options.waf,
    throttle: { rate: 10, burst: 20 },
    ...(options.routes ? { routes: options.routes } : {}),
  });
  return { stack, staffApi };
}

const resourceCount = (template: Template) => Object.keys(template.toJSON().Resources as object).length;

describe('the nested stack of the REST API', () => {
  it('holds one method per route AWS serves, so a new route adds nothing to the parent stack', () => {
    // Prepare: the route table, and the route table with one more route on a new path.
    const [model] = SERVED_ROUTES;
    if (!model) throw new Error('no served route');
    const extra: ServedRoute = { ...model, operationId: 'extraRoute', method: 'GET', path: '/extra/{extraId}/items' };

    // Act
    const today = standaloneStaffApi({ waf: false });
    const more = standaloneStaffApi({ waf: false, routes: [...SERVED_ROUTES, extra] });

    // Assess
    const nested = Template.fromStack(today.staffApi.rest);
    nested.resourceCountIs('AWS::ApiGateway::Method', SERVED_ROUTES.length);
    Template.fromStack(more.staffApi.rest).resourceCountIs('AWS::ApiGateway::Method', SERVED_ROUTES.length + 1);
    expect(resourceCount(Template.fromStack(more.staffApi.rest))).toBeGreaterThan(resourceCount(nested));
    expect(resourceCount(Template.fromStack(more.stack))).toBe(resourceCount(Template.fromStack(today.stack)));
    // The app as synthesized: one method per served route, in the nested stack, none in the parent.
    restTemplate().resourceCountIs('AWS::ApiGateway::Method', served.length);
    template().resourceCountIs('AWS::ApiGateway::Method', 0);
  });
});

describe('AWS WAF', () => {
  it('is off by default and, when a stage turns it on, guards the stage with managed rules and a rate limit', () => {
    expect(resourcesOfType('AWS::WAFv2::WebACL')).toHaveLength(0);
    // The construct alone, in a stack of its own: the whole app is synthesized once, above.
    const { stack, staffApi } = standaloneStaffApi({ waf: true });
    const waf = Template.fromStack(stack);
    waf.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({ Name: 'AWSManagedRulesCommonRuleSet' }),
        // The same body limit as the functions, at the edge: over MAX_BODY_BYTES (or past inspection) is 413.
        Match.objectLike({
          Name: 'BodySizeLimit',
          Action: { Block: { CustomResponse: { ResponseCode: 413 } } },
          Statement: {
            SizeConstraintStatement: Match.objectLike({
              FieldToMatch: { Body: { OversizeHandling: 'MATCH' } },
              ComparisonOperator: 'GT',
              Size: MAX_BODY_BYTES,
            }),
          },
        }),
        Match.objectLike({ Name: 'PerAddressRateLimit', Action: { Block: {} } }),
      ]),
      AssociationConfig: { RequestBody: { API_GATEWAY: { DefaultSizeInspectionLimit: 'KB_64' } } },
    });
    // The association sits beside the stage, in the nested stack; the web ACL (a fixed name) in the parent.
    const nested = Template.fromStack(staffApi.rest);
    nested.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    waf.resourceCountIs('AWS::WAFv2::WebACLAssociation', 0);
    expect(staffApi.webAcl).toBeDefined();
  });
});
