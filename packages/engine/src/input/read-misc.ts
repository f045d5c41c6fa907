// [INFLOWS], [DWF], [REPORT], map sections, [TITLE].
import type { ExternalInflow } from '../model/types.js';
import { Fields } from './fields.js';
import { keywordMatches } from './keywords.js';
import { parseNumber } from './numbers.js';
import type { ParseState } from './state.js';

function constituent(f: Fields, i: number): string {
  const s = f.tok(i)!;
  if (keywordMatches(s, 'FLOW')) return 'FLOW';
  return f.ref(i, 'pollutant');
}

export function readInflow(f: Fields, st: ParseState): void {
  f.need(3);
  const node = f.ref(0, 'node');
  const c = constituent(f, 1);
  const series = f.tok(2) === '' ? '' : f.ref(2, 'timeseries');
  let type: ExternalInflow['type'] = c === 'FLOW' ? 'FLOW' : 'CONCEN';
  if (f.n > 3) {
    if (c === 'FLOW') {
      if (!keywordMatches(f.tok(3)!, 'FLOW')) f.fail(205, f.tok(3), 'FLOW');
    } else type = f.kw(3, ['CONCEN', 'MASS'] as const);
  }
  const mFactor = f.optNum(4, 1, { gt: 0 });
  const sFactor = f.optNum(5, 1);
  const baseline = f.optNum(6, 0);
  const inflow: ExternalInflow = { line: f.line.line, node, constituent: c, series, type, mFactor, sFactor, baseline };
  const bp = f.optRef(7, 'pattern', false);
  if (bp !== undefined) inflow.baselinePattern = bp;
  // a later line for the same node and constituent replaces the earlier one
  const list = st.model.inflows;
  const i = list.findIndex((x) => x.node === node && x.constituent.toUpperCase() === c.toUpperCase());
  if (i >= 0) list[i] = inflow;
  else list.push(inflow);
}

export function readDwf(f: Fields, st: ParseState): void {
  f.need(3);
  const node = f.ref(0, 'node');
  const c = constituent(f, 1);
  const average = f.num(2);
  const patterns: string[] = [];
  for (let i = 3; i < f.n && i < 7; i++) {
    const s = f.tok(i)!;
    patterns.push(s === '' ? '' : f.ref(i, 'pattern'));
  }
  while (patterns.length && patterns[patterns.length - 1] === '') patterns.pop();
  const key = `${node.toUpperCase()}\u0000${c.toUpperCase()}`;
  const d = { line: f.line.line, node, constituent: c, average, patterns };
  const prev = st.dwf.get(key);
  if (prev) {
    const i = st.model.dwf.indexOf(prev);
    st.model.dwf[i] = d;
  } else st.model.dwf.push(d);
  st.dwf.set(key, d);
}

const REPORT_WORDS = [
  'DISABLED', 'INPUT', 'SUBCATCHMENTS', 'NODES', 'LINKS', 'CONTINUITY', 'FLOWSTATS', 'CONTROLS', 'AVERAGES', 'NODESTATS',
] as const;

export function readReport(f: Fields, st: ParseState): void {
  const r = st.model.report;
  const key = f.kw(0, REPORT_WORDS);
  if (key === 'NODESTATS') return; // accepted, ignored
  f.need(2);
  switch (key) {
    case 'DISABLED': r.disabled = f.yesNo(1); return;
    case 'INPUT': r.input = f.yesNo(1); return;
    case 'CONTINUITY': r.continuity = f.yesNo(1); return;
    case 'FLOWSTATS': r.flowStats = f.yesNo(1); return;
    case 'CONTROLS': r.controls = f.yesNo(1); return;
    case 'AVERAGES': r.averages = f.yesNo(1); return;
  }
  const field = key === 'SUBCATCHMENTS' ? 'subcatchments' : key === 'NODES' ? 'nodes' : 'links';
  const ns = key === 'SUBCATCHMENTS' ? 'subcatch' : key === 'NODES' ? 'node' : 'link';
  const t1 = f.tok(1)!.toUpperCase();
  if (f.n === 2 && (t1 === 'ALL' || t1 === 'NONE')) {
    r[field] = t1;
    return;
  }
  const names: string[] = [];
  for (let i = 1; i < f.n; i++) names.push(f.ref(i, ns));
  const cur = r[field];
  const list = Array.isArray(cur) ? cur : [];
  for (const n of names) if (!list.includes(n)) list.push(n);
  r[field] = list;
}

/** [COORDINATES], [VERTICES], [POLYGONS], [SYMBOLS]: GUI data, never an error (SWMM ignores them). */
export function readXY(section: string, f: Fields, st: ParseState): void {
  if (f.n < 3) return;
  const x = parseNumber(f.tok(1));
  const y = parseNumber(f.tok(2));
  if (x === undefined || y === undefined) return;
  const c = st.model.coordinates;
  const raw = f.tok(0)!;
  if (section === '[COORDINATES]') c.nodes[st.ctx.canon('node', raw)] = [x, y];
  else if (section === '[SYMBOLS]') c.gages[st.ctx.canon('gage', raw)] = [x, y];
  else {
    const target = section === '[VERTICES]' ? c.vertices : c.polygons;
    const name = st.ctx.canon(section === '[VERTICES]' ? 'link' : 'subcatch', raw);
    (target[name] ??= []).push([x, y]);
  }
}

export function readMap(f: Fields, st: ParseState): void {
  const c = st.model.coordinates;
  const key = f.tok(0)!.toUpperCase();
  if (key === 'DIMENSIONS' && f.n >= 5) {
    const v = [1, 2, 3, 4].map((i) => parseNumber(f.tok(i)));
    if (v.every((x) => x !== undefined)) (c.map ??= {}).dimensions = v as [number, number, number, number];
  } else if (key === 'UNITS' && f.n >= 2) {
    (c.map ??= {}).units = f.tok(1)!;
  }
}
