// Typed reading and validation of [LID_CONTROLS] and [LID_USAGE] (digest §1.10–1.11).
//
// The parser keeps both sections verbatim in `model.extra` (tokens with line numbers). This
// module turns them into typed LID controls and usages, still in the user's units, and
// reports every problem as a coded error with SWMM's numbers:
//   183 no type for an LID, 184 a required layer missing, 185 invalid layer parameters
//   (including a layer that the LID's type does not have), 187 LID area larger than its
//   subcatchment, 188 treated shares above 100 %, 203 too few items, 205 invalid keyword,
//   209 undefined object (LID, subcatchment, drain node/subcatchment, curve, pollutant),
//   211 invalid number.
// Conversion to internal units and the physics live in lid.ts.

import type { EngineError } from '../api.js';
import type { Model, RawSection } from '../model/types.js';

export type LidTypeName = 'BC' | 'RG' | 'GR' | 'IT' | 'PP' | 'RB' | 'VS' | 'RD';
export const LID_TYPE_NAMES: readonly LidTypeName[] = ['BC', 'RG', 'GR', 'IT', 'PP', 'RB', 'VS', 'RD'];
export type LidLayerName = 'SURFACE' | 'SOIL' | 'PAVEMENT' | 'STORAGE' | 'DRAIN' | 'DRAINMAT' | 'REMOVALS';
const LAYER_NAMES: readonly LidLayerName[] = ['SURFACE', 'SOIL', 'PAVEMENT', 'STORAGE', 'DRAIN', 'DRAINMAT', 'REMOVALS'];

/**
 * Layers each type can use. SWMM silently ignores the others (e.g. a DRAINMAT on a bio-retention
 * cell, a SOIL layer on a rain barrel); we reject them so a designer learns the layer has no effect.
 * RG may carry a STORAGE/DRAIN layer: SWMM simulates it like a bio-retention cell, and its GUI
 * writes a zero-thickness storage line for rain gardens.
 */
export const LID_ALLOWED_LAYERS: Readonly<Record<LidTypeName, readonly LidLayerName[]>> = {
  BC: ['SURFACE', 'SOIL', 'STORAGE', 'DRAIN', 'REMOVALS'],
  RG: ['SURFACE', 'SOIL', 'STORAGE', 'DRAIN', 'REMOVALS'],
  GR: ['SURFACE', 'SOIL', 'DRAINMAT', 'REMOVALS'],
  IT: ['SURFACE', 'STORAGE', 'DRAIN', 'REMOVALS'],
  PP: ['SURFACE', 'PAVEMENT', 'SOIL', 'STORAGE', 'DRAIN', 'REMOVALS'],
  RB: ['STORAGE', 'DRAIN', 'REMOVALS'],
  VS: ['SURFACE', 'REMOVALS'],
  RD: ['SURFACE', 'DRAIN', 'REMOVALS'],
};

/** Layers a type cannot do without (validated as SWMM does: present with thickness > 0). */
export const LID_REQUIRED_LAYERS: Readonly<Record<LidTypeName, readonly LidLayerName[]>> = {
  BC: ['SOIL'], RG: ['SOIL'], GR: ['SOIL', 'DRAINMAT'], IT: ['STORAGE'], PP: ['PAVEMENT'], RB: [], VS: [], RD: [],
};

interface LineRef {
  /** 1-based line of the .inp file. */
  line: number;
}

/** All values in user units (in or mm, in/hr or mm/hr) as written in the file. */
export interface LidSurfaceLayer extends LineRef {
  bermHeight: number;
  vegVolFraction: number;
  roughness: number;
  slopePct: number;
  sideSlope: number;
}
export interface LidSoilLayer extends LineRef {
  thickness: number;
  porosity: number;
  fieldCapacity: number;
  wiltingPoint: number;
  ksat: number;
  conductivitySlope: number;
  suctionHead: number;
}
export interface LidPavementLayer extends LineRef {
  thickness: number;
  voidRatio: number;
  imperviousFraction: number;
  permeability: number;
  clogFactor: number;
  regenIntervalDays: number;
  regenFraction: number;
}
export interface LidStorageLayer extends LineRef {
  thickness: number;
  voidRatio: number;
  seepageRate: number;
  clogFactor: number;
  /** Rain barrels only: a covered barrel gets no direct rainfall (default NO, as SWMM 5.2.4 runs it). */
  covered: boolean;
}
export interface LidDrainLayer extends LineRef {
  coefficient: number;
  exponent: number;
  offset: number;
  delayHours: number;
  openLevel: number;
  closeLevel: number;
  /** Multiplier-vs-head curve name, or null. */
  controlCurve: string | null;
}
export interface LidDrainMatLayer extends LineRef {
  thickness: number;
  voidFraction: number;
  roughness: number;
}
export interface LidRemoval {
  pollutant: string;
  percent: number;
}

export interface LidControl extends LineRef {
  name: string;
  type: LidTypeName | null;
  surface: LidSurfaceLayer | null;
  soil: LidSoilLayer | null;
  pavement: LidPavementLayer | null;
  storage: LidStorageLayer | null;
  drain: LidDrainLayer | null;
  drainMat: LidDrainMatLayer | null;
  removals: LidRemoval[];
}

export interface LidUsage extends LineRef {
  subcatchment: string;
  /** Index in model.subcatchments. */
  subIndex: number;
  lid: string;
  /** Index in LidInput.controls. */
  lidIndex: number;
  number: number;
  /** ft² or m² of ONE unit. */
  area: number;
  /** ft or m. */
  width: number;
  initSatPct: number;
  fromImpPct: number;
  toPerv: boolean;
  rptFile: string | null;
  /** Node or subcatchment receiving the underdrain flow; null = the subcatchment's outlet. */
  drainTo: string | null;
  fromPervPct: number;
}

export interface LidInput {
  controls: LidControl[];
  /** Usage lines with Number > 0, in file order. */
  usage: LidUsage[];
  errors: EngineError[];
  warnings: string[];
}

export interface LidInputOptions {
  /** Node index by name (case-insensitive), −1 if none; default: model.nodes. */
  nodeIndexByName?: (name: string) => number;
}

const CONTROLS = '[LID_CONTROLS]';
const USAGE = '[LID_USAGE]';
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function perAreaOfLand(model: Model): number {
  const f = model.options.flowUnits;
  return f === 'CMS' || f === 'LPS' || f === 'MLD' ? 10000 : 43560;
}

class Reader {
  readonly errors: EngineError[] = [];
  readonly warnings: string[] = [];
  constructor(private readonly fileName: string | undefined) {}

  err(code: number, message: string, section: string, line: number | undefined, token: string | undefined): void {
    const e: EngineError = { code, message: `${message}${line !== undefined ? ` at line ${line} of ${section}` : ''}`, section };
    if (line !== undefined) e.line = line;
    if (token !== undefined) e.token = token;
    if (this.fileName !== undefined) e.file = this.fileName;
    this.errors.push(e);
  }

  /** A number ≥ min (and ≤ max); records error 211 and returns NaN when it is not. */
  num(tokens: string[], i: number, section: string, line: number, what: string, min = 0, max = Infinity): number {
    const t = tokens[i];
    if (t === undefined || !NUMBER_RE.test(t)) {
      this.err(211, `invalid number ${t ?? ''} (expected ${what})`, section, line, t ?? '');
      return NaN;
    }
    const v = Number(t);
    if (v < min || v > max) {
      const range = max === Infinity ? `≥ ${min}` : `between ${min} and ${max}`;
      this.err(211, `invalid number ${t} (expected ${what} ${range})`, section, line, t);
      return NaN;
    }
    return v;
  }

  /** Optional number (absent or `*` gives `dflt`). */
  optNum(tokens: string[], i: number, section: string, line: number, what: string, dflt: number, min = 0, max = Infinity): number {
    const t = tokens[i];
    if (t === undefined || t === '*') return dflt;
    return this.num(tokens, i, section, line, what, min, max);
  }
}

function nums(r: Reader, toks: string[], from: number, names: readonly string[], line: number): number[] | null {
  const out: number[] = [];
  let ok = true;
  for (let i = 0; i < names.length; i++) {
    const v = r.num(toks, from + i, CONTROLS, line, names[i]!);
    if (Number.isNaN(v)) ok = false;
    out.push(v);
  }
  return ok ? out : null;
}

const MIN_TOKENS: Readonly<Record<LidLayerName, number>> = {
  SURFACE: 7, SOIL: 9, PAVEMENT: 7, STORAGE: 6, DRAIN: 6, DRAINMAT: 5, REMOVALS: 4,
};

function readControlLine(r: Reader, ctl: LidControl, toks: string[], line: number, pollutants: Set<string>, curves: Set<string>): void {
  const layer = (toks[1] ?? '').toUpperCase() as LidLayerName;
  if (!LAYER_NAMES.includes(layer)) {
    r.err(205, `invalid keyword ${toks[1]} (expected an LID type ${LID_TYPE_NAMES.join(', ')} or a layer ${LAYER_NAMES.join(', ')})`, CONTROLS, line, toks[1]);
    return;
  }
  if (toks.length < MIN_TOKENS[layer]) {
    r.err(203, `too few items for the ${layer} layer of LID ${ctl.name} (expected ${MIN_TOKENS[layer] - 2} values)`, CONTROLS, line, ctl.name);
    return;
  }
  switch (layer) {
    case 'SURFACE': {
      const v = nums(r, toks, 2, ['berm height', 'vegetation volume fraction', 'surface roughness', 'surface slope (%)', 'side slope'], line);
      if (!v) return;
      if (v[1]! >= 1) {
        r.err(211, `invalid number ${toks[3]} (expected a vegetation volume fraction < 1)`, CONTROLS, line, toks[3]);
        return;
      }
      ctl.surface = { line, bermHeight: v[0]!, vegVolFraction: v[1]!, roughness: v[2]!, slopePct: v[3]!, sideSlope: v[4]! };
      return;
    }
    case 'SOIL': {
      const v = nums(r, toks, 2, ['soil thickness', 'porosity', 'field capacity', 'wilting point', 'saturated conductivity', 'conductivity slope', 'suction head'], line);
      if (!v) return;
      ctl.soil = { line, thickness: v[0]!, porosity: v[1]!, fieldCapacity: v[2]!, wiltingPoint: v[3]!, ksat: v[4]!, conductivitySlope: v[5]!, suctionHead: v[6]! };
      return;
    }
    case 'PAVEMENT': {
      const v = nums(r, toks, 2, ['pavement thickness', 'void ratio', 'impervious surface fraction', 'permeability', 'clogging factor'], line);
      const regen = r.optNum(toks, 7, CONTROLS, line, 'a regeneration interval (days)', 0);
      const frac = r.optNum(toks, 8, CONTROLS, line, 'a regeneration fraction', 0, 0, 1);
      if (!v || Number.isNaN(regen) || Number.isNaN(frac)) return;
      ctl.pavement = {
        line, thickness: v[0]!, voidRatio: v[1]!, imperviousFraction: v[2]!, permeability: v[3]!, clogFactor: v[4]!,
        regenIntervalDays: regen, regenFraction: frac,
      };
      return;
    }
    case 'STORAGE': {
      const v = nums(r, toks, 2, ['storage height', 'void ratio', 'seepage rate', 'clogging factor'], line);
      if (!v) return;
      let covered = false;
      const c = toks[6];
      if (c !== undefined && c !== '*') {
        const u = c.toUpperCase();
        if (u === 'YES') covered = true;
        else if (u !== 'NO') {
          r.err(205, `invalid keyword ${c} (expected YES or NO for a covered rain barrel)`, CONTROLS, line, c);
          return;
        }
      }
      ctl.storage = { line, thickness: v[0]!, voidRatio: v[1]!, seepageRate: v[2]!, clogFactor: v[3]!, covered };
      return;
    }
    case 'DRAIN': {
      const v = nums(r, toks, 2, ['drain coefficient', 'drain exponent', 'drain offset', 'drain delay (hours)'], line);
      const open = r.optNum(toks, 6, CONTROLS, line, 'an open level', 0);
      const close = r.optNum(toks, 7, CONTROLS, line, 'a close level', 0);
      let curve: string | null = null;
      const ct = toks[8];
      if (ct !== undefined && ct !== '' && ct !== '*') {
        if (!curves.has(ct.toUpperCase())) {
          r.err(209, `undefined object ${ct} (expected a curve in [CURVES] for the drain control curve)`, CONTROLS, line, ct);
          return;
        }
        curve = ct;
      }
      if (!v || Number.isNaN(open) || Number.isNaN(close)) return;
      ctl.drain = { line, coefficient: v[0]!, exponent: v[1]!, offset: v[2]!, delayHours: v[3]!, openLevel: open, closeLevel: close, controlCurve: curve };
      return;
    }
    case 'DRAINMAT': {
      const v = nums(r, toks, 2, ['drainage mat thickness', 'void fraction', 'roughness'], line);
      if (!v) return;
      ctl.drainMat = { line, thickness: v[0]!, voidFraction: v[1]!, roughness: v[2]! };
      return;
    }
    case 'REMOVALS': {
      for (let i = 2; i < toks.length; i += 2) {
        const p = toks[i]!;
        if (!pollutants.has(p.toUpperCase())) {
          r.err(209, `undefined object ${p} (expected a pollutant in [POLLUTANTS])`, CONTROLS, line, p);
          return;
        }
        if (i + 1 >= toks.length) {
          r.err(203, `too few items (expected a percent removal after pollutant ${p})`, CONTROLS, line, p);
          return;
        }
        const pct = r.num(toks, i + 1, CONTROLS, line, 'a percent removal', 0, 100);
        if (Number.isNaN(pct)) return;
        ctl.removals.push({ pollutant: p, percent: pct });
      }
      return;
    }
  }
}

/** SWMM's per-control validation (validateLidProc) plus the layers a type does not have. */
function validateControl(r: Reader, ctl: LidControl, seen: Set<LidLayerName>, typeTried: boolean): void {
  const t = ctl.type;
  if (!t) {
    if (typeTried) return; // the invalid type line was reported already
    r.err(183, `no type specified for LID ${ctl.name} (expected a "${ctl.name} <type>" line, type one of ${LID_TYPE_NAMES.join(', ')})`, CONTROLS, ctl.line, ctl.name);
    return;
  }
  const bad = (detail: string, line: number, token = ctl.name): void =>
    r.err(185, `invalid parameter value for LID ${ctl.name} - ${detail}`, CONTROLS, line, token);
  for (const layer of seen) {
    if (!LID_ALLOWED_LAYERS[t].includes(layer)) {
      const ln = layerLine(ctl, layer) ?? ctl.line;
      bad(`type ${t} has no ${layer} layer (its layers are ${LID_ALLOWED_LAYERS[t].join(', ')})`, ln, layer);
    }
  }
  const thick: Record<string, number> = {
    SOIL: ctl.soil?.thickness ?? 0, DRAINMAT: ctl.drainMat?.thickness ?? 0,
    PAVEMENT: ctl.pavement?.thickness ?? 0, STORAGE: ctl.storage?.thickness ?? 0,
  };
  // A layer whose line was rejected is reported there, not again as missing.
  const rejected = (l: LidLayerName): boolean => seen.has(l) && layerLine(ctl, l) === undefined;
  const missing = LID_REQUIRED_LAYERS[t].filter((l) => !(thick[l]! > 0) && !rejected(l));
  if (missing.length > 0) {
    r.err(184, `missing layer for LID ${ctl.name} (type ${t} needs ${missing.join(' and ')} with a thickness > 0)`, CONTROLS, ctl.line, ctl.name);
    return;
  }
  const pv = ctl.pavement;
  if (t === 'PP' && pv) {
    const vf = pv.voidRatio / (pv.voidRatio + 1);
    if (!(pv.permeability > 0) || !(vf > 0) || pv.imperviousFraction > 1) {
      bad('check pavement layer parameters (expected permeability > 0, void ratio > 0, impervious fraction ≤ 1)', pv.line);
    }
  }
  const s = ctl.soil;
  if (s && s.thickness > 0) {
    if (!(s.porosity > 0) || s.fieldCapacity >= s.porosity || s.wiltingPoint >= s.fieldCapacity || !(s.ksat > 0) || s.conductivitySlope < 0) {
      bad('check soil layer parameters (expected porosity > field capacity > wilting point, conductivity > 0)', s.line);
    }
  }
  const st = ctl.storage;
  if (st && st.thickness > 0 && t !== 'RB' && t !== 'GR') {
    const vf = st.voidRatio / (st.voidRatio + 1);
    if (!(vf > 0) || vf > 1) bad('check storage layer parameters (expected a void ratio > 0)', st.line);
  }
  const d = ctl.drain;
  if (d && d.openLevel > 0 && d.openLevel <= d.closeLevel) {
    bad(`invalid drain open/closed heads (expected an open level above the close level ${d.closeLevel})`, d.line);
  }
  if (t === 'VS') {
    const sf = ctl.surface;
    if (!sf || !(sf.roughness * sf.slopePct > 0) || !(sf.bermHeight > 0)) {
      bad('check swale surface parameters (expected berm height, roughness and slope > 0)', sf?.line ?? ctl.line);
    }
  }
}

function layerLine(ctl: LidControl, layer: LidLayerName): number | undefined {
  switch (layer) {
    case 'SURFACE': return ctl.surface?.line;
    case 'SOIL': return ctl.soil?.line;
    case 'PAVEMENT': return ctl.pavement?.line;
    case 'STORAGE': return ctl.storage?.line;
    case 'DRAIN': return ctl.drain?.line;
    case 'DRAINMAT': return ctl.drainMat?.line;
    default: return undefined;
  }
}

function readUsageLine(
  r: Reader, toks: string[], line: number, subIndex: Map<string, number>, lidIndex: Map<string, number>,
  nodeIndex: (name: string) => number,
): LidUsage | null {
  if (toks.length < 8) {
    r.err(203, 'too few items (expected Subcatch LID Number Area Width InitSat FromImp ToPerv [RptFile DrainTo FromPerv])', USAGE, line, toks[0]);
    return null;
  }
  const j = subIndex.get(toks[0]!.toUpperCase());
  if (j === undefined) {
    r.err(209, `undefined object ${toks[0]} (expected a subcatchment)`, USAGE, line, toks[0]);
    return null;
  }
  const k = lidIndex.get(toks[1]!.toUpperCase());
  if (k === undefined) {
    r.err(209, `undefined object ${toks[1]} (expected an LID control in [LID_CONTROLS])`, USAGE, line, toks[1]);
    return null;
  }
  const nt = toks[2]!;
  if (!/^[+-]?\d+$/.test(nt) || Number(nt) < 0) {
    r.err(211, `invalid number ${nt} (expected a whole number of units ≥ 0)`, USAGE, line, nt);
    return null;
  }
  const number = Number(nt);
  const area = r.num(toks, 3, USAGE, line, 'a unit area');
  const width = r.num(toks, 4, USAGE, line, 'a unit width');
  const initSat = r.num(toks, 5, USAGE, line, 'an initial saturation (%)', 0, 100);
  const fromImp = r.num(toks, 6, USAGE, line, 'a % of impervious area treated', 0, 100);
  const toPerv = r.num(toks, 7, USAGE, line, 'ToPerv (0 or 1)');
  const fromPerv = r.optNum(toks, 10, USAGE, line, 'a % of pervious area treated', 0, 0, 100);
  let drainTo: string | null = null;
  const dt = toks[9];
  if (dt !== undefined && dt !== '*' && dt !== '') {
    if (!subIndex.has(dt.toUpperCase()) && nodeIndex(dt) < 0) {
      r.err(209, `undefined object ${dt} (expected a node or subcatchment to receive the underdrain flow)`, USAGE, line, dt);
      return null;
    }
    drainTo = dt;
  }
  if ([area, width, initSat, fromImp, toPerv, fromPerv].some(Number.isNaN)) return null;
  if (number === 0) return null; // SWMM ignores a line with no units
  const rpt = toks[8];
  return {
    line, subcatchment: toks[0]!, subIndex: j, lid: toks[1]!, lidIndex: k, number, area, width,
    initSatPct: initSat, fromImpPct: fromImp, toPerv: toPerv > 0, rptFile: rpt !== undefined && rpt !== '*' && rpt !== '' ? rpt : null,
    drainTo, fromPervPct: fromPerv,
  };
}

function sectionLines(sec: RawSection | undefined): RawSection['lines'] {
  return sec ? sec.lines : [];
}

/**
 * Read and validate the LID sections of a parsed model.
 *
 * Example: `readLidInput(model).usage[0].area` is the area of one unit of the first
 * [LID_USAGE] line, in ft² (US) or m² (SI).
 */
export function readLidInput(model: Model, opts: LidInputOptions & { fileName?: string } = {}): LidInput {
  const r = new Reader(opts.fileName);
  const controls: LidControl[] = [];
  const lidIndex = new Map<string, number>();
  const seenLayers: Set<LidLayerName>[] = [];
  const typeTried = new Set<number>();
  const pollutants = new Set(sectionLines(model.extra['[POLLUTANTS]']).map((l) => (l.tokens[0] ?? '').toUpperCase()));
  const curves = new Set(model.curves.map((c) => c.name.toUpperCase()));

  for (const ln of sectionLines(model.extra[CONTROLS])) {
    const toks = ln.tokens;
    if (toks.length < 2) {
      r.err(203, 'too few items (expected "Name Type" or "Name Layer values…")', CONTROLS, ln.line, toks[0]);
      continue;
    }
    const key = toks[0]!.toUpperCase();
    let k = lidIndex.get(key);
    if (k === undefined) {
      k = controls.length;
      lidIndex.set(key, k);
      controls.push({ name: toks[0]!, type: null, line: ln.line, surface: null, soil: null, pavement: null, storage: null, drain: null, drainMat: null, removals: [] });
      seenLayers.push(new Set());
    }
    const ctl = controls[k]!;
    const kw = toks[1]!.toUpperCase();
    if (toks.length === 2 || LID_TYPE_NAMES.includes(kw as LidTypeName)) {
      typeTried.add(k);
      if (!LID_TYPE_NAMES.includes(kw as LidTypeName)) {
        r.err(205, `invalid keyword ${toks[1]} (expected an LID type ${LID_TYPE_NAMES.join(', ')})`, CONTROLS, ln.line, toks[1]);
        continue;
      }
      if (ctl.type && ctl.type !== kw) {
        r.err(185, `invalid parameter value for LID ${ctl.name} - type given twice (${ctl.type} and ${kw})`, CONTROLS, ln.line, toks[1]);
        continue;
      }
      ctl.type = kw as LidTypeName;
      continue;
    }
    if (LAYER_NAMES.includes(kw as LidLayerName)) seenLayers[k]!.add(kw as LidLayerName);
    readControlLine(r, ctl, toks, ln.line, pollutants, curves);
  }
  controls.forEach((c, k) => validateControl(r, c, seenLayers[k]!, typeTried.has(k)));

  const subIndex = new Map<string, number>();
  model.subcatchments.forEach((s, j) => {
    if (!subIndex.has(s.name.toUpperCase())) subIndex.set(s.name.toUpperCase(), j);
  });
  let nodeIndex = opts.nodeIndexByName;
  if (!nodeIndex) {
    const m = new Map(model.nodes.map((n, i) => [n.name.toUpperCase(), i] as const));
    nodeIndex = (name: string) => m.get(name.toUpperCase()) ?? -1;
  }
  const usage: LidUsage[] = [];
  for (const ln of sectionLines(model.extra[USAGE])) {
    const u = readUsageLine(r, ln.tokens, ln.line, subIndex, lidIndex, nodeIndex);
    if (u) usage.push(u);
  }

  // Group checks (SWMM's validateLidGroup): total LID area and treated shares per subcatchment.
  const perArea = perAreaOfLand(model);
  const totals = new Map<number, { area: number; fromImp: number; fromPerv: number; line: number }>();
  for (const u of usage) {
    const t = totals.get(u.subIndex) ?? { area: 0, fromImp: 0, fromPerv: 0, line: u.line };
    t.area += u.number * u.area;
    t.fromImp += u.fromImpPct;
    t.fromPerv += u.fromPervPct;
    t.line = u.line;
    totals.set(u.subIndex, t);
    const ctl = controls[u.lidIndex]!;
    if (ctl.type === 'VS' && !(u.width > 0)) {
      r.err(185, `invalid parameter value for LID ${ctl.name} - invalid swale width (expected a unit width > 0)`, USAGE, u.line, String(u.width));
    }
  }
  for (const [j, t] of totals) {
    const sc = model.subcatchments[j]!;
    const scArea = sc.area * perArea;
    if (t.area > 1.001 * scArea) {
      r.err(187, `LID area exceeds total area for Subcatchment ${sc.name} (LID units cover ${fmt(t.area)}, the subcatchment ${fmt(scArea)} ${perArea === 43560 ? 'ft²' : 'm²'})`, USAGE, t.line, sc.name);
    }
    if (t.fromImp > 100.1 || t.fromPerv > 100.1) {
      r.err(188, `LID capture area exceeds total impervious area for Subcatchment ${sc.name} (treated shares add up to ${fmt(Math.max(t.fromImp, t.fromPerv))} %, expected ≤ 100 %)`, USAGE, t.line, sc.name);
    }
  }
  return { controls, usage, errors: r.errors, warnings: r.warnings };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}
