// Compares our parsed .rpt with EPA SWMM's, cell by cell, with the tolerances the issues set:
// continuity rows within 0.5 % of the table's largest term; per-object totals within 1 %;
// peaks within 2 %. Every printed number carries rounding to its printed precision, so each
// comparison also allows one unit in the last printed digit of either side.
import type { ParsedReport, SummaryTable } from './rpt-parse.js';

export type CellKind = 'total' | 'peak' | 'lid' | 'hours' | 'flood';

export interface ColumnCheck {
  /** Index into a parsed row (0 = object id). */
  col: number;
  name: string;
  kind: CellKind;
}

/** The cells each summary table is judged on. Columns not listed are not judged. */
export const TABLE_CHECKS: Record<string, ColumnCheck[]> = {
  'Subcatchment Runoff Summary': [
    { col: 1, name: 'precip', kind: 'total' },
    { col: 2, name: 'runon', kind: 'total' },
    { col: 3, name: 'evap', kind: 'total' },
    { col: 4, name: 'infil', kind: 'total' },
    { col: 5, name: 'imperv runoff', kind: 'total' },
    { col: 6, name: 'perv runoff', kind: 'total' },
    { col: 7, name: 'runoff depth', kind: 'total' },
    { col: 8, name: 'runoff volume', kind: 'total' },
    { col: 9, name: 'peak runoff', kind: 'peak' },
  ],
  // "Reported Max Depth" (col 7) is not judged: it is the max over the values sampled at reporting
  // times, so a wet-well cycling under a pump lands on or off a report time by chance; the true peak
  // is "Maximum Depth", judged here.
  'Node Depth Summary': [{ col: 3, name: 'max depth', kind: 'peak' }],
  'Node Inflow Summary': [
    { col: 2, name: 'max lateral inflow', kind: 'peak' },
    { col: 3, name: 'max total inflow', kind: 'peak' },
    { col: 6, name: 'lateral volume', kind: 'total' },
    { col: 7, name: 'total inflow volume', kind: 'total' },
  ],
  'Node Flooding Summary': [
    { col: 1, name: 'hours flooded', kind: 'hours' },
    { col: 2, name: 'max flood rate', kind: 'peak' },
    { col: 5, name: 'flood volume', kind: 'flood' },
  ],
  'Node Surcharge Summary': [{ col: 2, name: 'hours surcharged', kind: 'hours' }],
  'Conduit Surcharge Summary': [
    { col: 1, name: 'hours full both ends', kind: 'hours' },
    { col: 2, name: 'hours full upstream', kind: 'hours' },
    { col: 3, name: 'hours full downstream', kind: 'hours' },
  ],
  // Avg flow is the outfall volume over its wet duration (steps above 0.001 cfs): judged as a duration.
  'Outfall Loading Summary': [
    { col: 2, name: 'avg flow', kind: 'hours' },
    { col: 3, name: 'max flow', kind: 'peak' },
    { col: 4, name: 'outfall volume', kind: 'total' },
  ],
  'Link Flow Summary': [{ col: 2, name: 'max |flow|', kind: 'peak' }],
  // SWMM 5.2 streets: peak flow, spread and depth (the inlet columns are judged in test/inlets).
  'Street Flow Summary': [
    { col: 1, name: 'peak flow', kind: 'peak' },
    { col: 2, name: 'max spread', kind: 'peak' },
    { col: 3, name: 'max depth', kind: 'peak' },
  ],
  'Storage Volume Summary': [
    { col: 4, name: 'max volume', kind: 'peak' },
  ],
  // Rows are (subcatchment, LID control); cells within 1 % or 0.01 of the table's largest term.
  'LID Performance Summary': [2, 3, 4, 5, 6, 7, 8].map((col, k) => ({
    col,
    name: ['inflow', 'evap', 'infil', 'surface outflow', 'drain outflow', 'initial storage', 'final storage'][k]!,
    kind: 'lid' as const,
  })),
  'Pumping Summary': [
    { col: 5, name: 'max flow', kind: 'peak' },
    { col: 6, name: 'pumped volume', kind: 'total' },
  ],
  // Depths over the subcatchment (in/mm), the largest lateral flow, moisture and water table levels.
  'Groundwater Summary': [
    { col: 1, name: 'gw infil', kind: 'total' },
    { col: 2, name: 'gw evap', kind: 'total' },
    { col: 3, name: 'lower seepage', kind: 'total' },
    { col: 4, name: 'lateral outflow', kind: 'total' },
    { col: 5, name: 'max lateral outflow', kind: 'peak' },
    { col: 6, name: 'avg upper moisture', kind: 'total' },
    { col: 7, name: 'avg water table', kind: 'total' },
    { col: 8, name: 'final upper moisture', kind: 'total' },
    { col: 9, name: 'final water table', kind: 'total' },
  ],
  // Water quality: one load column per pollutant (lbs, kg or log10 counts); columns a model
  // does not have are skipped.
  'Subcatchment Washoff Summary': pollutantColumns(1, 'washoff load'),
  'Link Pollutant Load Summary': pollutantColumns(1, 'link load'),
};
// Outfall pollutant loads follow the four flow columns.
TABLE_CHECKS['Outfall Loading Summary']!.push(...pollutantColumns(5, 'outfall load'));

/** Load columns of up to 10 pollutants starting at `first`. */
function pollutantColumns(first: number, name: string): ColumnCheck[] {
  return Array.from({ length: 10 }, (_, k) => ({ col: first + k, name: `${name} ${k + 1}`, kind: 'total' as const }));
}

export const TOLERANCE: Record<CellKind | 'continuity', number> = {
  continuity: 0.005, total: 0.01, peak: 0.02, lid: 0.01, hours: 0.05, flood: 0.02,
};

/** Tables whose rows are keyed by their first two tokens. */
const TWO_TOKEN_KEYS = new Set(['LID Performance Summary']);

export interface CellResult {
  where: string;
  ours: number | string | undefined;
  ref: number | string;
  /** Difference divided by the allowed difference: ≤ 1 passes. */
  ratio: number;
}

export interface ModelComparison {
  cells: number;
  failures: CellResult[];
  worst: CellResult | null;
}

function decimals(x: number): number {
  const s = String(x);
  if (s.includes('e')) return 6;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function record(res: ModelComparison, cell: CellResult): void {
  res.cells++;
  if (!res.worst || cell.ratio > res.worst.ratio) res.worst = cell;
  if (!(cell.ratio <= 1)) res.failures.push(cell);
}

/** Last-digit allowance of a printed column: values print with the column's widest decimals. */
function columnResolution(table: SummaryTable, col: number, other: SummaryTable | undefined): number {
  let d = 0;
  for (const t of [table, other]) {
    if (!t) continue;
    for (const r of t.rows) {
      const v = r[col];
      if (typeof v === 'number') d = Math.max(d, decimals(v));
    }
  }
  return Math.pow(10, -d);
}

export function compareReports(ours: ParsedReport, ref: ParsedReport, tables: string[]): ModelComparison {
  const res: ModelComparison = { cells: 0, failures: [], worst: null };
  for (const [title, refTable] of Object.entries(ref.continuity)) {
    if (!tables.includes(title)) continue;
    const ourTable = ours.continuity[title];
    const rows = Object.entries(refTable.rows);
    const largest: number[] = [];
    for (const [name, vals] of rows) {
      if (name.startsWith('Continuity Error')) continue;
      vals.forEach((v, k) => (largest[k] = Math.max(largest[k] ?? 0, Math.abs(v))));
    }
    for (const [name, vals] of rows) {
      const o = ourTable?.rows[name];
      vals.forEach((rv, k) => {
        const ov = o?.[k];
        // The continuity error itself is judged in percentage points (within 0.5); volume rows
        // against the table's largest term, plus the last printed digit (0.001).
        const allowed = name.startsWith('Continuity Error') ? 0.5 : TOLERANCE.continuity * (largest[k] ?? 0) + 0.001;
        const ratio = ov === undefined ? Infinity : Math.abs(ov - rv) / allowed;
        record(res, { where: `${title} / ${name}${k ? ` [col ${k + 1}]` : ''}`, ours: ov, ref: rv, ratio });
      });
    }
  }
  for (const [title, checks] of Object.entries(TABLE_CHECKS)) {
    if (!tables.includes(title)) continue;
    const refTable = ref.tables[title];
    if (!refTable) continue;
    const ourTable = ours.tables[title];
    const keyOf = (r: (string | number)[]): string =>
      (TWO_TOKEN_KEYS.has(title) ? `${r[0]} ${r[1]}` : String(r[0])).toUpperCase();
    const ourRows = new Map<string, (string | number)[]>();
    for (const r of ourTable?.rows ?? []) ourRows.set(keyOf(r), r);
    let tableMax = 0;
    for (const r of refTable.rows) for (const c of checks) if (typeof r[c.col] === 'number') tableMax = Math.max(tableMax, Math.abs(r[c.col] as number));
    for (const c of checks) {
      const resolution = columnResolution(refTable, c.col, ourTable);
      let colMax = 0;
      for (const r of refTable.rows) if (typeof r[c.col] === 'number') colMax = Math.max(colMax, Math.abs(r[c.col] as number));
      for (const r of refTable.rows) {
        const rv = r[c.col];
        if (typeof rv !== 'number') continue;
        const o = ourRows.get(keyOf(r));
        const ov = o?.[c.col];
        const rel = TOLERANCE[c.kind] * Math.abs(rv);
        // LID cells: 1 % or 0.01 of the table's largest term; flooded volumes: 2 % or 0.01 of the column's largest.
        const floor = c.kind === 'lid' ? 0.01 * tableMax : c.kind === 'flood' ? 0.01 * colMax : 0;
        const allowed = Math.max(rel, floor) + resolution;
        const ratio = typeof ov !== 'number' ? Infinity : Math.abs(ov - rv) / allowed;
        record(res, { where: `${title} / ${keyOf(r)} / ${c.name}`, ours: ov, ref: rv, ratio });
      }
    }
  }
  return res;
}
