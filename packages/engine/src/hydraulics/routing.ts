// One flow-routing time step over the network (digest §2.4) with its flow-routing mass
// balance (§10.3, trapezoidal integration), node/link statistics for the summary tables
// (§10.5) and report values interpolated to a reporting time (§2.6, §11.5).
//
// How a main loop drives it, per routing step of dtS seconds:
//   routingBeginStep(r, dtS)              half-step mass balance with the previous rates,
//                                          pump start/stop targets, lateral inflows reset
//   [controls]  r.net.linkTargetSetting[j] = …   (optional)
//   addExternalInflows / addDryWeatherInflows (inflows.ts) at the step-start date
//   routingAddLateralInflow(r, node, q, LAT_WET | LAT_GW | LAT_RDII | …)
//   routingExecuteStep(r, dtS)             settings, storage losses, KW/SF routing, system
//                                          outflows, half-step mass balance, statistics
//   if r.newTimeMs ≥ reportTime: routingReportValues(r, reportTimeMs, nodeVals, linkVals)
// and once at the end: routingFinish(r) → continuity totals.
import type { EngineError } from '../api.js';
import type { Network } from './network.js';
import {
  ROUTE_DYNWAVE, ROUTE_STEADY, NODE_OUTFALL, NODE_STORAGE, LINK_CONDUIT, LINK_PUMP, LINK_ORIFICE, LINK_WEIR, LINK_OUTLET, FLOW_DN_DRY,
  FLOW_UP_DRY, FULL_ALL, FULL_UP, FULL_DN, networkError,
} from './network.js';
import { storageLosses, createStorageGreenAmpt, type ExfilGreenAmpt } from './nodes.js';
import { pumpSetTargetFromDepths, orificeSetSetting, weirSetSetting } from './structures.js';
import { treeRouteExecute, type LossInputs, type SweepResult } from './kinwave.js';
import { dynwaveExecute, dynwaveUpdateStats, type DynwaveState } from './dynwave.js';
import { xsectAreaOfDepth, XS_DUMMY, XS_IRREGULAR } from './xsect.js';
import { dateOfElapsedMs } from '../time/datetime.js';
import { FUDGE, MIN_RUNOFF_FLOW_CFS, KW_PER_HP } from '../model/units.js';

// ---- lateral inflow kinds (mass balance categories)
export const LAT_DWF = 0;
export const LAT_WET = 1;
export const LAT_GW = 2;
export const LAT_RDII = 3;
export const LAT_EXTERNAL = 4;

// ---- indexes into the flow totals arrays (rates in cfs per step, volumes in ft³ in totals)
export const MB_DW_INFLOW = 0;
export const MB_WW_INFLOW = 1;
export const MB_GW_INFLOW = 2;
export const MB_II_INFLOW = 3;
export const MB_EX_INFLOW = 4;
export const MB_FLOODING = 5;
export const MB_OUTFLOW = 6;
export const MB_EVAP_LOSS = 7;
export const MB_SEEP_LOSS = 8;
const MB_N = 9;

/** Report value layout: node variables per node, link variables per link (user units). */
export const NODE_DEPTH = 0;
export const NODE_HEAD = 1;
export const NODE_VOLUME = 2;
export const NODE_LATFLOW = 3;
export const NODE_INFLOW = 4;
export const NODE_OVERFLOW = 5;
export const NODE_VARS = 6;
export const LINK_FLOW = 0;
export const LINK_DEPTH = 1;
export const LINK_VELOCITY = 2;
export const LINK_VOLUME = 3;
export const LINK_CAPACITY = 4;
export const LINK_VARS = 5;
/** System values written by routingReportValues into r.sysReport (user units). */
export const SYS_FLOODING = 0;
export const SYS_OUTFLOW = 1;
export const SYS_DWFLOW = 2;
export const SYS_GWFLOW = 3;
export const SYS_IIFLOW = 4;
export const SYS_EXFLOW = 5;
export const SYS_STORAGE = 6;

/** Node and link statistics (internal units; dates are SWMM date-times of step ends). */
export interface RoutingStats {
  /** Routing steps counted (ending at/after the report start). */
  steps: number;
  /** Seconds of routing covered by those steps. */
  timeS: number;
  minStepS: number;
  maxStepS: number;
  steadyStateSteps: number;
  iterationsSum: number;
  nonConvergingSteps: number;
  maxOutfallFlowCfs: number;
  // ---- nodes
  readonly nodeDepthSum: Float64Array;
  readonly nodeMaxDepth: Float64Array;
  readonly nodeMaxDepthDate: Float64Array;
  /** Max of the depths written at reporting times (user units, as written). */
  readonly nodeMaxRptDepth: Float64Array;
  readonly nodeTimeFloodedS: Float64Array;
  readonly nodeVolFloodedFt3: Float64Array;
  readonly nodeMaxPondedVolFt3: Float64Array;
  readonly nodeMaxOverflow: Float64Array;
  readonly nodeMaxOverflowDate: Float64Array;
  readonly nodeLatFlowVolFt3: Float64Array;
  /** Signed lateral inflow of largest magnitude. */
  readonly nodeMaxLatFlow: Float64Array;
  readonly nodeMaxInflow: Float64Array;
  readonly nodeMaxInflowDate: Float64Array;
  readonly nodeTimeSurchargedS: Float64Array;
  readonly nodeMaxSurchargeFt: Float64Array;
  // ---- storage units (by storage index)
  readonly storageVolSum: Float64Array;
  readonly storageEvapLossFt3: Float64Array;
  readonly storageExfilLossFt3: Float64Array;
  readonly storageMaxVol: Float64Array;
  readonly storageMaxVolDate: Float64Array;
  readonly storageMaxFlow: Float64Array;
  // ---- outfalls (by outfall index)
  readonly outfallFlowSum: Float64Array;
  readonly outfallMaxFlow: Float64Array;
  readonly outfallPeriods: Float64Array;
  // ---- links
  readonly linkMaxFlow: Float64Array;
  readonly linkMaxFlowDate: Float64Array;
  readonly linkMaxVeloc: Float64Array;
  readonly linkMaxDepth: Float64Array;
  readonly linkTimeFullFlowS: Float64Array;
  readonly linkTimeCapacityLimitedS: Float64Array;
  readonly linkTimeSurchargedS: Float64Array;
  readonly linkTimeFullUpS: Float64Array;
  readonly linkTimeFullDnS: Float64Array;
  readonly linkFlowTurns: Float64Array;
  readonly linkFlowTurnSign: Int8Array;
  readonly linkTimeNormalFlowS: Float64Array;
  readonly linkTimeInletControlS: Float64Array;
  /** 7 flow-class step counts per link (DW). */
  readonly linkFlowClassSteps: Float64Array;
  // ---- pumps (by pump index)
  readonly pumpUtilizedS: Float64Array;
  readonly pumpMinFlow: Float64Array;
  readonly pumpFlowSum: Float64Array;
  readonly pumpMaxFlow: Float64Array;
  readonly pumpVolumeFt3: Float64Array;
  readonly pumpEnergyKwh: Float64Array;
  readonly pumpOffCurveLowS: Float64Array;
  readonly pumpOffCurveHighS: Float64Array;
  readonly pumpStartUps: Float64Array;
  readonly pumpPeriods: Float64Array;
}

export interface Routing {
  readonly net: Network;
  /** Climate terms for losses; set by the caller before each step. */
  readonly loss: LossInputs;
  /** Green-Ampt soils for storage seepage with an initial moisture deficit (null if none). */
  exfilGreenAmpt: ExfilGreenAmpt | null;
  /** Report start (date-time): statistics count only steps ending at/after it. */
  readonly reportStartDate: number;
  oldTimeMs: number;
  newTimeMs: number;
  /** Steps routed. */
  stepCount: number;
  /** This step's rates (cfs) per MB_* category. */
  readonly stepTotals: Float64Array;
  /** Accumulated volumes (ft³) per MB_* category. */
  readonly totals: Float64Array;
  initStorageFt3: number;
  finalStorageFt3: number;
  finished: boolean;
  /** Per node: initial volume + ∫ total inflow (ft³). */
  readonly nodeInflowVolFt3: Float64Array;
  /** Per node: ∫ outflow (+ overflow while not ponded) (+ final volume after routingFinish) (ft³). */
  readonly nodeOutflowVolFt3: Float64Array;
  /** Volume discharged by each outfall since the runoff side last read it (RouteTo; ft³). */
  readonly outfallRoutedFt3: Float64Array;
  readonly stats: RoutingStats;
  /** System report values (SYS_*), filled by routingReportValues. */
  readonly sysReport: Float64Array;
  readonly sweep: SweepResult;
  /** Number of link settings changed at the start of the last step. */
  actionCount: number;
  /**
   * SKIP_STEADY_STATE: a step is not routed (state kept) when it is not the first, no
   * setting changed, the previous step's system flow imbalance ≤ sysFlowTol and no node's
   * lateral inflow (nor outfall/terminal inflow) changed by more than latFlowTol (fractions).
   */
  skipSteadyState: boolean;
  sysFlowTol: number;
  latFlowTol: number;
  /** Previous step's relative system flow imbalance. */
  stepFlowError: number;
  /** True when the last step was skipped as steady. */
  inSteadyState: boolean;
  /**
   * [EVENTS]: the step falls between routing events — set by the caller before
   * routingExecuteStep; nothing is routed and the network state stays as it is.
   */
  betweenEvents: boolean;
  /** Set when a step could not be solved (SWMM error 103). */
  error: EngineError | null;
  /** Dynamic wave state (from createDynwave, dynwave.ts); null under KW/SF. */
  readonly dw: DynwaveState | null;
  /**
   * Nodes that receive street-inlet capture (inlet.ts), or null: their overflow goes back to
   * the street as inlet backflow, so it is taken out of the system flooding loss.
   */
  inletCaptureNodes: Uint8Array | null;
}

/** Create the routing state for a built network. */
export function createRouting(net: Network, reportStartDate: number, dw: DynwaveState | null = null): Routing {
  const nN = net.nNodes;
  const nL = net.nLinks;
  const f = (n: number): Float64Array => new Float64Array(n);
  const stats: RoutingStats = {
    steps: 0, timeS: 0, minStepS: Infinity, maxStepS: 0, steadyStateSteps: 0, iterationsSum: 0, nonConvergingSteps: 0,
    maxOutfallFlowCfs: 0,
    nodeDepthSum: f(nN), nodeMaxDepth: f(nN), nodeMaxDepthDate: f(nN).fill(reportStartDate), nodeMaxRptDepth: f(nN),
    nodeTimeFloodedS: f(nN), nodeVolFloodedFt3: f(nN), nodeMaxPondedVolFt3: f(nN), nodeMaxOverflow: f(nN),
    nodeMaxOverflowDate: f(nN).fill(reportStartDate), nodeLatFlowVolFt3: f(nN), nodeMaxLatFlow: f(nN),
    nodeMaxInflow: f(nN), nodeMaxInflowDate: f(nN).fill(reportStartDate), nodeTimeSurchargedS: f(nN),
    nodeMaxSurchargeFt: f(nN),
    storageVolSum: f(net.nStorage), storageEvapLossFt3: f(net.nStorage), storageExfilLossFt3: f(net.nStorage),
    storageMaxVol: f(net.nStorage), storageMaxVolDate: f(net.nStorage).fill(reportStartDate), storageMaxFlow: f(net.nStorage),
    outfallFlowSum: f(net.nOutfalls), outfallMaxFlow: f(net.nOutfalls), outfallPeriods: f(net.nOutfalls),
    linkMaxFlow: f(nL), linkMaxFlowDate: f(nL).fill(reportStartDate), linkMaxVeloc: f(nL), linkMaxDepth: f(nL),
    linkTimeFullFlowS: f(nL), linkTimeCapacityLimitedS: f(nL), linkTimeSurchargedS: f(nL), linkTimeFullUpS: f(nL),
    linkTimeFullDnS: f(nL), linkFlowTurns: f(nL), linkFlowTurnSign: new Int8Array(nL), linkTimeNormalFlowS: f(nL),
    linkTimeInletControlS: f(nL), linkFlowClassSteps: f(7 * nL),
    pumpUtilizedS: f(net.nPumps), pumpMinFlow: f(net.nPumps), pumpFlowSum: f(net.nPumps), pumpMaxFlow: f(net.nPumps),
    pumpVolumeFt3: f(net.nPumps), pumpEnergyKwh: f(net.nPumps), pumpOffCurveLowS: f(net.nPumps),
    pumpOffCurveHighS: f(net.nPumps), pumpStartUps: f(net.nPumps), pumpPeriods: f(net.nPumps),
  };
  const r: Routing = {
    net, loss: { evapRateFtS: 0, hydconFactor: 1 }, exfilGreenAmpt: createStorageGreenAmpt(net), reportStartDate,
    oldTimeMs: 0, newTimeMs: 0, stepCount: 0,
    stepTotals: f(MB_N), totals: f(MB_N), initStorageFt3: 0, finalStorageFt3: 0, finished: false,
    nodeInflowVolFt3: f(nN), nodeOutflowVolFt3: f(nN), outfallRoutedFt3: f(net.nOutfalls),
    stats, sysReport: f(7), sweep: { failedLink: -1, iterations: 0 }, actionCount: 0, error: null, dw,
    skipSteadyState: false, sysFlowTol: 0.05, latFlowTol: 0.05, stepFlowError: 0, inSteadyState: false, betweenEvents: false,
    inletCaptureNodes: null,
  };
  // Initial stored volume; each node's inflow total starts with its own initial volume.
  r.initStorageFt3 = systemStorage(r, false);
  for (let i = 0; i < nN; i++) r.nodeInflowVolFt3[i] = net.nodeNewVolume[i]!;
  return r;
}

/** Volume stored in nodes and links (links excluded under steady flow). */
function systemStorage(r: Routing, isFinal: boolean): number {
  const net = r.net;
  let total = 0;
  if (net.nLinks === 0) return 0;
  for (let i = 0; i < net.nNodes; i++) {
    const v = net.nodeNewVolume[i]!;
    if (isFinal) r.nodeOutflowVolFt3[i] = r.nodeOutflowVolFt3[i]! + v;
    total += v;
  }
  if (net.routeModel !== ROUTE_STEADY) for (let j = 0; j < net.nLinks; j++) total += net.linkNewVolume[j]!;
  return total;
}

/** Add one lateral inflow (cfs) of a kind to node j (and to the step's mass balance). */
export function routingAddLateralInflow(r: Routing, j: number, q: number, kind: number): void {
  const net = r.net;
  net.nodeNewLatFlow[j] = net.nodeNewLatFlow[j]! + q;
  const st = r.stepTotals;
  if (kind === LAT_WET) st[MB_WW_INFLOW] = st[MB_WW_INFLOW]! + q;
  else {
    const idx = kind === LAT_DWF ? MB_DW_INFLOW : kind === LAT_GW ? MB_GW_INFLOW : kind === LAT_RDII ? MB_II_INFLOW : MB_EX_INFLOW;
    // Negative inflows (withdrawals) count as outflow from the system; groundwater keeps its
    // sign (flow from a node into its aquifer lowers the groundwater inflow total, as in SWMM).
    if (q >= 0 || kind === LAT_GW) st[idx] = st[idx]! + q;
    else st[MB_OUTFLOW] = st[MB_OUTFLOW]! - q;
  }
}

/** Half-step trapezoidal update of the flow totals and the per-node inflow/outflow volumes. */
function massBalanceHalfStep(r: Routing, dt: number): void {
  const net = r.net;
  for (let m = 0; m < MB_N; m++) r.totals[m] = r.totals[m]! + r.stepTotals[m]! * dt;
  for (let i = 0; i < net.nNodes; i++) {
    const inflow = net.nodeInflow[i]!;
    r.nodeInflowVolFt3[i] = r.nodeInflowVolFt3[i]! + inflow * dt;
    const t = net.nodeType[i];
    if (t === NODE_OUTFALL || (net.nodeDegree[i] === 0 && t !== NODE_STORAGE)) {
      r.nodeOutflowVolFt3[i] = r.nodeOutflowVolFt3[i]! + inflow * dt;
    } else {
      let out = net.nodeOutflow[i]! * dt;
      if (net.nodeNewVolume[i]! <= net.nodeFullVolumeFt3[i]!) out += net.nodeOverflow[i]! * dt;
      r.nodeOutflowVolFt3[i] = r.nodeOutflowVolFt3[i]! + out;
    }
  }
}

/**
 * Start a routing step: half-step mass balance with the previous step's rates, step totals
 * and lateral inflows reset, pump targets from start-up/shut-off depths. Control rules may
 * then change net.linkTargetSetting before lateral inflows are added.
 */
export function routingBeginStep(r: Routing, dtS: number): void {
  const net = r.net;
  massBalanceHalfStep(r, dtS / 2);
  r.stepFlowError = stepFlowError(r.stepTotals);
  r.stepTotals.fill(0);
  for (let i = 0; i < net.nNodes; i++) {
    net.nodeOldLatFlow[i] = net.nodeNewLatFlow[i]!;
    net.nodeNewLatFlow[i] = 0;
  }
  for (let k = 0; k < net.nPumps; k++) pumpSetTargetFromDepths(net, net.pumpLink[k]!);
}

/** Apply target settings that differ from the current ones (orifices move at their close rate). */
function applySettings(r: Routing, dtS: number, date: number): void {
  const net = r.net;
  let n = 0;
  for (let j = 0; j < net.nLinks; j++) {
    const target = net.linkTargetSetting[j]!;
    const s = net.linkSetting[j]!;
    if (target === s) continue;
    if (target * s === 0) net.linkTimeLastSet[j] = date;
    const t = net.linkType[j];
    if (t === LINK_ORIFICE) orificeSetSetting(net, j, dtS);
    else if (t === LINK_WEIR) weirSetSetting(net, j);
    else net.linkSetting[j] = target;
    n++;
  }
  r.actionCount = n;
}

/**
 * Route one step of dtS seconds (after routingBeginStep and the lateral inflows): apply
 * settings, compute storage losses, route flows, remove system outflows, close the mass
 * balance half-step and update statistics. Advances r.oldTimeMs / r.newTimeMs.
 */
export function routingExecuteStep(r: Routing, dtS: number): void {
  const net = r.net;
  const startDate = dateOfElapsedMs(net.startDateTime, r.newTimeMs);
  applySettings(r, dtS, startDate);
  r.oldTimeMs = r.newTimeMs;
  r.newTimeMs = r.newTimeMs + 1000 * dtS;
  r.stepCount++;

  if (r.betweenEvents) {
    // No losses, routing, outflows or statistics; the mass balance half-step still runs (SWMM).
    r.sweep.iterations = 0;
    massBalanceHalfStep(r, dtS / 2);
    return;
  }

  // Storage evaporation and seepage from the start-of-step state.
  for (let i = 0; i < net.nNodes; i++) {
    net.nodeLosses[i] = net.nodeType[i] === NODE_STORAGE
      ? storageLosses(net, i, dtS, r.loss.evapRateFtS, r.loss.hydconFactor, r.exfilGreenAmpt)
      : 0;
  }

  r.inSteadyState = r.skipSteadyState && r.oldTimeMs > 0 && r.actionCount === 0
    && Math.abs(r.stepFlowError) <= r.sysFlowTol && !inflowHasChanged(r);
  if (!r.inSteadyState) routeStep(r, dtS);
  else r.sweep.iterations = 0;

  removeLossesAndOutflows(r, dtS);
  massBalanceHalfStep(r, dtS / 2);

  const endDate = dateOfElapsedMs(net.startDateTime, r.newTimeMs);
  if (endDate >= r.reportStartDate) updateStats(r, dtS, endDate, r.sweep.iterations, r.inSteadyState ? 1 : 0);
  if (r.dw && net.nLinks > 0) {
    dynwaveUpdateStats(net, r.dw, dtS, endDate >= r.reportStartDate);
    if (!r.dw.converged && endDate >= r.reportStartDate) r.stats.nonConvergingSteps++;
  }
}

/** Relative imbalance of a step's system inflow and outflow rates. */
function stepFlowError(st: Float64Array): number {
  const tin = st[MB_DW_INFLOW]! + st[MB_WW_INFLOW]! + st[MB_GW_INFLOW]! + st[MB_II_INFLOW]! + st[MB_EX_INFLOW]!;
  const tout = st[MB_FLOODING]! + st[MB_OUTFLOW]! + st[MB_EVAP_LOSS]! + st[MB_SEEP_LOSS]!;
  if (tout > 0) return 1 - tin / tout;
  if (tin > 0) return -1;
  return 0;
}

/** Relative change of x from old to new, as SWMM measures lateral-flow changes. */
function relChange(qOld: number, qNew: number): number {
  if (Math.abs(qOld) > 1e-6) return qNew / qOld - 1;
  return Math.abs(qNew) > 1e-6 ? 1 : 0;
}

/** True when a lateral inflow (or an outfall's / terminal node's inflow) changed beyond latFlowTol. */
function inflowHasChanged(r: Routing): boolean {
  const net = r.net;
  for (let i = 0; i < net.nNodes; i++) {
    if (Math.abs(relChange(net.nodeOldLatFlow[i]!, net.nodeNewLatFlow[i]!)) > r.latFlowTol) return true;
    if (net.nodeType[i] === NODE_OUTFALL || net.nodeDegree[i] === 0) {
      if (Math.abs(relChange(net.nodeOldFlowInflow[i]!, net.nodeInflow[i]!)) > r.latFlowTol) return true;
    }
  }
  return false;
}

/** Route one (non-steady) step: old state ← new state, node inflow/outflow reset, flow routing. */
function routeStep(r: Routing, dtS: number): void {
  const net = r.net;
  // Old state ← new state; node inflow starts with the lateral inflow, outflow with losses.
  for (let j = 0; j < net.nLinks; j++) {
    net.linkOldDepth[j] = net.linkNewDepth[j]!;
    net.linkOldFlow[j] = net.linkNewFlow[j]!;
    net.linkOldVolume[j] = net.linkNewVolume[j]!;
  }
  for (let k = 0; k < net.nConduits; k++) {
    net.conduitQ1Old[k] = net.conduitQ1[k]!;
    net.conduitQ2Old[k] = net.conduitQ2[k]!;
  }
  for (let i = 0; i < net.nNodes; i++) {
    net.nodeOldDepth[i] = net.nodeNewDepth[i]!;
    net.nodeOldVolume[i] = net.nodeNewVolume[i]!;
    net.nodeOldFlowInflow[i] = net.nodeInflow[i]!;
    net.nodeOldNetInflow[i] = net.nodeInflow[i]! - net.nodeOutflow[i]!;
    net.nodeInflow[i] = net.nodeNewLatFlow[i]!;
    net.nodeOutflow[i] = net.nodeLosses[i]!;
    const vFull = net.nodeFullVolumeFt3[i]!;
    const v = net.nodeNewVolume[i]!;
    net.nodeOverflow[i] = v > vFull ? (v - vFull) / dtS : 0;
  }

  if (net.nLinks > 0) {
    if (net.routeModel === ROUTE_DYNWAVE) {
      if (!r.dw) throw new Error('dynamic wave routing needs a DynwaveState (createDynwave) passed to createRouting');
      r.sweep.iterations = dynwaveExecute(net, r.dw, dtS, r.loss, r.newTimeMs, dateOfElapsedMs(net.startDateTime, r.newTimeMs));
    } else {
      treeRouteExecute(net, dtS, r.loss, r.sweep);
      if (r.sweep.failedLink >= 0 && r.error === null) {
        const name = net.linkNames[r.sweep.failedLink]!;
        r.error = { ...networkError(103, name), message: `cannot solve KW equations for Link ${name}.` };
      }
    }
  } else r.sweep.iterations = 0;
}

/** System outflow of node i this step (cfs); negative = inflow into the system. */
function nodeSystemOutflow(net: Network, i: number): number {
  const t = net.nodeType[i];
  if (t === NODE_OUTFALL) return net.nodeInflow[i]!;
  if (net.nodeDegree[i] === 0 && net.routeModel !== ROUTE_DYNWAVE && t !== NODE_STORAGE) return net.nodeInflow[i]!;
  return net.nodeNewVolume[i]! <= net.nodeFullVolumeFt3[i]! ? net.nodeOverflow[i]! : 0;
}

function removeLossesAndOutflows(r: Routing, dtS: number): void {
  const net = r.net;
  const st = r.stepTotals;
  let evap = 0;
  let seep = 0;
  for (let k = 0; k < net.nStorage; k++) {
    evap += net.storageEvapLossFt3[k]!;
    seep += net.storageExfilLossFt3[k]!;
  }
  st[MB_EVAP_LOSS] = st[MB_EVAP_LOSS]! + evap / dtS;
  st[MB_SEEP_LOSS] = st[MB_SEEP_LOSS]! + seep / dtS;
  evap = 0;
  seep = 0;
  for (let k = 0; k < net.nConduits; k++) {
    const b = net.conduitBarrels[k]!;
    evap += net.conduitEvapLossRate[k]! * b;
    seep += net.conduitSeepLossRate[k]! * b;
  }
  st[MB_EVAP_LOSS] = st[MB_EVAP_LOSS]! + evap;
  st[MB_SEEP_LOSS] = st[MB_SEEP_LOSS]! + seep;

  for (let i = 0; i < net.nNodes; i++) {
    if (net.nodeType[i] === NODE_OUTFALL && net.nodeInflow[i]! > 0) {
      const k = net.nodeSub[i]!;
      if (net.outfallRouteTo[k] !== '') r.outfallRoutedFt3[k] = r.outfallRoutedFt3[k]! + net.nodeInflow[i]! * dtS;
    }
    const q = nodeSystemOutflow(net, i);
    if (q > 0) {
      const flooded = net.nodeType[i] !== NODE_OUTFALL && !(net.nodeDegree[i] === 0 && net.routeModel !== ROUTE_DYNWAVE && net.nodeType[i] !== NODE_STORAGE);
      if (flooded) st[MB_FLOODING] = st[MB_FLOODING]! + q;
      else st[MB_OUTFLOW] = st[MB_OUTFLOW]! + q;
    } else st[MB_EX_INFLOW] = st[MB_EX_INFLOW]! - q;
  }
  const capture = r.inletCaptureNodes;
  if (capture) {
    for (let i = 0; i < net.nNodes; i++) {
      if (capture[i] && net.nodeOverflow[i]! > 0) st[MB_FLOODING] = st[MB_FLOODING]! - net.nodeOverflow[i]!;
    }
  }
}

/** Velocity (ft/s) of link j for flow q (all barrels) at depth y; 0 when y ≤ 0.01 ft. */
export function linkVelocity(net: Network, j: number, q: number, y: number): number {
  if (y <= 0.01) return 0;
  if (net.linkType[j] !== LINK_CONDUIT) return 0;
  const xs = net.linkXsect[j];
  if (!xs || net.linkShape[j] === XS_DUMMY) return 0;
  const a = xsectAreaOfDepth(xs, y);
  return a > FUDGE ? q / net.conduitBarrels[net.linkSub[j]!]! / a : 0;
}

/** Per-step statistics (only for steps ending at/after the report start). */
function updateStats(r: Routing, dtS: number, date: number, iterations: number, steady: number): void {
  const net = r.net;
  const s = r.stats;
  const isDW = net.routeModel === ROUTE_DYNWAVE;
  let sysOutfall = 0;
  for (let i = 0; i < net.nNodes; i++) {
    const v = net.nodeNewVolume[i]!;
    const d = net.nodeNewDepth[i]!;
    const t = net.nodeType[i];
    s.nodeDepthSum[i] = s.nodeDepthSum[i]! + d;
    if (d > s.nodeMaxDepth[i]!) {
      s.nodeMaxDepth[i] = d;
      s.nodeMaxDepthDate[i] = date;
    }
    if (t !== NODE_OUTFALL) {
      const vFull = net.nodeFullVolumeFt3[i]!;
      const ov = net.nodeOverflow[i]!;
      if (v > vFull || ov > 0) {
        s.nodeTimeFloodedS[i] = s.nodeTimeFloodedS[i]! + dtS;
        s.nodeVolFloodedFt3[i] = s.nodeVolFloodedFt3[i]! + ov * dtS;
        if (net.allowPonding && net.nodePondedAreaFt2[i]! > 0) s.nodeMaxPondedVolFt3[i] = Math.max(s.nodeMaxPondedVolFt3[i]!, v - vFull);
      }
      if (isDW && (t !== NODE_STORAGE || net.nodeSurDepthFt[i]! > 0)) {
        const above = d + net.nodeInvertFt[i]! - net.nodeCrownElevFt[i]!;
        // SWMM's operation order: a node held at yCrown − FUDGE counts as surcharged.
        if (d + net.nodeInvertFt[i]! + FUDGE >= net.nodeCrownElevFt[i]!) {
          s.nodeTimeSurchargedS[i] = s.nodeTimeSurchargedS[i]! + dtS;
          s.nodeMaxSurchargeFt[i] = Math.max(s.nodeMaxSurchargeFt[i]!, above);
        }
      }
    }
    if (t === NODE_STORAGE) {
      const k = net.nodeSub[i]!;
      s.storageVolSum[k] = s.storageVolSum[k]! + v;
      s.storageEvapLossFt3[k] = s.storageEvapLossFt3[k]! + net.storageEvapLossFt3[k]!;
      s.storageExfilLossFt3[k] = s.storageExfilLossFt3[k]! + net.storageExfilLossFt3[k]!;
      const vc = Math.min(v, net.nodeFullVolumeFt3[i]!);
      if (vc > s.storageMaxVol[k]!) {
        s.storageMaxVol[k] = vc;
        s.storageMaxVolDate[k] = date;
      }
      s.storageMaxFlow[k] = Math.max(s.storageMaxFlow[k]!, net.nodeOutflow[i]!);
    }
    if (t === NODE_OUTFALL) {
      const k = net.nodeSub[i]!;
      const q = net.nodeInflow[i]!;
      if (q >= MIN_RUNOFF_FLOW_CFS) {
        s.outfallFlowSum[k] = s.outfallFlowSum[k]! + q;
        s.outfallMaxFlow[k] = Math.max(s.outfallMaxFlow[k]!, q);
        s.outfallPeriods[k] = s.outfallPeriods[k]! + 1;
      }
      sysOutfall += q;
    }
    const lat = net.nodeNewLatFlow[i]!;
    s.nodeLatFlowVolFt3[i] = s.nodeLatFlowVolFt3[i]! + (net.nodeOldLatFlow[i]! + lat) * 0.5 * dtS;
    if (Math.abs(lat) > Math.abs(s.nodeMaxLatFlow[i]!)) s.nodeMaxLatFlow[i] = lat;
    if (net.nodeInflow[i]! > s.nodeMaxInflow[i]!) {
      s.nodeMaxInflow[i] = net.nodeInflow[i]!;
      s.nodeMaxInflowDate[i] = date;
    }
    if (net.nodeOverflow[i]! > s.nodeMaxOverflow[i]!) {
      s.nodeMaxOverflow[i] = net.nodeOverflow[i]!;
      s.nodeMaxOverflowDate[i] = date;
    }
  }

  for (let j = 0; j < net.nLinks; j++) {
    const qNew = net.linkNewFlow[j]!;
    const dq = qNew - net.linkOldFlow[j]!;
    const q = Math.abs(qNew);
    if (q > s.linkMaxFlow[j]!) {
      s.linkMaxFlow[j] = q;
      s.linkMaxFlowDate[j] = date;
    }
    const v = linkVelocity(net, j, q, net.linkNewDepth[j]!);
    if (v > s.linkMaxVeloc[j]!) s.linkMaxVeloc[j] = v;
    if (net.linkNewDepth[j]! > s.linkMaxDepth[j]!) s.linkMaxDepth[j] = net.linkNewDepth[j]!;
    const t = net.linkType[j];
    if (t === LINK_PUMP) {
      const k = net.linkSub[j]!;
      if (q >= net.linkQFullCfs[j]!) s.linkTimeFullFlowS[j] = s.linkTimeFullFlowS[j]! + dtS;
      if (q > MIN_RUNOFF_FLOW_CFS) {
        s.pumpMinFlow[k] = Math.min(s.pumpMinFlow[k]!, q);
        s.pumpMaxFlow[k] = s.linkMaxFlow[j]!;
        s.pumpFlowSum[k] = s.pumpFlowSum[k]! + q;
        s.pumpVolumeFt3[k] = s.pumpVolumeFt3[k]! + q * dtS;
        s.pumpUtilizedS[k] = s.pumpUtilizedS[k]! + dtS;
        s.pumpEnergyKwh[k] = s.pumpEnergyKwh[k]! + (pumpPowerKw(net, j) * dtS) / 3600;
        if (net.linkFlowClass[j] === FLOW_DN_DRY) s.pumpOffCurveLowS[k] = s.pumpOffCurveLowS[k]! + dtS;
        if (net.linkFlowClass[j] === FLOW_UP_DRY) s.pumpOffCurveHighS[k] = s.pumpOffCurveHighS[k]! + dtS;
        if (net.linkOldFlow[j]! < MIN_RUNOFF_FLOW_CFS) s.pumpStartUps[k] = s.pumpStartUps[k]! + 1;
        s.pumpPeriods[k] = s.pumpPeriods[k]! + 1;
        s.linkTimeSurchargedS[j] = s.linkTimeSurchargedS[j]! + dtS;
        s.linkTimeFullUpS[j] = s.linkTimeFullUpS[j]! + dtS;
        s.linkTimeFullDnS[j] = s.linkTimeFullDnS[j]! + dtS;
      }
    } else if (t === LINK_CONDUIT) {
      const k = net.linkSub[j]!;
      const fc = net.linkFlowClass[j]!;
      if (isDW && fc >= 0 && fc < 7) s.linkFlowClassSteps[7 * j + fc] = s.linkFlowClassSteps[7 * j + fc]! + 1;
      if (q >= net.linkQFullCfs[j]! * net.conduitBarrels[k]!) s.linkTimeFullFlowS[j] = s.linkTimeFullFlowS[j]! + dtS;
      if (net.conduitCapacityLimited[k]) s.linkTimeCapacityLimitedS[j] = s.linkTimeCapacityLimitedS[j]! + dtS;
      switch (net.conduitFullState[k]) {
        case FULL_ALL:
          s.linkTimeSurchargedS[j] = s.linkTimeSurchargedS[j]! + dtS;
          s.linkTimeFullUpS[j] = s.linkTimeFullUpS[j]! + dtS;
          s.linkTimeFullDnS[j] = s.linkTimeFullDnS[j]! + dtS;
          break;
        case FULL_UP:
          s.linkTimeFullUpS[j] = s.linkTimeFullUpS[j]! + dtS;
          break;
        case FULL_DN:
          s.linkTimeFullDnS[j] = s.linkTimeFullDnS[j]! + dtS;
          break;
      }
    }
    // Flow turns: sign changes of the flow increment larger than 0.001 cfs.
    const prev = s.linkFlowTurnSign[j]!;
    const sign = dq >= 0 ? 1 : -1;
    s.linkFlowTurnSign[j] = sign;
    if (Math.abs(dq) > 0.001 && prev * sign < 0) s.linkFlowTurns[j] = s.linkFlowTurns[j]! + 1;
  }

  if (s.steps > 0) s.minStepS = Math.min(s.minStepS, dtS);
  s.steps++;
  s.timeS += dtS;
  s.maxStepS = Math.max(s.maxStepS, dtS);
  s.iterationsSum += iterations;
  s.steadyStateSteps += steady;
  s.maxOutfallFlowCfs = Math.max(s.maxOutfallFlowCfs, sysOutfall);
}

/** Pump power (kW) from the head it lifts and its flow. */
function pumpPowerKw(net: Network, j: number): number {
  const n1 = net.linkNode1[j]!;
  const n2 = net.linkNode2[j]!;
  const dh = net.nodeInvertFt[n2]! + net.nodeNewDepth[n2]! - (net.nodeInvertFt[n1]! + net.nodeNewDepth[n1]!);
  return ((Math.abs(dh) * Math.abs(net.linkNewFlow[j]!)) / 8.814) * KW_PER_HP;
}

// ---------------------------------------------------------------- report values

/**
 * Node and link values at a reporting time, interpolated between the last two routing
 * states (digest §2.6), in user units: nodeOut[NODE_VARS·i + NODE_*], linkOut[LINK_VARS·j
 * + LINK_*]. Also fills r.sysReport and updates each node's reported max depth — call it
 * once per reporting period (periods at/after the report start).
 */
export function routingReportValues(r: Routing, reportTimeMs: number, nodeOut: Float32Array, linkOut: Float32Array): void {
  const net = r.net;
  const u = net.ucf;
  const span = r.newTimeMs - r.oldTimeMs;
  const f = span > 0 ? (reportTimeMs - r.oldTimeMs) / span : 1;
  const f1 = 1 - f;
  let storage = 0;
  for (let i = 0; i < net.nNodes; i++) {
    const b = NODE_VARS * i;
    const depth = Math.fround((f1 * net.nodeOldDepth[i]! + f * net.nodeNewDepth[i]!) * u.length);
    nodeOut[b + NODE_DEPTH] = depth;
    nodeOut[b + NODE_HEAD] = depth + Math.fround(net.nodeInvertFt[i]! * u.length);
    const vol = (f1 * net.nodeOldVolume[i]! + f * net.nodeNewVolume[i]!) * u.volume;
    nodeOut[b + NODE_VOLUME] = vol;
    nodeOut[b + NODE_LATFLOW] = (f1 * net.nodeOldLatFlow[i]! + f * net.nodeNewLatFlow[i]!) * u.flow;
    nodeOut[b + NODE_INFLOW] = (f1 * net.nodeOldFlowInflow[i]! + f * net.nodeInflow[i]!) * u.flow;
    nodeOut[b + NODE_OVERFLOW] = net.nodeOverflow[i]! * u.flow;
    if (depth > r.stats.nodeMaxRptDepth[i]!) r.stats.nodeMaxRptDepth[i] = depth;
    storage += nodeOut[b + NODE_VOLUME]!;
  }
  for (let j = 0; j < net.nLinks; j++) {
    const b = LINK_VARS * j;
    const y = f1 * net.linkOldDepth[j]! + f * net.linkNewDepth[j]!;
    let q = f1 * net.linkOldFlow[j]! + f * net.linkNewFlow[j]!;
    const v = f1 * net.linkOldVolume[j]! + f * net.linkNewVolume[j]!;
    const vel = linkVelocity(net, j, q, y);
    let c: number;
    if (net.linkType[j] === LINK_CONDUIT) {
      const xs = net.linkXsect[j];
      c = xs && net.linkShape[j] !== XS_DUMMY ? xsectAreaOfDepth(xs, y) / xs.aFull : 0;
    } else c = net.linkSetting[j]!;
    // A pump switching on/off within the step reports the nearer state, not a blend.
    if (net.linkType[j] === LINK_PUMP && net.linkOldFlow[j]! * net.linkNewFlow[j]! === 0) {
      q = f >= f1 ? net.linkNewFlow[j]! : net.linkOldFlow[j]!;
    }
    const dir = net.linkDirection[j]!;
    linkOut[b + LINK_DEPTH] = y * u.length;
    linkOut[b + LINK_FLOW] = q * u.flow * dir;
    linkOut[b + LINK_VELOCITY] = vel * u.length * dir;
    linkOut[b + LINK_VOLUME] = v * u.volume;
    linkOut[b + LINK_CAPACITY] = c;
    storage += linkOut[b + LINK_VOLUME]!;
  }
  const st = r.stepTotals;
  const sys = r.sysReport;
  sys[SYS_FLOODING] = st[MB_FLOODING]! * u.flow;
  sys[SYS_OUTFLOW] = st[MB_OUTFLOW]! * u.flow;
  sys[SYS_DWFLOW] = st[MB_DW_INFLOW]! * u.flow;
  sys[SYS_GWFLOW] = st[MB_GW_INFLOW]! * u.flow;
  sys[SYS_IIFLOW] = st[MB_II_INFLOW]! * u.flow;
  sys[SYS_EXFLOW] = st[MB_EX_INFLOW]! * u.flow;
  sys[SYS_STORAGE] = storage;
}

// ---------------------------------------------------------------- end of run

export interface FlowRoutingContinuity {
  /** Volumes in ft³. */
  dryWeatherInflow: number;
  wetWeatherInflow: number;
  groundwaterInflow: number;
  rdiiInflow: number;
  externalInflow: number;
  externalOutflow: number;
  floodingLoss: number;
  evaporationLoss: number;
  exfiltrationLoss: number;
  initialStorage: number;
  finalStorage: number;
  /** SWMM's continuity error (%), 1e-6 when |in − out| < 1 ft³. */
  errorPct: number;
}

/** Close the run: final storage (added to each node's outflow total) and the continuity table. */
export function routingFinish(r: Routing): FlowRoutingContinuity {
  if (!r.finished) {
    r.finalStorageFt3 = systemStorage(r, true);
    r.finished = true;
  }
  const t = r.totals;
  let tin = r.initStorageFt3 + t[MB_WW_INFLOW]! + t[MB_II_INFLOW]!;
  let tout = r.finalStorageFt3 + t[MB_FLOODING]! + t[MB_EVAP_LOSS]! + t[MB_SEEP_LOSS]!;
  for (const m of [MB_DW_INFLOW, MB_GW_INFLOW, MB_EX_INFLOW]) {
    if (t[m]! >= 0) tin += t[m]!;
    else tout -= t[m]!;
  }
  if (t[MB_OUTFLOW]! >= 0) tout += t[MB_OUTFLOW]!;
  else tin -= t[MB_OUTFLOW]!;
  let err = 0;
  if (Math.abs(tin - tout) < 1) err = 1e-6;
  else if (tin > 0) err = 100 * (1 - tout / tin);
  else if (tout > 0) err = 100 * (tin / tout - 1);
  return {
    dryWeatherInflow: t[MB_DW_INFLOW]!, wetWeatherInflow: t[MB_WW_INFLOW]!, groundwaterInflow: t[MB_GW_INFLOW]!,
    rdiiInflow: t[MB_II_INFLOW]!, externalInflow: t[MB_EX_INFLOW]!, externalOutflow: t[MB_OUTFLOW]!,
    floodingLoss: t[MB_FLOODING]!, evaporationLoss: t[MB_EVAP_LOSS]!, exfiltrationLoss: t[MB_SEEP_LOSS]!,
    initialStorage: r.initStorageFt3, finalStorage: r.finalStorageFt3, errorPct: err,
  };
}

/**
 * A node's flow balance error (%) for the Node Inflow Summary, after routingFinish:
 * (in − out)/out·100; when |out| < 1 ft³ the absolute difference (ft³) is returned with
 * `absolute` = true (SWMM then prints it in gal or ltr).
 */
export function nodeFlowBalanceError(r: Routing, i: number): { value: number; absolute: boolean } {
  const vin = r.nodeInflowVolFt3[i]!;
  const vout = r.nodeOutflowVolFt3[i]!;
  if (Math.abs(vout) < 1) return { value: vin - vout, absolute: true };
  return { value: ((vin - vout) / vout) * 100, absolute: false };
}

// ---------------------------------------------------------------- summary tables (user units)
// Row shapes follow output/report.ts (structurally), so a main loop can pass them on as is.

type VolVol = readonly [number, number];
export interface RoutingSummary {
  flowRoutingContinuity: {
    dryWeatherInflow: VolVol; wetWeatherInflow: VolVol; groundwaterInflow: VolVol; rdiiInflow: VolVol;
    externalInflow: VolVol; externalOutflow: VolVol; floodingLoss: VolVol; evaporationLoss: VolVol;
    exfiltrationLoss: VolVol; initialStoredVolume: VolVol; finalStoredVolume: VolVol; continuityErrorPct: number;
  };
  /** DW only (empty otherwise): nodes with |continuity error| > 1 %, top 5. */
  highestContinuityErrors: { kind: 'Node'; id: string; value: number }[];
  flowInstability: { kind: 'Link'; id: string; value: number }[];
  routingSteps: { minStepSec: number; avgStepSec: number; maxStepSec: number; pctSteadyState: number; avgIterations: number; pctNotConverging: number };
  nodeDepth: { id: string; type: string; avgDepth: number; maxDepth: number; maxHGL: number; timeOfMaxDays: number; reportedMaxDepth: number }[];
  nodeInflow: {
    id: string; type: string; maxLateralInflow: number; maxTotalInflow: number; timeOfMaxDays: number;
    lateralInflowVol: number; totalInflowVol: number; flowBalanceError: number; flowBalanceErrorIsVolume: boolean;
  }[];
  /** DW only. */
  nodeSurcharge: { id: string; type: string; hoursSurcharged: number; maxHeightAboveCrown: number; minDepthBelowRim: number }[];
  nodeFlooding: { pondedDepth: boolean; rows: { id: string; hoursFlooded: number; maxRate: number; timeOfMaxDays: number; totalFloodVol: number; maxPonded: number }[] };
  storageVolume: {
    id: string; avgVolume: number; avgPctFull: number; evapPctLoss: number; exfilPctLoss: number; maxVolume: number;
    maxPctFull: number; timeOfMaxDays: number; maxOutflow: number;
  }[];
  outfallLoading: {
    rows: { id: string; flowFreqPct: number; avgFlow: number; maxFlow: number; totalVolume: number; loads: number[] }[];
    system: { flowFreqPct: number; avgFlow: number; maxFlow: number; totalVolume: number; loads: number[] };
  };
  linkFlow: { id: string; type: string; maxFlow: number; timeOfMaxDays: number; maxVelocity: number | null; maxOverFullFlow: number | null; maxOverFullDepth: number | null }[];
  conduitSurcharge: { id: string; hoursFullBothEnds: number; hoursFullUpstream: number; hoursFullDnstream: number; hoursAboveFullNormalFlow: number; hoursCapacityLimited: number }[];
  pumping: {
    id: string; pctUtilized: number; startUps: number; minFlow: number; avgFlow: number; maxFlow: number; totalVolume: number;
    powerUsageKwh: number; pctOffCurveLow: number; pctOffCurveHigh: number;
  }[];
}

const NODE_TYPE_WORD = ['JUNCTION', 'OUTFALL', 'STORAGE', 'DIVIDER'];
const LINK_TYPE_WORD = ['CONDUIT', 'PUMP', 'ORIFICE', 'WEIR', 'OUTLET'];

/** Top 5 entries with value > limit (by |value|, ties in index order). */
function top5(values: Float64Array, limit: number): number[] {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (Math.abs(values[i]!) > limit) idx.push(i);
  idx.sort((a, b) => Math.abs(values[b]!) - Math.abs(values[a]!) || a - b);
  return idx.slice(0, 5);
}

/**
 * Summary tables of a finished run (calls routingFinish) in the model's user units, with
 * SWMM's row selection rules (flooded nodes only, surcharged conduits only, …).
 */
export function routingSummary(r: Routing): RoutingSummary {
  const cont = routingFinish(r);
  const net = r.net;
  const u = net.ucf;
  const s = r.stats;
  const si = u.system === 'SI';
  const vcf = si ? 28.317e-6 : 7.48e-6;
  const volAf = u.length * u.landArea;
  const volMg = (si ? 2.4466 : 0.64632) / 86400;
  const vv = (v: number): VolVol => [v * volAf, v * volMg];
  const isDW = net.routeModel === ROUTE_DYNWAVE;
  const steps = Math.max(s.steps, 1);
  const rs = r.reportStartDate;
  const dayOf = (d: number): number => d - rs;

  const nodeDepth: RoutingSummary['nodeDepth'] = [];
  const nodeInflow: RoutingSummary['nodeInflow'] = [];
  const nodeSurcharge: RoutingSummary['nodeSurcharge'] = [];
  const flooding: RoutingSummary['nodeFlooding']['rows'] = [];
  const storage: RoutingSummary['storageVolume'] = [];
  const nodeErr = new Float64Array(net.nNodes);
  for (let i = 0; i < net.nNodes; i++) {
    const id = net.nodeNames[i]!;
    const t = net.nodeType[i]!;
    const type = NODE_TYPE_WORD[t]!;
    nodeDepth.push({
      id, type, avgDepth: (s.nodeDepthSum[i]! / steps) * u.length, maxDepth: s.nodeMaxDepth[i]! * u.length,
      maxHGL: (s.nodeMaxDepth[i]! + net.nodeInvertFt[i]!) * u.length, timeOfMaxDays: dayOf(s.nodeMaxDepthDate[i]!),
      reportedMaxDepth: s.nodeMaxRptDepth[i]!,
    });
    const fb = nodeFlowBalanceError(r, i);
    nodeInflow.push({
      id, type, maxLateralInflow: s.nodeMaxLatFlow[i]! * u.flow, maxTotalInflow: s.nodeMaxInflow[i]! * u.flow,
      timeOfMaxDays: dayOf(s.nodeMaxInflowDate[i]!), lateralInflowVol: s.nodeLatFlowVolFt3[i]! * vcf,
      totalInflowVol: r.nodeInflowVolFt3[i]! * vcf,
      flowBalanceError: fb.absolute ? fb.value * (si ? 28.317 : 7.48) : fb.value, flowBalanceErrorIsVolume: fb.absolute,
    });
    const vin = r.nodeInflowVolFt3[i]!;
    if (vin > 0.1 && net.nodeDegree[i]! !== 0) nodeErr[i] = 100 * (1 - r.nodeOutflowVolFt3[i]! / vin);
    if (t !== NODE_OUTFALL && isDW && s.nodeTimeSurchargedS[i]! > 0) {
      nodeSurcharge.push({
        id, type, hoursSurcharged: Math.max(0.01, s.nodeTimeSurchargedS[i]! / 3600),
        maxHeightAboveCrown: Math.max(0, s.nodeMaxSurchargeFt[i]!) * u.length,
        minDepthBelowRim: Math.max(0, net.nodeFullDepthFt[i]! - s.nodeMaxDepth[i]!) * u.length,
      });
    }
    if (t !== NODE_OUTFALL && s.nodeTimeFloodedS[i]! > 0) {
      flooding.push({
        id, hoursFlooded: Math.max(0.01, s.nodeTimeFloodedS[i]! / 3600), maxRate: s.nodeMaxOverflow[i]! * u.flow,
        timeOfMaxDays: dayOf(s.nodeMaxOverflowDate[i]!), totalFloodVol: s.nodeVolFloodedFt3[i]! * vcf,
        maxPonded: isDW
          ? Math.max(0, s.nodeMaxDepth[i]! - net.nodeFullDepthFt[i]!) * u.length
          : (s.nodeMaxPondedVolFt3[i]! * u.volume) / 1000,
      });
    }
    if (t === NODE_STORAGE) {
      const k = net.nodeSub[i]!;
      const vFull = net.nodeFullVolumeFt3[i]!;
      const avg = s.storageVolSum[k]! / steps;
      const vin = r.nodeInflowVolFt3[i]!;
      storage.push({
        id, avgVolume: (avg * u.volume) / 1000, avgPctFull: vFull > 0 ? (avg / vFull) * 100 : 0,
        evapPctLoss: vin > 0 ? (s.storageEvapLossFt3[k]! / vin) * 100 : 0,
        exfilPctLoss: vin > 0 ? (s.storageExfilLossFt3[k]! / vin) * 100 : 0,
        maxVolume: (s.storageMaxVol[k]! * u.volume) / 1000, maxPctFull: vFull > 0 ? (s.storageMaxVol[k]! / vFull) * 100 : 0,
        timeOfMaxDays: dayOf(s.storageMaxVolDate[k]!), maxOutflow: s.storageMaxFlow[k]! * u.flow,
      });
    }
  }

  const outRows: RoutingSummary['outfallLoading']['rows'] = [];
  let sumFreq = 0;
  let sumAvg = 0;
  let sumVol = 0;
  for (let k = 0; k < net.nOutfalls; k++) {
    const i = net.outfallNode[k]!;
    const n = s.outfallPeriods[k]!;
    const freq = (n / steps) * 100;
    const avg = n > 0 ? (s.outfallFlowSum[k]! / n) * u.flow : 0;
    const vol = r.nodeInflowVolFt3[i]! * vcf;
    outRows.push({ id: net.nodeNames[i]!, flowFreqPct: freq, avgFlow: avg, maxFlow: s.outfallMaxFlow[k]! * u.flow, totalVolume: vol, loads: [] });
    sumFreq += freq;
    sumAvg += avg;
    sumVol += vol;
  }

  const linkFlow: RoutingSummary['linkFlow'] = [];
  const surcharge: RoutingSummary['conduitSurcharge'] = [];
  const pumping: RoutingSummary['pumping'] = [];
  const turns = new Float64Array(net.nLinks);
  for (let j = 0; j < net.nLinks; j++) {
    const id = net.linkNames[j]!;
    const t = net.linkType[j]!;
    const k = net.linkSub[j]!;
    const xs = net.linkXsect[j];
    const shape = net.linkShape[j]!;
    let type = LINK_TYPE_WORD[t]!;
    let vel: number | null = null;
    let fullFlow: number | null = null;
    let fullDepth: number | null = null;
    if (t === LINK_CONDUIT) {
      if (shape === XS_DUMMY) type = 'DUMMY';
      else if (xs?.transect && shape === XS_IRREGULAR) type = 'CHANNEL'; // streets print as CONDUIT
      vel = s.linkMaxVeloc[j]! * u.length;
      const qf = net.linkQFullCfs[j]! * net.conduitBarrels[k]!;
      fullFlow = qf > 0 ? s.linkMaxFlow[j]! / qf : 0;
      if (shape !== XS_DUMMY && xs && xs.yFull > 0) fullDepth = s.linkMaxDepth[j]! / xs.yFull;
    } else if (t === LINK_PUMP) {
      fullFlow = net.linkQFullCfs[j]! > 0 ? s.linkMaxFlow[j]! / net.linkQFullCfs[j]! : null;
    } else if (t !== LINK_OUTLET && !(t === LINK_ORIFICE && net.orificeType[k] === 1) && xs && xs.yFull > 0) {
      fullDepth = s.linkMaxDepth[j]! / xs.yFull;
    }
    linkFlow.push({ id, type, maxFlow: s.linkMaxFlow[j]! * u.flow, timeOfMaxDays: dayOf(s.linkMaxFlowDate[j]!), maxVelocity: vel, maxOverFullFlow: fullFlow, maxOverFullDepth: fullDepth });
    if (t === LINK_CONDUIT && shape !== XS_DUMMY) {
      const t1 = s.linkTimeSurchargedS[j]! / 3600;
      const t2 = s.linkTimeFullUpS[j]! / 3600;
      const t3 = s.linkTimeFullDnS[j]! / 3600;
      const t4 = s.linkTimeFullFlowS[j]! / 3600;
      if (t1 + t2 + t3 + t4 > 0) {
        surcharge.push({
          id, hoursFullBothEnds: Math.max(0.01, t1), hoursFullUpstream: Math.max(0.01, t2), hoursFullDnstream: Math.max(0.01, t3),
          hoursAboveFullNormalFlow: Math.max(0.01, t4), hoursCapacityLimited: Math.max(0.01, s.linkTimeCapacityLimitedS[j]! / 3600),
        });
      }
    }
    if (t === LINK_PUMP) {
      const util = s.pumpUtilizedS[k]!;
      const n = s.pumpPeriods[k]!;
      pumping.push({
        id, pctUtilized: s.timeS > 0 ? (util / s.timeS) * 100 : 0, startUps: s.pumpStartUps[k]!,
        minFlow: s.pumpMinFlow[k]! * u.flow, avgFlow: n > 0 ? (s.pumpFlowSum[k]! / n) * u.flow : 0,
        maxFlow: s.pumpMaxFlow[k]! * u.flow, totalVolume: s.pumpVolumeFt3[k]! * vcf, powerUsageKwh: s.pumpEnergyKwh[k]!,
        pctOffCurveLow: util > 0 ? (s.pumpOffCurveLowS[k]! / util) * 100 : 0,
        pctOffCurveHigh: util > 0 ? (s.pumpOffCurveHighS[k]! / util) * 100 : 0,
      });
    }
    if (s.steps > 2) turns[j] = (s.linkFlowTurns[j]! * 100) / ((2 / 3) * (s.steps - 2));
  }

  // "Highest" lists. [as-is] SWMM prints none when the top-ranked object is the first one.
  const tl = top5(turns, 1);
  const flowInstability = tl.length > 0 && tl[0] !== 0 ? tl.map((j) => ({ kind: 'Link' as const, id: net.linkNames[j]!, value: turns[j]! })) : [];
  const highestContinuityErrors = isDW ? top5(nodeErr, 1).map((i) => ({ kind: 'Node' as const, id: net.nodeNames[i]!, value: nodeErr[i]! })) : [];

  return {
    flowRoutingContinuity: {
      dryWeatherInflow: vv(cont.dryWeatherInflow), wetWeatherInflow: vv(cont.wetWeatherInflow),
      groundwaterInflow: vv(cont.groundwaterInflow), rdiiInflow: vv(cont.rdiiInflow), externalInflow: vv(cont.externalInflow),
      externalOutflow: vv(cont.externalOutflow), floodingLoss: vv(cont.floodingLoss), evaporationLoss: vv(cont.evaporationLoss),
      exfiltrationLoss: vv(cont.exfiltrationLoss), initialStoredVolume: vv(cont.initialStorage),
      finalStoredVolume: vv(cont.finalStorage), continuityErrorPct: cont.errorPct,
    },
    highestContinuityErrors,
    flowInstability,
    routingSteps: {
      minStepSec: Number.isFinite(s.minStepS) ? s.minStepS : s.maxStepS, avgStepSec: s.steps > 0 ? s.timeS / s.steps : 0,
      maxStepSec: s.maxStepS, pctSteadyState: (s.steadyStateSteps / steps) * 100, avgIterations: s.iterationsSum / steps,
      pctNotConverging: (s.nonConvergingSteps / steps) * 100,
    },
    nodeDepth,
    nodeInflow,
    nodeSurcharge,
    nodeFlooding: { pondedDepth: isDW, rows: flooding },
    storageVolume: storage,
    outfallLoading: {
      rows: outRows,
      system: {
        flowFreqPct: net.nOutfalls > 0 ? sumFreq / net.nOutfalls : 0, avgFlow: sumAvg,
        maxFlow: s.maxOutfallFlowCfs * u.flow, totalVolume: sumVol, loads: [],
      },
    },
    linkFlow,
    conduitSurcharge: surcharge,
    pumping,
  };
}
