/**
 * The China profile (`-c region=cn-north-1|cn-northwest-1`): the same workflows and functions, without what the
 * China regions lack (docs/deploy-aws-china.md cites each difference): no Cognito user pool, no edge-optimized
 * endpoint, a JWT authorizer of the court's OpenID Connect provider on every route, no X-Ray, no Function URL, no
 * HTTP task, no customer-managed key on a function's code, no literal `arn:aws:` anywhere in the template; cdk-nag
 * clean. The global template keeps its Cognito sign-in, REST API and tracing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MACHINES } from '#workflows/index.ts';
import { STEPS } from '#workflows/steps.ts';
import { InvalidStageConfigError, resolveStage, stageFromContext } from '../../infra/config.ts';
import { PARTITION_KEY } from '../../infra/constructs/workflows.ts';
import { CHINA_LAMBDA_RUNTIME } from '../../infra/profile.ts';
import { type CfnTemplate, synthesized, synthesizedTemplate, synthesizeStage } from './stack.ts';

const ISSUER = 'https://id.court.example.cn/realms/court';
const AUDIENCE = 'enforcement-console';

const chinaConfig = (region: string, stage = 'test') =>
  resolveStage(stage, {
    evidence: { archiveClass: 'short', retentionDays: 7 },
    alarmEmail: 'enforcement-alarms@example.com',
    region,
    oidc: { issuer: ISSUER, audience: AUDIENCE },
    ...(stage === 'dev' ? { removal: 'destroy' as const } : {}),
  });

const synthesizedChina = synthesizeStage(chinaConfig('cn-northwest-1'));
const china: CfnTemplate = synthesizedChina.template;

const ofType = (template: CfnTemplate, type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

describe('the China profile template', () => {
  it('has no Cognito resource of any kind, and no MFA trigger function', () => {
    // Act
    const cognito = Object.values(china.Resources).filter((r) => r.Type.startsWith('AWS::Cognito::'));
    const names = ofType(china, 'AWS::Lambda::Function').map(([, fn]) => fn.Properties?.FunctionName);

    // Assess
    expect(cognito).toEqual([]);
    expect(names).not.toContain('enforcement-mfa-gate');
  });

  it('has no edge-optimized endpoint: no REST API at all, the HTTP API is regional by nature', () => {
    // Act
    const restApis = ofType(china, 'AWS::ApiGateway::RestApi');
    const httpApis = ofType(china, 'AWS::ApiGatewayV2::Api');

    // Assess
    expect(restApis).toEqual([]);
    expect(synthesizedChina.nested).toEqual({});
    expect(JSON.stringify(china)).not.toMatch(/"EDGE"/);
    expect(httpApis).toHaveLength(1);
    expect(httpApis[0]?.[1].Properties?.ProtocolType).toBe('HTTP');
  });

  it('puts every route behind a JWT authorizer of the court provider (no Cognito, no Lambda authorizer)', () => {
    // Act
    const authorizers = ofType(china, 'AWS::ApiGatewayV2::Authorizer');
    const routes = ofType(china, 'AWS::ApiGatewayV2::Route');

    // Assess
    expect(authorizers).toHaveLength(1);
    expect(authorizers[0]?.[1].Properties).toMatchObject({
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: ISSUER, Audience: [AUDIENCE] },
      IdentitySource: ['$request.header.Authorization'],
    });
    expect(routes.length).toBeGreaterThan(10);
    for (const [, route] of routes) expect(route.Properties?.AuthorizationType).toBe('JWT');
  });

  it('sends the API functions and settle the OIDC sign-in mode, with payload format 1.0', () => {
    // Act
    const fns = Object.fromEntries(
      ofType(china, 'AWS::Lambda::Function').map(([, fn]) => [fn.Properties?.FunctionName, fn.Properties]),
    );
    const integrations = ofType(china, 'AWS::ApiGatewayV2::Integration');

    // Assess
    for (const name of ['enforcement-api', 'enforcement-records-api', 'enforcement-settle']) {
      expect(
        (fns[name]?.Environment as { Variables: Record<string, string> } | undefined)?.Variables.STAFF_SIGN_IN,
      ).toBe('oidc');
    }
    expect(integrations).toHaveLength(3);
    for (const [, integration] of integrations) expect(integration.Properties?.PayloadFormatVersion).toBe('1.0');
  });

  it('contains no literal arn:aws: anywhere (every ARN takes the partition)', () => {
    // Act
    const text = JSON.stringify(china);

    // Assess
    expect(text).not.toContain('arn:aws:');
    expect(text).toContain('AWS::Partition');
  });

  it('deploys every state machine with the partition in its service integrations', () => {
    // Act
    const machines = ofType(china, 'AWS::StepFunctions::StateMachine');

    // Assess
    expect(machines).toHaveLength(MACHINES.length);
    for (const [, machine] of machines) {
      expect(machine.Properties?.DefinitionSubstitutions).toMatchObject({ AwsPartition: { Ref: 'AWS::Partition' } });
      expect(JSON.stringify(machine.Properties?.DefinitionString)).toContain(`arn:\${${PARTITION_KEY}}:states:::`);
    }
  });

  it('uses no feature the China regions lack: X-Ray, Function URLs, HTTP tasks, KMS on code packages', () => {
    // Act
    const text = JSON.stringify(china);
    const fns = ofType(china, 'AWS::Lambda::Function');
    const machines = ofType(china, 'AWS::StepFunctions::StateMachine');

    // Assess
    expect(ofType(china, 'AWS::Lambda::Url')).toEqual([]);
    expect(text).not.toContain('states:::http:invoke');
    const actions = ofType(china, 'AWS::IAM::Policy').flatMap(([, policy]) =>
      (
        (policy.Properties?.PolicyDocument as { Statement: { Action: string | string[] }[] } | undefined)?.Statement ??
        []
      ).flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action])),
    );
    expect(actions.length).toBeGreaterThan(50);
    expect(actions.filter((action) => action.startsWith('xray:'))).toEqual([]);
    for (const [, fn] of fns) {
      expect(fn.Properties?.TracingConfig).toBeUndefined();
      expect((fn.Properties?.Code as Record<string, unknown> | undefined)?.SourceKMSKeyArn).toBeUndefined();
      expect(fn.Properties?.Runtime).toBe(CHINA_LAMBDA_RUNTIME.name);
      expect(
        (fn.Properties?.Environment as { Variables: Record<string, string> } | undefined)?.Variables,
      ).toMatchObject({
        POWERTOOLS_TRACE_ENABLED: 'false',
      });
    }
    // The steps, intake, settle, record-evidence, the staff API's two (api, records-api), the sweeper and the
    // document renderer.
    expect(fns).toHaveLength(STEPS.length + 7);
    for (const [, machine] of machines) expect(machine.Properties?.TracingConfiguration).toEqual({ Enabled: false });
  });

  it('is cdk-nag clean, every China acknowledgement giving the China documentation as its reason', () => {
    // Act
    const reasons = Object.values(china.Resources).flatMap((resource) => {
      const nag = resource.Metadata?.cdk_nag as { rules_to_suppress?: { id: string; reason: string }[] } | undefined;
      return (nag?.rules_to_suppress ?? []).filter((r) => ['AwsSolutions-L1', 'AwsSolutions-SF2'].includes(r.id));
    });

    // Assess
    expect(synthesizedChina.violations).toEqual([]);
    expect(reasons.length).toBeGreaterThan(0);
    for (const { reason } of reasons) expect(reason).toContain('docs.amazonaws.cn');
  });

  it('keeps the intake bus and tables outputs that enforce aws smoke reads, and the API URL', () => {
    // Act
    const outputs = Object.keys((china.Outputs ?? {}) as Record<string, unknown>);

    // Assess
    expect(outputs).toEqual(expect.arrayContaining(['IntakeBusName', 'CasesTableName', 'JournalTableName']));
    expect(outputs).toContain('StaffApiUrl');
    expect(outputs).not.toContain('StaffUserPoolId');
  });
});

describe('the China profile for Beijing and for a dev stage', () => {
  it('synthesizes for cn-north-1 and for dev (destroy) without literal arn:aws: or a nag finding', () => {
    // Act
    const beijing = synthesizeStage(chinaConfig('cn-north-1', 'dev'));

    // Assess
    expect(beijing.violations).toEqual([]);
    expect(JSON.stringify(beijing.template)).not.toContain('arn:aws:');
    expect(Object.values(beijing.template.Resources).some((r) => r.Type.startsWith('AWS::Cognito::'))).toBe(false);
    // CDK's own bucket-emptying function (dev) runs on the China runtime too.
    const runtimes = ofType(beijing.template, 'AWS::Lambda::Function').map(([, fn]) => fn.Properties?.Runtime);
    expect(ofType(beijing.template, 'Custom::S3AutoDeleteObjects').length).toBeGreaterThan(0);
    expect(new Set(runtimes)).toEqual(new Set([CHINA_LAMBDA_RUNTIME.name]));
  });
});

describe('choosing the profile', () => {
  it('needs the court provider for a China region, from the CDK context', () => {
    // Act
    const read = (values: Record<string, string>) => () => stageFromContext((key) => values[key]);

    // Assess
    expect(read({ region: 'cn-northwest-1' })).toThrow(InvalidStageConfigError);
    expect(read({ region: 'cn-northwest-1', oidcIssuer: 'http://id.example.cn', oidcAudience: 'c' })).toThrow(
      /oidcIssuer/,
    );
    expect(read({ region: 'cn-northwest-1', oidcIssuer: ISSUER, oidcAudience: AUDIENCE })()).toMatchObject({
      region: 'cn-northwest-1',
      oidc: { issuer: ISSUER, audience: AUDIENCE },
    });
  });

  it('leaves the global template with its Cognito sign-in, REST API and active tracing', () => {
    // Act
    const global = synthesizedTemplate();
    const rest = synthesized().restTemplate;

    // Assess: the REST API in its nested stack (infra/constructs/staff-rest-api.ts), the user pool in the parent.
    expect(ofType(global, 'AWS::Cognito::UserPool')).toHaveLength(1);
    expect(ofType(rest, 'AWS::ApiGateway::RestApi')).toHaveLength(1);
    expect(ofType(global, 'AWS::CloudFormation::Stack')).toHaveLength(1);
    expect(ofType(global, 'AWS::ApiGatewayV2::Api')).toEqual([]);
    for (const [, fn] of ofType(global, 'AWS::Lambda::Function').filter(([, f]) =>
      String(f.Properties?.FunctionName ?? '').startsWith('enforcement-'),
    )) {
      expect(fn.Properties?.TracingConfig).toEqual({ Mode: 'Active' });
    }
  });
});

describe('the infrastructure code', () => {
  it('spells no literal arn:aws: in infra/ (ARNs come from the partition)', () => {
    // Prepare
    const root = new URL('../../infra/', import.meta.url).pathname;
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

    // Act
    const offending = files.filter((file) => readFileSync(join(root, file), 'utf8').includes('arn:aws:'));

    // Assess
    expect(files.length).toBeGreaterThan(10);
    expect(offending).toEqual([]);
  });
});
