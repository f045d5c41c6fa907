import { describe, expect, it } from 'vitest';
import { fullPipeCapacity, requiredDiameterM, selectPipe } from './pipe.js';
import { designPipeChain } from './pipe-chain.js';
import { rationalFlow } from './rational.js';
import { findStormFormula } from './storm-formulas.js';
import { expectRel, expectShown } from '../test/golden.js';

describe('E4b full-pipe Manning (digest §4.3a)', () => {
  it('D_req and the DN1200 / DN1350 capacities', () => {
    expectShown(requiredDiameterM(2.13479, 0.013, 0.002), 1.2946, 4);
    const a = fullPipeCapacity(1.2, 0.013, 0.002);
    expectShown(a.flowCms, 1.74357, 5);
    expectShown(a.velocityMps, 1.5417, 4);
    const b = fullPipeCapacity(1.35, 0.013, 0.002);
    expectShown(b.flowCms, 2.38696, 5);
    expectShown(b.velocityMps, 1.6676, 4);
  });
  it('check values DN600 and DN300 at I = 0.003', () => {
    const c = fullPipeCapacity(0.6, 0.013, 0.003);
    expectShown(c.velocityMps, 1.18945, 5);
    expectShown(c.flowCms, 0.336308, 6);
    expectShown(fullPipeCapacity(0.3, 0.013, 0.003).velocityMps, 0.7493, 5);
  });
  it('D_req inverts the capacity exactly', () => {
    const d = requiredDiameterM(0.8, 0.014, 0.004);
    expectRel(fullPipeCapacity(d, 0.014, 0.004).flowCms, 0.8);
  });
  it('selects DN1350 for E4 and explains why not DN1200', () => {
    const s = selectPipe(2.13479, 0.013, 0.002);
    expect(s.chosen.dnMm).toBe(1350);
    expect(s.smaller?.dnMm).toBe(1200);
    expect(s.warnings).toEqual([]);
    const small = selectPipe(0.05, 0.013, 0.003);
    expect(small.chosen.dnMm).toBe(300);
    expect(small.warnings.join()).toMatch(/below the 0\.75 m\/s minimum/);
    expect(() => selectPipe(500, 0.013, 0.002)).toThrow(/larger than the largest/);
    expect(() => selectPipe(1, 0.013, 0)).toThrow(/slope/);
  });
});

describe('pipe chain by the rational method', () => {
  const formula = findStormFormula('beijing');
  it('each pipe carries its upstream area at t1 + upstream travel time', () => {
    const res = designPipeChain({
      formula,
      periodYears: 3,
      inletTimeMin: 10,
      pipes: [
        { id: 'P1', lengthM: 200, localAreaHa: 2, psi: 0.7, slope: 0.003, n: 0.013 },
        { id: 'P2', lengthM: 300, localAreaHa: 3, psi: 0.5, slope: 0.003, n: 0.013 },
      ],
    });
    const p1 = res[0]!;
    expect(p1.durationMin).toBe(10);
    expectRel(p1.flowLps, rationalFlow({ formula, periodYears: 3, inletTimeMin: 10, pipeTimeMin: 0, psi: 0.7, areaHa: 2 }).flowLps);
    expect(p1.capacityLps).toBeGreaterThanOrEqual(p1.flowLps);
    const p2 = res[1]!;
    expectRel(p2.durationMin, 10 + 200 / (60 * p1.velocityMps));
    expectRel(p2.psi, (0.7 * 2 + 0.5 * 3) / 5);
    expectRel(p2.flowLps, rationalFlow({ formula, periodYears: 3, inletTimeMin: 10, pipeTimeMin: p2.durationMin - 10, psi: p2.psi, areaHa: 5 }).flowLps);
    expect(p2.dnMm).toBeGreaterThanOrEqual(p1.dnMm);
    expect(p2.capacityLps).toBeGreaterThanOrEqual(p2.flowLps);
  });
});
