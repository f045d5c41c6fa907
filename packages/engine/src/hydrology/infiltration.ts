// Pervious-area infiltration (digest §5): Horton, modified Horton, Green-Ampt, modified
// Green-Ampt and Curve Number, each with its dry-weather recovery. One state object holds
// every subcatchment's parameters and state as columns (Float64Array indexed by
// subcatchment), so a step touches typed arrays only.
//
// Internal units: rates ft/s, depths ft, times s. Parameters arrive in user units from
// the parsed model and are converted once here.

import type { EngineError } from '../api.js';
import type { InfiltrationMethod, Subcatchment } from '../model/types.js';
import type { UnitFactors } from '../model/units.js';

export const INFIL_NONE = -1;
export const INFIL_HORTON = 0;
export const INFIL_MOD_HORTON = 1;
export const INFIL_GREEN_AMPT = 2;
export const INFIL_MOD_GREEN_AMPT = 3;
export const INFIL_CURVE_NUMBER = 4;

const METHOD_CODE: Readonly<Record<InfiltrationMethod, number>> = {
  HORTON: INFIL_HORTON,
  MODIFIED_HORTON: INFIL_MOD_HORTON,
  GREEN_AMPT: INFIL_GREEN_AMPT,
  MODIFIED_GREEN_AMPT: INFIL_MOD_GREEN_AMPT,
  CURVE_NUMBER: INFIL_CURVE_NUMBER,
};

/** Below this an available-water rate counts as none (SWMM's ZERO). */
const ZERO_RATE = 1e-10;
/** Ponded depth (0.05 in) above which a Curve Number soil keeps infiltrating after rain stops. */
const CN_MIN_TOTAL_DEPTH_FT = 0.004167;
/** Horton regeneration: the curve recovers 98 % of its deficit in DryTime days. */
const HORTON_REGEN_LN = -Math.log(1.0 - 0.98);
const HORTON_NEWTON_MAX_ITER = 20;
const HORTON_NEWTON_TOL = 0.001;
/** Exponent cap in the Horton Newton solve (avoids exp underflow churn). */
const HORTON_MAX_KT = 60.0;
const GA_NEWTON_MAX_ITER = 20;
const GA_NEWTON_TOL_FT = 0.00001;
const SEC_PER_DAY = 86400;

export interface InfiltrationState {
  readonly n: number;
  /** INFIL_* code per subcatchment (INFIL_NONE: no [INFILTRATION] line → zero infiltration). */
  readonly method: Int8Array;

  // Horton & modified Horton: parameters (ft/s, 1/s, ft) and state.
  readonly hF0: Float64Array;
  readonly hFmin: Float64Array;
  readonly hDecay: Float64Array;
  readonly hRegen: Float64Array;
  readonly hFmax: Float64Array;
  /** Equivalent time on the decay curve (s). */
  readonly hTp: Float64Array;
  /** Cumulative infiltration (ft) — used only when Fmax > 0 (Horton) or always (modified). */
  readonly hFe: Float64Array;

  // Green-Ampt: parameters and state.
  /** Suction head (ft). */
  readonly gaS: Float64Array;
  /** Saturated conductivity (ft/s). */
  readonly gaKs: Float64Array;
  readonly gaImdMax: Float64Array;
  /** Upper-zone depth (ft), Mein: 4·√(Ks in/hr)/12. */
  readonly gaLu: Float64Array;
  readonly gaImd: Float64Array;
  /** Cumulative infiltration of the current event (ft). */
  readonly gaF: Float64Array;
  /** Water held in the upper zone (ft). */
  readonly gaFu: Float64Array;
  /** Time left before a new event is declared (s). */
  readonly gaT: Float64Array;
  /** 1 when the surface is saturated. */
  readonly gaSat: Uint8Array;

  // Curve Number: parameters and state.
  readonly cnSmax: Float64Array;
  readonly cnRegen: Float64Array;
  readonly cnTmax: Float64Array;
  readonly cnS: Float64Array;
  readonly cnP: Float64Array;
  readonly cnF: Float64Array;
  readonly cnT: Float64Array;
  readonly cnSe: Float64Array;
  /** Previous step's rate (ft/s). */
  readonly cnRate: Float64Array;

  /** Invalid parameter sets found while building (the subcatchment then gets no infiltration). */
  readonly errors: EngineError[];
}

function allocState(n: number): InfiltrationState {
  const f = (): Float64Array => new Float64Array(n);
  const method = new Int8Array(n);
  method.fill(INFIL_NONE);
  return {
    n,
    method,
    hF0: f(), hFmin: f(), hDecay: f(), hRegen: f(), hFmax: f(), hTp: f(), hFe: f(),
    gaS: f(), gaKs: f(), gaImdMax: f(), gaLu: f(), gaImd: f(), gaF: f(), gaFu: f(), gaT: f(),
    gaSat: new Uint8Array(n),
    cnSmax: f(), cnRegen: f(), cnTmax: f(), cnS: f(), cnP: f(), cnF: f(), cnT: f(), cnSe: f(), cnRate: f(),
    errors: [],
  };
}

/** Build infiltration parameters for every subcatchment (model order) and set the initial state. */
export function createInfiltration(subcatchments: readonly Subcatchment[], uf: UnitFactors): InfiltrationState {
  const st = allocState(subcatchments.length);
  for (let j = 0; j < subcatchments.length; j++) {
    const sc = subcatchments[j]!;
    const ip = sc.infiltration;
    if (!ip) continue;
    const code = METHOD_CODE[ip.method];
    const p = (k: number): number => ip.values[k] ?? 0;
    let ok: boolean;
    if (code === INFIL_HORTON || code === INFIL_MOD_HORTON) ok = setHortonParams(st, j, p(0), p(1), p(2), p(3), p(4), uf);
    else if (code === INFIL_GREEN_AMPT || code === INFIL_MOD_GREEN_AMPT) ok = setGreenAmptParams(st, j, p(0), p(1), p(2), uf);
    else ok = setCurveNumberParams(st, j, p(0), p(2));
    if (ok) st.method[j] = code;
    else {
      st.errors.push({
        code: 211,
        message: `invalid ${ip.method} infiltration parameters for subcatchment ${sc.name}: ${ip.values.join(' ')}`,
        line: ip.line,
        section: '[INFILTRATION]',
        token: sc.name,
      });
    }
  }
  infilInitState(st);
  return st;
}

/**
 * Horton parameters in user units: f0, fmin (in/hr | mm/hr), decay (1/hr), dry time (days),
 * max infiltration (in | mm, 0 = unlimited).
 */
export function setHortonParams(
  st: InfiltrationState, j: number,
  f0: number, fmin: number, decayPerHr: number, dryDays: number, maxInfil: number, uf: UnitFactors,
): boolean {
  if (f0 < 0 || fmin < 0 || decayPerHr < 0 || dryDays < 0 || maxInfil < 0) return false;
  if (f0 < fmin) return false;
  if (dryDays === 0) dryDays = 1e-6; // SWMM replaces a zero drying time by TINY days
  st.hF0[j] = f0 / uf.rainfall;
  st.hFmin[j] = fmin / uf.rainfall;
  st.hDecay[j] = decayPerHr / 3600;
  st.hRegen[j] = HORTON_REGEN_LN / dryDays / SEC_PER_DAY;
  st.hFmax[j] = maxInfil / uf.rainDepth;
  return true;
}

/** Green-Ampt parameters in user units: suction (in | mm), Ksat (in/hr | mm/hr), IMDmax (fraction). */
export function setGreenAmptParams(
  st: InfiltrationState, j: number, suction: number, ksat: number, imdMax: number, uf: UnitFactors,
): boolean {
  if (suction < 0 || ksat <= 0 || imdMax < 0) return false;
  st.gaS[j] = suction / uf.rainDepth;
  st.gaKs[j] = ksat / uf.rainfall;
  st.gaImdMax[j] = imdMax;
  // Mein's upper-zone depth uses Ks in in/hr whatever the unit system.
  st.gaLu[j] = (4.0 * Math.sqrt(st.gaKs[j]! * 43200)) / 12.0;
  return true;
}

/** Curve Number parameters: CN (clipped to 10..99) and drying time (days, > 0). */
export function setCurveNumberParams(st: InfiltrationState, j: number, cn: number, dryDays: number): boolean {
  if (!(dryDays > 0)) return false;
  const c = Math.min(Math.max(cn, 10.0), 99.0);
  st.cnSmax[j] = (1000.0 / c - 10.0) / 12.0;
  st.cnRegen[j] = 1.0 / (dryDays * SEC_PER_DAY);
  st.cnTmax[j] = 0.06 / st.cnRegen[j]!;
  return true;
}

/** Reset every subcatchment to its initial (dry, full-capacity) state. */
export function infilInitState(st: InfiltrationState): void {
  for (let j = 0; j < st.n; j++) {
    st.hTp[j] = 0;
    st.hFe[j] = 0;
    st.gaImd[j] = st.gaImdMax[j]!;
    st.gaF[j] = 0;
    st.gaFu[j] = 0;
    st.gaT[j] = 0;
    st.gaSat[j] = 0;
    st.cnS[j] = st.cnSmax[j]!;
    st.cnSe[j] = st.cnSmax[j]!;
    st.cnP[j] = 0;
    st.cnF[j] = 0;
    st.cnT[j] = 0;
    st.cnRate[j] = 0;
  }
}

/**
 * Infiltration rate (ft/s) over a step for subcatchment j's pervious subarea.
 * @param rainFtS rainfall + snowmelt on the subarea (ft/s)
 * @param runonFtS runon and internally re-routed inflow (ft/s), not including ponded water
 * @param depthFt ponded depth at the start of the step
 * @param fk conductivity adjustment factor (monthly), @param fr recovery factor (monthly)
 */
export function infilRate(
  st: InfiltrationState, j: number, dtS: number,
  rainFtS: number, runonFtS: number, depthFt: number, fk: number, fr: number,
): number {
  switch (st.method[j]) {
    case INFIL_HORTON:
      return hortonRate(st, j, dtS, rainFtS + runonFtS, depthFt, fk, fr);
    case INFIL_MOD_HORTON:
      return modHortonRate(st, j, dtS, rainFtS + runonFtS, depthFt, fk, fr);
    case INFIL_GREEN_AMPT:
      return greenAmptRate(st, j, dtS, rainFtS + runonFtS, depthFt, fk, fr, false);
    case INFIL_MOD_GREEN_AMPT:
      return greenAmptRate(st, j, dtS, rainFtS + runonFtS, depthFt, fk, fr, true);
    case INFIL_CURVE_NUMBER:
      // CN sees rainfall only; runon joins the ponded water.
      return curveNumberRate(st, j, dtS, rainFtS, depthFt + runonFtS * dtS, fr);
    default:
      return 0;
  }
}

// ---------------------------------------------------------------- Horton

/** Cumulative Horton capacity F(t) = fmin·t + (f0−fmin)/kd·(1 − e^(−kd·t)). */
function hortonCumul(fmin: number, df: number, kd: number, t: number): number {
  return fmin * t + (df / kd) * (1.0 - Math.exp(-kd * t));
}

function hortonRate(
  st: InfiltrationState, j: number, dt: number, irate: number, depth: number, fk: number, fr: number,
): number {
  const f0 = st.hF0[j]! * fk;
  const fmin = st.hFmin[j]! * fk;
  const df = f0 - fmin;
  const kd = st.hDecay[j]!;
  const kr = st.hRegen[j]! * fr;
  const fmax = st.hFmax[j]!;
  let tp = st.hTp[j]!;

  if (df < 0 || kd < 0 || kr < 0) return 0;
  const fa = irate + depth / dt;
  if (df === 0 || kd === 0) return Math.max(0, Math.min(f0, fa));

  let fp = 0;
  if (fa > ZERO_RATE) {
    const t1 = tp + dt;
    const tlim = 16.0 / kd; // beyond this the curve is flat at fmin (e^-16 ≈ 1e-7)
    let fpCum: number;
    let f1Cum: number;
    if (tp >= tlim) {
      fpCum = fmin * tp + df / kd;
      f1Cum = fpCum + fmin * dt;
    } else {
      fpCum = hortonCumul(fmin, df, kd, tp);
      f1Cum = hortonCumul(fmin, df, kd, t1);
    }
    fp = (f1Cum - fpCum) / dt;
    if (fp < fmin) fp = fmin;
    if (fp > fa) fp = fa;

    if (t1 > tlim || fp < fa) {
      tp = t1;
    } else {
      // Supply-limited: move along the curve only as far as the water actually infiltrated.
      const target = fpCum + fp * dt;
      tp = tp + dt / 2.0;
      for (let it = 1; it <= HORTON_NEWTON_MAX_ITER; it++) {
        let kt = kd * tp;
        if (kt > HORTON_MAX_KT) kt = HORTON_MAX_KT;
        const ex = Math.exp(-kt);
        const ff = fmin * tp + (df / kd) * (1.0 - ex) - target;
        const ff1 = fmin + df * ex;
        const r = ff / ff1;
        tp -= r;
        if (Math.abs(r) <= HORTON_NEWTON_TOL * dt) break;
      }
    }
    if (fmax > 0) {
      const fe = st.hFe[j]!;
      if (fe + fp * dt > fmax) fp = (fmax - fe) / dt;
      if (fp < 0) fp = 0;
      st.hFe[j] = fe + fp * dt;
    }
  } else if (kr > 0) {
    // Dry weather: the capacity deficit 1 − e^(−kd·tp) decays by e^(−kr·dt).
    const r = Math.exp(-kr * dt);
    const deficit = 1.0 - Math.exp(-kd * tp);
    tp = -Math.log(1.0 - r * deficit) / kd;
    if (fmax > 0) st.hFe[j] = hortonCumul(fmin, df, kd, tp);
  }
  st.hTp[j] = tp;
  return fp;
}

function modHortonRate(
  st: InfiltrationState, j: number, dt: number, irate: number, depth: number, fk: number, fr: number,
): number {
  const f0 = st.hF0[j]! * fk;
  const fmin = st.hFmin[j]! * fk;
  const df = f0 - fmin;
  const kd = st.hDecay[j]!;
  const kr = st.hRegen[j]! * fr;
  const fmax = st.hFmax[j]!;

  if (df < 0 || kd < 0 || kr < 0) return 0;
  const fa = irate + depth / dt;
  if (df === 0 || kd === 0) return Math.max(0, Math.min(f0, fa));

  let fp = 0;
  if (fa > ZERO_RATE) {
    if (fmax > 0 && st.hFe[j]! >= fmax) return 0;
    fp = f0 - kd * st.hFe[j]!;
    if (fp < fmin) fp = fmin;
    if (fp > fa) fp = fa;
    let fe = st.hFe[j]! + Math.max(fp - fmin, 0) * dt;
    // [as-is] SWMM uses max here, so a positive Fmax is reached after any wet step.
    if (fmax > 0) fe = Math.max(fe, fmax);
    st.hFe[j] = fe;
  } else if (kr > 0) {
    st.hFe[j] = Math.max(st.hFe[j]! * Math.exp(-kr * dt), 0);
  }
  return fp;
}

// ---------------------------------------------------------------- Green-Ampt

/**
 * Cumulative infiltration after ponded time t from F1 (integrated Green-Ampt,
 * F2 − c1·ln(F2 + c1) = F1 − c1·ln(F1 + c1) + ks·t), with SWMM's explicit shortcut for
 * short steps and its fallback to F1 + ks·t.
 */
export function greenAmptF2(f1: number, c1: number, ks: number, t: number): number {
  const f2min = f1 + ks * t;
  if (c1 === 0) return f2min;
  if (t < 10.0 && f1 > 0.01 * c1) {
    const f2 = f1 + ks * (1.0 + c1 / f1) * t;
    return Math.max(f2, f2min);
  }
  const c2 = c1 * Math.log(f1 + c1) - ks * t;
  let f2 = f1;
  for (let i = 1; i <= GA_NEWTON_MAX_ITER; i++) {
    const d = (f2 - f1 - c1 * Math.log(f2 + c1) + c2) / (1.0 - c1 / (f2 + c1));
    if (Math.abs(d) < GA_NEWTON_TOL_FT) return Math.max(f2, f2min);
    f2 -= d;
  }
  return f2min;
}

function greenAmptRate(
  st: InfiltrationState, j: number, dt: number, irate: number, depth: number, fk: number, fr: number,
  modified: boolean,
): number {
  const sqrtFk = Math.sqrt(fk);
  const ks = st.gaKs[j]! * fk;
  const lu = st.gaLu[j]! * sqrtFk;
  const fumax = st.gaImdMax[j]! * st.gaLu[j]! * sqrtFk;
  st.gaT[j] = st.gaT[j]! - dt;
  if (st.gaSat[j]) return greenAmptSaturated(st, j, dt, irate, depth, ks, lu, fumax, fr);

  let ia = irate + depth / dt;
  if (ia < ZERO_RATE) ia = 0;

  if (ia === 0) {
    // Dry: drain the upper zone (recovery constant lu/90000 per s ≈ √Ks/75 per hr).
    if (st.gaFu[j]! <= 0) return 0;
    const kr = (lu / 90000.0) * fr;
    const dF = kr * fumax * dt;
    st.gaF[j] = st.gaF[j]! - dF;
    const fu = st.gaFu[j]! - dF;
    if (fu <= 0) {
      st.gaFu[j] = 0;
      st.gaF[j] = 0;
      st.gaImd[j] = st.gaImdMax[j]!;
      return 0;
    }
    st.gaFu[j] = fu;
    if (st.gaT[j]! <= 0) {
      st.gaImd[j] = (fumax - fu) / lu;
      st.gaF[j] = 0;
    }
    return 0;
  }

  if (ia <= ks) {
    const dF = ia * dt;
    st.gaF[j] = st.gaF[j]! + dF;
    st.gaFu[j] = Math.min(st.gaFu[j]! + dF, fumax);
    if (!modified && st.gaT[j]! <= 0) {
      st.gaImd[j] = (fumax - st.gaFu[j]!) / lu;
      st.gaF[j] = 0;
    }
    return ia;
  }

  // Supply exceeds Ks: restart the event clock; find the volume that saturates the surface.
  st.gaT[j] = 5400.0 / lu / fr;
  const fs = (ks * (st.gaS[j]! + depth) * st.gaImd[j]!) / (ia - ks);
  const f = st.gaF[j]!;
  if (f > fs) {
    st.gaSat[j] = 1;
    return greenAmptSaturated(st, j, dt, irate, depth, ks, lu, fumax, fr);
  }
  if (f + ia * dt < fs) {
    const dF = ia * dt;
    st.gaF[j] = f + dF;
    st.gaFu[j] = Math.min(st.gaFu[j]! + dF, fumax);
    return ia;
  }
  // Saturation occurs during the step: ponded infiltration for the remaining ts seconds.
  let ts = dt - (fs - f) / ia;
  if (ts <= 0) ts = 0;
  const c1 = (st.gaS[j]! + depth) * st.gaImd[j]!;
  let f2 = greenAmptF2(fs, c1, ks, ts);
  if (f2 > fs + ia * ts) f2 = fs + ia * ts;
  const dF = f2 - f;
  st.gaF[j] = f2;
  st.gaFu[j] = Math.min(st.gaFu[j]! + dF, fumax);
  st.gaSat[j] = 1;
  return dF / dt;
}

function greenAmptSaturated(
  st: InfiltrationState, j: number, dt: number, irate: number, depth: number,
  ks: number, lu: number, fumax: number, fr: number,
): number {
  const ia = irate + depth / dt;
  // [as-is] no recovery while the saturated flag is set and no water is available.
  if (ia < ZERO_RATE) return 0;
  st.gaT[j] = 5400.0 / lu / fr;
  const c1 = (st.gaS[j]! + depth) * st.gaImd[j]!;
  const f = st.gaF[j]!;
  let dF = greenAmptF2(f, c1, ks, dt) - f;
  if (dF > ia * dt) {
    dF = ia * dt;
    st.gaSat[j] = 0;
  }
  st.gaF[j] = f + dF;
  st.gaFu[j] = Math.min(st.gaFu[j]! + dF, fumax);
  return dF / dt;
}

// ---------------------------------------------------------------- Curve Number

function curveNumberRate(
  st: InfiltrationState, j: number, dt: number, rain: number, depth: number, fr: number,
): number {
  const fa = rain + depth / dt;
  let f1 = 0;
  if (rain > ZERO_RATE) {
    if (st.cnT[j]! >= st.cnTmax[j]!) {
      // A new event after a long enough dry spell.
      st.cnP[j] = 0;
      st.cnF[j] = 0;
      st.cnRate[j] = 0;
      st.cnSe[j] = st.cnS[j]!;
    }
    st.cnT[j] = 0;
    const p = st.cnP[j]! + rain * dt;
    st.cnP[j] = p;
    // SCS F = P·Se/(P + Se), with no initial abstraction term (as SWMM).
    const cumF = p * (1.0 - p / (p + st.cnSe[j]!));
    f1 = (cumF - st.cnF[j]!) / dt;
    if (f1 < 0 || st.cnS[j]! <= 0) f1 = 0;
  } else if (depth > CN_MIN_TOTAL_DEPTH_FT && st.cnS[j]! > 0) {
    // Ponded water keeps infiltrating at the last rate.
    f1 = st.cnRate[j]!;
    if (f1 * dt > st.cnS[j]!) f1 = st.cnS[j]! / dt;
  } else {
    st.cnT[j] = st.cnT[j]! + dt;
  }

  if (f1 > 0) {
    f1 = Math.max(Math.min(f1, fa), 0);
    st.cnF[j] = st.cnF[j]! + f1 * dt;
    if (st.cnRegen[j]! > 0) st.cnS[j] = Math.max(st.cnS[j]! - f1 * dt, 0);
  } else {
    st.cnS[j] = Math.min(st.cnS[j]! + st.cnRegen[j]! * st.cnSmax[j]! * dt * fr, st.cnSmax[j]!);
  }
  st.cnRate[j] = f1;
  return f1;
}
