// Typed reading and validation of [HYDROGRAPHS] and [RDII] (digest §1.17, §9.2).
//
// [HYDROGRAPHS]  `UH  Gage`  then  `UH  Month|ALL  SHORT|MEDIUM|LONG  R  T  K  [Dmax Drecov Dinit]`
//                (or the older one-line form `UH  Month  R1 T1 K1  R2 T2 K2  R3 T3 K3`);
// [RDII]         `Node  UH  SewershedArea`.
// Unit hydrograph times become whole seconds (truncated, as SWMM stores them), sewershed areas
// ft². Problems carry SWMM's codes: 151 time to peak not below the time base, 153 negative or
// too large response ratios, 203 too few items, 205 invalid keyword, 209 undefined object,
// 211 invalid number.
import type { EngineError } from '../api.js';
import type { Model } from '../model/types.js';
import type { UnitFactors } from '../model/units.js';

export const RDII_SHORT = 0;
export const RDII_MEDIUM = 1;
export const RDII_LONG = 2;
const RESPONSE_WORDS = ['SHORT', 'MEDIUM', 'LONG'] as const;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** A unit hydrograph group: 12 months × 3 responses, indexed 3·month + response. */
export interface UnitHydrograph {
  name: string;
  /** Rain gage index, −1 if none was given. */
  gage: number;
  /** Response ratio R (fraction of rainfall). */
  r: Float64Array;
  /** Time to peak and time base (whole seconds). */
  tPeakS: Float64Array;
  tBaseS: Float64Array;
  /** Initial abstraction: maximum depth, recovery rate per day, initial depth used (in or mm). */
  iaMax: Float64Array;
  iaRecov: Float64Array;
  iaInit: Float64Array;
}

export interface RdiiInflowInput {
  node: number;
  unitHyd: number;
  /** Sewershed area (ft²). */
  areaFt2: number;
}

export interface RdiiInputResult {
  unitHyds: UnitHydrograph[];
  /** One per node, in the order the nodes first appear in [RDII]. */
  inflows: RdiiInflowInput[];
  errors: EngineError[];
}

const HYDROGRAPHS = '[HYDROGRAPHS]';
const RDII = '[RDII]';
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function num(s: string | undefined): number {
  return s !== undefined && NUMBER_RE.test(s) ? Number(s) : NaN;
}

/** SWMM's keyword match: the token starts with the keyword (any case). */
function startsWithWord(tok: string, word: string): boolean {
  return tok.toUpperCase().startsWith(word);
}

export function readRdii(
  model: Model, uf: UnitFactors,
  look: { nodeIndex(name: string): number; gageIndex(name: string): number }, fileName?: string,
): RdiiInputResult {
  const errors: EngineError[] = [];
  const err = (code: number, message: string, section: string, line: number, token?: string): void => {
    const e: EngineError = { code, message: `${message} at line ${line} of ${section}`, section, line };
    if (token !== undefined) e.token = token;
    if (fileName !== undefined) e.file = fileName;
    errors.push(e);
  };

  const unitHyds: UnitHydrograph[] = [];
  const uhIndex = new Map<string, number>();
  const uhLine: number[] = [];
  const lines = model.extra[HYDROGRAPHS]?.lines ?? [];
  // Unit hydrographs are named by their lines' first token, in order of first appearance.
  for (const ln of lines) {
    const name = ln.tokens[0];
    if (name === undefined || uhIndex.has(name.toUpperCase())) continue;
    uhIndex.set(name.toUpperCase(), unitHyds.length);
    uhLine.push(ln.line);
    const z = (): Float64Array => new Float64Array(36);
    unitHyds.push({ name, gage: -1, r: z(), tPeakS: z(), tBaseS: z(), iaMax: z(), iaRecov: z(), iaInit: z() });
  }

  const setParams = (uh: UnitHydrograph, month: number, k: number, x: number[]): void => {
    const m1 = month < 0 ? 0 : month;
    const m2 = month < 0 ? 11 : month;
    for (let m = m1; m <= m2; m++) {
      const i = 3 * m + k;
      uh.r[i] = x[0]!;
      const t = x[1]!;
      uh.tPeakS[i] = Math.trunc(t * 3600);
      uh.tBaseS[i] = Math.trunc(t * (1 + x[2]!) * 3600);
      uh.iaMax[i] = x[3] ?? 0;
      uh.iaRecov[i] = x[4] ?? 0;
      uh.iaInit[i] = x[5] ?? 0;
    }
  };

  for (const ln of lines) {
    const t = ln.tokens;
    const uh = unitHyds[uhIndex.get(t[0]!.toUpperCase())!]!;
    if (t.length === 2) {
      const g = look.gageIndex(t[1]!);
      if (g < 0) err(209, `undefined object ${t[1]} (expected a rain gage)`, HYDROGRAPHS, ln.line, t[1]);
      else uh.gage = g;
      continue;
    }
    if (t.length < 6) {
      err(203, 'too few items (expected unit hydrograph, month, response, R, T and K)', HYDROGRAPHS, ln.line);
      continue;
    }
    const mTok = t[1]!.toUpperCase();
    let month = MONTHS.indexOf(mTok.slice(0, 3));
    if (month < 0) {
      if (!startsWithWord(mTok, 'ALL')) {
        err(205, `invalid keyword ${t[1]} (expected a month name or ALL)`, HYDROGRAPHS, ln.line, t[1]);
        continue;
      }
      month = -1;
    }
    const k = RESPONSE_WORDS.findIndex((w) => startsWithWord(t[2]!, w));
    if (k < 0) {
      // The older format: R, T, K of the three responses on one line.
      if (t.length < 11) {
        err(203, 'too few items (expected R, T and K of the short, medium and long responses)', HYDROGRAPHS, ln.line);
        continue;
      }
      const x = t.slice(2, 11).map(num);
      const bad = x.findIndex((v) => Number.isNaN(v));
      if (bad >= 0) {
        err(211, `invalid number ${t[2 + bad]}`, HYDROGRAPHS, ln.line, t[2 + bad]);
        continue;
      }
      for (let r = 0; r < 3; r++) setParams(uh, month, r, [x[3 * r]!, x[3 * r + 1]!, x[3 * r + 2]!, 0, 0, 0]);
      continue;
    }
    const x: number[] = [];
    let ok = true;
    for (let i = 3; i < 9; i++) {
      if (i >= 6 && t.length <= i) {
        x.push(0);
        continue;
      }
      const v = num(t[i]);
      if (Number.isNaN(v)) {
        err(211, `invalid number ${t[i] ?? ''} (expected ${['R', 'T', 'K', 'Dmax', 'Drecov', 'Dinit'][i - 3]})`, HYDROGRAPHS, ln.line, t[i]);
        ok = false;
        break;
      }
      x.push(v);
    }
    if (ok) setParams(uh, month, k, x);
  }

  // SWMM's unit hydrograph validation.
  unitHyds.forEach((uh, j) => {
    if (uh.gage < 0) {
      err(209, `no rain gage given for unit hydrograph ${uh.name}`, HYDROGRAPHS, uhLine[j]!, uh.name);
      return;
    }
    for (let m = 0; m < 12; m++) {
      let rsum = 0;
      for (let k = 0; k < 3; k++) {
        const i = 3 * m + k;
        if (uh.tBaseS[i] === 0) continue;
        if (uh.tPeakS[i]! >= uh.tBaseS[i]!) {
          err(151, `a Unit Hydrograph in set ${uh.name} has invalid time base`, HYDROGRAPHS, uhLine[j]!, uh.name);
          return;
        }
        if (uh.r[i]! < 0) {
          err(153, `a Unit Hydrograph in set ${uh.name} has invalid response ratios`, HYDROGRAPHS, uhLine[j]!, uh.name);
          return;
        }
        rsum += uh.r[i]!;
      }
      if (rsum > 1.01) {
        err(153, `a Unit Hydrograph in set ${uh.name} has invalid response ratios`, HYDROGRAPHS, uhLine[j]!, uh.name);
        return;
      }
    }
  });

  const byNode = new Map<number, RdiiInflowInput>();
  for (const ln of model.extra[RDII]?.lines ?? []) {
    const t = ln.tokens;
    if (t.length < 3) {
      err(203, 'too few items (expected node, unit hydrograph and sewershed area)', RDII, ln.line);
      continue;
    }
    const node = look.nodeIndex(t[0]!);
    if (node < 0) {
      err(209, `undefined object ${t[0]} (expected a node)`, RDII, ln.line, t[0]);
      continue;
    }
    const k = uhIndex.get(t[1]!.toUpperCase());
    if (k === undefined) {
      err(209, `undefined object ${t[1]} (expected a unit hydrograph)`, RDII, ln.line, t[1]);
      continue;
    }
    const a = num(t[2]);
    if (Number.isNaN(a) || a < 0) {
      err(211, `invalid number ${t[2]} (expected a sewershed area ≥ 0)`, RDII, ln.line, t[2]);
      continue;
    }
    byNode.set(node, { node, unitHyd: k, areaFt2: a / uf.landArea });
  }
  return { unitHyds, inflows: [...byNode.values()], errors };
}
