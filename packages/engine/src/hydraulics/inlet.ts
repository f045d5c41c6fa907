// Street and channel inlets of SWMM 5.2 ([INLETS], [INLET_USAGE]): each routing step, after
// the lateral inflows are set and before the network is routed, every inlet takes part of
// the flow arriving at the downstream ("bypass") node of its conduit and moves it, as a
// lateral flow, to its "capture" node (usually a sewer junction). When a capture node
// overflows, its overflow returns to the street as inlet backflow on the next step and is
// not a system flooding loss.
//
// Capture follows FHWA HEC-22 (Urban Drainage Design Manual, 3rd ed., 2013), chapter 4:
//   on grade — flow spread T from Izzard's form of Manning's equation Q = Kf·T^2.67
//     (Eq 4-2, with the composite-gutter split Eo of Eq 4-4 by fixed-point iteration);
//     grates: frontal efficiency Rf = 1 − 0.09(V − Vo) (4-18), side efficiency
//     Rs = 1/(1 + 0.15·V^1.8/(Sx·L^2.3)) (4-19), E = Rf·Eo + Rs·(1 − Eo) (4-21), splash-over
//     velocity Vo a cubic in grate length (Chart 5B fits), opening ratios of Chart 9B;
//     curb openings: full-capture length Lt = 0.6·Q^0.42·SL^0.3·(1/(n·Se))^0.6 (4-22a),
//     E = 1 − (1 − L/Lt)^1.8 (4-23); a combination inlet's curb length in front of the
//     grate acts as a sweeper, the grate takes what the sweeper leaves;
//   on sag — grates: weir 3.0·P·d^1.5 (4-26) below d = 1.79·A/P, else orifice
//     0.67·A·√(2g·d) (4-27); curb openings: weir 2.3·(L + 1.8W)·d^1.5 (depressed, 4-28) or
//     3.0·L·d^1.5 (4-30) up to the opening height, orifice 0.67·h·L·√(2g·do) (4-31a) above
//     1.4·h, linear blend between; slotted drains 2.48·L·d^1.5 / 0.8·L·w·√(2g·d) (4-32/33).
//   custom — a DIVERSION curve (captured vs approach flow) or RATING curve (captured vs
//     bypass-node depth).
// SWMM 5.2.4 behaviours kept on purpose (they change results): inlets are evaluated in
// reverse [INLET_USAGE] order; an on-sag inlet is multiplied by the street sides of the
// inlet whose geometry was loaded before it (SWMM's shared "Nsides"); grate type names are
// matched by prefix (P_BAR-50X100 reads as P_BAR-50).
//
// Everything is in internal units (ft, cfs). One InletState per simulation; the step
// functions allocate nothing.
import type { EngineError } from '../api.js';
import type { Model } from '../model/types.js';
import { FUDGE, MIN_RUNOFF_FLOW_CFS } from '../model/units.js';
import { ROUTE_DYNWAVE, LINK_CONDUIT, type CurveTable, type Network } from './network.js';
import {
  XS_STREET, XS_TRAPEZOIDAL, XS_RECT_OPEN, xsectAreaOfSectionFactor, xsectDepthOfArea, xsectWidthOfDepth, type Xsect,
} from './xsect.js';
import type { StreetParams } from './street.js';

// ---- inlet design types
export const INLET_GRATE = 0;
export const INLET_CURB = 1;
export const INLET_COMBO = 2;
export const INLET_SLOTTED = 3;
export const INLET_DROP_GRATE = 4;
export const INLET_DROP_CURB = 5;
export const INLET_CUSTOM = 6;
const INLET_WORDS = ['GRATE', 'CURB', '', 'SLOTTED', 'DROP_GRATE', 'DROP_CURB', 'CUSTOM'];

// ---- grate types (order matters: SWMM matches the first word the token starts with)
const GRATE_WORDS = ['P_BAR-50', 'P_BAR-50X100', 'P_BAR-30', 'CURVED_VANE', 'TILT_BAR-45', 'TILT_BAR-30', 'RETICULINE', 'GENERIC'];
const GRATE_GENERIC = 7;
/** Splash-over velocity (ft/s) = c0 + c1·L − c2·L² + c3·L³, L = grate length (ft) (HEC-22 Chart 5B fits). */
const SPLASH_COEFFS: readonly (readonly [number, number, number, number])[] = [
  [2.22, 4.03, 0.65, 0.06], // P_BAR-50
  [0.74, 2.44, 0.27, 0.02], // P_BAR-50x100
  [1.76, 3.12, 0.45, 0.03], // P_BAR-30
  [0.30, 4.85, 1.31, 0.15], // curved vane
  [0.99, 2.64, 0.36, 0.03], // tilt bar 45°
  [0.51, 2.34, 0.2, 0.01], // tilt bar 30°
  [0.28, 2.28, 0.18, 0.01], // reticuline
];
/** Open fraction of the grate area (HEC-22 Chart 9B; tilt-bar 45° assumed). */
const GRATE_OPEN_RATIO = [0.9, 0.8, 0.6, 0.35, 0.17, 0.34, 0.8, 1.0];

const THROAT_HORIZONTAL = 0;
const THROAT_INCLINED = 1;
const THROAT_VERTICAL = 2;
const THROAT_WORDS = ['HORIZONTAL', 'INCLINED', 'VERTICAL'];

export const PLACE_AUTOMATIC = 0;
export const PLACE_ON_GRADE = 1;
export const PLACE_ON_SAG = 2;
const PLACE_WORDS = ['AUTOMATIC', 'ON_GRADE', 'ON_SAG'];

const CURVE_NONE = 0;
const CURVE_DIVERSION = 1;
const CURVE_RATING = 2;

const BIG = 1e10;
/** 2g (ft/s²) as SWMM writes it in the orifice equations. */
const TWO_G = 2.0 * 32.16;

/** One [INLETS] design in internal units (lengths 0 = that part is absent). */
export interface InletDesign {
  name: string;
  type: number;
  grateLengthFt: number;
  grateWidthFt: number;
  grateType: number;
  grateOpenFrac: number;
  splashVelocFtS: number;
  curbLengthFt: number;
  curbHeightFt: number;
  throat: number;
  slotLengthFt: number;
  slotWidthFt: number;
  /** Index into net.curves, −1 none. */
  curve: number;
  curveKind: number;
}

/** Prefix keyword match as SWMM's findmatch does (case-insensitive; empty words never match). */
function findWord(token: string | undefined, words: readonly string[]): number {
  if (token === undefined) return -1;
  const t = token.trim().toUpperCase();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w !== '' && t.startsWith(w)) return i;
  }
  return -1;
}

/**
 * Scratch geometry of the inlet being evaluated (SWMM's module-level HEC-22 variables,
 * here owned by one simulation). `sides` deliberately survives from one inlet to the next.
 */
interface Geometry {
  sx: number;
  sl: number;
  sw: number;
  a: number;
  w: number;
  t: number;
  n: number;
  sides: number;
  tCrown: number;
  beta: number;
  qFactor: number;
  xs: Xsect | null;
  isStreet: boolean;
  /** Outputs of sagCurb. */
  qWeir: number;
  qOrif: number;
}

export interface InletState {
  /** Inlets in evaluation order (reverse of first appearance in [INLET_USAGE]). */
  readonly n: number;
  readonly designs: readonly InletDesign[];
  readonly design: Int32Array;
  readonly link: Int32Array;
  readonly captureNode: Int32Array;
  readonly numInlets: Int32Array;
  readonly placement: Int8Array;
  readonly clogFactor: Float64Array;
  readonly flowLimitCfs: Float64Array;
  readonly localDepressFt: Float64Array;
  readonly localWidthFt: Float64Array;
  readonly flowFactor: Float64Array;
  readonly backflowRatio: Float64Array;
  /** Street of the inlet's conduit, or null. */
  readonly street: readonly (StreetParams | null)[];
  /** Latest captured flow and backflow (cfs). */
  readonly flowCapture: Float64Array;
  readonly backflow: Float64Array;
  // statistics
  readonly flowPeriods: Float64Array;
  readonly capturePeriods: Float64Array;
  readonly backflowPeriods: Float64Array;
  readonly peakFlow: Float64Array;
  readonly peakFlowCapturePct: Float64Array;
  readonly avgFlowCapture: Float64Array;
  readonly bypassFreq: Float64Array;
  /** Per node: 1 when it receives captured flow (its overflow is not a system loss). */
  readonly isCaptureNode: Uint8Array;
  /** Per node: total flow captured from it this step (scratch). */
  readonly nodeCaptured: Float64Array;
  /** Per link: inlet index, −1 none. */
  readonly inletOfLink: Int32Array;
  /** Street of each STREET conduit (by link), for the Street Flow Summary. */
  readonly linkStreet: readonly (StreetParams | null)[];
  readonly g: Geometry;
}

/** Read [INLETS] and [INLET_USAGE] and validate placements (SWMM's inlet_validate). */
export function createInlets(
  model: Model, net: Network, ucfLength: number, ucfFlow: number, streets: readonly StreetParams[],
): { inlets: InletState | null; errors: EngineError[]; warnings: string[] } {
  const errors: EngineError[] = [];
  const warnings: string[] = [];
  const L = ucfLength;
  const curveIdx = new Map(net.curves.map((c, i) => [c.name.toUpperCase(), i] as const));
  const streetByName = new Map(streets.map((s) => [s.name.toUpperCase(), s] as const));
  const linkStreet: (StreetParams | null)[] = new Array<StreetParams | null>(net.nLinks).fill(null);
  for (let j = 0; j < net.nLinks; j++) {
    const x = model.links[j]?.xsect;
    if (x && x.shape.toUpperCase() === 'STREET' && x.ref) linkStreet[j] = streetByName.get(x.ref.toUpperCase()) ?? null;
  }

  // ---- designs
  const designs: InletDesign[] = [];
  const designIdx = new Map<string, number>();
  const err = (code: number, msg: string, line: number, section: string, token: string): void => {
    errors.push({ code, message: msg, line, section, token });
  };
  for (const ln of model.extra['[INLETS]']?.lines ?? []) {
    const t = ln.tokens;
    const key = (t[0] ?? '').toUpperCase();
    let k = designIdx.get(key);
    if (k === undefined) {
      k = designs.length;
      designIdx.set(key, k);
      designs.push({
        name: t[0]!, type: INLET_CUSTOM, grateLengthFt: 0, grateWidthFt: 0, grateType: -1, grateOpenFrac: 0, splashVelocFtS: 0,
        curbLengthFt: 0, curbHeightFt: 0, throat: THROAT_VERTICAL, slotLengthFt: 0, slotWidthFt: 0, curve: -1, curveKind: CURVE_NONE,
      });
    }
    const d = designs[k]!;
    const type = findWord(t[1], INLET_WORDS);
    const num = (i: number): number => Number(t[i]);
    const bad = (i: number): void => err(211, `invalid number ${t[i] ?? ''} for inlet ${d.name}`, ln.line, '[INLETS]', t[i] ?? '');
    d.type = type;
    if (type === INLET_GRATE || type === INLET_DROP_GRATE) {
      if (t.length < 5) { err(203, `too few items for inlet ${d.name}`, ln.line, '[INLETS]', d.name); continue; }
      if (!(num(2) > 0)) { bad(2); continue; }
      if (!(num(3) > 0)) { bad(3); continue; }
      const g = findWord(t[4], GRATE_WORDS);
      if (g < 0) { err(205, `unknown grate type ${t[4]}`, ln.line, '[INLETS]', t[4]!); continue; }
      let open = 0;
      let vSplash = 0;
      if (g === GRATE_GENERIC) {
        if (t.length < 6) { err(203, `a GENERIC grate needs its open area fraction`, ln.line, '[INLETS]', d.name); continue; }
        open = num(5);
        if (!(open > 0 && open <= 1)) { bad(5); continue; }
        if (t.length > 6) {
          vSplash = num(6);
          if (!(vSplash >= 0)) { bad(6); continue; }
        }
      }
      d.grateLengthFt = num(2) / L;
      d.grateWidthFt = num(3) / L;
      d.grateType = g;
      d.grateOpenFrac = open;
      d.splashVelocFtS = vSplash / L;
      if (type === INLET_GRATE && d.curbLengthFt > 0) d.type = INLET_COMBO;
    } else if (type === INLET_CURB || type === INLET_DROP_CURB) {
      if (t.length < 4) { err(203, `too few items for inlet ${d.name}`, ln.line, '[INLETS]', d.name); continue; }
      if (!(num(2) > 0)) { bad(2); continue; }
      if (!(num(3) > 0)) { bad(3); continue; }
      let throat = THROAT_VERTICAL;
      if (type === INLET_CURB && t.length > 4) {
        throat = findWord(t[4], THROAT_WORDS);
        if (throat < 0) { err(205, `unknown throat type ${t[4]}`, ln.line, '[INLETS]', t[4]!); continue; }
      }
      d.curbLengthFt = num(2) / L;
      d.curbHeightFt = num(3) / L;
      d.throat = throat;
      if (type === INLET_CURB && d.grateLengthFt > 0) d.type = INLET_COMBO;
    } else if (type === INLET_SLOTTED) {
      if (t.length < 4) { err(203, `too few items for inlet ${d.name}`, ln.line, '[INLETS]', d.name); continue; }
      if (!(num(2) > 0)) { bad(2); continue; }
      if (!(num(3) > 0)) { bad(3); continue; }
      d.slotLengthFt = num(2) / L;
      d.slotWidthFt = num(3) / L;
    } else if (type === INLET_CUSTOM) {
      const c = curveIdx.get((t[2] ?? '').toUpperCase());
      if (c === undefined) { err(209, `undefined curve ${t[2] ?? ''} for inlet ${d.name}`, ln.line, '[INLETS]', t[2] ?? ''); continue; }
      d.curve = c;
      const ct = net.curves[c]!.type;
      d.curveKind = ct === 'DIVERSION' ? CURVE_DIVERSION : ct === 'RATING' ? CURVE_RATING : CURVE_NONE;
    } else {
      err(205, `unknown inlet type ${t[1] ?? ''}`, ln.line, '[INLETS]', t[1] ?? '');
    }
  }

  // ---- usage: one inlet per link, the latest row wins, evaluated newest-link-first
  const linkIdx = new Map(net.linkNames.map((nm, j) => [nm.toUpperCase(), j] as const));
  const nodeIdx = new Map(net.nodeNames.map((nm, i) => [nm.toUpperCase(), i] as const));
  interface Usage { link: number; design: number; node: number; num: number; clog: number; qMax: number; aLoc: number; wLoc: number; place: number }
  const byLink = new Map<number, Usage>();
  const order: number[] = [];
  for (const ln of model.extra['[INLET_USAGE]']?.lines ?? []) {
    const t = ln.tokens;
    const j = linkIdx.get((t[0] ?? '').toUpperCase());
    const d = designIdx.get((t[1] ?? '').toUpperCase());
    const m = nodeIdx.get((t[2] ?? '').toUpperCase());
    if (j === undefined || d === undefined || m === undefined) {
      const tok = j === undefined ? t[0] : d === undefined ? t[1] : t[2];
      err(209, `undefined object ${tok ?? ''} in [INLET_USAGE]`, ln.line, '[INLET_USAGE]', tok ?? '');
      continue;
    }
    const opt = (i: number, dflt: number): number => (t.length > i ? Number(t[i]) : dflt);
    const num = opt(3, 1);
    const clog = opt(4, 0);
    const qMax = opt(5, 0);
    const aLoc = opt(6, 0);
    const wLoc = opt(7, 0);
    let bad = -1;
    if (!(Number.isInteger(num) && num >= 1)) bad = 3;
    else if (!(clog >= 0 && clog <= 99)) bad = 4;
    else if (!(qMax >= 0)) bad = 5;
    else if (!(aLoc >= 0)) bad = 6;
    else if (!(wLoc >= 0)) bad = 7;
    if (bad >= 0) { err(211, `invalid number ${t[bad]} in [INLET_USAGE]`, ln.line, '[INLET_USAGE]', t[bad]!); continue; }
    let place = PLACE_AUTOMATIC;
    if (t.length > 8) {
      place = findWord(t[8], PLACE_WORDS);
      if (place < 0) { err(205, `unknown inlet placement ${t[8]}`, ln.line, '[INLET_USAGE]', t[8]!); continue; }
    }
    if (!byLink.has(j)) order.unshift(j);
    byLink.set(j, { link: j, design: d, node: m, num, clog, qMax: qMax / ucfFlow, aLoc: aLoc / L, wLoc: wLoc / L, place });
  }
  if (errors.length > 0 || order.length === 0) return { inlets: null, errors, warnings };

  // ---- placement validity (shape vs inlet type); invalid ones are dropped with WARNING 12
  const kept: Usage[] = [];
  for (const j of order) {
    const u = byLink.get(j)!;
    const d = designs[u.design]!;
    const shape = net.linkShape[j];
    let ok = false;
    if (d.type === INLET_CUSTOM) ok = d.curveKind !== CURVE_NONE;
    else if ((shape === XS_TRAPEZOIDAL || shape === XS_RECT_OPEN) && (d.type === INLET_DROP_GRATE || d.type === INLET_DROP_CURB)) ok = true;
    else if (shape === XS_STREET && d.type !== INLET_DROP_GRATE && d.type !== INLET_DROP_CURB) ok = true;
    if (net.linkType[j] !== LINK_CONDUIT) ok = false;
    if (ok) kept.push(u);
    else warnings.push(`WARNING 12: inlet removed due to unsupported shape for conduit ${net.linkNames[j]}`);
  }
  const n = kept.length;
  const f = (): Float64Array => new Float64Array(n);
  const st: InletState = {
    n, designs,
    design: Int32Array.from(kept, (u) => u.design),
    link: Int32Array.from(kept, (u) => u.link),
    captureNode: Int32Array.from(kept, (u) => u.node),
    numInlets: Int32Array.from(kept, (u) => u.num),
    placement: Int8Array.from(kept, (u) => u.place),
    clogFactor: Float64Array.from(kept, (u) => 1 - u.clog / 100),
    flowLimitCfs: Float64Array.from(kept, (u) => u.qMax),
    localDepressFt: Float64Array.from(kept, (u) => u.aLoc),
    localWidthFt: Float64Array.from(kept, (u) => u.wLoc),
    flowFactor: f(), backflowRatio: f(),
    street: kept.map((u) => linkStreet[u.link]!),
    flowCapture: f(), backflow: f(),
    flowPeriods: f(), capturePeriods: f(), backflowPeriods: f(), peakFlow: f(), peakFlowCapturePct: f(), avgFlowCapture: f(), bypassFreq: f(),
    isCaptureNode: new Uint8Array(net.nNodes),
    nodeCaptured: new Float64Array(net.nNodes),
    inletOfLink: new Int32Array(net.nLinks).fill(-1),
    linkStreet,
    g: { sx: 0, sl: 0, sw: 0, a: 0, w: 0, t: 0, n: 0, sides: 0, tCrown: 0, beta: 0, qFactor: 0, xs: null, isStreet: false, qWeir: 0, qOrif: 0 },
  };
  for (let i = 0; i < n; i++) {
    st.inletOfLink[st.link[i]!] = i;
    st.isCaptureNode[st.captureNode[i]!] = 1;
    // Izzard's factor Kf in Q = Kf·T^2.67 (HEC-22 Eq 4-2 with Ku = 0.56).
    loadGeometry(st, net, i);
    st.flowFactor[i] = (0.56 / st.g.n) * Math.pow(st.g.sl, 0.5) * Math.pow(st.g.sx, 1.67);
  }
  setBackflowRatios(st);
  return { inlets: st, errors, warnings };
}

/** Unclogged open area of all the inlets on a conduit (ft²); 0 for custom inlets. */
function inletOpenArea(st: InletState, i: number): number {
  const d = st.designs[st.design[i]!]!;
  let area = 0;
  if (d.grateLengthFt > 0) {
    area = d.grateLengthFt * d.grateWidthFt * (d.grateType === GRATE_GENERIC ? d.grateOpenFrac : GRATE_OPEN_RATIO[d.grateType]!);
  }
  const curb = d.curbLengthFt - d.grateLengthFt;
  if (curb > 0) area += curb * d.curbHeightFt;
  if (d.slotLengthFt > 0) area = d.slotLengthFt * d.slotWidthFt;
  return area * st.numInlets[i]! * st.clogFactor[i]!;
}

/**
 * Share of a capture node's overflow that returns through each inlet: by open area among
 * standard inlets, by inlet count among custom ones, the two groups weighted by how many
 * conduits of each kind drain to the node.
 */
function setBackflowRatios(st: InletState): void {
  const links = new Map<number, { all: number; std: number; custom: number; area: number }>();
  for (let i = 0; i < st.n; i++) {
    const m = st.captureNode[i]!;
    const e = links.get(m) ?? { all: 0, std: 0, custom: 0, area: 0 };
    e.all++;
    const a = inletOpenArea(st, i);
    if (a > 0) {
      e.std++;
      e.area += a;
    } else e.custom += st.numInlets[i]!;
    links.set(m, e);
  }
  for (let i = 0; i < st.n; i++) {
    const e = links.get(st.captureNode[i]!)!;
    const f = e.std / e.all;
    const a = inletOpenArea(st, i);
    st.backflowRatio[i] = a === 0 ? (st.numInlets[i]! / e.custom) * (1 - f) : (a / e.area) * f;
  }
}

/** Load inlet i's conduit geometry into the scratch (SWMM's getConduitGeometry). */
function loadGeometry(st: InletState, net: Network, i: number): void {
  const g = st.g;
  const j = st.link[i]!;
  const k = net.linkSub[j]!;
  g.sl = net.conduitSlope[k]!;
  g.beta = net.conduitBeta[k]!;
  g.xs = net.linkXsect[j] ?? null;
  const s = st.street[i];
  if (s && net.linkShape[j] === XS_STREET) {
    g.isStreet = true;
    g.sx = s.sx;
    g.a = s.gutterDepFt;
    g.w = s.gutterWidthFt;
    g.n = s.nRoad;
    g.sides = s.sides;
    g.tCrown = s.tCrownFt;
    g.qFactor = st.flowFactor[i]!;
    const aLoc = st.localDepressFt[i]!;
    const wLoc = st.localWidthFt[i]!;
    if (aLoc * wLoc > 0) {
      g.a += aLoc;
      g.w = wLoc;
    }
    g.sw = g.w * g.a > 0 ? g.sx + g.a / g.w : g.sx;
  } else {
    g.isStreet = false;
    g.a = 0;
    g.w = 0;
    g.n = net.conduitRoughness[k]!;
    g.sides = 1;
    g.sx = 0.01;
    g.sw = g.sx;
  }
}

// ---------------------------------------------------------------- HEC-22 pieces

/** Gutter flow / total flow for a composite gutter (Eq 4-4 with Ts = T − W beyond the gutter). */
function gutterSplit(sr: number, ts: number, w: number): number {
  let x = sr / (ts / w);
  x = Math.pow(1 + x, 2.67) - 1;
  return 1 / (1 + sr / x);
}

/** Flow spread (ft) for street flow q (cfs) on one side. */
function flowSpread(g: Geometry, q: number): number {
  const f = g.qFactor;
  let ts: number;
  if (g.a === 0) ts = Math.pow(q / f, 0.375);
  else {
    const f1 = f * Math.pow(g.a / g.w / g.sx, 1.67);
    const tw = Math.pow(q / f1, 0.375);
    if (tw <= g.w) ts = tw;
    else {
      const sr = (g.sx + g.a / g.w) / g.sx;
      let t1 = Math.pow(q / f, 0.375) - g.w;
      if (t1 <= 0) t1 = tw - g.w;
      let t2 = t1;
      for (let iter = 1; iter < 11; iter++) {
        const eo = gutterSplit(sr, t1, g.w);
        t2 = Math.pow(((1 - eo) * q) / f, 0.375);
        if (Math.abs(t2 - t1) < 0.01) break;
        t1 = t2;
      }
      ts = t2 + g.w;
    }
  }
  return Math.min(ts, g.tCrown);
}

function gutterFlowRatio(g: Geometry, w: number): number {
  if (g.t <= w) return 1;
  if (g.a > 0) return gutterSplit(g.sw / g.sx, g.t - w, w);
  return 1 - Math.pow(1 - w / g.t, 2.67); // Eq 4-16
}

/** Share of the depressed-gutter flow area that lies over a narrower grate. */
function grateAreaRatio(g: Geometry, wg: number, area: number): number {
  if (wg >= g.w) return 1;
  if (g.t <= wg) return 1;
  if (g.t <= g.w) return wg / g.t;
  const beyond = 0.5 * (g.t - g.w) * (g.t - g.w) * g.sx;
  const over = wg * (g.t * g.sx + g.a - (wg * g.sw) / 2);
  return over / (area - beyond);
}

function splashVelocity(type: number, len: number): number {
  const c = SPLASH_COEFFS[type]!;
  return c[0] + c[1] * len - c[2] * len * len + c[3] * len * len * len;
}

/** Flow captured by one on-grade grate from approach flow q (cfs). */
function grateCapture(g: Geometry, d: InletDesign, q: number): number {
  const lg = d.grateLengthFt;
  let wg = d.grateWidthFt;
  let area: number;
  let eo: number;
  let qo = q;
  const xs = g.xs!;
  if (xs.type === XS_TRAPEZOIDAL || xs.type === XS_RECT_OPEN) {
    // Drop grate in a channel: depth from normal flow, Eo from flow over the grate width.
    area = xsectAreaOfSectionFactor(xs, q / g.beta);
    const y = xsectDepthOfArea(xs, area);
    g.t = xsectWidthOfDepth(xs, y);
    eo = (g.beta * Math.pow(y * wg, 1.67)) / Math.pow(wg + 2 * y, 0.67) / q;
    if (wg > 0.99 * xs.yBot && xs.type === XS_TRAPEZOIDAL && xs.sBot > 0) {
      wg = xs.yBot;
      g.sx = 1 / xs.sBot; // [as-is] stays in the scratch for the following identical inlets
    }
  } else if (g.a === 0) {
    area = (g.t * g.t * g.sx) / 2;
    eo = gutterFlowRatio(g, wg);
    if (g.t >= g.tCrown) qo = g.qFactor * Math.pow(g.tCrown, 2.67);
  } else {
    area = g.t <= g.w ? (g.t * g.t * g.sw) / 2 : (g.t * g.t * g.sx + g.a * g.w) / 2;
    eo = gutterFlowRatio(g, g.w);
    if (eo < 1) {
      if (g.t >= g.tCrown) qo = (g.qFactor * Math.pow(g.tCrown, 2.67)) / (1 - eo);
      eo *= grateAreaRatio(g, wg, area); // Eq 4-20a
    }
  }
  const v = qo / area;
  const vo = d.grateType < 0 || d.grateType === GRATE_GENERIC ? d.splashVelocFtS : splashVelocity(d.grateType, lg);
  const rf = v > vo ? 1 - 0.09 * (v - vo) : 1;
  const rs = eo < 1 ? 1 / (1 + (0.15 * Math.pow(v, 1.8)) / g.sx / Math.pow(lg, 2.3)) : 0;
  return q * (rf * eo + rs * (1 - eo));
}

/** Flow captured by an on-grade curb opening (or slotted drain) of length len (ft). */
function curbCapture(g: Geometry, q: number, len: number): number {
  let se = g.sx;
  if (g.a > 0) {
    const eo = gutterSplit(g.sw / g.sx, g.t - g.w, g.w);
    se = g.sx + (g.a / g.w) * eo; // Eq 4-24
  }
  const lt = 0.6 * Math.pow(q, 0.42) * Math.pow(g.sl, 0.3) * Math.pow(1 / (g.n * se), 0.6);
  let e = 1;
  if (len < lt) e = 1 - Math.pow(1 - len / lt, 1.8);
  if (e > 1) e = 1;
  if (e < 0) e = 0;
  return e * q;
}

/** Flow captured by one on-grade inlet of design d (approach flow q, bypass depth y). */
function onGradeOne(g: Geometry, d: InletDesign, q: number, y: number): number {
  if (d.type === INLET_DROP_CURB) return Math.min(onSagOne(g, d, y), q);
  if (d.type === INLET_DROP_GRATE) return Math.min(grateCapture(g, d, q), q);
  g.t = flowSpread(g, q);
  if (d.type === INLET_SLOTTED) return Math.min(curbCapture(g, q, d.slotLengthFt), q);
  let q1 = q;
  let qc = 0;
  if (d.curbLengthFt > 0) {
    const sweep = d.curbLengthFt - d.grateLengthFt;
    if (sweep > 0) {
      qc = curbCapture(g, q1, sweep);
      q1 -= qc;
    }
  }
  if (d.grateLengthFt > 0 && q1 > 0) {
    if (q1 !== q) g.t = flowSpread(g, q1);
    qc += grateCapture(g, d, q1);
  }
  return qc;
}

function curbOrifice(di: number, h: number, len: number, throat: number): number {
  let head = di;
  if (throat === THROAT_HORIZONTAL) head = di - h / 2;
  else if (throat === THROAT_INCLINED) head = di - (h / 2) * 0.7071;
  return 0.67 * h * len * Math.sqrt(TWO_G * head); // Eq 4-31a
}

/**
 * Weir and orifice parts of an on-sag curb opening of length len at depth y, written to
 * g.qWeir / g.qOrif: weir flow up to the weir depth, orifice flow above 1.4·h, a linear
 * blend of the two end values in between.
 */
function sagCurb(g: Geometry, d: InletDesign, y: number, len: number): void {
  g.qWeir = 0;
  g.qOrif = 0;
  if (len <= 0) return;
  const h = d.curbHeightFt;
  if (d.type === INLET_DROP_CURB) len *= 4; // open on four sides
  const dOrif = 1.4 * h;
  if (y > dOrif) {
    g.qOrif = curbOrifice(y, h, len, d.throat);
    return;
  }
  let dWeir: number;
  let qWeir: number;
  if (g.a === 0 || len > 12) {
    dWeir = h;
    if (y < dWeir) {
      g.qWeir = 3.0 * len * Math.pow(y, 1.5); // Eq 4-30
      return;
    }
    qWeir = 3.0 * len * Math.pow(dWeir, 1.5);
  } else {
    const p = len + 1.8 * g.w;
    dWeir = h + g.a;
    if (y < dWeir) {
      g.qWeir = 2.3 * p * Math.pow(y, 1.5); // Eq 4-28
      return;
    }
    qWeir = 2.3 * p * Math.pow(dWeir, 1.5);
  }
  const r = (y - dWeir) / (dOrif - dWeir);
  g.qWeir = (1 - r) * qWeir;
  g.qOrif = r * curbOrifice(dOrif, h, len, d.throat);
}

/** Flow captured by one on-sag inlet of design d at bypass-node depth y (ft). */
function onSagOne(g: Geometry, d: InletDesign, y: number): number {
  if (d.slotLengthFt > 0) {
    const len = d.slotLengthFt;
    const w = d.slotWidthFt;
    // weir and orifice equations meet at y = 2.587·w
    return y <= 2.587 * w ? 2.48 * len * Math.pow(y, 1.5) : 0.8 * len * w * Math.sqrt(64.32 * y);
  }
  let grateWeir = 0;
  let grateOrif = 0;
  const lg = d.grateLengthFt;
  if (lg > 0) {
    let wg = d.grateWidthFt;
    let di: number;
    let p: number;
    if (d.type === INLET_DROP_GRATE) {
      di = y;
      p = 2 * (lg + wg);
    } else {
      if (y <= wg * g.sw) wg = y / g.sw; // spread narrower than the grate
      di = y - (wg / 2) * g.sw;
      p = lg + 2 * wg;
    }
    const ao = lg * wg * (d.grateType === GRATE_GENERIC ? d.grateOpenFrac : GRATE_OPEN_RATIO[d.grateType]!);
    if (y <= (1.79 * ao) / p) grateWeir = 3.0 * p * Math.pow(di, 1.5); // Eq 4-26
    else grateOrif = 0.67 * ao * Math.sqrt(TWO_G * di); // Eq 4-27
  }
  let curb = 0;
  if (d.curbLengthFt > 0) {
    const sweep = d.curbLengthFt - lg;
    if (sweep > 0) {
      sagCurb(g, d, y, sweep);
      curb += g.qWeir + g.qOrif;
    }
    // Beside a grate in orifice flow, the curb opening adds its orifice part only.
    if (grateOrif > 0) {
      sagCurb(g, d, y, lg);
      curb += g.qOrif;
    }
  }
  return grateWeir + grateOrif + curb;
}

function curveLookupEx(c: CurveTable, x: number): number {
  const xs = c.x;
  const ys = c.y;
  const n = xs.length;
  if (n === 0) return 0;
  let x1 = xs[0]!;
  let y1 = ys[0]!;
  if (x <= x1) return x1 > 0 ? (x / x1) * y1 : y1;
  let s = 0;
  for (let i = 1; i < n; i++) {
    const x2 = xs[i]!;
    const y2 = ys[i]!;
    if (x2 !== x1) s = (y2 - y1) / (x2 - x1);
    if (x <= x2) return x2 === x1 ? y1 : y1 + ((x - x1) / (x2 - x1)) * (y2 - y1);
    x1 = x2;
    y1 = y2;
  }
  if (s < 0) s = 0;
  return y1 + s * (x - x1);
}

function customCapture(st: InletState, net: Network, i: number, q: number, y: number): number {
  const d = st.designs[st.design[i]!]!;
  const num = st.numInlets[i]!;
  const qMax = st.flowLimitCfs[i]! > 0 ? st.flowLimitCfs[i]! : BIG;
  const j = st.link[i]!;
  const s = st.street[i];
  const sides = s && net.linkShape[j] === XS_STREET ? s.sides : 1;
  const c = net.curves[d.curve]!;
  const uf = net.ucf;
  let captured = 0;
  if (d.curveKind === CURVE_DIVERSION) {
    let bypassed = q / sides;
    for (let k = 1; k <= num; k++) {
      let dq = (st.clogFactor[i]! * curveLookupEx(c, bypassed * uf.flow)) / uf.flow;
      if (dq > qMax) dq = qMax;
      if (dq > bypassed) dq = bypassed;
      captured += dq;
      bypassed -= dq;
      if (bypassed < MIN_RUNOFF_FLOW_CFS) break;
    }
  } else if (d.curveKind === CURVE_RATING) {
    captured = (num * st.clogFactor[i]! * curveLookupEx(c, y * uf.length)) / uf.flow;
  }
  return captured * sides;
}

function onGradeCapture(st: InletState, net: Network, i: number, q: number, y: number): number {
  const num = st.numInlets[i]!;
  if (num === 0 || q < MIN_RUNOFF_FLOW_CFS) return 0;
  loadGeometry(st, net, i);
  const g = st.g;
  const d = st.designs[st.design[i]!]!;
  const qMax = st.flowLimitCfs[i]! > 0 ? st.flowLimitCfs[i]! : BIG;
  let bypassed = q / g.sides;
  let captured = 0;
  for (let k = 1; k <= num; k++) {
    let qc = onGradeOne(g, d, bypassed, y) * st.clogFactor[i]!;
    if (qc > qMax) qc = qMax;
    if (qc > bypassed) qc = bypassed;
    captured += qc;
    bypassed -= qc;
    if (bypassed < MIN_RUNOFF_FLOW_CFS) break;
  }
  return captured * g.sides;
}

function onSagCapture(st: InletState, net: Network, i: number, y: number): number {
  const num = st.numInlets[i]!;
  if (num === 0) return 0;
  // [as-is] SWMM 5.2.4 counts the street sides before loading this inlet's own geometry.
  const total = st.g.sides * num;
  loadGeometry(st, net, i);
  const d = st.designs[st.design[i]!]!;
  const qMax = st.flowLimitCfs[i]! > 0 ? st.flowLimitCfs[i]! : BIG;
  let qc = onSagOne(st.g, d, Math.abs(y)) * st.clogFactor[i]!;
  if (qc > qMax) qc = qMax;
  return qc * total;
}

function placementOf(st: InletState, net: Network, i: number, bypassNode: number): number {
  const p = st.placement[i]!;
  if (p !== PLACE_AUTOMATIC) return p;
  return net.nodeDegree[bypassNode]! > 0 ? PLACE_ON_GRADE : PLACE_ON_SAG;
}

/**
 * Move captured flow between nodes (call after every lateral inflow of the step has been
 * added, before routingExecuteStep). Changes net.nodeNewLatFlow only — inlet transfers are
 * internal to the system, so the mass balance totals are untouched. `stepEndDate` is the
 * date-time at the end of this routing step (statistics count after the report start).
 */
export function inletCaptureStep(st: InletState, net: Network, dtS: number, stepEndDate: number, reportStart: number): void {
  const dw = net.routeModel === ROUTE_DYNWAVE;
  const cap = st.nodeCaptured;
  cap.fill(0);
  if (!dw) {
    // Non-DW: each node's current inflow (positive lateral plus incoming link flows) limits on-sag capture.
    for (let m = 0; m < net.nNodes; m++) net.nodeInflow[m] = Math.max(0, net.nodeNewLatFlow[m]!);
    for (let j = 0; j < net.nLinks; j++) {
      const m = net.linkNode2[j]!;
      net.nodeInflow[m] = net.nodeInflow[m]! + Math.max(0, net.linkNewFlow[j]!);
    }
  }
  for (let i = 0; i < st.n; i++) {
    const j = st.link[i]!;
    const b = net.linkNode2[j]!;
    const y = net.nodeNewDepth[b]!;
    const d = st.designs[st.design[i]!]!;
    let qc: number;
    if (d.type === INLET_CUSTOM) qc = customCapture(st, net, i, Math.abs(net.linkNewFlow[j]!), y);
    else if (placementOf(st, net, i, b) === PLACE_ON_GRADE) qc = onGradeCapture(st, net, i, Math.abs(net.linkNewFlow[j]!), y);
    else qc = onSagCapture(st, net, i, y);
    if (Math.abs(qc) < FUDGE) qc = 0;
    st.flowCapture[i] = qc;
    cap[b] = cap[b]! + qc;
    // Last step's overflow at the capture node comes back through this inlet.
    let bf = net.nodeOverflow[st.captureNode[i]!]! * st.backflowRatio[i]!;
    if (Math.abs(bf) < FUDGE) bf = 0;
    st.backflow[i] = bf;
  }
  const stats = stepEndDate > reportStart;
  for (let i = 0; i < st.n; i++) {
    const j = st.link[i]!;
    const b = net.linkNode2[j]!;
    const m = st.captureNode[i]!;
    if (!dw && placementOf(st, net, i, b) === PLACE_ON_SAG) {
      // Non-DW on-sag capture cannot exceed what reaches the node plus what it stores.
      const avail = net.nodeNewVolume[b]! / dtS + Math.max(net.nodeInflow[b]!, 0);
      if (cap[b]! > avail) st.flowCapture[i] = st.flowCapture[i]! * (avail / cap[b]!);
    }
    net.nodeNewLatFlow[b] = net.nodeNewLatFlow[b]! - (st.flowCapture[i]! - st.backflow[i]!);
    net.nodeNewLatFlow[m] = net.nodeNewLatFlow[m]! + st.flowCapture[i]!;
    if (stats) updateStats(st, i, Math.abs(net.linkNewFlow[j]!));
  }
}

function updateStats(st: InletState, i: number, q: number): void {
  const qBack = st.backflow[i]!;
  const qNet = st.flowCapture[i]! - qBack;
  if (q < MIN_RUNOFF_FLOW_CFS && qBack <= 0) return;
  st.flowPeriods[i]!++;
  let fCapture = 0;
  if (qNet > 0) {
    st.capturePeriods[i]!++;
    fCapture = Math.min(qNet / q, 1);
    st.avgFlowCapture[i] = st.avgFlowCapture[i]! + fCapture;
    if (q - qNet > MIN_RUNOFF_FLOW_CFS) st.bypassFreq[i]!++;
  } else st.backflowPeriods[i]!++;
  if (q > st.peakFlow[i]!) {
    st.peakFlow[i] = q;
    st.peakFlowCapturePct[i] = fCapture * 100;
  }
}

/** Street Flow Summary rows (user units) for every STREET conduit, in link order. */
export function streetFlowSummary(
  st: InletState | null, net: Network, linkStreet: readonly (StreetParams | null)[], maxFlow: Float64Array, maxDepth: Float64Array,
): {
  id: string; peakFlow: number; maxSpread: number; maxDepth: number;
  inlet?: { design: string; location: 'ON-GRADE' | 'ON-SAG'; count: number; stats?: { peakFlowCapturePct: number; avgFlowCapturePct: number; bypassFreqPct: number; backflowFreqPct: number; peakCapturePerInlet: number; peakBypassFlow: number } | null } | null;
}[] {
  const u = net.ucf;
  const rows = [];
  for (let j = 0; j < net.nLinks; j++) {
    const s = linkStreet[j];
    const xs = net.linkXsect[j];
    if (!s || !xs || net.linkShape[j] !== XS_STREET) continue;
    const qMax = maxFlow[j]!;
    const yMax = maxDepth[j]!;
    const spread = Math.min(xsectWidthOfDepth(xs, yMax) / s.sides, s.tCrownFt);
    const row: ReturnType<typeof streetFlowSummary>[number] = { id: net.linkNames[j]!, peakFlow: qMax * u.flow, maxSpread: spread * u.length, maxDepth: yMax * u.length };
    const i = st ? st.inletOfLink[j]! : -1;
    if (st && i >= 0) {
      const place = placementOf(st, net, i, net.linkNode2[j]!);
      const num = st.numInlets[i]!;
      const inlet: NonNullable<typeof row.inlet> = {
        design: st.designs[st.design[i]!]!.name, location: place === PLACE_ON_GRADE ? 'ON-GRADE' : 'ON-SAG', count: num,
      };
      const fp = st.flowPeriods[i]! / 100;
      if (fp > 0) {
        const cp = st.capturePeriods[i]! / 100;
        const pfc = st.peakFlowCapturePct[i]!;
        inlet.stats = {
          peakFlowCapturePct: pfc,
          avgFlowCapturePct: cp > 0 ? st.avgFlowCapture[i]! / cp : 0,
          bypassFreqPct: cp > 0 ? st.bypassFreq[i]! / cp : 0,
          backflowFreqPct: st.backflowPeriods[i]! / fp,
          peakCapturePerInlet: ((qMax / s.sides) * u.flow * 0.01 * pfc) / num,
          peakBypassFlow: qMax * u.flow * 0.01 * (100 - pfc),
        };
      }
      row.inlet = inlet;
    }
    rows.push(row);
  }
  return rows;
}
