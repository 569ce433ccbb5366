/**
 * What the bundles of the functions that are not steps may not hold (docs/cloud-efficiency.md, "Bundles"): built with
 * esbuild as the CDK app builds them (bench/cold-start.ts `bundleFunction`), the modules in each bundle read from
 * esbuild's metafile.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFunction } from '../../bench/cold-start.ts';
import { functionEntry } from '../../infra/paths.ts';

type EntryName = 'intake' | 'settle' | 'sweep-nodes' | 'api' | 'records-api' | 'record-evidence';
const ENTRIES: readonly EntryName[] = ['intake', 'settle', 'sweep-nodes'];
const dir = mkdtempSync(join(tmpdir(), 'entry-bundles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bundles = new Map<EntryName, Promise<{ modules: string[]; bytes: number }>>();

/** The bundle of `name` (built once), its size and the modules with bytes in it, as paths relative to the repository. */
function bundle(name: EntryName): Promise<{ modules: string[]; bytes: number }> {
  let built = bundles.get(name);
  if (!built) {
    const outfile = join(dir, `${name}.mjs`);
    built = bundleFunction(functionEntry(name), outfile).then(({ metafile }) => ({
      bytes: statSync(outfile).size,
      modules: Object.values(metafile.outputs).flatMap((output) =>
        Object.entries(output.inputs)
          .filter(([, input]) => input.bytesInOutput > 0)
          .map(([path]) => path),
      ),
    }));
    bundles.set(name, built);
  }
  return built;
}
const bundledModules = async (name: EntryName) => (await bundle(name)).modules;

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

  it('sweep-nodes: at most 200 kB (issue 19)', async () => {
    expect((await bundle('sweep-nodes')).bytes).toBeLessThanOrEqual(200_000);
  }, 60_000);

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

  it('api: only the adapters of its ports, no engine, no rejection log or party key, no partner requests', async () => {
    const modules = await bundledModules('api');
    expect(modules).toEqual(expect.arrayContaining([ADAPTERS.approvals, ADAPTERS.field, ADAPTERS.received]));
    expect(modules).not.toContain('functions/adapters/aws/sfn-engine.ts');
    expect(modules).not.toContain(ADAPTERS.rejections);
    expect(modules).not.toContain(ADAPTERS.partyKey);
    expect(modules).not.toContain(ADAPTERS.requests);
  }, 60_000);

  it('record-evidence: only the adapters of its ports (the cases, the evidence store), at most 200 kB', async () => {
    const { modules, bytes } = await bundle('record-evidence');
    expect(modules).toContain('functions/adapters/dynamodb/case-repository.ts');
    for (const adapter of Object.values(ADAPTERS)) expect(modules).not.toContain(adapter);
    expect(bytes).toBeLessThanOrEqual(200_000);
  }, 60_000);

  it('records-api: only the adapters of its ports, no partner simulator or partner requests, no engine', async () => {
    const modules = await bundledModules('records-api');
    expect(modules).toEqual(
      expect.arrayContaining([
        'functions/adapters/dynamodb/document-archive.ts',
        'functions/adapters/s3/evidence-store.ts',
      ]),
    );
    expect(modules).not.toContain('functions/adapters/simulators/partner-simulator.ts');
    expect(modules).not.toContain('functions/adapters/aws/sfn-engine.ts');
    for (const adapter of Object.values(ADAPTERS)) expect(modules).not.toContain(adapter);
  }, 60_000);
});
