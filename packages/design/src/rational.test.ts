import { describe, expect, it } from 'vitest';
import { rationalFlow, travelTimeMin } from './rational.js';
import { findStormFormula } from './storm-formulas.js';
import { expectShown } from '../test/golden.js';

const formula = findStormFormula('beijing');

describe('E4 rational method (digest §4.3)', () => {
  it('P = 3 a, t1 = 10, t2 = 8 min, ψ = 0.65, F = 12 hm²', () => {
    const r = rationalFlow({ formula, periodYears: 3, inletTimeMin: 10, pipeTimeMin: 8, psi: 0.65, areaHa: 12 });
    expect(r.durationMin).toBe(18);
    expectShown(r.qLpsPerHa, 273.691, 3);
    expectShown(r.flowLps, 2134.79, 2);
    expectShown(r.flowCms, 2.1348, 4);
    expect(r.warnings).toEqual([]);
  });
  it('travel time Σ L/(60 v)', () => {
    expect(travelTimeMin([{ lengthM: 300, velocityMps: 1 }, { lengthM: 180, velocityMps: 1.5 }])).toBe(7);
    expect(() => travelTimeMin([{ lengthM: 100, velocityMps: 0 }])).toThrow(/velocity/);
  });
  it('warns above 2 km² and outside the usual inlet time', () => {
    const r = rationalFlow({ formula, periodYears: 3, inletTimeMin: 20, pipeTimeMin: 8, psi: 0.65, areaHa: 250 });
    expect(r.warnings.join('\n')).toMatch(/5–15 min/);
    expect(r.warnings.join('\n')).toMatch(/GB 50318-2017 5\.2\.6/);
  });
  it('rejects bad input', () => {
    expect(() => rationalFlow({ formula, periodYears: 3, inletTimeMin: -1, pipeTimeMin: 8, psi: 0.65, areaHa: 12 })).toThrow(/>= 0 min/);
    expect(() => rationalFlow({ formula, periodYears: 3, inletTimeMin: 10, pipeTimeMin: 8, psi: 1.3, areaHa: 12 })).toThrow(/ψ/);
  });
});
