// LID units in subcatchments (digest §6.1–6.4): state of every unit as typed-array columns,
// the per-runoff-step driver plugged into runoff.ts through its LID hook, routing of surface
// outflow and underdrain flow (pervious area, outlet, another node or subcatchment), native
// soil infiltration, evaporation, the LID terms of the runoff continuity, the LID Performance
// Summary, SWMM's detailed report files and the consolidated per-unit results table.
//
// Units: internal US (ft, ft², ft/s, s) throughout; user units only in the output functions.
// Unit order: by subcatchment (model order), and within a subcatchment in REVERSE order of
// the [LID_USAGE] lines, as SWMM keeps (and reports) them.

import type { EngineError } from '../api.js';
import type { Model } from '../model/types.js';
import { MIN_RUNOFF_FT_S, type UnitFactors } from '../model/units.js';
import { dateOfElapsedMs, formatDate, formatTime } from '../time/datetime.js';
import type { ClimateState } from './climate.js';
import {
  createInfiltration, infilInitState, infilRate, INFIL_MOD_GREEN_AMPT, type InfiltrationState, setGreenAmptParams,
} from './infiltration.js';
import {
  LID_GR, LID_PP, LID_RB, LID_RD, LID_VS, LidFluxWork, type LidProc, lidSolveUnit, N_LAYERS, PAVE, SOIL, STOR, SURF,
} from './lid-flux.js';
import { type LidControl, type LidInput, LID_TYPE_NAMES, readLidInput } from './lid-input.js';
import {
  type LidControlSummaryRow, type LidPerformanceSummaryRow, LidReportFile, LidResultsTable, type LidUnitInfo, LID_N_RESULTS,
  LR_DRAIN, LR_EVAP, LR_EXFIL, LR_INFLOW, LR_PAVE_DEPTH, LR_PAVE_PERC, LR_SOIL_MOIST, LR_SOIL_PERC, LR_STOR_DEPTH, LR_SURF_DEPTH,
  LR_SURF_INFIL, LR_SURF_OUTFLOW,
} from './lid-report.js';
import {
  IMPERV0, IMPERV1, PERV, ROUTE_IMPERVIOUS, ROUTE_PERVIOUS, runoffAddRunonFlow, runoffInitState, runoffRecomputeAlpha,
  type RunoffLidHook, type RunoffState,
} from './runoff.js';

const BIG = 1e10;
/** Manning constant for overland flow. */
const MCOEFF = 1.49;
/** A unit is dry when all its flows are below 0.001 in/hr. */
const MIN_FLOW_FT_S = 2.3e-8;
const SEC_PER_DAY = 86400;

/** All LID units of a simulation. Columns are indexed by unit (u) or subcatchment (j). */
export interface LidState {
  readonly nUnits: number;
  readonly nSubcatch: number;
  readonly procs: readonly LidProc[];
  readonly units: UnitFactors;
  /** Units of subcatchment j are groupStart[j] .. groupStart[j+1]−1. */
  readonly groupStart: Int32Array;
  readonly unitSub: Int32Array;
  readonly unitProc: Int32Array;
  readonly unitNumber: Int32Array;
  /** ft² of one replicate. */
  readonly unitArea1: Float64Array;
  /** ft² of all replicates. */
  readonly unitLidArea: Float64Array;
  /** ft, top width of one replicate's overland-flow surface. */
  readonly unitWidth: Float64Array;
  readonly unitInitSat: Float64Array;
  readonly unitFromImp: Float64Array;
  readonly unitFromPerv: Float64Array;
  readonly unitToPerv: Uint8Array;
  /** Receiving subcatchment / node of the underdrain (the subcatchment's outlet by default), −1 if none. */
  readonly unitDrainSub: Int32Array;
  readonly unitDrainNode: Int32Array;
  /** 1 when the unit's surface infiltration is its own Green-Ampt soil (soil layer or swale copy). */
  readonly unitHasGA: Uint8Array;
  /** Green-Ampt state of every unit (used where unitHasGA). */
  readonly ga: InfiltrationState;

  // layer states
  readonly surfDepth: Float64Array;
  readonly soilTheta: Float64Array;
  readonly storDepth: Float64Array;
  readonly paveDepth: Float64Array;
  /** Previous step's flux rates, N_LAYERS per unit. */
  readonly oldFlux: Float64Array;
  /** Underdrain flow (cfs) of the previous and current step, after any return to the pervious area. */
  readonly oldDrain: Float64Array;
  readonly newDrain: Float64Array;
  /** s since the last rainfall (rain-barrel drain delay). */
  readonly dryTime: Float64Array;
  /** ft of inflow treated since the last pavement regeneration. */
  readonly volTreated: Float64Array;
  readonly nextRegenDay: Float64Array;

  // water balance per unit (ft over the unit area)
  readonly wbInflow: Float64Array;
  readonly wbEvap: Float64Array;
  readonly wbInfil: Float64Array;
  readonly wbSurfFlow: Float64Array;
  readonly wbDrainFlow: Float64Array;
  readonly wbInitVol: Float64Array;
  readonly wbFinalVol: Float64Array;

  /** Latest step's values per unit in user units (LID_RESULT_COLUMNS order, LID_N_RESULTS per unit). */
  readonly lastResults: Float64Array;

  // per subcatchment
  readonly groupOldDrain: Float64Array;
  readonly groupNewDrain: Float64Array;
  /** LID outflow (cfs) returned to the pervious area, applied in the next step. */
  readonly flowToPerv: Float64Array;
  /** ft² of pervious LID area (counts as pervious for groundwater). */
  readonly pervArea: Float64Array;

  /** Some unit was wet in the last runoff step. */
  wet: boolean;
  /** Runoff clock (ms since the start) of the step being computed. */
  oldRunoffMs: number;
  newRunoffMs: number;
  readonly startDateTime: number;

  readonly work: LidFluxWork;
  /** Detailed report file per unit (null when not requested). */
  readonly reportFiles: (LidReportFile | null)[];
  /** Consolidated results table (null when disabled). */
  readonly table: LidResultsTable | null;
  readonly unitInfo: readonly LidUnitInfo[];
  /** Drain pollutant removal fraction per LID control and pollutant ([POLLUTANTS] order). */
  readonly drainRemoval: readonly Float64Array[];
  readonly subNames: readonly string[];
  readonly lidTypeNames: readonly string[];
}

export interface AttachLidsOptions {
  /** File name for error messages. */
  fileName?: string;
  /**
   * First [TITLE] line as written (SWMM prints it in the detailed report files followed by a
   * space). Default: model.title[0].
   */
  titleLine?: string;
  /** Keep the consolidated per-unit results table (default true). */
  resultsTable?: boolean;
}

export interface AttachLidsResult {
  /** null when the model has no LID units or the LID input has errors. */
  state: LidState | null;
  errors: EngineError[];
  warnings: string[];
}

// ---------------------------------------------------------------- building the processes

function buildProc(c: LidControl, uf: UnitFactors, model: Model): LidProc {
  const rd = uf.rainDepth;
  const rf = uf.rainfall;
  const type = LID_TYPE_NAMES.indexOf(c.type!);
  const s = c.surface;
  const berm = s ? s.bermHeight / rd : 0;
  // A surface without a berm has no vegetation volume.
  const surfVoidFrac = s ? 1 - (s.bermHeight === 0 ? 0 : s.vegVolFraction) : 1;
  const roughness = s ? s.roughness : 0;
  const slope = s ? s.slopePct / 100 : 0;
  let surfAlpha = 0;
  if (type === LID_VS) {
    if (roughness * slope > 0 && berm > 0) surfAlpha = (MCOEFF * Math.sqrt(slope)) / roughness;
  } else if (roughness > 0) surfAlpha = (MCOEFF / roughness) * Math.sqrt(slope);

  const pv = c.pavement;
  const paveThick = pv ? pv.thickness / rd : 0;
  const paveVoidFrac = pv ? pv.voidRatio / (pv.voidRatio + 1) : 0;
  const paveImperv = pv ? pv.imperviousFraction : 0;
  const paveClog = pv && paveThick > 0 ? pv.clogFactor * paveThick * paveVoidFrac * (1 - paveImperv) : 0;

  const so = c.soil;
  const st = c.storage;
  let storThick = st ? st.thickness / rd : 0;
  let storVoidFrac = st ? st.voidRatio / (st.voidRatio + 1) : 0;
  let storKsat = st ? st.seepageRate / rf : 0;
  let storClog = st && storThick > 0 ? st.clogFactor * storThick * storVoidFrac : 0;
  const dr = c.drain;
  let drainOffset = dr ? dr.offset / rd : 0;
  if (!(storThick > 0)) {
    storVoidFrac = 1;
    drainOffset = 0;
  }
  const dm = type === LID_GR ? c.drainMat : null;
  const matThick = dm ? dm.thickness / rd : 0;
  const matVoidFrac = dm ? dm.voidFraction : 0;
  const matAlpha = dm && dm.roughness > 0 ? (MCOEFF / dm.roughness) * Math.sqrt(slope) : 0;
  if (type === LID_RB) {
    storVoidFrac = 1;
    storKsat = 0;
  }
  if (type === LID_GR) {
    // A green roof's storage layer is its drainage mat.
    storThick = matThick;
    storVoidFrac = matVoidFrac;
    storClog = 0;
    storKsat = 0;
  }
  // Types whose surface drains by Manning flow keep water above the berm only without it.
  let canOverflow = true;
  if (type === LID_RD) canOverflow = false;
  else if (type !== LID_RB && type !== LID_VS && surfAlpha > 0) canOverflow = false;

  let curveX: Float64Array | null = null;
  let curveY: Float64Array | null = null;
  if (dr?.controlCurve) {
    const cv = model.curves.find((k) => k.name.toUpperCase() === dr.controlCurve!.toUpperCase());
    if (cv) {
      curveX = Float64Array.from(cv.x);
      curveY = Float64Array.from(cv.y);
    }
  }
  return {
    name: c.name, type,
    surfThick: berm, surfVoidFrac, surfRoughness: roughness, surfSlope: slope, surfSideSlope: s ? s.sideSlope : 0, surfAlpha, canOverflow,
    paveThick, paveVoidFrac, paveImpervFrac: paveImperv, paveKsat: pv ? pv.permeability / rf : 0, paveClogFactor: paveClog,
    paveRegenDays: pv ? pv.regenIntervalDays : 0, paveRegenDegree: pv ? pv.regenFraction : 0,
    soilThick: so ? so.thickness / rd : 0, soilPorosity: so ? so.porosity : 0, soilFieldCap: so ? so.fieldCapacity : 0,
    soilWiltPoint: so ? so.wiltingPoint : 0, soilKsat: so ? so.ksat / rf : 0, soilKSlope: so ? so.conductivitySlope : 0,
    soilSuction: so ? so.suctionHead / rd : 0,
    storThick, storVoidFrac, storKsat, storClogFactor: storClog, storCovered: st ? st.covered : false,
    drainCoeff: dr ? dr.coefficient : 0, drainExpon: dr ? dr.exponent : 0, drainOffset, drainDelay: dr ? dr.delayHours * 3600 : 0,
    drainHOpen: dr ? dr.openLevel / rd : 0, drainHClose: dr ? dr.closeLevel / rd : 0, drainCurveX: curveX, drainCurveY: curveY,
    matThick, matVoidFrac, matAlpha,
    isPervious: storThick === 0 || storKsat > 0,
  };
}

// ---------------------------------------------------------------- attach

/**
 * Read the model's LID sections and plug its LID units into a runoff state (call right after
 * createRunoff, before the first runoff step). Sets each subcatchment's LID area (and its
 * overland-flow coefficients), installs `ro.lid`, and re-initializes the runoff state so the
 * continuity's initial storage includes the LIDs.
 *
 * @param nodeIndexByName node index for a name (case-insensitive), −1 if none.
 * @param subcatchIndexByName subcatchment index for a name (case-insensitive), −1 if none.
 */
export function attachLids(
  model: Model, ro: RunoffState, uf: UnitFactors,
  nodeIndexByName: (name: string) => number, subcatchIndexByName: (name: string) => number,
  opts: AttachLidsOptions = {},
): AttachLidsResult {
  const inputOpts: Parameters<typeof readLidInput>[1] = { nodeIndexByName };
  if (opts.fileName !== undefined) inputOpts.fileName = opts.fileName;
  const input = readLidInput(model, inputOpts);
  const errors = [...input.errors];
  const warnings = [...input.warnings];
  if (errors.length > 0 || input.usage.length === 0) return { state: null, errors, warnings };
  const built = buildLidState(model, ro, uf, input, nodeIndexByName, subcatchIndexByName, opts, errors);
  if (errors.length > 0) return { state: null, errors, warnings };
  for (let j = 0; j < ro.n; j++) runoffRecomputeAlpha(ro, j);
  ro.lid = new LidRunoffHook(built);
  runoffInitState(ro);
  return { state: built, errors, warnings };
}

function buildLidState(
  model: Model, ro: RunoffState, uf: UnitFactors, input: LidInput,
  nodeIndexByName: (name: string) => number, subcatchIndexByName: (name: string) => number,
  opts: AttachLidsOptions, errors: EngineError[],
): LidState {
  const nSub = ro.n;
  const procs = input.controls.map((c) => buildProc(c, uf, model));
  // Order: subcatchments in model order, usage lines reversed within each.
  const order = input.usage.map((u, i) => ({ u, i })).sort((a, b) => a.u.subIndex - b.u.subIndex || b.i - a.i).map((x) => x.u);
  const n = order.length;
  const f64 = (): Float64Array => new Float64Array(n);
  const groupStart = new Int32Array(nSub + 1);
  for (const u of order) groupStart[u.subIndex + 1]!++;
  for (let j = 0; j < nSub; j++) groupStart[j + 1] = groupStart[j + 1]! + groupStart[j]!;

  const pollutants = (model.extra['[POLLUTANTS]']?.lines ?? []).map((l) => (l.tokens[0] ?? '').toUpperCase());
  const drainRemoval = input.controls.map((c) => {
    const r = new Float64Array(pollutants.length);
    for (const rm of c.removals) {
      const p = pollutants.indexOf(rm.pollutant.toUpperCase());
      if (p >= 0) r[p] = rm.percent / 100;
    }
    return r;
  });

  const dummySubs = Array.from({ length: n }, () => ({ name: '' }) as Model['subcatchments'][number]);
  const ga = createInfiltration(dummySubs, uf);
  const siArea = uf.length * uf.length;
  const st: LidState = {
    nUnits: n, nSubcatch: nSub, procs, units: uf, groupStart,
    unitSub: new Int32Array(n), unitProc: new Int32Array(n), unitNumber: new Int32Array(n),
    unitArea1: f64(), unitLidArea: f64(), unitWidth: f64(), unitInitSat: f64(), unitFromImp: f64(), unitFromPerv: f64(),
    unitToPerv: new Uint8Array(n), unitDrainSub: new Int32Array(n).fill(-1), unitDrainNode: new Int32Array(n).fill(-1),
    unitHasGA: new Uint8Array(n), ga,
    surfDepth: f64(), soilTheta: f64(), storDepth: f64(), paveDepth: f64(), oldFlux: new Float64Array(n * N_LAYERS),
    oldDrain: f64(), newDrain: f64(), dryTime: f64(), volTreated: f64(), nextRegenDay: f64(),
    wbInflow: f64(), wbEvap: f64(), wbInfil: f64(), wbSurfFlow: f64(), wbDrainFlow: f64(), wbInitVol: f64(), wbFinalVol: f64(),
    lastResults: new Float64Array(n * LID_N_RESULTS),
    groupOldDrain: new Float64Array(nSub), groupNewDrain: new Float64Array(nSub), flowToPerv: new Float64Array(nSub), pervArea: new Float64Array(nSub),
    wet: false, oldRunoffMs: 0, newRunoffMs: 0, startDateTime: model.options.startDateTime,
    work: new LidFluxWork(), reportFiles: new Array<LidReportFile | null>(n).fill(null), table: null, unitInfo: [],
    drainRemoval, subNames: ro.names, lidTypeNames: input.controls.map((c) => c.type ?? ''),
  };
  st.work.ucfRainDepth = uf.rainDepth;
  st.work.ucfRainfall = uf.rainfall;

  const title = (opts.titleLine ?? model.title[0] ?? '') + ' ';
  const cursor = groupStart.slice(0, nSub);
  const info: LidUnitInfo[] = new Array(n);
  const lidAreaSum = new Float64Array(nSub);
  for (const us of order) {
    const u = cursor[us.subIndex]!++;
    const j = us.subIndex;
    const ctl = input.controls[us.lidIndex]!;
    const p = procs[us.lidIndex]!;
    st.unitSub[u] = j;
    st.unitProc[u] = us.lidIndex;
    st.unitNumber[u] = us.number;
    st.unitArea1[u] = us.area / siArea;
    st.unitLidArea[u] = us.number * st.unitArea1[u]!;
    st.unitWidth[u] = us.width / uf.length;
    st.unitInitSat[u] = us.initSatPct / 100;
    st.unitFromImp[u] = us.fromImpPct / 100;
    st.unitFromPerv[u] = us.fromPervPct / 100;
    // No pervious area to return flow to on a (nearly) all-impervious subcatchment.
    st.unitToPerv[u] = us.toPerv && ro.fracImperv[j]! < 0.999 ? 1 : 0;
    if (us.drainTo) {
      const k = subcatchIndexByName(us.drainTo);
      if (k >= 0) st.unitDrainSub[u] = k;
      else st.unitDrainNode[u] = nodeIndexByName(us.drainTo);
    } else {
      st.unitDrainNode[u] = ro.outNode[j]!;
      st.unitDrainSub[u] = ro.outSub[j]!;
    }
    lidAreaSum[j] = lidAreaSum[j]! + st.unitLidArea[u]!;

    // Surface infiltration: the soil layer's own Green-Ampt; a swale in a Green-Ampt
    // subcatchment copies the subcatchment's parameters.
    let gaParams: [number, number, number] | null = null;
    if (p.soilThick > 0) {
      gaParams = [p.soilSuction * uf.rainDepth, p.soilKsat * uf.rainfall, (p.soilPorosity - p.soilWiltPoint) * (1 - st.unitInitSat[u]!)];
    }
    if (p.type === LID_VS) {
      const ip = model.subcatchments[j]!.infiltration;
      if (ip && (ip.method === 'GREEN_AMPT' || ip.method === 'MODIFIED_GREEN_AMPT')) {
        gaParams = [ip.values[0] ?? 0, ip.values[1] ?? 0, ip.values[2] ?? 0];
      }
    }
    if (gaParams) {
      if (setGreenAmptParams(ga, u, gaParams[0], gaParams[1], gaParams[2], uf)) {
        ga.method[u] = INFIL_MOD_GREEN_AMPT;
        st.unitHasGA[u] = 1;
      } else {
        errors.push({
          code: 185, message: `invalid parameter value for LID ${ctl.name} in ${ro.names[j]} - check ${p.type === LID_VS ? 'subcatchment Green-Ampt' : 'soil layer'} parameters`,
          section: '[LID_USAGE]', line: us.line, token: ctl.name,
        });
      }
    }
    info[u] = {
      index: u, subcatchment: ro.names[j]!, lidControl: ctl.name, lidType: ctl.type ?? '', number: us.number,
      area: us.number * us.area,
    };
    if (us.rptFile) st.reportFiles[u] = new LidReportFile(us.rptFile, title, ctl.name, ro.names[j]!, uf.system === 'SI');
  }
  (st as { unitInfo: readonly LidUnitInfo[] }).unitInfo = info;
  for (let j = 0; j < nSub; j++) {
    if (groupStart[j + 1]! === groupStart[j]!) continue;
    // Close enough to the whole subcatchment counts as all of it.
    ro.lidArea[j] = lidAreaSum[j]! > 0.999 * ro.area[j]! ? ro.area[j]! : lidAreaSum[j]!;
  }
  if (opts.resultsTable !== false) {
    const o = model.options;
    const durS = (o.endDateTime - o.startDateTime) * SEC_PER_DAY;
    const cap = o.reportStepS > 0 ? Math.floor(durS / o.reportStepS) + 2 : 16;
    (st as { table: LidResultsTable | null }).table = new LidResultsTable(info, uf.system, Math.min(cap, 1 << 20));
  }
  lidInitState(st, model.options.dryDays);
  return st;
}

/** SWMM's lid_initState: initial moisture from InitSat, water balances, drain flows, Green-Ampt. */
export function lidInitState(st: LidState, dryDays: number): void {
  st.wet = false;
  st.oldRunoffMs = st.newRunoffMs = 0;
  st.groupOldDrain.fill(0);
  st.groupNewDrain.fill(0);
  st.flowToPerv.fill(0);
  st.pervArea.fill(0);
  for (let u = 0; u < st.nUnits; u++) {
    const p = st.procs[st.unitProc[u]!]!;
    const sat = st.unitInitSat[u]!;
    st.surfDepth[u] = 0;
    st.paveDepth[u] = 0;
    st.soilTheta[u] = 0;
    st.storDepth[u] = 0;
    st.dryTime[u] = dryDays * SEC_PER_DAY;
    st.volTreated[u] = 0;
    st.nextRegenDay[u] = p.paveRegenDays;
    let initVol = 0;
    if (p.soilThick > 0) {
      st.soilTheta[u] = p.soilWiltPoint + sat * (p.soilPorosity - p.soilWiltPoint);
      initVol += st.soilTheta[u]! * p.soilThick;
    }
    if (p.storThick > 0) {
      st.storDepth[u] = sat * p.storThick;
      initVol += st.storDepth[u]! * p.storVoidFrac;
    }
    // [as-is] a green roof's drainage mat is also its storage layer, so SWMM counts it twice here.
    if (p.matThick > 0) {
      st.storDepth[u] = sat * p.matThick;
      initVol += st.storDepth[u]! * p.matVoidFrac;
    }
    if (sat > 0) st.wet = true;
    st.wbInflow[u] = st.wbEvap[u] = st.wbInfil[u] = st.wbSurfFlow[u] = st.wbDrainFlow[u] = 0;
    st.wbInitVol[u] = initVol;
    st.wbFinalVol[u] = initVol;
    st.oldDrain[u] = st.newDrain[u] = 0;
    for (let i = 0; i < N_LAYERS; i++) st.oldFlux[N_LAYERS * u + i] = 0;
    if (p.isPervious) st.pervArea[st.unitSub[u]!] = st.pervArea[st.unitSub[u]!]! + st.unitLidArea[u]!;
  }
  infilInitState(st.ga);
  st.lastResults.fill(0);
}

// ---------------------------------------------------------------- the runoff hook

/** Average ponded depth over a subcatchment's LID area (ft), for its native-soil infiltration. */
function lidSurfaceDepth(st: LidState, ro: RunoffState, j: number): number {
  const la = ro.lidArea[j]!;
  if (la === 0) return 0;
  let d = 0;
  for (let u = st.groupStart[j]!; u < st.groupStart[j + 1]!; u++) {
    d += st.surfDepth[u]! * st.procs[st.unitProc[u]!]!.surfVoidFrac * st.unitLidArea[u]!;
  }
  return d / la;
}

/** The LID side of SWMM's runoff step, called by runoff.ts at the points SWMM evaluates LIDs. */
export class LidRunoffHook implements RunoffLidHook {
  constructor(readonly st: LidState) {}

  beginStep(_ro: RunoffState, dtS: number): void {
    const st = this.st;
    for (let j = 0; j < st.nSubcatch; j++) {
      st.groupOldDrain[j] = st.groupNewDrain[j]!;
      st.groupNewDrain[j] = 0;
    }
    for (let u = 0; u < st.nUnits; u++) {
      st.oldDrain[u] = st.newDrain[u]!;
      st.newDrain[u] = 0;
    }
    st.wet = false;
    st.oldRunoffMs = st.newRunoffMs;
    st.newRunoffMs += 1000 * dtS;
  }

  addRunon(ro: RunoffState, j: number): void {
    const st = this.st;
    const u1 = st.groupStart[j + 1]!;
    for (let u = st.groupStart[j]!; u < u1; u++) {
      const k = st.unitDrainSub[u]!;
      if (k >= 0 && k !== j) runoffAddRunonFlow(ro, k, st.oldDrain[u]!);
    }
    if (ro.lidArea[j]! > 0 && ro.fracImperv[j]! < 1) {
      const pervArea = ro.saFArea[3 * j + PERV]! * (ro.area[j]! - ro.lidArea[j]!);
      if (pervArea > 0) ro.saInflow[3 * j + PERV] = ro.saInflow[3 * j + PERV]! + st.flowToPerv[j]! / pervArea;
    }
  }

  computeRunoff(ro: RunoffState, cl: ClimateState, j: number, dt: number, evap: number): void {
    const st = this.st;
    const u0 = st.groupStart[j]!;
    const u1 = st.groupStart[j + 1]!;
    if (u0 === u1) return;
    const w = st.work;
    const wb = ro.wb;
    const area = ro.area[j]!;
    const lidArea = ro.lidArea[j]!;
    const nonLid = area - lidArea;
    const m = cl.month - 1;
    const fk = ro.hasInfilPat[j] ? ro.infilPat[12 * j + m]! : cl.hydconFactor;
    const fr = cl.recoveryFactor;
    const rain = ro.rainfall[j]!;

    // Native soil under the LIDs infiltrates like the non-LID pervious area, or by the
    // subcatchment's own infiltration model when there is none.
    let fNat: number;
    if (nonLid > 0 && ro.fracImperv[j]! < 1) fNat = wb.vInfil / nonLid / dt;
    else fNat = infilRate(ro.infil, j, dt, rain, ro.runon[j]!, lidSurfaceDepth(st, ro, j), fk, fr);
    const cap = ro.gwMaxInfilFt[j]!;
    const fMax = Number.isFinite(cap) ? cap / dt : BIG;

    // Non-LID runoff available for capture (this step's subarea runoff).
    let qImp = 0;
    let qPerv = 0;
    if (area > lidArea) {
      const b = 3 * j;
      qImp = ro.saRunoff[b + IMPERV0]! * ro.saFArea[b + IMPERV0]! + ro.saRunoff[b + IMPERV1]! * ro.saFArea[b + IMPERV1]!;
      if (ro.routeTo[j] === ROUTE_PERVIOUS) qImp *= ro.saFOutlet[b + IMPERV0]!;
      qImp *= nonLid;
      qPerv = ro.saRunoff[b + PERV]! * ro.saFArea[b + PERV]!;
      if (ro.routeTo[j] === ROUTE_IMPERVIOUS) qPerv *= ro.saFOutlet[b + PERV]!;
      qPerv *= nonLid;
    }

    w.dt = dt;
    w.evapRate = evap;
    w.maxNativeInfil = fMax;
    w.oldRunoffDays = st.oldRunoffMs / 1000 / SEC_PER_DAY;
    const returnsAllowed = area > lidArea;
    const outNode = ro.outNode[j]!;
    const outSub = ro.outSub[j]!;
    let qRunoff = 0;
    let qDrain = 0;
    let qReturn = 0;
    for (let u = u0; u < u1; u++) {
      const la = st.unitLidArea[u]!;
      if (!(la > 0)) continue;
      const p = st.procs[st.unitProc[u]!]!;
      let inflow = (qImp * st.unitFromImp[u]! + qPerv * st.unitFromPerv[u]!) / la;
      wb.vLidIn += inflow * la * dt;
      if (!(p.type === LID_RB && p.storCovered)) inflow += rain;
      // Upstream runon reaches the LIDs only when they cover the whole subcatchment.
      if (area === lidArea) inflow += ro.runon[j]!;

      this.solve(u, p, inflow, fNat, fk, fr);

      const evapRate = w.surfaceEvap + w.paveEvap + w.soilEvap + w.storageEvap;
      let lidRunoff = w.surfaceOutflow * la;
      let lidDrain = w.storageDrain * la;
      if (st.unitToPerv[u] && returnsAllowed) {
        qReturn += lidRunoff;
        lidRunoff = 0;
        // Drain flow bound for the subcatchment's own outlet goes back to the pervious area too.
        if (st.unitDrainNode[u] === outNode && st.unitDrainSub[u] === outSub) {
          qReturn += lidDrain;
          lidDrain = 0;
        }
      }
      if (st.unitDrainNode[u]! >= 0) wb.vLidDrainToNode += lidDrain * dt;
      st.newDrain[u] = lidDrain;
      wb.vEvap += evapRate * dt * la;
      wb.vLidInfil += w.storageExfil * dt * la;
      if (p.isPervious) wb.vPevap += evapRate * dt * la;
      // Time since rain (after solving: the barrel's delay test used the previous value).
      if (rain > MIN_RUNOFF_FT_S) st.dryTime[u] = 0;
      else st.dryTime[u] = st.dryTime[u]! + dt;
      this.saveResults(u, evapRate);
      qRunoff += lidRunoff;
      qDrain += lidDrain;
    }
    st.groupNewDrain[j] = qDrain;
    st.flowToPerv[j] = qReturn;
    wb.vLidOut += qRunoff * dt;
    wb.vLidDrain += qDrain * dt;
  }

  /** Load unit u into the flux work area, solve its step and store its new state. */
  private solve(u: number, p: LidProc, inflow: number, fNat: number, fk: number, fr: number): void {
    const st = this.st;
    const w = st.work;
    w.fullWidth = st.unitWidth[u]!;
    w.unitArea = st.unitArea1[u]!;
    w.oldDrainFlow = st.oldDrain[u]!;
    w.dryTime = st.dryTime[u]!;
    w.wbInflow = st.wbInflow[u]!;
    w.volTreated = st.volTreated[u]!;
    w.nextRegenDay = st.nextRegenDay[u]!;
    w.surfaceInflow = inflow;
    if (p.type === LID_PP) w.surfaceInfil = 0;
    else if (st.unitHasGA[u]) w.surfaceInfil = infilRate(st.ga, u, w.dt, inflow, 0, st.surfDepth[u]!, fk, fr);
    else w.surfaceInfil = fNat;
    const x = w.x;
    x[SURF] = st.surfDepth[u]!;
    x[SOIL] = st.soilTheta[u]!;
    x[STOR] = st.storDepth[u]!;
    x[PAVE] = st.paveDepth[u]!;
    const o = N_LAYERS * u;
    for (let i = 0; i < N_LAYERS; i++) w.fOld[i] = st.oldFlux[o + i]!;
    lidSolveUnit(w, p);
    st.surfDepth[u] = x[SURF]!;
    st.soilTheta[u] = x[SOIL]!;
    st.storDepth[u] = x[STOR]!;
    st.paveDepth[u] = x[PAVE]!;
    for (let i = 0; i < N_LAYERS; i++) st.oldFlux[o + i] = w.f[i]!;
    st.volTreated[u] = w.volTreated;
    st.nextRegenDay[u] = w.nextRegenDay;
  }

  /** Unit water balance, wet/dry status, latest results and the detailed report line. */
  private saveResults(u: number, evapRate: number): void {
    const st = this.st;
    const w = st.work;
    const dt = w.dt;
    const inflow = w.surfaceInflow;
    st.volTreated[u] = st.volTreated[u]! + inflow * dt;
    st.wbInflow[u] = st.wbInflow[u]! + inflow * dt;
    st.wbEvap[u] = st.wbEvap[u]! + evapRate * dt;
    st.wbInfil[u] = st.wbInfil[u]! + w.storageExfil * dt;
    st.wbSurfFlow[u] = st.wbSurfFlow[u]! + w.surfaceOutflow * dt;
    st.wbDrainFlow[u] = st.wbDrainFlow[u]! + w.storageDrain * dt;
    // [as-is] the stored volume is the one seen by the last flux evaluation (start of step
    // for the single-pass types).
    st.wbFinalVol[u] = w.surfaceVolume + w.paveVolume + w.soilVolume + w.storageVolume;
    const isDry = inflow < MIN_FLOW_FT_S && w.surfaceOutflow < MIN_FLOW_FT_S && w.storageDrain < MIN_FLOW_FT_S &&
      w.storageExfil < MIN_FLOW_FT_S && evapRate < MIN_FLOW_FT_S;
    if (!isDry) st.wet = true;

    const ucfR = w.ucfRainfall;
    const ucfD = w.ucfRainDepth;
    const r = st.lastResults;
    const o = LID_N_RESULTS * u;
    r[o + LR_INFLOW] = inflow * ucfR;
    r[o + LR_EVAP] = evapRate * ucfR;
    r[o + LR_SURF_INFIL] = w.surfaceInfil * ucfR;
    r[o + LR_PAVE_PERC] = w.pavePerc * ucfR;
    r[o + LR_SOIL_PERC] = w.soilPerc * ucfR;
    r[o + LR_EXFIL] = w.storageExfil * ucfR;
    r[o + LR_SURF_OUTFLOW] = w.surfaceOutflow * ucfR;
    r[o + LR_DRAIN] = w.storageDrain * ucfR;
    r[o + LR_SURF_DEPTH] = st.surfDepth[u]! * ucfD;
    r[o + LR_PAVE_DEPTH] = st.paveDepth[u]! * ucfD;
    r[o + LR_SOIL_MOIST] = st.soilTheta[u]!;
    r[o + LR_STOR_DEPTH] = st.storDepth[u]! * ucfD;

    const file = st.reportFiles[u];
    if (file) {
      const date = dateOfElapsedMs(st.startDateTime, st.newRunoffMs);
      file.addStep(`${formatDate(date)} ${formatTime(date)}`, st.newRunoffMs / 3600000, r, o, isDry);
    }
  }

  drainFlowCfs(j: number, previous: boolean): number {
    return previous ? this.st.groupOldDrain[j]! : this.st.groupNewDrain[j]!;
  }

  storageFt3(j: number): number {
    const st = this.st;
    let v = 0;
    for (let u = st.groupStart[j]!; u < st.groupStart[j + 1]!; u++) v += st.wbFinalVol[u]! * st.unitLidArea[u]!;
    return v;
  }

  hasWetLids(): boolean {
    return this.st.wet;
  }
}

// ---------------------------------------------------------------- results for routing & reporting

/**
 * LID underdrain flow into nodes at weight f between the previous and current runoff step
 * (§2.6; f clipped to [0, 1]), added per node into `outCfsPerNode` (if given). Returns the total
 * (cfs) — part of the routing's wet-weather inflow.
 */
export function lidDrainInflow(st: LidState, f: number, outCfsPerNode?: Float64Array): number {
  if (f < 0) f = 0;
  else if (f > 1) f = 1;
  let total = 0;
  for (let u = 0; u < st.nUnits; u++) {
    const k = st.unitDrainNode[u]!;
    if (k < 0) continue;
    const q = (1 - f) * st.oldDrain[u]! + f * st.newDrain[u]!;
    if (outCfsPerNode) outCfsPerNode[k] = outCfsPerNode[k]! + q;
    total += q;
  }
  return total;
}

/** Pervious LID area of subcatchment j (ft²) — counts as pervious area for groundwater. */
export function lidPervAreaFt2(st: LidState, j: number): number {
  return st.pervArea[j]!;
}

/** Record the latest values of every unit as one period of the consolidated table. */
export function lidSaveReportPeriod(st: LidState, reportDate: number): void {
  const t = st.table;
  if (!t) return;
  const o = t.beginPeriod(reportDate);
  t.buffer.set(st.lastResults, o);
}

/** LID Performance Summary rows (§10.5), in SWMM's order; units of subcatchments without LID area are left out. */
export function lidPerformanceSummary(st: LidState, ro: RunoffState): LidPerformanceSummaryRow[] {
  const ucf = st.units.rainDepth;
  const rows: LidPerformanceSummaryRow[] = [];
  for (let j = 0; j < st.nSubcatch; j++) {
    if (ro.lidArea[j]! === 0) continue;
    for (let u = st.groupStart[j]!; u < st.groupStart[j + 1]!; u++) {
      const inflow = st.wbInitVol[u]! + st.wbInflow[u]!;
      const outflow = st.wbFinalVol[u]! + st.wbEvap[u]! + st.wbInfil[u]! + st.wbSurfFlow[u]! + st.wbDrainFlow[u]!;
      rows.push({
        subcatchment: st.subNames[j]!,
        lidControl: st.procs[st.unitProc[u]!]!.name,
        totalInflow: st.wbInflow[u]! * ucf,
        evapLoss: st.wbEvap[u]! * ucf,
        infilLoss: st.wbInfil[u]! * ucf,
        surfaceOutflow: st.wbSurfFlow[u]! * ucf,
        drainOutflow: st.wbDrainFlow[u]! * ucf,
        initialStorage: st.wbInitVol[u]! * ucf,
        finalStorage: st.wbFinalVol[u]! * ucf,
        continuityErrorPct: inflow > 0 ? (100 * (inflow - outflow)) / inflow : 100,
      });
    }
  }
  return rows;
}

/** LID Control Summary rows of the input summary (SWMM's lid_writeSummary), in SWMM's order. */
export function lidControlSummary(st: LidState, ro: RunoffState): LidControlSummaryRow[] {
  const uf = st.units;
  const rows: LidControlSummaryRow[] = [];
  for (let j = 0; j < st.nSubcatch; j++) {
    for (let u = st.groupStart[j]!; u < st.groupStart[j + 1]!; u++) {
      rows.push({
        subcatchment: st.subNames[j]!,
        lidControl: st.procs[st.unitProc[u]!]!.name,
        units: st.unitNumber[u]!,
        unitArea: st.unitArea1[u]! * uf.length * uf.length,
        unitWidth: st.unitWidth[u]! * uf.length,
        areaCoveredPct: (st.unitLidArea[u]! / ro.area[j]!) * 100,
        imperviousTreatedPct: st.unitFromImp[u]! * 100,
        perviousTreatedPct: st.unitFromPerv[u]! * 100,
      });
    }
  }
  return rows;
}

/** Text of every detailed report file, keyed by the file name given in [LID_USAGE]. */
export function lidReportFileTexts(st: LidState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of st.reportFiles) if (f) out[f.fileName] = f.text();
  return out;
}
