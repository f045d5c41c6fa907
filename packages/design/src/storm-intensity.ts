// Storm intensity formula (暴雨强度公式, digest §2.1):
//   q = 167·A1·(1 + C·lg P)/(t + b)^n   [L/(s·hm²)],   i = q/167 = A1(1 + C lg P)/(t + b)^n   [mm/min].
// 167 (not the exact 10000/60) is used on purpose: that is the standard's constant, so i = q/167 reproduces A1 exactly.
import type { Provenance } from './provenance.js';

/** The standard's conversion constant between mm/min and L/(s·hm²). */
export const Q_PER_I = 167;
/** The exact conversion (1 mm/min on 1 hm² = 10000/60 L/s); differs from 167 by 0.2 %. */
export const Q_PER_I_EXACT = 10000 / 60;

/** One parameter set in the "A1" form: A1 in mm/min, C dimensionless, b in min, n dimensionless. */
export interface StormParams {
  A1: number;
  C: number;
  b: number;
  n: number;
}

/** A piece of a piecewise formula: applies when t (min) and P (a) fall inside the given closed ranges. */
export interface StormPiece extends StormParams {
  tMinRange?: readonly [number, number];
  pYearsRange?: readonly [number, number];
}

/** A storm formula as data: one or more pieces (first matching piece wins), validity ranges and provenance. */
export interface StormFormula {
  id: string;
  name: string;
  /** City or region the formula belongs to. */
  region?: string;
  pieces: readonly StormPiece[];
  /** Ranges the formula was fitted for; outside them results carry a warning. */
  validity?: { tMin?: readonly [number, number]; pYears?: readonly [number, number] };
  provenance: Provenance;
}

/** Converts the published "A = 167·A1" form (q = A(1 + C lg P)/(t + b)^n, L/(s·hm²)) to A1 form. */
export function paramsFromA(A: number, C: number, b: number, n: number): StormParams {
  return { A1: A / Q_PER_I, C, b, n };
}

/** Validates a parameter set; throws with a clear message when it cannot be a storm formula. */
export function checkStormParams(p: StormParams): void {
  for (const key of ['A1', 'C', 'b', 'n'] as const) {
    if (!Number.isFinite(p[key])) throw new RangeError(`storm formula parameter ${key} must be a finite number (got ${p[key]})`);
  }
  if (p.A1 <= 0) throw new RangeError(`storm formula parameter A must be positive (got A1 = ${p.A1})`);
  if (p.b < 0) throw new RangeError(`storm formula parameter b must be >= 0 min (got ${p.b})`);
  if (p.n <= 0 || p.n >= 1) throw new RangeError(`storm formula exponent n must lie in (0, 1) (got ${p.n})`);
}

/** a = A1·(1 + C·lg P) in mm/min: the P-dependent numerator of the formula. */
export function rateConstantMmPerMin(p: StormParams, periodYears: number): number {
  if (!(periodYears > 0)) throw new RangeError(`return period P must be > 0 years (got ${periodYears})`);
  const factor = 1 + p.C * Math.log10(periodYears);
  // The formula is meaningless when 1 + C·lg P ≤ 0 (only happens for P < 1 a).
  if (!(factor > 0)) throw new RangeError(`1 + C·lg P must be > 0 (C = ${p.C}, P = ${periodYears})`);
  return p.A1 * factor;
}

/** Average intensity over duration t (min) in mm/min. */
export function intensityMmPerMin(p: StormParams, periodYears: number, durationMin: number): number {
  if (!(durationMin >= 0)) throw new RangeError(`duration t must be >= 0 min (got ${durationMin})`);
  return rateConstantMmPerMin(p, periodYears) / Math.pow(durationMin + p.b, p.n);
}

/** Storm intensity q in L/(s·hm²) (standard constant 167). */
export function intensityLpsPerHa(p: StormParams, periodYears: number, durationMin: number): number {
  return Q_PER_I * intensityMmPerMin(p, periodYears, durationMin);
}

/** Rain depth H(t) = i·t in mm over duration t (min). */
export function depthMm(p: StormParams, periodYears: number, durationMin: number): number {
  return intensityMmPerMin(p, periodYears, durationMin) * durationMin;
}

/** Picks the piece of a formula that applies to (P, t); throws when none does. */
export function selectPiece(formula: StormFormula, periodYears: number, durationMin: number): StormPiece {
  const inRange = (x: number, r?: readonly [number, number]) => !r || (x >= r[0] && x <= r[1]);
  const piece = formula.pieces.find((pc) => inRange(durationMin, pc.tMinRange) && inRange(periodYears, pc.pYearsRange));
  if (!piece) throw new RangeError(`formula ${formula.id} has no parameter set for P = ${periodYears} a, t = ${durationMin} min`);
  return piece;
}

export interface StormEvaluation {
  params: StormParams;
  qLpsPerHa: number;
  iMmPerMin: number;
  iMmPerH: number;
  depthMm: number;
  warnings: string[];
}

/** Evaluates a formula (any piece form) at (P, t), with warnings outside its fitted ranges. */
export function evaluateStorm(formula: StormFormula, periodYears: number, durationMin: number): StormEvaluation {
  const piece = selectPiece(formula, periodYears, durationMin);
  const warnings: string[] = [];
  const v = formula.validity;
  if (v?.tMin && (durationMin < v.tMin[0] || durationMin > v.tMin[1])) {
    warnings.push(`t = ${durationMin} min is outside the range ${v.tMin[0]}–${v.tMin[1]} min the formula ${formula.id} was fitted for`);
  }
  if (v?.pYears && (periodYears < v.pYears[0] || periodYears > v.pYears[1])) {
    warnings.push(`P = ${periodYears} a is outside the range ${v.pYears[0]}–${v.pYears[1]} a the formula ${formula.id} was fitted for`);
  }
  const i = intensityMmPerMin(piece, periodYears, durationMin);
  const params: StormParams = { A1: piece.A1, C: piece.C, b: piece.b, n: piece.n };
  return { params, qLpsPerHa: Q_PER_I * i, iMmPerMin: i, iMmPerH: 60 * i, depthMm: i * durationMin, warnings };
}

/** Wraps a user-supplied parameter set (A form, L/(s·hm²)) as a formula. */
export function userFormula(A: number, C: number, b: number, n: number, name = 'user-supplied'): StormFormula {
  const params = paramsFromA(A, C, b, n);
  checkStormParams(params);
  return {
    id: 'user',
    name: `${name}: q = ${A}(1 + ${C} lg P)/(t + ${b})^${n}`,
    pieces: [params],
    provenance: { tag: 'X', source: 'user-supplied parameters', note: 'not checked by Haimian; the user is responsible for their source' },
  };
}
