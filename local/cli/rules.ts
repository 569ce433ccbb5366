/** `enforce rules`: the rule table, without opening a data directory: every value and its source, in Chinese. */
import { type RuleMeta, ruleRows } from '#domain/rules/table.ts';
import type { GlobalOptions } from './options.ts';
import { type Output, pad } from './output.ts';
import { FIELD_LABELS, formatValue, labelOf } from './rule-labels.ts';

const META = new Set(['id', 'title', 'titleZh', 'kind', 'source', 'effectiveFrom', 'version', 'verify']);

/** Where a row comes from: the law and its version, or the project's default a court may change. */
export function sourceLine(rule: RuleMeta): string {
  const since = rule.effectiveFrom === 'unknown' ? '施行日期待核实' : `${rule.effectiveFrom}起施行`;
  if (rule.kind === 'policy') return `系统默认值（可由本院配置）：第${rule.version}版，${rule.effectiveFrom}起适用`;
  const version = /^\d{4}$/.test(rule.version) ? `${rule.version}年版` : '版本待核实';
  return `依据：${rule.source}（${version}，${since}）`;
}

/** The row's values, one line each: `标签：值`. */
export function valueLines(rule: RuleMeta): string[] {
  return Object.entries(rule)
    .filter(([key]) => !META.has(key))
    .map(([key, value]) => `${labelOf(key, FIELD_LABELS)}：${formatValue(key, value)}`);
}

export async function rulesCommand(_globals: GlobalOptions, out: Output): Promise<void> {
  const rows = ruleRows();
  out.result(rows, () => {
    for (const rule of rows) {
      out.line(`${pad(rule.id, 22)}${rule.titleZh}${rule.verify ? '  【待核实】' : ''}`);
      out.line(`${pad('', 22)}${sourceLine(rule)}`);
      for (const line of valueLines(rule)) out.line(`${pad('', 24)}${line}`);
    }
  });
}
