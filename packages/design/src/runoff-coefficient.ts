// Runoff coefficients (digest §4.1, §4.2): volumetric φ for the volume method and SS weighting, peak-flow ψ for
// the rational method. Tables store ranges; the default is the mid-point, overridable with justification.
import type { ProvenancedTable } from './provenance.js';

export type Range = readonly [number, number];

export interface SurfaceCoefficient {
  id: string;
  name: string;
  /** Volumetric coefficient φ range (null where the table gives none). */
  phi: Range | null;
  /** Peak-flow coefficient ψ range. */
  psi: Range | null;
  /** φ default used by the public Guideline calculator (mid-point unless noted). */
  phiDefault: number | null;
}

const r = (lo: number, hi = lo): Range => [lo, hi];

export const SURFACE_COEFFICIENTS: ProvenancedTable<SurfaceCoefficient> = {
  id: 'guideline-runoff-coefficients',
  title: '径流系数 (Guideline 2014 table, source noted there as DB11/685)',
  provenance: { tag: 'C', source: 'Guideline 2014 table 径流系数', note: 'φ mid-points match a public calculator implementing the Guideline [C]; ψ column [R]' },
  rows: [
    { id: 'green-roof', name: '绿化屋面 green roof (substrate ≥ 300 mm)', phi: r(0.3, 0.4), psi: r(0.4), phiDefault: 0.35 },
    { id: 'hard-roof', name: '硬屋面、未铺石子的平屋面、沥青屋面 hard roof', phi: r(0.8, 0.9), psi: r(0.85, 0.95), phiDefault: 0.85 },
    { id: 'gravel-roof', name: '铺石子的平屋面 gravel-covered flat roof', phi: r(0.6, 0.7), psi: r(0.8), phiDefault: 0.65 },
    { id: 'concrete-asphalt', name: '混凝土或沥青路面及广场 concrete/asphalt', phi: r(0.8, 0.9), psi: r(0.85, 0.95), phiDefault: 0.85 },
    { id: 'large-stone', name: '大块石等铺砌路面及广场 large-stone paving', phi: r(0.5, 0.6), psi: r(0.55, 0.65), phiDefault: 0.55 },
    { id: 'macadam', name: '沥青表面处理的碎石路面及广场 bitumen-treated macadam', phi: r(0.45, 0.55), psi: r(0.55, 0.65), phiDefault: 0.5 },
    { id: 'graded-gravel', name: '级配碎石路面及广场 graded gravel', phi: r(0.4), psi: r(0.4, 0.5), phiDefault: 0.4 },
    { id: 'dry-laid', name: '干砌砖石或碎石路面及广场 dry-laid brick/stone', phi: r(0.4), psi: r(0.35, 0.4), phiDefault: 0.4 },
    { id: 'earth', name: '非铺砌的土路面 unpaved earth', phi: r(0.3), psi: r(0.25, 0.35), phiDefault: 0.3 },
    { id: 'green', name: '绿地 green space', phi: r(0.15), psi: r(0.1, 0.2), phiDefault: 0.15 },
    { id: 'water', name: '水面 water surface', phi: r(1), psi: r(1), phiDefault: 1 },
    { id: 'basement-green-thick', name: '地下建筑覆土绿地 (cover ≥ 500 mm)', phi: r(0.15), psi: r(0.25), phiDefault: 0.15 },
    { id: 'basement-green-thin', name: '地下建筑覆土绿地 (cover < 500 mm)', phi: r(0.3, 0.4), psi: r(0.4), phiDefault: 0.35 },
    { id: 'permeable-paving', name: '透水铺装地面 permeable paving', phi: r(0.08, 0.45), psi: r(0.08, 0.45), phiDefault: 0.2 },
    { id: 'sunken-plaza', name: '下沉广场 sunken plaza (≥ 50-a design)', phi: null, psi: r(0.85, 1), phiDefault: null },
    { id: 'sunken-green', name: '下沉式绿地 sunken green space (value of the public Guideline calculator; not in the table)', phi: r(0.15), psi: null, phiDefault: 0.15 },
  ],
};

/** GB 50014 composite ψ by development density. */
export const COMPOSITE_PSI_GB50014: ProvenancedTable<{ area: string; psi: Range }> = {
  id: 'gb50014-composite-psi',
  title: 'GB 50014 composite peak-flow runoff coefficient',
  provenance: { tag: 'R', source: 'GB 50014-2021', note: 'areas with composite ψ > 0.7 should adopt infiltration/storage measures' },
  rows: [
    { area: 'dense urban 城镇建筑密集区', psi: [0.6, 0.7] },
    { area: 'fairly dense 城镇建筑较密集区', psi: [0.45, 0.6] },
    { area: 'sparse 城镇建筑稀疏区', psi: [0.2, 0.45] },
  ],
};

/** GB 50318-2017 Table 5.2.4 planning coefficients for pipes and for waterlogging. */
export const PLANNING_PSI_GB50318: ProvenancedTable<{ area: string; pipes: Range; waterlogging: Range }> = {
  id: 'gb50318-planning-psi',
  title: 'GB 50318-2017 Table 5.2.4 planning runoff coefficients',
  provenance: { tag: 'R', source: 'GB 50318-2017', clause: 'Table 5.2.4 (clause 5.2.4 seen [V], values [R])' },
  rows: [
    { area: '城市建筑密集区 (城市中心区)', pipes: [0.6, 0.7], waterlogging: [0.8, 1] },
    { area: '城市建筑较密集区 (一般规划区)', pipes: [0.45, 0.6], waterlogging: [0.6, 0.8] },
    { area: '城市建筑稀疏区 (公园、绿地等)', pipes: [0.2, 0.45], waterlogging: [0.4, 0.6] },
  ],
};

/** Looks up a surface by id; throws listing the ids when unknown. */
export function surfaceCoefficient(id: string): SurfaceCoefficient {
  const row = SURFACE_COEFFICIENTS.rows.find((s) => s.id === id);
  if (!row) throw new RangeError(`unknown surface "${id}"; known: ${SURFACE_COEFFICIENTS.rows.map((s) => s.id).join(', ')}`);
  return row;
}

export interface AreaPart {
  areaHa: number;
  coefficient: number;
}

/** Area-weighted composite coefficient Σ c_j F_j / Σ F_j (same rule for φ and ψ). */
export function compositeCoefficient(parts: readonly AreaPart[]): { coefficient: number; areaHa: number; weightedArea: number } {
  if (parts.length === 0) throw new RangeError('composite coefficient needs at least one surface');
  let area = 0;
  let weighted = 0;
  for (const p of parts) {
    if (!(p.areaHa >= 0)) throw new RangeError(`surface area must be >= 0 hm² (got ${p.areaHa})`);
    if (!(p.coefficient >= 0 && p.coefficient <= 1)) throw new RangeError(`runoff coefficient must lie in [0, 1] (got ${p.coefficient})`);
    area += p.areaHa;
    weighted += p.coefficient * p.areaHa;
  }
  if (area <= 0) throw new RangeError('total area must be > 0');
  return { coefficient: weighted / area, areaHa: area, weightedArea: weighted };
}
