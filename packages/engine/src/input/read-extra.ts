// Validation of the sections kept verbatim in model.extra (LID, groundwater, snow,
// quality, RDII, controls, streets/inlets, …): token counts, numbers, keywords and name
// references, with SWMM's error codes. Their physics modules will type them later.
import type { Namespace } from './context.js';
import type { Fields, NumOpts } from './fields.js';
import { findKeyword } from './keywords.js';
import type { ParseState } from './state.js';
import { validateControlLine } from './read-controls.js';

const NN = { min: 0 };
const PCT = { min: 0, max: 100 };

export const LID_TYPES = ['BC', 'RG', 'GR', 'IT', 'PP', 'RB', 'RD', 'VS'] as const;
const LID_LAYERS = ['SURFACE', 'SOIL', 'PAVEMENT', 'STORAGE', 'DRAINMAT', 'DRAIN', 'REMOVALS'] as const;

export interface LidInfo {
  name: string;
  type?: string;
  layers: Set<string>;
  line: number;
}

/** Numbers in fields [from, to) (all required). */
function nums(f: Fields, from: number, to: number, o: NumOpts = NN): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(f.num(i, o));
  return out;
}

/** Optional numbers in fields [from, to): absent or `*` skipped. */
function optNums(f: Fields, from: number, to: number, o?: NumOpts): void {
  for (let i = from; i < to && i < f.n; i++) if (f.tok(i) !== '*') f.num(i, o);
}

function readLidControl(f: Fields, st: ParseState): void {
  f.need(2);
  const name = f.ref(0, 'lid');
  const key = name.toUpperCase();
  let info = st.lids.get(key);
  if (!info) {
    info = { name, layers: new Set(), line: f.line.line };
    st.lids.set(key, info);
  }
  if (f.n === 2) {
    info.type = f.kw(1, LID_TYPES);
    return;
  }
  if (!info.type) f.fail(183, name, `a "${name} <type>" line first (type one of ${LID_TYPES.join(', ')})`);
  const layer = f.kw(1, LID_LAYERS);
  info.layers.add(layer);
  const bad = (what: string): never => f.fail(185, name, what);
  switch (layer) {
    case 'SURFACE': {
      f.need(7);
      const v = nums(f, 2, 7);
      if (v[1]! >= 1) bad('a vegetation volume fraction < 1');
      break;
    }
    case 'SOIL': {
      f.need(9);
      const [, por, fc, wp, ks, kSlope] = nums(f, 2, 9) as [number, number, number, number, number, number, number];
      if (!(por > 0) || fc >= por || wp >= fc || !(ks > 0) || kSlope < 0) {
        bad('porosity > field capacity > wilting point, and Ksat > 0');
      }
      break;
    }
    case 'PAVEMENT':
      f.need(7);
      nums(f, 2, 7);
      optNums(f, 7, 9, NN);
      break;
    case 'STORAGE':
      f.need(6);
      nums(f, 2, 6);
      if (f.n > 6) f.yesNo(6);
      break;
    case 'DRAIN': {
      f.need(6);
      nums(f, 2, 6);
      const open = f.optNum(6, 0, NN);
      const close = f.optNum(7, 0, NN);
      if (open > 0 && open <= close) bad('an open level above the close level');
      if (f.n > 8 && f.tok(8) !== '' && f.tok(8) !== '*') f.ref(8, 'curve');
      break;
    }
    case 'DRAINMAT':
      f.need(5);
      nums(f, 2, 5);
      break;
    case 'REMOVALS':
      f.need(4);
      for (let i = 2; i + 1 < f.n; i += 2) {
        f.ref(i, 'pollutant');
        f.num(i + 1, PCT);
      }
      if ((f.n - 2) % 2 !== 0) f.fail(203, undefined, 'pollutant / percent removal pairs');
      break;
  }
}

/** Layers each LID type needs (digest §1.10). */
const REQUIRED_LAYERS: Record<string, string[]> = {
  BC: ['SOIL'], RG: ['SOIL'], GR: ['SOIL', 'DRAINMAT'], PP: ['PAVEMENT'], IT: ['STORAGE'],
};

function readLidUsage(f: Fields, st: ParseState): void {
  f.need(8);
  const sub = f.ref(0, 'subcatch');
  f.ref(1, 'lid');
  const number = f.int(2, NN);
  const area = f.num(3, NN);
  f.num(4, NN);
  f.num(5, PCT);
  const fromImp = f.num(6, PCT);
  f.int(7, { min: 0, max: 1 });
  if (f.n > 9 && f.tok(9) !== '*' && f.tok(9) !== '') f.refAny(9, ['node', 'subcatch']);
  const fromPerv = f.optNum(10, 0, PCT);
  const key = sub.toUpperCase();
  const u = st.lidUsage.get(key) ?? { name: sub, area: 0, fromImp: 0, fromPerv: 0, line: f.line.line };
  u.area += number * area;
  u.fromImp += fromImp;
  u.fromPerv += fromPerv;
  st.lidUsage.set(key, u);
}

function readAquifer(f: Fields): void {
  f.need(13);
  const [por, wp, fc, ks] = nums(f, 1, 5, {}) as [number, number, number, number];
  nums(f, 5, 13, {});
  if (!(por > 0) || fc >= por || wp >= fc || ks < 0) f.fail(109, f.tok(0), 'porosity > field capacity > wilting point >= 0');
  if (f.n > 13 && f.tok(13) !== '') f.ref(13, 'pattern');
}

function readGroundwater(f: Fields): void {
  f.need(10);
  f.ref(0, 'subcatch');
  f.ref(1, 'aquifer');
  f.ref(2, 'node');
  nums(f, 3, 10, {});
  optNums(f, 10, 14);
}

function readGwf(f: Fields): void {
  f.need(3);
  f.ref(0, 'subcatch');
  f.kw(1, ['LATERAL', 'DEEP'] as const);
}

function readSnowpack(f: Fields): void {
  f.need(2);
  const k = f.kw(1, ['PLOWABLE', 'IMPERVIOUS', 'PERVIOUS', 'REMOVAL'] as const);
  if (k === 'REMOVAL') {
    f.need(8);
    nums(f, 2, 8);
    if (f.n > 8 && f.tok(8) !== '') f.ref(8, 'subcatch');
  } else {
    f.need(9);
    nums(f, 2, 9, {});
  }
}

function readPollutant(f: Fields): void {
  f.need(6);
  f.kw(1, ['MG/L', 'UG/L', '#/L'] as const);
  nums(f, 2, 6);
  if (f.n > 6) f.yesNo(6);
  if (f.n > 7) f.optRef(7, 'pollutant');
  optNums(f, 8, 11, NN);
}

function readLanduse(f: Fields): void {
  f.need(1);
  optNums(f, 1, 4, NN);
}

function readPairs(f: Fields, ns: Namespace, o: NumOpts): void {
  f.need(3);
  f.ref(0, 'subcatch');
  if ((f.n - 1) % 2 !== 0) f.fail(203, undefined, `${ns === 'landuse' ? 'land use' : 'pollutant'} / value pairs`);
  for (let i = 1; i + 1 < f.n; i += 2) {
    f.ref(i, ns);
    f.num(i + 1, o);
  }
}

function readBuildup(f: Fields): void {
  f.need(7);
  f.ref(0, 'landuse');
  f.ref(1, 'pollutant');
  const fn = f.kw(2, ['NONE', 'POW', 'EXP', 'SAT', 'EXT'] as const);
  nums(f, 3, 5);
  if (fn === 'EXT') f.ref(5, 'timeseries');
  else f.num(5, NN);
  f.kw(6, ['AREA', 'CURB'] as const);
}

function readWashoff(f: Fields): void {
  f.need(5);
  f.ref(0, 'landuse');
  f.ref(1, 'pollutant');
  f.kw(2, ['NONE', 'EXP', 'RC', 'EMC'] as const);
  f.num(3, NN);
  f.num(4, {});
  optNums(f, 5, 7, NN);
}

function readTreatment(f: Fields): void {
  f.need(3);
  f.ref(0, 'node');
  f.ref(1, 'pollutant');
  // the expression is "R = …" or "C = …" (the rest of the line)
  const t2 = f.tok(2)!.toUpperCase();
  const ok = (t2 === 'R' || t2 === 'C') ? f.tok(3) !== undefined && f.tok(3)!.startsWith('=') : /^[RC]\s*=/.test(t2);
  if (!ok) f.fail(233, f.tok(2), 'a treatment expression "R = ..." or "C = ..."');
}

function readRdii(f: Fields): void {
  f.need(3);
  f.ref(0, 'node');
  f.ref(1, 'unithyd');
  f.num(2, NN);
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC', 'ALL'] as const;

function readHydrograph(f: Fields): void {
  f.need(2);
  f.ref(0, 'unithyd');
  if (f.n === 2) {
    f.ref(1, 'gage');
    return;
  }
  f.need(6);
  f.kw(1, MONTHS);
  f.kw(2, ['SHORT', 'MEDIUM', 'LONG'] as const);
  nums(f, 3, 6);
  optNums(f, 6, 9, NN);
}

function readTemperature(f: Fields): void {
  const k = f.kw(0, ['TIMESERIES', 'FILE', 'WINDSPEED', 'SNOWMELT', 'ADC'] as const);
  switch (k) {
    case 'TIMESERIES':
      f.need(2);
      f.ref(1, 'timeseries');
      return;
    case 'FILE':
      f.need(2);
      if (f.n > 2) f.date(2);
      return;
    case 'WINDSPEED': {
      f.need(2);
      const w = f.kw(1, ['MONTHLY', 'FILE'] as const);
      if (w === 'MONTHLY') {
        f.need(14);
        nums(f, 2, 14);
      }
      return;
    }
    case 'SNOWMELT':
      f.need(7);
      nums(f, 1, 7, {});
      return;
    case 'ADC':
      f.need(12);
      f.kw(1, ['IMPERVIOUS', 'PERVIOUS'] as const);
      nums(f, 2, 12, { min: 0, max: 1 });
      return;
  }
}

function readAdjustment(f: Fields): void {
  const k = f.kw(0, ['TEMPERATURE', 'EVAPORATION', 'RAINFALL', 'CONDUCTIVITY', 'N-PERV', 'DSTORE', 'INFIL'] as const);
  if (k === 'N-PERV' || k === 'DSTORE' || k === 'INFIL') {
    f.need(3);
    f.ref(1, 'subcatch');
    f.ref(2, 'pattern');
    return;
  }
  f.need(13);
  nums(f, 1, 13, {});
}

function readEvent(f: Fields): void {
  f.need(4);
  const start = f.date(0) + f.time(1);
  const end = f.date(2) + f.time(3);
  if (!(end > start)) f.fail(213, f.tok(2), 'an event end after its start');
}

function readStreet(f: Fields): void {
  f.need(5);
  nums(f, 1, 5);
  optNums(f, 5, 11, NN);
}

const INLET_TYPES = ['GRATE', 'CURB', 'SLOTTED', 'CUSTOM', 'DROP_GRATE', 'DROP_CURB'] as const;
const GRATE_TYPES = ['P_BAR-50', 'P_BAR-50X100', 'P_BAR-30', 'CURVED_VANE', 'TILT_BAR-45', 'TILT_BAR-30', 'RETICULINE', 'GENERIC'];

function readInlet(f: Fields): void {
  f.need(3);
  const k = f.kw(1, INLET_TYPES);
  if (k === 'CUSTOM') {
    f.ref(2, 'curve');
    return;
  }
  f.need(4);
  f.num(2, NN);
  f.num(3, NN);
  if (k === 'GRATE' || k === 'DROP_GRATE') {
    f.need(5);
    if (findKeyword(f.tok(4), GRATE_TYPES) < 0) f.fail(205, f.tok(4), `a grate type: ${GRATE_TYPES.join(', ')}`);
    optNums(f, 5, 7, NN);
  } else if (k === 'CURB' && f.n > 4) {
    f.kw(4, ['HORIZONTAL', 'INCLINED', 'VERTICAL'] as const);
  }
}

function readInletUsage(f: Fields): void {
  f.need(3);
  f.ref(0, 'link');
  f.ref(1, 'inlet');
  f.ref(2, 'node');
  optNums(f, 3, 8, NN);
  if (f.n > 8) f.kw(8, ['AUTOMATIC', 'ON_GRADE', 'ON_SAG'] as const);
}

function readFilesLine(f: Fields): void {
  f.need(3);
  f.kw(0, ['USE', 'SAVE'] as const);
  f.kw(1, ['RAINFALL', 'RUNOFF', 'HOTSTART', 'RDII', 'INFLOWS', 'OUTFLOWS'] as const);
}

/** Validate one data line of an extra section (errors recorded; line aborted on the first). */
export function validateExtraLine(section: string, f: Fields, st: ParseState): void {
  switch (section) {
    case '[LID_CONTROLS]': return readLidControl(f, st);
    case '[LID_USAGE]': return readLidUsage(f, st);
    case '[AQUIFERS]': return readAquifer(f);
    case '[GROUNDWATER]': return readGroundwater(f);
    case '[GWF]': return readGwf(f);
    case '[SNOWPACKS]': return readSnowpack(f);
    case '[POLLUTANTS]': return readPollutant(f);
    case '[LANDUSES]': return readLanduse(f);
    case '[COVERAGES]': return readPairs(f, 'landuse', PCT);
    case '[LOADINGS]': return readPairs(f, 'pollutant', NN);
    case '[BUILDUP]': return readBuildup(f);
    case '[WASHOFF]': return readWashoff(f);
    case '[TREATMENT]': return readTreatment(f);
    case '[RDII]': return readRdii(f);
    case '[HYDROGRAPHS]': return readHydrograph(f);
    case '[TEMPERATURE]': return readTemperature(f);
    case '[ADJUSTMENTS]': return readAdjustment(f);
    case '[EVENTS]': return readEvent(f);
    case '[STREETS]': return readStreet(f);
    case '[INLETS]': return readInlet(f);
    case '[INLET_USAGE]': return readInletUsage(f);
    case '[FILES]': return readFilesLine(f);
    case '[CONTROLS]': return validateControlLine(f, st);
    default: return; // [LABELS], [BACKDROP], [TAGS], [PROFILES]: display data
  }
}

/** Checks that need a whole section: LID layers, LID areas, unfinished control rules. */
export function finishExtras(st: ParseState): void {
  const { ctx, model } = st;
  for (const info of st.lids.values()) {
    if (!info.type) {
      ctx.objErr(183, info.name, info.line, '[LID_CONTROLS]');
      continue;
    }
    for (const layer of REQUIRED_LAYERS[info.type] ?? []) {
      if (!info.layers.has(layer)) {
        ctx.objErr(184, info.name, info.line, '[LID_CONTROLS]');
        break;
      }
    }
  }
  // LID area vs subcatchment area: LID units are ft²/m², subcatchments acres/hectares
  const si = model.options.flowUnits === 'CMS' || model.options.flowUnits === 'LPS' || model.options.flowUnits === 'MLD';
  const perArea = si ? 10000 : 43560;
  for (const u of st.lidUsage.values()) {
    const sc = model.subcatchments.find((s) => s.name.toUpperCase() === u.name.toUpperCase());
    if (sc && u.area > 1.001 * sc.area * perArea) ctx.objErr(187, sc.name, u.line, '[LID_USAGE]');
    if (u.fromImp > 100.1 || u.fromPerv > 100.1) ctx.objErr(188, u.name, u.line, '[LID_USAGE]');
  }
}
