// Non-point-source (SS) control (digest §5.7, §6.1, E7): site removal r = α·η̄, η̄ the controlled-volume-
// weighted mean of its facilities, and the composite over zones weighted by annual runoff W = 10·P_a·φ·F.
import type { ProvenancedTable } from './provenance.js';

export interface SsRemovalRow {
  facility: string;
  name: string;
  /** Removal range (fraction), null where the table gives none. */
  removal: readonly [number, number] | null;
}

export const SS_REMOVAL_RATES: ProvenancedTable<SsRemovalRow> = {
  id: 'guideline-ss-removal',
  title: 'SS removal by facility (Guideline 2014 低影响开发设施比选一览表; Center for Watershed Protection data)',
  provenance: { tag: 'R', source: 'Guideline 2014 table 低影响开发设施比选一览表', clause: 'digest §5.7' },
  rows: [
    { facility: 'permeable-brick', name: '透水砖铺装', removal: [0.8, 0.9] },
    { facility: 'porous-concrete', name: '透水水泥混凝土', removal: [0.8, 0.9] },
    { facility: 'porous-asphalt', name: '透水沥青混凝土', removal: [0.8, 0.9] },
    { facility: 'green-roof', name: '绿色屋顶', removal: [0.7, 0.8] },
    { facility: 'sunken-green', name: '下沉式绿地', removal: null },
    { facility: 'simple-bioretention', name: '简易型生物滞留设施', removal: null },
    { facility: 'complex-bioretention', name: '复杂型生物滞留设施', removal: [0.7, 0.95] },
    { facility: 'infiltration-pond', name: '渗透塘', removal: [0.7, 0.8] },
    { facility: 'infiltration-well', name: '渗井', removal: null },
    { facility: 'wet-pond', name: '湿塘', removal: [0.5, 0.8] },
    { facility: 'wetland', name: '雨水湿地', removal: [0.5, 0.8] },
    { facility: 'storage-tank', name: '蓄水池', removal: [0.8, 0.9] },
    { facility: 'rain-barrel', name: '雨水罐', removal: [0.8, 0.9] },
    { facility: 'detention', name: '调节塘/调节池', removal: null },
    { facility: 'conveyance-swale', name: '转输型植草沟', removal: [0.35, 0.9] },
    { facility: 'dry-swale', name: '干式植草沟', removal: [0.35, 0.9] },
    { facility: 'wet-swale', name: '湿式植草沟', removal: null },
    { facility: 'infiltration-trench', name: '渗管/渠', removal: [0.35, 0.7] },
    { facility: 'vegetated-buffer', name: '植被缓冲带', removal: [0.5, 0.75] },
    { facility: 'first-flush', name: '初期雨水弃流设施', removal: [0.4, 0.6] },
    { facility: 'soil-filtration', name: '人工土壤渗滤', removal: [0.75, 0.95] },
  ],
};

/** Looks up a facility's SS removal range; throws when the table gives none. */
export function ssRemovalRange(facility: string): readonly [number, number] {
  const row = SS_REMOVAL_RATES.rows.find((r) => r.facility === facility);
  if (!row) throw new RangeError(`unknown facility "${facility}"; known: ${SS_REMOVAL_RATES.rows.map((r) => r.facility).join(', ')}`);
  if (!row.removal) throw new RangeError(`the Guideline table gives no SS removal rate for ${row.name} (${facility}); supply a local value`);
  return row.removal;
}

function fraction(x: number, what: string): number {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`${what} must lie in [0, 1] (got ${x})`);
  return x;
}

/** Controlled-volume-weighted mean removal η̄ = Σ η_k V_k / Σ V_k [D]. */
export function meanRemoval(facilities: readonly { removal: number; volumeM3: number }[]): number {
  let v = 0;
  let w = 0;
  for (const f of facilities) {
    fraction(f.removal, 'removal rate');
    if (!(f.volumeM3 >= 0)) throw new RangeError('facility volume must be >= 0 m³');
    v += f.volumeM3;
    w += f.removal * f.volumeM3;
  }
  if (!(v > 0)) throw new RangeError('total controlled volume must be > 0 m³');
  return w / v;
}

/** Annual SS removal of a site r = α × η̄. */
export function siteSsRemoval(alpha: number, meanRemovalRate: number): number {
  return fraction(alpha, 'α') * fraction(meanRemovalRate, 'η̄');
}

export interface SsZone {
  id?: string;
  areaHa: number;
  phi: number;
  alpha: number;
  removal: number;
}

/** Composite R = Σ r_j W_j / Σ W_j with W_j = 10·P_a·φ_j·F_j (m³ of annual runoff). */
export function compositeSsRemoval(zones: readonly SsZone[], annualRainMm: number): { removal: number; zones: { id: string; r: number; runoffM3: number }[]; areaWeighted: number } {
  if (zones.length === 0) throw new RangeError('no zones');
  if (!(annualRainMm > 0)) throw new RangeError(`mean annual rainfall must be > 0 mm (got ${annualRainMm})`);
  let W = 0;
  let RW = 0;
  let A = 0;
  let RA = 0;
  const rows = zones.map((z, i) => {
    if (!(z.areaHa > 0)) throw new RangeError('zone area must be > 0 hm²');
    const r = siteSsRemoval(z.alpha, z.removal);
    const w = 10 * annualRainMm * fraction(z.phi, 'φ') * z.areaHa;
    W += w;
    RW += r * w;
    A += z.areaHa;
    RA += r * z.areaHa;
    return { id: z.id ?? `zone-${i + 1}`, r, runoffM3: w };
  });
  if (!(W > 0)) throw new RangeError('zones produce no runoff (all φ = 0)');
  return { removal: RW / W, zones: rows, areaWeighted: RA / A };
}
