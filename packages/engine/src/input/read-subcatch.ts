// [SUBCATCHMENTS], [SUBAREAS], [INFILTRATION] (digest §1.7–1.9).
import type { InfiltrationMethod, Subareas, Subcatchment } from '../model/types.js';
import { Fields } from './fields.js';
import { findKeyword } from './keywords.js';
import { INFIL_METHODS } from './options.js';
import type { ParseState } from './state.js';

export function readSubcatchment(f: Fields, st: ParseState): void {
  f.need(8);
  const name = st.ctx.canon('subcatch', f.tok(0)!);
  // a `*` gage means "no rain gage" (written so by the GUI)
  const gage = f.tok(1) === '*' ? '' : f.ref(1, 'gage');
  const outTok = f.tok(2)!;
  const asNode = st.ctx.find('node', outTok);
  const asSub = st.ctx.find('subcatch', outTok);
  if (asNode && asSub) f.fail(108, name, 'an outlet name that is not both a node and a subcatchment');
  if (!asNode && !asSub) f.fail(209, outTok, 'the name of a node or subcatchment');
  const outlet = (asNode ?? asSub)!.name;
  const area = f.num(3, { min: 0 });
  const pctImperv = Math.min(f.num(4, { min: 0 }), 100);
  const width = f.num(5, { min: 0 });
  const pctSlope = f.num(6, { min: 0 });
  const curbLength = f.num(7, { min: 0 });
  const sc: Subcatchment = { line: f.line.line, name, gage, outlet, area, pctImperv, width, pctSlope, curbLength };
  if (f.n > 8 && f.tok(8) !== '') sc.snowPack = f.ref(8, 'snowpack');
  st.model.subcatchments.push(sc);
}

const ROUTE_TO = ['OUTLET', 'IMPERVIOUS', 'PERVIOUS'] as const;

export function readSubareas(f: Fields, st: ParseState): void {
  f.need(7);
  const name = f.ref(0, 'subcatch');
  const v: number[] = [];
  for (let i = 1; i <= 5; i++) v.push(f.num(i, { min: 0 }));
  const routeTo = f.kw(6, ROUTE_TO);
  const pctRouted = f.optNum(7, 100, { min: 0, max: 100 });
  const sa: Subareas = {
    line: f.line.line, nImperv: v[0]!, nPerv: v[1]!, sImperv: v[2]!, sPerv: v[3]!, pctZero: v[4]!, routeTo, pctRouted,
  };
  st.subareas.set(name.toUpperCase(), sa);
}

/** Count of leading fields each method needs (name + parameters). */
function requiredTokens(m: InfiltrationMethod): number {
  return m === 'HORTON' || m === 'MODIFIED_HORTON' ? 5 : 4;
}

export function readInfiltration(f: Fields, st: ParseState): void {
  f.need(2);
  const name = f.ref(0, 'subcatch');
  // 5.2 syntax: an optional method keyword as the LAST token overrides the global option
  let ntoks = f.n;
  let method = st.model.options.infiltration;
  let explicitMethod = false;
  const k = findKeyword(f.tok(ntoks - 1), INFIL_METHODS);
  if (k >= 0 && ntoks > 1) {
    method = INFIL_METHODS[k]!;
    explicitMethod = true;
    ntoks--;
  }
  const n = requiredTokens(method);
  if (ntoks < n) f.fail(203, undefined, `at least ${n - 1} parameters for ${method}`);
  const values: number[] = [];
  for (let i = 1; i < n; i++) values.push(f.num(i));
  // Horton's last parameter (max. infiltration volume) is optional
  if ((method === 'HORTON' || method === 'MODIFIED_HORTON') && ntoks > n) values.push(f.num(n));
  if (values.some((x) => x < 0)) f.fail(235, name, 'non-negative infiltration parameters');
  if ((method === 'GREEN_AMPT' || method === 'MODIFIED_GREEN_AMPT') && values[2]! > 1) {
    f.fail(235, name, 'an initial moisture deficit between 0 and 1');
  }
  st.infil.set(name.toUpperCase(), { line: f.line.line, method, values, explicitMethod });
}
