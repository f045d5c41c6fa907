// Decomposition of a district α target to plots (控规 target decomposition, digest §1.8 context) [D].
// α is a share of rainfall, and rain volume on a plot is proportional to its area, so the district's α is the
// area-weighted mean of the plots'. Each plot gets α_i = clamp(base_i + δ, min_i, max_i), with one shift δ
// found so the weighted mean equals the target; the mean is continuous and non-decreasing in δ, so bisection
// converges, and when even all-at-max cannot reach the target the result says so.
import type { ProvenancedTable } from './provenance.js';

export interface LandUseCapacity {
  landUse: string;
  /** Starting (typical) α for this land use. */
  base: number;
  min: number;
  max: number;
}

/** Default per-land-use α capacities [D]: typical achievable rates, for a first allocation to be edited. */
export const LAND_USE_CAPACITY: ProvenancedTable<LandUseCapacity> = {
  id: 'land-use-alpha-capacity',
  title: 'Typical achievable annual runoff volume control rate by land use (planning defaults)',
  provenance: { tag: 'D', source: 'Haimian planning defaults', note: 'not from a standard; adjust to the local special plan. Parks: GB/T 51345 asks new parks for α = 90 % [R/X].' },
  rows: [
    { landUse: 'residential', base: 0.8, min: 0.7, max: 0.9 },
    { landUse: 'public', base: 0.8, min: 0.7, max: 0.9 },
    { landUse: 'commercial', base: 0.75, min: 0.6, max: 0.85 },
    { landUse: 'industrial', base: 0.75, min: 0.6, max: 0.85 },
    { landUse: 'road', base: 0.6, min: 0.45, max: 0.75 },
    { landUse: 'square', base: 0.7, min: 0.6, max: 0.85 },
    { landUse: 'park', base: 0.9, min: 0.85, max: 0.95 },
    { landUse: 'green', base: 0.9, min: 0.85, max: 0.95 },
    { landUse: 'water', base: 0.95, min: 0.9, max: 1 },
  ],
};

export interface Plot {
  id: string;
  landUse: string;
  areaHa: number;
  /** Overrides of the land-use defaults. */
  base?: number;
  min?: number;
  max?: number;
}

export interface PlotTarget {
  id: string;
  landUse: string;
  areaHa: number;
  alpha: number;
  atLimit: 'min' | 'max' | null;
}

export interface Decomposition {
  plots: PlotTarget[];
  /** Area-weighted α of the allocation. */
  districtAlpha: number;
  target: number;
  feasible: boolean;
  shift: number;
}

export function decomposeTarget(plots: readonly Plot[], target: number, table: readonly LandUseCapacity[] = LAND_USE_CAPACITY.rows): Decomposition {
  if (plots.length === 0) throw new RangeError('no plots to allocate to');
  if (!(target > 0 && target < 1)) throw new RangeError(`district target must lie in (0, 1) (got ${target})`);
  const rows = plots.map((p) => {
    if (!(p.areaHa > 0)) throw new RangeError(`plot ${p.id}: area must be > 0 hm²`);
    const d = table.find((t) => t.landUse === p.landUse);
    if (!d && (p.base === undefined || p.min === undefined || p.max === undefined)) {
      throw new RangeError(`plot ${p.id}: unknown land use "${p.landUse}" (known: ${table.map((t) => t.landUse).join(', ')}); or give base/min/max`);
    }
    const base = p.base ?? d!.base;
    const min = p.min ?? d!.min;
    const max = p.max ?? d!.max;
    if (!(min <= base && base <= max && min >= 0 && max <= 1)) throw new RangeError(`plot ${p.id}: need 0 ≤ min ≤ base ≤ max ≤ 1`);
    return { p, base, min, max };
  });
  const area = rows.reduce((s, r) => s + r.p.areaHa, 0);
  const mean = (delta: number) => rows.reduce((s, r) => s + Math.min(r.max, Math.max(r.min, r.base + delta)) * r.p.areaHa, 0) / area;
  let lo = -1;
  let hi = 1;
  let delta: number;
  let feasible = true;
  if (mean(hi) < target) {
    feasible = false;
    delta = hi;
  } else if (mean(lo) > target) {
    // Even every plot at its minimum exceeds the target: keep the minima (over-achieves).
    delta = lo;
  } else {
    for (let it = 0; it < 200 && hi - lo > 1e-15; it++) {
      const mid = (lo + hi) / 2;
      if (mean(mid) < target) lo = mid;
      else hi = mid;
    }
    delta = hi;
  }
  const out = rows.map((r) => {
    const a = Math.min(r.max, Math.max(r.min, r.base + delta));
    return { id: r.p.id, landUse: r.p.landUse, areaHa: r.p.areaHa, alpha: a, atLimit: a === r.max ? ('max' as const) : a === r.min ? ('min' as const) : null };
  });
  return { plots: out, districtAlpha: mean(delta), target, feasible, shift: delta };
}
