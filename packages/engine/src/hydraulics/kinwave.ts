// Kinematic wave routing (digest §7.6) and the link-by-link sweep shared with steady flow
// (§7.5): links in topological order, storage units updated before their outlets, each
// link's inflow taken from its upstream node (§7.9), routed through the link, added to the
// downstream node; then node volumes/depths and conduit depths/volumes (§7.6.7–7.6.8).
//
// Allocation-free: results of the per-conduit solution go through net.scratch.
import type { Network } from './network.js';
import {
  ROUTE_STEADY, NODE_STORAGE, NODE_DIVIDER, NODE_OUTFALL, LINK_CONDUIT, LINK_PUMP, LINK_ORIFICE, LINK_WEIR, LINK_OUTLET,
  FULL_NONE, FULL_UP, FULL_DN, FULL_ALL,
} from './network.js';
import { nodeDepthFt } from './nodes.js';
import { pumpFlow, orificeFlow, weirFlow, outletFlow, dividerOutflow } from './structures.js';
import { steadyConduit } from './steady.js';
import {
  xsectAreaOfDepth, xsectWidthOfDepth, xsectDepthOfArea, xsectSectionFactorOfArea, xsectAreaOfSectionFactor,
  xsectDSdA, XS_DUMMY, XS_RECT_CLOSED,
} from './xsect.js';
import { FUDGE } from '../model/units.js';

/** Time and space weights of the four-point kinematic wave scheme. */
const WT = 0.6;
const WX = 0.6;
const KW_TOL = 0.001;
const KW_MAX_ITER = 60;
const TINY = 1e-6;
/** Storage update: relaxation weight on the new depth, stop tolerance (ft), passes. */
const STORAGE_OMEGA = 0.55;
const STORAGE_STOPTOL_FT = 0.005;
const STORAGE_MAX_ITER = 9;

/** Climate terms the losses need (set by the caller each step). */
export interface LossInputs {
  /** Potential evaporation rate (ft/s). */
  evapRateFtS: number;
  /** Monthly soil conductivity adjustment factor (1 = none). */
  hydconFactor: number;
}

/** Error found by the sweep (kinematic wave continuity not solved). */
export interface SweepResult {
  /** Link whose KW equation failed (SWMM error 103), or −1. */
  failedLink: number;
  /** Rounded mean solver iterations per link (SWMM's step iteration count). */
  iterations: number;
}

// ---------------------------------------------------------------- conduit losses

/**
 * Evaporation + seepage loss rate per barrel (cfs) of conduit link j (digest §7.14), limited
 * to |qPerBarrel| (KW/SF). Stores the two rates for the mass balance.
 */
export function conduitLossRate(net: Network, j: number, qPerBarrel: number, loss: LossInputs): number {
  const k = net.linkSub[j]!;
  const depth = 0.5 * (net.linkOldDepth[j]! + net.linkNewDepth[j]!);
  let evap = 0;
  let seep = 0;
  const xs = net.linkXsect[j];
  if (depth > FUDGE && xs) {
    const len = net.conduitActualLengthFt[k]!;
    if (loss.evapRateFtS > 0 && xs.isOpen) evap = xsectWidthOfDepth(xs, depth) * len * loss.evapRateFtS;
    const rate = net.conduitSeepRateFtS[k]!;
    if (rate > 0) {
      const w = net.linkShape[j] === XS_RECT_CLOSED ? xs.wMax : xsectWidthOfDepth(xs, Math.min(depth, xs.ywMax));
      seep = rate * w * len * loss.hydconFactor;
    }
    const total = evap + seep;
    const maxRate = Math.abs(qPerBarrel);
    if (total > maxRate) {
      const r = total > 0 ? maxRate / total : 0;
      evap *= r;
      seep *= r;
    }
  }
  net.conduitEvapLossRate[k] = evap;
  net.conduitSeepLossRate[k] = seep;
  return evap + seep;
}

// ---------------------------------------------------------------- KW conduit solution

/**
 * Route inflow qin (cfs, all barrels) through conduit j over dtS. Writes the (possibly
 * capped) inflow to net.scratch[2] and the outflow to net.scratch[3]. Returns the number of
 * continuity-equation evaluations (≥ 1), or −1 if the root finder failed (error 103).
 */
export function kinwaveConduit(net: Network, j: number, qinCfs: number, dtS: number, loss: LossInputs): number {
  const sc = net.scratch;
  sc[2] = qinCfs;
  sc[3] = qinCfs;
  if (net.linkType[j] !== LINK_CONDUIT || net.linkShape[j] === XS_DUMMY) return 1;
  const xs = net.linkXsect[j]!;
  const k = net.linkSub[j]!;
  const qFull = net.linkQFullCfs[j]!;
  const aFull = xs.aFull;
  const barrels = net.conduitBarrels[k]!;
  const beta1 = net.conduitBeta[k]! / qFull;

  // Normalized previous flows and areas, this step's loss rate and inflow.
  const q1 = net.conduitQ1[k]! / qFull;
  const q2 = net.conduitQ2[k]! / qFull;
  const q3 = conduitLossRate(net, j, qinCfs / barrels, loss) / qFull;
  const a1 = net.conduitA1[k]! / aFull;
  const a2 = net.conduitA2[k]! / aFull;
  let qin = qinCfs / barrels / qFull;
  const ain = qin >= 1 ? 1 : xsectAreaOfSectionFactor(xs, qin / beta1) / aFull;

  let qout: number;
  let aout: number;
  let result = 1;
  if (qin <= TINY && q2 <= TINY) {
    qout = 0;
    aout = 0;
  } else {
    const dxdt = ((net.conduitActualLengthFt[k]! / dtS) * aFull) / qFull;
    const c1 = (dxdt * WT) / WX;
    let c2 = (1 - WT) * (ain - a1) - WT * a2;
    c2 = (c2 * dxdt) / WX + ((1 - WX) / WX) * (q2 - q1) - qin + q3 / WX;
    aout = a2;
    const n = solveContinuity(xs, aFull, beta1, c1, c2, qin, ain, aout, sc);
    aout = sc[0]!;
    if (n < 0) return -1;
    if (n > 0) result = n;
    qout = beta1 * xsectSectionFactorOfArea(xs, aout * aFull);
    if (qin > 1) qin = 1;
  }
  net.conduitQ1[k] = qin * qFull;
  net.conduitA1[k] = ain * aFull;
  net.conduitQ2[k] = qout * qFull;
  net.conduitA2[k] = aout * aFull;
  net.conduitFullState[k] = fullState(net.conduitA1[k]!, net.conduitA2[k]!, aFull);
  sc[2] = net.conduitQ1[k]! * barrels;
  sc[3] = net.conduitQ2[k]! * barrels;
  return result;
}

/** Full state of a conduit from its end areas. */
export function fullState(a1: number, a2: number, aFull: number): number {
  if (a1 >= aFull) return a2 >= aFull ? FULL_ALL : FULL_UP;
  return a2 >= aFull ? FULL_DN : FULL_NONE;
}

/**
 * Solve β1·S(a·Af) + c1·a + c2 = 0 for the normalized outlet area (digest §7.6 step 3).
 * The root goes to out[0]. Returns evaluations used (> 0), 0 when no root was bracketed
 * (the area is then set by the over/under-capacity rule), or −1 if the iteration limit
 * was exceeded.
 */
function solveContinuity(
  xs: NonNullable<Network['linkXsect'][number]>, aFull: number, beta1: number, c1: number, c2: number,
  qin: number, ain: number, aStart: number, out: Float64Array,
): number {
  let aHi = 1;
  let fHi = 1 + c1 + c2;
  let aLo = xs.aMax / aFull;
  let fLo: number;
  if (aLo < aHi) fLo = beta1 * xs.sMax + c1 * aLo + c2;
  else fLo = fHi;
  if (fHi * fLo > 0) {
    aHi = aLo;
    fHi = fLo;
    aLo = 0;
    fLo = c2;
  }
  if (fHi * fLo <= 0) {
    let x = aStart;
    if (x < aLo || x > aHi) x = 0.5 * (aLo + aHi);
    if (fLo > fHi) {
      const t = aLo;
      aLo = aHi;
      aHi = t;
    }
    // Newton-Raphson safeguarded by bisection; the bracket has f(xlo) < 0 < f(xhi).
    let xlo = aLo;
    let xhi = aHi;
    let dxold = Math.abs(aHi - aLo);
    let dx = dxold;
    let f = beta1 * xsectSectionFactorOfArea(xs, x * aFull) + c1 * x + c2;
    let df = beta1 * aFull * xsectDSdA(xs, x * aFull) + c1;
    let n = 1;
    while (n <= KW_MAX_ITER) {
      if (((x - xhi) * df - f) * ((x - xlo) * df - f) >= 0 || Math.abs(2 * f) > Math.abs(dxold * df)) {
        dxold = dx;
        dx = 0.5 * (xhi - xlo);
        x = xlo + dx;
        if (xlo === x) break;
      } else {
        dxold = dx;
        dx = f / df;
        const t = x;
        x -= dx;
        if (t === x) break;
      }
      if (Math.abs(dx) < KW_TOL) break;
      f = beta1 * xsectSectionFactorOfArea(xs, x * aFull) + c1 * x + c2;
      df = beta1 * aFull * xsectDSdA(xs, x * aFull) + c1;
      n++;
      if (f < 0) xlo = x;
      else xhi = x;
    }
    out[0] = x;
    return n <= KW_MAX_ITER ? n : -1;
  }
  // No sign change: more inflow than the pipe can pass, or no outflow at all.
  if (fLo < 0) out[0] = qin > 1 ? ain : 1;
  else out[0] = 0;
  return 0;
}

// ---------------------------------------------------------------- the sweep

/** Inflow a link draws from its upstream node (digest §7.9), before the volume limit. */
function linkInflow(net: Network, j: number): number {
  if (net.linkSetting[j] === 0) return 0;
  const n1 = net.linkNode1[j]!;
  const type = net.linkType[j]!;
  const h1 = net.nodeNewDepth[n1]! + net.nodeInvertFt[n1]!;
  const h2 = net.nodeInvertFt[n1]!;
  switch (type) {
    case LINK_CONDUIT: {
      let q: number;
      const nt = net.nodeType[n1];
      if (nt === NODE_STORAGE) q = storageConduitOutflow(net, n1, j);
      else if (nt === NODE_DIVIDER) q = dividerOutflow(net, n1, j);
      else q = net.nodeInflow[n1]! + net.nodeOverflow[n1]!;
      const lim = net.conduitQLimitCfs[net.linkSub[j]!]!;
      if (lim > 0 && q > lim) q = lim;
      return q;
    }
    case LINK_PUMP: return pumpFlow(net, j);
    case LINK_ORIFICE: return orificeFlow(net, j, h1, h2);
    case LINK_WEIR: return weirFlow(net, j, h1, h2);
    case LINK_OUTLET: return outletFlow(net, j, h1, h2);
    default: return 0;
  }
}

/**
 * [as-is] Normal flow of ONE barrel of conduit j at storage node i's depth: 0 below the
 * conduit offset, full flow above its crown (digest §7.6 step 2).
 */
function storageConduitOutflow(net: Network, i: number, j: number): number {
  const y = net.nodeNewDepth[i]! - net.linkOffset1Ft[j]!;
  if (y <= 0) return 0;
  const xs = net.linkXsect[j];
  if (!xs || net.linkShape[j] === XS_DUMMY) return 0;
  if (y >= xs.yFull) return net.linkQFullCfs[j]!;
  const a = xsectAreaOfDepth(xs, y);
  return net.conduitBeta[net.linkSub[j]!]! * xsectSectionFactorOfArea(xs, a);
}

/** Link inflow limited to what the upstream node can supply (nodes with volume) and ≥ 0. */
function linkInflowLimited(net: Network, j: number, dtS: number): number {
  const n1 = net.linkNode1[j]!;
  const t = net.linkType[j]!;
  let q = t === LINK_CONDUIT || t === LINK_PUMP || net.nodeType[n1] === NODE_STORAGE ? linkInflow(net, j) : 0;
  if (net.nodeFullVolumeFt3[n1]! > 0) {
    const avail = net.nodeInflow[n1]! + net.nodeOldVolume[n1]! / dtS;
    if (q > avail) q = avail;
  }
  return q < 0 ? 0 : q;
}

/** Sum of the inflows of storage node i's outlet links from sorted position p on. */
function storageOutflow(net: Network, i: number, p: number, dtS: number): number {
  let q = 0;
  const sorted = net.sortedLinks;
  for (let s = p; s < net.nLinks; s++) {
    const m = sorted[s]!;
    if (net.linkNode1[m] === i) q += linkInflowLimited(net, m, dtS);
  }
  return q;
}

/** Storage unit volume/depth by iterating between its outflow and its depth (digest §7.6.7). */
function updateStorage(net: Network, i: number, p: number, dtS: number): void {
  if (net.nodeUpdated[i]) return;
  const vFixed = net.nodeOldVolume[i]! + 0.5 * (net.nodeOldNetInflow[i]! + net.nodeInflow[i]! - net.nodeOutflow[i]!) * dtS;
  const vFull = net.nodeFullVolumeFt3[i]!;
  const pond = net.allowPonding && net.nodePondedAreaFt2[i]! > 0;
  let d1 = net.nodeNewDepth[i]!;
  for (let it = 0; it < STORAGE_MAX_ITER; it++) {
    let v2 = vFixed - 0.5 * storageOutflow(net, i, p, dtS) * dtS;
    if (v2 < 0) v2 = 0;
    net.nodeOverflow[i] = 0;
    if (v2 > vFull) {
      let ov = (v2 - Math.max(net.nodeOldVolume[i]!, vFull)) / dtS;
      if (ov < FUDGE) ov = 0;
      net.nodeOverflow[i] = ov;
      if (!pond) v2 = vFull;
    }
    net.nodeNewVolume[i] = v2;
    const d2 = nodeDepthFt(net, i, v2);
    net.nodeNewDepth[i] = d2;
    // The relaxed depth is kept as the node's depth (it matches SWMM 5.2.4's results;
    // the digest's note that the unrelaxed depth is kept does not).
    const d = (1 - STORAGE_OMEGA) * d1 + STORAGE_OMEGA * d2;
    net.nodeNewDepth[i] = d;
    if (Math.abs(d - d1) <= STORAGE_STOPTOL_FT) break;
    d1 = d;
  }
  net.nodeUpdated[i] = 1;
}

/**
 * One KW or SF sweep over the network (digest §7.5–7.6): node inflow/outflow must already
 * hold the step's lateral inflow and losses (see routing.ts). Updates all node and link states.
 */
export function treeRouteExecute(net: Network, dtS: number, loss: LossInputs, out: SweepResult): void {
  const { nLinks, sortedLinks } = net;
  const steady = net.routeModel === ROUTE_STEADY;
  const sc = net.scratch;
  net.nodeUpdated.fill(0);
  out.failedLink = -1;
  let steps = 0;
  for (let p = 0; p < nLinks; p++) {
    const j = sortedLinks[p]!;
    const n1 = net.linkNode1[j]!;
    if (net.nodeType[n1] === NODE_STORAGE) updateStorage(net, n1, p, dtS);
    const qin = linkInflowLimited(net, j, dtS);
    let n: number;
    if (steady) n = steadyConduit(net, j, qin, loss);
    else {
      n = kinwaveConduit(net, j, qin, dtS, loss);
      if (n < 0) {
        out.failedLink = j;
        n = 1;
      }
    }
    steps += n;
    const qIn = sc[2]!;
    const qOut = sc[3]!;
    net.linkNewFlow[j] = qOut;
    net.nodeOutflow[n1] = net.nodeOutflow[n1]! + qIn;
    const n2 = net.linkNode2[j]!;
    net.nodeInflow[n2] = net.nodeInflow[n2]! + qOut;
  }
  out.iterations = nLinks > 0 ? Math.floor(steps / nLinks + 0.5) : 0;
  for (let i = 0; i < net.nNodes; i++) setNewNodeState(net, i, dtS);
  for (let j = 0; j < nLinks; j++) setNewLinkState(net, j);
}

/** Non-storage node: explicit volume balance, overflow of any excess (digest §7.6.8). */
function setNewNodeState(net: Network, i: number, dtS: number): void {
  if (net.nodeType[i] === NODE_STORAGE) return;
  const net0 = net.nodeInflow[i]! - net.nodeOutflow[i]! - net.nodeLosses[i]!;
  let v = net.nodeOldVolume[i]! + net0 * dtS;
  if (v < FUDGE) v = 0;
  net.nodeOverflow[i] = 0;
  const vFull = net.nodeFullVolumeFt3[i]!;
  if (v > vFull) {
    let ov = (v - Math.max(net.nodeOldVolume[i]!, vFull)) / dtS;
    if (ov < FUDGE) ov = 0;
    net.nodeOverflow[i] = ov;
    if (!(net.allowPonding && net.nodePondedAreaFt2[i]! > 0)) v = vFull;
  }
  net.nodeNewVolume[i] = v;
  net.nodeNewDepth[i] = nodeDepthFt(net, i, v);
}

/** Raise a non-storage node's depth to a connecting conduit's end depth (never lower it). */
function raiseNodeDepth(net: Network, i: number, yIn: number): void {
  if (net.nodeType[i] === NODE_STORAGE) return;
  let y = yIn;
  const full = net.nodeFullDepthFt[i]!;
  if (net.nodeType[i] !== NODE_OUTFALL && net.nodeDegree[i]! > 0 && net.nodeOverflow[i]! > 0) y = full;
  if (net.nodeNewDepth[i]! < y) {
    net.nodeNewDepth[i] = full > 0 && y > full ? full : y;
  }
}

/** Conduit depth/volume from its end areas; end nodes raised to the conduit's end depths. */
function setNewLinkState(net: Network, j: number): void {
  net.linkNewDepth[j] = 0;
  net.linkNewVolume[j] = 0;
  if (net.linkType[j] !== LINK_CONDUIT) return;
  const k = net.linkSub[j]!;
  const xs = net.linkXsect[j];
  const a1 = net.conduitA1[k]!;
  const a2 = net.conduitA2[k]!;
  net.linkNewVolume[j] = 0.5 * (a1 + a2) * net.conduitActualLengthFt[k]! * net.conduitBarrels[k]!;
  let y1 = 0;
  let y2 = 0;
  if (xs && net.linkShape[j] !== XS_DUMMY) {
    y1 = xsectDepthOfArea(xs, a1);
    y2 = xsectDepthOfArea(xs, a2);
  }
  net.linkNewDepth[j] = 0.5 * (y1 + y2);
  raiseNodeDepth(net, net.linkNode1[j]!, y1 + net.linkOffset1Ft[j]!);
  raiseNodeDepth(net, net.linkNode2[j]!, y2 + net.linkOffset2Ft[j]!);
  // A full inlet makes the conduit capacity limited and counts as full at both ends
  // (SWMM's KW/SF full state; its surcharge table shows equal hours for all three).
  const limited = xs !== null && a1 >= xs.aFull;
  net.conduitCapacityLimited[k] = limited ? 1 : 0;
  net.conduitFullState[k] = limited ? FULL_ALL : FULL_NONE;
}
