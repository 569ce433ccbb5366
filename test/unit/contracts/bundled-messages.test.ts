/**
 * package.json declares the project free of side effects (`"sideEffects"`) but for zod-english.ts, so that esbuild
 * drops what a function imports and does not use. This bundles a step contract as the CDK app bundles a function and
 * checks the bundle still registers zod's English messages (mini alone says "Invalid input").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFunction } from '../../../bench/cold-start.ts';

const dir = mkdtempSync(join(tmpdir(), 'bundled-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a bundled step contract', () => {
  it('keeps the English messages zod-english.ts registers', async () => {
    const outfile = join(dir, 'entry.mjs');
    await bundleFunction(
      {
        contents: `import { DispatchInput } from '#contracts/steps.ts';
export const issues = DispatchInput.safeParse({ caseId: 7 }).error?.issues.map((i) => i.message) ?? [];`,
      },
      outfile,
    );
    const { issues } = (await import(pathToFileURL(outfile).href)) as { issues: string[] };
    expect(issues).toContain('Invalid input: expected string, received number');
    expect(issues).not.toContain('Invalid input');
  });
});
