/**
 * On AWS the api function serves the OpenAPI document from the file beside its bundle (api/openapi.json, which
 * test/workflow/api.test.ts keeps equal to the route table's): read once, on the first request for it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openApiBeside } from '../../../functions/api/openapi-file.ts';

describe('openApiBeside', () => {
  it('serves api/openapi.json as it is in the repository', async () => {
    const read = openApiBeside(new URL('../../../api/handler.mjs', import.meta.url).href);
    await expect(read()).resolves.toEqual(JSON.parse(readFileSync('api/openapi.json', 'utf8')));
  });

  it('reads the file once: a later change is not served', async () => {
    const file = join(tmpdir(), `openapi-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ openapi: '3.1.0', info: { version: 'one' } }));
    try {
      const read = openApiBeside(pathToFileURL(file).href, file.split('/').pop());
      const first = await read();
      writeFileSync(file, JSON.stringify({ openapi: '3.1.0', info: { version: 'two' } }));
      expect(await read()).toBe(first);
      expect(first).toEqual({ openapi: '3.1.0', info: { version: 'one' } });
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('fails when the file is not beside the bundle', async () => {
    await expect(openApiBeside(pathToFileURL(join(tmpdir(), 'nowhere', 'index.mjs')).href)()).rejects.toThrow(/ENOENT/);
  });
});
