// Dynamic-wave-only options and state, kept beside the shared Network columns.
//
// The Network holds everything KW/SF and DW share (depths, flows, volumes, settings); this
// DynwaveState adds what only dynamic wave needs: node surface areas and Σdq/dh, per-link
// surface-area contributions, convergence/bypass flags, the variable time step and the
// DW-only statistics (flow classes, Courant-critical elements, non-convergence, the time
// step frequency table). Created once per run; nothing here is module-level.
import type { Model } from '../model/types.js';
import type { Network } from './network.js';
import type { CulvertResult } from './culvert.js';
import { unitFactors } from '../model/units.js';

export const DAMP_NONE = 0;
export const DAMP_PARTIAL = 1;
export const DAMP_FULL = 2;

export const NFL_SLOPE = 0;
export const NFL_FROUDE = 1;
export const NFL_BOTH = 2;
export const NFL_NONE = 3;

export const SURCHARGE_EXTRAN = 0;
export const SURCHARGE_SLOT = 1;

/** Fraction of full depth above which a closed conduit's top width is frozen (§7.7.1). */
export const CROWN_CUTOFF_EXTRAN = 0.96;
export const CROWN_CUTOFF_SLOT = 0.985257;

/** Number of bins of the time-step frequency table. */
export const STEP_BINS = 5;

/** Dynamic wave options in internal units. */
export interface DynwaveOptions {
  /** Routing step (s) — the largest variable step. */
  routeStepS: number;
  /** VARIABLE_STEP (Courant factor); 0 = fixed step. */
  courantFactor: number;
  minStepS: number;
  lengtheningStepS: number;
  minSurfAreaFt2: number;
  headTolFt: number;
  maxTrials: number;
  inertialDamping: number;
  normalFlowLtd: number;
  surchargeMethod: number;
  /** FM_HAZEN_WILLIAMS or FM_DARCY_WEISBACH. */
  forceMainEqn: number;
}

/**
 * DW options from a model's [OPTIONS] (defaults as SWMM resolves them: MIN_SURFAREA
 * 12.566 ft², HEAD_TOLERANCE 0.005 ft, MAX_TRIALS 8, MINIMUM_STEP in [0.001, ROUTING_STEP]).
 * `routeStepS` may be passed when the caller already lowered ROUTING_STEP to WET_STEP.
 */
export function dynwaveOptionsOf(model: Model, routeStepS?: number): DynwaveOptions {
  const o = model.options;
  const u = unitFactors(o.flowUnits);
  const step = routeStepS ?? Math.min(o.routingStepS, o.wetStepS > 0 ? o.wetStepS : o.routingStepS);
  return {
    routeStepS: step,
    courantFactor: o.variableStep,
    minStepS: Math.min(Math.max(o.minimumStepS, 0.001), step),
    lengtheningStepS: o.lengtheningStepS,
    minSurfAreaFt2: o.minSurfArea > 0 ? o.minSurfArea / (u.length * u.length) : 12.566,
    headTolFt: o.headTolerance > 0 ? o.headTolerance / u.length : 0.005,
    maxTrials: o.maxTrials > 0 ? o.maxTrials : 8,
    inertialDamping: o.inertialDamping === 'NONE' ? DAMP_NONE : o.inertialDamping === 'FULL' ? DAMP_FULL : DAMP_PARTIAL,
    normalFlowLtd: o.normalFlowLimited === 'SLOPE' ? NFL_SLOPE : o.normalFlowLimited === 'FROUDE' ? NFL_FROUDE
      : o.normalFlowLimited === 'NONE' ? NFL_NONE : NFL_BOTH,
    surchargeMethod: o.surchargeMethod === 'SLOT' ? SURCHARGE_SLOT : SURCHARGE_EXTRAN,
    forceMainEqn: o.forceMainEquation === 'D-W' ? 1 : 0,
  };
}

/** DW-only statistics (for the flow statistics blocks and DW summary tables, digest §10.4–10.5). */
export interface DynwaveStats {
  /** Routing steps counted (ending at/after the report start). */
  steps: number;
  /** Seconds covered by those steps. */
  timeS: number;
  /** Steps (all) that ended without convergence. */
  nonConvergedSteps: number;
  /** All routing steps taken (denominator of the non-convergence and Courant percentages). */
  allSteps: number;
  /** Sum of Picard passes over counted steps. */
  iterationsSum: number;
  /** Lower bounds (s) of the time-step frequency bins, largest first; [0] is the routing step. */
  readonly stepBinLo: Float64Array;
  /** Counted steps (after the first step) per bin. */
  readonly stepBinCount: Float64Array;
  /** Per node: steps in which the node had not converged when MAX_TRIALS was reached. */
  readonly nodeNonConverged: Float64Array;
  /** Per node / link: steps in which it limited the Courant time step. */
  readonly nodeCourantCritical: Float64Array;
  readonly linkCourantCritical: Float64Array;
  /** Seconds in each of the 7 flow classes per link (index 7·j + class). */
  readonly linkFlowClassS: Float64Array;
  readonly linkNormalFlowS: Float64Array;
  readonly linkInletControlS: Float64Array;
}

export interface DynwaveState {
  readonly opt: DynwaveOptions;
  readonly crownCutoff: number;
  // ---- nodes
  /** Surface area accumulated in the current pass (ft²). */
  readonly nodeSurfArea: Float64Array;
  /** Last non-surcharged surface area (ft²), used by the surcharged depth update. */
  readonly nodeOldSurfArea: Float64Array;
  readonly nodeSumDqDh: Float64Array;
  /** |Δdepth|/Δt of the last step (ft/s), for the Courant step. */
  readonly nodeDyDt: Float64Array;
  readonly nodeConverged: Uint8Array;
  // ---- links
  readonly linkSurfArea1: Float64Array;
  readonly linkSurfArea2: Float64Array;
  readonly linkFroude: Float64Array;
  readonly linkBypassed: Uint8Array;
  readonly linkNormalFlow: Uint8Array;
  readonly linkInletControl: Uint8Array;
  // ---- conduits
  /** Mid-length area at the start of the step (ft², per barrel). */
  readonly conduitAOld: Float64Array;
  readonly conduitCulvertCode: Int32Array;
  readonly conduitIsForceMain: Uint8Array;
  /** Force main: H-W C, or D-W roughness height (ft). */
  readonly conduitFmCoeff: Float64Array;
  // ---- step results
  /** Picard passes of the last step. */
  steps: number;
  converged: boolean;
  /** Current variable step (s); 0 before the first step. */
  variableStepS: number;
  /** Element that limited the last variable step (−1 none). */
  critNode: number;
  critLink: number;
  readonly culvert: CulvertResult;
  readonly stats: DynwaveStats;
}

/** Allocate the DW state for a network (values set by dynwaveInit). */
export function allocDynwaveState(net: Network, opt: DynwaveOptions): DynwaveState {
  const nN = net.nNodes;
  const nL = net.nLinks;
  const nC = net.nConduits;
  const f = (n: number): Float64Array => new Float64Array(n);
  const stepBinLo = f(STEP_BINS);
  // Logarithmic bins between the routing step and the minimum step.
  const tMax = opt.routeStepS;
  const tMin = opt.minStepS;
  const ratio = tMin > 0 && tMax > tMin ? Math.pow(tMax / tMin, 1 / STEP_BINS) : 1;
  for (let b = 0; b < STEP_BINS; b++) stepBinLo[b] = tMax / Math.pow(ratio, b + 1);
  stepBinLo[STEP_BINS - 1] = tMin;
  return {
    opt,
    crownCutoff: opt.surchargeMethod === SURCHARGE_SLOT ? CROWN_CUTOFF_SLOT : CROWN_CUTOFF_EXTRAN,
    nodeSurfArea: f(nN), nodeOldSurfArea: f(nN), nodeSumDqDh: f(nN), nodeDyDt: f(nN), nodeConverged: new Uint8Array(nN),
    linkSurfArea1: f(nL), linkSurfArea2: f(nL), linkFroude: f(nL), linkBypassed: new Uint8Array(nL),
    linkNormalFlow: new Uint8Array(nL), linkInletControl: new Uint8Array(nL),
    conduitAOld: f(nC), conduitCulvertCode: new Int32Array(nC), conduitIsForceMain: new Uint8Array(nC),
    conduitFmCoeff: f(nC),
    steps: 0, converged: true, variableStepS: 0, critNode: -1, critLink: -1,
    culvert: { q: 0, dqdh: 0 },
    stats: {
      steps: 0, timeS: 0, nonConvergedSteps: 0, allSteps: 0, iterationsSum: 0,
      stepBinLo, stepBinCount: f(STEP_BINS),
      nodeNonConverged: f(nN), nodeCourantCritical: f(nN), linkCourantCritical: f(nL),
      linkFlowClassS: f(7 * nL), linkNormalFlowS: f(nL), linkInletControlS: f(nL),
    },
  };
}
