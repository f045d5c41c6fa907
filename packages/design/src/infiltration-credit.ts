// Infiltration during the design rain (digest §5.3): W_p = K·J·A_s·t_s, credited against storage: V_s = V − W_p.
// J = 1 and t_s = 2 h are the Guideline's usual values.

export const DEFAULT_HYDRAULIC_GRADIENT = 1;
export const DEFAULT_INFILTRATION_TIME_S = 7200;

/** Infiltrated volume W_p (m³): K in m/s, area in m², time in s. */
export function infiltratedVolumeM3(kMps: number, areaM2: number, timeS = DEFAULT_INFILTRATION_TIME_S, gradient = DEFAULT_HYDRAULIC_GRADIENT): number {
  if (!(kMps >= 0)) throw new RangeError(`infiltration coefficient K must be >= 0 m/s (got ${kMps})`);
  if (!(areaM2 >= 0)) throw new RangeError(`infiltration area must be >= 0 m² (got ${areaM2})`);
  if (!(timeS >= 0)) throw new RangeError(`infiltration time must be >= 0 s (got ${timeS})`);
  if (!(gradient > 0)) throw new RangeError(`hydraulic gradient J must be > 0 (got ${gradient})`);
  return kMps * gradient * areaM2 * timeS;
}

/** Storage still needed after the infiltration credit, clamped at 0 (m³). */
export function storageAfterInfiltrationM3(volumeM3: number, infiltratedM3: number): number {
  return Math.max(0, volumeM3 - infiltratedM3);
}

/**
 * Effective infiltration area A_s (m²): the horizontal bottom counts in plan; walls count only up to half the
 * effective water depth (vertical walls) or the matching slope length (sloped walls, z = horizontal:vertical);
 * the top of buried facilities never counts.
 */
export function effectiveInfiltrationAreaM2(g: { bottomM2: number; wallLengthM?: number; effectiveDepthM?: number; sideSlopeZ?: number }): number {
  if (!(g.bottomM2 >= 0)) throw new RangeError('bottom area must be >= 0 m²');
  const len = g.wallLengthM ?? 0;
  const depth = g.effectiveDepthM ?? 0;
  if (!(len >= 0) || !(depth >= 0)) throw new RangeError('wall length and effective depth must be >= 0');
  const z = g.sideSlopeZ ?? 0;
  return g.bottomM2 + len * (depth / 2) * Math.sqrt(1 + z * z);
}
