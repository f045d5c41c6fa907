import { describe, expect, it } from 'vitest';
import { computeResults, dayToIso, OutFileError, readOut } from '../src/index.js';
import { sampleOut } from './out-writer.js';

describe('readOut', () => {
  it('reads names, properties, variables and series', () => {
    const out = readOut(sampleOut());
    expect(out.version).toBe(52004);
    expect(out.flowUnits).toBe('LPS');
    expect(out.si).toBe(true);
    expect(out.subcatchments).toEqual([
      { name: 'S1', area: 1 },
      { name: '屋面2', area: 2 },
    ]);
    expect(out.nodes.map((n) => [n.name, n.type])).toEqual([
      ['J1', 'junction'],
      ['O1', 'outfall'],
    ]);
    expect(out.links).toEqual([{ name: 'C1', type: 'conduit' }]);
    expect(out.vars.node).toEqual(['depth', 'head', 'volume', 'lateral_inflow', 'total_inflow', 'flooding']);
    expect(out.vars.system[11]).toBe('outfall_outflow');
    expect(out.periods).toBe(4);
    expect(out.reportStepS).toBe(60);
    expect(Array.from(out.series('subcatchment', 1, 4))).toEqual([0, 30, 30, 30]);
    expect(Array.from(out.series('node', 0, 0))).toEqual([0, 0.1, 0.2, 0.3].map(Math.fround));
    expect(Array.from(out.series('link', 0, 2))).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(Array.from(out.series('system', 0, 1))).toEqual([36, 36, 0, 0]);
    expect(Array.from(out.times()).map(dayToIso)).toEqual([
      '2025-01-01T00:01:00',
      '2025-01-01T00:02:00',
      '2025-01-01T00:03:00',
      '2025-01-01T00:04:00',
    ]);
    expect(() => out.series('node', 2, 0)).toThrow(RangeError);
  });

  it('rejects bytes that are not a SWMM output file', () => {
    expect(() => readOut(new Uint8Array(100))).toThrow(OutFileError);
    const bytes = sampleOut();
    expect(() => readOut(bytes.subarray(0, bytes.length - 40))).toThrow(OutFileError);
  });
});

describe('computeResults', () => {
  it('integrates runoff and outfall flows (hand-checked trapezoids)', () => {
    const r = computeResults(readOut(sampleOut()), null);
    expect(r.units).toEqual({ flow: 'LPS', volume: 'm3', depth: 'mm' });
    // S1: 60 s × (10+20+10+0 − 0/2) L/s = 2400 L = 2.4 m³ over 1 ha → 0.24 mm
    expect(r.subcatchments[0]!.runoffVolume).toBeCloseTo(2.4, 9);
    expect(r.subcatchments[0]!.runoffDepth).toBeCloseTo(0.24, 9);
    expect(r.subcatchments[0]!.peakRunoff).toBe(20);
    // S2: 60 × (90 − 15) = 4500 L = 4.5 m³ over 2 ha → 0.225 mm
    expect(r.subcatchments[1]!.runoffVolume).toBeCloseTo(4.5, 9);
    expect(r.subcatchments[1]!.runoffDepth).toBeCloseTo(0.225, 9);
    // Outfall: 60 × (85 − 10) = 4500 L
    expect(r.outfalls).toEqual([{ name: 'O1', peakFlow: 35, volume: expect.closeTo(4.5, 9) }]);
    expect(r.totals.runoffVolume).toBeCloseTo(6.9, 9);
    expect(r.totals.peakOutflow).toBe(35);
    // Rain: 60 × (72 − 0) mm·s/h = 1.2 mm over 3 ha = 36 m³ → α = 1 − 4.5/36
    expect(r.totals.precipVolume).toBeCloseTo(36, 6);
    expect(r.eventControlRate).toBeCloseTo(0.875, 9);
  });

  it("prefers the engine's precipitation total (ha·m) for the control rate", () => {
    const summary = {
      flowUnits: 'LPS',
      runoffContinuityErrorPct: -0.1,
      routingContinuityErrorPct: 0.2,
      totalPrecipVolume: 0.004,
      totalRunoffVolume: 0.0007,
      routingSteps: 10,
    };
    const r = computeResults(readOut(sampleOut()), summary);
    expect(r.totals.precipVolume).toBeCloseTo(40, 9);
    expect(r.eventControlRate).toBeCloseTo(1 - 4.5 / 40, 9);
    expect(r.continuity).toEqual({ runoff: -0.1, routing: 0.2 });
  });
});
