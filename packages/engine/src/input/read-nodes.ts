// [JUNCTIONS], [OUTFALLS], [DIVIDERS], [STORAGE] (digest §1.14).
import type { Divider, Junction, Outfall, Storage, StorageShape } from '../model/types.js';
import { Fields } from './fields.js';
import type { ParseState } from './state.js';

const NONNEG = { min: 0 };

export function readJunction(f: Fields, st: ParseState): void {
  f.need(2);
  const j: Junction = {
    kind: 'JUNCTION',
    line: f.line.line,
    name: st.ctx.canon('node', f.tok(0)!),
    invertElev: f.num(1),
    maxDepth: f.optNum(2, 0, NONNEG),
    initDepth: f.optNum(3, 0, NONNEG),
    surDepth: f.optNum(4, 0, NONNEG),
    pondedArea: f.optNum(5, 0, NONNEG),
  };
  st.model.nodes.push(j);
}

export const OUTFALL_TYPES = ['FREE', 'NORMAL', 'FIXED', 'TIDAL', 'TIMESERIES'] as const;

export function readOutfall(f: Fields, st: ParseState): void {
  f.need(3);
  const name = st.ctx.canon('node', f.tok(0)!);
  const invertElev = f.num(1);
  const outfallType = f.kw(2, OUTFALL_TYPES);
  const o: Outfall = {
    kind: 'OUTFALL', line: f.line.line, name, invertElev, maxDepth: 0, initDepth: 0, surDepth: 0, pondedArea: 0,
    outfallType, gated: false,
  };
  let n = 4;
  if (outfallType === 'FIXED') {
    f.need(4);
    o.fixedStage = f.num(3);
    n = 5;
  } else if (outfallType === 'TIDAL') {
    f.need(4);
    o.stageData = f.ref(3, 'curve');
    n = 5;
  } else if (outfallType === 'TIMESERIES') {
    f.need(4);
    o.stageData = f.ref(3, 'timeseries');
    n = 5;
  }
  // [as-is] the gate token is read only when the line has exactly n tokens; with n+1
  // tokens the last one is the route-to subcatchment and the gate token is skipped.
  if (f.n === n) o.gated = f.yesNo(n - 1);
  else if (f.n === n + 1) o.routeTo = f.ref(n, 'subcatch');
  st.model.nodes.push(o);
}

const DIVIDER_TYPES = ['CUTOFF', 'TABULAR', 'WEIR', 'OVERFLOW'] as const;

export function readDivider(f: Fields, st: ParseState): void {
  f.need(4);
  const name = st.ctx.canon('node', f.tok(0)!);
  const invertElev = f.num(1);
  const divertedLink = f.tok(2) === '*' ? '' : f.ref(2, 'link');
  const dividerType = f.kw(3, DIVIDER_TYPES);
  const d: Divider = {
    kind: 'DIVIDER', line: f.line.line, name, invertElev, maxDepth: 0, initDepth: 0, surDepth: 0, pondedArea: 0,
    divertedLink, dividerType, params: [],
  };
  let n = 4;
  if (dividerType === 'CUTOFF') {
    f.need(5);
    d.params = [f.num(4, NONNEG)];
    n = 5;
  } else if (dividerType === 'TABULAR') {
    f.need(5);
    d.curve = f.ref(4, 'curve');
    n = 5;
  } else if (dividerType === 'WEIR') {
    f.need(7);
    d.params = [f.num(4, NONNEG), f.num(5, NONNEG), f.num(6, NONNEG)];
    n = 7;
  }
  d.maxDepth = f.optNum(n, 0, NONNEG);
  d.initDepth = f.optNum(n + 1, 0, NONNEG);
  d.surDepth = f.optNum(n + 2, 0, NONNEG);
  d.pondedArea = f.optNum(n + 3, 0, NONNEG);
  st.model.nodes.push(d);
}

export const STORAGE_SHAPES: readonly StorageShape[] = [
  'TABULAR', 'FUNCTIONAL', 'CYLINDRICAL', 'CONICAL', 'PARABOLIC', 'PYRAMIDAL',
];

export function readStorage(f: Fields, st: ParseState): void {
  f.need(6);
  const name = st.ctx.canon('node', f.tok(0)!);
  const invertElev = f.num(1);
  const maxDepth = f.num(2, NONNEG);
  const initDepth = f.num(3, NONNEG);
  const shape = f.kw(4, STORAGE_SHAPES);
  const s: Storage = {
    kind: 'STORAGE', line: f.line.line, name, invertElev, maxDepth, initDepth, surDepth: 0, pondedArea: 0,
    shape, shapeParams: [], fEvap: 0, seepage: [],
  };
  let n: number;
  if (shape === 'TABULAR') {
    s.curve = f.ref(5, 'curve');
    n = 6;
  } else {
    f.need(8);
    // FUNCTIONAL: A B C (area = C + A·d^B); shaped: L W Z
    s.shapeParams = [f.num(5), f.num(6), f.num(7)];
    if (shape !== 'FUNCTIONAL' && s.shapeParams.some((x) => x < 0)) {
      f.fail(211, f.tok(5 + s.shapeParams.findIndex((x) => x < 0)), 'non-negative shape dimensions');
    }
    n = 8;
  }
  s.surDepth = f.optNum(n, 0, NONNEG);
  s.fEvap = f.optNum(n + 1, 0, NONNEG);
  const rest = f.n - (n + 2);
  if (rest === 1) s.seepage = [f.num(n + 2, NONNEG)];
  else if (rest === 2) f.fail(203, undefined, 'one seepage value (Ksat) or three (Suction Ksat IMD)');
  else if (rest >= 3) s.seepage = [f.num(n + 2, NONNEG), f.num(n + 3, NONNEG), f.num(n + 4, NONNEG)];
  st.model.nodes.push(s);
}
