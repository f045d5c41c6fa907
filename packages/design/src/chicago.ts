// Chicago design storm (Keifer & Chu 1957; digest §3.1). Blocks are differences of the exact cumulative
// depth curve, so the total equals the IDF depth H(T) and a peak inside a block is not clipped —
// sampling intensities at block mid-points (a common bug) does neither.
import type { StormParams } from './storm-intensity.js';
import { checkStormParams, rateConstantMmPerMin } from './storm-intensity.js';

export interface ChicagoInput {
  params: StormParams;
  periodYears: number;
  durationMin: number;
  stepMin: number;
  /** Peak position r = t_peak / T, 0 ≤ r ≤ 1 (0 and 1 are the limits "all rain after/before the peak"). */
  peakRatio: number;
}

export interface ChicagoStorm {
  durationMin: number;
  stepMin: number;
  peakRatio: number;
  periodYears: number;
  peakTimeMin: number;
  /** a = A1(1 + C lg P), mm/min. */
  rateConstantMmPerMin: number;
  /** Rain depth of each block, in time order (mm). */
  depthsMm: number[];
  /** Mean intensity of each block (mm/h) = 60·depth/step. */
  intensitiesMmPerH: number[];
  /** Cumulative depth at each block boundary, length blocks + 1 (mm). */
  cumulativeMm: number[];
  /** Sum of the blocks (mm); equals idfDepthMm to rounding. */
  totalDepthMm: number;
  /** a·T/(T + b)^n, the formula depth over the whole duration (mm). */
  idfDepthMm: number;
  /** Instantaneous peak intensity a/b^n (mm/min); infinite when b = 0. */
  peakIntensityMmPerMin: number;
  /** Index of the largest block. */
  peakBlock: number;
}

/** Validates Chicago inputs; throws RangeError with a user-facing message. */
export function checkChicagoInput(inp: ChicagoInput): number {
  checkStormParams(inp.params);
  const { durationMin: T, stepMin: dt, peakRatio: r } = inp;
  if (!Number.isFinite(T) || T <= 0) throw new RangeError(`storm duration must be a positive number of minutes (got ${T})`);
  if (!Number.isFinite(dt) || dt <= 0) throw new RangeError(`time step must be a positive number of minutes (got ${dt})`);
  if (dt > T) throw new RangeError(`time step ${dt} min is longer than the duration ${T} min`);
  if (!Number.isFinite(r) || r < 0 || r > 1) throw new RangeError(`peak position r must lie in [0, 1] (got ${r})`);
  const blocks = Math.round(T / dt);
  // A short last block would not fit a fixed-interval SWMM rain gage, so reject rather than silently shorten.
  if (Math.abs(blocks * dt - T) > 1e-9 * T) throw new RangeError(`duration ${T} min is not a whole multiple of the time step ${dt} min`);
  return blocks;
}

/** Builds the Chicago block hyetograph. */
export function chicagoHyetograph(inp: ChicagoInput): ChicagoStorm {
  const blocks = checkChicagoInput(inp);
  const { durationMin: T, stepMin: dt, peakRatio: r } = inp;
  const { b, n } = inp.params;
  const a = rateConstantMmPerMin(inp.params, inp.periodYears);
  const tp = r * T;
  // Depth within τ minutes before (S_b) / after (S_a) the peak. τ = 0 is guarded so r = 0 or 1 needs no 0/0.
  const sBefore = (tau: number) => (tau <= 0 ? 0 : (a * tau) / Math.pow(tau / r + b, n));
  const sAfter = (tau: number) => (tau <= 0 ? 0 : (a * tau) / Math.pow(tau / (1 - r) + b, n));
  const beforePeak = sBefore(tp);
  const cumulative = (t: number) => (t <= tp ? beforePeak - sBefore(tp - t) : beforePeak + sAfter(t - tp));

  const cumulativeMm: number[] = new Array(blocks + 1);
  for (let k = 0; k <= blocks; k++) cumulativeMm[k] = k === blocks ? cumulative(T) : cumulative(k * dt);
  cumulativeMm[0] = 0;
  const depthsMm: number[] = new Array(blocks);
  let peakBlock = 0;
  for (let k = 0; k < blocks; k++) {
    depthsMm[k] = cumulativeMm[k + 1]! - cumulativeMm[k]!;
    if (depthsMm[k]! > depthsMm[peakBlock]!) peakBlock = k;
  }
  const idfDepthMm = (a * T) / Math.pow(T + b, n);
  return {
    durationMin: T,
    stepMin: dt,
    peakRatio: r,
    periodYears: inp.periodYears,
    peakTimeMin: tp,
    rateConstantMmPerMin: a,
    depthsMm,
    intensitiesMmPerH: depthsMm.map((d) => (60 * d) / dt),
    cumulativeMm,
    totalDepthMm: cumulativeMm[blocks]!,
    idfDepthMm,
    peakIntensityMmPerMin: a / Math.pow(b, n),
    peakBlock,
  };
}
