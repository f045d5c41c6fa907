// Annual runoff volume control rate α ↔ design rainfall H (digest §1.1–1.3).
// α(H) = Σ min(p_i, H) / Σ p_i over retained rain days (p > 2 mm). α is piecewise linear in H, so both α(H)
// and its inverse are evaluated exactly from sorted values and prefix sums — no grids or splines.

/** The Guideline's small-rain rule: days with p ≤ 2 mm leave both numerator and denominator. */
export const SMALL_RAIN_THRESHOLD_MM = 2;
/** Guideline 2014 asks for at least 30 years of daily data. */
export const RECOMMENDED_RECORD_YEARS = 30;

export interface ControlRateCurve {
  /** Retained daily depths, ascending (mm). */
  sorted: Float64Array;
  /** prefix[k] = sorted[0] + … + sorted[k−1]; length N + 1. */
  prefix: Float64Array;
  /** Σ retained depths (mm). */
  totalMm: number;
  /** Days > threshold. */
  retainedDays: number;
  /** Wet days (p > 0) at or below the threshold. */
  discardedDays: number;
  thresholdMm: number;
  /** Variant flag: small days kept as fully controlled (not the Guideline method). */
  smallDaysControlled: boolean;
  /** In the variant: sum of the small days, added to numerator and denominator. */
  smallDaysMm: number;
  maxMm: number;
}

export interface CurveOptions {
  /** Default 2 mm ("≤ 2 mm" discarded). */
  thresholdMm?: number;
  /** Non-Guideline variant for comparison only: keep ≤ threshold days as fully controlled. */
  keepSmallDaysAsControlled?: boolean;
}

/** Builds the α–H curve from daily rain depths (mm). NaN entries (missing days) are ignored. */
export function controlRateCurve(dailyMm: ArrayLike<number>, opts: CurveOptions = {}): ControlRateCurve {
  const threshold = opts.thresholdMm ?? SMALL_RAIN_THRESHOLD_MM;
  if (!(threshold >= 0)) throw new RangeError(`small-rain threshold must be >= 0 mm (got ${threshold})`);
  const kept: number[] = [];
  let discarded = 0;
  let smallMm = 0;
  for (let i = 0; i < dailyMm.length; i++) {
    const p = dailyMm[i]!;
    if (Number.isNaN(p)) continue;
    if (!Number.isFinite(p) || p < 0) throw new RangeError(`daily rain must be a finite non-negative depth (value ${i + 1} is ${p})`);
    if (p > threshold) kept.push(p);
    else if (p > 0) {
      discarded++;
      smallMm += p;
    }
  }
  if (kept.length === 0) throw new RangeError(`no rain day exceeds ${threshold} mm: the control-rate curve is undefined`);
  const sorted = Float64Array.from(kept).sort();
  const prefix = new Float64Array(sorted.length + 1);
  for (let k = 0; k < sorted.length; k++) prefix[k + 1] = prefix[k]! + sorted[k]!;
  const keepSmall = opts.keepSmallDaysAsControlled ?? false;
  return {
    sorted,
    prefix,
    totalMm: prefix[sorted.length]!,
    retainedDays: sorted.length,
    discardedDays: discarded,
    thresholdMm: threshold,
    smallDaysControlled: keepSmall,
    smallDaysMm: keepSmall ? smallMm : 0,
    maxMm: sorted[sorted.length - 1]!,
  };
}

/** Number of retained values ≤ h (binary search). */
function countAtOrBelow(sorted: Float64Array, h: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** α(H): share of the retained rain volume controlled by a site that captures H mm per day. */
export function alphaOfH(c: ControlRateCurve, hMm: number): number {
  if (Number.isNaN(hMm)) throw new RangeError('design rainfall H must be a number');
  const small = c.smallDaysMm;
  if (hMm <= 0) return small / (c.totalMm + small);
  if (hMm >= c.maxMm) return 1;
  const k = countAtOrBelow(c.sorted, hMm);
  return (small + c.prefix[k]! + hMm * (c.retainedDays - k)) / (c.totalMm + small);
}

/** H(α), the exact inverse of α(H): smallest H reaching the target. Target ≥ 1 gives the record maximum. */
export function hOfAlpha(c: ControlRateCurve, alpha: number): number {
  if (Number.isNaN(alpha)) throw new RangeError('target control rate must be a number');
  const small = c.smallDaysMm;
  const total = c.totalMm + small;
  const target = alpha * total - small; // controlled volume the retained days must supply
  if (target <= 0) return 0;
  if (alpha >= 1) return c.maxMm;
  const N = c.retainedDays;
  // Smallest k with C_k + s[k](N − k) ≥ target: the left side grows with k, so bisect.
  let lo = 0;
  let hi = N - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c.prefix[mid]! + c.sorted[mid]! * (N - mid) >= target) hi = mid;
    else lo = mid + 1;
  }
  return (target - c.prefix[lo]!) / (N - lo);
}

export interface CurveRow {
  alpha: number;
  hMm: number;
}

/** Standard table of H for the usual target rates (or the given ones). */
export function controlRateTable(c: ControlRateCurve, alphas: readonly number[] = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]): CurveRow[] {
  return alphas.map((alpha) => ({ alpha, hMm: hOfAlpha(c, alpha) }));
}

/**
 * Plot-ready series of the whole curve. The curve is piecewise linear with corners at the distinct retained
 * values, so listing (0, α(0)) and every corner draws it exactly; `maxPoints` thins the corners evenly (the
 * first and last are always kept) when a lighter series is wanted.
 */
export function controlRateSeries(c: ControlRateCurve, maxPoints = Infinity): { hMm: number[]; alpha: number[] } {
  const corners: number[] = [0];
  for (let k = 0; k < c.sorted.length; k++) {
    const v = c.sorted[k]!;
    if (v !== corners[corners.length - 1]) corners.push(v);
  }
  let pick = corners;
  if (corners.length > maxPoints && maxPoints >= 2) {
    pick = [];
    const m = Math.floor(maxPoints);
    for (let j = 0; j < m; j++) pick.push(corners[Math.round((j * (corners.length - 1)) / (m - 1))]!);
  }
  return { hMm: pick, alpha: pick.map((h) => alphaOfH(c, h)) };
}
