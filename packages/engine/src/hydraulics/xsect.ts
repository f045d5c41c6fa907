// Conduit cross-section geometry, reproducing SWMM 5.2 (engine-algorithms.md §7.3,
// Appendix A, and the section properties of §7.2).
//
// CONTRACT (other engine modules code against this; keep it stable)
// -----------------------------------------------------------------
// Units: everything is in SWMM's internal US units — ft, ft², cfs, ft/s.
//
//   XsectShape                      numeric shape codes (object of constants + type)
//   XSECT_SHAPE_NAMES[shape]        SWMM keyword of a shape ("CIRCULAR", ...)
//   parseShapeName(token)           keyword (case-insensitive) -> XsectShape | null
//   xsectShapeCode(token)           same, -1 if unknown; XS_<NAME> constants alias the codes
//   xsectIsOpen(shape)              true for open channels (Amax/Afull ratio >= 1)
//   createXsect(shape, g1, g2, g3, g4, opts?) -> Xsect | XsectError   (shape: code or keyword)
//       g1..g4 are the [XSECTIONS] Geom1..Geom4 values AS WRITTEN in the input
//       file; opts.ucfLength is the model's length factor (1 for US units, 0.3048
//       for SI: user length = ft × ucfLength). Length-valued geoms are divided by
//       it here, because which geoms are lengths depends on the shape (slopes,
//       exponents, side counts and standard size codes are not). Values already in
//       ft can be passed with ucfLength omitted (except SI ellipse/arch size codes
//       given in Geom1, which must be the raw number). IRREGULAR/STREET need
//       opts.transect, CUSTOM needs opts.shape or opts.shapeCurve.
//   Geometry (no allocation; safe in hot loops):
//     xsectAreaOfDepth(x, yFt)            A(y)
//     xsectWidthOfDepth(x, yFt)           top width W(y)
//     xsectHydRadOfDepth(x, yFt)          R(y)   (what dynamic wave uses)
//     xsectDepthOfArea(x, aFt2)           y(A)
//     xsectHydRadOfArea(x, aFt2)          R(A)
//     xsectSectionFactorOfArea(x, aFt2)   S(A) = A·R(A)^(2/3)
//     xsectAreaOfSectionFactor(x, s)      A(S) (kinematic wave / normal flow inverse)
//     xsectDSdA(x, aFt2)                  dS/dA
//     xsectCriticalDepth(x, qCfs)         yc for a per-barrel flow
//     xsectNormalDepth(x, qCfs, beta, qMaxCfs)  yn = y(A(min(q,qMax)/β))
//     xsectFroude(x, vFps, yFt)           Froude number as SWMM's link_getFroude
//     xsectSeepageWidth(x, yFt)           width used for conduit seepage (§7.14)
//     xsectSlotWidth(x, yFt)              Preissmann slot width (§7.7.4; caller checks SLOT option)
//
// Xsect holds the full-section properties (yFull, aFull, rFull, wMax, ywMax, sFull,
// sMax, aMax) plus shape parameters whose meaning depends on the shape (see the
// interface). For force mains, fmCoeff is Geom2 unconverted (Hazen-Williams C or
// Darcy-Weisbach roughness in inches/mm); the force-main friction code converts it.
// For FILLED_CIRCULAR, yBot is the filled depth (conduit offsets are raised by it,
// §7.2 step 1). For IRREGULAR, x.transect carries the channel roughness and meander.
//
// Behaviours flagged [as-is] in the digest are reproduced on purpose (they make our
// numbers match SWMM's): e.g. the inverse table lookup on S tables above Sfull, the
// RECT_ROUND R(y) below its rounded bottom, the filled-circle ywMax.

import {
  A_ARCH,
  A_BASKETHANDLE,
  A_CIRC,
  A_EGG,
  A_HORIZ_ELLIPSE,
  A_HORSESHOE,
  A_VERT_ELLIPSE,
  ARCH_AFULL_FT2,
  ARCH_RFULL_FT,
  ARCH_WMAX_IN,
  ARCH_YFULL_IN,
  ELLIPSE_AFULL_FT2,
  ELLIPSE_MAJOR_AXIS_IN,
  ELLIPSE_MINOR_AXIS_IN,
  ELLIPSE_RFULL_FT,
  R_ARCH,
  R_BASKETHANDLE,
  R_CIRC,
  R_EGG,
  R_HORIZ_ELLIPSE,
  R_HORSESHOE,
  R_VERT_ELLIPSE,
  S_BASKETHANDLE,
  S_CATENARY,
  S_CIRC,
  S_EGG,
  S_GOTHIC,
  S_HORSESHOE,
  S_SEMICIRC,
  S_SEMIELLIP,
  W_ARCH,
  W_BASKETHANDLE,
  W_CATENARY,
  W_CIRC,
  W_EGG,
  W_GOTHIC,
  W_HORIZ_ELLIPSE,
  W_HORSESHOE,
  W_SEMICIRC,
  W_SEMIELLIP,
  W_VERT_ELLIPSE,
  Y_BASKETHANDLE,
  Y_CATENARY,
  Y_CIRC,
  Y_EGG,
  Y_GOTHIC,
  Y_HORSESHOE,
  Y_SEMICIRC,
  Y_SEMIELLIP,
} from './xsect-tables.js';
import { buildShapeTable, type ShapeTable, type TransectTable } from './transect.js';

// ---------------------------------------------------------------------------
// Shapes

/** Cross-section shape codes. */
export const XsectShape = {
  DUMMY: 0,
  CIRCULAR: 1,
  FILLED_CIRCULAR: 2,
  RECT_CLOSED: 3,
  RECT_OPEN: 4,
  TRAPEZOIDAL: 5,
  TRIANGULAR: 6,
  PARABOLIC: 7,
  POWER: 8,
  RECT_TRIANGULAR: 9,
  RECT_ROUND: 10,
  MODBASKETHANDLE: 11,
  HORIZ_ELLIPSE: 12,
  VERT_ELLIPSE: 13,
  ARCH: 14,
  EGG: 15,
  HORSESHOE: 16,
  GOTHIC: 17,
  CATENARY: 18,
  SEMIELLIPTICAL: 19,
  BASKETHANDLE: 20,
  SEMICIRCULAR: 21,
  IRREGULAR: 22,
  CUSTOM: 23,
  FORCE_MAIN: 24,
  STREET: 25,
} as const;
export type XsectShape = (typeof XsectShape)[keyof typeof XsectShape];

/** SWMM keyword of each shape, indexed by shape code. */
export const XSECT_SHAPE_NAMES: readonly string[] = Object.freeze([
  'DUMMY',
  'CIRCULAR',
  'FILLED_CIRCULAR',
  'RECT_CLOSED',
  'RECT_OPEN',
  'TRAPEZOIDAL',
  'TRIANGULAR',
  'PARABOLIC',
  'POWER',
  'RECT_TRIANGULAR',
  'RECT_ROUND',
  'MODBASKETHANDLE',
  'HORIZ_ELLIPSE',
  'VERT_ELLIPSE',
  'ARCH',
  'EGG',
  'HORSESHOE',
  'GOTHIC',
  'CATENARY',
  'SEMIELLIPTICAL',
  'BASKETHANDLE',
  'SEMICIRCULAR',
  'IRREGULAR',
  'CUSTOM',
  'FORCE_MAIN',
  'STREET',
]);

/** Amax/Afull by shape code; a ratio >= 1 marks an open section (§7.3). */
const AMAX_RATIO: readonly number[] = Object.freeze([
  1.0, // DUMMY
  0.9756, // CIRCULAR
  0.9756, // FILLED_CIRCULAR
  0.97, // RECT_CLOSED
  1.0, // RECT_OPEN
  1.0, // TRAPEZOIDAL
  1.0, // TRIANGULAR
  1.0, // PARABOLIC
  1.0, // POWER
  0.98, // RECT_TRIANGULAR
  0.98, // RECT_ROUND
  0.96, // MODBASKETHANDLE
  0.96, // HORIZ_ELLIPSE
  0.96, // VERT_ELLIPSE
  0.92, // ARCH
  0.96, // EGG
  0.96, // HORSESHOE
  0.96, // GOTHIC
  0.98, // CATENARY
  0.98, // SEMIELLIPTICAL
  0.96, // BASKETHANDLE
  0.96, // SEMICIRCULAR
  1.0, // IRREGULAR
  0.96, // CUSTOM
  0.9756, // FORCE_MAIN
  1.0, // STREET
]);

/** Parse a SWMM shape keyword (case-insensitive, exact spelling). */
export function parseShapeName(token: string): XsectShape | null {
  const i = XSECT_SHAPE_NAMES.indexOf(token.trim().toUpperCase());
  return i < 0 ? null : (i as XsectShape);
}

/** Same as parseShapeName but -1 for an unknown keyword (handy for Int8Array columns). */
export function xsectShapeCode(token: string): XsectShape | -1 {
  const s = parseShapeName(token);
  return s === null ? -1 : s;
}

// Flat aliases of the shape codes, for modules that store codes in typed arrays.
export const XS_DUMMY = XsectShape.DUMMY;
export const XS_CIRCULAR = XsectShape.CIRCULAR;
export const XS_FILLED_CIRCULAR = XsectShape.FILLED_CIRCULAR;
export const XS_RECT_CLOSED = XsectShape.RECT_CLOSED;
export const XS_RECT_OPEN = XsectShape.RECT_OPEN;
export const XS_TRAPEZOIDAL = XsectShape.TRAPEZOIDAL;
export const XS_TRIANGULAR = XsectShape.TRIANGULAR;
export const XS_PARABOLIC = XsectShape.PARABOLIC;
export const XS_POWER = XsectShape.POWER;
export const XS_RECT_TRIANGULAR = XsectShape.RECT_TRIANGULAR;
export const XS_RECT_ROUND = XsectShape.RECT_ROUND;
export const XS_MODBASKETHANDLE = XsectShape.MODBASKETHANDLE;
export const XS_HORIZ_ELLIPSE = XsectShape.HORIZ_ELLIPSE;
export const XS_VERT_ELLIPSE = XsectShape.VERT_ELLIPSE;
export const XS_ARCH = XsectShape.ARCH;
export const XS_EGG = XsectShape.EGG;
export const XS_HORSESHOE = XsectShape.HORSESHOE;
export const XS_GOTHIC = XsectShape.GOTHIC;
export const XS_CATENARY = XsectShape.CATENARY;
export const XS_SEMIELLIPTICAL = XsectShape.SEMIELLIPTICAL;
export const XS_BASKETHANDLE = XsectShape.BASKETHANDLE;
export const XS_SEMICIRCULAR = XsectShape.SEMICIRCULAR;
export const XS_IRREGULAR = XsectShape.IRREGULAR;
export const XS_CUSTOM = XsectShape.CUSTOM;
export const XS_FORCE_MAIN = XsectShape.FORCE_MAIN;
export const XS_STREET = XsectShape.STREET;

/** True for open sections (their flow area never "fills"; no surcharge). */
export function xsectIsOpen(shape: XsectShape): boolean {
  return AMAX_RATIO[shape]! >= 1.0;
}

// ---------------------------------------------------------------------------
// Constants (SWMM's own values; §0.2)

const PI = 3.141592654;
const TINY = 1e-6;
const FUDGE = 0.0001;
const GRAVITY = 32.2;
/** Above these A/Afull the section factor is interpolated to Sfull (top friction). */
const RECT_ALFMAX = 0.97;
const RECT_TRIANG_ALFMAX = 0.98;
const RECT_ROUND_ALFMAX = 0.98;
/** Crown cutoff above which the Preissmann slot is used (§7.7.4). */
const SLOT_CROWN_CUTOFF = 0.985257;
const TWO_THIRDS = 2 / 3;

// ---------------------------------------------------------------------------
// Cross-section object

/**
 * A conduit cross section. Plain object of numbers (plus table references) so that
 * every instance has the same hidden class.
 *
 * Shape parameters yBot/aBot/sBot/rBot (unused ones are 0):
 *  - FILLED_CIRCULAR: yBot filled depth, aBot filled area, sBot width at the fill
 *    surface, rBot wetted perimeter of the filled arc.
 *  - RECT_OPEN: sBot = number of walls (0..2) left out of the wetted perimeter.
 *  - TRAPEZOIDAL: yBot bottom width, sBot mean side slope (run/rise),
 *    rBot = √(1+z1²) + √(1+z2²).
 *  - TRIANGULAR: sBot side slope z = T/(2H), rBot = √(1+z²).
 *  - PARABOLIC: rBot = c' = T/(2√H).
 *  - POWER: sBot = 1/exponent, rBot = c'.
 *  - RECT_TRIANGULAR: yBot triangle height, aBot triangle area, sBot side slope,
 *    rBot = √(1+z²).
 *  - RECT_ROUND: yBot depth of the rounded bottom, aBot its area, sBot section factor
 *    of a full circle of radius rBot, rBot bottom radius.
 *  - MODBASKETHANDLE: yBot height of the circular top, aBot its area, rBot top radius.
 */
export interface Xsect {
  shape: XsectShape;
  /** Same as shape (SWMM's field name). */
  type: XsectShape;
  /** Full depth (ft). */
  yFull: number;
  /** Full area (ft²). */
  aFull: number;
  /** Hydraulic radius at full depth (ft). */
  rFull: number;
  /** Maximum top width (ft). */
  wMax: number;
  /** Depth of maximum width (ft). */
  ywMax: number;
  /** Section factor A·R^(2/3) at full depth (force main: A·R^0.63). */
  sFull: number;
  /** Maximum section factor (>= sFull for closed shapes). */
  sMax: number;
  /** Area at which the section factor is maximal (ft²). */
  aMax: number;
  yBot: number;
  aBot: number;
  sBot: number;
  rBot: number;
  /** Open channel (no surcharge, no slot). */
  isOpen: boolean;
  /** FORCE_MAIN Geom2 as entered (H-W C, or D-W roughness in in / mm); 0 otherwise. */
  fmCoeff: number;
  /** Standard ellipse/arch size code (1-based), 0 for custom dimensions. */
  sizeCode: number;
  /** Relative tables: A/Af vs y/Y, R/Rf vs y/Y, W/Wmax vs y/Y, y/Y vs A/Af, S/Sf vs A/Af. */
  tblA: Float64Array | null;
  tblR: Float64Array | null;
  tblW: Float64Array | null;
  tblY: Float64Array | null;
  tblS: Float64Array | null;
  /** IRREGULAR / STREET section data (roughness, meander). */
  transect: TransectTable | null;
  /** CUSTOM unit-height shape. */
  shapeTable: ShapeTable | null;
  /**
   * One-entry memos of the circular-segment Newton solutions (pure functions of their
   * argument, so a hit returns bit-identical results). Kinematic wave evaluates S(A) and
   * dS/dA at the same area, and the next step restarts from the area whose depth was just
   * computed, so most small-area angle solutions repeat. NaN = empty.
   */
  memoAlpha: number;
  memoThetaOfAlpha: number;
  memoPsi: number;
  memoAlphaOfPsi: number;
  /** Last S/Sfull of a circle (kinematic wave starts each step's solve at the area whose S it just computed). */
  memoSAlpha: number;
  memoSRatio: number;
  /**
   * The generic A(S) root finder always starts at the middle of the same bracket, so its
   * first S and dS/dA are the same every call: kept here (area, S, dS/dA; NaN = empty).
   */
  memoGenA: number;
  memoGenS: number;
  memoGenDS: number;
}

export interface XsectError {
  error: string;
}

export function isXsectError(x: Xsect | XsectError): x is XsectError {
  return (x as XsectError).error !== undefined;
}

export interface XsectOptions {
  /** User length per ft: 1 (US, default) or 0.3048 (SI). */
  ucfLength?: number;
  /** Transect tables for IRREGULAR (and STREET) sections. */
  transect?: TransectTable;
  /** Prebuilt unit shape for CUSTOM sections (preferred; build once per curve). */
  shape?: ShapeTable;
  /** Shape curve (relative height x, relative width y) for CUSTOM sections; a
   *  prebuilt ShapeTable is also accepted here. */
  shapeCurve?: { x: ArrayLike<number>; y: ArrayLike<number> } | ShapeTable;
}

function blankXsect(shape: XsectShape): Xsect {
  return {
    shape,
    type: shape,
    yFull: 0,
    aFull: 0,
    rFull: 0,
    wMax: 0,
    ywMax: 0,
    sFull: 0,
    sMax: 0,
    aMax: 0,
    yBot: 0,
    aBot: 0,
    sBot: 0,
    rBot: 0,
    isOpen: xsectIsOpen(shape),
    fmCoeff: 0,
    sizeCode: 0,
    tblA: null,
    tblR: null,
    tblW: null,
    tblY: null,
    tblS: null,
    transect: null,
    shapeTable: null,
    memoAlpha: NaN,
    memoThetaOfAlpha: 0,
    memoPsi: NaN,
    memoAlphaOfPsi: 0,
    memoSAlpha: NaN,
    memoSRatio: 0,
    memoGenA: NaN,
    memoGenS: 0,
    memoGenDS: 0,
  };
}

/** Full-section coefficients of the standard rounded shapes (§7.3.7), per full height Y. */
interface RoundedShapeDef {
  a: number; // Af / Y²
  r: number; // Rf / Y
  w: number; // Wmax / Y
  sMaxRatio: number;
  yw: number; // depth of max width / Y
  tblA: Float64Array | null;
  tblR: Float64Array | null;
  tblW: Float64Array;
  tblY: Float64Array;
  tblS: Float64Array;
}

const ROUNDED: { readonly [shape: number]: RoundedShapeDef } = Object.freeze({
  [XsectShape.EGG]: { a: 0.5105, r: 0.1931, w: 2 / 3, sMaxRatio: 1.065, yw: 0.64, tblA: A_EGG, tblR: R_EGG, tblW: W_EGG, tblY: Y_EGG, tblS: S_EGG },
  [XsectShape.HORSESHOE]: { a: 0.8293, r: 0.2538, w: 1.0, sMaxRatio: 1.077, yw: 0.5, tblA: A_HORSESHOE, tblR: R_HORSESHOE, tblW: W_HORSESHOE, tblY: Y_HORSESHOE, tblS: S_HORSESHOE },
  [XsectShape.GOTHIC]: { a: 0.6554, r: 0.2269, w: 0.84, sMaxRatio: 1.065, yw: 0.45, tblA: null, tblR: null, tblW: W_GOTHIC, tblY: Y_GOTHIC, tblS: S_GOTHIC },
  [XsectShape.CATENARY]: { a: 0.70277, r: 0.23172, w: 0.9, sMaxRatio: 1.05, yw: 0.25, tblA: null, tblR: null, tblW: W_CATENARY, tblY: Y_CATENARY, tblS: S_CATENARY },
  [XsectShape.SEMIELLIPTICAL]: { a: 0.785, r: 0.242, w: 1.0, sMaxRatio: 1.045, yw: 0.15, tblA: null, tblR: null, tblW: W_SEMIELLIP, tblY: Y_SEMIELLIP, tblS: S_SEMIELLIP },
  [XsectShape.BASKETHANDLE]: { a: 0.7862, r: 0.2464, w: 0.944, sMaxRatio: 1.06078, yw: 0.2, tblA: A_BASKETHANDLE, tblR: R_BASKETHANDLE, tblW: W_BASKETHANDLE, tblY: Y_BASKETHANDLE, tblS: S_BASKETHANDLE },
  [XsectShape.SEMICIRCULAR]: { a: 1.2697, r: 0.2946, w: 1.64, sMaxRatio: 1.06637, yw: 0.15, tblA: null, tblR: null, tblW: W_SEMICIRC, tblY: Y_SEMICIRC, tblS: S_SEMICIRC },
});

function err(shape: XsectShape, msg: string): XsectError {
  return { error: `${XSECT_SHAPE_NAMES[shape]} cross section: ${msg}` };
}

function finiteAll(...v: number[]): boolean {
  for (const x of v) if (!Number.isFinite(x)) return false;
  return true;
}

/**
 * The circular segment of RECT_ROUND's rounded bottom and MODBASKETHANDLE's rounded top, spanning
 * width w with radius r (a radius under w/2 cannot span it and becomes a half circle): sets rBot,
 * aBot and yBot, and returns the segment's central angle.
 */
function setCircularSegment(x: Xsect, radius: number, w: number): number {
  const r = Math.max(radius, w / 2);
  const theta = 2 * Math.asin(w / 2 / r);
  x.rBot = r;
  x.aBot = ((r * r) / 2) * (theta - Math.sin(theta));
  x.yBot = r * (1 - Math.cos(theta / 2));
  return theta;
}

/**
 * Build a cross section from [XSECTIONS] Geom1..Geom4 (see the contract above for
 * units). Invalid geometry gives { error } naming the offending parameter.
 */
export function createXsect(
  shapeOrName: XsectShape | string,
  geom1: number,
  geom2 = 0,
  geom3 = 0,
  geom4 = 0,
  opts: XsectOptions = {},
): Xsect | XsectError {
  let shape: XsectShape;
  if (typeof shapeOrName === 'string') {
    const parsed = parseShapeName(shapeOrName);
    if (parsed === null) return { error: `unknown cross-section shape ${shapeOrName}` };
    shape = parsed;
  } else {
    if (!(shapeOrName >= 0 && shapeOrName < XSECT_SHAPE_NAMES.length)) {
      return { error: `unknown cross-section shape code ${String(shapeOrName)}` };
    }
    shape = shapeOrName;
  }
  const ucf = opts.ucfLength ?? 1;
  if (!(ucf > 0)) return err(shape, 'length conversion factor must be > 0');
  if (!finiteAll(geom1, geom2, geom3, geom4)) return err(shape, 'geometry values must be numbers');
  const x = blankXsect(shape);
  const g1 = geom1 / ucf;
  const g2 = geom2 / ucf;

  switch (shape) {
    case XsectShape.DUMMY:
      x.yFull = TINY;
      x.wMax = TINY;
      x.aFull = TINY;
      x.rFull = TINY;
      x.sFull = TINY;
      x.sMax = TINY;
      x.aMax = TINY;
      return x;

    case XsectShape.CIRCULAR:
    case XsectShape.FORCE_MAIN:
      if (!(geom1 > 0)) return err(shape, 'Geom1 (diameter) must be > 0');
      if (shape === XsectShape.FORCE_MAIN && geom2 < 0) return err(shape, 'Geom2 (roughness coefficient) must be >= 0');
      x.yFull = g1;
      x.wMax = g1;
      x.aFull = (PI / 4) * g1 * g1;
      x.rFull = 0.25 * g1;
      if (shape === XsectShape.FORCE_MAIN) {
        // Hazen-Williams style section factor for full-pipe force mains.
        x.sFull = x.aFull * Math.pow(x.rFull, 0.63);
        x.sMax = 1.06949 * x.sFull;
        x.fmCoeff = geom2;
      } else {
        x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
        x.sMax = 1.08 * x.sFull;
      }
      x.ywMax = 0.5 * g1;
      setCircleTables(x);
      break;

    case XsectShape.FILLED_CIRCULAR: {
      if (!(geom1 > 0)) return err(shape, 'Geom1 (diameter) must be > 0');
      if (geom2 < 0) return err(shape, 'Geom2 (filled depth) must be >= 0');
      if (!(geom2 < geom1)) return err(shape, 'Geom2 (filled depth) must be less than Geom1 (diameter)');
      const d = g1;
      const yb = g2;
      const aCircFull = (PI / 4) * d * d;
      x.yBot = yb;
      x.aBot = aCircFull * lookup(yb / d, A_CIRC);
      x.sBot = d * lookup(yb / d, W_CIRC);
      // Wetted perimeter of the filled arc from its area and hydraulic radius.
      x.rBot = x.aBot / (0.25 * d * lookup(yb / d, R_CIRC));
      x.aFull = aCircFull - x.aBot;
      x.rFull = x.aFull / (PI * d - x.rBot + x.sBot);
      x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
      x.sMax = 1.08 * x.sFull;
      x.wMax = d;
      x.yFull = d - yb;
      // [as-is] half of the reduced depth, not the depth of the true max width.
      x.ywMax = 0.5 * x.yFull;
      setCircleTables(x);
      break;
    }

    case XsectShape.RECT_CLOSED:
      if (!(geom1 > 0)) return err(shape, 'Geom1 (full height) must be > 0');
      if (!(geom2 > 0)) return err(shape, 'Geom2 (width) must be > 0');
      x.yFull = g1;
      x.wMax = g2;
      x.aFull = g1 * g2;
      x.rFull = x.aFull / (2 * (g1 + g2));
      x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
      x.ywMax = g1;
      {
        const aMax = RECT_ALFMAX * x.aFull;
        x.sMax = aMax * Math.pow(rectClosedRofA(x, aMax), TWO_THIRDS);
      }
      break;

    case XsectShape.RECT_OPEN:
      if (!(geom1 > 0)) return err(shape, 'Geom1 (full height) must be > 0');
      if (!(geom2 > 0)) return err(shape, 'Geom2 (width) must be > 0');
      if (geom3 < 0 || geom3 > 2) return err(shape, 'Geom3 (number of sides ignored for friction) must be 0, 1 or 2');
      x.yFull = g1;
      x.wMax = g2;
      x.sBot = geom3;
      x.aFull = g1 * g2;
      x.rFull = x.aFull / ((2 - x.sBot) * g1 + g2);
      x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
      x.sMax = x.sFull;
      x.ywMax = g1;
      break;

    case XsectShape.TRAPEZOIDAL:
      if (!(geom1 > 0)) return err(shape, 'Geom1 (full height) must be > 0');
      if (geom2 < 0) return err(shape, 'Geom2 (bottom width) must be >= 0');
      if (geom3 < 0) return err(shape, 'Geom3 (left side slope) must be >= 0');
      if (geom4 < 0) return err(shape, 'Geom4 (right side slope) must be >= 0');
      if (geom2 === 0 && geom3 + geom4 === 0) return err(shape, 'Geom2 (bottom width) and the side slopes cannot all be 0');
      x.yFull = g1;
      x.yBot = g2;
      x.sBot = 0.5 * (geom3 + geom4);
      x.rBot = Math.sqrt(1 + geom3 * geom3) + Math.sqrt(1 + geom4 * geom4);
      x.wMax = x.yBot + 2 * g1 * x.sBot;
      x.ywMax = g1;
      x.aFull = (x.yBot + x.sBot * g1) * g1;
      x.rFull = x.aFull / (x.yBot + g1 * x.rBot);
      x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
      x.sMax = x.sFull;
      break;

    case XsectShape.TRIANGULAR:
      if (!(geom1 > 0)) return err(shape, 'Geom1 (full height) must be > 0');
      if (!(geom2 > 0)) return err(shape, 'Geom2 (top width) must be > 0');
      x.yFull = g1;
      x.wMax = g2;
      x.ywMax = g1;
      x.sBot = g2 / g1 / 2;
      x.rBot = Math.sqrt(1 + x.sBot * x.sBot);
      x.aFull = (g1 * g2) / 2;
      x.rFull = x.aFull / (2 * g1 * x.rBot);
      x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
      x.sMax = x.sFull;
      break;

    case XsectShape.PARABOLIC:
      if (!(geom1 > 0)) return err(shape, 'Geom1 (full height) must be > 0');
      if (!(geom2 > 0)) return err(shape, 'Geom2 (top width) must be > 0');
      x.yFull = g1;
      x.wMax = g2;
      x.ywMax = g1;
      x.rBot = g2 / 2 / Math.sqrt(g1);
      x.aFull = (2 / 3) * g1 * g2;
      x.rFull = x.aFull / parabPofY(x, g1);
      x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
      x.sMax = x.sFull;
      break;

    case XsectShape.POWER:
      if (!(geom1 > 0)) return err(shape, 'Geom1 (full height) must be > 0');
      if (!(geom2 > 0)) return err(shape, 'Geom2 (top width) must be > 0');
      if (!(geom3 > 0)) return err(shape, 'Geom3 (exponent) must be > 0');
      x.yFull = g1;
      x.wMax = g2;
      x.ywMax = g1;
      x.sBot = 1 / geom3;
      x.rBot = g2 / (x.sBot + 1) / Math.pow(g1, x.sBot);
      x.aFull = (g1 * g2) / (x.sBot + 1);
      x.rFull = x.aFull / powerPofY(x, g1);
      x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
      x.sMax = x.sFull;
      break;

    case XsectShape.RECT_TRIANGULAR: {
      if (!(geom1 > 0)) return err(shape, 'Geom1 (full height) must be > 0');
      if (!(geom2 > 0)) return err(shape, 'Geom2 (top width) must be > 0');
      if (!(geom3 > 0)) return err(shape, 'Geom3 (triangle height) must be > 0');
      const yb = geom3 / ucf;
      if (yb > g1) return err(shape, 'Geom3 (triangle height) cannot exceed Geom1 (full height)');
      x.yFull = g1;
      x.wMax = g2;
      x.yBot = yb;
      x.aBot = (yb * g2) / 2;
      x.sBot = g2 / yb / 2;
      x.rBot = Math.sqrt(1 + x.sBot * x.sBot);
      x.aFull = g2 * (g1 - yb / 2);
      x.rFull = x.aFull / (2 * yb * x.rBot + 2 * (g1 - yb) + g2);
      x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
      x.ywMax = g1;
      const aMax = RECT_TRIANG_ALFMAX * x.aFull;
      x.sMax = aMax * Math.pow(rectTriangRofA(x, aMax), TWO_THIRDS);
      break;
    }

    case XsectShape.RECT_ROUND: {
      if (!(geom1 > 0)) return err(shape, 'Geom1 (full height) must be > 0');
      if (!(geom2 > 0)) return err(shape, 'Geom2 (width) must be > 0');
      if (geom3 < 0) return err(shape, 'Geom3 (bottom radius) must be >= 0');
      x.yFull = g1;
      x.wMax = g2;
      const theta = setCircularSegment(x, geom3 / ucf, g2);
      const r = x.rBot;
      x.sBot = PI * r * r * Math.pow(r / 2, TWO_THIRDS);
      if (x.yBot > g1) return err(shape, 'the rounded bottom (from Geom3, the bottom radius) is deeper than Geom1 (full height)');
      x.aFull = g2 * (g1 - x.yBot) + x.aBot;
      x.rFull = x.aFull / (r * theta + 2 * (g1 - x.yBot) + g2);
      x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
      x.ywMax = g1;
      const aMax = RECT_ROUND_ALFMAX * x.aFull;
      x.sMax = aMax * Math.pow(rectRoundRofA(x, aMax), TWO_THIRDS);
      break;
    }

    case XsectShape.MODBASKETHANDLE: {
      if (!(geom1 > 0)) return err(shape, 'Geom1 (full height) must be > 0');
      if (!(geom2 > 0)) return err(shape, 'Geom2 (base width) must be > 0');
      if (geom3 < 0) return err(shape, 'Geom3 (top radius) must be >= 0');
      x.yFull = g1;
      x.wMax = g2;
      const theta = setCircularSegment(x, geom3 / ucf, g2);
      const r = x.rBot;
      if (x.yBot > g1) return err(shape, 'the circular top (from Geom3, the top radius) is taller than Geom1 (full height)');
      x.aFull = (g1 - x.yBot) * g2 + x.aBot;
      x.rFull = x.aFull / (r * theta + g2 + 2 * (g1 - x.yBot));
      x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
      x.ywMax = g1 - x.yBot;
      const aMax = AMAX_RATIO[shape]! * x.aFull;
      x.sMax = aMax * Math.pow(modBasketRofA(x, aMax), TWO_THIRDS);
      break;
    }

    case XsectShape.HORIZ_ELLIPSE:
    case XsectShape.VERT_ELLIPSE:
    case XsectShape.ARCH: {
      const isArch = shape === XsectShape.ARCH;
      // Geom2 = 0 means Geom1 holds the standard size code (as entered, not converted).
      const codeVal = geom2 === 0 ? geom1 : geom3;
      if (codeVal > 0) {
        const code = Math.floor(codeVal);
        const nCodes = isArch ? ARCH_YFULL_IN.length : ELLIPSE_MINOR_AXIS_IN.length;
        if (code < 1 || code > nCodes) {
          return err(shape, `standard size code ${code} (Geom${geom2 === 0 ? 1 : 3}) must be between 1 and ${nCodes}`);
        }
        const i = code - 1;
        x.sizeCode = code;
        if (isArch) {
          x.yFull = ARCH_YFULL_IN[i]! / 12;
          x.wMax = ARCH_WMAX_IN[i]! / 12;
          x.aFull = ARCH_AFULL_FT2[i]!;
          x.rFull = ARCH_RFULL_FT[i]!;
        } else if (shape === XsectShape.HORIZ_ELLIPSE) {
          x.yFull = ELLIPSE_MINOR_AXIS_IN[i]! / 12;
          x.wMax = ELLIPSE_MAJOR_AXIS_IN[i]! / 12;
          x.aFull = ELLIPSE_AFULL_FT2[i]!;
          x.rFull = ELLIPSE_RFULL_FT[i]!;
        } else {
          x.yFull = ELLIPSE_MAJOR_AXIS_IN[i]! / 12;
          x.wMax = ELLIPSE_MINOR_AXIS_IN[i]! / 12;
          x.aFull = ELLIPSE_AFULL_FT2[i]!;
          x.rFull = ELLIPSE_RFULL_FT[i]!;
        }
      } else {
        if (!(geom1 > 0)) return err(shape, 'Geom1 (full height) must be > 0');
        if (!(geom2 > 0)) return err(shape, 'Geom2 (max width) must be > 0');
        x.yFull = g1;
        x.wMax = g2;
        if (isArch) {
          x.aFull = 0.7879 * g1 * g2;
          x.rFull = 0.2991 * g1;
        } else if (shape === XsectShape.HORIZ_ELLIPSE) {
          x.aFull = 1.2692 * g1 * g1;
          x.rFull = 0.3061 * g1;
        } else {
          // Vertical ellipse: the width is the minor axis the coefficients apply to.
          x.aFull = 1.2692 * g2 * g2;
          x.rFull = 0.3061 * g2;
        }
      }
      x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
      x.sMax = x.sFull;
      x.ywMax = (isArch ? 0.28 : 0.48) * x.yFull;
      if (isArch) {
        x.tblA = A_ARCH;
        x.tblR = R_ARCH;
        x.tblW = W_ARCH;
      } else if (shape === XsectShape.HORIZ_ELLIPSE) {
        x.tblA = A_HORIZ_ELLIPSE;
        x.tblR = R_HORIZ_ELLIPSE;
        x.tblW = W_HORIZ_ELLIPSE;
      } else {
        x.tblA = A_VERT_ELLIPSE;
        x.tblR = R_VERT_ELLIPSE;
        x.tblW = W_VERT_ELLIPSE;
      }
      break;
    }

    case XsectShape.EGG:
    case XsectShape.HORSESHOE:
    case XsectShape.GOTHIC:
    case XsectShape.CATENARY:
    case XsectShape.SEMIELLIPTICAL:
    case XsectShape.BASKETHANDLE:
    case XsectShape.SEMICIRCULAR: {
      if (!(geom1 > 0)) return err(shape, 'Geom1 (full height) must be > 0');
      const d = ROUNDED[shape]!;
      x.yFull = g1;
      x.aFull = d.a * g1 * g1;
      x.rFull = d.r * g1;
      x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
      x.sMax = d.sMaxRatio * x.sFull;
      x.wMax = d.w * g1;
      x.ywMax = d.yw * g1;
      x.tblA = d.tblA;
      x.tblR = d.tblR;
      x.tblW = d.tblW;
      x.tblY = d.tblY;
      x.tblS = d.tblS;
      break;
    }

    case XsectShape.IRREGULAR:
    case XsectShape.STREET: {
      const t = opts.transect;
      if (!t) {
        return shape === XsectShape.STREET
          ? err(shape, 'STREET cross sections need street geometry from [STREETS], which this engine does not support')
          : err(shape, 'Geom1 must name a transect defined in [TRANSECTS]');
      }
      x.transect = t;
      x.yFull = t.yFull;
      x.wMax = t.wMax;
      x.ywMax = t.ywMax;
      x.aFull = t.aFull;
      x.rFull = t.rFull;
      x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
      x.sMax = t.sMax;
      x.aMax = t.aMax;
      x.tblA = t.areaTbl;
      x.tblR = t.hradTbl;
      x.tblW = t.widthTbl;
      return x;
    }

    case XsectShape.CUSTOM: {
      if (!(geom1 > 0)) return err(shape, 'Geom1 (full height) must be > 0');
      let s = opts.shape;
      if (!s && opts.shapeCurve && 'areaTbl' in opts.shapeCurve) s = opts.shapeCurve;
      if (!s) {
        if (!opts.shapeCurve || !('x' in opts.shapeCurve)) return err(shape, 'Geom2 must name a SHAPE curve defined in [CURVES]');
        const built = buildShapeTable(opts.shapeCurve);
        if ('error' in built) return err(shape, built.error);
        s = built;
      }
      const y = g1;
      x.shapeTable = s;
      x.yFull = y;
      x.wMax = s.wMax * y;
      x.ywMax = s.ywMax * y;
      x.aFull = s.aFull * y * y;
      x.rFull = s.rFull * y;
      x.sFull = x.aFull * Math.pow(x.rFull, TWO_THIRDS);
      x.sMax = s.sMax * Math.pow(y, 8 / 3);
      x.aMax = s.aMax * y * y;
      x.tblA = s.areaTbl;
      x.tblR = s.hradTbl;
      x.tblW = s.widthTbl;
      return x;
    }

    default:
      return { error: `unknown cross-section shape code ${String(shape)}` };
  }
  x.aMax = AMAX_RATIO[shape]! * x.aFull;
  return x;
}

function setCircleTables(x: Xsect): void {
  x.tblA = A_CIRC;
  x.tblR = R_CIRC;
  x.tblW = W_CIRC;
  x.tblY = Y_CIRC;
  x.tblS = S_CIRC;
}

// ---------------------------------------------------------------------------
// Table lookups (§7.3.1)

/** Forward lookup of a relative table at x in [0, 1] (quadratic near 0). */
export function tableLookup(x: number, t: Float64Array): number {
  const n = t.length;
  const delta = 1 / (n - 1);
  if (!(x > 0)) x = 0;
  const i = Math.floor(x / delta);
  if (i >= n - 1) return t[n - 1]!;
  const x0 = i * delta;
  const x1 = (i + 1) * delta;
  let y = t[i]! + ((x - x0) * (t[i + 1]! - t[i]!)) / delta;
  if (i < 2) {
    // Curvature correction for the steep start of the tables.
    const y2 = y + (((x - x0) * (x - x1)) / (delta * delta)) * (t[i]! / 2 - t[i + 1]! + t[i + 2]! / 2);
    if (y2 > 0) y = y2;
  }
  return y < 0 ? 0 : y;
}
const lookup = tableLookup;

/** Spacing of the 51-entry circle tables: the same double tableLookup computes as 1/(n − 1). */
const CIRC_DELTA = 1 / 50;

/**
 * tableLookup specialised to the 51-entry circle tables: the same operations in the same
 * order (so the same doubles), with the table size and spacing as constants. Small enough
 * to be inlined into the circular fast paths below.
 */
function lookupCirc(x: number, t: Float64Array): number {
  if (!(x > 0)) x = 0;
  const i = Math.floor(x / CIRC_DELTA);
  if (i >= 50) return t[50]!;
  const x0 = i * CIRC_DELTA;
  let y = t[i]! + ((x - x0) * (t[i + 1]! - t[i]!)) / CIRC_DELTA;
  if (i < 2) {
    const x1 = (i + 1) * CIRC_DELTA;
    const y2 = y + (((x - x0) * (x - x1)) / (CIRC_DELTA * CIRC_DELTA)) * (t[i]! / 2 - t[i + 1]! + t[i + 2]! / 2);
    if (y2 > 0) y = y2;
  }
  return y < 0 ? 0 : y;
}

/** Inverse lookup: the x in [0, 1] at which the (increasing) table reaches y. */
export function tableInverseLookup(y: number, t: Float64Array): number {
  const nAll = t.length;
  const delta = 1 / (nAll - 1);
  let n = nAll;
  if (t[nAll - 3]! > t[nAll - 1]!) {
    // Table with a decreasing tail (S/Sfull). [as-is] anything above the last
    // entry maps to the position of the maximum.
    if (y > t[nAll - 1]!) return (nAll - 3) * delta;
    n = nAll - 2;
  }
  if (y >= t[n - 1]!) return (n - 1) * delta;
  let i = 0;
  if (y > t[0]!) {
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (y >= t[mid]!) lo = mid;
      else hi = mid;
    }
    i = lo;
  }
  const dy = t[i + 1]! - t[i]!;
  let x = i * delta;
  if (dy !== 0) x += ((y - t[i]!) / dy) * delta;
  if (x < 0) return 0;
  if (x > 1) return 1;
  return x;
}

// ---------------------------------------------------------------------------
// Circular-segment relations (§7.3.2); α = A/Afull, ψ = S/Sfull, θ central angle

/** θ(α), memoized on the section (see Xsect.memoAlpha). */
function thetaOfAlpha(x: Xsect, alpha: number): number {
  if (alpha === x.memoAlpha) return x.memoThetaOfAlpha;
  const theta = solveThetaOfAlpha(alpha);
  x.memoAlpha = alpha;
  x.memoThetaOfAlpha = theta;
  return theta;
}

function solveThetaOfAlpha(alpha: number): number {
  let theta = alpha > 0.04 ? 1.2 + (5.08 * (alpha - 0.04)) / 0.96 : 0.031715 - 12.79384 * alpha + 8.28479 * Math.sqrt(alpha);
  const theta1 = theta;
  const ap = 2 * PI * alpha;
  for (let k = 1; k <= 40; k++) {
    let d = -(ap - theta + Math.sin(theta)) / (1 - Math.cos(theta));
    // [as-is] only steps that decrease theta by more than 1 are limited.
    if (d > 1) d = 1;
    theta -= d;
    if (Math.abs(d) <= 0.0001) return theta;
  }
  return theta1;
}

function thetaOfPsi(psi: number): number {
  let theta: number;
  if (psi > 0.9) theta = 4.17 + (1.12 * (psi - 0.9)) / 0.176;
  else if (psi > 0.5) theta = 3.14 + (1.03 * (psi - 0.5)) / 0.4;
  else if (psi > 0.015) theta = 1.2 + (1.94 * (psi - 0.015)) / 0.485;
  else theta = 0.12103 - 55.5075 * psi + 15.62254 * Math.sqrt(psi);
  const theta1 = theta;
  const ap = 2 * PI * psi;
  for (let k = 1; k <= 40; k++) {
    theta = Math.abs(theta);
    const tt = theta - Math.sin(theta);
    const tt23 = Math.pow(tt, TWO_THIRDS);
    const t3 = Math.pow(theta, 1 / 3);
    // f(θ) = 2πψ·θ^(2/3) − (θ − sinθ)^(5/3) and its derivative
    const f = (ap * theta) / t3 - tt * tt23;
    const df = (ap * TWO_THIRDS) / t3 - (5 / 3) * tt23 * (1 - Math.cos(theta));
    const d = f / df;
    theta -= d;
    if (Math.abs(d) <= 0.0001) return theta;
  }
  return theta1;
}

/** y/D of a circle for α = A/Afull. */
function yCircular(x: Xsect, alpha: number): number {
  if (alpha >= 1) return 1;
  if (alpha <= 0) return 0;
  if (alpha <= 1e-5) {
    const theta = Math.pow(37.6911 * alpha, 1 / 3);
    return (theta * theta) / 16;
  }
  const theta = thetaOfAlpha(x, alpha);
  return (1 - Math.cos(theta / 2)) / 2;
}

/** S/Sfull of a circle for α = A/Afull. */
function sCircular(x: Xsect, alpha: number): number {
  if (alpha >= 1) return 1;
  if (alpha <= 0) return 0;
  if (alpha <= 1e-5) {
    const theta = Math.pow(37.6911 * alpha, 1 / 3);
    return Math.pow(theta, 13 / 3) / 124.4797;
  }
  if (alpha === x.memoSAlpha) return x.memoSRatio;
  const theta = thetaOfAlpha(x, alpha);
  const ratio = Math.pow(theta - Math.sin(theta), 5 / 3) / (2 * PI) / Math.pow(theta, TWO_THIRDS);
  x.memoSAlpha = alpha;
  x.memoSRatio = ratio;
  return ratio;
}

/** A/Afull of a circle for ψ = S/Sfull (rising branch), memoized on the section. */
function aCircular(x: Xsect, psi: number): number {
  if (psi >= 1) return 1;
  if (psi <= 0) return 0;
  if (psi === x.memoPsi) return x.memoAlphaOfPsi;
  let alpha: number;
  if (psi <= 1e-6) {
    const theta = Math.pow(124.4797 * psi, 3 / 13);
    alpha = (theta * theta * theta) / 37.6911;
  } else {
    const theta = thetaOfPsi(psi);
    alpha = (theta - Math.sin(theta)) / (2 * PI);
  }
  x.memoPsi = psi;
  x.memoAlphaOfPsi = alpha;
  return alpha;
}

/** y/D of a circle for α: analytic for small α, else the Y table. */
function circYRatioOfAlpha(x: Xsect, alpha: number): number {
  return alpha < 0.04 ? yCircular(x, alpha) : lookupCirc(alpha, Y_CIRC);
}

/** S/Sfull of a circle for α: analytic for small α, else the S table. */
function circSRatioOfAlpha(x: Xsect, alpha: number): number {
  return alpha < 0.04 ? sCircular(x, alpha) : lookupCirc(alpha, S_CIRC);
}

// ---------------------------------------------------------------------------
// Shape-specific helpers

function rectClosedRofA(x: Xsect, a: number): number {
  if (a <= 0) return 0;
  let p = x.wMax + (2 * a) / x.wMax;
  const alpha = a / x.aFull;
  // Top friction grows in as the water reaches the roof.
  if (alpha > RECT_ALFMAX) p += ((alpha - RECT_ALFMAX) / (1 - RECT_ALFMAX)) * x.wMax;
  return a / p;
}

function rectTriangRofA(x: Xsect, a: number): number {
  if (a <= 0) return 0;
  let p: number;
  if (a <= x.aBot) {
    const y = Math.sqrt(a / x.sBot);
    p = 2 * y * x.rBot;
  } else {
    const y = x.yBot + (a - x.aBot) / x.wMax;
    p = 2 * x.yBot * x.rBot + 2 * (y - x.yBot);
    const alpha = a / x.aFull;
    if (alpha > RECT_TRIANG_ALFMAX) p += ((alpha - RECT_TRIANG_ALFMAX) / (1 - RECT_TRIANG_ALFMAX)) * x.wMax;
  }
  return a / p;
}

function rectRoundYofA(x: Xsect, a: number): number {
  if (a > x.aBot) return x.yBot + (a - x.aBot) / x.wMax;
  // Within the rounded bottom: circle of diameter 2r relations.
  return 2 * x.rBot * circYRatioOfAlpha(x, a / (PI * x.rBot * x.rBot));
}

function rectRoundRofA(x: Xsect, a: number): number {
  if (a <= 0) return 0;
  const r = x.rBot;
  let p: number;
  if (a <= x.aBot) {
    const y1 = rectRoundYofA(x, a);
    const theta1 = 2 * Math.acos(clamp1(1 - y1 / r));
    p = r * theta1;
  } else {
    const theta = 2 * Math.asin(x.wMax / 2 / r);
    p = r * theta + (2 * (a - x.aBot)) / x.wMax;
    const alpha = a / x.aFull;
    if (alpha > RECT_ROUND_ALFMAX) p += ((alpha - RECT_ROUND_ALFMAX) / (1 - RECT_ROUND_ALFMAX)) * x.wMax;
  }
  return a / p;
}

function modBasketRofA(x: Xsect, a: number): number {
  if (a <= 0) return 0;
  let p: number;
  if (a <= x.aFull - x.aBot) {
    p = x.wMax + (2 * a) / x.wMax;
  } else {
    const r = x.rBot;
    const theta = 2 * Math.asin(x.wMax / 2 / r);
    const a1 = x.aFull - a;
    const theta1 = a1 > 0 ? thetaOfAlpha(x, a1 / (PI * r * r)) : 0;
    p = x.wMax + 2 * (x.yFull - x.yBot) + r * (theta - theta1);
  }
  return a / p;
}

function parabPofY(x: Xsect, y: number): number {
  const s = (2 * Math.sqrt(y)) / x.rBot;
  const t = Math.sqrt(1 + s * s);
  return 0.5 * x.rBot * x.rBot * (s * t + Math.log(s + t));
}

function powerPofY(x: Xsect, y: number): number {
  // Sum of chords of the half profile x = (m+1)c'/2·y^m in 0.02·Y steps, doubled.
  const dy1 = 0.02 * x.yFull;
  const h = ((x.sBot + 1) * x.rBot) / 2;
  const m = x.sBot;
  let p = 0;
  let y1 = 0;
  let x1 = 0;
  let y2: number;
  do {
    y2 = y1 + dy1;
    if (y2 > y) y2 = y;
    const x2 = h * Math.pow(y2, m);
    const dx = x2 - x1;
    const dy = y2 - y1;
    p += Math.sqrt(dx * dx + dy * dy);
    x1 = x2;
    y1 = y2;
  } while (y2 < y);
  return 2 * p;
}

function clamp1(v: number): number {
  return v > 1 ? 1 : v < -1 ? -1 : v;
}

/** Filled circle: area of the *unfilled* circle below height z above its invert. */
function fullCircleA(x: Xsect, z: number): number {
  const d = x.yFull + x.yBot;
  return (PI / 4) * d * d * lookup(z / d, A_CIRC);
}

// ---------------------------------------------------------------------------
// Geometry functions

/** Flow area (ft²) at depth y (ft). */
// Circular conduits are most of most networks: each geometry function tests for them first
// in a small body the optimizing compiler can inline into its callers (no call, no boxing of
// the double result). Shapes whose geometry is a plain lookup in their own relative tables
// (rounded shapes, transects, streets, custom shapes) get a second small path; everything
// else goes through the full switch. Same arithmetic on every path.

/** A(y) = Af·L(tblA), R(y) = Rf·L(tblR). */
const TAB_AR = 1;
/** W(y) = Wmax·L(tblW). */
const TAB_W = 2;
/** y(A) = Y·L⁻¹(tblA), R(A) = R(y(A)), S(A) = A·R(A)^(2/3). */
const TAB_INV_A = 4;
const TAB_FLAGS: Uint8Array = (() => {
  const f = new Uint8Array(32);
  const S = XsectShape;
  for (const sh of [S.EGG, S.HORSESHOE, S.BASKETHANDLE]) f[sh] = TAB_AR | TAB_W;
  for (const sh of [S.GOTHIC, S.CATENARY, S.SEMIELLIPTICAL, S.SEMICIRCULAR]) f[sh] = TAB_W;
  for (const sh of [S.HORIZ_ELLIPSE, S.VERT_ELLIPSE, S.ARCH, S.IRREGULAR, S.STREET, S.CUSTOM]) f[sh] = TAB_AR | TAB_W | TAB_INV_A;
  return f;
})();

export function xsectAreaOfDepth(x: Xsect, y: number): number {
  if (x.shape === XsectShape.CIRCULAR) {
    if (y <= 0) return 0;
    const yNorm = y / x.yFull;
    return yNorm >= 1 ? x.aFull : x.aFull * lookupCirc(yNorm, A_CIRC);
  }
  if ((TAB_FLAGS[x.shape]! & TAB_AR) !== 0) return y <= 0 ? 0 : x.aFull * lookup(y / x.yFull, x.tblA!);
  return areaOfDepthAny(x, y);
}

function areaOfDepthAny(x: Xsect, y: number): number {
  if (y <= 0) return 0;
  const yNorm = y / x.yFull;
  switch (x.shape) {
    case XsectShape.CIRCULAR:
    case XsectShape.FORCE_MAIN:
      if (yNorm >= 1) return x.aFull;
      return x.aFull * lookup(yNorm, A_CIRC);
    case XsectShape.FILLED_CIRCULAR:
      if (yNorm >= 1) return x.aFull;
      return fullCircleA(x, y + x.yBot) - x.aBot;
    case XsectShape.EGG:
    case XsectShape.HORSESHOE:
    case XsectShape.BASKETHANDLE:
    case XsectShape.HORIZ_ELLIPSE:
    case XsectShape.VERT_ELLIPSE:
    case XsectShape.ARCH:
    case XsectShape.IRREGULAR:
    case XsectShape.STREET:
    case XsectShape.CUSTOM:
      return x.aFull * lookup(yNorm, x.tblA!);
    case XsectShape.GOTHIC:
    case XsectShape.CATENARY:
    case XsectShape.SEMIELLIPTICAL:
    case XsectShape.SEMICIRCULAR:
      return x.aFull * tableInverseLookup(yNorm, x.tblY!);
    case XsectShape.RECT_CLOSED:
    case XsectShape.RECT_OPEN:
      return y * x.wMax;
    case XsectShape.RECT_TRIANGULAR:
      if (y <= x.yBot) return y * y * x.sBot;
      return x.aBot + (y - x.yBot) * x.wMax;
    case XsectShape.RECT_ROUND: {
      if (y <= x.yBot) {
        const r = x.rBot;
        const theta1 = 2 * Math.acos(clamp1(1 - y / r));
        return ((r * r) / 2) * (theta1 - Math.sin(theta1));
      }
      return x.aBot + (y - x.yBot) * x.wMax;
    }
    case XsectShape.MODBASKETHANDLE: {
      if (y <= x.yFull - x.yBot) return y * x.wMax;
      if (y >= x.yFull) return x.aFull;
      // Full area minus the empty circular segment above the water.
      const r = x.rBot;
      const y1 = x.yFull - y;
      const theta1 = 2 * Math.acos(clamp1(1 - y1 / r));
      return x.aFull - ((r * r) / 2) * (theta1 - Math.sin(theta1));
    }
    case XsectShape.TRAPEZOIDAL:
      return (x.yBot + x.sBot * y) * y;
    case XsectShape.TRIANGULAR:
      return y * y * x.sBot;
    case XsectShape.PARABOLIC:
      return (4 / 3) * x.rBot * y * Math.sqrt(y);
    case XsectShape.POWER:
      return x.rBot * Math.pow(y, x.sBot + 1);
    default:
      return 0;
  }
}

/** Top width (ft) at depth y (ft). */
export function xsectWidthOfDepth(x: Xsect, y: number): number {
  if (x.shape === XsectShape.CIRCULAR) return x.yFull * lookupCirc((y < 0 ? 0 : y) / x.yFull, W_CIRC);
  if ((TAB_FLAGS[x.shape]! & TAB_W) !== 0) return x.wMax * lookup((y < 0 ? 0 : y) / x.yFull, x.tblW!);
  return widthOfDepthAny(x, y);
}

function widthOfDepthAny(x: Xsect, y: number): number {
  if (y < 0) y = 0;
  const yNorm = y / x.yFull;
  switch (x.shape) {
    case XsectShape.CIRCULAR:
    case XsectShape.FORCE_MAIN:
      return x.yFull * lookup(yNorm, W_CIRC);
    case XsectShape.FILLED_CIRCULAR: {
      const d = x.yFull + x.yBot;
      return d * lookup((y + x.yBot) / d, W_CIRC);
    }
    case XsectShape.EGG:
    case XsectShape.HORSESHOE:
    case XsectShape.GOTHIC:
    case XsectShape.CATENARY:
    case XsectShape.SEMIELLIPTICAL:
    case XsectShape.BASKETHANDLE:
    case XsectShape.SEMICIRCULAR:
    case XsectShape.HORIZ_ELLIPSE:
    case XsectShape.VERT_ELLIPSE:
    case XsectShape.ARCH:
    case XsectShape.IRREGULAR:
    case XsectShape.STREET:
    case XsectShape.CUSTOM:
      return x.wMax * lookup(yNorm, x.tblW!);
    case XsectShape.RECT_CLOSED:
      // The roof closes the surface exactly at full depth.
      return yNorm === 1 ? 0 : x.wMax;
    case XsectShape.RECT_OPEN:
      return x.wMax;
    case XsectShape.RECT_TRIANGULAR:
      return y <= x.yBot ? 2 * x.sBot * y : x.wMax;
    case XsectShape.RECT_ROUND:
      return y <= x.yBot ? 2 * Math.sqrt(y * (2 * x.rBot - y)) : x.wMax;
    case XsectShape.MODBASKETHANDLE: {
      if (y <= x.yFull - x.yBot) return x.wMax;
      if (y >= x.yFull) return 0;
      const y1 = x.yFull - y;
      return 2 * Math.sqrt(y1 * (2 * x.rBot - y1));
    }
    case XsectShape.TRAPEZOIDAL:
      return x.yBot + 2 * y * x.sBot;
    case XsectShape.TRIANGULAR:
      return 2 * x.sBot * y;
    case XsectShape.PARABOLIC:
      return 2 * x.rBot * Math.sqrt(y);
    case XsectShape.POWER:
      return (x.sBot + 1) * x.rBot * Math.pow(y, x.sBot);
    default:
      return 0;
  }
}

/** Depth (ft) holding flow area a (ft²). */
export function xsectDepthOfArea(x: Xsect, a: number): number {
  if (x.shape === XsectShape.CIRCULAR) return a <= 0 ? 0 : x.yFull * circYRatioOfAlpha(x, a / x.aFull);
  if ((TAB_FLAGS[x.shape]! & TAB_INV_A) !== 0) return a <= 0 ? 0 : x.yFull * tableInverseLookup(a / x.aFull, x.tblA!);
  return depthOfAreaAny(x, a);
}

function depthOfAreaAny(x: Xsect, a: number): number {
  if (a <= 0) return 0;
  const alpha = a / x.aFull;
  switch (x.shape) {
    case XsectShape.CIRCULAR:
    case XsectShape.FORCE_MAIN:
      return x.yFull * circYRatioOfAlpha(x, alpha);
    case XsectShape.FILLED_CIRCULAR: {
      const d = x.yFull + x.yBot;
      return d * circYRatioOfAlpha(x, (a + x.aBot) / ((PI / 4) * d * d)) - x.yBot;
    }
    case XsectShape.EGG:
    case XsectShape.HORSESHOE:
    case XsectShape.GOTHIC:
    case XsectShape.CATENARY:
    case XsectShape.SEMIELLIPTICAL:
    case XsectShape.BASKETHANDLE:
    case XsectShape.SEMICIRCULAR:
      return x.yFull * lookup(alpha, x.tblY!);
    case XsectShape.HORIZ_ELLIPSE:
    case XsectShape.VERT_ELLIPSE:
    case XsectShape.ARCH:
    case XsectShape.IRREGULAR:
    case XsectShape.STREET:
    case XsectShape.CUSTOM:
      return x.yFull * tableInverseLookup(alpha, x.tblA!);
    case XsectShape.RECT_CLOSED:
    case XsectShape.RECT_OPEN:
      return a / x.wMax;
    case XsectShape.RECT_TRIANGULAR:
      if (a <= x.aBot) return Math.sqrt(a / x.sBot);
      return x.yBot + (a - x.aBot) / x.wMax;
    case XsectShape.RECT_ROUND:
      return rectRoundYofA(x, a);
    case XsectShape.MODBASKETHANDLE: {
      if (a <= x.aFull - x.aBot) return a / x.wMax;
      if (a >= x.aFull) return x.yFull;
      // Height of the empty circular segment at the top, from its area.
      const r = x.rBot;
      return x.yFull - 2 * r * circYRatioOfAlpha(x, (x.aFull - a) / (PI * r * r));
    }
    case XsectShape.TRAPEZOIDAL:
      if (x.sBot === 0) return a / x.yBot;
      return (Math.sqrt(x.yBot * x.yBot + 4 * x.sBot * a) - x.yBot) / (2 * x.sBot);
    case XsectShape.TRIANGULAR:
      return Math.sqrt(a / x.sBot);
    case XsectShape.PARABOLIC:
      return Math.pow((0.75 * a) / x.rBot, TWO_THIRDS);
    case XsectShape.POWER:
      return Math.pow(a / x.rBot, 1 / (x.sBot + 1));
    default:
      return 0;
  }
}

/** Hydraulic radius (ft) for flow area a (ft²). */
export function xsectHydRadOfArea(x: Xsect, a: number): number {
  if ((TAB_FLAGS[x.shape]! & TAB_INV_A) !== 0) return a <= 0 ? 0 : tabHydRadOfArea(x, a);
  return hydRadOfAreaAny(x, a);
}

/** R(y(A)) of a TAB_INV_A shape, a > 0. */
function tabHydRadOfArea(x: Xsect, a: number): number {
  const y = x.yFull * tableInverseLookup(a / x.aFull, x.tblA!);
  return y <= 0 ? 0 : x.rFull * lookup(y / x.yFull, x.tblR!);
}

function hydRadOfAreaAny(x: Xsect, a: number): number {
  if (a <= 0) return 0;
  switch (x.shape) {
    case XsectShape.DUMMY:
      return 0;
    case XsectShape.HORIZ_ELLIPSE:
    case XsectShape.VERT_ELLIPSE:
    case XsectShape.ARCH:
    case XsectShape.IRREGULAR:
    case XsectShape.STREET:
    case XsectShape.FILLED_CIRCULAR:
    case XsectShape.CUSTOM:
      return xsectHydRadOfDepth(x, xsectDepthOfArea(x, a));
    case XsectShape.RECT_CLOSED:
      return rectClosedRofA(x, a);
    case XsectShape.RECT_OPEN:
      return a / (x.wMax + ((2 - x.sBot) * a) / x.wMax);
    case XsectShape.RECT_TRIANGULAR:
      return rectTriangRofA(x, a);
    case XsectShape.RECT_ROUND:
      return rectRoundRofA(x, a);
    case XsectShape.MODBASKETHANDLE:
      return modBasketRofA(x, a);
    case XsectShape.TRAPEZOIDAL:
      return a / (x.yBot + xsectDepthOfArea(x, a) * x.rBot);
    case XsectShape.TRIANGULAR:
      return a / (2 * xsectDepthOfArea(x, a) * x.rBot);
    case XsectShape.PARABOLIC:
      return a / parabPofY(x, xsectDepthOfArea(x, a));
    case XsectShape.POWER:
      return a / powerPofY(x, xsectDepthOfArea(x, a));
    default: {
      // Shapes whose section factor is tabulated: R from S = A·R^(2/3).
      const s = xsectSectionFactorOfArea(x, a);
      if (s < TINY || a < TINY) return 0;
      return Math.pow(s / a, 1.5);
    }
  }
}

/** Hydraulic radius (ft) at depth y (ft). */
export function xsectHydRadOfDepth(x: Xsect, y: number): number {
  if (x.shape === XsectShape.CIRCULAR) return y <= 0 ? 0 : x.rFull * lookupCirc(y / x.yFull, R_CIRC);
  if ((TAB_FLAGS[x.shape]! & TAB_AR) !== 0) return y <= 0 ? 0 : x.rFull * lookup(y / x.yFull, x.tblR!);
  return hydRadOfDepthAny(x, y);
}

function hydRadOfDepthAny(x: Xsect, y: number): number {
  if (y <= 0) return 0;
  const yNorm = y / x.yFull;
  switch (x.shape) {
    case XsectShape.DUMMY:
      return 0;
    case XsectShape.CIRCULAR:
    case XsectShape.FORCE_MAIN:
      return x.rFull * lookup(yNorm, R_CIRC);
    case XsectShape.FILLED_CIRCULAR: {
      if (x.yBot === 0) return x.rFull * lookup(yNorm, R_CIRC);
      const d = x.yFull + x.yBot;
      const z = (y + x.yBot) / d;
      const aCirc = (PI / 4) * d * d * lookup(z, A_CIRC);
      const pCirc = aCirc / (0.25 * d * lookup(z, R_CIRC));
      return (aCirc - x.aBot) / (pCirc - x.rBot + x.sBot);
    }
    case XsectShape.EGG:
    case XsectShape.HORSESHOE:
    case XsectShape.BASKETHANDLE:
    case XsectShape.HORIZ_ELLIPSE:
    case XsectShape.VERT_ELLIPSE:
    case XsectShape.ARCH:
    case XsectShape.IRREGULAR:
    case XsectShape.STREET:
    case XsectShape.CUSTOM:
      return x.rFull * lookup(yNorm, x.tblR!);
    case XsectShape.RECT_ROUND:
      if (y <= x.yBot) {
        const theta1 = 2 * Math.acos(clamp1(1 - y / x.rBot));
        // y so small that 1 − y/r rounds to 1
        if (theta1 === 0) return 0;
        // [as-is] SWMM's mis-parenthesized radius of a circular segment.
        return (0.5 * x.rBot * (1 - Math.sin(theta1))) / theta1;
      }
      return rectRoundRofA(x, xsectAreaOfDepth(x, y));
    default:
      return xsectHydRadOfArea(x, xsectAreaOfDepth(x, y));
  }
}

/** Section factor S = A·R^(2/3) (ft^(8/3)) for flow area a (ft²). */
export function xsectSectionFactorOfArea(x: Xsect, a: number): number {
  if (x.shape === XsectShape.CIRCULAR) return x.sFull * circSRatioOfAlpha(x, a / x.aFull);
  if ((TAB_FLAGS[x.shape]! & TAB_INV_A) !== 0) {
    if (a <= 0) return 0;
    const r = tabHydRadOfArea(x, a);
    return r < TINY ? 0 : a * Math.pow(r, TWO_THIRDS);
  }
  return sectionFactorOfAreaAny(x, a);
}

function sectionFactorOfAreaAny(x: Xsect, a: number): number {
  switch (x.shape) {
    case XsectShape.DUMMY:
      return 0;
    case XsectShape.CIRCULAR:
    case XsectShape.FORCE_MAIN:
      return x.sFull * circSRatioOfAlpha(x, a / x.aFull);
    case XsectShape.EGG:
    case XsectShape.HORSESHOE:
    case XsectShape.GOTHIC:
    case XsectShape.CATENARY:
    case XsectShape.SEMIELLIPTICAL:
    case XsectShape.BASKETHANDLE:
    case XsectShape.SEMICIRCULAR:
      return x.sFull * lookup(a / x.aFull, x.tblS!);
    case XsectShape.RECT_CLOSED:
      return topInterpolatedS(x, a, RECT_ALFMAX);
    case XsectShape.RECT_TRIANGULAR:
      return topInterpolatedS(x, a, RECT_TRIANG_ALFMAX);
    case XsectShape.RECT_ROUND: {
      if (a / x.aFull > RECT_ROUND_ALFMAX) return topInterpolatedS(x, a, RECT_ROUND_ALFMAX);
      if (a <= 0) return 0;
      if (a <= x.aBot) return x.sBot * circSRatioOfAlpha(x, a / (PI * x.rBot * x.rBot));
      return a * Math.pow(rectRoundRofA(x, a), TWO_THIRDS);
    }
    default: {
      if (a <= 0) return 0;
      const r = xsectHydRadOfArea(x, a);
      if (r < TINY) return 0;
      return a * Math.pow(r, TWO_THIRDS);
    }
  }
}

/** Near the roof of rectangular-topped shapes S runs linearly from Smax to Sfull. */
function topInterpolatedS(x: Xsect, a: number, alfMax: number): number {
  const alpha = a / x.aFull;
  if (alpha > alfMax) return x.sMax + ((x.sFull - x.sMax) * (alpha - alfMax)) / (1 - alfMax);
  if (a <= 0) return 0;
  const r = xsectHydRadOfArea(x, a);
  if (r < TINY) return 0;
  return a * Math.pow(r, TWO_THIRDS);
}

/** dS/dA (ft^(2/3)) at flow area a (ft²). */
export function xsectDSdA(x: Xsect, a: number): number {
  switch (x.shape) {
    case XsectShape.DUMMY:
      return 0;
    case XsectShape.CIRCULAR:
    case XsectShape.FORCE_MAIN: {
      const alpha = a / x.aFull;
      if (alpha <= 1e-30) return 1e-30;
      if (alpha < 0.04) {
        const theta = thetaOfAlpha(x, alpha);
        const p = (theta * x.yFull) / 2;
        const r = a / p;
        const dPdA = 4 / x.yFull / (1 - Math.cos(theta));
        return (5 / 3 - TWO_THIRDS * dPdA * r) * Math.pow(r, TWO_THIRDS);
      }
      return tabularDSdA(x, a, S_CIRC);
    }
    case XsectShape.EGG:
    case XsectShape.HORSESHOE:
    case XsectShape.GOTHIC:
    case XsectShape.CATENARY:
    case XsectShape.SEMIELLIPTICAL:
    case XsectShape.BASKETHANDLE:
    case XsectShape.SEMICIRCULAR:
      return tabularDSdA(x, a, x.tblS!);
    case XsectShape.RECT_CLOSED: {
      const alpha = a / x.aFull;
      if (alpha > RECT_ALFMAX) return (x.sFull - x.sMax) / ((1 - RECT_ALFMAX) * x.aFull);
      if (alpha <= 1e-30) return genericDSdA(x, a);
      return analyticDSdA(rectClosedRofA(x, a), 2 / x.wMax);
    }
    case XsectShape.RECT_OPEN: {
      if (a / x.aFull <= 1e-30) return genericDSdA(x, a);
      const r = a / (x.wMax + ((2 - x.sBot) * a) / x.wMax);
      return analyticDSdA(r, (2 - x.sBot) / x.wMax);
    }
    case XsectShape.RECT_TRIANGULAR: {
      const alpha = a / x.aFull;
      if (alpha > RECT_TRIANG_ALFMAX) return (x.sFull - x.sMax) / ((1 - RECT_TRIANG_ALFMAX) * x.aFull);
      if (alpha <= 1e-30) return genericDSdA(x, a);
      const dPdA = a <= x.aBot ? x.rBot / Math.sqrt(a * x.sBot) : 2 / x.wMax;
      return analyticDSdA(rectTriangRofA(x, a), dPdA);
    }
    case XsectShape.RECT_ROUND: {
      const alpha = a / x.aFull;
      if (alpha > RECT_ROUND_ALFMAX) return (x.sFull - x.sMax) / ((1 - RECT_ROUND_ALFMAX) * x.aFull);
      if (a <= x.aBot) return genericDSdA(x, a);
      return analyticDSdA(rectRoundRofA(x, a), 2 / x.wMax);
    }
    case XsectShape.MODBASKETHANDLE: {
      if (a / x.aFull > 1e-30 && a <= x.aFull - x.aBot) {
        return analyticDSdA(a / (x.wMax + (2 * a) / x.wMax), 2 / x.wMax);
      }
      return genericDSdA(x, a);
    }
    case XsectShape.TRAPEZOIDAL: {
      if (a / x.aFull <= 1e-30) return genericDSdA(x, a);
      const dPdA = x.rBot / Math.sqrt(x.yBot * x.yBot + 4 * x.sBot * a);
      return analyticDSdA(xsectHydRadOfArea(x, a), dPdA);
    }
    case XsectShape.TRIANGULAR: {
      if (a / x.aFull <= 1e-30) return genericDSdA(x, a);
      const dPdA = x.rBot / Math.sqrt(a * x.sBot);
      return analyticDSdA(xsectHydRadOfArea(x, a), dPdA);
    }
    default:
      return genericDSdA(x, a);
  }
}

/** dS/dA = (5/3 − (2/3)·(dP/dA)·R)·R^(2/3). */
function analyticDSdA(r: number, dPdA: number): number {
  return (5 / 3 - TWO_THIRDS * dPdA * r) * Math.pow(r, TWO_THIRDS);
}

function tabularDSdA(x: Xsect, a: number, t: Float64Array): number {
  const n = t.length;
  const delta = 1 / (n - 1);
  const alpha = a / x.aFull;
  let i = Math.floor(alpha / delta);
  if (i >= n - 1) i = n - 2;
  if (i < 0) i = 0;
  return (((t[i + 1]! - t[i]!) / delta) * x.sFull) / x.aFull;
}

/** Central difference over ±0.001·Afull (one-sided at the bottom). */
function genericDSdA(x: Xsect, a: number): number {
  const alpha = a / x.aFull;
  let alpha1 = alpha - 0.001;
  const alpha2 = alpha + 0.001;
  if (alpha1 < 0) alpha1 = 0;
  const a1 = alpha1 * x.aFull;
  const a2 = alpha2 * x.aFull;
  return (xsectSectionFactorOfArea(x, a2) - xsectSectionFactorOfArea(x, a1)) / (a2 - a1);
}

/**
 * Flow area (ft²) whose section factor is s (ft^(8/3)). For closed shapes where
 * Sfull <= s <= Smax the root on the upper branch (between Amax and Afull) is
 * returned, as SWMM does; s above Smax gives the area of maximum S.
 */
export function xsectAreaOfSectionFactor(x: Xsect, s: number): number {
  if (x.shape === XsectShape.CIRCULAR) {
    if (s <= 0) return 0;
    const psi = s / x.sFull;
    if (psi >= 1) return x.aFull;
    if (psi <= 0.015) return x.aFull * aCircular(x, psi);
    return x.aFull * tableInverseLookup(psi, S_CIRC);
  }
  return areaOfSectionFactorAny(x, s);
}

function areaOfSectionFactorAny(x: Xsect, s: number): number {
  if (s <= 0) return 0;
  const psi = s / x.sFull;
  switch (x.shape) {
    case XsectShape.DUMMY:
      return 0;
    case XsectShape.CIRCULAR:
    case XsectShape.FORCE_MAIN:
      if (psi >= 1) return x.aFull;
      if (psi <= 0.015) return x.aFull * aCircular(x, psi);
      return x.aFull * tableInverseLookup(psi, S_CIRC);
    case XsectShape.EGG:
    case XsectShape.HORSESHOE:
    case XsectShape.GOTHIC:
    case XsectShape.CATENARY:
    case XsectShape.SEMIELLIPTICAL:
    case XsectShape.BASKETHANDLE:
    case XsectShape.SEMICIRCULAR:
      return x.aFull * tableInverseLookup(psi, x.tblS!);
    default:
      return genericAofS(x, s);
  }
}

const NEWTON_MAXIT = 60;

/** Newton-Raphson with a bisection safeguard on S(A) − s (§7.3.10). */
function genericAofS(x: Xsect, s: number): number {
  if (s > x.sMax) s = x.sMax;
  let a1: number;
  const a2 = x.aMax;
  if (s >= x.sFull && s <= x.sMax && x.sMax !== x.sFull) {
    // Upper branch: S falls from Smax (at Amax) to Sfull (at Afull). The bracket is
    // ordered so that S(a) − s < 0 at a1, as the safeguard expects.
    a1 = x.aFull;
  } else {
    a1 = 0;
  }
  const tol = 0.0001 * x.aFull;
  let xlo = a1;
  let xhi = a2;
  let a = 0.5 * (a1 + a2);
  let dxOld = Math.abs(a2 - a1);
  let dx = dxOld;
  if (a !== x.memoGenA) {
    x.memoGenS = xsectSectionFactorOfArea(x, a);
    x.memoGenDS = xsectDSdA(x, a);
    x.memoGenA = a;
  }
  let f = x.memoGenS - s;
  let df = x.memoGenDS;
  let n = 1;
  while (n <= NEWTON_MAXIT) {
    if (((a - xhi) * df - f) * ((a - xlo) * df - f) >= 0 || Math.abs(2 * f) > Math.abs(dxOld * df)) {
      // Newton would leave the bracket or is converging too slowly: bisect.
      dxOld = dx;
      dx = 0.5 * (xhi - xlo);
      a = xlo + dx;
      if (xlo === a) break;
    } else {
      dxOld = dx;
      dx = f / df;
      const prev = a;
      a -= dx;
      if (prev === a) break;
    }
    if (Math.abs(dx) < tol) break;
    f = xsectSectionFactorOfArea(x, a) - s;
    df = xsectDSdA(x, a);
    n++;
    if (f < 0) xlo = a;
    else xhi = a;
  }
  return a;
}

// ---------------------------------------------------------------------------
// Critical depth, normal depth, Froude number (§7.3.10)

/** Critical flow Q = A·√(g·A/W) at depth y. */
function criticalFlow(x: Xsect, y: number): number {
  const a = xsectAreaOfDepth(x, y);
  const w = xsectWidthOfDepth(x, y);
  return w > 0 ? a * Math.sqrt((GRAVITY * a) / w) : 0;
}

/** Critical depth (ft) for a per-barrel flow q (cfs); never above yFull. */
export function xsectCriticalDepth(x: Xsect, q: number): number {
  const q2g = (q * q) / GRAVITY;
  if (q2g === 0) return 0;
  let y: number;
  switch (x.shape) {
    case XsectShape.DUMMY:
      return 0;
    case XsectShape.RECT_OPEN:
    case XsectShape.RECT_CLOSED:
      y = Math.pow(q2g / (x.wMax * x.wMax), 1 / 3);
      break;
    case XsectShape.TRIANGULAR:
      y = Math.pow((2 * q2g) / (x.sBot * x.sBot), 1 / 5);
      break;
    case XsectShape.PARABOLIC:
      y = Math.pow(((27 / 32) * q2g) / (x.rBot * x.rBot), 1 / 4);
      break;
    case XsectShape.POWER:
      y = Math.pow((q2g * (x.sBot + 1)) / (x.rBot * x.rBot), 1 / (2 * x.sBot + 3));
      break;
    default: {
      // Start from the critical depth of a circular pipe of the same height.
      let y0 = 1.01 * Math.pow(q2g / x.yFull, 1 / 4);
      if (y0 >= x.yFull) y0 = 0.97 * x.yFull;
      const r = x.aFull / ((PI / 4) * x.yFull * x.yFull);
      y = r >= 0.5 && r <= 2 ? yCritEnum(x, q, y0) : yCritRidder(x, q, y0);
    }
  }
  return y < x.yFull ? y : x.yFull;
}

/** Scan 25 depth increments from the starting guess and interpolate. */
function yCritEnum(x: Xsect, q: number, y0: number): number {
  const dy = x.yFull / 25;
  const i1 = Math.floor(y0 / dy);
  let qc = criticalFlow(x, i1 * dy);
  if (qc >= q) {
    let yc = dy;
    for (let i = i1 - 1; i > 0; i--) {
      const q0 = qc;
      qc = criticalFlow(x, i * dy);
      if (qc < q) {
        yc = ((q - qc) / (q0 - qc)) * dy + i * dy;
        break;
      }
    }
    return yc;
  }
  let yc = x.yFull;
  for (let i = i1 + 1; i <= 25; i++) {
    const q0 = qc;
    qc = criticalFlow(x, i * dy);
    if (qc >= q) {
      yc = ((q - q0) / (qc - q0)) * dy + (i - 1) * dy;
      break;
    }
  }
  return yc;
}

/**
 * Ridder's method on Qc(y) − q, tolerance 0.001 ft. As SWMM, the bracket [0, 0.99·yFull] is
 * first narrowed with the starting guess y0 and half the full depth — with a loose tolerance
 * the bracket decides the answer, so a tiny flow in a wide shallow section (a street) needs
 * the narrow one.
 */
function yCritRidder(x: Xsect, q: number, y0: number): number {
  let xlo = 0;
  let xhi = 0.99 * x.yFull;
  if (criticalFlow(x, xhi) < q) return x.yFull;
  const yHalf = 0.5 * x.yFull;
  const qHalf = criticalFlow(x, yHalf);
  if (criticalFlow(x, y0) > q) {
    xhi = y0;
    if (qHalf < q) xlo = yHalf;
  } else {
    xlo = y0;
    if (qHalf > q) xhi = yHalf;
  }
  let flo = criticalFlow(x, xlo) - q;
  let fhi = criticalFlow(x, xhi) - q;
  if (flo === 0) return xlo;
  if (fhi === 0) return xhi;
  let ans = 0.5 * (xlo + xhi);
  if (!((flo > 0 && fhi < 0) || (flo < 0 && fhi > 0))) return -1e20;
  const tol = 0.001;
  for (let j = 1; j <= NEWTON_MAXIT; j++) {
    const xm = 0.5 * (xlo + xhi);
    const fm = criticalFlow(x, xm) - q;
    const sq = Math.sqrt(fm * fm - flo * fhi);
    if (sq === 0) return ans;
    const xNew = xm + ((xm - xlo) * (flo >= fhi ? 1 : -1) * fm) / sq;
    // Converged: SWMM keeps the previous estimate, not the new one.
    if (Math.abs(xNew - ans) <= tol) return ans;
    ans = xNew;
    const fNew = criticalFlow(x, ans) - q;
    if (sameSign(fm, fNew) !== fm) {
      xlo = xm;
      flo = fm;
      xhi = ans;
      fhi = fNew;
    } else if (sameSign(flo, fNew) !== flo) {
      xhi = ans;
      fhi = fNew;
    } else if (sameSign(fhi, fNew) !== fhi) {
      xlo = ans;
      flo = fNew;
    } else {
      return ans;
    }
    if (Math.abs(xhi - xlo) <= tol) return ans;
  }
  return ans;
}

/** |a| with the sign of b (b = 0 counts as positive), as C's SIGN macro in SWMM. */
function sameSign(a: number, b: number): number {
  return b >= 0 ? Math.abs(a) : -Math.abs(a);
}

/**
 * Normal depth (ft) of a per-barrel flow q (cfs) given the conduit's
 * β = 1.486·√S/n and its per-barrel maximum normal flow qMax = β·sMax.
 */
export function xsectNormalDepth(x: Xsect, q: number, beta: number, qMax: number): number {
  if (x.shape === XsectShape.DUMMY || !(beta > 0)) return 0;
  q = Math.abs(q);
  if (q > qMax) q = qMax;
  if (q <= 0) return 0;
  return xsectDepthOfArea(x, xsectAreaOfSectionFactor(x, q / beta));
}

/** Froude number of velocity v (ft/s) at depth y (ft): 0 when dry or a full closed conduit. */
export function xsectFroude(x: Xsect, v: number, y: number): number {
  if (y <= FUDGE) return 0;
  if (!x.isOpen && x.yFull - y <= FUDGE) return 0;
  const hydDepth = xsectAreaOfDepth(x, y) / xsectWidthOfDepth(x, y);
  return Math.abs(v) / Math.sqrt(GRAVITY * hydDepth);
}

/** Width (ft) over which a conduit seeps at depth y (§7.14). */
export function xsectSeepageWidth(x: Xsect, y: number): number {
  if (x.shape === XsectShape.RECT_CLOSED) return x.wMax;
  return xsectWidthOfDepth(x, y < x.ywMax ? y : x.ywMax);
}

/**
 * Preissmann slot width (ft) at depth y for a closed section (§7.7.4): 0 below
 * the crown cutoff or for open sections. Only meaningful with SURCHARGE_METHOD SLOT.
 */
export function xsectSlotWidth(x: Xsect, y: number): number {
  if (x.isOpen) return 0;
  const yNorm = y / x.yFull;
  if (yNorm < SLOT_CROWN_CUTOFF) return 0;
  if (yNorm > 1.78) return 0.01 * x.wMax;
  return x.wMax * 0.5423 * Math.exp(-Math.pow(yNorm, 2.4));
}
