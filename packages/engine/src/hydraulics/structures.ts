// Flow through non-conduit links and divider nodes (digest §7.8, §7.9, §7.11).
//
// Each function takes the water levels it needs as arguments so that the same code serves
// kinematic wave / steady flow (downstream head = the upstream invert: free discharge) and,
// later, dynamic wave (real downstream head). Flows are in cfs; curves and weir/outlet
// equations are evaluated in the user's units and converted, as SWMM does.
import type { Network } from './network.js';
import {
  PUMP_IDEAL, PUMP_TYPE1, PUMP_TYPE2, PUMP_TYPE3, PUMP_TYPE4, PUMP_TYPE5, ORIFICE_SIDE, NODE_OUTFALL,
  WEIR_TRANSVERSE, WEIR_SIDEFLOW, WEIR_VNOTCH, WEIR_TRAPEZOIDAL, WEIR_ROADWAY, ROAD_PAVED, ROAD_GRAVEL, ROAD_NONE,
  OUTLET_DEPTH, DIVIDER_CUTOFF, DIVIDER_OVERFLOW, DIVIDER_WEIR, DIVIDER_TABULAR,
  FLOW_DRY, FLOW_UP_DRY, FLOW_DN_DRY, FLOW_SUBCRITICAL, FLOW_UP_CRITICAL, FLOW_DN_CRITICAL,
  curveLookup, curveIntervalLookup, curveSlope,
} from './network.js';
import { xsectAreaOfDepth, xsectWidthOfDepth, XS_CIRCULAR } from './xsect.js';
import { FUDGE, FLOW_TOL_CFS, GRAVITY_FT_S2, M3_PER_FT3 } from '../model/units.js';

const SQRT_2G = Math.sqrt(2 * GRAVITY_FT_S2);
const TINY = 1e-6;
const PUMP_DH_FT = 0.001;

// ---------------------------------------------------------------- flap gates

/**
 * True when a flap gate blocks flow q (sign in the link's internal orientation): the link's
 * own gate blocks reverse flow; a gated outfall blocks flow leaving it into the network.
 */
export function flapGateBlocks(net: Network, j: number, q: number): boolean {
  if (net.linkHasFlapGate[j] && q * net.linkDirection[j]! < 0) return true;
  const n = q > 0 ? net.linkNode1[j]! : q < 0 ? net.linkNode2[j]! : -1;
  if (n >= 0 && net.nodeType[n] === NODE_OUTFALL && net.outfallGated[net.nodeSub[n]!]) return true;
  return false;
}

// ---------------------------------------------------------------- pumps

/**
 * Pump flow (cfs) from the current node states, times the pump setting. Sets the link's
 * flow class (DN_DRY / UP_DRY = off the curve low / high) and dq/dh.
 */
export function pumpFlow(net: Network, j: number): number {
  const k = net.linkSub[j]!;
  const n1 = net.linkNode1[j]!;
  const n2 = net.linkNode2[j]!;
  const s = net.linkSetting[j]!;
  net.linkFlowClass[j] = FLOW_DRY;
  if (s === 0) return 0;
  const ucf = net.ucf;
  const type = net.pumpType[k]!;
  let q = 0;
  if (type === PUMP_IDEAL) {
    q = net.nodeInflow[n1]! + net.nodeOverflow[n1]!;
  } else {
    const c = net.curves[net.pumpCurve[k]!]!;
    const xMin = net.pumpXMin[k]!;
    const xMax = net.pumpXMax[k]!;
    switch (type) {
      case PUMP_TYPE1: {
        const v = net.nodeNewVolume[n1]! * ucf.volume;
        q = curveIntervalLookup(c, v) / ucf.flow;
        if (v < xMin || v > xMax) net.linkFlowClass[j] = FLOW_UP_DRY;
        break;
      }
      case PUMP_TYPE2: {
        const d = net.nodeNewDepth[n1]! * ucf.length;
        q = curveIntervalLookup(c, d) / ucf.flow;
        if (d < xMin || d > xMax) net.linkFlowClass[j] = FLOW_UP_DRY;
        break;
      }
      case PUMP_TYPE3:
      case PUMP_TYPE5: {
        const sp = type === PUMP_TYPE5 ? s : 1;
        let h = net.nodeNewDepth[n2]! + net.nodeInvertFt[n2]! - (net.nodeNewDepth[n1]! + net.nodeInvertFt[n1]!);
        if (h < 0) h = 0;
        const hu = (h * ucf.length) / (sp * sp);
        q = curveLookup(c, hu) / ucf.flow;
        net.linkDqDh[j] = (-curveSlope(c, hu) * ucf.length) / ucf.flow / sp;
        if (hu < xMin || hu > xMax) net.linkFlowClass[j] = FLOW_UP_DRY;
        break;
      }
      case PUMP_TYPE4: {
        const d = net.nodeNewDepth[n1]!;
        q = curveLookup(c, d * ucf.length) / ucf.flow;
        const q1 = curveLookup(c, (d + PUMP_DH_FT) * ucf.length) / ucf.flow;
        net.linkDqDh[j] = (q1 - q) / PUMP_DH_FT;
        const du = d * ucf.length;
        if (du < xMin) net.linkFlowClass[j] = FLOW_DN_DRY;
        if (du > xMax) net.linkFlowClass[j] = FLOW_UP_DRY;
        break;
      }
    }
  }
  if (q < 0) q = 0;
  return q * s;
}

/** Pump start-up / shut-off depth rules: the target setting before control rules (§7.8). */
export function pumpSetTargetFromDepths(net: Network, j: number): void {
  const k = net.linkSub[j]!;
  const n1 = net.linkNode1[j]!;
  const y = net.nodeNewDepth[n1]!;
  const s = net.linkSetting[j]!;
  net.linkTargetSetting[j] = s;
  if (net.pumpYOffFt[k]! > 0 && s > 0 && y < net.pumpYOffFt[k]!) net.linkTargetSetting[j] = 0;
  if (net.pumpYOnFt[k]! > 0 && s === 0 && y > net.pumpYOnFt[k]!) net.linkTargetSetting[j] = 1;
}

// ---------------------------------------------------------------- orifices

/**
 * Move an orifice's setting toward its target (at the close-time rate when dtS > 0) and
 * recompute its effective orifice and weir coefficients.
 */
export function orificeSetSetting(net: Network, j: number, dtS: number): void {
  const k = net.linkSub[j]!;
  const orate = net.orificeOrateS[k]!;
  if (orate === 0 || dtS === 0) net.linkSetting[j] = net.linkTargetSetting[j]!;
  else {
    const delta = net.linkTargetSetting[j]! - net.linkSetting[j]!;
    const step = dtS / orate;
    if (step + 0.001 >= Math.abs(delta)) net.linkSetting[j] = net.linkTargetSetting[j]!;
    else net.linkSetting[j] = net.linkSetting[j]! + Math.sign(delta) * step;
  }
  const xs = net.linkXsect[j];
  if (!xs) return;
  const h = net.linkSetting[j]! * xs.yFull;
  const area = xsectAreaOfDepth(xs, h);
  const cd = net.orificeCDisch[k]!;
  net.orificeCOrif[k] = cd * area * SQRT_2G;
  if (net.orificeType[k] === ORIFICE_SIDE) {
    net.orificeHCritFt[k] = h;
    net.orificeCWeir[k] = net.orificeCOrif[k]! * Math.sqrt(h / 2);
  } else {
    // Bottom orifice: weir flow below hCrit = Cd/0.414·(A/P).
    const w = xs.wMax;
    const aOverP = xs.type === XS_CIRCULAR ? h / 4 : h + w > 0 ? (h * w) / (2 * (h + w)) : 0;
    const hc = (cd / 0.414) * aOverP;
    net.orificeHCritFt[k] = hc;
    net.orificeCWeir[k] = net.orificeCOrif[k]! * Math.sqrt(hc);
  }
}

/** Orifice flow for head h (ft) and weir fraction f; applies the flap-gate head loss once. */
function orificeFlowOf(net: Network, j: number, k: number, head: number, f: number, gate: boolean): number {
  if (head === 0 || f <= 0) {
    net.linkDqDh[j] = 0;
    return 0;
  }
  let q: number;
  if (f < 1) {
    q = net.orificeCWeir[k]! * Math.pow(f, 1.5);
    net.linkDqDh[j] = (1.5 * q) / (f * net.orificeHCritFt[k]!);
  } else {
    q = net.orificeCOrif[k]! * Math.sqrt(head);
    net.linkDqDh[j] = q / (2 * head);
  }
  if (gate) {
    const xs = net.linkXsect[j]!;
    const area = xsectAreaOfDepth(xs, net.linkSetting[j]! * xs.yFull);
    if (area > TINY) {
      const v = q / area;
      const hc = net.orificeHCritFt[k]!;
      const hEff = f < 1 ? f * hc : head;
      const hl = (4 / GRAVITY_FT_S2) * v * v * Math.exp((-1.15 * v) / Math.sqrt(hEff));
      if (f < 1) {
        const f2 = hc > 0 ? Math.max(f * hc - hl, 0) / hc : 0;
        return orificeFlowOf(net, j, k, head, f2, false);
      }
      return orificeFlowOf(net, j, k, Math.max(head - hl, 0), f, false);
    }
  }
  return q;
}

/**
 * Orifice flow (cfs, signed) for upstream head h1 and downstream head h2 (ft elevations).
 * KW/SF pass h2 = the upstream node's invert (free discharge). Sets the link depth.
 */
export function orificeFlow(net: Network, j: number, h1In: number, h2In: number): number {
  const k = net.linkSub[j]!;
  const n1 = net.linkNode1[j]!;
  const n2 = net.linkNode2[j]!;
  let h1 = h1In;
  let h2 = h2In;
  const dir = h1 >= h2 ? 1 : -1;
  let y1 = net.nodeNewDepth[n1]!;
  if (dir < 0) {
    h1 = h2In;
    h2 = h1In;
    y1 = net.nodeNewDepth[n2]!;
  }
  const xs = net.linkXsect[j]!;
  const crest = net.nodeInvertFt[n1]! + net.linkOffset1Ft[j]!;
  let head: number;
  let f: number;
  if (net.orificeType[k] !== ORIFICE_SIDE) {
    if (h1 < crest) head = 0;
    else if (h2 > crest) head = h1 - h2;
    else head = h1 - crest;
    f = net.orificeHCritFt[k]! > 0 ? Math.min(head / net.orificeHCritFt[k]!, 1) : 1;
  } else {
    const crown = crest + xs.yFull * net.linkSetting[j]!;
    const mid = (crest + crown) / 2;
    f = h1 < crown && crown > crest ? (h1 - crest) / (crown - crest) : 1;
    if (f < 1) head = h1 - crest;
    else if (h2 < mid) head = h1 - mid;
    else head = h1 - h2;
  }
  if (head <= FUDGE || y1 <= FUDGE || flapGateBlocks(net, j, dir)) {
    net.linkNewDepth[j] = 0;
    net.linkFlowClass[j] = FLOW_DRY;
    net.orificeSurfAreaFt2[k] = FUDGE * net.orificeLengthFt[k]!;
    net.linkDqDh[j] = 0;
    return 0;
  }
  net.linkFlowClass[j] = crest > h2 ? (dir > 0 ? FLOW_DN_CRITICAL : FLOW_UP_CRITICAL) : FLOW_SUBCRITICAL;
  const yOpen = xs.yFull * net.linkSetting[j]!;
  if (net.orificeType[k] === ORIFICE_SIDE) {
    net.linkNewDepth[j] = yOpen * f;
    net.orificeSurfAreaFt2[k] = xsectWidthOfDepth(xs, yOpen * f) * net.orificeLengthFt[k]!;
  } else {
    net.linkNewDepth[j] = yOpen;
    net.orificeSurfAreaFt2[k] = xsectAreaOfDepth(xs, yOpen);
  }
  let q = dir * orificeFlowOf(net, j, k, head, f, net.linkHasFlapGate[j] === 1);
  if (f < 1 && h2 > crest) {
    const r = (h2 - crest) / (h1 - crest);
    q *= Math.pow(1 - Math.pow(r, 1.5), 0.385);
  }
  return q;
}

// ---------------------------------------------------------------- weirs

const WEIR_POWER = [1.5, 5 / 3, 2.5, 1.5];

/**
 * Weir equation flows (cfs) at head h (ft): central part into net.scratch[0], trapezoid ends
 * into net.scratch[1]; the flap-gate head loss is applied once. Sets dq/dh.
 */
function weirFlowParts(net: Network, j: number, head: number, dir: number, gate: boolean): void {
  const parts = net.scratch;
  const k = net.linkSub[j]!;
  parts[0] = 0;
  parts[1] = 0;
  net.linkDqDh[j] = 0;
  if (head <= 0) return;
  const xs = net.linkXsect[j]!;
  const ucfL = net.ucf.length;
  let length = xs.wMax * ucfL;
  const h = head * ucfL;
  const cdc = net.weirCdCurve[k]!;
  const cd1 = cdc >= 0 ? curveLookup(net.curves[cdc]!, h) : net.weirCDisch1[k]!;
  const cd2 = net.weirCDisch2[k]!;
  let type = net.weirType[k]!;
  if (type === WEIR_VNOTCH && net.linkSetting[j]! < 1) type = WEIR_TRAPEZOIDAL;
  let q1 = 0;
  let q2 = 0;
  switch (type) {
    case WEIR_TRANSVERSE:
      length = Math.max(length - 0.1 * net.weirEndCon[k]! * h, 0);
      q1 = cd1 * length * Math.pow(h, 1.5);
      break;
    case WEIR_SIDEFLOW:
      if (dir < 0) q1 = cd1 * length * Math.pow(h, 1.5);
      else {
        length = Math.max(length - 0.1 * net.weirEndCon[k]! * h, 0);
        q1 = cd1 * Math.pow(length, 0.83) * Math.pow(h, 1.67);
      }
      break;
    case WEIR_VNOTCH:
      q1 = cd1 * net.weirSlope[k]! * Math.pow(h, 2.5);
      break;
    case WEIR_TRAPEZOIDAL: {
      const y = (1 - net.linkSetting[j]!) * xs.yFull;
      length = xsectWidthOfDepth(xs, y) * ucfL;
      q1 = cd1 * length * Math.pow(h, 1.5);
      q2 = cd2 * net.weirSlope[k]! * Math.pow(h, 2.5);
      break;
    }
  }
  if (net.ucf.system === 'SI') {
    q1 /= M3_PER_FT3;
    q2 /= M3_PER_FT3;
  }
  if (gate) {
    const area = xsectAreaOfDepth(xs, head);
    if (area > TINY) {
      const v = (q1 + q2) / area;
      const hl = (4 / GRAVITY_FT_S2) * v * v * Math.exp((-1.15 * v) / Math.sqrt(head));
      weirFlowParts(net, j, Math.max(head - hl, 0), dir, false);
      return;
    }
  }
  parts[0] = q1;
  parts[1] = q2;
  net.linkDqDh[j] = weirDqDh(net.weirType[k]!, dir, head, q1, q2);
}

function weirDqDh(type: number, dir: number, h: number, q1: number, q2: number): number {
  if (Math.abs(h) < FUDGE) return 0;
  const q1h = Math.abs(q1 / h);
  const q2h = Math.abs(q2 / h);
  switch (type) {
    case WEIR_TRANSVERSE: return 1.5 * q1h;
    case WEIR_SIDEFLOW: return dir < 0 ? 1.5 * q1h : 1.67 * q1h;
    case WEIR_VNOTCH: return q2h === 0 ? 2.5 * q1h : 1.5 * q1h + 2.5 * q2h;
    case WEIR_TRAPEZOIDAL: return 1.5 * q1h + 2.5 * q2h;
    default: return 0;
  }
}

/** Total weir-equation flow (cfs) at head h (ft), no flap gate — used for the surcharge coefficient. */
export function weirFlowAtHead(net: Network, j: number, headFt: number, dir: number): number {
  weirFlowParts(net, j, headFt, dir, false);
  return net.scratch[0]! + net.scratch[1]!;
}

/** Apply a weir's target setting and recompute its surcharge (equivalent orifice) coefficient. */
export function weirSetSetting(net: Network, j: number): void {
  const k = net.linkSub[j]!;
  net.linkSetting[j] = net.linkTargetSetting[j]!;
  if (!net.weirCanSurcharge[k] || net.weirType[k] === WEIR_ROADWAY) return;
  const s = net.linkSetting[j]!;
  if (s === 0) {
    net.weirCSurcharge[k] = 0;
    return;
  }
  const h = s * net.linkXsect[j]!.yFull;
  const q = weirFlowAtHead(net, j, h, 1);
  net.weirCSurcharge[k] = q / Math.sqrt(h / 2);
}

/**
 * Weir flow (cfs, signed) for upstream head h1 and downstream head h2 (ft elevations).
 * KW/SF pass h2 = the upstream node's invert. Sets the link depth.
 */
export function weirFlow(net: Network, j: number, h1In: number, h2In: number): number {
  const k = net.linkSub[j]!;
  const n1 = net.linkNode1[j]!;
  let h1 = h1In;
  let h2 = h2In;
  const dir = h1 > h2 ? 1 : -1;
  if (dir < 0) {
    h1 = h2In;
    h2 = h1In;
  }
  const xs = net.linkXsect[j]!;
  let crest = net.nodeInvertFt[n1]! + net.linkOffset1Ft[j]!;
  const crown = crest + xs.yFull;
  if (net.weirType[k] === WEIR_ROADWAY) return roadwayFlow(net, j, k, dir, crest, h1, h2);
  crest += (1 - net.linkSetting[j]!) * xs.yFull;
  let head = h1 - crest;
  net.linkDqDh[j] = 0;
  if (head <= FUDGE || crest >= crown || flapGateBlocks(net, j, dir)) {
    net.linkNewDepth[j] = 0;
    net.linkFlowClass[j] = FLOW_DRY;
    return 0;
  }
  net.linkFlowClass[j] = crest > h2 ? (dir > 0 ? FLOW_DN_CRITICAL : FLOW_UP_CRITICAL) : FLOW_SUBCRITICAL;
  const ySurf = xs.yFull - (crown - Math.min(h1, crown));
  net.weirSurfAreaFt2[k] = xsectWidthOfDepth(xs, ySurf) * net.weirLengthFt[k]!;

  if (h1 >= crown) {
    if (net.weirCanSurcharge[k]) {
      // Surcharged weir: equivalent orifice over the opening.
      const mid = (crest + crown) / 2;
      let hs = h2 < mid ? h1 - mid : h1 - h2;
      const yOpen = crown - crest;
      const c = net.weirCSurcharge[k]!;
      let q = c * Math.sqrt(Math.max(hs, 0));
      if (net.linkHasFlapGate[j]) {
        const a = xsectAreaOfDepth(xs, yOpen);
        if (a > 0) {
          const v = q / a;
          // [as-is] the loss exponent uses √(opening height), not √head.
          const hl = (4 / GRAVITY_FT_S2) * v * v * Math.exp((-1.15 * v) / Math.sqrt(yOpen));
          hs = Math.max(hs - hl, 0);
          q = c * Math.sqrt(hs);
        }
      }
      net.linkDqDh[j] = hs > 0 ? q / (2 * hs) : 0;
      net.linkNewDepth[j] = yOpen;
      return dir * q;
    }
    head = crown - crest;
  }
  weirFlowParts(net, j, head, dir, net.linkHasFlapGate[j] === 1);
  let q1 = net.scratch[0]!;
  let q2 = net.scratch[1]!;
  if (h2 > crest) {
    const r = (h2 - crest) / (h1 - crest);
    q1 *= Math.pow(1 - Math.pow(r, WEIR_POWER[net.weirType[k]!] ?? 1.5), 0.385);
    if (q2 > 0) q2 *= Math.pow(1 - Math.pow(r, 2.5), 0.385);
  }
  net.linkNewDepth[j] = Math.min(h1 - crest, xs.yFull);
  return dir * (q1 + q2);
}

// FHWA HDS-5 roadway weir tables (digest §7.11).
const CR_LOW_PAVED = [0, 2.85, 0.2, 2.95, 0.7, 3.03, 4, 3.05];
const CR_LOW_GRAVEL = [0, 2.5, 0.5, 2.7, 1, 2.8, 1.5, 2.9, 2, 2.98, 2.5, 3.02, 3, 3.03, 4, 3.05];
const CR_HIGH_PAVED = [0.15, 3.05, 0.25, 3.1];
const CR_HIGH_GRAVEL = [0.15, 2.95, 0.3, 3.1];
const KT_PAVED = [0.8, 1, 0.85, 0.98, 0.9, 0.92, 0.93, 0.85, 0.95, 0.8, 0.97, 0.7, 0.98, 0.6, 0.99, 0.5, 1, 0.4];
const KT_GRAVEL = [0.75, 1, 0.8, 0.985, 0.83, 0.97, 0.86, 0.93, 0.89, 0.9, 0.9, 0.87, 0.92, 0.8, 0.94, 0.7, 0.96, 0.6,
  0.98, 0.5, 0.99, 0.4, 1, 0.24];

/** Interpolate x,y pairs (flat array), end values held. */
function pairsLookup(t: readonly number[], x: number): number {
  const n = t.length / 2;
  if (x <= t[0]!) return t[1]!;
  for (let i = 1; i < n; i++) {
    const x2 = t[2 * i]!;
    if (x <= x2) {
      const x1 = t[2 * i - 2]!;
      const y1 = t[2 * i - 1]!;
      return y1 + ((x - x1) * (t[2 * i + 1]! - y1)) / (x2 - x1);
    }
  }
  return t[2 * n - 1]!;
}

function roadwayFlow(net: Network, j: number, k: number, dir: number, crest: number, h1: number, h2: number): number {
  const hw = h1 - crest;
  const ht = h2 - crest;
  const xs = net.linkXsect[j]!;
  let cd = net.weirCDisch1[k]!;
  if (net.ucf.system === 'SI') cd /= 0.552;
  const width = net.weirRoadWidthFt[k]!;
  const surface = net.weirRoadSurface[k]!;
  if (width > 0 && surface !== ROAD_NONE) {
    const paved = surface === ROAD_PAVED;
    const ratio = hw / width;
    let cr: number;
    if (ratio <= 0.15) cr = pairsLookup(paved ? CR_LOW_PAVED : CR_LOW_GRAVEL, hw);
    else cr = pairsLookup(paved ? CR_HIGH_PAVED : CR_HIGH_GRAVEL, ratio);
    let kt = 1;
    if (ht > 0 && hw > 0) kt = pairsLookup(paved ? KT_PAVED : KT_GRAVEL, ht / hw);
    cd = cr * kt;
  }
  void ROAD_GRAVEL;
  let q = 0;
  net.linkDqDh[j] = 0;
  if (hw > FUDGE) {
    q = cd * xs.wMax * Math.pow(hw, 1.5);
    net.linkDqDh[j] = (1.5 * q) / hw;
  }
  net.linkNewDepth[j] = Math.max(hw, 0);
  net.linkFlowClass[j] = crest > h2 ? (dir > 0 ? FLOW_DN_CRITICAL : FLOW_UP_CRITICAL) : FLOW_SUBCRITICAL;
  return dir * q;
}

// ---------------------------------------------------------------- outlets

/**
 * Outlet flow (cfs, signed) for upstream head h1 and downstream head h2. KW/SF pass
 * h2 = the upstream invert. Sets the link depth (= head).
 */
export function outletFlow(net: Network, j: number, h1In: number, h2In: number): number {
  const k = net.linkSub[j]!;
  const n1 = net.linkNode1[j]!;
  const n2 = net.linkNode2[j]!;
  let h1 = h1In;
  let h2 = h2In;
  const dir = h1 >= h2 ? 1 : -1;
  let y1 = net.nodeNewDepth[n1]!;
  if (dir < 0) {
    h1 = h2In;
    h2 = h1In;
    y1 = net.nodeNewDepth[n2]!;
  }
  const crest = net.nodeInvertFt[n1]! + net.linkOffset1Ft[j]!;
  const head = net.outletCurveType[k] === OUTLET_DEPTH ? h1 - crest : h1 - Math.max(h2, crest);
  net.linkDqDh[j] = 0;
  if (head <= FUDGE || y1 <= FUDGE || flapGateBlocks(net, j, dir)) {
    net.linkNewDepth[j] = 0;
    net.linkFlowClass[j] = FLOW_DRY;
    return 0;
  }
  net.linkNewDepth[j] = head;
  net.linkFlowClass[j] = FLOW_SUBCRITICAL;
  const hu = head * net.ucf.length;
  const c = net.outletQCurve[k]!;
  const qu = c >= 0 ? curveLookup(net.curves[c]!, hu) : net.outletQCoeff[k]! * Math.pow(hu, net.outletQExpon[k]!);
  return dir * net.linkSetting[j]! * (qu / net.ucf.flow);
}

// ---------------------------------------------------------------- dividers

/**
 * Flow (cfs) a divider node i sends into its outlet link j (KW/SF, digest §7.9). The
 * non-diverted link is routed first; OVERFLOW dividers divert what it could not take.
 */
export function dividerOutflow(net: Network, i: number, j: number): number {
  const k = net.nodeSub[i]!;
  const qIn = net.nodeInflow[i]! + net.nodeOverflow[i]!;
  const diverted = net.dividerLink[k]!;
  let qOut = 0;
  switch (net.dividerType[k]) {
    case DIVIDER_CUTOFF:
      qOut = qIn <= net.dividerQMinCfs[k]! ? 0 : qIn - net.dividerQMinCfs[k]!;
      break;
    case DIVIDER_OVERFLOW: {
      if (j !== diverted) return qIn;
      const q = qIn - net.nodeOutflow[i]!;
      return q < FLOW_TOL_CFS ? 0 : q;
    }
    case DIVIDER_WEIR: {
      const qMin = net.dividerQMinCfs[k]!;
      const qMax = net.dividerQMaxCfs[k]!;
      if (qIn <= qMin) qOut = 0;
      else {
        const f = (qIn - qMin) / (qMax - qMin);
        if (f > 1) qOut = qMax * Math.sqrt(f);
        else qOut = (net.dividerCWeir[k]! * Math.pow(f * net.dividerDhMax[k]!, 1.5)) / net.ucf.flow;
      }
      break;
    }
    case DIVIDER_TABULAR: {
      const c = net.dividerCurve[k]!;
      qOut = c >= 0 ? curveLookup(net.curves[c]!, qIn * net.ucf.flow) / net.ucf.flow : 0;
      break;
    }
  }
  if (qOut > qIn) qOut = qIn;
  return j === diverted ? qOut : qIn - qOut;
}
