// Pollutant buildup functions (digest §8.2). Buildup b is mass per normalizer unit
// (per acre/hectare of land use, or per unit of curb length); time t is in days.
//
//   POW  b = min(C1, C2·t^C3)        t(b) = (b/C2)^(1/C3)
//   EXP  b = C1·(1 − e^(−C2·t))      t(b) = −ln(1 − b/C1)/C2
//   SAT  b = C1·t/(C3 + t)           t(b) = b·C3/(C1 − b)
//   EXT  b = min(b + C2·TS(t)·Δt, C1)  (external loading rate, mass/unit/day)
//
// A step adds Δt to the "equivalent age" t(b) of the current buildup and evaluates b again,
// so buildup never depends on how the dry period is cut into steps. tmax is the age at which
// the function reaches C1; beyond it the buildup is C1.
import { BUILDUP_EXP, BUILDUP_POW, BUILDUP_SAT } from './quality-input.js';

/**
 * Days for a buildup function to reach its maximum C1 (SWMM's "maxDays").
 * [as-is] 0 when POW has C2·C3 = 0 or EXP has C2 = 0 — then any positive age gives C1 at once.
 */
export function buildupMaxDays(func: number, c1: number, c2: number, c3: number): number {
  switch (func) {
    case BUILDUP_POW:
      if (c2 * c3 === 0) return 0;
      // The inverse power function blows up for large maxima: cap at ten years.
      if (Math.log10(c1) / c3 > 3.5) return 3650;
      return Math.pow(c1 / c2, 1 / c3);
    case BUILDUP_EXP:
      return c2 === 0 ? 0 : -Math.log(0.001) / c2;
    case BUILDUP_SAT:
      return 1000 * c3;
    default:
      return 0;
  }
}

/** Age (days) at which the function reaches buildup b (per unit). */
export function buildupDays(func: number, c1: number, c2: number, c3: number, maxDays: number, b: number): number {
  if (b === 0) return 0;
  if (b >= c1) return maxDays;
  switch (func) {
    case BUILDUP_POW:
      return c2 * c3 === 0 ? 0 : Math.pow(b / c2, 1 / c3);
    case BUILDUP_EXP:
      return c1 * c2 === 0 ? 0 : -Math.log(1 - b / c1) / c2;
    case BUILDUP_SAT:
      return c1 === 0 ? 0 : (b * c3) / (c1 - b);
    default:
      return 0;
  }
}

/** Buildup (per unit) after `days` of accumulation. */
export function buildupMass(func: number, c1: number, c2: number, c3: number, maxDays: number, days: number): number {
  if (days === 0) return 0;
  if (days >= maxDays) return c1;
  switch (func) {
    case BUILDUP_POW: {
      const b = c2 * Math.pow(days, c3);
      return b > c1 ? c1 : b;
    }
    case BUILDUP_EXP:
      return c1 * (1 - Math.exp(-days * c2));
    case BUILDUP_SAT:
      return (days * c1) / (c3 + days);
    default:
      return 0;
  }
}

/** POW/EXP/SAT buildup (per unit) after adding `dtDays` to the age of buildup b. */
export function buildupAfter(func: number, c1: number, c2: number, c3: number, maxDays: number, b: number, dtDays: number): number {
  return buildupMass(func, c1, c2, c3, maxDays, buildupDays(func, c1, c2, c3, maxDays, b) + dtDays);
}

/** EXT buildup (per unit): the external loading rate (per unit per day) over dtDays, capped at C1. */
export function buildupExternal(c1: number, rate: number, b: number, dtDays: number): number {
  const x = b + rate * dtDays;
  return x < c1 ? x : c1;
}
