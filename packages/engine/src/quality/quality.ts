// Water quality of one simulation (digest §8): build the state from a parsed model and hand
// out the pieces the main loop calls. Per runoff step: qualityAfterRunoffStep. Per routing
// step: qualityBeginRoutingStep, qualityLateralInflows, qualityRouteStep (qualrouting.ts).
// At reporting times: qualitySubcatchReportValues / qualityNetworkReportValues. At the end:
// qualityReportData (continuity tables, washoff, outfall and link loads in user units).
import type { EngineError } from '../api.js';
import type { Model } from '../model/types.js';
import { L_PER_FT3, type UnitFactors } from '../model/units.js';
import type { Network } from '../hydraulics/network.js';
import type { LateralInflows } from '../hydraulics/inflows.js';
import type { RunoffState } from '../hydrology/runoff.js';
import type { LidState } from '../hydrology/lid.js';
import { buildupMaxDays } from './buildup.js';
import {
  BUILDUP_EXT, CONC_COUNT, CONC_MG, CONC_UG, CONC_UNITS_NAMES, WASHOFF_EMC, WASHOFF_EXP, WASHOFF_RC, readQualityInput,
} from './quality-input.js';
import {
  LT_BMP, LT_BUILDUP, LT_DEPOSITION, LT_FINAL, LT_INFIL, LT_INIT, LT_N, LT_RUNOFF, LT_SWEEPING,
  QT_DW, QT_EX, QT_FINAL, QT_FLOOD, QT_GW, QT_II, QT_N, QT_OUT, QT_REACTED, QT_SEEP, QT_WW,
  type QualityState, type QualSeries,
} from './quality-state.js';
import { surfaceInitState, surfaceStep } from './surface.js';
import { storedMass, ZERO_DEPTH_FT } from './qualrouting.js';
import { buildTreatment } from './treatment.js';

export {
  qualityBeginRoutingStep, qualityLateralInflows, qualityRouteStep, qualityNetworkReportValues, qualitySubcatchReportValues,
  qualityGroundwaterLoad, qualityRdiiLoad,
} from './qualrouting.js';
export type { QualityState } from './quality-state.js';

export interface CreateQualityArgs {
  model: Model;
  uf: UnitFactors;
  /** Runoff state (null without subcatchments). */
  ro: RunoffState | null;
  /** Network after the routing's initial state is set (null without nodes). */
  net: Network | null;
  /** FLOW external and dry weather inflows (null when the model is not routed). */
  inflows: LateralInflows | null;
  lids: LidState | null;
  /** File name for error messages. */
  fileName?: string;
}

export interface CreateQualityResult {
  /** Null when the model has no pollutants or IGNORE_QUALITY is set. */
  state: QualityState | null;
  errors: EngineError[];
  warnings: string[];
}

const PAT_TYPES = { MONTHLY: 0, DAILY: 1, HOURLY: 2, WEEKEND: 3 } as const;

/** True when the model simulates water quality (pollutants present, quality not ignored). */
export function hasWaterQuality(model: Model): boolean {
  return !model.options.ignoreQuality && (model.extra['[POLLUTANTS]']?.lines.length ?? 0) > 0;
}

/** Build the water-quality state: input sections typed, initial buildup and network concentrations set. */
export function createQuality(args: CreateQualityArgs): CreateQualityResult {
  const { model, uf, ro, net, inflows, lids } = args;
  const fileName = args.fileName ?? 'model.inp';
  const errors: EngineError[] = [];
  const warnings: string[] = [];
  if (!hasWaterQuality(model)) return { state: null, errors, warnings };

  const nodeIdx = new Map<string, number>();
  model.nodes.forEach((n, i) => {
    if (!nodeIdx.has(n.name.toUpperCase())) nodeIdx.set(n.name.toUpperCase(), i);
  });
  const read = readQualityInput(model, fileName, (name) => nodeIdx.get(name.toUpperCase()) ?? -1);
  errors.push(...read.errors);
  const inp = read.input;
  const nP = inp.pollutants.length;
  const nLu = inp.landuses.length;
  const nS = model.subcatchments.length;
  const nN = net?.nNodes ?? 0;
  const nK = net?.nLinks ?? 0;
  const nOut = net?.nOutfalls ?? 0;
  const nStorage = net?.nStorage ?? 0;
  const f64 = (n: number): Float64Array => new Float64Array(n);

  // Time series (EXT buildup, pollutant inflows) and patterns, by name.
  const seriesIdx = new Map<string, number>();
  const series: QualSeries[] = model.timeseries.map((ts, i) => {
    if (!seriesIdx.has(ts.name.toUpperCase())) seriesIdx.set(ts.name.toUpperCase(), i);
    return { t: Float64Array.from(ts.times), v: Float64Array.from(ts.values) };
  });
  const patIdx = new Map<string, number>();
  const patType = new Int8Array(model.patterns.length);
  const patFactor = new Float64Array(24 * model.patterns.length).fill(1);
  model.patterns.forEach((pt, i) => {
    if (!patIdx.has(pt.name.toUpperCase())) patIdx.set(pt.name.toUpperCase(), i);
    patType[i] = PAT_TYPES[pt.type];
    for (let k = 0; k < Math.min(24, pt.factors.length); k++) patFactor[24 * i + k] = pt.factors[k]!;
  });
  const findPattern = (name: string | undefined, line: number, section: string): number => {
    if (!name || name === '*') return -1;
    const k = patIdx.get(name.toUpperCase());
    if (k === undefined) {
      errors.push({ code: 209, message: `undefined object ${name}: a time pattern name expected`, file: fileName, line, section, token: name });
      return -1;
    }
    return k;
  };

  const polIdx = new Map(inp.pollutants.map((p, i) => [p.name.toUpperCase(), i] as const));
  const mcfOf = (units: number): number => (units === CONC_MG ? uf.mass : units === CONC_UG ? uf.mass / 1000 : 1);

  // ---- external pollutant inflows, grouped by node
  const extByNode = new Map<number, Model['inflows']>();
  for (const e of model.inflows) {
    if (e.constituent.toUpperCase() === 'FLOW') continue;
    const node = nodeIdx.get(e.node.toUpperCase());
    const p = polIdx.get(e.constituent.toUpperCase());
    if (node === undefined || p === undefined) {
      errors.push({ code: 209, message: `undefined object ${node === undefined ? e.node : e.constituent}: a node and a pollutant expected`, file: fileName, line: e.line, section: '[INFLOWS]', token: node === undefined ? e.node : e.constituent });
      continue;
    }
    const list = extByNode.get(node) ?? [];
    list.push(e);
    extByNode.set(node, list);
  }
  const extNodes = [...extByNode.keys()].sort((a, b) => a - b);
  const nExtPol = extNodes.reduce((s, n) => s + extByNode.get(n)!.length, 0);
  const extPolStart = new Int32Array(extNodes.length + 1);
  const extPol = new Int32Array(nExtPol);
  const extIsConcen = new Uint8Array(nExtPol);
  const extCf = f64(nExtPol);
  const extSeries = new Int32Array(nExtPol).fill(-1);
  const extSFactor = f64(nExtPol);
  const extBaseline = f64(nExtPol);
  const extPattern = new Int32Array(nExtPol).fill(-1);
  const extFlowEntry = new Int32Array(extNodes.length).fill(-1);
  let e = 0;
  extNodes.forEach((node, n) => {
    extPolStart[n] = e;
    if (inflows) extFlowEntry[n] = inflows.extNode.indexOf(node);
    for (const x of extByNode.get(node)!) {
      extPol[e] = polIdx.get(x.constituent.toUpperCase())!;
      extIsConcen[e] = x.type === 'MASS' ? 0 : 1;
      extCf[e] = x.type === 'MASS' ? x.mFactor / L_PER_FT3 : 1;
      if (x.series) {
        const s = seriesIdx.get(x.series.toUpperCase());
        if (s === undefined) errors.push({ code: 209, message: `undefined object ${x.series}: a time series name expected`, file: fileName, line: x.line, section: '[INFLOWS]', token: x.series });
        else extSeries[e] = s;
      }
      extSFactor[e] = x.sFactor;
      extBaseline[e] = x.baseline;
      extPattern[e] = findPattern(x.baselinePattern, x.line, '[INFLOWS]');
      e++;
    }
  });
  extPolStart[extNodes.length] = e;

  // ---- DWF pollutant lines, grouped by the node's DWF FLOW entry (others never load: no flow)
  const nDwf = inflows?.nDwf ?? 0;
  const dwfLists: Model['dwf'][] = Array.from({ length: nDwf }, () => []);
  for (const d of model.dwf) {
    if (d.constituent.toUpperCase() === 'FLOW') continue;
    const node = nodeIdx.get(d.node.toUpperCase());
    const p = polIdx.get(d.constituent.toUpperCase());
    if (node === undefined || p === undefined) {
      errors.push({ code: 209, message: `undefined object ${node === undefined ? d.node : d.constituent}: a node and a pollutant expected`, file: fileName, line: d.line, section: '[DWF]', token: node === undefined ? d.node : d.constituent });
      continue;
    }
    const k = inflows ? Array.prototype.indexOf.call(inflows.dwfNode, node) : -1;
    if (k >= 0) dwfLists[k]!.push(d);
  }
  const nDwfPol = dwfLists.reduce((s, l) => s + l.length, 0);
  const dwfPolStart = new Int32Array(nDwf + 1);
  const dwfPol = new Int32Array(nDwfPol);
  const dwfAvg = f64(nDwfPol);
  const dwfPat = new Int32Array(4 * nDwfPol).fill(-1);
  e = 0;
  dwfLists.forEach((list, k) => {
    dwfPolStart[k] = e;
    for (const d of list) {
      dwfPol[e] = polIdx.get(d.constituent.toUpperCase())!;
      dwfAvg[e] = d.average;
      // Patterns go to the slot of their type (monthly, daily, hourly, weekend), as SWMM sorts them.
      for (const name of d.patterns) {
        const pi = findPattern(name, d.line, '[DWF]');
        if (pi >= 0) dwfPat[4 * e + patType[pi]!] = pi;
      }
      e++;
    }
  });
  dwfPolStart[nDwf] = e;

  // ---- treatment
  const tr = buildTreatment(inp.treatments, nN, inp.pollutants.map((p) => p.name), fileName);
  errors.push(...tr.errors);

  const subIdx = new Map<string, number>();
  model.subcatchments.forEach((s, j) => {
    if (!subIdx.has(s.name.toUpperCase())) subIdx.set(s.name.toUpperCase(), j);
  });

  const q: QualityState = {
    uf, startDateTime: model.options.startDateTime,
    nP, nLu, nS, nN, nK, nOut,
    names: inp.pollutants.map((p) => p.name),
    concUnits: Int8Array.from(inp.pollutants.map((p) => p.units)),
    mcf: Float64Array.from(inp.pollutants.map((p) => mcfOf(p.units))),
    cRain: Float64Array.from(inp.pollutants.map((p) => p.cRain)),
    cGw: Float64Array.from(inp.pollutants.map((p) => p.cGw)),
    cRdii: Float64Array.from(inp.pollutants.map((p) => p.cRdii)),
    kDecay: Float64Array.from(inp.pollutants.map((p) => p.kDecayPerDay / 86400)),
    cDwf: Float64Array.from(inp.pollutants.map((p) => p.cDwf)),
    cInit: Float64Array.from(inp.pollutants.map((p) => p.cInit)),
    snowOnly: Uint8Array.from(inp.pollutants.map((p) => (p.snowOnly ? 1 : 0))),
    coPollut: Int32Array.from(inp.pollutants.map((p) => p.coPollutant)),
    coFrac: Float64Array.from(inp.pollutants.map((p) => p.coFraction)),
    luSweepInterval: Float64Array.from(inp.landuses.map((l) => l.sweepIntervalDays)),
    luAvailability: Float64Array.from(inp.landuses.map((l) => l.availability)),
    luSweepDays0: Float64Array.from(inp.landuses.map((l) => l.lastSweptDays)),
    buFunc: new Int8Array(nLu * nP), buC1: f64(nLu * nP), buC2: f64(nLu * nP), buC3: f64(nLu * nP), buMaxDays: f64(nLu * nP),
    buPerCurb: new Uint8Array(nLu * nP), buSeries: new Int32Array(nLu * nP).fill(-1),
    woFunc: new Int8Array(nLu * nP), woCoeff: f64(nLu * nP), woExpon: f64(nLu * nP), woSweep: f64(nLu * nP), woBmp: f64(nLu * nP),
    series, seriesCursor: new Int32Array(series.length),
    landFrac: f64(nS * nLu), curb: Float64Array.from(model.subcatchments.map((s) => s.curbLength)), initLoading: f64(nS * nP),
    buildup: f64(nS * nLu * nP), lastSwept: f64(nS * nLu), avgBmp: f64(nS * nP), pondedQual: f64(nS * nP),
    oldQual: f64(nS * nP), newQual: f64(nS * nP), totalLoad: f64(nS * nP), runonW: f64(nS * nP), runonRate: f64(nS),
    depthStart: f64(nS), outflowLoad: f64(nP), lidPrevInfil: f64(lids?.nUnits ?? 0), loadTotals: f64(nP * LT_N),
    nodeOldQual: f64(nN * nP), nodeNewQual: f64(nN * nP), linkOldQual: f64(nK * nP), linkNewQual: f64(nK * nP),
    linkTotalLoad: f64(nK * nP), storageHrt: f64(nStorage), outfallLoad: f64(nOut * nP),
    outfallTarget: Int32Array.from(net?.outfallRouteTo ?? [], (name) => (name ? subIdx.get(name.toUpperCase()) ?? -1 : -1)),
    outfallVRouted: f64(nOut), outfallWRouted: f64(nOut * nP),
    qualTotals: f64(nP * QT_N), stepQual: f64(nP * QT_N), initStoredMass: f64(nP),
    extNode: Int32Array.from(extNodes), extFlowEntry, extPolStart, extPol, extIsConcen, extCf, extSeries, extSFactor, extBaseline, extPattern,
    dwfPolStart, dwfPol, dwfAvg, dwfPat, patType, patFactor,
    treat: tr.state,
    calDay: NaN, calMonth: 0, calDayOfYear: 0, routingSteps: 0,
  };

  // ---- buildup and washoff functions (coefficients to SWMM's internal form)
  for (const b of inp.buildup) {
    const i = b.landuse * nP + b.pollutant;
    q.buFunc[i] = b.func;
    q.buC1[i] = b.c1;
    q.buC2[i] = b.c2;
    q.buC3[i] = b.c3;
    q.buPerCurb[i] = b.perCurb ? 1 : 0;
    if (b.func === BUILDUP_EXT && b.series) q.buSeries[i] = seriesIdx.get(b.series.toUpperCase()) ?? -1;
    q.buMaxDays[i] = buildupMaxDays(b.func, b.c1, b.c2, b.c3);
  }
  for (const w of inp.washoff) {
    const i = w.landuse * nP + w.pollutant;
    q.woFunc[i] = w.func;
    let c = w.c1;
    if (w.func === WASHOFF_EXP) c /= 3600;
    else if (w.func === WASHOFF_RC) c *= Math.pow(uf.flow, w.c2);
    else if (w.func === WASHOFF_EMC) c *= L_PER_FT3;
    q.woCoeff[i] = c;
    q.woExpon[i] = w.c2;
    q.woSweep[i] = w.sweepRemovalPct / 100;
    q.woBmp[i] = w.bmpRemovalPct / 100;
  }
  for (let j = 0; j < nS; j++) {
    for (let lu = 0; lu < nLu; lu++) q.landFrac[j * nLu + lu] = inp.coverage[j]![lu]!;
    for (let p = 0; p < nP; p++) {
      q.initLoading[j * nP + p] = inp.loading[j]![p]!;
      let r = 0;
      for (let lu = 0; lu < nLu; lu++) r += q.landFrac[j * nLu + lu]! * q.woBmp[lu * nP + p]!;
      q.avgBmp[j * nP + p] = r;
    }
  }

  // ---- initial state: buildup over the antecedent dry period, wet nodes/links at Cinit
  if (ro) surfaceInitState(q, ro, model.options.dryDays);
  if (net) {
    for (let i = 0; i < nN; i++) {
      const wet = net.nodeNewDepth[i]! > ZERO_DEPTH_FT;
      for (let p = 0; p < nP; p++) q.nodeOldQual[i * nP + p] = q.nodeNewQual[i * nP + p] = wet ? q.cInit[p]! : 0;
    }
    for (let j = 0; j < nK; j++) {
      const wet = net.linkNewDepth[j]! > ZERO_DEPTH_FT;
      for (let p = 0; p < nP; p++) q.linkOldQual[j * nP + p] = q.linkNewQual[j * nP + p] = wet ? q.cInit[p]! : 0;
    }
    for (let p = 0; p < nP; p++) q.initStoredMass[p] = storedMass(q, net, p);
  }
  for (let p = 0; p < nP; p++) q.loadTotals[p * LT_N + LT_INIT] = surfaceMass(q, p);
  return { state: q, errors, warnings };
}

/** Buildup plus ponded mass on all subcatchments (lb, kg or counts). */
function surfaceMass(q: QualityState, p: number): number {
  const { nP, nLu } = q;
  let m = 0;
  for (let j = 0; j < q.nS; j++) {
    for (let lu = 0; lu < nLu; lu++) m += q.buildup[(j * nLu + lu) * nP + p]!;
    m += q.pondedQual[j * nP + p]! * q.mcf[p]!;
  }
  return m;
}

/**
 * Quality part of the runoff step just computed (§2.3 item 10): buildup, sweeping, washoff.
 * @param oldStepS length of the step before it (0 on the first step)
 */
export function qualityAfterRunoffStep(
  q: QualityState, ro: RunoffState, lids: LidState | null, oldStepS: number, oldRunoffMs: number, newRunoffMs: number,
  sweepStartDay: number, sweepEndDay: number,
): void {
  surfaceStep(q, ro, lids, oldStepS, oldRunoffMs, newRunoffMs, sweepStartDay, sweepEndDay);
}

// ---------------------------------------------------------------- report data (user units)

/** SWMM's LOG10 for count totals: log10 of positive values, others unchanged. */
function log10Count(x: number): number {
  return x > 0 ? Math.log10(x) : x;
}

/** Continuity error with SWMM's dead band (1e-6 prints as 0.000). */
function pctError(tin: number, tout: number, deadBand: number): number {
  if (Math.abs(tin - tout) < deadBand) return 1e-6;
  if (tin > 0) return 100 * (1 - tout / tin);
  if (tout > 0) return 100 * (tin / tout - 1);
  return 0;
}

export interface QualityReportData {
  pollutants: { name: string; concUnits: (typeof CONC_UNITS_NAMES)[number] }[];
  runoffQualityContinuity: {
    initialBuildup: number[]; surfaceBuildup: number[]; wetDeposition: number[]; sweepingRemoval: number[];
    infiltrationLoss: number[]; bmpRemoval: number[]; surfaceRunoff: number[]; remainingBuildup: number[];
    continuityErrorPct: number[];
  } | null;
  /** SWMM prints the runoff quality table when [REPORT] CONTINUITY is on or this exceeds 10 %. */
  runoffQualityMaxErrorPct: number;
  qualityRoutingContinuity: {
    dryWeatherInflow: number[]; wetWeatherInflow: number[]; groundwaterInflow: number[]; rdiiInflow: number[];
    externalInflow: number[]; externalOutflow: number[]; floodingLoss: number[]; exfiltrationLoss: number[];
    massReacted: number[]; initialStoredMass: number[]; finalStoredMass: number[]; continuityErrorPct: number[];
  } | null;
  qualityRoutingMaxErrorPct: number;
  /** Subcatchment Washoff Summary rows (every subcatchment) and System row. */
  subcatchWashoff: { rows: { id: string; loads: number[] }[]; system: number[] } | null;
  /** Loads of each outfall (outfall index order) and their system totals. */
  outfallLoads: { loads: number[][]; system: number[] } | null;
  linkPollutantLoad: { id: string; loads: number[] }[] | null;
}

/**
 * The quality tables of the report, in user units (lb/kg, or log10 counts). Call once at the
 * end of the run: it closes the continuity totals with the final stored masses.
 */
export function qualityReportData(q: QualityState, ro: RunoffState | null, net: Network | null, subcatchNames: readonly string[]): QualityReportData {
  const nP = q.nP;
  const isCount = (p: number): boolean => q.concUnits[p] === CONC_COUNT;
  const res: QualityReportData = {
    pollutants: q.names.map((name, p) => ({ name, concUnits: CONC_UNITS_NAMES[q.concUnits[p]!]! })),
    runoffQualityContinuity: null, runoffQualityMaxErrorPct: 0,
    qualityRoutingContinuity: null, qualityRoutingMaxErrorPct: 0,
    subcatchWashoff: null, outfallLoads: null, linkPollutantLoad: null,
  };

  if (ro && ro.n > 0) {
    const LT = q.loadTotals;
    const t = {
      initialBuildup: [] as number[], surfaceBuildup: [] as number[], wetDeposition: [] as number[], sweepingRemoval: [] as number[],
      infiltrationLoss: [] as number[], bmpRemoval: [] as number[], surfaceRunoff: [] as number[], remainingBuildup: [] as number[],
      continuityErrorPct: [] as number[],
    };
    let maxErr = 0;
    for (let p = 0; p < nP; p++) {
      const g = (k: number): number => LT[p * LT_N + k]!;
      const final = g(LT_FINAL) + surfaceMass(q, p);
      const tin = g(LT_INIT) + g(LT_BUILDUP) + g(LT_DEPOSITION);
      const tout = g(LT_SWEEPING) + g(LT_INFIL) + g(LT_BMP) + g(LT_RUNOFF) + final;
      const err = pctError(tin, tout, 0.001);
      maxErr = Math.max(maxErr, err);
      const v = (x: number): number => (isCount(p) ? log10Count(x) : x);
      t.initialBuildup.push(v(g(LT_INIT)));
      t.surfaceBuildup.push(v(g(LT_BUILDUP)));
      t.wetDeposition.push(v(g(LT_DEPOSITION)));
      t.sweepingRemoval.push(v(g(LT_SWEEPING)));
      t.infiltrationLoss.push(v(g(LT_INFIL)));
      t.bmpRemoval.push(v(g(LT_BMP)));
      t.surfaceRunoff.push(v(g(LT_RUNOFF)));
      t.remainingBuildup.push(v(final));
      t.continuityErrorPct.push(err);
    }
    res.runoffQualityContinuity = t;
    res.runoffQualityMaxErrorPct = maxErr;

    const rows: { id: string; loads: number[] }[] = [];
    const system = new Array<number>(nP).fill(0);
    for (let j = 0; j < ro.n; j++) {
      const loads: number[] = [];
      for (let p = 0; p < nP; p++) {
        const x = q.totalLoad[j * nP + p]!;
        system[p] = system[p]! + x;
        loads.push(isCount(p) ? log10Count(x) : x);
      }
      rows.push({ id: subcatchNames[j] ?? '', loads });
    }
    res.subcatchWashoff = { rows, system: system.map((x, p) => (isCount(p) ? log10Count(x) : x)) };
  }

  if (net) {
    const T = q.qualTotals;
    const t = {
      dryWeatherInflow: [] as number[], wetWeatherInflow: [] as number[], groundwaterInflow: [] as number[], rdiiInflow: [] as number[],
      externalInflow: [] as number[], externalOutflow: [] as number[], floodingLoss: [] as number[], exfiltrationLoss: [] as number[],
      massReacted: [] as number[], initialStoredMass: [] as number[], finalStoredMass: [] as number[], continuityErrorPct: [] as number[],
    };
    let maxErr = 0;
    for (let p = 0; p < nP; p++) {
      const g = (k: number): number => T[p * QT_N + k]!;
      const final = g(QT_FINAL) + storedMass(q, net, p);
      const init = q.initStoredMass[p]!;
      const tin = g(QT_DW) + g(QT_WW) + g(QT_GW) + g(QT_II) + g(QT_EX) + init;
      const tout = g(QT_FLOOD) + g(QT_OUT) + g(QT_REACTED) + g(QT_SEEP) + final;
      const err = pctError(tin, tout, 0.001);
      if (Math.abs(err) > Math.abs(maxErr)) maxErr = err;
      const cf = L_PER_FT3 * q.mcf[p]!;
      const v = (x: number): number => (isCount(p) ? log10Count(L_PER_FT3 * x) : x * cf);
      t.dryWeatherInflow.push(v(g(QT_DW)));
      t.wetWeatherInflow.push(v(g(QT_WW)));
      t.groundwaterInflow.push(v(g(QT_GW)));
      t.rdiiInflow.push(v(g(QT_II)));
      t.externalInflow.push(v(g(QT_EX)));
      t.externalOutflow.push(v(g(QT_OUT)));
      t.floodingLoss.push(v(g(QT_FLOOD)));
      t.exfiltrationLoss.push(v(g(QT_SEEP)));
      t.massReacted.push(v(g(QT_REACTED)));
      t.initialStoredMass.push(v(init));
      t.finalStoredMass.push(v(final));
      t.continuityErrorPct.push(err);
    }
    res.qualityRoutingContinuity = t;
    res.qualityRoutingMaxErrorPct = maxErr;

    const loads: number[][] = [];
    const system = new Array<number>(nP).fill(0);
    for (let o = 0; o < q.nOut; o++) {
      const row: number[] = [];
      for (let p = 0; p < nP; p++) {
        const x = q.outfallLoad[o * nP + p]! * L_PER_FT3 * q.mcf[p]!;
        system[p] = system[p]! + x;
        row.push(isCount(p) ? log10Count(x) : x);
      }
      loads.push(row);
    }
    res.outfallLoads = { loads, system: system.map((x, p) => (isCount(p) ? log10Count(x) : x)) };
    res.linkPollutantLoad = net.linkNames.map((id, k) => ({
      id,
      loads: Array.from({ length: nP }, (_, p) => {
        const x = q.linkTotalLoad[k * nP + p]! * L_PER_FT3 * q.mcf[p]!;
        return isCount(p) ? log10Count(x) : x;
      }),
    }));
  }
  return res;
}
