// Rational method (推理公式法, digest §4.3): Q = q·ψ·F with q at duration t = t1 + t2 (no reduction factor m
// since the 2014 revision of GB 50014). Applicable up to 2 km² (GB 50318-2017 5.2.6); above that, use a model.
import type { StormFormula } from './storm-intensity.js';
import { evaluateStorm } from './storm-intensity.js';

/** GB 50318-2017 5.2.6 [V]: above this catchment area a mathematical model is required. */
export const RATIONAL_MAX_AREA_HA = 200;

export interface PipeReach {
  lengthM: number;
  velocityMps: number;
}

/** Pipe travel time t2 = Σ L/(60·v) in minutes. */
export function travelTimeMin(reaches: readonly PipeReach[]): number {
  let t = 0;
  for (const r of reaches) {
    if (!(r.lengthM >= 0)) throw new RangeError(`pipe length must be >= 0 m (got ${r.lengthM})`);
    if (!(r.velocityMps > 0)) throw new RangeError(`pipe velocity must be > 0 m/s (got ${r.velocityMps})`);
    t += r.lengthM / (60 * r.velocityMps);
  }
  return t;
}

export interface RationalInput {
  formula: StormFormula;
  periodYears: number;
  /** Inlet (surface) time t1, min; GB 50014 suggests 5–15 min. */
  inletTimeMin: number;
  /** Pipe travel time t2, min. */
  pipeTimeMin: number;
  /** Composite peak-flow coefficient ψ. */
  psi: number;
  areaHa: number;
}

export interface RationalResult {
  durationMin: number;
  qLpsPerHa: number;
  flowLps: number;
  flowCms: number;
  warnings: string[];
}

/** Design peak flow by the rational method. */
export function rationalFlow(inp: RationalInput): RationalResult {
  if (!(inp.inletTimeMin >= 0) || !(inp.pipeTimeMin >= 0)) throw new RangeError('inlet and pipe times must be >= 0 min');
  if (!(inp.psi > 0 && inp.psi <= 1)) throw new RangeError(`ψ must lie in (0, 1] (got ${inp.psi})`);
  if (!(inp.areaHa > 0)) throw new RangeError(`catchment area must be > 0 hm² (got ${inp.areaHa})`);
  const t = inp.inletTimeMin + inp.pipeTimeMin;
  const ev = evaluateStorm(inp.formula, inp.periodYears, t);
  const warnings = [...ev.warnings];
  if (inp.inletTimeMin < 5 || inp.inletTimeMin > 15) warnings.push(`inlet time ${inp.inletTimeMin} min is outside the usual 5–15 min [R]`);
  if (inp.areaHa > RATIONAL_MAX_AREA_HA) warnings.push(`catchment ${inp.areaHa} hm² exceeds 2 km²: GB 50318-2017 5.2.6 requires a mathematical model`);
  const flowLps = ev.qLpsPerHa * inp.psi * inp.areaHa;
  return { durationMin: t, qLpsPerHa: ev.qLpsPerHa, flowLps, flowCms: flowLps / 1000, warnings };
}
