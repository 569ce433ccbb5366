/**
 * What the intake, settle and sweep-nodes bundles may not hold (docs/cloud-efficiency.md, "Bundles"): built with
 * esbuild as the CDK app builds them, the modules in each bundle read from esbuild's metafile.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundleFunction } from '../../bench/cold-start.ts';
import { externalModules } from '../../infra/constructs/step-function.ts';
import { functionEntry } from '../../infra/paths.ts';

/** The modules with bytes in the bundle of `name`, as paths relative to the repository. */
async function bundledModules(name: EntryName): Promise<string[]> {
  const built = await build({
    entryPoints: [functionEntry(name)],
    write: false,
    outdir: 'out',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    minify: true,
    charset: 'utf8',
    external: externalModules(),
    metafile: true,
    logLevel: 'error',
  });
  return Object.values(built.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  );
}

const classicZod = (path: string) => /node_modules\/zod\/v4\/classic\//.test(path);
const staffApi = (path: string) => path.startsWith('functions/api/');
const ADAPTERS = {
  approvals: 'functions/adapters/dynamodb/approval-store.ts',
  field: 'functions/adapters/dynamodb/field-store.ts',
  received: 'functions/adapters/dynamodb/received-matter-store.ts',
  rejections: 'functions/adapters/dynamodb/rejection-log.ts',
  requests: 'functions/adapters/dynamodb/partner-request-store.ts',
  partyKey: 'functions/adapters/aws/party-key.ts',
};

type EntryName = 'intake' | 'settle' | 'sweep-nodes';
const ENTRIES: readonly EntryName[] = ['intake', 'settle', 'sweep-nodes'];

describe('entry function bundles', () => {
  it.each(ENTRIES)(
    '%s: its own list of ports (uses.ts), not the manifest of every function and step',
    async (name) => {
      const modules = await bundledModules(name);
      expect(modules).toContain(`functions/${name}/uses.ts`);
      expect(modules).not.toContain('functions/steps/manifest.ts');
    },
    60_000,
  );

  it('sweep-nodes: at most 200 kB (issue 19), built as the CDK app builds it', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-nodes-bundle-'));
    try {
      const outfile = join(dir, 'sweep-nodes.mjs');
      await bundleFunction(functionEntry('sweep-nodes'), outfile);
      expect(statSync(outfile).size).toBeLessThanOrEqual(200_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('intake: the event contracts in zod/mini, only the adapters of its ports, no classic zod, nothing of the staff API', async () => {
    const modules = await bundledModules('intake');
    expect(modules).toContain('functions/contracts/intake-event.ts');
    expect(modules.filter(classicZod)).toEqual([]);
    expect(modules.filter(staffApi)).toEqual([]);
    // Only the adapters of the ports it declares (awsPorts): not the approvals', field or partner requests' stores.
    expect(modules).toEqual(expect.arrayContaining([ADAPTERS.rejections, ADAPTERS.partyKey]));
    expect(modules).not.toContain(ADAPTERS.approvals);
    expect(modules).not.toContain(ADAPTERS.field);
    expect(modules).not.toContain(ADAPTERS.requests);
  }, 60_000);

  it('sweep-nodes: no classic zod, nothing of the staff API', async () => {
    const modules = await bundledModules('sweep-nodes');
    expect(modules).toContain('functions/use-cases/node-watch.ts');
    expect(modules.filter(classicZod)).toEqual([]);
    expect(modules.filter(staffApi)).toEqual([]);
  }, 60_000);

  it('settle: its own routes, only the adapters of its ports, not the route table or the OpenAPI document, no classic zod', async () => {
    const modules = await bundledModules('settle');
    expect(modules.filter(classicZod)).toEqual([]);
    expect(modules).toContain('functions/api/settle-routes.ts');
    expect(modules).not.toContain('functions/api/routes.ts');
    expect(modules).not.toContain('functions/api/openapi.ts');
    expect(modules).not.toContain('functions/contracts/intake-event.ts');
    // Only the adapters of the ports it declares (awsPorts): not intake's rejection log or party key, not field work.
    expect(modules).toEqual(expect.arrayContaining([ADAPTERS.approvals, ADAPTERS.requests]));
    expect(modules).not.toContain(ADAPTERS.rejections);
    expect(modules).not.toContain(ADAPTERS.partyKey);
    expect(modules).not.toContain(ADAPTERS.field);
    expect(modules).not.toContain(ADAPTERS.received);
  }, 60_000);
});
