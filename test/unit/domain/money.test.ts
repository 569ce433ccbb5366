import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen, formatYuan, InvalidAmountError, minusFloor, plus, sum } from '#domain/money.ts';

describe('money in fen', () => {
  it('refuses anything but a safe non-negative integer', () => {
    for (const bad of [0.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])
      expect(() => fen(bad)).toThrow(InvalidAmountError);
    expect(fen(0)).toBe(0);
  });

  it('adds without drift (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e12 }), { maxLength: 50 }), (amounts) => {
        expect(sum(amounts.map(fen))).toBe(amounts.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('never goes below zero when subtracting', () => {
    expect(minusFloor(fen(100), fen(250))).toBe(0);
    expect(plus(fen(1), fen(2))).toBe(3);
  });

  it('formats as yuan with two decimals', () => {
    expect(formatYuan(fen(123_456_789))).toBe('1,234,567.89元');
    expect(formatYuan(fen(5))).toBe('0.05元');
  });
});
