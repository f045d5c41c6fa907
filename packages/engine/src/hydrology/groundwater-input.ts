// Typed reading and validation of [AQUIFERS], [GROUNDWATER] and [GWF] (digest §1.12–1.13, §9.1).
//
// The parser keeps the three sections verbatim in `model.extra`; this module turns them into
// aquifers and per-subcatchment groundwater records in INTERNAL units (ft, ft/s) and reports
// problems with SWMM's codes:
//   109 invalid aquifer parameters (also a non-MONTHLY upper evaporation pattern),
//   110 ground surface below the water table, 203 too few items, 205 invalid keyword,
//   207 duplicate aquifer, 209 undefined object, 211 invalid number, 233 invalid expression.
import type { EngineError } from '../api.js';
import type { Model } from '../model/types.js';
import type { UnitFactors } from '../model/units.js';
import { compileGwfExpression, gwfKind, GWF_LATERAL, type ExprProgram } from './gwf-expr.js';

/** An aquifer of [AQUIFERS], internal units. */
export interface Aquifer {
  name: string;
  porosity: number;
  wiltingPoint: number;
  fieldCapacity: number;
  /** Saturated hydraulic conductivity (ft/s). */
  ksatFtS: number;
  /** Slope of log(K) against moisture content. */
  kSlope: number;
  /** Slope of soil tension against moisture content (ft). */
  tensionSlopeFt: number;
  upperEvapFrac: number;
  lowerEvapDepthFt: number;
  /** Deep percolation coefficient (ft/s). */
  lowerLossFtS: number;
  bottomElevFt: number;
  waterTableElevFt: number;
  upperMoisture: number;
  /** 12 monthly multipliers of upperEvapFrac, or null. */
  evapPattern: Float64Array | null;
}

/** One [GROUNDWATER] line with its [GWF] expressions, internal units, defaults applied. */
export interface GroundwaterInput {
  subcatch: number;
  aquifer: number;
  node: number;
  surfElevFt: number;
  a1: number;
  b1: number;
  a2: number;
  b2: number;
  a3: number;
  /** Fixed surface water depth (ft); 0 = use the node's depth. */
  fixedDepthFt: number;
  /** Threshold elevation for lateral flow (ft); NaN = the node's invert. */
  thresholdElevFt: number;
  bottomElevFt: number;
  waterTableElevFt: number;
  upperMoisture: number;
  lateralExpr: ExprProgram | null;
  deepExpr: ExprProgram | null;
}

export interface GroundwaterInputResult {
  aquifers: Aquifer[];
  /** In subcatchment order (one per subcatchment with a [GROUNDWATER] line). */
  units: GroundwaterInput[];
  errors: EngineError[];
}

export interface GroundwaterLookups {
  /** Subcatchment index by name (case-insensitive), −1 if none. */
  subcatchIndex(name: string): number;
  /** Node index by name (case-insensitive), −1 if none. */
  nodeIndex(name: string): number;
}

const AQUIFERS = '[AQUIFERS]';
const GROUNDWATER = '[GROUNDWATER]';
const GWF = '[GWF]';

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(s: string | undefined): number | undefined {
  if (s === undefined || !NUMBER_RE.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

class Errors {
  readonly list: EngineError[] = [];
  constructor(private readonly fileName: string | undefined) {}

  add(code: number, message: string, section: string, line?: number, token?: string): void {
    const e: EngineError = { code, message: `${message}${line !== undefined ? ` at line ${line} of ${section}` : ` in ${section}`}`, section };
    if (line !== undefined) e.line = line;
    if (token !== undefined) e.token = token;
    if (this.fileName !== undefined) e.file = this.fileName;
    this.list.push(e);
  }

  /** Token i as a number, or NaN with error 211. */
  num(toks: string[], i: number, section: string, line: number, what: string): number {
    const v = parseNumber(toks[i]);
    if (v === undefined) {
      this.add(211, `invalid number ${toks[i] ?? ''} (expected ${what})`, section, line, toks[i] ?? '');
      return NaN;
    }
    return v;
  }
}

const AQUIFER_FIELDS = [
  'porosity', 'wilting point', 'field capacity', 'conductivity', 'conductivity slope', 'tension slope',
  'upper evaporation fraction', 'lower evaporation depth', 'lower groundwater loss rate', 'bottom elevation',
  'water table elevation', 'upper moisture content',
] as const;

const GW_FIELDS = ['surface elevation', 'A1', 'B1', 'A2', 'B2', 'A3', 'fixed surface water depth'] as const;

/**
 * Read the groundwater sections of a model (user units → internal). Returns no units when the
 * model has no [GROUNDWATER] lines.
 */
export function readGroundwater(model: Model, uf: UnitFactors, look: GroundwaterLookups, fileName?: string): GroundwaterInputResult {
  const er = new Errors(fileName);
  const aquifers: Aquifer[] = [];
  const aquiferIndex = new Map<string, number>();
  const patterns = new Map(model.patterns.map((p) => [p.name.toUpperCase(), p] as const));

  for (const ln of model.extra[AQUIFERS]?.lines ?? []) {
    const t = ln.tokens;
    if (t.length < 13) {
      er.add(203, `too few items (an aquifer needs a name and 12 values)`, AQUIFERS, ln.line);
      continue;
    }
    const key = t[0]!.toUpperCase();
    if (aquiferIndex.has(key)) {
      er.add(207, `duplicate ID name ${t[0]}`, AQUIFERS, ln.line, t[0]);
      continue;
    }
    const x: number[] = [];
    let ok = true;
    for (let i = 0; i < 12; i++) {
      const v = er.num(t, i + 1, AQUIFERS, ln.line, AQUIFER_FIELDS[i]!);
      if (Number.isNaN(v)) ok = false;
      x.push(v);
    }
    let evapPattern: Float64Array | null = null;
    let patternOk = true;
    if (t.length > 13 && t[13] !== '*') {
      const p = patterns.get(t[13]!.toUpperCase());
      if (!p) {
        er.add(209, `undefined object ${t[13]} (expected a time pattern)`, AQUIFERS, ln.line, t[13]);
        ok = false;
      } else if (p.type !== 'MONTHLY') patternOk = false;
      else evapPattern = Float64Array.from({ length: 12 }, (_, m) => p.factors[m] ?? 1);
    }
    if (!ok) continue;
    const a: Aquifer = {
      name: t[0]!,
      porosity: x[0]!,
      wiltingPoint: x[1]!,
      fieldCapacity: x[2]!,
      ksatFtS: x[3]! / uf.rainfall,
      kSlope: x[4]!,
      tensionSlopeFt: x[5]! / uf.length,
      upperEvapFrac: x[6]!,
      lowerEvapDepthFt: x[7]! / uf.length,
      lowerLossFtS: x[8]! / uf.rainfall,
      bottomElevFt: x[9]! / uf.length,
      waterTableElevFt: x[10]! / uf.length,
      upperMoisture: x[11]!,
      evapPattern,
    };
    // SWMM's aquifer validation (error 109): ordered moisture limits, positive conductivity,
    // non-negative slopes and depths, water table above the bottom, initial moisture in range.
    if (
      !patternOk || a.porosity <= 0 || a.fieldCapacity >= a.porosity || a.wiltingPoint >= a.fieldCapacity
      || a.ksatFtS <= 0 || a.kSlope < 0 || a.tensionSlopeFt < 0 || a.upperEvapFrac < 0 || a.lowerEvapDepthFt < 0
      || a.waterTableElevFt < a.bottomElevFt || a.upperMoisture > a.porosity || a.upperMoisture < a.wiltingPoint
    ) {
      er.add(109, `invalid parameter values for Aquifer ${a.name}`, AQUIFERS, ln.line, a.name);
      continue;
    }
    aquiferIndex.set(key, aquifers.length);
    aquifers.push(a);
  }

  // [GWF] expressions by subcatchment (the last line of a kind wins, as in SWMM).
  const lateral = new Map<number, ExprProgram>();
  const deep = new Map<number, ExprProgram>();
  for (const ln of model.extra[GWF]?.lines ?? []) {
    const t = ln.tokens;
    if (t.length < 3) {
      er.add(203, `too few items (expected subcatchment, LATERAL or DEEP, and an expression)`, GWF, ln.line);
      continue;
    }
    const j = look.subcatchIndex(t[0]!);
    if (j < 0) {
      er.add(209, `undefined object ${t[0]} (expected a subcatchment)`, GWF, ln.line, t[0]);
      continue;
    }
    const kind = gwfKind(t[1]!);
    if (kind === 0) {
      er.add(205, `invalid keyword ${t[1]} (expected LATERAL or DEEP)`, GWF, ln.line, t[1]);
      continue;
    }
    const text = t.slice(2).join(' ');
    const prog = compileGwfExpression(text);
    if (!prog) {
      er.add(233, `invalid math expression ${text}`, GWF, ln.line, text);
      continue;
    }
    (kind === GWF_LATERAL ? lateral : deep).set(j, prog);
  }

  const bySub = new Map<number, GroundwaterInput>();
  for (const ln of model.extra[GROUNDWATER]?.lines ?? []) {
    const t = ln.tokens;
    if (t.length < 3) {
      er.add(203, `too few items (expected subcatchment, aquifer, node and 7 values)`, GROUNDWATER, ln.line);
      continue;
    }
    const j = look.subcatchIndex(t[0]!);
    if (j < 0) {
      er.add(209, `undefined object ${t[0]} (expected a subcatchment)`, GROUNDWATER, ln.line, t[0]);
      continue;
    }
    if (t.length < 10) {
      er.add(203, `too few items (expected subcatchment, aquifer, node and 7 values)`, GROUNDWATER, ln.line);
      continue;
    }
    const k = aquiferIndex.get(t[1]!.toUpperCase());
    if (k === undefined) {
      // An aquifer that failed validation already has its own error.
      if (!(model.extra[AQUIFERS]?.lines ?? []).some((l) => l.tokens[0]?.toUpperCase() === t[1]!.toUpperCase())) {
        er.add(209, `undefined object ${t[1]} (expected an aquifer)`, GROUNDWATER, ln.line, t[1]);
      }
      continue;
    }
    const n = look.nodeIndex(t[2]!);
    if (n < 0) {
      er.add(209, `undefined object ${t[2]} (expected a node)`, GROUNDWATER, ln.line, t[2]);
      continue;
    }
    const x: number[] = [];
    let ok = true;
    for (let i = 0; i < 7; i++) {
      const v = er.num(t, i + 3, GROUNDWATER, ln.line, GW_FIELDS[i]!);
      if (Number.isNaN(v)) ok = false;
      x.push(v);
    }
    // Optional threshold, bottom, water table (lengths) and upper moisture; '*' = default.
    const opt: number[] = [NaN, NaN, NaN, NaN];
    for (let i = 0; i < 4; i++) {
      const tok = t[10 + i];
      if (tok === undefined || tok.startsWith('*')) continue;
      const v = er.num(t, 10 + i, GROUNDWATER, ln.line, ['threshold elevation', 'bottom elevation', 'water table elevation', 'upper moisture content'][i]!);
      if (Number.isNaN(v)) ok = false;
      opt[i] = i < 3 ? v / uf.length : v;
    }
    if (!ok) continue;
    const a = aquifers[k]!;
    const g: GroundwaterInput = {
      subcatch: j,
      aquifer: k,
      node: n,
      surfElevFt: x[0]! / uf.length,
      a1: x[1]!, b1: x[2]!, a2: x[3]!, b2: x[4]!, a3: x[5]!,
      fixedDepthFt: x[6]! / uf.length,
      thresholdElevFt: opt[0]!,
      bottomElevFt: Number.isNaN(opt[1]!) ? a.bottomElevFt : opt[1]!,
      waterTableElevFt: Number.isNaN(opt[2]!) ? a.waterTableElevFt : opt[2]!,
      upperMoisture: Number.isNaN(opt[3]!) ? a.upperMoisture : opt[3]!,
      lateralExpr: null,
      deepExpr: null,
    };
    if (g.surfElevFt < g.waterTableElevFt) {
      er.add(110, `ground elevation is below water table for Subcatchment ${t[0]}`, GROUNDWATER, ln.line, t[0]);
      continue;
    }
    bySub.set(j, g);
  }
  const units = [...bySub.values()].sort((p, q) => p.subcatch - q.subcatch);
  for (const g of units) {
    g.lateralExpr = lateral.get(g.subcatch) ?? null;
    g.deepExpr = deep.get(g.subcatch) ?? null;
  }
  return { aquifers, units, errors: er.list };
}
