// Bioretention (生物滞留设施) sizing and effective storage (digest §5.3, §5.6, E6):
// A·h + K·J·A·t_s = V_in  →  A = V_in / (h + K·J·t_s).
import { DEFAULT_HYDRAULIC_GRADIENT, DEFAULT_INFILTRATION_TIME_S, infiltratedVolumeM3 } from '../infiltration-credit.js';
import { rangeCheck } from './rules.js';

export interface BioretentionSizingInput {
  inflowM3: number;
  pondingDepthM: number;
  kMps: number;
  gradient?: number;
  infiltrationTimeS?: number;
  /** Contributing area (m²) for the 5–10 % rule check. */
  contributingAreaM2?: number;
}

export interface BioretentionSizing {
  areaM2: number;
  storageM3: number;
  infiltratedM3: number;
  /** Area as a fraction of the contributing area (when given). */
  areaRatio: number | null;
  checks: string[];
}

export function sizeBioretention(inp: BioretentionSizingInput): BioretentionSizing {
  if (!(inp.inflowM3 > 0)) throw new RangeError(`inflow volume must be > 0 m³ (got ${inp.inflowM3})`);
  if (!(inp.pondingDepthM > 0)) throw new RangeError(`ponding depth must be > 0 m (got ${inp.pondingDepthM})`);
  if (!(inp.kMps >= 0)) throw new RangeError(`K must be >= 0 m/s (got ${inp.kMps})`);
  const J = inp.gradient ?? DEFAULT_HYDRAULIC_GRADIENT;
  const ts = inp.infiltrationTimeS ?? DEFAULT_INFILTRATION_TIME_S;
  const area = inp.inflowM3 / (inp.pondingDepthM + inp.kMps * J * ts);
  const checks: string[] = [];
  const c1 = rangeCheck('ponding depth', inp.pondingDepthM * 1000, 200, 300, 'mm');
  if (c1) checks.push(c1);
  let ratio: number | null = null;
  if (inp.contributingAreaM2 !== undefined) {
    if (!(inp.contributingAreaM2 > 0)) throw new RangeError('contributing area must be > 0 m²');
    ratio = area / inp.contributingAreaM2;
    const c2 = rangeCheck('bioretention area share', Math.round(ratio * 10000) / 100, 5, 10, '% of the contributing area');
    if (c2) checks.push(c2);
  }
  return { areaM2: area, storageM3: area * inp.pondingDepthM, infiltratedM3: infiltratedVolumeM3(inp.kMps, area, ts, J), areaRatio: ratio, checks };
}
