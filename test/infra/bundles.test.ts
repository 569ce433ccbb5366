/**
 * Issue 19's bundle goal, held: every state-machine step's bundle, built as the CDK app builds it
 * (bench/cold-start.ts `bundleFunction`), is at most 200 kB (200,000 bytes). A step over it: see
 * docs/cloud-efficiency.md ("Bundles") for what a step must not carry, and `node bench/cold-start.ts --sizes-only
 * --only <step> --metafiles <dir>` for what it does.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STEP_USES } from '#steps/manifest.ts';
import type { StepName } from '#workflows/steps.ts';
import { bundleFunction } from '../../bench/cold-start.ts';
import { stepEntry } from '../../infra/paths.ts';

const STEP_BUNDLE_BYTES = 200_000;
const dir = mkdtempSync(join(tmpdir(), 'step-bundles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the step bundles', () => {
  it('are each at most 200 kB', { timeout: 180_000 }, async () => {
    const sizes: Record<string, number> = {};
    for (const step of Object.keys(STEP_USES) as StepName[]) {
      const outfile = join(dir, `${step}.mjs`);
      await bundleFunction(stepEntry(step), outfile, false);
      sizes[step] = statSync(outfile).size;
    }
    const over = Object.entries(sizes).filter(([, bytes]) => bytes > STEP_BUNDLE_BYTES);
    expect(Object.keys(sizes).length).toBeGreaterThanOrEqual(30);
    expect(over).toEqual([]);
  });
});
