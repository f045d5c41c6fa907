// The runoff clock (digest §2.1–2.3): wet/dry step choice cut at rainfall and evaporation
// changes, elapsed time in milliseconds, and a minimal runoff-only main loop (routing clock
// emulated, no hydraulics) used to validate hydrology against SWMM before the full
// simulation exists. The integrator calls runoffDriverStep / runoffCatchUp from the real
// main loop; runRunoffOnly is for tests and tools.

import type { Model } from '../model/types.js';
import { unitFactors, type UnitFactors } from '../model/units.js';
import { dateOfElapsedMs } from '../time/datetime.js';
import { createSnow } from './snow.js';
import {
  type ClimateState, climateMaxRunoffStepS, climateUpdate, createClimate, gagesSetRainfall, type RainRecords,
} from './climate.js';
import {
  createRunoff, runoffContinuity, runoffExecuteStep, runoffReportValues, runoffSubcatchSummary, type RunoffContinuity,
  type RunoffState, SUBCATCH_OUT_VARS, type SubcatchRunoffSummaryRow,
} from './runoff.js';

export interface RunoffDriver {
  readonly cl: ClimateState;
  readonly ro: RunoffState;
  readonly startDateTime: number;
  /** ms */
  readonly totalDurationMs: number;
  /** Effective steps (s) after SWMM's option adjustments. */
  readonly wetStepS: number;
  readonly dryStepS: number;
  /** False when there are no subcatchments or rainfall is ignored: only the climate advances. */
  readonly doRunoff: boolean;
  /** Bounds of the last runoff step (ms since start). */
  oldRunoffMs: number;
  newRunoffMs: number;
  steps: number;
}

export interface RunoffStepOptions {
  wetStepS: number;
  dryStepS: number;
  /** Total duration in whole seconds. */
  totalDurationS: number;
}

/**
 * SWMM's post-read step adjustments (§1.4): total duration = floor of whole seconds, WET_STEP
 * lowered to the recording interval of every used, non-co-gage TIMESERIES gage, DRY_STEP ≥ WET_STEP.
 */
export function effectiveRunoffSteps(model: Model, cl: ClimateState): RunoffStepOptions {
  const o = model.options;
  let wet = o.wetStepS;
  for (let j = 0; j < cl.nGages; j++) {
    if (!cl.gageUsed[j] || cl.coGage[j]! >= 0 || cl.srcIsFile[j] || cl.srcDates[j] === null) continue;
    if (cl.intervalS[j]! < wet) wet = cl.intervalS[j]!;
  }
  const dry = Math.max(o.dryStepS, wet);
  return { wetStepS: wet, dryStepS: dry, totalDurationS: Math.floor((o.endDateTime - o.startDateTime) * 86400) };
}

export function createRunoffDriver(
  model: Model,
  uf: UnitFactors,
  nodeIndexByName: (name: string) => number,
  rainRecordsByGage?: Readonly<Record<string, RainRecords>>,
): RunoffDriver {
  const cl = createClimate(model, uf, rainRecordsByGage);
  const ro = createRunoff(model, uf, nodeIndexByName);
  // Air temperature and snowmelt: a climate hook and a runoff hook on one object.
  const snow = createSnow(model, uf, ro.fracImperv, ro.area, ro.lidArea);
  if (snow) {
    cl.temperature = snow;
    ro.snow = snow;
    ro.errors.push(...snow.errors);
  }
  const steps = effectiveRunoffSteps(model, cl);
  return {
    cl, ro,
    startDateTime: model.options.startDateTime,
    totalDurationMs: steps.totalDurationS * 1000,
    wetStepS: steps.wetStepS,
    dryStepS: steps.dryStepS,
    doRunoff: ro.n > 0 && !model.options.ignoreRainfall,
    oldRunoffMs: 0,
    newRunoffMs: 0,
    steps: 0,
  };
}

/** One runoff step (§2.3): climate and gages at the step start, step length, then all subcatchments. */
export function runoffDriverStep(drv: RunoffDriver): void {
  const { cl, ro } = drv;
  const oldStepS = (drv.newRunoffMs - drv.oldRunoffMs) / 1000;
  const t = dateOfElapsedMs(drv.startDateTime, drv.newRunoffMs);
  climateUpdate(cl, t);
  const raining = gagesSetRainfall(cl, t);
  const maxStepS = climateMaxRunoffStepS(cl, t, drv.dryStepS);
  const wet = raining || ro.hasRunoff || (ro.lid !== null && ro.lid.hasWetLids()) || (ro.snow !== null && ro.snow.hasSnowCover());
  let stepS = wet ? drv.wetStepS : drv.dryStepS;
  if (stepS > maxStepS) stepS = maxStepS;
  drv.oldRunoffMs = drv.newRunoffMs;
  drv.newRunoffMs += 1000 * stepS;
  if (drv.newRunoffMs > drv.totalDurationMs) {
    stepS = (drv.totalDurationMs - drv.oldRunoffMs) / 1000;
    drv.newRunoffMs = drv.totalDurationMs;
  }
  runoffExecuteStep(ro, cl, stepS, oldStepS);
  drv.steps++;
}

/** §2.2 item 2: run runoff steps until the runoff clock reaches `untilMs` (or only update the climate). */
/** Processes that follow every runoff step (water quality's buildup and washoff). */
export interface RunoffStepObserver {
  /** Called after each runoff step; `oldStepS` is the length of the step before it. */
  afterRunoffStep(drv: RunoffDriver, oldStepS: number): void;
}

export function runoffCatchUp(
  drv: RunoffDriver, untilMs: number, routingTimeMs: number, observer: RunoffStepObserver | null = null,
): void {
  if (!drv.doRunoff) {
    climateUpdate(drv.cl, dateOfElapsedMs(drv.startDateTime, routingTimeMs));
    return;
  }
  while (drv.newRunoffMs < untilMs) {
    const oldStepS = (drv.newRunoffMs - drv.oldRunoffMs) / 1000;
    runoffDriverStep(drv);
    if (observer !== null) observer.afterRunoffStep(drv, oldStepS);
  }
}

/** Interpolation weight of time tMs between the last runoff step's ends (not clipped). */
export function runoffWeight(drv: RunoffDriver, tMs: number): number {
  const span = drv.newRunoffMs - drv.oldRunoffMs;
  return span > 0 ? (tMs - drv.oldRunoffMs) / span : 1;
}

export interface RunoffOnlyOptions {
  rainRecordsByGage?: Readonly<Record<string, RainRecords>>;
  nodeIndexByName?: (name: string) => number;
  /**
   * Routing step to emulate (s). Default: ROUTING_STEP (≤ WET_STEP) when the model routes flow,
   * else min(WET_STEP, REPORT_STEP), as SWMM's main loop does. Runoff totals do not depend on it;
   * reported values are interpolated within the runoff step that contains each reporting time.
   */
  routingStepS?: number;
  /** Keep every reporting period's subcatchment and system values. */
  collectSeries?: boolean;
}

export interface RunoffOnlyResult {
  driver: RunoffDriver;
  continuity: RunoffContinuity;
  summary: SubcatchRunoffSummaryRow[];
  /** Reporting periods written (date-times, day numbers). */
  periodDates: number[];
  /** Per period: SUBCATCH_OUT_VARS values per subcatchment (user units). */
  subSeries: Float32Array[];
  /** Per period: 15 system values (only the runoff-side ones filled). */
  sysSeries: Float32Array[];
}

/** Run the runoff part of SWMM's main loop for a whole model (no flow routing). */
export function runRunoffOnly(model: Model, opts: RunoffOnlyOptions = {}): RunoffOnlyResult {
  const uf = unitFactors(model.options.flowUnits);
  const nodeIndex = new Map(model.nodes.map((nd, i) => [nd.name.toLowerCase(), i] as const));
  const lookup = opts.nodeIndexByName ?? ((name: string) => nodeIndex.get(name.toLowerCase()) ?? -1);
  const drv = createRunoffDriver(model, uf, lookup, opts.rainRecordsByGage);
  const o = model.options;
  const total = drv.totalDurationMs;
  const reportStepS = Math.min(o.reportStepS, total / 1000);
  const routes = model.nodes.length > 0 && !o.ignoreRouting && o.routing !== 'NONE';
  const routingStepS = opts.routingStepS ?? (routes ? Math.min(o.routingStepS, drv.wetStepS) : Math.min(drv.wetStepS, reportStepS));

  const res: RunoffOnlyResult = { driver: drv, continuity: runoffContinuity(drv.ro), summary: [], periodDates: [], subSeries: [], sysSeries: [] };
  const subOut = new Float32Array(SUBCATCH_OUT_VARS * drv.ro.n);
  const sysOut = new Float32Array(15);
  let routingMs = 0;
  let reportMs = 1000 * reportStepS;
  while (routingMs < total) {
    let next = routingMs + 1000 * routingStepS;
    if (next > total) next = total;
    runoffCatchUp(drv, next, routingMs);
    routingMs = next;
    if (routingMs >= reportMs) {
      const date = dateOfElapsedMs(drv.startDateTime, reportMs);
      if (date >= o.reportStartDateTime && drv.doRunoff) {
        runoffReportValues(drv.ro, drv.cl, date, runoffWeight(drv, reportMs), subOut, sysOut);
        res.periodDates.push(date);
        if (opts.collectSeries) {
          res.subSeries.push(subOut.slice());
          res.sysSeries.push(sysOut.slice());
        }
      }
      reportMs += 1000 * reportStepS;
    }
  }
  res.continuity = runoffContinuity(drv.ro);
  res.summary = runoffSubcatchSummary(drv.ro);
  return res;
}
