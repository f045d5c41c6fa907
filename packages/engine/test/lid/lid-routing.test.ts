// Where LID water goes (digest §6.2, §4.3): underdrain flow to another subcatchment (runon in
// the next step), to a chosen node (routing inflow, LID Drainage in continuity), capture of
// pervious runoff (FromPerv), covered rain barrels, and the LID Control Summary rows.
import { describe, expect, it } from 'vitest';
import { lidControlSummary, lidDrainInflow, lidPerformanceSummary } from '../../src/hydrology/lid.js';
import { parseInp } from '../../src/input/index.js';
import { loadIndex, readRef, referenceAvailable } from '../parity/reference.js';
import { runWithLids } from './run-lid.js';

function model(lidControls: string, usage: string): string {
  return `[OPTIONS]
FLOW_UNITS CFS
INFILTRATION HORTON
FLOW_ROUTING KINWAVE
START_DATE 01/01/2020
START_TIME 00:00:00
END_DATE 01/01/2020
END_TIME 12:00:00
REPORT_STEP 00:05:00
WET_STEP 00:01:00
DRY_STEP 00:05:00
ROUTING_STEP 0:01:00
[EVAPORATION]
CONSTANT 0.0
[RAINGAGES]
G1 INTENSITY 1:00 1.0 TIMESERIES R1
[SUBCATCHMENTS]
S1 G1 O1 1 50 200 2 0
S2 G1 O1 1 50 200 2 0
[SUBAREAS]
S1 0.015 0.1 0.05 0.05 25 OUTLET
S2 0.015 0.1 0.05 0.05 25 OUTLET
[INFILTRATION]
S1 0.5 0.1 4 7 0
S2 0.5 0.1 4 7 0
[LID_CONTROLS]
${lidControls}
[LID_USAGE]
${usage}
[OUTFALLS]
O1 0 FREE
J2 0 FREE
[TIMESERIES]
R1 0 2
R1 1 1
R1 2 0
`;
}

const CELL = `Cell BC
Cell SURFACE 6 0 0.1 1 5
Cell SOIL 12 0.5 0.2 0.1 2 10 3.5
Cell STORAGE 12 0.75 0 0
Cell DRAIN 1 0.5 0 0`;

function run(controls: string, usage: string) {
  const parsed = parseInp(model(controls, usage));
  expect(parsed.errors).toEqual([]);
  const res = runWithLids(parsed.model!);
  expect(res.lid.errors).toEqual([]);
  return res;
}

describe('LID drain destinations', () => {
  it('drain to another subcatchment arrives there as runon in the next step', () => {
    const res = run(CELL, 'S1 Cell 10 400 20 0 100 0 * S2');
    const st = res.lid.state!;
    const ro = res.driver.ro;
    const drainFt3 = st.wbDrainFlow[0]! * st.unitLidArea[0]!;
    expect(drainFt3).toBeGreaterThan(10);
    // Every step's drain flow reaches S2 one step later, over that next step's length (so the
    // volumes differ slightly where wet and dry steps alternate).
    expect(Math.abs(ro.statRunon[1]! - drainFt3) / drainFt3).toBeLessThan(1e-3);
    expect(ro.statRunon[0]).toBe(0);
    // Internal to the runoff system: no LID Drainage, and S1's total runoff includes its drain.
    expect(res.continuity.lidDrainage.volume).toBe(0);
    expect(Math.abs(res.continuity.continuityErrorPct)).toBeLessThan(0.5);
  });

  it('drain to a node is routing inflow, interpolated between runoff steps, and LID Drainage in continuity', () => {
    const res = run(CELL, 'S1 Cell 10 400 20 0 100 0 * J2');
    const st = res.lid.state!;
    expect(st.unitDrainNode[0]).toBe(1);
    const drainFt3 = st.wbDrainFlow[0]! * st.unitLidArea[0]!;
    const ac = res.continuity;
    expect(ac.ft3.drains).toBeCloseTo(drainFt3, 9);
    // Interpolated inflow at f between the previous and the latest step's drain flow.
    st.oldDrain[0] = 0.2;
    st.newDrain[0] = 0.6;
    const perNode = new Float64Array(2);
    expect(lidDrainInflow(st, 0.25, perNode)).toBeCloseTo(0.3, 15);
    expect(perNode[0]).toBe(0);
    expect(perNode[1]).toBeCloseTo(0.3, 15);
    expect(lidDrainInflow(st, 2)).toBeCloseTo(0.6, 15); // f clipped to 1
  });

  it('drain to the outlet node by default', () => {
    const res = run(CELL, 'S1 Cell 10 400 20 0 100 0');
    expect(res.lid.state!.unitDrainNode[0]).toBe(0);
    expect(res.continuity.ft3.drains).toBeGreaterThan(0);
  });
});

describe('LID inflow', () => {
  it('FromPerv captures that share of the non-LID pervious runoff', () => {
    const res = run(CELL, 'S1 Cell 10 400 20 0 0 0 * * 50');
    const st = res.lid.state!;
    const ro = res.driver.ro;
    const rainFt = ro.statPrecip[0]! / ro.area[0]!;
    const capturedFt3 = (st.wbInflow[0]! - rainFt) * st.unitLidArea[0]!;
    expect(ro.statPervRunoff[0]).toBeGreaterThan(0);
    expect(capturedFt3).toBeCloseTo(0.5 * ro.statPervRunoff[0]!, 6);
  });

  it('a covered rain barrel gets no direct rainfall', () => {
    const barrel = (cov: string) => `Tank RB\nTank STORAGE 48 1 0 0 ${cov}\nTank DRAIN 1 0.5 0 6`;
    const open = run(barrel('NO'), 'S1 Tank 4 10 0 0 10 0');
    const covered = run(barrel('YES'), 'S1 Tank 4 10 0 0 10 0');
    const rainIn = (open.driver.ro.statPrecip[0]! / open.driver.ro.area[0]!) * 12;
    const inOpen = lidPerformanceSummary(open.lid.state!, open.driver.ro)[0]!.totalInflow;
    const inCovered = lidPerformanceSummary(covered.lid.state!, covered.driver.ro)[0]!.totalInflow;
    expect(rainIn).toBeCloseTo(3, 9);
    expect(inOpen - inCovered).toBeCloseTo(rainIn, 6);
  });
});

describe.skipIf(!referenceAvailable())('LID Control Summary', () => {
  it('matches SWMM\'s input summary rows for epa_lid_model', () => {
    const m = loadIndex().find((x) => x.id === 'epa_lid_model')!;
    const res = runWithLids(parseInp(readRef(m.run_inp, 'latin1')).model!);
    const rows = lidControlSummary(res.lid.state!, res.driver.ro);
    const rpt = readRef(m.rpt, 'latin1').split('\n');
    const at = rpt.findIndex((l) => l.includes('LID Control Summary'));
    const ref = rpt.slice(at + 5, at + 5 + rows.length).map((l) => l.trim().split(/\s+/));
    expect(rows.map((r) => [r.subcatchment, r.lidControl])).toEqual(ref.map((t) => [t[0], t[1]]));
    rows.forEach((r, i) => {
      const t = ref[i]!.slice(2).map(Number);
      expect(r.units).toBe(t[0]);
      [r.unitArea, r.unitWidth, r.areaCoveredPct, r.imperviousTreatedPct, r.perviousTreatedPct].forEach((v, k) => {
        expect(Math.abs(v - t[k + 1]!)).toBeLessThanOrEqual(0.005 + 1e-9);
      });
    });
  });
});
