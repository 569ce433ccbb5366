/**
 * X-Ray sampling as a stage setting (tracing.sampleRate): 1 by default (every execution, request and entry-function
 * invocation traced, no sampling rule); below 1, sampling rules for Step Functions and the staff API at that rate
 * with no reservoir, and the functions that start traces of their own switched to PassThrough.
 */
import { describe, expect, it } from 'vitest';
import { InvalidStageConfigError, resolveStage } from '../../infra/config.ts';
import { SAMPLED_SERVICES } from '../../infra/constructs/trace-sampling.ts';
import { type CfnResource, synthesizedTemplate, synthesizeStage, TEST_CONFIG } from './stack.ts';

const ENTRY_FUNCTIONS = ['intake', 'settle', 'record-evidence', 'sweep-nodes'];

function functionsByName(resources: Readonly<Record<string, CfnResource>>) {
  return Object.fromEntries(
    Object.values(resources)
      .filter((r) => r.Type === 'AWS::Lambda::Function' && typeof r.Properties?.FunctionName === 'string')
      .map((r) => [String(r.Properties?.FunctionName).replace(/^enforcement-/, ''), r.Properties]),
  );
}

describe('X-Ray sampling, a stage setting', () => {
  it('by default traces everything: no sampling rule, every function active', () => {
    expect(TEST_CONFIG.tracing.sampleRate).toBe(1);
    const template = synthesizedTemplate();
    expect(Object.values(template.Resources).filter((r) => r.Type === 'AWS::XRay::SamplingRule')).toEqual([]);
    const fns = functionsByName(template.Resources);
    for (const name of [...ENTRY_FUNCTIONS, 'triage', 'api'])
      expect(fns[name]?.TracingConfig).toEqual({ Mode: 'Active' });
  });

  it('below 1: rules for executions and API requests at that rate, no reservoir; entry functions pass through', () => {
    const { template, violations } = synthesizeStage({ ...TEST_CONFIG, tracing: { sampleRate: 0.05 } });
    expect(violations).toEqual([]);
    const rules = Object.values(template.Resources)
      .filter((r) => r.Type === 'AWS::XRay::SamplingRule')
      .map((r) => r.Properties?.SamplingRule as Record<string, unknown>);
    expect(rules.map((r) => r.ServiceType).sort()).toEqual(Object.values(SAMPLED_SERVICES).sort());
    for (const rule of rules) expect(rule).toMatchObject({ FixedRate: 0.05, ReservoirSize: 0, Priority: 100 });
    const fns = functionsByName(template.Resources);
    for (const name of ENTRY_FUNCTIONS) expect(fns[name]?.TracingConfig).toEqual({ Mode: 'PassThrough' });
    // Functions a state machine or the API calls follow their caller's decision.
    for (const name of ['triage', 'api']) expect(fns[name]?.TracingConfig).toEqual({ Mode: 'Active' });
  });

  it('refuses a rate outside 0 to 1', () => {
    const stage = { evidence: { archiveClass: 'short' as const, retentionDays: 7 } };
    expect(() => resolveStage('test', { ...stage, tracing: { sampleRate: 1.5 } })).toThrow(InvalidStageConfigError);
    expect(resolveStage('test', { ...stage, tracing: { sampleRate: 0.1 } }).tracing.sampleRate).toBe(0.1);
  });
});
