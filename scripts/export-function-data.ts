/**
 * Writes the data modules the Lambda functions bundle in place of tables written for people (npm run
 * function-data); tests keep both equal to their sources:
 * - functions/domain/rules/values.ts: the rule table's values, each row without its title and source (table.ts
 *   has them, by the same id);
 * - functions/domain/documents/template-index.ts: each document template's version, title, series and fields,
 *   without its text (templates.ts; the render-document function composes from it).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { templateIndex } from '#domain/documents/templates.ts';
import { ruleValues } from '#domain/rules/text.ts';
import { scriptArgs } from './lib/args.ts';

scriptArgs(
  'npm run function-data: writes functions/domain/rules/values.ts and functions/domain/documents/template-index.ts',
  {},
);

const HEADER = (source: string, what: string) => `/**
 * ${what}.
 * Written from ${source} by \`npm run function-data\` (do not edit: change ${source} and run it). Code under
 * functions/ imports this instead, so that a Lambda bundle carries no text it does not use.
 */`;

function write(path: string, text: string): void {
  const file = fileURLToPath(new URL(`../${path}`, import.meta.url));
  writeFileSync(file, text);
  execFileSync(fileURLToPath(new URL('../node_modules/.bin/biome', import.meta.url)), ['format', '--write', file], {
    stdio: 'ignore',
  });
  console.log(path);
}

write(
  'functions/domain/rules/values.ts',
  `${HEADER('table.ts', "The rule table's values: each row's id and values (its title and legal source are in table.ts, same id)")}
import type { Rules } from './table.ts';

export const RULES: Rules = ${JSON.stringify(ruleValues())};
`,
);
write(
  'functions/domain/documents/template-index.ts',
  `${HEADER('templates.ts', "Each document template's version, title, series and fields, without its text")}
import type { TemplateIndex } from './templates.ts';

export const TEMPLATE_INDEX: TemplateIndex = ${JSON.stringify(templateIndex())};
`,
);
