/**
 * Builds the enforcement stack once per test file, in-process, exactly as `cdk synth` does (cdk.json's feature
 * flags, the cdk-nag packs from infra/app.ts) but without esbuild bundling, and keeps the result: the
 * CloudFormation template, the validation report and the construct tree.
 *
 * `synthesizedTemplate()` is the entry point for other suites (e.g. running the deployed definitions in the
 * embedded runtime): the template as CloudFormation would receive it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { MACHINES, type MachineName } from '#workflows/index.ts';
import { buildApp, stackName } from '../../infra/app.ts';
import { resolveStage, type StageConfig } from '../../infra/config.ts';
import type { EnforcementStack } from '../../infra/stacks/enforcement-stack.ts';

/** A small but complete stage: every optional resource (the alarm e-mail subscription) is present. */
export const TEST_CONFIG: StageConfig = resolveStage('test', {
  evidence: { archiveClass: 'short', retentionDays: 7 },
  alarmEmail: 'enforcement-alarms@example.com',
});

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly Metadata?: Record<string, unknown>;
}

export interface CfnTemplate {
  readonly Resources: Readonly<Record<string, CfnResource>>;
  readonly [section: string]: unknown;
}

export interface ValidationViolation {
  readonly ruleName: string;
  readonly severity?: string;
  readonly description?: string;
  readonly violatingConstructs: readonly { readonly constructPath: string }[];
}

export interface ValidationReport {
  readonly pluginReports: readonly {
    readonly pluginName: string;
    readonly conclusion: string;
    readonly violations?: readonly ValidationViolation[];
    readonly suppressedViolations?: readonly (ValidationViolation & { readonly reason?: string })[];
  }[];
}

export interface Synthesized {
  readonly app: App;
  readonly stack: EnforcementStack;
  readonly template: CfnTemplate;
  /** The staff REST API's nested stack template (the global profile). */
  readonly restTemplate: CfnTemplate;
  readonly report: ValidationReport;
}

const CDK_JSON = new URL('../../cdk.json', import.meta.url);

/** cdk.json's context (feature flags), so the in-process app synthesizes what the CLI would. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

export interface SynthesisOptions {
  /**
   * Also run CDK's built-in CloudFormation template validation (as `cdk synth` does). It costs about two
   * seconds of WebAssembly per synth, so only the suite that checks the validation report asks for it.
   */
  readonly cloudFormationValidation?: boolean;
}

const cache = new Map<boolean, Synthesized>();

let consoleFiles: string | undefined;

/** A stand-in for the built console (building it takes esbuild; the template only names the asset). */
export function testConsoleFiles(): string {
  if (consoleFiles) return consoleFiles;
  consoleFiles = mkdtempSync(join(tmpdir(), 'console-files-'));
  writeFileSync(join(consoleFiles, 'index.html'), '<!doctype html><title>console</title>\n');
  return consoleFiles;
}

/** A fresh in-process app as the CLI would build it (no esbuild, findings in the report). */
function testApp(validation: boolean): App {
  return new App({
    context: {
      ...cdkJsonContext(),
      // No esbuild: the template is the same, the function code is a placeholder.
      'aws:cdk:bundling-stacks': [],
      // Findings go to validation-report.json instead of failing the synth, so a test can list them.
      '@aws-cdk/core:failSynthOnValidationErrors': false,
    },
    builtinCloudFormationValidation: validation,
    treeMetadata: false,
  });
}

/** The templates of a stack's nested stacks, by the nested stack's construct path. */
function nestedTemplates(stack: Stack, directory: string): Record<string, CfnTemplate> {
  return Object.fromEntries(
    stack.node
      .findAll()
      .filter((c): c is NestedStack => c instanceof NestedStack)
      .map((nested) => [
        nested.node.path,
        JSON.parse(readFileSync(join(directory, nested.templateFile), 'utf8')) as CfnTemplate,
      ]),
  );
}

export interface SynthesizedStage {
  readonly template: CfnTemplate;
  /** Each nested stack's template, by its construct path (e.g. `Enforcement-prod/StaffApi/Rest`). */
  readonly nested: Readonly<Record<string, CfnTemplate>>;
  readonly violations: string[];
}

/** Another stage's templates and validation findings (not cached: each call synthesizes, a few seconds). */
export function synthesizeStage(config: StageConfig): SynthesizedStage {
  const app = testApp(false);
  const stack = buildApp(app, config, testConsoleFiles());
  const assembly = app.synth();
  const report = JSON.parse(
    readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'),
  ) as ValidationReport;
  const violations = report.pluginReports.flatMap((plugin) =>
    (plugin.violations ?? []).flatMap((v) =>
      v.violatingConstructs.map((c) => `${plugin.pluginName}: ${v.severity} ${v.ruleName} @ ${c.constructPath}`),
    ),
  );
  return {
    template: assembly.getStackByName(stackName(config)).template as CfnTemplate,
    nested: nestedTemplates(stack, assembly.directory),
    violations,
  };
}

/** The stack synthesized once per test file (and options): template, validation report, construct tree. */
export function synthesized(options: SynthesisOptions = {}): Synthesized {
  const validation = options.cloudFormationValidation ?? false;
  const cached = cache.get(validation);
  if (cached) return cached;
  const app = testApp(validation);
  const stack = buildApp(app, TEST_CONFIG, testConsoleFiles());
  const assembly = app.synth();
  const template = assembly.getStackByName(stackName(TEST_CONFIG)).template as CfnTemplate;
  const report = JSON.parse(
    readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'),
  ) as ValidationReport;
  const restTemplate = nestedTemplates(stack, assembly.directory)[stack.staffApi.rest.node.path];
  if (!restTemplate) throw new Error('the staff REST API has no nested stack template');
  const result = { app, stack, template, restTemplate, report };
  cache.set(validation, result);
  return result;
}

/** The synthesized CloudFormation template (JSON), as deployed. */
export function synthesizedTemplate(): CfnTemplate {
  return synthesized().template;
}

let assertions: Template | undefined;

/** The template for aws-cdk-lib/assertions (also checks it has no dependency cycle). */
export function template(): Template {
  assertions ??= Template.fromJSON(synthesizedTemplate());
  return assertions;
}

let restAssertions: Template | undefined;

/** The staff REST API's nested stack template for aws-cdk-lib/assertions. */
export function restTemplate(): Template {
  restAssertions ??= Template.fromJSON(synthesized().restTemplate);
  return restAssertions;
}

/**
 * A value of the staff REST API's nested template as JSON text, each of its parameters replaced by what the parent
 * passes in (e.g. `{"Ref":"referencetoEnforcementtestApiFunction…Arn"}` becomes `{"Fn::GetAtt":["ApiFunction…","Arn"]}`).
 */
export function asPassedByParent(value: unknown): string {
  const { stack, template } = synthesized();
  const resource = stack.staffApi.rest.nestedStackResource;
  if (!resource) throw new Error('the staff REST API is not a nested stack');
  const parameters = (template.Resources[logicalId(resource)]?.Properties?.Parameters ?? {}) as Record<string, unknown>;
  return JSON.stringify(value, (_key, v: unknown) => {
    const ref = (v as { Ref?: unknown } | null)?.Ref;
    return typeof ref === 'string' && ref in parameters ? parameters[ref] : v;
  });
}

/** The logical ID of a construct's CloudFormation resource (in its own stack, the parent or a nested one). */
export function logicalId(element: CfnElement): string {
  return element.stack.getLogicalId(element);
}

/** Resources of one type, by logical ID: in the parent stack, or in the template given (a nested stack's). */
export function resourcesOfType(type: string, from: CfnTemplate = synthesizedTemplate()): [string, CfnResource][] {
  return Object.entries(from.Resources).filter(([, resource]) => resource.Type === type);
}

/** The logical ID of the function with this physical name (e.g. `enforcement-triage`). */
export function functionLogicalId(functionName: string): string {
  const found = resourcesOfType('AWS::Lambda::Function').find(([, fn]) => fn.Properties?.FunctionName === functionName);
  if (!found) throw new Error(`no function named ${functionName}`);
  return found[0];
}

export function machineResource(machine: MachineName): [string, CfnResource] {
  const name = `${TEST_CONFIG.namePrefix}-${machine}`;
  const found = resourcesOfType('AWS::StepFunctions::StateMachine').find(
    ([, sm]) => sm.Properties?.StateMachineName === name,
  );
  if (!found) throw new Error(`no state machine named ${name}`);
  return found;
}

/** A DefinitionString as text: a string, or an Fn::Join of strings (a token inside is an error). */
export function definitionText(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] } | null)?.['Fn::Join'];
  if (join) return join[1].map(definitionText).join(join[0]);
  throw new Error(`the definition contains a CloudFormation expression: ${JSON.stringify(value)}`);
}

export interface DeployedDefinition {
  /** The definition as deployed, with its `${Key}` placeholders. */
  readonly definition: unknown;
  /** DefinitionSubstitutions as in the template (CloudFormation expressions). */
  readonly substitutions: Readonly<Record<string, unknown>>;
}

/** Each machine's definition and substitutions, read back from the template. */
export function deployedDefinitions(): Record<MachineName, DeployedDefinition> {
  return Object.fromEntries(
    MACHINES.map((machine) => {
      const [, resource] = machineResource(machine);
      return [
        machine,
        {
          definition: JSON.parse(definitionText(resource.Properties?.DefinitionString)),
          substitutions: (resource.Properties?.DefinitionSubstitutions ?? {}) as Record<string, unknown>,
        },
      ];
    }),
  ) as Record<MachineName, DeployedDefinition>;
}

/** The statements of every IAM policy attached to a role (by the role's logical ID). */
export function roleStatements(roleLogicalId: string): PolicyStatementJson[] {
  const statements: PolicyStatementJson[] = [];
  for (const [, policy] of resourcesOfType('AWS::IAM::Policy')) {
    const roles = (policy.Properties?.Roles ?? []) as unknown[];
    if (!roles.some((role) => JSON.stringify(role) === JSON.stringify({ Ref: roleLogicalId }))) continue;
    const document = policy.Properties?.PolicyDocument as { Statement: PolicyStatementJson[] };
    statements.push(...document.Statement);
  }
  const [, role] = resourcesOfType('AWS::IAM::Role').find(([id]) => id === roleLogicalId) ?? [];
  for (const inline of (role?.Properties?.Policies ?? []) as {
    PolicyDocument: { Statement: PolicyStatementJson[] };
  }[]) {
    statements.push(...inline.PolicyDocument.Statement);
  }
  return statements;
}

export interface PolicyStatementJson {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: string | string[];
  readonly Resource?: unknown;
  readonly Principal?: unknown;
  readonly Condition?: unknown;
}

export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The role (logical ID) a function runs as. */
export function functionRoleLogicalId(functionLogicalIdValue: string): string {
  const fn = synthesizedTemplate().Resources[functionLogicalIdValue];
  const role = fn?.Properties?.Role as { 'Fn::GetAtt'?: [string, string] } | undefined;
  const id = role?.['Fn::GetAtt']?.[0];
  if (!id) throw new Error(`function ${functionLogicalIdValue} has no role of this stack`);
  return id;
}
