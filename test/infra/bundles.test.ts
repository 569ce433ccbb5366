/**
 * Issue 19's bundle goal: every state-machine step's bundle, built as the CDK app builds it (bench/cold-start.ts
 * `bundleFunction`), at most 200 kB (200,000 bytes). The steps that carry the most domain (the coercion, disposal
 * and closure loops, control and the issuing steps) are still over it with Powertools Logger and Metrics in them
 * (docs/cloud-efficiency.md, "Still open"): they are listed here and held to a budget, so none grows unnoticed, and a
 * listed step that comes under the goal must leave the list. A step over: `node bench/cold-start.ts --sizes-only
 * --only <step> --metafiles <dir>` shows what it carries.
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
/** Over the goal today (232 kB at most, measured 2026-12-03); none may pass this budget. */
const OVER_GOAL_BUDGET_BYTES = 236_000;
const OVER_GOAL: readonly StepName[] = [
  'advance-closure',
  'advance-coercion',
  'advance-disposal',
  'close-case',
  'execute-control',
  'issue-documents',
  'open-closure',
  'open-coercion',
  'open-disposal',
  'plan-control',
  'record-control',
];
const dir = mkdtempSync(join(tmpdir(), 'step-bundles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the step bundles', () => {
  it('are each at most 200 kB, but the listed ones, which stay within their budget', { timeout: 180_000 }, async () => {
    const sizes: Record<string, number> = {};
    for (const step of Object.keys(STEP_USES) as StepName[]) {
      const outfile = join(dir, `${step}.mjs`);
      await bundleFunction(stepEntry(step), outfile);
      sizes[step] = statSync(outfile).size;
    }
    const listed = (step: string) => (OVER_GOAL as readonly string[]).includes(step);
    const over = Object.entries(sizes).filter(([step, bytes]) => !listed(step) && bytes > STEP_BUNDLE_BYTES);
    const overBudget = Object.entries(sizes).filter(([step, bytes]) => listed(step) && bytes > OVER_GOAL_BUDGET_BYTES);
    const nowUnder = OVER_GOAL.filter((step) => (sizes[step] ?? 0) <= STEP_BUNDLE_BYTES);
    expect(Object.keys(sizes).length).toBeGreaterThanOrEqual(30);
    expect(over).toEqual([]);
    expect(overBudget).toEqual([]);
    expect(nowUnder).toEqual([]);
  });
});
