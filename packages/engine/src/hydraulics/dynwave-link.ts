// Dynamic wave: the flow in one conduit over a routing step from the St. Venant momentum
// equation (digest §7.7.3), with flow classification, end-node surface areas, inertial
// damping, local/friction/loss terms, culvert inlet control, normal-flow limiting, under-
// relaxation, flap gates and the Preissmann slot (§7.7.4). Per-barrel quantities inside.
//
// Allocation-free: every intermediate is a local number; results go to network and
// DynwaveState columns.
import type { Network } from './network.js';
import type { LossInputs } from './kinwave.js';
import type { DynwaveState } from './dynwave-state.js';
import {
  NODE_OUTFALL, FLOW_DRY, FLOW_UP_DRY, FLOW_DN_DRY, FLOW_SUBCRITICAL, FLOW_SUPCRITICAL, FLOW_UP_CRITICAL,
  FLOW_DN_CRITICAL, FULL_NONE, FULL_UP, FULL_DN, FULL_ALL, conduitNormalDepth,
} from './network.js';
import {
  xsectAreaOfDepth, xsectWidthOfDepth, xsectHydRadOfDepth, xsectCriticalDepth, xsectFroude, xsectSlotWidth,
  XS_RECT_CLOSED, type Xsect,
} from './xsect.js';
import { flapGateBlocks } from './structures.js';
import { culvertInletFlow } from './culvert.js';
import { forceMainFrictionCoeff } from './forcemain.js';
import { DAMP_NONE, DAMP_FULL, NFL_SLOPE, NFL_FROUDE, NFL_BOTH, NFL_NONE, SURCHARGE_SLOT } from './dynwave-state.js';
import { FUDGE, GRAVITY_FT_S2 } from '../model/units.js';

const MAX_VELOCITY_FT_S = 50;
/** Exponent of the hydraulic radius in the friction term (SWMM uses this literal). */
const R_EXP = 1.33333;

/** Top width used for node surface areas: slot width in the slot, frozen near the crown (§7.7.3 step 4). */
export function dwWidth(dw: DynwaveState, xs: Xsect, y: number): number {
  const yFull = xs.yFull;
  if (!xs.isOpen) {
    const yNorm = y / yFull;
    if (dw.opt.surchargeMethod === SURCHARGE_SLOT && yNorm >= dw.crownCutoff) return xsectSlotWidth(xs, y);
    if (yNorm > dw.crownCutoff) y = dw.crownCutoff * yFull;
  } else if (y > yFull) y = yFull;
  return xsectWidthOfDepth(xs, y);
}

/** Flow area with the slot above the crown (SLOT) or capped at full (EXTRAN). */
export function dwArea(dw: DynwaveState, xs: Xsect, y: number): number {
  if (y >= xs.yFull) {
    const wSlot = dw.opt.surchargeMethod === SURCHARGE_SLOT ? xsectSlotWidth(xs, y) : 0;
    return xs.aFull + (y - xs.yFull) * wSlot;
  }
  return xsectAreaOfDepth(xs, y);
}

function dwHydRad(xs: Xsect, y: number): number {
  return y >= xs.yFull ? xs.rFull : xsectHydRadOfDepth(xs, y);
}

function fullState(a1: number, a2: number, aFull: number): number {
  if (a1 >= aFull) return a2 >= aFull ? FULL_ALL : FULL_UP;
  return a2 >= aFull ? FULL_DN : FULL_NONE;
}

/**
 * Evaporation + seepage loss rate per barrel (cfs) of conduit j under DW (§7.14): from the
 * average of the step-start depth and the latest iterate, limited to the link's volume/Δt.
 */
export function dwConduitLossRate(net: Network, j: number, dtS: number, loss: LossInputs): number {
  const k = net.linkSub[j]!;
  const xs = net.linkXsect[j]!;
  const depth = 0.5 * (net.linkOldDepth[j]! + net.linkNewDepth[j]!);
  let evap = 0;
  let seep = 0;
  if (depth > FUDGE) {
    const len = net.conduitActualLengthFt[k]!;
    if (loss.evapRateFtS > 0 && xs.isOpen) evap = xsectWidthOfDepth(xs, depth) * len * loss.evapRateFtS;
    const rate = net.conduitSeepRateFtS[k]!;
    if (rate > 0) {
      const w = net.linkShape[j] === XS_RECT_CLOSED ? xs.wMax : xsectWidthOfDepth(xs, Math.min(depth, xs.ywMax));
      seep = rate * w * len * loss.hydconFactor;
    }
    const total = evap + seep;
    const maxRate = net.linkNewVolume[j]! / dtS;
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

/**
 * Solve the momentum equation of true conduit j for this iteration (`steps` = passes
 * already made in this routing step, so 0 on the first pass).
 */
export function dwConduitFlow(net: Network, dw: DynwaveState, j: number, steps: number, dtS: number, loss: LossInputs): void {
  const k = net.linkSub[j]!;
  const xs = net.linkXsect[j]!;
  const n1 = net.linkNode1[j]!;
  const n2 = net.linkNode2[j]!;
  const barrels = net.conduitBarrels[k]!;
  const yFull = xs.yFull;
  const aFull = xs.aFull;
  const qOld = net.linkOldFlow[j]! / barrels;
  const qLast = net.conduitQ1[k]!;
  const isClosed = net.linkSetting[j] === 0;
  const slot = dw.opt.surchargeMethod === SURCHARGE_SLOT;

  // Heads and depths at the conduit ends.
  const off1 = net.linkOffset1Ft[j]!;
  const off2 = net.linkOffset2Ft[j]!;
  const z1 = net.nodeInvertFt[n1]! + off1;
  const z2 = net.nodeInvertFt[n2]! + off2;
  let h1 = net.nodeNewDepth[n1]! + net.nodeInvertFt[n1]!;
  let h2 = net.nodeNewDepth[n2]! + net.nodeInvertFt[n2]!;
  if (h1 < z1) h1 = z1;
  if (h2 < z2) h2 = z2;
  let y1 = h1 - z1;
  let y2 = h2 - z2;
  if (y1 < FUDGE) y1 = FUDGE;
  if (y2 < FUDGE) y2 = FUDGE;
  if (!slot) {
    if (y1 > yFull) y1 = yFull;
    if (y2 > yFull) y2 = yFull;
  }
  const aOld = Math.max(dw.conduitAOld[k]!, FUDGE);
  const length = net.conduitModLengthFt[k]!;
  const lengthActual = net.conduitActualLengthFt[k]!;
  net.conduitEvapLossRate[k] = 0;
  net.conduitSeepLossRate[k] = 0;

  // ---- flow class (from the last iterate's flow) and the critical/normal depths it needs
  let fc = FLOW_SUBCRITICAL;
  let fasnh = 1;
  let yCritMin = 0;
  if (!(y1 >= yFull && y2 >= yFull)) {
    let z1e = off1;
    let z2e = off2;
    if (net.nodeType[n1] === NODE_OUTFALL) z1e = Math.max(0, off1 - net.nodeNewDepth[n1]!);
    if (net.nodeType[n2] === NODE_OUTFALL) z2e = Math.max(0, off2 - net.nodeNewDepth[n2]!);
    const wet1 = y1 > FUDGE;
    const wet2 = y2 > FUDGE;
    const qAbs = Math.abs(qLast);
    if (wet1 && wet2) {
      if (qLast < 0) {
        if (z1e > 0) {
          const yn = conduitNormalDepth(net, j, qAbs);
          const yc = xsectCriticalDepth(xs, qAbs);
          yCritMin = Math.min(yn, yc);
          if (y1 < yCritMin) fc = FLOW_UP_CRITICAL;
        }
      } else if (z2e > 0) {
        const yn = conduitNormalDepth(net, j, qAbs);
        const yc = xsectCriticalDepth(xs, qAbs);
        yCritMin = Math.min(yn, yc);
        const yCritMax = Math.max(yn, yc);
        if (y2 < yCritMin) fc = FLOW_DN_CRITICAL;
        else if (y2 < yCritMax) fasnh = yCritMax - yCritMin < FUDGE ? 0 : (yCritMax - y2) / (yCritMax - yCritMin);
      }
    } else if (!wet1 && !wet2) {
      fc = FLOW_DRY;
    } else if (wet2) {
      if (h2 < z1) fc = FLOW_UP_DRY;
      else if (z1e > 0) {
        yCritMin = Math.min(conduitNormalDepth(net, j, qAbs), xsectCriticalDepth(xs, qAbs));
        fc = FLOW_UP_CRITICAL;
      }
    } else {
      if (h1 < z2) fc = FLOW_DN_DRY;
      else if (z2e > 0) {
        yCritMin = Math.min(conduitNormalDepth(net, j, qAbs), xsectCriticalDepth(xs, qAbs));
        fc = FLOW_DN_CRITICAL;
      }
    }
  }

  // ---- surface areas given to the end nodes (per barrel)
  let sa1 = 0;
  let sa2 = 0;
  let ym: number;
  switch (fc) {
    case FLOW_UP_CRITICAL: {
      y1 = Math.max(yCritMin, FUDGE);
      h1 = z1 + y1;
      ym = 0.5 * (y1 + y2);
      sa2 = ((dwWidth(dw, xs, ym) + dwWidth(dw, xs, y2)) * length) / 2;
      break;
    }
    case FLOW_DN_CRITICAL: {
      y2 = Math.max(yCritMin, FUDGE);
      h2 = z2 + y2;
      ym = 0.5 * (y1 + y2);
      sa1 = ((dwWidth(dw, xs, y1) + dwWidth(dw, xs, ym)) * length) / 2;
      break;
    }
    case FLOW_UP_DRY: {
      y1 = FUDGE;
      ym = 0.5 * (y1 + y2);
      const wm = dwWidth(dw, xs, ym);
      sa2 = ((wm + dwWidth(dw, xs, y2)) * length) / 4;
      if (off1 <= 0) sa1 = ((dwWidth(dw, xs, y1) + wm) * length) / 4;
      break;
    }
    case FLOW_DN_DRY: {
      y2 = FUDGE;
      ym = 0.5 * (y1 + y2);
      const wm = dwWidth(dw, xs, ym);
      sa1 = ((wm + dwWidth(dw, xs, y1)) * length) / 4;
      if (off2 <= 0) sa2 = ((dwWidth(dw, xs, y2) + wm) * length) / 4;
      break;
    }
    case FLOW_DRY:
      ym = 0.5 * (y1 + y2);
      sa1 = (FUDGE * length) / 2;
      sa2 = sa1;
      break;
    default: {
      ym = 0.5 * (y1 + y2);
      const wm = dwWidth(dw, xs, ym);
      sa1 = ((dwWidth(dw, xs, y1) + wm) * length) / 4;
      sa2 = (((wm + dwWidth(dw, xs, y2)) * length) / 4) * fasnh;
    }
  }
  if (ym < FUDGE) ym = FUDGE;
  dw.linkSurfArea1[j] = sa1 * barrels;
  dw.linkSurfArea2[j] = sa2 * barrels;

  // ---- areas and hydraulic radii
  const a1 = dwArea(dw, xs, y1);
  const a2 = dwArea(dw, xs, y2);
  const am = dwArea(dw, xs, ym);
  const r1 = dwHydRad(xs, y1);
  const rm = dwHydRad(xs, ym);
  const isFull = y1 >= yFull && y2 >= yFull;

  // ---- dry or closed conduit: no flow
  if (fc === FLOW_DRY || fc === FLOW_UP_DRY || fc === FLOW_DN_DRY || isClosed || am <= FUDGE) {
    net.conduitA1[k] = 0.5 * (a1 + a2);
    net.conduitQ1[k] = 0;
    net.conduitQ2[k] = 0;
    net.linkDqDh[j] = ((GRAVITY_FT_S2 * dtS * am) / length) * barrels;
    dw.linkFroude[j] = 0;
    net.linkFlowClass[j] = fc;
    net.linkNewDepth[j] = Math.min(ym, yFull);
    net.linkNewVolume[j] = 0.5 * (a1 + a2) * lengthActual * barrels;
    net.linkNewFlow[j] = 0;
    net.conduitFullState[k] = fullState(a1, a2, aFull);
    return;
  }

  // ---- velocity, Froude number and damping
  let v = qLast / am;
  if (v > MAX_VELOCITY_FT_S) v = MAX_VELOCITY_FT_S;
  else if (v < -MAX_VELOCITY_FT_S) v = -MAX_VELOCITY_FT_S;
  const froude = xsectFroude(xs, v, ym);
  if (fc === FLOW_SUBCRITICAL && froude > 1) fc = FLOW_SUPCRITICAL;
  let sigma = froude <= 0.5 ? 1 : froude >= 1 ? 0 : 2 * (1 - froude);
  const rho = !isFull && qLast > 0 && h1 >= h2 ? sigma : 1;
  const aWtd = a1 + (am - a1) * rho;
  const rWtd = r1 + (rm - r1) * rho;
  const damping = dw.opt.inertialDamping;
  if (damping === DAMP_NONE) sigma = 1;
  else if (damping === DAMP_FULL) sigma = 0;
  if (isFull && !xs.isOpen) sigma = 0;

  // ---- momentum terms
  let dq1: number;
  if (dw.conduitIsForceMain[k] && isFull) {
    dq1 = dtS * forceMainFrictionCoeff(dw.opt.forceMainEqn, dw.conduitFmCoeff[k]!, v, rm, length / lengthActual);
  } else {
    dq1 = (dtS * net.conduitRoughFactor[k]! * Math.abs(v)) / Math.pow(rWtd, R_EXP);
  }
  const dq2 = (dtS * GRAVITY_FT_S2 * aWtd * (h2 - h1)) / length;
  let dq3 = 0;
  let dq4 = 0;
  if (sigma > 0) {
    dq3 = 2 * v * (am - aOld) * sigma;
    dq4 = ((dtS * v * v * (a2 - a1)) / length) * sigma;
  }
  let dq5 = 0;
  const kIn = net.conduitLossInlet[k]!;
  const kOut = net.conduitLossOutlet[k]!;
  const kAvg = net.conduitLossAvg[k]!;
  if (kIn > 0 || kOut > 0 || kAvg > 0) {
    const qa = Math.abs(qLast);
    let losses = 0;
    if (a1 > FUDGE) losses += (kIn * qa) / a1;
    if (a2 > FUDGE) losses += (kOut * qa) / a2;
    if (am > FUDGE) losses += (kAvg * qa) / am;
    dq5 = (losses / 2 / length) * dtS;
  }
  const lossRate = dwConduitLossRate(net, j, dtS, loss);
  const dq6 = (lossRate * 2.5 * dtS * v) / lengthActual;
  const denom = 1 + dq1 + dq5;
  let q = (qOld - dq2 + dq3 + dq4 + dq6) / denom;
  net.linkDqDh[j] = ((GRAVITY_FT_S2 * dtS * aWtd) / length) * (barrels / denom);

  // ---- flow limits: culvert inlet control, else normal flow. [as-is] Both flags are
  // cleared only here, so a dry conduit keeps the state of its last flowing step (SWMM 5.2.4
  // counts that dry time as limited in the Flow Classification Summary).
  dw.linkNormalFlow[j] = 0;
  dw.linkInletControl[j] = 0;
  if (q > 0) {
    const code = dw.conduitCulvertCode[k]!;
    if (code > 0 && !isFull) {
      const cr = dw.culvert;
      culvertInletFlow(xs, code, net.conduitSlope[k]!, h1 - z1, cr);
      if (cr.q < q) {
        q = cr.q;
        net.linkDqDh[j] = cr.dqdh * barrels;
        dw.linkInletControl[j] = 1;
      }
    } else {
      const nfl = dw.opt.normalFlowLtd;
      if (nfl !== NFL_NONE && y1 < yFull && (fc === FLOW_SUBCRITICAL || fc === FLOW_SUPCRITICAL)) {
        const outfallEnd = net.nodeType[n1] === NODE_OUTFALL || net.nodeType[n2] === NODE_OUTFALL;
        let limited = false;
        if ((nfl === NFL_SLOPE || nfl === NFL_BOTH || outfallEnd) && y1 < y2) limited = true;
        if (!limited && (nfl === NFL_FROUDE || nfl === NFL_BOTH) && !outfallEnd && y1 > FUDGE && y2 > FUDGE) {
          if (xsectFroude(xs, q / a1, y1) >= 1) limited = true;
        }
        if (limited) {
          const qn = net.conduitBeta[k]! * a1 * Math.pow(r1, 2 / 3);
          if (qn < q) {
            q = qn;
            dw.linkNormalFlow[j] = 1;
          }
        }
      }
    }
  }

  // ---- under-relaxation after the first pass
  if (steps > 0) {
    q = 0.5 * qLast + 0.5 * q;
    if (q * qLast < 0) q = 0.001 * Math.sign(q);
  }
  const qLimit = net.conduitQLimitCfs[k]!;
  if (qLimit > 0 && Math.abs(q) > qLimit) q = Math.sign(q) * qLimit;
  if (flapGateBlocks(net, j, q)) q = 0;
  // No flow out of a dry node.
  if (q > FUDGE && net.nodeNewDepth[n1]! <= FUDGE) q = FUDGE;
  else if (q < -FUDGE && net.nodeNewDepth[n2]! <= FUDGE) q = -FUDGE;

  // ---- save the solution
  net.conduitA1[k] = am;
  net.conduitQ1[k] = q;
  net.conduitQ2[k] = q;
  dw.linkFroude[j] = froude;
  net.linkFlowClass[j] = fc;
  net.linkNewDepth[j] = Math.min(ym, yFull);
  net.linkNewVolume[j] = 0.5 * (a1 + a2) * lengthActual * barrels;
  net.linkNewFlow[j] = q * barrels;
  net.conduitFullState[k] = fullState(a1, a2, aFull);
}
