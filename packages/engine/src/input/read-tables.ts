// [CURVES], [TIMESERIES], [PATTERNS] (digest §1.17, §1.18).
import type { CurveType, Pattern } from '../model/types.js';
import { Fields } from './fields.js';
import { findKeyword } from './keywords.js';
import { parseDate } from './dates.js';
import type { ParseState } from './state.js';

export const CURVE_TYPES: readonly CurveType[] = [
  'STORAGE', 'DIVERSION', 'TIDAL', 'RATING', 'CONTROL', 'SHAPE', 'WEIR', 'PUMP1', 'PUMP2', 'PUMP3', 'PUMP4', 'PUMP5',
];

export function readCurve(f: Fields, st: ParseState): void {
  f.need(2);
  const name = st.ctx.canon('curve', f.tok(0)!);
  const key = name.toUpperCase();
  let c = st.curves.get(key);
  let k = 1;
  const ti = findKeyword(f.tok(1), CURVE_TYPES);
  if (!c) {
    // the first line of a curve names its type
    if (ti < 0) f.fail(205, f.tok(1), `a curve type: ${CURVE_TYPES.join(', ')}`);
    c = { line: f.line.line, name, type: CURVE_TYPES[ti]!, x: [], y: [] };
    st.curves.set(key, c);
    st.model.curves.push(c);
    k = 2;
  } else if (ti >= 0) {
    k = 2; // type repeated on a continuation line
  }
  if ((f.n - k) % 2 !== 0) f.fail(203, undefined, 'x-y pairs');
  for (let i = k; i + 1 < f.n; i += 2) {
    const x = f.num(i);
    const y = f.num(i + 1);
    c.x.push(x);
    c.y.push(y);
  }
}

export function readTimeseries(f: Fields, st: ParseState): void {
  f.need(2);
  const name = st.ctx.canon('timeseries', f.tok(0)!);
  const key = name.toUpperCase();
  let s = st.series.get(key);
  if (!s) {
    const o = st.model.options;
    s = { ts: { line: f.line.line, name, times: [], values: [] }, lastDate: o.startDateTime, dated: false };
    st.series.set(key, s);
    st.model.timeseries.push(s.ts);
  }
  const ts = s.ts;
  if (f.tok(1)!.toUpperCase() === 'FILE') {
    f.need(3);
    ts.file = f.tok(2)!;
    return;
  }
  let k = 1;
  while (k < f.n) {
    const d = parseDate(f.tok(k));
    if (d !== undefined) {
      s.lastDate = d;
      s.dated = true;
      k++;
      if (k >= f.n) f.fail(203, undefined, 'a time and a value after the date');
    }
    const t = f.time(k);
    k++;
    if (k >= f.n) f.fail(203, undefined, 'a value after the time');
    const v = f.num(k);
    k++;
    ts.times.push(s.lastDate + t);
    ts.values.push(v);
  }
}

export const PATTERN_TYPES = ['MONTHLY', 'DAILY', 'HOURLY', 'WEEKEND'] as const;

export function readPattern(f: Fields, st: ParseState): void {
  f.need(1);
  const name = st.ctx.canon('pattern', f.tok(0)!);
  const key = name.toUpperCase();
  let p = st.patterns.get(key);
  let k = 1;
  const ti = findKeyword(f.tok(1), PATTERN_TYPES);
  if (!p) {
    if (ti < 0) f.fail(f.n < 2 ? 203 : 205, f.tok(1), `a pattern type: ${PATTERN_TYPES.join(', ')}`);
    const pat: Pattern = { line: f.line.line, name, type: PATTERN_TYPES[ti]!, factors: [] };
    p = pat;
    st.patterns.set(key, p);
    st.model.patterns.push(p);
    k = 2;
  } else if (ti >= 0) k = 2;
  for (let i = k; i < f.n; i++) {
    const v = f.num(i, { min: 0 });
    if (p.factors.length < 24) p.factors.push(v);
  }
}
