// One focused test per LID type. Seven run the public reference model that uses the type and
// check that unit's LID Performance Summary row to the printed digit (plus the mechanism the
// type is about); rooftop disconnection has no public model, so it gets hand-checked
// analytic cases built here.
import { describe, expect, it } from 'vitest';
import { type LidState, lidPerformanceSummary, lidReportFileTexts } from '../../src/hydrology/lid.js';
import { LR_DRAIN, LR_EXFIL, LR_PAVE_PERC, LR_SOIL_PERC, LR_STOR_DEPTH, LR_SURF_OUTFLOW } from '../../src/hydrology/lid-report.js';
import { parseInp } from '../../src/input/index.js';
import type { Model } from '../../src/model/types.js';
import { dataFiles, loadIndex, readRef, referenceAvailable } from '../parity/reference.js';
import { type LidRunResult, rainRecordsFromFiles, rawTitleLine, runWithLids } from './run-lid.js';

const haveRef = referenceAvailable();
if (!haveRef) console.log('LID type tests: ../shared/swmm-reference not found — skipping the reference-model cases');

const cache = new Map<string, { res: LidRunResult; model: Model; ref: { tables: Record<string, { rows: (string | number)[][] }>; continuity: Record<string, { rows: Record<string, number[]> }> } }>();
function run(id: string): NonNullable<ReturnType<typeof cache.get>> {
  const hit = cache.get(id);
  if (hit) return hit;
  const m = loadIndex().find((x) => x.id === id)!;
  const text = readRef(m.run_inp, 'latin1');
  const model = parseInp(text, { fileName: `${id}.inp`, externalFiles: 'ignore' }).model!;
  const res = runWithLids(model, { rainRecordsByGage: rainRecordsFromFiles(model, dataFiles(m)), titleLine: rawTitleLine(text) });
  expect(res.lid.errors).toEqual([]);
  const out = { res, model, ref: JSON.parse(readRef(m.rpt_json)) };
  cache.set(id, out);
  return out;
}

/** The unit's performance row equals SWMM's to the printed 0.01 (in or mm). */
function expectRow(id: string, sub: string, lid: string): void {
  const { res, ref } = run(id);
  const mine = lidPerformanceSummary(res.lid.state!, res.driver.ro).find((r) => r.subcatchment === sub && r.lidControl === lid)!;
  const r = ref.tables['LID Performance Summary']!.rows.find((x) => x[0] === sub && x[1] === lid)!;
  const v = [mine.totalInflow, mine.evapLoss, mine.infilLoss, mine.surfaceOutflow, mine.drainOutflow, mine.initialStorage, mine.finalStorage];
  v.forEach((x, k) => expect(Math.abs(x - Number(r[k + 2]))).toBeLessThanOrEqual(0.005 + 1e-9));
}

/** Column c of unit u over all reporting periods of the consolidated table. */
function column(st: LidState, u: number, c: number): number[] {
  const t = st.table!;
  return Array.from({ length: t.periods }, (_, p) => t.get(p, u, c));
}

function unitIndex(st: LidState, sub: string, lid: string): number {
  return st.unitInfo.findIndex((i) => i.subcatchment === sub && i.lidControl === lid);
}

describe.skipIf(!haveRef)('LID types against their reference models', () => {
  it('BC bio-retention cell (nrt_bioretention, SI): drain above a 500 mm offset; detailed report identical', () => {
    expectRow('nrt_bioretention', 'NC_Bioretention', 'NC_Bioretention_North');
    const { res } = run('nrt_bioretention');
    const text = lidReportFileTexts(res.lid.state!)['bc_sncb.txt']!;
    expect(text).toBe(readRef('models/nrt_bioretention/bc_sncb.txt', 'latin1'));
    // The 500 mm drain offset is above the 450 mm storage: water drains only while the storage is full.
    const st = res.lid.state!;
    const drain = column(st, 0, LR_DRAIN);
    const stor = column(st, 0, LR_STOR_DEPTH);
    drain.forEach((q, p) => {
      if (q > 0) expect(stor[p]).toBeGreaterThan(449.9);
    });
    expect(Math.max(...drain)).toBeGreaterThan(0);
  });

  it('RG rain garden (lid_rain_garden_w_wo): no storage layer, soil drains at most at the 0.5 in/hr seepage rate', () => {
    expectRow('lid_rain_garden_w_wo', 'wRG', 'RG');
    const st = run('lid_rain_garden_w_wo').res.lid.state!;
    const exfil = column(st, 0, LR_EXFIL);
    const perc = column(st, 0, LR_SOIL_PERC);
    expect(Math.max(...exfil)).toBeCloseTo(0.5, 9);
    exfil.forEach((e, p) => expect(e).toBeCloseTo(perc[p]!, 12));
  });

  it('GR green roof (lid_green_roof_w_wo): drainage-mat flow returned to the pervious area; detailed report identical', () => {
    expectRow('lid_green_roof_w_wo', 'wGR', 'GR');
    const { res } = run('lid_green_roof_w_wo');
    expect(lidReportFileTexts(res.lid.state!)['groof.txt']).toBe(readRef('models/lid_green_roof_w_wo/groof.txt', 'latin1'));
    // ToPerv = 1 and the mat drains to the subcatchment's outlet: nothing reaches the node as LID drainage.
    expect(res.continuity.lidDrainage.volume).toBe(0);
    expect(res.lid.state!.wbDrainFlow[0]! * 12).toBeCloseTo(9.95, 2);
  });

  it('IT infiltration trench (epa_lid_model S1): overflows only once its 36 in storage is full', () => {
    expectRow('epa_lid_model', 'S1', 'InfilTrench');
    const st = run('epa_lid_model').res.lid.state!;
    const u = unitIndex(st, 'S1', 'InfilTrench');
    const out = column(st, u, LR_SURF_OUTFLOW);
    const stor = column(st, u, LR_STOR_DEPTH);
    // (end-of-step depths: exfiltration lowers a full storage by a few thousandths of an inch)
    out.forEach((q, p) => {
      if (q > 0) expect(stor[p]).toBeGreaterThan(35.99);
    });
    expect(Math.max(...out)).toBeGreaterThan(0);
    expect(Math.max(...column(st, u, LR_EXFIL))).toBeLessThanOrEqual(0.2 + 1e-12);
  });

  it('PP permeable pavement (nrt_porous_pavement): percolation capped by permeability × pervious fraction; detailed report identical', () => {
    expectRow('nrt_porous_pavement', '1', 'PP');
    const { res } = run('nrt_porous_pavement');
    expect(lidReportFileTexts(res.lid.state!)['pp_s1.txt']).toBe(readRef('models/nrt_porous_pavement/pp_s1.txt', 'latin1'));
    const st = res.lid.state!;
    expect(Math.max(...column(st, 0, LR_PAVE_PERC))).toBeLessThanOrEqual(100 * (1 - 0.82) + 1e-9);
    expect(Math.max(...column(st, 0, LR_EXFIL))).toBeCloseTo(0.46, 9);
  });

  it('RB rain barrel (epa_lid_model S1): drains only after 6 dry hours, flow returned to the pervious area', () => {
    expectRow('epa_lid_model', 'S1', 'RainBarrels');
    const { res } = run('epa_lid_model');
    const st = res.lid.state!;
    const u = unitIndex(st, 'S1', 'RainBarrels');
    const drain = column(st, u, LR_DRAIN);
    const dates = st.table!.dates;
    const firstDrain = drain.findIndex((q) => q > 0);
    // The 2-yr storm ends at 2:00 (captured runoff keeps flowing in a little longer, but the
    // delay counts from the last rainfall); the barrel starts draining 6 h later.
    const hours = (dates[firstDrain]! - run('epa_lid_model').model.options.startDateTime) * 24;
    expect(hours).toBeGreaterThanOrEqual(8 - 1e-6);
    expect(hours).toBeLessThan(9);
    expect(drain.slice(0, firstDrain).every((q) => q === 0)).toBe(true);
    expect(res.lid.state!.unitToPerv[u]).toBe(1);
  });

  it('VS vegetative swale (epa_lid_model): three swales in series, ω = 0.5 iteration', () => {
    expectRow('epa_lid_model', 'Swale3', 'Swale');
    expectRow('epa_lid_model', 'Swale4', 'Swale');
    expectRow('epa_lid_model', 'Swale6', 'Swale');
    const { res, ref } = run('epa_lid_model');
    // Swale4 receives S1's and S4's runoff plus Swale3's outflow as runon.
    const s4 = res.summary.find((s) => s.name === 'Swale4')!;
    const r4 = ref.tables['Subcatchment Runoff Summary']!.rows.find((r) => r[0] === 'Swale4')!;
    expect(s4.totalRunon).toBeCloseTo(Number(r4[2]), 2);
  });
});

// ---------------------------------------------------------------- rooftop disconnection (hand-checked)

/** 0.1 acre = 4356 ft² entirely covered by one rooftop-disconnection unit; 1 in/hr for 2 h. */
function roofModel(surface: string, width: number): string {
  return `[TITLE]
Rooftop disconnection check
[OPTIONS]
FLOW_UNITS CFS
INFILTRATION HORTON
FLOW_ROUTING KINWAVE
START_DATE 01/01/2020
START_TIME 00:00:00
REPORT_START_DATE 01/01/2020
REPORT_START_TIME 00:00:00
END_DATE 01/01/2020
END_TIME 04:00:00
REPORT_STEP 00:01:00
WET_STEP 00:01:00
DRY_STEP 00:01:00
ROUTING_STEP 0:01:00
[EVAPORATION]
CONSTANT 0.0
[RAINGAGES]
G1 INTENSITY 1:00 1.0 TIMESERIES R1
[SUBCATCHMENTS]
S1 G1 O1 0.1 100 100 1 0
[SUBAREAS]
S1 0.01 0.1 0 0 100 OUTLET
[INFILTRATION]
S1 3 0.5 4 7 0
[LID_CONTROLS]
Roof RD
Roof SURFACE ${surface}
Roof DRAIN 0.4 0 0 0
[LID_USAGE]
S1 Roof 1 4356 ${width} 0 0 0
[OUTFALLS]
O1 0 FREE
[TIMESERIES]
R1 0 1
R1 1 1
R1 2 0
`;
}

describe('RD rooftop disconnection (hand-checked)', () => {
  it('splits roof runoff between a 0.4 in/hr roof drain and the surface: 2 in of rain → 0.8 in drained, 1.2 in overland', () => {
    // Steep, smooth roof: the Manning outflow is capped at the water present (δ/Δt), so after
    // the first minute it equals the 1 in/hr rainfall; the drain takes 0.4 in/hr of it.
    const model = parseInp(roofModel('0 0 0.01 50 0', 100)).model!;
    const res = runWithLids(model);
    expect(res.lid.errors).toEqual([]);
    const row = lidPerformanceSummary(res.lid.state!, res.driver.ro)[0]!;
    expect(row.totalInflow).toBeCloseTo(2.0, 9);
    expect(row.drainOutflow).toBeCloseTo(0.8, 9);
    expect(row.surfaceOutflow).toBeCloseTo(1.2, 9);
    expect(row.evapLoss).toBe(0);
    expect(row.infilLoss).toBe(0);
    expect(row.finalStorage).toBeCloseTo(0, 12);
    // The drain goes to the outlet node: LID Drainage in the continuity table. Volumes use the
    // units' 4356 ft², depths the subcatchment's 0.1 acre (4356.16 ft² with SWMM's acre factor).
    const c = res.continuity;
    const share = 4356 / res.driver.ro.area[0]!;
    expect(c.lidDrainage.depth).toBeCloseTo(0.8 * share, 9);
    expect(c.surfaceRunoff.depth).toBeCloseTo(1.2 * share, 9);
    expect(Math.abs(c.continuityErrorPct)).toBeLessThan(1e-3);
    expect(res.summary[0]!.totalRunoffDepth).toBeCloseTo(2.0 * share, 9);
  });

  it('[as-is] with no roughness the overflow is discarded inside the flux routine, so the drain never flows', () => {
    // Width 0: excess above the 0.1 in berm leaves as surface overflow after each step.
    const model = parseInp(roofModel('0.1 0 0 0 0', 0)).model!;
    const res = runWithLids(model);
    const row = lidPerformanceSummary(res.lid.state!, res.driver.ro)[0]!;
    expect(row.drainOutflow).toBe(0);
    expect(row.surfaceOutflow).toBeCloseTo(1.9, 9);
    expect(row.finalStorage).toBeCloseTo(0.1, 9);
    expect(res.continuity.lidDrainage.volume).toBe(0);
  });
});
