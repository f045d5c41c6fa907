import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alphaOfH, controlRateCurve, controlRateSeries, controlRateTable, hOfAlpha } from './control-rate.js';
import { expectShown } from '../test/golden.js';

// Digest §1.4 worked example E1.
const E1 = [0.5, 1.2, 2.0, 3.5, 5.0, 7.8, 10.2, 12.0, 15.5, 18.0, 22.4, 25.0, 30.1, 36.0, 41.7, 48.3, 55.0, 62.5, 80.0, 120.0, 2.1, 4.4, 6.6, 9.0, 1.8, 14.0, 27.5, 33.3];

/** Digest E1-long generator: Park–Miller, seed 20240101, 10 950 days. */
export function e1LongSeries(): number[] {
  let x = 20240101;
  const next = () => (x = (48271 * x) % 2147483647);
  const days: number[] = [];
  for (let i = 0; i < 10950; i++) {
    const u1 = next();
    const u2 = next();
    days.push(u1 % 4 === 0 ? (u2 % 1000) ** 2 / 10000 : 0);
  }
  return days;
}

describe('E1 control-rate curve (digest §1.4)', () => {
  const c = controlRateCurve(E1);
  it('discards days ≤ 2 mm (2.0 itself included)', () => {
    expect(c.retainedDays).toBe(24);
    expect(c.discardedDays).toBe(4);
    expectShown(c.totalMm, 689.9, 9);
  });
  it('α(H) table', () => {
    const rows: [number, number][] = [[5, 0.166691], [10, 0.302073], [20, 0.504566], [33.6, 0.698072], [50, 0.829685], [120, 1], [200, 1]];
    for (const [h, a] of rows) expectShown(alphaOfH(c, h), a, 6);
  });
  it('H(α) table by the exact inverse', () => {
    const rows: [number, number][] = [[0.5, 19.7375], [0.6, 25.844], [0.7, 33.79], [0.75, 39.1708], [0.8, 45.564], [0.85, 53.5037], [0.9, 65.505]];
    for (const [a, h] of rows) expectShown(hOfAlpha(c, a), h, 4);
  });
  it('round trip α(33.79) = 0.700000 and hand check of the 0.70 segment', () => {
    expectShown(alphaOfH(c, 33.79), 0.7, 6);
    expectShown(alphaOfH(c, 33.3), 0.695028, 6);
    expectShown(alphaOfH(c, 36.0), 0.722424, 6);
  });
  it('E1-e: the non-Guideline variant gives 0.508484 at H = 20', () => {
    expectShown(alphaOfH(controlRateCurve(E1, { keepSmallDaysAsControlled: true }), 20), 0.508484, 6);
  });
  it('edge cases (§1.3)', () => {
    expect(alphaOfH(c, 0)).toBe(0);
    expect(alphaOfH(c, -3)).toBe(0);
    expect(hOfAlpha(c, 0)).toBe(0);
    expect(hOfAlpha(c, 1)).toBe(120);
    expect(hOfAlpha(c, 1.2)).toBe(120);
    expect(() => controlRateCurve([0, 1, 2, 0.5])).toThrow(/no rain day exceeds 2 mm/);
    expect(() => controlRateCurve([])).toThrow(/undefined/);
    expect(() => controlRateCurve([3, -1])).toThrow(/non-negative/);
    expect(controlRateCurve([NaN, 5, 10]).retainedDays).toBe(2);
  });
  it('table and plot series', () => {
    const t = controlRateTable(c);
    expect(t.map((r) => r.alpha)).toEqual([0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]);
    expectShown(t[5]!.hMm, 53.5037, 4);
    const s = controlRateSeries(c);
    expect(s.hMm.length).toBe(25); // 0 plus 24 distinct retained values
    expect(s.alpha[0]).toBe(0);
    expect(s.alpha[s.alpha.length - 1]).toBe(1);
    const thin = controlRateSeries(c, 5);
    expect(thin.hMm).toHaveLength(5);
    expect(thin.hMm[0]).toBe(0);
    expect(thin.hMm[4]).toBe(120);
  });
});

describe('E1-long 30-year synthetic series (digest §1.4)', () => {
  const days = e1LongSeries();
  const c = controlRateCurve(days);
  it('reproduces the generator', () => {
    expect(days.slice(0, 10).every((d) => d === 0)).toBe(true);
    expect(days[10]).toBe(21.9024);
    expect(days[11]).toBe(0.4489);
    expect(days.filter((d) => d > 0)).toHaveLength(2729);
  });
  it('counts and totals', () => {
    expect(c.retainedDays).toBe(2340);
    expectShown(c.totalMm, 89367.6566, 4);
    expect(c.maxMm).toBe(99.8001);
  });
  it('α(H) and H(α)', () => {
    const a: [number, number][] = [[10, 0.237231052], [20, 0.423593245], [30, 0.573464479], [40, 0.695037439]];
    for (const [h, v] of a) expectShown(alphaOfH(c, h), v, 9);
    const h: [number, number][] = [[0.6, 32.0249719], [0.7, 40.4574808], [0.75, 45.3209555], [0.8, 50.869852], [0.85, 57.329007]];
    for (const [al, v] of h) expectShown(hOfAlpha(c, al), v, 7);
  });
});

describe('α–H curve properties', () => {
  it('H(α(H)) = H and α(H(α)) = α on random records', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (raw, alpha) => {
        const vals = [...raw, 5];
        const c = controlRateCurve(vals);
        const h = hOfAlpha(c, alpha);
        expect(Math.abs(alphaOfH(c, h) - alpha)).toBeLessThan(1e-9);
        // α is non-decreasing and concave: check monotone on a few points.
        expect(alphaOfH(c, h * 0.5)).toBeLessThanOrEqual(alphaOfH(c, h) + 1e-12);
      }),
      { numRuns: 200 },
    );
  });
});
