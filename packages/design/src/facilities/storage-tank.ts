// Municipal storage tanks (GB 50014-2021 / GB 51174-2017, digest §5.8, E11) [R].

/** Separate system, runoff-pollution control: V = 10·D·F·ψ·β (D mm 4–8, F hm², β 1.1–1.5). */
export function pollutionControlTankM3(depthMm: number, areaHa: number, psi: number, beta: number): number {
  if (!(depthMm > 0) || !(areaHa > 0)) throw new RangeError('storage depth and area must be > 0');
  if (!(psi > 0 && psi <= 1)) throw new RangeError(`ψ must lie in (0, 1] (got ${psi})`);
  if (!(beta >= 1)) throw new RangeError(`safety factor β must be >= 1 (got ${beta})`);
  return 10 * depthMm * areaHa * psi * beta;
}

/** Combined system, overflow control: V = 3600·t_i·(n − n0)·Q_dr·β (t_i h, Q_dr m³/s). */
export function overflowControlTankM3(fillTimeH: number, interceptionRatio: number, originalRatio: number, dryWeatherFlowCms: number, beta: number): number {
  if (!(fillTimeH > 0)) throw new RangeError(`tank filling time must be > 0 h (got ${fillTimeH})`);
  if (!(interceptionRatio > originalRatio)) throw new RangeError('interception ratio after the tank must exceed the original ratio');
  if (!(dryWeatherFlowCms > 0)) throw new RangeError('dry-weather flow must be > 0 m³/s');
  if (!(beta >= 1)) throw new RangeError(`safety factor β must be >= 1 (got ${beta})`);
  return 3600 * fillTimeH * (interceptionRatio - originalRatio) * dryWeatherFlowCms * beta;
}
