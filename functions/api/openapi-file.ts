/**
 * The OpenAPI document as the api function serves it on AWS: `api/openapi.json` (`npm run schemas` writes it from
 * the route table; a test keeps them equal), shipped beside the bundle (StepFunctionProps.openApiDocument), read on
 * the first request for it. The generator (./openapi.ts, zod's JSON Schema conversion) stays out of the bundle; the
 * embedded runtime serves the generated document.
 */
import { readFile } from 'node:fs/promises';

export function openApiBeside(moduleUrl: string, name = 'openapi.json'): () => Promise<unknown> {
  let document: Promise<unknown> | undefined;
  return () => {
    document ??= readFile(new URL(name, moduleUrl), 'utf8').then((text) => JSON.parse(text) as unknown);
    return document;
  };
}
