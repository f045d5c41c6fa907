// Parses rainfall CSV text into a daily series for the control-rate curve. Pure: takes text, returns numbers.
// Default layout: header `date,rain_mm`, one row per day, dry days 0. Other column names, and sub-daily rows
// (a time after the date) that are summed per calendar day, are accepted when the caller names the columns.

export interface RainCsvOptions {
  dateColumn?: string;
  rainColumn?: string;
  /** Optional column flagging solid precipitation (1/true/yes/snow/y → excluded). */
  snowColumn?: string;
  /** Values ≥ this are provider "missing" sentinels (e.g. 999.9, 32766), never rain. Default 999. */
  missingAtOrAbove?: number;
  /** Field separator; default: detected from the header (comma, semicolon or tab). */
  delimiter?: string;
}

export interface DailyRain {
  /** ISO dates (YYYY-MM-DD), ascending, one per calendar day that has data. */
  dates: string[];
  /** Daily depth (mm); NaN where all readings of the day were missing. */
  rainMm: number[];
  /** True when some rows carried a time of day and were summed into days. */
  aggregatedSubDaily: boolean;
  rows: number;
  missingValues: number;
  snowDaysExcluded: number;
  /** Calendar days between first and last date that have no row at all. */
  absentDays: number;
  /** Span of the record in years (first to last day inclusive / 365.25). */
  years: number;
  warnings: string[];
}

/** Error with the CSV line number, for clear CLI messages. */
export class RainCsvError extends Error {
  constructor(message: string, readonly line?: number) {
    super(line ? `line ${line}: ${message}` : message);
    this.name = 'RainCsvError';
  }
}

const MISSING_TOKENS = new Set(['', 'na', 'nan', 'null', 'missing', '-', '--']);
const DAY_MS = 86_400_000;

function splitRow(line: string, delim: string): string[] {
  // Quoted fields are allowed (spreadsheets quote everything); embedded delimiters inside quotes are kept.
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === delim && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** Parses the date part of a timestamp: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD or YYYYMMDD, optional time after. */
export function parseDatePart(s: string): { day: string; hasTime: boolean } | null {
  const m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?\s*$/.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return { day: `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, hasTime: m[4] !== undefined };
}

/** Whole calendar years from start to end (ms), plus the remainder in days / 365.25: 1990-01-01…2019-12-31 is 30. */
function calendarYears(startMs: number, endMs: number): number {
  const s = new Date(startMs);
  let full = 0;
  const addYears = (n: number) => Date.UTC(s.getUTCFullYear() + n, s.getUTCMonth(), s.getUTCDate());
  while (addYears(full + 1) <= endMs) full++;
  return full + (endMs - addYears(full)) / DAY_MS / 365.25;
}

/** Parses rainfall CSV text; throws RainCsvError (with line numbers) on anything it cannot trust. */
export function parseRainCsv(text: string, opts: RainCsvOptions = {}): DailyRain {
  const dateCol = opts.dateColumn ?? 'date';
  const rainCol = opts.rainColumn ?? 'rain_mm';
  const sentinel = opts.missingAtOrAbove ?? 999;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let headerIdx = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (headerIdx < 0) throw new RainCsvError('the CSV is empty: expected a header line such as "date,rain_mm" and one row per day');
  const headerLine = lines[headerIdx]!;
  const delim = opts.delimiter ?? ([',', ';', '\t'].find((d) => headerLine.includes(d)) ?? ',');
  const header = splitRow(headerLine, delim).map((h) => h.toLowerCase());
  const find = (name: string) => header.indexOf(name.toLowerCase());
  const di = find(dateCol);
  const ri = find(rainCol);
  if (di < 0 || ri < 0) {
    const missing = [di < 0 ? dateCol : null, ri < 0 ? rainCol : null].filter(Boolean).join(' and ');
    throw new RainCsvError(`header has no column ${missing} (columns found: ${header.join(', ') || 'none'}); name the columns with --date-column/--rain-column`, headerIdx + 1);
  }
  const si = opts.snowColumn ? find(opts.snowColumn) : -1;
  if (opts.snowColumn && si < 0) throw new RainCsvError(`header has no snow-flag column ${opts.snowColumn}`, headerIdx + 1);

  const byDay = new Map<string, { sum: number; valid: number }>();
  let rows = 0;
  let missing = 0;
  let snow = 0;
  let subDaily = false;
  for (let i = headerIdx + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    const cells = splitRow(raw, delim);
    const lineNo = i + 1;
    if (cells.length <= Math.max(di, ri)) throw new RainCsvError(`expected at least ${Math.max(di, ri) + 1} fields, found ${cells.length}`, lineNo);
    const date = parseDatePart(cells[di]!);
    if (!date) throw new RainCsvError(`cannot read the date "${cells[di]}" (use YYYY-MM-DD, optionally followed by a time)`, lineNo);
    if (date.hasTime) subDaily = true;
    rows++;
    const slot = byDay.get(date.day) ?? { sum: 0, valid: 0 };
    byDay.set(date.day, slot);
    if (si >= 0 && /^(1|true|yes|y|snow)$/i.test(cells[si] ?? '')) {
      snow++;
      slot.valid = -Infinity; // the whole day is excluded
      continue;
    }
    const cell = cells[ri]!;
    if (MISSING_TOKENS.has(cell.toLowerCase())) {
      missing++;
      continue;
    }
    // Trace-rain codes such as "T" or "0.0T" would silently become numbers with parseFloat; Number() rejects them.
    const v = Number(cell);
    if (!Number.isFinite(v)) throw new RainCsvError(`rain value "${cell}" is not a number (use empty or NA for missing data)`, lineNo);
    if (v < 0) throw new RainCsvError(`rain value ${v} is negative`, lineNo);
    if (v >= sentinel) {
      missing++;
      continue;
    }
    slot.sum += v;
    slot.valid++;
  }
  if (rows === 0) throw new RainCsvError('the CSV has a header but no data rows');

  const dates = [...byDay.keys()].sort();
  const rainMm = dates.map((d) => {
    const s = byDay.get(d)!;
    return s.valid > 0 ? s.sum : NaN;
  });
  const snowDays = dates.filter((d) => byDay.get(d)!.valid === -Infinity).length;
  const firstMs = Date.parse(dates[0]!);
  const lastMs = Date.parse(dates[dates.length - 1]!);
  const spanDays = Math.round((lastMs - firstMs) / DAY_MS) + 1;
  const years = calendarYears(firstMs, lastMs + DAY_MS);
  const absentDays = spanDays - dates.length;
  const warnings: string[] = [];
  if (years < 30) warnings.push(`record covers ${years.toFixed(1)} years; the Guideline asks for at least 30 years of daily rainfall`);
  if (missing > 0) warnings.push(`${missing} missing or sentinel value(s) ignored (never counted as rain)`);
  if (absentDays > 0) warnings.push(`${absentDays} calendar day(s) between the first and last date have no row`);
  if (si < 0) warnings.push('no snow-flag column named: snowfall days, if any, are counted as rain');
  if (subDaily) warnings.push('sub-daily rows were summed per calendar day');
  return { dates, rainMm, aggregatedSubDaily: subDaily, rows, missingValues: missing, snowDaysExcluded: snowDays, absentDays, years, warnings };
}
