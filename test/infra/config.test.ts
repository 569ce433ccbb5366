import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { InvalidStageConfigError, resolveStage, STAGES, stageConfig } from '../../infra/config.ts';
import { EvidenceBucket } from '../../infra/constructs/evidence-bucket.ts';
import { StepFunction } from '../../infra/constructs/step-function.ts';
import { definitionReferences } from '../../infra/constructs/workflows.ts';
import { stepEntry } from '../../infra/paths.ts';

describe('the stage configuration', () => {
  it('defaults to GOVERNANCE Object Lock, the enforcement name prefix, 512 MB and every execution traced', () => {
    // Prepare
    const input = { evidence: { archiveClass: 'short' as const, retentionDays: 30 } };

    // Act
    const config = resolveStage('qa', input);

    // Assess
    expect(config).toEqual({
      stage: 'qa',
      namePrefix: 'enforcement',
      evidence: { objectLockMode: 'GOVERNANCE', retentionDays: 30, archiveClass: 'short' },
      logRetention: RetentionDays.THREE_MONTHS,
      memorySize: 512,
      tracing: { sampleRate: 1 },
      removal: 'retain',
      api: { waf: false, rateLimit: 50, burstLimit: 100 },
    });
  });

  it('puts AWS WAF in front of the staff API in prod, and refuses a throttle out of range', () => {
    expect(stageConfig('prod').api.waf).toBe(true);
    expect(stageConfig('dev').api.waf).toBe(false);
    expect(() =>
      resolveStage('qa', { evidence: { archiveClass: 'short' as const, retentionDays: 30 }, api: { rateLimit: 0 } }),
    ).toThrow(/api.rateLimit/);
  });

  it('keeps an explicit COMPLIANCE mode and alarm e-mail', () => {
    // Prepare
    const input = {
      evidence: { objectLockMode: 'COMPLIANCE', archiveClass: 'long', retentionDays: 3650 },
      alarmEmail: 'ops@example.com',
    } as const;

    // Act
    const config = resolveStage('prod', input);

    // Assess
    expect(config.evidence).toEqual({ objectLockMode: 'COMPLIANCE', retentionDays: 3650, archiveClass: 'long' });
    expect(config.alarmEmail).toBe('ops@example.com');
  });

  it.each([
    ['a fractional retention', { evidence: { archiveClass: 'short' as const, retentionDays: 1.5 } }, /retentionDays/],
    ['no retention', { evidence: { archiveClass: 'short' as const, retentionDays: 0 } }, /retentionDays/],
    [
      'an unknown lock mode',
      { evidence: { archiveClass: 'short' as const, objectLockMode: 'LEGAL' as never, retentionDays: 1 } },
      /objectLockMode/,
    ],
    [
      'too little memory',
      { evidence: { archiveClass: 'short' as const, retentionDays: 1 }, memorySize: 64 },
      /memorySize/,
    ],
    [
      'a malformed e-mail',
      { evidence: { archiveClass: 'short' as const, retentionDays: 1 }, alarmEmail: 'ops' },
      /alarmEmail/,
    ],
    [
      'an upper-case prefix',
      { evidence: { archiveClass: 'short' as const, retentionDays: 1 }, namePrefix: 'Enforcement' },
      /namePrefix/,
    ],
  ])('rejects %s', (_, input, message) => {
    // Prepare
    const resolve = () => resolveStage('qa', input);

    // Act
    const act = () => resolve();

    // Assess
    expect(act).toThrow(InvalidStageConfigError);
    expect(act).toThrow(message);
  });

  it('requires the archive class of enforcement files, and locks evidence for its years unless told otherwise', () => {
    // Act
    const missing = () => resolveStage('qa', { evidence: { retentionDays: 30 } });
    const short = resolveStage('qa', { evidence: { archiveClass: 'short' } });
    const long = resolveStage('qa', { evidence: { archiveClass: 'long' } });
    const permanent = () => resolveStage('qa', { evidence: { archiveClass: 'permanent' } });

    // Assess
    expect(missing).toThrow(/evidence.archiveClass is required/);
    expect(short.evidence.retentionDays).toBe(10958);
    expect(long.evidence.retentionDays).toBe(21915);
    expect(permanent).toThrow(/retentionDays is required for a permanent archive class/);
    expect(resolveStage('qa', { evidence: { archiveClass: 'permanent', retentionDays: 36500 } }).evidence).toEqual({
      objectLockMode: 'GOVERNANCE',
      retentionDays: 36500,
      archiveClass: 'permanent',
    });
  });

  it('resolves every known stage and refuses an unknown one', () => {
    // Prepare
    const stages = Object.keys(STAGES);

    // Act
    const configs = stages.map((stage) => stageConfig(stage));

    // Assess
    expect(configs.map((c) => c.stage)).toEqual(stages);
    expect(stageConfig().stage).toBe('dev');
    expect(() => stageConfig('staging-unknown')).toThrow(/unknown stage/);
  });
});

describe('the evidence bucket construct', () => {
  it('applies COMPLIANCE mode when the stage asks for it', () => {
    // Prepare
    const stack = new Stack();
    const key = new Key(stack, 'Key', { enableKeyRotation: true });

    // Act
    new EvidenceBucket(stack, 'Evidence', { key, objectLockMode: 'COMPLIANCE', retentionDays: 3650 });

    // Assess
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 } } },
    });
  });
});

describe('the workflows construct', () => {
  it('refuses a definition placeholder that names no step or machine', () => {
    // Prepare
    const placeholder = ['$', '{FnNoSuchStep}'].join('');
    const definition = { StartAt: 'A', States: { A: { Type: 'Task', Resource: placeholder, End: true } } };

    // Act
    const act = () => definitionReferences(definition);

    // Assess
    expect(act).toThrow(/FnNoSuchStep/);
  });
});

describe('the function factory', () => {
  it('requires a dead-letter queue or the reason there is none', () => {
    // Prepare
    const stack = new Stack();
    const key = new Key(stack, 'Key', { enableKeyRotation: true });

    // Act
    const act = () =>
      new StepFunction(stack, 'Fn', {
        functionName: 'enforcement-triage',
        description: 'test',
        entry: stepEntry('triage'),
        key,
        memorySize: 512,
        timeout: undefined as never,
        logRetention: RetentionDays.ONE_DAY,
      });

    // Assess
    expect(act).toThrow(/deadLetterQueue and noDeadLetterQueueReason/);
  });
});
