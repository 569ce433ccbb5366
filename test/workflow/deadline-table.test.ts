/**
 * Must show: the node deadlines of a scenario match a hand-computed table, including nodes across a public
 * holiday. Data-driven: every scenario of every file in test/fixtures/deadlines/ runs the case through its path
 * (every approval given at once) and compares every node of the case with its row: due date, warning date (P-NODE-
 * WARNING), A2's extension window, the calendar flag, and whether it was met.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceData } from '#commons/reference-data.ts';
import { workingDaysBefore } from '#domain/calendar/legal-calendar.ts';
import { chinaDateOf, type LocalDate } from '#domain/calendar/local-date.ts';
import { extensionWindowOpens } from '#domain/case/node-watch.ts';
import { scenarios } from '../support/runtime.ts';

interface Row {
  node: string;
  rule: string;
  startedOn: string;
  dueDate: string;
  warnOn: string;
  extensionWindowOpensOn?: string;
  unconfirmedYears?: number[];
  status: 'open' | 'met' | 'overdue';
  why: string;
}

interface DeadlineScenario {
  name: string;
  event: string;
  world: string;
  startAt: string;
  filedAt?: string;
  nodes: Row[];
}

const DIR = 'test/fixtures/deadlines';
const TABLES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((file) =>
    (JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as { scenarios: DeadlineScenario[] }).scenarios.map(
      (scenario) => ({ ...scenario, file }),
    ),
  );
const open = scenarios();
const { rules, calendar } = referenceData();

describe('node deadlines against the hand-computed tables', () => {
  it.each(TABLES)('$file: $name', async (table) => {
    const s = await open({ startAt: table.startAt, script: JSON.parse(readFileSync(table.world, 'utf8')) });
    const event = JSON.parse(readFileSync(table.event, 'utf8'));
    if (table.filedAt) {
      event.detail.filedAt = table.filedAt;
      event.time = new Date(table.filedAt).toISOString();
    }
    const outcome = await s.runtime.intake(event);
    if (outcome.outcome !== 'created') throw new Error(`${table.name}: not filed`);
    const state = await s.liveUntil(outcome.caseId, (c) => c.status === 'closed', 60);

    expect(Object.keys(state.nodes).sort(), 'every node of the case has its row').toEqual(
      table.nodes.map((r) => r.node).sort(),
    );
    for (const row of table.nodes) {
      const node = state.nodes[row.node];
      expect(node, row.node).toBeDefined();
      if (!node) continue;
      const computed = {
        rule: node.ruleId,
        startedOn: node.startedOn,
        dueDate: node.dueDate,
        warnOn: workingDaysBefore(calendar, node.dueDate, rules.P_NODE_WARNING.warnBefore.days),
        status: node.status,
        unconfirmedYears: [...node.unconfirmedYears],
        ...(row.extensionWindowOpensOn
          ? { extensionWindowOpensOn: chinaDateOf(extensionWindowOpens(node, rules)) }
          : {}),
      };
      expect(computed, `${row.node}: ${row.why}`).toEqual({
        rule: row.rule,
        startedOn: row.startedOn as LocalDate,
        dueDate: row.dueDate,
        warnOn: row.warnOn,
        status: row.status,
        unconfirmedYears: row.unconfirmedYears ?? [],
        ...(row.extensionWindowOpensOn ? { extensionWindowOpensOn: row.extensionWindowOpensOn } : {}),
      });
    }
  });
});
