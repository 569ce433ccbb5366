/**
 * The CDK app: `npx cdk synth` (cdk.json runs `node infra/app.ts`). One environment-agnostic stack per
 * invocation; choose the stage with `-c stage=<name>` (default dev) and optionally `-c alarmEmail=<address>`.
 */
import { App, Tags } from 'aws-cdk-lib';
import { DEFINITION_VERSION } from '#workflows/index.ts';
import { DEFAULT_STAGE, resolveStage, STAGES, type StageConfig, stageConfig } from './config.ts';
import { applyNag } from './nag.ts';
import { EnforcementStack } from './stacks/enforcement-stack.ts';

export function stackName(config: StageConfig): string {
  return `Enforcement-${config.stage}`;
}

export function buildApp(app: App, config: StageConfig): EnforcementStack {
  const stack = new EnforcementStack(app, stackName(config), {
    config,
    description: `Court enforcement case backbone (${config.stage}, definitions ${DEFINITION_VERSION})`,
  });
  Tags.of(stack).add('project', 'court-enforcement');
  Tags.of(stack).add('stage', config.stage);
  applyNag(app);
  return stack;
}

function configFromContext(app: App): StageConfig {
  const stage = String(app.node.tryGetContext('stage') ?? DEFAULT_STAGE);
  const alarmEmail: unknown = app.node.tryGetContext('alarmEmail');
  const indexes: unknown = app.node.tryGetContext('casesIndexes');
  const config =
    alarmEmail === undefined
      ? stageConfig(stage)
      : resolveStage(stage, {
          ...(STAGES[stage] ?? { evidence: { retentionDays: 1 } }),
          alarmEmail: String(alarmEmail),
        });
  if (alarmEmail !== undefined && !STAGES[stage]) return stageConfig(stage); // throws: unknown stage
  // Upgrading a stack deployed before gsi3-gsi5: -c casesIndexes=3, then 4, then 5 (one new index per deployment).
  return indexes === undefined ? config : { ...config, casesIndexes: Number(indexes) };
}

if (import.meta.main) {
  const app = new App();
  buildApp(app, configFromContext(app));
  app.synth();
}
