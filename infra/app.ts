/**
 * The CDK app: `npx cdk synth` (cdk.json runs `node infra/app.ts`). One environment-agnostic stack per
 * invocation; choose the stage with `-c stage=<name>` (default dev). The other context values (CONTEXT_VALUES in
 * config.ts: namePrefix, alarmEmail, signInDomainPrefix, casesIndexes) override the stage's own; docs/deploy-aws.md
 * lists them. `-c region=cn-north-1|cn-northwest-1` (with oidcIssuer and oidcAudience) synthesizes the China profile
 * (infra/profile.ts, docs/deploy-aws-china.md).
 */
import { App, Tags } from 'aws-cdk-lib';
import { DEFINITION_VERSION } from '#workflows/index.ts';
import { isChina, type StageConfig, stageFromContext } from './config.ts';
import { writeConsoleFiles } from './console-files.ts';
import { applyNag } from './nag.ts';
import { EnforcementStack } from './stacks/enforcement-stack.ts';

export function stackName(config: StageConfig): string {
  return `Enforcement-${config.stage}`;
}

/** The app's one stack; `consoleFiles` is the built console the stack deploys (writeConsoleFiles). */
export function buildApp(app: App, config: StageConfig, consoleFiles: string): EnforcementStack {
  const stack = new EnforcementStack(app, stackName(config), {
    config,
    consoleFiles,
    // The China profile is bound to its region (partition aws-cn, endpoints under amazonaws.com.cn); the global
    // stack stays environment-agnostic.
    ...(isChina(config) && config.region ? { env: { region: config.region } } : {}),
    description: `Court enforcement case backbone (${config.stage}, definitions ${DEFINITION_VERSION})`,
  });
  Tags.of(stack).add('project', 'court-enforcement');
  Tags.of(stack).add('stage', config.stage);
  applyNag(app);
  return stack;
}

if (import.meta.main) {
  const app = new App();
  const config = stageFromContext((key) => app.node.tryGetContext(key));
  buildApp(app, config, await writeConsoleFiles());
  app.synth();
}
