/**
 * Money is an integer number of fen (分, 1/100 yuan). Never a float: every amount that enters the domain
 * passes through `fen()`, which refuses anything that is not a safe non-negative integer.
 */
export type Fen = number & { readonly __brand: 'Fen' };

export class InvalidAmountError extends Error {
  constructor(value: unknown) {
    super(`an amount must be a non-negative whole number of fen, got ${String(value)}`);
    this.name = 'InvalidAmountError';
  }
}

export function fen(value: number): Fen {
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidAmountError(value);
  return value as Fen;
}

export const ZERO = fen(0);

export function sum(amounts: readonly Fen[]): Fen {
  return fen(amounts.reduce((total, amount) => total + amount, 0));
}

export function plus(a: Fen, b: Fen): Fen {
  return fen(a + b);
}

/** a - b, never below zero. */
export function minusFloor(a: Fen, b: Fen): Fen {
  return fen(Math.max(0, a - b));
}

export function min(a: Fen, b: Fen): Fen {
  return a <= b ? a : b;
}

/** `123456789` -> `1,234,567.89元` */
export function formatYuan(amount: Fen): string {
  const yuan = Math.floor(amount / 100);
  const cents = String(amount % 100).padStart(2, '0');
  // Grouped by hand: toLocaleString would load the ICU locale data (about 0.1 s at a CLI command's start).
  return `${String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}元`;
}
