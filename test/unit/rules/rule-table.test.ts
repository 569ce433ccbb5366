import { describe, expect, it } from 'vitest';
import { RULES, ruleRows } from '#domain/rules/table.ts';

describe('the rule table', () => {
  it('gives every row an id, a source, a version and an effective date', () => {
    for (const row of ruleRows()) {
      expect(row.id, JSON.stringify(row)).toMatch(/^[A-Z][A-Z0-9-]*$/);
      expect(row.source.length, row.id).toBeGreaterThan(10);
      expect(row.version, row.id).not.toBe('');
      expect(row.effectiveFrom, row.id).toMatch(/^(\d{4}-\d{2}-\d{2}|unknown)$/);
      expect(['law', 'policy'], row.id).toContain(row.kind);
    }
  });

  it('has unique ids', () => {
    const ids = ruleRows().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks for verification exactly the rows the reference marks [verify]', () => {
    const flagged = ruleRows()
      .filter((r) => r.verify)
      .map((r) => r.id)
      .sort();
    // F1-FEE is not in the reference: its tiers were checked against the 办法 (第十四条), so it is no longer flagged.
    expect(flagged).toEqual(['A10', 'C3', 'D4', 'E9', 'F1', 'G3', 'H1']);
  });

  it('keeps the numbers of enforcement-rules.md', () => {
    expect(RULES.A1.term).toEqual({ months: 6 });
    expect(RULES.A1.nonLitigationTerm).toEqual({ months: 3 });
    expect(RULES.A3.period).toEqual({ days: 7, unit: 'calendar' });
    expect(RULES.A5.period).toEqual({ days: 3, unit: 'calendar' });
    expect(RULES.A8.period).toEqual({ months: 1 });
    expect(RULES.A10.period).toEqual({ days: 5, unit: 'calendar' });
    expect([RULES.B1.deposit, RULES.B1.movable, RULES.B1.realEstate]).toEqual([
      { months: 12 },
      { months: 24 },
      { months: 36 },
    ]);
    expect(RULES.F1.period).toEqual({ days: 30, unit: 'calendar' });
    expect(RULES.H1.period).toEqual({ days: 30, unit: 'calendar' });
    expect(RULES.G1.ways).toHaveLength(6);
    expect(RULES.G2.minSinceFiling).toEqual({ months: 3 });
    expect([RULES.G3.interval, RULES.G3.span]).toEqual([{ months: 6 }, { months: 60 }]);
  });
});
