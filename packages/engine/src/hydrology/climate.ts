// Climate state for the runoff clock (digest §3): rain gages (step-function rainfall from
// time series or rain-file records, co-gages, report rainfall, next-change dates that cut
// the runoff step), evaporation (CONSTANT / MONTHLY / TIMESERIES, DRY_ONLY, monthly
// recovery pattern) and the global monthly [ADJUSTMENTS] factors.
//
// Gage intensities are kept in USER units (in/hr or mm/hr) as SWMM does — the reported
// rainfall is that number — and converted to ft/s only when handed to runoff.
// Everything lives in one ClimateState object; nothing is shared between simulations.

import type { EngineError } from '../api.js';
import type { Model, RainForm } from '../model/types.js';
import type { UnitFactors } from '../model/units.js';
import { addSeconds, decodeDate, encodeDate } from '../time/datetime.js';

/** Rain records of a FILE gage, as SWMM's rain interface file holds them. */
export interface RainRecords {
  /** Recording interval (s): the file's own for NWS/NCDC/AES formats, the gage's for user files. */
  intervalS: number;
  /** Start of each recording period (day numbers), ascending. Zero records may be omitted. */
  dates: ArrayLike<number>;
  /** Rain depth over each period, in INCHES whatever the file's units (SWMM stores REAL4). */
  depthsIn: ArrayLike<number>;
}

export const FORM_INTENSITY = 0;
export const FORM_VOLUME = 1;
export const FORM_CUMULATIVE = 2;
const FORM_CODE: Readonly<Record<RainForm, number>> = { INTENSITY: 0, VOLUME: 1, CUMULATIVE: 2 };

export const EVAP_CONSTANT = 0;
export const EVAP_MONTHLY = 1;
export const EVAP_TIMESERIES = 2;
/** FILE / TEMPERATURE evaporation need a climate file, not handled yet: rate 0 plus a warning. */
export const EVAP_UNSUPPORTED = 3;

/** "No date" marker; any time difference to it is hugely negative, so step limiting ignores it. */
export const NO_DATE = -1e10;
/** "Never" marker for dates that should not limit the step. */
const FAR_FUTURE = 1e10;
const ONE_SECOND_DAYS = 1 / 86400;
const SECS_PER_DAY = 86400;
const DEFAULT_AIR_TEMP_F = 70;

export interface ClimateState {
  readonly nGages: number;
  readonly gageNames: readonly string[];
  /** 1 when some subcatchment uses the gage (only used gages are updated). */
  readonly gageUsed: Uint8Array;
  /** Index of the earlier gage whose rainfall this one copies, or −1. */
  readonly coGage: Int32Array;
  readonly form: Int8Array;
  readonly intervalS: Float64Array;
  /** 25.4 for SI models reading rain files (stored in inches); else 1. */
  readonly unitsFactor: Float64Array;
  /** Record source per gage (time series or rain-file records); null = no data. */
  readonly srcDates: (ArrayLike<number> | null)[];
  readonly srcValues: (ArrayLike<number> | null)[];
  /** 1 for file records (REAL4 depths). */
  readonly srcIsFile: Uint8Array;
  /** Index of the next record to fetch. */
  readonly cursor: Int32Array;
  /** Last cumulative value seen (CUMULATIVE form). */
  readonly rainAccum: Float64Array;
  /** Current interval [startDate, endDate) and its intensity (user units). */
  readonly startDate: Float64Array;
  readonly endDate: Float64Array;
  readonly rainfall: Float64Array;
  /** Next nonzero record (date and converted intensity). */
  readonly nextDate: Float64Array;
  readonly nextRainfall: Float64Array;
  /** Rainfall written at the latest reporting time (user units). */
  readonly reportRainfall: Float64Array;
  /** Some used gage has rainfall > 0 at the latest gagesSetRainfall. */
  isRaining: boolean;

  // ---- evaporation
  readonly evapKind: number;
  /** CONSTANT: [0]; MONTHLY: 12 values (ft/s). */
  readonly evapValuesFtS: Float64Array;
  readonly evapSeriesDates: ArrayLike<number> | null;
  readonly evapSeriesValues: ArrayLike<number> | null;
  evapCursor: number;
  nextEvapDate: number;
  nextEvapRateFtS: number;
  /** Rate before the monthly additive adjustment. */
  evapBaseFtS: number;
  /** Potential evaporation rate in effect (ft/s). */
  evapRateFtS: number;
  readonly dryOnly: boolean;
  /** Monthly soil-recovery multipliers (RECOVERY pattern), or null. */
  readonly recoveryPattern: Float64Array | null;
  recoveryFactor: number;

  // ---- global monthly adjustments ([ADJUSTMENTS])
  readonly adjRain: Float64Array;
  readonly adjEvapFtS: Float64Array;
  readonly adjHydcon: Float64Array;
  readonly adjTemp: Float64Array;
  /** Rainfall multiplier applied when a record is fetched. */
  rainFactor: number;
  /** Conductivity multiplier (Horton f0/fmin, G-A Ks). */
  hydconFactor: number;

  /** Air temperature °F (no temperature data yet: SWMM's default 70 °F). */
  airTempF: number;
  /** Air temperature / snowmelt climate (hydrology/snow.ts), updated at every climate update; null without [TEMPERATURE] data or snowpacks. */
  temperature: { update(cl: ClimateState, t: number): void } | null;
  /** Month 1..12 of the latest climate update. */
  month: number;
  /** Day number for which `month`/`year` were decoded (avoids per-step allocation). */
  monthCacheDay: number;
  year: number;

  readonly startDateTime: number;
  readonly endDateTime: number;
  readonly units: UnitFactors;
  readonly errors: EngineError[];
  readonly warnings: string[];
}

const lc = (s: string): string => s.toLowerCase();

/** Seconds between two date-times as SWMM counts them (each time of day rounded to a whole second). */
export function timeDiffSeconds(date1: number, date2: number): number {
  const d1 = Math.floor(date1);
  const d2 = Math.floor(date2);
  return Math.floor((d1 - d2) * SECS_PER_DAY + 0.5) + (secondOfDay(date1) - secondOfDay(date2));
}

function secondOfDay(date: number): number {
  const s = Math.floor((date - Math.floor(date)) * SECS_PER_DAY + 0.5);
  return s >= SECS_PER_DAY ? SECS_PER_DAY - 1 : s;
}

/** Parse the global monthly lines of [ADJUSTMENTS] (kept raw in model.extra until typed). */
function readAdjustments(model: Model, uf: UnitFactors, cl: { adjRain: Float64Array; adjEvapFtS: Float64Array; adjHydcon: Float64Array; adjTemp: Float64Array }): void {
  const sec = model.extra['[ADJUSTMENTS]'];
  if (!sec) return;
  for (const ln of sec.lines) {
    const key = (ln.tokens[0] ?? '').toUpperCase();
    const vals = ln.tokens.slice(1, 13).map(Number);
    if (vals.length < 12 || vals.some((v) => !Number.isFinite(v))) continue;
    for (let m = 0; m < 12; m++) {
      const v = vals[m]!;
      if (key.startsWith('TEMP')) cl.adjTemp[m] = v;
      else if (key.startsWith('EVAP')) cl.adjEvapFtS[m] = v / uf.evapRate;
      else if (key.startsWith('RAIN')) cl.adjRain[m] = v;
      else if (key.startsWith('CONDUCT')) cl.adjHydcon[m] = v > 0 ? v : 1;
    }
  }
}

/**
 * Build the climate state for a model.
 * @param rainRecordsByGage rain-file records keyed by gage name (case-insensitive), for FILE gages.
 */
export function createClimate(
  model: Model,
  uf: UnitFactors,
  rainRecordsByGage?: Readonly<Record<string, RainRecords>>,
): ClimateState {
  const gages = model.gages;
  const n = gages.length;
  const f = (): Float64Array => new Float64Array(n);
  const seriesByName = new Map(model.timeseries.map((ts) => [lc(ts.name), ts] as const));
  const recordsByName = new Map(Object.entries(rainRecordsByGage ?? {}).map(([k, v]) => [lc(k), v] as const));
  const errors: EngineError[] = [];
  const warnings: string[] = [];

  const gageUsed = new Uint8Array(n);
  const gageIndex = new Map(gages.map((g, i) => [lc(g.name), i] as const));
  for (const sc of model.subcatchments) {
    const k = gageIndex.get(lc(sc.gage));
    if (k !== undefined) gageUsed[k] = 1;
  }

  const coGage = new Int32Array(n).fill(-1);
  const form = new Int8Array(n);
  const intervalS = f();
  const unitsFactor = f().fill(1);
  const srcDates: (ArrayLike<number> | null)[] = new Array(n).fill(null);
  const srcValues: (ArrayLike<number> | null)[] = new Array(n).fill(null);
  const srcIsFile = new Uint8Array(n);

  for (let j = 0; j < n; j++) {
    const g = gages[j]!;
    form[j] = FORM_CODE[g.form];
    intervalS[j] = g.intervalS;
    if (g.source.kind === 'TIMESERIES') {
      const ts = seriesByName.get(lc(g.source.series));
      if (!ts) {
        if (gageUsed[j]) errors.push({ code: 209, message: `undefined time series ${g.source.series} for rain gage ${g.name}`, line: g.line, section: '[RAINGAGES]', token: g.source.series });
        continue;
      }
      srcDates[j] = ts.times;
      srcValues[j] = ts.values;
      // A later used gage reading the same series copies the earlier one.
      if (gageUsed[j]) {
        for (let i = 0; i < j; i++) {
          const gi = gages[i]!;
          if (gageUsed[i] && gi.source.kind === 'TIMESERIES' && lc(gi.source.series) === lc(g.source.series)) {
            coGage[j] = i;
            if (gi.form !== g.form) errors.push({ code: 155, message: `rain gages ${gi.name} and ${g.name} share time series ${g.source.series} with different formats`, line: g.line, section: '[RAINGAGES]', token: g.name });
            break;
          }
        }
      }
    } else {
      const rec = recordsByName.get(lc(g.name));
      if (!rec) {
        if (gageUsed[j]) errors.push({ code: 313, message: `no rain-file records supplied for rain gage ${g.name} (file ${g.source.file})`, line: g.line, section: '[RAINGAGES]', token: g.source.file });
        continue;
      }
      // Rain-file records are depths per interval: treated as a VOLUME gage with the file's interval.
      form[j] = FORM_VOLUME;
      intervalS[j] = rec.intervalS;
      if (uf.system === 'SI') unitsFactor[j] = 25.4;
      srcDates[j] = rec.dates;
      srcValues[j] = rec.depthsIn;
      srcIsFile[j] = 1;
    }
  }

  // ---- evaporation
  const ev = model.evaporation;
  let evapKind = EVAP_CONSTANT;
  const evapValuesFtS = new Float64Array(12);
  let evapSeriesDates: ArrayLike<number> | null = null;
  let evapSeriesValues: ArrayLike<number> | null = null;
  if (ev.kind === 'CONSTANT') evapValuesFtS[0] = (ev.values[0] ?? 0) / uf.evapRate;
  else if (ev.kind === 'MONTHLY') {
    evapKind = EVAP_MONTHLY;
    for (let m = 0; m < 12; m++) evapValuesFtS[m] = (ev.values[m] ?? 0) / uf.evapRate;
  } else if (ev.kind === 'TIMESERIES') {
    evapKind = EVAP_TIMESERIES;
    const ts = ev.series ? seriesByName.get(lc(ev.series)) : undefined;
    if (!ts) errors.push({ code: 209, message: `undefined evaporation time series ${ev.series ?? ''}`, section: '[EVAPORATION]', token: ev.series ?? '' });
    else {
      evapSeriesDates = ts.times;
      evapSeriesValues = ts.values;
    }
  } else {
    evapKind = EVAP_UNSUPPORTED;
    warnings.push(`${ev.kind} evaporation needs a climate file, which is not supported yet: evaporation set to 0`);
  }
  let recoveryPattern: Float64Array | null = null;
  if (ev.recoveryPattern) {
    const p = model.patterns.find((pp) => lc(pp.name) === lc(ev.recoveryPattern!));
    if (!p) errors.push({ code: 209, message: `undefined recovery pattern ${ev.recoveryPattern}`, section: '[EVAPORATION]', token: ev.recoveryPattern });
    else if (p.type === 'MONTHLY') recoveryPattern = Float64Array.from({ length: 12 }, (_, m) => p.factors[m] ?? 1);
  }

  const cl: ClimateState = {
    nGages: n,
    gageNames: gages.map((g) => g.name),
    gageUsed, coGage, form, intervalS, unitsFactor, srcDates, srcValues, srcIsFile,
    cursor: new Int32Array(n),
    rainAccum: f(),
    startDate: f(), endDate: f(), rainfall: f(), nextDate: f(), nextRainfall: f(), reportRainfall: f(),
    isRaining: false,
    evapKind, evapValuesFtS, evapSeriesDates, evapSeriesValues,
    evapCursor: 0, nextEvapDate: FAR_FUTURE, nextEvapRateFtS: 0, evapBaseFtS: 0, evapRateFtS: 0,
    dryOnly: ev.dryOnly,
    recoveryPattern, recoveryFactor: 1,
    adjRain: new Float64Array(12).fill(1),
    adjEvapFtS: new Float64Array(12),
    adjHydcon: new Float64Array(12).fill(1),
    adjTemp: new Float64Array(12),
    rainFactor: 1, hydconFactor: 1,
    airTempF: DEFAULT_AIR_TEMP_F,
    temperature: null,
    month: 0, monthCacheDay: NaN, year: 0,
    startDateTime: model.options.startDateTime,
    endDateTime: model.options.endDateTime,
    units: uf,
    errors, warnings,
  };
  readAdjustments(model, uf, cl);
  climateInitState(cl, model.options.ignoreRainfall);
  return cl;
}

/** Reset gages and evaporation to the simulation start. */
export function climateInitState(cl: ClimateState, ignoreRainfall = false): void {
  cl.monthCacheDay = NaN;
  setMonth(cl, cl.startDateTime);
  // Rain factors in effect at the first fetch are those of the start month.
  cl.rainFactor = cl.adjRain[cl.month - 1]!;
  cl.hydconFactor = cl.adjHydcon[cl.month - 1]!;
  cl.isRaining = false;
  for (let j = 0; j < cl.nGages; j++) {
    cl.cursor[j] = 0;
    cl.rainAccum[j] = 0;
    cl.rainfall[j] = 0;
    cl.reportRainfall[j] = 0;
    cl.nextRainfall[j] = 0;
    cl.startDate[j] = NO_DATE;
    cl.endDate[j] = NO_DATE;
    cl.nextDate[j] = NO_DATE;
    if (ignoreRainfall || cl.srcDates[j] === null) continue;
    if (!fetchFirst(cl, j)) continue;
    if (cl.startDate[j]! > cl.startDateTime) {
      // Data begin after the start: a dry interval up to the first record, which becomes "next".
      cl.nextDate[j] = cl.startDate[j]!;
      cl.nextRainfall[j] = cl.rainfall[j]!;
      cl.startDate[j] = cl.startDateTime;
      cl.endDate[j] = cl.nextDate[j]!;
      cl.rainfall[j] = 0;
    } else {
      cl.endDate[j] = addSeconds(cl.startDate[j]!, cl.intervalS[j]!);
      if (!fetchNext(cl, j)) cl.nextDate[j] = NO_DATE;
    }
  }
  evapInitState(cl);
}

function convertRainfall(cl: ClimateState, j: number, value: number): number {
  let r: number;
  const iv = cl.intervalS[j]!;
  switch (cl.form[j]) {
    case FORM_VOLUME:
      r = (value / iv) * 3600.0;
      break;
    case FORM_CUMULATIVE: {
      const prev = cl.rainAccum[j]!;
      r = value < prev ? (value / iv) * 3600.0 : ((value - prev) / iv) * 3600.0;
      cl.rainAccum[j] = value;
      break;
    }
    default:
      r = value;
  }
  return r * cl.unitsFactor[j]! * cl.rainFactor;
}

function recordValue(cl: ClimateState, j: number, k: number): number {
  const v = cl.srcValues[j]![k]!;
  // The rain interface file stores depths as 4-byte floats.
  return cl.srcIsFile[j] ? Math.fround(v) : v;
}

function fetchFirst(cl: ClimateState, j: number): boolean {
  const dates = cl.srcDates[j]!;
  if (dates.length === 0) return false;
  cl.startDate[j] = dates[0]!;
  cl.rainfall[j] = convertRainfall(cl, j, recordValue(cl, j, 0));
  cl.cursor[j] = 1;
  return true;
}

/** Fetch the next record with nonzero intensity into nextDate/nextRainfall. */
function fetchNext(cl: ClimateState, j: number): boolean {
  const dates = cl.srcDates[j]!;
  let k = cl.cursor[j]!;
  cl.nextRainfall[j] = 0;
  while (k < dates.length) {
    const r = convertRainfall(cl, j, recordValue(cl, j, k));
    cl.nextDate[j] = dates[k]!;
    k++;
    if (r !== 0) {
      cl.nextRainfall[j] = r;
      cl.cursor[j] = k;
      return true;
    }
  }
  cl.cursor[j] = k;
  return false;
}

/** Set gage j's rainfall for a runoff step starting at date-time t (march through the records). */
function gageSetState(cl: ClimateState, j: number, t: number): void {
  const tt = t + ONE_SECOND_DAYS;
  for (;;) {
    if (cl.startDate[j] === NO_DATE || tt < cl.startDate[j]!) {
      cl.rainfall[j] = 0;
      return;
    }
    if (tt < cl.endDate[j]!) return;
    if (cl.nextDate[j] === NO_DATE || tt < cl.nextDate[j]!) {
      cl.rainfall[j] = 0; // gap between records
      return;
    }
    cl.startDate[j] = cl.nextDate[j]!;
    cl.endDate[j] = addSeconds(cl.startDate[j]!, cl.intervalS[j]!);
    cl.rainfall[j] = cl.nextRainfall[j]!;
    if (!fetchNext(cl, j)) cl.nextDate[j] = NO_DATE;
  }
}

/** §2.3 item 3: every gage's rainfall at the start of a runoff step; returns IsRaining. */
export function gagesSetRainfall(cl: ClimateState, t: number): boolean {
  let raining = false;
  for (let j = 0; j < cl.nGages; j++) {
    if (!cl.gageUsed[j]) continue;
    const co = cl.coGage[j]!;
    if (co >= 0) cl.rainfall[j] = cl.rainfall[co]!;
    else gageSetState(cl, j, t);
    if (cl.rainfall[j]! > 0) raining = true;
  }
  cl.isRaining = raining;
  return raining;
}

/** Date of gage j's next rainfall change after t (t itself for unused gages; NO_DATE when none). */
export function gageNextRainDate(cl: ClimateState, j: number, t: number): number {
  if (!cl.gageUsed[j]) return t;
  const tt = t + ONE_SECOND_DAYS;
  if (tt < cl.startDate[j]!) return cl.startDate[j]!;
  if (tt < cl.endDate[j]!) return cl.endDate[j]!;
  return cl.nextDate[j]!;
}

/** Gage j's current precipitation rate in ft/s (no snow: all precipitation is rain). */
export function gagePrecipFtS(cl: ClimateState, j: number): number {
  return cl.rainfall[j]! / cl.units.rainfall;
}

/** Rainfall reported at a reporting time (user units), for every gage (§2.6). */
export function gagesSetReportRainfall(cl: ClimateState, reportDate: number): void {
  const tt = reportDate + ONE_SECOND_DAYS;
  for (let j = 0; j < cl.nGages; j++) {
    const co = cl.coGage[j]!;
    if (co >= 0) {
      cl.reportRainfall[j] = cl.reportRainfall[co]!;
      continue;
    }
    let r: number;
    if (tt < cl.startDate[j]!) r = 0;
    else if (tt < cl.endDate[j]!) r = cl.rainfall[j]!;
    else if (cl.nextDate[j] === NO_DATE || tt < cl.nextDate[j]!) r = 0;
    else r = cl.nextRainfall[j]!;
    cl.reportRainfall[j] = r;
  }
}

// ---------------------------------------------------------------- evaporation & monthly factors

function setMonth(cl: ClimateState, t: number): void {
  const day = Math.floor(t);
  if (day === cl.monthCacheDay) return;
  const d = decodeDate(t);
  cl.monthCacheDay = day;
  cl.month = d.month;
  cl.year = d.year;
}

function evapInitState(cl: ClimateState): void {
  cl.evapCursor = 0;
  cl.nextEvapDate = FAR_FUTURE;
  cl.nextEvapRateFtS = 0;
  cl.evapBaseFtS = 0;
  cl.evapRateFtS = 0;
  cl.recoveryFactor = 1;
  if (cl.evapKind !== EVAP_TIMESERIES || !cl.evapSeriesDates) return;
  const dates = cl.evapSeriesDates;
  const vals = cl.evapSeriesValues!;
  if (dates.length === 0) return;
  // [as-is] SWMM starts from the first entry dated at/after midnight of the start day — not
  // the last entry before the start — and uses its value as the initial rate.
  const startDay = Math.floor(cl.startDateTime);
  let k = 0;
  if (dates[0]! < startDay) {
    while (k < dates.length - 1 && dates[k]! < startDay) k++;
  }
  cl.nextEvapDate = dates[k]!;
  cl.nextEvapRateFtS = vals[k]! / cl.units.evapRate;
  cl.evapBaseFtS = cl.nextEvapRateFtS;
  cl.evapCursor = k + 1;
}

/** §2.3 item 2: evaporation rate, recovery factor and monthly adjustments at date-time t. */
export function climateUpdate(cl: ClimateState, t: number): void {
  setMonth(cl, t);
  const m = cl.month - 1;
  switch (cl.evapKind) {
    case EVAP_CONSTANT:
      cl.evapBaseFtS = cl.evapValuesFtS[0]!;
      cl.nextEvapDate = t + 365.0;
      break;
    case EVAP_MONTHLY:
      cl.evapBaseFtS = cl.evapValuesFtS[m]!;
      cl.nextEvapDate = cl.month === 12 ? encodeDate(cl.year + 1, 1, 1) : encodeDate(cl.year, cl.month + 1, 1);
      break;
    case EVAP_TIMESERIES:
      if (t >= cl.nextEvapDate) {
        cl.evapBaseFtS = cl.nextEvapRateFtS;
        const dates = cl.evapSeriesDates!;
        const k = cl.evapCursor;
        // Entries after the simulation end are never used.
        if (k < dates.length && dates[k]! <= cl.endDateTime) {
          cl.nextEvapDate = dates[k]!;
          cl.nextEvapRateFtS = cl.evapSeriesValues![k]! / cl.units.evapRate;
          cl.evapCursor = k + 1;
        } else cl.nextEvapDate = FAR_FUTURE;
      }
      break;
    default:
      cl.evapBaseFtS = 0;
      cl.nextEvapDate = Math.floor(t) + 1.0;
  }
  cl.recoveryFactor = cl.recoveryPattern ? cl.recoveryPattern[m]! : 1.0;
  cl.evapRateFtS = cl.evapBaseFtS + cl.adjEvapFtS[m]!;
  cl.rainFactor = cl.adjRain[m]!;
  cl.hydconFactor = cl.adjHydcon[m]!;
  if (cl.temperature) cl.temperature.update(cl, t);
}

/**
 * §2.3 item 5: the longest runoff step (s) allowed at t — DRY_STEP cut to the next
 * evaporation change and every used gage's next rainfall change (positive differences only).
 */
export function climateMaxRunoffStepS(cl: ClimateState, t: number, dryStepS: number): number {
  let maxStep = dryStepS;
  let ts = timeDiffSeconds(cl.nextEvapDate, t);
  if (ts > 0 && ts < maxStep) maxStep = ts;
  for (let j = 0; j < cl.nGages; j++) {
    if (!cl.gageUsed[j] || cl.coGage[j]! >= 0) continue; // a co-gage never limits more than its partner
    const d = gageNextRainDate(cl, j, t);
    if (d === NO_DATE) continue;
    ts = timeDiffSeconds(d, t);
    if (ts > 0 && ts < maxStep) maxStep = ts;
  }
  return maxStep;
}

/** Air temperature in user units (°F, or °C for SI) for reporting. */
export function climateAirTempUser(cl: ClimateState): number {
  return cl.units.system === 'SI' ? (5.0 / 9.0) * (cl.airTempF - 32.0) : cl.airTempF;
}

/** Index of a gage by name (case-insensitive), −1 if none. Not for hot loops. */
export function climateGageIndex(cl: ClimateState, name: string): number {
  const key = lc(name);
  for (let j = 0; j < cl.nGages; j++) if (lc(cl.gageNames[j]!) === key) return j;
  return -1;
}
