/**
 * A deployment changes the step code under executions still running an older definition. Every step must keep
 * accepting the payloads of every released definition version still in flight: one fixture per step and version.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STEP_REGISTRY } from '#steps/index.ts';
import { DEFINITION_VERSION } from '#workflows/index.ts';
import { KEPT_FOR_EARLIER_DEFINITIONS, STEPS, type StepName } from '#workflows/steps.ts';

const ROOT = 'test/fixtures/step-payloads';
describe('step payloads of every released definition version', () => {
  const versions = readdirSync(ROOT);

  it('include the current definition version', () => {
    expect(versions).toContain(DEFINITION_VERSION);
  });

  it('cover every step in the current version (an older version covers the steps it called)', () => {
    expect(Object.keys(STEP_REGISTRY).sort()).toEqual([...STEPS].sort());
    const current = readdirSync(`${ROOT}/${DEFINITION_VERSION}`).map((f) => f.replace('.json', ''));
    // A step no current definition calls (kept for earlier definitions in flight) has no payload to record now.
    const called = STEPS.filter((step) => !KEPT_FOR_EARLIER_DEFINITIONS.includes(step));
    expect(called.filter((step) => !current.includes(step))).toEqual([]);
    expect(current.filter((step) => !(STEPS as readonly string[]).includes(step))).toEqual([]);
  });

  it('cover every step kept for earlier definitions in a version that calls it', () => {
    const recorded = new Set(versions.flatMap((version) => readdirSync(`${ROOT}/${version}`)));
    expect(KEPT_FOR_EARLIER_DEFINITIONS.filter((step) => !recorded.has(`${step}.json`))).toEqual([]);
  });

  const fixtures = versions.flatMap((version) =>
    readdirSync(`${ROOT}/${version}`).map((file) => [version, file.replace('.json', '') as StepName] as const),
  );
  it.each(fixtures)('%s %s is accepted', (version, step) => {
    const payload = JSON.parse(readFileSync(`${ROOT}/${version}/${step}.json`, 'utf8'));
    const result = STEP_REGISTRY[step].input.safeParse(payload);
    expect(result.success, JSON.stringify(result.error)).toBe(true);
  });
});
