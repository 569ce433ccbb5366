/**
 * Writes functions/domain/rules/values.ts (npm run rules:values): the rule table's values, each row without its
 * title and source (table.ts has them, by the same id), for the code that runs in a function. A test keeps it
 * equal to the table.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ruleValues } from '#domain/rules/text.ts';
import { scriptArgs } from './lib/args.ts';

scriptArgs('npm run rules:values: writes functions/domain/rules/values.ts from the rule table (table.ts)', {});

const file = fileURLToPath(new URL('../functions/domain/rules/values.ts', import.meta.url));
writeFileSync(
  file,
  `/**
 * The rule table's values, written from table.ts by \`npm run rules:values\` (do not edit: change table.ts and run
 * it). Each row keeps its id; its title and legal source are in table.ts under the same id. Code under functions/
 * imports RULES from here, so that a Lambda bundle carries no text for people (table.ts explains).
 */
import type { Rules } from './table.ts';

export const RULES: Rules = ${JSON.stringify(ruleValues())};
`,
);
execFileSync(fileURLToPath(new URL('../node_modules/.bin/biome', import.meta.url)), ['format', '--write', file], {
  stdio: 'inherit',
});
console.log('functions/domain/rules/values.ts');
