import { describe, expect, it } from 'vitest';
import { Q_PER_I, Q_PER_I_EXACT, checkStormParams, depthMm, evaluateStorm, intensityLpsPerHa, paramsFromA, selectPiece, userFormula } from './storm-intensity.js';
import type { StormFormula } from './storm-intensity.js';
import { STORM_FORMULAS, findStormFormula } from './storm-formulas.js';
import { expectRel, expectShown } from '../test/golden.js';

const beijing = findStormFormula('beijing');

describe('E2 classic Beijing formula (digest §2.5)', () => {
  it('A1 = 2001/167', () => {
    expectShown(beijing.pieces[0]!.A1, 11.98204, 5);
  });
  // P, t, q (L/s/hm²), i = q/167, i exact = q/166.67, depth exact (mm), mm/h exact
  const rows: [number, number, number, number, number, number, number][] = [
    [1, 5, 323.023, 1.93427, 1.93814, 9.691, 116.288],
    [2, 10, 318.872, 1.90941, 1.91323, 19.132, 114.794],
    [3, 15, 298.619, 1.78814, 1.79172, 26.876, 107.503],
    [3, 60, 138.163, 0.82732, 0.82898, 49.739, 49.739],
    [5, 120, 99.553, 0.59612, 0.59732, 71.678, 35.839],
    [10, 30, 272.86, 1.63389, 1.63716, 49.115, 98.229],
  ];
  for (const [P, t, q, i, iExact, dExact, mmhExact] of rows) {
    it(`P = ${P} a, t = ${t} min`, () => {
      const e = evaluateStorm(beijing, P, t);
      expectShown(e.qLpsPerHa, q, 3);
      expectShown(e.iMmPerMin, i, 5);
      expectShown(e.qLpsPerHa / Q_PER_I_EXACT, iExact, 5);
      expectShown((e.qLpsPerHa / Q_PER_I_EXACT) * t, dExact, 3);
      expectShown((e.qLpsPerHa / Q_PER_I_EXACT) * 60, mmhExact, 3);
      // i = q/167 reproduces the A1 form exactly; depth is i·t.
      expectRel(e.iMmPerMin, e.qLpsPerHa / Q_PER_I);
      expectRel(e.depthMm, e.iMmPerMin * t);
      expectRel(e.iMmPerH, 60 * e.iMmPerMin);
    });
  }
  it('167 vs the exact 166.67 differ by 0.2 %', () => {
    expectShown(Q_PER_I / Q_PER_I_EXACT - 1, 0.002, 3);
  });
  it('both unit forms agree: A form and A1 form', () => {
    const p = paramsFromA(2001, 0.811, 8, 0.711);
    expectRel(intensityLpsPerHa(p, 3, 15), 2001 * (1 + 0.811 * Math.log10(3)) / Math.pow(23, 0.711));
    expectRel(depthMm(p, 3, 60), 60 * intensityLpsPerHa(p, 3, 60) / 167);
  });
});

describe('formula data model', () => {
  it('warns outside the fitted range', () => {
    expect(evaluateStorm(beijing, 50, 60).warnings.join()).toMatch(/P = 50 a is outside/);
    expect(evaluateStorm(beijing, 3, 1440).warnings.join()).toMatch(/t = 1440 min is outside/);
    expect(evaluateStorm(beijing, 3, 60).warnings).toEqual([]);
  });
  it('piecewise formulas pick the matching piece (first match wins at the boundary)', () => {
    const f: StormFormula = {
      id: 'two-piece',
      name: 'test',
      pieces: [
        { ...paramsFromA(2000, 0.8, 8, 0.7), tMinRange: [0, 120] },
        { ...paramsFromA(1500, 0.9, 10, 0.6), tMinRange: [120, 1440] },
      ],
      provenance: { tag: 'D', source: 'test' },
    };
    expect(selectPiece(f, 2, 120).A1).toBe(2000 / 167);
    expect(selectPiece(f, 2, 121).A1).toBe(1500 / 167);
    expect(() => selectPiece(f, 2, 2000)).toThrow(/no parameter set/);
  });
  it('rejects impossible parameters and P', () => {
    expect(() => checkStormParams(paramsFromA(-5, 0.8, 8, 0.7))).toThrow(/positive/);
    expect(() => checkStormParams(paramsFromA(2000, 0.8, 8, 1.2))).toThrow(/\(0, 1\)/);
    expect(() => evaluateStorm(beijing, 0, 10)).toThrow(/P must be > 0/);
    expect(() => evaluateStorm(beijing, 0.01, 10)).toThrow(/1 \+ C·lg P/);
    expect(() => evaluateStorm(beijing, 3, -1)).toThrow(/duration/);
    expect(() => findStormFormula('atlantis')).toThrow(/unknown storm formula "atlantis"; known formulas: beijing/);
  });
  it('user formulas are labelled unverified', () => {
    const u = userFormula(2001, 0.811, 8, 0.711);
    expect(u.provenance.tag).toBe('X');
    expectRel(evaluateStorm(u, 3, 15).qLpsPerHa, evaluateStorm(beijing, 3, 15).qLpsPerHa);
  });
  it('digest §2.4 plausibility columns of the unverified Beijing candidates', () => {
    // q(P=2, t=60) and the 24-h depth 0.006·q·t at P = 100 a, as printed in the digest table.
    const rows: [string, number, number][] = [
      ['beijing-db11-zone1-a', 76.4, 85.8],
      ['beijing-db11-zone1-b', 122.2, 253.5],
      ['beijing-db11-zone2-short', 124.1, 596.7],
      ['beijing-db11-zone2-long', 114.7, 299.0],
      ['beijing-db11-zone1-short', 61.0, 90.0],
      ['beijing-db11-zone1-long', 74.4, 96.5],
    ];
    for (const [id, q, d] of rows) {
      const f = findStormFormula(id);
      expect(f.provenance.tag).toBe('X');
      expectShown(evaluateStorm(f, 2, 60).qLpsPerHa, q, 1);
      expectShown(0.006 * evaluateStorm(f, 100, 1440).qLpsPerHa * 1440, d, 1);
    }
    expect(STORM_FORMULAS.filter((f) => f.provenance.tag !== 'X').map((f) => f.id)).toEqual(['beijing']);
  });
});
