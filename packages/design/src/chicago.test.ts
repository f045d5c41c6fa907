import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chicagoHyetograph } from './chicago.js';
import { findStormFormula } from './storm-formulas.js';
import { paramsFromA } from './storm-intensity.js';
import { expectRel, expectShown } from '../test/golden.js';

const params = findStormFormula('beijing').pieces[0]!;

describe('E3 Chicago storm (digest §3.2)', () => {
  const s = chicagoHyetograph({ params, periodYears: 3, durationMin: 120, stepMin: 5, peakRatio: 0.4 });
  it('rate constant, peak time and total = H(T)', () => {
    expectRel(s.rateConstantMmPerMin, 16.618428865);
    expect(s.peakTimeMin).toBe(48);
    expectRel(s.totalDepthMm, 63.3205852, 1e-9 * 1e2); // printed to 7 d.p.
    expectShown(s.totalDepthMm, 63.3205852, 7);
    expectRel(s.totalDepthMm, s.idfDepthMm);
    expectRel(s.depthsMm.reduce((a, b) => a + b, 0), s.idfDepthMm);
    expectShown(s.peakIntensityMmPerMin, 3.78872, 5);
  });
  it('every block of the table', () => {
    const table = [0.9185, 1.0081, 1.121, 1.2685, 1.47, 1.7633, 2.2323, 3.1085, 5.3359, 13.0173, 8.0757, 4.6661, 3.3045, 2.5785, 2.1282, 1.8215, 1.5988, 1.4296, 1.2963, 1.1886, 1.0995, 1.0245, 0.9604, 0.905];
    const mmh = [11.022, 12.097, 13.453, 15.222, 17.64, 21.159, 26.787, 37.302, 64.031, 156.208, 96.908, 55.993, 39.654, 30.942, 25.538, 21.858, 19.186, 17.155, 15.556, 14.263, 13.194, 12.294, 11.525, 10.86];
    expect(s.depthsMm).toHaveLength(24);
    table.forEach((d, k) => expectShown(s.depthsMm[k]!, d, 4));
    mmh.forEach((v, k) => expectShown(s.intensitiesMmPerH[k]!, v, 3));
    expect(s.peakBlock).toBe(9); // 45–50 min
  });
  it('E3-b: P = 2, T = 60, Δt = 1, r = 0.5', () => {
    const b = chicagoHyetograph({ params, periodYears: 2, durationMin: 60, stepMin: 1, peakRatio: 0.5 });
    expectShown(b.totalDepthMm, 44.5282526, 7);
    expectShown(b.depthsMm[29]!, 2.9000016, 7);
    expectShown(b.depthsMm[30]!, 2.9000016, 7);
    const sorted = [...b.depthsMm].sort((x, y) => y - x);
    expect(sorted[2]!).toBeLessThan(b.depthsMm[29]!);
  });
  it('closed form of the cumulative curve before the peak (digest §3.1)', () => {
    const T = 120;
    const r = 0.4;
    const HT = s.idfDepthMm;
    for (let k = 1; k * 5 <= 48; k++) {
      const t = k * 5;
      const closed = HT * (r - (r - t / T) * Math.pow(1 - t / (r * (T + params.b)), -params.n));
      expectRel(s.cumulativeMm[k]!, closed, 1e-9);
    }
  });
});

describe('Chicago storm properties', () => {
  it('conserves the formula depth for any duration, step and peak position', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 288 }), fc.constantFrom(1, 2, 5, 10, 15), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 100, noNaN: true }), (blocks, dt, r, P) => {
        const s = chicagoHyetograph({ params, periodYears: P, durationMin: blocks * dt, stepMin: dt, peakRatio: r });
        expectRel(s.depthsMm.reduce((a, b) => a + b, 0), s.idfDepthMm, 1e-9);
        expect(s.depthsMm.every((d) => d >= 0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it('r = 0 and r = 1 are the limits (peak first / last)', () => {
    const a = chicagoHyetograph({ params, periodYears: 3, durationMin: 60, stepMin: 5, peakRatio: 0 });
    expect(a.peakBlock).toBe(0);
    expectRel(a.totalDepthMm, a.idfDepthMm);
    const b = chicagoHyetograph({ params, periodYears: 3, durationMin: 60, stepMin: 5, peakRatio: 1 });
    expect(b.peakBlock).toBe(11);
    expectRel(b.totalDepthMm, b.idfDepthMm);
    // Mirror images.
    a.depthsMm.forEach((d, k) => expectRel(d, b.depthsMm[11 - k]!, 1e-9));
  });
  it('rejects bad inputs with clear messages', () => {
    const base = { params, periodYears: 3, durationMin: 120, stepMin: 5, peakRatio: 0.4 };
    expect(() => chicagoHyetograph({ ...base, durationMin: -120 })).toThrow(/duration must be a positive/);
    expect(() => chicagoHyetograph({ ...base, stepMin: 0 })).toThrow(/time step must be a positive/);
    expect(() => chicagoHyetograph({ ...base, stepMin: 7 })).toThrow(/not a whole multiple/);
    expect(() => chicagoHyetograph({ ...base, peakRatio: 1.5 })).toThrow(/peak position/);
    expect(() => chicagoHyetograph({ ...base, params: paramsFromA(2001, 0.811, 8, 1.5) })).toThrow(/exponent n/);
  });
});
