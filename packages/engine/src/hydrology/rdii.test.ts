import { describe, expect, it } from 'vitest';
import { ordinate, rainInterval } from './rdii.js';
import type { UnitHydrograph } from './rdii-input.js';

/** One response (short) with the same parameters every month. */
function uh(tPeakS: number, tBaseS: number): UnitHydrograph {
  const z = (): Float64Array => new Float64Array(36);
  const u: UnitHydrograph = { name: 'U', gage: 0, r: z(), tPeakS: z(), tBaseS: z(), iaMax: z(), iaRecov: z(), iaInit: z() };
  for (let m = 0; m < 12; m++) {
    u.tPeakS[3 * m] = tPeakS;
    u.tBaseS[3 * m] = tBaseS;
    u.r[3 * m] = 0.1;
  }
  return u;
}

describe('unit hydrograph', () => {
  it('is a triangle of unit volume: peak 2/base (per hour) at T, zero at and after the base', () => {
    const u = uh(3600, 10800);
    expect(ordinate(u, 0, 0)).toBe(0);
    expect(ordinate(u, 0, 1800)).toBeCloseTo(1 / 3, 12);
    expect(ordinate(u, 0, 3600)).toBeCloseTo(2 / 3, 12);
    expect(ordinate(u, 0, 7200)).toBeCloseTo(1 / 3, 12);
    expect(ordinate(u, 0, 10800)).toBe(0);
    // ∫u dt = 1 (t in hours): trapezoid over 1-minute slices.
    let v = 0;
    for (let t = 0; t < 10800; t += 60) v += ((ordinate(u, 0, t) + ordinate(u, 0, t + 60)) / 2) * (60 / 3600);
    expect(v).toBeCloseTo(1, 10);
  });

  it('rain interval: WET_STEP, shortened to the shortest limb of any month', () => {
    expect(rainInterval(uh(3600, 10800), 900)).toBe(900);
    expect(rainInterval(uh(600, 10800), 900)).toBe(600);
    expect(rainInterval(uh(3600, 4000), 900)).toBe(400);
    expect(rainInterval(uh(0, 0), 900)).toBe(900);
  });
});
