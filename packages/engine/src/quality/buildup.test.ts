import { describe, expect, it } from 'vitest';
import { buildupAfter, buildupDays, buildupExternal, buildupMass, buildupMaxDays } from './buildup.js';
import { BUILDUP_EXP, BUILDUP_POW, BUILDUP_SAT } from './quality-input.js';

describe('buildup functions (digest §8.2)', () => {
  it('maxDays: POW (C1/C2)^(1/C3), EXP −ln(0.001)/C2, SAT 1000·C3, and the zero/10-year cases', () => {
    expect(buildupMaxDays(BUILDUP_POW, 100, 10, 1)).toBeCloseTo(10, 12);
    expect(buildupMaxDays(BUILDUP_POW, 100, 10, 0.5)).toBe(3650); // log10(100)/0.5 > 3.5
    expect(buildupMaxDays(BUILDUP_POW, 100, 10, 0)).toBe(0);
    expect(buildupMaxDays(BUILDUP_POW, 1e5, 1, 1)).toBe(3650); // log10(1e5)/1 > 3.5
    expect(buildupMaxDays(BUILDUP_EXP, 80, 0.5, 0)).toBeCloseTo(-Math.log(0.001) / 0.5, 12);
    expect(buildupMaxDays(BUILDUP_EXP, 80, 0, 0)).toBe(0);
    expect(buildupMaxDays(BUILDUP_SAT, 50, 0, 2)).toBe(2000);
  });

  it('forward and inverse functions agree; the maximum caps both', () => {
    const cases: [number, number, number, number][] = [
      [BUILDUP_POW, 100, 10, 0.5],
      [BUILDUP_EXP, 80, 0.5, 0],
      [BUILDUP_SAT, 50, 0, 2],
    ];
    for (const [f, c1, c2, c3] of cases) {
      const tmax = buildupMaxDays(f, c1, c2, c3);
      for (const t of [0.5, 1, 3, 7.25]) {
        const b = buildupMass(f, c1, c2, c3, tmax, t);
        expect(buildupDays(f, c1, c2, c3, tmax, b)).toBeCloseTo(t, 9);
      }
      expect(buildupMass(f, c1, c2, c3, tmax, tmax + 1)).toBe(c1);
      expect(buildupDays(f, c1, c2, c3, tmax, c1)).toBe(tmax);
      expect(buildupMass(f, c1, c2, c3, tmax, 0)).toBe(0);
    }
    // SAT: 50·4/(2+4); POW: min(100, 10·4^0.5); EXP: 80·(1 − e^−2)
    expect(buildupMass(BUILDUP_SAT, 50, 0, 2, 2000, 4)).toBeCloseTo(100 / 3, 12);
    expect(buildupMass(BUILDUP_POW, 100, 10, 0.5, 100, 4)).toBeCloseTo(20, 12);
    expect(buildupMass(BUILDUP_EXP, 80, 0.5, 0, 13.8, 4)).toBeCloseTo(80 * (1 - Math.exp(-2)), 12);
  });

  it('a step adds its length to the age of the current buildup (so splitting steps changes nothing)', () => {
    const tmax = buildupMaxDays(BUILDUP_SAT, 50, 0, 2);
    let b = 0;
    for (let k = 0; k < 24; k++) b = buildupAfter(BUILDUP_SAT, 50, 0, 2, tmax, b, 1 / 24);
    expect(b).toBeCloseTo(50 / 3, 10);
  });

  it('[as-is] a zero tmax gives the maximum at once', () => {
    expect(buildupAfter(BUILDUP_POW, 100, 0, 0.5, 0, 0, 0.01)).toBe(100);
  });

  it('EXT adds rate × days up to C1', () => {
    expect(buildupExternal(10, 4, 3, 0.5)).toBe(5);
    expect(buildupExternal(10, 4, 9, 0.5)).toBe(10);
  });
});
