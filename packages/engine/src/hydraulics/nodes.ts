// Node geometry and node-level processes (digest §7.4, §7.4.1, §7.10):
// storage surface area / volume / depth for every storage shape, the volume–depth
// relation of other nodes, storage evaporation and seepage losses, and outfall stages.
//
// Storage shapes are evaluated in the user's units (as SWMM does) and converted:
// area / UCF(LENGTH)², volume / UCF(VOLUME) — note UCF(VOLUME) = 0.02832 for SI models.
import type { Network, CurveTable, SeriesTable } from './network.js';
import {
  NODE_STORAGE, STORAGE_TABULAR, STORAGE_FUNCTIONAL, STORAGE_CYLINDRICAL, STORAGE_CONICAL, STORAGE_PARABOLIC,
  STORAGE_PYRAMIDAL, EXFIL_NONE, EXFIL_GREEN_AMPT, OUTFALL_FREE, OUTFALL_NORMAL, OUTFALL_FIXED, OUTFALL_TIDAL,
  curveLookup,
} from './network.js';
import { FUDGE } from '../model/units.js';
import type { Subcatchment } from '../model/types.js';
import {
  createInfiltration, setGreenAmptParams, infilInitState, infilRate, INFIL_MOD_GREEN_AMPT,
} from '../hydrology/infiltration.js';

const BIG = 1e10;
const NEWTON_MAX_ITER = 60;
const NEWTON_TOL_USER = 0.001;

// ---------------------------------------------------------------- tabular (depth–area) curves

/** Area at depth x on a depth–area curve (user units): linear, through (0,0) below the first point. */
function tabArea(c: CurveTable, x: number): number {
  const xs = c.x;
  const ys = c.y;
  const n = xs.length;
  if (n === 0) return 0;
  const x1 = xs[0]!;
  if (x <= x1) return x1 > 0 ? (x / x1) * ys[0]! : ys[0]!;
  for (let i = 1; i < n; i++) {
    if (x <= xs[i]!) {
      const dx = xs[i]! - xs[i - 1]!;
      return dx > 0 ? ys[i - 1]! + ((x - xs[i - 1]!) * (ys[i]! - ys[i - 1]!)) / dx : ys[i]!;
    }
  }
  // Beyond the last point: extend the last segment (a falling slope is held flat).
  if (n < 2) return ys[n - 1]!;
  const dx = xs[n - 1]! - xs[n - 2]!;
  let s = dx > 0 ? (ys[n - 1]! - ys[n - 2]!) / dx : 0;
  if (s < 0) s = 0;
  return ys[n - 1]! + s * (x - xs[n - 1]!);
}

/** Volume below depth x on a depth–area curve (end-area rule), user units. */
function tabVolume(c: CurveTable, x: number): number {
  const xs = c.x;
  const ys = c.y;
  const n = xs.length;
  if (x <= 0 || n === 0) return 0;
  let x1 = xs[0]!;
  let y1 = ys[0]!;
  if (x <= x1) return x1 > 0 ? ((y1 / x1) * x * x) / 2 : 0;
  let v = (x1 * y1) / 2;
  let s = 0;
  for (let i = 1; i < n; i++) {
    const x2 = xs[i]!;
    const y2 = ys[i]!;
    const dx = x2 - x1;
    s = dx > 0 ? (y2 - y1) / dx : 0;
    if (x <= x2) {
      const y = y1 + s * (x - x1);
      return v + ((y1 + y) / 2) * (x - x1);
    }
    v += ((y1 + y2) / 2) * dx;
    x1 = x2;
    y1 = y2;
  }
  // Past the last point: extrapolate the last segment; stop where a falling area reaches 0.
  let dx = x - x1;
  if (s < 0 && y1 + s * dx < 0) dx = -y1 / s;
  return v + y1 * dx + (s * dx * dx) / 2;
}

/** Depth holding volume v on a depth–area curve: the trapezoid inverted within its segment. */
function tabDepth(c: CurveTable, v: number): number {
  const xs = c.x;
  const ys = c.y;
  const n = xs.length;
  if (v <= 0 || n === 0) return 0;
  let x1 = xs[0]!;
  let y1 = ys[0]!;
  let v1 = (x1 * y1) / 2;
  if (v <= v1) return y1 > 0 ? Math.sqrt((2 * v * x1) / y1) : 0;
  let s = 0;
  for (let i = 1; i < n; i++) {
    const x2 = xs[i]!;
    const y2 = ys[i]!;
    const dx = x2 - x1;
    s = dx > 0 ? (y2 - y1) / dx : 0;
    const v2 = v1 + ((y1 + y2) / 2) * dx;
    if (v <= v2) {
      if (s >= 0) return x1 + invertTrapezoid(y1, s, v - v1);
      // Falling area: measure from the segment's upper point downward.
      return x2 + invertTrapezoid(y2, s, v - v2);
    }
    x1 = x2;
    y1 = y2;
    v1 = v2;
  }
  return x1 + invertTrapezoid(y1, s, v - v1);
}

/** Depth increment dx with ∫(a + s·t)dt over [0, dx] = dv. */
function invertTrapezoid(a: number, s: number, dv: number): number {
  if (s === 0) return a > 0 ? dv / a : 0;
  const disc = a * a + 2 * s * dv;
  return (Math.sqrt(Math.max(disc, 0)) - a) / s;
}

// ---------------------------------------------------------------- storage shapes (by storage index, user units)

function shapeAreaUser(net: Network, k: number, d: number): number {
  const a0 = net.storageA0[k]!;
  const a1 = net.storageA1[k]!;
  const a2 = net.storageA2[k]!;
  switch (net.storageShape[k]) {
    case STORAGE_TABULAR: {
      const c = net.storageCurve[k]!;
      return c >= 0 ? tabArea(net.curves[c]!, d) : 0;
    }
    case STORAGE_FUNCTIONAL:
      return a0 + a1 * Math.pow(d, a2);
    default:
      return a0 + a1 * d + a2 * d * d;
  }
}

function shapeVolumeUser(net: Network, k: number, d: number): number {
  const a0 = net.storageA0[k]!;
  const a1 = net.storageA1[k]!;
  const a2 = net.storageA2[k]!;
  switch (net.storageShape[k]) {
    case STORAGE_TABULAR: {
      const c = net.storageCurve[k]!;
      return c >= 0 ? tabVolume(net.curves[c]!, d) : 0;
    }
    case STORAGE_FUNCTIONAL:
      return a0 * d + (a1 / (a2 + 1)) * Math.pow(d, a2 + 1);
    default:
      return a0 * d + (a1 * d * d) / 2 + (a2 * d * d * d) / 3;
  }
}

/** Storage index used by the volume/area functions when called with node index j. */
function storageOfNode(net: Network, j: number): number {
  const k = net.nodeSub[j]!;
  return k < net.nStorage ? k : -1;
}

/** Surface area (ft²) of node j's storage shape at depth d (ft). */
export function storageAreaFt2(net: Network, j: number, dFt: number): number {
  const k = storageOfNode(net, j);
  if (k < 0) return 0;
  const L = net.ucf.length;
  return shapeAreaUser(net, k, dFt * L) / (L * L);
}

/** Stored volume (ft³) of node j's storage at depth d (ft); full volume at or above full depth. */
export function storageVolumeFt3(net: Network, j: number, dFt: number): number {
  if (dFt === 0) return 0;
  if (dFt >= net.nodeFullDepthFt[j]! && net.nodeFullVolumeFt3[j]! > 0) return net.nodeFullVolumeFt3[j]!;
  const k = storageOfNode(net, j);
  if (k < 0) return 0;
  return shapeVolumeUser(net, k, dFt * net.ucf.length) / net.ucf.volume;
}

/** Depth (ft) of storage node j holding volume v (ft³). */
export function storageDepthFt(net: Network, j: number, vFt3: number): number {
  const k = net.nodeSub[j]!;
  if (vFt3 <= 0) return 0;
  if (vFt3 >= net.nodeFullVolumeFt3[j]! && net.nodeFullVolumeFt3[j]! > 0) return net.nodeFullDepthFt[j]!;
  const L = net.ucf.length;
  const v = vFt3 * net.ucf.volume;
  const a0 = net.storageA0[k]!;
  const a1 = net.storageA1[k]!;
  const a2 = net.storageA2[k]!;
  switch (net.storageShape[k]) {
    case STORAGE_TABULAR: {
      const c = net.storageCurve[k]!;
      return c >= 0 ? tabDepth(net.curves[c]!, v) / L : 0;
    }
    case STORAGE_FUNCTIONAL:
      if (a2 === 0) return v / (a0 + a1) / L;
      if (a0 === 0) return Math.pow((v * (a2 + 1)) / a1, 1 / (a2 + 1)) / L;
      if (a2 === 1 && a1 > 0) return (Math.sqrt(a0 * a0 + 2 * a1 * v) - a0) / a1 / L;
      return newtonDepthAsIs(net, j, k, v, v / (a0 + a1)) / L;
    case STORAGE_CYLINDRICAL:
      return a0 > 0 ? v / a0 / L : 0;
    case STORAGE_PARABOLIC:
      return a1 > 0 ? Math.sqrt((2 * v) / a1) / L : 0;
    case STORAGE_CONICAL:
    case STORAGE_PYRAMIDAL:
      return newtonDepthAsIs(net, j, k, v, a0 > 0 ? v / a0 : 0) / L;
    default:
      return 0;
  }
}

/**
 * [as-is] SWMM 5.2.4 inverts general storage shapes by Newton on a volume function that
 * is called with the storage index k as if it were a node index, and with the depth in
 * user units as if it were feet (digest §7.4). Reproduced: the functions of node k are
 * used (its own sub-index picks the storage curve), the target is the user-unit volume.
 * Returns the depth in user units.
 */
function newtonDepthAsIs(net: Network, j: number, k: number, vUser: number, guess: number): number {
  const jj = k < net.nNodes ? k : j;
  const xHi0 = net.nodeFullDepthFt[j]! * net.ucf.length;
  let xlo = 0;
  let xhi = xHi0;
  let x = guess;
  if (!(x >= xlo && x <= xhi)) x = 0.5 * (xlo + xhi);
  let dxold = Math.abs(xhi - xlo);
  let dx = dxold;
  let f = storageVolumeFt3(net, jj, x) - vUser;
  let df = storageAreaFt2(net, jj, x);
  for (let n = 1; n <= NEWTON_MAX_ITER; n++) {
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
    if (Math.abs(dx) < NEWTON_TOL_USER) break;
    f = storageVolumeFt3(net, jj, x) - vUser;
    df = storageAreaFt2(net, jj, x);
    if (f < 0) xlo = x;
    else xhi = x;
  }
  return x;
}

// ---------------------------------------------------------------- any node

/** Volume (ft³) of node j at depth d: storage shape, else linear in the full volume (0 for plain junctions). */
export function nodeVolumeFt3(net: Network, j: number, dFt: number): number {
  if (net.nodeType[j] === NODE_STORAGE) return storageVolumeFt3(net, j, dFt);
  const fd = net.nodeFullDepthFt[j]!;
  return fd > 0 ? net.nodeFullVolumeFt3[j]! * (dFt / fd) : 0;
}

/** Depth (ft) of node j holding volume v. */
export function nodeDepthFt(net: Network, j: number, vFt3: number): number {
  if (net.nodeType[j] === NODE_STORAGE) return storageDepthFt(net, j, vFt3);
  const fv = net.nodeFullVolumeFt3[j]!;
  return fv > 0 ? net.nodeFullDepthFt[j]! * (vFt3 / fv) : 0;
}

// ---------------------------------------------------------------- storage losses

/** Bottom area and bank limits for storage seepage (digest §7.4.1). */
export function initStorageExfil(net: Network, k: number): void {
  const L = net.ucf.length;
  const L2 = L * L;
  net.exfilBankMinDepthFt[k] = 0;
  net.exfilBankMaxDepthFt[k] = BIG;
  net.exfilBankMaxAreaFt2[k] = BIG;
  const a0 = net.storageA0[k]!;
  switch (net.storageShape[k]) {
    case STORAGE_TABULAR: {
      const c = net.storageCurve[k]!;
      if (c < 0) break;
      const cv = net.curves[c]!;
      net.exfilBtmAreaFt2[k] = tabArea(cv, 0) / L2;
      const n = cv.x.length;
      // Bank starts where the area first increases and ends at the last point before it stops increasing.
      let i = 1;
      while (i < n && cv.y[i]! <= cv.y[i - 1]!) i++;
      if (i < n) {
        net.exfilBankMinDepthFt[k] = cv.x[i - 1]! / L;
        while (i < n && cv.y[i]! > cv.y[i - 1]!) i++;
        net.exfilBankMaxDepthFt[k] = cv.x[i - 1]! / L;
        net.exfilBankMaxAreaFt2[k] = cv.y[i - 1]! / L2;
      } else if (n > 0) {
        net.exfilBankMinDepthFt[k] = BIG;
      }
      break;
    }
    case STORAGE_FUNCTIONAL:
      net.exfilBtmAreaFt2[k] = (a0 + (net.storageA2[k] === 0 ? net.storageA1[k]! : 0)) / L2;
      break;
    default:
      net.exfilBtmAreaFt2[k] = a0 / L2;
  }
}

/**
 * Provider of Green-Ampt exfiltration rates (ft/s) for storage seepage with an initial
 * moisture deficit: `rate(k, bank, dtS, headFt, fk)`; bank = 0 bottom, 1 banks; fk is the
 * monthly conductivity factor. Without one, such storage units seep at the constant rate Ks.
 */
export interface ExfilGreenAmpt {
  rate(k: number, bank: number, dtS: number, headFt: number, fk: number): number;
}

/**
 * Green-Ampt seepage for storage units with [suction, Ksat, IMD] (IMD > 0): one modified
 * Green-Ampt soil for the bottom and one for the banks of each unit (digest §7.4.1), driven
 * with no rainfall and the water depth as ponded depth. Null when no unit needs it.
 */
export function createStorageGreenAmpt(net: Network): ExfilGreenAmpt | null {
  let any = false;
  for (let k = 0; k < net.nStorage; k++) if (net.exfilType[k] === EXFIL_GREEN_AMPT) any = true;
  if (!any) return null;
  const soils = createInfiltration(new Array(2 * net.nStorage).fill(null).map(() => ({}) as Subcatchment), net.ucf);
  for (let k = 0; k < net.nStorage; k++) {
    if (net.exfilType[k] !== EXFIL_GREEN_AMPT) continue;
    for (let b = 0; b < 2; b++) {
      const j = 2 * k + b;
      // Parameters back in user units (as the soil model expects them).
      setGreenAmptParams(
        soils, j, net.exfilSuctionFt[k]! * net.ucf.rainDepth, net.exfilKsFtS[k]! * net.ucf.rainfall,
        net.exfilImd[k]!, net.ucf,
      );
      soils.method[j] = INFIL_MOD_GREEN_AMPT;
    }
  }
  infilInitState(soils);
  return {
    rate(k: number, bank: number, dtS: number, headFt: number, fk: number): number {
      return infilRate(soils, 2 * k + bank, dtS, 0, 0, headFt, fk, 1);
    },
  };
}

/**
 * Evaporation and seepage loss rate (cfs) of storage node j over a step, from its depth
 * and volume at the start of the step; stores the loss volumes (ft³) for the mass balance.
 */
export function storageLosses(
  net: Network, j: number, dtS: number, evapRateFtS: number, hydconFactor: number, ga: ExfilGreenAmpt | null,
): number {
  const k = net.nodeSub[j]!;
  let evap = 0;
  let exfil = 0;
  const vol = net.nodeNewVolume[j]!;
  if (vol > FUDGE) {
    const depth = net.nodeNewDepth[j]!;
    const area = storageAreaFt2(net, j, depth);
    if (net.storageFEvap[k]! > 0) evap = evapRateFtS * net.storageFEvap[k]! * area;
    const type = net.exfilType[k]!;
    if (type !== EXFIL_NONE) {
      const useGa = type === EXFIL_GREEN_AMPT && ga !== null;
      const btm = net.exfilBtmAreaFt2[k]!;
      exfil = (useGa ? ga.rate(k, 0, dtS, depth, hydconFactor) : net.exfilKsFtS[k]! * hydconFactor) * btm;
      const yMin = net.exfilBankMinDepthFt[k]!;
      if (depth > yMin) {
        const bank = Math.min(area, net.exfilBankMaxAreaFt2[k]!) - btm;
        if (bank > 0) {
          if (useGa) {
            const yMax = net.exfilBankMaxDepthFt[k]!;
            const head = depth > yMax ? depth - yMax + (yMax - yMin) / 2 : (depth - yMin) / 2;
            exfil += bank * ga.rate(k, 1, dtS, head, hydconFactor);
          } else exfil += bank * net.exfilKsFtS[k]! * hydconFactor;
        }
      }
    }
    const total = (evap + exfil) * dtS;
    if (total > vol) {
      const r = vol / total;
      evap *= r;
      exfil *= r;
    }
  }
  net.storageEvapLossFt3[k] = evap * dtS;
  net.storageExfilLossFt3[k] = exfil * dtS;
  return evap + exfil;
}

// ---------------------------------------------------------------- outfalls

/** Series value at a date (linear; held constant beyond the ends). */
function seriesValueHeld(s: SeriesTable, date: number): number {
  const t = s.t;
  const n = t.length;
  if (n === 0) return 0;
  if (date <= t[0]!) return s.v[0]!;
  for (let i = 1; i < n; i++) {
    if (date <= t[i]!) {
      const dt = t[i]! - t[i - 1]!;
      return dt > 0 ? s.v[i - 1]! + ((date - t[i - 1]!) * (s.v[i]! - s.v[i - 1]!)) / dt : s.v[i]!;
    }
  }
  return s.v[n - 1]!;
}

/**
 * Water depth (ft) at outfall k (digest §7.10), used by dynamic wave routing.
 * @param ynFt normal depth and @param ycFt critical depth of the connecting link's flow (0 for non-conduits)
 * @param zFt the link's offset at the outfall end
 * @param elapsedMs time since the simulation start at the end of the routing step
 * @param date date-time at the end of the routing step
 */
export function outfallDepthFt(net: Network, k: number, ynFt: number, ycFt: number, zFt: number, elapsedMs: number, date: number): number {
  const j = net.outfallNode[k]!;
  const type = net.outfallType[k]!;
  if (type === OUTFALL_FREE) return zFt > 0 ? 0 : Math.min(ynFt, ycFt);
  if (type === OUTFALL_NORMAL) return zFt > 0 ? 0 : ynFt;
  let stage: number;
  const L = net.ucf.length;
  if (type === OUTFALL_FIXED) stage = net.outfallFixedStageFt[k]!;
  else if (type === OUTFALL_TIDAL) {
    const c = net.curves[net.outfallData[k]!]!;
    // [as-is] hour of day measured from the simulation start, not clock time.
    const days = elapsedMs / 86400000;
    const x = (c.x.length > 0 ? c.x[0]! : 0) + 24 * (days - Math.floor(days));
    stage = curveLookup(c, x) / L;
  } else stage = seriesValueHeld(net.series[net.outfallData[k]!]!, date) / L;
  const invert = net.nodeInvertFt[j]!;
  const yc = Math.min(ycFt, ynFt);
  if (yc + zFt + invert < stage) return stage - invert;
  if (zFt > 0) {
    if (stage < invert + zFt) return Math.max(0, stage - invert);
    return zFt + yc;
  }
  return yc;
}

