// Groundwater through the whole engine on small models whose answers can be worked out by hand
// (digest §9.1): a linear-reservoir recession, a constant deep loss, infiltration and upper zone
// ET, custom [GWF] expressions, and the coded input errors.
import { describe, expect, it } from 'vitest';
import { readOut, runModel } from '../../src/index.js';
import { parseReport } from '../parity/rpt-parse.js';

interface GwModel {
  aquifer?: string;
  groundwater?: string;
  gwf?: string[];
  rain?: string;
  evap?: string;
  imperv?: number;
  options?: string;
  inflows?: string;
}

/** A 10-acre subcatchment over an aquifer draining to outfall OUT, two days, 5-minute steps. */
function gwInp(m: GwModel = {}): string {
  return `[TITLE]
groundwater test
[OPTIONS]
FLOW_UNITS CFS
INFILTRATION HORTON
FLOW_ROUTING KINWAVE
START_DATE 01/01/2020
START_TIME 00:00
END_DATE 01/03/2020
END_TIME 00:00
REPORT_STEP 01:00:00
WET_STEP 00:05:00
DRY_STEP 00:05:00
ROUTING_STEP 60
${m.options ?? ''}
[EVAPORATION]
CONSTANT ${m.evap ?? '0'}
[RAINGAGES]
RG INTENSITY 1:00 1.0 TIMESERIES R
[TIMESERIES]
${m.rain ?? 'R 0:00 0'}
[SUBCATCHMENTS]
S1 RG OUT 10 ${m.imperv ?? 0} 100 1 0
[SUBAREAS]
S1 0.01 0.1 0.05 0.05 25 OUTLET
[INFILTRATION]
S1 10 10 4 7 0
[AQUIFERS]
${m.aquifer ?? 'A1 0.5 0.15 0.30 0.1 12 15 0.35 0 0 0 4 0.30'}
[GROUNDWATER]
${m.groundwater ?? 'S1 A1 OUT 6 0.1 1 0 0 0 0 0'}
[GWF]
${(m.gwf ?? []).join('\n')}
[OUTFALLS]
OUT 0 FREE
[INFLOWS]
${m.inflows ?? ''}
[REPORT]
SUBCATCHMENTS ALL
`;
}

function run(m: GwModel = {}) {
  const res = runModel(gwInp(m), { inpName: 'gw.inp' });
  return { res, rpt: parseReport(res.report) };
}

/** Σ over report periods of subcatchment variable v (5 GW flow, 6 GW elevation, 7 moisture). */
function series(bytes: Uint8Array, v: number): Float32Array {
  return readOut(bytes).getSeries('subcatchment', 0, v);
}

// Porosity 0.5, moisture held at field capacity 0.30 (no percolation, no ET): the lower zone
// drains as a linear reservoir, q = A1·Hg (cfs/acre) → dHg/dt = −(0.1/43560)·Hg/(0.5 − 0.3).
const C = 0.1 / 43560 / 0.2;

describe('groundwater (hand-checked)', () => {
  it('a lower zone with linear lateral outflow recedes exponentially and balances', () => {
    const { res, rpt } = run();
    expect(res.errors).toEqual([]);
    // Water table and lateral flow every hour: Hg(t) = 4·e^(−C·t); 0.1 cfs/acre/ft × 10 acres → q(cfs) = Hg(ft).
    const elev = series(res.output, 6);
    const flow = series(res.output, 5);
    const moist = series(res.output, 7);
    expect(elev.length).toBe(48);
    for (let h = 1; h <= 48; h++) {
      const hg = 4 * Math.exp(-C * 3600 * h);
      expect(elev[h - 1]!).toBeCloseTo(hg, 3);
      expect(flow[h - 1]!).toBeCloseTo(hg, 3);
      expect(moist[h - 1]!).toBeCloseTo(0.3, 6);
    }
    // Continuity: initial (2 ft × 0.30 + 4 ft × 0.5) × 10 ac = 26 ac-ft; the aquifer loses
    // 0.2 × (4 − Hg(2 d)) × 10 ac. [as-is] The flow total is a trapezoid from a zero initial flow, so
    // it misses half of the first 5-minute step's outflow, 0.5 × 300 s × 4 cfs (a 0.05 % error).
    const hgEnd = 4 * Math.exp(-C * 172800);
    const lost = (0.2 * (4 - hgEnd) * 10);
    const firstHalfStepAcFt = (0.5 * 300 * 4 * Math.exp(-C * 300)) / 43560;
    const gc = rpt.continuity['Groundwater Continuity']!.rows;
    expect(gc['Initial Storage']).toEqual([26, 31.2]);
    expect(gc['Groundwater Flow']![0]).toBeCloseTo(lost - firstHalfStepAcFt, 3);
    expect(gc['Final Storage']![0]).toBeCloseTo(26 - lost, 3);
    expect(gc['Infiltration']![0]).toBe(0);
    expect(gc['Continuity Error (%)']![0]).toBeCloseTo((100 * firstHalfStepAcFt) / 26, 2);
    // The same water reaches the outfall as groundwater inflow (interpolated from the same zero start).
    const fr = rpt.continuity['Flow Routing Continuity']!.rows;
    expect(fr['Groundwater Inflow']![0]).toBeCloseTo(lost - firstHalfStepAcFt, 2);
    // Summary: lateral outflow depth (in), first-step peak, time-averaged and final water table.
    const row = rpt.tables['Groundwater Summary']!.rows[0]!;
    expect(row[0]).toBe('S1');
    expect(row[4]).toBeCloseTo(0.2 * (4 - hgEnd) * 12, 1);
    expect(row[5]).toBeCloseTo(4 * Math.exp(-C * 300), 2);
    expect(row[7]).toBeCloseTo((4 * (1 - Math.exp(-C * 172800))) / (C * 172800), 2);
    expect(row[9]).toBeCloseTo(hgEnd, 2);
  });

  it('a LATERAL [GWF] expression equal to the built-in term gives the same aquifer', () => {
    const base = run();
    const expr = run({ groundwater: 'S1 A1 OUT 6 0 1 0 0 0 0 0', gwf: ['S1 LATERAL 0.1 * (HGW - HCB)'] });
    expect(expr.res.errors).toEqual([]);
    expect(Array.from(series(expr.res.output, 6))).toEqual(Array.from(series(base.res.output, 6)));
    expect(Array.from(series(expr.res.output, 5))).toEqual(Array.from(series(base.res.output, 5)));
  });

  it('a constant DEEP loss lowers the water table linearly', () => {
    // 0.01 in/hr out of a lower zone with a 0.2 moisture deficit: 0.01/12/0.2 ft per hour.
    const { res, rpt } = run({ groundwater: 'S1 A1 OUT 6 0 0 0 0 0 0 0', gwf: ['S1 DEEP 0.01'] });
    expect(res.errors).toEqual([]);
    const elev = series(res.output, 6);
    for (let h = 1; h <= 48; h++) expect(elev[h - 1]!).toBeCloseTo(4 - (0.01 / 12 / 0.2) * h, 5);
    const gc = rpt.continuity['Groundwater Continuity']!.rows;
    expect(gc['Deep Percolation']![1]).toBeCloseTo(0.48, 3);
    const row = rpt.tables['Groundwater Summary']!.rows[0]!;
    expect(row[3]).toBeCloseTo(0.48, 2);
    expect(row[9]).toBeCloseTo(3.8, 2);
  });

  it('infiltration fills the upper zone; upper zone ET starts when it stops', () => {
    // 1 in/hr for one hour, all infiltrated (Horton capacity 10 in/hr); then ET at 0.35 × 0.1 in/day for 47 h.
    const { res, rpt } = run({
      rain: 'R 0:00 1.0\nR 1:00 0',
      evap: '0.1',
      groundwater: 'S1 A1 OUT 6 0 0 0 0 0 0 0',
    });
    expect(res.errors).toEqual([]);
    const gc = rpt.continuity['Groundwater Continuity']!.rows;
    expect(gc['Infiltration']![1]).toBeCloseTo(1.0, 3);
    expect(gc['Upper Zone ET']![1]).toBeCloseTo((0.35 * 0.1 * 47) / 24, 3);
    expect(gc['Lower Zone ET']![1]).toBe(0);
    expect(Math.abs(gc['Continuity Error (%)']![0]!)).toBeLessThan(0.01);
    // Initial 31.2 in + 1 in − ET stays in the aquifer.
    expect(gc['Final Storage']![1]).toBeCloseTo(31.2 + 1 - (0.35 * 0.1 * 47) / 24, 2);
    const rc = rpt.continuity['Runoff Quantity Continuity']!.rows;
    expect(rc['Infiltration Loss']![1]).toBeCloseTo(1.0, 3);
    // Percolation moved part of it down: the water table rose once the upper zone passed field capacity.
    const row = rpt.tables['Groundwater Summary']!.rows[0]!;
    expect(row[9] as number).toBeGreaterThan(4);
    const moist = series(res.output, 7);
    expect(Math.max(...moist)).toBeGreaterThan(0.3 + 1 / 12 / 2 - 0.01);
  });

  it('water can flow from the node into the aquifer (negative groundwater inflow)', () => {
    // 1 cfs enters outfall OUT; its surface water is held 2 ft above the aquifer bottom (Dsw) and
    // only the A2 term acts: q = −0.02 × 2 cfs/acre × 10 acres = −0.4 cfs, for two days.
    const { res, rpt } = run({ groundwater: 'S1 A1 OUT 6 0 0 0.02 1 0 2 0', inflows: 'OUT FLOW "" FLOW 1.0 1.0 1.0' });
    expect(res.errors).toEqual([]);
    const flow = series(res.output, 5);
    for (const q of flow) expect(q).toBeCloseTo(-0.4, 4);
    const intoAquiferAcFt = (0.4 * 172800) / 43560;
    const fr = rpt.continuity['Flow Routing Continuity']!.rows;
    expect(fr['External Inflow']![0]).toBeCloseTo((1 * 172800) / 43560, 2);
    expect(fr['Groundwater Inflow']![0]).toBeCloseTo(-intoAquiferAcFt, 2);
    expect(fr['External Outflow']![0]).toBeCloseTo((0.6 * 172800) / 43560, 2);
    expect(Math.abs(fr['Continuity Error (%)']![0]!)).toBeLessThan(0.05);
    // The lower zone gains that water: Hg rises by V/(area × (φ − θ)).
    const gc = rpt.continuity['Groundwater Continuity']!.rows;
    expect(gc['Groundwater Flow']![0]).toBeCloseTo(-intoAquiferAcFt, 2);
    const row = rpt.tables['Groundwater Summary']!.rows[0]!;
    expect(row[9]).toBeCloseTo(4 + intoAquiferAcFt / 10 / 0.2, 1);
  });

  it('a fully impervious subcatchment leaves its aquifer untouched (as SWMM: final values print 0)', () => {
    const { res, rpt } = run({ imperv: 100, rain: 'R 0:00 1.0\nR 1:00 0' });
    expect(res.errors).toEqual([]);
    const row = rpt.tables['Groundwater Summary']!.rows[0]!;
    expect(row.slice(1)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(rpt.continuity['Groundwater Continuity']!.rows['Final Storage']).toEqual([26, 31.2]);
  });

  it('IGNORE_GROUNDWATER switches the aquifers off', () => {
    const { res, rpt } = run({ options: 'IGNORE_GROUNDWATER YES' });
    expect(res.errors).toEqual([]);
    expect(res.report).toMatch(/Groundwater \.+ NO/);
    expect(rpt.continuity['Groundwater Continuity']).toBeUndefined();
    expect(rpt.tables['Groundwater Summary']).toBeUndefined();
  });
});

describe('groundwater input errors', () => {
  const codes = (m: GwModel): number[] => runModel(gwInp(m), { inpName: 'gw.inp' }).errors.map((e) => e.code);

  it('rejects invalid aquifers (109) and a ground surface below the water table (110)', () => {
    expect(codes({ aquifer: 'A1 0.5 0.15 0.60 0.1 12 15 0.35 0 0 0 4 0.30' })).toContain(109);
    expect(codes({ aquifer: 'A1 0.5 0.15 0.30 0.1 12 15 0.35 0 0 0 4 0.30 NOPAT' })).toContain(209);
    expect(codes({ groundwater: 'S1 A1 OUT 6 0.1 1 0 0 0 0 0 * 7' })).toContain(110);
  });

  it('reports unknown objects, missing items, bad numbers, keywords and expressions', () => {
    expect(codes({ groundwater: 'S1 A1 NOWHERE 6 0.1 1 0 0 0 0 0' })).toContain(209);
    expect(codes({ groundwater: 'S1 A1 OUT 6 0.1' })).toContain(203);
    expect(codes({ groundwater: 'S1 A1 OUT 6 x 1 0 0 0 0 0' })).toContain(211);
    expect(codes({ gwf: ['S1 SIDEWAYS 0.1'] })).toContain(205);
    expect(codes({ gwf: ['S1 LATERAL 0.1 * (HGW'] })).toContain(233);
    expect(codes({ gwf: ['S1 DEEP 2 * WHAT'] })).toContain(233);
  });
});
