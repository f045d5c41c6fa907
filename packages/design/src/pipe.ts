// Full-pipe gravity flow by Manning (digest §4.3a): v = (1/n) R^(2/3) I^(1/2), R = D/4, Q = v·πD²/4,
// and the diameter needed for a flow, D = (Q·n·4^(5/3) / (π·I^(1/2)))^(3/8).
import type { ProvenancedTable } from './provenance.js';

export interface FullPipe {
  diameterM: number;
  areaM2: number;
  velocityMps: number;
  flowCms: number;
}

function checkPipe(n: number, slope: number): void {
  if (!(n > 0)) throw new RangeError(`Manning n must be > 0 (got ${n})`);
  if (!(slope > 0)) throw new RangeError(`pipe slope must be > 0 (got ${slope})`);
}

/** Full-flow velocity and capacity of a circular pipe. */
export function fullPipeCapacity(diameterM: number, n: number, slope: number): FullPipe {
  checkPipe(n, slope);
  if (!(diameterM > 0)) throw new RangeError(`pipe diameter must be > 0 m (got ${diameterM})`);
  const area = (Math.PI * diameterM * diameterM) / 4;
  const v = (Math.pow(diameterM / 4, 2 / 3) * Math.sqrt(slope)) / n;
  return { diameterM, areaM2: area, velocityMps: v, flowCms: v * area };
}

/** Smallest (continuous) diameter whose full-pipe capacity equals Q. */
export function requiredDiameterM(flowCms: number, n: number, slope: number): number {
  checkPipe(n, slope);
  if (!(flowCms > 0)) throw new RangeError(`design flow must be > 0 m³/s (got ${flowCms})`);
  return Math.pow((flowCms * n * Math.pow(4, 5 / 3)) / (Math.PI * Math.sqrt(slope)), 3 / 8);
}

/** Nominal diameters (mm) offered for selection. */
export const STANDARD_DN: ProvenancedTable<number> = {
  id: 'standard-dn',
  title: 'Nominal storm-pipe diameters DN (mm) offered for selection',
  provenance: { tag: 'D', source: 'common Chinese concrete/plastic pipe DN series', note: 'minimum DN300 for storm/combined pipes and DN200 for inlet connections are GB 50014 [R]' },
  rows: [200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1350, 1500, 1650, 1800, 2000, 2200, 2400, 2600, 2800, 3000],
};
export const STANDARD_DN_MM: readonly number[] = STANDARD_DN.rows;

export interface RoughnessRow {
  material: string;
  n: readonly [number, number];
}

export const MANNING_N_PIPES: ProvenancedTable<RoughnessRow> = {
  id: 'gb50014-manning-n',
  title: 'Manning roughness of pipes and channels (GB 50014)',
  provenance: { tag: 'R', source: 'GB 50014-2021', clause: 'digest §4.3a' },
  rows: [
    { material: 'UPVC / PE / GRP pipe', n: [0.009, 0.011] },
    { material: 'asbestos-cement, steel pipe', n: [0.012, 0.012] },
    { material: 'clay, cast-iron pipe', n: [0.013, 0.013] },
    { material: 'concrete / reinforced-concrete pipe, mortar-lined channel', n: [0.013, 0.014] },
    { material: 'brick channel', n: [0.015, 0.015] },
    { material: 'mortared rubble masonry', n: [0.017, 0.017] },
    { material: 'dry rubble', n: [0.02, 0.025] },
    { material: 'earth channel (incl. turf)', n: [0.025, 0.03] },
  ],
};

export const PIPE_VELOCITY_LIMITS: ProvenancedTable<{ item: string; velocityMps: number }> = {
  id: 'gb50014-velocity-limits',
  title: 'Design velocity limits (GB 50014)',
  provenance: { tag: 'R', source: 'GB 50014-2021', clause: 'digest §4.3a' },
  rows: [
    { item: 'minimum full-flow velocity, storm/combined pipes', velocityMps: 0.75 },
    { item: 'minimum velocity, open channels', velocityMps: 0.4 },
    { item: 'maximum velocity, metal pipes', velocityMps: 10 },
    { item: 'maximum velocity, non-metal pipes', velocityMps: 5 },
  ],
};

export interface PipeSelection {
  requiredDiameterM: number;
  /** Chosen nominal size (the smallest standard DN whose capacity ≥ Q, and ≥ DN300). */
  chosen: FullPipe & { dnMm: number };
  /** The next smaller DN, for the report (why it was not enough). */
  smaller: (FullPipe & { dnMm: number }) | null;
  warnings: string[];
}

/** Chooses a standard DN for a design flow, with GB 50014 velocity and minimum-size checks. */
export function selectPipe(flowCms: number, n: number, slope: number, opts: { metal?: boolean; minDnMm?: number; sizesMm?: readonly number[] } = {}): PipeSelection {
  const dReq = requiredDiameterM(flowCms, n, slope);
  const sizes = (opts.sizesMm ?? STANDARD_DN_MM).filter((d) => d >= (opts.minDnMm ?? 300));
  let chosen: (FullPipe & { dnMm: number }) | null = null;
  let smaller: (FullPipe & { dnMm: number }) | null = null;
  for (const dn of sizes) {
    const cap = { ...fullPipeCapacity(dn / 1000, n, slope), dnMm: dn };
    // Capacity is monotone in D; compare capacities (not diameters) so rounding of D_req cannot mislead.
    if (cap.flowCms >= flowCms) {
      chosen = cap;
      break;
    }
    smaller = cap;
  }
  if (!chosen) throw new RangeError(`flow ${flowCms} m³/s needs D = ${dReq.toFixed(3)} m, larger than the largest size offered (DN${sizes[sizes.length - 1]})`);
  const warnings: string[] = [];
  if (chosen.velocityMps < 0.75) warnings.push(`full-pipe velocity ${chosen.velocityMps.toFixed(3)} m/s is below the 0.75 m/s minimum [R GB 50014]`);
  const vmax = opts.metal ? 10 : 5;
  if (chosen.velocityMps > vmax) warnings.push(`full-pipe velocity ${chosen.velocityMps.toFixed(3)} m/s exceeds the ${vmax} m/s maximum for ${opts.metal ? 'metal' : 'non-metal'} pipes [R GB 50014]`);
  return { requiredDiameterM: dReq, chosen, smaller, warnings };
}
