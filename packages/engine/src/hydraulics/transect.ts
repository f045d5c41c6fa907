// Tabulated cross sections: irregular channels from [TRANSECTS] (HEC-2 NC/X1/GR
// records) and custom closed shapes from a SHAPE curve. Both end up as 51-entry
// relative tables of area, hydraulic radius and top width versus relative depth,
// which xsect.ts reads with the same table lookups as the standard rounded shapes.
//
// Digest references: engine-algorithms.md §1.15 ([TRANSECTS]), §7.3.8 (irregular),
// §7.3.9 (custom). All lengths are feet; callers of buildTransect convert SI input
// first (readTransectRecords does it for raw section tokens).
//
// API
//   readTransectRecords(rows, ucfLength)  -> { transects: TransectInput[] } | { error, row }
//   buildTransect(input)                  -> TransectTable | { error }
//   buildShapeTable(curve)                -> ShapeTable | { error }

/** Number of entries in transect and custom-shape tables (50 equal depth steps). */
export const N_SECTION_TBL = 51;

/** Manning constant used for sub-section conveyance (PHI in SWMM). */
const PHI = 1.486;
/** Constant SWMM uses when turning total conveyance back into an equivalent radius. */
const PHI_RADIUS = 1.49;
const TINY = 1e-6;

/** Relative geometry tables shared by irregular transects and custom shapes. */
export interface SectionTable {
  /** A/aFull at y/yFull = i/(N-1). */
  readonly areaTbl: Float64Array;
  /** R/rFull at y/yFull = i/(N-1). */
  readonly hradTbl: Float64Array;
  /** W/wMax at y/yFull = i/(N-1); entry 0 copies entry 1. */
  readonly widthTbl: Float64Array;
  /** Full depth (ft for transects; 1 for unit shapes). */
  readonly yFull: number;
  /** Full area (ft² / per unit height²). */
  readonly aFull: number;
  /** Full hydraulic radius (ft / per unit height). */
  readonly rFull: number;
  /** Maximum top width (ft / per unit height). */
  readonly wMax: number;
  /** Depth at which the top width first reaches wMax (ft / per unit height). */
  readonly ywMax: number;
  /** Maximum section factor A·R^(2/3) over the table rows (ft^(8/3) / per unit height^(8/3)). */
  readonly sMax: number;
  /** Area of the row with the maximum section factor (ft² / per unit height²). */
  readonly aMax: number;
}

/** Irregular channel geometry built from one [TRANSECTS] entry. */
export interface TransectTable extends SectionTable {
  readonly name: string;
  /** Main-channel Manning n as entered (NOT multiplied by √meander; §7.2 step 4 does that). */
  readonly roughness: number;
  readonly nLeft: number;
  readonly nRight: number;
  /** Meander factor (channel length / floodplain length); conduits use L/meander as actual length. */
  readonly lengthFactor: number;
}

/** Custom closed shape scaled to unit full height (xsect multiplies by Geom1). */
export type ShapeTable = SectionTable;

/** One transect as read from NC/X1/GR records; lengths in ft. */
export interface TransectInput {
  name: string;
  /** Manning n of the left/right overbanks; values <= 0 default to nChannel. */
  nLeft: number;
  nRight: number;
  nChannel: number;
  /** Bank stations (ft, before stationFactor). */
  xLeftBank: number;
  xRightBank: number;
  /** Channel/floodplain length ratio; <= 0 means 1. */
  meander: number;
  /** Multiplier applied to stations and bank stations; <= 0 means 1. */
  stationFactor: number;
  /** Added to every elevation (ft). */
  elevOffset: number;
  /** GR elevations (ft), left to right. */
  elevations: ArrayLike<number>;
  /** GR stations (ft), non-decreasing. */
  stations: ArrayLike<number>;
}

export interface SectionError {
  error: string;
}

/**
 * Turn tokenized [TRANSECTS] rows (one array of tokens per line, keyword first)
 * into TransectInputs. NC values of 0 keep the previous value (§1.15). Lengths are
 * divided by ucfLength (0.3048 for SI models, 1 for US).
 */
export function readTransectRecords(
  rows: readonly (readonly string[])[],
  ucfLength = 1,
): { transects: TransectInput[] } | { error: string; row: number } {
  const out: TransectInput[] = [];
  let nLeft = 0;
  let nRight = 0;
  let nChannel = 0;
  let current: { input: TransectInput; elev: number[]; sta: number[] } | null = null;
  const finish = () => {
    if (current) {
      current.input.elevations = current.elev;
      current.input.stations = current.sta;
      out.push(current.input);
      current = null;
    }
  };
  for (let r = 0; r < rows.length; r++) {
    const tok = rows[r]!;
    if (tok.length === 0) continue;
    const kw = tok[0]!.toUpperCase();
    if (kw === 'NC') {
      if (tok.length < 4) return { error: 'NC record needs nLeft nRight nChannel', row: r };
      const v = [tok[1], tok[2], tok[3]].map(Number);
      if (v.some((x) => !Number.isFinite(x) || x < 0)) return { error: `invalid Manning n in NC record`, row: r };
      if (v[0]! > 0) nLeft = v[0]!;
      if (v[1]! > 0) nRight = v[1]!;
      if (v[2]! > 0) nChannel = v[2]!;
    } else if (kw === 'X1') {
      if (tok.length < 2) return { error: 'X1 record needs a transect name', row: r };
      finish();
      const num = (i: number, dflt: number): number => {
        const s = tok[i];
        if (s === undefined) return dflt;
        const x = Number(s);
        return Number.isFinite(x) ? x : NaN;
      };
      const vals = [num(3, 0), num(4, 0), num(7, 0), num(8, 0), num(9, 0)];
      if (vals.some((x) => Number.isNaN(x))) return { error: `invalid number in X1 record of ${tok[1]}`, row: r };
      current = {
        input: {
          name: tok[1]!,
          nLeft,
          nRight,
          nChannel,
          xLeftBank: vals[0]! / ucfLength,
          xRightBank: vals[1]! / ucfLength,
          meander: vals[2]!,
          stationFactor: vals[3]!,
          elevOffset: vals[4]! / ucfLength,
          elevations: [],
          stations: [],
        },
        elev: [],
        sta: [],
      };
    } else if (kw === 'GR') {
      if (!current) return { error: 'GR record before any X1 record', row: r };
      if (tok.length < 3 || (tok.length - 1) % 2 !== 0) return { error: 'GR record needs elevation-station pairs', row: r };
      const cur: { elev: number[]; sta: number[] } = current;
      for (let i = 1; i + 1 < tok.length; i += 2) {
        const e = Number(tok[i]);
        const s = Number(tok[i + 1]);
        if (!Number.isFinite(e) || !Number.isFinite(s)) return { error: 'invalid number in GR record', row: r };
        cur.elev.push(e / ucfLength);
        cur.sta.push(s / ucfLength);
      }
    } else {
      return { error: `unknown transect record keyword ${tok[0]}`, row: r };
    }
  }
  finish();
  return { transects: out };
}

/**
 * Build the relative geometry tables of an irregular channel (§7.3.8).
 * Sub-section conveyance uses Manning's n per bank; the tabulated hydraulic radius
 * is the single-n radius that gives the same total conveyance.
 */
export function buildTransect(input: TransectInput): TransectTable | SectionError {
  const name = input.name;
  const nSta = Math.min(input.elevations.length, input.stations.length);
  if (nSta < 2) return { error: `transect ${name}: needs at least 2 stations (GR pairs)` };
  const nChannelRaw = input.nChannel;
  if (!(nChannelRaw > 0)) return { error: `transect ${name}: channel Manning n must be > 0` };
  const nLeft = input.nLeft > 0 ? input.nLeft : nChannelRaw;
  const nRight = input.nRight > 0 ? input.nRight : nChannelRaw;
  const meander = input.meander > 0 ? input.meander : 1;
  const xFactor = input.stationFactor > 0 ? input.stationFactor : 1;
  const xLeft = input.xLeftBank * xFactor;
  const xRight = input.xRightBank * xFactor;
  if (xLeft > xRight) return { error: `transect ${name}: left bank station is right of the right bank station` };

  // Stations plus a vertical wall at the left end (index 0) up to the highest
  // elevation. SWMM 5.2 also adds a wall at the right end, but its last-segment loop
  // stops before it, so that wall never adds wetted perimeter (verified against the
  // Transect Summary tables of SWMM 5.2.4); it adds no area or width either, so it is
  // simply left out here.
  const n = nSta + 1;
  const sta = new Float64Array(n);
  const elev = new Float64Array(n);
  let zMin = Infinity;
  let zMax = -Infinity;
  for (let i = 0; i < nSta; i++) {
    const x = input.stations[i]! * xFactor;
    const z = input.elevations[i]! + input.elevOffset;
    if (!Number.isFinite(x) || !Number.isFinite(z)) return { error: `transect ${name}: non-numeric station or elevation` };
    if (i > 0 && x < sta[i]!) return { error: `transect ${name}: stations must be in increasing order` };
    sta[i + 1] = x;
    elev[i + 1] = z;
    if (z < zMin) zMin = z;
    if (z > zMax) zMax = z;
  }
  if (!(zMax > zMin)) return { error: `transect ${name}: has no depth (all elevations equal)` };
  sta[0] = sta[1]!;
  elev[0] = zMax;

  // Channel n is scaled so the (shorter) floodplain length can be used for the whole section.
  const nChannel = nChannelRaw * Math.sqrt(meander);
  const closeAtLeftBank = nLeft !== nChannelRaw;
  const closeAtRightBank = nRight !== nChannelRaw;

  const N = N_SECTION_TBL;
  const areaTbl = new Float64Array(N);
  const hradTbl = new Float64Array(N);
  const widthTbl = new Float64Array(N);
  const yFull = zMax - zMin;
  const dy = yFull / (N - 1);
  let level = zMin;
  for (let i = 1; i < N; i++) {
    level += dy;
    let areaTot = 0;
    let widthTot = 0;
    let qTot = 0;
    let aSub = 0;
    let pSub = 0;
    for (let k = 1; k < n; k++) {
      const z0 = elev[k - 1]!;
      const z1 = elev[k]!;
      const lo = z0 < z1 ? z0 : z1;
      const hi = z0 < z1 ? z1 : z0;
      if (lo < level) {
        let w = Math.abs(sta[k]! - sta[k - 1]!);
        let p = Math.sqrt(w * w + (hi - lo) * (hi - lo));
        let a: number;
        if (level >= hi) {
          a = w * (level - hi) + 0.5 * w * (hi - lo);
        } else {
          // Partly wet slice: a triangle; width and wetted length in proportion.
          const f = (level - lo) / (hi - lo);
          w *= f;
          p *= f;
          a = 0.5 * w * (level - lo);
        }
        aSub += a;
        pSub += p;
        areaTot += a;
        widthTot += w;
      }
      // A sub-section ends where the ground rises above the water, at the last
      // station, or at a bank station where the roughness changes.
      const close =
        k === n - 1 ||
        z1 > level ||
        (closeAtLeftBank && sta[k] === xLeft) ||
        (closeAtRightBank && sta[k] === xRight);
      if (close) {
        if (aSub > TINY) {
          let nSub = nChannel;
          if (sta[k - 1]! < xLeft) nSub = nLeft;
          if (sta[k]! > xRight) nSub = nRight;
          qTot += (PHI / nSub) * aSub * Math.pow(aSub / pSub, 2 / 3);
        }
        aSub = 0;
        pSub = 0;
      }
    }
    areaTbl[i] = areaTot;
    widthTbl[i] = widthTot;
    hradTbl[i] = areaTot > 0 ? Math.pow((qTot * nChannel) / PHI_RADIUS / areaTot, 1.5) : hradTbl[i - 1]!;
  }

  // Maximum section factor, in absolute units, before normalizing.
  let sMax = 0;
  let aMax = 0;
  for (let i = 1; i < N; i++) {
    const s = areaTbl[i]! * Math.pow(hradTbl[i]!, 2 / 3);
    if (s > sMax) {
      sMax = s;
      aMax = areaTbl[i]!;
    }
  }
  const aFull = areaTbl[N - 1]!;
  const rFull = hradTbl[N - 1]!;
  const wMax = widthTbl[N - 1]!;
  if (!(aFull > 0) || !(rFull > 0) || !(wMax > 0)) return { error: `transect ${name}: degenerate geometry` };
  for (let i = 1; i < N; i++) {
    areaTbl[i] = areaTbl[i]! / aFull;
    hradTbl[i] = hradTbl[i]! / rFull;
    widthTbl[i] = widthTbl[i]! / wMax;
  }
  widthTbl[0] = widthTbl[1]!;
  return {
    name,
    areaTbl,
    hradTbl,
    widthTbl,
    yFull,
    aFull,
    rFull,
    wMax,
    // Transect widths never shrink with depth (walls up to the top), so the
    // widest level is the top one.
    ywMax: yFull,
    sMax,
    aMax,
    roughness: nChannelRaw,
    nLeft,
    nRight,
    lengthFactor: meander,
  };
}

/**
 * Build unit-height tables of a custom closed shape (§7.3.9) from a SHAPE curve of
 * relative height (0..1) vs relative width (width / full height).
 * Each of the 50 slices is a trapezoid between the widths interpolated at its
 * bottom and top; the wetted perimeter counts both sloping sides, the bottom width
 * and, at the full level only, the top width.
 */
export function buildShapeTable(curve: { x: ArrayLike<number>; y: ArrayLike<number> }): ShapeTable | SectionError {
  const m = Math.min(curve.x.length, curve.y.length);
  if (m < 1) return { error: 'shape curve has no points' };
  const h: number[] = [];
  const w: number[] = [];
  if (!(curve.x[0]! >= 0 && curve.x[0]! < 1)) return { error: 'shape curve must start at a relative height in [0, 1)' };
  if (curve.x[0]! > 0) {
    h.push(0);
    w.push(0);
  }
  for (let i = 0; i < m; i++) {
    const hi = curve.x[i]!;
    const wi = curve.y[i]!;
    if (!Number.isFinite(hi) || !Number.isFinite(wi) || wi < 0) return { error: `shape curve point ${i + 1} is invalid` };
    if (h.length > 0 && hi < h[h.length - 1]!) return { error: 'shape curve heights must be non-decreasing' };
    h.push(hi);
    w.push(wi);
  }
  // Width at a relative height: linear between curve points, held beyond the last one.
  let seg = 0;
  const widthAt = (y: number): number => {
    while (seg < h.length - 1 && y > h[seg + 1]!) seg++;
    if (seg >= h.length - 1) return w[h.length - 1]!;
    const h0 = h[seg]!;
    const h1 = h[seg + 1]!;
    if (h1 <= h0) return w[seg + 1]!;
    return w[seg]! + ((w[seg + 1]! - w[seg]!) * (y - h0)) / (h1 - h0);
  };

  const N = N_SECTION_TBL;
  const dy = 1 / (N - 1);
  const areaTbl = new Float64Array(N);
  const hradTbl = new Float64Array(N);
  const widthTbl = new Float64Array(N);
  let wPrev = widthAt(0);
  widthTbl[0] = wPrev;
  let a = 0;
  let p = wPrev;
  let wMax = 0;
  for (let i = 0; i < h.length; i++) if (h[i]! <= 1 && w[i]! > wMax) wMax = w[i]!;
  for (let i = 1; i < N; i++) {
    const y = i * dy;
    const wi = widthAt(y);
    a += 0.5 * (wPrev + wi) * dy;
    const dw = 0.5 * (wi - wPrev);
    p += 2 * Math.sqrt(dy * dy + dw * dw);
    const pTot = i === N - 1 ? p + wi : p;
    areaTbl[i] = a;
    hradTbl[i] = pTot > 0 ? a / pTot : 0;
    widthTbl[i] = wi;
    if (wi > wMax) wMax = wi;
    wPrev = wi;
  }
  let sMax = 0;
  let aMax = 0;
  for (let i = 1; i < N; i++) {
    const s = areaTbl[i]! * Math.pow(hradTbl[i]!, 2 / 3);
    if (s > sMax) {
      sMax = s;
      aMax = areaTbl[i]!;
    }
  }
  const aFull = areaTbl[N - 1]!;
  const rFull = hradTbl[N - 1]!;
  if (!(aFull > 0) || !(rFull > 0) || !(wMax > 0)) return { error: 'shape curve encloses no area' };
  let ywMax = 1;
  for (let i = 0; i < N; i++) {
    if (widthTbl[i]! >= wMax) {
      ywMax = i * dy;
      break;
    }
  }
  for (let i = 0; i < N; i++) {
    areaTbl[i] = areaTbl[i]! / aFull;
    hradTbl[i] = hradTbl[i]! / rFull;
    widthTbl[i] = widthTbl[i]! / wMax;
  }
  return { areaTbl, hradTbl, widthTbl, yFull: 1, aFull, rFull, wMax, ywMax, sMax, aMax };
}
