// LID output (digest §6.4, §10.5): SWMM's per-unit detailed report files, the rows of the LID
// Performance Summary and LID Control Summary, and — beyond SWMM — one consolidated results
// table over all LID units (per unit and reporting period: inflow, evaporation, infiltration,
// surface outflow, drain outflow and each layer's depth or moisture), with a CSV writer.

/** Columns of the consolidated table and of SWMM's detailed report file, in that file's order. */
export const LID_RESULT_COLUMNS = [
  'inflow', 'evap', 'surfaceInfil', 'pavePerc', 'soilPerc', 'exfil', 'surfaceOutflow', 'drain',
  'surfaceDepth', 'paveDepth', 'soilMoisture', 'storageDepth',
] as const;
export type LidResultColumn = (typeof LID_RESULT_COLUMNS)[number];
export const LID_N_RESULTS = LID_RESULT_COLUMNS.length;
/** Index of each column in a row. */
export const LR_INFLOW = 0;
export const LR_EVAP = 1;
export const LR_SURF_INFIL = 2;
export const LR_PAVE_PERC = 3;
export const LR_SOIL_PERC = 4;
export const LR_EXFIL = 5;
export const LR_SURF_OUTFLOW = 6;
export const LR_DRAIN = 7;
export const LR_SURF_DEPTH = 8;
export const LR_PAVE_DEPTH = 9;
export const LR_SOIL_MOIST = 10;
export const LR_STOR_DEPTH = 11;

/** User unit of each column for a unit system. */
export function lidResultUnits(system: 'US' | 'SI'): readonly string[] {
  const rate = system === 'SI' ? 'mm/hr' : 'in/hr';
  const depth = system === 'SI' ? 'mm' : 'in';
  return [rate, rate, rate, rate, rate, rate, rate, rate, depth, depth, 'fraction', depth];
}

/** A row of SWMM's LID Performance Summary (same shape as the report writer's LidPerformanceRow). */
export interface LidPerformanceSummaryRow {
  subcatchment: string;
  lidControl: string;
  /** in or mm over the LID unit area */
  totalInflow: number;
  evapLoss: number;
  infilLoss: number;
  surfaceOutflow: number;
  drainOutflow: number;
  initialStorage: number;
  finalStorage: number;
  continuityErrorPct: number;
}

/** A row of SWMM's LID Control Summary (input summary; same shape as the report writer's). */
export interface LidControlSummaryRow {
  subcatchment: string;
  lidControl: string;
  units: number;
  /** ft² or m² */
  unitArea: number;
  /** ft or m */
  unitWidth: number;
  areaCoveredPct: number;
  imperviousTreatedPct: number;
  perviousTreatedPct: number;
}

// ---------------------------------------------------------------- C-style number text

/** printf("%w.df") for the values these files hold (sign kept for negative values). */
export function fmtFixed(x: number, width: number, decimals: number): string {
  const neg = x < 0 || Object.is(x, -0);
  const s = (neg ? '-' : '') + Math.abs(x).toFixed(decimals);
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}

// ---------------------------------------------------------------- detailed report file

const HEAD1 = ['\n                    \t', '  Elapsed\t', '    Total\t', '    Total\t', '  Surface\t', ' Pavement\t', '     Soil\t',
  '  Storage\t', '  Surface\t', '    Drain\t', '  Surface\t', ' Pavement\t', '     Soil\t', '  Storage'];
const HEAD2 = ['\n                    \t', '     Time\t', '   Inflow\t', '     Evap\t', '    Infil\t', '     Perc\t', '     Perc\t',
  '    Exfil\t', '   Runoff\t', '  OutFlow\t', '    Level\t', '    Level\t', ' Moisture\t', '    Level'];
const UNITS_US = ['\nDate        Time    \t', '    Hours\t', '    in/hr\t', '    in/hr\t', '    in/hr\t', '    in/hr\t', '    in/hr\t',
  '    in/hr\t', '    in/hr\t', '    in/hr\t', '   inches\t', '   inches\t', '  Content\t', '   inches'];
const UNITS_SI = ['\nDate        Time    \t', '    Hours\t', '    mm/hr\t', '    mm/hr\t', '    mm/hr\t', '    mm/hr\t', '    mm/hr\t',
  '    mm/hr\t', '    mm/hr\t', '    mm/hr\t', '       mm\t', '       mm\t', '  Content\t', '       mm'];

/**
 * One unit's detailed report file as SWMM writes it: a header, then one line per runoff step
 * (each line starts with a newline), except that of a run of dry steps only the first and the
 * last are written (the last one when the unit turns wet again).
 */
export class LidReportFile {
  readonly fileName: string;
  private readonly parts: string[] = [];
  /** Number of dry steps in a row (SWMM starts at 1 so a dry first step is not written). */
  private wasDry = 1;
  private pending = '';

  constructor(fileName: string, title: string, lidName: string, subcatchName: string, si: boolean) {
    this.fileName = fileName;
    let h = `SWMM5 LID Report File\n\nProject:  ${title}\nLID Unit: ${lidName} in Subcatchment ${subcatchName}\n`;
    h += HEAD1.join('') + HEAD2.join('') + (si ? UNITS_SI : UNITS_US).join('');
    h += '\n----------- --------' + '\t ---------'.repeat(13);
    this.parts.push(h);
  }

  /**
   * Add the line of one runoff step; `v[o …]` holds the 12 values in user units
   * (LID_RESULT_COLUMNS order).
   */
  addStep(dateText: string, elapsedHours: number, v: Float64Array, o: number, isDry: boolean): void {
    if (!isDry && this.wasDry > 1) this.parts.push(this.pending);
    let s = '\n' + (dateText.length >= 20 ? dateText : ' '.repeat(20 - dateText.length) + dateText);
    s += '\t ' + fmtFixed(elapsedHours, 8, 3);
    s += '\t ' + fmtFixed(v[o + LR_INFLOW]!, 8, 3);
    s += '\t ' + fmtFixed(v[o + LR_EVAP]!, 8, 4);
    s += '\t ' + fmtFixed(v[o + LR_SURF_INFIL]!, 8, 3);
    s += '\t ' + fmtFixed(v[o + LR_PAVE_PERC]!, 8, 3);
    s += '\t ' + fmtFixed(v[o + LR_SOIL_PERC]!, 8, 3);
    s += '\t ' + fmtFixed(v[o + LR_EXFIL]!, 8, 3);
    s += '\t' + fmtFixed(v[o + LR_SURF_OUTFLOW]!, 8, 3);
    s += '\t ' + fmtFixed(v[o + LR_DRAIN]!, 8, 3);
    s += '\t ' + fmtFixed(v[o + LR_SURF_DEPTH]!, 8, 3);
    s += '\t ' + fmtFixed(v[o + LR_PAVE_DEPTH]!, 8, 3);
    s += '\t ' + fmtFixed(v[o + LR_SOIL_MOIST]!, 8, 3);
    s += '\t ' + fmtFixed(v[o + LR_STOR_DEPTH]!, 8, 3);
    this.pending = s;
    if (isDry) {
      if (this.wasDry === 0) this.parts.push(s);
      this.wasDry++;
    } else {
      this.parts.push(s);
      this.wasDry = 0;
    }
  }

  /** The file text so far (SWMM leaves no newline after the last line). */
  text(): string {
    if (this.parts.length > 1) {
      const all = this.parts.join('');
      this.parts.length = 0;
      this.parts.push(all);
    }
    return this.parts[0] ?? '';
  }
}

// ---------------------------------------------------------------- consolidated results table

/** Identification of one LID unit in the consolidated table. */
export interface LidUnitInfo {
  /** Position in the table (and in the LID Performance Summary). */
  index: number;
  subcatchment: string;
  lidControl: string;
  lidType: string;
  /** Number of replicate units. */
  number: number;
  /** Area of all replicates (ft² or m²). */
  area: number;
}

/**
 * Values of every LID unit at every reporting period, in user units (see lidResultUnits):
 * `values[(period·nUnits + unit)·LID_N_RESULTS + column]`. Rates are those of the runoff step
 * in effect at the reporting time (as SWMM reports evaporation and infiltration), depths and
 * moisture the state at that step's end.
 */
export class LidResultsTable {
  readonly units: readonly LidUnitInfo[];
  readonly columns = LID_RESULT_COLUMNS;
  readonly columnUnits: readonly string[];
  private datesBuf: Float64Array;
  private valuesBuf: Float64Array;
  private n = 0;

  constructor(units: readonly LidUnitInfo[], system: 'US' | 'SI', capacityPeriods: number) {
    this.units = units;
    this.columnUnits = lidResultUnits(system);
    const cap = Math.max(1, capacityPeriods);
    this.datesBuf = new Float64Array(cap);
    this.valuesBuf = new Float64Array(cap * units.length * LID_N_RESULTS);
  }

  get periods(): number {
    return this.n;
  }

  /** Reporting date-times (day numbers), one per period. */
  get dates(): Float64Array {
    return this.datesBuf.subarray(0, this.n);
  }

  get values(): Float64Array {
    return this.valuesBuf.subarray(0, this.n * this.units.length * LID_N_RESULTS);
  }

  /** Start a period; returns the offset of its first value. Grows (rarely) past the planned capacity. */
  beginPeriod(date: number): number {
    const stride = this.units.length * LID_N_RESULTS;
    if (this.n >= this.datesBuf.length) {
      const cap = this.datesBuf.length * 2;
      const d = new Float64Array(cap);
      d.set(this.datesBuf);
      this.datesBuf = d;
      const v = new Float64Array(cap * stride);
      v.set(this.valuesBuf);
      this.valuesBuf = v;
    }
    this.datesBuf[this.n] = date;
    return this.n++ * stride;
  }

  /** Raw buffer for writing a period (offsets from beginPeriod). */
  get buffer(): Float64Array {
    return this.valuesBuf;
  }

  /** Value of one cell. */
  get(period: number, unit: number, column: number): number {
    return this.valuesBuf[(period * this.units.length + unit) * LID_N_RESULTS + column]!;
  }
}

/**
 * CSV text of the consolidated table: one row per period and unit, columns
 * `date,time,subcatchment,lid_control,<column>_<unit>…`. `formatDateTime` turns a day number
 * into "MM/DD/YYYY" and "HH:MM:SS" (passed in so this module needs no clock code).
 */
export function lidResultsCsv(table: LidResultsTable, formatDateTime: (date: number) => [string, string]): string {
  const unitTag = (u: string): string => u.replace('/', '_per_');
  const head = ['date', 'time', 'subcatchment', 'lid_control', ...LID_RESULT_COLUMNS.map((c, i) => `${c}_${unitTag(table.columnUnits[i]!)}`)];
  const out: string[] = [head.join(',')];
  const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const nU = table.units.length;
  const dates = table.dates;
  const vals = table.values;
  for (let p = 0; p < table.periods; p++) {
    const [d, t] = formatDateTime(dates[p]!);
    for (let u = 0; u < nU; u++) {
      const info = table.units[u]!;
      const o = (p * nU + u) * LID_N_RESULTS;
      let line = `${d},${t},${q(info.subcatchment)},${q(info.lidControl)}`;
      for (let c = 0; c < LID_N_RESULTS; c++) line += ',' + String(Number(vals[o + c]!.toPrecision(7)));
      out.push(line);
    }
  }
  return out.join('\n') + '\n';
}
