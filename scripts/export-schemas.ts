/**
 * Writes the JSON Schemas of the intake event into schemas/ and the staff API's OpenAPI document into
 * api/openapi.json (npm run schemas). Tests keep both current.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { intakeSchemas } from '#contracts/json-schemas.ts';
import { OPENAPI_DOCUMENT } from '../functions/api/openapi.ts';
import { scriptArgs } from './lib/args.ts';

scriptArgs(
  "npm run schemas: writes the intake event's JSON Schemas into schemas/ and the OpenAPI document into api/openapi.json",
  {},
);

for (const [file, schema] of Object.entries(intakeSchemas())) {
  writeFileSync(new URL(`../schemas/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`schemas/${file}`);
}
mkdirSync(new URL('../api/', import.meta.url), { recursive: true });
writeFileSync(new URL('../api/openapi.json', import.meta.url), `${JSON.stringify(OPENAPI_DOCUMENT, null, 2)}\n`);
console.log('api/openapi.json');
