// The conveyance network as struct-of-arrays columns, built once from a parsed Model.
//
// Everything here is in SWMM's internal units (ft, ft², ft³, cfs, s), converted from the
// model's user units once, in this builder. The Network holds both the static properties
// (inverts, full depths, conduit β, pump curves, …) and the hydraulic state columns that
// the routing step updates (old/new depth, volume, flow, …). Routing models add their own
// per-step work in kinwave.ts / steady.ts (and later dynwave.ts) but share these columns,
// so a dynamic-wave solver can be added beside them without changing the layout.
//
// Build order follows SWMM (digest §7.1–7.2): link validation (offsets, slopes, full flow,
// node full depths raised to link crowns) before node validation, then the initial state,
// then (KW/SF) the topological sort and the tree-layout checks, then initial node/link
// flows. Problems become coded errors with SWMM's numbers; warnings are SWMM-worded lines.
import type { EngineError } from '../api.js';
import type { Curve, CurveType, Model } from '../model/types.js';
import { GRAVITY_FT_S2, PHI_MANNING, unitFactors, type UnitFactors } from '../model/units.js';
import { storageVolumeFt3, nodeVolumeFt3, initStorageExfil } from './nodes.js';
import { orificeSetSetting, weirSetSetting, weirFlowAtHead } from './structures.js';
import {
  createXsect, xsectAreaOfDepth, xsectDepthOfArea, xsectAreaOfSectionFactor,
  XS_DUMMY, XS_CIRCULAR, XS_RECT_CLOSED, XS_RECT_OPEN, XS_TRIANGULAR, XS_TRAPEZOIDAL, XS_IRREGULAR, XS_FILLED_CIRCULAR,
  XS_CUSTOM, XS_STREET, xsectShapeCode, type Xsect, type XsectShape,
} from './xsect.js';
import { buildTransect, type TransectTable } from './transect.js';
import { buildStreets } from './street.js';
import { sharedShape } from '../shared-shape.js';

// ---------------------------------------------------------------- codes

export const ROUTE_STEADY = 1;
export const ROUTE_KINWAVE = 2;
export const ROUTE_DYNWAVE = 3;

export const NODE_JUNCTION = 0;
export const NODE_OUTFALL = 1;
export const NODE_STORAGE = 2;
export const NODE_DIVIDER = 3;

export const LINK_CONDUIT = 0;
export const LINK_PUMP = 1;
export const LINK_ORIFICE = 2;
export const LINK_WEIR = 3;
export const LINK_OUTLET = 4;

export const OUTFALL_FREE = 0;
export const OUTFALL_NORMAL = 1;
export const OUTFALL_FIXED = 2;
export const OUTFALL_TIDAL = 3;
export const OUTFALL_TIMESERIES = 4;

export const DIVIDER_CUTOFF = 0;
export const DIVIDER_TABULAR = 1;
export const DIVIDER_WEIR = 2;
export const DIVIDER_OVERFLOW = 3;

export const STORAGE_TABULAR = 0;
export const STORAGE_FUNCTIONAL = 1;
export const STORAGE_CYLINDRICAL = 2;
export const STORAGE_CONICAL = 3;
export const STORAGE_PARABOLIC = 4;
export const STORAGE_PYRAMIDAL = 5;

export const EXFIL_NONE = 0;
export const EXFIL_CONSTANT = 1;
export const EXFIL_GREEN_AMPT = 2;

export const PUMP_IDEAL = 0;
export const PUMP_TYPE1 = 1;
export const PUMP_TYPE2 = 2;
export const PUMP_TYPE3 = 3;
export const PUMP_TYPE4 = 4;
export const PUMP_TYPE5 = 5;

export const ORIFICE_SIDE = 0;
export const ORIFICE_BOTTOM = 1;

export const WEIR_TRANSVERSE = 0;
export const WEIR_SIDEFLOW = 1;
export const WEIR_VNOTCH = 2;
export const WEIR_TRAPEZOIDAL = 3;
export const WEIR_ROADWAY = 4;

export const ROAD_NONE = 0;
export const ROAD_PAVED = 1;
export const ROAD_GRAVEL = 2;

export const OUTLET_DEPTH = 0;
export const OUTLET_HEAD = 1;

/** Link flow classes (SWMM's codes; pumps use DN_DRY/UP_DRY for "off curve low/high"). */
export const FLOW_DRY = 0;
export const FLOW_UP_DRY = 1;
export const FLOW_DN_DRY = 2;
export const FLOW_SUBCRITICAL = 3;
export const FLOW_SUPCRITICAL = 4;
export const FLOW_UP_CRITICAL = 5;
export const FLOW_DN_CRITICAL = 6;
/** Pump off its curve (types 1–3, 5): counted as "high". */
export const FLOW_OFF_CURVE = 7;

/** Conduit full states (end areas vs full area). */
export const FULL_NONE = 0;
export const FULL_UP = 1;
export const FULL_DN = 2;
export const FULL_ALL = 3;

// ---------------------------------------------------------------- curves

/** A curve in the user's units (x, y as entered). */
export interface CurveTable {
  readonly name: string;
  readonly type: CurveType;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** Linear interpolation, end values held beyond the ends (SWMM table_lookup). */
export function curveLookup(c: CurveTable, x: number): number {
  const xs = c.x;
  const ys = c.y;
  const n = xs.length;
  if (n === 0) return 0;
  if (x <= xs[0]!) return ys[0]!;
  for (let i = 1; i < n; i++) {
    const x2 = xs[i]!;
    if (x <= x2) {
      const x1 = xs[i - 1]!;
      const y1 = ys[i - 1]!;
      const dx = x2 - x1;
      if (dx === 0) return y1;
      return y1 + ((x - x1) * (ys[i]! - y1)) / dx;
    }
  }
  return ys[n - 1]!;
}

/** Step-function lookup: y of the first point whose x exceeds the argument (last y beyond the end). */
export function curveIntervalLookup(c: CurveTable, x: number): number {
  const xs = c.x;
  const n = xs.length;
  if (n === 0) return 0;
  for (let i = 0; i < n; i++) if (xs[i]! > x) return c.y[i]!;
  return c.y[n - 1]!;
}

/** Slope of the curve segment containing x (first segment at/below the first point, last beyond the end). */
export function curveSlope(c: CurveTable, x: number): number {
  const xs = c.x;
  const ys = c.y;
  const n = xs.length;
  if (n < 2) return 0;
  let i = 1;
  while (i < n - 1 && x > xs[i]!) i++;
  const dx = xs[i]! - xs[i - 1]!;
  return dx === 0 ? 0 : (ys[i]! - ys[i - 1]!) / dx;
}

/** Time series as day numbers and values, with a lookup cursor (mutable, per run). */
export interface SeriesTable {
  readonly name: string;
  readonly t: Float64Array;
  readonly v: Float64Array;
}

// ---------------------------------------------------------------- the network

export interface Network {
  readonly routeModel: number;
  readonly ucf: UnitFactors;
  readonly allowPonding: boolean;
  /** Routing step (s) given in the options; used for equivalent lengths of regulators. */
  readonly routeStepS: number;
  readonly startDateTime: number;
  readonly nNodes: number;
  readonly nLinks: number;
  readonly nodeNames: readonly string[];
  readonly linkNames: readonly string[];
  readonly curves: readonly CurveTable[];
  readonly series: readonly SeriesTable[];

  // ---- nodes (static)
  readonly nodeType: Int8Array;
  /** Index within the node's own type (outfall k, divider k, storage k; junction k). */
  readonly nodeSub: Int32Array;
  readonly nodeInvertFt: Float64Array;
  readonly nodeFullDepthFt: Float64Array;
  /** Max depth as entered (ft), before raising to link crowns. */
  readonly nodeUserMaxDepthFt: Float64Array;
  readonly nodeInitDepthFt: Float64Array;
  readonly nodeSurDepthFt: Float64Array;
  readonly nodePondedAreaFt2: Float64Array;
  readonly nodeCrownElevFt: Float64Array;
  readonly nodeFullVolumeFt3: Float64Array;
  /** KW/SF: number of outgoing links (0 = terminal). DW: see dynwave. */
  readonly nodeDegree: Int32Array;
  /** Outgoing links of node i: outLinks[outStart[i] .. outStart[i+1]) (divider: diverted link last). */
  readonly outStart: Int32Array;
  readonly outLinks: Int32Array;

  // ---- outfalls (by outfall index)
  readonly nOutfalls: number;
  readonly outfallNode: Int32Array;
  readonly outfallType: Int8Array;
  readonly outfallFixedStageFt: Float64Array;
  /** Tidal curve index or time-series index (by type), −1 none. */
  readonly outfallData: Int32Array;
  readonly outfallGated: Uint8Array;
  /** RouteTo subcatchment name ('' none) — the runoff side resolves it. */
  readonly outfallRouteTo: readonly string[];

  // ---- dividers (by divider index)
  readonly nDividers: number;
  readonly dividerNode: Int32Array;
  readonly dividerType: Int8Array;
  readonly dividerLink: Int32Array;
  readonly dividerQMinCfs: Float64Array;
  readonly dividerQMaxCfs: Float64Array;
  /** Weir divider: max head (user length units, as SWMM keeps it) and weir coefficient (user units). */
  readonly dividerDhMax: Float64Array;
  readonly dividerCWeir: Float64Array;
  readonly dividerCurve: Int32Array;

  // ---- storage units (by storage index); shape coefficients in user units
  readonly nStorage: number;
  readonly storageNode: Int32Array;
  readonly storageShape: Int8Array;
  /** FUNCTIONAL: area = a0 + a1·d^a2. Shaped: area = a0 + a1·d + a2·d². */
  readonly storageA0: Float64Array;
  readonly storageA1: Float64Array;
  readonly storageA2: Float64Array;
  readonly storageCurve: Int32Array;
  readonly storageFEvap: Float64Array;
  readonly exfilType: Int8Array;
  /** Saturated conductivity (ft/s), suction (ft), initial moisture deficit. */
  readonly exfilKsFtS: Float64Array;
  readonly exfilSuctionFt: Float64Array;
  readonly exfilImd: Float64Array;
  readonly exfilBtmAreaFt2: Float64Array;
  readonly exfilBankMinDepthFt: Float64Array;
  readonly exfilBankMaxDepthFt: Float64Array;
  readonly exfilBankMaxAreaFt2: Float64Array;

  // ---- links (static)
  readonly linkType: Int8Array;
  readonly linkSub: Int32Array;
  readonly linkNode1: Int32Array;
  readonly linkNode2: Int32Array;
  readonly linkOffset1Ft: Float64Array;
  readonly linkOffset2Ft: Float64Array;
  /** Conduit: full normal flow per barrel. Pump: max curve flow. Others 0. */
  readonly linkQFullCfs: Float64Array;
  readonly linkXsect: readonly (Xsect | null)[];
  /** Xsect shape code (XS_*), XS_DUMMY for pumps/outlets. */
  readonly linkShape: Int8Array;
  readonly linkHasFlapGate: Uint8Array;
  /** +1, or −1 for a conduit reversed under DW. */
  readonly linkDirection: Int8Array;
  readonly linkInitSetting: Float64Array;

  // ---- conduits (by conduit index)
  readonly nConduits: number;
  readonly conduitLink: Int32Array;
  /** Raw input length (ft). */
  readonly conduitLengthFt: Float64Array;
  /** Length used by KW/SF (ft): input length / meander for irregular channels. */
  readonly conduitActualLengthFt: Float64Array;
  /** Length used by DW momentum (ft). */
  readonly conduitModLengthFt: Float64Array;
  readonly conduitRoughness: Float64Array;
  readonly conduitSlope: Float64Array;
  readonly conduitBeta: Float64Array;
  readonly conduitRoughFactor: Float64Array;
  readonly conduitBarrels: Float64Array;
  readonly conduitQMaxCfs: Float64Array;
  /** MaxFlow limit (cfs per link, 0 = none). */
  readonly conduitQLimitCfs: Float64Array;
  readonly conduitQ0Cfs: Float64Array;
  readonly conduitSeepRateFtS: Float64Array;
  readonly conduitLossInlet: Float64Array;
  readonly conduitLossOutlet: Float64Array;
  readonly conduitLossAvg: Float64Array;

  // ---- pumps (by pump index)
  readonly nPumps: number;
  readonly pumpLink: Int32Array;
  readonly pumpType: Int8Array;
  readonly pumpCurve: Int32Array;
  readonly pumpXMin: Float64Array;
  readonly pumpXMax: Float64Array;
  readonly pumpYOnFt: Float64Array;
  readonly pumpYOffFt: Float64Array;

  // ---- orifices
  readonly nOrifices: number;
  readonly orificeLink: Int32Array;
  readonly orificeType: Int8Array;
  readonly orificeCDisch: Float64Array;
  /** Time to open fully (s); 0 = instantaneous. */
  readonly orificeOrateS: Float64Array;
  readonly orificeCOrif: Float64Array;
  readonly orificeCWeir: Float64Array;
  readonly orificeHCritFt: Float64Array;
  readonly orificeLengthFt: Float64Array;
  readonly orificeSurfAreaFt2: Float64Array;

  // ---- weirs
  readonly nWeirs: number;
  readonly weirLink: Int32Array;
  readonly weirType: Int8Array;
  readonly weirCDisch1: Float64Array;
  readonly weirCDisch2: Float64Array;
  readonly weirEndCon: Float64Array;
  readonly weirCanSurcharge: Uint8Array;
  readonly weirRoadWidthFt: Float64Array;
  readonly weirRoadSurface: Int8Array;
  readonly weirCdCurve: Int32Array;
  /** Side slope of V-notch / trapezoidal ends (run/rise). */
  readonly weirSlope: Float64Array;
  readonly weirCSurcharge: Float64Array;
  readonly weirLengthFt: Float64Array;
  readonly weirSurfAreaFt2: Float64Array;

  // ---- outlets
  readonly nOutlets: number;
  readonly outletLink: Int32Array;
  readonly outletCurveType: Int8Array;
  readonly outletQCoeff: Float64Array;
  readonly outletQExpon: Float64Array;
  readonly outletQCurve: Int32Array;

  /** Links in routing order (KW/SF: topological; DW: input order). */
  readonly sortedLinks: Int32Array;

  // ================================================================ hydraulic state
  // ---- nodes
  readonly nodeOldDepth: Float64Array;
  readonly nodeNewDepth: Float64Array;
  readonly nodeOldVolume: Float64Array;
  readonly nodeNewVolume: Float64Array;
  /** Total inflow this step (lateral + link outflows in). */
  readonly nodeInflow: Float64Array;
  /** Total outflow this step (losses + link inflows out). */
  readonly nodeOutflow: Float64Array;
  readonly nodeOverflow: Float64Array;
  /** Storage evaporation + seepage loss rate (cfs). */
  readonly nodeLosses: Float64Array;
  readonly nodeOldLatFlow: Float64Array;
  readonly nodeNewLatFlow: Float64Array;
  /** Previous step's total inflow (for report interpolation). */
  readonly nodeOldFlowInflow: Float64Array;
  readonly nodeOldNetInflow: Float64Array;
  readonly nodeUpdated: Uint8Array;
  // ---- storage (per step loss volumes, ft³)
  readonly storageEvapLossFt3: Float64Array;
  readonly storageExfilLossFt3: Float64Array;
  // ---- links
  readonly linkOldFlow: Float64Array;
  readonly linkNewFlow: Float64Array;
  readonly linkOldDepth: Float64Array;
  readonly linkNewDepth: Float64Array;
  readonly linkOldVolume: Float64Array;
  readonly linkNewVolume: Float64Array;
  readonly linkSetting: Float64Array;
  readonly linkTargetSetting: Float64Array;
  /** Date-time of the last switch between zero and nonzero setting. */
  readonly linkTimeLastSet: Float64Array;
  readonly linkFlowClass: Int8Array;
  readonly linkDqDh: Float64Array;
  // ---- conduits
  readonly conduitQ1: Float64Array;
  readonly conduitQ2: Float64Array;
  readonly conduitA1: Float64Array;
  readonly conduitA2: Float64Array;
  readonly conduitQ1Old: Float64Array;
  readonly conduitQ2Old: Float64Array;
  readonly conduitFullState: Int8Array;
  readonly conduitCapacityLimited: Uint8Array;
  readonly conduitEvapLossRate: Float64Array;
  readonly conduitSeepLossRate: Float64Array;
  /** Small per-network scratch buffer for multi-value helpers (no per-step allocation). */
  readonly scratch: Float64Array;
}

export interface BuildNetworkResult {
  /** Null when errors prevent routing. */
  net: Network | null;
  errors: EngineError[];
  /** SWMM-worded warning lines, e.g. "WARNING 04: minimum elevation drop used for Conduit C1". */
  warnings: string[];
}

// ---------------------------------------------------------------- messages

const ERR_TEXT: Readonly<Record<number, string>> = {
  111: 'invalid length for Conduit %s.',
  113: 'invalid roughness for Conduit %s.',
  114: 'invalid number of barrels for Conduit %s.',
  115: 'adverse slope for Conduit %s.',
  117: 'no cross section defined for Link %s.',
  119: 'invalid cross section for Link %s.',
  121: 'missing or invalid pump curve assigned to Pump %s.',
  122: 'startup depth not higher than shutoff depth for Pump %s.',
  131: 'the following links form cyclic loops in the drainage system: %s',
  133: 'Node %s has more than one outlet link.',
  135: 'Divider %s does not have two outlet links.',
  136: 'Divider %s has invalid diversion link.',
  137: 'Weir Divider %s has invalid parameters.',
  138: 'Node %s has initial depth greater than maximum depth.',
  139: 'Regulator %s is the outlet of a non-storage node.',
  140: 'Storage node %s has negative volume at full depth.',
  141: 'Outfall %s has more than 1 inlet link or an outlet link.',
  143: 'Regulator %s has invalid cross-section shape.',
  171: 'Curve %s has invalid or out of sequence data.',
  209: 'undefined object %s',
};

const WARN_TEXT: Readonly<Record<number, string>> = {
  2: 'maximum depth increased for Node %s',
  3: 'negative offset ignored for Link %s',
  4: 'minimum elevation drop used for Conduit %s',
  5: 'minimum slope used for Conduit %s',
  8: 'elevation drop exceeds length for Conduit %s',
  10: 'crest elevation is below downstream invert for regulator Link %s',
};

export function networkError(code: number, name: string, line?: number, section?: string): EngineError {
  const e: EngineError = { code, message: (ERR_TEXT[code] ?? 'error %s').replace('%s', name), token: name };
  if (line !== undefined) e.line = line;
  if (section !== undefined) e.section = section;
  return e;
}

function warning(code: number, name: string): string {
  return `WARNING ${String(code).padStart(2, '0')}: ${(WARN_TEXT[code] ?? '').replace('%s', name)}`;
}

// ---------------------------------------------------------------- builder

const MIN_DELTA_Z_FT = 0.001;
const SIDE = '[';

const PUMP_TYPE_OF: Partial<Record<CurveType, number>> = {
  PUMP1: PUMP_TYPE1, PUMP2: PUMP_TYPE2, PUMP3: PUMP_TYPE3, PUMP4: PUMP_TYPE4, PUMP5: PUMP_TYPE5,
};

const STORAGE_SHAPE_OF = {
  TABULAR: STORAGE_TABULAR, FUNCTIONAL: STORAGE_FUNCTIONAL, CYLINDRICAL: STORAGE_CYLINDRICAL,
  CONICAL: STORAGE_CONICAL, PARABOLIC: STORAGE_PARABOLIC, PYRAMIDAL: STORAGE_PYRAMIDAL,
} as const;

const OUTFALL_TYPE_OF = {
  FREE: OUTFALL_FREE, NORMAL: OUTFALL_NORMAL, FIXED: OUTFALL_FIXED, TIDAL: OUTFALL_TIDAL, TIMESERIES: OUTFALL_TIMESERIES,
} as const;

const DIVIDER_TYPE_OF = {
  CUTOFF: DIVIDER_CUTOFF, TABULAR: DIVIDER_TABULAR, WEIR: DIVIDER_WEIR, OVERFLOW: DIVIDER_OVERFLOW,
} as const;

const WEIR_TYPE_OF = {
  TRANSVERSE: WEIR_TRANSVERSE, SIDEFLOW: WEIR_SIDEFLOW, 'V-NOTCH': WEIR_VNOTCH, TRAPEZOIDAL: WEIR_TRAPEZOIDAL,
  ROADWAY: WEIR_ROADWAY,
} as const;

function routeModelOf(m: Model): number {
  switch (m.options.routing) {
    case 'STEADY': return ROUTE_STEADY;
    case 'DYNWAVE': return ROUTE_DYNWAVE;
    default: return ROUTE_KINWAVE;
  }
}

function nameMap(names: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const k = names[i]!.toUpperCase();
    if (!m.has(k)) m.set(k, i);
  }
  return m;
}

/** Build the network (static data + initial hydraulic state) from a parsed model. */
export function buildNetwork(model: Model): BuildNetworkResult {
  const errors: EngineError[] = [];
  const warnings: string[] = [];
  const opt = model.options;
  const ucf = unitFactors(opt.flowUnits);
  const L = ucf.length;
  const Q = ucf.flow;
  const routeModel = routeModelOf(model);
  const nNodes = model.nodes.length;
  const nLinks = model.links.length;

  // ---- names, curves, series
  const nodeNames = model.nodes.map((n) => n.name);
  const linkNames = model.links.map((l) => l.name);
  const nodeIdx = nameMap(nodeNames);
  const linkIdx = nameMap(linkNames);
  const curves: CurveTable[] = model.curves.map((c: Curve) => ({
    name: c.name, type: c.type, x: Float64Array.from(c.x), y: Float64Array.from(c.y),
  }));
  const curveIdx = nameMap(curves.map((c) => c.name));
  const series: SeriesTable[] = model.timeseries.map((s) => ({
    name: s.name, t: Float64Array.from(s.times), v: Float64Array.from(s.values),
  }));
  const seriesIdx = nameMap(series.map((s) => s.name));
  const findCurve = (name: string | undefined | null): number =>
    name ? curveIdx.get(name.toUpperCase()) ?? -1 : -1;

  // ---- counts per type
  let nOutfalls = 0, nDividers = 0, nStorage = 0, nJunctions = 0;
  const nodeType = new Int8Array(nNodes);
  const nodeSub = new Int32Array(nNodes);
  for (let i = 0; i < nNodes; i++) {
    const n = model.nodes[i]!;
    switch (n.kind) {
      case 'JUNCTION': nodeType[i] = NODE_JUNCTION; nodeSub[i] = nJunctions++; break;
      case 'OUTFALL': nodeType[i] = NODE_OUTFALL; nodeSub[i] = nOutfalls++; break;
      case 'DIVIDER': nodeType[i] = NODE_DIVIDER; nodeSub[i] = nDividers++; break;
      case 'STORAGE': nodeType[i] = NODE_STORAGE; nodeSub[i] = nStorage++; break;
    }
  }
  let nConduits = 0, nPumps = 0, nOrifices = 0, nWeirs = 0, nOutlets = 0;
  const linkType = new Int8Array(nLinks);
  const linkSub = new Int32Array(nLinks);
  for (let j = 0; j < nLinks; j++) {
    switch (model.links[j]!.kind) {
      case 'CONDUIT': linkType[j] = LINK_CONDUIT; linkSub[j] = nConduits++; break;
      case 'PUMP': linkType[j] = LINK_PUMP; linkSub[j] = nPumps++; break;
      case 'ORIFICE': linkType[j] = LINK_ORIFICE; linkSub[j] = nOrifices++; break;
      case 'WEIR': linkType[j] = LINK_WEIR; linkSub[j] = nWeirs++; break;
      case 'OUTLET': linkType[j] = LINK_OUTLET; linkSub[j] = nOutlets++; break;
    }
  }

  const f64 = (n: number): Float64Array => new Float64Array(n);
  const outfallRouteTo = new Array<string>(nOutfalls).fill('');
  const linkXsect = new Array<Xsect | null>(nLinks).fill(null);
  const i32 = (n: number, fill = -1): Int32Array => new Int32Array(n).fill(fill);

  // sharedShape: one hidden class for every model's network (see shared-shape.ts).
  const net: Network = sharedShape<Network>({
    routeModel, ucf, allowPonding: opt.allowPonding, routeStepS: opt.routingStepS, startDateTime: opt.startDateTime,
    nNodes, nLinks, nodeNames, linkNames, curves, series,
    nodeType, nodeSub,
    nodeInvertFt: f64(nNodes), nodeFullDepthFt: f64(nNodes), nodeUserMaxDepthFt: f64(nNodes), nodeInitDepthFt: f64(nNodes),
    nodeSurDepthFt: f64(nNodes), nodePondedAreaFt2: f64(nNodes), nodeCrownElevFt: f64(nNodes),
    nodeFullVolumeFt3: f64(nNodes), nodeDegree: new Int32Array(nNodes),
    outStart: new Int32Array(nNodes + 1), outLinks: new Int32Array(nLinks),
    nOutfalls, outfallNode: i32(nOutfalls), outfallType: new Int8Array(nOutfalls), outfallFixedStageFt: f64(nOutfalls),
    outfallData: i32(nOutfalls), outfallGated: new Uint8Array(nOutfalls), outfallRouteTo,
    nDividers, dividerNode: i32(nDividers), dividerType: new Int8Array(nDividers), dividerLink: i32(nDividers),
    dividerQMinCfs: f64(nDividers), dividerQMaxCfs: f64(nDividers), dividerDhMax: f64(nDividers),
    dividerCWeir: f64(nDividers), dividerCurve: i32(nDividers),
    nStorage, storageNode: i32(nStorage), storageShape: new Int8Array(nStorage), storageA0: f64(nStorage),
    storageA1: f64(nStorage), storageA2: f64(nStorage), storageCurve: i32(nStorage), storageFEvap: f64(nStorage),
    exfilType: new Int8Array(nStorage), exfilKsFtS: f64(nStorage), exfilSuctionFt: f64(nStorage), exfilImd: f64(nStorage),
    exfilBtmAreaFt2: f64(nStorage), exfilBankMinDepthFt: f64(nStorage), exfilBankMaxDepthFt: f64(nStorage),
    exfilBankMaxAreaFt2: f64(nStorage),
    linkType, linkSub, linkNode1: i32(nLinks), linkNode2: i32(nLinks), linkOffset1Ft: f64(nLinks), linkOffset2Ft: f64(nLinks),
    linkQFullCfs: f64(nLinks), linkXsect, linkShape: new Int8Array(nLinks).fill(XS_DUMMY),
    linkHasFlapGate: new Uint8Array(nLinks), linkDirection: new Int8Array(nLinks).fill(1), linkInitSetting: f64(nLinks).fill(1),
    nConduits, conduitLink: i32(nConduits), conduitLengthFt: f64(nConduits), conduitActualLengthFt: f64(nConduits),
    conduitModLengthFt: f64(nConduits), conduitRoughness: f64(nConduits), conduitSlope: f64(nConduits),
    conduitBeta: f64(nConduits), conduitRoughFactor: f64(nConduits), conduitBarrels: f64(nConduits).fill(1),
    conduitQMaxCfs: f64(nConduits), conduitQLimitCfs: f64(nConduits), conduitQ0Cfs: f64(nConduits),
    conduitSeepRateFtS: f64(nConduits), conduitLossInlet: f64(nConduits), conduitLossOutlet: f64(nConduits),
    conduitLossAvg: f64(nConduits),
    nPumps, pumpLink: i32(nPumps), pumpType: new Int8Array(nPumps), pumpCurve: i32(nPumps), pumpXMin: f64(nPumps),
    pumpXMax: f64(nPumps), pumpYOnFt: f64(nPumps), pumpYOffFt: f64(nPumps),
    nOrifices, orificeLink: i32(nOrifices), orificeType: new Int8Array(nOrifices), orificeCDisch: f64(nOrifices),
    orificeOrateS: f64(nOrifices), orificeCOrif: f64(nOrifices), orificeCWeir: f64(nOrifices),
    orificeHCritFt: f64(nOrifices), orificeLengthFt: f64(nOrifices), orificeSurfAreaFt2: f64(nOrifices),
    nWeirs, weirLink: i32(nWeirs), weirType: new Int8Array(nWeirs), weirCDisch1: f64(nWeirs), weirCDisch2: f64(nWeirs),
    weirEndCon: f64(nWeirs), weirCanSurcharge: new Uint8Array(nWeirs), weirRoadWidthFt: f64(nWeirs),
    weirRoadSurface: new Int8Array(nWeirs), weirCdCurve: i32(nWeirs), weirSlope: f64(nWeirs),
    weirCSurcharge: f64(nWeirs), weirLengthFt: f64(nWeirs), weirSurfAreaFt2: f64(nWeirs),
    nOutlets, outletLink: i32(nOutlets), outletCurveType: new Int8Array(nOutlets), outletQCoeff: f64(nOutlets),
    outletQExpon: f64(nOutlets), outletQCurve: i32(nOutlets),
    sortedLinks: new Int32Array(nLinks),
    nodeOldDepth: f64(nNodes), nodeNewDepth: f64(nNodes), nodeOldVolume: f64(nNodes), nodeNewVolume: f64(nNodes),
    nodeInflow: f64(nNodes), nodeOutflow: f64(nNodes), nodeOverflow: f64(nNodes), nodeLosses: f64(nNodes),
    nodeOldLatFlow: f64(nNodes), nodeNewLatFlow: f64(nNodes), nodeOldFlowInflow: f64(nNodes),
    nodeOldNetInflow: f64(nNodes), nodeUpdated: new Uint8Array(nNodes),
    storageEvapLossFt3: f64(nStorage), storageExfilLossFt3: f64(nStorage),
    linkOldFlow: f64(nLinks), linkNewFlow: f64(nLinks), linkOldDepth: f64(nLinks), linkNewDepth: f64(nLinks),
    linkOldVolume: f64(nLinks), linkNewVolume: f64(nLinks), linkSetting: f64(nLinks).fill(1),
    linkTargetSetting: f64(nLinks).fill(1), linkTimeLastSet: f64(nLinks).fill(opt.startDateTime),
    linkFlowClass: new Int8Array(nLinks), linkDqDh: f64(nLinks),
    conduitQ1: f64(nConduits), conduitQ2: f64(nConduits), conduitA1: f64(nConduits), conduitA2: f64(nConduits),
    conduitQ1Old: f64(nConduits), conduitQ2Old: f64(nConduits), conduitFullState: new Int8Array(nConduits),
    conduitCapacityLimited: new Uint8Array(nConduits), conduitEvapLossRate: f64(nConduits), conduitSeepLossRate: f64(nConduits),
    scratch: f64(4),
  });

  // ================================================================ nodes (read)
  for (let i = 0; i < nNodes; i++) {
    const n = model.nodes[i]!;
    net.nodeInvertFt[i] = n.invertElev / L;
    net.nodeFullDepthFt[i] = n.maxDepth / L;
    net.nodeUserMaxDepthFt[i] = n.maxDepth / L;
    net.nodeInitDepthFt[i] = n.initDepth / L;
    net.nodeSurDepthFt[i] = n.surDepth / L;
    net.nodePondedAreaFt2[i] = n.pondedArea / (L * L);
    net.nodeCrownElevFt[i] = net.nodeInvertFt[i]!;
    const k = nodeSub[i]!;
    if (n.kind === 'OUTFALL') {
      net.outfallNode[k] = i;
      net.outfallType[k] = OUTFALL_TYPE_OF[n.outfallType];
      net.outfallGated[k] = n.gated ? 1 : 0;
      outfallRouteTo[k] = n.routeTo ?? '';
      if (n.outfallType === 'FIXED') net.outfallFixedStageFt[k] = (n.fixedStage ?? 0) / L;
      else if (n.outfallType === 'TIDAL') {
        const c = findCurve(n.stageData);
        if (c < 0) errors.push(networkError(209, n.stageData ?? '', n.line, '[OUTFALLS]'));
        net.outfallData[k] = c;
      } else if (n.outfallType === 'TIMESERIES') {
        const s = n.stageData ? seriesIdx.get(n.stageData.toUpperCase()) ?? -1 : -1;
        if (s < 0) errors.push(networkError(209, n.stageData ?? '', n.line, '[OUTFALLS]'));
        net.outfallData[k] = s;
      }
    } else if (n.kind === 'DIVIDER') {
      net.dividerNode[k] = i;
      net.dividerType[k] = DIVIDER_TYPE_OF[n.dividerType];
      net.dividerLink[k] = linkIdx.get(n.divertedLink.toUpperCase()) ?? -1;
      if (n.dividerType === 'CUTOFF' || n.dividerType === 'WEIR') net.dividerQMinCfs[k] = (n.params[0] ?? 0) / Q;
      if (n.dividerType === 'WEIR') {
        net.dividerDhMax[k] = n.params[1] ?? 0;
        net.dividerCWeir[k] = n.params[2] ?? 0;
      }
      if (n.dividerType === 'TABULAR') {
        const c = findCurve(n.curve);
        if (c < 0) errors.push(networkError(209, n.curve ?? '', n.line, '[DIVIDERS]'));
        net.dividerCurve[k] = c;
      }
    } else if (n.kind === 'STORAGE') {
      net.storageNode[k] = i;
      net.storageShape[k] = STORAGE_SHAPE_OF[n.shape];
      net.storageFEvap[k] = n.fEvap;
      const p = n.shapeParams;
      if (n.shape === 'TABULAR') {
        const c = findCurve(n.curve);
        if (c < 0) errors.push(networkError(209, n.curve ?? '', n.line, '[STORAGE]'));
        net.storageCurve[k] = c;
      } else if (n.shape === 'FUNCTIONAL') {
        // area = C + A·d^B
        net.storageA0[k] = p[2] ?? 0;
        net.storageA1[k] = p[0] ?? 0;
        net.storageA2[k] = p[1] ?? 0;
      } else {
        setShapedStorage(net, k, n.shape, p[0] ?? 0, p[1] ?? 0, p[2] ?? 0);
      }
      // Seepage: [ksat] or [suction, ksat, imd]; IMD = 0 behaves as a constant rate.
      const s = n.seepage;
      if (s.length === 1 || s.length >= 3) {
        const ks = (s.length === 1 ? s[0]! : s[1]!) / ucf.rainfall;
        if (ks > 0) {
          net.exfilKsFtS[k] = ks;
          if (s.length >= 3 && s[2]! > 0) {
            net.exfilType[k] = EXFIL_GREEN_AMPT;
            net.exfilSuctionFt[k] = s[0]! / ucf.rainDepth;
            net.exfilImd[k] = s[2]!;
          } else net.exfilType[k] = EXFIL_CONSTANT;
        }
      }
    }
  }

  // ================================================================ links (read)
  const xsectOf = new Map<string, number>();
  for (let j = 0; j < nLinks; j++) xsectOf.set(linkNames[j]!.toUpperCase(), j);
  const transectTables = new Map<string, TransectTable>();
  for (const t of model.transects) {
    const built = buildTransect({
      name: t.name, nLeft: t.nLeft, nRight: t.nRight, nChannel: t.nChannel,
      xLeftBank: t.xLeftBank / L, xRightBank: t.xRightBank / L, meander: t.meander, stationFactor: t.stationFactor,
      elevOffset: t.elevOffset / L, elevations: t.elevations.map((e) => e / L), stations: t.stations.map((s) => s / L),
    });
    if ('error' in built) errors.push({ code: 119, message: built.error, token: t.name, line: t.line, section: '[TRANSECTS]' });
    else transectTables.set(t.name.toUpperCase(), built);
  }
  // [STREETS] sections (SWMM 5.2) are read like transects by STREET cross sections.
  const streetTables = new Map<string, TransectTable>();
  const builtStreets = buildStreets(model, L);
  errors.push(...builtStreets.errors);
  for (const s of builtStreets.streets) streetTables.set(s.name.toUpperCase(), s.table);

  for (let j = 0; j < nLinks; j++) {
    const l = model.links[j]!;
    const n1 = nodeIdx.get(l.fromNode.toUpperCase());
    const n2 = nodeIdx.get(l.toNode.toUpperCase());
    if (n1 === undefined) errors.push(networkError(209, l.fromNode, l.line, sectionOfLink(l.kind)));
    if (n2 === undefined) errors.push(networkError(209, l.toNode, l.line, sectionOfLink(l.kind)));
    net.linkNode1[j] = n1 ?? 0;
    net.linkNode2[j] = n2 ?? 0;
    const k = linkSub[j]!;

    // Offsets: depth above the invert, or an elevation converted later (§7.2 step 1).
    const off1 = l.inOffset;
    const off2 = l.outOffset;
    if (opt.linkOffsets === 'ELEVATION' && n1 !== undefined && n2 !== undefined) {
      net.linkOffset1Ft[j] = convertElevOffset(off1, L, net.nodeInvertFt[n1]!);
      net.linkOffset2Ft[j] = l.kind === 'CONDUIT' ? convertElevOffset(off2, L, net.nodeInvertFt[n2]!) : 0;
    } else {
      net.linkOffset1Ft[j] = (off1 ?? 0) / L;
      net.linkOffset2Ft[j] = l.kind === 'CONDUIT' ? (off2 ?? 0) / L : 0;
    }

    // Cross section.
    if (l.kind !== 'PUMP' && l.kind !== 'OUTLET') {
      const xs = l.xsect;
      if (!xs) {
        errors.push(networkError(117, l.name, l.line, sectionOfLink(l.kind)));
      } else {
        const made = makeXsect(xs.shape, xs.geom, L, xs.ref, xs.shape.toUpperCase() === 'STREET' ? streetTables : transectTables, curveIdx, curves);
        if ('error' in made) errors.push({ ...networkError(119, l.name, xs.line, '[XSECTIONS]'), message: `invalid cross section for Link ${l.name}: ${made.error}` });
        else {
          linkXsect[j] = made;
          net.linkShape[j] = made.type;
        }
        if (l.kind === 'CONDUIT') net.conduitBarrels[k] = xs.barrels;
      }
    }

    switch (l.kind) {
      case 'CONDUIT': {
        net.conduitLink[k] = j;
        net.conduitLengthFt[k] = l.length / L;
        // Irregular channels take the main-channel n of their transect.
        const tr = net.linkShape[j] === XS_IRREGULAR ? net.linkXsect[j]?.transect : undefined;
        net.conduitRoughness[k] = tr ? tr.roughness : l.roughness;
        net.conduitQ0Cfs[k] = l.initFlow / Q;
        net.conduitQLimitCfs[k] = l.maxFlow / Q;
        if (l.losses) {
          net.conduitLossInlet[k] = l.losses.kEntry;
          net.conduitLossOutlet[k] = l.losses.kExit;
          net.conduitLossAvg[k] = l.losses.kAvg;
          net.linkHasFlapGate[j] = l.losses.flapGate ? 1 : 0;
          net.conduitSeepRateFtS[k] = l.losses.seepageRate / ucf.rainfall;
        }
        break;
      }
      case 'PUMP': {
        net.pumpLink[k] = j;
        net.pumpYOnFt[k] = l.startupDepth / L;
        net.pumpYOffFt[k] = l.shutoffDepth / L;
        net.linkInitSetting[j] = l.initStatusOn ? 1 : 0;
        if (l.curve === null) net.pumpType[k] = PUMP_IDEAL;
        else {
          const c = findCurve(l.curve);
          const t = c >= 0 ? PUMP_TYPE_OF[curves[c]!.type] : undefined;
          if (c < 0 || t === undefined) errors.push(networkError(121, l.name, l.line, '[PUMPS]'));
          else {
            net.pumpType[k] = t;
            net.pumpCurve[k] = c;
          }
        }
        break;
      }
      case 'ORIFICE': {
        net.orificeLink[k] = j;
        net.orificeType[k] = l.orificeType === 'BOTTOM' ? ORIFICE_BOTTOM : ORIFICE_SIDE;
        net.orificeCDisch[k] = l.dischargeCoeff;
        net.orificeOrateS[k] = l.closeTimeH * 3600;
        net.linkHasFlapGate[j] = l.gated ? 1 : 0;
        break;
      }
      case 'WEIR': {
        net.weirLink[k] = j;
        net.weirType[k] = WEIR_TYPE_OF[l.weirType];
        net.weirCDisch1[k] = l.dischargeCoeff;
        net.weirCDisch2[k] = l.endCoeff;
        net.weirEndCon[k] = l.endContractions;
        net.weirCanSurcharge[k] = l.canSurcharge ? 1 : 0;
        net.weirRoadWidthFt[k] = l.roadWidth / L;
        net.weirRoadSurface[k] = l.roadSurface === 'PAVED' ? ROAD_PAVED : l.roadSurface === 'GRAVEL' ? ROAD_GRAVEL : ROAD_NONE;
        net.weirCdCurve[k] = findCurve(l.coeffCurve);
        net.linkHasFlapGate[j] = l.gated ? 1 : 0;
        // V-notch and trapezoidal weirs: side slope of the (triangular/trapezoidal) section.
        if (l.weirType === 'V-NOTCH' || l.weirType === 'TRAPEZOIDAL') net.weirSlope[k] = net.linkXsect[j]?.sBot ?? 0;
        break;
      }
      case 'OUTLET': {
        net.outletLink[k] = j;
        net.outletCurveType[k] = l.outletType.endsWith('HEAD') ? OUTLET_HEAD : OUTLET_DEPTH;
        net.outletQCoeff[k] = l.coeff;
        net.outletQExpon[k] = l.expon;
        net.linkHasFlapGate[j] = l.gated ? 1 : 0;
        if (l.outletType.startsWith('TABULAR')) {
          const c = findCurve(l.curve);
          if (c < 0) errors.push(networkError(209, l.curve ?? '', l.line, '[OUTLETS]'));
          net.outletQCurve[k] = c;
        }
        break;
      }
    }
  }
  if (errors.length > 0) return { net: null, errors, warnings };

  // ================================================================ link validation (§7.2)
  for (let j = 0; j < nLinks; j++) validateLink(net, j, model, opt.minSlope, errors, warnings);

  // ================================================================ node validation
  for (let i = 0; i < nNodes; i++) {
    const user = net.nodeUserMaxDepthFt[i]!;
    if (net.nodeFullDepthFt[i]! > user && user > 0) warnings.push(warning(2, nodeNames[i]!));
    if (net.nodeInitDepthFt[i]! > net.nodeFullDepthFt[i]! + net.nodeSurDepthFt[i]!) {
      errors.push(networkError(138, nodeNames[i]!, model.nodes[i]!.line));
    }
    if (nodeType[i] === NODE_STORAGE && storageVolumeFt3(net, i, net.nodeFullDepthFt[i]!) < 0) {
      errors.push(networkError(140, nodeNames[i]!, model.nodes[i]!.line));
    }
    if (nodeType[i] === NODE_DIVIDER) {
      const k = nodeSub[i]!;
      const m = net.dividerLink[k]!;
      if (m < 0 || (net.linkNode1[m] !== i && net.linkNode2[m] !== i)) errors.push(networkError(136, nodeNames[i]!, model.nodes[i]!.line));
      if (net.dividerType[k] === DIVIDER_WEIR) {
        if (net.dividerDhMax[k]! <= 0 || net.dividerCWeir[k]! <= 0) errors.push(networkError(137, nodeNames[i]!, model.nodes[i]!.line));
        else {
          net.dividerQMaxCfs[k] = (net.dividerCWeir[k]! * Math.pow(net.dividerDhMax[k]!, 1.5)) / Q;
          if (net.dividerQMinCfs[k]! > net.dividerQMaxCfs[k]!) errors.push(networkError(137, nodeNames[i]!, model.nodes[i]!.line));
        }
      }
    }
  }

  // ================================================================ topology
  buildAdjacency(net);
  if (routeModel !== ROUTE_DYNWAVE) {
    if (!topoSort(net, errors)) return { net: null, errors, warnings };
    validateTreeLayout(net, errors);
  } else {
    for (let j = 0; j < nLinks; j++) net.sortedLinks[j] = j;
  }
  if (errors.length > 0) return { net: null, errors, warnings };

  // ================================================================ initial state
  initState(net);
  return { net, errors, warnings };
}

function sectionOfLink(kind: string): string {
  return `${SIDE}${kind}S]`;
}

/** LINK_OFFSETS = ELEVATION: offset = elevation − invert; `*` → 0; within −0.001 ft of the invert → 0. */
function convertElevOffset(offUser: number | null, L: number, invertFt: number): number {
  if (offUser === null) return 0;
  const d = offUser / L - invertFt;
  if (d >= -MIN_DELTA_Z_FT) return Math.max(d, 0);
  return d;
}

/** Shaped storage (user units): area as a quadratic in depth (digest §7.4). */
function setShapedStorage(net: Network, k: number, shape: string, l: number, w: number, z: number): void {
  const a = l / 2;
  const b = w / 2;
  switch (shape) {
    case 'CYLINDRICAL':
      net.storageA0[k] = Math.PI * a * b;
      break;
    case 'CONICAL':
      net.storageA0[k] = Math.PI * a * b;
      net.storageA1[k] = 2 * Math.PI * b * z;
      net.storageA2[k] = a > 0 ? (Math.PI * (b / a)) * z * z : 0;
      break;
    case 'PARABOLIC':
      net.storageA1[k] = z > 0 ? (Math.PI * a * b) / z : 0;
      break;
    case 'PYRAMIDAL':
      net.storageA0[k] = l * w;
      net.storageA1[k] = 2 * (l + w) * z;
      net.storageA2[k] = 4 * z * z;
      break;
  }
}

function makeXsect(
  shape: string, geom: readonly number[], L: number, ref: string | undefined,
  transects: Map<string, TransectTable>, curveIdx: Map<string, number>, curves: readonly CurveTable[],
): Xsect | { error: string } {
  const code = xsectShapeCode(shape);
  if (code < 0) return { error: `unknown shape ${shape}` };
  if (code === XS_IRREGULAR || code === XS_STREET) {
    const t = ref ? transects.get(ref.toUpperCase()) : undefined;
    if (!t) return { error: `undefined transect ${ref ?? ''}` };
    return createXsect(code, 0, 0, 0, 0, { ucfLength: L, transect: t });
  }
  if (code === XS_CUSTOM) {
    const c = ref ? curveIdx.get(ref.toUpperCase()) : undefined;
    if (c === undefined) return { error: `undefined shape curve ${ref ?? ''}` };
    return createXsect(code, geom[0]!, geom[1]!, geom[2]!, geom[3]!, { ucfLength: L, shapeCurve: curves[c]! });
  }
  return createXsect(code as XsectShape, geom[0]!, geom[1]!, geom[2]!, geom[3]!, { ucfLength: L });
}

/** Conduit/regulator validation (digest §7.2): offsets, slope, β, full flow, node full depths. */
function validateLink(net: Network, j: number, model: Model, minSlope: number, errors: EngineError[], warnings: string[]): void {
  const name = net.linkNames[j]!;
  const type = net.linkType[j]!;
  const k = net.linkSub[j]!;
  const xs = net.linkXsect[j];
  const n1 = net.linkNode1[j]!;
  const n2 = net.linkNode2[j]!;
  const line = model.links[j]!.line;

  if (type === LINK_CONDUIT) {
    const shape = net.linkShape[j]!;
    // Irregular channels: actual length = input length / meander factor.
    const meander = shape === XS_IRREGULAR && xs?.transect ? xs.transect.lengthFactor : 1;
    const lengthActual = net.conduitLengthFt[k]! / (meander > 0 ? meander : 1);
    net.conduitActualLengthFt[k] = lengthActual;
    net.conduitModLengthFt[k] = net.conduitLengthFt[k]!;
    if (net.conduitLengthFt[k]! <= 0) errors.push(networkError(111, name, line, '[CONDUITS]'));
    if (net.conduitRoughness[k]! <= 0) errors.push(networkError(113, name, line, '[CONDUITS]'));
    if (net.conduitBarrels[k]! <= 0) errors.push(networkError(114, name, line, '[CONDUITS]'));
    if (shape !== XS_DUMMY && xs && !(xs.aFull > 0)) errors.push(networkError(119, name, line, '[CONDUITS]'));
    if (errors.length > 0) return;

    if (net.linkOffset1Ft[j]! < 0) { warnings.push(warning(3, name)); net.linkOffset1Ft[j] = 0; }
    if (net.linkOffset2Ft[j]! < 0) { warnings.push(warning(3, name)); net.linkOffset2Ft[j] = 0; }
    if (shape === XS_FILLED_CIRCULAR && xs) {
      net.linkOffset1Ft[j] = net.linkOffset1Ft[j]! + xs.yBot;
      net.linkOffset2Ft[j] = net.linkOffset2Ft[j]! + xs.yBot;
    }

    // Slope over the horizontal distance, with a minimum elevation drop (§7.2 step 2).
    const e1 = net.linkOffset1Ft[j]! + net.nodeInvertFt[n1]!;
    const e2 = net.linkOffset2Ft[j]! + net.nodeInvertFt[n2]!;
    let dz = Math.abs(e1 - e2);
    if (dz < MIN_DELTA_Z_FT) { warnings.push(warning(4, name)); dz = MIN_DELTA_Z_FT; }
    let slope: number;
    if (dz >= lengthActual) { warnings.push(warning(8, name)); slope = dz / lengthActual; }
    else slope = dz / Math.sqrt(lengthActual * lengthActual - dz * dz);
    let keepPositive = false;
    if (minSlope > 0 && slope < minSlope) {
      warnings.push(warning(5, name));
      slope = minSlope;
      keepPositive = net.routeModel !== ROUTE_DYNWAVE;
    }
    if (!keepPositive && e1 < e2) slope = -slope;
    net.conduitSlope[k] = slope;

    // DW reverses adverse conduits (dynwave.ts will do it with these columns).
    let n = net.conduitRoughness[k]!;
    if (shape === XS_IRREGULAR) n *= Math.sqrt(meander > 0 ? meander : 1);
    net.conduitRoughFactor[k] = GRAVITY_FT_S2 * (n / PHI_MANNING) * (n / PHI_MANNING);
    net.conduitBeta[k] = shape === XS_DUMMY ? 0 : (PHI_MANNING * Math.sqrt(Math.abs(slope))) / n;
    net.linkQFullCfs[j] = xs ? xs.sFull * net.conduitBeta[k]! : 0;
    net.conduitQMaxCfs[k] = xs ? xs.sMax * net.conduitBeta[k]! : 0;
  } else if (type === LINK_PUMP) {
    const c = net.pumpCurve[k]!;
    if (net.pumpType[k] !== PUMP_IDEAL && c >= 0) {
      const cv = net.curves[c]!;
      const nPts = cv.x.length;
      if (nPts === 0) { errors.push(networkError(121, name, line, '[PUMPS]')); return; }
      net.pumpXMin[k] = cv.x[0]!;
      net.pumpXMax[k] = cv.x[nPts - 1]!;
      let qMax = 0;
      for (let i = 0; i < nPts; i++) qMax = Math.max(qMax, cv.y[i]!);
      net.linkQFullCfs[j] = qMax / net.ucf.flow;
    }
    if (net.pumpYOnFt[k]! > 0 && net.pumpYOnFt[k]! <= net.pumpYOffFt[k]!) errors.push(networkError(122, name, line, '[PUMPS]'));
    if (net.pumpType[k] === PUMP_TYPE1 && net.nodeType[n1] !== NODE_STORAGE) {
      net.nodeFullVolumeFt3[n1] = Math.max(net.nodeFullVolumeFt3[n1]!, net.pumpXMax[k]! / net.ucf.volume);
    }
  } else if (type === LINK_ORIFICE) {
    const shape = net.linkShape[j]!;
    if (shape !== XS_RECT_CLOSED && shape !== XS_CIRCULAR) { errors.push(networkError(143, name, line, '[ORIFICES]')); return; }
    if (net.linkOffset1Ft[j]! < 0) net.linkOffset1Ft[j] = 0;
    orificeSetSetting(net, j, 0);
    const yFull = xs ? xs.yFull : 0;
    net.orificeLengthFt[k] = Math.max(200, 2 * net.routeStepS * Math.sqrt(GRAVITY_FT_S2 * yFull));
  } else if (type === LINK_WEIR) {
    const shape = net.linkShape[j]!;
    const wt = net.weirType[k]!;
    const ok = wt === WEIR_VNOTCH ? shape === XS_TRIANGULAR : wt === WEIR_TRAPEZOIDAL ? shape === XS_TRAPEZOIDAL : shape === XS_RECT_OPEN;
    if (!ok) { errors.push(networkError(143, name, line, '[WEIRS]')); return; }
    if (net.linkOffset1Ft[j]! < 0) net.linkOffset1Ft[j] = 0;
    const yFull = xs ? xs.yFull : 0;
    net.weirLengthFt[k] = Math.max(200, 2 * net.routeStepS * Math.sqrt(GRAVITY_FT_S2 * yFull));
    // Equivalent orifice coefficient for a surcharged weir: weir flow at full head / √(head/2).
    const q = weirFlowAtHead(net, j, yFull, 1);
    net.weirCSurcharge[k] = yFull > 0 ? q / Math.sqrt(yFull / 2) : 0;
  } else if (type === LINK_OUTLET) {
    if (net.linkOffset1Ft[j]! < 0) net.linkOffset1Ft[j] = 0;
  }
  if (errors.length > 0) return;

  // Regulator crest below the downstream invert: DW raises it (dynwave), others only warn.
  if (type === LINK_ORIFICE || type === LINK_WEIR || type === LINK_OUTLET) {
    const crest = net.nodeInvertFt[n1]! + net.linkOffset1Ft[j]!;
    if (crest < net.nodeInvertFt[n2]!) {
      if (net.routeModel === ROUTE_DYNWAVE) {
        net.linkOffset1Ft[j] = net.nodeInvertFt[n2]! - net.nodeInvertFt[n1]!;
      }
      warnings.push(warning(10, name));
    }
  }

  // Node full depths reach at least the link crown (not for pumps and bottom orifices).
  if (type === LINK_PUMP || (type === LINK_ORIFICE && net.orificeType[k] === ORIFICE_BOTTOM)) return;
  const yFull = xs ? xs.yFull : 0;
  if (net.nodeType[n1] !== NODE_STORAGE || net.nodeSurDepthFt[n1]! > 0) {
    net.nodeFullDepthFt[n1] = Math.max(net.nodeFullDepthFt[n1]!, net.linkOffset1Ft[j]! + yFull);
  }
  if (type === LINK_CONDUIT && (net.nodeType[n2] !== NODE_STORAGE || net.nodeSurDepthFt[n2]! > 0)) {
    net.nodeFullDepthFt[n2] = Math.max(net.nodeFullDepthFt[n2]!, net.linkOffset2Ft[j]! + yFull);
  }
  if (type === LINK_CONDUIT) {
    net.nodeCrownElevFt[n1] = Math.max(net.nodeCrownElevFt[n1]!, net.nodeInvertFt[n1]! + net.linkOffset1Ft[j]! + yFull);
    net.nodeCrownElevFt[n2] = Math.max(net.nodeCrownElevFt[n2]!, net.nodeInvertFt[n2]! + net.linkOffset2Ft[j]! + yFull);
  }
}

/** Outgoing-link adjacency in input order; a divider's diverted link goes last. */
function buildAdjacency(net: Network): void {
  const { nNodes, nLinks, outStart, outLinks, nodeDegree } = net;
  nodeDegree.fill(0);
  for (let j = 0; j < nLinks; j++) nodeDegree[net.linkNode1[j]!]!++;
  outStart[0] = 0;
  for (let i = 0; i < nNodes; i++) outStart[i + 1] = outStart[i]! + nodeDegree[i]!;
  const fillPos = outStart.slice(0, nNodes);
  for (let j = 0; j < nLinks; j++) {
    const n1 = net.linkNode1[j]!;
    outLinks[fillPos[n1]!++] = j;
  }
  for (let k = 0; k < net.nDividers; k++) {
    const i = net.dividerNode[k]!;
    const s = outStart[i]!;
    const e = outStart[i + 1]!;
    const m = net.dividerLink[k]!;
    for (let p = s; p < e - 1; p++) {
      if (outLinks[p] === m) {
        outLinks[p] = outLinks[p + 1]!;
        outLinks[p + 1] = m;
      }
    }
  }
}

/** Kahn's topological sort of links (KW/SF). Returns false (error 131) on a cycle. */
function topoSort(net: Network, errors: EngineError[]): boolean {
  const { nNodes, nLinks, outStart, outLinks, sortedLinks } = net;
  const inDegree = new Int32Array(nNodes);
  for (let j = 0; j < nLinks; j++) inDegree[net.linkNode2[j]!]!++;
  const queue = new Int32Array(nNodes);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < nNodes; i++) if (inDegree[i] === 0) queue[tail++] = i;
  let n = 0;
  while (head < tail) {
    const i = queue[head++]!;
    for (let p = outStart[i]!; p < outStart[i + 1]!; p++) {
      const m = outLinks[p]!;
      sortedLinks[n++] = m;
      const j2 = net.linkNode2[m]!;
      if (--inDegree[j2]! === 0) queue[tail++] = j2;
    }
  }
  if (n === nLinks) return true;
  // Links never reached lie on (or below) a cycle; name those whose upstream node is still blocked.
  const seen = new Uint8Array(nLinks);
  for (let p = 0; p < n; p++) seen[sortedLinks[p]!] = 1;
  const names: string[] = [];
  for (let j = 0; j < nLinks; j++) if (!seen[j] && inDegree[net.linkNode1[j]!]! > 0) names.push(net.linkNames[j]!);
  errors.push({ ...networkError(131, names.join(' ')), token: names[0] ?? '' });
  return false;
}

/** KW/SF layout rules (digest §7.1). */
function validateTreeLayout(net: Network, errors: EngineError[]): void {
  for (let i = 0; i < net.nNodes; i++) {
    const d = net.nodeDegree[i]!;
    switch (net.nodeType[i]) {
      case NODE_DIVIDER: if (d > 2) errors.push(networkError(135, net.nodeNames[i]!)); break;
      case NODE_OUTFALL: if (d > 0) errors.push(networkError(141, net.nodeNames[i]!)); break;
      case NODE_STORAGE: break;
      default: if (d > 1) errors.push(networkError(133, net.nodeNames[i]!));
    }
  }
  for (let j = 0; j < net.nLinks; j++) {
    const t = net.linkType[j]!;
    if (t === LINK_CONDUIT) {
      if (net.conduitSlope[net.linkSub[j]!]! < 0 && net.linkShape[j] !== XS_DUMMY) errors.push(networkError(115, net.linkNames[j]!));
    } else if (t === LINK_ORIFICE || t === LINK_WEIR || t === LINK_OUTLET) {
      if (net.nodeType[net.linkNode1[j]!] !== NODE_STORAGE) errors.push(networkError(139, net.linkNames[j]!));
    }
  }
}

/** Normal depth (ft) of a per-barrel flow in a conduit. */
export function conduitNormalDepth(net: Network, j: number, qCfs: number): number {
  if (net.linkType[j] !== LINK_CONDUIT || net.linkShape[j] === XS_DUMMY) return 0;
  const xs = net.linkXsect[j]!;
  const k = net.linkSub[j]!;
  let q = Math.abs(qCfs);
  if (q > net.conduitQMaxCfs[k]!) q = net.conduitQMaxCfs[k]!;
  if (q <= 0) return 0;
  const a = xsectAreaOfSectionFactor(xs, q / net.conduitBeta[k]!);
  return xsectDepthOfArea(xs, a);
}

/** Initial hydraulic state (SWMM node/link initState, then the routing's initNodes/initLinks). */
function initState(net: Network): void {
  const { nNodes, nLinks } = net;
  // Storage exfiltration bottom/bank areas.
  for (let k = 0; k < net.nStorage; k++) initStorageExfil(net, k);
  // Nodes: full volume, initial depth and volume.
  for (let i = 0; i < nNodes; i++) {
    net.nodeFullVolumeFt3[i] = nodeVolumeFt3(net, i, net.nodeFullDepthFt[i]!);
    const d = net.nodeInitDepthFt[i]!;
    net.nodeOldDepth[i] = d;
    net.nodeNewDepth[i] = d;
    const v = nodeVolumeFt3(net, i, d);
    net.nodeOldVolume[i] = v;
    net.nodeNewVolume[i] = v;
  }
  // Links: settings, initial flow and normal depth.
  for (let j = 0; j < nLinks; j++) {
    const s = net.linkInitSetting[j]!;
    net.linkSetting[j] = s;
    net.linkTargetSetting[j] = s;
    let q0 = 0;
    if (net.linkType[j] === LINK_CONDUIT) {
      const k = net.linkSub[j]!;
      q0 = net.conduitQ0Cfs[k]!;
      const y = conduitNormalDepth(net, j, q0 / net.conduitBarrels[k]!);
      net.linkNewDepth[j] = y;
      net.linkOldDepth[j] = y;
    }
    net.linkOldFlow[j] = q0;
    net.linkNewFlow[j] = q0;
  }
  for (let k = 0; k < net.nWeirs; k++) weirSetSetting(net, net.weirLink[k]!);

  // Routing initialization: node volumes (with ponding) and node inflow/outflow from link flows.
  for (let i = 0; i < nNodes; i++) {
    net.nodeInflow[i] = net.nodeNewLatFlow[i]!;
    net.nodeOutflow[i] = 0;
    const d = net.nodeNewDepth[i]!;
    if (net.allowPonding && net.nodePondedAreaFt2[i]! > 0 && d > net.nodeFullDepthFt[i]!) {
      net.nodeNewVolume[i] = net.nodeFullVolumeFt3[i]! + (d - net.nodeFullDepthFt[i]!) * net.nodePondedAreaFt2[i]!;
    } else net.nodeNewVolume[i] = nodeVolumeFt3(net, i, d);
  }
  for (let j = 0; j < nLinks; j++) {
    const q = net.linkNewFlow[j]!;
    const n1 = net.linkNode1[j]!;
    const n2 = net.linkNode2[j]!;
    if (q >= 0) {
      net.nodeOutflow[n1] = net.nodeOutflow[n1]! + q;
      net.nodeInflow[n2] = net.nodeInflow[n2]! + q;
    } else {
      net.nodeInflow[n1] = net.nodeInflow[n1]! - q;
      net.nodeOutflow[n2] = net.nodeOutflow[n2]! - q;
    }
  }
  for (let j = 0; j < nLinks; j++) {
    if (net.routeModel === ROUTE_STEADY) net.linkNewFlow[j] = 0;
    if (net.linkType[j] !== LINK_CONDUIT) continue;
    const k = net.linkSub[j]!;
    const xs = net.linkXsect[j];
    const q1 = net.linkNewFlow[j]! / net.conduitBarrels[k]!;
    net.conduitQ1[k] = q1;
    net.conduitQ2[k] = q1;
    const a = xs && net.linkShape[j] !== XS_DUMMY ? xsectAreaOfDepth(xs, net.linkNewDepth[j]!) : 0;
    net.conduitA1[k] = a;
    net.conduitA2[k] = a;
    net.linkNewVolume[j] = a * net.conduitActualLengthFt[k]! * net.conduitBarrels[k]!;
    net.linkOldVolume[j] = net.linkNewVolume[j]!;
  }
}
