// Rain data files for [RAINGAGES] … FILE gages (digest §3.1): the standard user format
// and the NCDC/NWS (TD-3240/3260 fixed, space or comma delimited, online hourly or
// 15-minute) and Canadian AES/CMC formats. The result is what SWMM's rain interface file
// would hold for the gage: period start date-times and depths in INCHES (float32, as the
// interface file stores them). The gage then acts as a VOLUME gage with `intervalS`.
import type { EngineError } from '../api.js';
import type { RainGage } from '../model/types.js';
import { addSeconds, encodeDate, encodeTime } from '../time/datetime.js';
import { makeError } from './errors.js';

export type RainFileFormat =
  | 'STANDARD' | 'NWS_TAPE' | 'NWS_SPACE' | 'NWS_COMMA' | 'NWS_ONLINE_60' | 'NWS_ONLINE_15'
  | 'AES_HLY' | 'CMC_HLY' | 'CMC_FIF';

/** Counts for the report's "Rainfall File Summary". */
export interface RainFileStats {
  /** Start of the first saved period (null when none). */
  firstDate: number | null;
  /** Start of the last saved period (end of an accumulated run, as SWMM records it). */
  lastDate: number | null;
  periodsWithPrecip: number;
  periodsMissing: number;
  periodsMalfunc: number;
}

export interface RainFileData {
  format: RainFileFormat;
  /** Recording interval (s): the file's own for NWS/AES/CMC formats, the gage's for the standard format. */
  intervalS: number;
  /**
   * Start date-times of the recorded periods, increasing. NWS/AES/CMC: only periods with
   * rain; standard format: every line of the station (zeros too), as SWMM stores them —
   * a gage skips zero records after the first one.
   */
  times: number[];
  /** Depth over each period in inches (float32-rounded). */
  depthsIn: number[];
  stats: RainFileStats;
}

export interface RainFileResult {
  data: RainFileData | null;
  errors: EngineError[];
}

const f32 = Math.fround;
const MM_PER_INCH = 25.4;

interface Layout {
  format: RainFileFormat;
  intervalS: number;
  /** Seconds the time stamps are shifted back (stamps mark the END of NWS/AES/CMC periods). */
  timeOffsetS: number;
  headerLines: number;
  /** NWS space-delimited files with a 31-character station name column. */
  nameLength: number;
  /** NWS online: column of the date and of the value. */
  dataOffset: number;
  valueOffset: number;
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Integer in a fixed column range (blanks trimmed, optional sign); NaN when invalid. */
function intAt(line: string, from: number, to: number): number {
  const s = line.slice(from, to).trim();
  const body = s.startsWith('-') || s.startsWith('+') ? s.slice(1) : s;
  return isDigits(body) ? Number(s) : NaN;
}

function nwsInterval(elem: string): number {
  if (elem === 'HPCP') return 3600;
  if (elem === 'QPCP' || elem === 'QGAG') return 900;
  return 0;
}

function splitWs(s: string): string[] {
  return s.split(/[ \t\r]+/).filter((x) => x.length > 0);
}

function isStdLine(line: string): boolean {
  const t = splitWs(line);
  if (t.length < 7) return false;
  for (let i = 1; i <= 5; i++) if (!isDigits(t[i]!.replace(/^[+-]/, ''))) return false;
  return Number.isFinite(parseFloat(t[6]!));
}

/** Look at the first five lines for a known layout (SWMM checks in this order). */
function detect(lines: string[], gage: RainGage): Layout | undefined {
  const base = { timeOffsetS: 0, nameLength: 0, dataOffset: 0, valueOffset: 0 };
  for (let n = 0; n < 5 && n < lines.length; n++) {
    const line = lines[n]!;
    const t = splitWs(line);
    let iv: number;
    // NWS space delimited
    if (t.length >= 3 && isDigits(t[0]!) && t[0]!.length <= 6 && isDigits(t[1]!) && (iv = nwsInterval(t[2]!)) > 0) {
      return { ...base, format: 'NWS_SPACE', intervalS: iv, timeOffsetS: iv, headerLines: n };
    }
    const t37 = splitWs(line.slice(37));
    if (t37.length >= 4 && isDigits(t37[0]!) && (iv = nwsInterval(t37[1]!)) > 0 && isDigits(t37[3]!)) {
      return { ...base, format: 'NWS_SPACE', intervalS: iv, timeOffsetS: iv, headerLines: n, nameLength: 31 };
    }
    // NWS comma delimited (with or without station name)
    const c = line.split(',');
    if (c.length >= 3 && isDigits(c[0]!.trim()) && isDigits(c[1]!.trim()) && (iv = nwsInterval(c[2]!.trim())) > 0) {
      return { ...base, format: 'NWS_COMMA', intervalS: iv, timeOffsetS: iv, headerLines: n };
    }
    const c37 = line.slice(37).split(',');
    if (c37.length >= 4 && isDigits(c37[0]!.trim()) && (iv = nwsInterval(c37[1]!.trim())) > 0) {
      return { ...base, format: 'NWS_COMMA', intervalS: iv, timeOffsetS: iv, headerLines: n };
    }
    // NWS TD-3240/3260 tape: record type, 6-digit station, 2-digit division, element
    if (line.length > 15 && !/\s/.test(line.slice(0, 3)) && isDigits(line.slice(3, 9)) && isDigits(line.slice(9, 11)) && (iv = nwsInterval(line.slice(11, 15))) > 0) {
      return { ...base, format: 'NWS_TAPE', intervalS: iv, timeOffsetS: iv, headerLines: n };
    }
    // NCDC online: "COOP:nnnnnn yyyymmdd hh:mm value …" under a header naming HPCP/QPCP
    if (t.length >= 1 && t[0]!.startsWith('COOP:') && isDigits(t[0]!.slice(5, 11))) {
      const header = lines[0]!;
      let vo = header.indexOf('HPCP');
      let fmt: RainFileFormat = 'NWS_ONLINE_60';
      iv = 3600;
      if (vo < 0) {
        vo = header.indexOf('QPCP');
        fmt = 'NWS_ONLINE_15';
        iv = 900;
      }
      if (vo < 0) return undefined;
      // the date starts 11 characters before the last ':' of the first data line
      for (let k = 1; k <= 5 && k < lines.length; k++) {
        const dl = lines[k]!;
        if (!dl.includes('COOP:')) continue;
        const colon = dl.lastIndexOf(':');
        if (colon < 0) return undefined;
        return { ...base, format: fmt, intervalS: iv, timeOffsetS: iv, headerLines: n, dataOffset: colon - 11, valueOffset: vo };
      }
      return undefined;
    }
    // Canadian AES hourly (3-digit year) and CMC hourly / fifteen-minute
    if (isDigits(line.slice(0, 7).trim())) {
      if (intAt(line, 14, 17) === 123 && line.length >= 185) {
        return { ...base, format: 'AES_HLY', intervalS: 3600, timeOffsetS: 3600, headerLines: n };
      }
      const elem = intAt(line, 15, 18);
      if (elem === 159 && line.length >= 691) return { ...base, format: 'CMC_FIF', intervalS: 900, timeOffsetS: 900, headerLines: n };
      if (elem === 123 && line.length >= 186) return { ...base, format: 'CMC_HLY', intervalS: 3600, timeOffsetS: 3600, headerLines: n };
    }
    if (isStdLine(line)) return { ...base, format: 'STANDARD', intervalS: gage.intervalS, headerLines: n };
  }
  return undefined;
}

/** Accumulates records and statistics the way SWMM's interface-file writer does. */
class Recorder {
  times: number[] = [];
  depths: number[] = [];
  stats: RainFileStats = { firstDate: null, lastDate: null, periodsWithPrecip: 0, periodsMissing: 0, periodsMalfunc: 0 };
  accumStart: number | null = null;
  /** First line whose record goes back in time, if any. */
  outOfOrder = 0;
  constructor(readonly lay: Layout) {}

  private push(t: number, x: number, lineNo: number): void {
    const last = this.times[this.times.length - 1];
    if (last !== undefined && t < last && !this.outOfOrder) this.outOfOrder = lineNo;
    this.times.push(t);
    this.depths.push(x);
    if (this.stats.firstDate === null) this.stats.firstDate = t;
    this.stats.lastDate = t;
  }

  save(date: number, hour: number, minute: number, x: number, missing: boolean, lineNo: number): void {
    if (missing) {
      this.stats.periodsMissing++;
      return;
    }
    this.stats.periodsWithPrecip++;
    this.push(addSeconds(date, 3600 * hour + 60 * minute - this.lay.timeOffsetS), x, lineNo);
  }

  /** An accumulated total ('A' flag) spread evenly over the periods since the 'a' flag. */
  saveAccum(date: number, hour: number, minute: number, v: number, lineNo: number): void {
    if (this.accumStart === null) return;
    const end = date + encodeTime(hour, minute, 0);
    const diffS = Math.round((end - this.accumStart) * 86400);
    const n = Math.trunc(diffS / this.lay.intervalS) + 1;
    if (v === 99999) {
      this.stats.periodsMissing += n;
      return; // [as-is] SWMM keeps the accumulation start here
    }
    this.stats.periodsWithPrecip += n;
    const x = f32(f32(v / n) / 100);
    if (x > 0) {
      let t = addSeconds(this.accumStart, -this.lay.timeOffsetS);
      for (let j = 0; j < n; j++) {
        this.push(t, x, lineNo);
        t = addSeconds(t, this.lay.intervalS);
        this.stats.lastDate = t; // SWMM records the end of the run here
      }
    }
    this.accumStart = null;
  }

  /** One NWS value with its flag. */
  nwsValue(date: number, hour: number, minute: number, v: number, flag: string, lineNo: number): void {
    const missing = flag === '{' || flag === '}' || flag === '[' || flag === ']' || flag === 'M' || v >= 9999;
    if (flag === 'a') this.accumStart = date + encodeTime(hour, minute, 0);
    else if (flag === 'A') this.saveAccum(date, hour, minute, v, lineNo);
    else {
      const x = f32(v / 100);
      if (x > 0 || missing) this.save(date, hour, minute, x, missing, lineNo);
    }
  }
}

function charAt(line: string, i: number): string {
  const c = line[i];
  return c === undefined || c === ' ' || c === '\t' || c === '\r' ? '' : c;
}

/** Reads one NWS line; returns false when the record is past the period of interest. */
function readNwsLine(line: string, lineNo: number, rec: Recorder, startDate: number | undefined): void {
  const lay = rec.lay;
  const len = line.replace(/\r$/, '').length;
  let y: number, m: number, d: number, k: number;
  switch (lay.format) {
    case 'NWS_TAPE':
      if (len <= 30) return;
      y = intAt(line, 17, 21);
      m = intAt(line, 21, 23);
      d = intAt(line, 23, 27);
      k = 30;
      break;
    case 'NWS_SPACE': {
      const k0 = 18 + lay.nameLength;
      if (len <= 28 + lay.nameLength) return;
      const t = splitWs(line.slice(k0, k0 + 10));
      y = Number(t[0]);
      m = Number(t[1]);
      d = Number(t[2]);
      if (!isDigits(t[0] ?? '') || !isDigits(t[1] ?? '') || !isDigits(t[2] ?? '')) return;
      k = k0 + 10;
      break;
    }
    case 'NWS_COMMA': {
      if (len <= 28) return;
      const t = line.slice(18, 28).split(',');
      y = intAt(t[0] ?? '', 0, 4);
      m = intAt(t[1] ?? '', 0, 2);
      d = intAt(t[2] ?? '', 0, 2);
      k = 28;
      break;
    }
    default: {
      // NCDC online: one value per line
      if (len <= lay.dataOffset + 23 || lay.dataOffset < 0) return;
      y = intAt(line, lay.dataOffset, lay.dataOffset + 4);
      m = intAt(line, lay.dataOffset + 4, lay.dataOffset + 6);
      d = intAt(line, lay.dataOffset + 6, lay.dataOffset + 8);
      k = lay.dataOffset + 8;
      break;
    }
  }
  let date = encodeDate(y, m, d);
  if (Number.isNaN(date)) return;
  if (startDate !== undefined && date < startDate) return;

  if (lay.format === 'NWS_ONLINE_60' || lay.format === 'NWS_ONLINE_15') {
    const tm = line.slice(k).trim().split(/\s+/)[0] ?? '';
    const [hs, ms] = tm.split(':');
    let hour = Number(hs);
    const minute = Number(ms);
    if (!isDigits(hs ?? '') || !isDigits(ms ?? '')) return;
    const rest = line.slice(lay.valueOffset);
    const vt = splitWs(rest);
    let v: number;
    if (rest.includes('.')) {
      // newer files give decimal inches: convert to hundredths as SWMM does
      const x = f32(parseFloat(vt[0] ?? ''));
      if (!Number.isFinite(x)) return;
      v = Math.trunc(f32(f32(100 * x) + 0.5));
    } else {
      v = Number(vt[0]);
      if (!Number.isInteger(v)) return;
    }
    const flag = vt[1] !== undefined ? vt[1][0]! : '';
    // ending hour 0 is hour 24 of the previous day
    if (hour === 0) {
      hour = 24;
      date -= 1;
    }
    rec.nwsValue(date, hour, minute, v, flag, lineNo);
    return;
  }

  while (k < len) {
    let hour: number, minute: number, v: number, flag: string;
    if (lay.format === 'NWS_TAPE') {
      hour = intAt(line, k, k + 2);
      minute = intAt(line, k + 2, k + 4);
      v = intAt(line, k + 4, k + 10);
      flag = charAt(line, k + 10);
      k += 12;
    } else {
      // space / comma delimited groups of 16 characters: " hhmm vvvvvv f f"
      hour = intAt(line, k + 1, k + 3);
      minute = intAt(line, k + 3, k + 5);
      v = intAt(line, k + 6, k + 12);
      flag = charAt(line, k + 13);
      if (lay.format === 'NWS_COMMA' && flag === ',') flag = '';
      k += 16;
    }
    if (Number.isNaN(hour) || Number.isNaN(minute) || Number.isNaN(v) || hour >= 25) break;
    rec.nwsValue(date, hour, minute, v, flag, lineNo);
  }
}

function readCmcLine(line: string, lineNo: number, rec: Recorder, startDate: number | undefined): void {
  const aes = rec.lay.format === 'AES_HLY';
  let y: number, m: number, d: number, elem: number, col: number;
  if (aes) {
    y = intAt(line, 7, 10);
    y += y < 100 ? 2000 : 1000;
    m = intAt(line, 10, 12);
    d = intAt(line, 12, 14);
    elem = intAt(line, 14, 17);
    col = 17;
  } else {
    y = intAt(line, 7, 11);
    m = intAt(line, 11, 13);
    d = intAt(line, 13, 15);
    elem = intAt(line, 15, 18);
    col = 18;
  }
  const date = encodeDate(y, m, d);
  if (Number.isNaN(date)) return;
  if (startDate !== undefined && date < startDate) return;
  if (elem !== (rec.lay.format === 'CMC_FIF' ? 159 : 123)) return;
  const jMax = rec.lay.format === 'CMC_FIF' ? 96 : 24;
  let hour = 0;
  let minute = 0;
  for (let j = 0; j < jMax; j++) {
    const v = intAt(line, col, col + 6);
    if (Number.isNaN(v) || col + 6 >= line.length) return;
    col += 7;
    const missing = v === -99999;
    // tenths of a millimetre → inches
    const x = f32(v / 10 / MM_PER_INCH);
    if (x > 0 || missing) rec.save(date, hour, minute, x, missing, lineNo);
    if (rec.lay.format === 'CMC_FIF') {
      minute += 15;
      if (minute === 60) {
        minute = 0;
        hour++;
      }
    } else hour++;
  }
}

/**
 * Read a rain data file for a FILE gage. Never throws. Errors: 319 unknown format,
 * 318 records out of time order, 321 no data for the gage.
 *
 * Example: `readRainFile(text, gage).data?.times[0]` is the start of the first
 * recorded period; each record covers [time, time + intervalS) with depthsIn inches.
 */
export function readRainFile(text: string, gage: RainGage, opts: { fileName?: string } = {}): RainFileResult {
  const src = gage.source;
  const fileName = opts.fileName ?? (src.kind === 'FILE' ? src.file : 'rain file');
  const errors: EngineError[] = [];
  try {
    const lines = text.split('\n');
    const lay = detect(lines, gage);
    if (!lay) {
      errors.push(makeError(319, fileName, { file: fileName }, 'a standard, NCDC/NWS, AES or CMC rain file'));
      return { data: null, errors };
    }
    const rec = new Recorder(lay);
    const startDate = src.kind === 'FILE' ? src.startDate : undefined;
    const station = src.kind === 'FILE' ? src.station.toUpperCase() : '';
    const mm = src.kind === 'FILE' && src.units === 'MM';
    let accum = 0;
    let prev = -Infinity;
    for (let i = lay.headerLines; i < lines.length; i++) {
      const line = lines[i]!;
      const lineNo = i + 1;
      if (lay.format === 'STANDARD') {
        const t = splitWs(line);
        if (t.length < 7 || !isStdLine(line)) continue;
        if (t[0]!.toUpperCase() !== station) continue;
        const [y, m, d, h, mi] = [1, 2, 3, 4, 5].map((j) => Math.trunc(Number(t[j])));
        const date = encodeDate(y!, m!, d!);
        if (Number.isNaN(date)) continue;
        if (startDate !== undefined && date < startDate) continue;
        const when = date + encodeTime(h!, mi!, 0);
        if (!(when > prev)) {
          errors.push(makeError(318, fileName, { file: fileName, line: lineNo }, `records in increasing time order ("${line.trim()}")`));
          return { data: null, errors };
        }
        prev = when;
        let x = f32(parseFloat(t[6]!));
        if (gage.form === 'INTENSITY') x = f32(f32(x * lay.intervalS) / 3600);
        else if (gage.form === 'CUMULATIVE') {
          if (x >= accum) {
            x = f32(x - accum);
            accum = f32(accum + x);
          } else accum = x;
        }
        if (mm) x = f32(x * f32(1 / MM_PER_INCH));
        rec.save(date, h!, mi!, x, false, lineNo);
      } else if (lay.format === 'AES_HLY' || lay.format === 'CMC_HLY' || lay.format === 'CMC_FIF') {
        readCmcLine(line, lineNo, rec, startDate);
      } else {
        readNwsLine(line, lineNo, rec, startDate);
      }
    }
    if (rec.outOfOrder) {
      errors.push(makeError(318, fileName, { file: fileName, line: rec.outOfOrder }, 'records in increasing time order'));
      return { data: null, errors };
    }
    if (rec.times.length === 0) {
      errors.push(makeError(321, gage.name, { file: fileName }, `records for station ${src.kind === 'FILE' ? src.station : ''}`));
      return { data: null, errors };
    }
    return { data: { format: lay.format, intervalS: lay.intervalS, times: rec.times, depthsIn: rec.depths, stats: rec.stats }, errors };
  } catch (e) {
    errors.push(makeError(319, fileName, { file: fileName }, `a readable rain file (${e instanceof Error ? e.message : String(e)})`));
    return { data: null, errors };
  }
}
