/**
 * F1-FEE, the execution application fee, paired at each tier's bound: the bound itself, one yuan above it.
 * Worked by hand: 50 yuan to 10,000; then 1.5% of the part to 500,000 (7,350), 1% to 5,000,000 (45,000), 0.5% to
 * 10,000,000 (25,000), 0.1% above.
 */
import { describe, expect, it } from 'vitest';
import { executionFeeFen } from '#domain/disbursement/fee.ts';
import { RULES } from '#domain/rules/table.ts';

const yuan = (y: number) => Math.round(y * 100);
const fee = (executedYuan: number) => executionFeeFen(yuan(executedYuan), RULES);

describe('F1-FEE: the execution application fee on the amount executed', () => {
  it('is a row of the rule table with its source (checked against the 办法: 第十四条、第二十条、第三十八条)', () => {
    expect(RULES.F1_FEE).toMatchObject({ id: 'F1-FEE', kind: 'law', verify: false, borneBy: 'respondent' });
    expect(RULES.F1_FEE.source).toContain('诉讼费用交纳办法');
    expect(RULES.F1_FEE.source).toContain('第三十八条');
  });

  it.each([
    // [executed, fee]: at the bound, then one yuan above it (the next tier's rate applies to that yuan).
    [1, 50],
    [10_000, 50],
    [10_001, 50.02], // 1 yuan at 1.5% = 1.5 fen, half up to 2 fen
    [500_000, 7_400],
    [500_001, 7_400.01],
    [5_000_000, 52_400],
    [5_000_001, 52_400.01], // 0.5 fen, half up
    [10_000_000, 77_400],
    [10_001_000, 77_401], // 1,000 yuan at 0.1%
    [1_036_000, 12_760], // the flagship: 50 + 7,350 + 5,360
  ])('executed %d yuan: fee %d yuan', (executed, expected) => {
    expect(executionFeeFen(yuan(executed), RULES)).toBe(yuan(expected));
  });

  it('pass/fail at 10,000 yuan: the flat fee up to it, the first tier just above it', () => {
    expect(fee(10_000)).toBe(5_000);
    expect(fee(10_100)).toBe(5_150); // 100 yuan at 1.5% = 1.50 yuan
  });

  it('is zero when nothing was executed, and refuses what is not an amount in fen', () => {
    expect(executionFeeFen(0, RULES)).toBe(0);
    expect(() => executionFeeFen(-1, RULES)).toThrow(RangeError);
    expect(() => executionFeeFen(1.5, RULES)).toThrow(RangeError);
  });
});
