// Typed readers for the water-quality sections the parser keeps verbatim in model.extra
// (digest §1.17): [POLLUTANTS], [LANDUSES], [COVERAGES], [LOADINGS], [BUILDUP], [WASHOFF],
// [TREATMENT]. Values stay in the user's units here; quality.ts converts them once.
//
// The parser has already checked token counts, numbers and keywords of these lines; what
// is left for this module is what needs the whole model: name references between the
// sections (SWMM error 209), the ranges SWMM checks when it reads these objects (211, 205)
// and treatment expressions (233). Errors carry the file, line, section and token.
import type { EngineError } from '../api.js';
import type { Model, RawSection } from '../model/types.js';

export const CONC_MG = 0;
export const CONC_UG = 1;
export const CONC_COUNT = 2;
export const CONC_UNITS_NAMES = ['MG/L', 'UG/L', '#/L'] as const;

export const BUILDUP_NONE = 0;
export const BUILDUP_POW = 1;
export const BUILDUP_EXP = 2;
export const BUILDUP_SAT = 3;
export const BUILDUP_EXT = 4;
const BUILDUP_WORDS = ['NONE', 'POW', 'EXP', 'SAT', 'EXT'];

export const WASHOFF_NONE = 0;
export const WASHOFF_EXP = 1;
export const WASHOFF_RC = 2;
export const WASHOFF_EMC = 3;
const WASHOFF_WORDS = ['NONE', 'EXP', 'RC', 'EMC'];

export interface PollutantDef {
  name: string;
  /** CONC_MG, CONC_UG or CONC_COUNT. */
  units: number;
  /** Concentration in rain (wet deposition), groundwater, RDII — concentration units. */
  cRain: number;
  cGw: number;
  cRdii: number;
  /** First-order decay, 1/day (negative = growth). */
  kDecayPerDay: number;
  snowOnly: boolean;
  /** Index of the co-pollutant, −1 if none. */
  coPollutant: number;
  coFraction: number;
  /** Default dry-weather-flow concentration. */
  cDwf: number;
  /** Initial concentration in the conveyance system. */
  cInit: number;
}

export interface LanduseDef {
  name: string;
  sweepIntervalDays: number;
  /** Fraction of buildup available for sweeping (SWMM's "sweepRemoval"). */
  availability: number;
  lastSweptDays: number;
}

export interface BuildupDef {
  landuse: number;
  pollutant: number;
  func: number;
  c1: number;
  c2: number;
  /** POW/SAT third coefficient; unused for EXT. */
  c3: number;
  /** EXT: time series name (case kept as written). */
  series: string | null;
  perCurb: boolean;
}

export interface WashoffDef {
  landuse: number;
  pollutant: number;
  func: number;
  c1: number;
  c2: number;
  /** Percent. */
  sweepRemovalPct: number;
  bmpRemovalPct: number;
}

export interface TreatmentDef {
  node: number;
  pollutant: number;
  /** 'R' removal fraction or 'C' outflow concentration. */
  kind: 'R' | 'C';
  /** Expression text after the '='. */
  expr: string;
  line: number;
}

export interface QualityInput {
  pollutants: PollutantDef[];
  landuses: LanduseDef[];
  /** Per subcatchment, land-use fractions (0..1) by land-use index. */
  coverage: Float64Array[];
  /** Per subcatchment, initial buildup per acre/hectare by pollutant (0 = use DRY_DAYS). */
  loading: Float64Array[];
  buildup: BuildupDef[];
  washoff: WashoffDef[];
  treatments: TreatmentDef[];
}

export interface ReadQualityResult {
  input: QualityInput;
  errors: EngineError[];
}

class Reader {
  readonly errors: EngineError[] = [];
  constructor(readonly fileName: string) {}
  err(code: number, message: string, ln: RawSection['lines'][number], section: string, token?: string): void {
    const e: EngineError = { code, message, file: this.fileName, line: ln.line, section };
    if (token !== undefined) e.token = token;
    this.errors.push(e);
  }
}

function num(tok: string | undefined, dflt: number): number {
  if (tok === undefined || tok === '' || tok === '*') return dflt;
  const v = Number(tok);
  return Number.isFinite(v) ? v : NaN;
}

function lines(model: Model, section: string): RawSection['lines'] {
  return model.extra[section]?.lines ?? [];
}

function indexByName(names: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  names.forEach((n, i) => {
    const k = n.toUpperCase();
    if (!m.has(k)) m.set(k, i);
  });
  return m;
}

/**
 * Read every water-quality section of a parsed model.
 * @param nodeIndex node index for a name (any case), −1 if there is no such node.
 */
export function readQualityInput(model: Model, fileName: string, nodeIndex: (name: string) => number): ReadQualityResult {
  const rd = new Reader(fileName);
  const S_POL = '[POLLUTANTS]';

  // ---- pollutants (names first: co-pollutants may refer to later lines)
  const polLines = lines(model, S_POL);
  const polIdx = indexByName(polLines.map((l) => l.tokens[0] ?? ''));
  const pollutants: PollutantDef[] = polLines.map((ln) => {
    const t = ln.tokens;
    const units = Math.max(0, CONC_UNITS_NAMES.indexOf((t[1] ?? 'MG/L').toUpperCase() as (typeof CONC_UNITS_NAMES)[number]));
    const p: PollutantDef = {
      name: t[0] ?? '',
      units,
      cRain: num(t[2], 0),
      cGw: num(t[3], 0),
      cRdii: num(t[4], 0),
      kDecayPerDay: num(t[5], 0),
      snowOnly: (t[6] ?? 'NO').toUpperCase() === 'YES',
      coPollutant: -1,
      coFraction: 0,
      cDwf: num(t[9], 0),
      cInit: num(t[10], 0),
    };
    for (const [i, v] of [[2, p.cRain], [3, p.cGw], [4, p.cRdii], [9, p.cDwf], [10, p.cInit]] as const) {
      if (!(v >= 0)) rd.err(211, `invalid number ${t[i]}: a concentration ≥ 0 expected`, ln, S_POL, t[i]);
    }
    if (!Number.isFinite(p.kDecayPerDay)) rd.err(211, `invalid number ${t[5]}: a decay coefficient (1/days) expected`, ln, S_POL, t[5]);
    // SWMM reads a co-pollutant only when both its name and fraction are given.
    if (t.length >= 9 && t[7] !== '*') {
      const k = polIdx.get((t[7] ?? '').toUpperCase());
      if (k === undefined) rd.err(209, `undefined object ${t[7]}: a pollutant name expected as co-pollutant`, ln, S_POL, t[7]);
      else {
        p.coPollutant = k;
        p.coFraction = num(t[8], 0);
        if (!(p.coFraction >= 0)) rd.err(211, `invalid number ${t[8]}: a co-pollutant fraction ≥ 0 expected`, ln, S_POL, t[8]);
      }
    }
    return p;
  });

  // ---- land uses
  const S_LU = '[LANDUSES]';
  const luLines = lines(model, S_LU);
  const luIdx = indexByName(luLines.map((l) => l.tokens[0] ?? ''));
  const landuses: LanduseDef[] = luLines.map((ln) => {
    const t = ln.tokens;
    const lu: LanduseDef = { name: t[0] ?? '', sweepIntervalDays: 0, availability: 0, lastSweptDays: 0 };
    if (t.length > 1) {
      if (t.length < 4) rd.err(203, 'too few items: sweeping interval, availability and days since last swept expected', ln, S_LU);
      lu.sweepIntervalDays = num(t[1], 0);
      lu.availability = num(t[2], 0);
      lu.lastSweptDays = num(t[3], 0);
      if (!(lu.availability >= 0 && lu.availability <= 1)) rd.err(211, `invalid number ${t[2]}: an availability fraction 0..1 expected`, ln, S_LU, t[2]);
    }
    return lu;
  });

  // ---- coverages and loadings (pairs per subcatchment)
  const subIdx = indexByName(model.subcatchments.map((s) => s.name));
  const nSub = model.subcatchments.length;
  const coverage = Array.from({ length: nSub }, () => new Float64Array(landuses.length));
  const loading = Array.from({ length: nSub }, () => new Float64Array(pollutants.length));
  const pairs = (section: string, names: Map<string, number>, what: string, apply: (j: number, k: number, v: number) => void): void => {
    for (const ln of lines(model, section)) {
      const t = ln.tokens;
      const j = subIdx.get((t[0] ?? '').toUpperCase());
      if (j === undefined) {
        rd.err(209, `undefined object ${t[0]}: a subcatchment name expected`, ln, section, t[0]);
        continue;
      }
      for (let i = 1; i + 1 < t.length; i += 2) {
        const k = names.get(t[i]!.toUpperCase());
        if (k === undefined) {
          rd.err(209, `undefined object ${t[i]}: a ${what} name expected`, ln, section, t[i]);
          continue;
        }
        const v = num(t[i + 1], NaN);
        if (!(v >= 0)) {
          rd.err(211, `invalid number ${t[i + 1]}: a value ≥ 0 expected`, ln, section, t[i + 1]);
          continue;
        }
        apply(j, k, v);
      }
    }
  };
  pairs('[COVERAGES]', luIdx, 'land use', (j, k, v) => (coverage[j]![k] = v / 100));
  pairs('[LOADINGS]', polIdx, 'pollutant', (j, k, v) => (loading[j]![k] = v));
  // SWMM checks nothing else: coverages may add up to more (or less) than 100 %.

  // ---- buildup and washoff functions
  const refs = (ln: RawSection['lines'][number], section: string): [number, number] | null => {
    const t = ln.tokens;
    const i = luIdx.get((t[0] ?? '').toUpperCase());
    const p = polIdx.get((t[1] ?? '').toUpperCase());
    if (i === undefined) rd.err(209, `undefined object ${t[0]}: a land use name expected`, ln, section, t[0]);
    else if (p === undefined) rd.err(209, `undefined object ${t[1]}: a pollutant name expected`, ln, section, t[1]);
    else return [i, p];
    return null;
  };
  const S_BU = '[BUILDUP]';
  const tsNames = indexByName(model.timeseries.map((s) => s.name));
  const buildup: BuildupDef[] = [];
  for (const ln of lines(model, S_BU)) {
    const t = ln.tokens;
    if (t.length < 3) continue; // SWMM ignores such lines
    const r = refs(ln, S_BU);
    if (!r) continue;
    const func = BUILDUP_WORDS.indexOf((t[2] ?? '').toUpperCase());
    if (func < 0) {
      rd.err(205, `invalid keyword ${t[2]}: NONE, POW, EXP, SAT or EXT expected`, ln, S_BU, t[2]);
      continue;
    }
    const def: BuildupDef = { landuse: r[0], pollutant: r[1], func, c1: 0, c2: 0, c3: 0, series: null, perCurb: false };
    if (func !== BUILDUP_NONE) {
      if (t.length < 7) {
        rd.err(203, 'too few items: three coefficients and AREA or CURB expected', ln, S_BU);
        continue;
      }
      def.c1 = num(t[3], NaN);
      def.c2 = num(t[4], NaN);
      if (func === BUILDUP_EXT) {
        if (!tsNames.has((t[5] ?? '').toUpperCase())) {
          rd.err(209, `undefined object ${t[5]}: a time series name expected`, ln, S_BU, t[5]);
          continue;
        }
        def.series = t[5]!;
      } else def.c3 = num(t[5], NaN);
      const bad = [def.c1, def.c2, def.c3].findIndex((v) => !(v >= 0));
      if (bad >= 0) {
        rd.err(211, `invalid number ${t[3 + bad]}: a coefficient ≥ 0 expected`, ln, S_BU, t[3 + bad]);
        continue;
      }
      // SWMM: a power-function exponent must lie in [0.01, 10] (reported as a keyword error).
      if (func === BUILDUP_POW && def.c3 > 0 && (def.c3 < 0.01 || def.c3 > 10)) {
        rd.err(205, `invalid keyword ${t[5]}: a POW exponent between 0.01 and 10 expected`, ln, S_BU, t[5]);
        continue;
      }
      const norm = (t[6] ?? '').toUpperCase();
      if (norm !== 'AREA' && norm !== 'CURB') {
        rd.err(205, `invalid keyword ${t[6]}: AREA or CURB expected`, ln, S_BU, t[6]);
        continue;
      }
      def.perCurb = norm === 'CURB';
    }
    buildup.push(def);
  }

  const S_WO = '[WASHOFF]';
  const washoff: WashoffDef[] = [];
  for (const ln of lines(model, S_WO)) {
    const t = ln.tokens;
    if (t.length < 3) continue;
    const r = refs(ln, S_WO);
    if (!r) continue;
    const func = WASHOFF_WORDS.indexOf((t[2] ?? '').toUpperCase());
    if (func < 0) {
      rd.err(205, `invalid keyword ${t[2]}: NONE, EXP, RC or EMC expected`, ln, S_WO, t[2]);
      continue;
    }
    const def: WashoffDef = { landuse: r[0], pollutant: r[1], func, c1: 0, c2: 0, sweepRemovalPct: 0, bmpRemovalPct: 0 };
    if (func !== WASHOFF_NONE) {
      if (t.length < 5) {
        rd.err(203, 'too few items: a coefficient and an exponent expected', ln, S_WO);
        continue;
      }
      def.c1 = num(t[3], NaN);
      def.c2 = num(t[4], NaN);
      def.sweepRemovalPct = num(t[5], 0);
      def.bmpRemovalPct = num(t[6], 0);
      const checks: [number, boolean, string][] = [
        [3, def.c1 >= 0, 'a coefficient ≥ 0'],
        [4, def.c2 >= -10 && def.c2 <= 10, 'an exponent between -10 and 10'],
        [5, def.sweepRemovalPct >= 0 && def.sweepRemovalPct <= 100, 'a sweeping removal 0..100 %'],
        [6, def.bmpRemovalPct >= 0 && def.bmpRemovalPct <= 100, 'a BMP removal 0..100 %'],
      ];
      const bad = checks.find((c) => !c[1]);
      if (bad) {
        rd.err(211, `invalid number ${t[bad[0]]}: ${bad[2]} expected`, ln, S_WO, t[bad[0]]);
        continue;
      }
    }
    washoff.push(def);
  }

  // ---- treatment expressions "Node Pollutant R|C = expression"
  const S_TR = '[TREATMENT]';
  const treatments: TreatmentDef[] = [];
  for (const ln of lines(model, S_TR)) {
    const t = ln.tokens;
    if (t.length < 3) {
      rd.err(203, 'too few items: node, pollutant and "R = ..." or "C = ..." expected', ln, S_TR);
      continue;
    }
    const node = nodeIndex(t[0]!);
    if (node < 0) {
      rd.err(209, `undefined object ${t[0]}: a node name expected`, ln, S_TR, t[0]);
      continue;
    }
    const p = polIdx.get(t[1]!.toUpperCase());
    if (p === undefined) {
      rd.err(209, `undefined object ${t[1]}: a pollutant name expected`, ln, S_TR, t[1]);
      continue;
    }
    // SWMM joins the remaining tokens with single spaces and reads the kind from the first letter.
    const s = t.slice(2).join(' ');
    const kind = s[0]?.toUpperCase();
    const eq = s.indexOf('=');
    if ((kind !== 'R' && kind !== 'C') || eq < 0) {
      rd.err(233, `invalid math expression ${s}: "R = ..." or "C = ..." expected`, ln, S_TR, t[2]);
      continue;
    }
    treatments.push({ node, pollutant: p, kind, expr: s.slice(eq + 1), line: ln.line });
  }

  return { input: { pollutants, landuses, coverage, loading, buildup, washoff, treatments }, errors: rd.errors };
}

/**
 * The pollutants as the report lists them, even when IGNORE_QUALITY is set (SWMM then still prints
 * their columns, with zero loads, in the Outfall Loading Summary).
 */
export function pollutantListOf(model: Model): { name: string; concUnits: (typeof CONC_UNITS_NAMES)[number] }[] {
  return lines(model, '[POLLUTANTS]').map((ln) => {
    const u = (ln.tokens[1] ?? 'MG/L').toUpperCase();
    return { name: ln.tokens[0] ?? '', concUnits: (CONC_UNITS_NAMES as readonly string[]).includes(u) ? (u as (typeof CONC_UNITS_NAMES)[number]) : 'MG/L' };
  });
}
