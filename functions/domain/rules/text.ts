/**
 * The rule table's values without the rows' text for people (RuleText: titles, sources, dates, versions): what
 * values.ts holds, and what the test that keeps values.ts current compares it with.
 */
import { RULES, type Rules, type RuleText } from './table.ts';

const TEXT: Readonly<Record<RuleText, true>> = {
  title: true,
  titleZh: true,
  kind: true,
  source: true,
  effectiveFrom: true,
  version: true,
  verify: true,
};

export function ruleValues(table: typeof RULES = RULES): Rules {
  return Object.fromEntries(
    Object.entries(table).map(([id, row]) => [
      id,
      Object.fromEntries(Object.entries(row).filter(([key]) => !(key in TEXT))),
    ]),
  ) as unknown as Rules;
}
