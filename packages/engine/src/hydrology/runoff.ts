// Subcatchment runoff (digest §4): three subareas per subcatchment (impervious without
// depression storage, impervious with, pervious), each a nonlinear reservoir
// dd/dt = i − α·(d − dStore)^(5/3); runon from upstream subcatchments and internal
// re-routing between subareas (previous-step values); water-balance accumulators for the
// Runoff Quantity Continuity table and per-subcatchment totals for the Subcatchment
// Runoff Summary.
//
// Everything is internal US units (ft, ft², ft³, cfs, ft/s, s) in struct-of-arrays columns.
// Subarea columns are indexed 3·j + i with i = IMPERV0, IMPERV1, PERV.

import type { EngineError } from '../api.js';
import type { Model } from '../model/types.js';
import { MIN_RUNOFF_FT_S, type UnitFactors } from '../model/units.js';
import { createOdeWorkspace, ODE_OK, odeIntegrate, type OdeSystem, type OdeWorkspace } from '../numeric/odesolve.js';
import { type ClimateState, climateAirTempUser, gagePrecipFtS, gagesSetReportRainfall } from './climate.js';
import { createInfiltration, type InfiltrationState, infilInitState, infilRate } from './infiltration.js';

export const IMPERV0 = 0;
export const IMPERV1 = 1;
export const PERV = 2;

export const ROUTE_OUTLET = 0;
export const ROUTE_IMPERVIOUS = 1;
export const ROUTE_PERVIOUS = 2;

/** Manning constant for overland flow (1.49, not the conduit 1.486). */
const MCOEFF = 1.49;
/** Overland-flow exponent, as coded in SWMM. */
const MEXP = 1.6666667;
/** Relative tolerance of the ponded-depth ODE. */
const ODE_TOL = 0.0001;
/** Depth above depression storage below which nothing runs off. */
const ZERO_DEPTH = 1e-10;
/** Continuity errors are set to 0 when |in − out| is below 1 ft³. */
const CONTINUITY_DEAD_BAND_FT3 = 1.0;

/** Number of subcatchment variables per subcatchment in the binary output (before pollutants). */
export const SUBCATCH_OUT_VARS = 8;
export const OUT_SUB_RAINFALL = 0;
export const OUT_SUB_SNOWDEPTH = 1;
export const OUT_SUB_EVAP = 2;
export const OUT_SUB_INFIL = 3;
export const OUT_SUB_RUNOFF = 4;
export const OUT_SUB_GW_FLOW = 5;
export const OUT_SUB_GW_ELEV = 6;
export const OUT_SUB_SOIL_MOIST = 7;
/** System variables (binary output order) written by runoffReportValues. */
export const OUT_SYS_TEMPERATURE = 0;
export const OUT_SYS_RAINFALL = 1;
export const OUT_SYS_SNOWDEPTH = 2;
export const OUT_SYS_INFIL = 3;
export const OUT_SYS_RUNOFF = 4;
export const OUT_SYS_EVAP = 13;
export const OUT_SYS_PET = 14;

/**
 * Hook for LID units (next issue). Called inside the runoff step at the places SWMM
 * evaluates LIDs; implementations add their volumes to `ro.wb`.
 */
export interface RunoffLidHook {
  /**
   * §2.3 item 7, once per runoff step before any subcatchment: old drain flows ← new, clear
   * the wet-unit flag, advance the LID clock by the new step `dtS`.
   */
  beginStep(ro: RunoffState, dtS: number): void;
  /** §4.3 items 2 & 4: add j's LID drain runon to other subcatchments and LID return flow to j's pervious area. */
  addRunon(ro: RunoffState, j: number): void;
  /** §4.4 item 6: evaluate j's LID units; add to ro.wb.vEvap/vPevap/vLidIn/vLidInfil/vLidOut/vLidDrain. */
  computeRunoff(ro: RunoffState, cl: ClimateState, j: number, dtS: number, evapFtS: number): void;
  /** j's LID drain flow (cfs), current or previous step, for reporting. */
  drainFlowCfs(j: number, previous: boolean): number;
  /** Water stored in j's LID units (ft³). */
  storageFt3(j: number): number;
  /** True when some LID unit was wet in the last step (keeps the wet step). */
  hasWetLids(): boolean;
}

/** Hook for groundwater (later issue): aquifer update after the subareas (§4.4 item 7). */
export interface RunoffGroundwaterHook {
  update(ro: RunoffState, j: number, vPevapFt3: number, vInfilFt3: number, dtS: number): void;
}

/**
 * Hook for snowmelt (hydrology/snow.ts): the rain/snow split of a gage, snowfall and plowing
 * per runoff step, and the melt that replaces precipitation as the subareas' input (§4.4 item 2).
 */
export interface RunoffSnowHook {
  /** Rain and snow (ft/s) of the last split(). */
  readonly rainFtS: number;
  readonly snowFtS: number;
  /** Net input (ft/s) of IMPERV0, IMPERV1, PERV after the last melt(). */
  readonly netPrecip: Float64Array;
  /** Melt parameter set per subcatchment, −1 without a snowpack. */
  readonly pack: Int32Array;
  /** Snow depth (ft of water over the subcatchment) at the start / end of the last step. */
  readonly oldDepth: Float64Array;
  readonly newDepth: Float64Array;
  split(cl: ClimateState, gage: number): void;
  saveOld(j: number): void;
  plow(j: number, dtS: number): void;
  melt(j: number, fracImperv: number, dtS: number): number;
  hasSnowCover(): boolean;
  /** Snow plowed out of the system so far, initial and current snow cover (ft³). */
  readonly removedFt3: number;
  readonly initialCoverFt3: number;
  readonly hasPacks: boolean;
  totalCoverFt3(): number;
}

/** Per-step water balance of the subcatchment being computed (ft³); hooks add to it. */
export interface StepWaterBalance {
  vEvap: number;
  vPevap: number;
  vInfil: number;
  vOutflow: number;
  vLidIn: number;
  vLidInfil: number;
  vLidOut: number;
  vLidDrain: number;
  /** LID drain volume that leaves to a node (counted as LID Drainage in continuity). */
  vLidDrainToNode: number;
}

/** Runoff Quantity Continuity accumulators (ft³). */
export interface RunoffMassBalance {
  initStorage: number;
  rainfall: number;
  runon: number;
  evap: number;
  infil: number;
  runoff: number;
  drains: number;
}

/** The nonlinear-reservoir ODE for one subarea; its fields are set before each solve. */
class PondedDepthOde implements OdeSystem {
  inflow = 0;
  dStore = 0;
  alpha = 0;
  derivs(_x: number, y: Float64Array, dydx: Float64Array): void {
    const rx = y[0]! - this.dStore;
    dydx[0] = rx < 0 ? this.inflow : this.inflow - this.alpha * Math.pow(rx, MEXP);
  }
}

export interface RunoffState {
  readonly n: number;
  readonly names: readonly string[];
  readonly units: UnitFactors;
  /** ft² */
  readonly area: Float64Array;
  /** ft² of LID units (0 until LIDs are added). */
  readonly lidArea: Float64Array;
  readonly fracImperv: Float64Array;
  /** ft */
  readonly width: Float64Array;
  /** fraction */
  readonly slope: Float64Array;
  /** Gage index per subcatchment, −1 if none. */
  readonly gage: Int32Array;
  /** Outlet node index, or −1. */
  readonly outNode: Int32Array;
  /** Outlet subcatchment index (may be the subcatchment itself), or −1. */
  readonly outSub: Int32Array;
  /** ROUTE_* choice of the [SUBAREAS] line (after forcing OUTLET when fI is 0 or 1). */
  readonly routeTo: Int8Array;

  // subareas (3 per subcatchment)
  readonly saFArea: Float64Array;
  readonly saN: Float64Array;
  readonly saAlpha: Float64Array;
  /** ft */
  readonly saDStore: Float64Array;
  readonly saFOutlet: Float64Array;
  /** Ponded depth (ft). */
  readonly saDepth: Float64Array;
  /** Runon + re-routed inflow for the current step (ft/s). */
  readonly saInflow: Float64Array;
  /** Last computed runoff rate (ft/s per unit subarea). */
  readonly saRunoff: Float64Array;

  // monthly per-subcatchment patterns from [ADJUSTMENTS] (12 per subcatchment)
  readonly hasNPervPat: Uint8Array;
  readonly nPervPat: Float64Array;
  readonly hasDStorePat: Uint8Array;
  readonly dStorePat: Float64Array;
  readonly hasInfilPat: Uint8Array;
  readonly infilPat: Float64Array;

  // per-subcatchment step state
  /** cfs leaving the subcatchment's surface at the start / end of the last runoff step. */
  readonly oldRunoff: Float64Array;
  readonly newRunoff: Float64Array;
  /** Runon received this step (ft/s over the non-LID area). */
  readonly runon: Float64Array;
  /** Precipitation rate of the last step (ft/s). */
  readonly rainfall: Float64Array;
  /** Loss rates over the full area in the last step (ft/s). */
  readonly evapLoss: Float64Array;
  readonly infilLoss: Float64Array;
  /** Σ subarea runoff / area of the last step (ft/s) — washoff and wet/dry decisions use it. */
  readonly totalRunoffFtS: Float64Array;
  /** Outfall discharge routed onto each subcatchment since the last runoff step (ft³). */
  readonly pendingOutfallRunonFt3: Float64Array;
  /** Groundwater limit on infiltration (ft of water the upper zone can still take); +∞ without GW. */
  readonly gwMaxInfilFt: Float64Array;

  readonly infil: InfiltrationState;

  // statistics for the Subcatchment Runoff Summary (ft³, cfs)
  readonly statPrecip: Float64Array;
  readonly statRunon: Float64Array;
  readonly statEvap: Float64Array;
  readonly statInfil: Float64Array;
  readonly statImpervRunoff: Float64Array;
  readonly statPervRunoff: Float64Array;
  readonly statRunoff: Float64Array;
  readonly statMaxFlow: Float64Array;

  readonly mb: RunoffMassBalance;
  /** Scratch water balance of the subcatchment being computed. */
  readonly wb: StepWaterBalance;
  /** Σ area of all subcatchments (ft²). */
  readonly totalArea: number;
  /** Some subcatchment produced runoff in the last step (keeps the wet step). */
  hasRunoff: boolean;
  /** Max over runoff steps of the summed subcatchment outflow (cfs). */
  maxSystemRunoffCfs: number;

  lid: RunoffLidHook | null;
  gw: RunoffGroundwaterHook | null;
  snow: RunoffSnowHook | null;

  readonly ode: OdeWorkspace;
  readonly odeY: Float64Array;
  readonly reservoir: PondedDepthOde;
  readonly errors: EngineError[];
}

const lc = (s: string): string => s.toLowerCase();

function readSubcatchPatterns(model: Model, subIndex: Map<string, number>, ro: RunoffState): void {
  const sec = model.extra['[ADJUSTMENTS]'];
  if (!sec) return;
  const patterns = new Map(model.patterns.map((p) => [lc(p.name), p] as const));
  for (const ln of sec.lines) {
    const key = (ln.tokens[0] ?? '').toUpperCase();
    if (key !== 'N-PERV' && key !== 'DSTORE' && key !== 'INFIL') continue;
    const j = subIndex.get(lc(ln.tokens[1] ?? ''));
    const p = patterns.get(lc(ln.tokens[2] ?? ''));
    if (j === undefined || !p) {
      ro.errors.push({ code: 209, message: `undefined subcatchment or pattern in [ADJUSTMENTS] ${key} line`, line: ln.line, section: '[ADJUSTMENTS]', token: ln.tokens.slice(1, 3).join(' ') });
      continue;
    }
    if (p.type !== 'MONTHLY') continue; // SWMM only applies monthly patterns here
    const flags = key === 'N-PERV' ? ro.hasNPervPat : key === 'DSTORE' ? ro.hasDStorePat : ro.hasInfilPat;
    const vals = key === 'N-PERV' ? ro.nPervPat : key === 'DSTORE' ? ro.dStorePat : ro.infilPat;
    flags[j] = 1;
    for (let m = 0; m < 12; m++) vals[12 * j + m] = p.factors[m] ?? 1;
  }
}

/**
 * Build the runoff state from a parsed model (user units → internal).
 * @param nodeIndexByName node index for a name (case-insensitive), −1 if there is no such node.
 */
export function createRunoff(model: Model, uf: UnitFactors, nodeIndexByName: (name: string) => number): RunoffState {
  const subs = model.subcatchments;
  const n = subs.length;
  const f = (): Float64Array => new Float64Array(n);
  const f3 = (): Float64Array => new Float64Array(3 * n);
  const f12 = (): Float64Array => new Float64Array(12 * n);
  const errors: EngineError[] = [];
  const subIndex = new Map<string, number>();
  subs.forEach((s, j) => {
    if (!subIndex.has(lc(s.name))) subIndex.set(lc(s.name), j);
  });
  const gageIndex = new Map<string, number>();
  model.gages.forEach((g, k) => {
    if (!gageIndex.has(lc(g.name))) gageIndex.set(lc(g.name), k);
  });

  const infil = createInfiltration(subs, uf);
  let totalArea = 0;
  const ro: RunoffState = {
    n,
    names: subs.map((s) => s.name),
    units: uf,
    area: f(), lidArea: f(), fracImperv: f(), width: f(), slope: f(),
    gage: new Int32Array(n).fill(-1),
    outNode: new Int32Array(n).fill(-1),
    outSub: new Int32Array(n).fill(-1),
    routeTo: new Int8Array(n),
    saFArea: f3(), saN: f3(), saAlpha: f3(), saDStore: f3(), saFOutlet: f3(), saDepth: f3(), saInflow: f3(), saRunoff: f3(),
    hasNPervPat: new Uint8Array(n), nPervPat: f12(),
    hasDStorePat: new Uint8Array(n), dStorePat: f12(),
    hasInfilPat: new Uint8Array(n), infilPat: f12(),
    oldRunoff: f(), newRunoff: f(), runon: f(), rainfall: f(), evapLoss: f(), infilLoss: f(), totalRunoffFtS: f(),
    pendingOutfallRunonFt3: f(),
    gwMaxInfilFt: f().fill(Infinity),
    infil,
    statPrecip: f(), statRunon: f(), statEvap: f(), statInfil: f(), statImpervRunoff: f(), statPervRunoff: f(), statRunoff: f(), statMaxFlow: f(),
    mb: { initStorage: 0, rainfall: 0, runon: 0, evap: 0, infil: 0, runoff: 0, drains: 0 },
    wb: { vEvap: 0, vPevap: 0, vInfil: 0, vOutflow: 0, vLidIn: 0, vLidInfil: 0, vLidOut: 0, vLidDrain: 0, vLidDrainToNode: 0 },
    totalArea: 0,
    hasRunoff: false,
    maxSystemRunoffCfs: 0,
    lid: null,
    gw: null,
    snow: null,
    ode: createOdeWorkspace(1),
    odeY: new Float64Array(1),
    reservoir: new PondedDepthOde(),
    errors,
  };
  errors.push(...infil.errors);

  for (let j = 0; j < n; j++) {
    const s = subs[j]!;
    ro.area[j] = s.area / uf.landArea;
    totalArea += ro.area[j]!;
    ro.fracImperv[j] = Math.min(s.pctImperv, 100) / 100;
    ro.width[j] = s.width / uf.length;
    ro.slope[j] = s.pctSlope / 100;
    ro.gage[j] = gageIndex.get(lc(s.gage)) ?? -1;
    if (ro.gage[j]! < 0 && s.gage !== '' && s.gage !== '*') {
      errors.push({ code: 209, message: `undefined rain gage ${s.gage} for subcatchment ${s.name}`, line: s.line, section: '[SUBCATCHMENTS]', token: s.gage });
    }

    // Outlet: a node or a subcatchment (names are case-insensitive); both is ambiguous.
    const node = s.outlet === '' ? -1 : nodeIndexByName(s.outlet);
    const sub = subIndex.get(lc(s.outlet)) ?? -1;
    if (node >= 0 && sub >= 0) {
      errors.push({ code: 235, message: `outlet ${s.outlet} of subcatchment ${s.name} names both a node and a subcatchment`, line: s.line, section: '[SUBCATCHMENTS]', token: s.outlet });
    } else if (node >= 0) ro.outNode[j] = node;
    else if (sub >= 0) ro.outSub[j] = sub;
    else errors.push({ code: 209, message: `undefined outlet ${s.outlet} for subcatchment ${s.name}`, line: s.line, section: '[SUBCATCHMENTS]', token: s.outlet });

    setSubareas(ro, j, s.subareas, uf);
  }
  (ro as { totalArea: number }).totalArea = totalArea;
  for (let j = 0; j < n; j++) runoffRecomputeAlpha(ro, j);
  readSubcatchPatterns(model, subIndex, ro);
  runoffInitState(ro);
  return ro;
}

function setSubareas(ro: RunoffState, j: number, sa: Model['subcatchments'][number]['subareas'], uf: UnitFactors): void {
  const b = 3 * j;
  const fi = ro.fracImperv[j]!;
  // No [SUBAREAS] line: zero roughness and storage (runoff leaves at once), no zero-storage part.
  const pctZero = sa ? sa.pctZero / 100 : 0;
  ro.saFArea[b + IMPERV0] = fi * pctZero;
  ro.saFArea[b + IMPERV1] = fi * (1 - pctZero);
  ro.saFArea[b + PERV] = 1 - fi;
  ro.saN[b + IMPERV0] = sa ? sa.nImperv : 0;
  ro.saN[b + IMPERV1] = sa ? sa.nImperv : 0;
  ro.saN[b + PERV] = sa ? sa.nPerv : 0;
  ro.saDStore[b + IMPERV0] = 0;
  ro.saDStore[b + IMPERV1] = sa ? sa.sImperv / uf.rainDepth : 0;
  ro.saDStore[b + PERV] = sa ? sa.sPerv / uf.rainDepth : 0;
  ro.saFOutlet[b + IMPERV0] = 1;
  ro.saFOutlet[b + IMPERV1] = 1;
  ro.saFOutlet[b + PERV] = 1;
  let route = ROUTE_OUTLET;
  const routed = sa ? (sa.pctRouted ?? 100) / 100 : 0;
  if (sa?.routeTo === 'IMPERVIOUS' && fi > 0 && fi < 1) {
    route = ROUTE_IMPERVIOUS;
    ro.saFOutlet[b + PERV] = 1 - routed;
  } else if (sa?.routeTo === 'PERVIOUS' && fi > 0 && fi < 1) {
    route = ROUTE_PERVIOUS;
    ro.saFOutlet[b + IMPERV0] = 1 - routed;
    ro.saFOutlet[b + IMPERV1] = 1 - routed;
  }
  ro.routeTo[j] = route;
}

/**
 * Overland-flow coefficient α = 1.49·W·√S/(A_sub·n) per subarea. Both impervious subareas use the
 * total impervious non-LID area. Call again after changing lidArea.
 */
export function runoffRecomputeAlpha(ro: RunoffState, j: number): void {
  const nonLid = ro.area[j]! - ro.lidArea[j]!;
  const b = 3 * j;
  for (let i = IMPERV0; i <= PERV; i++) {
    const a = i === PERV ? (1 - ro.fracImperv[j]!) * nonLid : ro.fracImperv[j]! * nonLid;
    const nn = ro.saN[b + i]!;
    ro.saAlpha[b + i] = a > 0 && nn > 0 ? (MCOEFF * ro.width[j]! * Math.sqrt(ro.slope[j]!)) / (a * nn) : 0;
  }
}

/** Water stored on subcatchment j's surface (ft³), plus LID storage. */
export function runoffStorageFt3(ro: RunoffState, j: number): number {
  const nonLid = ro.area[j]! - ro.lidArea[j]!;
  const b = 3 * j;
  let v = 0;
  for (let i = IMPERV0; i <= PERV; i++) v += ro.saDepth[b + i]! * ro.saFArea[b + i]! * nonLid;
  if (ro.lid) v += ro.lid.storageFt3(j);
  return v;
}

/** Reset states, statistics and mass balance to the simulation start. */
export function runoffInitState(ro: RunoffState): void {
  ro.saDepth.fill(0);
  ro.saInflow.fill(0);
  ro.saRunoff.fill(0);
  for (const a of [ro.oldRunoff, ro.newRunoff, ro.runon, ro.rainfall, ro.evapLoss, ro.infilLoss, ro.totalRunoffFtS, ro.pendingOutfallRunonFt3,
    ro.statPrecip, ro.statRunon, ro.statEvap, ro.statInfil, ro.statImpervRunoff, ro.statPervRunoff, ro.statRunoff, ro.statMaxFlow]) a.fill(0);
  infilInitState(ro.infil);
  ro.hasRunoff = false;
  ro.maxSystemRunoffCfs = 0;
  const mb = ro.mb;
  mb.rainfall = mb.runon = mb.evap = mb.infil = mb.runoff = mb.drains = 0;
  let s = 0;
  for (let j = 0; j < ro.n; j++) s += runoffStorageFt3(ro, j);
  mb.initStorage = s;
}

/**
 * Outfall discharge routed onto subcatchment j (§2.3 item 8): accumulate the volume (ft³) an
 * outfall with RouteTo sent during routing; it arrives as runon in the next runoff step.
 */
export function runoffAddOutfallRunon(ro: RunoffState, j: number, volumeFt3: number): void {
  ro.pendingOutfallRunonFt3[j] = ro.pendingOutfallRunonFt3[j]! + volumeFt3;
}

/** Spread q (cfs) uniformly over subcatchment k's non-LID area as runon on all three subareas. */
export function runoffAddRunonFlow(ro: RunoffState, k: number, qCfs: number): void {
  const area = ro.area[k]!;
  if (area <= 0) return;
  const nonLid = area - ro.lidArea[k]!;
  const q = nonLid > 0 ? qCfs / nonLid : qCfs / area;
  ro.runon[k] = ro.runon[k]! + q;
  const b = 3 * k;
  ro.saInflow[b] = ro.saInflow[b]! + q;
  ro.saInflow[b + 1] = ro.saInflow[b + 1]! + q;
  ro.saInflow[b + 2] = ro.saInflow[b + 2]! + q;
}

/** §4.3: runon from upstream subcatchment j's previous outflow and j's internal re-routing. */
function getRunon(ro: RunoffState, j: number): void {
  const k = ro.outSub[j]!;
  if (k >= 0 && k !== j) runoffAddRunonFlow(ro, k, ro.oldRunoff[j]!);
  if (ro.lid) ro.lid.addRunon(ro, j);
  const b = 3 * j;
  const fi = ro.fracImperv[j]!;
  const route = ro.routeTo[j]!;
  if (fi < 1 && route === ROUTE_PERVIOUS) {
    const q = ro.saRunoff[b + IMPERV0]! * ro.saFArea[b + IMPERV0]! + ro.saRunoff[b + IMPERV1]! * ro.saFArea[b + IMPERV1]!;
    ro.saInflow[b + PERV] = ro.saInflow[b + PERV]! + (q * (1 - ro.saFOutlet[b + IMPERV0]!)) / ro.saFArea[b + PERV]!;
  }
  if (fi > 0 && route === ROUTE_IMPERVIOUS && ro.saFArea[b + IMPERV1]! > 0) {
    const q = ro.saRunoff[b + PERV]!;
    ro.saInflow[b + IMPERV1] = ro.saInflow[b + IMPERV1]! + (q * (1 - ro.saFOutlet[b + PERV]!) * ro.saFArea[b + PERV]!) / ro.saFArea[b + IMPERV1]!;
  }
}

/**
 * §2.3 items 7–11 for all subcatchments: set old state, outfall runon, runon & re-routing,
 * runoff of every subcatchment over `dtS`, then reset runon. `oldStepS` is the previous runoff
 * step (0 on the first step). Climate (evaporation, factors) and gage rainfall must already be
 * set for the step's start.
 */
export function runoffExecuteStep(ro: RunoffState, cl: ClimateState, dtS: number, oldStepS: number): void {
  const n = ro.n;
  // 7. old state
  for (let j = 0; j < n; j++) ro.oldRunoff[j] = ro.newRunoff[j]!;
  const snow = ro.snow;
  if (snow) for (let j = 0; j < n; j++) snow.saveOld(j);
  ro.saInflow.fill(0);
  if (ro.lid) ro.lid.beginStep(ro, dtS);
  // 8. outfall runon
  if (oldStepS > 0) {
    for (let j = 0; j < n; j++) {
      const v = ro.pendingOutfallRunonFt3[j]!;
      if (v === 0) continue;
      runoffAddRunonFlow(ro, j, v / oldStepS);
      ro.mb.runon += v;
      ro.pendingOutfallRunonFt3[j] = 0;
    }
  }
  // 9. runon from upstream subcatchments and internal subarea routing
  for (let j = 0; j < n; j++) {
    if (ro.area[j]! <= 0) continue;
    getRunon(ro, j);
    // New snow on the pack, and plowing (§2.3 item 9).
    if (snow && snow.pack[j]! >= 0) {
      snow.split(cl, ro.gage[j]!);
      snow.plow(j, dtS);
    }
  }
  // 10. runoff
  let hasRunoff = false;
  let sysRunoff = 0;
  for (let j = 0; j < n; j++) {
    ro.totalRunoffFtS[j] = 0;
    if (ro.area[j]! === 0) continue;
    if (subcatchRunoff(ro, cl, j, dtS) > 0) hasRunoff = true;
    sysRunoff += ro.newRunoff[j]!;
  }
  ro.hasRunoff = hasRunoff;
  // 11. system max runoff; clear runon
  if (sysRunoff > ro.maxSystemRunoffCfs) ro.maxSystemRunoffCfs = sysRunoff;
  ro.runon.fill(0);
}

/** §4.4: runoff of subcatchment j over dt; returns Σ subarea runoff / area (ft/s). */
function subcatchRunoff(ro: RunoffState, cl: ClimateState, j: number, dt: number): number {
  const wb = ro.wb;
  wb.vEvap = wb.vPevap = wb.vInfil = wb.vOutflow = 0;
  wb.vLidIn = wb.vLidInfil = wb.vLidOut = wb.vLidDrain = wb.vLidDrainToNode = 0;
  const area = ro.area[j]!;
  const nonLid = area - ro.lidArea[j]!;
  const vRunon = ro.runon[j]! * dt * (nonLid > 0 ? nonLid : area);

  const g = ro.gage[j]!;
  let precip = g >= 0 ? gagePrecipFtS(cl, g) : 0;
  // With temperature data precipitation may fall as snow; a snowpack turns it into melt (§4.4 item 2).
  const snow = ro.snow;
  let net: Float64Array | null = null;
  if (snow) {
    snow.split(cl, g);
    precip = snow.rainFtS + snow.snowFtS;
    if (snow.pack[j]! >= 0) {
      snow.melt(j, ro.fracImperv[j]!, dt);
      net = snow.netPrecip;
    }
  }
  ro.rainfall[j] = precip;
  const evap = cl.dryOnly && precip > 0 ? 0 : cl.evapRateFtS;
  const m = cl.month - 1;
  const fk = ro.hasInfilPat[j] ? ro.infilPat[12 * j + m]! : cl.hydconFactor;

  let vImperv = 0;
  let vPerv = 0;
  let q = 0;
  const b = 3 * j;
  for (let i = IMPERV0; i <= PERV; i++) {
    const a = nonLid * ro.saFArea[b + i]!;
    if (a <= 0) continue;
    const r = subareaRunoff(ro, j, i, a, net ? net[i]! : precip, evap, dt, fk, cl.recoveryFactor, m);
    ro.saRunoff[b + i] = r;
    if (i === PERV) vPerv = r * a * dt;
    else vImperv += r * a * dt;
    q += r * a;
  }

  // LID units and groundwater add their terms here (hooks; next issues).
  if (ro.lid && ro.lidArea[j]! > 0) ro.lid.computeRunoff(ro, cl, j, dt, evap);
  if (ro.gw) ro.gw.update(ro, j, wb.vPevap, wb.vInfil + wb.vLidInfil, dt);

  ro.evapLoss[j] = wb.vEvap / dt / area;
  ro.infilLoss[j] = (wb.vInfil + wb.vLidInfil) / dt / area;
  const vOut = wb.vOutflow - wb.vLidIn + wb.vLidOut;
  ro.newRunoff[j] = vOut / dt;

  const vRain = precip * dt * area;
  ro.statPrecip[j] = ro.statPrecip[j]! + vRain;
  ro.statRunon[j] = ro.statRunon[j]! + vRunon;
  ro.statEvap[j] = ro.statEvap[j]! + wb.vEvap;
  ro.statInfil[j] = ro.statInfil[j]! + wb.vInfil + wb.vLidInfil;
  ro.statImpervRunoff[j] = ro.statImpervRunoff[j]! + vImperv;
  ro.statPervRunoff[j] = ro.statPervRunoff[j]! + vPerv;
  ro.statRunoff[j] = ro.statRunoff[j]! + vOut + wb.vLidDrain;
  const peak = ro.newRunoff[j]! + wb.vLidDrain / dt;
  if (peak > ro.statMaxFlow[j]!) ro.statMaxFlow[j] = peak;

  const mb = ro.mb;
  mb.rainfall += vRain;
  mb.evap += wb.vEvap;
  mb.infil += wb.vInfil + wb.vLidInfil;
  // Runoff onto another subcatchment is internal to the runoff system.
  const k = ro.outSub[j]!;
  if (k < 0 || k === j) mb.runoff += vOut;
  mb.drains += wb.vLidDrainToNode;

  const total = q / area;
  ro.totalRunoffFtS[j] = total;
  return total;
}

/** §4.5: runoff rate (ft/s) of subarea i of subcatchment j with area a (ft²). */
function subareaRunoff(
  ro: RunoffState, j: number, i: number, a: number,
  precip: number, evap: number, dt: number, fk: number, fr: number, m: number,
): number {
  const wb = ro.wb;
  const k = 3 * j + i;
  let depth = ro.saDepth[k]!;
  let tRunoff = dt;

  // Surface evaporation only from water ponded at the start of the step.
  let moisture = depth / dt;
  const surfEvap = Math.min(moisture, evap);
  let infil = 0;
  if (i === PERV) {
    infil = infilRate(ro.infil, j, dt, precip, ro.saInflow[k]!, depth, fk, fr);
    const cap = ro.gwMaxInfilFt[j]! / dt;
    if (infil > cap) infil = cap;
  }
  const inflow = ro.saInflow[k]! + precip;
  ro.saInflow[k] = inflow;
  moisture += inflow;

  wb.vEvap += surfEvap * a * dt;
  if (i === PERV) wb.vPevap += wb.vEvap; // [as-is] cumulative over subareas (only feeds GW ET)
  wb.vInfil += infil * a * dt;

  let alpha = ro.saAlpha[k]!;
  let dStore = ro.saDStore[k]!;
  if (i === PERV) {
    if (ro.hasDStorePat[j]) {
      const fd = ro.dStorePat[12 * j + m]!;
      if (fd >= 0) dStore *= fd;
    }
    if (ro.hasNPervPat[j]) {
      const fn = ro.nPervPat[12 * j + m]!;
      alpha = fn > 0 ? alpha / fn : 0;
    }
  }

  if (surfEvap + infil >= moisture) {
    // Losses take everything (they are not reduced, as in SWMM).
    depth = 0;
  } else {
    const net = inflow - surfEvap - infil;
    let tx = dt;
    if (depth + net * tx <= dStore) {
      depth += net * tx;
    } else {
      const dx = dStore - depth;
      if (dx > 0 && net > 0) {
        tx -= dx / net;
        depth = dStore;
      }
      if (alpha > 0 && tx > 0) {
        const sys = ro.reservoir;
        sys.inflow = net;
        sys.dStore = dStore;
        sys.alpha = alpha;
        ro.odeY[0] = depth;
        // [as-is] on solver failure the depth keeps its pre-integration value.
        if (odeIntegrate(ro.ode, ro.odeY, 1, 0, tx, ODE_TOL, tx, sys) === ODE_OK) depth = ro.odeY[0]!;
      } else {
        if (tx < 0) tx = 0;
        depth += net * tx;
      }
    }
    if (depth < 0) depth = 0;
    tRunoff = tx;
  }

  let r = 0;
  const x = depth - dStore;
  if (x > ZERO_DEPTH) {
    if (ro.saN[k]! > 0) r = alpha * Math.pow(x, MEXP);
    else {
      // No roughness: the excess leaves within the step.
      r = x / tRunoff;
      depth = dStore;
    }
  }
  ro.saDepth[k] = depth;
  wb.vOutflow += ro.saFOutlet[k]! * r * a * dt;
  return r;
}

// ---------------------------------------------------------------- results for routing & reporting

/**
 * Runoff into nodes at weight f between the old and new runoff states (§2.6, f clipped to
 * [0, 1]). Adds cfs per node into `outCfsPerNode` (if given) and returns the total.
 */
export function runoffInterpolated(ro: RunoffState, f: number, outCfsPerNode?: Float64Array): number {
  if (f < 0) f = 0;
  else if (f > 1) f = 1;
  const f1 = 1 - f;
  let total = 0;
  for (let j = 0; j < ro.n; j++) {
    const node = ro.outNode[j]!;
    if (node < 0 || ro.area[j]! === 0) continue;
    const q = f1 * ro.oldRunoff[j]! + f * ro.newRunoff[j]!;
    if (outCfsPerNode) outCfsPerNode[node] = outCfsPerNode[node]! + q;
    total += q;
  }
  return total;
}

/**
 * Values for one reporting period (§2.6, §11.5), user units.
 * - `subOut[SUBCATCH_OUT_VARS·j + v]` for every subcatchment j (v = OUT_SUB_*);
 * - `sysOut` (15 system variables): writes temperature, rainfall, snow depth, infiltration,
 *   runoff, evaporation and PET; the routing-side entries are left for the caller.
 * @param f (reportTime − OldRunoffTime)/(NewRunoffTime − OldRunoffTime), NOT clipped.
 */
export function runoffReportValues(
  ro: RunoffState, cl: ClimateState, reportDate: number, f: number, subOut: Float32Array, sysOut?: Float32Array,
): void {
  const uf = ro.units;
  gagesSetReportRainfall(cl, reportDate);
  const f1 = 1 - f;
  let totalArea = 0;
  let sRain = 0, sSnow = 0, sEvap = 0, sInfil = 0, sRunoff = 0;
  for (let j = 0; j < ro.n; j++) {
    const o = SUBCATCH_OUT_VARS * j;
    const g = ro.gage[j]!;
    subOut[o + OUT_SUB_RAINFALL] = g >= 0 ? cl.reportRainfall[g]! : 0;
    subOut[o + OUT_SUB_SNOWDEPTH] = ro.snow ? (f1 * ro.snow.oldDepth[j]! + f * ro.snow.newDepth[j]!) * uf.rainDepth : 0;
    subOut[o + OUT_SUB_EVAP] = ro.evapLoss[j]! * uf.evapRate;
    subOut[o + OUT_SUB_INFIL] = ro.infilLoss[j]! * uf.rainfall;
    let q = f1 * ro.oldRunoff[j]! + f * ro.newRunoff[j]!;
    if (ro.lid && ro.lidArea[j]! > 0) q += f1 * ro.lid.drainFlowCfs(j, true) + f * ro.lid.drainFlowCfs(j, false);
    if (q < MIN_RUNOFF_FT_S * ro.area[j]!) q = 0;
    subOut[o + OUT_SUB_RUNOFF] = q * uf.flow;
    subOut[o + OUT_SUB_GW_FLOW] = 0;
    subOut[o + OUT_SUB_GW_ELEV] = 0;
    subOut[o + OUT_SUB_SOIL_MOIST] = 0;
    // System sums are single precision in SWMM; mirror that so the stored floats agree.
    const a = ro.area[j]! * uf.landArea;
    totalArea += a;
    sRain = Math.fround(sRain + Math.fround(subOut[o + OUT_SUB_RAINFALL]! * a));
    sSnow = Math.fround(sSnow + Math.fround(subOut[o + OUT_SUB_SNOWDEPTH]! * a));
    sEvap = Math.fround(sEvap + Math.fround(subOut[o + OUT_SUB_EVAP]! * a));
    sInfil = Math.fround(sInfil + Math.fround(subOut[o + OUT_SUB_INFIL]! * a));
    sRunoff = Math.fround(sRunoff + subOut[o + OUT_SUB_RUNOFF]!);
  }
  if (!sysOut) return;
  if (totalArea > 0) {
    sRain /= totalArea;
    sSnow /= totalArea;
    sEvap /= totalArea;
    sInfil /= totalArea;
  }
  sysOut[OUT_SYS_TEMPERATURE] = climateAirTempUser(cl);
  sysOut[OUT_SYS_RAINFALL] = sRain;
  sysOut[OUT_SYS_SNOWDEPTH] = sSnow;
  sysOut[OUT_SYS_INFIL] = sInfil;
  sysOut[OUT_SYS_RUNOFF] = sRunoff;
  sysOut[OUT_SYS_EVAP] = sEvap;
  sysOut[OUT_SYS_PET] = cl.evapRateFtS * uf.evapRate;
}

// ---------------------------------------------------------------- summaries (user units)

export interface ContinuityRow {
  /** acre-ft or hectare-m */
  volume: number;
  /** in or mm over the total subcatchment area */
  depth: number;
}

export interface RunoffContinuity {
  initialLidStorage: ContinuityRow;
  totalPrecipitation: ContinuityRow;
  outfallRunon: ContinuityRow;
  evaporationLoss: ContinuityRow;
  infiltrationLoss: ContinuityRow;
  surfaceRunoff: ContinuityRow;
  lidDrainage: ContinuityRow;
  finalStorage: ContinuityRow;
  /** Snow rows (only when some subcatchment has a snowpack). */
  snow: { initialCover: ContinuityRow; removed: ContinuityRow; finalCover: ContinuityRow } | null;
  /** % as SWMM prints it (1e-6 when |in − out| < 1 ft³). */
  continuityErrorPct: number;
  /** The same totals in ft³ (for other tables and tests). */
  ft3: RunoffMassBalance & { finalStorage: number };
}

/** Runoff Quantity Continuity (§10.3) from the accumulated totals and the current (final) storage. */
export function runoffContinuity(ro: RunoffState): RunoffContinuity {
  const uf = ro.units;
  const mb = ro.mb;
  let finalStorage = 0;
  for (let j = 0; j < ro.n; j++) finalStorage += runoffStorageFt3(ro, j);
  const row = (v: number): ContinuityRow => ({
    volume: v * uf.length * uf.landArea,
    depth: ro.totalArea > 0 ? (v / ro.totalArea) * uf.rainDepth : 0,
  });
  const sn = ro.snow && ro.snow.hasPacks ? ro.snow : null;
  const snowIn = sn ? sn.initialCoverFt3 : 0;
  const snowOut = sn ? sn.removedFt3 + sn.totalCoverFt3() : 0;
  const totalIn = mb.rainfall + mb.runon + mb.initStorage + snowIn;
  const totalOut = mb.evap + mb.infil + mb.runoff + mb.drains + finalStorage + snowOut;
  return {
    initialLidStorage: row(mb.initStorage),
    totalPrecipitation: row(mb.rainfall),
    outfallRunon: row(mb.runon),
    evaporationLoss: row(mb.evap),
    infiltrationLoss: row(mb.infil),
    surfaceRunoff: row(mb.runoff),
    lidDrainage: row(mb.drains),
    finalStorage: row(finalStorage),
    snow: sn ? { initialCover: row(sn.initialCoverFt3), removed: row(sn.removedFt3), finalCover: row(sn.totalCoverFt3()) } : null,
    continuityErrorPct: continuityErrorPct(totalIn, totalOut),
    ft3: { ...mb, finalStorage },
  };
}

/** SWMM's continuity error: 100·(1 − out/in), with a 1 ft³ dead band. */
export function continuityErrorPct(totalIn: number, totalOut: number): number {
  if (Math.abs(totalIn - totalOut) < CONTINUITY_DEAD_BAND_FT3) return 1e-6;
  if (totalIn > 0) return 100 * (1 - totalOut / totalIn);
  if (totalOut > 0) return 100 * (totalIn / totalOut - 1);
  return 0;
}

export interface SubcatchRunoffSummaryRow {
  name: string;
  /** in or mm */
  totalPrecip: number;
  totalRunon: number;
  totalEvap: number;
  totalInfil: number;
  impervRunoff: number;
  pervRunoff: number;
  totalRunoffDepth: number;
  /** 10⁶ gal or 10⁶ L */
  totalRunoffVolume: number;
  /** flow units */
  peakRunoff: number;
  runoffCoeff: number;
}

/** Subcatchment Runoff Summary rows (§10.5), model order. */
export function runoffSubcatchSummary(ro: RunoffState): SubcatchRunoffSummaryRow[] {
  const uf = ro.units;
  const vcf = uf.system === 'SI' ? 28.317e-6 : 7.48e-6;
  const rows: SubcatchRunoffSummaryRow[] = [];
  for (let j = 0; j < ro.n; j++) {
    const a = ro.area[j]!;
    const d = (v: number): number => (a > 0 ? (v / a) * uf.rainDepth : 0);
    const inflow = ro.statPrecip[j]! + ro.statRunon[j]!;
    rows.push({
      name: ro.names[j]!,
      totalPrecip: d(ro.statPrecip[j]!),
      totalRunon: d(ro.statRunon[j]!),
      totalEvap: d(ro.statEvap[j]!),
      totalInfil: d(ro.statInfil[j]!),
      impervRunoff: d(ro.statImpervRunoff[j]!),
      pervRunoff: d(ro.statPervRunoff[j]!),
      totalRunoffDepth: d(ro.statRunoff[j]!),
      totalRunoffVolume: ro.statRunoff[j]! * vcf,
      peakRunoff: ro.statMaxFlow[j]! * uf.flow,
      runoffCoeff: inflow > 0 ? ro.statRunoff[j]! / inflow : 0,
    });
  }
  return rows;
}
