// Lateral inflows the routing itself can compute (digest §7.13, §9.3): external [INFLOWS]
// of FLOW (time series × scale factor + baseline × pattern) and dry weather [DWF] flows
// (average × monthly × daily × hourly-or-weekend patterns), evaluated at the START of
// each routing step. Runoff, groundwater, RDII and LID drain inflows come from the caller
// through routingAddLateralInflow (routing.ts) with their own inflow kind.
//
// Built once; per step only typed arrays are read (series lookups keep a cursor).
import type { EngineError } from '../api.js';
import type { Model } from '../model/types.js';
import type { Network, SeriesTable } from './network.js';
import type { Routing } from './routing.js';
import { routingAddLateralInflow, LAT_DWF, LAT_EXTERNAL } from './routing.js';
import { FLOW_TOL_CFS } from '../model/units.js';

export const PATTERN_MONTHLY = 0;
export const PATTERN_DAILY = 1;
export const PATTERN_HOURLY = 2;
export const PATTERN_WEEKEND = 3;
const PATTERN_TYPE_OF = { MONTHLY: PATTERN_MONTHLY, DAILY: PATTERN_DAILY, HOURLY: PATTERN_HOURLY, WEEKEND: PATTERN_WEEKEND } as const;

/** 24 factor slots per pattern (missing factors are 1). */
const PAT_SLOTS = 24;
const DATE_DELTA = 693594;

export interface LateralInflows {
  readonly flowUcf: number;
  readonly series: readonly SeriesTable[];
  // ---- external FLOW inflows (one per node, node order)
  readonly nExt: number;
  readonly extNode: Int32Array;
  readonly extSeries: Int32Array;
  readonly extSFactor: Float64Array;
  /** Baseline in user flow units. */
  readonly extBaseline: Float64Array;
  readonly extPattern: Int32Array;
  /** Per-entry series cursor (index of the last segment used). */
  readonly extCursor: Int32Array;
  // ---- dry weather FLOW inflows (one per node, node order)
  readonly nDwf: number;
  readonly dwfNode: Int32Array;
  /** Average in user flow units. */
  readonly dwfAvg: Float64Array;
  /** Four pattern slots per entry (monthly, daily, hourly, weekend positions), −1 none. */
  readonly dwfPat: Int32Array;
  // ---- patterns
  readonly patType: Int8Array;
  readonly patFactor: Float64Array;
  /** Per node: 1 when it has external, dry weather flow (for the input summary). */
  readonly nodeHasInflow: Uint8Array;
}

export interface BuildInflowsResult {
  inflows: LateralInflows;
  errors: EngineError[];
}

/** Collect the FLOW external inflows and DWF of a model (later lines for a node replace earlier ones). */
export function buildLateralInflows(model: Model, net: Network): BuildInflowsResult {
  const errors: EngineError[] = [];
  const nodeIdx = new Map<string, number>();
  net.nodeNames.forEach((n, i) => { if (!nodeIdx.has(n.toUpperCase())) nodeIdx.set(n.toUpperCase(), i); });
  const seriesIdx = new Map<string, number>();
  net.series.forEach((s, i) => { if (!seriesIdx.has(s.name.toUpperCase())) seriesIdx.set(s.name.toUpperCase(), i); });
  const patIdx = new Map<string, number>();
  const nPat = model.patterns.length;
  const patType = new Int8Array(nPat);
  const patFactor = new Float64Array(nPat * PAT_SLOTS).fill(1);
  model.patterns.forEach((p, i) => {
    if (!patIdx.has(p.name.toUpperCase())) patIdx.set(p.name.toUpperCase(), i);
    patType[i] = PATTERN_TYPE_OF[p.type];
    for (let f = 0; f < Math.min(p.factors.length, PAT_SLOTS); f++) patFactor[i * PAT_SLOTS + f] = p.factors[f]!;
  });
  const findPattern = (name: string | undefined, line: number, section: string): number => {
    if (!name || name === '""' || name === '*') return -1;
    const p = patIdx.get(name.toUpperCase());
    if (p === undefined) {
      errors.push({ code: 209, message: `undefined object ${name}`, token: name, line, section });
      return -1;
    }
    return p;
  };

  const extByNode = new Map<number, Model['inflows'][number]>();
  for (const e of model.inflows) {
    if (e.constituent.toUpperCase() !== 'FLOW') continue;
    const n = nodeIdx.get(e.node.toUpperCase());
    if (n === undefined) {
      errors.push({ code: 209, message: `undefined object ${e.node}`, token: e.node, line: e.line, section: '[INFLOWS]' });
      continue;
    }
    extByNode.set(n, e);
  }
  const dwfByNode = new Map<number, Model['dwf'][number]>();
  for (const d of model.dwf) {
    if (d.constituent.toUpperCase() !== 'FLOW') continue;
    const n = nodeIdx.get(d.node.toUpperCase());
    if (n === undefined) {
      errors.push({ code: 209, message: `undefined object ${d.node}`, token: d.node, line: d.line, section: '[DWF]' });
      continue;
    }
    dwfByNode.set(n, d);
  }

  const extNodes = [...extByNode.keys()].sort((a, b) => a - b);
  const nExt = extNodes.length;
  const inf: LateralInflows = {
    flowUcf: net.ucf.flow,
    series: net.series,
    nExt,
    extNode: Int32Array.from(extNodes),
    extSeries: new Int32Array(nExt).fill(-1),
    extSFactor: new Float64Array(nExt),
    extBaseline: new Float64Array(nExt),
    extPattern: new Int32Array(nExt).fill(-1),
    extCursor: new Int32Array(nExt),
    nDwf: dwfByNode.size,
    dwfNode: Int32Array.from([...dwfByNode.keys()].sort((a, b) => a - b)),
    dwfAvg: new Float64Array(dwfByNode.size),
    dwfPat: new Int32Array(4 * dwfByNode.size).fill(-1),
    patType,
    patFactor,
    nodeHasInflow: new Uint8Array(net.nNodes),
  };
  extNodes.forEach((n, k) => {
    const e = extByNode.get(n)!;
    inf.nodeHasInflow[n] = 1;
    if (e.series) {
      const s = seriesIdx.get(e.series.toUpperCase());
      if (s === undefined) errors.push({ code: 209, message: `undefined object ${e.series}`, token: e.series, line: e.line, section: '[INFLOWS]' });
      else inf.extSeries[k] = s;
    }
    inf.extSFactor[k] = e.sFactor;
    inf.extBaseline[k] = e.baseline;
    inf.extPattern[k] = findPattern(e.baselinePattern, e.line, '[INFLOWS]');
  });
  for (let k = 0; k < inf.nDwf; k++) {
    const n = inf.dwfNode[k]!;
    const d = dwfByNode.get(n)!;
    inf.nodeHasInflow[n] = 1;
    inf.dwfAvg[k] = d.average;
    for (let p = 0; p < 4; p++) inf.dwfPat[4 * k + p] = findPattern(d.patterns[p], d.line, '[DWF]');
  }
  return { inflows: inf, errors };
}

// ---------------------------------------------------------------- calendar (allocation-free)

/** Month 0..11 of a date-time. */
function month0(date: number): number {
  let n = Math.floor(date) + DATE_DELTA - 1;
  const n400 = Math.floor(n / 146097);
  n -= n400 * 146097;
  let n100 = Math.floor(n / 36524);
  if (n100 === 4) n100 = 3;
  n -= n100 * 36524;
  const n4 = Math.floor(n / 1461);
  n -= n4 * 1461;
  let n1 = Math.floor(n / 365);
  if (n1 === 4) n1 = 3;
  n -= n1 * 365;
  const y = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  let m = 0;
  for (;;) {
    const dim = m === 1 ? (leap ? 29 : 28) : m === 3 || m === 5 || m === 8 || m === 10 ? 30 : 31;
    if (n < dim || m === 11) break;
    n -= dim;
    m++;
  }
  return m;
}

/** Day of week 0 = Sunday … 6 = Saturday. */
function day0(date: number): number {
  return (Math.floor(date) + DATE_DELTA) % 7;
}

/** Hour 0..23 (time of day rounded to the second, as SWMM decodes it). */
function hour0(date: number): number {
  let secs = Math.floor((date - Math.floor(date)) * 86400 + 0.5);
  if (secs >= 86400) secs = 86399;
  return Math.floor(secs / 3600);
}

/** Factor of pattern p (chosen by the pattern's own type) for a month/day/hour. */
function patternFactor(inf: LateralInflows, p: number, month: number, day: number, hour: number): number {
  if (p < 0) return 1;
  const base = p * PAT_SLOTS;
  switch (inf.patType[p]) {
    case PATTERN_MONTHLY: return inf.patFactor[base + month]!;
    case PATTERN_DAILY: return inf.patFactor[base + day]!;
    case PATTERN_HOURLY: return inf.patFactor[base + hour]!;
    case PATTERN_WEEKEND: return day === 0 || day === 6 ? inf.patFactor[base + hour]! : 1;
    default: return 1;
  }
}

/** Series value at a date: linear between points, 0 outside the series (SWMM, extend = no). */
function seriesValueOrZero(s: SeriesTable, cursor: Int32Array, c: number, date: number): number {
  const t = s.t;
  const n = t.length;
  if (n === 0 || date < t[0]! || date > t[n - 1]!) return 0;
  let i = cursor[c]!;
  if (i < 1 || i >= n || t[i - 1]! > date) i = 1;
  while (i < n - 1 && t[i]! < date) i++;
  cursor[c] = i;
  const t1 = t[i - 1]!;
  const t2 = t[i]!;
  if (t2 === t1) return s.v[i]!;
  return s.v[i - 1]! + ((date - t1) * (s.v[i]! - s.v[i - 1]!)) / (t2 - t1);
}

/** External FLOW inflow (cfs) of entry k at a date. */
export function externalInflowCfs(inf: LateralInflows, k: number, date: number): number {
  let blv = inf.extBaseline[k]!;
  const p = inf.extPattern[k]!;
  if (p >= 0) blv *= patternFactor(inf, p, month0(date), day0(date), hour0(date));
  const s = inf.extSeries[k]!;
  const tsv = s >= 0 ? seriesValueOrZero(inf.series[s]!, inf.extCursor, k, date) * inf.extSFactor[k]! : 0;
  return (tsv + blv) / inf.flowUcf;
}

/** Dry weather inflow (cfs) of entry k for a month/day/hour. */
export function dwfInflowCfs(inf: LateralInflows, k: number, month: number, day: number, hour: number): number {
  const b = 4 * k;
  let f = patternFactor(inf, inf.dwfPat[b]!, month, day, hour) * patternFactor(inf, inf.dwfPat[b + 1]!, month, day, hour);
  const hourly = inf.dwfPat[b + 2]!;
  const weekend = inf.dwfPat[b + 3]!;
  if (weekend >= 0) {
    if (day === 0 || day === 6) f *= patternFactor(inf, weekend, month, day, hour);
    else if (hourly >= 0) f *= patternFactor(inf, hourly, month, day, hour);
  } else if (hourly >= 0) f *= patternFactor(inf, hourly, month, day, hour);
  return (f * inf.dwfAvg[k]!) / inf.flowUcf;
}

/** Add every node's external FLOW inflow at the step-start date to the routing's lateral inflows. */
export function addExternalInflows(inf: LateralInflows, r: Routing, date: number): void {
  for (let k = 0; k < inf.nExt; k++) {
    let q = externalInflowCfs(inf, k, date);
    if (Math.abs(q) < FLOW_TOL_CFS) q = 0;
    routingAddLateralInflow(r, inf.extNode[k]!, q, LAT_EXTERNAL);
  }
}

/** Add every node's dry weather inflow at the step-start date. */
export function addDryWeatherInflows(inf: LateralInflows, r: Routing, date: number): void {
  if (inf.nDwf === 0) return;
  const month = month0(date);
  const day = day0(date);
  const hour = hour0(date);
  for (let k = 0; k < inf.nDwf; k++) {
    let q = dwfInflowCfs(inf, k, month, day, hour);
    if (Math.abs(q) < FLOW_TOL_CFS) q = 0;
    routingAddLateralInflow(r, inf.dwfNode[k]!, q, LAT_DWF);
  }
}
