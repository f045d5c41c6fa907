// Tolerances of the digest (§0.1): relative 1e-9 for pure formula outputs; a value printed rounded is
// compared against its shown digits (half a unit in the last place).
import { expect } from 'vitest';

export function expectRel(actual: number, expected: number, rel = 1e-9): void {
  const tol = rel * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`expected ${expected} ± ${tol}, got ${actual}`);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol);
}

/** `shown` printed with `decimals` decimal places: actual must round to it. */
export function expectShown(actual: number, shown: number, decimals: number): void {
  const tol = 0.5 * 10 ** -decimals * (1 + 1e-9);
  if (!(Math.abs(actual - shown) <= tol)) throw new Error(`expected ${shown} (${decimals} d.p.), got ${actual}`);
  expect(Math.abs(actual - shown)).toBeLessThanOrEqual(tol);
}
