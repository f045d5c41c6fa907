// Link sections, cross sections, losses and transects (digest §1.15).
import type { Conduit, CrossSection, Orifice, Outlet, Pump, Weir } from '../model/types.js';
import { Fields } from './fields.js';
import type { ParseState } from './state.js';

const NONNEG = { min: 0 };

/** An offset: a number, or `*` (only under LINK_OFFSETS ELEVATION) = at the node invert. */
function offset(f: Fields, i: number, st: ParseState): number | null {
  if (f.tok(i) === '*' && st.model.options.linkOffsets === 'ELEVATION') return null;
  return f.num(i);
}

function nodes(f: Fields): [string, string] {
  return [f.ref(1, 'node'), f.ref(2, 'node')];
}

export function readConduit(f: Fields, st: ParseState): void {
  f.need(7);
  const name = st.ctx.canon('link', f.tok(0)!);
  const [fromNode, toNode] = nodes(f);
  const length = f.num(3);
  const roughness = f.num(4);
  const inOffset = offset(f, 5, st);
  const outOffset = offset(f, 6, st);
  const initFlow = f.optNum(7, 0);
  const maxFlow = f.optNum(8, 0, NONNEG);
  const c: Conduit = { kind: 'CONDUIT', line: f.line.line, name, fromNode, toNode, inOffset, outOffset, length, roughness, initFlow, maxFlow };
  st.model.links.push(c);
}

export function readPump(f: Fields, st: ParseState): void {
  f.need(4);
  const name = st.ctx.canon('link', f.tok(0)!);
  const [fromNode, toNode] = nodes(f);
  const curve = f.tok(3) === '*' ? null : f.ref(3, 'curve');
  const initStatusOn = f.n > 4 ? f.kwIndex(4, ['OFF', 'ON']) === 1 : true;
  const startupDepth = f.optNum(5, 0, NONNEG);
  const shutoffDepth = f.optNum(6, 0, NONNEG);
  const p: Pump = {
    kind: 'PUMP', line: f.line.line, name, fromNode, toNode, inOffset: 0, outOffset: 0, curve, initStatusOn, startupDepth, shutoffDepth,
  };
  st.model.links.push(p);
}

export function readOrifice(f: Fields, st: ParseState): void {
  f.need(6);
  const name = st.ctx.canon('link', f.tok(0)!);
  const [fromNode, toNode] = nodes(f);
  const orificeType = f.kw(3, ['SIDE', 'BOTTOM'] as const);
  const inOffset = offset(f, 4, st);
  const dischargeCoeff = f.num(5, NONNEG);
  const gated = f.optYesNo(6, false);
  const closeTimeH = f.optNum(7, 0, NONNEG);
  const o: Orifice = {
    kind: 'ORIFICE', line: f.line.line, name, fromNode, toNode, inOffset, outOffset: 0, orificeType, dischargeCoeff, gated, closeTimeH,
  };
  st.model.links.push(o);
}

export const WEIR_TYPES = ['TRANSVERSE', 'SIDEFLOW', 'V-NOTCH', 'TRAPEZOIDAL', 'ROADWAY'] as const;

export function readWeir(f: Fields, st: ParseState): void {
  f.need(6);
  const name = st.ctx.canon('link', f.tok(0)!);
  const [fromNode, toNode] = nodes(f);
  const weirType = f.kw(3, WEIR_TYPES);
  const inOffset = offset(f, 4, st);
  const dischargeCoeff = f.num(5, NONNEG);
  const w: Weir = {
    kind: 'WEIR', line: f.line.line, name, fromNode, toNode, inOffset, outOffset: 0, weirType, dischargeCoeff,
    gated: f.optYesNo(6, false, true),
    endContractions: f.optNum(7, 0, NONNEG, true),
    endCoeff: f.optNum(8, 0, NONNEG, true),
    canSurcharge: f.optYesNo(9, true, true),
    roadWidth: f.optNum(10, 0, NONNEG, true),
  };
  const surf = f.tok(11);
  if (surf !== undefined && surf !== '*' && surf !== '') w.roadSurface = f.kw(11, ['PAVED', 'GRAVEL'] as const);
  const cc = f.optRef(12, 'curve');
  if (cc !== undefined) w.coeffCurve = cc;
  st.model.links.push(w);
}

// specific forms first: 'FUNCTIONAL' is a prefix of 'FUNCTIONAL/HEAD'
const OUTLET_WORDS = ['FUNCTIONAL/DEPTH', 'FUNCTIONAL/HEAD', 'TABULAR/DEPTH', 'TABULAR/HEAD', 'FUNCTIONAL', 'TABULAR'] as const;

export function readOutlet(f: Fields, st: ParseState): void {
  f.need(6);
  const name = st.ctx.canon('link', f.tok(0)!);
  const [fromNode, toNode] = nodes(f);
  const inOffset = offset(f, 3, st);
  const word = f.kw(4, OUTLET_WORDS);
  const outletType: Outlet['outletType'] =
    word === 'FUNCTIONAL' ? 'FUNCTIONAL/DEPTH' : word === 'TABULAR' ? 'TABULAR/DEPTH' : word;
  const o: Outlet = {
    kind: 'OUTLET', line: f.line.line, name, fromNode, toNode, inOffset, outOffset: 0, outletType, coeff: 0, expon: 0, gated: false,
  };
  if (outletType.startsWith('FUNCTIONAL')) {
    f.need(7);
    o.coeff = f.num(5, NONNEG);
    o.expon = f.num(6);
    o.gated = f.optYesNo(7, false);
  } else {
    o.curve = f.ref(5, 'curve');
    o.gated = f.optYesNo(6, false);
  }
  st.model.links.push(o);
}

export const XSECT_SHAPES = [
  'DUMMY', 'CIRCULAR', 'FILLED_CIRCULAR', 'RECT_CLOSED', 'RECT_OPEN', 'TRAPEZOIDAL', 'TRIANGULAR', 'PARABOLIC',
  'POWER', 'RECT_TRIANGULAR', 'RECT_ROUND', 'MODBASKETHANDLE', 'EGG', 'HORSESHOE', 'GOTHIC', 'CATENARY',
  'SEMIELLIPTICAL', 'BASKETHANDLE', 'SEMICIRCULAR', 'IRREGULAR', 'CUSTOM', 'FORCE_MAIN', 'HORIZ_ELLIPSE',
  'VERT_ELLIPSE', 'ARCH', 'STREET',
] as const;

export function readXsection(f: Fields, st: ParseState): void {
  f.need(3);
  const link = f.ref(0, 'link');
  const shape = f.kw(1, XSECT_SHAPES);
  const x: CrossSection = { line: f.line.line, shape, geom: [0, 0, 0, 0], barrels: 1, culvertCode: 0 };
  if (shape === 'IRREGULAR') {
    x.ref = f.ref(2, 'transect');
  } else if (shape === 'STREET') {
    x.ref = f.ref(2, 'street');
  } else if (shape === 'CUSTOM') {
    f.need(4);
    x.geom[0] = f.num(2, { gt: 0 });
    x.ref = f.ref(3, 'curve');
  } else {
    f.need(6);
    x.geom = [f.num(2, NONNEG), f.num(3, NONNEG), f.num(4, NONNEG), f.num(5, NONNEG)];
    if (shape !== 'DUMMY' && !(x.geom[0] > 0)) f.fail(119, link, `a positive first dimension for a ${shape} section`);
  }
  // barrels and culvert code keep their positions for every shape (GUI writes 0 fillers)
  if (f.n > 6 && f.tok(6) !== '') x.barrels = f.int(6, { min: 1 });
  if (f.n > 7 && f.tok(7) !== '') x.culvertCode = f.int(7, { min: 0 });
  st.xsect.set(link.toUpperCase(), x);
}

export function readLosses(f: Fields, st: ParseState): void {
  f.need(4);
  const link = f.ref(0, 'link');
  st.losses.set(link.toUpperCase(), {
    line: f.line.line,
    kEntry: f.num(1, NONNEG),
    kExit: f.num(2, NONNEG),
    kAvg: f.num(3, NONNEG),
    flapGate: f.optYesNo(4, false),
    seepageRate: f.optNum(5, 0, NONNEG),
  });
}

/** Transect records NC / X1 / GR (HEC-2 style). */
export function readTransectLine(f: Fields, st: ParseState): void {
  const ts = st.transect;
  const key = f.kw(0, ['NC', 'X1', 'GR'] as const);
  if (key === 'NC') {
    f.need(4);
    const nl = f.num(1, NONNEG);
    const nr = f.num(2, NONNEG);
    const nc = f.num(3, NONNEG);
    // 0 keeps the previous value
    if (nl > 0) ts.nLeft = nl;
    if (nr > 0) ts.nRight = nr;
    if (nc > 0) ts.nChannel = nc;
    return;
  }
  if (key === 'X1') {
    f.need(2);
    const name = st.ctx.canon('transect', f.tok(1)!);
    f.need(10);
    const nSta = f.int(2, NONNEG);
    const t = {
      line: f.line.line, name,
      nLeft: ts.nLeft > 0 ? ts.nLeft : ts.nChannel,
      nRight: ts.nRight > 0 ? ts.nRight : ts.nChannel,
      nChannel: ts.nChannel,
      xLeftBank: f.num(3),
      xRightBank: f.num(4),
      meander: f.num(7, NONNEG),
      stationFactor: f.num(8, NONNEG),
      elevOffset: f.num(9),
      stations: [] as number[],
      elevations: [] as number[],
    };
    ts.current = t;
    ts.nSta = nSta;
    st.model.transects.push(t);
    return;
  }
  // GR: elevation–station pairs
  const t = ts.current;
  if (!t) f.fail(219, undefined, 'an X1 line before GR data');
  if (f.n < 3 || (f.n - 1) % 2 !== 0) f.fail(203, undefined, 'elevation-station pairs');
  for (let i = 1; i + 1 < f.n; i += 2) {
    const elev = f.num(i);
    const sta = f.num(i + 1);
    const last = t.stations[t.stations.length - 1];
    if (last !== undefined && sta < last) f.fail(221, f.tok(i + 1), `a station >= ${last}`);
    t.elevations.push(elev);
    t.stations.push(sta);
  }
}
