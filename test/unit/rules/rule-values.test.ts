/**
 * What functions bundle of the rule table: values.ts, the table without the rows' text for people. It must stay
 * equal to the table (npm run function-data writes it), and code under functions/ must take RULES from it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES as TABLE } from '#domain/rules/table.ts';
import { ruleValues } from '#domain/rules/text.ts';
import { RULES } from '#domain/rules/values.ts';

const FUNCTIONS = new URL('../../../functions/', import.meta.url).pathname;

describe('the rule values functions bundle', () => {
  it('equal the rule table without titles and sources (else run npm run function-data)', () => {
    expect(RULES).toEqual(ruleValues());
    expect(Object.keys(RULES)).toEqual(Object.keys(TABLE));
  });

  it('keep every row id, so that each value is linked to its legal source in table.ts', () => {
    for (const [key, row] of Object.entries(RULES)) {
      expect(row.id).toBe(TABLE[key as keyof typeof TABLE].id);
      expect(TABLE[key as keyof typeof TABLE].source.length).toBeGreaterThan(10);
    }
  });

  it('hold no title or source of a row', () => {
    const json = JSON.stringify(RULES);
    for (const [key, row] of Object.entries(TABLE)) {
      expect(json, row.id).not.toContain(row.titleZh);
      expect(Object.keys(RULES[key as keyof typeof RULES]), row.id).not.toContain('source');
    }
    // ruleValues leaves out the text and keeps every value: a changed source is the same values, a changed period not.
    const changed = (row: object) => ({ ...TABLE, A3: { ...TABLE.A3, ...row } }) as unknown as typeof TABLE;
    expect(ruleValues(changed({ source: 'x', titleZh: 'y' }))).toEqual(ruleValues());
    expect(ruleValues(changed({ period: { days: 8, unit: 'calendar' } }))).not.toEqual(ruleValues());
  });

  it('are what code under functions/ imports: the whole table only as a type', () => {
    const offending = readdirSync(FUNCTIONS, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && name !== join('domain', 'rules', 'text.ts'))
      .filter((name) =>
        /import \{[^}]*\bRULES\b[^}]*\} from '[^']*rules\/table\.ts'/.test(readFileSync(join(FUNCTIONS, name), 'utf8')),
      );
    expect(offending).toEqual([]);
  });
});
