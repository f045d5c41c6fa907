import { describe, expect, it } from 'vitest';
import { alphaFromReport, alphaFromVolumes, compareLidScenarios, parseReportRunoff, stripLidUsage, subcatchmentAlpha } from './simulation-alpha.js';
import { expectRel } from '../test/golden.js';
import { haveShared, readReference } from '../test/shared.js';

describe.skipIf(!haveShared)('α from EPA SWMM 5.2.4 reference reports', () => {
  it('epa_example1_ga: total α = 1 − Surface Runoff / Total Precipitation from the continuity table', () => {
    const rpt = readReference('epa_example1_ga', 'epa_example1_ga.rpt');
    const r = alphaFromReport(rpt);
    // Hand values from the report: Total Precipitation 15.679 acre-ft, Surface Runoff 5.597 acre-ft.
    expectRel(r.alpha, 1 - 5.597 / 15.679);
    expect(r.volumeUnit).toBe('acre-feet');
    expect(r.lidDrainageVolume).toBe(0);
    // Outfall: External Outflow 5.270 + Flooding Loss 0.325.
    expectRel(r.outfallAlpha!, 1 - (5.27 + 0.325) / 15.679);
    expect(r.subcatchments).toHaveLength(8);
    expectRel(r.subcatchments[0]!.alpha, 1 - 1.43 / 2.65);
    expectRel(r.subcatchments[5]!.alpha, 1 - 0.26 / 2.65);
    // Consistency: α_i ≈ 1 − runoff coefficient (to the report's rounding).
    for (const s of r.subcatchments) expect(Math.abs(s.alpha - (1 - s.runoffCoeff))).toBeLessThan(0.005);
  });
  it('swc17 (3-year continuous run with LIDs): underdrain flow counts as leaving unless told otherwise', () => {
    const r = alphaFromReport(readReference('swc17_all_lids_3yr', 'swc17_all_lids_3yr.rpt'));
    expectRel(r.alpha, 1 - (7.247 + 1.023) / 42.87);
    expectRel(r.lidDrainageVolume, 1.023);
    const u = alphaFromReport(readReference('swc17_all_lids_3yr', 'swc17_all_lids_3yr.rpt'), { underdrainControlled: true });
    expectRel(u.alpha, 1 - 7.247 / 42.87);
    // Subcatchment totals include drain flow: their volumes add up to the wet-weather inflow (to rounding).
    const parsed = parseReportRunoff(readReference('swc17_all_lids_3yr', 'swc17_all_lids_3yr.rpt'));
    const mgal = parsed.subcatchments.reduce((s, x) => s + x.runoffVolume, 0);
    expect(Math.abs(mgal - parsed.routingContinuity!.rows['Wet Weather Inflow']![1]!)).toBeLessThan(0.02);
    expect(r.subcatchments.find((s) => s.name === 'Subcatch2')!.alpha).toBe(1);
  });
  it('lid_rain_garden_w_wo: same rain on a subcatchment with and without a rain garden', () => {
    const r = alphaFromReport(readReference('lid_rain_garden_w_wo', 'lid_rain_garden_w_wo.rpt'));
    const w = r.subcatchments.find((s) => s.name === 'wRG')!;
    const wo = r.subcatchments.find((s) => s.name === 'woRG')!;
    expectRel(w.alpha, 1 - 1.12 / 2.0);
    expectRel(wo.alpha, 1 - 1.34 / 2.0);
    expect(w.alpha).toBeGreaterThan(wo.alpha);
  });
  it('compares two reports (with / without LIDs)', () => {
    const withLid = readReference('swc17_all_lids_3yr', 'swc17_all_lids_3yr.rpt');
    const without = readReference('swc13_green_roofs_3yr', 'swc13_green_roofs_3yr.rpt');
    const c = compareLidScenarios(withLid, without);
    expectRel(c.gain, c.withLid.alpha - c.withoutLid.alpha);
    expect(c.subcatchments.length).toBeGreaterThan(0);
  });
});

describe('α from volumes and scenario text', () => {
  it('per subcatchment and total, run-on internal', () => {
    const r = alphaFromVolumes([
      { name: 'roof', rain: 100, runoff: 90, runoffToOtherSubcatchments: 90 },
      { name: 'lawn', rain: 300, runon: 90, runoff: 60 },
    ]);
    expectRel(r.alpha, 1 - 60 / 400);
    expectRel(r.subcatchments[0]!.alpha, 0.1);
    expectRel(r.subcatchments[1]!.alpha, 1 - 60 / 390);
    expectRel(subcatchmentAlpha(2.65, 0, 1.43), 1 - 1.43 / 2.65);
    expect(() => alphaFromVolumes([])).toThrow(/no subcatchments/);
  });
  it('stripLidUsage removes only the data lines of [LID_USAGE]', () => {
    const inp = '[SUBCATCHMENTS]\nS1 RG J 1 50 10 1 0\n\n[LID_USAGE]\n;;Subcatchment LID Number Area\nS1 BC1 1 100 10 0 0 0\nS1 PP1 1 50 10 0 0 0\n\n[OUTFALLS]\nO1 0 FREE\n';
    const r = stripLidUsage(inp);
    expect(r.removed).toBe(2);
    expect(r.inpText).toBe('[SUBCATCHMENTS]\nS1 RG J 1 50 10 1 0\n\n[LID_USAGE]\n;;Subcatchment LID Number Area\n\n[OUTFALLS]\nO1 0 FREE\n');
  });
  it('reports without a runoff table are rejected', () => {
    expect(() => alphaFromReport('nothing here')).toThrow(/no Runoff Quantity Continuity/);
  });
});
