// Default [LID_CONTROLS] designs per LID type, in SI units (mm, mm/h). Values follow common sponge-city
// practice in northern China and the SWMM 5 manual's typical ranges; every field can be overridden per change.
// US models get the same designs converted to inches.

export const LID_TYPES = ['BC', 'RG', 'GR', 'IT', 'PP', 'RB', 'RD', 'VS'] as const;
export type LidType = (typeof LID_TYPES)[number];

export const LAYER_FIELDS = {
  SURFACE: ['bermHeight', 'vegVolFraction', 'roughness', 'slope', 'sideSlope'],
  SOIL: ['thickness', 'porosity', 'fieldCapacity', 'wiltingPoint', 'conductivity', 'conductivitySlope', 'suctionHead'],
  PAVEMENT: ['thickness', 'voidRatio', 'impervFraction', 'permeability', 'clogFactor'],
  STORAGE: ['thickness', 'voidRatio', 'seepageRate', 'clogFactor'],
  DRAIN: ['coefficient', 'exponent', 'offset', 'delay'],
  DRAINMAT: ['thickness', 'voidFraction', 'roughness'],
} as const;
export type Layer = keyof typeof LAYER_FIELDS;

/** How each field converts from SI to US units: length mm→in, rate mm/h→in/h, drain coefficient, or none. */
const FIELD_UNIT: Record<string, 'len' | 'rate' | 'coef' | undefined> = {
  'SURFACE.bermHeight': 'len',
  'SOIL.thickness': 'len',
  'SOIL.conductivity': 'rate',
  'SOIL.suctionHead': 'len',
  'PAVEMENT.thickness': 'len',
  'PAVEMENT.permeability': 'rate',
  'STORAGE.thickness': 'len',
  'STORAGE.seepageRate': 'rate',
  'DRAIN.coefficient': 'coef',
  'DRAIN.offset': 'len',
  'DRAINMAT.thickness': 'len',
};

export type LidDesign = Partial<Record<Layer, Record<string, number>>>;

const SURFACE_BASIN = { bermHeight: 200, vegVolFraction: 0.1, roughness: 0.1, slope: 1, sideSlope: 5 };
const LOAM_MEDIA = { porosity: 0.45, fieldCapacity: 0.2, wiltingPoint: 0.1, conductivity: 50, conductivitySlope: 10, suctionHead: 90 };
const NO_DRAIN = { coefficient: 0, exponent: 0.5, offset: 0, delay: 6 };

export const LID_DEFAULTS: Record<LidType, LidDesign> = {
  // Bioretention: 200 mm ponding, 600 mm planting media, 300 mm gravel, raised underdrain (native soils drain slowly).
  BC: {
    SURFACE: { ...SURFACE_BASIN },
    SOIL: { thickness: 600, ...LOAM_MEDIA },
    STORAGE: { thickness: 300, voidRatio: 0.67, seepageRate: 5, clogFactor: 0 },
    DRAIN: { coefficient: 1.5, exponent: 0.5, offset: 150, delay: 6 },
  },
  // Rain garden: a shallow planted basin without gravel or underdrain.
  RG: {
    SURFACE: { ...SURFACE_BASIN, bermHeight: 150 },
    SOIL: { thickness: 450, ...LOAM_MEDIA },
  },
  // Extensive green roof: 100 mm substrate on a 25 mm drainage mat.
  GR: {
    SURFACE: { bermHeight: 20, vegVolFraction: 0.1, roughness: 0.15, slope: 2, sideSlope: 0 },
    SOIL: { thickness: 100, porosity: 0.5, fieldCapacity: 0.25, wiltingPoint: 0.1, conductivity: 100, conductivitySlope: 10, suctionHead: 90 },
    DRAINMAT: { thickness: 25, voidFraction: 0.5, roughness: 0.1 },
  },
  // Infiltration trench: 1 m of gravel, exfiltrating into the native soil.
  IT: {
    SURFACE: { bermHeight: 50, vegVolFraction: 0, roughness: 0.1, slope: 1, sideSlope: 5 },
    STORAGE: { thickness: 1000, voidRatio: 0.67, seepageRate: 10, clogFactor: 0 },
    DRAIN: { ...NO_DRAIN },
  },
  // Permeable pavement: 80 mm pervious blocks over 300 mm gravel base.
  PP: {
    SURFACE: { bermHeight: 2, vegVolFraction: 0, roughness: 0.015, slope: 1, sideSlope: 0 },
    PAVEMENT: { thickness: 80, voidRatio: 0.15, impervFraction: 0, permeability: 2500, clogFactor: 0 },
    STORAGE: { thickness: 300, voidRatio: 0.67, seepageRate: 5, clogFactor: 0 },
    DRAIN: { ...NO_DRAIN },
  },
  // Rain barrel / cistern: 1 m tall, emptied through a valve 6 h after the rain.
  RB: {
    STORAGE: { thickness: 1000, voidRatio: 0.75, seepageRate: 0, clogFactor: 0 },
    DRAIN: { coefficient: 1, exponent: 0.5, offset: 0, delay: 6 },
  },
  // Rooftop disconnection: roof drains carry up to 50 mm/h, the rest spills onto pervious ground.
  RD: {
    SURFACE: { bermHeight: 0, vegVolFraction: 0, roughness: 0.015, slope: 1, sideSlope: 0 },
    DRAIN: { coefficient: 50, exponent: 0, offset: 0, delay: 0 },
  },
  // Grass swale: 300 mm deep trapezoid with 1:5 sides.
  VS: {
    SURFACE: { bermHeight: 300, vegVolFraction: 0.2, roughness: 0.24, slope: 1, sideSlope: 5 },
  },
};

/** LID types that normally sit on pervious ground (keep the impervious area) vs. replace impervious surfaces. */
export const REPLACES_IMPERVIOUS: ReadonlySet<LidType> = new Set<LidType>(['GR', 'PP', 'RD']);
/** Types that take runoff from the surrounding impervious area by default (the others treat only their own rain). */
export const TREATS_RUNON: ReadonlySet<LidType> = new Set<LidType>(['BC', 'RG', 'IT', 'VS', 'RB']);
/** Types whose surface outflow runs off overland (width matters); basins and barrels just spill over. */
export const USES_WIDTH: ReadonlySet<LidType> = new Set<LidType>(['GR', 'IT', 'PP', 'RD', 'VS']);

function toUS(layer: Layer, field: string, v: number, design: LidDesign): number {
  switch (FIELD_UNIT[`${layer}.${field}`]) {
    case 'len':
    case 'rate':
      return v / 25.4;
    case 'coef': {
      // q = C·h^n: C(mm/h per mm^n) → C(in/h per in^n) = C·25.4^(n−1)
      const n = design.DRAIN?.exponent ?? 0.5;
      return v * Math.pow(25.4, n - 1);
    }
    default:
      return v;
  }
}

/** The default design of a type in the model's units (a fresh copy, safe to modify). */
export function defaultDesign(type: LidType, us: boolean): LidDesign {
  const base = LID_DEFAULTS[type];
  const out: LidDesign = {};
  for (const layer of Object.keys(base) as Layer[]) {
    const values = base[layer]!;
    out[layer] = Object.fromEntries(Object.entries(values).map(([f, v]) => [f, us ? toUS(layer, f, v, base) : v]));
  }
  return out;
}

function fmt(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/** [LID_CONTROLS] lines for one control (header line first), values written as given. */
export function lidControlLines(name: string, type: LidType, design: LidDesign): string[] {
  const pad = name.padEnd(16);
  const lines = [`${pad} ${type}`];
  for (const layer of Object.keys(LAYER_FIELDS) as Layer[]) {
    const values = design[layer];
    if (!values) continue;
    const tokens = LAYER_FIELDS[layer].map((f) => fmt(values[f] ?? 0));
    if (layer === 'STORAGE' && type === 'RB') tokens.push('YES'); // covered barrel: no direct rain
    lines.push(`${pad} ${layer.padEnd(10)} ${tokens.join('  ')}`);
  }
  return lines;
}
