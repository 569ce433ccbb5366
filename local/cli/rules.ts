/** `enforce rules`: the rule table, without opening a data directory. */
import { ruleRows } from '#domain/rules/table.ts';
import type { GlobalOptions } from './options.ts';
import { type Output, pad } from './output.ts';

export async function rulesCommand(_globals: GlobalOptions, out: Output): Promise<void> {
  const rows = ruleRows();
  out.result(rows, () => {
    for (const rule of rows) {
      out.line(`${pad(rule.id, 22)}${rule.titleZh}${rule.verify ? '  【待核实】' : ''}`);
      out.line(
        `${pad('', 22)}${rule.kind === 'law' ? '依据' : '本院规定'}：${rule.source}（版本 ${rule.version}，自 ${rule.effectiveFrom}）`,
      );
    }
  });
}
