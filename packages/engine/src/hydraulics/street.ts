// Street cross sections of SWMM 5.2 ([STREETS]): a curb-and-gutter roadway, half or full
// width, with an optional sloped backing (sidewalk) behind the curb. Each street becomes a
// station/elevation profile whose 51-entry relative geometry tables (area, hydraulic radius,
// top width versus depth) are read by xsect.ts exactly like an irregular transect; inlet.ts
// reads the raw roadway numbers (cross slope, gutter, crown distance) for HEC-22 capture.
//
// The profile, left to right (x = station from the back of the backing, y above the gutter
// bottom at the curb):
//   0 top of backing (0, ymax)     1 top of curb (wb, y1)      2 curb bottom (wb, 0)
//   3 gutter edge (wb+wg, y3)      4 crown (wb+T, y4)
// A half street then closes with a vertical wall at the crown; a full street mirrors points
// 3..0 on the far side. y1 = Hcurb + Hdep, y3 = Hdep + Sx·wg, y4 = y3 + Sx·(T − wg),
// ymax = max(y1 + Sback·wb, y4).
//
// Conveyance follows SWMM's transect slicing with two street-specific details that matter
// for parity: (1) the last slice (crown wall of a half street, far backing of a full street)
// forms its own sub-section, so the wall adds no wetted perimeter; (2) the water level of
// table row i is accumulated as ymin + dy + dy + …, so the top row can land a hair above
// ymax, where the far backing of a full street then drops out (visible in SWMM's Street
// Summary as a last-but-one relative radius above 1).
import type { EngineError } from '../api.js';
import type { Model } from '../model/types.js';
import { N_SECTION_TBL, type TransectTable } from './transect.js';

/** Manning constant for sub-section conveyance. */
const PHI = 1.486;
/** Constant used when turning total conveyance back into an equivalent radius. */
const PHI_RADIUS = 1.49;

/** One [STREETS] entry in internal units (ft, fractions). */
export interface StreetParams {
  name: string;
  /** Distance from curb to crown (ft). */
  tCrownFt: number;
  hCurbFt: number;
  /** Road cross slope (ft/ft). */
  sx: number;
  nRoad: number;
  /** Continuous gutter depression and its width (ft). */
  gutterDepFt: number;
  gutterWidthFt: number;
  /** 1 = half street (one curb), 2 = full street. */
  sides: 1 | 2;
  backWidthFt: number;
  /** Backing slope (ft/ft). */
  backSlope: number;
  nBack: number;
}

/** A street with its geometry tables (usable as an irregular section). */
export interface StreetSection extends StreetParams {
  table: TransectTable;
}

function streetError(msg: string, line: number, token: string): EngineError {
  return { code: 211, message: msg, line, section: '[STREETS]', token };
}

/**
 * Read [STREETS] (kept raw in model.extra by the parser). Lengths are converted with
 * ucfLength (user length per ft: 1 for US, 0.3048 for SI). Sides defaults to 2.
 */
export function readStreets(model: Model, ucfLength: number): { streets: StreetParams[]; errors: EngineError[] } {
  const streets: StreetParams[] = [];
  const errors: EngineError[] = [];
  for (const ln of model.extra['[STREETS]']?.lines ?? []) {
    const t = ln.tokens;
    const num = (i: number): number => (t[i] === undefined ? 0 : Number(t[i]));
    const bad = (i: number): void => {
      errors.push(streetError(`invalid number ${t[i] ?? ''} for street ${t[0] ?? ''}`, ln.line, t[i] ?? ''));
    };
    if (t.length < 5) {
      errors.push({ code: 203, message: `too few items for street ${t[0] ?? ''}`, line: ln.line, section: '[STREETS]', token: t[0] ?? '' });
      continue;
    }
    let ok = true;
    for (let i = 1; i <= 4; i++) if (!(num(i) > 0)) { bad(i); ok = false; }
    for (const i of [5, 6, 8]) if (t.length > i && !(num(i) >= 0)) { bad(i); ok = false; }
    let sides = 2;
    if (t.length > 7) {
      sides = num(7);
      if (sides !== 1 && sides !== 2) { bad(7); ok = false; }
    }
    const backWidth = t.length > 8 ? num(8) : 0;
    if (backWidth > 0) {
      if (t.length < 11) {
        errors.push({ code: 203, message: `street ${t[0]} needs a backing slope and roughness`, line: ln.line, section: '[STREETS]', token: t[0]! });
        ok = false;
      } else for (const i of [9, 10]) if (!(num(i) > 0)) { bad(i); ok = false; }
    }
    if (!ok) continue;
    streets.push({
      name: t[0]!,
      tCrownFt: num(1) / ucfLength,
      hCurbFt: num(2) / ucfLength,
      sx: num(3) / 100,
      nRoad: num(4),
      gutterDepFt: (t.length > 5 ? num(5) : 0) / ucfLength,
      gutterWidthFt: (t.length > 6 ? num(6) : 0) / ucfLength,
      sides: sides as 1 | 2,
      backWidthFt: backWidth / ucfLength,
      backSlope: backWidth > 0 ? num(9) / 100 : 0,
      nBack: backWidth > 0 ? num(10) : 0,
    });
  }
  return { streets, errors };
}

/** Station/elevation points of a street profile (ft), left to right. */
export function streetProfile(s: StreetParams): { stations: Float64Array; elevations: Float64Array } {
  const wb = s.backWidthFt;
  const wg = s.gutterWidthFt;
  const T = s.tCrownFt;
  const wRoad = T - wg;
  const y1 = s.hCurbFt + s.gutterDepFt;
  const y3 = s.gutterDepFt + s.sx * wg;
  const y4 = y3 + s.sx * wRoad;
  const ymax = Math.max(s.backSlope * wb + y1, y4);
  const x: number[] = [0, wb, wb, wb + wg, wb + T];
  const y: number[] = [ymax, y1, 0, y3, y4];
  if (s.sides === 1) {
    x.push(wb + T);
    y.push(ymax);
  } else {
    const xc = wb + T;
    x.push(xc + wRoad, xc + wRoad + wg, xc + wRoad + wg, xc + wRoad + wg + wb);
    y.push(y3, 0, y1, ymax);
  }
  return { stations: Float64Array.from(x), elevations: Float64Array.from(y) };
}

/** Geometry tables of a street (relative values, SWMM's street slicing rules). */
export function buildStreetTable(s: StreetParams): TransectTable {
  const { stations: sta, elevations: elev } = streetProfile(s);
  const last = sta.length - 1;
  const nChannel = s.nRoad;
  // With no backing the whole section is roadway; otherwise the backings are the overbanks.
  const hasBack = s.backWidthFt !== 0;
  const nSide = hasBack ? s.nBack : nChannel;
  const xLeft = hasBack ? sta[1]! : sta[0]!;
  const xRight = hasBack ? (s.sides === 2 ? sta[last - 1]! : sta[last]!) : sta[last]!;
  let ymax = elev[0]!;
  for (let k = 1; k <= last; k++) if (elev[k]! > ymax) ymax = elev[k]!;
  const ymin = 0;

  const N = N_SECTION_TBL;
  const areaTbl = new Float64Array(N);
  const hradTbl = new Float64Array(N);
  const widthTbl = new Float64Array(N);
  const dy = (ymax - ymin) / (N - 1);
  let level = ymin;
  for (let i = 1; i < N; i++) {
    level += dy; // accumulated, not i·dy: see the header note
    let aTot = 0;
    let wTot = 0;
    let qTot = 0;
    let aSub = 0;
    let pSub = 0;
    for (let k = 1; k <= last; k++) {
      const z0 = elev[k - 1]!;
      const z1 = elev[k]!;
      const lo = z0 < z1 ? z0 : z1;
      const hi = z0 < z1 ? z1 : z0;
      if (lo >= level) continue; // a dry slice neither adds nor closes a sub-section
      let w = Math.abs(sta[k]! - sta[k - 1]!);
      let p = Math.sqrt(w * w + (hi - lo) * (hi - lo));
      let a = 0;
      if (level > hi) a = (w * (level - hi + (level - lo))) / 2;
      else if (hi > lo) {
        const r = (level - lo) / (hi - lo);
        a = ((w * (hi - lo)) / 2) * r * r;
        w *= r;
        p *= r;
      }
      aSub += a;
      pSub += p;
      aTot += a;
      wTot += w;
      // A sub-section ends where the ground rises above the water, one slice before the
      // end, or at a bank station where the roughness changes (and the side is not vertical).
      let close = z1 >= level;
      if (!close) {
        if (k === last - 1) close = true;
        else if (sta[k] === xLeft) close = nSide !== nChannel && sta[k] !== sta[k - 1];
        else if (sta[k] === xRight) close = nSide !== nChannel && (k === last || sta[k] !== sta[k + 1]);
      }
      if (close) {
        let n = nChannel;
        if (sta[k - 1]! < xLeft) n = nSide;
        if (sta[k]! > xRight) n = nSide;
        const q = aSub > 0 ? (PHI / n) * aSub * Math.pow(aSub / pSub, 2 / 3) : 0;
        // A zero-area sub-section (a wet vertical wall) keeps its perimeter for the next one.
        if (q > 0) {
          qTot += q;
          aSub = 0;
          pSub = 0;
        }
      }
    }
    areaTbl[i] = aTot;
    widthTbl[i] = wTot;
    hradTbl[i] = aTot === 0 ? hradTbl[i - 1]! : Math.pow((qTot * nChannel) / PHI_RADIUS / aTot, 1.5);
  }

  let sMax = 0;
  let aMax = 0;
  for (let i = 1; i < N; i++) {
    const sf = areaTbl[i]! * Math.pow(hradTbl[i]!, 2 / 3);
    if (sf > sMax) {
      sMax = sf;
      aMax = areaTbl[i]!;
    }
  }
  const aFull = areaTbl[N - 1]!;
  const rFull = hradTbl[N - 1]!;
  const wMax = widthTbl[N - 1]!;
  for (let i = 1; i < N; i++) {
    areaTbl[i] = areaTbl[i]! / aFull;
    hradTbl[i] = hradTbl[i]! / rFull;
    widthTbl[i] = widthTbl[i]! / wMax;
  }
  widthTbl[0] = widthTbl[1]!;
  return {
    name: s.name,
    areaTbl, hradTbl, widthTbl,
    yFull: ymax - ymin, aFull, rFull, wMax, ywMax: ymax - ymin, sMax, aMax,
    roughness: s.nRoad, nLeft: nSide, nRight: nSide, lengthFactor: 1,
  };
}

/** Read [STREETS] and build every street's tables. */
export function buildStreets(model: Model, ucfLength: number): { streets: StreetSection[]; errors: EngineError[] } {
  const { streets, errors } = readStreets(model, ucfLength);
  const out: StreetSection[] = [];
  for (const s of streets) {
    const table = buildStreetTable(s);
    if (!(table.aFull > 0) || !(table.rFull > 0) || !(table.wMax > 0)) {
      errors.push(streetError(`street ${s.name} has no flow area`, 0, s.name));
      continue;
    }
    out.push({ ...s, table });
  }
  return { streets: out, errors };
}
