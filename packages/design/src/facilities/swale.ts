// Grass swale (植草沟) conveyance check by Manning (digest §5.5, E8). Trapezoid with bottom width B and side
// slope z (horizontal per vertical); B = 0 gives a triangle.
import { rangeCheck } from './rules.js';

export interface SwaleInput {
  bottomWidthM: number;
  sideSlopeZ: number;
  flowDepthM: number;
  slope: number;
  n: number;
}

export interface SwaleResult {
  areaM2: number;
  wettedPerimeterM: number;
  hydraulicRadiusM: number;
  velocityMps: number;
  flowCms: number;
  checks: string[];
}

export function swaleCapacity(s: SwaleInput): SwaleResult {
  if (!(s.bottomWidthM >= 0)) throw new RangeError('bottom width must be >= 0 m');
  if (!(s.sideSlopeZ >= 0)) throw new RangeError('side slope z must be >= 0');
  if (!(s.flowDepthM > 0)) throw new RangeError(`flow depth must be > 0 m (got ${s.flowDepthM})`);
  if (!(s.slope > 0)) throw new RangeError(`longitudinal slope must be > 0 (got ${s.slope})`);
  if (!(s.n > 0)) throw new RangeError(`Manning n must be > 0 (got ${s.n})`);
  const y = s.flowDepthM;
  const area = (s.bottomWidthM + s.sideSlopeZ * y) * y;
  const perim = s.bottomWidthM + 2 * y * Math.sqrt(1 + s.sideSlopeZ * s.sideSlopeZ);
  if (!(perim > 0)) throw new RangeError('swale has no wetted perimeter');
  const R = area / perim;
  const v = (Math.pow(R, 2 / 3) * Math.sqrt(s.slope)) / s.n;
  const checks: string[] = [];
  if (v >= 0.8) checks.push(`velocity ${v.toFixed(3)} m/s is not below the 0.8 m/s maximum [R Guideline 2014]`);
  if (s.sideSlopeZ < 3) checks.push(`side slope 1:${s.sideSlopeZ} is steeper than 1:3 [R Guideline 2014]`);
  if (s.slope > 0.04) checks.push(`longitudinal slope ${(s.slope * 100).toFixed(2)} % exceeds 4 %: add check dams or steps [R Guideline 2014]`);
  const cn = rangeCheck('Manning n', s.n, 0.2, 0.3, '');
  if (cn) checks.push(cn);
  return { areaM2: area, wettedPerimeterM: perim, hydraulicRadiusM: R, velocityMps: v, flowCms: v * area, checks };
}
