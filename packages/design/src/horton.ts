// Horton infiltration capacity under ponded conditions (digest §8.2, E18). SWMM's Horton tracks an equivalent
// time under limited rainfall, so engine results match this only when the surface stays ponded.

/** Capacity rate f(t) = fc + (f0 − fc)e^(−kt) (same units as f0, fc); t in hours, k in 1/h. */
export function hortonRate(f0: number, fc: number, kPerH: number, tH: number): number {
  checkHorton(f0, fc, kPerH, tH);
  return fc + (f0 - fc) * Math.exp(-kPerH * tH);
}

/** Cumulative capacity F(t) = fc·t + (f0 − fc)(1 − e^(−kt))/k (depth, e.g. mm when rates are mm/h). */
export function hortonCumulative(f0: number, fc: number, kPerH: number, tH: number): number {
  checkHorton(f0, fc, kPerH, tH);
  return fc * tH + ((f0 - fc) * (1 - Math.exp(-kPerH * tH))) / kPerH;
}

function checkHorton(f0: number, fc: number, k: number, t: number): void {
  if (!(f0 >= fc && fc >= 0)) throw new RangeError(`Horton rates need f0 >= fc >= 0 (got f0 = ${f0}, fc = ${fc})`);
  if (!(k > 0)) throw new RangeError(`Horton decay constant must be > 0 1/h (got ${k})`);
  if (!(t >= 0)) throw new RangeError(`time must be >= 0 h (got ${t})`);
}
