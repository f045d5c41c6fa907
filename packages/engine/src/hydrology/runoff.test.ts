import { describe, expect, it } from 'vitest';
import { handModel, handOptions, hourSeries, outNode, START, subareas, subcatch, tsGage } from '../../test/hydrology/hand-model.js';
import type { Model, Subcatchment } from '../model/types.js';
import { unitFactors } from '../model/units.js';
import { dateOfElapsedMs } from '../time/datetime.js';
import { climateUpdate, createClimate, gagesSetRainfall } from './climate.js';
import { createRunoffDriver, runoffDriverStep, runRunoffOnly } from './runoff-driver.js';
import {
  createRunoff, IMPERV0, runoffAddOutfallRunon, OUT_SUB_RAINFALL, OUT_SUB_RUNOFF, OUT_SYS_RAINFALL, OUT_SYS_RUNOFF, PERV, runoffContinuity,
  runoffExecuteStep, runoffInterpolated, runoffReportValues, SUBCATCH_OUT_VARS,
} from './runoff.js';

const US = unitFactors('CFS');
const FT2_PER_ACRE = 1 / 2.2956e-5;

/** Hourly records of `v` in/hr from hour h0 up to (not including) h1, then a zero record. */
function hourly(h0: number, h1: number, v: number): [number, number][] {
  const r: [number, number][] = [];
  for (let h = h0; h < h1; h++) r.push([h, v]);
  r.push([h1, 0]);
  return r;
}

function model(subs: Subcatchment[], rain: [number, number][], over: Partial<Model> = {}): Model {
  return handModel({
    gages: [tsGage('RG', 'TS')],
    timeseries: [hourSeries('TS', rain)],
    subcatchments: subs,
    ...over,
  });
}

/** Run fixed steps of dt seconds for `hours`, returning climate and runoff states. */
function runFixed(m: Model, hours: number, dt: number) {
  const cl = createClimate(m, US);
  const ro = createRunoff(m, US, outNode);
  let old = 0;
  for (let t = 0; t < hours * 3600; t += dt) {
    const d = dateOfElapsedMs(START, t * 1000);
    climateUpdate(cl, d);
    gagesSetRainfall(cl, d);
    runoffExecuteStep(ro, cl, dt, old);
    old = dt;
  }
  return { cl, ro };
}

describe('nonlinear reservoir', () => {
  // 10 acres, all impervious without depression storage: one reservoir with α = 1.49·W·√S/(A·n).
  const s = subcatch('S1', { pctImperv: 100, width: 500, pctSlope: 1, subareas: subareas({ nImperv: 0.015, pctZero: 100 }) });
  const m = model([s], hourly(0, 12, 1.0));

  it('reaches the steady state q = i·A with depth (i/α)^(3/5)', () => {
    const { ro } = runFixed(m, 10, 300);
    const area = 10 * FT2_PER_ACRE;
    const i = 1.0 / 43200;
    const alpha = (1.49 * 500 * Math.sqrt(0.01)) / (area * 0.015);
    expect(ro.saAlpha[IMPERV0]).toBeCloseTo(alpha, 15);
    expect(ro.newRunoff[0]).toBeCloseTo(i * area, 6); // 10.08 cfs
    expect(ro.saDepth[IMPERV0]! / Math.pow(i / alpha, 0.6)).toBeCloseTo(1, 5);
  });

  it('nearly closes the water balance: rain = runoff + storage', () => {
    const { ro } = runFixed(m, 2, 60);
    const c = runoffContinuity(ro);
    // Runoff leaves at the end-of-step rate, so on a rising limb each step over-counts about
    // half the step's rise: Σ ≈ q_end·dt/2 of extra outflow — the scheme's (and SWMM's) error.
    const expected = (-100 * (ro.newRunoff[0]! * 60) / 2) / c.ft3.rainfall;
    expect(expected).toBeCloseTo(-0.4166, 3);
    expect(c.continuityErrorPct).toBeCloseTo(expected, 2);
    expect(c.ft3.rainfall).toBeCloseTo(10 * FT2_PER_ACRE * (2 / 12), 6);
  });

  it('depression storage fills before any runoff; evaporation only takes water ponded at the step start', () => {
    // 0.05 in storage on all of the area; 0.04 in of rain → no runoff, 0.04 in ponded
    const s2 = subcatch('S1', { pctImperv: 100, subareas: subareas({ sImperv: 0.05, pctZero: 0 }) });
    const m2 = model([s2], [[0, 0.04], [1, 0]], { evaporation: { kind: 'CONSTANT', values: [0.24], dryOnly: false } });
    const cl = createClimate(m2, US);
    const ro = createRunoff(m2, US, outNode);
    const step = (h: number, dt: number, old: number): void => {
      const d = dateOfElapsedMs(START, h * 3600e3);
      climateUpdate(cl, d);
      gagesSetRainfall(cl, d);
      runoffExecuteStep(ro, cl, dt, old);
    };
    step(0, 3600, 0);
    expect(ro.newRunoff[0]).toBe(0);
    expect(ro.saDepth[1]! * 12).toBeCloseTo(0.04, 12); // nothing evaporated: dry at the step start
    step(1, 3600, 3600);
    expect(ro.saDepth[1]! * 12).toBeCloseTo(0.04 - 0.24 / 24, 12); // 0.01 in/hr evaporation
    expect(runoffContinuity(ro).evaporationLoss.depth).toBeCloseTo(0.01, 10);
  });

  it('with n = 0 the excess over depression storage leaves within the step', () => {
    const s3 = subcatch('S1', { pctImperv: 100, subareas: subareas({ nImperv: 0, sImperv: 0.05, pctZero: 0 }) });
    const { ro } = runFixed(model([s3], [[0, 1.2]]), 1, 300);
    expect(ro.newRunoff[0]).toBeCloseTo((1.2 / 43200) * 10 * FT2_PER_ACRE, 9);
    expect(ro.saDepth[1]! * 12).toBeCloseTo(0.05, 12);
  });
});

describe('runon and internal routing', () => {
  it('an upstream subcatchment drains onto the next one with one step of lag, counted only once in continuity', () => {
    const up = subcatch('UP', { outlet: 'down', pctImperv: 100, subareas: subareas({ pctZero: 100 }) });
    const down = subcatch('DOWN', { pctImperv: 0, area: 5, subareas: subareas({ sPerv: 0 }) });
    const m = model([up, down], [[0, 1], [1, 0]]);
    const ro = createRunoff(m, US, outNode);
    expect(ro.outSub[0]).toBe(1);
    expect(ro.outNode[1]).toBe(0);
    const { ro: r2 } = runFixed(m, 4, 300);
    const c = runoffContinuity(r2);
    expect(Math.abs(c.continuityErrorPct)).toBeLessThan(0.5);
    // DOWN's runon equals UP's runoff volume lagged by a step (UP has drained after 3 dry hours)
    expect(r2.statRunon[1]! / r2.statRunoff[0]!).toBeCloseTo(1, 3);
    expect(c.ft3.runoff).toBeCloseTo(r2.statRunoff[1]!, 6);
  });

  it('impervious runoff routed 100 % to a pervious area that infiltrates it all', () => {
    const s = subcatch('S1', {
      pctImperv: 50,
      subareas: subareas({ routeTo: 'PERVIOUS', pctRouted: 100, pctZero: 100 }),
      infiltration: { method: 'HORTON', values: [10, 10, 4, 7, 0], explicitMethod: false, line: 1 },
    });
    const { ro } = runFixed(model([s], [[0, 0.5], [1, 0]]), 3, 300);
    const c = runoffContinuity(ro);
    expect(ro.saFOutlet[IMPERV0]).toBe(0);
    expect(c.ft3.runoff).toBe(0);
    expect(ro.statImpervRunoff[0]).toBeGreaterThan(0);
    expect(Math.abs(c.continuityErrorPct)).toBeLessThan(0.5);
    expect(c.infiltrationLoss.depth + c.finalStorage.depth).toBeCloseTo(0.5, 2);
  });

  it('pervious runoff routed to impervious uses area-weighted inflow', () => {
    const s = subcatch('S1', { pctImperv: 20, subareas: subareas({ routeTo: 'IMPERVIOUS', pctRouted: 60 }) });
    const ro = createRunoff(model([s], [[0, 1]]), US, outNode);
    expect(ro.saFOutlet[PERV]).toBeCloseTo(0.4, 12);
    const { ro: r2 } = runFixed(model([s], [[0, 1], [2, 0]]), 6, 300);
    expect(Math.abs(runoffContinuity(r2).continuityErrorPct)).toBeLessThan(0.5);
  });
});

describe('outfall runon', () => {
  it('arrives as runon in the next step, spread over the step that follows, and counts as Outfall Runon', () => {
    const s = subcatch('S1', { pctImperv: 100, subareas: subareas({ pctZero: 100 }) });
    const m = model([s], [[0, 0]]);
    const cl = createClimate(m, US);
    const ro = createRunoff(m, US, outNode);
    const d = dateOfElapsedMs(START, 0);
    climateUpdate(cl, d);
    gagesSetRainfall(cl, d);
    runoffExecuteStep(ro, cl, 300, 0);
    runoffAddOutfallRunon(ro, 0, 3000); // 3000 ft³ discharged during the last 300 s step → 10 cfs
    runoffExecuteStep(ro, cl, 300, 300);
    expect(ro.statRunon[0]).toBeCloseTo(3000, 9);
    expect(runoffContinuity(ro).ft3.runon).toBe(3000);
    expect(ro.newRunoff[0]).toBeGreaterThan(0);
    expect(ro.pendingOutfallRunonFt3[0]).toBe(0);
  });
});

describe('outlets, DRY_ONLY and reporting', () => {
  it('resolves outlets case-insensitively and rejects a name that is both node and subcatchment', () => {
    const ok = createRunoff(model([subcatch('A', { outlet: 'out' })], [[0, 1]]), US, outNode);
    expect(ok.outNode[0]).toBe(0);
    const amb = createRunoff(model([subcatch('OUT', { outlet: 'OUT' })], [[0, 1]]), US, outNode);
    expect(amb.errors[0]?.code).toBe(235);
    const none = createRunoff(model([subcatch('A', { outlet: 'nowhere' })], [[0, 1]]), US, outNode);
    expect(none.errors[0]?.code).toBe(209);
  });

  it('DRY_ONLY: no evaporation in steps with rainfall', () => {
    const s = subcatch('S1', { pctImperv: 100, subareas: subareas({ sImperv: 1, pctZero: 0 }) });
    const ev = { kind: 'CONSTANT' as const, values: [2.4], dryOnly: true };
    const { ro } = runFixed(model([s], hourly(0, 2, 0.1), { evaporation: ev }), 2, 3600);
    expect(ro.statEvap[0]).toBe(0);
    const { ro: r2 } = runFixed(model([s], hourly(0, 2, 0.1), { evaporation: { ...ev, dryOnly: false } }), 2, 3600);
    expect(r2.statEvap[0]).toBeGreaterThan(0);
  });

  it('interpolates runoff to nodes (clipped) and report values (not clipped, zero below MIN_RUNOFF)', () => {
    const s = subcatch('S1', { pctImperv: 100 });
    const { cl, ro } = runFixed(model([s], [[0, 1]]), 0.5, 300);
    ro.oldRunoff[0] = 2;
    ro.newRunoff[0] = 4;
    const perNode = new Float64Array(1);
    expect(runoffInterpolated(ro, 0.25, perNode)).toBe(2.5);
    expect(perNode[0]).toBe(2.5);
    expect(runoffInterpolated(ro, 1.5)).toBe(4);
    const sub = new Float32Array(SUBCATCH_OUT_VARS);
    const sys = new Float32Array(15);
    runoffReportValues(ro, cl, START + 0.4 / 24, 1.5, sub, sys);
    expect(sub[OUT_SUB_RUNOFF]).toBe(5); // extrapolated
    expect(sys[OUT_SYS_RUNOFF]).toBe(5);
    expect(sub[OUT_SUB_RAINFALL]).toBe(1);
    expect(sys[OUT_SYS_RAINFALL]).toBe(1);
    ro.oldRunoff[0] = ro.newRunoff[0] = 1e-6;
    runoffReportValues(ro, cl, START + 0.4 / 24, 0.5, sub, sys);
    expect(sub[OUT_SUB_RUNOFF]).toBe(0);
  });
});

describe('runoff clock', () => {
  it('uses the dry step without rain, the wet step while raining or running off, cut at rain changes', () => {
    const s = subcatch('S1', { pctImperv: 100, subareas: subareas({ pctZero: 100 }) });
    const m = model([s], [[2.5, 1], [3, 0]], { options: handOptions({ endDateTime: START + 0.5 }) });
    m.gages[0] = tsGage('RG', 'TS', 1800);
    const drv = createRunoffDriver(m, US, outNode);
    const steps: number[] = [];
    while (drv.newRunoffMs < drv.totalDurationMs) {
      runoffDriverStep(drv);
      steps.push((drv.newRunoffMs - drv.oldRunoffMs) / 1000);
    }
    // 2 dry hours, a dry half-hour cut at the rain start, wet steps while raining and draining
    expect(steps.slice(0, 4)).toEqual([3600, 3600, 1800, 300]);
    expect(steps.filter((x) => x === 300).length).toBeGreaterThan(6);
    expect(steps.at(-1)).toBeLessThanOrEqual(3600);
    expect(drv.newRunoffMs).toBe(12 * 3600 * 1000);
  });

  it('runRunoffOnly writes one period per report step with reported rainfall', () => {
    const s = subcatch('S1');
    const res = runRunoffOnly(model([s], [[0, 0.6], [1, 0]]), { collectSeries: true });
    expect(res.periodDates).toHaveLength(96);
    expect(res.subSeries[0]![OUT_SUB_RAINFALL]).toBeCloseTo(0.6, 6);
    expect(res.subSeries[5]![OUT_SUB_RAINFALL]).toBe(0);
    expect(Math.abs(res.continuity.continuityErrorPct)).toBeLessThan(0.5);
    expect(res.summary[0]!.totalPrecip).toBeCloseTo(0.6, 10);
  });
});
