/**
 * Stages and the CDK context: every documented `-c name=value` is read, the sign-in prefix reaches the template
 * (and its default differs per deployment), a `destroy` stage (dev) keeps nothing behind, prod keeps its data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTEXT_VALUES, InvalidStageConfigError, stageConfig, stageFromContext } from '../../infra/config.ts';
import { type CfnTemplate, synthesizedTemplate, synthesizeStage } from './stack.ts';

const context =
  (values: Record<string, string>) =>
  (key: string): unknown =>
    values[key];

const resources = (template: CfnTemplate, type: string) =>
  Object.values(template.Resources).filter((resource) => resource.Type === type);

const KEPT = ['Retain', 'Snapshot', 'RetainExceptOnCreate'];

describe('the CDK context', () => {
  it('reads every context value the docs and the README show as -c <name>=…', () => {
    // Prepare
    const texts = [
      readFileSync(new URL('../../README.md', import.meta.url), 'utf8'),
      ...readdirSync(new URL('../../docs/', import.meta.url))
        .filter((name) => name.endsWith('.md'))
        .map((name) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8')),
    ];

    // Act
    const documented = [...new Set(texts.flatMap((text) => [...text.matchAll(/-c ([A-Za-z]+)=/g)].map((m) => m[1])))];

    // Assess
    expect(documented).toContain('signInDomainPrefix');
    for (const name of documented) expect(CONTEXT_VALUES).toContain(name);
  });

  it('overrides the stage with each value given, strings as the CLI passes them', () => {
    // Prepare
    const values = {
      stage: 'prod',
      namePrefix: 'hebei-enforce',
      alarmEmail: 'ops@example.court',
      signInDomainPrefix: 'hebei-court-staff',
      casesIndexes: '3',
    };

    // Act
    const config = stageFromContext(context(values));

    // Assess
    expect(config).toMatchObject({ ...values, casesIndexes: 3 });
    expect(config.evidence.retentionDays).toBe(stageConfig('prod').evidence.retentionDays);
    expect(stageFromContext(context({}))).toEqual(stageConfig('dev'));
  });

  it.each([
    ['an unknown stage', { stage: 'staging' }, /unknown stage/],
    ['a sign-in prefix with a reserved word', { signInDomainPrefix: 'court-cognito' }, /signInDomainPrefix/],
    ['a sign-in prefix ending in a hyphen', { signInDomainPrefix: 'court-' }, /signInDomainPrefix/],
    ['a number of indexes that is not one', { casesIndexes: 'three' }, /casesIndexes/],
    ['more indexes than the table has', { casesIndexes: '9' }, /casesIndexes/],
  ])('refuses %s', (_, values, message) => {
    // Act
    const act = () => stageFromContext(context(values));

    // Assess
    expect(act).toThrow(InvalidStageConfigError);
    expect(act).toThrow(message);
  });
});

describe('the dev stage (destroy), with a custom sign-in prefix', () => {
  const { template, violations } = synthesizeStage(
    stageFromContext(context({ stage: 'dev', signInDomainPrefix: 'hebei-court-staff-dev' })),
  );

  it('passes cdk-nag, with a written reason for what it adds (the buckets emptied on deletion)', () => {
    expect(violations).toEqual([]);
  });

  it('puts the custom sign-in prefix in the template', () => {
    expect(resources(template, 'AWS::Cognito::UserPoolDomain').map((d) => d.Properties?.Domain)).toEqual([
      'hebei-court-staff-dev',
    ]);
  });

  it('retains nothing and protects nothing from deletion', () => {
    // Act
    const kept = Object.entries(template.Resources).filter(
      ([, resource]) =>
        KEPT.includes(resource.DeletionPolicy ?? '') || KEPT.includes(resource.UpdateReplacePolicy ?? ''),
    );

    // Assess
    expect(kept.map(([id]) => id)).toEqual([]);
    expect(JSON.stringify(template)).not.toMatch(/"Retain"/);
    for (const table of resources(template, 'AWS::DynamoDB::Table')) {
      expect(table.Properties?.DeletionProtectionEnabled).toBe(false);
    }
    for (const pool of resources(template, 'AWS::Cognito::UserPool')) {
      expect(pool.Properties?.DeletionProtection).toBe('INACTIVE');
    }
    expect(resources(template, 'AWS::KMS::Key').map((k) => k.Properties?.PendingWindowInDays)).toEqual([7]);
  });

  it('empties every bucket before deleting it, and names none of them', () => {
    // Act
    const buckets = resources(template, 'AWS::S3::Bucket');
    const emptied = resources(template, 'Custom::S3AutoDeleteObjects');

    // Assess
    expect(buckets.length).toBeGreaterThanOrEqual(3);
    expect(emptied).toHaveLength(buckets.length);
    for (const bucket of buckets) expect(bucket.Properties?.BucketName).toBeUndefined();
  });
});

describe('the prod stage (retain)', () => {
  const { template, nested, violations } = synthesizeStage(stageConfig('prod'));

  it('stays under the 500 resources CloudFormation allows a stack, the staff REST API in a nested stack of its own', () => {
    // Prepare
    const rest = nested['Enforcement-prod/StaffApi/Rest'];

    // Assess: the parent holds 263 resources today (dev 267, with its auto-delete handlers) and no longer grows with
    // routes: a route costs a method and often a resource in the nested stack (206 today, WAF association included;
    // test/infra/staff-api.test.ts checks that a new route lands there). The nested stack has its own 500.
    expect(Object.keys(template.Resources).length).toBeLessThan(480);
    expect(rest).toBeDefined();
    expect(Object.keys(rest?.Resources ?? {}).length).toBeLessThan(500);
    expect(resources(template, 'AWS::CloudFormation::Stack')).toHaveLength(1);
  });

  it('passes cdk-nag', () => {
    expect(violations).toEqual([]);
  });

  it('keeps the case store (cases, documents, journal), the evidence, the key and the user pool', () => {
    // Act
    const tables = resources(template, 'AWS::DynamoDB::Table');
    const evidence = resources(template, 'AWS::S3::Bucket').filter((b) => b.Properties?.ObjectLockEnabled === true);

    // Assess
    expect(tables).toHaveLength(3);
    for (const table of tables) {
      expect([table.DeletionPolicy, table.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
      expect(table.Properties?.DeletionProtectionEnabled).toBe(true);
    }
    expect(evidence.map((b) => b.DeletionPolicy)).toEqual(['Retain']);
    expect(resources(template, 'AWS::KMS::Key').map((k) => k.DeletionPolicy)).toEqual(['Retain']);
    expect(resources(template, 'AWS::Cognito::UserPool').map((p) => p.DeletionPolicy)).toEqual(['Retain']);
    expect(resources(template, 'Custom::S3AutoDeleteObjects')).toEqual([]);
  });
});

describe('the default sign-in prefix', () => {
  it('is the name prefix, the stage and the first group of the stack id (unique per deployment)', () => {
    // Act
    const [domain] = resources(synthesizedTemplate(), 'AWS::Cognito::UserPoolDomain');

    // Assess
    expect(JSON.stringify(domain?.Properties?.Domain)).toMatch(/"Fn::Join":\["-",\["enforcement-test",/);
    expect(JSON.stringify(domain?.Properties?.Domain)).toContain('"Ref":"AWS::StackId"');
  });
});
