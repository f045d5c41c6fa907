import { describe, expect, it } from 'vitest';
import { decomposeTarget } from './target-decomposition.js';
import { expectRel } from '../test/golden.js';

const plots = [
  { id: 'A', landUse: 'residential', areaHa: 10 },
  { id: 'B', landUse: 'road', areaHa: 4 },
  { id: 'C', landUse: 'park', areaHa: 3 },
  { id: 'D', landUse: 'commercial', areaHa: 5 },
];

describe('target decomposition', () => {
  it('area-weighted plot targets meet the district target exactly', () => {
    const d = decomposeTarget(plots, 0.8);
    expect(d.feasible).toBe(true);
    const w = d.plots.reduce((s, p) => s + p.alpha * p.areaHa, 0) / 22;
    expectRel(w, 0.8, 1e-12);
    expectRel(d.districtAlpha, 0.8, 1e-12);
    for (const p of d.plots) {
      expect(p.alpha).toBeGreaterThan(0);
      expect(p.alpha).toBeLessThanOrEqual(1);
    }
    // Base mean is (0.8·10 + 0.6·4 + 0.9·3 + 0.75·5)/22 = 0.765909…; shift δ raises all plots equally until limits.
    expectRel(d.shift, (0.8 * 22 - (0.8 * 10 + 0.6 * 4 + 0.9 * 3 + 0.75 * 5)) / 22, 1e-12);
  });
  it('clamps at limits and redistributes', () => {
    const d = decomposeTarget(plots, 0.86);
    expect(d.plots.find((p) => p.id === 'C')!.atLimit).toBe('max');
    expectRel(d.districtAlpha, 0.86, 1e-12);
  });
  it('reports infeasible targets', () => {
    const d = decomposeTarget(plots, 0.95);
    expect(d.feasible).toBe(false);
    expect(d.plots.every((p) => p.atLimit === 'max')).toBe(true);
    expect(d.districtAlpha).toBeLessThan(0.95);
  });
  it('rejects unknown land uses unless limits are given', () => {
    expect(() => decomposeTarget([{ id: 'X', landUse: 'airport', areaHa: 1 }], 0.8)).toThrow(/unknown land use "airport"/);
    const d = decomposeTarget([{ id: 'X', landUse: 'airport', areaHa: 1, base: 0.7, min: 0.6, max: 0.9 }], 0.8);
    expectRel(d.plots[0]!.alpha, 0.8, 1e-12);
  });
});
