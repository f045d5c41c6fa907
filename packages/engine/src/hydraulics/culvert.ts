// Culvert inlet control under dynamic wave (digest §7.15), with the FHWA HDS-5 inlet
// control equations (HDS-5, 3rd ed., 2012, Appendix A, Table A.1):
//   unsubmerged form 1: HW/D = Hc/D + K·(Q/(A·D^0.5))^M − 0.5·S   (Hc = specific head at yc)
//   unsubmerged form 2: HW/D = K·(Q/(A·D^0.5))^M
//   submerged:          HW/D = c·(Q/(A·D^0.5))² + Y − 0.5·S
// with a straight-line transition between HW = 0.95·D and the start of submergence.
// The per-code constants below are the public HDS-5 table values, in SWMM's culvert code
// order (code 1 = first row). Codes not listed here run without inlet control.
import type { Xsect } from './xsect.js';
import { xsectAreaOfDepth, xsectWidthOfDepth } from './xsect.js';
import { GRAVITY_FT_S2 } from '../model/units.js';

/** [form, K, M, c, Y] per culvert code (index = code − 1). */
const HDS5: readonly (readonly [number, number, number, number, number])[] = [
  [1, 0.0098, 2.0, 0.0398, 0.67], // 1 circular concrete, square edge w/ headwall
  [1, 0.0018, 2.0, 0.0292, 0.74], // 2 groove end w/ headwall
  [1, 0.0045, 2.0, 0.0317, 0.69], // 3 groove end projecting
  [1, 0.0078, 2.0, 0.0379, 0.69], // 4 circular CMP, headwall
  [1, 0.021, 1.33, 0.0463, 0.75], // 5 mitered to slope
  [1, 0.034, 1.5, 0.0553, 0.54], // 6 projecting
  [1, 0.0018, 2.5, 0.03, 0.74], // 7 beveled ring, 45° bevels
  [1, 0.0018, 2.5, 0.0243, 0.83], // 8 beveled ring, 33.7° bevels
  [1, 0.026, 1.0, 0.0347, 0.81], // 9 box, 30°–75° wingwall flares
  [1, 0.061, 0.75, 0.04, 0.8], // 10 box, 90° and 15° flares
  [1, 0.061, 0.75, 0.0423, 0.82], // 11 box, 0° flares
  [2, 0.51, 0.667, 0.0309, 0.8], // 12 box, 45° flare, top bevel
  [2, 0.486, 0.667, 0.0249, 0.83], // 13 box, 18°–33.7° flare, top bevel
  [2, 0.515, 0.667, 0.0375, 0.79], // 14 box, 90° headwall, 3/4" chamfers
  [2, 0.495, 0.667, 0.0314, 0.82], // 15 box, 90° headwall, 45° bevels
  [2, 0.486, 0.667, 0.0252, 0.865], // 16 box, 90° headwall, 33.7° bevels
  [2, 0.545, 0.667, 0.04505, 0.73], // 17 box, chamfers, 45° skewed headwall
  [2, 0.533, 0.667, 0.0425, 0.705], // 18 box, chamfers, 30° skewed headwall
  [2, 0.522, 0.667, 0.0402, 0.68], // 19 box, chamfers, 15° skewed headwall
  [2, 0.498, 0.667, 0.0327, 0.75], // 20 box, 45° bevels, 10°–45° skewed headwall
  [2, 0.497, 0.667, 0.0339, 0.803], // 21 box, 45° non-offset wingwall flares
  [2, 0.493, 0.667, 0.0361, 0.806], // 22 box, 18.4° non-offset flares
  [2, 0.495, 0.667, 0.0386, 0.71], // 23 box, 18.4° non-offset flares, 30° skewed barrel
  [2, 0.497, 0.667, 0.0302, 0.835], // 24 box, 45° offset flares, top bevel
  [2, 0.495, 0.667, 0.0252, 0.881], // 25 box, 33.7° offset flares, top bevel
];

/** True if inlet-control constants are known for this culvert code. */
export function culvertCodeSupported(code: number): boolean {
  return code >= 1 && code <= HDS5.length;
}

/** Scratch results of culvertInletFlow (per barrel). */
export interface CulvertResult {
  /** Inlet-control flow (cfs per barrel). */
  q: number;
  /** d(q)/d(head) (ft²/s per barrel). */
  dqdh: number;
}

/**
 * Inlet-control flow (per barrel) of a culvert with code `code` whose inlet head above the
 * barrel invert is `yFt`, for barrel slope `slope`. Writes q and dq/dh into `out`.
 */
export function culvertInletFlow(xs: Xsect, code: number, slope: number, yFt: number, out: CulvertResult): void {
  // No inlet control unless a flow below the dynamic one is found.
  out.q = Infinity;
  out.dqdh = 0;
  if (!culvertCodeSupported(code) || yFt <= 0) return;
  const row = HDS5[code - 1]!;
  const form = row[0];
  const k = row[1];
  const m = row[2];
  const c = row[3];
  const yc = row[4];
  const yFull = xs.yFull;
  const ad = xs.aFull * Math.sqrt(yFull);
  // [as-is] SWMM's slope correction: −7·S for mitered inlets (codes 5, 37, 46), else 0.5·S.
  const scf = code === 5 || code === 37 || code === 46 ? -7 * slope : 0.5 * slope;
  const ySub = yFull * (16 * c + yc - scf);
  const yUnsub = 0.95 * yFull;
  if (yFt >= ySub) {
    // Submerged: orifice-like.
    const arg = (yFt / yFull - yc + scf) / c;
    if (arg <= 0) return;
    out.q = ad * Math.sqrt(arg);
    out.dqdh = ad / (2 * c * yFull * Math.sqrt(arg));
    return;
  }
  if (yFt <= yUnsub) {
    unsubmerged(xs, form, k, m, ad, scf, yFt, out);
    return;
  }
  // Transition: straight line between the unsubmerged flow at 0.95·D and the submerged one.
  unsubmerged(xs, form, k, m, ad, scf, yUnsub, out);
  const q1 = out.q;
  const argS = (ySub / yFull - yc + scf) / c;
  const q2 = argS > 0 ? ad * Math.sqrt(argS) : q1;
  const slopeQ = (q2 - q1) / (ySub - yUnsub);
  out.q = q1 + slopeQ * (yFt - yUnsub);
  out.dqdh = slopeQ;
}

function unsubmerged(xs: Xsect, form: number, k: number, m: number, ad: number, scf: number, yFt: number, out: CulvertResult): void {
  const yFull = xs.yFull;
  if (form === 2) out.q = ad * Math.pow(yFt / yFull / k, 1 / m);
  else out.q = form1Flow(xs, k, m, ad, yFt / yFull + scf, yFt);
  // SWMM's derivative for both forms: q/(M·h).
  out.dqdh = out.q / yFt / m;
}

/**
 * Form-1 flow: the critical flow at the depth yc that satisfies
 * hPlus = yc/D + yh/(2D) + K·(Qc/AD)^M, searched only between 0.01·h and h with an
 * absolute tolerance of 0.001 ft (Ridder), as SWMM 5.2 does. [as-is] The flow returned is
 * the critical flow at the *last depth evaluated* by the search, and when the bracket
 * holds no root (e.g. the slope correction dominates a shallow head) that is the flow at
 * y = h: SWMM then limits the culvert to the critical flow of its headwater depth.
 */
function form1Flow(xs: Xsect, k: number, m: number, ad: number, hPlus: number, h: number): number {
  const yFull = xs.yFull;
  let qc = 0;
  const resid = (y: number): number => {
    const a = xsectAreaOfDepth(xs, y);
    const w = xsectWidthOfDepth(xs, y);
    const yh = a / w;
    qc = a * Math.sqrt(GRAVITY_FT_S2 * yh);
    return hPlus - y / yFull - yh / 2 / yFull - k * Math.pow(qc / ad, m);
  };
  let xLo = 0.01 * h;
  let xHi = h;
  let fLo = resid(xLo);
  let fHi = resid(xHi);
  if (fLo === 0 || fHi === 0 || !((fLo > 0 && fHi < 0) || (fLo < 0 && fHi > 0))) return qc;
  const ACC = 0.001;
  let ans = 0.5 * (xLo + xHi);
  for (let it = 0; it < 60; it++) {
    const xm = 0.5 * (xLo + xHi);
    const fm = resid(xm);
    const s = Math.sqrt(fm * fm - fLo * fHi);
    if (s === 0) break;
    const xNew = xm + ((xm - xLo) * (fLo >= fHi ? 1 : -1) * fm) / s;
    if (Math.abs(xNew - ans) <= ACC) break;
    ans = xNew;
    const fNew = resid(ans);
    // Keep the root bracketed.
    if (opposite(fm, fNew)) {
      xLo = xm; fLo = fm; xHi = ans; fHi = fNew;
    } else if (opposite(fLo, fNew)) {
      xHi = ans; fHi = fNew;
    } else if (opposite(fHi, fNew)) {
      xLo = ans; fLo = fNew;
    } else break;
    if (Math.abs(xHi - xLo) <= ACC) break;
  }
  return qc;
}

/** True when a is strictly of the other sign than b (b = 0 counts as positive, a = 0 as neither). */
function opposite(a: number, b: number): boolean {
  return b >= 0 ? a < 0 : a > 0;
}
