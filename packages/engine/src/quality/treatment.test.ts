import { describe, expect, it } from 'vitest';
import { buildTreatment, treatmentApply, treatmentSetInflow, TV_DT, TV_FLOW } from './treatment.js';

const names = ['TSS', 'BOD', 'TP'];

function state(defs: { pollutant: number; kind: 'R' | 'C'; expr: string }[]) {
  const r = buildTreatment(defs.map((d, i) => ({ node: 0, line: i + 1, ...d })), 2, names, 't.inp');
  expect(r.errors).toEqual([]);
  return r.state!;
}

describe('treatment expressions (digest §8.6)', () => {
  it('R-type removes a fraction of the inflow concentration; C-type sets the node concentration', () => {
    const t = state([
      { pollutant: 0, kind: 'R', expr: ' 0.4' },
      { pollutant: 1, kind: 'C', expr: ' BOD / 2' },
    ]);
    const c = Float64Array.from([10, 8, 3]); // mixed node concentrations (no storage: equal to inflow)
    const w = Float64Array.from([20, 16, 6]); // mass inflow rates at q = 2
    treatmentSetInflow(t, 2, w, 0);
    t.vars[TV_FLOW] = 2;
    t.vars[TV_DT] = 60;
    const reacted = new Float64Array(3 * 10);
    treatmentApply(t, 0, 2, 60, c, new Float64Array(3), 0, 0, reacted, 10, 7);
    expect(c[0]).toBeCloseTo(6, 12);
    expect(c[1]).toBeCloseTo(4, 12);
    expect(c[2]).toBe(3); // no expression: untouched
    expect(reacted[0 * 10 + 7]).toBeCloseTo(0.4 * 20, 12); // (Cin − Cout)·q
    expect(reacted[1 * 10 + 7]).toBeCloseTo(0.5 * 16, 12);
    expect(reacted[2 * 10 + 7]).toBe(0);
  });

  it('R_ names evaluate the other removal first; a cycle evaluates to 0', () => {
    const t = state([
      { pollutant: 0, kind: 'R', expr: '0.5 * R_BOD' },
      { pollutant: 1, kind: 'R', expr: '0.6' },
      { pollutant: 2, kind: 'R', expr: 'R_TP + 0.1' },
    ]);
    const c = Float64Array.from([10, 10, 10]);
    treatmentSetInflow(t, 1, Float64Array.from([10, 10, 10]), 0);
    treatmentApply(t, 0, 1, 60, c, new Float64Array(3), 0, 0, new Float64Array(30), 10, 0);
    expect(c[0]).toBeCloseTo(7, 12); // R = 0.3
    expect(c[1]).toBeCloseTo(4, 12); // R = 0.6
    expect(c[2]).toBeCloseTo(9, 12); // self-reference R_TP reads 0 (as in SWMM): R = 0.1
    expect(t.cyclic).toBe(true);
  });

  it('no R-type removal without inflow; removals are clamped to [0, 1]', () => {
    const t = state([
      { pollutant: 0, kind: 'R', expr: '0.5' },
      { pollutant: 1, kind: 'C', expr: '-3' },
      { pollutant: 2, kind: 'C', expr: '100' },
    ]);
    const c = Float64Array.from([10, 10, 10]);
    treatmentSetInflow(t, 0, new Float64Array(3), 0);
    treatmentApply(t, 0, 0, 60, c, Float64Array.from([10, 10, 10]), 0, 100, new Float64Array(30), 10, 0);
    expect(c[0]).toBe(10);
    expect(c[1]).toBe(0); // C clamped to 0 → everything removed
    expect(c[2]).toBe(10); // C clamped to the node concentration → nothing removed
  });

  it('reports error 233 for an expression that does not compile or names an unknown variable', () => {
    const r = buildTreatment([
      { node: 0, pollutant: 0, kind: 'R', expr: ' 0.5 * (FLOW', line: 4 },
      { node: 1, pollutant: 0, kind: 'C', expr: ' NITRATE * 2', line: 5 },
    ], 2, names, 'm.inp');
    expect(r.errors.map((e) => [e.code, e.line])).toEqual([[233, 4], [233, 5]]);
  });
});
