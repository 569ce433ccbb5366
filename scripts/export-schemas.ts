/** Writes the JSON Schemas of the intake event into schemas/ (npm run schemas). A test keeps them current. */
import { writeFileSync } from 'node:fs';
import { intakeSchemas } from '#contracts/json-schemas.ts';

for (const [file, schema] of Object.entries(intakeSchemas())) {
  writeFileSync(new URL(`../schemas/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`schemas/${file}`);
}
