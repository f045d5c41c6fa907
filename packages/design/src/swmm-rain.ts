// Writes a block hyetograph as SWMM 5 input text ([RAINGAGES] + [TIMESERIES]) and inserts it into an
// existing .inp text. Pure text in, text out: the caller reads and writes files.

export type SwmmRainFormat = 'INTENSITY' | 'VOLUME' | 'CUMULATIVE';
/** SWMM rain units follow FLOW_UNITS: US flow units take inches, SI flow units millimetres. */
export type RainUnits = 'mm' | 'in';

export interface SwmmRainSeries {
  gageName: string;
  seriesName: string;
  stepMin: number;
  /** Block depths in mm, in time order. */
  depthsMm: readonly number[];
  format?: SwmmRainFormat;
  units?: RainUnits;
  /** Optional comment line written above the series. */
  comment?: string;
}

const MM_PER_IN = 25.4;
const US_FLOW_UNITS = new Set(['CFS', 'GPM', 'MGD']);

/** 10 significant digits: enough that SWMM's total depth matches the design depth to ~1e-9. */
function num(x: number): string {
  return String(Number(x.toPrecision(10)));
}

/** Relative clock time H:MM (or H:MM:SS when the step has seconds). */
export function formatClock(minutes: number): string {
  const totalSec = Math.round(minutes * 60);
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  const mm = String(m).padStart(2, '0');
  return s === 0 ? `${h}:${mm}` : `${h}:${mm}:${String(s).padStart(2, '0')}`;
}

function checkName(kind: string, name: string): void {
  if (!/^[^\s;"\[\]]+$/.test(name)) throw new RangeError(`${kind} name "${name}" must be one word without spaces, ';', '"' or brackets`);
}

/** Lines of the [TIMESERIES] section for the storm (no section header). */
export function timeseriesLines(s: SwmmRainSeries): string[] {
  checkName('time series', s.seriesName);
  if (!(s.stepMin > 0)) throw new RangeError(`time step must be > 0 min (got ${s.stepMin})`);
  if (Math.abs(s.stepMin * 60 - Math.round(s.stepMin * 60)) > 1e-6) throw new RangeError('time step must be a whole number of seconds for SWMM');
  const format = s.format ?? 'INTENSITY';
  const perUnit = s.units === 'in' ? 1 / MM_PER_IN : 1;
  const lines: string[] = [];
  if (s.comment) lines.push(`;${s.comment}`);
  let cum = 0;
  for (let k = 0; k < s.depthsMm.length; k++) {
    const d = s.depthsMm[k]! * perUnit;
    let value: number;
    if (format === 'INTENSITY') value = (60 * d) / s.stepMin;
    else if (format === 'VOLUME') value = d;
    else value = cum += d;
    // INTENSITY/VOLUME values apply to the interval starting at their time; CUMULATIVE values are totals at
    // the interval's end, so they are stamped one step later.
    const t = format === 'CUMULATIVE' ? (k + 1) * s.stepMin : k * s.stepMin;
    lines.push(`${s.seriesName.padEnd(16)} ${formatClock(t).padEnd(10)} ${num(value)}`);
  }
  // A closing zero stops the gage at the end of the storm (INTENSITY/VOLUME only).
  if (format !== 'CUMULATIVE') lines.push(`${s.seriesName.padEnd(16)} ${formatClock(s.depthsMm.length * s.stepMin).padEnd(10)} 0`);
  return lines;
}

/** The [RAINGAGES] line for the storm. */
export function raingageLine(s: SwmmRainSeries): string {
  checkName('rain gage', s.gageName);
  const format = s.format ?? 'INTENSITY';
  return `${s.gageName.padEnd(16)} ${format.padEnd(10)} ${formatClock(s.stepMin).padEnd(8)} 1.0      TIMESERIES ${s.seriesName}`;
}

/** A stand-alone block: [RAINGAGES] and [TIMESERIES] sections. */
export function formatSwmmRain(s: SwmmRainSeries): string {
  return ['[RAINGAGES]', ';;Name          Format     Interval SCF      Source', raingageLine(s), '', '[TIMESERIES]', ';;Name          Time       Value', ...timeseriesLines(s), ''].join('\n');
}

interface Section {
  name: string; // upper-case, with brackets
  start: number; // index of header line
  end: number; // index one past the last line of the section
}

function sections(lines: string[]): Section[] {
  const out: Section[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(\[[^\]]+\])/.exec(lines[i]!);
    if (m) {
      if (out.length) out[out.length - 1]!.end = i;
      out.push({ name: m[1]!.toUpperCase(), start: i, end: lines.length });
    }
  }
  return out;
}

function dataTokens(line: string): string[] {
  const body = line.split(';')[0]!.trim();
  return body === '' ? [] : body.split(/\s+/);
}

/** Rain units of a model from its FLOW_UNITS option (SWMM default CFS → inches). */
export function rainUnitsOfInp(inpText: string): RainUnits {
  const lines = inpText.split(/\r?\n/);
  const opt = sections(lines).find((s) => s.name === '[OPTIONS]');
  if (opt) {
    for (let i = opt.start + 1; i < opt.end; i++) {
      const t = dataTokens(lines[i]!);
      if (t.length >= 2 && t[0]!.toUpperCase() === 'FLOW_UNITS') return US_FLOW_UNITS.has(t[1]!.toUpperCase()) ? 'in' : 'mm';
    }
  }
  return 'in';
}

export interface InsertResult {
  inpText: string;
  units: RainUnits;
  /** Subcatchments whose rain gage was switched to the storm's gage. */
  reassignedSubcatchments: string[];
  notes: string[];
}

/** Internal: puts a gage line and series lines into a model, optionally re-pointing subcatchments and setting options. */
function insertRain(
  inpText: string,
  gage: { gageName: string; seriesName: string; gageLine: string; seriesLines: string[] },
  opts: { assignToSubcatchments?: boolean; setOptions?: Record<string, string> },
): { inpText: string; reassignedSubcatchments: string[]; notes: string[] } {
  const eol = inpText.includes('\r\n') ? '\r\n' : '\n';
  const lines = inpText.split(/\r?\n/);
  const notes: string[] = [];
  const reassigned: string[] = [];

  const replaceInSection = (secName: string, newLines: string[], matches: (tokens: string[]) => boolean, header: string[]) => {
    const sec = sections(lines).find((x) => x.name === secName);
    if (!sec) {
      if (lines.length && lines[lines.length - 1]!.trim() !== '') lines.push('');
      lines.push(secName, ...header, ...newLines, '');
      return;
    }
    let removed = 0;
    for (let i = sec.end - 1; i > sec.start; i--) {
      const t = dataTokens(lines[i]!);
      if (t.length && matches(t)) {
        lines.splice(i, 1);
        removed++;
      }
    }
    if (removed) notes.push(`replaced ${removed} existing line(s) in ${secName}`);
    let at = sec.end - removed;
    while (at - 1 > sec.start && lines[at - 1]!.trim() === '') at--;
    lines.splice(at, 0, ...newLines);
  };

  replaceInSection('[TIMESERIES]', gage.seriesLines, (t) => t[0] === gage.seriesName, [';;Name          Time       Value']);
  replaceInSection('[RAINGAGES]', [gage.gageLine], (t) => t[0] === gage.gageName, [';;Name          Format     Interval SCF      Source']);
  if (opts.setOptions) {
    const keys = Object.keys(opts.setOptions);
    const entries = keys.map((k) => `${k.padEnd(20)} ${opts.setOptions![k]}`);
    replaceInSection('[OPTIONS]', entries, (t) => keys.includes(t[0]!.toUpperCase()), [';;Option             Value']);
  }

  if (opts.assignToSubcatchments ?? true) {
    const sub = sections(lines).find((x) => x.name === '[SUBCATCHMENTS]');
    if (sub) {
      for (let i = sub.start + 1; i < sub.end; i++) {
        const line = lines[i]!;
        const t = dataTokens(line);
        if (t.length < 2) continue;
        const semi = line.indexOf(';');
        const comment = semi >= 0 ? ' ' + line.slice(semi) : '';
        t[1] = gage.gageName;
        lines[i] = t.map((x, j) => (j < t.length - 1 ? x.padEnd(16) : x)).join(' ') + comment;
        reassigned.push(t[0]!);
      }
    }
  }
  return { inpText: lines.join(eol), reassignedSubcatchments: reassigned, notes };
}

/**
 * Inserts the storm into a model: adds (or replaces) the gage in [RAINGAGES] and the series in [TIMESERIES],
 * creating sections when absent, and by default points every subcatchment at the new gage. Rain values are
 * written in the model's units (inches for CFS/GPM/MGD models).
 */
export function insertStormIntoInp(inpText: string, s: SwmmRainSeries, opts: { assignToSubcatchments?: boolean } = {}): InsertResult {
  const units = rainUnitsOfInp(inpText);
  const series: SwmmRainSeries = { ...s, units };
  const r = insertRain(inpText, { gageName: s.gageName, seriesName: s.seriesName, gageLine: raingageLine(series), seriesLines: timeseriesLines(series) }, opts);
  if (units === 'in') r.notes.push('model uses US flow units: rain written in inches');
  return { inpText: r.inpText, units, reassignedSubcatchments: r.reassignedSubcatchments, notes: r.notes };
}

function swmmDate(iso: string): string {
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
}

/**
 * Turns a daily rainfall record into a continuous-simulation input: a dated VOLUME series at a 24-h interval
 * (each day's depth falls evenly over that day), a gage using it, the simulation and report period set to the
 * whole record, and every subcatchment pointed at the gage. Missing days (NaN) are written as dry and counted.
 * A zero is written after each wet day followed by a dry one, so no reading is held past its day.
 */
export function insertDailyRainIntoInp(
  inpText: string,
  daily: { dates: readonly string[]; rainMm: readonly number[] },
  opts: { gageName?: string; seriesName?: string; assignToSubcatchments?: boolean } = {},
): InsertResult & { missingDays: number; totalMm: number } {
  const n = daily.dates.length;
  if (n === 0 || n !== daily.rainMm.length) throw new RangeError('daily rainfall needs one depth per date');
  const gageName = opts.gageName ?? 'DailyRain';
  const seriesName = opts.seriesName ?? `${gageName}_series`;
  checkName('rain gage', gageName);
  checkName('time series', seriesName);
  const units = rainUnitsOfInp(inpText);
  const perUnit = units === 'in' ? 1 / MM_PER_IN : 1;
  const dayMs = 86_400_000;
  const lines: string[] = [`;daily rainfall ${daily.dates[0]} … ${daily.dates[n - 1]} (${units === 'in' ? 'in' : 'mm'} per day)`];
  let missing = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const iso = daily.dates[i]!;
    const p = daily.rainMm[i]!;
    const ms = Date.parse(iso);
    if (i > 0 && !(ms > Date.parse(daily.dates[i - 1]!))) throw new RangeError(`dates must increase (${daily.dates[i - 1]} then ${iso})`);
    if (Number.isNaN(p)) missing++;
    if (!(p > 0)) continue;
    if (!Number.isFinite(p)) throw new RangeError(`rain on ${iso} is not a finite depth`);
    total += p;
    lines.push(`${seriesName.padEnd(16)} ${swmmDate(iso)} 00:00 ${num(p * perUnit)}`);
    // Close the wet day with a zero unless the next record is the following day and wet too.
    const next = i + 1 < n ? Date.parse(daily.dates[i + 1]!) : NaN;
    if (!(next === ms + dayMs && daily.rainMm[i + 1]! > 0)) lines.push(`${seriesName.padEnd(16)} ${swmmDate(new Date(ms + dayMs).toISOString().slice(0, 10))} 00:00 0`);
  }
  const endIso = new Date(Date.parse(daily.dates[n - 1]!) + dayMs).toISOString().slice(0, 10);
  const gageLine = `${gageName.padEnd(16)} VOLUME     24:00    1.0      TIMESERIES ${seriesName}`;
  const r = insertRain(inpText, { gageName, seriesName, gageLine, seriesLines: lines }, {
    assignToSubcatchments: opts.assignToSubcatchments,
    setOptions: {
      START_DATE: swmmDate(daily.dates[0]!),
      START_TIME: '00:00:00',
      REPORT_START_DATE: swmmDate(daily.dates[0]!),
      REPORT_START_TIME: '00:00:00',
      END_DATE: swmmDate(endIso),
      END_TIME: '00:00:00',
    },
  });
  if (missing) r.notes.push(`${missing} missing day(s) written as dry`);
  if (units === 'in') r.notes.push('model uses US flow units: rain written in inches');
  return { inpText: r.inpText, units, reassignedSubcatchments: r.reassignedSubcatchments, notes: r.notes, missingDays: missing, totalMm: total };
}
