import { App, Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { applyNag } from '../../infra/nag.ts';
import { synthesized } from './stack.ts';

/** The same synth as `cdk synth`: the nag packs and CDK's own CloudFormation validation. */
const WITH_VALIDATION = { cloudFormationValidation: true } as const;

interface Acknowledgement {
  readonly id: string;
  readonly path: string;
  readonly reason: string;
}

/** Every acknowledgement in the construct tree, where it was made. */
function acknowledgements(root: IConstruct): Acknowledgement[] {
  const found: Acknowledgement[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>)) {
        found.push({ id: id.replace(/^annotation::/i, ''), path: construct.node.path, reason: String(reason ?? '') });
      }
    }
  }
  // Acknowledging the same id again on the same construct replaces the earlier reason.
  return [...new Map(found.map((a) => [`${a.path} ${a.id}`, a])).values()];
}

interface Finding {
  readonly rule: string;
  readonly path: string;
}

let raw: Finding[] | undefined;

/** What the packs find in the stack when acknowledgements are ignored (computed once). */
function rawFindings(root: IConstruct): Finding[] {
  raw ??= unacknowledgedFindings(root);
  return raw;
}

function unacknowledgedFindings(root: IConstruct): Finding[] {
  const packs: NagPack[] = [new AwsSolutionsChecks(), new ServerlessChecks()];
  return packs.flatMap((pack) => {
    Object.assign(pack, { isAcknowledged: () => false });
    return pack
      .validateScope(root)
      .violations.flatMap((v) => v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '' })));
  });
}

const covers = (ack: Acknowledgement, finding: Finding) =>
  ack.id === finding.rule && (finding.path === ack.path || finding.path.startsWith(`${ack.path}/`));

describe('cdk-nag (AwsSolutions and Serverless)', () => {
  it('reports no unacknowledged finding from any validation plugin', () => {
    // Prepare
    const { report } = synthesized(WITH_VALIDATION);

    // Act
    const violations = report.pluginReports.flatMap((plugin) =>
      (plugin.violations ?? []).flatMap((v) =>
        v.violatingConstructs.map((c) => `${plugin.pluginName}: ${v.severity} ${v.ruleName} @ ${c.constructPath}`),
      ),
    );

    // Assess
    expect(violations).toEqual([]);
  });

  it('has a specific written reason for every finding it acknowledges', () => {
    // Prepare
    const { stack } = synthesized(WITH_VALIDATION);
    const acks = acknowledgements(stack);

    // Act
    const findings = rawFindings(stack);
    const unexplained = findings.filter(
      (finding) => !acks.some((ack) => covers(ack, finding) && ack.reason.trim().length > 0),
    );

    // Assess
    expect(findings.some((f) => f.rule.startsWith('AwsSolutions-'))).toBe(true);
    expect(findings.some((f) => f.rule.startsWith('Serverless-'))).toBe(true);
    expect(unexplained).toEqual([]);
    for (const ack of acks) expect(ack.reason.trim().length, `${ack.id} @ ${ack.path}`).toBeGreaterThanOrEqual(60);
  });

  it('acknowledges narrowly: each acknowledgement names a finding id and excuses at least one finding', () => {
    // Prepare
    const { stack } = synthesized(WITH_VALIDATION);
    const findings = rawFindings(stack);

    // Act
    const acks = acknowledgements(stack);
    const unused = acks.filter((ack) => !findings.some((finding) => covers(ack, finding)));
    const bareIam5 = acks.filter((ack) => ack.id === 'AwsSolutions-IAM5');
    const onStackOrApp = acks.filter((ack) => !ack.path.includes('/'));

    // Assess
    expect(acks.length).toBeGreaterThan(0);
    expect(unused.map((a) => `${a.id} @ ${a.path}`)).toEqual([]);
    expect(bareIam5).toEqual([]);
    expect(onStackOrApp).toEqual([]);
  });

  it('writes the acknowledgements into the template as an audit trail', () => {
    // Prepare
    const { template } = synthesized(WITH_VALIDATION);

    // Act
    const recorded = Object.values(template.Resources).flatMap(
      (resource) =>
        (resource.Metadata?.cdk_nag as { rules_to_suppress?: { id: string; reason: string }[] } | undefined)
          ?.rules_to_suppress ?? [],
    );

    // Assess
    expect(recorded.length).toBeGreaterThan(0);
    for (const rule of recorded) expect(rule.reason.trim(), rule.id).not.toBe('');
  });

  it('fails the synth of an app with an unacknowledged finding', () => {
    // Prepare
    const app = new App();
    new Queue(new Stack(app, 'Unchecked'), 'PlainQueue');
    applyNag(app);

    // Act
    const synth = () => app.synth();

    // Assess
    expect(synth).toThrow(/AwsSolutions-SQS|Serverless-SQSRedrivePolicy|[Vv]alidation/);
  });
});
